"""rules.statements' year-by-year series (h-convforms): figures each written with its own year, in a row in one
sentence, are one measure told year by year, read as a `Series` (U103 compares its neighbours)."""
from __future__ import annotations

import pytest

from statlint import rules
from statlint.checker.document import Document
from statlint.checker.model import Facts


def _series(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    doc, facts = Document(text), Facts()
    for extract in rules.EXTRACTORS:
        facts = extract(doc, facts)
    return [(tuple(v.text.strip() for v in s.values), s.labels) for s in facts.series]


@pytest.mark.parametrize("text, values, years", [
    ("Revenue was $12.1 billion in 2021, $12.8 billion in 2022 and $13.5 billion in 2023.",
     ("$12.1 billion", "$12.8 billion", "$13.5 billion"), ("2021", "2022", "2023")),
    ("The population grew from 4.2 million in 2000 to 4.5 million in 2010 and then to 4.8 million in 2020.",
     ("4.2 million", "4.5 million", "4.8 million"), ("2000", "2010", "2020")),
    ("Debt stood at 80% in 2022, down from 85% in 2021 and 90% in 2020, the IMF said.",
     ("80%", "85%", "90%"), ("2022", "2021", "2020")),
])
def test_reads_a_year_by_year_series(text, values, years):
    assert _series(text) == [(values, years)]


@pytest.mark.parametrize("text", [
    "Sales were $5.2 billion in 2021 and profit $48 million in 2022, and $51 million in 2023.",  # two measures
    "Revenue rose from $12 million in 2010 to $1.5 billion in 2020.",  # two figures: a growth claim's
    "Exports were 4.1 million tonnes in 2020, 4.3 million tonnes in 2021 and 430 tonnes in the first week of 2022.",
    "Output was 5 million in 2021, 6 million in 2020 and 7 million in 2022.",  # years neither rising nor falling
    "Prices were $5 in 2021, 6% in 2022 and $7 in 2023.",  # another unit breaks the run
    "Revenue was $12.1 billion in 2021,\n$12.8 billion in 2022 and $13.5 billion in 2023.",  # a line break: a table
])
def test_no_series(text):
    assert _series(text) == []
