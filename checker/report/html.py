"""One self-contained HTML page: each story with its doubtful figures highlighted, for editors.

Every finding is a highlight coloured by severity; hovering it, clicking it
or reaching it with the Tab key shows its card: the message (which carries
the arithmetic that failed), the suggested repair, and the related numbers,
which light up in the text labelled with their role. The same cards are
listed beside the story, so the page reads without its script too (a mark's
`title` holds its messages), and a summary (counts by severity, by rule and
per file) sits at the top.

Everything that comes from the input (the text, paths, and messages and
suggestions, which quote the text) is escaped with html.escape, and
characters that are invisible or reorder text (zero width spaces, bidi
overrides, controls) are shown as visible stand-ins, as in the text report:
a story holding `<script>` stays text. The page's Content-Security-Policy
allows only its own inline style and script (html_assets).

Overlapping findings are cut at every boundary into pieces, and each piece
is one element carrying every finding and related number that covers it
(its colour is the most severe one's; a double underline says there are
several), so no element ever has to be split across another. A finding
with no width (or covering only a line break) is shown as a caret mark.

Streaming: each file's section is written as soon as it is checked; the
summary comes last in the byte stream and is placed at the top by CSS
(flex order), so a walk of many files never needs to be held: only a short
row (path and counts) per file that has findings or notices, for the
summary's table.
"""
from __future__ import annotations

import html
from collections import defaultdict
from typing import Iterable, Iterator

from statlint.checker.document import Document
from statlint.checker.model import Finding, Severity
from statlint.checker.notices import Notice
from statlint.checker.report import FileResult, Summary, Tally
from statlint.checker.report.html_assets import CSS, VIEWER_JS, csp
from statlint.checker.report.text import _DANGEROUS_FORMAT, _visible_char, summary_line, visible

SHOWN_TEXT = 200  # code points of a finding's own text quoted in its card at most
_LINE_END = "\r\n"


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    """The page: head, one section per file as it comes, then the summary (shown first) and the script."""
    tally = Tally()
    names: dict[str, str] = {}
    rows: list[tuple[int, str, dict[str, int], int]] = []  # files with something to show, for the summary
    quiet = 0
    yield page_head("statlint report")
    for index, result in enumerate(map(tally.add, results)):
        for finding in result.findings:
            names.setdefault(finding.rule, finding.name)
        if not (result.findings or result.notices):
            quiet += 1
            continue
        rows.append((index, result.path, _by_severity(result.findings), len(result.notices)))
        yield file_section(result, index)
    yield summary_section(tally.summary(), names, rows, quiet)
    yield page_tail()


def page_head(title: str, scripts: tuple[str, ...] = (VIEWER_JS,), connect: bool = False) -> str:
    """Everything up to the files: doctype, policy, style, and the masthead."""
    from statlint.checker import __version__

    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_attr(csp(scripts, connect))}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"statlint {_attr(__version__)}\">\n"
        f"<title>{_text(title)}</title>\n<style>{CSS}</style></head>\n<body><div id=\"page\">\n"
        f"<header id=\"masthead\"><h1>{_text(title)}</h1>"
        f"<span class=\"tool\">statlint {_text(__version__)}</span></header>\n"
    )


def page_tail(scripts: tuple[str, ...] = (VIEWER_JS,)) -> str:
    """The pop-up's empty box and the scripts, after everything they act on."""
    return ("</div>\n<div id=\"pop\" role=\"tooltip\" hidden></div>\n"
            + "".join(f"<script>{script}</script>\n" for script in scripts) + "</body></html>\n")


