"""Implied figures in messages are stated at the precision of the figures they come from (issue 12),
and never rounded so far that they read as agreeing with the figure they contradict."""
from __future__ import annotations

import pytest

from statlint import check_text
from statlint.checker.arithmetic import Interval
from statlint.checker.model import Quantity, Span
from statlint.checker.precision import implied_number, implied_percent, rounded, significant_digits


def _q(text: str, value: float, low: float | None = None, high: float | None = None, decimals: int = 0, **kw):
    return Quantity(Span(0, len(text)), text, value, value if low is None else low, value if high is None else high,
                    decimals=decimals, **kw)


@pytest.mark.parametrize("text,value,digits", [
    ("5.22 million", 5.22e6, 3), ("2,000", 2000, 4), ("0.05", 0.05, 1), ("100 million", 1e8, 3),
    ("$1.50", 1.5, 3), ("two million", 2e6, 1), ("12.9 pct", 12.9, 3),
])
def test_significant_digits_as_written(text, value, digits):
    assert significant_digits(_q(text, value)) == digits


def test_garbled_figure_counts_the_digits_of_its_value():
    assert significant_digits(_q("522 in 202310,000 units", 5.22e6, garble="wan")) == 3


def test_implied_rate_takes_the_stated_rates_decimals():
    old, new = _q("100 million", 1e8), _q("150 million", 1.5e8)
    stated = _q("20%", 20, 19.5, 21.0, unit="percent")
    assert implied_percent(49.87, (old, new), stated) == "50%"
    assert implied_percent(49.87, (old, new), _q("20.5%", 20.5, 20.45, 20.6, decimals=1)) == "49.9%"


def test_never_rounded_into_agreement():
    """14.04 % beside a stated 13 % (13 to 14 with truncation) must not print as 14 % or 14.0 %."""
    figures = (_q("188,156", 188156), _q("215,793", 215793))
    assert implied_percent(14.04, figures, _q("13%", 13, 12.5, 14.0)) == "14.04%"
    assert implied_percent(12.807, figures, _q("12.9%", 12.9, 12.85, 13.0, decimals=1)) == "12.8%"
    # a figure inside the stated range gets no spurious digits hunting for a difference
    assert implied_percent(13.5, figures, _q("13%", 13, 12.5, 14.0)) == "14%"
    # 187,902 at three digits is 188,000, which a reader takes for the stated 188,156
    assert implied_number(187902, 3, Interval(188155.5, 188157)) == "187,900"


def test_bounds_round_toward_the_safe_side():
    assert rounded(20.2e6, 7, Interval(5.215e6, 5.23e6), ">") == (20e6, 7)
    assert rounded(27e6, 7, None, ">") == (20e6, 7)  # "over 30 million" would be false
    assert rounded(21e6, 7, None, "<") == (30e6, 7)
    # "over 20 million" would not contradict a stated 20.05 million: one more digit, still rounded down
    assert implied_number(20.27e6, 7, Interval(20.0e6, 20.1e6), ">") == "20.2 million"


@pytest.mark.parametrize("text,finding_message", [
    # issue 12: 150/100 is +50 %, stated at the 20 %'s precision
    ("Sales rose 20% to 150 million from 100 million.",
     "a 20% rise from 100 million would give 120 million, not 150 million; the figures give about 50%"),
    ("Sales rose 50% to 150 units from 120 units.",
     "a 50% rise from 120 would give 180, not 150; the figures give about 25%"),
    # a near miss needs every digit that shows the difference, and no more
    ("Car sales dropped 12.9 pct to 188,156 from 215,793.",
     "a 12.9 pct fall from 215,793 would give 187,900, not 188,156; the figures give about 12.8%"),
])
def test_growth_messages_state_implied_figures_at_input_precision(text, finding_message):
    [finding] = check_text(text)
    assert finding.message == finding_message


def test_kunpeng_message_says_over_20_million():
    """DESIGN.md's example: 'a 574% rise from more than 3 million would give over 20 million'."""
    text = ("Sales exceeded the 2 million and 3 million mark in 2021 and 2022, respectively, and soared to 522 "
            "in 202310,000 units, a year-on-year increase of 574%.")
    [g101] = [f for f in check_text(text) if f.rule == "G101"]
    assert g101.message.startswith("a 574% rise from more than 3 million would give over 20 million, not 5.22 million")


