"""The CLI contract: exit codes, inputs, selection, and the exact JSON shape.

Most tests run against stand-in rules (see fake_rules.py) so they hold
whatever real rules exist. Tests marked `needs_rules` use real rules and fail
until the rule they name lands.
"""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from fake_rules import fake_rules  # noqa: F401  (pytest fixture)

FINDING_KEYS = {
    "rule", "name", "severity", "confidence", "message", "start", "end", "line", "column",
    "end_line", "end_column", "text", "suggestion", "related", "fingerprint", "in_quote",
}
QUANTITY_KEYS = {"start", "end", "text", "value", "low", "high", "unit", "kind", "bound"}

# A JSON Schema for the output contract in DESIGN.md; additionalProperties=False
# makes a new key a deliberate contract change rather than an accident.
_INT = {"type": "integer", "minimum": 0}
_POS = {"type": "integer", "minimum": 1}
CHECK_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["version", "tool", "files", "summary"],
    "properties": {
        "version": {"const": 1},
        "tool": {"type": "object", "required": ["name", "version"], "additionalProperties": False,
                 "properties": {"name": {"const": "statlint"}, "version": {"type": "string"}}},
        "files": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["path", "error", "notices", "findings"],
            "properties": {
                "path": {"type": "string"}, "error": {"type": ["string", "null"]},
                "notices": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["code", "name", "message", "fatal", "offset"],
                    "properties": {"code": {"enum": ["IO001", "IO002", "IO003", "IO004", "TIME001", "INT001"]},
                                   "name": {"type": "string"}, "message": {"type": "string"},
                                   "fatal": {"type": "boolean"}, "offset": {"type": ["integer", "null"]}}}},
                "findings": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False, "required": sorted(FINDING_KEYS),
                    "properties": {
                        "rule": {"type": "string", "pattern": "^[A-Z][0-9]{3}$"},
                        "name": {"type": "string"},
                        "severity": {"enum": ["info", "warning", "error"]},
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                        "message": {"type": "string"},
                        "start": _INT, "end": _INT, "line": _POS, "column": _POS,
                        "end_line": _POS, "end_column": _POS,
                        "text": {"type": "string"}, "suggestion": {"type": ["string", "null"]},
                        "related": {"type": "array", "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["role", "start", "end", "text"],
                            "properties": {"role": {"type": "string"}, "start": _INT, "end": _INT,
                                           "text": {"type": "string"}}}},
                        "fingerprint": {"type": "string", "minLength": 1},
                        "in_quote": {"type": "boolean"},
                    }}},
            }}},
        "summary": {"type": "object", "additionalProperties": False,
                    "required": ["files", "checked", "skipped", "findings", "failed", "notices", "by_severity",
                                 "by_rule"],
                    "properties": {"files": _INT, "checked": _INT, "skipped": _INT, "findings": _INT,
                                   "failed": _INT, "notices": _INT,
                                   "by_severity": {"type": "object", "additionalProperties": _INT,
                                                   "propertyNames": {"enum": ["info", "warning", "error"]}},
                                   "by_rule": {"type": "object", "additionalProperties": _INT}}},
    },
}


