"""fixtures/sample-repo as CI would run statlint on it: config, suppressions, a baseline.

Uses the real rules (G101, Q101-Q103). If a rule change alters fingerprints,
rebuild the baseline as fixtures/sample-repo/README.md says.
"""
from __future__ import annotations

import json
import pathlib
import shutil

import pytest

from test_cli import run

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "sample-repo"
BASELINE = ".statlint-baseline.json"

pytestmark = pytest.mark.needs_rules


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "sample-repo"
    shutil.copytree(SAMPLE, root)
    monkeypatch.chdir(root)
    return root


def reported(*args):
    result = run("check", "--format", "jsonl", *args)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return result.exit_code, sorted((r["path"], r["rule"]) for r in rows)


KUNPENG = [("articles/2024/kunpeng.txt", code) for code in ("G101", "Q102")]


def test_without_baseline_the_known_findings_fail(repo):
    # exports.md's G101 is suppressed inline, wire copy ignores Q101, drafts/ is excluded
    assert reported("articles") == (1, KUNPENG)
    assert reported(".") == (1, KUNPENG)


def test_with_baseline_ci_passes(repo):
    assert reported("--baseline", BASELINE, ".") == (0, [])
    result = run("check", "--baseline", BASELINE, "articles")
    assert result.exit_code == 0 and result.stdout == "No new findings in 4 files (2 findings in the baseline).\n"


def test_edits_elsewhere_keep_the_baseline_valid(repo):
    article = repo / "articles" / "2024" / "kunpeng.txt"
    article.write_text("UPDATED on Monday with a correction to the headline.\n\n" + article.read_text("utf-8"),
                       encoding="utf-8")
    assert reported("--baseline", BASELINE, "articles") == (0, [])


def test_a_new_slip_fails_even_with_the_baseline(repo):
    harbour = repo / "articles" / "2024" / "harbour.txt"
    harbour.write_text(harbour.read_text("utf-8") + "\nCruise calls rose 50% to 150 from 120.\n", encoding="utf-8")
    assert reported("--baseline", BASELINE, "articles") == (1, [("articles/2024/harbour.txt", "G101")])


def test_removing_the_suppression_fails(repo):
    exports = repo / "articles" / "2024" / "exports.md"
    text = exports.read_text("utf-8")
    exports.write_text("\n".join(ln for ln in text.splitlines() if "statlint:" not in ln) + "\n", encoding="utf-8")
    assert reported("--baseline", BASELINE, "articles") == (1, [("articles/2024/exports.md", "G101")])


def test_a_stale_suppression_fails_under_fail_on_warning(repo):
    exports = repo / "articles" / "2024" / "exports.md"
    exports.write_text(exports.read_text("utf-8").replace("rose 50%", "rose 25%"), encoding="utf-8")
    assert reported("--baseline", BASELINE, "articles") == (1, [("articles/2024/exports.md", "X100")])
    assert reported("--baseline", BASELINE, "--fail-on", "error", "articles")[0] == 0


def test_without_the_config_everything_is_reported(repo):
    code, rows = reported("--no-config", ".")
    assert code == 1
    assert ("drafts/unchecked.md", "G101") in rows and ("articles/wire/grain.txt", "Q101") in rows
