"""h-partsforms: the forms of parts, wholes and shares the readers were taught to read, and the near forms they
must leave alone (the rule fixtures hold the findings; these pin the claims and the cheap gates)."""
from __future__ import annotations

import pytest

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules import parts_totals, verbal_proportions


def _facts(text: str):
    return extract(Document(text))


@pytest.mark.parametrize("text,total,parts,exhaustive", [
    ("The council's 75 seats are divided into 41 for the coalition and 38 for the opposition.", "75", ["41", "38"],True),
    ("Shipments reached 4,000 tonnes, comprising 2,600 tonnes of copper and 1,900 tonnes of zinc.", "4,000 tonnes",
     ["2,600 tonnes", "1,900 tonnes"],True),
    ("The squad of 23 is made up of 9 forwards, 8 midfielders and 8 defenders.", "23", ["9", "8", "8"],True),
    ("The clinic saw 420 patients – 260 adults and 190 children.", "420", ["260", "190"], False),
    ("The charity gave £3.5 million to schools and £2.5 million to hospitals, £7 million altogether.", "£7 million",
     ["£3.5 million", "£2.5 million"], True),
    ("Fresh donations of $12 million and $9 million bring the total to $48 million.", "$48 million",
     ["$12 million", "$9 million"], False),
    ("Of the 900 members, 520 live in Leeds and 450 in York.", "900", ["520", "450"], False),
    ("The festival drew 8,000 visitors. Of these, 5,200 came from abroad and 3,900 from the region.", "8,000",
     ["5,200", "3,900"], False),
    ("The budget of 1.2 billion euros is split between defence (800 million euros) and health (600 million euros).",
     "1.2 billion euros", ["800 million euros", "600 million euros"],True),
])
def test_parts_and_their_total_are_read(text, total, parts, exhaustive):
    """`exhaustive`: a dividing word ("divided into", "comprising", "made up of", "split between") with a list
    closed by "and" names every part; a subset word, a dash, a running total or "Of the" may name only some."""
    claims = _facts(text).parts_totals
    assert [(c.total.text, [p.text for p in c.parts], c.exhaustive) for c in claims] == [(total, parts, exhaustive)]


@pytest.mark.parametrize("text", [
    "Of the 900 members, 520 have been to Leeds and 450 to York.",  # visits may overlap
    "Of the 900 members, 520 live in Leeds and 450 own a car.",  # two predicates
    "The $40 million budget, 12 staff and $25 million in grants, $65 million altogether.",  # a count among amounts
    "The 640 stores sold 300 units and 250 units - a record.",  # a dash after the parts, not before them
])
def test_near_forms_are_not_read(text):
    claims = _facts(text).parts_totals
    assert all(not (c.how in ("of the", "colon", "combined", "altogether") and len(c.parts) == 2
                    and c.total.text in ("900", "$65 million")) for c in claims)


def test_a_left_out_predicate_needs_the_same_preposition():
    text = "700 work in London and 600 in Manchester."
    doc = Document(text)
    qs = _facts(text).quantities
    assert parts_totals._gapped(text, [qs[0], qs[1]])
    other = "700 work in London and 600 from Manchester."
    qs = _facts(other).quantities
    assert not parts_totals._gapped(other, [qs[0], qs[1]])
    del doc


@pytest.mark.parametrize("text", [
    "A slim majority of shareholders, 38%, rejected the offer.",
    "About a third of the orchards, roughly 60 per cent, were lost.",
    "Nearly half of the members, just over 70 percent, agreed.",
])
def test_the_comma_gate_lets_every_comma_aside_through(text):
    """_has_bracketed_percent is a superset of what _FIGURE_AFTER's comma form needs before its figure."""
    facts = _facts(text)
    assert verbal_proportions._has_bracketed_percent(text, facts.quantities)
    assert len(facts.proportions) == 1


@pytest.mark.parametrize("text", [
    "Half the seats went to Labour, 35% to the Tories and the rest to others.",
    "Most of the time, 35% of the output is exported.",
    "Half of the firms, 35% more than last year, export.",
])
def test_a_figure_after_a_comma_that_is_no_aside_is_not_linked(text):
    assert _facts(text).proportions == ()


def test_a_share_of_a_summed_reference_is_a_total_only_after_a_part_verb():
    shares = _facts("Exports accounted for 62% of revenue. Costs accounted for 112% of revenue. "
                    "Prices were 112% of revenue.").shares
    assert [(s.percent.text, s.whole_kind) for s in shares] == [("62%", "total"), ("112%", "reference"),
                                                                ("112%", "reference")]
