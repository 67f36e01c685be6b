"""Extractor and the one reader of years and periods: which year a figure is for, and whether a rate is per year.

Why one reader: three checks used to read "the year near a figure" each their own way (after it, around it,
"in" only), so the same sentence gave one check a year and another none. Every extractor that needs a year
(rules.claims for a "respectively" base, rules.priors for an earlier figure) asks `year_of`; `extract`
writes what a change claim needs into the claim itself: `period` ("year" for "an average annual increase
of 7%", "7% a year", "a CAGR of 7%") and `old_year`/`new_year`.

The year of a figure is, in order: the one the number reader set; one stated right after it ("3.4 million
in 2020", "45.2 billion dlrs in 1985", not across another figure or a clause break); one stated shortly
before it in its clause ("In 2023 they reached 4.2 million", "Exports in 1986 rose to 38.1 billion"), unless
the words between tie it to another figure ("... of 1987 from 1.87 billion", "from 69 in 1984 to 298") or
a figure stands right before the year ("fell to 4.64 from 5.48 in 1985 on turnover of 627.8 mln").
"""
from __future__ import annotations

import bisect
from array import array
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.model import Facts, Quantity

# After the figure: up to 25 characters without a digit, a clause break or a skeleton token, then the year.
_YEAR_AFTER = regex.compile(r"[^.;⟨\d]{0,25}?\b(?:in|by|of|for|during)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)",
                            regex.IGNORECASE)
# Before the figure, in its clause: the nearest year within 25 characters, with nothing numeric after it, and
# not the year of the other figure of a change: "rose to 2.35 billion in ... 1987 from 1.87 billion", "jumped
# from 69 in 1984 to 298" (no "from"/"against"/"compared" between, no "to" right after the year).
_YEAR_BEFORE = regex.compile(
    r"(?<!\d(?:[\w%,]|\.(?=\d)){0,12}\s{1,3}(?:[A-Za-z]{1,12}\s{1,3})?)"  # "5.48 in 1985 on turnover of": 5.48's year
    r"\b(?:in|of|for|during)\s+((?:19|20)\d\d)\b(?!,?\s+to\b)"
    r"(?:(?!\b(?:from|against|versus|vs|compared)\b)[^.;⟨\d]){0,25}\Z", regex.IGNORECASE | regex.REVERSE)
_WINDOW = 40
# Every year either pattern reads: "19" or "20" and two more digits (regex's \d, as in the patterns).
_YEAR_DIGITS = regex.compile(r"(?:19|20)\d\d")

_ANNUAL_BEFORE = regex.compile(
    r"\b(?:compound(?:ed)?\s+annual|average\s+annual|annual\s+average|average\s+yearly|annualised|annualized|CAGR)"
    r"(?:\s+(?:growth|increase|rise|decline|rate|return)){0,2}(?:\s+(?:rate\s+)?(?:of|at|was|by))?\s+(?:an?\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
_ANNUAL_AFTER = regex.compile(
    # (possessive white space: "\s*" before "\s+" backtracked quadratically on a run of spaces; tests/test_patterns.py)
    r"\s*+\(\s*+CAGR\s*+\)|\s++(?:(?:a|per)\s++year\b|annually\b|(?:average\s++)?annual(?:ly)?\b|on\s++average\b|"
    r"(?:compound\s++)?annual\s++growth)", regex.IGNORECASE)


def year_of(text: str, q: Quantity) -> int | None:
    """The year the figure `q` is for, when the words say it (see the module docstring), else None."""
    if q.year is not None:
        return q.year
    m = _YEAR_AFTER.match(text, q.span.end, q.span.end + _WINDOW)
    if m:
        return int(m.group(1))
    m = _YEAR_BEFORE.search(text, max(0, q.span.start - _WINDOW), q.span.start)
    return int(m.group(1)) if m else None


class YearGate:
    """Where the text holds a year at all, so year_of's two patterns run only near one.

    Why: rules.priors asks year_of for every level figure of a document once one change claim needs a
    base; on a document of megabytes that is a hundred thousand pattern calls, most of them far from
    any year, and a step in the time a document 4x longer takes. One digit-anchored scan finds every
    place a year could be; a figure with none within _WINDOW characters of it has no year (either
    pattern's year lies inside that window), which a bisect tells.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        # (an array: a 20 MB file of news writes a year every hundred characters, and a list of ints
        # holds 36 bytes for each where the array holds 8)
        self.starts = array("q", (m.start() for m in _YEAR_DIGITS.finditer(text)))

    def year_of(self, q: Quantity) -> int | None:
        """year_of(text, q), the same answer."""
        if q.year is not None:
            return q.year
        i = bisect.bisect_left(self.starts, q.span.start - _WINDOW)
        if i == len(self.starts) or self.starts[i] >= q.span.end + _WINDOW:
            return None
        return year_of(self.text, q)

    def near(self, figures: list[Quantity], starts: list[int], years: set[int]) -> list[Quantity]:
        """The figures (in text order, `starts` their starts) year_of may give one of `years`: those the
        reader dated, and those within _WINDOW characters of one of those years written out. Asked for
        the year before a change claim's, this is a few figures near a few years, not every figure of
        the document."""
        if not figures:
            return []
        chosen = {i for i, q in enumerate(figures) if q.year is not None}
        longest = max(q.span.end - q.span.start for q in figures)
        for at in self.starts:
            if not _may_be_one_of(self.text[at:at + 4], years):
                continue
            # a figure near this year starts within _WINDOW after it, or ends within _WINDOW before it
            for i in range(bisect.bisect_left(starts, at - _WINDOW - longest), bisect.bisect_right(starts, at + _WINDOW)):
                q = figures[i]
                if q.span.start - _WINDOW <= at < q.span.end + _WINDOW:
                    chosen.add(i)
        return [figures[i] for i in sorted(chosen)]


def _may_be_one_of(digits: str, years: set[int]) -> bool:
    """Whether four digits found by _YEAR_DIGITS read as one of `years` (or cannot be read by int():
    a digit newer than Python's tables, which year_of itself would meet)."""
    try:
        return int(digits) in years
    except ValueError:
        return True


def is_annual(text: str, rate: Quantity) -> bool:
    """ "an average annual growth of 7%", "7% a year", "a CAGR of 7%": a rate per year, not over the whole span."""
    return bool(_ANNUAL_BEFORE.search(text, max(0, rate.span.start - 50), rate.span.start)
                or _ANNUAL_AFTER.match(text, rate.span.end))


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.growths:
        return facts
    text = doc.text
    growths = []
    for g in facts.growths:
        period = "year" if g.rate is not None and is_annual(text, g.rate) else ""
        old_year = year_of(text, g.old) if g.old is not None else None
        new_year = year_of(text, g.new) if g.new is not None else None
        if period or old_year is not None or new_year is not None:
            g = replace(g, period=period, old_year=old_year, new_year=new_year)
        growths.append(g)
    return replace(facts, growths=tuple(growths))
