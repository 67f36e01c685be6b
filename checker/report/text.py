"""Human-readable output, one finding per block, in the compiler style editors parse:

    path:line:col: CODE message [name]
        ...the source line around the claim...
                  ^^^^
      suggestion: 57.4%

Article text is untrusted: it can hold escape sequences or bidi overrides
that would repaint or reorder a terminal, so every character that is not
plainly printable is shown as a visible stand-in (U+241B for ESC, `\\u202e`
for a bidi override) and never written raw. Long lines (a 10 MB article on
one line) are cut to a window around the span, and the caret line is
padded by display width so it stays under the span even after CJK text.
"""
from __future__ import annotations

import math
import unicodedata
from typing import Iterable, Iterator

from statlint.checker.model import Finding, Quantity, Severity
from statlint.checker.notices import Notice
from statlint.checker.report import FileResult, Summary, Tally

CONTEXT = 40  # code points of context shown either side of a span
MAX_EXCERPT = 160  # code points of source shown at most

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_GREEN = "\x1b[32m"
_SEVERITY_COLOR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
# Format characters that reorder or break lines in a terminal (the "Trojan Source" set).
_DANGEROUS_FORMAT = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)
# Format characters (zero width space, joiners, soft hyphen, BOM: invisible, and able to split a
# figure, RELIABILITY A.8) and lone surrogates (which cannot be encoded for output).
_SHOWN_AS_ESCAPES = frozenset({"Cf", "Cs"})


def stream(results: Iterable[FileResult], color: bool = False, baseline_written: str | None = None,
           **_options) -> Iterator[str]:
    paint = _painter(color)
    tally = Tally()
    for result in map(tally.add, results):
        path = visible(result.path)
        for notice in result.notices:
            yield notice_line(path, notice, paint) + "\n"
        for finding in result.findings:
            yield "".join(line + "\n" for line in _finding_lines(result, path, finding, paint))
    yield summary_line(tally.summary(), baseline_written) + "\n"


def render_text(results: Iterable[FileResult], color: bool = False) -> str:
    return "".join(stream(results, color=color))


def summary_line(s: Summary, baseline_written: str | None = None) -> str:
    """One line: what was found in the files checked, then every file that was not checked and why.

    Checked, skipped and failed files are counted apart, so a run that read nothing never reads like a
    clean one; `baseline_written` is the baseline file the run recorded its findings in.
    """
    files = _plural(s.checked, "file")
    if not s.checked:
        line = "No files checked" + ("." if s.files else ": the paths given hold no .txt or .md file to check.")
    elif baseline_written is not None:
        line = f"Wrote {_plural(s.baselined, 'finding')} to the baseline {visible(baseline_written)} from {files}."
    elif s.findings:
        parts = [_plural(s.by_severity[str(sev)], str(sev)) for sev in sorted(Severity, reverse=True)
                 if s.by_severity.get(str(sev))]
        word = "new finding" if s.baselined else "finding"
        line = f"Found {_plural(s.findings, word)} ({', '.join(parts)}) in {files}."
        if s.baselined:
            line += f" {s.baselined} more in the baseline."
    elif s.baselined:
        line = f"No new findings in {files} ({_plural(s.baselined, 'finding')} in the baseline)."
    else:
        line = f"No findings in {files}."
    if s.skipped:
        line += f" {_plural(s.skipped, 'file')} skipped (binary or too large)."
    if s.errors:
        line += f" {_plural(s.errors, 'file')} could not be {'fully ' if s.checked else ''}checked."
    if s.warnings:
        line += f" {_plural(s.warnings, 'notice')} (checked all the same)."
    return line


def notice_line(path: str, notice: Notice, paint=lambda text, _code: text) -> str:
    """`path: fatal notice: IO001 message [unreadable]`, or `path: notice: ...` when the file was checked all the
    same: "error" and "warning" are finding severities, never said of an input problem."""
    level = "fatal notice" if notice.fatal else "notice"
    color = _SEVERITY_COLOR[Severity.ERROR if notice.fatal else Severity.WARNING]
    return f"{paint(path, _BOLD)}: {paint(level, color)}: {notice.code} {visible(notice.message)} [{notice.name}]"


