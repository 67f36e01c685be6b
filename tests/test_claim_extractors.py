"""Each claim extractor against its fixtures (fixtures/claims/<claim>.txt): what it must link and what it must not.

A case's header lists every claim of that kind the extractor reads from the text below it, rendered with the
words it rests on, so a wrong link, a missed one and an extra one all fail.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint import rules
from statlint.checker.document import Document
from statlint.checker.model import Facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


def _facts(text: str) -> Facts:
    doc, facts = Document(text), Facts()
    for extract in rules.EXTRACTORS:
        facts = extract(doc, facts)
    return facts


def _per(unit: str, per: str) -> str:
    return f"{unit}/{per}" if per else unit


def _conversions(facts: Facts) -> list[str]:
    return [f"'{c.a_text}' {_per(c.a_unit, c.a_per)} = '{c.b_text}' {_per(c.b_unit, c.b_per)} ({c.tie})"
            + (f" {c.b_form}" if c.b_form else "") for c in facts.conversions]


def _statements(facts: Facts) -> list[str]:
    said = [f"{s.measure} {s.year}" + (f" {s.period}" if s.period else "") + (f" {s.change}" if s.change else "")
            + (f" [{s.subject}]" if s.subject else "") + f": '{s.value.text.strip()}'" for s in facts.statements]
    return said + [f"HEAD '{h.head.text.strip()}' -> " + ", ".join(f"'{q.text.strip()}'" for q in h.linked)
                   for h in facts.headline_links]


def _series_next(facts: Facts) -> list[str]:
    return [f"'{n.series.values[-1].text.strip()}' -> '{n.value.text.strip()}' ({n.label})" for n in facts.series_next]


RENDER = {"conversions": _conversions, "statements": _statements, "series_next": _series_next}


def _cases():
    for claim in sorted(RENDER):
        for n, (header, text) in enumerate(read_cases(FIXTURES / f"{claim}.txt"), start=1):
            yield pytest.param(claim, header, text, id=f"{claim}-{n}")


@pytest.mark.parametrize("claim,header,text", list(_cases()))
def test_claim_fixture(claim, header, text):
    expected = [] if header == "none" else header.split(" | ")
    assert RENDER[claim](_facts(text)) == expected


def test_every_claim_fixture_file_has_links_and_non_links():
    for claim in RENDER:
        body = (FIXTURES / f"{claim}.txt").read_text(encoding="utf-8")
        assert "#: none" in body and body.count("#: ") > body.count("#: none"), claim


@pytest.mark.parametrize("module", ["unit_conversion_mismatch", "currency_conversion_mismatch", "magnitude_jump",
                                    "restated_figure_mismatch"])
def test_conversion_and_restatement_checks_read_claims_not_words(module):
    """U101, U102, U103, C101 are arithmetic on claims: no pattern engine, no raw text, typed (doc, facts)."""
    import importlib
    import inspect
    import re

    mod = importlib.import_module(f"statlint.rules.{module}")
    source = inspect.getsource(mod)
    assert not re.findall(r"^\s*(?:import\s+(?:re|regex)\b|from\s+(?:re|regex)\s+import\b)|\bdoc\.text\b|"
                          r"statlint\.rules\._patterns\b|\bregex\.", source, re.MULTILINE)
    hints = inspect.get_annotations(mod.check)
    assert list(inspect.signature(mod.check).parameters) == ["doc", "facts"]
    assert hints == {"doc": "Document", "facts": "Facts", "return": "Iterator[Finding]"}


def test_currency_check_skips_a_conversion_whose_interval_reaches_zero():
    """Regression (corpus, 5 BBC articles): a side whose interval starts at 0 divided by zero in U102."""
    from dataclasses import replace

    from statlint.rules import currency_conversion_mismatch

    text = "The firm lost 259.7m euros ($353.3bn) last year."
    facts = _facts(text)
    [c] = facts.conversions
    assert [f.rule for f in currency_conversion_mismatch.check(Document(text), facts)] == ["U102"]
    zero = replace(c, a=replace(c.a, low=0.0))
    assert list(currency_conversion_mismatch.check(Document(text), replace(facts, conversions=(zero,)))) == []


def test_conversion_reads_a_hyphenated_unit_the_number_reader_already_took():
    """A reader that reads "12-foot" as feet (and "40-metre" as metres) gives the same conversion, same spans."""
    from statlint.checker.model import Quantity, Span
    from statlint.rules import conversions

    text = "They built a 12-foot-high (40-metre-high) wall."

    def q(written: str, value: float, unit: str) -> Quantity:
        start = text.index(written)
        return Quantity(span=Span(start, start + len(written)), text=written, value=value, low=value - 0.5,
                        high=value + 1, unit=unit)

    facts = conversions.extract(Document(text), Facts(quantities=(q("12-foot", 12, "foot"), q("40-metre", 40, "meter"))))
    assert _conversions(facts) == ["'12-foot' foot = '40-metre' meter (parentheses)"]
