"""Read a figure again as it would read with a stray character or two taken out.

Why: a figure broken in the text ("155, 221 bags", "14.⏎5 pct", "66. mln") is read
as two numbers, or as a number without its scale. Once rules.garbles knows where
the break is, the figure the writer meant is what the number reader makes of the
text with the break mended, so the repaired quantity gets its unit, scale, hedge
and interval from the one reader (rules.quantities) and not from a second one.
"""
from __future__ import annotations

from dataclasses import replace

from statlint.checker.model import Quantity, Span
from statlint.rules.quantities.scan import read_digits

_BEFORE = 40  # characters of context the reader looks back at (currency, hedges, label words)
_AFTER = 60  # characters after the break: enough for a scale word, a unit and a noun


def reread(text: str, start: int, cut: Span, mend: str) -> Quantity | None:
    """The quantity that starts at `start` once text[cut] is replaced by `mend`, with its span and text
    in the original text; None unless the reader reads one quantity from `start` across the mended break.

    ("Arrivals were 155, 221 bags", start at "155", cut ", " mended to ",") -> "155, 221 bags", 155,221 bags;
    ("in 198612 mths", start at "12", an empty cut before it mended to " ") -> "12 mths".
    """
    base = max(0, min(start, cut.start) - _BEFORE)
    head = text[base:cut.start]
    mended = head + mend + text[cut.end:cut.end + _AFTER]
    tail_at = len(head) + len(mend)  # where the text after the cut starts in `mended`

    def to_mended(pos: int) -> int:
        if pos < cut.start or (pos == cut.start and cut.end > cut.start):
            return pos - base  # before the cut, or where the mend replaces it (". 85" -> "0.85")
        return tail_at + pos - cut.end

    def to_text(pos: int) -> int:
        return base + pos if pos <= len(head) else (cut.end + pos - tail_at if pos >= tail_at else cut.start)

    at = to_mended(start)
    for q in read_digits(mended)[0]:
        if q.span.start == at and q.span.end > tail_at:
            span = Span(start, to_text(q.span.end))
            return replace(q, span=span, text=text[span.start:span.end])
        if q.span.start > at:
            break
    return None
