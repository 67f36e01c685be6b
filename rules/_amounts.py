"""A change stated twice, as an amount and as a percent: "climbed 221 points, or 1.7 percent,", "fell 50 cents
(2%)", "an increase of 120 jobs, or 3 per cent", "rose 1.7 percent, or 221 points,", "rose 0.5 percentage
points, or 10%,".

Read by rules.claims on the sentence skeleton (every figure a token "⟨i⟩") right after the figure that follows
a change word. The second figure is an aside to the first when only ", or", a bracket or a dash stand
between them, after the first figure's own noun ("points", "jobs") and before a hedge ("or about 12%").
Not ", and": "649,587 trucks, down 11.7 pct, and 14,797 buses" is the next item of a list. Of the two, the percent is the change's rate and the
other its amount: a level in a unit, or points of a percentage ("0.5 percentage points, or 10%" is a rise of
0.5 points, which is 10 % of the level before). Two percents or two amounts are no such pair: "rose 5%, or
6% in real terms" is two rates, "rose $3 million (£2.4 million)" a conversion (U102's).
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity

_ASIDE = lazy_compile(
    r"(?:\s++(?P<noun>[a-z][a-z-]*+))?\s*+(?:,\s*+or\s++|\(\s*+|(?<=\s)[—–-]{1,2}\s*+(?:or\s++)?|[—–]\s*+(?:or\s++)?)"
    r"(?:(?:by|about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than|over|under|"
    r"just\s+(?:over|under))\s++)?⟨(?P<second>\d+)⟩",
    regex.IGNORECASE)


def amount_and_rate(scanned: str, first: Quantity, after: int, quantities, is_level) -> tuple[Quantity, Quantity] | None:
    """(amount, rate) when the figure `first`, which ends at `after` in `scanned`, has a figure beside it
    that states the same change the other way (one a percent, the other an amount or points); else None.
    `is_level` says whether a figure can be a level (not a duration or a denominator)."""
    m = _ASIDE.match(scanned, after)
    if m is None or (m.group("noun") and m.group("noun").lower() != (first.noun or "").lower()):
        return None  # only the first figure's own noun may stand between: "221 points, or 1.7%"
    second = quantities[int(m.group("second"))]
    for rate, amount in ((first, second), (second, first)):
        if rate.unit == "percent" and amount.unit != "percent" and amount.kind not in ("multiplier",) \
                and amount.unit != "times" and is_level(amount):
            return amount, rate
    return None
