"""Cheap gates in front of patterns (issue 13, speed): each must give the answer the pattern alone gives.

A gate that is not a superset of its pattern silently drops a reading, so each is tested against the
ungated reading on text written to sit on the gate's edges.
"""
from __future__ import annotations

import pytest

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules.periods import YearGate, year_of

# Years just inside and just outside the 40 characters either side of a figure that year_of looks at.
YEAR_TEXTS = [
    "Sales rose to 3.1 million units in 2022, the company said.",
    "In 2021 output was 4.4 million tonnes.",
    "Output was 4.4 million tonnes, according to figures published for the calendar year of 2021.",
    "Exports of the group in 1986 and in the first quarter reached 38.1 billion dlrs.",
    "In 1985 " + "x" * 31 + " 12 mln dlrs, and 7 mln dlrs " + "y" * 19 + " in 1986.",
    "In 1985" + " " * 33 + "12 mln dlrs " + " " * 20 + "for 1986 and 1987-88.",
    "Revenue was 5 mln dlrs in 192019 and 6 mln dlrs during 2019.",
    "No year here: 14 pct of 300 mln dlrs.",
]


@pytest.mark.parametrize("text", YEAR_TEXTS)
def test_the_year_gate_gives_year_of_for_every_figure(text):
    gate = YearGate(text)
    quantities = extract(Document(text)).quantities
    assert quantities
    assert [gate.year_of(q) for q in quantities] == [year_of(text, q) for q in quantities]


@pytest.mark.parametrize("shape", ["In 1985{gap}12 mln dlrs.", "Profit was 12 mln dlrs{gap}in 1985."])
def test_the_year_gate_agrees_with_year_of_as_the_year_moves_out_of_reach(shape):
    years = []
    for n in range(1, 50):
        text = shape.format(gap=" " * n)
        (q,) = extract(Document(text)).quantities
        years.append(YearGate(text).year_of(q))
        assert years[-1] == year_of(text, q), n
    assert years[0] == 1985 and years[-1] is None  # both sides of the reach are tried


def _s101(text: str) -> list[tuple[int, int]]:
    from statlint import check_text

    return [(f.span.start, f.span.end) for f in check_text(text) if f.rule == "S101"]


@pytest.mark.parametrize("width, fires", [(46, True), (47, False)])
def test_s101_reads_an_including_gap_up_to_59_characters(width, fires):
    # the gap from the total to its first part: " " + a word + ", including " = 13 + width characters
    text = f"The alliance has 28 {'m' * width}, including 18 AI companies and 20 government bodies."
    assert _s101(text) == ([(17, 19)] if fires else [])


@pytest.mark.parametrize("spaces, fires", [(35, True), (36, False)])
def test_s101_reads_a_making_a_total_of_gap_up_to_60_characters(spaces, fires):
    # the gap from the last part to the total: " seats," + spaces + "making a total of " = 25 + spaces characters
    text = f"They won 12, 9 and 4 seats,{' ' * spaces}making a total of 26 seats."
    start = text.index("26")
    assert _s101(text) == ([(start, start + 2)] if fires else [])


DATED_TEXT = (
    "Sales were 3.1 million units in 2022 and 2.8 million in 2021. In 2023 they reached 4.2 million units, "
    "up 35%. Exports in 1986 rose to 38.1 billion dlrs from 30.2 billion in 1985, while imports of "
    + "x " * 30 + "12 mln dlrs stood far from any year, and 7 mln dlrs " + "y " * 25 + "were for 2021."
)


@pytest.mark.parametrize("looks_for", ["every year", "the years asked for"])
@pytest.mark.parametrize("years", [{2021}, {2022}, {1985, 2022}, {1986}, {1999}, set()])
def test_the_figures_near_a_year_are_every_figure_year_of_gives_that_year(years, looks_for):
    quantities = [q for q in extract(Document(DATED_TEXT)).quantities if q.kind == "level" and q.value > 0]
    gate = YearGate(DATED_TEXT, years if looks_for == "the years asked for" else None)
    near = gate.near(quantities, [q.span.start for q in quantities], years)
    expected = [q for q in quantities if year_of(DATED_TEXT, q) in years]
    assert [q for q in near if gate.year_of(q) in years] == expected
    assert bool(expected) == bool(years - {1999})  # each year asked for but 1999 dates a figure here


