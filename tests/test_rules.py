"""Every rule's fixture cases, its docstring examples, and the registry's bookkeeping."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint import rules
from statlint import check_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
SECTIONS = ("What it does:", "Why is this bad?", "Example:", "Use instead:", "Known false positives:")
_EXPECTED = re.compile(r"(?P<code>[A-Z]\d{3}) '(?P<text>[^']*)'")


def _cases():
    for path in sorted(FIXTURES.glob("*.txt")):
        for n, (header, text) in enumerate(read_cases(path), start=1):
            yield pytest.param(header, text, id=f"{path.stem}-{n}")


def _expected(header: str) -> list[tuple[str, str]]:
    if header == "Okay":
        return []
    found = [(m["code"], m["text"]) for m in _EXPECTED.finditer(header)]
    assert found, f"unreadable fixture header {header!r}"
    return found


@pytest.mark.parametrize("header,text", list(_cases()))
def test_fixture_case(header, text):
    """Each case yields exactly the findings its header lists: same rules, same spans."""
    got = [(f.rule, text[f.span.start:f.span.end]) for f in check_text(text)]
    assert got == _expected(header)


def test_every_rule_has_cases_that_fire_and_stay_quiet():
    for rule in rules.CHECKS:
        path = FIXTURES / f"{rule.code}.txt"
        assert path.exists(), f"no fixture file for {rule.code}"
        body = path.read_text(encoding="utf-8")
        assert f"#: {rule.code} " in body, f"{rule.code} has no case that must fire"
        assert "#: Okay" in body, f"{rule.code} has no case that must stay quiet"


def _section(doc: str, name: str) -> str:
    start = doc.index(name) + len(name)
    nexts = [doc.index(s, start) for s in SECTIONS if s in doc[start:]]
    return " ".join(doc[start:min(nexts) if nexts else len(doc)].split())


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_docstring_sections_and_examples(rule):
    for name in SECTIONS:
        assert name in rule.doc, f"{rule.code} docstring lacks {name!r}"
    example, fixed = _section(rule.doc, "Example:"), _section(rule.doc, "Use instead:")
    assert rule.code in [f.rule for f in check_text(example)], f"{rule.code}: its Example does not fire"
    assert rule.code not in [f.rule for f in check_text(fixed)], f"{rule.code}: its 'Use instead' fires"


def test_invisible_character_messages_stay_short_on_huge_figures():
    text = "ID " + "7" * 5000 + "\u200b" + "7" * 5000 + " and \u202e" + "9" * 150 + "\u202c."
    findings = [f for f in check_text(text) if f.rule == "Q104"]
    assert [text[f.span.start:f.span.end][:4] for f in findings] == ["7777", "\u202e999"]
    assert all(len(f.message) < 300 for f in findings) and findings[0].suggestion is None


def test_registry_lists_every_rule_module_once():
    modules = {
        name for _, name, _ in pkgutil.iter_modules(rules.__path__) if not name.startswith("_")
    } - {f.__module__.split(".")[-1] for f in rules.EXTRACTORS}
    registered = {rule.func.__module__.split(".")[-1] for rule in rules.CHECKS}
    assert modules == registered
    codes = [r.code for r in rules.CHECKS]
    names = [r.name for r in rules.CHECKS]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in rules.CHECKS:
        assert re.fullmatch(r"[QGPSUC]\d{3}", rule.code)
        module = importlib.import_module(rule.func.__module__)
        assert module.__doc__.startswith(f"{rule.code} {rule.name}:")


def test_extractors_are_plain_functions_in_order():
    names = [f.__module__.split(".")[-1] for f in rules.EXTRACTORS]
    assert names == ["quantities", "garbles", "invisibles", "claims", "comparatives", "periods", "annual_rates", "subjects", "hedges",
                     "multipliers", "priors", "shares", "share_splits", "verbal_proportions", "mentions",
                     "conversions", "statements", "series_next", "parts_of_wholes",
                     "parts_totals", "respectively_lists", "differences", "per_units", "part_shares",
                     "headline_growth"]


@pytest.mark.parametrize("text,code,suggestion", [
    ("The company shipped 4178,027 phones.", "Q101", "4,178,027"),
    ("About 920, 000 people attended.", "Q101", "920,000"),
    ("Net loss 8,843,000 vs profit 6,306,0000", "Q101", None),  # a digit too many: which one is unknowable
    ("It sold 5.17,000 cars.", "Q101", None),
    ("Sales reached 522 10,000 units last year.", "Q102", "5.22 million units"),
    ("Revenue was 13.14 100 million yuan.", "Q102", "1.314 billion yuan"),
    ("Its profit was 3 billion 6,500 million yuan.", "Q102", "3.065 billion yuan"),
    ("Sales rose to 1\u200b000 tonnes.", "Q104", "1000"),
    ("Exports hit 1,\u200b250,000 units.", "Q104", "1,250,000"),
    ("The fine was \u202e0001\u202c dollars.", "Q104", None),  # 0001 or 1000: only the writer knows
    ("Sales rose 574% to 5.22 million units from 3.316 million units.", "G101", "57.4%"),
    ("Sales rose 50% to 150 units from 120 units.", "G101", None),
    ("Exports fell to 885.4 million dlrs from 855.2 million dlrs.", "G102", "rose"),
    ("The jobless rate declined 1.6 pct to 55.9 pct from 57.5 pct.", "G103", "1.6 percentage points"),
])
def test_suggestions(text, code, suggestion):
    [finding] = [f for f in check_text(text) if f.rule == code]
    assert finding.suggestion == suggestion


def test_near_miss_rate_is_a_warning_and_a_far_one_an_error():
    [near] = check_text("Car sales dropped 12.9 pct to 188,156 from 215,793.")
    [far] = check_text("Sales rose 50% to 150 units from 120 units.")
    assert (near.rule, str(near.severity)) == ("G101", "warning")
    assert (far.rule, str(far.severity)) == ("G101", "error")


def test_findings_inside_quotations_are_marked_and_can_be_dropped():
    from statlint import Settings

    text = 'The minister said: "Sales rose 50% to 150 units from 120 units." Exports fell to 9 mln dlrs from 5 mln dlrs.'
    kept = check_text(text)
    assert [(f.rule, f.in_quote) for f in kept] == [("G101", True), ("G102", False)]
    dropped = check_text(text, Settings(quotes="drop"))
    assert [(f.rule, f.in_quote) for f in dropped] == [("G102", False)]


def test_inverse_quote_message_divides_by_the_factor():
    [f] = check_text("The yen rose 5 pct to 140.00 from 154.67 to the dollar.")
    assert f.message == "a 5 pct rise from 154.67 would give 147, not 140.00; the figures give about 10%"


@pytest.mark.parametrize("text,message", [
    ("The plant makes 12 million a year, or 328,767 a day.",
     "12 million a year is about 33,000 a day, not 328,767"),
    # the reader took "a month" into the figure's unit: named once, not "a month a month"
    ("The mill produced 90,000 tonnes a month, or 30 tonnes a day.",
     "90,000 tonnes a month is about 3,050 a day, not 30 tonnes a day"),
    # a total over a completed period, restated per day; the per-day figure to three digits at most
    ("The mill produced 90,000 tonnes last month, or 30 tonnes a day.",
     "90,000 tonnes a month is about 3,050 a day, not 30 tonnes a day"),
    ("The firm sold 120,000 cars a year, or about 33 a day.", "120,000 a year is about 328 a day, not 33"),
])
def test_a_total_restated_per_day_names_its_period_once(text, message):
    [f] = check_text(text)
    assert (f.rule, f.message) == ("C101", message)


def test_s102_list_gap_pattern_does_not_backtrack_through_a_long_word():
    """Regression: _LISTED could split one word into eight pieces every way there is (76 ms on a
    40-character gap of real Reuters copy, hours on a longer one). The regex timeout bounds the check."""
    from statlint.rules.respectively_lists import _LISTED

    gap = " " + "intersected" * 6 + " "
    assert _LISTED.fullmatch(gap, timeout=5.0) is None
    assert _LISTED.fullmatch(", or 20 cts a share, and gain ", timeout=5.0) is not None
