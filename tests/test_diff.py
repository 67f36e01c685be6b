"""`--format diff`: the suggested repairs as a patch that `git apply` takes, and that fixes what it says."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main

pytestmark = [pytest.mark.needs_rules,
              pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "fixtures" / "formats"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diff_of(*paths: str) -> str:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "diff", *paths])
    assert "Traceback" not in result.output
    return result.stdout_bytes.decode("utf-8")  # (click's result.stdout turns \r\n into \n)


def rules_of(path: str) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", path])
    return [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]


def git_apply(patch: str) -> None:
    Path("fix.patch").write_bytes(patch.encode("utf-8"))
    done = subprocess.run(["git", "apply", "--verbose", "fix.patch"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    Path("fix.patch").unlink()


@pytest.mark.parametrize("name", ["harbour.txt", "harbour.md", "harbour.html"])
def test_git_applies_the_diff_and_the_repaired_findings_are_gone(repo, name):
    shutil.copy(FORMATS / name, repo / name)
    before = (repo / name).read_text(encoding="utf-8")
    assert rules_of(name) == ["G101", "S101", "G102"]
    patch = diff_of(name)
    assert patch.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    assert patch.endswith("# statlint: 2 repair(s) in the diff, 0 left out; 3 finding(s) in 1 file(s)\n")
    git_apply(patch)
    assert rules_of(name) == ["S101"]  # the breakdown has no suggestion: it stays
    after = (repo / name).read_text(encoding="utf-8")
    assert after == before.replace("1,200%", "120%").replace("costs fell", "costs rose").replace(
        "<b>fell</b>", "<b>rose</b>").replace("**fell**", "**rose**")


def test_diff_lines_are_the_changed_lines_only(repo):
    shutil.copy(FORMATS / "harbour.txt", repo / "harbour.txt")
    lines = (repo / "harbour.txt").read_text(encoding="utf-8").split("\n")
    patch = diff_of("harbour.txt").split("\n")
    removed = [line[1:] for line in patch if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in patch if line.startswith("+") and not line.startswith("+++")]
    assert removed == [lines[4], lines[8]]
    assert added == [lines[4].replace("1,200%", "120%"), lines[8].replace("fell", "rose", 1)]


def test_docx_repairs_are_listed_by_paragraph_not_patched(repo):
    shutil.copy(FORMATS / "harbour.docx", repo / "harbour.docx")
    assert diff_of("harbour.docx") == (
        "# statlint: harbour.docx: 2 repair(s) not in the diff: a .docx file cannot be patched as text; "
        "make them in Word:\n"
        "# statlint:   paragraph 3, column 100: '1,200%' -> '120%'\n"
        "# statlint:   paragraph 5, column 85: 'fell' -> 'rose'\n"
        "# statlint: 0 repair(s) in the diff, 2 left out; 3 finding(s) in 1 file(s)\n")


def test_a_repair_across_markup_is_left_out_with_a_note(repo):
    text = ("Container throughput rose to 2.64 million TEU in 2024 from 1.2 million TEU in 2023, "
            "an increase of 1,2<b>00</b>%, the operator said.\n")
    Path("story.md").write_text(text, encoding="utf-8")
    assert rules_of("story.md") == ["G101"]
    assert diff_of("story.md") == (
        "# statlint: story.md:1:100: G101 repair '120%' left out: the source of '1,2<b>00</b>%' holds markup\n"
        "# statlint: 0 repair(s) in the diff, 1 left out; 1 finding(s) in 1 file(s)\n")


def test_the_garbled_article_is_repaired_whole(repo):
    shutil.copy(ROOT / "fixtures" / "articles" / "kunpeng.txt", repo / "kunpeng.txt")
    git_apply(diff_of("kunpeng.txt"))
    assert "soared to 5.22 million units in 2023, a year-on-year increase of 57.4%" in \
        Path("kunpeng.txt").read_text("utf-8")
    assert rules_of("kunpeng.txt") == []


def test_overlapping_repairs_keep_the_first():
    """The engine never hands out two overlapping repairs; a library caller's results may still hold them.
    The first in file order (start, then end) is kept."""
    from statlint.checker.document import Document
    from statlint.checker.model import Finding, Severity, Span
    from statlint.checker.report import FileResult, render

    doc = Document("Sales rose 574% to 5.22 million.\n", path="a.txt")
    first = Finding("G101", "growth-rate-mismatch", "m", Span(11, 15), Severity.ERROR, suggestion="57.4%")
    second = Finding("P105", "implausible-rate", "m", Span(11, 14), Severity.WARNING, suggestion="5.74")
    out = render("diff", [FileResult("a.txt", document=doc, findings=(first, second))])
    assert out == ("# statlint: a.txt:1:12: G101 repair '57.4%' overlaps an earlier one; left out\n"
                   "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-Sales rose 574% to 5.22 million.\n"
                   "+Sales rose 5.74% to 5.22 million.\n"
                   "# statlint: 1 repair(s) in the diff, 1 left out; 2 finding(s) in 1 file(s)\n")


@pytest.mark.parametrize("ending, final", [("\r\n", "\r\n"), ("\n", ""), ("\r\n", "")])
def test_line_endings_and_a_missing_final_newline_survive(repo, ending, final):
    lines = ["Headline", "", "Revenue rose 574% to 5.22 million from 3.31 million.", "", "Costs fell."]
    Path("story.txt").write_bytes((ending.join(lines) + final).encode())
    patch = diff_of("story.txt")
    assert patch.count("\\ No newline at end of file\n") == (0 if final else 1)  # the last line is context
    git_apply(patch)
    fixed = Path("story.txt").read_bytes().decode()
    assert fixed == ending.join(lines).replace("574%", "57.4%") + final
    assert rules_of("story.txt") == []


def test_a_change_on_the_last_line_without_newline(repo):
    Path("story.txt").write_text("Intro.\n\nRevenue rose 574% to 5.22 million from 3.31 million.", encoding="utf-8")
    patch = diff_of("story.txt")
    assert patch.count("\\ No newline at end of file\n") == 2
    git_apply(patch)
    assert Path("story.txt").read_text("utf-8").endswith("rose 57.4% to 5.22 million from 3.31 million.")


def test_notices_and_several_files(repo):
    shutil.copy(FORMATS / "harbour.txt", repo / "a.txt")
    Path("clean.txt").write_text("Nothing to see.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "diff", str(repo / "a.txt"),
                                       "missing.txt", "clean.txt"])
    assert result.exit_code == 2
    assert "# statlint: missing.txt: IO001 no such file or directory\n" in result.stdout
    assert result.stdout.count("--- a/a.txt\n") == 1  # an absolute path inside the working tree is shown relative
    assert result.stdout.endswith("# statlint: 2 repair(s) in the diff, 0 left out; 3 finding(s) in 3 file(s)\n")
