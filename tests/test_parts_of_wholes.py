"""PartOfWhole claims (rules.parts_of_wholes): the arithmetic fields S103 compares, which the claim fixtures
(fixtures/claims/part_of_whole.txt) do not render: `tops`, `factors`, `margin` and `link`."""
from __future__ import annotations

import pytest

from statlint import check_text
from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.checker.model import Link


def _claims(text: str):
    return extract(Document(text)).part_wholes


def test_a_small_whole_count_of_things_is_exact():
    (claim,) = _claims("Of the 368 members, 369 voted in favour.")
    assert claim.relation == "group" and claim.tops == (368.0,) and claim.part.low > 368.0
    assert [(f.rule, f.text) for f in check_text("Of the 368 members, 369 voted in favour.")] == [("S103", "369")]


def test_a_round_or_scaled_whole_keeps_its_rounding():
    (claim,) = _claims("Among the 1,200 residents polled, about 1,250 said they would move.")
    assert claim.tops == (claim.wholes[0].high,) and claim.tops[0] > 1200
    assert check_text("Among the 1,200 residents polled, about 1,250 said they would move.") == []


def test_between_two_dollar_currencies_the_part_must_pass_three_times_the_whole():
    text = "The textile group reported operating profit of C$1.1 billion last year on sales of 880.2 mln dlrs."
    (claim,) = _claims(text)
    assert claim.relation == "earnings" and claim.factors == (3.0,) and claim.part.unit == "CAD"
    assert check_text(text) == []


def test_profit_and_revenue_in_two_currencies_not_dollars_make_no_claim():
    assert _claims("Net profit was 5.1 mln stg on sales of 3.2 mln dlrs at the U.S. unit.") == ()


def test_a_table_claim_allows_the_largest_other_figure_as_margin():
    text = ("Net 1.4 mln vs 2.9 mln\nRevs 6.1 mln vs 1.3 mln\n"
            "NOTE: 1985 net includes 3.1 mln dlrs gain on sale of a unit.")
    claims = _claims(text)
    assert [(c.relation, c.part.text, c.wholes[0].text, c.margin) for c in claims] == [
        ("table", "1.4 mln", "6.1 mln", 3.1e6), ("table", "2.9 mln", "1.3 mln", 3.1e6)]
    assert all(c.link == Link.LIST for c in claims)
    assert check_text(text) == []  # 2.9 mln is past 1.3 mln by less than the 3.1 mln gain


def test_a_part_opening_the_next_sentence_links_across_the_sentence_end():
    (claim,) = _claims("The plant employs 386 workers. Of these, 412 live in the town.")
    assert claim.link == Link.PARAGRAPH and claim.part.text == "412" and claim.wholes[0].text == "386"


@pytest.mark.parametrize("text", [
    "Of the 368 members, 211 voted in favour.",
    "The plant employs 386 workers, 212 of whom live in the town.",
])
def test_a_part_within_its_whole_is_claimed_and_quiet(text):
    assert len(_claims(text)) == 1 and check_text(text) == []