def render_extract_text(files: Iterable[tuple[str, object, Iterable[Quantity], tuple[Notice, ...]]]) -> str:
    """`statlint extract` as text: (path, document, quantities, notices) per file."""
    out: list[str] = []
    for path, document, quantities, notices in files:
        shown = visible(path)
        out.extend(notice_line(shown, n) for n in notices)
        for q in quantities:
            line, col = document.line_col(q.span.start)  # type: ignore[attr-defined]
            out.append(
                f"{shown}:{line}:{col}: {visible(q.text)!s} = {_num(q.value)} "
                f"[{_num(q.low)}, {_num(q.high)}] {q.unit} {q.kind} {q.bound}"
            )
    return "".join(line + "\n" for line in out)


def visible(text: str) -> str:
    """`text` with every control or reordering character replaced by a visible stand-in."""
    if text.isprintable() and not _DANGEROUS_FORMAT.intersection(text):
        return text
    return "".join(_visible_char(ch) for ch in text)


def _finding_lines(result: FileResult, path: str, finding: Finding, paint) -> list[str]:
    doc = result.document
    assert doc is not None
    start, end = finding.span.start, finding.span.end
    line, col = doc.line_col(start)
    sev_color = _SEVERITY_COLOR.get(finding.severity, "")
    head = (
        f"{paint(f'{path}:{line}:{col}:', _BOLD)} {paint(finding.rule, sev_color)} "
        f"{visible(finding.message)} [{visible(finding.name)}]"
    )
    lines = [head]
    # Offsets, not a copy of the whole line: copying a 10 MB line once per finding is quadratic.
    text, starts = doc.text, doc.line_starts
    line_start = starts[line - 1]
    line_end = starts[line] - 1 if line < len(starts) else len(text)
    if line_end > line_start and text[line_end - 1] == "\r":
        line_end -= 1
    s = min(start, line_end)
    e = min(max(end, s + 1), line_end) if line_end > s else s
    excerpt, underline = _excerpt(text, line_start, line_end, s, e)
    if excerpt.strip():
        lines.append("    " + excerpt)
        lines.append("    " + paint(underline, sev_color))
    if finding.suggestion:
        lines.append(f"  {paint('suggestion:', _DIM)} {paint(visible(finding.suggestion), _GREEN)}")
    return lines


def _excerpt(text: str, lo: int, hi: int, s: int, e: int) -> tuple[str, str]:
    """A window of the line text[lo:hi] around the span [s, e) and a caret line under it."""
    left = max(lo, s - CONTEXT)
    right = min(hi, max(e, s + 1) + CONTEXT)
    right = min(right, left + MAX_EXCERPT)  # the span start always shows: left >= s - CONTEXT
    head = "…" if left > lo else ""
    tail = "…" if right < hi else ""
    chunk = text[left:right]
    a, b = s - left, max(e, s + 1) - left
    if chunk.isascii() and chunk.isprintable():  # the common case, without a per-character loop
        return head + chunk + tail, " " * (len(head) + a) + "^" * max(len(chunk[a:b]), 1)
    pieces = [_visible_char(ch) for ch in chunk]
    pad = _width(head) + sum(_width(p) for p in pieces[:a])
    carets = sum(_width(p) for p in pieces[a:b])
    return head + "".join(pieces) + tail, " " * pad + "^" * max(carets, 1)


def _visible_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␀ … ␟ (␛ for ESC, ␉ for tab)
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F or ch in _DANGEROUS_FORMAT:
        return f"\\u{code:04x}"
    if code >= 0xAD and unicodedata.category(ch) in _SHOWN_AS_ESCAPES:  # U+00AD is the first Cf
        return f"\\u{code:04x}"
    return ch


def _width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _painter(color: bool):
    if not color:
        return lambda text, code: text
    return lambda text, code: f"{code}{text}{_RESET}" if code else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _num(x: float) -> str:
    if isinstance(x, float) and math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return f"{x:g}" if isinstance(x, float) else str(x)