def summary_section(summary: Summary, names: dict[str, str], rows, quiet: int) -> str:
    """Counts by severity and by rule, and a row per file that has findings or notices."""
    out = ["<section id=\"summary\" class=\"panel\" aria-label=\"Summary\"><h2>Summary</h2>",
           f"<p class=\"verdict\">{_text(summary_line(summary))}</p><ul class=\"chips\">"]
    for severity in sorted(Severity, reverse=True):
        count = summary.by_severity.get(str(severity), 0)
        if count:
            out.append(f"<li class=\"chip {severity}\">{_count(count, str(severity))}</li>")
    if summary.notices:
        out.append(f"<li class=\"chip notice-count\">{_count(summary.notices, 'notice')}</li>")
    out.append("</ul><div class=\"tables\">")
    if summary.by_rule:
        out.append("<table class=\"by-rule\"><thead><tr><th>rule</th><th>name</th><th>findings</th></tr></thead><tbody>")
        out += [f"<tr><td class=\"code\">{_text(code)}</td><td>{_text(names.get(code, ''))}</td>"
                f"<td class=\"n\">{count}</td></tr>" for code, count in summary.by_rule.items()]
        out.append("</tbody></table>")
    if rows:
        out.append("<table class=\"by-file\"><thead><tr><th>file</th><th>errors</th><th>warnings</th><th>info</th>"
                   "<th>notices</th></tr></thead><tbody>")
        out += [f"<tr><td><a href=\"#file-{index}\">{_text(path)}</a></td>"
                + "".join(f"<td class=\"n\">{counts.get(str(s), 0)}</td>" for s in sorted(Severity, reverse=True))
                + f"<td class=\"n\">{notices}</td></tr>" for index, path, counts, notices in rows]
        out.append("</tbody></table>")
    out.append("</div>")
    if quiet:
        out.append(f"<p class=\"quiet\">{_count(quiet, 'file')} without findings or notices.</p>")
    out.append("</section>\n")
    return "".join(out)


def file_section(result: FileResult, index: int) -> str:
    """One file: its path and counts, its notices, the annotated story and the list of finding cards.

    `index` makes the file's element ids and classes unique on a page of several files.
    """
    counts = _by_severity(result.findings)
    label = ", ".join(_count(counts[str(s)], str(s)) for s in sorted(Severity, reverse=True) if counts.get(str(s)))
    out = [f"<section class=\"file panel\" id=\"file-{index}\" data-file=\"{index}\">",
           f"<h2><span class=\"path\">{_text(result.path)}</span>"
           f"<span class=\"quiet\">{label or ('not checked' if result.error else 'no findings')}</span></h2>"]
    if result.notices:
        out.append("<ul class=\"notices\">" + "".join(_notice(n) for n in result.notices) + "</ul>")
    doc = result.document
    if doc is not None and result.findings:
        keyed = [(f"{index}-{i}", f) for i, f in enumerate(result.findings)]
        out.append("<div class=\"body\"><div class=\"story\">")
        out.append(story(doc.text, doc.line_starts, keyed))
        out.append("</div><ol class=\"findings\" aria-label=\"Findings\">")
        out += [_card(doc, key, f) for key, f in keyed]
        out.append("</ol></div>")
    out.append("</section>\n")
    return "".join(out)


def story(text: str, line_starts: list[int], keyed: list[tuple[str, Finding]]) -> str:
    """The text as one element per line, each piece under the findings and related numbers covering it."""
    opens: dict[int, list[tuple[str, str]]] = defaultdict(list)  # offset -> ("f"|"r"|"p", key) starting there
    closes: dict[int, list[tuple[str, str]]] = defaultdict(list)
    findings = {}
    for key, f in keyed:
        findings[key] = f
        start, end = _clip(f.span.start, f.span.end, len(text))
        if text[start:end].strip(_LINE_END):
            opens[start].append(("f", key))
            closes[end].append(("f", key))
        else:  # no width, or only a line break: a caret at its start
            opens[start].append(("p", key))
        for j, related in enumerate(f.related):
            r_start, r_end = _clip(related.span.start, related.span.end, len(text))
            if r_end > r_start:
                opens[r_start].append(("r", f"{key}-{j}"))
                closes[r_end].append(("r", f"{key}-{j}"))
    cuts = sorted(set(opens) | set(closes))
    marked: dict[str, None] = {}  # findings covering the current piece, in order
    lit: dict[str, None] = {}  # related numbers covering it
    started: set[str] = set()
    out = []
    c = 0
    count = len(line_starts)
    if count > 1 and line_starts[-1] == len(text) and not opens.get(len(text)):
        count -= 1  # the empty "line" after a final line break, unless a caret marks the very end
    for n, line_start in enumerate(line_starts[:count]):
        last = n + 1 == count
        line_end = len(text) if last else line_starts[n + 1]
        content_end = line_end
        while content_end > line_start and text[content_end - 1] in _LINE_END:
            content_end -= 1
        out.append(f"<div class=\"l\" data-n=\"{n + 1}\">")
        pos = line_start
        limit = line_end + 1 if last else line_end  # the last line also takes what sits at the very end
        while c < len(cuts) and cuts[c] < limit:
            cut = cuts[c]
            stop = min(cut, content_end)
            if stop > pos:
                out.append(_piece(text[pos:stop], marked, lit, findings, started))
                pos = stop
            for kind, key in closes.get(cut, ()):
                (marked if kind == "f" else lit).pop(key, None)
            for kind, key in opens.get(cut, ()):
                if kind == "p":
                    out.append(_piece("", {key: None}, {}, findings, started, point=True))
                else:
                    (marked if kind == "f" else lit)[key] = None
            c += 1
        if content_end > pos:
            out.append(_piece(text[pos:content_end], marked, lit, findings, started))
        out.append("</div>")
    return "".join(out)


