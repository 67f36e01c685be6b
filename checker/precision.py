"""How a message states a figure it worked out: at the precision of the figures it comes from.

A check computes an implied figure ("the figures give 49.87 %") from figures
that are themselves rounded ("150 million", "100 million"). Printing every
digit it has claims a precision the text never had and invites "49.9 %? That
is 50 %". One rule for every message, here:

1. Start at the precision of the inputs, as an editor counts it. A product or
   ratio (a rate from two levels, a level from a rate, a conversion) gets the
   fewest significant digits among its inputs, counted as written ("2,000" has
   four, "0.05" one); a rate enters as the factor it multiplies by (5 % is
   1.05: three digits; a 35 % fall is 0.65: two). A sum of written figures is
   exact: it keeps the finest part's last digit (60 + 58 is 118, not 120).
2. Beside a stated figure of the same kind (an implied rate against the stated
   rate) it gets no more decimals than the stated one.
3. Never round so far that it reads as agreeing with the stated figure: while
   the rounded figure, read back as a reported number is read (half its last
   digit either side), overlaps what the stated figure allows, add a digit.
   "Over X" is rounded down and "under X" up, so the bound stays true.
"""
from __future__ import annotations

import math
from typing import Iterable

import regex

from statlint.checker.arithmetic import Interval
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity

_NUMERAL = lazy_compile(r"\d++(?:[.,'\u00a0\u202f ]\d++)*+")
_SCALES = ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))
_MAX_EXTRA_DIGITS = 12


def significant_digits(q: Quantity) -> int:
    """Significant digits of a figure as written: "5.22 million" 3, "2,000" 4, "0.05" 1.

    A figure whose text does not hold its digits (a garble undone, a number word) counts
    the digits of its value, trailing zeros not counted.
    """
    m = None if q.garble else _NUMERAL.search(q.text)
    digits = "".join(ch for ch in m.group(0) if ch.isdigit()) if m else ""
    if not digits:
        digits = f"{abs(q.value):.12g}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(digits.lstrip("0")))


def last_place(q: Quantity) -> int:
    """The power of ten of a figure's last written digit: 5.22 million -> 4, 12.9 -> -1."""
    if not q.value or not math.isfinite(q.value):
        return -q.decimals
    return math.floor(math.log10(abs(q.value))) - significant_digits(q) + 1


def factor_digits(rate: Quantity, down: bool = False) -> int:
    """Significant digits of the factor a percent rate multiplies by: 5 % -> 1.05 (3), a 35 % fall -> 0.65 (2)."""
    factor = 1 - rate.value / 100 if down else 1 + rate.value / 100
    if factor <= 0 or not math.isfinite(factor):
        return significant_digits(rate)
    return max(1, math.floor(math.log10(factor)) - (last_place(rate) - 2) + 1)


def product_place(x: float, digits: Iterable[int]) -> int:
    """The power of ten of the last digit a product or ratio of inputs with these significant digits may state."""
    if x == 0 or not math.isfinite(x):
        return 0
    return math.floor(math.log10(abs(x))) - min(digits) + 1


def sum_place(parts: Iterable[Quantity]) -> int:
    """The last digit a sum of written figures states exactly: its finest part's."""
    return min((last_place(q) for q in parts), default=0)


def rounded(x: float, last: int, stated: Interval | None = None, bound: str = "=") -> tuple[float, int]:
    """`x` rounded to the digit at 10**last, then finer while it reads as agreeing with `stated` (rule 3).

    `bound` is how a message states it: "=" (about x), ">" (over x, rounded down), "<"
    (under x, rounded up). Returns the rounded value and the place of its last digit.
    """
    if not math.isfinite(x):
        return x, last
    if stated is not None and _reads_as_agreeing(x, 0.0, stated, bound):
        stated = None  # no number of digits can show a difference that is not there
    step = {">": math.floor, "<": math.ceil}.get(bound, _half_up)
    value = x
    for _ in range(_MAX_EXTRA_DIGITS):
        unit = 10.0 ** last
        value = step(x / unit) * unit
        if stated is None or not _reads_as_agreeing(value, unit, stated, bound):
            break
        last -= 1
    return value, last


def _half_up(v: float) -> int:
    """Round half away from zero, as a reporter rounds (Python's round() rounds 0.5 to even)."""
    return int(math.copysign(math.floor(abs(v) + 0.5), v))


def _reads_as_agreeing(value: float, unit: float, stated: Interval, bound: str) -> bool:
    """Whether `value`, read back with half its last digit either side, overlaps `stated`.

    Edges that merely touch (12.8 read as up to 12.85, a stated 12.9 from 12.85) do not agree:
    ends are compared at nine significant digits, so float noise in 12.8 + 0.05 decides nothing.
    """
    low, high = _nine(stated.low), _nine(stated.high)
    if bound == ">":
        return high > _nine(value)
    if bound == "<":
        return low < _nine(value)
    return _nine(value - unit / 2) < high and low < _nine(value + unit / 2)


def _nine(v: float) -> float:
    return float(f"{v:.9g}") if math.isfinite(v) else v


def implied_number(x: float, last: int, stated: Interval | None = None, bound: str = "=",
                   exact: bool = False) -> str:
    """A worked-out level for a message, its last digit at 10**`last` or finer: "20 million", "187,900".

    An `exact` figure (a sum of written figures) drops zeros that end its decimals before a
    scale word ("7.41 billion", not "7.410"): they state no precision, the sum is exact.
    """
    if not math.isfinite(x):
        return "unbounded"
    value, last = rounded(x, last, stated, bound)
    for size, word in _SCALES:
        if abs(value) >= size:
            shown = f"{value / size:.{max(0, round(math.log10(size)) - last)}f}"
            return (shown.rstrip("0").rstrip(".") if exact and "." in shown else shown) + word
    return f"{value:,.{max(0, -last)}f}"


def as_written(q: Quantity) -> str:
    """A stated figure named in a message with every digit it was written with, no more: "135.3 mln" is
    "135.3 million" (not "135 million"), "6,380,000" is "6.38 million"."""
    return implied_number(q.value, last_place(q), exact=True)


def implied_percent(x: float, inputs: Iterable[Quantity], stated: Quantity | None = None) -> str:
    """A worked-out rate for a message, from the figures `inputs`, beside the `stated` rate: "50%".

    An exact figure (a rate set by a body: "to 9 percent from 8 percent") limits no digits: from 8 to 9 is
    12.5 %, not "10%"; when every input is exact, three significant digits are shown."""
    last = product_place(x, [significant_digits(q) for q in inputs if q.low != q.high] or [3])
    interval = None
    if stated is not None:
        last = max(last, -stated.decimals)  # rule 2
        interval = Interval(stated.low, stated.high)
    value, last = rounded(x, last, interval)
    return f"{value:.{max(0, -last)}f}%"
