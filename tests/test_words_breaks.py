"""The number-word candidates found on the copy with its breaks made spaces are the ones the plain scan finds.

rules.quantities.words.folded_number_words scans breaks_to_spaces(folded) with P.NUMBER_WORD_AFTER_SPACE instead
of `folded` with P.NUMBER_WORD_AFTER_BREAK: the copy must keep every offset and letter a-z, and make every other
character a space, so that both scans give the same match spans. Checked on characters that sit on the edges
(every byte value's neighbours, non-ASCII letters and digits, "İ", "ſ", the Kelvin sign, lone surrogates, wide
characters outside the BMP), on random strings of pieces, on a long document and on the news corpus.
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


def assert_same_candidates(folded: str) -> None:
    copy = W.breaks_to_spaces(folded)
    assert len(copy) == len(folded)
    fast = [m.span() for m in P.NUMBER_WORD_AFTER_SPACE.finditer(copy)]
    plain = [m.span() for m in P.NUMBER_WORD_AFTER_BREAK.finditer(folded)]
    assert fast == plain, folded


def test_the_copy_keeps_letters_a_z_and_makes_every_other_character_a_space():
    text = "".join(chr(c) for c in range(0x300)) + "İſ\u212aé٣\ud800\U0001d7d8x"
    copy = W.breaks_to_spaces(text)
    assert len(copy) == len(text)
    assert all(c == (t if "a" <= t <= "z" else " ") for c, t in zip(copy, text))


_EDGE = [
    "", "one", " one", "-one", "aone", "zone", "`one", "{one", "@one", "[one", "éone", "\u00e9two", "٣three",
    "\U0001d7d8four", "\ud800five", "İsix", "ſeven", "\u212aseven", "ſſſ two ſ three", "a\u0307one", "\x00two",
    "\x7fthree", "\x80four", "\xfffive", "\u2003six", "\u3000seven", "\nhundred\tdozen\rzero",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen zero",
    "none often someone tenfold attention weight fortune effort sixty-six nineteen eighty-four",
]


@pytest.mark.parametrize("text", _EDGE)
def test_edge_texts_give_the_plain_candidates(text):
    assert_same_candidates(text)
    assert_same_candidates(text.lower())


def test_every_character_before_a_word_gives_the_plain_candidates():
    for code in [*range(0x250), 0x130, 0x17F, 0x212A, 0xD800, 0xDFFF, 0xFFFD, 0x1D7D8, 0x10FFFF]:
        c = chr(code)
        assert_same_candidates(c + "one" + c + "two" + c + c + "twenty" + c)


_PIECES = ["one", "two", "ten", "hundred", "dozen", "twen", "ty", "teen", "eigh", "t", "n", "e", " ", "-", "\n",
           "İ", "ſ", "\u212a", "é", "٣", "7", "_", ",", "\ud800", "\U0001d7d8", "a", "z", "`", "{", "x"]


def test_random_strings_give_the_plain_candidates():
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        assert_same_candidates(text)
        assert_same_candidates(text.lower())


def test_a_long_document_gives_the_plain_candidates():
    assert_same_candidates(" ".join(_EDGE * 300))


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus_gives_the_plain_candidates():
    for _, rec in corpus.news():
        assert_same_candidates(corpus.article(rec).lower().replace("ſ", "s"))
