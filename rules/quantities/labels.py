"""Numbers that are not quantities: names, labels, dates, times, ordinals, codes.

"Boeing 737", "COVID-19", "Figure 3C", "Feb 26", "10:30", "the 21st", "(1)":
recorded as not read. Each small pattern is tried only when the characters it
needs are there (P.ORDINAL_SUFFIXES, P.TIME_STARTS, P.MONTH_ENDS...): most numbers fail
them all, and these tests run for every number.
"""
from __future__ import annotations

from functools import lru_cache

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.numbers import TENS_WORDS, UNITS_WORDS
from statlint.checker.units import unit_name
from statlint.rules import _patterns as P


def is_excluded(num: str, rng: str | None, scale: str | None, tail: str | None, before: str, after: str,
                word: str | None = None) -> bool:
    """Whether the numeral `num`, with `before` and `after` it, names or dates something rather than counts.

    `word`, when the caller has read it: the word of lower-case ASCII letters that ends `before` with one space
    after it (word_before(before), for most numbers). The label test is then made on it alone: no "− " power
    ends such a `before`, and no acronym is written in lower case.

    The tests after the label test are grouped by the first character after the numeral (`first`), which
    each of them looks at: this runs for every number, and most are followed by a space and a word.
    """
    if num.count(".") == 2 and P.DOTTED_DATE.fullmatch(num):
        return True
    if rng and not tail and not scale and is_score(num, rng, after):
        return True
    bare = not (tail or scale or rng or "," in num)
    if word is not None:
        names, bare_names, _ = label_word_kind(word)
        if (names or (bare and bare_names and not _counted(before))) and not ("." in num and word in P.AGE_WORDS):
            return True
    # (is_label_before's first case, most numbers', taken here without its call)
    elif (_is_label_word_before(before, bare, after) if before[-1:] == " " else is_label_before(before, bare, after)) \
            and not ("." in num and word_before(before) in P.AGE_WORDS):
        return True  # (an age with decimals is a measurement: "mean age 54.8 years")
    if num[:1] == "0" and num[1:2].isdigit():
        return True  # "007", "(001)", "040301": a code, not a quantity
    # (is_address_or_phone needs a capital one or two characters after, or a "+" before: asked here first)
    if not tail and ("+" in before or after[1:2].isupper() or after[2:3].isupper()) \
            and is_address_or_phone(num, before, after):
        return True
    if tail or scale:
        return False  # every test below is of a bare numeral
    if before[-2:] in (", ", ",") and P.STAT_ARGS_BEFORE.search(before):
        return True  # "F(3, 8.9) = 4.1": a statistic's degrees of freedom
    first = after[:1]
    if first == " ":
        if after[1:2] in "= " and after.lstrip(" ")[:1] == "=" and not rng and not P.CURRENCY_BEFORE.search(before):
            return True  # "0 = never, 1 = sometimes": a code being defined
        if rng:
            return False
        return _is_time_or_day(num, before, after) if word is None else _is_time_or_day_after_word(num, after)
    if after[:2] in P.ORDINAL_SUFFIXES and P.ORDINAL_AFTER.match(after):
        return True
    if first in P.ASCII_LETTERS and not rng:
        if P.LABEL_AFTER.match(after) and not P.CURRENCY_BEFORE.search(before) and not P.GLUED_UNIT.match(after) \
                and not is_glued_temperature(num, before, after):
            return True  # "Figure 3C", "a 4D survey": labels, not measurements ("400eV", "10MW" are)
        if first in P.ASCII_UPPER and P.ISOTOPE_AFTER.match(after):
            return True  # "the 187Os/188Os ratio": isotopes
    if "α" <= first <= "ω" and first != "μ":
        return True  # "2σ", "30ε", "2θ": a coefficient of a symbol, not a measurement ("5μm" is)
    if first == "=" and not rng and not P.CURRENCY_BEFORE.search(before):
        return True  # "0 = never, 1 = sometimes": a code being defined
    if first == ")" and before.endswith("(") and (rng or _is_enumeration(num, before, after)):
        return True  # "(1)": an enumeration
    if not rng:
        if first == "/" and after[1:2].isdigit():
            return True  # a date 12/03/2020 or a ratio we do not read
        if _is_time_or_day(num, before, after):
            return True
    if first == "-" and after[1:2].isalpha() and num.isdigit():
        if len(num) == 4:
            return True  # "2021-style"
        if after[1:2] in P.ASCII_UPPER and not after[2:3].isalpha():
            return True  # "a 3-D model", "the 10-K filing"
    return False


