"""Figures broken in the text and read whole again (rules.garbles with rules._split_figures, rules._glued_years).

The rule fixtures show which spans Q101-Q103 flag; here: the forms a fixture header cannot hold (line
breaks), the value every other check then reads, and the inputs that once broke the mending.
"""
from __future__ import annotations

import pytest

from statlint import check_text
from statlint.checker.document import Document
from statlint.checker.engine import extract


def _findings(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, text[f.span.start:f.span.end], f.suggestion) for f in check_text(text)]


@pytest.mark.parametrize("text,expected", [
    ("House sales dropped 14.\n5 pct in January.", [("Q101", "14.\n5", "14.5")]),
    ("The fund bought\n9 8.8 pct of the common stock.", [("Q101", "9 8.8", "98.8")]),
    ("Revenue 1,699,\n124 vs 1,177,786", [("Q101", "1,699,\n124", "1,699,124")]),
    ("The rate was cut to 3.\n25 percent.", [("Q101", "3.\n25", "3.25")]),
    ("PORT GDP RISES 3.\n1 PCT IN 1986\nThe port said", [("Q101", "3.\n1", "3.1")]),
    # a no-break space (text taken from HTML) breaks a figure as a space does
    ("Arrivals were 155,\u00a0221 bags.", [("Q101", "155,\u00a0221", "155,221")]),
    ("Deposit rates fell to 6.\u00a005 pct.", [("Q101", "6.\u00a005", "6.05")]),
])
def test_figures_broken_across_lines(text, expected):
    assert _findings(text) == expected


@pytest.mark.parametrize("text,value,unit,kind", [
    ("Arrivals were 155, 221 bags of coffee.", 155221, "count", "split-group"),
    ("Net 66. mln vs 66.2 mln", 66e6, "count", "broken-figure"),
    ("The fee is . 85 pct of the loan.", 0.85, "percent", "broken-figure"),
    ("Net loss 413, 021 dlrs", 413021, "USD", "split-group"),
    ("By 202540% of homes will have it.", 40, "percent", None),
])
def test_the_mended_figure_is_what_the_other_checks_read(text, value, unit, kind):
    facts = extract(Document(text))
    [q] = [q for q in facts.quantities if q.value == pytest.approx(value)]
    assert (q.unit, q.garble) == (unit, kind)
    # the digits of the mended figure are read now, not listed as unread
    assert not [s for s in facts.skipped if q.span.start <= s.start and s.end <= q.span.end]


def test_a_glued_year_gives_its_year_to_the_figure_and_no_share_above_100():
    text = "By 202540% of homes will have it."
    [q] = [q for q in extract(Document(text)).quantities if q.unit == "percent"]
    assert (q.value, q.year, text[q.span.start:q.span.end]) == (40, 2025, "40%")
    assert [f.rule for f in check_text(text)] == ["Q103"]


def test_a_mended_figure_makes_the_growth_rate_fit():
    text = "Sales rose 10 pct to 1, 100 units from 1,000 units."
    assert _findings(text) == [("Q101", "1, 100", "1,100")]


@pytest.mark.parametrize("text,expected", [
    # fractions of a money-market table: "1/4" after a digit is no decimal figure (it crashed the mending)
    ("DLR  2/7 DAYS  6-1/8 1/4      2/7\nDAYS 0-7/8 1-1/8 1 MTH     6-1/4 7/16     1 MTH    2-13/16", []),
    ("3 MTHS   5-5/16 7/16 6 MTHS    3-11/16\n15/16  6 MTHS   5-1/4 3/8", []),
    ("The point 3, 0", []),
    ("4, 000.", [("Q101", "4, 000", "4,000")]),  # the reader's own ", 000" form, as before
    ("rose to . 5", []),  # no percentage after the point
    (". 5 pct", []),  # no word before the point
    ("1999, 2000", []),
    ("end-2001", []),
])
def test_odd_inputs(text, expected):
    assert _findings(text) == expected
