"""The places word_places finds on the copy with its breaks made spaces are the ones the plain scans find.

rules.quantities.words.word_places scans breaks_to_spaces(folded) once with P.WORD_OR_STEM_AFTER_SPACE for the
places where a number word may start (where P.NUMBER_WORD_AFTER_BREAK and P.NUMBER_WORD_START find them) and
where fraction_phrases must try a stem (a subset of _stem_places: those after a break that P.FRACTION_STEM
matches at); extract reads both scans' matches from word_scans, with no gate of its own for fractions. The copy
must keep every offset and letter a-z and make every other character a space. Checked against the plain scans
(P.FRACTION_PHRASE and P.NUMBER_WORD on the text itself) on characters that sit on the edges (every character
before a word, non-ASCII letters and digits, "İ", "ſ", the Kelvin sign, lone surrogates, characters outside
the BMP, capitals), on random strings of pieces, on a long document and on the news corpus.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from statlint.rules import _patterns as P
from statlint.rules.quantities import words as W

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import corpus  # noqa: E402


def plain_places(folded: str) -> tuple[list[int], list[int]]:
    words = [0] if P.NUMBER_WORD_START.match(folded) else []
    words += [m.start() + 1 for m in P.NUMBER_WORD_AFTER_BREAK.finditer(folded)]
    stems = [p for p in W._stem_places(folded)
             if (p == 0 or folded[p - 1] not in P.ASCII_LOWER) and P.FRACTION_STEM.match(folded, p)]
    return words, stems


def assert_same_as_plain(text: str) -> None:
    lowered = text.lower()
    folded = lowered.replace("ſ", "s")
    if len(folded) == len(text):
        assert len(W.breaks_to_spaces(folded)) == len(folded)
        assert W.word_places(folded) == plain_places(folded), text
    phrases, number_words = W.word_scans(text, lowered)
    assert [m.span() for m in phrases] == [m.span() for m in P.FRACTION_PHRASE.finditer(text)], text
    assert [m.span() for m in number_words] == [m.span() for m in P.NUMBER_WORD.finditer(text)], text


def test_the_copy_keeps_letters_a_z_and_makes_every_other_character_a_space():
    text = "".join(chr(c) for c in range(0x300)) + "İſ\u212aé٣\ud800\U0001d7d8x"
    copy = W.breaks_to_spaces(text)
    assert len(copy) == len(text)
    assert all(c == (t if "a" <= t <= "z" else " ") for c, t in zip(copy, text))


_EDGE = [
    "", "one", " one", "-one", "aone", "zone", "`one", "{one", "@one", "[one", "éone", "\u00e9two", "٣three",
    "\U0001d7d8four", "\ud800five", "İsix", "ſeven", "\u212aseven", "ſſſ two ſ three", "a\u0307one", "\x00two",
    "\x7fthree", "\x80four", "\xfffive", "\u2003six", "\u3000seven", "\nhundred\tdozen\rzero", "a hundred, an dozen",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen zero",
    "none often someone tenfold attention weight fortune effort sixty-six nineteen eighty-four",
    "half of them", "half", "one in five", "one in", "one\u2003in ten", "one\x1cin ten", "halfifth", "fifthird",
    "two-thirds of voters", "twothirds of voters", "ſtwo-thirds of voters", "ſhalf of them", "éhalf of them",
    "_half of them", "behalf of them", "a third of the year", "cut by a fifth", "by half", "three quarters of the",
    "money in five banks", "someone in five", "fifteen fifths of a fifty", "thirty thirds of thirteen",
    "HALF OF VOTERS", "ONE IN FIVE VOTERS", "İ half of them", "h\u0130lf of them", "one İn five",
    "a survey: one in five adults", "by two-thirds, one\u2003in\tten, a half of them", "money in five, done in two",
]


@pytest.mark.parametrize("text", _EDGE)
def test_edge_texts_give_the_plain_places_and_matches(text):
    assert_same_as_plain(text)
    assert_same_as_plain(text.upper())
    assert_same_as_plain(text.title())


def test_every_character_before_a_word_gives_the_plain_places():
    for code in [*range(0x250), 0x130, 0x17F, 0x212A, 0xD800, 0xDFFF, 0xFFFD, 0x1D7D8, 0x10FFFF]:
        c = chr(code)
        assert_same_as_plain(c + "one" + c + "two" + c + c + "twenty" + c + "half of them" + c + "one in ten")
        assert_same_as_plain(c + "half of the" + c + "two" + c + "thirds of them" + c)


_PIECES = ["one", "two", "ten", "hundred", "dozen", "twen", "ty", "teen", "eigh", "t", "n", "e", " ", "-", "\n",
           "İ", "ſ", "\u212a", "é", "٣", "7", "_", ",", "\ud800", "\U0001d7d8", "a", "z", "`", "{", "x",
           "half", "third", "thirds", "quarter", "fifth", "fif", " in ", " of ", "in", "by ", "ONE", "Half", " of the"]


def test_random_strings_give_the_plain_places_and_matches():
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        assert_same_as_plain(text)


def test_a_long_document_gives_the_plain_places_and_matches():
    assert_same_as_plain(" ".join(_EDGE * 300))


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus_gives_the_plain_places_and_matches():
    for _, rec in corpus.news():
        assert_same_as_plain(corpus.article(rec))
