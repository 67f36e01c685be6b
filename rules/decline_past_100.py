"""P101 decline-past-100: a fall of more than 100 % in something that cannot go below zero.

What it does:
    Flags a percentage decline above 100 % ("shipments fell 135 pct", "a 120%
    drop in visitors"). A fall of 100 % already means nothing is left. Measures
    that can turn negative (profit, earnings, income, balances, deficits,
    indices, margins) are left alone. Reads change claims (rules.claims)
    with the subject and `signed` read by rules.subjects.

Why is this bad?
    A quantity that cannot be negative cannot fall by more than all of it: the
    rate is mistyped (a lost decimal point, "135" for "13.5") or it is not a
    percentage change.

Example:
    Shipments of the model fell 135 pct last year.

Use instead:
    Shipments of the model fell 13.5 pct last year.

Known false positives:
    A quantity that can go negative but is not named by one of the usual words
    (a "result", a "position"), and falls described relative to another figure.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Rule, Severity, fingerprint

CODE, NAME = "P101", "decline-past-100"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        q = g.rate
        if q is None or g.direction != Direction.DOWN or g.signed or g.inverse:
            continue  # a fall in a measure that can go negative (rules.subjects) may pass 100 %
        if q.unit != "percent" or q.low <= 100 or q.value <= 100 or q.grouping == "malformed":
            continue
        yield RULE.finding(
            span=q.span, confidence=0.8,
            message=f"a fall of {q.text.strip()} would leave less than nothing; a decline cannot exceed 100%",
            fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
