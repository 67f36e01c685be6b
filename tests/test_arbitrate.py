"""Overlapping findings never contradict each other (issue 12): when two findings cover the same text and
both suggest a repair, the engine keeps one repair. Ignoring or suppressing a rule never hides another's
finding."""
from __future__ import annotations

import pytest

from statlint import Settings, check_text
from statlint.checker.engine import arbitrate
from statlint.checker.model import Finding, Severity, Span


def _f(rule, start, end, suggestion=None, confidence=0.5, severity=Severity.ERROR):
    return Finding(rule=rule, name=rule.lower(), message=f"{rule} message", span=Span(start, end),
                   severity=severity, confidence=confidence, suggestion=suggestion)


def _spans_suggestions(text, findings):
    return [(f.rule, text[f.span.start:f.span.end], f.suggestion) for f in findings]


# A 万 garble with a year between its halves, the year glued onto "10,000": one finding, one repair that
# keeps the year. Variants: figure with decimals, two garbles in one sentence, another noun, headline-free
# prose, another year.
@pytest.mark.parametrize("text,expected", [
    ("The company's sales soared to 522 in 202310,000 units, a year-on-year increase of 57.4%.",
     [("Q102", "522 in 202310,000 units", "5.22 million units in 2023")]),
    ("Output reached 36.8 in 202110,000 tonnes.",
     [("Q102", "36.8 in 202110,000 tonnes", "368,000 tonnes in 2021")]),
    ("Sales were 1.2 in 202310,000 units and 1.5 in 202410,000 units.",
     [("Q102", "1.2 in 202310,000 units", "12,000 units in 2023"),
      ("Q102", "1.5 in 202410,000 units", "15,000 units in 2024")]),
    ("Exports climbed to 41.78 in 201910,000 vehicles last year.",
     [("Q102", "41.78 in 201910,000 vehicles", "417,800 vehicles in 2019")]),
])
def test_garble_with_a_glued_year_gets_one_repair(text, expected):
    findings = [f for f in check_text(text) if f.rule.startswith("Q")]
    assert _spans_suggestions(text, findings) == expected


def test_no_two_overlapping_findings_suggest_different_repairs():
    text = ("Sales exceeded the 2 million and 3 million mark in 2021 and 2022, respectively, and soared to 522 in "
            "202310,000 units, a year-on-year increase of 574%. Output reached 36.8 in 202110,000 tonnes.")
    findings = check_text(text)
    for i, a in enumerate(findings):
        for b in findings[i + 1:]:
            if a.span.overlaps(b.span) and a.suggestion and b.suggestion:
                assert a.suggestion == b.suggestion, (a, b)
    assert [f.rule for f in findings] == ["Q102", "G101", "Q102"]


def test_the_glued_year_shows_when_the_garble_rule_is_off():
    text = "Output reached 522 in 202310,000 units."
    assert _spans_suggestions(text, check_text(text, Settings(ignore=("Q102",)))) == \
        [("Q103", "202310,000", "2023 10,000")]
    suppressed = "statlint: disable Q102 -- a real reading\n" + text
    assert [(f.rule, f.suggestion) for f in check_text(suppressed)] == [("Q103", "2023 10,000")]


def test_a_glued_year_alone_is_still_reported():
    text = "The plant was built in 19985,000 workers were hired."
    assert _spans_suggestions(text, check_text(text)) == [("Q103", "19985,000", "1998 5,000")]


def test_contained_finding_with_another_repair_gives_way():
    outer, inner = _f("Q102", 10, 30, "5.22 million units"), _f("Q103", 17, 27, "2023 10,000")
    assert arbitrate([outer, inner]) == [outer]
    assert arbitrate([inner, outer]) == [outer]


def test_partial_overlap_keeps_both_findings_and_the_stronger_repair():
    strong, weak = _f("G101", 0, 10, "57.4%", confidence=0.9), _f("P101", 5, 15, "5.74%", confidence=0.6)
    assert arbitrate([weak, strong]) == [Finding(**{**_as_dict(weak), "suggestion": None}), strong]


def test_agreeing_or_missing_repairs_and_disjoint_findings_are_left_alone():
    same = [_f("Q102", 0, 10, "x"), _f("Q103", 2, 5, "x")]
    missing = [_f("Q102", 0, 10, "x"), _f("G101", 2, 5)]
    apart = [_f("Q102", 0, 10, "x"), _f("Q103", 10, 15, "y")]
    for findings in (same, missing, apart):
        assert arbitrate(findings) == findings


def test_equal_spans_keep_the_more_confident_repair_whatever_the_order():
    a, b = _f("U101", 0, 5, "56 miles", confidence=0.85), _f("U103", 0, 5, "150 km", confidence=0.7)
    assert arbitrate([a, b]) == arbitrate([b, a]) == [a]


def _as_dict(finding):
    import dataclasses

    return {f.name: getattr(finding, f.name) for f in dataclasses.fields(finding)}
