"""Numbers the reader left unread that may still be the first half of a garbled figure.

The reader (rules.quantities) skips a bare number after a capitalised word as a name
("Apollo 11", "OPEC 2") and a number from 1900 to 2100 as a year. In a headline every
word is capitalised, so "BURLINGTON GETS 3050 ten thousand DLR CONTRACT" and "UNITS
FOR 50. MLN STG" lose their first half; and "for about 2100 ten thousand dlrs" is no
year, since a year takes no hedge, nor is "sales rose to 2060 10,000 dlrs" (a year does not
follow "rose to", "were", "spent", "numbered"). rules.garbles offers these numbers to its steps as
provisional quantities, and keeps only those a garble takes in.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity, Span
from statlint.rules._line import is_capitals, line_before

_NUMERAL = lazy_compile(r"\d++(?:\.\d++)?+")
_HEDGE_BEFORE = lazy_compile(r"\b(?:about|around|roughly|some|nearly|almost|approximately|over|under)[ \t\n]++\Z",
                              regex.IGNORECASE)
# words after which a number is an amount, never a year ("rose to 1950 10,000 dlrs", "were 2010 ...")
_AMOUNT_BEFORE = lazy_compile(
    r"\b(?:to|was|were|is|are|be|been|totall?ing|totall?ed|number(?:ed|ing)|reached|hit|spent|raised|worth|cost|costing|paid"
    r"|about|around|roughly|some|nearly|almost|approximately)[ \t\n]++\Z", regex.IGNORECASE)
# what follows the first half of a garble: a space and a multiplier ("10,000", "ten thousand",
# "100 million", "hundred million") or a stray point
_NEXT_FIRST = frozenset(" .")
_GARBLE_NEXT = lazy_compile(r"[ ](?:1|ten\b|hundred\b)|\.[ \n]", regex.IGNORECASE)


def unread_candidates(text: str, skipped: Sequence[Span]) -> list[Quantity]:
    out = []
    for s in skipped:
        if text[s.end:s.end + 1] not in _NEXT_FIRST or not _GARBLE_NEXT.match(text, s.end):
            continue
        num = text[s.start:s.end]
        if not _NUMERAL.fullmatch(num):
            continue
        if not (asks_for_amount(text, s.start) or _capitals_line(text, s.start, num)):
            continue
        value = float(num)
        decimals = len(num.split(".", 1)[1]) if "." in num else 0
        half = 0.5 * 10.0 ** -decimals
        out.append(Quantity(span=s, text=num, value=value, low=value - half, high=value + half, decimals=decimals,
                            bound="~" if _hedged(text, s.start) else "="))
    return out


def asks_for_amount(text: str, start: int) -> bool:
    """Whether the word before `start` takes an amount and never a year ("rose to", "were", "about")."""
    return bool(_AMOUNT_BEFORE.search(text, max(0, start - 16), start))


def _hedged(text: str, start: int) -> bool:
    return bool(_HEDGE_BEFORE.search(text, max(0, start - 16), start))


def _capitals_line(text: str, start: int, num: str) -> bool:
    """The number's line has letters and all in capitals (a headline), and it is not a year there."""
    if len(num) == 4 and num[:2] in ("19", "20"):
        return False
    return is_capitals(line_before(text, start))
