"""The stretch of a line before a position, looked at no further back than a headline is long.

Why: a garble test asks about the line a figure stands on (is it a headline in capitals,
is the figure a cell of a table). Searching back to the line's start is quadratic on a
text with no line breaks (tests/test_bad_input.py checks a 10 MB line), so every such
test looks back a bounded window.
"""
from __future__ import annotations

WINDOW = 200  # longer than any headline or table row


def line_before(text: str, pos: int) -> str:
    """The text from the start of pos's line, or from WINDOW characters back, to pos."""
    lo = max(0, pos - WINDOW)
    return text[max(lo, text.rfind("\n", lo, pos) + 1):pos]


def is_capitals(line: str) -> bool:
    """Letters, all in capitals: a headline, where every word looks like a name."""
    return any(ch.isalpha() for ch in line) and line.upper() == line
