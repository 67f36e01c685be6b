"""Choosing the reader: extension, --input-format, --stdin-filename; and `extract` on markup."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from statlint.checker.sources import INPUT_FORMATS, format_of, load

MD = b"---\ntitle: x 99%\n---\n# Sales\n\nRevenue rose 574% to 5.22 million from 3.31 million.\n"


@pytest.mark.parametrize("name, given, expected", [
    ("a.txt", None, "text"), ("a.TXT", None, "text"), ("a.md", None, "markdown"), ("a.markdown", None, "markdown"),
    ("a.html", None, "html"), ("a.HTM", None, "html"), ("a.xhtml", None, "html"), ("a.docx", None, "docx"),
    ("a.rst", None, "text"), ("noext", None, "text"), (None, None, "text"), ("<stdin>", None, "text"),
    ("a.md", "text", "text"), ("a.txt", "markdown", "markdown"), ("a.html", "docx", "docx"),
])
def test_format_by_extension_unless_given(name, given, expected):
    assert format_of(name, given) == expected


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown input format 'pdf'"):
        format_of("a.txt", "pdf")
    assert INPUT_FORMATS == ("text", "markdown", "html", "docx")


def test_plain_text_is_checked_as_it_is():
    loaded = load(b"Sales rose 5%.\r\n", "a.txt")
    assert loaded.text == loaded.original == "Sales rose 5%.\r\n" and loaded.offsets is None


def run(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(main, [*args], input=input)
    assert "Traceback" not in result.output
    return result


@pytest.mark.needs_rules
def test_input_format_overrides_the_extension(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(MD)
    as_text = json.loads(run("check", "--no-config", "--format", "json", str(path)).stdout)["files"][0]
    as_md = json.loads(run("check", "--no-config", "--format", "json", "--input-format", "markdown",
                           str(path)).stdout)["files"][0]
    assert [f["rule"] for f in as_text["findings"]] == [f["rule"] for f in as_md["findings"]] == ["G101"]
    assert as_md["findings"][0]["start"] == as_text["findings"][0]["start"] == MD.index(b"574%")
    assert as_md["findings"][0]["line"] == 6


def test_a_bad_input_format_is_a_usage_error(tmp_path):
    result = run("check", "--no-config", "--input-format", "pdf", "-")
    assert result.exit_code == 2 and "Invalid value for '--input-format'" in result.output + result.stderr


@pytest.mark.needs_rules
def test_stdin_without_a_name_is_plain_text():
    report = json.loads(run("check", "--no-config", "--format", "json", "-", input=MD).stdout)["files"][0]
    assert report["path"] == "<stdin>" and report["findings"][0]["start"] == MD.index(b"574%")


@pytest.mark.needs_rules
def test_stdin_filename_names_the_input_in_every_report():
    result = run("check", "--no-config", "--stdin-filename", "drafts/story.md", "-", input=MD)
    assert result.output.startswith("drafts/story.md:6:14: G101 ")


@pytest.mark.needs_rules
def test_extract_offsets_point_into_the_markup_file(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(MD)
    report = json.loads(run("extract", "--format", "json", str(path)).stdout)["files"][0]
    text = MD.decode()
    quantities = {q["text"]: q for q in report["quantities"]}
    assert "99%" not in quantities  # front matter is not read
    for surface in ("574%", "5.22 million", "3.31 million"):
        q = quantities[surface]
        assert text[q["start"]:q["end"]] == surface


@pytest.mark.needs_rules
def test_check_bytes_is_a_file_check_without_a_file():
    """The entry point for uploads and archive records: bytes and a name in, the FileResult of a file out."""
    from pathlib import Path

    from statlint.checker.cli import check_bytes
    from statlint.checker.config import Settings

    data = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "harbour.html").read_bytes()
    result = check_bytes(data, "upload.html", Settings())
    assert result.path == "upload.html" and result.input_format == "html" and result.notices == ()
    assert [(f.rule, f.text) for f in result.findings] == [
        ("G101", "1,200%"), ("S101", "4&#44;200"), ("G102", "fell")]
    assert all(f.text == result.document.text[f.span.start:f.span.end] for f in result.findings)
    assert [(f.line, f.column) for f in result.findings] == [(35, 29), (41, 28), (44, 13)]
    broken = check_bytes(b"not a zip", "upload.docx", Settings())
    assert broken.findings == () and broken.error.startswith("upload.docx is not a Word .docx file")