def _piece(chunk: str, marked: dict, lit: dict, findings: dict[str, Finding], started: set[str],
           point: bool = False) -> str:
    body = _story_text(chunk)
    if not marked:
        if not lit:
            return body
        return f"<span class=\"rel {' '.join('r-' + k for k in lit)}\">{body}</span>"
    covering = [findings[k] for k in marked]
    worst = max(f.severity for f in covering)
    classes = ["hl", str(worst), *(f"f-{k}" for k in marked)]
    if len(marked) > 1:
        classes.append("multi")
    if point:
        classes.append("pt")
    if lit:
        classes += ["rel", *(f"r-{k}" for k in lit)]
    first = any(k not in started for k in marked)
    started.update(marked)
    keys = " ".join(marked)
    focus = ' tabindex="0"' if first else ""
    described = " ".join("msg-" + k for k in marked)
    title = " · ".join(f"{f.rule} {visible(f.message)}" for f in covering)
    return (f"<mark class=\"{' '.join(classes)}\" data-f=\"{keys}\"{focus} title=\"{_attr(title)}\" "
            f"aria-describedby=\"{described}\">{body}</mark>")


def _card(doc: Document, key: str, f: Finding) -> str:
    line, column = doc.line_col(f.span.start)
    severity = str(f.severity)
    quoted = doc.text[f.span.start:f.span.end]
    if len(quoted) > SHOWN_TEXT:
        quoted = quoted[:SHOWN_TEXT] + "…"
    out = [f"<li class=\"card {severity}\" data-f=\"{key}\" id=\"card-{key}\" tabindex=\"0\">",
           f"<div class=\"card-head\"><span class=\"sev {severity}\">{severity}</span>"
           f"<span class=\"code\">{_text(f.rule)}</span><span class=\"name\">{_text(f.name)}</span>"
           f"<span class=\"loc\">line {line}, col {column}</span></div>",
           f"<p class=\"msg\" id=\"msg-{key}\">{_text(f.message)}</p>"]
    if f.suggestion:
        out.append(f"<p class=\"fix\">Suggested: <del>{_text(quoted)}</del> → <ins>{_text(f.suggestion)}</ins></p>")
    if f.related:
        out.append("<ul class=\"rels\">")
        for j, r in enumerate(f.related):
            r_line, r_column = doc.line_col(r.span.start)
            out.append(f"<li data-r=\"{key}-{j}\"><span class=\"role\">{_text(r.role)}</span> "
                       f"<span class=\"rel-text\">{_text(r.text)}</span> "
                       f"<span class=\"loc\">line {r_line}, col {r_column}</span></li>")
        out.append("</ul>")
    meta = [f"confidence {f.confidence:.2f}"]
    if f.in_quote:
        meta.append("inside a quotation")
    out.append(f"<p class=\"meta\">{' · '.join(meta)}</p></li>")
    return "".join(out)


def _notice(n: Notice) -> str:
    level = "fatal" if n.fatal else "warning"
    what = "not fully checked" if n.fatal else "checked all the same"
    return (f"<li class=\"notice {level}\"><span class=\"code\">{_text(n.code)}</span> {_text(n.message)} "
            f"<span class=\"quiet\">[{_text(n.name)}; {what}]</span></li>")


def _story_text(chunk: str) -> str:
    """Article text as HTML text: escaped, with invisible or reordering characters shown as stand-ins."""
    if chunk.isprintable() and not _DANGEROUS_FORMAT.intersection(chunk):
        return html.escape(chunk)
    out = []
    for ch in chunk:
        shown = _visible_char(ch)
        if shown == ch or ch == "\t":
            out.append(html.escape(ch))
        else:
            out.append(f"<span class=\"cc\" title=\"U+{ord(ch):04X}\">{html.escape(shown)}</span>")
    return "".join(out)


def _clip(start: int, end: int, size: int) -> tuple[int, int]:
    start = min(max(start, 0), size)
    return start, min(max(end, start), size)


def _by_severity(findings) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[str(f.severity)] = counts.get(str(f.severity), 0) + 1
    return counts


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _text(value: str) -> str:
    return html.escape(visible(value))


def _attr(value: str) -> str:
    return html.escape(visible(value), quote=True)
