"""S104 difference-mismatch: a difference stated beside two figures that do not differ by it.

What it does:
    Reads the Difference claims (rules.differences): a gap, lead, margin,
    difference or spread stated with the two figures it separates ("41% and
    33%, an eight-point lead"; "a gap of 12 points between 54% and 38%";
    "$50 million and $42 million, a difference of $8 million") and checks,
    with every figure read as the range its wording allows, that the two
    figures can differ by the stated amount. A lead in points between two
    percentages is a difference of percentage points.

Why is this bad?
    The gap is often the headline number ("a 12-point lead"), worked out
    from an earlier poll or other figures than the ones printed; readers
    subtract, and one of the three numbers is then wrong.

Example:
    Support stands at 54% against 38% for the opposition, a gap of 12 points.

Use instead:
    Support stands at 54% against 38% for the opposition, a gap of 16 points.

Known false positives:
    A gap between other figures than the two printed beside it (a lead over
    a party not named in the sentence), and figures rounded from unpublished
    decimals by more than their last digit.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, linked_intervals, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Difference, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, sum_place

CODE, NAME = "S104", "difference-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for d in facts.differences:
        between = _between(d)
        if between.intersects(Interval(d.gap.low, d.gap.high)):
            continue
        yield _finding(doc, d, between)


def _between(d: Difference) -> Interval:
    """How far apart the two figures may lie, each read as the range its wording allows."""
    a, b = linked_intervals(d.first, d.second)
    high = max(a.high - b.low, b.high - a.low)
    low = max(a.low - b.high, b.low - a.high, 0.0)
    return Interval(low, high)


def _finding(doc: Document, d: Difference, between: Interval) -> Finding:
    x = abs(d.first.value - d.second.value)
    stated = Interval(d.gap.low, d.gap.high)
    worked = implied_number(x, sum_place((d.first, d.second)), stated, exact=True)
    points = d.first.unit == "percent"
    unit = " points" if points else ""
    first, second = d.first.text.strip(), d.second.text.strip()
    stated_text = d.gap.text.strip()
    if stated_text.lower().endswith("-point"):  # "an eight-point lead": "a lead of eight points"
        stated_text = stated_text[:-len("-point")] + " points"
    return RULE.finding(
        span=d.gap.span, confidence=0.8,
        message=f"a {d.word} of {stated_text}{unit if d.gap.unit == 'count' else ''} between {first} and "
                f"{second}, which differ by {worked}{unit}",
        related=(Related("first", d.first.span, d.first.text), Related("second", d.second.span, d.second.text)),
        suggestion=f"{worked}{unit}" if points else None,
        fingerprint=fingerprint(CODE, f"{d.gap.text} {first} {second}", doc.claim_context(d.gap.span)),
        gap=relative_gap(stated, between),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("differences",))
