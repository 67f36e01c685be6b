"""G101 growth-rate-mismatch: a growth rate that does not fit the figures it connects.

What it does:
    Reads the Growth claims (Facts.growths) that tie a percent rate to an old
    and a new figure, in every phrasing the extractors read (Growth.form): a
    verb ("rose X% to NEW from OLD", rules.claims), a noun ("NEW, an increase
    of X% from OLD", "a X% rise"), "up"/"down" after the figure ("NEW (up X%
    from OLD)", "NEW — down X% on OLD —"), a comparative ("NEW, X% more than
    the OLD of 2021", "a quarter higher than OLD", rules.comparatives), and
    "a year-on-year increase of X%" after a figure whose base is known,
    including a base taken from a "respectively" series, and a change stated
    as an amount beside its rate with one level ("climbed 221 points, or 1.7
    percent, to 13,101": the level before is 13,101 - 221; "fell 50 cents (2%)
    to $24.50"; "rose 0.5 percentage points, or 10%, to 5.5%"). It checks them
    with interval arithmetic: every figure stands for the range its
    wording allows ("5.22 million" is 5.215-5.225 million, "more than 3 million"
    is anything above 3 million), and a finding is raised only when no values in
    those ranges make the rate true. When moving the rate's decimal point makes
    every figure fit, it suggests that reading. A rate within half a point of
    what the figures allow is a warning, anything further an error. It reports
    whatever else may explain the slip: when the direction word (G102), percent
    written for points (G103) or a lost scale word (U103) names it more
    precisely, the engine shows that finding instead, and this one whenever
    that rule is ignored.

Why is this bad?
    A rate that cannot connect the two figures means one of the three numbers is
    wrong, and readers cannot tell which.

Example:
    Sales rose 50% to 150 units from 120 units.

Use instead:
    Sales rose 25% to 150 units from 120 units.

Known false positives:
    A rate computed on a different basis than the figures (constant currency,
    per share, restated prior-year figures) without saying so; a "to" figure
    that belongs to another clause.
"""
from __future__ import annotations

import math
from typing import Iterator

from statlint.checker.arithmetic import (
    Interval, decimal_shift_repairs, factor_from_rate, interval, rate_from_ratio, relative_gap,
)
from statlint.checker.document import Document
from statlint.checker.precision import (
    factor_digits, implied_number, implied_percent, last_place, product_place, significant_digits,
)
from statlint.checker.model import Direction, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.rules._growth import (
    amount_claim_ratio, amount_rate_interval, describe, is_annual_rate, rate_claim_ratio, subunits,
)

CODE, NAME = "G101", "growth-rate-mismatch"
_HEDGE_WORD = {">": "more than", "<": "at most", "~": "about"}  # a rate's bound, as its message names it


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths + facts.headline_growths:
        r = rate_claim_ratio(g)
        by_amount = r is None
        if by_amount:
            r = amount_claim_ratio(g)  # "climbed 221 points, or 7.1 percent, to 13,101": the level before is implied
        if r is None or is_annual_rate(doc, g.rate):
            continue  # a rate per year over several years is not a rate over the span: G105 reads it
        if factor_from_rate(amount_rate_interval(g.rate) if by_amount else interval(g.rate), g.direction).intersects(r):
            continue
        # Reported even when another rule names the slip more precisely (the direction word, percent
        # for points, a lost scale word): the engine picks which to show (checker/arbitrate.py), so
        # ignoring that other rule never hides this one.
        yield _amount_finding(doc, g, r) if by_amount else _finding(doc, g, r)


