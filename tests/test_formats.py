"""Every CI output format through the CLI, with exact output, on the stand-in rules.

The SARIF of the fixture articles (real rules) is validated against the
official SARIF 2.1.0 schema kept in tests/data (see tests/data/README.md).
"""
from __future__ import annotations

import json
import pathlib
import xml.etree.ElementTree as ET

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from test_cli import run, tree  # noqa: F401  (tree is a pytest fixture)

DATA = pathlib.Path(__file__).resolve().parent / "data"
ARTICLES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SOURCE = "ab\ncd FIRE and WARN\n"


def report(fmt, *paths):
    result = run("check", "--no-config", "--format", fmt, *paths)
    return result.exit_code, result.stdout


@pytest.fixture
def files(fake_rules, tree):
    return tree("a.txt", SOURCE), tree("b.txt", "calm\n"), "missing.txt"


def test_jsonl(files):
    code, out = report("jsonl", *files)
    assert code == 2
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["path"], d.get("rule"), d.get("error")) for d in lines] == [
        ("a.txt", "X901", None), ("a.txt", "X902", None), ("missing.txt", None, "no such file or directory")]
    assert lines[0] == {"path": "a.txt", "rule": "X901", "name": "fake-fire", "severity": "error",
                        "confidence": 0.88, "message": "fake finding", "start": 6, "end": 10, "line": 2,
                        "column": 4, "end_line": 2, "end_column": 8, "text": "FIRE", "suggestion": "FIXED",
                        "related": [{"role": "base", "start": 0, "end": 2, "text": "ab"}],
                        "fingerprint": lines[0]["fingerprint"], "in_quote": False}


def test_github(files):
    code, out = report("github", *files)
    assert code == 2
    assert out == (
        "::error file=a.txt,line=2,col=4,endLine=2,endColumn=8,title=X901 fake-fire::fake finding (suggestion: FIXED)\n"
        "::warning file=a.txt,line=2,col=13,endLine=2,endColumn=17,title=X902 fake-warn::fake warning\n"
        "::error file=missing.txt,title=statlint IO001 unreadable::no such file or directory\n"
    )


def test_github_escaping_stops_command_injection(fake_rules, tree, monkeypatch):
    from statlint import rules
    from statlint.checker.model import Finding, Rule, Severity, Span

    def evil(doc, facts):
        """Echoes article text into its message, as real rules quote figures."""
        yield Finding("X904", "echo", "50% of\r\n::add-mask::x\n::stop-commands::y", Span(0, 1), Severity.INFO)

    monkeypatch.setattr(rules, "CHECKS", (Rule("X904", "echo", Severity.INFO, evil),))
    code, out = report("github", tree("we,ird:name.txt", "x"))
    assert out == ("::notice file=we%2Cird%3Aname.txt,line=1,col=1,endLine=1,endColumn=2,title=X904 echo::"
                   "50%25 of%0D%0A::add-mask::x%0A::stop-commands::y\n")
    assert len(out.splitlines()) == 1


def test_checkstyle(files):
    code, out = report("checkstyle", *files)
    assert code == 2
    assert out == """<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="a.txt">
    <error line="2" column="4" severity="error" message="fake finding [fake-fire] (suggestion: FIXED)" source="statlint.X901"/>
    <error line="2" column="13" severity="warning" message="fake warning [fake-warn]" source="statlint.X902"/>
  </file>
  <file name="b.txt">
  </file>
  <file name="missing.txt">
    <error line="1" column="1" severity="error" message="no such file or directory" source="statlint.IO001"/>
  </file>
</checkstyle>
"""


def test_junit(files):
    code, out = report("junit", *files)
    assert code == 2
    assert out == """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="statlint" tests="4" failures="2" errors="1">
  <testsuite name="a.txt" tests="2" failures="2" errors="0">
    <testcase classname="a.txt" name="X901 2:4">
      <failure type="X901" message="fake finding">a.txt:2:4: X901 fake finding [fake-fire]
suggestion: FIXED</failure>
    </testcase>
    <testcase classname="a.txt" name="X902 2:13">
      <failure type="X902" message="fake warning">a.txt:2:13: X902 fake warning [fake-warn]</failure>
    </testcase>
  </testsuite>
  <testsuite name="b.txt" tests="1" failures="0" errors="0">
    <testcase classname="b.txt" name="no findings"/>
  </testsuite>
  <testsuite name="missing.txt" tests="1" failures="0" errors="1">
    <testcase classname="missing.txt" name="read IO001">
      <error type="IO001" message="no such file or directory"/>
    </testcase>
  </testsuite>
</testsuites>
"""


@pytest.mark.parametrize("fmt", ["checkstyle", "junit"])
def test_xml_stays_well_formed_with_control_characters(fake_rules, tree, fmt):
    path = tree("c<&\".txt", "\x1b\x01 FIRE \ufffe <b>&amp;</b>")
    code, out = report(fmt, path)
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))  # raises on anything XML 1.0 forbids
    names = {e.get("name") for e in root.iter("file")} | {e.get("classname") for e in root.iter("testcase")}
    assert 'c<&".txt' in names


def test_annotate(files):
    code, out = report("annotate", *files)
    assert code == 2
    assert out == """X901 fake finding [fake-fire]
 --> a.txt:2:4
  |
1 | ab
  | -- base
2 | cd FIRE and WARN
  |    ^^^^
  |
  = suggestion: FIXED

X902 fake warning [fake-warn]
 --> a.txt:2:13
  |
2 | cd FIRE and WARN
  |             ^^^^
  |

missing.txt: fatal notice: IO001 no such file or directory [unreadable]

Found 2 findings (1 error, 1 warning) in 2 files. 1 file could not be fully checked.
"""


