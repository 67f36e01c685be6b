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


def check(doc, facts):
    dated = None  # (quantity, year) for every figure with a year, computed once and only if needed
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
            dated = [(q, _year(doc, q)) for q in facts.quantities if q.kind == "level" and q.value > 0]
        candidates = [q for q, y in dated
                      if y == year - 1 and q.span.end <= sentence.start and q.unit == g.new.unit
                      and (g.new.noun is None or q.noun is None or q.noun == g.new.noun)]
        if len(candidates) != 1:
            continue  # none, or several measures: no safe base
        old = candidates[0]
        home = doc.sentence_of(old.span.start)
        if any(q is not old and q.unit == old.unit and home.start <= q.span.start < home.end for q, _ in dated):
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
