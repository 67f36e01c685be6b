"""Each check says which claims it reads (Rule.reads), and reads exactly those (issue 14).

The rules table (README, `statlint rules --format markdown`) and `statlint rule CODE` print
Rule.reads; this test runs every check over the cases of its fixture file with the Facts behind a
recorder and compares the Facts fields it touched with what it declares, so the documentation
cannot drift from the code.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixture_cases import read_cases

from statlint import rules
from statlint.checker.cli import main
from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.checker.model import Facts
from statlint.checker.report.ruledoc import claims_read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


class _Recorder:
    """Facts seen through a recorder: every field a check asks for is noted."""

    def __init__(self, facts: Facts):
        object.__setattr__(self, "_facts", facts)
        object.__setattr__(self, "seen", set())

    def __getattr__(self, name: str):
        self.seen.add(name)
        return getattr(self._facts, name)


def _fields_read(rule) -> set[str]:
    seen: set[str] = set()
    for _, text in read_cases(FIXTURES / f"{rule.code}.txt"):
        doc = Document(text)
        recorder = _Recorder(extract(doc))
        list(rule.func(doc, recorder))
        seen |= recorder.seen
    return seen


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_a_check_reads_exactly_the_claims_it_declares(rule):
    facts_fields = {f.name for f in dataclasses.fields(Facts)}
    assert rule.reads, f"{rule.code} declares no claims in Rule.reads"
    assert set(rule.reads) <= facts_fields, f"{rule.code} declares fields Facts does not have"
    assert _fields_read(rule) == set(rule.reads)


def test_the_recorder_sees_what_a_check_touches():
    """The harness itself: a check that reads two fields is seen reading both."""
    def check(doc, facts):
        facts.growths
        facts.series
        return iter(())

    recorder = _Recorder(Facts())
    check(Document(""), recorder)
    assert recorder.seen == {"growths", "series"}


def test_rule_docs_name_the_claims_read():
    g101 = next(r for r in rules.CHECKS if r.code == "G101")
    assert claims_read(g101) == "Growth (growths), Growth (headline_growths)"
    shown = CliRunner().invoke(main, ["rule", "G101"]).output
    assert shown.rstrip().endswith("Reads (claims):\n    Growth (growths), Growth (headline_growths)")
    table = CliRunner().invoke(main, ["rules", "--format", "markdown"]).output.splitlines()
    assert table[0] == "| Code | Name | Severity | Summary | Reads (claims) |"
    assert next(line for line in table if line.startswith("| G101 ")).endswith("| Growth (growths), Growth (headline_growths) |")