def test_annotate_marks_related_numbers_on_the_same_line(fake_rules, tree):
    code, out = report("annotate", tree("one.txt", "ab then FIRE, \x1b and 销量 WARN"))
    assert out.splitlines()[:6] == [
        "X901 fake finding [fake-fire]",
        " --> one.txt:1:9",
        "  |",
        "1 | ab then FIRE, ␛ and 销量 WARN",
        "  | --      ^^^^",
        "  | base",
    ]
    assert out.splitlines()[13] == "  |                          ^^^^"  # after two wide characters


def test_annotate_cuts_long_lines_around_marks(fake_rules, tree):
    code, out = report("annotate", tree("long.txt", "ab" + "x" * 5000 + " FIRE " + "y" * 5000))
    lines = out.splitlines()
    assert max(map(len, lines)) < 200
    assert lines[3] == "1 | ab" + "x" * 30 + "…"
    assert lines[5].startswith("1 | …" + "x" * 29 + " FIRE ")


def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_shape(files):
    code, out = report("sarif", *files)
    assert code == 2
    data = json.loads(out)
    assert not list(sarif_validator().iter_errors(data))
    run_ = data["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["X100", "X901", "X902", "X903"]
    fire = run_["tool"]["driver"]["rules"][1]
    assert fire["shortDescription"] == {"text": "Fires on the word FIRE."}
    assert "What it does" in fire["help"]["text"] and fire["defaultConfiguration"] == {"level": "error"}
    first, second = run_["results"]
    assert first["ruleId"] == "X901" and first["ruleIndex"] == 1 and first["level"] == "error"
    assert first["message"] == {"text": "fake finding Suggestion: FIXED"}
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 8, "charOffset": 6,
                   "charLength": 4, "snippet": {"text": "FIRE"}}}
    assert first["partialFingerprints"]["statlint/v1"].startswith("X901:")
    assert first["relatedLocations"][0]["message"] == {"text": "base"}
    assert second["level"] == "warning"
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file or directory"


def test_sarif_validation_is_not_vacuous():
    validator = sarif_validator()
    assert list(validator.iter_errors({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}))
    assert list(validator.iter_errors({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                       "results": [{"message": {"text": "m"}, "level": "severe"}]}]}))


@pytest.mark.needs_rules
def test_sarif_of_the_fixture_articles_validates(tmp_path):
    out = tmp_path / "statlint.sarif"
    articles = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    result = run("check", "--no-config", "--format", "sarif", "-o", str(out), *articles)
    assert result.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in sarif_validator().iter_errors(data)]
    assert errors == []
    results = data["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"Q102", "G101"}
    for r in results:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    rules = {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert "Why is this bad?" in rules["G101"]["help"]["text"]
    assert "X100" in rules


def test_findings_are_sorted_with_a_total_key(fake_rules, tree, monkeypatch):
    from statlint import rules
    from statlint.checker.model import Finding, Rule, Severity, Span

    def twins(doc, facts):
        """Two findings that tie on position, code, message and suggestion (different suggestions would be
        arbitrated down to one)."""
        yield Finding("X905", "twins", "same", Span(0, 1), Severity.WARNING, suggestion="a")
        yield Finding("X905", "twins", "same", Span(0, 1), Severity.ERROR, suggestion="a")

    monkeypatch.setattr(rules, "CHECKS", (Rule("X905", "twins", Severity.INFO, twins),))
    code, out = report("jsonl", tree("t.txt", "x"))
    assert [json.loads(line)["severity"] for line in out.splitlines()] == ["warning", "error"]


def test_github_shows_ten_of_each_type_and_says_how_many_more():
    """RELIABILITY F.47: GitHub drops annotations past 10 of a type silently; statlint says so instead."""
    from statlint.checker.document import Document
    from statlint.checker.model import Finding, Severity, Span
    from statlint.checker.report import FileResult, render

    text = "x " * 20
    findings = tuple(Finding(rule="X901", name="fake-fire", message=f"n{i}", span=Span(2 * i, 2 * i + 1),
                             severity=Severity.ERROR if i < 12 else Severity.WARNING) for i in range(14))
    out = render("github", [FileResult("a.txt", document=Document(text), findings=findings)]).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert sum(line.startswith("::warning ") for line in out) == 2
    assert out[-1].startswith("statlint: 2 more error annotations not shown")
    assert not out[-1].startswith("::")


def test_sarif_over_25000_results_is_cut_after_sorting_and_says_so(monkeypatch):
    """RELIABILITY F.46: GitHub rejects a run with more than 25,000 results; the cut keeps the first in report
    order and a notification counts what was cut (MAX_RESULTS lowered to keep the test fast)."""
    from statlint.checker.document import Document
    from statlint.checker.model import Finding, Severity, Span
    from statlint.checker.report import FileResult, render
    from statlint.checker.report import sarif

    monkeypatch.setattr(sarif, "MAX_RESULTS", 25)
    findings = tuple(Finding(rule="X901", name="fake-fire", message=f"n{i}", span=Span(i, i + 1),
                             severity=Severity.ERROR) for i in reversed(range(30)))
    data = json.loads(render("sarif", [FileResult("a.txt", document=Document("x" * 40), findings=findings)]))
    assert not list(sarif_validator().iter_errors(data))
    run_ = data["runs"][0]
    assert [r["message"]["text"] for r in run_["results"]] == [f"n{i}" for i in range(25)]
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("30 results; only the first 25")
