"""Markdown reader (checker/sources/markdown.py): what is prose, what is not, and the map back."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from statlint.checker.cli import main
from statlint.checker.model import Span
from statlint.checker.sources.markdown import markdown_text
from statlint.checker.sources.offsets import OffsetMap


def prose(source: str) -> str:
    text, offsets = markdown_text(source)
    assert_maps_back(source, text, offsets)
    return text


def assert_maps_back(source: str, text: str, offsets: OffsetMap) -> None:
    """Every copied piece of the text is the source's characters where the map says they came from."""
    starts = offsets.text_starts + (len(text),)
    for i, copied in enumerate(offsets.copied):
        piece = text[starts[i]:starts[i + 1]]
        if copied:
            assert source[offsets.orig_starts[i]:offsets.orig_ends[i]] == piece
        assert 0 <= offsets.orig_starts[i] <= offsets.orig_ends[i] <= len(source)
    assert offsets.text_length == len(text)


@pytest.mark.parametrize("source, expected", [
    ("---\ntitle: Up 50% to 300 from 100\n---\nSales rose 5%.\n", "Sales rose 5%.\n"),
    ("+++\nyear = 2024\n+++\nSales rose 5%.\n", "Sales rose 5%.\n"),
    ("---\nno closing line\nSales rose 5%.\n", "\nno closing line\nSales rose 5%.\n"),  # a rule, not front matter
    ("Text.\n\n```\nrose 50% to 300 from 100\n```\n\nMore.", "Text.\n\n\n\n\n\nMore."),
    ("Text.\n\n~~~python\nx = 12345\n~~~\nMore.", "Text.\n\n\n\n\nMore."),
    ("Text.\n\n```\nnever closed 999\nstill code 888", "Text.\n\n\n\n"),
    ("Text.\n\n    indented 777\n    code 666\n\nMore.", "Text.\n\n\n\n\nMore."),
    ("A `12345` span and ``x ` 99`` too.", "A  span and  too."),
    ("Unmatched ` backtick 5%.", "Unmatched ` backtick 5%."),
    ("The [report](https://x.example/2024/4200 \"4,200 calls\") says 5%.", "The report says 5%."),
    ("The [report](<https://x.example/a b 99>) says.", "The report says."),
    ("A ![chart 2019: 80%](img/2019.png) here.", "A  here."),
    ("[![logo 99](l.png)](https://x.example/7)", ""),
    ("See [the plan][p] and [p].\n\n[p]: https://x.example/900 \"Plan 900\"\n", "See the plan and p.\n\n\n"),
    ("Footnote[^12] here.\n\n[^12]: Source 2024.\n", "Footnote here.\n\n Source 2024.\n"),
    ("Hidden <!-- 999 --> text.", "Hidden  text."),
    ("Hidden <!--\nrose 50% to 300\n--> text.", "Hidden  text."),
    ("Tags <span class=\"x-100\">5%</span> <br/>done.", "Tags 5% done."),
    ("Before\n<script>var x = 4200;</script>\nafter.", "Before\n\nafter."),
    ("Link <https://x.example/2024/99> and <a@b.example>.", "Link  and ."),
    ("Sales &amp; costs rose &#37; &euro;5 &bogus; here.", "Sales & costs rose % €5 &bogus; here."),
    ("Escaped \\*stars\\* and \\[brackets\\].", "Escaped stars and [brackets]."),
    ("**5.2%** and *3 million* and __bold__ and ~~2%~~.", "5.2% and 3 million and bold and 2%."),
    ("Keep 3*4, 5 * 3 and snake_case_name.", "Keep 3*4, 5 * 3 and snake_case_name."),
])
def test_prose_is_kept_and_the_rest_left_out(source, expected):
    assert prose(source) == expected


@pytest.mark.parametrize("source, expected", [
    ("# Sales up 5%\nBody text.", "Sales up 5%\n\nBody text."),
    ("Intro line\n## Heading ##\nBody.", "Intro line\n\nHeading\n\nBody."),
    ("#5 seller\n", "#5 seller\n"),  # no space after '#': not a heading
    ("Title\n=====\nBody.", "Title\n\nBody."),
    ("Title\n---\nBody.", "Title\n\nBody."),
    ("Intro:\n- first 5%\n- second 7%\n", "Intro:\n\nfirst 5%\n\nsecond 7%\n"),
    ("Intro:\n1. first\n2. second\n", "Intro:\n\nfirst\n\nsecond\n"),
    ("It grew in\n2023. That year sales rose.", "It grew in\n2023. That year sales rose."),  # not a list mid-paragraph
    ("> Quoted 5%\n> and more.", "Quoted 5%\nand more."),
    ("Above\n\n* * *\n\nBelow", "Above\n\n\n\nBelow"),
])
def test_block_markers_go_and_items_and_headings_are_paragraphs(source, expected):
    assert prose(source) == expected


