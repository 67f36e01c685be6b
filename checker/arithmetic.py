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
