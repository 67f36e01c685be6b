"""rules.part_shares: the cheap test before the "of" pattern passes every text the pattern can match."""
from __future__ import annotations

import itertools

import pytest

from statlint.rules import part_shares

PIECES = ["", ")", " ", "  ", "\n", "\u2003", "\u00a0", "of", "OF", "Of", "oF", "o", "f", " of", "ſ", "K", "İ",
          "the", " its ", "the union's ", "x", "(", "\t\t\t\t\t\t\t\t\t\t\t\t\t"]


@pytest.mark.parametrize("tail", ["".join(p) for p in itertools.product(PIECES, repeat=2)])
def test_the_gate_passes_whatever_the_of_pattern_reads(tail):
    text = "5%" + tail + " 3,000"
    if part_shares._OF_WHOLE.match(text, 2):
        assert part_shares._may_open_of(text, 2), repr(tail)
