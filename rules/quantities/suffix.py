"""What is written after a figure: percent, points, "times", a currency word, a unit, an ISO code.

"23.7 pct", "25 basis points", "19-fold", "540bn yen", "62 miles", "1,000 CHF".
The scan's `tail` group carries percent, points and multipliers; currency and
unit words are matched after it, through the one surface-form table in
checker.units, never by handing raw text to pint.
"""
from __future__ import annotations

import sys

from statlint.checker.lazy_regex import lazy_compile, lazy_compile_stdlib
from statlint.checker.units import (
    CURRENCY_WORDS, GLUED_LETTERS, GLUED_ONLY, ISO_CODES, PERIODS, PHYSICAL, SPACED_ONLY, VIDEO_LINES, unit_name,
)
import regex

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
    if currency is not None:
        return unit, end  # every reading below is of a figure with no currency before it
    # word_may_follow(text, end), written out (this runs for most figures, and three in five fail it)
    end0, c = end, text[end:end + 1]
    s = text[end + 1:end + 4] if c.isspace() or c == "-" else text[end:end + 3]
    if not s.isascii() or (s[:1].isalpha() and ((s := s.lower()) in _WORD_STARTS or s[:2] in _WORD_STARTS
                                                 or (s[:1] in _WORD_STARTS and not s[1:2].isalpha()))):
        after = text[end:end + 40]
        # the commonest currency words ("dlrs", "cts", "yen": one word of ASCII letters, nothing word-like after it)
        # read by a `re` match and a look-up; CURRENCY_WORD_AFTER matches just that word there (_ONE_WORD_CURRENCIES)
        om = _ONE_WORD_AFTER.match(after)
        if om is not None and (word := om.group(1).lower()) in _ONE_WORD_CURRENCIES:
            length = om.end()
        else:
            wm = P.CURRENCY_WORD_AFTER.match(after)
            word, length = (wm.group(0).strip().lower(), len(wm.group(0))) if wm else (None, 0)
        if word is not None:
            unit = CURRENCY_WORDS.get(word, "count")
            if unit in ("GBP-pence",) and word == "p" and not scale_word:
                unit = "count"
            else:
                if word in ("pounds", "pound") and not scale_word and _weighed(text, end, end + length):
                    unit = "pound"  # "weighs 210 pounds", "20 pounds of cocaine": a mass, not sterling
                end += length
        else:
            um = P.UNIT_WORD_AFTER.match(after)
            # (case-insensitive matching accepts "mİ" and "kmſ", which name no unit)
            form = um.group(0).strip(" -\t\n\u00a0") if um else ""
            glued = um.group(0) == form if um else False
            name = unit_name(form) if form and not (form in GLUED_ONLY and not glued) \
                and not (form in SPACED_ONLY and glued) else None
            if name:
                unit, end = powers_after(text, end + len(um.group(0)), name)
    if unit == "count":
        # (when no word was read `end` is where it was and `c` its character)
        glued = GLUED_LETTERS.get(c if end0 == end else text[end:end + 1])
        if glued and not text[end + 1:end + 2].isalnum() and text[end - 1:end].isdigit() \
                and not (glued == "GBP-pence" and num in VIDEO_LINES) and not _year_like(num):
            return glued, end + 1
        if text[end + 1:end + 2] in P.ASCII_UPPER:
            im = P.ISO_AFTER.match(text[end:end + 8])
            if im and im.group(1) in ISO_CODES:
                unit = im.group(1)
                end += len(im.group(0))
    return unit, end


# A verb of weight before the figure ("weighs 210", "lost nearly 20"), or "of" and a thing after "pounds".
_WEIGHT_BEFORE = lazy_compile(r"\b(?:weigh(?:s|ed|ing)?|lost|lose|loses|losing|gained|gain|gains|gaining|shed|sheds|"
                              r"heavier|lighter)\s++(?:(?:about|around|nearly|almost|some|over|just|more\s++than)\s++)?"
                              r"[\d.,]++\s*+\Z", regex.IGNORECASE)
_OF_AFTER = lazy_compile(r"\s++of\s++(?!(?:the|his|her|their|its|our|my|your|a|an)\b)[a-z]", regex.IGNORECASE)


def _weighed(text: str, start: int, end: int) -> bool:
    """Whether "pounds" written between `start` and `end`, after a figure with no scale word, weigh something:
    a verb of weight before the figure, or "pounds of" a thing ("of cocaine"; "of the" is a sum's share)."""
    return bool(_WEIGHT_BEFORE.search(text, max(0, start - 40), start)) or bool(_OF_AFTER.match(text, end, end + 20))


