"""The Markdown, HTML and Word twins of one plain-text article (fixtures/formats/harbour.*).

Each twin must give the same findings as the text (codes, messages,
suggestions), and each finding and related span must quote the right
characters of the original file: the same characters for Markdown, the same
once entities are decoded and white space collapsed for HTML, and for .docx
the paragraph number as the line and the offset inside the paragraph as the
column. What the twins add (front matter, code, comments, navigation,
scripts, figures, footers, a table) holds figures that would raise findings
if they were read as prose, so "the same findings" also says they were left out.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from statlint.checker.sources import load

pytestmark = pytest.mark.needs_rules

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
TWIN = FORMATS / "harbour.txt"
MARKUP = ["harbour.md", "harbour.html", "harbour.docx"]


def check_json(*args: str, input: bytes | None = None) -> dict:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", *args], input=input)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["files"][0]


def _essentials(report: dict) -> list[tuple]:
    return [(f["rule"], f["message"], f["suggestion"], f["severity"]) for f in report["findings"]]


@pytest.fixture(scope="module")
def twin() -> dict:
    return check_json(str(TWIN))


def test_the_twin_has_the_planted_findings(twin):
    assert [(f["rule"], f["text"], f["suggestion"]) for f in twin["findings"]] == [
        ("G101", "1,200%", "120%"), ("S101", "4,200", None), ("G102", "fell", "rose")]


@pytest.mark.parametrize("name", MARKUP)
def test_markup_twin_gives_the_same_findings_as_the_text(twin, name):
    report = check_json(str(FORMATS / name))
    assert report["notices"] == [] and report["error"] is None
    assert _essentials(report) == _essentials(twin)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name", ["harbour.md", "harbour.html"])
def test_markup_findings_quote_the_original_file(twin, name):
    """start/end/line/column point into the .md or .html file itself, related spans too."""
    original = (FORMATS / name).read_text(encoding="utf-8")
    plain = TWIN.read_text(encoding="utf-8")
    report = check_json(str(FORMATS / name))
    readable = (lambda s: s) if name.endswith(".md") else (lambda s: _collapse(html.unescape(s)))
    for got, want in zip(report["findings"], twin["findings"]):
        start, end = got["start"], got["end"]
        assert readable(original[start:end]) == plain[want["start"]:want["end"]] == want["text"]
        assert got["text"] == original[start:end]
        assert (got["line"], got["column"]) == _line_col(original, start)
        assert (got["end_line"], got["end_column"]) == _line_col(original, end)
        for rel_got, rel_want in zip(got["related"], want["related"]):
            quoted = readable(original[rel_got["start"]:rel_got["end"]])
            assert _collapse(quoted) == plain[rel_want["start"]:rel_want["end"]]


def test_html_entity_in_a_figure_maps_to_the_whole_reference():
    original = (FORMATS / "harbour.html").read_text(encoding="utf-8")
    s101 = next(f for f in check_json(str(FORMATS / "harbour.html"))["findings"] if f["rule"] == "S101")
    assert original[s101["start"]:s101["end"]] == "4&#44;200"


def test_docx_findings_report_paragraph_and_offset(twin):
    """line = paragraph number (headline 1), column = 1 + offset inside the paragraph; text = the paragraph's."""
    paragraphs = TWIN.read_text(encoding="utf-8").split("\n\n")
    plain = TWIN.read_text(encoding="utf-8")
    report = check_json(str(FORMATS / "harbour.docx"))
    for got, want in zip(report["findings"], twin["findings"]):
        number = plain.count("\n\n", 0, want["start"]) + 1
        offset = want["start"] - (plain.rfind("\n\n", 0, want["start"]) + 2 if number > 1 else 0)
        assert (got["line"], got["column"]) == (number, offset + 1)
        assert got["end_line"] == number and got["end_column"] == offset + 1 + len(want["text"])
        assert got["text"] == want["text"] == paragraphs[number - 1][offset:offset + len(want["text"])]


def test_docx_text_is_its_paragraphs_as_lines_with_table_cells_in_order():
    loaded = load((FORMATS / "harbour.docx").read_bytes(), "harbour.docx")
    paragraphs = [p.strip() for p in TWIN.read_text(encoding="utf-8").split("\n\n")]
    cells = ["Cargo", "2023", "2024", "Containers (million TEU)", "1.2", "2.64", "Bulk (million tonnes)", "28.8",
             "31.2"]
    assert loaded.original.split("\n") == paragraphs + cells
    assert loaded.text == "\n\n".join(paragraphs + cells)
    assert loaded.input_format == "docx" and loaded.notices == ()


def test_committed_docx_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("make_docx", FORMATS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(TWIN.read_text(encoding="utf-8"))
    assert built == (FORMATS / "harbour.docx").read_bytes(), "run: python fixtures/formats/make_docx.py"


@pytest.mark.parametrize("name", ["harbour.md", "harbour.html"])
def test_stdin_with_a_filename_reads_the_format_of_its_extension(twin, name):
    data = (FORMATS / name).read_bytes()
    report = check_json("-", "--stdin-filename", name, input=data)
    assert report["path"] == name
    assert _essentials(report) == _essentials(twin)
    from_file = check_json(str(FORMATS / name))
    assert [(f["start"], f["end"]) for f in report["findings"]] == [(f["start"], f["end"]) for f in
                                                                    from_file["findings"]]


def test_stdin_docx_with_a_filename():
    report = check_json("-", "--stdin-filename", "story.docx", input=(FORMATS / "harbour.docx").read_bytes())
    assert report["path"] == "story.docx" and [f["line"] for f in report["findings"]] == [3, 4, 5]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_related_numbers_quote_the_original_too():
    original = (FORMATS / "harbour.html").read_text(encoding="utf-8")
    g101 = check_json(str(FORMATS / "harbour.html"))["findings"][0]
    assert [(r["role"], r["text"]) for r in g101["related"]] == [("base", "1.2&nbsp;million"),
                                                                 ("new", "2.64 million")]
    assert all(original[r["start"]:r["end"]] == r["text"] for r in g101["related"])
