"""Inline suppression: directives in the copy that silence findings, and their upkeep.

Editors decide that a flagged figure is right ("checked with the agency") in
the article itself, next to the figure, where the next editor will see it.
Two spellings, accepted in any file so stdin and unknown suffixes behave the
same:

    <!-- statlint: disable G101 -- checked with the agency -->   (Markdown, HTML)
    statlint: disable G101 -- checked with the agency          (a line of plain text)

Actions: `disable [CODES]` silences the next paragraph (up to the next blank
line), `off [CODES]` ... `on` a stretch, `disable-file [CODES]` the whole
file. CODES are rule code prefixes or names, as in `--select`; none means
every rule. Anything after ` -- ` is the reason, for people.

A suppression that silences nothing is itself reported, as X100
unused-suppression (like ruff's RUF100): the figure was fixed or the rule
changed, and a stale directive would hide the next real slip in that
paragraph. A directive statlint cannot read is reported the same way, since
it silences nothing either. Selectors naming rules that are switched off in
this run are not reported, so `--select G101` does not make every other
suppression look stale.
"""
from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

import regex

from statlint.checker.config import Settings, matches
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Finding, Rule, Severity, Span, fingerprint

CODE, NAME = "X100", "unused-suppression"
ACTIONS = ("disable", "disable-file", "off", "on")

