"""Numerals, number words and scale words -> a value and the interval it allows.

Pure functions on strings; no knowledge of documents or rules. The reading of
a numeral records how it was grouped so that rules can tell "4,178,027" from
the garbled "4178,027" without re-parsing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import _fast_frozen_init

SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3, "k": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6,
    "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12, "trln": 1e12,
}

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
FRACTION_WORDS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2), "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4), "fourth": Fraction(1, 4), "fourths": Fraction(1, 4),
    "fifth": Fraction(1, 5), "fifths": Fraction(1, 5), "sixth": Fraction(1, 6), "sixths": Fraction(1, 6),
    "seventh": Fraction(1, 7), "sevenths": Fraction(1, 7), "eighth": Fraction(1, 8), "eighths": Fraction(1, 8),
    "ninth": Fraction(1, 9), "ninths": Fraction(1, 9), "tenth": Fraction(1, 10), "tenths": Fraction(1, 10),
}
VULGAR = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}


@_fast_frozen_init  # (built for each numeral not in the cache, ~12,000 per corpus: see checker.model)
@dataclass(frozen=True, slots=True)
class Numeral:
    """A digit string read as a number.

    `grouping` is "plain" (no separators), "standard" (1,234,567.8),
    "indian" (1,00,000), "dotted" (2.313.000.000) or "malformed" (4178,027;
    5.17,000; 920, 000). For malformed numerals `value` is the most likely
    intended reading (all separators treated as thousands separators).
    `decimals` counts digits after the decimal point; `trailing_zeros`
    counts integer zeros that may be rounding.
    """

    value: float
    decimals: int
    grouping: str
    trailing_zeros: int = 0


_STANDARD = lazy_compile(r"\d{1,3}+(?:,\d{3})++(?:\.\d++)?+")
_INDIAN = lazy_compile(r"\d{1,2}+(?:,\d{2})+,\d{3}+(?:\.\d++)?+")
_PLAIN = lazy_compile(r"\d++(?:\.\d++)?+")
_WORD_SPLIT = lazy_compile(r"[\s\-]+")
_DOTTED = lazy_compile(r"\d{1,3}+(?:\.\d{3}){2,}+")
_EUROPEAN = lazy_compile(r"\d{1,3}+(?:\.\d{3})++,\d{1,2}+")


def parse_numeral(s: str) -> Numeral:
    """Read a digit string with separators ("1,234.5", "1,00,000", "4178,027").

    News repeats its numerals ("1", "10", "1.5" ...: some 4,000 distinct ones
    make up 86 % of the 50,000 in the shared corpus), so short ones are read
    once per process; long ones are not kept, so a file of endless digits
    cannot fill memory.
    """
    return _parse_short_numeral(s) if len(s) <= 24 else _parse_numeral(s)


@lru_cache(maxsize=4096)
def _parse_short_numeral(s: str) -> Numeral:
    return _parse_numeral(s)


def _parse_numeral(s: str) -> Numeral:
    if s.isdigit():
        # a run of digits (with one point, below, most numerals the cache has not seen): the lines further down
        # for it, written out (`stripped` is empty exactly when `s.strip("0")` is)
        stripped = s.rstrip("0")
        return Numeral(float(s) if len(s) < 300 else math.inf, 0, "plain", len(s) - len(stripped) if stripped else 0)
    whole, dot, frac = s.partition(".")
    if dot and frac.isdigit() and (whole.isdigit() or not whole):
        # one point between digits ("3.5", ".05": the next commonest), as the lines below read it: the test there
        # (one ".", digits around it, not last) holds exactly when this one does
        return Numeral(float(s) if len(s) < 300 else math.inf, len(frac), "plain", 0)
    if (s.count(".") == 1 and s.replace(".", "").isdigit() and not s.endswith(".")):
        grouping = "plain"  # the common case, without a regex
        clean = s
    elif "," in s and _is_standard(s):
        grouping = "standard"  # "1,234", "12,500.5": the next most common, also without a regex
        clean = s.replace(",", "")
    elif _PLAIN.fullmatch(s):
        grouping = "plain"
        clean = s
    elif _STANDARD.fullmatch(s):
        grouping = "standard"
        clean = s.replace(",", "")
    elif _INDIAN.fullmatch(s):
        grouping = "indian"
        clean = s.replace(",", "")
    elif _EUROPEAN.fullmatch(s):
        grouping = "european"  # 2.000,00: consistent continental notation, not a slip
        clean = s.replace(".", "").replace(",", ".")
    elif _DOTTED.fullmatch(s):
        grouping = "dotted"
        clean = s.replace(".", "")
    else:
        grouping = "malformed"
        clean = "".join(ch for ch in s if ch.isdigit())
    if "." in clean:
        whole, frac = clean.split(".", 1)
        decimals = len(frac)
        trailing = 0
    else:
        decimals = 0
        trailing = len(clean) - len(clean.rstrip("0")) if clean.strip("0") else 0
    value = float(clean) if len(clean) < 300 else math.inf
    return Numeral(value, decimals, grouping, trailing)


def _is_standard(s: str) -> bool:
    """Whether `s` (holding a comma) is _STANDARD's language, told by string tests: one to three digits, then groups
    of a comma and three digits, then perhaps a point and digits. True only where the pattern matches (isdecimal()
    is Unicode's Nd, as the pattern's \\d); False sends `s` on to the patterns, so a doubt costs only time.
    The pattern's possessive quantifiers lose no match here: each digit run ends at a separator or the end."""
    head, dot, frac = s.partition(".")
    if dot and not frac.isdecimal():
        return False
    parts = head.split(",")
    return len(parts) > 1 and 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]) \
        and head.replace(",", "").isdecimal()


