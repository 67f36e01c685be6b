"""rules._gates.may_contain on long texts: lowered a piece at a time (a whole copy would double a 20 MB file's
memory), with the same answers as on the whole text."""
from __future__ import annotations

import pytest

from statlint.rules import _gates
from statlint.rules._gates import may_contain


@pytest.mark.parametrize("offset", range(-8, 3))
def test_a_word_across_the_seam_between_two_pieces_is_found(offset):
    text = "x" * (_gates._CHUNK + offset) + "PROFIT" + "y" * 100
    assert may_contain(text, ("profit", "earn"))
    assert not may_contain(text, ("revenue", "sales"))


def test_a_long_text_with_an_odd_fold_anywhere_may_contain_anything():
    text = "x" * (3 * _gates._CHUNK) + "\u0130"  # "İ": regex's case folding matches it for "i"
    assert may_contain(text, ("income",))
    assert not may_contain("x" * (3 * _gates._CHUNK), ("income",))
