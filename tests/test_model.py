"""The data model: fast constructors must behave exactly like the dataclass ones they replace."""
from __future__ import annotations

import dataclasses

import pytest

from statlint.checker.model import Facts, Quantity, Span


def test_fast_init_keeps_dataclass_behaviour():
    span = Span(3, 7)
    assert span == Span(start=3, end=7) and hash(span) == hash(Span(3, 7)) and span < Span(3, 8)
    q = Quantity(span, "5 pct", 5.0, 4.5, 6.0, unit="percent")
    assert (q.unit, q.kind, q.bound, q.year, q.decimals, q.grouping) == ("percent", "level", "=", None, 0, "plain")
    assert q == Quantity(span=span, text="5 pct", value=5.0, low=4.5, high=6.0, unit="percent")
    assert dataclasses.replace(q, kind="share").kind == "share"
    assert Facts().quantities == () and Facts(quantities=(q,)).quantities == (q,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 6.0
    with pytest.raises(TypeError):
        Quantity(span, "5 pct", 5.0)  # low and high have no default
    with pytest.raises(TypeError):
        Span(1, 2, colour="red")


# --- Finding: the library's findings are the JSON contract's findings -------------------------------

JSON_KEYS = ["rule", "name", "severity", "confidence", "message", "start", "end", "line", "column", "end_line",
             "end_column", "text", "suggestion", "related", "fingerprint", "in_quote"]
TWO_LINES = "Café news\n\nThe café's sales rose 50% to 150 units from 120 units.\n"


def test_finding_fields_are_named_as_in_the_json_contract():
    from statlint import Finding

    names = {f.name for f in dataclasses.fields(Finding)}
    assert {"rule", "name", "message", "span", "severity", "confidence", "related", "suggestion", "fingerprint",
            "in_quote", "text", "line", "column", "end_line", "end_column", "gap"} == names
    assert "gap" not in JSON_KEYS  # the rule's evidence for the confidence model, not part of the contract
    assert not hasattr(Finding, "code") and not hasattr(Finding, "symbol")


def test_check_text_gives_line_and_column_in_code_points():
    from statlint import check_text

    [finding] = check_text(TWO_LINES)
    start = TWO_LINES.index("50%")
    assert (finding.rule, finding.name, finding.span) == ("G101", "growth-rate-mismatch", Span(start, start + 3))
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 23, 3, 26)
    assert finding.text == "50%" and finding.fingerprint.startswith("G101:")


def test_finding_is_frozen_and_slotted():
    from statlint import check_text

    [finding] = check_text(TWO_LINES)
    assert not hasattr(finding, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 1


def test_to_dict_is_exactly_the_json_reporters_finding(tmp_path):
    """Library and CLI cannot diverge: the JSON report's finding objects are Finding.to_dict()."""
    import json

    from click.testing import CliRunner

    from statlint import check_text
    from statlint.checker.cli import main

    text = TWO_LINES + "Exports fell to 9 mln dlrs from 5 mln dlrs.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    reported = json.loads(result.output)["files"][0]["findings"]
    library = [f.to_dict() for f in check_text(text, path=str(path))]
    assert [list(d) for d in library] == [JSON_KEYS] * 2
    assert library == reported


def test_to_dict_of_an_unlocated_finding_is_refused():
    """A Finding a rule built (offsets only) has no line yet: to_dict says so instead of printing line 0."""
    from statlint.checker.model import Finding, Severity

    finding = Finding(rule="G101", name="growth-rate-mismatch", message="m", span=Span(0, 3), severity=Severity.ERROR)
    with pytest.raises(ValueError, match="not located"):
        finding.to_dict()


def test_replace_makes_what_dataclasses_replace_makes():
    from statlint.checker.model import Direction, Growth, replace

    q = Quantity(span=Span(3, 9), text="5 pct", value=5.0, low=4.5, high=6.0, unit="percent", noun="rise")
    for obj, changes in [(q, {"kind": "range", "low": 4.0}), (q, {}), (Span(1, 4), {"end": 7}),
                         (Facts(quantities=(q,)), {"skipped": (Span(0, 2),)}),
                         (Growth(span=Span(0, 9), direction=Direction.UP, rate=q), {"rate": None})]:
        fast, slow = replace(obj, **changes), dataclasses.replace(obj, **changes)
        assert fast == slow and type(fast) is type(slow) and fast is not obj
    new = replace(q, value=7.0)
    assert (q.value, new.value, new.noun) == (5.0, 7.0, "rise")  # the original is left as it was


def test_replace_refuses_a_field_the_class_does_not_have():
    from statlint.checker.model import replace

    with pytest.raises(TypeError):
        replace(Facts(), quantity=())
    with pytest.raises(dataclasses.FrozenInstanceError):
        replace(Facts()).quantities = ()