def _is_enumeration(num: str, before: str, after: str) -> bool:
    """Whether a whole bracketed figure is a marker, a reference or a code: "(1)", "(12)", one opening a line or a
    clause, a decimal ("(0.35)"), citations ("(26,29)", not a thousands grouping), "(212) 555-0100", "(1200) GMT".
    A whole figure of three digits or more, plain or grouped in thousands, in brackets after a word is a count
    given for it ("spread across France (300), Spain (250) and Portugal (150)", "Egypt (301,909)", "Alan Shearer
    (250)"). (A bracketed range, "(563-624)", stays unread as before: the caller.)"""
    if not _WHOLE_COUNT.fullmatch(num) or not before[:-1].rstrip()[-1:].isalpha():
        return True
    return after[1:3].lstrip()[:1].isdigit() or bool(_CLOCK_AFTER.match(after, 1))  # "(212) 555-0100", "(1200) GMT"


_WHOLE_COUNT = lazy_compile(r"\d{3,}|\d{1,3}(?:,\d{3})+")
_CLOCK_AFTER = lazy_compile(r"\s*+(?:GMT|UTC|EST|EDT|CET|BST|hrs|hours|local\s+time)\b")


def is_glued_temperature(num: str, before: str, after: str) -> bool:
    """ "38C", "-5C", "101F": degrees Celsius or Fahrenheit glued to the figure, as wire copy writes them. A capital
    glued to a number is otherwise a label ("Figure 3C", "Insat 1C", "a 4D survey", "Flat 2F"): it is a
    temperature only after a lower-case word or a sign (not a name or a naming word), with nothing word-like
    after the letter, for a figure of at most three digits (weather, ovens, bodies), when the figure ends its
    phrase: a noun after it makes the two a compound ("14C dates" of carbon-14, "a 2C rate", "5G network")."""
    if after[:1] not in ("C", "F") or after[1:2].isalnum() or after[1:2] in ("-", "/", "$"):
        return False
    digits = num.split(".")[0]
    if not digits.isdigit() or len(digits) > 3:
        return False
    following = P.WORD_AFTER.match(after, 1, 40)
    if following and following.group(1).islower() and following.group(1) not in _WORDS_AFTER_A_READING:
        return False
    words = before.rstrip(" -−–~(").split()
    if words and before.rstrip(" ")[-1:] == "(" and _is_other_glued_temperature(words[-1], after[:1]) \
            and (len(words) < 2 or words[-2].islower() or not words[-2][-1:].isalpha()):
        return True  # "40C (104F)", "104F (40C)": a temperature and its conversion, not a list of labels
    if any(_is_glued_label(w.rstrip(",;")) for w in words[-2:]):
        return False  # the next of a list of labels: "Figures 3A and 3C", "cells 2B, 2C"
    word = words[-1] if words else ""
    return not word[-1:].isalpha() or (word.islower() and not is_label_before(before, bare=True, after=after))


def _is_other_glued_temperature(word: str, letter: str) -> bool:
    """Whether `word` is a temperature glued to the other scale's letter ("40C" before "(104F)")."""
    other = "F" if letter == "C" else "C"
    digits = word[:-1].lstrip("-−+")
    return word[-1:] == other and 0 < len(digits) <= 5 and digits.replace(".", "", 1).isdigit()


# Words that may follow a temperature that ends its phrase ("38C on Monday", "40C and rising", "-5C overnight").
_WORDS_AFTER_A_READING = frozenset(
    "on in at and or to by for with during from yesterday today tonight overnight this last next while but after "
    "before as when than earlier later is was were are will would have has had "
    "rise increase drop fall warming cooling higher lower above below warmer colder hotter cooler".split())


