"""Figures in words: "twenty-one", "two million barrels", "half of", "one in five".

Read by word-anchored scans after the digit scan; a phrase that overlaps a
figure in digits is dropped by the caller. The scans run on a lower-cased copy
where that keeps offsets (see number_words), so groups are read back from the
original text by offset.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity, Span, new_quantity, new_span, replace
from statlint.checker.numbers import SCALES, TENS_WORDS, UNITS_WORDS, fraction_words_value, rounding_interval, words_value
from statlint.rules import _patterns as P
from statlint.rules.quantities.bounds import hedged
from statlint.rules.quantities.suffix import noun_after, rate_after, unit_after


_HYPHEN_SCALE = lazy_compile(r"-(thousand|million|billion|trillion)\b", regex.IGNORECASE)
# "a quarter of a million", "three-quarters of a billion": a fraction of a scale is an amount, not a share
_OF_A_SCALE = lazy_compile(r"[ \t]++of[ \t]++a[ \t]++(thousand|million|billion|trillion)\b", regex.IGNORECASE)
# "half a million", "a half-million", "half-a-billion", "two and a half million": the same with "half" and no "of"
_HALF_A_SCALE = lazy_compile(
    r"\b(?:(?P<whole>" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r")[ \t]++and[ \t]++a[ \t]++half[ \t-]++"
    r"|half[ \t-]++a[ \t-]++|(?<!\band[ \t]++)a[ \t]++half[ \t-]++)(thousand|million|billion|trillion)\b",
    regex.IGNORECASE)


def read_fraction(text: str, m) -> Quantity | None:
    """ "half of", "a third of", "two-thirds of", "one in five": a share, as a percentage.

    The words are loose ("half" of a poll is rarely exactly 50 %), so the interval is at least
    2.5 points either way, and "nearly"/"more than" widen it as for digits. Before "of a million"
    the fraction is of a number, not of a whole: "a quarter of a million people" is 250,000 people.
    """
    words = m.group(0)
    if m.group("in"):
        denominator = UNITS_WORDS.get(m.group("in").lower()) or int(m.group("in"))
        share = 100.0 / denominator if denominator else None
    else:
        share = fraction_words_value(words.replace("-", " "))
        share = share * 100 if share is not None else None
    if share is None or share > 100:
        return None
    if not m.group("in") and text[m.end():m.end() + 1].isspace() and (sm := _OF_A_SCALE.match(text, m.end())):
        return _fraction_of_scale(text, m.start(), sm.end(), share / 100, sm.group(1))
    width = max(2.5, share * 0.1)
    bound, low, high = hedged(text, m.start(), share, share - width, share + width)
    return Quantity(span=Span(m.start(), m.end()), text=words, value=share, low=low, high=high, unit="percent",
                    kind="share", bound=bound, noun=noun_after(text, m.end()))


def _fraction_of_scale(text: str, start: int, end: int, fraction: float, scale_word: str) -> Quantity:
    """A fraction of a scale word read as the count it makes ("a quarter of a million" is 250,000): words, so
    loose by a tenth either way (as "about"), and widened further by a hedge before them."""
    scale_word = scale_word.lower()
    value = fraction * SCALES[scale_word]
    bound, low, high = hedged(text, start, value, value * 0.9, value * 1.1)
    # a currency or a unit word after it, as after "two million": "half a billion dollars", "a ... million tonnes"
    unit, end = unit_after(text, end, "count", None, scale_word, scale_word)
    unit, end = rate_after(text, end, unit)
    return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high, unit=unit,
                    bound=bound, noun=noun_after(text, end))


def with_hyphen_scale(text: str, q: Quantity) -> Quantity:
    """ "ten-thousand people", "a two-million-dollar loan": a figure in words read by read_words as "ten" or "two",
    with the scale word joined to it by a hyphen (P.NUMBER_WORD wants a space) read too. Asked only of a figure
    that a hyphen follows; one that holds a scale, a percent or a unit already is returned as it is."""
    hm = _HYPHEN_SCALE.match(text, q.span.end)
    if hm is None or q.unit != "count" or q.kind != "level" or q.value >= 1000:
        return q
    scale_word = hm.group(1).lower()
    scale = SCALES[scale_word]
    low, high = rounding_interval(q.value, 0, 0, scale)
    unit, end = unit_after(text, hm.end(), "count", None, scale_word, q.text)
    unit, end = rate_after(text, end, unit)
    return replace(q, span=Span(q.span.start, end), text=text[q.span.start:end], value=q.value * scale, low=low,
                   high=high, unit=unit, noun=noun_after(text, end))


def read_half_scales(text: str, lowered: str) -> list[Quantity]:
    """ "half a million", "a half-million", "two and a half million": a half of a scale word, or a whole number
    and a half of it, as a count (500,000; 2.5 million). Asked only of a text
    that holds "half" (most do not: one find)."""
    if "half" not in lowered:
        return []
    return [_fraction_of_scale(text, hm.start(), hm.end(), UNITS_WORDS.get((hm.group("whole") or "").lower(), 0) + 0.5,
                               hm.group(2)) for hm in _HALF_A_SCALE.finditer(text)]


def number_words(text: str, lowered: str):
    """The matches of P.NUMBER_WORD in `text`, found in a lower-cased copy when that is exact.

    Case-insensitive matching costs the `regex` engine about twice as much, and
    this scan visits every character. Lower-casing keeps offsets when it keeps
    every character one character (all but "İ" do), and then it agrees with
    IGNORECASE on what the all-lower-case pattern matches, once "ſ" (which
    IGNORECASE folds to "s") is mapped to "s"; word and space characters stay
    what they were (checked over all of Unicode). Read groups as slices of
    `text` (read_words), not from the match: the match holds the copy.
    `lowered` is text.lower().
    """
    return word_scans(text, lowered)[1]


def word_scans(text: str, lowered: str):
    """(the matches of P.FRACTION_PHRASE in `text`, those of P.NUMBER_WORD), as fraction_phrases and number_words
    find them, from one scan for the places where either can start (word_places). `lowered` is text.lower().

    Why one scan: extract's gate for fraction phrases (a stem anywhere in the text, five searches of it) cost
    0.028 s over the news corpus, and the number-word scan visits every character anyway."""
    folded = lowered.replace("ſ", "s")
    if len(folded) != len(text):
        return P.FRACTION_PHRASE.finditer(text), P.NUMBER_WORD.finditer(text)
    word_starts, stem_starts = word_places(folded)
    return (fraction_phrases(text, lowered, stem_starts) if stem_starts else ()), \
        folded_number_words(folded, word_starts)


# How P.WORD_OR_STEM_AFTER_SPACE's matches are told apart: those of a fraction stem alone, and "one", which may be a
# cardinal word or a stem (when white space and "in" follow it)
_STEM_MATCHES = frozenset((" half", " third", " quarter", " fifth"))


def word_places(folded: str) -> tuple[list[int], list[int]]:
    r"""(where P.NUMBER_WORD_FOLDED may start in `folded` but for the articles of "a hundred", where P.FRACTION_STEM
    matches that fraction_phrases must try), each in increasing order; `folded` is lower-cased, "ſ" made "s".

    The first: every place after a break (a character that is no letter a-z, or the text's start) where a cardinal
    word is (what NUMBER_WORD_AFTER_BREAK and NUMBER_WORD_START find; see folded_number_words). The second: every
    such place where a word of _STEM_WORDS is, "one" only where white space and "in" follow (P.ONE_IN, which is
    FRACTION_STEM's test for it). Why exact for the fractions: every FRACTION_PHRASE match holds a stem after a
    break (one after [\s-], or "half"/"one" after \b, where the text has no word character before it, and
    no character lowers to a letter a-z but from a word character); a stem after a letter a-z, or after an "ſ",
    gives fraction_phrases no start where the pattern matches (the words a match opens with, "a", "an", "one",
    "two", "three", "four", "half", hold no stem but at their start), and a stem that is no FRACTION_STEM
    match changes nothing there, so leaving them out leaves its matches as they were.
    One scan finds both (P.WORD_OR_STEM_AFTER_SPACE on breaks_to_spaces(folded): no stem is a prefix of a
    cardinal word or the reverse, so the longest word at a place is of one kind, and each match ends on a letter,
    before the next break).
    """
    words: list[int] = []
    stems: list[int] = []
    if P.NUMBER_WORD_START.match(folded):
        words.append(0)
    if folded.startswith(_STEM_WORDS) and (not folded.startswith("one") or P.ONE_IN.match(folded)):
        stems.append(0)
    one_in = P.ONE_IN.match
    for m in P.WORD_OR_STEM_AFTER_SPACE.finditer(breaks_to_spaces(folded)):
        word = m.group()
        if word in _STEM_MATCHES:
            stems.append(m.start() + 1)
            continue
        start = m.start() + 1
        words.append(start)
        if word == " one" and one_in(folded, start):
            stems.append(start)
    return words, stems


def folded_number_words(folded: str, places: list[int] | None = None):
    """What P.NUMBER_WORD_FOLDED.finditer(folded) yields, trying the pattern only where it can start.

    The candidates (P.NUMBER_WORD_START, a fast `re` scan) include every place a match
    can start, but for "a hundred"/"an dozen", whose article is found by looking back
    over the spaces. Each is tried as _matches_at tries its starts, written out in one
    loop: the candidates are found at one past each match of P.NUMBER_WORD_AFTER_BREAK
    (a character that is no letter a-z, then a cardinal word), and at 0 by
    P.NUMBER_WORD_START itself (no article can come before a word at 0).
    word_places finds them (`places`, found here if not given).
    """
    if places is None:
        places = word_places(folded)[0]
    match = P.NUMBER_WORD_FOLDED.match
    end = 0  # where the last match ends: no place before it is tried, as finditer tries none
    for start in places:
        if start and folded.startswith(("hundred", "dozen"), start):
            article_end = start
            while article_end > 0 and folded[article_end - 1].isspace():  # isspace() covers regex's \s
                article_end -= 1
            for article in ("an", "a"):
                article_start = article_end - len(article)
                if article_start >= end and folded.startswith(article, article_start):
                    m = match(folded, article_start)
                    if m:
                        yield m
                        end = m.end()
        if start >= end:
            m = match(folded, start)
            if m:
                yield m
                end = m.end()


# Every byte that is no letter a-z made a space (bytes.translate's table)
_BREAKS_TO_SPACE = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))


def breaks_to_spaces(folded: str) -> str:
    """`folded` with every character that is no letter a-z made a space; the same length and offsets.

    Why exact: encode("ascii", "replace") writes one "?" for each character that is not ASCII (one per code
    point, lone surrogates too), so every offset stays; the table keeps the bytes a-z and makes every other
    byte a space. So the copy has a letter a-z where `folded` has that letter and a space everywhere else, and
    a pattern of a space and then words of letters a-z (P.WORD_OR_STEM_AFTER_SPACE) matches on the copy
    exactly where [^a-z] and then the same words (P.NUMBER_WORD_AFTER_BREAK) matches on `folded`.
    Why: `re` finds a pattern that opens with one literal character about twice as fast as one that opens
    with a set; the copy costs 0.006 s over the news corpus (three passes in C)."""
    return folded.encode("ascii", "replace").translate(_BREAKS_TO_SPACE).decode("ascii")


def fraction_phrases(text: str, folded: str, stem_places: list[int] | None = None):
    """What P.FRACTION_PHRASE.finditer(text) yields, trying the pattern only where it can start.

    Every match holds a stem (P.FRACTION_STEM: "half", "third"..., "one" before "in") and
    starts at the stem ("half of", "one in five") or at the word before it and its
    spaces or hyphen ("two-thirds of"). `folded` is text.lower() with the same offsets.
    `stem_places`: where stems are, in order (_stem_places(folded) if not given; word_places
    gives fewer, enough).
    """
    if stem_places is None:
        stem_places = _stem_places(folded)

    def starts():
        for stem in _matches_at(P.FRACTION_STEM, folded, stem_places):
            start = stem.start()
            if stem.group() in ("half", "one"):
                yield start
                continue
            while start > 0 and (folded[start - 1].isspace() or folded[start - 1] == "-"):
                start -= 1
            while start > 0 and folded[start - 1] in P.ASCII_LOWER:
                start -= 1
            yield start

    return _matches_at(P.FRACTION_PHRASE, text, starts())


# The words P.FRACTION_STEM's alternatives are made of, each a literal ("one" has a look-ahead after it)
# (tests/test_words_fast.py checks them against the pattern)
_STEM_WORDS = ("half", "third", "quarter", "fifth", "one")


def _stem_places(folded: str) -> list[int]:
    """Every place in `folded` where a word of _STEM_WORDS is, in order: where P.FRACTION_STEM may match.

    Why: the pattern opens with a set of five letters, and `re` tests every character of the text
    against it (0.024 s over the news corpus's 1,300 texts that pass extract's gate); str.find skips
    to each word, and the words are few (2,300 stems in those texts, "one" of "money" included).
    """
    places = []
    for word in _STEM_WORDS:
        i = folded.find(word)
        while i != -1:
            places.append(i)
            i = folded.find(word, i + 1)
    places.sort()
    return places


def _matches_at(pattern, text: str, starts):
    """pattern.finditer(text)'s matches, given every position where one may start, in increasing order.

    Trying each position left to right, past the end of the last match, finds the
    leftmost match each time, as finditer does; `starts` may hold positions where
    nothing matches (the pattern is the judge), but must miss none where it would.
    """
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                yield m
                end = m.end()


def _group_text(text: str, m, group: int) -> str | None:
    """A group of a match made on a copy of `text` with the same offsets, read from `text`."""
    start, end = m.span(group)
    return text[start:end] if start >= 0 else None


def _fold_case(words: str) -> str:
    """Lower case as the case-insensitive patterns see it: they take "ſ" for "s" and "İ" for "i"
    ("thouſand", "mİllion"), which lower() alone leaves as "ſ" and "i" plus a combining dot."""
    return words.lower().replace("ſ", "s").replace("i\u0307", "i")


_ARTICLES = ("a", "an", "and")
# words_value of each cardinal word alone, the most of what read_words reads ("one", "two", "five pct"), so a lone
# word needs no call: what words_value adds up for one token, a units word before a tens word as it looks them up
# (written out, not called: words_value would compile its pattern at import; tests/test_words_fast.py compares)
_WORD_VALUES = {**{word: 0.0 + value for word, value in TENS_WORDS.items()},
                **{word: 0.0 + value for word, value in UNITS_WORDS.items()}, "hundred": 100.0, "dozen": 12.0}


def read_words(text: str, m) -> Quantity | None:
    """A spelled-out number with its scale word and percent/points/times after it."""
    # P.NUMBER_WORD_GROUPS, folded as the case-insensitive pattern sees them
    if m.string is text:  # matched on the text itself (P.NUMBER_WORD): fold what it took
        words, scale_group, tail_group = (_group_text(text, m, i) for i in (1, 2, 3))
        words = _fold_case(words)
        scale_word = _fold_case(scale_group or "").strip()
        tail = _fold_case(tail_group or "").strip()
    else:
        # matched on the folded copy of number_words, whose groups are what _fold_case makes of the text's:
        # they hold only the pattern's lower-case ASCII words, "-" and spaces, and the only characters that
        # lower() makes one of those are their capitals and "K" (the Kelvin sign); "ſ" is folded to "s" in
        # the copy, and "İ" (two characters lower-cased) sends a text to the other branch
        words, scale_group, tail_group = m.groups()
        scale_word = scale_group.strip() if scale_group else ""
        tail = tail_group.strip() if tail_group else ""
    end = m.end()
    start = m.start(P.NUMBER_WORD_WORDS)
    # a lone cardinal word (the most read: "one", "two", "five pct"): one token, no article, its value in the table
    # (the table's words hold no "-" or white space, so `words` is then its one token; words_value gives the same)
    value = _WORD_VALUES.get(words)
    if value is None:
        tokens = words.replace("-", " ").split()
        if tokens[0] in _ARTICLES and all(t in _ARTICLES for t in tokens):
            return None
        # "a"/"an" only counts in front of hundred/dozen/thousand...: drop a leading lone article
        if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in ("hundred", "dozen")) \
                and not scale_group:
            return None
        value = words_value(words)
        if value is None:
            return None
    value *= SCALES.get(scale_word, 1.0)
    unit, kind = "count", "level"
    if "point" in tail:
        unit = "percentage_point"
    elif "fold" in tail or "times" in tail:
        unit, kind = "times", "multiplier"
    elif tail:
        unit = "percent"
    # spelled-out numbers are exact as words, but a scale word makes them round ("two million")
    if scale_word:
        low, high = rounding_interval(value / SCALES[scale_word], 0, 0, SCALES[scale_word])
    elif unit != "count":
        low, high = rounding_interval(value, 0, 0)  # "nine pct" is as rounded as "9 pct"
    else:
        low, high = value, value
    if unit == "count":
        # a currency or a unit word after the words, as after digits: "two million euros", "three hours",
        # "two million barrels a day" (a lone "p" is pence only after a scale: "five p" is a page or a point)
        unit, end = unit_after(text, end, unit, None, scale_word, words)
        unit, end = rate_after(text, end, unit)
    if words == "one" and not scale_group and unit == "count":  # (the words group opens and ends with a word)
        return None  # "one of the", "one day": too vague to read as a count ("one hour" is a duration)
    # Quantity(span=..., text=..., value=..., low=..., high=..., unit=..., kind=..., noun=...) as
    # checker.model.new_quantity builds it, every field in order (the same instance in a third of the time: ~8,100
    # figures in words over the news corpus; tests/test_words_fast.py compares)
    return new_quantity(new_span(start, end), text[start:end], value, low, high, unit, kind, "=", None,
                        noun_after(text, end), None, None, 0, "plain")