def test_table_cells_are_separated_and_rows_are_paragraphs():
    source = "Intro\n| Region | 2023 | 2024 |\n|---|---:|---|\n| Asia | 5 | 6 |\nAfter"
    assert prose(source) == "Intro\n\n Region   2023   2024 \n\n Asia   5   6 \n\nAfter"


def test_offsets_point_into_the_source():
    source = "---\nx: 1\n---\n# Head\n\nThe **[report](http://x/99)** says sales rose 5% &amp; more."
    text, offsets = markdown_text(source)
    at = text.index("5%")
    span = offsets.span(Span(at, at + 2))
    assert source[span.start:span.end] == "5%"
    at = text.index("&")
    span = offsets.span(Span(at, at + 1))
    assert source[span.start:span.end] == "&amp;"
    at = text.index("report says")
    span = offsets.span(Span(at, at + len("report says")))
    assert source[span.start:span.end] == "report](http://x/99)** says"
    assert not offsets.is_copied(Span(at, at + len("report says")))
    assert offsets.is_copied(Span(text.index("5%"), text.index("5%") + 2))


def _check(tmp_path, name: str, content: str) -> dict:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", str(tmp_path / name)])
    return json.loads(result.stdout)["files"][0]


@pytest.mark.needs_rules
def test_suppression_comment_still_silences_the_paragraph_below(tmp_path):
    body = "Revenue rose 574% to 5.22 million from 3.31 million.\n"
    loud = _check(tmp_path, "loud.md", "# Results\n\n" + body)
    assert [f["rule"] for f in loud["findings"]] == ["G101"]
    quiet = _check(tmp_path, "quiet.md", "# Results\n\n<!-- statlint: disable G101 -- checked -->\n" + body)
    assert quiet["findings"] == []
    listed = _check(tmp_path, "list.md", "# Results\n\n<!-- statlint: disable G101 -->\n- " + body)
    assert listed["findings"] == []


@pytest.mark.needs_rules
def test_numbers_in_code_and_link_targets_raise_nothing(tmp_path):
    content = ("Plain intro.\n\n```\nRevenue rose 574% to 5.22 million from 3.31 million.\n```\n\n"
               "See `rose 574% to 5.22 million from 3.31 million` and "
               "[the note](https://x.example/rose-574%25-to-5.22-million-from-3.31-million).\n")
    assert _check(tmp_path, "code.md", content)["findings"] == []


# Pathological nesting and unbalanced markup (RELIABILITY A: adversarial text): each must finish promptly
# (every step is a bounded regex or a C-level search); the hang guard of the full suite would catch a hang.
PATHOLOGICAL = [
    "[" * 100_000 + "x](y)",
    "[a](" * 50_000,
    "](x)" * 50_000,
    ">" * 100_000 + " deep quote 5%",
    "> " * 50_000 + "deep quote 5%",
    "- " * 50_000 + "deep list 5%",
    "`` ` " * 40_000,
    "*_" * 100_000,
    "<!--" * 50_000 + " 5%",
    "<a " * 50_000,
    "&#" * 100_000,
    "\\" * 100_000,
    "|" * 100_000 + "\n|---|\n" + "|" * 100_000,
    ("```\n" * 50_000),
    ("[x]: y\n" * 20_000) + "[x]" * 20_000,
]


@pytest.mark.parametrize("source", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_markdown_is_read_in_linear_time(source):
    text, offsets = markdown_text(source)
    assert_maps_back(source, text, offsets)


_TOKENS = list("ab 5%.,-*_`[]()<>!#|&;:\n\\~=+\"'\t") + ["<!--", "-->", "```", "](", "&amp;", "<!-- statlint: off -->",
                                                            "    ", "---\n", "1. ", "> ", "[x]: y\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=300).map("".join))
def test_any_text_reads_and_maps_back(source):
    text, offsets = markdown_text(source)
    assert_maps_back(source, text, offsets)
    for i in range(len(text) + 1):
        span = offsets.span(Span(i, min(i + 3, len(text))))
        assert 0 <= span.start <= span.end <= len(source)


@pytest.mark.parametrize("source", [">" * 30 + " Sales rose 12%.", "> " * 10_000 + "Sales rose 12%.",
                                    "".join("  " * i + "- level\n" for i in range(30)) + "  " * 30 + "- Sales rose 12%."])
def test_deep_nesting_keeps_its_text(source):
    """RELIABILITY 30: markdown-it-py drops "12%" nested 20 deep (CommonMark preset); here nothing is dropped."""
    assert prose(source).endswith("Sales rose 12%.")


def test_the_headline_is_the_first_line_after_front_matter():
    assert prose("---\ntitle: x\n---\n\n\n# SALES UP 5%\n\nBody.") == "SALES UP 5%\n\n\nBody."
