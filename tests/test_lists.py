"""rules._lists, the one reader of lists of figures and labels and of "respectively" (issue 14).

Parts of a total (rules.parts_totals), "respectively" lists (rules.respectively_lists) and shares of one
whole (rules.share_splits) all take their lists from here; these cases pin where a list starts and ends.
"""
from __future__ import annotations

import pytest

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules._lists import figure_runs, items, joined, respectively_words, run_after, run_before


def _read(text: str):
    doc = Document(text)
    return doc, extract(doc).quantities


@pytest.mark.parametrize("labels,expected", [
    ("Leeds, York and Hull", ["Leeds", "York", "Hull"]),
    ("2021, 2022, and 2023", ["2021", "2022", "2023"]),
    ("New York and Los Angeles", ["New York", "Los Angeles"]),
    ("the quarter and nine months", ["the quarter", "nine months"]),
])
def test_items_split_a_list_of_labels_at_its_joins(labels, expected):
    assert items(labels) == expected


@pytest.mark.parametrize("text,join,expected", [
    ("12, 9 and 4", "plain", ["12", "9", "4"]),
    ("12 seats, 9 went to the Greens and 4 to the Liberals", "worded", ["12", "9", "4"]),
    ("50 in the city's main port, Santos, and about 90 more", "worded", ["50", "90"]),
    ("310 stayed; 190 moved and 140 left", "clause", ["310", "190", "140"]),
    ("310 stayed; 190 moved and 140 left", "worded", ["310"]),
    ("12 seats in 1990 rose to 20", "worded", ["12"]),
])
def test_run_after_walks_the_joins_it_is_given(text, join, expected):
    doc, qs = _read(text)
    assert [q.text for q in run_after(doc.text, qs, 0, lambda q: True, join)] == expected


def test_run_before_stops_where_accept_refuses_a_figure():
    doc, qs = _read("taking the total to 61, and three more, 5 and 7")
    run = run_before(doc.text, qs, len(qs) - 1, lambda q: q.value != 61)
    assert [q.text for q in run] == ["three", "5", "7"]


def test_joined_needs_a_comma_or_and_between_two_figures():
    doc, qs = _read("rose 12 to 15")
    assert not joined(doc.text, qs[0], qs[1], "plain") and not joined(doc.text, qs[0], qs[1], "worded")


def test_respectively_is_found_in_any_case_and_only_as_a_word():
    doc = Document("A and B were 1 and 2, RESPECTIVELY; irrespectively of C, Respectively.")
    assert [doc.text[s.start:s.end] for s in respectively_words(doc)] == ["RESPECTIVELY", "Respectively"]


def test_figure_runs_mark_a_run_closed_by_respectively():
    doc, qs = _read("Shares were 45%, 35% and 20%, respectively. Rates were 4% and 5% in May.")
    assert [([q.text for q in run], closed) for run, closed in figure_runs(doc, qs, "percent")] == [
        (["45%", "35%", "20%"], True), (["4%", "5%"], False)]
