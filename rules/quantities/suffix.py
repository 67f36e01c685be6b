"""What is written after a figure: percent, points, "times", a currency word, a unit, an ISO code.

"23.7 pct", "25 basis points", "19-fold", "540bn yen", "62 miles", "1,000 CHF".
The scan's `tail` group carries percent, points and multipliers; currency and
unit words are matched after it, through the one surface-form table in
checker.units, never by handing raw text to pint.
"""
from __future__ import annotations

from statlint.checker.units import (
    CURRENCY_WORDS, GLUED_LETTERS, GLUED_ONLY, ISO_CODES, PERIODS, PHYSICAL, SPACED_ONLY, VIDEO_LINES, unit_name,
)
from statlint.rules import _patterns as P


def tail_unit(tail: str, value: float, value2: float | None, decimals: int) -> tuple[str, str, float, float | None, int]:
    """(unit, kind, value, value2, decimals) for the scan's lower-cased `tail`: basis points are
    hundredths of a percentage point; "fold", "times", "x" make a multiplier; the rest is percent."""
    if "point" in tail or tail in ("bps", "pp"):
        if "basis" in tail or "base" in tail or tail == "bps":
            return "percentage_point", "level", value / 100, (value2 / 100 if value2 is not None else None), decimals + 2
        return "percentage_point", "level", value, value2, decimals
    if "fold" in tail or tail in ("times", "x"):
        return "times", "multiplier", value, value2, decimals
    return "percent", "level", value, value2, decimals


def unit_after(text: str, end: int, unit: str, currency: str | None, scale_word: str, num: str) -> tuple[str, int]:
    """(unit, end) once a currency word, a unit word or an ISO code after the figure is read.

    A currency word or unit after the number is read only when no currency came before it.
    A lone "p" or "c" is pence or cents glued to the figure ("164p", "99c"; not "1080p", "2011c") or
    after a scale ("5m p"); spaced, it is a page, a point or an initial.
    """
    word_next = currency is None and word_may_follow(text, end)
    wm = P.CURRENCY_WORD_AFTER.match(text[end:end + 40]) if word_next else None
    if currency is None and wm:
        word = wm.group(0).strip().lower()
        unit = CURRENCY_WORDS.get(word, "count")
        if unit in ("GBP-pence",) and word == "p" and not scale_word:
            unit = "count"
        else:
            end += len(wm.group(0))
    elif word_next:
        um = P.UNIT_WORD_AFTER.match(text[end:end + 40])
        # (case-insensitive matching accepts "mİ" and "kmſ", which name no unit)
        form = um.group(0).strip(" -\t\n\u00a0") if um else ""
        glued = um.group(0) == form if um else False
        name = unit_name(form) if form and not (form in GLUED_ONLY and not glued) \
            and not (form in SPACED_ONLY and glued) else None
        if name:
            unit = name
            end += len(um.group(0))
    if unit == "count" and currency is None:
        glued = GLUED_LETTERS.get(text[end:end + 1])
        if glued and not text[end + 1:end + 2].isalnum() and text[end - 1:end].isdigit() \
                and not (glued == "GBP-pence" and num in VIDEO_LINES) and not _year_like(num):
            return glued, end + 1
    if (unit == "count" or unit == currency) and currency is None and text[end + 1:end + 2] in P.ASCII_UPPER:
        im = P.ISO_AFTER.match(text[end:end + 8])
        if im and im.group(1) in ISO_CODES:
            unit = im.group(1)
            end += len(im.group(0))
    return unit, end


_RATE_INITIALS = frozenset("pPaAeE/")


def _year_like(num: str) -> bool:
    """ "2011c", "1999p": a year with a letter (a citation's second paper of 2011), not cents or pence."""
    return len(num) == 4 and num[:2] in ("19", "20") and num.isdigit()


def rate_after(text: str, end: int, unit: str) -> tuple[str, int]:
    """(unit, end) with the period of a rate after a physical unit or a currency: "2.3 mln barrels
    per day" is barrel/day, as "1,950,000 bpd" is; "RM45 a month" is MYR/month."""
    if "/" in unit or not (unit in PHYSICAL or (len(unit) == 3 and unit.isupper())):
        return unit, end
    c = text[end:end + 1]
    if c != "/" and not (c.isspace() and text[end + 1:end + 2] in _RATE_INITIALS):
        return unit, end  # RATE_AFTER needs "/", or a space and "/", per, a, an, each, every
    rm = P.RATE_AFTER.match(text[end:end + 20])
    if rm is None:
        return unit, end
    return f"{unit}/{PERIODS[rm.group('period').lower()]}", end + len(rm.group(0))


def word_may_follow(text: str, end: int) -> bool:
    """Cheap test before CURRENCY_WORD_AFTER and UNIT_WORD_AFTER, which match an optional white-space
    character or hyphen and then a currency or unit word: the next three characters, lower-cased, must
    begin one of those words (P.WORD_STARTS). Anything not ASCII passes ("°C", and the letters the
    case-insensitive patterns fold, "ſ" and the Kelvin sign). A superset: isspace() takes in every
    character regex's \\s does, and a few more."""
    c = text[end:end + 1]
    if c.isspace() or c == "-":
        end += 1
    s = text[end:end + 3]
    if not s.isascii():
        return True
    s = s.lower()
    return s[:1].isalpha() and (s in P.WORD_STARTS or s[:2] in P.WORD_STARTS or s[:1] in P.WORD_STARTS)


def noun_after(text: str, end: int) -> str | None:
    """The word after a quantity ("150 mln dlrs" -> "dlrs" after the unit is read)."""
    wn = P.WORD_AFTER.match(text, end, end + 40)
    return wn.group(1).lower() if wn else None
