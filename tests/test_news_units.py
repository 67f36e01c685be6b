"""fixtures/quantities/news_units.txt: news sentences written for statlint, one kind of figure per section, with
every quantity `statlint extract` must read in each (text as written, value, unit) and nothing else."""
from __future__ import annotations

import math

import pytest

from bench.news_units import FILES, cases
from statlint import extract_quantities

CASES = cases(FILES["kinds"])


def test_the_fixture_covers_every_kind_it_names():
    kinds = {kind for kind, _, _ in CASES}
    assert len(CASES) >= 40 and len(kinds) >= 20
    assert all(expected for kind, _, expected in CASES if not kind.startswith("not quantities"))


@pytest.mark.parametrize("kind,sentence,expected", CASES, ids=[f"{k[:20]}: {s[:40]}" for k, s, _ in CASES])
def test_news_sentence_reads_value_and_unit(kind, sentence, expected):
    got = [(q.text, q.value, q.unit) for q in extract_quantities(sentence)]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    for (text, value, _), (_, want, _) in zip(got, expected):
        assert math.isclose(value, want, rel_tol=1e-9), text
