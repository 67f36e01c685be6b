"""Rates: a figure that is the "per X" of another ("46.5 Ecus per 100 kilos").

A figure after "per", "every" or "each" is the denominator of a rate, not a
level of its own, so claims do not link it as an old or new figure.
"""
from __future__ import annotations

from statlint.rules import _patterns as P


def is_denominator(text: str, start: int, last_letter: str) -> bool:
    """Whether "per"/"every"/"each" ends right before `start`; `last_letter` is the last non-space
    character before the figure (P.PER_FINALS gates the pattern: a "per" in the last 6 characters)."""
    return last_letter in P.PER_FINALS and bool(P.PER_BEFORE.search(text, max(0, start - 6), start))
