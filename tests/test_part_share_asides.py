"""h-partpct: a part's share in brackets inside a list of parts (rules._lists asides), and a proportion in words
read on its own (rules.verbal_proportions.proportion_at)."""
from __future__ import annotations

import time

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules._lists import run_after, run_before, share_aside
from statlint.rules.verbal_proportions import proportion_at


def _qs(text):
    return extract(Document(text)).quantities


def test_share_aside_is_a_percentage_closed_by_its_bracket():
    text = "885 women (50.4%) and 870 men; 30 trawlers (47% of them new); 300 (up 33 pct)"
    qs = _qs(text)
    assert share_aside(text, qs[0], qs[1]) is not None
    assert share_aside(text, qs[4], qs[5]) is None  # a share of something else
    assert all(share_aside(text, a, b) is None for a, b in zip(qs[5:], qs[6:]))


def test_runs_walk_past_asides_only_when_asked():
    text = "including 885 women (50.4%), 870 men (49.6%) and 12 others (0.7%)."
    qs = _qs(text)
    count = lambda q: q.unit == "count"  # noqa: E731
    assert [q.text for q in run_after(text, qs, 0, count)] == ["885"]
    assert [q.text for q in run_after(text, qs, 0, count, asides=True)] == ["885", "870", "12"]
    assert [q.text for q in run_before(text, qs, 4, count, asides=True)] == ["885", "870", "12"]
    assert [q.text for q in run_before(text, qs, 4, count)] == ["12"]


def test_proportion_at_reads_words_alone():
    assert proportion_at("a little less than half.", 0)[1:] == (40.0, 50.0)
    assert proportion_at("nearly a third,", 0)[0].end == len("nearly a third")
    assert proportion_at("most of them", 0) is None
    assert proportion_at("3 in 10 minutes", 0) is None
    assert proportion_at("the rest", 0) is None


def test_long_runs_of_white_space_stay_fast():
    text = "Of the 2,000 staff, 600" + " " * 20000 + ", or nearly a third, left; 885 women" + " " * 20000 + "(50.4%)"
    start = time.perf_counter()
    extract(Document(text))
    assert time.perf_counter() - start < 5
