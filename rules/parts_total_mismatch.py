"""S101 parts-total-mismatch: parts that do not add up to the total they are said to make.

What it does:
    Reads the `PartsTotal` claims (rules.parts_totals): a total and the parts the words tie to it, and
    whether the parts must make the whole total. Parts that may be only some of the total ("28 groups,
    including 8 ... and 20 ..."; "112 seats, of which ..."; "900 pupils: 500 girls and 480 boys"; "A total
    of 300 people were hurt, 120 in the north and ..."; "Of the 600 staff, 310 stayed; ...") may add up to
    less, never more. Parts named as making the total ("12, 9 and 4 seats, making a total of 26"; "300 and
    200 cars, a combined 500"; "...; in all, 620"; "620 altogether") must add up to it. Figures are
    intervals, so rounded parts are not flagged; small whole counts (under 1,000) are exact. The total is
    never counted as a part, and the parts are in the total's unit (the extractor's job).

Why is this bad?
    A breakdown that cannot add up means one of its figures is wrong; lists of
    casualties, seats, votes and budgets are where readers check.

Example:
    The alliance has 28 members, including 18 AI companies and 20 government bodies.

Use instead:
    The alliance has 38 members, including 18 AI companies and 20 government bodies.

Known false positives:
    Parts that overlap (a body counted in two categories, people who both stayed and were promoted)
    and parts in other units than the total that the reader took for bare counts.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, relative_gap, step, written_whole
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, PartsTotal, Quantity, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, sum_place

CODE, NAME = "S101", "parts-total-mismatch"


def _exact(q: Quantity) -> bool:
    """Small whole counts of things (seats, members) are exact; larger or qualified figures are intervals."""
    return q.decimals == 0 and q.value < 1000 and q.bound == "="


def _low(q: Quantity) -> float:
    return q.value if _exact(q) else q.low


def _high(q: Quantity) -> float:
    return q.value if _exact(q) else q.high


def _total_interval(total: Quantity, parts: tuple[Quantity, ...]) -> Interval:
    """The total's interval beside its parts (precision model, rule 3, as checker.arithmetic.linked_intervals
    applies it to two figures): a round total's written zeros count down to the finest part's last digit,
    so "1,200 jobs" split into 500, 450 and 350 is read to the unit, not as anything in [1,150, 1,300)."""
    if _exact(total):
        return Interval(total.value, total.value)
    own = step(total)
    finest = min((step(p) for p in parts), default=None) if all(step(p) for p in parts) else None
    if own is None or finest is None or finest >= own or not written_whole(total):
        return Interval(total.low, total.high)
    u = max(finest, 1.0)
    return Interval(total.value - u / 2, total.value + u)


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for claim in facts.parts_totals:
        parts, total = claim.parts, claim.total
        low, high = sum(_low(p) for p in parts), sum(_high(p) for p in parts)
        whole = _total_interval(total, parts)
        if low > whole.high:
            yield _finding(doc, claim, "exactly" if claim.exhaustive else "at most", whole)
        elif claim.exhaustive and high < whole.low:
            yield _finding(doc, claim, "exactly", whole)


def _finding(doc: Document, claim: PartsTotal, how: str, whole: Interval) -> Finding:
    total, parts = claim.total, claim.parts
    listed = " + ".join(p.text.strip() for p in parts)
    value = sum(p.value for p in parts)
    added = implied_number(value, sum_place(parts), whole, exact=True)
    return RULE.finding(
        span=total.span, confidence=0.75,
        message=f"the parts add up to {added} ({listed}), but the total they make {how} is {total.text.strip()}",
        related=tuple(Related("part", p.span, p.text) for p in parts),
        fingerprint=fingerprint(CODE, total.text + " " + listed, doc.claim_context(total.span)),
        gap=relative_gap(whole,
                         Interval(sum(_low(p) for p in parts), sum(_high(p) for p in parts))),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("parts_totals",))
