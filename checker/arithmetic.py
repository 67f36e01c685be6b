"""Interval arithmetic and repair search shared by all checks.

A reported number is a range, not a point: every comparison here is between
intervals, and a claim is inconsistent only when no values inside the stated
ranges satisfy it. No float equality, no global epsilon.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from statlint.checker.model import Direction, Quantity


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def intersects(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high


def interval(q: Quantity) -> Interval:
    return Interval(q.low, q.high)


def step(q: Quantity) -> float | None:
    """The place value of a figure's last significant digit under the precision model
    (checker.numbers, rule 1: a plain figure's interval is [v - u/2, v + u), 1.5 u wide);
    None for a hedged, ranged or unbounded figure, which has no single step."""
    if q.bound != "=" or q.kind not in ("level", "share") or q.value <= 0 or math.isinf(q.high):
        return None
    width = (q.high - q.low) / 1.5
    return 10.0 ** round(math.log10(width)) if width > 0 else None


def written_whole(q: Quantity) -> bool:
    """Whether the figure's value is its digits as written, with no scale word or decimals:
    "100,000 units", "$1,200" (whose trailing zeros are written digits), not "5 million"."""
    if q.decimals or q.garble:
        return False
    digits = "".join(ch for ch in q.text if "0" <= ch <= "9")
    return bool(digits) and len(digits) < 19 and int(digits) == q.value


def linked_intervals(a: Quantity, b: Quantity) -> tuple[Interval, Interval]:
    """The intervals of two figures compared with each other (precision model, rule 3).

    A round figure's trailing zeros count as significant down to the last significant
    digit of the other when that one is given more precisely: "to 105,000 from 100,000"
    reads 100,000 to the thousand, [99,500, 101,000), not [95,000, 110,000). Zeros only
    narrow when they are written digits ("100,000", not "100 thousand").
    """
    sa, sb = step(a), step(b)
    ia, ib = interval(a), interval(b)
    if sa is None or sb is None or sa == sb:
        return ia, ib
    if sa > sb and written_whole(a):
        u = max(sb, 1.0)
        ia = Interval(a.value - u / 2, a.value + u) if u < sa else ia
    elif sb > sa and written_whole(b):
        u = max(sa, 1.0)
        ib = Interval(b.value - u / 2, b.value + u) if u < sb else ib
    return ia, ib


def ratio(new: Interval, old: Interval) -> Interval | None:
    """new / old for positive intervals; None when a sign or zero makes the ratio meaningless."""
    if old.low <= 0 or new.low < 0:
        return None
    high = math.inf if math.isinf(new.high) else new.high / old.low
    low = 0.0 if math.isinf(old.high) else new.low / old.high
    return Interval(low, high)


def factor_from_rate(rate: Interval, direction: Direction) -> Interval:
    """The new/old factor a percent change allows: +5 % -> [1.05, ...], -5 % -> [0.95, ...]."""
    if direction == Direction.DOWN:
        return Interval(1 - rate.high / 100, 1 - rate.low / 100)
    return Interval(1 + rate.low / 100, 1 + rate.high / 100)


def rate_from_ratio(r: Interval, direction: Direction) -> Interval:
    """The percent rate (as written, positive for the stated direction) a factor interval allows."""
    if direction == Direction.DOWN:
        return Interval((1 - r.high) * 100, (1 - r.low) * 100)
    return Interval((r.low - 1) * 100, (r.high - 1) * 100)


def fmt_number(x: float) -> str:
    """A figure for a message: 20.2 million, 57.4, 1,234."""
    if math.isinf(x):
        return "unbounded"
    a = abs(x)
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if a >= size:
            return f"{x / size:.3g}{word}"
    if a >= 1000:
        return f"{x:,.0f}"
    if a >= 100:
        return f"{x:.0f}"
    return f"{x:.3g}"


def decimal_shift_repairs(q: Quantity) -> list[tuple[str, Interval]]:
    """Readings of a rate if its decimal point was lost or moved: 574 -> 57.4 or 5.74."""
    text_digits = "".join(ch for ch in q.text if ch.isdigit())
    out = []
    if not text_digits or len(text_digits) > 8:
        return out
    for shift in (1, 2):
        if len(text_digits) <= shift:
            continue
        v = q.value / 10 ** shift
        decimals = q.decimals + shift
        half = 0.5 * 10 ** (-decimals)
        label = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
        out.append((label, Interval(v - half, v + half)))
    v = q.value * 10
    if q.decimals >= 1:
        decimals = q.decimals - 1
        half = 0.5 * 10 ** (-decimals)
        out.append((f"{v:.{decimals}f}", Interval(v - half, v + half)))
    return out


def relative_gap(stated: Interval, implied: Interval) -> float:
    """How far apart two intervals lie, relative to how wide they are: the evidence a finding rests on.

    Apart: the distance between them over the sum of their widths (0.5 = the gap is half as wide as
    the two readings together; an honest rounded claim lands near 0, a slip far off). Overlapping: minus
    the share of the narrower one the overlap covers (down to -1, one inside the other), so a consistent
    claim says how comfortably it fits. An unbounded interval counts as wide as its finite end.
    """
    def width(i: Interval) -> float:
        w = i.high - i.low
        if math.isinf(w):
            w = max(abs(x) for x in (i.low, i.high) if math.isfinite(x)) if any(
                math.isfinite(x) for x in (i.low, i.high)) else 1.0
        return max(w, 1e-9 * max(1.0, abs(i.low) if math.isfinite(i.low) else 1.0))

    ws, wi = width(stated), width(implied)
    distance = max(implied.low - stated.high, stated.low - implied.high)
    if distance > 0:
        return distance / (ws + wi)
    overlap = min(stated.high, implied.high) - max(stated.low, implied.low)
    if math.isinf(overlap):
        return -1.0
    return -min(1.0, overlap / min(ws, wi))