# The precision model (README, "Precision model"): what a written figure allows.
#
# 1. A figure allows rounding or truncation of its last significant digit: with u the
#    place value of that digit, [v - u/2, v + u). "5.22 million" is [5.215, 5.23) million,
#    "35 pct" is [34.5, 36): rounded from 34.5, or truncated from 35.99 (wire copy does both).
# 2. The last significant digit is the last digit written after the decimal point, the
#    units digit of a figure under 1,000 or of a figure with a scale word ("120",
#    "120 million"), and for a whole figure of 1,000 or more that ends in zeros, its
#    second digit at the coarsest: trailing zeros past the first MIN_SIGNIFICANT digits
#    may be rounding. "1,200" is [1,150, 1,300), "100,000" is [95,000, 110,000),
#    "1,675,000" is [1,674,500, 1,676,000). A one-digit reading ("100,000" as anything in
#    [50,000, 200,000)) would let a figure stand for four times itself.
# 3. When a figure is compared with another given more precisely, its trailing zeros
#    count as significant down to the other's last significant digit ("to 105,000 from
#    100,000": 100,000 is read to the thousand). checker.arithmetic.linked_intervals.
# 4. Hedges widen by a stated rule (rules.quantities.bounds): "about", "around", "some",
#    "roughly" admit 10 % of the value either side; "nearly", "almost" 10 % below;
#    "more than", "over" anything above the figure; "up to", "less than" anything
#    from zero to it.
# 5. Rates set by a body (an interest, discount, prime, policy or tax rate) are exact
#    as stated (rules.quantities.exact).
MIN_SIGNIFICANT = 2


def rounding_zeros(value: float, trailing_zeros: int) -> int:
    """How many of a whole figure's `trailing_zeros` may be rounding: all but those among
    its first MIN_SIGNIFICANT digits ("100,000": 4 of 5; "1,200": 2 of 2; "20": 0 of 1)."""
    if trailing_zeros <= 0:
        return 0
    digits = len(str(int(abs(value)))) if abs(value) < 1e18 else int(math.log10(abs(value))) + 1
    return max(0, min(trailing_zeros, digits - MIN_SIGNIFICANT))


def rounding_interval(value: float, decimals: int, trailing_zeros: int, scale: float = 1.0) -> tuple[float, float]:
    """The values a figure written with this precision may stand for (rules 1 and 2 above).

    `decimals` digits after the point; otherwise `trailing_zeros` whole zeros that may be
    rounding (rounding_zeros keeps the first two digits significant). The interval is
    [v - u/2, v + u) for u the place value of the last significant digit: rounding below,
    rounding or truncation above ("35 pct" may be a truncated 35.7).
    """
    if decimals:
        half = 0.5 * 10.0 ** (-decimals)
    elif trailing_zeros <= 0:
        half = 0.5  # what the line below gives for no zeros (most figures), without its two calls
    else:
        half = 0.5 * 10.0 ** min(rounding_zeros(value, trailing_zeros), 12)
    if value == 0:
        half = 0.5 * 10.0 ** (-decimals) if decimals else 0.5
    low, high = (value - half) * scale, (value + 2 * half) * scale
    return (low, high) if value >= 0 else ((value - 2 * half) * scale, (value + half) * scale)


def words_value(words: str) -> float | None:
    """Value of a spelled-out cardinal ("twenty-one", "a dozen", "one hundred and five")."""
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        if tok in ("a", "an"):
            current = max(current, 1.0)
            seen = True
        elif tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok in TENS_WORDS:
            current += TENS_WORDS[tok]
            seen = True
        elif tok in ("dozen", "dozens"):
            current = max(current, 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = max(current, 1.0) * 100
            seen = True
        elif tok in SCALES and SCALES[tok] >= 1e3 and len(tok) > 2:
            total += max(current, 1.0) * SCALES[tok]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def fraction_words_value(words: str) -> float | None:
    """Value of "half", "a third", "two-thirds", "three quarters"."""
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t]
    if not tokens:
        return None
    if len(tokens) == 1:
        frac = FRACTION_WORDS.get(tokens[0])
        return float(frac) if frac is not None and tokens[0] in ("half",) else None
    head, tail = tokens[:-1], tokens[-1]
    if tail not in FRACTION_WORDS:
        return None
    if head in (["a"], ["an"], ["one"]):
        return float(FRACTION_WORDS[tail])
    n = words_value(" ".join(head))
    if n is None:
        return None
    return n * float(FRACTION_WORDS[tail])


