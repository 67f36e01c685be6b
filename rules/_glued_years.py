"""A year run into the number after it: "in 198612 mths", "due 1992125 mln dlrs", "By 202540%".

rules.garbles calls `split_glued_years`; each glued year becomes a Garble
("glued-year", reported by Q103) and the figure after the year is read again on
its own (rules._reread), with the year as its `year`.

When a numeral is a glued year (the definition is Q103's precision):

- it starts with a year, 1900 to 2099, and the digits after the year do not start with
  0 ("19500" is not 1950 and 0; "2000000" is two million written plainly), either
  plain ("198612"), in groups of three ("2021181,037", "19985,000") or with a decimal
  ("By the end of 20214.5 million", "By 202112.5%");
- it is not a cell of a table (two spaces or more between it and another token on
  its line) and not part of a code (a slash, a dash or a point glued to it, except a
  prefix such as "end-" or "mid-");
- and the words say a year stands there, or that the figure cannot be this big: a
  word before that asks for a year ("in", "by", "since", "during", "until", "due",
  "end-", "fiscal", a month or a date "March 1,"); a percentage, a scale word or a
  span of time after it ("202540%", "1992125 mln", "198612 mths", "197220-year"),
  which no one writes after a figure of five digits or more; or the digits after the
  year are a year too ("in 19871988 and 1989"). Grouping alone does not tell: "Net loss
  19186,000" is more likely 19,186,000 with a separator dropped (Q101) than 1918 and 6,000.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Garble, Quantity, Span
from statlint.rules import _patterns as P
from statlint.rules._line import line_before
from statlint.rules._reread import reread

_GLUED = lazy_compile(r"((?:19|20)\d\d)([1-9]\d*+(?:,\d{3})*+(?:\.\d++)?+)(?![\d,.]\d)")
_YEAR_WORD_BEFORE = lazy_compile(
    r"(?:\b(?:in|by|since|during|until|till|due|end|mid|fiscal|calendar|Mch|Apl|Jne|Jly)[ \t\n]++"
    r"|\b(?:end|mid|late|early)-"
    r"|\b" + P.MONTH + r"(?:[ \t]++\d{1,2},?)?[ \t\n]++"
    r"|\b" + P.MONTH + r"/" + P.MONTH + r"[ \t\n]++)\Z",
    regex.IGNORECASE)
_SMALL_FIGURE_AFTER = lazy_compile(
    r"[ \t]?(?:%|pct\b|percent\b|per[ ]cent\b|mln\b|million|billion|bln\b|bn\b|trillion|thousand"
    r"|years?\b|months?\b|mths?\b|weeks?\b|days?\b|quarters?\b|-(?:year|month|week|day))",
    regex.IGNORECASE)
_CODE_BEFORE = frozenset("-/.#:")
_PREFIX_BEFORE = lazy_compile(r"(?:\A|(?<=[^\w-]))(?:end|mid|late|early|pre|post)-\Z", regex.IGNORECASE)
_CODE_AFTER = lazy_compile(r"[/.-]\d")
_TABLE_AFTER = lazy_compile(r"[ \t]{2,}\S")
_TABLE_BEFORE = lazy_compile(r"\S[ \t]{2,}\Z")
_YEAR_REST = lazy_compile(r"(?:19|20)\d\d")


def split_glued_years(text: str, quantities: Sequence[Quantity], skipped: Sequence[Span],
                      garbles: list[Garble]) -> Sequence[Quantity]:
    """`quantities` with the figure after each glued year read on its own (the very sequence if none)."""
    replaced: dict[int, Quantity] = {}
    added: list[Quantity] = []
    for i, q in enumerate(quantities):
        if may_open_glued_year(q.text):
            found = _glued(text, q.span.start, garbles)
            if found is not None:
                replaced[i] = replace(found, bound=q.bound) if q.bound != "=" else found
    for s in skipped:
        if may_open_glued_year(text[s.start:s.start + 5]):
            found = _glued(text, s.start, garbles)
            if found is not None:
                added.append(found)
    if not replaced and not added:
        return quantities
    out = [replaced.get(i, q) for i, q in enumerate(quantities)] + added
    if added:
        out.sort(key=lambda q: (q.span.start, q.span.end))
    return out


def may_open_glued_year(numeral: str) -> bool:
    """False only when a figure written `numeral` (or starting so) cannot be a glued year: _GLUED wants a year
    starting 19 or 20 and then another digit. rules.garbles asks this of every figure before it runs the
    steps at all, and split_glued_years of each figure before _GLUED."""
    return numeral[:2] in ("19", "20") and numeral[4:5].isdigit()


def _glued(text: str, start: int, garbles: list[Garble]) -> Quantity | None:
    m = _GLUED.match(text, start)
    if m is None or not _is_glued_year(text, m):
        return None
    year, rest = m.group(1), m.group(2)
    rest_start = m.start(2)
    garbles.append(Garble(
        kind="glued-year", span=Span(m.start(), m.end()), text=m.group(0), reading=f"{year} {rest}",
        suggestion=f"{year} {rest}", detail=f"the year {year} runs into the number {rest}"))
    figure = reread(text, rest_start, Span(rest_start, rest_start), " ")
    return replace(figure, year=int(year)) if figure is not None else None


def _is_glued_year(text: str, m) -> bool:
    start, end = m.span()
    rest = m.group(2)
    if _TABLE_AFTER.match(text, end) or _TABLE_BEFORE.search(line_before(text, start)):
        return False
    if start and text[start - 1] in _CODE_BEFORE and not _PREFIX_BEFORE.search(text, max(0, start - 8), start):
        return False
    if _CODE_AFTER.match(text, end):
        return False
    if len(rest) == 4 and _YEAR_REST.fullmatch(rest):
        return True
    if "." in rest and not rest.replace(".", "").isdigit():
        return False  # "20214.5 million": a decimal after the year, but no grouped figure with one ("19985,000.5")
    return bool(_YEAR_WORD_BEFORE.search(text, max(0, start - 24), start) or _SMALL_FIGURE_AFTER.match(text, end))