# Bounded bodies keep the scan linear on a 10 MB line with a stray "<!--".
_HTML = lazy_compile(r"<!--[ \t]*+statlint\b[ \t]*+:?(?P<body>[^\n<>]{0,300}?)-->", regex.I)
_LINE = lazy_compile(r"^[ \t]*+statlint[ \t]*+:(?P<body>[^\n]{0,300}+)$", regex.I | regex.M)
_MENTION = lazy_compile(r"statlint", regex.I)
_WORD_SEPARATOR = lazy_compile(r"[\s,]+")
_REASON = lazy_compile(r"(?:^|\s)--(?:\s|$)")
_SELECTOR = lazy_compile(r"[A-Za-z][A-Za-z0-9-]*+")
_BLANK_LINE = lazy_compile(r"\n[ \t]*+\n")


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive: where it is written, what it silences and where."""

    span: Span
    action: str  # one of ACTIONS, or "" when the directive cannot be read
    selectors: tuple[str, ...]  # empty: every rule
    scope: Span
    reason: str = ""
    problem: str = ""  # why it cannot be read


def parse(text: str) -> list[Directive]:
    """Every directive in the text, in order, with the stretch each one covers."""
    if not _MENTION.search(text):  # the common case: one cheap scan, no lower() copy of the text
        return []
    found = [_read(m) for m in _HTML.finditer(text) if not _in_code_span(text, m.start())]
    found += [_read(m) for m in _LINE.finditer(text)]
    found.sort(key=lambda d: d.span.start)
    out: list[Directive] = []
    open_offs: list[int] = []
    breaks: list[int] | None = None
    for d in found:
        if d.action == "disable":
            if breaks is None:  # once per document: a search per directive is quadratic
                breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
            d = replace(d, scope=Span(d.span.end, _paragraph_end(text, d.span.end, breaks)))
        elif d.action == "disable-file":
            d = replace(d, scope=Span(0, len(text)))
        elif d.action == "off":
            d = replace(d, scope=Span(d.span.end, len(text)))
            open_offs.append(len(out))
        elif d.action == "on":
            if not open_offs:
                d = replace(d, problem="'statlint on' without an earlier 'statlint off'")
            for i in open_offs:
                out[i] = replace(out[i], scope=Span(out[i].scope.start, d.span.start))
            open_offs = []
        out.append(d)
    return out


def apply(text: str, findings: Sequence[Finding], settings: Settings, rules: Iterable[Rule]) -> list[Finding]:
    """Drop the findings a directive covers; add an X100 for each directive that silenced nothing."""
    directives = parse(text)
    if not directives:
        return list(findings)
    rules = list(rules)
    used: set[tuple[int, str]] = set()  # (directive index, selector or "")
    kept = []
    for finding, around in zip(findings, _open_at(directives, findings)):
        hits = [(i, d) for i, d in around if _covers(d, finding)]
        for i, d in hits:
            for sel in d.selectors or ("",):
                if not sel or matches((sel,), finding.rule, finding.name):
                    used.add((i, sel))
        if not hits:
            kept.append(finding)
    if settings.wants(CODE, NAME):
        kept += [f for i, d in enumerate(directives) for f in _unused(text, i, d, used, settings, rules)]
    return kept


def _open_at(directives: list[Directive], findings: Sequence[Finding]) -> list[list[tuple[int, Directive]]]:
    """For each finding, the (index, directive) pairs whose scope holds its start.

    One sweep over the findings in text order with the scopes opened as it reaches them and closed
    (a heap by end) once it passes them: each finding meets only the scopes around it, not every
    directive of the document.
    """
    live = sorted((d.scope.start, i) for i, d in enumerate(directives) if d.action not in ("", "on"))
    out: list[list[tuple[int, Directive]]] = [[] for _ in findings]
    open_now: dict[int, Directive] = {}
    closing: list[tuple[int, int]] = []  # (end, index) of the open scopes
    j = 0
    for k in sorted(range(len(findings)), key=lambda k: findings[k].span.start):
        pos = findings[k].span.start
        while j < len(live) and live[j][0] <= pos:
            i = live[j][1]
            d = directives[i]
            open_now[i] = d
            heapq.heappush(closing, (max(d.scope.end, d.scope.start + 1), i))
            j += 1
        while closing and closing[0][0] <= pos:
            del open_now[heapq.heappop(closing)[1]]
        out[k] = list(open_now.items())
    return out


def _covers(d: Directive, finding: Finding) -> bool:
    if not d.scope.start <= finding.span.start < max(d.scope.end, d.scope.start + 1):
        return False
    return not d.selectors or matches(d.selectors, finding.rule, finding.name)


def _unused(text: str, i: int, d: Directive, used, settings: Settings, rules: list[Rule]) -> Iterable[Finding]:
    if d.action == "on" and not d.problem:
        return
    if d.problem:
        message = f"statlint directive not understood: {d.problem}"
    elif not d.selectors:
        if (i, "") in used:
            return
        message = f"unused suppression: 'statlint {d.action}' silences no finding"
    else:
        unknown = [s for s in d.selectors if not any(matches((s,), r.code, r.name) for r in rules)]
        stale = [s for s in d.selectors if s not in unknown and (i, s) not in used
                 and any(matches((s,), r.code, r.name) and settings.wants(r.code, r.name) for r in rules)]
        if not unknown and not stale:
            return
        parts = []
        if stale:
            parts.append(f"no {', '.join(stale)} finding to silence")
        if unknown:
            parts.append(f"no rule {', '.join(unknown)}")
        message = f"unused suppression: {'; '.join(parts)}"
    directive_text = text[d.span.start:d.span.end]
    yield Finding(rule=CODE, name=NAME, message=message, span=d.span, severity=Severity.WARNING,
                  confidence=1.0, fingerprint=fingerprint(CODE, directive_text.strip(), message))


def _read(m: regex.Match) -> Directive:
    span = Span(m.start(), m.end())
    body = m.group("body").strip()
    reason = ""
    split = _REASON.search(body)
    if split:
        body, reason = body[:split.start()].strip(), body[split.end():].strip()
    words = [w for w in _WORD_SEPARATOR.split(body) if w]
    action = words[0].lower() if words else ""
    if action not in ACTIONS:
        return Directive(span, "", (), span, reason, f"{body!r} (use disable, disable-file, off or on)")
    selectors = tuple(words[1:])
    bad = [s for s in selectors if not _SELECTOR.fullmatch(s)]
    if bad:
        return Directive(span, "", (), span, reason, f"{bad[0]!r} is neither a rule code nor a rule name")
    if action == "on" and selectors:
        return Directive(span, "", (), span, reason, "'statlint on' takes no codes")
    return Directive(span, action, selectors, span, reason)


def _in_code_span(text: str, pos: int) -> bool:
    """Whether `pos` follows an odd number of backticks on its line: Markdown
    inline code (`<!-- statlint: off -->` in a style guide) shows a directive,
    it does not give one."""
    line_start = text.rfind("\n", max(0, pos - 2000), pos) + 1 or max(0, pos - 2000)  # bounded: linear on a 10 MB line
    return text.count("`", line_start, pos) % 2 == 1


def _paragraph_end(text: str, start: int, breaks: list[int]) -> int:
    """The end of the paragraph after `start` (skipping the blank space before it).

    `breaks` are the starts of the document's blank lines, in order.
    """
    pos = start
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    i = bisect.bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) else len(text)


def _no_findings(doc, facts):
    """Engine-level: X100 findings come from apply(), not from a check."""
    return iter(())


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=_no_findings, doc="""
What it does
------------
Reports a statlint suppression directive that silences no finding, or that
statlint cannot read. Engine-level: it is not in rules.CHECKS.

Why is this bad?
----------------
The figure it was written for has been fixed or reworded, so the directive
now only waits to hide the next real slip in that paragraph.

Example
-------
<!-- statlint: disable G101 -- checked with the agency -->
Sales rose 12.5% to 450,000 units from 400,000 units.

Use instead
-----------
Sales rose 12.5% to 450,000 units from 400,000 units.

Known false positives
---------------------
None known; `ignore = X100` turns the check off.
""")
