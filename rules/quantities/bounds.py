"""Hedges and bounds written before a figure: "about", "nearly", "more than", "up to".

A hedge changes what a figure allows, not the figure: "about 60" stays 60 but
admits 54..66; "more than 3 million" is (3 million, inf). The words and how
each one widens the interval live here, in one place, for digits and words alike.
"""
from __future__ import annotations

import math

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.rules import _patterns as P

BOUND_OF_WORD = {
    "about": "~", "around": "~", "approximately": "~", "approx": "~", "approx.": "~", "roughly": "~",
    "some": "~", "an estimated": "~", "nearly": "<~", "almost": "<~", "close to": "~", "just under": "<~",
    "just over": ">", "more than": ">", "over": ">", "above": ">", "in excess of": ">", "exceeded": ">",
    "exceeding": ">", "topped": ">", "surpassed": ">", "passed": ">", "beyond": ">", "broke": ">",
    "crossed": ">", "at least": ">", "up to": "<", "as much as": "<", "as many as": "<", "as high as": "<",
    "less than": "<", "under": "<", "below": "<", "fewer than": "<", "at most": "<", "no more than": "<",
}
# How every bound word (and "the", as in "over the") ends: the window before a figure must end with one of
# these, in lower case, for P.BOUND_BEFORE to match (may_be_hedged; a superset: no word boundary asked).
BOUND_ENDINGS = tuple(sorted({w.split()[-1] for w in BOUND_OF_WORD} | {"the"}))
# "went up to 5.5%", "edged up to 87": after a verb of movement "up to" says where a level went, not a ceiling.
_MOVED_UP = lazy_compile(r"\b(?:went|go|goes|gone|going|moved|edged|ticked|crept|inched|shot|crawled|jumped|"
                          r"climbed|risen|rose|revised|marked)\s+\Z", regex.IGNORECASE | regex.REVERSE)
APPROX_WIDTH = 0.1  # "about 60" admits 54..66: news rounds loosely and we must never over-claim


def apply_bound(bound: str, value: float, low: float, high: float) -> tuple[float, float]:
    """The interval a figure allows once its hedge is read."""
    spread = abs(value) * APPROX_WIDTH
    if bound == "~":
        return min(low, value - spread), max(high, value + spread)
    if bound == "<~":  # "nearly", "almost": at or a little below
        return min(low, value - spread), high
    if bound == ">":  # "more than 3 million": above the figure itself, whatever its rounding
        return value, math.inf
    if bound == "<":
        return (-math.inf if value < 0 else 0.0), value
    return low, high


# Every bound word or phrase as P.BOUND_BEFORE spells it (its inner spaces are single literal spaces), and the same
# by their last two characters: a text ends with a phrase only if it ends with the phrase's last two characters,
# so one look-up leaves one or two phrases to try instead of all 36.
BOUND_PHRASES = tuple(sorted(BOUND_OF_WORD))
_PHRASES_BY_END: dict[str, tuple[str, ...]] = {}
for _phrase in BOUND_PHRASES:
    _PHRASES_BY_END[_phrase[-2:]] = _PHRASES_BY_END.get(_phrase[-2:], ()) + (_phrase,)
del _phrase


def may_be_hedged(window: str) -> bool:
    """Cheap test before P.BOUND_BEFORE: `window` (the text before a figure, spaces stripped from its
    end) ends with a whole bound phrase (BOUND_PHRASES), or with one, white space and "the" ("over the").
    The whole phrase, not its last word: "to", "of", "the" and "as" end ten times as many windows ("rose to",
    "a total of", "was") as "up to", "in excess of", "over the" and "as much as" do, and each cost a search.
    Text that is not ASCII passes (the pattern folds "ſ" and "K")."""
    if not window.isascii():
        return True
    lower = window.lower()
    if lower.endswith("the"):
        if not lower[-4:-3].isspace():
            return False  # no bound phrase ends in "the": the pattern's "the" is a word of its own
        lower = lower[:-3].rstrip()
    phrases = _PHRASES_BY_END.get(lower[-2:])
    return phrases is not None and lower.endswith(phrases)


