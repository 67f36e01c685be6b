"""G107 change-amount-mismatch: a change stated as an amount that is not the difference of its two levels.

What it does:
    Reads the Growth claims (Facts.growths) that state a change as an amount
    with both levels: "the deficit was $44.3 billion, down $1.5 billion from
    $45.7 billion", "output fell 300 tonnes from 5,250 tonnes to 4,950
    tonnes" (`Growth.amount`, rules/_amounts.py; the old level only when
    "from" follows the amount at once). With every figure anywhere in the
    range its wording allows, the amount must be the difference of the two
    levels. Money amounts in cents or pence are read in the levels' currency;
    a change in percentage points is the amount a percentage moved ("rose 0.5
    percentage points from 5.0% to 5.5%").
    A change whose figures move against its direction word is G102's; this
    rule reports only amounts whose direction fits.

Why is this bad?
    One of the three figures is wrong, and readers cannot tell which; the
    amount is often the headline figure.

Example:
    The deficit was $44.3 billion in December, down $2.5 billion from $45.7 billion in November.

Use instead:
    The deficit was $44.3 billion in December, down $1.4 billion from $45.7 billion in November.

Known false positives:
    A level revised since the amount was worked out ("from $45.7 billion
    in November, revised") when the revision is large; levels rounded much
    more coarsely than the amount.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, interval, linked_intervals, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Quantity, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, last_place
from statlint.rules._growth import amount_in_level_unit, comparable, describe

CODE, NAME = "G107", "change-amount-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        amount = _amount(g)
        if amount is None or g.old is None or g.new is None or g.direction == Direction.UNKNOWN or g.inverse:
            continue
        if not comparable(g.old, g.new):
            continue
        a = amount_in_level_unit(amount, g.new)
        if a is None:
            continue
        new, old = linked_intervals(g.new, g.old)  # (precision model, rule 3: "to 1,200 from 950" reads 1,200 to the unit)
        moved = Interval(new.low - old.high, new.high - old.low)  # new - old, each figure anywhere in its range
        if g.direction == Direction.DOWN:
            moved = Interval(-moved.high, -moved.low)
        if moved.high <= 0 or moved.intersects(a):
            continue  # the levels move against the word (G102's), or the amount fits
        yield _finding(doc, g, amount, a, moved)


def _amount(g) -> Quantity | None:
    """The change as an amount: `Growth.amount`, or a rate in percentage points, which is the amount by which
    a percentage moved ("rose 0.5 percentage points from 5.0% to 5.5%")."""
    if g.amount is not None:
        return g.amount
    return g.rate if g.rate is not None and g.rate.unit == "percentage_point" else None


def _finding(doc: Document, g, amount: Quantity, a: Interval, moved: Interval) -> Finding:
    word = "rise" if g.direction == Direction.UP else "fall"
    figure = implied_number(abs(g.new.value - g.old.value), min(last_place(g.old), last_place(g.new)), exact=True)
    message = (f"a {word} of {amount.text.strip()} from {describe(g.old)} to {describe(g.new)} does not fit: "
               f"the levels differ by {figure}")
    return RULE.finding(
        message=message, span=amount.span, confidence=0.7,
        related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
        fingerprint=fingerprint(CODE, amount.text, doc.claim_context(amount.span)),
        gap=relative_gap(a, moved),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
