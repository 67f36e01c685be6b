"""The number reader on scale forms of British, South Asian and translated news copy (h-garbleforms): a glued
"m" before a noun of things counted in millions, a fraction of a scale word, "lakh crore", "trln", and the
garbles whose figure is read as meant (a decimal comma, a Russian or Chinese scale left in). Sentences written
for statlint."""
from __future__ import annotations

import math

import pytest

from statlint import extract_quantities

READS = [
    # (sentence, [(text as read, value, unit)])
    ("Some 2.3m people voted in the poll.", [("2.3m", 2.3e6, "count")]),
    ("China will import 110m tons of crude.", [("110m tons", 110e6, "ton")]),
    ("There are 11m voters in the country.", [("11m", 11e6, "count")]),
    ("Half a million people marched on Saturday.", [("Half a million", 5e5, "count")]),
    ("A quarter of a million euros went missing.", [("A quarter of a million euros", 2.5e5, "EUR")]),
    ("There are now two and a half million cars in the city.", [("two and a half million", 2.5e6, "count")]),
    ("The scheme cost half a billion dollars a year.", [("half a billion dollars a year", 5e8, "USD/year")]),
    ("Ten-thousand people lined the route.", [("Ten-thousand", 1e4, "count")]),
    ("The ten-million lira note is gone.", [("ten-million lira", 1e7, "TRY")]),
    ("The budget sets aside Rs 1.2 lakh crore for roads.", [("Rs 1.2 lakh crore", 1.2e12, "INR")]),
    ("Reserves reached 3.5 trln rubles.", [("3.5 trln rubles", 3.5e12, "RUB")]),
    ("Sales climbed to 3,5 million units.", [("3,5 million", 3.5e6, "count")]),
    ("Inflation eased to 2,4% in May.", [("2,4%", 2.4, "percent")]),
    ("The average pension is 5 тыс. rubles.", [("5 тыс. rubles", 5e3, "RUB")]),
    ("The plant cost 3億 yen to build.", [("3億 yen", 3e8, "JPY")]),
]

NOT_SCALES = [
    # a glued "m" that is a length, and "half" that is a share: not read as millions
    ("He won the 100m sprint and cleared 2.3m high.", 1e3),
    ("The 5m waves hit the coast.", 1e3),
    ("Half of the voters backed the plan.", 101),
    ("A quarter of the budget went on roads.", 101),
]


@pytest.mark.parametrize("sentence,expected", READS, ids=[s[:40] for s, _ in READS])
def test_scale_forms_are_read_as_meant(sentence, expected):
    got = [(q.text, q.value, q.unit) for q in extract_quantities(sentence)]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    for (text, value, _), (_, want, _) in zip(got, expected):
        assert math.isclose(value, want, rel_tol=1e-9), text


@pytest.mark.parametrize("sentence,ceiling", NOT_SCALES, ids=[s[:40] for s, _ in NOT_SCALES])
def test_lengths_and_shares_are_not_read_as_scales(sentence, ceiling):
    assert all(q.value < ceiling for q in extract_quantities(sentence))