# Years written overlapping another ("192019": the pattern scan reads 1920 and not 2019), written in
# non-ASCII digits after "19"/"20" (the gate then scans with the pattern), next to other years.
GATED_YEAR_TEXTS = [
    "Revenue was 5 mln dlrs in 192019 and 6 mln dlrs in 2019, against 4 mln dlrs in 2018.",
    "Output was 7 mln tonnes in 20\u0661\u0669 and 8 mln tonnes in 2020.".encode().decode("unicode_escape"),
    "Sales of 3.1 mln units in 2019; in 2018 sales reached 2.9 mln units, and 2.5 mln units for 2017.",
]


@pytest.mark.parametrize("text", GATED_YEAR_TEXTS)
@pytest.mark.parametrize("years", [{2019}, {2018, 2017}, {2020}, {1920}])
def test_a_gate_for_some_years_dates_every_figure_of_those_years(text, years):
    quantities = extract(Document(text)).quantities
    gate = YearGate(text, years)
    for q in quantities:
        assert (gate.year_of(q) in years) == (year_of(text, q) in years), q.text
        if year_of(text, q) in years:
            assert gate.year_of(q) == year_of(text, q)
    near = gate.near(quantities, [q.span.start for q in quantities], years)
    assert [q for q in near if gate.year_of(q) in years] == [q for q in quantities if year_of(text, q) in years]


# Percentages near each measure's words, and near words that hold only part of them ("passenger", "rated",
# "approval" without "rating", "load" without "factor"): each measure's pattern runs only where its own
# words are (rules.mentions.MEASURES), which must find every mention the patterns alone find.
MENTION_TEXTS = [
    "Passenger numbers rose 12% last year, and the pass rate was 95% in June.",
    "The pass mark was 40%, and turnout stood at 61%. The jobless rate in Spain was 26%.",
    "Unemployment was unchanged at 9.5% last month; the employment rate reached 72%.",
    "Economic growth of 45% a year; the GDP growth rate last year was 3%.",
    "Her approval rating hit 38%, and approval was 40%. The literacy rate is 99%, a rated 5%.",
    "The passenger load factor went up to 105%, a load of 80%. Labour force participation rate: 62%.",
    "PASS RATE WAS 88%, JOBLESSNESS RATE WAS 7%, VOTER TURNOUT OF 120%.",
]


def _reads_as_ungated(text: str, claims: str, ungate) -> None:
    """The `claims` field of the Facts of `text` is the same after `ungate()` lifts a gate, and not empty."""
    gated = getattr(extract(Document(text)), claims)
    ungate()
    assert getattr(extract(Document(text)), claims) == gated
    assert gated  # every text holds at least one


@pytest.mark.parametrize("text", MENTION_TEXTS)
def test_each_measure_searched_only_near_its_words_finds_every_mention(text, monkeypatch):
    from statlint.rules import mentions

    _reads_as_ungated(text, "mentions", lambda: monkeypatch.setattr(
        mentions, "MEASURES", tuple((p, m, ()) for p, m, _ in mentions.MEASURES)))


# Figures after each measure word of rules.statements (a year in reach, a quarter named), and after words
# that are not one ("revenues" is, "profitable" holds "profit": the gate lets it through, the pattern decides).
STATEMENT_TEXTS = [
    "Net profit in 1986 was 5.1 mln dlrs. 1986 revenues were 40 mln dlrs, and sales for 1985 totalled 35 mln.",
    "Exports in 1986 reached 38.1 bln dlrs; imports of 1986 were 30.2 bln. Turnover for 1987 came to 9 mln.",
    "The unemployment rate in 1986 was 7.5 pct and inflation in 1987 stood at 2.1 pct; the 1986 budget deficit was 3 bln.",
    "The economy grew 0.4% in the third quarter, and exports fell 2% in the second quarter of 1986.",
    "In the first quarter, GDP rose 1.2%. The third-quarter growth of 0.5% was slower; spending rose 3% in Q3.",
    "Its profitable unit earned 5 mln dlrs in 1986; sales for 1986 were 9 mln. Ridership rose 12% in the third quarter.",
    "OUTPUT IN 1986 WAS 4.4 MLN TONNES. THE FOURTH-QUARTER DECLINE WAS 1.5%.",
]