# A house number: the figure (perhaps with a letter, "221B"), then a street's name of capitalised words and its kind.
_STREET_AFTER = lazy_compile(r"[A-Za-z]?(?:\s++[A-Z][\w'’.-]*+){1,3}?\s++(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|"
                             r"Boulevard|Blvd|Drive|Dr|Place|Pl|Square|Sq|Terrace|Court|Way|Row|Crescent|Close|"
                             r"Gardens|Parade|Highway|Hwy)\b")
# Words before a house number: "lives at 221B Baker Street", "outside No 10 Downing Street".
_PLACE_WORDS = frozenset("at in on from to near outside inside opposite behind beside no no. number address".split())
# The groups of a telephone number after its first: " 20 7946 0958", "-555-0199", " (0)20 ...".
_PHONE_AFTER = lazy_compile(r"(?:[ .-]?\(0\))?(?:[ .-]\d{2,4}){2,}(?![\d,.]\d)")
# A telephone number's earlier groups before a figure: "+44 20 ", "+1 (212) 555-".
_PHONE_BEFORE = lazy_compile(r"\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]\d{1,4})*+[ .-]\Z")


def is_address_or_phone(num: str, before: str, after: str) -> bool:
    """ "at 221B Baker Street", "outside 10 Downing Street", "+44 20 7946 0958": a house number or a telephone
    number (an international one, "+" then groups of digits; "555-0199" is a range the reader already refuses).
    A house number follows a word of place or opens its line: "10 Wall Street analysts" are ten analysts."""
    if not num.isdigit():
        return False
    name_at = 1 if after[:1] == " " else 2 if after[:1].isalpha() and after[1:2] == " " else 0  # "12A Main St"
    if name_at and after[name_at:name_at + 1].isupper():
        # (the place first: this runs for every bare number, the pattern only after a word of place)
        stripped = before.rstrip(" \t")
        placed = not stripped or stripped[-1] in "\n(," or word_before(before).lower() in _PLACE_WORDS
        if placed and _STREET_AFTER.match(after):
            return True
    if "+" not in before:
        return False
    if before.endswith("+") and _PHONE_AFTER.match(after):
        return True
    return bool(_PHONE_BEFORE.search(before))


def _is_glued_label(word: str) -> bool:
    """ "3A", "12B": a number with a capital glued to it, a label."""
    return len(word) >= 2 and word[-1].isupper() and word[:-1].isdigit()


def _leading_letters(text: str) -> str:
    """The ASCII letters that start `text` ("nc" of "nc. Note")."""
    n = 0
    while n < len(text) and text[n] in P.ASCII_LETTERS:
        n += 1
    return text[:n]


def is_score(num: str, rng: str | None, after: str) -> bool:
    """ "won 3-1", "drew 2-2", "codes 3-1 to 3-3": two whole numbers joined by a dash that do not run low to
    high, with no unit after, are a score or a code; a range runs from low to high ("25-0 basis points",
    read with its unit, is the reader's to decide)."""
    if not rng or not num.isdigit():
        return False
    second = rng.strip(" -–")
    if not second.isdigit() or int(second) > int(num):
        return False
    word = _leading_letters(after.lstrip(" "))
    return not word or (unit_name(word) is None and not P.CURRENCY_WORD_AFTER.match(" " + word))


def _is_time_or_day(num: str, before: str, after: str) -> bool:
    """ "10:30", "9 a.m.", "at 1400 hrs", "Jan 5", "5th of March": a time of day or a day of the month."""
    if _may_be_time(after) and P.TIME_AFTER.match(after):
        return True
    if (len(num) == 4 or (len(num) in (4, 5) and num[-3:-2] == ".")) and _may_be_hrs(after) \
            and P.CLOCK_HRS_AFTER.match(after):
        return True  # "at 1400 hrs", "at 11.30 hrs"
    return len(num) <= 2 and _is_day_of_month(before, after)


