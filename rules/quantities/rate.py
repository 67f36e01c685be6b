"""Rates: a figure that is the "per X" of another ("46.5 Ecus per 100 kilos").

A figure after "per", "every" or "each" is the denominator of a rate, not a
level of its own, so claims do not link it as an old or new figure.
"""
from __future__ import annotations

from statlint.rules import _patterns as P


PER_WORDS = _PER_WORDS = ("per", "every", "each")  # P.PER_BEFORE's words; none has a letter that folds from outside ASCII


def is_denominator(text: str, start: int, window: str) -> bool:
    """Whether "per"/"every"/"each" ends right before `start`; `window` is the text before the figure with
    the white space at its end stripped, which must end in one of those words for the pattern to match."""
    return window[-5:].lower().endswith(_PER_WORDS) and bool(P.PER_BEFORE.search(text, max(0, start - 6), start))
