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
    assert written.exit_code == 0
    assert "statlint: wrote 2 finding(s) to .statlint-baseline.json" in written.stderr
    data = json.loads(open(BASE, encoding="utf-8").read())
    assert data["version"] == 1
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("d/a.txt", "X901"), ("d/a.txt", "X902")]
    assert run("check", "--no-config", "--baseline", BASE, "d").exit_code == 0
    # edits elsewhere in the file move the findings but keep their fingerprints
    tree("d/a.txt", "A new first paragraph.\n\nIntro.\nthe FIRE here\nWARN\n")
    result = run("check", "--no-config", "--baseline", BASE, path)
    assert result.exit_code == 0 and "No findings in 1 file." in result.stdout
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
    assert "statlint: 2 baseline entries in .statlint-baseline.json no longer match" in result.stderr


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
