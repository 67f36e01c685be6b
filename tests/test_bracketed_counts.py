"""A figure in brackets after a word is a count given for it ("France (640)", "Alan Shearer (250)"), unless it is
an enumeration ("(1)", two digits or fewer, or opening a clause), a telephone code ("(212) 555-0100") or a time
("(1200) GMT"): labels._is_enumeration."""
from __future__ import annotations

import pytest

from statlint.rules.quantities.scan import read_digits


@pytest.mark.parametrize("text,read,skipped", [
    ("stores in France (640), Spain (450) and Portugal (350)", ["640", "450", "350"], []),
    ("he trails Alan Shearer (250) and Andy Cole (173).", ["250", "173"], []),
    ("exports to Egypt (301,909) rose", ["301,909"], []),
    ("(1) the first point", [], ["1"]),
    ("see Section (12) below", [], ["12"]),
    ("call (212) 555-0100 today", [], ["212", "555"]),
    ("rain in the 24 hours up to (1200) GMT today", ["24 hours"], ["1200"]),
    ("as major depression (26,29) was defined", [], ["26,29"]),  # citations, not a thousands grouping
    ("a correlation (0.35) was found", [], ["0.35"]),
])
def test_bracketed_figures(text, read, skipped):
    quantities, spans = read_digits(text)
    assert [q.text for q in quantities] == read
    assert [text[s.start:s.end] for s in spans] == skipped