def _is_time_or_day_after_word(num: str, after: str) -> bool:
    """_is_time_or_day for a figure with a space after it and, before it, a word of lower-case ASCII letters and one
    space (is_excluded's `word`: two in five numbers), with _may_be_time's and _may_be_hrs' gates written out for
    that space (the time word or "hrs" must start one character on; "" passes the "hrs" gate as it does there).
    The month before is not looked for: MONTH_BEFORE ends on a month name and white space at the end of `before`,
    every month name holds a capital, and the run of characters before that one space is the word, all lower-case
    (MONTH_BEFORE is case-sensitive). No ordinal suffix starts with a space: the month after is MONTH_AFTER's alone."""
    if (after[1:3].lower() in P.TIME_STARTS or not after[:3].isascii()) and P.TIME_AFTER.match(after):
        return True
    if (len(num) == 4 or (len(num) == 5 and num[-3:-2] == ".")) and after[1:2] in "hH" \
            and P.CLOCK_HRS_AFTER.match(after):
        return True  # "at 1400 hrs", "at 11.30 hrs"
    return len(num) <= 2 and after.lstrip()[:1] in P.MONTH_INITIALS and bool(P.MONTH_AFTER.match(after))


def _may_be_hrs(after: str) -> bool:
    """Cheap test before CLOCK_HRS_AFTER ("hrs" right away or after one space; "h" folds to nothing else)."""
    return after[:1] in "hH" or after[1:2] in "hH"


def looks_like_years(a: str, b: str) -> bool:
    """ "1987-88", "2021-2022" and phone-number shapes like "555-1234"."""
    if len(a) == 4 and a[:2] in ("19", "20") and (len(b) == 2 or (len(b) == 4 and b[:2] in ("19", "20"))):
        return True
    return len(a) == 3 and len(b) == 4 and "," not in a + b


def _may_be_time(after: str) -> bool:
    """Cheap test before TIME_AFTER: ":" or the first two letters of one of its words (P.TIME_STARTS), right away
    or after one space. Two letters, not one: "people", "have", "percent" start as "pm", "hours", "pct" do, and a
    number is followed by such words ten times as often as by a time. Not ASCII passes ("ſ" folds to "s")."""
    return after[:1] == ":" or after[:2].lower() in P.TIME_STARTS or after[1:3].lower() in P.TIME_STARTS \
        or not after[:3].isascii()


def _is_day_of_month(before: str, after: str) -> bool:
    """ "Jan 5", "5th of March": a month name right before or after the number.

    The month patterns are tried only when a month name could end the text before
    (its last three letters, P.MONTH_ENDS, before the white space and the one dot the pattern allows:
    the last letter alone let "that", "to", "of" through, a search of ~3 us each) or start the text
    after, past an ordinal suffix and spaces.
    """
    stripped = before.rstrip()
    if (stripped[-4:-1] if stripped[-1:] == "." else stripped[-3:]) in P.MONTH_ENDS and P.MONTH_BEFORE.search(before):
        return True
    rest = after[2:] if after[:2] in P.ORDINAL_SUFFIXES else after
    return rest.lstrip()[:1] in P.MONTH_INITIALS and bool(P.MONTH_AFTER.match(after))


def _measured_after(after: str, before: str) -> bool:
    """Whether a spaced currency or unit word follows the number ("OPEC WANTS 27 DLR OIL PRICE",
    "255 YEN"), so a short upper-case word before it is a headline's word, not a name ("OAE 2").
    Not after a month ("APR 7 Dlrs" is a date) nor glued ("APR 460P" is an option's strike)."""
    if after[:1] != " " or not after[1:2].isalpha():
        return False
    if P.CURRENCY_WORD_AFTER.match(after):
        measured = True
    else:
        um = P.UNIT_WORD_AFTER.match(after)
        measured = bool(um and unit_name(um.group(0).strip(" -")))
    return measured and not P.MONTH_BEFORE.search(before[-12:].title())