@pytest.mark.parametrize("text,rule,message,suggestion", [
    ("Sales grew from 1.2 million in 2015 to 3.4 million in 2020, an average annual growth of 40%.",
     "G105", "from 1.2 million in 2015 to 3.4 million in 2020 is about 23% a year over 5 years, not 40%", "23%"),
])
def test_other_rate_messages(text, rule, message, suggestion):
    [finding] = [f for f in check_text(text) if f.rule == rule]
    assert (finding.message, finding.suggestion) == (message, suggestion)


@pytest.mark.parametrize("text,rule,message", [
    # ratios and products: the fewest significant digits among the inputs
    ("Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 60%.",
     "G106", "3.1 million in 2022 to 4.2 million in 2023 is about 35%, not 60%"),
    ("Profit doubled to 5.1 mln dlrs from 3.9 mln dlrs.",
     "G104", "'doubled' means about ×2, but 3.9 mln dlrs to 5.1 mln dlrs is ×1.3"),
    ("The epicentre was 90 km (150 miles) east of the city.", "U101", "90 km is about 56 miles, not 150 miles"),
    ("The jobless rate declined 1.6 pct to 55.9 pct from 57.5 pct.", "G103",
     "from 57.5 pct to 55.9 pct is a change of 1.6 percentage points (2.8% in relative terms), "
     "so '1.6 pct' should be in points"),
    # a range is widened outward to the inputs' digits, so it stays true
    ("The club paid £7.5m ($14.6bn) for the player.", "U102",
     "£7.5m is 7.9 million-16 million USD at any rate since 1999, not $14.6bn (a rate of 1,900 USD/GBP); "
     "did you mean $14.6 million?"),
    # a sum of written figures is exact: every digit of its finest part, none invented
    ("A total of 112 seats, of which 60 went to the ruling party and 58 to the opposition.",
     "S101", "the parts add up to 118 (60 + 58), but the total they make at most is 112"),
    ("The Treasury accepted 5.4 billion dlrs of bids, including 18 billion dlrs from the central bank and "
     "250 mln dlrs from foreign authorities.",
     "S101", "the parts add up to 18.25 billion (18 billion dlrs + 250 mln dlrs), but the total they make at most "
             "is 5.4 billion dlrs"),
    # a ratio of a 3-digit and a 1-digit figure has one significant digit
    ("Output was 2.1 million and 3,400 in 2021 and 2022, respectively.", "U103",
     "3,400 is 0.0016 times 2.1 million, out of line with the series (2.1 million, 3,400); did you mean 3.4 million?"),
    # a stated figure is named with every digit it was written with ("135.3 mln" is not "135 million")
    ("The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.", "S103",
     "a profit of 2.313 trillion exceeds the revenue it comes from (15.841 billion)"),
    ("Net profit rose 23.7 pct to 187.4 mln dlrs from 135.3 mln.", "G101",
     "a 23.7 pct rise from 135.3 million would give 167.4 million, not 187.4 million; the figures give about 38.5%"),
])
def test_messages_of_every_rule_that_states_a_worked_out_figure(text, rule, message):
    [finding] = [f for f in check_text(text) if f.rule == rule]
    assert finding.message == message


@pytest.mark.parametrize("rate,down,digits", [("5 pct", False, 3), ("35 pct", True, 2), ("574%", False, 3),
                                              ("23.7 pct", False, 4)])
def test_a_rate_counts_the_digits_of_its_factor(rate, down, digits):
    from statlint.checker.precision import factor_digits

    value = float(rate.split()[0].rstrip("%"))
    assert factor_digits(_q(rate, value, decimals=1 if "." in rate else 0), down) == digits


def test_a_repair_keeps_every_digit_of_the_figure_it_repairs():
    """'2.25 percentage points' that fit only as a relative change is '2.25%', not '2.2%'."""
    text = "The share rose 2.25 percentage points to 92.25 percent from 90.22 percent."
    assert [(f.rule, f.suggestion) for f in check_text(text)] == [("G103", "2.25%")]


def test_exact_figures_limit_no_digits():
    """Regression: a levy raised to 9 percent from 8 percent (rates set by a body are exact) is a 12.5 %
    rise; at the one significant digit of "8 percent" the message said 10 %."""
    [f] = check_text("The council raised the levy to 9 percent from 8 percent, a 1 percent increase.")
    assert f.rule == "G103" and "a change of 1 percentage point (13% in relative terms)" in f.message
    assert f.suggestion == "1 percentage point"
