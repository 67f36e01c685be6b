"""Growth claims in the word orders the fixtures did not cover until h-growthforms (rules.claims, rules.comparatives,
rules.headline_growth): what each new reading links, and where it must link nothing.

The rule fixtures (fixtures/rules/G101.txt, G102.txt, G107.txt) hold the findings; these tests pin the claims
behind them and the guards that keep a reading from tying figures the words do not tie.
"""
from __future__ import annotations

import pytest

from statlint import check_text, extract
from statlint.checker.document import Document
from statlint.checker.model import Direction, Link


def _claims(text: str):
    return extract(Document(text)).growths


def _rated(text: str):
    """(rate, old, new) texts of the claims with a rate and both levels."""
    return [(g.rate.text, g.old.text, g.new.text) for g in _claims(text)
            if g.rate is not None and g.old is not None and g.new is not None]


def test_rate_in_the_next_sentence_takes_the_levels_before_it():
    text = "Sales were $4.1 billion, against $3.2 billion a year earlier. That is a 28% increase."
    [g] = [g for g in _claims(text) if g.rate is not None]
    assert (g.rate.text, g.old.text, g.new.text, g.link) == ("28%", "$3.2 billion", "$4.1 billion", Link.PARAGRAPH)


def test_rate_in_the_next_sentence_completes_a_claim_without_one():
    text = "Orders rose to 1,460 from 1,210. This represents a 21 per cent gain."
    [g] = _claims(text)
    assert (g.verb_text, g.rate.text, g.old.text, g.new.text) == ("rose", "21 per cent", "1,210", "1,460")


@pytest.mark.parametrize("text", [
    # another paragraph
    "Orders rose to 1,460 from 1,210.\n\nThat is a 31 per cent gain.",
    # more words after the rate: it may be of another measure
    "Donations reached 9.1 million euros, against 7.9 million euros a year earlier. It was a 24% increase in gifts.",
    # a rate on last year beside a base of another year
    "Arrivals totalled 6.8 million, compared with 5.2 million in 2019. That is a 12% increase on last year.",
    # the noun goes against the claim before: no completion (G102 reads the claim itself)
    "Orders fell to 1,210 from 1,460. That is a 21 per cent gain.",
])
def test_rate_in_the_next_sentence_links_nothing(text):
    assert _rated(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Freight volumes rose 8% to 48.2 million tonnes in 2024, compared with 44.6 million tonnes in 2023.",
     [("8%", "44.6 million tonnes", "48.2 million tonnes")]),
    ("Wool exports fell 13% to 71,400 bales in June, compared with 82,300 bales in the same month of 2023.",
     [("13%", "82,300", "71,400")]),
    ("Maize output slipped 14 percent to 11.2 mln tonnes against 13.0 mln tonnes last season.",
     [("14 percent", "13.0 mln tonnes", "11.2 mln tonnes")]),
    # a base of a year other than the one before, or no year for the new level: not the rate's base
    ("Freight volumes rose 8% to 48.2 million tonnes, compared with 52.6 million tonnes in 2019.", []),
    ("Freight volumes rose 8% to 48.2 million tonnes in 2024, compared with 39.5 million tonnes in 2021.", []),
    # a part of a year against a whole one
    ("Freight volumes rose 8% to 48.2 million tonnes in the first half, compared with 94.1 million tonnes in 2023.", []),
])
def test_dated_compared_base(text, expected):
    assert _rated(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bookings were 27% higher at £318m (£276m).", [("27%", "£276m", "£318m")]),
    ("Group revenue was up 9% at £8.42bn (2023: £7.31bn).", [("9%", "£7.31bn", "£8.42bn")]),
    ("Revenue: $4.2bn ($3.9bn), up 8%.", [("8%", "$3.9bn", "$4.2bn")]),
    # a conversion in brackets is no prior level
    ("Turnover was 12% higher at £412m ($520m).", []),
    ("Revenue: £4.2bn ($5.3bn), up 18%.", []),
])
def test_prior_level_in_brackets(text, expected):
    assert _rated(text) == expected


def test_amount_in_apposition_completes_a_claim_with_both_levels():
    [g] = _claims("The jobless rate rose from 3.9% to 4.3%, a rise of 0.6 points.")
    assert (g.amount.text, g.old.text, g.new.text) == ("0.6 points", "3.9%", "4.3%")
    assert [f.rule for f in check_text("The jobless rate rose from 3.9% to 4.3%, a rise of 0.6 points.")] == ["G107"]


def test_amount_in_apposition_is_not_taken_by_a_claim_with_a_rate():
    text = "Profit rose 21 pct to 2,716,000 from 2,245,000, an increase of 48,000 in the last quarter."
    assert all(g.amount is None for g in _claims(text))


def test_fraction_rate_after_a_verb():
    [g] = _claims("Attendance slumped by almost half to 2,300 from 2,900.")
    assert (g.rate.text, g.rate.low, g.rate.high, g.direction) == ("almost half", 40.0, 50.0, Direction.DOWN)
    [g] = _claims("Profits fell by more than half, to £1.9m from £3.1m.")
    assert (g.rate.text, g.rate.bound, g.rate.low, g.rate.high) == ("half", ">", 50.0, 100.0)


def test_fraction_of_an_amount_is_no_rate():
    assert check_text("Bus fares rose by half a point to 2.6% from 2.1%.") == []


@pytest.mark.parametrize("text", [
    "Halcyon said it raised its stake to 726,700 shares, or 9.5 pct, from 474,900, or 6.2 pct.",
    "The group raised its stake from 474,900 shares to 726,700 shares, or 9.5 pct.",
    "Shares rose 4% to 312 on 2.1 million traded.",
])
def test_shares_of_a_whole_and_volumes_are_no_rate_or_base(text):
    assert check_text(text) == []
