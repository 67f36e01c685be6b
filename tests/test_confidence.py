"""The learned confidence (issue 17): features, the shipped model, its rebuild, and what the CLI does with it."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from statlint import Settings, check_text
from statlint.checker import confidence
from statlint.checker.arithmetic import Interval, relative_gap
from statlint.checker.confidence_features import FEATURES, Context, repair_kind, vector
from statlint.checker.document import Document
from statlint.checker.engine import extract, rule_findings

ROOT = Path(__file__).resolve().parents[1]
GROWTH = "Sales rose 50% to 150 units from 120 units."


# --- the evidence: relative_gap and the gap a rule sets -----------------------------------------------------


def test_relative_gap_apart_is_the_distance_over_both_widths():
    assert relative_gap(Interval(1, 2), Interval(3, 4)) == pytest.approx(0.5)
    assert relative_gap(Interval(3, 4), Interval(1, 2)) == pytest.approx(0.5)


def test_relative_gap_overlapping_is_minus_the_covered_share_of_the_narrower():
    assert relative_gap(Interval(1, 3), Interval(2, 4)) == pytest.approx(-0.5)
    assert relative_gap(Interval(1, 5), Interval(2, 3)) == -1.0
    assert relative_gap(Interval(1, math.inf), Interval(2, 3)) == -1.0


def test_relative_gap_with_an_unbounded_side_stays_finite():
    gap = relative_gap(Interval(10, math.inf), Interval(0, 5))
    assert gap == pytest.approx(5 / (10 + 5))


def test_g101_sets_the_gap_between_stated_and_implied_factors():
    # 50% -> factor [1.495, 1.51]; 150 from 120 -> [149.5/121, 151/119.5] = [1.23554, 1.26360]
    (f,) = check_text(GROWTH)
    implied = Interval(149.5 / 121, 151 / 119.5)
    assert f.rule == "G101" and f.gap == pytest.approx(relative_gap(Interval(1.495, 1.51), implied))
    assert f.gap == pytest.approx((1.495 - 151 / 119.5) / (0.015 + 151 / 119.5 - 149.5 / 121))


@pytest.mark.parametrize("text, rule", [
    ("Revenue rose 10% a year on average from 100 dlrs in 2010 to 300 dlrs in 2020.", "G105"),
    ("It is 90 km (150 miles) long.", "U101"),
    ("The deal is worth £7.5m ($14.6bn).", "U102"),
])
def test_rules_that_compare_intervals_set_a_positive_gap(text, rule):
    found = [f for f in check_text(text) if f.rule == rule]
    assert found and all(f.gap is not None and f.gap > 0 for f in found)


def test_gap_is_not_part_of_the_json_finding():
    (f,) = check_text(GROWTH)
    assert "gap" not in f.to_dict()


# --- features ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("flagged, suggestion, kind", [
    ("574%", "57.4%", "decimal"),
    ("$14.6bn", "$14.6m", "scale"),
    ("rose", "fell", "word"),
    ("75%", "25%", "other"),
    ("75%", None, None),
])
def test_repair_kind(flagged, suggestion, kind):
    assert repair_kind(flagged, suggestion) == kind


def _vector(text: str, rule: str = "G101"):
    doc = Document(text)
    facts = extract(doc)
    (f,) = [f for f in rule_findings(doc, facts) if f.rule == rule]
    return dict(zip(FEATURES, vector(f, Context(doc, facts))))


@pytest.mark.parametrize("folder", ["articles", "rules"])
def test_a_context_told_its_findings_gives_each_the_vector_a_full_one_gives(folder):
    """confidence.score indexes only the spans of the findings it scores (memory on a long file): same vectors."""
    doc = Document("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / folder).glob("*.txt"))))
    facts = extract(doc)
    findings = rule_findings(doc, facts)
    assert len(findings) > 2 and len(facts.quantities) > 3 * len(findings)
    full, told = Context(doc, facts), Context(doc, facts, findings)
    assert [vector(f, told) for f in findings] == [vector(f, full) for f in findings]
    assert len(told.claims.bound) <= sum(1 + len(f.related) for f in findings)


def test_vector_of_a_growth_finding_in_one_sentence():
    x = _vector(GROWTH)
    assert [k for k, v in x.items() if k.startswith("rule=") and v] == ["rule=G101"]
    assert x["error"] == 1.0 and x["warning"] == 0.0 and x["gap_known"] == 1.0
    assert x["gap_apart"] == pytest.approx(math.log1p(5.3737939), rel=1e-6)
    assert x["gap_inside"] == 0.0 and x["sentences_apart"] == 0.0 and x["unflagged"] == 0.0
    assert not any(v for k, v in x.items() if k.startswith("link=") or k.startswith("repair_"))
    # from "50%" (start 11) to the end of "120 units"' figure (start 33, "120")
    assert x["chars_apart"] == pytest.approx(math.log1p(36 - 11) / 5)
    assert x["wire"] == 0.0 and x["in_quote"] == 0.0 and x["hedged"] == 0.0 and x["bounded"] == 0.0


def test_vector_reads_wire_style_and_the_kind_of_repair():
    x = _vector("Sales rose 574 pct to 5.22 mln from 3.31 mln.")
    assert x["wire"] == 1.0 and x["repair_decimal"] == 1.0 and x["bounded"] == 0.0


def test_vector_of_a_base_from_a_respectively_list_with_a_bound():
    # kunpeng: "... passed 2 million and 3 million ..., respectively, and soared to 522 in 202310,000 units,
    # a year-on-year increase of 574%": the base is the list's last figure, read as "more than 3 million"
    x = _vector((ROOT / "fixtures" / "articles" / "kunpeng.txt").read_text(encoding="utf-8"))
    assert x["link=list"] == 1.0 and x["bounded"] == 1.0 and x["repair_decimal"] == 1.0


def test_vector_of_a_figure_in_quotes():
    x = _vector('He said: "Sales rose 50% to 150 units from 120 units."')
    assert x["in_quote"] == 1.0


# --- the model file and its reader --------------------------------------------------------------------------


def _model_dict(**changes) -> dict:
    data = json.loads(confidence.MODEL_PATH.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_calibration_interpolates_between_points_and_is_flat_beyond():
    m = confidence.Model.from_dict(_model_dict(calibration={"x": [0.2, 0.6], "y": [0.1, 0.5]}))
    assert m.calibrate(0.0) == 0.1 and m.calibrate(1.0) == 0.5
    assert m.calibrate(0.4) == pytest.approx(0.3)


def test_a_model_with_other_features_is_refused():
    with pytest.raises(confidence.ModelError, match="rebuild it"):
        confidence.Model.from_dict(_model_dict(features=["rule=G101"], coef=[1.0]))
    with pytest.raises(confidence.ModelError):
        confidence.Model.from_dict(_model_dict(calibration={"x": [], "y": []}))
    with pytest.raises(confidence.ModelError):
        confidence.Model.from_dict({"features": list(FEATURES)})


def test_a_finding_s_confidence_is_the_model_s_calibrated_probability():
    doc = Document(GROWTH)
    facts = extract(doc)
    (raw,) = rule_findings(doc, facts)
    expected = round(confidence.model().predict(vector(raw, Context(doc, facts))), 2)
    (f,) = check_text(GROWTH)
    assert f.confidence == expected and 0.0 < f.confidence < 1.0
    assert f.confidence != raw.confidence or expected == raw.confidence


def test_a_rule_the_model_does_not_know_keeps_its_own_confidence(fake_rules):
    (f,) = check_text("FIRE")
    assert f.rule == "X901" and f.confidence == 0.876


def test_check_text_never_imports_sklearn():
    code = ("import sys, statlint; statlint.check_text('Sales rose 50% to 150 units from 120 units.');"
            "print(any(m == 'sklearn' or m.startswith('sklearn.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the rebuild: the shipped JSON is what bench/train_confidence.py makes from the committed table ----------


def test_the_shipped_model_is_a_rebuild_of_the_committed_table():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT))
    try:
        from bench import confidence_table, train_confidence
    finally:
        sys.path.remove(str(ROOT))
    rows, meta = train_confidence.load_table()
    rebuilt = train_confidence.train(rows, meta["plants"])
    shipped = json.loads(confidence.MODEL_PATH.read_text(encoding="utf-8"))
    assert train_confidence.same(rebuilt, shipped) == []
    assert rebuilt["trained_on"] == shipped["trained_on"]
    assert len(rows[0]) == len(confidence_table.HEADER)


def test_the_training_table_holds_numbers_only():
    text = (ROOT / "bench" / "confidence_table.csv").read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    assert header.split(",")[:5] == ["group", "source", "plant", "level", "label"]
    assert header.split(",")[5:] == list(FEATURES)
    for line in lines:
        [float(v) for v in line.split(",")]  # raises on any word


# --- settings and the command line --------------------------------------------------------------------------

# two slips no other rule names, so a cut on one shows nothing in its place (arbitrate)
TWO = "Sales rose 50% to 150 units from 120 units. The club paid £7.5m ($14.6bn) for the player.\n"


def test_min_confidence_cuts_on_the_learned_values():
    found = check_text(TWO)
    assert len(found) == 2 and found[0].confidence != found[1].confidence
    low, high = sorted(f.confidence for f in found)
    kept = check_text(TWO, Settings(min_confidence=high))
    assert [f.confidence for f in kept] == [high]


def test_sort_confidence_puts_the_surest_first():
    by_position = check_text(TWO)
    by_confidence = check_text(TWO, Settings(sort="confidence"))
    assert [f.confidence for f in by_confidence] == sorted((f.confidence for f in by_position), reverse=True)
    assert sorted(by_confidence, key=lambda f: f.span.start) == by_position


def test_sort_is_a_configuration_key(tmp_path):
    from statlint.checker.config import ConfigError, load_settings

    (tmp_path / "setup.cfg").write_text("[statlint]\nsort = confidence\n", encoding="utf-8")
    assert load_settings(str(tmp_path)).sort == "confidence"
    (tmp_path / "setup.cfg").write_text("[statlint]\nsort = surest\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected position or confidence"):
        load_settings(str(tmp_path))


def test_cli_sort_confidence_orders_the_json_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "statlint.checker.cli", "check", "--format", "json", "--sort",
                          "confidence", str(path)], capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    conf = [f["confidence"] for f in json.loads(out.stdout)["files"][0]["findings"]]
    assert len(conf) == 2 and conf == sorted(conf, reverse=True) and conf[0] > conf[1]


def test_without_min_confidence_the_model_s_default_cut_applies(monkeypatch):
    import dataclasses

    strict = dataclasses.replace(confidence.model(), threshold=0.999)
    monkeypatch.setattr(confidence, "model", lambda: strict)
    assert Settings().min_confidence is None and Settings().confidence_cut("G101") == 0.999
    assert check_text(GROWTH) == []
    assert [f.rule for f in check_text(GROWTH, Settings(min_confidence=0))] == ["G101"]


def test_the_default_cut_never_hides_a_rule_the_model_does_not_score(fake_rules, monkeypatch):
    import dataclasses

    strict = dataclasses.replace(confidence.model(), threshold=0.999)
    monkeypatch.setattr(confidence, "model", lambda: strict)
    assert Settings().confidence_cut("X902") == 0.0
    assert [f.rule for f in check_text("WARN")] == ["X902"]  # its own confidence, 0.5
    assert check_text("WARN", Settings(min_confidence=0.6)) == []


def test_the_shipped_default_cut_is_the_trained_threshold():
    data = json.loads(confidence.MODEL_PATH.read_text(encoding="utf-8"))
    assert Settings().confidence_cut("G101") == data["threshold"] and 0.0 <= data["threshold"] < 1.0


def test_default_settings_keep_a_borderline_rate_between_small_round_figures():
    """Regression: a default cut of 0.58 (the held-out choice) hid this real slip (50% from 8 gives 12, not
    10): small round figures are wide intervals, so its gap is small and its score low. A cut that buys no
    precision is not applied by default (bench/train_confidence.py)."""
    (f,) = check_text("Sales rose 50% to 10 from 8.")  # shown under the default settings
    (clear,) = check_text("Sales rose 50% to 1,000 from 800.")  # the same slip between precise figures
    assert f.rule == clear.rule == "G101" and f.confidence < clear.confidence
