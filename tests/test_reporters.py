"""Reporters on hand-built findings: positions, excerpts, escaping, the JSON contract."""
from __future__ import annotations

import json
import math

import pytest

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Quantity, Related, Severity, Span
from statlint.checker.notices import Notice
from statlint.checker.report import FileResult, render, summarize
from statlint.checker.report.json_report import render_extract_json
from statlint.checker.report.text import render_text, visible


def finding(start, end, rule="G101", severity=Severity.ERROR, **kw):
    kw.setdefault("message", "a 574% rise would give over 20 million, not 5.22 million")
    return Finding(rule=rule, name=kw.pop("name", "growth-rate-mismatch"), span=Span(start, end),
                   severity=severity, **kw)


def result(text, *findings, path="a.txt"):
    return FileResult(path, Document(text, path=path), tuple(findings))


def strict_json(s: str):
    def no_constants(name):
        raise AssertionError(f"non-standard JSON constant {name}")

    return json.loads(s, parse_constant=no_constants)


# --- text --------------------------------------------------------------------------

def test_text_block_layout():
    text = "Intro line.\nSales up 574% to 5.22 million.\n"
    start = text.index("574%")
    out = render_text([result(text, finding(start, start + 4, suggestion="57.4%"))])
    lines = out.splitlines()
    assert lines[0] == "a.txt:2:10: G101 a 574% rise would give over 20 million, not 5.22 million [growth-rate-mismatch]"
    assert lines[1] == "    Sales up 574% to 5.22 million."
    assert lines[2] == "             ^^^^"
    assert lines[3] == "  suggestion: 57.4%"
    assert lines[4] == "Found 1 finding (1 error) in 1 file."


def test_caret_alignment_after_wide_characters():
    text = "销量增长574%，达到"
    start = text.index("574%")
    lines = render_text([result(text, finding(start, start + 4))]).splitlines()
    assert lines[1] == "    " + text
    assert lines[2] == "    " + " " * 8 + "^^^^"  # four CJK characters are two columns each


def test_crlf_is_not_shown_and_multiline_span_underlines_to_line_end():
    text = "up 5%\r\nto 9\r\n"
    lines = render_text([result(text, finding(3, 10))]).splitlines()
    assert lines[1] == "    up 5%" and lines[2] == "       ^^"


def test_control_and_bidi_characters_are_rendered_visibly():
    text = "a\x1b[31m 50%\u202e\x00"
    f = finding(8, 11, message="bad\x1b]0;title\x07", suggestion="x\x1by")
    out = render_text([result(text, f, path="evil\x1b.txt")], color=False)
    assert "\x1b" not in out and "\x07" not in out and "\x00" not in out and "\u202e" not in out
    assert "evil␛.txt:1:9:" in out
    assert "bad␛]0;title␇" in out
    assert "a␛[31m 50%\\u202e␀" in out
    assert "suggestion: x␛y" in out


def test_invisible_characters_in_a_snippet_are_shown_as_escapes():
    """RELIABILITY A.8: a zero width space or soft hyphen inside a figure must be seen in the snippet."""
    text = "Sales of 1\u200b000 and 4.\u00ad5 and \ufeff7\u2060%"
    out = render_text([result(text, finding(9, 14))], color=False)
    excerpt, carets = out.splitlines()[1:3]
    assert excerpt.endswith("Sales of 1\\u200b000 and 4.\\u00ad5 and \\ufeff7\\u2060%")
    assert carets.index("^") == excerpt.index("1\\u200b") and carets.count("^") == len("1\\u200b000")


def test_visible_keeps_ordinary_text():
    assert visible("5.22 million, 销量 — “quoted”\u00a0ok") == "5.22 million, 销量 — “quoted”\u00a0ok"
    assert visible("tab\there") == "tab␉here"