_RATE_INITIALS = frozenset("pPaAeE/")
# A power glued to a unit ("cm−3", "m⁻²", "m^2"): a minus sign and a digit, or superscripts, or a caret. A plain
# digit alone is not read as a power ("5 km2" is in the table; "10 kg3" is nothing we know).
_POWER = lazy_compile(r"(?:\^(?P<caret>[−-]?\d)|(?P<minus>[−⁻]\s?\d)|(?P<sup>⁻?[¹²³⁴⁵⁶⁷⁸⁹]))(?![\d\w])")
# A second unit with a negative power after a space: "km s−1", "kg s−1", "mg L−1", "g cm−3".
_PER_UNIT = lazy_compile(r" (?P<unit>[A-Za-zμµ]{1,3})(?P<exp>[−⁻]\s?[1-9]|⁻[¹²³⁴⁵⁶⁷⁸⁹])(?![\d\w])")
# Symbols read only as the second unit of such a pair ("s−1" is per second; a lone "s" after a figure is not).
_PER_SYMBOLS = {"s": "second", "h": "hour", "d": "day", "yr": "year", "min": "minute", "L": "liter"}
_SUPERSCRIPTS = str.maketrans("⁻¹²³⁴⁵⁶⁷⁸⁹−", "-123456789-")


def powers_after(text: str, end: int, unit: str) -> tuple[str, int]:
    """(unit, end) once a power glued to the unit and a second unit to a negative power are read, as
    science writes them: "1013 cm−3" is centimeter**-3, "25 km s−1" kilometer/second, "2 g cm−3"
    gram/centimeter**3."""
    c = text[end:end + 1]
    if c and c in "^−⁻¹²³⁴⁵⁶⁷⁸⁹":
        pm = _POWER.match(text, end)
        exponent = _exponent(pm.group('caret') or pm.group('minus') or pm.group('sup')) if pm else None
        if exponent is not None:
            unit, end = f"{unit}**{exponent}", pm.end()
    # (_PER_UNIT's minus sign comes after the space and one to three letters: it is among the three characters
    # two on)
    if text[end:end + 1] == " " and ("−" in text[end + 2:end + 5] or "⁻" in text[end + 2:end + 5]):
        qm = _PER_UNIT.match(text, end)
        if qm:
            form = qm.group("unit")
            per = _PER_SYMBOLS.get(form) or unit_name(form)
            exponent = _exponent(qm.group("exp"))
            if per and (form in _PER_SYMBOLS or form not in SPACED_ONLY) and exponent is not None:
                power = -exponent
                unit, end = f"{unit}/{per}" + (f"**{power}" if power != 1 else ""), qm.end()
    return unit, end


def _exponent(written: str) -> int | None:
    """ "−3", "− 1", "⁻²", "^2" as an int; None for a digit `regex` matches as \\d and Python cannot read (a Garay
    digit of Unicode 16: "5 kg−\\U00010d42" raised ValueError), so that the power is left unread, not the text."""
    try:
        return int("".join(written.split()).translate(_SUPERSCRIPTS))
    except ValueError:
        return None


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


_WORD_STARTS = P.WORD_STARTS

# A word of ASCII letters right after the figure or one space, with nothing after it that `regex` counts as a word
# character (an ASCII letter, digit or "_", or anything not ASCII, which may be one: "é", a combining mark).
_ONE_WORD_AFTER = lazy_compile_stdlib(r" ?([A-Za-z]++)(?![0-9A-Za-z_]|[^\x00-\x7f])")
# The currency words of ASCII letters alone that no other currency form continues ("dlrs", not "us": "us dollars").
# Where _ONE_WORD_AFTER finds one of these, CURRENCY_WORD_AFTER (IGNORECASE, `\s?`, a trie, `\b`) matches exactly it:
# no shorter form can end inside a run of letters (\b), no longer one starts with it and a non-letter, and one
# cannot go on with a letter, which does not follow. (In lower case; the patterns' case folding is ASCII's here.)
# (a form that goes on from a word of letters with a non-letter has that word as the letters it starts with)
_CONTINUED = frozenset(f.lower()[:next(i for i, ch in enumerate(f) if not ch.isalpha())]
                       for f in CURRENCY_WORDS if not f.isalpha())
_ONE_WORD_CURRENCIES = frozenset(w for w in CURRENCY_WORDS
                                 if w.isascii() and w.isalpha() and w.islower() and w not in _CONTINUED)


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
    # (a one-letter form, "m", "h", "s", "g", is a word of one letter: "5 h", not "5 have")
    return s[:1].isalpha() and (s in P.WORD_STARTS or s[:2] in P.WORD_STARTS
                                or (s[:1] in P.WORD_STARTS and not s[1:2].isalpha()))


def noun_after(text: str, end: int) -> str | None:
    """The word after a quantity ("150 mln dlrs" -> "dlrs" after the unit is read).

    Interned: a document's figures count a few thousand distinct nouns, and each Quantity keeps its
    own; a 20 MB file held 111,477 noun strings for 2,413 words (6 MB of its peak memory)."""
    wn = P.WORD_AFTER.match(text, end, end + 40)
    return sys.intern(wn.group(1).lower()) if wn else None
