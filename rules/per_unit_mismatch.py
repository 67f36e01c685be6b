"""C102 per-unit-mismatch: a total restated per unit of a count, at a figure the division does not give.

What it does:
    Reads the Quotient claims (rules.per_units): a total, a count and the
    total restated per unit of that count in the same sentence ("$3.4 billion
    ... 95,000 jobs, or $35.8 million per job"; "$120 million a year on its
    40,000 pupils, or $3,000 per pupil"; "per head" against a number of
    people) and checks that the total divided by the count can give the
    per-unit figure. Each figure is read as the range its wording allows, and
    the restatement as rounded (within 10 %). When the figure is off by a
    power of ten (a thousand: millions written for thousands) it says what
    the division gives.

Why is this bad?
    A per-person or per-job figure is what readers remember ("$35.8 million
    per job"), and it is worked out by hand: a slip of a thousand turns a
    point into its opposite.

Example:
    The $3.4 billion programme supports 95,000 jobs, or $35.8 million per job.

Use instead:
    The $3.4 billion programme supports 95,000 jobs, or $35,800 per job.

Known false positives:
    A per-unit figure for a part of the total or of the count (the cost per
    new home of a budget that also pays for repairs), or over another period
    than the total's.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Quotient, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits

CODE, NAME = "C102", "per-unit-mismatch"
APPROX = 0.10  # a per-unit restatement is rounded (as C101's per-period restatements)


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for q in facts.quotients:
        divided = _divided(q)
        stated = Interval(q.each.low, q.each.high)
        if divided.intersects(stated):
            continue
        yield _finding(doc, q, divided, stated)


def _divided(q: Quotient) -> Interval:
    """The total over the count, each read as the range its wording allows, widened for rounding."""
    low = q.total.low / q.count.high
    high = q.total.high / q.count.low if q.count.low > 0 else float("inf")
    return Interval(low * (1 - APPROX), high * (1 + APPROX))


def _finding(doc: Document, q: Quotient, divided: Interval, stated: Interval) -> Finding:
    x = q.total.value / q.count.value
    digits = (significant_digits(q.total), significant_digits(q.count))
    lead = q.each.text.strip()
    lead = lead[:next((i for i, ch in enumerate(lead) if ch.isdigit()), 0)]  # "$", "US$", "£"
    worked = lead + implied_number(x, product_place(x, digits), stated)
    suggestion = None
    for power in (1000, 100, 10, 0.1, 0.01, 0.001):
        if divided.intersects(Interval(stated.low * power, stated.high * power)):
            suggestion = worked
            break
    total, count, each = (" ".join(f.text.split()) for f in (q.total, q.count, q.each))
    message = f"{total} over {count} is about {worked} per {q.noun}, not {each}"
    if suggestion:
        message += f"; off by a power of ten: did you mean {worked}?"
    return RULE.finding(
        span=q.each.span, confidence=0.9 if suggestion else 0.75, message=message, suggestion=suggestion,
        related=(Related("total", q.total.span, q.total.text), Related("count", q.count.span, q.count.text)),
        fingerprint=fingerprint(CODE, f"{total} {count} {each}", doc.claim_context(q.each.span)),
        gap=relative_gap(stated, divided),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("quotients",))
