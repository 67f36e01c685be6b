"""Ratios written with a colon: "a 1:10 slope", "perchlorate:nitrate ratios of ∼1:60", "mixed 3:1".

A colon between two numbers is usually a clock time ("at 10:30"), so a pair is
read as a ratio only when it cannot be one: the first number above 24, or the
second not two digits below 60 ("1:1000", "3:1", "80:20" as written are
ratios; "1:10" and "12:30" stay times, not read). Chains ("10:30:15") are
times too.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile

_AFTER = lazy_compile(r":(?P<b>\d++)(?![\d:.,]\d)")


def ratio_after(text: str, num: str, end: int) -> tuple[float, float, float, int] | None:
    """(value a/b, low, high, end) of "a:b" whose first number `num` ends at `end`, or None.

    Whole numbers only, the first without a leading zero ("01:25" is a clock). The terms
    of a ratio are its exact terms ("1:1000" is not 1 rounded against 1000 rounded), so
    low and high are the value itself.
    """
    if not num.isdigit() or num[0] == "0" and len(num) > 1:
        return None
    m = _AFTER.match(text, end)
    if m is None:
        return None
    b = m.group("b")
    a_value, b_value = int(num), int(b)
    if b_value == 0 or (a_value <= 24 and len(b) == 2 and b_value < 60):
        return None  # a clock time ("1:10", "12:30"), or nothing to divide by
    if text[m.end():m.end() + 1].isalpha():
        return None  # "3:1a", a label
    value = a_value / b_value
    return value, value, value, m.end()
