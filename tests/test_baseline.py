"""Baselines (--baseline, --write-baseline) and changed lines only (--diff REF), through the CLI."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from test_cli import run, tree  # noqa: F401  (tree is a pytest fixture)

BASE = ".statlint-baseline.json"


def test_write_then_check_against_baseline(fake_rules, tree):
    path = tree("d/a.txt", "Intro.\nthe FIRE here\nWARN\n")
    written = run("check", "--no-config", "--write-baseline", "d")
    assert written.exit_code == 0 and written.stderr == ""
    assert written.stdout == "Wrote 2 findings to the baseline .statlint-baseline.json from 1 file.\n"
    data = json.loads(open(BASE, encoding="utf-8").read())
    assert data["version"] == 1
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("d/a.txt", "X901"), ("d/a.txt", "X902")]
    assert data["findings"][0] == {"path": "d/a.txt", "rule": "X901", "fingerprint": data["findings"][0]["fingerprint"],
                                   "message": "fake finding", "severity": "error", "confidence": 0.88,
                                   "in_quote": False}
    assert run("check", "--no-config", "--baseline", BASE, "d").exit_code == 0
    # edits elsewhere in the file move the findings but keep their fingerprints
    tree("d/a.txt", "A new first paragraph.\n\nIntro.\nthe FIRE here\nWARN\n")
    result = run("check", "--no-config", "--baseline", BASE, path)
    assert result.exit_code == 0 and result.stdout == "No new findings in 1 file (2 findings in the baseline).\n"
    # a new finding fails, and only it is reported
    tree("d/a.txt", "Intro.\nthe FIRE here\nWARN\n\nanother FIRE\n")
    result = run("check", "--no-config", "--baseline", BASE, path)
    assert result.exit_code == 1
    assert [ln for ln in result.stdout.splitlines() if "X90" in ln] == ["d/a.txt:5:9: X901 fake finding [fake-fire]"]


def test_baseline_paths_are_relative_to_the_baseline_file(fake_rules, tree, monkeypatch):
    tree("repo/d/a.txt", "FIRE\n")
    assert run("check", "--no-config", "--baseline", "repo/base.json", "--write-baseline", "repo/d").exit_code == 0
    assert json.loads(open("repo/base.json").read())["findings"][0]["path"] == "d/a.txt"
    monkeypatch.chdir("repo")
    assert run("check", "--no-config", "--baseline", "base.json", "d/a.txt").exit_code == 0


def test_same_finding_twice_counts(fake_rules, tree):
    tree("a.txt", "FIRE\n")
    run("check", "--no-config", "--write-baseline", "a.txt")
    tree("a.txt", "FIRE\n\nFIRE\n")
    result = run("check", "--no-config", "--baseline", BASE, "--format", "jsonl", "a.txt")
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 1


def test_fixed_findings_are_reported_as_stale_entries(fake_rules, tree):
    tree("a.txt", "FIRE WARN\n")
    run("check", "--no-config", "--write-baseline", "a.txt")
    tree("a.txt", "calm\n")
    result = run("check", "--no-config", "--baseline", BASE, "a.txt")
    assert result.exit_code == 0
    assert result.stderr == ("statlint: 2 baseline entries of the files checked in .statlint-baseline.json no "
                             "longer match; rerun with --write-baseline to drop them\n")


@pytest.mark.parametrize("content, needle", [
    (None, "cannot read baseline"),
    ("{", "not a statlint baseline"),
    ('{"version": 2, "findings": []}', "not a statlint baseline"),
    ('{"version": 1, "findings": [{"path": "a.txt"}]}', "needs a path and a fingerprint"),
])
def test_bad_baseline_exits_2(fake_rules, tree, content, needle):
    tree("a.txt", "FIRE\n")
    if content is not None:
        tree("b.json", content)
    result = run("check", "--no-config", "--baseline", "b.json", "a.txt")
    assert result.exit_code == 2 and needle in result.stderr and "Traceback" not in result.output


# --- --diff REF -----------------------------------------------------------------

def git(*args):
    subprocess.run(["git", *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@x", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull})


@pytest.fixture
def repo(fake_rules, tree):
    git("init", "-q", "-b", "main")
    tree("news/a.txt", "old FIRE\nsecond line\nthird line\n")
    tree("news/b.txt", "old WARN\n")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    return tree


def lines_reported(*args):
    result = run("check", "--no-config", "--format", "jsonl", *args)
    return result.exit_code, [(d["path"], d["line"], d["rule"]) for d in map(json.loads, result.stdout.splitlines())]


def test_diff_reports_only_changed_lines(repo):
    repo("news/a.txt", "old FIRE\nsecond FIRE line\nthird line\nnew WARN\n")
    repo("news/c.txt", "untracked FIRE\n")  # new file: every line is new
    code, got = lines_reported("--diff", "HEAD", "news")
    assert code == 1
    assert got == [("news/a.txt", 2, "X901"), ("news/a.txt", 4, "X902"), ("news/c.txt", 1, "X901")]
    assert lines_reported("news")[1][0] == ("news/a.txt", 1, "X901")  # without --diff: everything


def test_diff_from_a_subfolder_and_unchanged_files_pass(repo, monkeypatch):
    monkeypatch.chdir("news")
    assert lines_reported("--diff", "HEAD", "a.txt", "b.txt") == (0, [])


def test_diff_errors_exit_2(repo, tmp_path, monkeypatch):
    result = run("check", "--no-config", "--diff", "no-such-ref", "news")
    assert result.exit_code == 2 and "--diff no-such-ref: unknown git ref 'no-such-ref'" in result.stderr
    outside = tmp_path.parent / (tmp_path.name + "-nogit")
    outside.mkdir()
    monkeypatch.chdir(outside)
    (outside / "a.txt").write_text("FIRE")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent))
    result = run("check", "--no-config", "--diff", "HEAD", "a.txt")
    assert result.exit_code == 2 and "not a git repository" in result.stderr


# --- a run only rewrites what it checked (issue #12) ----------------------------

def entries():
    return sorted((e["path"], e["rule"]) for e in json.loads(open(BASE, encoding="utf-8").read())["findings"])


def test_write_baseline_message_in_other_formats_and_with_output(fake_rules, tree):
    tree("a.txt", "FIRE WARN\n")
    result = run("check", "--no-config", "--write-baseline", "--format", "json", "a.txt")
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["findings"] == 0
    assert result.stderr == "statlint: wrote 2 findings to the baseline .statlint-baseline.json\n"
    result = run("check", "--no-config", "--write-baseline", "-o", "report.txt", "a.txt")
    assert result.stderr == "statlint: wrote 2 findings to the baseline .statlint-baseline.json\n"
    assert open("report.txt", encoding="utf-8").read().endswith(
        "Wrote 2 findings to the baseline .statlint-baseline.json from 1 file.\n")


def test_write_baseline_on_a_subset_keeps_the_other_files_entries(fake_rules, tree):
    tree("d/a.txt", "FIRE\n")
    tree("d/b.txt", "FIRE WARN\n")
    run("check", "--no-config", "--write-baseline", "d")
    assert entries() == [("d/a.txt", "X901"), ("d/b.txt", "X901"), ("d/b.txt", "X902")]
    tree("d/a.txt", "calm\n")  # fixed: only the file checked drops its entry
    result = run("check", "--no-config", "--write-baseline", "d/a.txt")
    assert result.exit_code == 0
    assert result.stdout == "Wrote 0 findings to the baseline .statlint-baseline.json from 1 file.\n"
    assert result.stderr == "statlint: kept 2 baseline entries of files not checked in this run\n"
    assert entries() == [("d/b.txt", "X901"), ("d/b.txt", "X902")]


def test_stale_entries_are_counted_only_for_files_checked(fake_rules, tree):
    tree("d/a.txt", "FIRE\n")
    tree("d/b.txt", "FIRE\n\nWARN\n")
    run("check", "--no-config", "--write-baseline", "d")
    result = run("check", "--no-config", "--baseline", BASE, "d/a.txt")
    assert result.exit_code == 0 and result.stderr == ""  # b's two entries were not looked at
    tree("d/b.txt", "FIRE\n")
    result = run("check", "--no-config", "--baseline", BASE, "d/b.txt")
    assert result.exit_code == 0 and result.stderr.startswith("statlint: 1 baseline entry of the files checked ")


def test_rules_switched_off_keep_their_entries(fake_rules, tree):
    """--select / --ignore / min-severity narrow what a run can see: entries of other rules are neither stale
    nor dropped when the baseline is rewritten."""
    tree("a.txt", "FIRE WARN\n")
    run("check", "--no-config", "--write-baseline", "a.txt")
    for flags in (("--select", "X901"), ("--ignore", "fake-warn"), ("--min-severity", "error")):
        result = run("check", "--no-config", "--baseline", BASE, *flags, "a.txt")
        assert result.exit_code == 0 and result.stderr == "", flags
        assert run("check", "--no-config", "--write-baseline", *flags, "a.txt").exit_code == 0
        assert entries() == [("a.txt", "X901"), ("a.txt", "X902")], flags


def test_a_file_not_fully_checked_keeps_its_entries(fake_rules, tree):
    tree("a.txt", "FIRE\n")
    run("check", "--no-config", "--write-baseline", "a.txt")
    tree("a.txt", "FIRE BOOM\n")  # the check crashes: INT001, exit 2
    result = run("check", "--no-config", "--write-baseline", "a.txt")
    assert result.exit_code == 2 and entries() == [("a.txt", "X901")]
    assert run("check", "--no-config", "--baseline", BASE, "a.txt").stderr == ""  # not stale either


def test_write_baseline_never_replaces_a_file_that_is_not_a_baseline(fake_rules, tree):
    tree("a.txt", "FIRE\n")
    tree("setup.cfg", "[metadata]\nname = x\n")
    result = run("check", "--no-config", "--baseline", "setup.cfg", "--write-baseline", "a.txt")
    assert result.exit_code == 2 and "setup.cfg: not a statlint baseline" in result.stderr
    assert open("setup.cfg", encoding="utf-8").read() == "[metadata]\nname = x\n"


def test_write_baseline_with_diff_records_whole_files_and_keeps_the_rest(repo):
    run("check", "--no-config", "--write-baseline", "news")
    assert entries() == [("news/a.txt", "X901"), ("news/b.txt", "X902")]
    repo("news/a.txt", "old FIRE\nsecond line\nthird line\n\nnew FIRE\n")
    result = run("check", "--no-config", "--baseline", BASE, "--diff", "HEAD", "news")
    assert result.exit_code == 1 and result.stderr == ""  # the unchanged line's entry still matches: not stale
    assert lines_reported("--baseline", BASE, "--diff", "HEAD", "news") == (1, [("news/a.txt", 5, "X901")])
    assert run("check", "--no-config", "--write-baseline", "--diff", "HEAD", "news/a.txt").exit_code == 0
    assert entries() == [("news/a.txt", "X901"), ("news/a.txt", "X901"), ("news/b.txt", "X902")]
    assert run("check", "--no-config", "--baseline", BASE, "news").exit_code == 0