def test_long_line_is_cut_to_a_window():
    text = "x" * 1_000_000 + " 574% " + "y" * 1_000_000
    start = text.index("574%")
    lines = render_text([result(text, finding(start, start + 4))]).splitlines()
    assert max(map(len, lines)) < 300
    excerpt, carets = lines[1], lines[2]
    assert excerpt.startswith("    …") and excerpt.endswith("…")
    assert excerpt[carets.index("^"):carets.index("^") + 4] == "574%"


def test_huge_span_is_underlined_within_the_window():
    text = "1," * 100_000
    lines = render_text([result(text, finding(0, len(text)))]).splitlines()
    assert max(map(len, lines)) < 300 and lines[2].strip("^ ") == ""


def test_colour_only_when_asked():
    res = [result("up 574%", finding(3, 7, suggestion="57.4%"))]
    assert "\x1b" not in render_text(res, color=False)
    coloured = render_text(res, color=True)
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured


def test_errors_and_summary_wording():
    res = [
        FileResult("bad.txt", notices=(Notice("IO003", "binary file skipped (a NUL byte at offset 3)"),)),
        result("up 5% and 6%", finding(3, 5), finding(10, 12, rule="P201", severity=Severity.WARNING)),
        FileResult("b.txt", document=Document("calm"),
                   notices=(Notice("IO002", "not valid UTF-8 at byte 2 (0xff)", fatal=False, offset=2),)),
    ]
    out = render_text(res).splitlines()
    assert out[0] == "bad.txt: fatal notice: IO003 binary file skipped (a NUL byte at offset 3) [binary-skipped]"
    assert "b.txt: notice: IO002 not valid UTF-8 at byte 2 (0xff) [lossy-decode]" in out
    assert out[-1] == ("Found 2 findings (1 error, 1 warning) in 2 files. 1 file could not be fully checked. "
                       "1 notice (checked all the same).")
    assert render_text([result("calm")]).strip() == "No findings in 1 file."


def test_empty_document_and_empty_span():
    out = render_text([result("", finding(0, 0))])
    assert out.splitlines()[0].startswith("a.txt:1:1: G101")


# --- json --------------------------------------------------------------------------

def test_json_finding_fields():
    text = "Line one.\n“Sales rose 574%”\nto 5.22 million."
    start = text.index("574%")
    base = text.index("5.22 million")
    f = finding(start, start + 4, confidence=0.9351, suggestion="57.4%", in_quote=True,
                related=(Related("new", Span(base, base + 12), "5.22 million"),), fingerprint="G101:abc")
    data = strict_json(render("json", [result(text, f)]))
    assert data["version"] == 1 and data["tool"] == {"name": "statlint", "version": "0.1.0"}
    got = data["files"][0]["findings"][0]
    assert got == {
        "rule": "G101", "name": "growth-rate-mismatch", "severity": "error", "confidence": 0.94,
        "message": f.message, "start": start, "end": start + 4, "line": 2, "column": 13,
        "end_line": 2, "end_column": 17, "text": "574%", "suggestion": "57.4%",
        "related": [{"role": "new", "start": base, "end": base + 12, "text": "5.22 million"}],
        "fingerprint": "G101:abc", "in_quote": True,
    }
    assert list(got) == list(got.keys())  # insertion order is the documented order
    assert list(data["files"][0]) == ["path", "error", "notices", "findings"]


def test_json_end_position_is_of_the_exclusive_end():
    text = "ab\ncd\n"
    got = strict_json(render("json", [result(text, finding(1, 5))]))["files"][0]["findings"][0]
    assert (got["line"], got["column"], got["end_line"], got["end_column"]) == (1, 2, 2, 3)
    got = strict_json(render("json", [result(text, finding(0, 2))]))["files"][0]["findings"][0]
    assert (got["end_line"], got["end_column"]) == (1, 3)  # the newline itself is not included