def run(*args, input=None):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A working directory with no config, and a helper to write files into it."""
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return name

    return write


def check_json(*args, input=None):
    result = run("check", "--no-config", "--format", "json", *args, input=input)
    return result, json.loads(result.stdout)


# --- exit codes -----------------------------------------------------------------

def test_clean_file_exits_0(fake_rules, tree):
    result = run("check", "--no-config", tree("a.txt", "Nothing to see here.\n"))
    assert result.exit_code == 0
    assert "No findings in 1 file." in result.stdout


def test_finding_exits_1_and_prints_location(fake_rules, tree):
    result = run("check", "--no-config", tree("a.txt", "one\nthe FIRE here\n"))
    assert result.exit_code == 1
    assert "a.txt:2:5: X901 fake finding [fake-fire]" in result.stdout
    assert "  suggestion: FIXED" in result.stdout


def test_exit_zero_turns_1_into_0(fake_rules, tree):
    assert run("check", "--no-config", "--exit-zero", tree("a.txt", "FIRE")).exit_code == 0


def test_missing_path_among_good_ones(fake_rules, tree):
    good, clean = tree("a.txt", "FIRE"), tree("b.txt", "calm")
    result, data = check_json(good, "nope.txt", clean)
    assert result.exit_code == 2
    assert [f["path"] for f in data["files"]] == ["a.txt", "nope.txt", "b.txt"]
    assert data["files"][0]["findings"][0]["rule"] == "X901"
    assert "no such file" in data["files"][1]["error"]
    assert data["files"][2]["error"] is None
    assert data["summary"]["failed"] == 1


def test_exit_zero_never_hides_input_errors(fake_rules, tree):
    result = run("check", "--no-config", "--exit-zero", tree("a.txt", "FIRE"), "missing.txt")
    assert result.exit_code == 2
    assert "missing.txt: fatal notice: IO001 no such file or directory [unreadable]" in result.stdout


def test_internal_error_is_isolated(fake_rules, tree):
    result, data = check_json(tree("a.txt", "BOOM"), tree("b.txt", "FIRE"))
    assert result.exit_code == 2
    assert data["files"][0]["error"] == "internal error: RuntimeError: kaboom"
    assert data["files"][1]["findings"][0]["rule"] == "X901"
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(fake_rules, tree):
    assert run("check").exit_code == 2  # no path
    assert run("check", "--format", "xml", tree("a.txt", "x")).exit_code == 2
    result = run("check", "--no-config", "--config", "setup.cfg", "a.txt")
    assert result.exit_code == 2 and "cannot be used together" in result.stderr


def test_stdin(fake_rules, tree):
    result, data = check_json("-", input=b"x FIRE")
    assert result.exit_code == 1
    assert data["files"][0]["path"] == "<stdin>"
    assert data["files"][0]["findings"][0]["start"] == 2


# --- selection and severities ------------------------------------------------

@pytest.mark.parametrize("flags, code", [
    ((), 1),
    (("--select", "X902"), 0),
    (("--select", "X9"), 1),
    (("--select", "fake-fire"), 1),
    (("--select", "X902,fake-fire"), 1),
    (("--ignore", "X901"), 0),
    (("--ignore", "fake-fire, X902"), 0),
    (("--select", "X", "--ignore", "X90"), 0),
])
def test_select_and_ignore(fake_rules, tree, flags, code):
    assert run("check", "--no-config", *flags, tree("a.txt", "FIRE")).exit_code == code


def test_bad_selector_is_a_usage_error(fake_rules, tree):
    result = run("check", "--no-config", "--select", "G$1", tree("a.txt", "FIRE"))
    assert result.exit_code == 2
    assert "select" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("flag, value, hint", [
    ("--select", "NOPE", "; the nearest is "),
    ("--select", "X9O1", "; did you mean X901 (fake-fire)?"),  # letter O
    ("--select", "X901,X92", "; did you mean X90?"),
    ("--ignore", "NOPE", "; the nearest is "),
    ("--ignore", "fake-fir", "; did you mean fake-fire (X901)?"),
    ("--select", "X", None), ("--select", "x9", None), ("--select", "X100", None),
    ("--ignore", "unused-suppression", None), ("--ignore", "FAKE-WARN", None),
])
def test_unknown_rule_is_a_usage_error_naming_the_nearest(fake_rules, tree, flag, value, hint):
    """Issue #12: a typo in --select/--ignore selected nothing and passed CI; real prefixes still work."""
    result = run("check", "--no-config", flag, value, "--exit-zero", tree("a.txt", "FIRE"))
    if hint is None:
        assert result.exit_code == 0 and result.stderr == ""
        return
    bad = value.split(",")[-1]
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"statlint: command line: {flag[2:]}: unknown rule {bad!r}{hint}")


@pytest.mark.needs_rules
def test_letter_o_in_a_real_code_is_caught(tree):
    result = run("check", "--no-config", "--select", "G1O1", tree("a.txt", G101_TEXT))
    assert result.exit_code == 2
    assert result.stderr == ("statlint: command line: select: unknown rule 'G1O1'; did you mean G101 "
                             "(growth-rate-mismatch)? (`statlint rules` lists the codes and names)\n")


def test_unknown_rule_in_per_file_ignores_is_a_usage_error(fake_rules, tree):
    tree("setup.cfg", "[statlint]\nper-file-ignores =\n    *.txt: X9O2\n")
    result = run("check", tree("a.txt", "FIRE"))
    assert result.exit_code == 2
    assert "setup.cfg:2: key 'per-file-ignores': unknown rule 'X9O2'; did you mean X902 (fake-warn)?" in result.stderr


def test_min_severity_drops_findings(fake_rules, tree):
    result, data = check_json("--min-severity", "error", tree("a.txt", "WARN"))
    assert result.exit_code == 0 and data["summary"]["findings"] == 0


