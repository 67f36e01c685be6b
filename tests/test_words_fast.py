"""The fast number-word scan and reader (rules.quantities.words) read what the plain ones read.

number_words finds the matches of P.NUMBER_WORD on a folded copy of the text, from candidates a `re`
scan finds (now by a pattern that opens with the character before the word, P.NUMBER_WORD_AFTER_BREAK);
read_words takes the groups of a match on the copy as they are, and a lone cardinal word's value from a
table. The plain way is kept here as it was: P.NUMBER_WORD.finditer on the text itself, each match read
with its groups sliced from the text and folded. Both must give the same quantities, on text written to
sit on the edges ("İ", "ſ", the Kelvin sign, capitals, "a hundred", hyphens, words at offset 0 and at the
end, non-ASCII letters glued to the words, a long document), on random strings of word-like pieces and
on the news corpus.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from statlint.checker.model import Quantity, Span
from statlint.checker.numbers import SCALES, TENS_WORDS, UNITS_WORDS, rounding_interval, words_value
from statlint.rules import _patterns as P
from statlint.rules.quantities import words as W
from statlint.rules.quantities.suffix import noun_after, rate_after, unit_after

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import corpus  # noqa: E402


def plain_read_words(text: str, m) -> Quantity | None:
    """read_words as it was: groups sliced from `text` and folded, words_value for every reading."""
    words, scale_group, tail_group = (W._group_text(text, m, i) for i in (1, 2, 3))
    end = m.end()
    words = W._fold_case(words)
    tokens = words.replace("-", " ").split()
    if all(t in ("a", "an", "and") for t in tokens):
        return None
    start = m.start(P.NUMBER_WORD_WORDS)
    if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in ("hundred", "dozen")) and not scale_group:
        return None
    value = words_value(words)
    if value is None:
        return None
    scale_word = W._fold_case(scale_group or "").strip()
    value *= SCALES.get(scale_word, 1.0)
    tail = W._fold_case(tail_group or "").strip()
    unit, kind = "count", "level"
    if "point" in tail:
        unit = "percentage_point"
    elif "fold" in tail or "times" in tail:
        unit, kind = "times", "multiplier"
    elif tail:
        unit = "percent"
    if scale_word:
        low, high = rounding_interval(value / SCALES[scale_word], 0, 0, SCALES[scale_word])
    elif unit != "count":
        low, high = rounding_interval(value, 0, 0)
    else:
        low, high = value, value
    if unit == "count":
        unit, end = unit_after(text, end, unit, None, scale_word, words)
        unit, end = rate_after(text, end, unit)
    if tokens == ["one"] and not scale_group and unit == "count":
        return None
    noun = noun_after(text, end)
    return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high,
                    unit=unit, kind=kind, noun=noun)


def assert_same_as_plain(text: str) -> None:
    fast = [(m.span(), W.read_words(text, m)) for m in W.number_words(text, text.lower())]
    plain = [(m.span(), plain_read_words(text, m)) for m in P.NUMBER_WORD.finditer(text)]
    assert fast == plain, text


EDGE_TEXTS = [
    "",
    "one",
    "two million",
    "five pct",
    "Two hundred and five barrels, a hundred, an dozen, a dozen eggs, A Hundred Years, ONE HUNDRED TONNES.",
    "twenty-one, thirty - two, forty-five-fold, seven times, nine percentage points, three per cent, 4 six pct",
    "İstanbul two İ three thousand, mİllion, four mİllion, thouſand five thouſand, ſix, ſeven mln",
    "Five \u212alometres, two \u212a, \u212aone, eight \u212ag of tea",
    "none, often, someone, tenfold, attention, weight, fortune, effort, sixty-six, nineteen eighty-four",
    "éone onée çtwo two\u00e9 three\u0301 four_five six7 8seven -nine- (ten) [eleven] 'twelve' \"thirteen\"",
    "one in five, half of them, two-thirds of voters, a third of the year, by half",
    "Σone two Σ ΣΣ three ς σ four",
    "zero\nzero\tzero\u00a0zero\u2003one\u3000two",
    "fifteen billion dlrs, sixteen bn, seventeen mn yen, eighteen trillion, nineteen mln euros a day",
]


def test_the_table_of_lone_words_is_what_words_value_gives():
    assert W._WORD_VALUES == {word: words_value(word) for word in W._WORD_VALUES}
    assert set(W._WORD_VALUES) == {*UNITS_WORDS, *TENS_WORDS, "hundred", "dozen"}


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts_read_as_plainly(text):
    assert_same_as_plain(text)


def test_a_long_document_reads_as_plainly():
    assert_same_as_plain(" ".join(EDGE_TEXTS * 50))


_PIECES = ["one", "two", "ten", "hundred", "dozen", "a", "an", "and", " ", "  ", "-", "\n", "thousand", "million",
           "mln", "bn", " pct", " percent", " per cent", " percentage points", "fold", " times", "O", "T", "N",
           "E", "İ", "ſ", "\u212a", "é", "7", ",", ".", "s", "ty", "teen", "twenty", "eight", "e", "n", "kg", " dlrs"]


def test_random_word_strings_read_as_plainly():
    rng = random.Random(21)
    for _ in range(3000):
        assert_same_as_plain("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))))


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus_reads_as_plainly():
    for _, rec in corpus.news():
        assert_same_as_plain(corpus.article(rec))


def test_the_fraction_stem_words_are_the_patterns():
    """_stem_places finds the words of P.FRACTION_STEM by str.find: they must be its alternatives' words."""
    import re
    words = [re.sub(r"\(\?=.*", "", alternative) for alternative in P.FRACTION_STEM.pattern.split("|")]
    assert sorted(words) == sorted(W._STEM_WORDS)


_STEM_PIECES = ["half", "hal", "f", "fifth", "ifth", "third", "quarter", "one", "on", "e", " in", " ", "\u2003", "\n",
                "in", "x", "halfifth", "fifthird", "ſ", "é"]


def test_the_stem_places_give_the_stem_scans_matches():
    """Stems found by str.find and tried in order give P.FRACTION_STEM.finditer's matches, overlapping words
    ("halfifth": finditer takes "half" and not "fifth") and "one" without "in" after it included."""
    rng = random.Random(21)
    texts = ["", "one", "one in", "halfifth", "fifthird", "one\u2003in five", "money in one"]
    texts += ["".join(rng.choice(_STEM_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(20000)]
    for text in texts:
        expected = [m.span() for m in P.FRACTION_STEM.finditer(text)]
        assert [m.span() for m in W._matches_at(P.FRACTION_STEM, text, W._stem_places(text))] == expected, text


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus_fraction_phrases_are_the_plain_scans():
    for _, rec in corpus.news():
        text = corpus.article(rec)
        if len(text.lower()) == len(text):
            expected = [m.span() for m in P.FRACTION_PHRASE.finditer(text)]
            assert [m.span() for m in W.fraction_phrases(text, text.lower())] == expected
