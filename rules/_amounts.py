"""A change stated twice, as an amount and as a percent: "climbed 221 points, or 1.7 percent,", "fell 50 cents
(2%)", "an increase of 120 jobs, or 3 per cent", "rose 1.7 percent, or 221 points,", "rose 0.5 percentage
points, or 10%,", "ended 150 points or 1 per cent lower at".

Read by rules.claims on the sentence skeleton (every figure a token "⟨i⟩"), after the figure that follows a
change word or before a direction word that ends the change ("lower", "down"). The second figure is an
aside to the first when only ", or", "or", a bracket or a dash stand between them, after the first figure's
own noun ("points", "jobs") and before a hedge ("or about 12%"); or a bare comma after the amount, when the
percent then ends the clause or leads to the level ("down 40 points, 1% at 3,960"). Not ", and", and
not a bare comma before more words: "512,306 vans, down 9.3 pct, and 21,480 coaches", "up 60 cts, two pct
grade fuel at 29.85 dlrs" are the next items of a list. Of the two, the percent is the change's rate and the
other its amount: a level in a unit, or points of a percentage ("0.5 percentage points, or 10%" is a rise
of 0.5 points, which is 10 % of the level before). Two percents or two amounts are no such pair: "rose 5%,
or 6% in real terms" is two rates, "rose $3 million (£2.4 million)" a conversion (U102's).
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity

# How far after a figure its aside may reach. Every match here is bounded: given no end, the `regex` module
# looks for a pattern's required words in all the rest of the text, which on a sentence of megabytes is a
# scan per figure (quadratic; tests/test_bad_input.py's dense line).
_REACH = 200
_ASIDE = lazy_compile(
    r"(?:\s++(?P<noun>[a-z][a-z-]*+))?\s*+(?:,\s*+or\s++|(?<=\s)or\s++|\(\s*+|(?<=\s)[—–-]{1,2}\s*+(?:or\s++)?|"
    r"[—–]\s*+(?:or\s++)?|(?P<comma>,\s*+))"
    r"(?:(?:by|about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than|over|under|"
    r"just\s+(?:over|under))\s++)?⟨(?P<second>\d+)⟩"
    # after a bare comma the percent must end the clause or lead to the level: "down 40 points, 1% at 3,960",
    # not "up 60 cts, two pct grade fuel at 29.85 dlrs" (the next item of a list)
    r"(?(comma)(?=\s*+(?:[,.;)]|$|(?:at|to)\s++⟨)))",
    regex.IGNORECASE)


def amount_and_rate(scanned: str, first: Quantity, after: int, quantities, is_level) -> tuple[Quantity, Quantity] | None:
    """(amount, rate) when the figure `first`, which ends at `after` in `scanned`, has a figure beside it
    that states the same change the other way (one a percent, the other an amount or points); else None.
    `is_level` says whether a figure can be a level (not a duration or a denominator)."""
    m = _ASIDE.match(scanned, after, after + _REACH)  # (an end bound: `regex` scans the rest of the text otherwise)
    if m is None or (m.group("noun") and m.group("noun").lower() != (first.noun or "").lower()):
        return None  # only the first figure's own noun may stand between: "221 points, or 1.7%"
    second = quantities[int(m.group("second"))]
    return _pair(first, second, is_level, bare_comma=m.group("comma") is not None)


# The same pair before a direction word that ends the change: "ended 150 points or 1 per cent lower at
# 22,397.57", "closed 350 points, or 1.33 percent, down" (read backwards from the word).
_BEFORE = lazy_compile(
    r"⟨(?P<first>\d+)⟩(?:\s+(?P<noun>[a-z][a-z-]*))?(?:\s*,\s*or\s+|\s+or\s+|\s*\(\s*)"
    r"(?:(?:about|around|some|nearly|almost|roughly)\s++)?⟨(?P<second>\d+)⟩\s*+\)?,?\s*+$",
    regex.IGNORECASE | regex.REVERSE)


_LEVEL_WORD = lazy_compile(r"\b(?:to|at|of|from|reach(?:ed|ing)?|hit(?:ting)?|was|were|is|are|totall?ed|stood)\s++$",
                           regex.IGNORECASE | regex.REVERSE)


def amount_and_rate_before(scanned: str, start: int, quantities, is_level) -> tuple[Quantity, Quantity] | None:
    """(amount, rate) written right before a direction word at `start` ("150 points or 1 per cent
    lower"), else None."""
    m = _BEFORE.search(scanned, max(0, start - 80), start)
    if m is None or _LEVEL_WORD.search(scanned, max(0, m.start() - 20), m.start()):
        return None  # "rose to 4.6 mln contracts, or 57 pct up on a year before": the first figure is the level
    first, second = quantities[int(m.group("first"))], quantities[int(m.group("second"))]
    if m.group("noun") and m.group("noun").lower() != (first.noun or "").lower():
        return None
    return _pair(first, second, is_level, bare_comma=False)


def _pair(first: Quantity, second: Quantity, is_level, bare_comma: bool) -> tuple[Quantity, Quantity] | None:
    """(amount, rate) of two figures that state one change: one a percent, the other an amount; after a bare
    comma only the amount may come first ("down 40 points, 1% at 3,960")."""
    for rate, amount in ((second, first),) if bare_comma else ((first, second), (second, first)):
        if rate.unit == "percent" and amount.unit != "percent" and amount.kind not in ("multiplier",) \
                and amount.unit != "times" and is_level(amount):
            return amount, rate
    return None


_FROM_RIGHT_AFTER = lazy_compile(r"(?:\s++(?P<noun>[a-z][a-z-]*+))?\s++(?:to\s++⟨\d++⟩(?:\s++[a-z]++)?(?:\s*+,)?\s++)?"
                                 r"from\s++(?:the\s++)?⟨", regex.IGNORECASE)


def base_right_after(scanned: str, amount: Quantity, after: int) -> bool:
    """Whether "from" and a figure follow an amount at once, or after the new level ("down $1.5 billion from
    $45.7 billion", "fell 300 tonnes from 5,250", "fell 300 tonnes to 4,950 tonnes from 5,250"): that figure is
    the level the amount moved from. Not after another word ("up 13.1 at 6.785 from 6.84")."""
    m = _FROM_RIGHT_AFTER.match(scanned, after, after + _REACH)
    return m is not None and (m.group("noun") is None or m.group("noun").lower() == (amount.noun or "").lower())