def test_fail_on_keeps_findings_but_passes(fake_rules, tree):
    result, data = check_json("--fail-on", "error", tree("a.txt", "WARN"))
    assert result.exit_code == 0 and data["summary"]["findings"] == 1
    assert run("check", "--no-config", "--fail-on", "warning", "a.txt").exit_code == 1


# --- JSON and output -----------------------------------------------------------

def test_json_shape_exactly(fake_rules, tree):
    jsonschema = pytest.importorskip("jsonschema")
    result, data = check_json(tree("a.txt", "ab\ncd FIRE\n"), tree("b.txt", "calm"), "missing.txt")
    jsonschema.validate(data, CHECK_SCHEMA)
    assert list(data) == ["version", "tool", "files", "summary"]
    finding = data["files"][0]["findings"][0]
    assert set(finding) == FINDING_KEYS
    assert finding == {**finding, "rule": "X901", "name": "fake-fire", "severity": "error",
                       "confidence": 0.88, "start": 6, "end": 10, "line": 2, "column": 4,
                       "end_line": 2, "end_column": 8, "text": "FIRE", "suggestion": "FIXED",
                       "related": [{"role": "base", "start": 0, "end": 2, "text": "ab"}],
                       "in_quote": False}
    assert data["summary"] == {"files": 3, "checked": 2, "skipped": 0, "findings": 1, "failed": 1, "notices": 1,
                               "by_severity": {"error": 1}, "by_rule": {"X901": 1}}


def test_output_file_is_written_atomically(fake_rules, tree, tmp_path):
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    result = run("check", "--no-config", "--format", "json", "-o", str(out), tree("a.txt", "FIRE"))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["summary"]["findings"] == 1
    assert os.listdir(out.parent) == ["report.json"]  # no temp file left behind


def test_output_to_a_device_or_fifo_is_written_in_place(monkeypatch, tmp_path):
    """`-o /dev/null` once replaced /dev/null with a regular file (as root, os.replace can): a path that is
    not a regular file is opened and written, never replaced. os.replace is made to fail here, so a
    regression cannot touch the machine's /dev/null."""
    import stat
    import threading

    from statlint.checker import cli

    def no_replace(src, dst):
        raise AssertionError(f"os.replace onto {dst}")

    monkeypatch.setattr(cli.os, "replace", no_replace)
    cli.write_atomic(os.devnull, iter(["report ", "pieces\n"]))
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text("utf-8")))
    reader.start()
    cli.write_atomic(str(fifo), iter(["a ", "b"]))
    reader.join(timeout=120)  # the write has returned, so the reader has opened the FIFO; only a bug waits
    assert got == ["a b"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".statlint-")]


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(fake_rules, tree, tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "real.json").write_text("old", encoding="utf-8")
    os.symlink(tmp_path / "reports" / "real.json", tmp_path / "link.json")
    result = run("check", "--no-config", "--format", "json", "-o", "link.json", tree("a.txt", "FIRE"))
    assert result.exit_code == 1 and os.path.islink(tmp_path / "link.json")
    assert json.loads((tmp_path / "reports" / "real.json").read_text("utf-8"))["summary"]["findings"] == 1


def test_a_run_that_fails_half_way_keeps_the_old_report(fake_rules, tree, tmp_path):
    """The report streams into a temp file while files are checked: a configuration error met on the way
    down the tree ends the run (exit 2) and leaves the previous report whole, with no temp file."""
    tree("a/story.txt", "FIRE")
    tree("b/.statlint.toml", "quotes = 1\n")
    tree("b/story.txt", "FIRE")
    tree("report.json", "previous")
    result = run("check", "--format", "json", "-o", "report.json", "a", "b")
    assert result.exit_code == 2 and ".statlint.toml" in result.stderr
    assert (tmp_path / "report.json").read_text("utf-8") == "previous"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".statlint-")]


