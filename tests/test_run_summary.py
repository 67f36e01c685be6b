"""What a run says it did: files checked, skipped and failed are counted apart, and a run that checked
nothing says so and exits 2 (issue #12: "No findings in 2 files" for two skipped binaries passed CI)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from test_cli import run, tree  # noqa: F401  (tree is a pytest fixture)
from test_formats import sarif_validator

PNG = "\x89PNG\x00\x00"


def binary(tree, name):
    path = tree(name, "")
    with open(path, "wb") as fh:
        fh.write(PNG.encode("latin-1"))
    return path


def test_a_folder_of_skipped_binaries_checked_nothing(fake_rules, tree):
    binary(tree, "d/a.txt")
    binary(tree, "d/b.md")
    result = run("check", "--no-config", "d")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == "No files checked. 2 files skipped (binary or too large)."
    assert "checked all the same" not in result.stdout
    result = run("check", "--no-config", "--format", "json", "d")
    assert result.exit_code == 2
    summary = json.loads(result.stdout)["summary"]
    assert (summary["files"], summary["checked"], summary["skipped"], summary["failed"]) == (2, 0, 2, 0)
    assert result.stderr == ("statlint: no files checked: every file found was skipped (binary or too large) "
                             "or could not be read\n")


def test_a_folder_without_articles_checked_nothing(fake_rules, tree):
    tree("d/notes.csv", "FIRE")
    result = run("check", "--no-config", "d")
    assert result.exit_code == 2 and result.stderr == ""
    assert result.stdout == "No files checked: the paths given hold no .txt or .md file to check.\n"
    result = run("check", "--no-config", "--format", "json", "--exit-zero", "d")
    assert result.exit_code == 2  # --exit-zero never hides a run that checked nothing
    assert json.loads(result.stdout)["summary"] == {"files": 0, "checked": 0, "skipped": 0, "findings": 0,
                                                    "failed": 0, "notices": 0, "by_severity": {}, "by_rule": {}}
    assert result.stderr == "statlint: no files checked: the paths given hold no .txt or .md file\n"


def test_skipped_files_are_counted_apart_from_checked_ones(fake_rules, tree):
    tree("d/a.txt", "calm")
    binary(tree, "d/b.txt")
    result = run("check", "--no-config", "d")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "No findings in 1 file. 1 file skipped (binary or too large)."
    tree("d/c.txt", "FIRE \xff")  # written as UTF-8: no lossy notice; make one with a raw byte
    with open("d/c.txt", "wb") as fh:
        fh.write(b"FIRE \xff")
    result = run("check", "--no-config", "d")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == ("Found 1 finding (1 error) in 2 files. 1 file skipped (binary or too "
                                              "large). 1 notice (checked all the same).")
    summary = json.loads(run("check", "--no-config", "--format", "json", "d").stdout)["summary"]
    assert (summary["files"], summary["checked"], summary["skipped"], summary["notices"]) == (3, 2, 1, 2)


def test_files_that_failed_are_not_counted_as_checked(fake_rules, tree):
    result = run("check", "--no-config", "missing.txt")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == "No files checked. 1 file could not be checked."
    result = run("check", "--no-config", tree("a.txt", "BOOM"), tree("b.txt", "calm"))
    assert result.stdout.splitlines()[-1] == "No findings in 1 file. 1 file could not be fully checked."


def test_every_file_excluded_by_configuration_is_a_choice_not_an_error(fake_rules, tree):
    tree(".statlint.toml", "extend-exclude = ['drafts']\n")
    tree("drafts/a.txt", "FIRE")
    result = run("check", "drafts/a.txt")  # what pre-commit does with a staged file that is excluded
    assert result.exit_code == 0
    assert result.stderr == "statlint: no files checked: 1 file found, all excluded by extend-exclude\n"


@pytest.mark.parametrize("fmt", ["text", "annotate", "json", "jsonl", "sarif", "github", "checkstyle", "junit"])
@pytest.mark.parametrize("content", ["nothing", "skipped"])
def test_every_format_stays_valid_when_nothing_was_checked(fake_rules, tree, fmt, content):
    tree("d/notes.csv", "x")
    if content == "skipped":
        binary(tree, "d/a.txt")
    result = run("check", "--no-config", "--format", fmt, "d")
    assert result.exit_code == 2
    out = result.stdout
    if fmt in ("text", "annotate"):
        assert out.splitlines()[-1].startswith("No files checked")
    elif fmt == "json":
        assert json.loads(out)["summary"]["checked"] == 0
    elif fmt == "jsonl":
        assert [json.loads(line)["notice"]["code"] for line in out.splitlines()] == (
            ["IO003"] if content == "skipped" else [])
    elif fmt == "sarif":
        assert not list(sarif_validator().iter_errors(json.loads(out)))
    elif fmt == "github":
        lines = out.splitlines()
        assert len(lines) == (content == "skipped")
        assert all(ln.startswith("::warning file=d/a.txt,title=statlint IO003 binary-skipped::") for ln in lines)
    else:
        root = ET.fromstring(out)
        assert root.tag == ("checkstyle" if fmt == "checkstyle" else "testsuites")


def test_junit_counts_a_skipped_file_as_skipped_not_passed(fake_rules, tree):
    tree("d/a.txt", "calm")
    binary(tree, "d/b.txt")
    root = ET.fromstring(run("check", "--no-config", "--format", "junit", "d").stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("2", "0", "0", "1")
    suite = root.find("testsuite[@name='d/b.txt']")
    assert suite.get("skipped") == "1" and suite.find("testcase/skipped").get("message").startswith("binary file")
    assert root.find("testsuite[@name='d/a.txt']").get("skipped") is None
