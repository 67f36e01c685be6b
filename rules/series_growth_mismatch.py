"""G106 series-growth-mismatch: a year-on-year rate that does not fit last year's figure stated elsewhere.

What it does:
    Takes a growth claim with a rate and a figure for year Y but no base in its
    own sentence ("In 2023 sales reached 4.2 million, up 60%") and looks for
    the same measure's figure for year Y-1 earlier in the article ("Sales were
    3 million in 2022."). Only a single unambiguous earlier figure with the
    same unit (and the same noun, when there is one) is used as the base; the
    arithmetic is that of G101.

Why is this bad?
    Series told over several sentences are where rates are copied from the
    wrong year or recomputed on a revised figure.

Example:
    Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 60%.

Use instead:
    Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 35%.

Known false positives:
    Two measures of the same unit in one article (sales and output, both in
    units) when only one of them is given for the earlier year.
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.arithmetic import factor_from_rate, interval, rate_from_ratio, ratio
from statlint.checker.model import Direction, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_percent
from statlint.rules._growth import is_annual_rate

CODE, NAME = "G106", "series-growth-mismatch"
_YEAR_NEAR = regex.compile(r"\b(?:in|of|for|during)\s+((?:19|20)\d\d)\b", regex.IGNORECASE)
_OTHER_BASE = regex.compile(r"\b(?:from|compared\s+with|against|over)\b", regex.IGNORECASE)


def _year(doc, q) -> int | None:
    if q.year is not None:
        return q.year
    m = _YEAR_NEAR.search(doc.text, max(0, q.span.start - 25), q.span.end + 25)
    return int(m.group(1)) if m else None


class _Dated:
    """The level figures of a document by year, unit and noun, and by position: each question check asks
    of them is a bisect, not a pass over every figure (a long document holds a growth claim every few
    sentences and a dated figure in most of them)."""

    def __init__(self, doc, facts):
        dated = sorted(((q, _year(doc, q)) for q in facts.quantities if q.kind == "level" and q.value > 0),
                       key=lambda pair: pair[0].span.start)
        self.figures = [q for q, _ in dated]
        self.starts = [q.span.start for q in self.figures]
        # (year, unit, noun) and (year, unit) -> (ends, figures), sorted by end
        self.by_key: dict[tuple, tuple[list[int], list]] = {}
        for q, year in sorted(dated, key=lambda pair: pair[0].span.end):
            if year is not None:
                for key in ((year, q.unit, q.noun), (year, q.unit)):
                    ends, figures = self.by_key.setdefault(key, ([], []))
                    ends.append(q.span.end)
                    figures.append(q)

    def before(self, year: int, unit: str, noun: str | None, end: int) -> list:
        """Up to two figures for `year` in `unit` that end by `end` and may count the noun (either noun unknown
        or both the same): one is a base, two are too many."""
        keys = ((year, unit),) if noun is None else ((year, unit, None), (year, unit, noun))
        found: list = []
        for key in keys:
            ends, figures = self.by_key.get(key, ((), ()))
            found += figures[:min(bisect.bisect_right(ends, end), 2)]
        return found

    def others_in(self, span, old) -> bool:
        """Whether a figure other than `old`, in its unit, starts inside `span`."""
        lo, hi = bisect.bisect_left(self.starts, span.start), bisect.bisect_left(self.starts, span.end)
        return any(q is not old and q.unit == old.unit for q in self.figures[lo:hi])


def check(doc, facts):
    dated = None  # the figures with a year, indexed once and only if needed
    for g in facts.growths:
        if g.rate is None or g.rate.unit != "percent" or g.new is None or g.old is not None:
            continue
        if g.direction == Direction.UNKNOWN or g.new.unit == "percent" or is_annual_rate(doc, g.rate):
            continue
        year = _year(doc, g.new)
        sentence = doc.sentence_of(g.new.span.start)
        if year is None or _OTHER_BASE.search(doc.text, g.rate.span.end, sentence.end):
            continue  # "down 54 pct from the previous year's ...": a base is named, just not read
        if dated is None:
            dated = _Dated(doc, facts)
        candidates = dated.before(year - 1, g.new.unit, g.new.noun, sentence.start)
        if len(candidates) != 1:
            continue  # none, or several measures: no safe base
        old = candidates[0]
        if dated.others_in(doc.sentence_of(old.span.start), old):
            continue  # "sales of 3.1 million units and output of 2.0 million units": which one is the base?
        r = ratio(interval(g.new), interval(old))
        if r is None or factor_from_rate(interval(g.rate), g.direction).intersects(r):
            continue
        implied = rate_from_ratio(r, g.direction)
        rate = implied_percent((implied.low + implied.high) / 2, (old, g.new), g.rate)
        yield Finding(
            rule=CODE, name=NAME, span=g.rate.span, severity=Severity.ERROR, confidence=0.7,
            message=f"{old.text.strip()} in {year - 1} to {g.new.text.strip()} in {year} is about "
                    f"{rate}, not {g.rate.text.strip()}",
            suggestion=rate,
            related=(Related("base", old.span, old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
