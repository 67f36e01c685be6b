"""Finding "A (B)" pairs: a figure followed by the same figure in other units, in brackets."""
from __future__ import annotations

import itertools

import regex

# (An "Â" may end the gap: "(Â£5m)" is "(£5m)" from UTF-8 text decoded as Latin-1, as in
# much archived web copy; the reader takes "£" as the start of the inner figure.)
_OPEN = regex.compile(r"\s*+\(\s*+(?:(?:about|around|approximately|approx\.?|some|roughly|nearly|almost|or|over|"
                      r"more\s+than|US|U\.S\.)\s+)?Â?\Z", regex.IGNORECASE)
# (A glued "m" may come before the close: "(10m)" is metres or millions, which the reader
# cannot tell apart; rules.unit_conversion_mismatch settles it by the other figure.)
_CLOSE = regex.compile(r"(?:(?<=\d)m)?\s*+(?:[;,)]|U\.S\.|US\b|at\s+current)")


def bracket_pairs(doc, quantities):
    """Yield (outer, inner) for "outer (inner ...)" where inner is the first figure inside the bracket.

    Most articles have no "(" at all, and most neighbouring figures have none between them: both are
    found with str methods (no slice, no regex call), since _OPEN needs the "(" to match.
    """
    text = doc.text
    if "(" not in text:
        return
    for a, b in itertools.pairwise(quantities):  # (no copy of the quantities, as quantities[1:] made)
        gap_start, gap_end = a.span.end, b.span.start
        if gap_end - gap_start > 24 or text.find("(", gap_start, gap_end) < 0:
            continue
        if "malformed" in (a.grouping, b.grouping):
            continue  # Q101 reports it; its value is a guess
        if _OPEN.fullmatch(text[gap_start:gap_end]) and _CLOSE.match(text, b.span.end):
            yield a, b