def test_unwritable_output_exits_2(fake_rules, tree, tmp_path):
    result = run("check", "--no-config", "-o", str(tmp_path / "no" / "dir" / "r.txt"), tree("a.txt", "x"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_directory_recursion_is_sorted_and_filtered(fake_rules, tree, tmp_path):
    for name in ("d/b.md", "d/a.txt", "d/sub/c.txt", "d/skip.csv", "d/.hidden/x.txt", "outside/o.txt"):
        tree(name, "calm")
    os.symlink(tmp_path / "outside", tmp_path / "d" / "link-out")
    os.symlink(tmp_path / "outside" / "o.txt", tmp_path / "d" / "link-file.txt")
    os.symlink(tmp_path / "d" / "sub", tmp_path / "d" / "z-link-in")  # inside the root: followed once
    result, data = check_json("d")
    assert result.exit_code == 0
    assert [f["path"] for f in data["files"]] == [
        os.path.join("d", "a.txt"), os.path.join("d", "b.md"), os.path.join("d", "sub", "c.txt"),
    ]


def test_extract_json(fake_rules, tree):
    result = run("extract", "--format", "json", tree("a.txt", "from 12 to over 30"), "missing.txt")
    assert result.exit_code == 2  # the missing file
    data = json.loads(result.stdout)
    assert data["version"] == 1
    first = data["files"][0]
    assert first["path"] == "a.txt" and first["error"] is None
    assert all(set(q) == QUANTITY_KEYS for q in first["quantities"])
    assert first["quantities"][0] == {"start": 5, "end": 7, "text": "12", "value": 12.0, "low": 12.0,
                                      "high": 12.0, "unit": "count", "kind": "level", "bound": "="}
    assert first["quantities"][1]["high"] is None  # infinity is null, not Infinity
    assert data["files"][1]["error"]


def test_extract_json_measurements_point_into_the_original_file(tree):
    source = "# Weights\n\nThe *samples* weighed 4.5, 6 and 13 kg; the tanks went from 3 to 7 litres.\n"
    path = tree("w.md", source)
    data = json.loads(run("extract", "--format", "json", path).stdout)
    [doc] = data["files"]
    assert [source[m["start"]:m["end"]] for m in doc["measurements"]] == ["4.5, 6 and 13 kg", "3 to 7 litres"]
    assert [[doc["quantities"][i]["text"] for i in m["members"]] for m in doc["measurements"]] == [
        ["4.5", "6", "13 kg"], ["3", "7 litres"]]


def test_extract_exit_0_when_all_read(fake_rules, tree):
    assert run("extract", "--format", "json", tree("a.txt", "3 cats")).exit_code == 0


# --- rules ----------------------------------------------------------------------

def test_rules_markdown(fake_rules):
    result = run("rules", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "| Code | Name | Severity | Summary | Reads (claims) |",
        "| --- | --- | --- | --- | --- |",
        "| X901 | fake-fire | error | Fires on the word FIRE. |  |",
        "| X902 | fake-warn | warning | Warns on the word WARN. |  |",
        "| X903 | fake-boom | info | Crashes on the word BOOM \\| to test isolation. |  |",
    ]


def test_rules_text(fake_rules):
    lines = run("rules").stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert lines[1].split()[:3] == ["X901", "fake-fire", "error"]


def test_rule_doc_and_unknown_code(fake_rules):
    result = run("rule", "x901")
    assert result.exit_code == 0 and "What it does" in result.stdout
    assert run("rule", "fake-warn").exit_code == 0
    unknown = run("rule", "Z999")
    assert unknown.exit_code == 2 and "unknown rule" in unknown.stderr
    unknown = run("rule", "X9O2")
    assert unknown.exit_code == 2 and unknown.stderr == (
        "statlint: unknown rule 'X9O2'; did you mean X902 (fake-warn)? (`statlint rules` lists the codes and names)\n")


# --- with the real rules (fail until the rule lands) ------------------------------

G101_TEXT = "Sales rose 50% to 150 units from 120 units."


@pytest.mark.needs_rules
def test_real_g101_fires_exit_1(tree):
    result, data = check_json(tree("g.txt", G101_TEXT))
    assert result.exit_code == 1
    assert "G101" in data["summary"]["by_rule"]


@pytest.mark.needs_rules
def test_real_g101_select_and_ignore(tree):
    path = tree("g.txt", G101_TEXT)
    assert run("check", "--no-config", "--select", "G101", path).exit_code == 1
    assert run("check", "--no-config", "--ignore", "G", path).exit_code == 0
    assert run("check", "--no-config", "--exit-zero", path).exit_code == 0


def test_ctrl_c_in_any_command_exits_130_not_aborted_1(fake_rules, tree, monkeypatch):
    """click would print "Aborted!" and exit 1, the code for findings (tests/test_interrupt.py sends a real
    SIGINT to `check`)."""
    from statlint.checker import cli

    def interrupted(paths):
        raise KeyboardInterrupt
        yield  # a generator, like the real walk

    monkeypatch.setattr(cli, "expand_paths", interrupted)
    result = run("extract", tree("a.txt", "12"))
    assert result.exit_code == 130 and result.stderr == "\nstatlint: interrupted\n"
    result = run("check", "--no-config", "a.txt")
    assert result.exit_code == 130
    assert result.stderr == ("\nstatlint: interrupted after checking 0 of 0 files found so far; "
                             "the report above is incomplete\n")