def may_end_bound(word: str) -> bool:
    """may_be_hedged's test made on the last word alone, when that word is lower-case ASCII letters and one
    space follows it (the reader's commonest case): the phrase table is keyed on the last two characters,
    which are the word's own (no phrase ends in a one-letter word), and "the" is the only other way in.
    A superset: the caller still asks may_be_hedged (which also passes a window that is not ASCII)."""
    return word[-2:] in _PHRASES_BY_END or word.endswith("the")


# The bound words that also compare: after a rate or a multiplier they say by how much one figure
# exceeds the next ("55 per cent more than the 253.5 million", "25% above the 300", "a 9.0 percent improvement
# over $193.6 million"), and the next figure
# is then a plain value, the base of the comparison, not a bound (rules.comparatives reads the claim).
_COMPARING = frozenset(("more than", "less than", "fewer than", "above", "below", "over", "under", "as much as",
                        "as many as", "as high as"))  # ("3 times as many as 200": 600; "twice as many as 200": 400)
# (also a rate in brackets after the amount it restates, "13p (8%) more than the £4.41", and an amount of money
# alone, "$2,400 less than the $19,000", and a rate set off by ", or ... ,": "13p, or 8%, more than the £4.41"; not a
# rate before a comma alone: "turnout was 43.90%, more than 80 thousand")
_RATE_BEFORE_COMPARISON = lazy_compile(
    r"(?:\d%|\d\s?(?:per\s?cent|percent|pct|percentage\s+points?|points?|times|fold)|"
    r"\b(?:half|quarters?|thirds?|fifths?|tenths?|twice)|fold|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many)[\s-]+times)(?:\s*+\))?\s*+"
    r"(?:higher|lower|up|down|(?:year-on-year\s+)?(?:increase|improvement|rise|gain|jump|growth|decrease|decline|"
    r"drop|fall|reduction)s?)?\s*+\Z"
    r"|,\s*+or\s++(?:about\s++|some\s++|nearly\s++|almost\s++)?\d[\d.]*\s?(?:%|per\s?cent|percent|pct)\s*+,\s*+\Z",
    regex.IGNORECASE | regex.REVERSE)
# An amount of money before "more than"/"less than" compares too ("$2,400 less than the $19,000"; not "over": "£960m
# over 15 years" is a span of time, read by the hedge as before)
_AMOUNT_BEFORE_COMPARISON = lazy_compile(
    r"(?:[$£€¥]\s?\d(?:[\d,.]*\d)?(?:\s?(?:bn|m|k|million|billion))?|\b\d(?:[\d,.]*\d)?\s?(?:p|c|pence|cents))\s++\Z",
    regex.IGNORECASE | regex.REVERSE)


def bound_before(text: str, start: int) -> str:
    """The bound word that ends right before `start` ("=" for none), searched in place, not in a copy,
    so that \\b sees the letter before ("Turnover 3.71" is no bound)."""
    bm = P.BOUND_BEFORE.search(text, max(0, start - 30), start)
    if not bm:
        return "="
    word = " ".join(bm.group("word").lower().split())
    if word == "up to" and _MOVED_UP.search(text, max(0, bm.start() - 20), bm.start()):
        return "="
    if word in _COMPARING and _RATE_BEFORE_COMPARISON.search(text, max(0, bm.start() - 30), bm.start()):
        return "="  # "30% more than 100": 130 against a base of 100, not "above 100"
    if word in ("more than", "less than") and _AMOUNT_BEFORE_COMPARISON.search(text, max(0, bm.start() - 30), bm.start()):
        return "="  # "13p more than the £4.41": 4.54 against a base of 4.41
    return BOUND_OF_WORD.get(word, "=")


def hedged(text: str, start: int, value: float, low: float, high: float) -> tuple[str, float, float]:
    """(bound, low, high) for a figure starting at `start`, read with the hedge before it.

    "nearly"/"almost" widen below only, and are then reported as "~".
    """
    bound = bound_before(text, start)
    low, high = apply_bound(bound, value, low, high)
    return ("~" if bound == "<~" else bound), low, high
