"""G105 annual-growth-mismatch: an average annual growth rate (CAGR) that does not fit its endpoints.

What it does:
    For "rose from 1.2 million in 2015 to 3.4 million in 2020, an average
    annual growth of 31%" it takes the number of years the change spans and
    checks the rate against the compound growth the endpoints allow,
    ((new / old) ** (1 / years) - 1), with every figure read as its interval.
    A rate that fits the whole-period change instead is named as such. Reads
    change claims (rules.claims) with `period` "year", `years` and the
    figures' years read by rules.periods (the figures' own years, "between
    2010 and 2018", "over eight years") and a rate brought in by a neutral
    word ("an average annual rate of 8%", "or 8% a year", "a CAGR of 8%")
    tied by rules.annual_rates.

Why is this bad?
    Mixing the total change with the yearly rate overstates growth several
    times over; a rate that fits neither is a wrong figure.

Example:
    Sales rose from 1.2 million in 2015 to 3.4 million in 2020, an average annual increase of 183%.

Use instead:
    Sales rose from 1.2 million in 2015 to 3.4 million in 2020, an average annual increase of 23%.

Known false positives:
    Fiscal years that straddle calendar years, and "annual" rates that are
    simple (not compound) averages of yearly rates.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, factor_from_rate, interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_percent
from statlint.rules._growth import old_new_ratio

CODE, NAME = "G105", "annual-growth-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        if g.rate is None or g.old is None or g.new is None or g.rate.unit != "percent":
            continue
        if g.direction == Direction.UNKNOWN or g.period != "year":
            continue
        years = g.years  # rules.periods: the figures' years, a range of years, or "over eight years"
        r = old_new_ratio(g)
        if r is None or not years:
            continue
        yearly = Interval(r.low ** (1 / years), r.high ** (1 / years))
        claimed = factor_from_rate(interval(g.rate), g.direction)
        if claimed.intersects(yearly):
            continue
        mid = ((r.low * r.high) ** (0.5 / years) - 1) * 100
        total = factor_from_rate(interval(g.rate), g.direction).intersects(r)
        yearly_rate = implied_percent(abs(mid), (g.old, g.new), g.rate)
        y0, y1 = g.old_year, g.new_year
        if y0 is not None and y1 is not None:
            message = f"from {g.old.text.strip()} in {y0} to {g.new.text.strip()} in {y1} is about "
        else:
            message = f"from {g.old.text.strip()} to {g.new.text.strip()} is about "
        message += f"{yearly_rate} a year over {years} years, not {g.rate.text.strip()}"
        if total:
            message += f"; {g.rate.text.strip()} is the change over the whole period"
        yield RULE.finding(
            span=g.rate.span, confidence=0.75,
            message=message, suggestion=yearly_rate,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
            gap=relative_gap(claimed, yearly),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