def is_label_before(before: str, bare: bool, after: str = "") -> bool:
    """A letter glued before ("G20", "COVID-19", "year−1"), a naming word ("Section 427",
    "Figure 3"), an acronym ("OAE 2"), a citation bracket ("[33"), a unit's power ("g− 1")
    or the rest of an angle ("57°44’8.47”"): the number is a label or part of another figure.

    Plain string tests rather than one backwards regex: this runs for every number.
    """
    if not before:
        return False
    last = before[-1]
    if last == " ":  # most numbers: a word and a space before them
        return _is_label_word_before(before, bare, after)
    if last.isalpha():
        return not before.endswith(("RM", "Rs", "Rp", "RMB"))
    if last in P.GLUED_LABEL_CHARS:
        return True
    if last == "−" and before[-3:-1] == "10" and not before[-4:-3].isdigit():
        return True  # "10−4": an exponent
    if last in "-−":
        # "year−1"; "hSOX2-23", "A320-200": a name with letters and digits, then a number
        return len(before) > 1 and (before[-2].isalpha() or (before[-2].isdigit() and _has_letter(before[:-1])))
    if last == "+":
        return len(before) > 1 and before[-2].isalpha()  # "3f+1", "n+2": a term of a formula
    if last == "(":
        return bare and before[-2:-1].isalpha()  # "F(3, 8.9)", "poly(3-hexylthiophene)": arguments
    if not last.isspace():
        return False
    return _is_label_word_before(before, bare, after)


def _is_label_word_before(before: str, bare: bool, after: str) -> bool:
    """is_label_before for a `before` that ends in white space: the word before the spaces decides."""
    if before.endswith("− ") and before[-3:-2].isalpha():
        return True  # "12 mA g− 1", "mg cm− 2": a unit's power, spaced
    stripped = before.rstrip()  # word_before(before), inlined: this runs for most numbers
    if not stripped:
        return False
    word = stripped.rsplit(None, 1)[-1].lstrip("([{\"'“‘")
    if not word:
        return False
    names, bare_names, acronym = label_word_kind(word)
    if names:
        return True
    if bare and bare_names and not _counted(before):
        return True
    # an acronym names a bare number ("OAE 2") but not a measured one ("CPI 3.2 pct", "OPEC 15.8 mln")
    # (one space apart: "WHEAT            2,692.4" is a table row, not a name)
    return (bare and acronym and before.endswith(" ") and not before.endswith("  ")
            and not _measured_after(after, before))


@lru_cache(maxsize=4096)
def label_word_kind(word: str) -> tuple[bool, bool, bool]:
    """(names any number, names a bare number, an acronym that may name one) for the word before a
    number ("pre-OAE" ends in one); the same few hundred words come before most numbers, so each is
    worked out once."""
    lower = word.lower()
    return (word in P.NAME_WORDS or lower in P.NAME_WORDS_ANY_CASE, lower in P.BARE_NAME_WORDS,
            _is_acronym(word.rsplit("-", 1)[-1]) and word not in P.ISO_CODE_LIST and word not in ("RM", "Rs", "Rp"))


def _is_acronym(word: str) -> bool:
    """ "OAE", "CPI": two to five upper-case ASCII letters (string tests: this runs for many numbers)."""
    return 2 <= len(word) <= 5 and word.isascii() and word.isalpha() and word.isupper()


def _has_letter(before: str) -> bool:
    """Whether the word that ends `before` (no space at its end) has a letter in it."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return any(ch.isalpha() for ch in word)


def word_before(before: str) -> str:
    """The word before the spaces that end `before`, without an opening bracket or quote."""
    stripped = before.rstrip()
    return stripped.rsplit(None, 1)[-1].lstrip("([{\"'“‘") if stripped else ""


def _counted(before: str) -> bool:
    """Whether the word before the number is itself counted ("3 months 424.00", "THREE MONTHS 424.00",
    "1 month   6.32"): a period or a measure, then a figure of its own, not a name and its number."""
    words = before.split()
    if len(words) < 2:
        return False
    counter = words[-2].lower()
    return counter[-1:].isdigit() or counter in UNITS_WORDS or counter in TENS_WORDS


def is_capitalised_name(before: str) -> bool:
    """ "Voyager 2", "Claudin 19", "Apollo 11": a capitalised name before a small bare integer."""
    # (the pattern ends in [A-Z][a-z]+ and one white-space character: the run of lower-case letters before that
    # character must follow a capital, which "the 5", "rose 5" do not)
    return before[-2:-1] in P.ASCII_LOWER and before[:-1].rstrip(P.ASCII_LOWER_STR)[-1:] in P.ASCII_UPPER \
        and bool(P.CAPITALISED_NAME_BEFORE.search(before))
