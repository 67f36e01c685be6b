"""The early exits of the quantities steps give what the steps gave without them.

share_list_units returns at once for fewer than two figures and runs _share_from_units only in a text
with "from"; extract calls merge_pairs only for two figures or more; unread_digits returns at once when
the scan left no run to decide. Each is checked against the step run in full, on texts written to sit
on the edges ("From" capitalised, "from" glued, one figure, none) and on the news corpus.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from statlint.checker.document import Document
from statlint.checker.model import Facts
from statlint.rules import quantities as Q
from statlint.rules.quantities import lists, pairs, scan

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import corpus  # noqa: E402


def full_share_list_units(text, quantities):
    """share_list_units without its early exits: the list loop, then _share_from_units, always."""
    out = list(quantities)
    i = len(out) - 1
    while i > 0:
        last = out[i]
        j = i
        if lists._may_end_a_list(text, out[i - 1], last) and lists._unit_written_after(last):
            while j > 0 and lists._is_bare(out[j - 1]) \
                    and lists._JOIN.fullmatch(text, out[j - 1].span.end, out[j].span.start) \
                    and not lists._restated(text, out[j - 1], out[j]):
                j -= 1
            for k in range(j, i):
                out[k] = Q.replace(out[k], unit=last.unit)
        i = j - 1 if j < i else i - 1
    lists._share_from_units(text, out)
    return out


def assert_gates_change_nothing(text: str) -> None:
    handed = []  # the quantities as extract hands them to the list step

    def share_list_units(text, quantities):
        handed.append(list(quantities))
        return lists.share_list_units(text, quantities)

    real, Q.share_list_units = Q.share_list_units, share_list_units
    try:
        quantities = list(Q.extract(Document(text), Facts()).quantities)
    finally:
        Q.share_list_units = real
    (before,) = handed
    assert lists.share_list_units(text, before) == full_share_list_units(text, before), text
    for n in (0, 1):
        assert lists.share_list_units(text, quantities[:n]) == full_share_list_units(text, quantities[:n]), text
        assert pairs.merge_pairs(text, quantities[:n]) == quantities[:n], text
    assert scan.unread_digits([], quantities, []) == []


EDGE_TEXTS = [
    "",
    "Sales rose to 1.2 mln dlrs from 3.4 mln.",
    "Sales rose to 1.2 mln dlrs From 3.4 mln.",
    "Sales rose to 1.2 mln dlrs fromage 3.4 mln, and 2.3 mln barrels per day from 1.9 mln.",
    "Output: 5 tonnes from 120 farms; 1, 5 and 10 mg; up 5 pct from 120.",
    "Only one figure: 42 pct.",
    "between 2 and 3 percent",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts(text):
    assert_gates_change_nothing(text)


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus():
    for _, rec in corpus.news():
        assert_gates_change_nothing(corpus.article(rec))


def test_the_fraction_places_let_through_every_phrase_the_pattern_matches():
    """extract tries fraction phrases only at the stems words.word_places finds (it has no gate of its own):
    what it finds is FRACTION_PHRASE's matches, phrases in any case and with any white space, near misses, and
    the letters whose lower case is longer."""
    from statlint.rules import _patterns as P
    from statlint.rules.quantities import words as W

    texts = ["", "HALF OF VOTERS", "Half of them", "TWO-THIRDS OF VOTERS", "three quarters of the staff",
             "ONE IN FIVE VOTERS", "one\u2003in five", "one  in\tten", "cut by a fifth", "by HALF", "money in five",
             "al", "hir", "uarte", "ift", "one", "on in five", "one inn five", "h\u0130lf", "\u0130 half of them",
             "fifths of the vote", "a QUARTER of the crop", "ONE\nIN\nTWO adults"]
    for text in texts:
        phrases, _ = W.word_scans(text, text.lower())
        assert [m.span() for m in phrases] == [m.span() for m in P.FRACTION_PHRASE.finditer(text)], text
    assert W.word_places("money in five banks")[1] == []


class _Everything:
    def __contains__(self, item):
        return True


_BETWEEN_PIECES = [" ", "  ", "\t", "\n", "\u2003", "\x1c", "\u00a0", "±", "+", "/", "-", "–", "and", "to", "or", "from",
                   ",", "vs", "AND", "To", "x"]


def test_merge_pairs_gate_merges_what_the_patterns_merge(monkeypatch):
    """_merge's gate (the text between two figures, stripped, must be a form's mark) leaves what each
    form's pattern would merge: compared with the gate let through, on joins of spaces (Unicode ones,
    and \\x1c, which isspace() takes and \\s does not) and marks, after words that make a range or a change."""
    import random

    rng = random.Random(17)
    joins = ["".join(rng.choice(_BETWEEN_PIECES) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    joins += [" to ", " and ", " ± ", "+/-", " +- ", "–", " - ", "\u2003to\u2003", "\x1cto ", " to\x1c", "to"]
    for join in joins:
        for head in ("between ", "ranging from ", "rose ", "", "costs "):
            text = f"{head}3.5{join}7 pct of 2 mln dlrs"
            quantities = scan.read_digits(text)[0]
            if len(quantities) < 2:
                continue
            gated = pairs.merge_pairs(text, quantities)
            with monkeypatch.context() as m:
                m.setattr(pairs, "_PAIR_MARKS", _Everything())
                assert pairs.merge_pairs(text, quantities) == gated, text