@pytest.mark.parametrize("text", STATEMENT_TEXTS)
def test_statements_searched_only_near_their_words_are_every_statement(text, monkeypatch):
    from statlint.rules import statements

    _reads_as_ungated(text, "statements",
                      lambda: monkeypatch.setattr(statements, "may_contain", lambda window, words: True))
# The claims extractor splits a document into sentences only when it can hold a claim: two figures, or one
# percentage above 100 (a decline past 100 %, P101). Nearly half the news articles hold fewer than two figures.
@pytest.mark.parametrize("text, split", [
    ("No figures here. None at all.", False),
    ("Output rose to 4.4 million tonnes. Nothing else was said.", False),
    ("Sales fell 120%. The company blamed the weather.", True),
    ("Sales fell 12% to 44 mln dlrs. The company blamed the weather.", True),
])
def test_claims_split_sentences_only_when_a_claim_can_be_held(text, split):
    doc = Document(text)
    extract(doc)
    assert ("sentences" in doc.__dict__) is split


def test_a_lone_percentage_past_100_is_still_read_as_a_decline():
    from statlint import check_text

    assert [(f.rule, f.span.start, f.span.end) for f in check_text("Sales fell 120% last year.")] \
        == [("P101", 11, 15)]


@pytest.mark.parametrize("after", [
    " of them", "  OF THESE voted", "\u00a0of\u2003those", "\n\tOf them", " ofthem", "of them", " off them",
    " of", "", " ", " of theme", " or them", "\u3000of those,",
])
def test_the_of_them_gate_gives_the_patterns_answer(after):
    from statlint.rules.parts_of_wholes import _OF_THEM_AFTER, _of_them_after

    text = "412" + after
    assert _of_them_after(text, 3) is (_OF_THEM_AFTER.match(text, 3) is not None)


# The unit written once for a list is shared only over list joins, from a last member at face value; the cheap
# test in front of the patterns (rules.quantities.lists._may_end_a_list) must leave every such reading alone.
@pytest.mark.parametrize("text, units", [
    ("Doses of 1, 5 and 10 mg were given.", ["milligram", "milligram", "milligram"]),
    ("at -2, 0 and 5 °C", ["degC", "degC", "degC"]),
    ("It rose from 20 to 40 ppm.", ["ppm", "ppm"]),
    ("They ate 3, 4 or 5 apples and 2 kg of rice.", ["count", "count", "count", "kilogram"]),
    ("from 1,727,200, or 5.3 pct", ["count", "percent"]),
    ("sold 4 and 5 mln dlrs", ["count", "USD"]),
])
def test_a_lists_unit_is_shared_only_over_its_joins(text, units):
    assert [q.unit for q in extract(Document(text)).quantities] == units


# A skipped number's label test waits for the next number, and runs only when that one starts within 7
# characters (rules.quantities.scan.read_digits): lists of labels still end where they did.
@pytest.mark.parametrize("text, read", [
    ("In Figs. 2 and 3 we show it.", []),
    ("Figures 3A and 4 hold it.", []),
    ("See Table 2, 5 and 9.", []),
    ("phases 3 to 5 of the plan", []),
    ("Figs. 2 and 3 and 40 mln dlrs", ["40 mln dlrs"]),
    ("Table 2 lists 40 firms.", ["40"]),
    ("in 1999 5 people came", ["5"]),
    ("In 1999, 12 and 14 firms.", ["12", "14"]),
])
def test_label_lists_end_where_they_did(text, read):
    assert [q.text for q in extract(Document(text)).quantities] == read


@pytest.mark.parametrize("after", [" of", " OF the", "\u2003\u00a0Of", "of", " off", " o f", "", " ", "\tſo", " İt", " so"])
@pytest.mark.parametrize("word", ["of", "so", "it"])
def test_word_after_spaces_passes_every_text_its_pattern_matches(after, word):
    import regex

    from statlint.rules._gates import word_after_spaces

    text = "12" + after
    if regex.compile(r"\s+" + word, regex.IGNORECASE).match(text, 2):
        assert word_after_spaces(text, 2, word)
    piece = after.lstrip()[:len(word)]
    assert word_after_spaces(text, 2, word) is (after[:1].isspace() and (
        piece.lower() == word or "ſ" in piece or "İ" in piece))  # the two letters lower() does not fold as regex