def _finding(doc, g, r):
    expected = factor_from_rate(interval(g.rate), g.direction)
    word = "rise" if g.direction == Direction.UP else "fall"
    base = g.old
    if g.inverse:  # the quoted number moves against the subject: old / factor
        expected = Interval(1 / expected.high, 1 / expected.low)
    if base.bound in (">", "<"):
        x = base.value * (expected.low if base.bound == ">" else expected.high)
        bound = base.bound
    elif g.rate.bound in (">", "<"):
        # "rose by more than 100%": over twice the base; "fell by more than 40%", "rose by up to 5%": under
        over = (g.rate.bound == ">") == (g.direction == Direction.UP) != g.inverse
        x, bound = base.value * (expected.low if over else expected.high), ">" if over else "<"
    else:
        x, bound = base.value * (expected.low + expected.high) / 2, "="
    digits = (significant_digits(base), factor_digits(g.rate, g.direction == Direction.DOWN))
    would = implied_number(x, product_place(x, digits), interval(g.new), bound)
    would = {">": "over ", "<": "under "}.get(bound, "about " if g.rate.bound == "~" else "") + would
    rate = g.rate.text.strip()  # "a 5% rise", "a rise of a quarter" (rules.comparatives)
    if g.rate.bound in _HEDGE_WORD:  # a hedged rate is named with its hedge: "a rise of more than 100%"
        rate = f"{_HEDGE_WORD[g.rate.bound]} {rate}"
    message = (f"{f'a {rate} {word}' if rate[:1].isdigit() else f'a {word} of {rate}'} from {describe(base)} would give {would}, "
               f"not {describe(g.new)}")
    implied = rate_from_ratio(r, g.direction)
    suggestion = _shifted_rate(g, r)
    if suggestion:
        message += f"; did you mean {suggestion}?"
    elif implied.high != float("inf") and implied.low > -100:
        mid = (max(implied.low, -100) + implied.high) / 2
        if mid < 0:  # the figures move against the direction word: name the move they make
            message += (f"; the figures give a {'fall' if word == 'rise' else 'rise'} of about "
                        f"{implied_percent(-mid, (g.old, g.new), g.rate)}")
        else:
            message += f"; the figures give about {implied_percent(mid, (g.old, g.new), g.rate)}"
    related = (Related("base", base.span, base.text), Related("new", g.new.span, g.new.text))
    # Within half a point (12.9 % printed for 12.81 %) a rate worked out from unpublished decimals or a
    # slightly different base could be meant: a warning, not an error.
    gap = max(implied.low - g.rate.high, g.rate.low - implied.high)
    severity = Severity.WARNING if gap < 0.5 else Severity.ERROR
    return RULE.finding(
        message=message, span=g.rate.span, severity=severity,
        confidence=0.9 if suggestion else 0.75, related=related, suggestion=suggestion,
        fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
        gap=rate_gap(g, r),
    )


def _amount_finding(doc, g, r):
    """A rate that does not fit the amount beside it and the one level given: "climbed 221 points, or 7.1
    percent, to 13,101" starts from 12,880, so the rise is 1.7 %."""
    word = "rise" if g.direction == Direction.UP else "fall"
    level = g.new if g.new is not None else g.old
    amount = g.amount.value / subunits(g.amount, level)
    sign = 1 if g.direction == Direction.UP else -1
    if level is g.new:
        other_value = level.value - sign * amount
        other = f"from {_level_number(other_value, level, g.amount)} to {describe(level)}"
    else:
        other_value = level.value + sign * amount
        other = f"from {describe(level)} to {_level_number(other_value, level, g.amount)}"
    implied = rate_from_ratio(r, g.direction)
    before = other_value if level is g.new else level.value
    noun = g.amount.noun or ""
    if noun not in ("points", "point", level.noun) or noun in g.amount.text:
        noun = ""  # name the amount's noun only when it is the level's, or points
    message = f"a {word} of {' '.join(filter(None, (g.amount.text.strip(), noun)))} is {other}"
    if before > 0:  # (to the stated rate's decimals, or two digits below 1%: "10 cents of $25.90 is 0.39%")
        pct = 100 * amount / before
        message += f", a {word} of about {implied_percent(pct, (g.amount, level), g.rate) if pct >= 1 else f'{pct:.2g}%'}"
    message += f", not {g.rate.text.strip()}"
    suggestion = _shifted_rate(g, r)
    if suggestion:
        message += f"; did you mean {suggestion}?"
    gap = max(implied.low - g.rate.high, g.rate.low - implied.high)
    return RULE.finding(
        message=message, span=g.rate.span, severity=Severity.WARNING if gap < 0.5 else Severity.ERROR,
        confidence=0.9 if suggestion else 0.75, suggestion=suggestion,
        related=(Related("amount", g.amount.span, g.amount.text), Related("new" if level is g.new else "base",
                                                                          level.span, level.text)),
        fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
        gap=rate_gap(g, r),
    )


def _shifted_rate(g, r: Interval) -> str | None:
    """The rate with its decimal point moved ("574%" -> "57.4%") when that reading fits the figures."""
    for label, candidate in decimal_shift_repairs(g.rate):
        if factor_from_rate(candidate, g.direction).intersects(r):
            return label + "%"
    return None


def _level_number(x: float, level, amount) -> str:
    """The level a change's amount implies, named to the precision of the level or the amount, the finer
    ("10 cents" to "$26" is from 25.90)."""
    place = min(last_place(level), last_place(amount) - round(math.log10(subunits(amount, level))))
    figure = implied_number(x, place, exact=True)
    return f"{figure}%" if level.is_percent else figure


def rate_gap(g, r: Interval) -> float:
    """The claim's stated factor against the one its figures allow (arithmetic.relative_gap): the
    evidence a G101 finding rests on, and the feature the confidence model reads for every growth claim."""
    return relative_gap(factor_from_rate(interval(g.rate), g.direction), r)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths", "headline_growths"))
