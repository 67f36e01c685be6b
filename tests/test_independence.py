"""Rules are independent: ignoring one rule never hides another rule's finding.

Every check reports what its own arithmetic sees; when several findings explain the same slip the
engine shows one (checker/arbitrate.py). So, for every text of the rule fixtures and the articles
and every rule X:

    findings with X ignored == findings with all rules
                               - X's findings
                               + the findings that were dropped only because X's finding beat them

and each rule run alone reports at least what it reports among all the others.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from statlint import Settings, check_text
from statlint.checker import arbitrate
from statlint.checker.model import Finding, Related, Severity, Span
from statlint.rules import CHECKS
from test_rules import _cases

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
CODES = [r.code for r in CHECKS]


def _texts():
    for case in _cases():
        yield pytest.param(case.values[1], id=case.id)
    for path in sorted(ARTICLES.glob("*.txt")):
        yield pytest.param(path.read_text(encoding="utf-8"), id=path.name)


def _key(f: Finding) -> tuple:
    return (f.rule, f.span, f.message, f.suggestion)


def _alone(text: str) -> dict[str, list[Finding]]:
    """Each rule's findings with only that rule enabled: nothing else to arbitrate against."""
    return {code: check_text(text, Settings(select=(code,))) for code in CODES}


def _shown(f: Finding) -> tuple:
    """A finding as shown, without its suggestion: a repair may be dropped where another overlaps."""
    return (f.rule, f.span, f.message)


@pytest.mark.parametrize("text", list(_texts()))
def test_ignoring_a_rule_hides_no_other_finding(text):
    full = check_text(text)
    alone = _alone(text)
    raw = sorted((f for fs in alone.values() for f in fs), key=Finding.sort_key)
    assert sorted(map(_key, full)) == sorted(map(_key, arbitrate.arbitrate(raw)))  # arbitration of independent checks
    for code, fs in alone.items():  # a rule among the others reports nothing it would not report alone
        assert {_shown(f) for f in full if f.rule == code} <= {_shown(f) for f in fs}
    _, dropped = arbitrate.resolve(raw)
    for x in sorted({f.rule for f in raw}):
        got = check_text(text, Settings(ignore=(x,)))
        assert sorted(map(_key, got)) == sorted(map(_key, arbitrate.arbitrate([f for f in raw if f.rule != x])))
        # the stated property: all of the full run but X's, plus what only X's finding had beaten
        restored = {_shown(f) for f, winners in dropped if f.rule != x and all(w.rule == x for w in winners)}
        assert {_shown(f) for f in full if f.rule != x} | restored <= {_shown(f) for f in got}, f"ignoring {x}"


@pytest.mark.parametrize("text,shown,other,span", [
    # the direction word is wrong; G101 still sees a rate that does not fit, and says which way they move
    ("Sales fell 25% to 150 units from 120 units.", "G102", "G101", "25%"),
    # percent written for points: G103 names it, G101 sees a relative rate that does not fit
    ("The jobless rate declined 1.6 pct to 55.9 pct from 57.5 pct.", "G103", "G101", "1.6 pct"),
    # a lost scale word in a series: U103 names it; G102 sees "soared" while the figures fell (", up 57%"
    # completes the "soared" claim: one change, read once)
    ("Sales passed 2 million and 3 million in 2021 and 2022, respectively, and soared to 522 units in 2023, up 57%.",
     "U103", "G102", "soared"),
])
def test_the_other_rule_reports_when_one_is_ignored(text, shown, other, span):
    assert [f.rule for f in check_text(text)] == [shown]  # one finding for the slip
    got = [(f.rule, text[f.span.start:f.span.end]) for f in check_text(text, Settings(ignore=(shown,)))]
    assert got == [(other, span)]
    assert [f.rule for f in check_text(text, Settings(ignore=(other,)))] == [shown]


def test_g101_message_names_the_move_the_figures_make():
    [f] = check_text("Sales fell 25% to 150 units from 120 units.", Settings(ignore=("G102",)))
    assert f.message.endswith("the figures give a rise of about 25%")


def _finding(code: str, span: tuple[int, int], related=(), suggestion=None) -> Finding:
    return Finding(rule=code, name=code.lower(), message=code, span=Span(*span), severity=Severity.ERROR,
                   related=tuple(Related("r", Span(*r), "x") for r in related), suggestion=suggestion)


def test_arbitration_prefers_a_working_repair_then_the_more_specific_rule():
    rate = _finding("G101", (10, 13), related=[(20, 23), (30, 33)])
    verb = _finding("G102", (5, 9), related=[(20, 23), (30, 33)])
    assert arbitrate.pick([rate, verb]) == [verb]  # neither repairs: the more specific rule
    rate_fix = _finding("G101", (10, 13), related=[(20, 23)], suggestion="2.5%")
    assert arbitrate.pick([rate_fix, verb]) == [rate_fix]  # only the general one repairs: it is shown
    verb_fix = _finding("G102", (5, 9), related=[(20, 23)], suggestion="rose")
    assert arbitrate.pick([rate_fix, verb_fix]) == [verb_fix]  # both repair: the more specific rule
    elsewhere = _finding("G102", (50, 54), related=[(60, 63)])
    assert arbitrate.pick([rate, elsewhere]) == [rate, elsewhere]  # no shared figure: another slip
    unrelated = _finding("P101", (10, 13))
    assert arbitrate.pick([rate, unrelated]) == [rate, unrelated]  # no relation between the rules
    kept, dropped = arbitrate.resolve([rate, verb, _finding("U103", (30, 33), suggestion="5.22 million")])
    assert [f.rule for f in kept] == ["U103"] and [(f.rule, [w.rule for w in ws]) for f, ws in dropped] == [
        ("G101", ["G102", "U103"]), ("G102", ["U103"])]
