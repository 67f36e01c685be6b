"""The engine skips a check whose claims (Rule.reads) are all absent: that must never change a finding.

checker.engine calls a check only when one of the Facts fields it declares holds a claim. That is exact
only if a check with all of them empty reports nothing. This runs every check over every rule and claim
fixture (and a few odd texts) with its fields emptied and asks for no finding, and compares the engine's
findings with those of calling every check, skip or not.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint import rules
from statlint.checker.config import Settings
from statlint.checker.document import Document
from statlint.checker.engine import extract, rule_findings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ODD = [
    "",
    "Sales rose 12% to $4.48 million from $4 million, and of the 368 members, 411 voted.",
    "İncome rose 50% to ſ100 from 200.  Of thoſe, 3 left.",
    "Revenue rose ١٢% to ٤٥٠ million from ٤٠٠ million.",
    "\u200b12\u200b345 people; 202310,000 units; 522 10,000 units; 4178,027 tonnes.",
    "Profit fell 150% to 3 million. " * 300,
]


def _texts() -> list[str]:
    texts = list(ODD)
    for folder in ("rules", "claims"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            texts += [text for _, text in read_cases(path)]
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_a_check_with_its_claims_emptied_reports_nothing(rule):
    assert rule.reads
    for text in TEXTS:
        doc = Document(text)
        emptied = dataclasses.replace(extract(doc), **{name: () for name in rule.reads})
        assert list(rule.func(doc, emptied)) == [], text[:80]


@pytest.mark.parametrize("settings", [Settings(), Settings(quotes="drop")], ids=["default", "quotes-drop"])
def test_the_skip_changes_no_finding(settings):
    wanted = [rule for rule in rules.CHECKS if settings.wants(rule.code, rule.name)]
    for text in TEXTS:
        doc = Document(text)
        facts = extract(doc)
        every_check = [f for rule in wanted for f in rule.func(doc, facts)
                       if not (settings.quotes == "drop" and doc.in_quote(f.span))]
        got = rule_findings(doc, facts, settings)
        assert [dataclasses.replace(f, in_quote=False) for f in got] == every_check, text[:80]
