"""C101 compares two statements of one measure for one period only within a long article's reach
(restated_figure_mismatch._REACH): farther apart, in articles run together or a long report, the same words are
as likely another company's. Regression: four such false alarms on the Reuters corpus run together as one file."""
from __future__ import annotations

import pytest

from statlint import check_text
from statlint.rules import restated_figure_mismatch

FIRST = "Acme said its net profit for 1986 was 5.1 mln dlrs.\n\n"
LATER = "The group reported net profit for 1986 of 61.3 mln dlrs, it said.\n"
FILLER = "The weather stayed fine and the shops in the town centre were busy all afternoon.\n\n"


def _text(gap: int) -> str:
    return FIRST + FILLER * (gap // len(FILLER) + 1) + LATER


@pytest.mark.parametrize("gap", [0, 2_000, 8_000])
def test_a_restatement_within_an_articles_reach_is_compared(gap):
    assert gap < restated_figure_mismatch._REACH
    assert [f.rule for f in check_text(_text(gap))] == ["C101"]


def test_a_restatement_far_back_is_not_compared():
    text = _text(restated_figure_mismatch._REACH + 500)
    assert [f.rule for f in check_text(text)] == []
    # and the later statement starts a new reach: a third one near it is compared with it
    assert [f.rule for f in check_text(text + "Net profit for 1986 was 5.1 mln dlrs.\n")] == ["C101"]
