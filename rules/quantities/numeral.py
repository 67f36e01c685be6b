"""The number itself: numeral, fraction ("7-1/2"), power of ten ("4.3 × 10−8"), scale word ("mln").

checker.numbers reads the digit string; this module reads what the scan found
around it that changes its value: a fraction after it, a power of ten, a
vulgar fraction glyph, and whether "m"/"b"/"k" after it is a scale at all.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.numbers import VULGAR
from statlint.rules import _patterns as P

# Plural nouns of things counted in thousands and millions, never measured in metres (nor a model "5b"):
# after one, a glued "m" or "b" is a scale ("2.3m people", "40m tonnes"), as it is in British news; a length
# takes other nouns ("a 100m sprint", "5m waves", "2.3m high"). So is a glued "k" ("30K jobs", "45k visitors"):
# a kilometre, kilobit or kilobyte is never a count of these nouns, while "50K Walk", "512K broadband" and a bare
# "16k" say nothing of which the letter is, and stay unread (tests/test_extraction).
_COUNTED_AFTER = lazy_compile(
    r"[ ](?:more[ ]|new[ ]|extra[ ]|additional[ ]|other[ ])?(?:people|persons|residents|citizens|inhabitants|voters"
    r"|users|customers|subscribers|viewers|listeners|readers|visitors|tourists|passengers|travell?ers|workers"
    r"|employees|jobs|households|homes|families|children|adults|pupils|students|patients|doses|vaccinations"
    r"|vaccines|infections|deaths|migrants|refugees|members|followers|shares|tonnes|tons|barrels|copies|cars"
    r"|vehicles|phones|smartphones|downloads|votes|signatures|hectares|acres|gallons|litres|liters|animals"
    r"|birds|trees|items|parcels|packages|tickets|visits|trips|journeys|flights|calls|messages|posts|hits"
    r"|units|orders|bookings|subscriptions|accounts|transactions|applications|claims|cases|tests|meals|books)\b",
    regex.IGNORECASE)


def has_unknown_digit(matched: str) -> bool:
    """Whether a match holds a digit `regex` knows (its Unicode tables are newer) and Python does not,
    such as the Garay digits of Unicode 16: float() and int() cannot read those."""
    return any(not ch.isdecimal() for run in P.DIGIT_RUN.findall(matched) for ch in run)


def power_of_ten(text: str, num: str, num_end: int) -> tuple[int, int, bool] | None:
    """(exponent, end, whether the numeral is the base 10 itself) for "3 × 10^5", "4.3 × 10−8",
    "2.5e-3" and a lone "10⁻⁴", "10^6" or "10−4" (a minus sign, not a hyphen: "10-4" is a range or a score)."""
    if not (text[num_end:num_end + 1] in P.POWER_INITIALS or text[num_end + 1:num_end + 2] in P.POWER_INITIALS):
        return None
    pm = P.POWER_AFTER.match(text, num_end)
    if pm is None:
        return None
    alone = pm.group("mark") is None
    if alone and num != "10":
        return None
    exponent = int(pm.group("exp").translate(P.SUPERSCRIPT_DIGITS))
    return (exponent, pm.end(), alone) if abs(exponent) <= 300 else None


def add_fraction(value: float, decimals: int, grouping: str, frac: str | None,
                 slash: str | None) -> tuple[float, int, bool] | None:
    """(value, decimals, is a bid/offer quote) once "7-1/2" or "3/4" after the numeral is read;
    None when the slash makes no number we read ("24/7", "9/11", "1/0")."""
    if frac:
        n, d = frac.strip(" -").split("/")
        if int(d) == 0 or int(n) >= int(d):
            return None
        return value + int(n) / int(d), max(decimals, 3), False
    if slash and decimals:
        return value, decimals, True  # "1.5798/808": a bid/offer quote; the first figure is the rate
    if slash:
        if not slash[1:].isdigit():
            return None
        d = int(slash[1:])
        if d == 0 or grouping != "plain" or value >= d:
            return None  # "24/7", "9/11" and the like are not fractions we read
        return value / d, 3, False
    return value, decimals, False


def is_distance_not_scale(scale_word: str, currency: str | None, text: str, end: int) -> bool:
    """ "100m" without a currency is a distance; "5b" a model name: not a scale ("100m dollars" is, and so is
    "2.3m people" and "30K jobs": an "m", "b" or "k" glued to the figure before a noun of things counted in
    thousands and millions, _COUNTED_AFTER)."""
    return scale_word in ("m", "b", "k") and currency is None and not P.CURRENCY_WORD_AFTER.match(text[end:end + 40]) \
        and not (text[end - 2:end - 1].isdigit() and _COUNTED_AFTER.match(text, end))


def vulgar_after(text: str, end: int, value: float, decimals: int) -> tuple[float, int, int, str]:
    """(value, decimals, end, tail) once a vulgar fraction glued to the numeral is read: "7½",
    and "7½ pct" with its percent (tail "%")."""
    value += VULGAR[text[end]]
    end += 1
    pm = P.PERCENT_AFTER.match(text[end:end + 12])
    if pm:
        return value, max(decimals, 3), end + len(pm.group(0)), "%"
    return value, max(decimals, 3), end, ""