def test_json_fills_missing_fingerprint_and_severities_lowercase():
    res = [result("x 5% y", finding(2, 4, severity=Severity.INFO, rule="C301", name="c"))]
    got = strict_json(render("json", res))["files"][0]["findings"][0]
    assert got["severity"] == "info" and got["fingerprint"].startswith("C301:")
    assert got["suggestion"] is None and got["related"] == []


def test_json_summary_counts_files_with_errors():
    res = [
        FileResult("bad.txt", notices=(Notice("IO003", "binary file skipped", offset=9),)),
        result("1 2 3", finding(0, 1), finding(2, 3), finding(4, 5, rule="Q001")),
    ]
    data = strict_json(render("json", res))
    assert data["summary"] == {"files": 2, "checked": 1, "skipped": 0, "findings": 3, "failed": 1, "notices": 1,
                               "by_severity": {"error": 3}, "by_rule": {"G101": 2, "Q001": 1}}
    assert data["files"][0] == {"path": "bad.txt", "error": "binary file skipped", "findings": [], "notices": [
        {"code": "IO003", "name": "binary-skipped", "message": "binary file skipped", "fatal": True, "offset": 9}]}
    assert summarize(res).by_severity == {"error": 3}


def test_json_never_emits_nan_or_infinity():
    res = [result("5%", finding(0, 2, confidence=math.nan))]
    assert strict_json(render("json", res))["files"][0]["findings"][0]["confidence"] is None


def test_extract_json_bounds():
    q = Quantity(Span(10, 19), "3 million", 3e6, 3e6, math.inf, bound=">")
    neg = Quantity(Span(0, 3), "-5%", -5.0, -math.inf, -5.0, unit="percent", kind="change", bound="<")
    facts = Facts(quantities=(q, neg), skipped=(Span(30, 34),))
    binary = Notice("IO003", "binary file skipped")
    data = strict_json(render_extract_json([("a.txt", facts, (), []), ("b.txt", None, (binary,), [])]))
    assert data == {"version": 1, "files": [
        {"path": "a.txt", "error": None, "notices": [], "not_read": [{"start": 30, "end": 34}], "quantities": [
            {"start": 10, "end": 19, "text": "3 million", "value": 3e6, "low": 3e6, "high": None,
             "unit": "count", "kind": "level", "bound": ">"},
            {"start": 0, "end": 3, "text": "-5%", "value": -5.0, "low": None, "high": -5.0,
             "unit": "percent", "kind": "change", "bound": "<"}], "measurements": []},
        {"path": "b.txt", "error": "binary file skipped", "quantities": [], "not_read": [], "measurements": [],
         "notices": [binary.as_dict()]}]}


def test_extract_json_measurements_span_their_members():
    a = Quantity(Span(5, 9), "4.5", 4.5, 4.45, 4.55, unit="kilogram")
    b = Quantity(Span(11, 12), "6", 6.0, 5.5, 6.5, unit="kilogram")
    c = Quantity(Span(17, 22), "13 kg", 13.0, 12.5, 13.5, unit="kilogram")
    data = strict_json(render_extract_json([("a.txt", Facts(quantities=(a, b, c)), (), [(0, 2)])]))
    assert data["files"][0]["measurements"] == [{"start": 5, "end": 22, "members": [0, 1, 2]}]


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError):
        render("xml", [])


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "annotate", "github", "checkstyle"])
def test_streaming_formats_write_a_file_before_the_next_is_checked(fmt):
    """RELIABILITY E.43: the CLI hands reports a generator that checks a file when asked for it; these formats
    must give out each file's part before asking for the next, so a long walk never piles up in memory."""
    from statlint.checker.report import stream

    pulled = []

    def results():
        for i in range(3):
            pulled.append(i)
            yield result("growth FIRE", finding(0, 6), path=f"file{i}.txt")

    pieces = stream(fmt, results())
    out = ""
    while "file0.txt" not in out:
        out += next(pieces)
    assert pulled == [0]
    rest = "".join(pieces)
    assert pulled == [0, 1, 2] and "file2.txt" in rest
