"""The precision model (README, "Precision model"; checker.numbers): what a written figure allows."""
from __future__ import annotations

import math

import pytest

from statlint import check_text, extract_quantities
from statlint.checker.arithmetic import linked_intervals
from statlint.checker.numbers import rounding_interval, rounding_zeros


def _interval(text):
    [q] = extract_quantities(text)
    return q.low, q.high


@pytest.mark.parametrize("text,low,high", [
    ("5.22 million units", 5.215e6, 5.23e6),  # rounding below, rounding or truncation above
    ("35 pct", 34.5, 36),
    ("120 tonnes", 119.5, 121),  # under 1,000: the units digit is significant
    ("120 million", 119.5e6, 121e6),  # a scale word: its units digit is the last
    ("1,200", 1150, 1300),  # two significant digits at the coarsest
    ("100,000", 95_000, 110_000),
    ("3,000", 2950, 3100),
    ("1,675,000", 1_674_500, 1_676_000),
    ("20,001", 20_000.5, 20_002),
    ("0.50 pct", 0.495, 0.51),
])
def test_a_figure_allows_rounding_or_truncation_of_its_last_significant_digit(text, low, high):
    assert _interval(text) == pytest.approx((low, high))


@pytest.mark.parametrize("value,zeros,expected", [(100_000, 5, 4), (1200, 2, 2), (20, 1, 0), (5000, 3, 2), (0, 0, 0)])
def test_rounding_zeros_keep_two_significant_digits(value, zeros, expected):
    assert rounding_zeros(value, zeros) == expected


def test_negative_figures_mirror_the_interval():
    assert rounding_interval(-35, 0, 0) == (-36, -34.5)


@pytest.mark.parametrize("text,low,high,bound", [
    ("about 60%", 54, 66, "~"),
    ("some 2,000 people", 1800, 2200, "~"),
    ("nearly 300 jobs", 270, 301, "~"),  # below by 10 %, above by its own rounding or truncation
    ("more than 3 million", 3e6, math.inf, ">"),
    ("up to 40 pct", 0, 40, "<"),
])
def test_hedges_widen_by_the_stated_rule(text, low, high, bound):
    [q] = extract_quantities(text)
    assert (q.low, q.high, q.bound) == (pytest.approx(low), pytest.approx(high), bound)


@pytest.mark.parametrize("text,values", [
    ("The Fed cut its discount rate to 5.5 pct from 6 pct.", [5.5, 6.0]),
    ("a corporate tax rate of 20%", [20.0]),
    ("VAT of 17.5% applies", [17.5]),
    ("raised its prime rate to 7-3/4 pct", [7.75]),
])
def test_rates_set_by_a_body_are_exact(text, values):
    got = [(q.low, q.high) for q in extract_quantities(text) if q.unit == "percent"]
    assert got == [(v, v) for v in values]


@pytest.mark.parametrize("text", ["inflation rate of 3.2 pct", "interest rates of about 10 pct",
                                  "Interest rates rose 20 pct", "a growth rate of 7 pct"])
def test_measured_or_hedged_rates_are_not_exact(text):
    [q] = [q for q in extract_quantities(text) if q.unit == "percent"]
    assert q.low < q.value < q.high


def test_round_figure_is_read_to_the_precision_of_the_figure_it_is_compared_with():
    old, new = extract_quantities("100,000 units and 105,000 units")
    a, b = linked_intervals(old, new)
    assert (a.low, a.high) == (99_500, 101_000) and (b.low, b.high) == (104_500, 106_000)
    # a scale word's zeros are not written digits: "100 million" stays what it is
    old, new = extract_quantities("100 million and 105.5 million")
    assert linked_intervals(old, new)[0].low == old.low
    # hedged figures keep their hedge
    old, new = extract_quantities("about 100,000 units and 105,000 units")
    assert linked_intervals(old, new)[0].low == old.low


@pytest.mark.parametrize("text,codes", [
    ("Sales rose 50% to 105,000 units from 100,000 units.", ["G101"]),  # was quiet: 100,000 read as 50,000-200,000
    ("Sales rose 8% to 103,500 units from 100,000 units.", ["G101"]),
    ("Sales rose 5% to 105,000 units from 100,000 units.", []),
    ("Sales rose 3% to 103,500 units from 100,000 units.", []),
    ("Sales rose 5% to 105 million from 100 million.", []),
    ("The bank cut its discount rate to 5.5 pct from 6 pct, a reduction of 8.3 pct.", []),
])
def test_growth_claims_under_the_model(text, codes):
    assert [f.rule for f in check_text(text)] == codes
