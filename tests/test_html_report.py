"""`--format html`: the annotated page, read back with an HTML parser, with exact pieces and spans.

What must hold: each finding is highlighted over exactly its text (cut into
pieces where findings overlap or lines break, each piece under every
finding that covers it), related numbers are marked with their finding's
key, the cards carry message, suggestion and roles, the summary counts are
right, and nothing from the input ever becomes markup or script.
"""
from __future__ import annotations

import json
import pathlib
from html.parser import HTMLParser

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from test_cli import run, tree  # noqa: F401  (tree is a pytest fixture)
from statlint.checker.document import Document
from statlint.checker.model import Finding, Related, Severity, Span
from statlint.checker.report import FileResult, render, stream
from statlint.checker.report.html import story
from statlint.checker.report.html_assets import VIEWER_JS

ARTICLES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "articles"
HOSTILE = 'Sales <script>window.pwned=1</script> rose "><img src=x onerror="window.pwned=2"> 50% & more'


def finding(start, end, code="X901", severity=Severity.ERROR, message="fake finding", related=(), suggestion=None):
    return Finding(rule=code, name="fake-" + code.lower(), message=message, span=Span(start, end),
                   severity=severity, related=related, suggestion=suggestion)


class Page(HTMLParser):
    """Elements with their attributes and the text directly under each, plus every script's body."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.scripts: list[str] = []
        self.text_of: dict[int, str] = {}
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag not in ("meta", "img", "input", "br"):
            self.stack.append((tag, attributes, []))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, attributes, text = self.stack.pop()
            joined = "".join(text)
            if open_tag == "script":
                self.scripts.append(joined)
            self.text_of[id(attributes)] = joined
            if self.stack:
                self.stack[-1][2].append(joined)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)

    def find(self, tag=None, cls=None, **attrs):
        return [a for t, a in self.elements if (tag is None or t == tag)
                and (cls is None or cls in a.get("class", "").split())
                and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def text(self, attributes) -> str:
        return self.text_of[id(attributes)]


def pieces(html_story: str) -> list[tuple[str, str]]:
    """(text, class) of each top-level piece of each line: plain text has class ''."""
    page = Page(html_story)
    out = []
    for tag, a in page.elements:
        if tag in ("mark", "span") and "cc" not in a.get("class", ""):
            out.append((page.text(a), a["class"]))
    return out


def test_one_finding_is_one_mark_over_exactly_its_text():
    text = "ab FIRE cd"
    out = story(text, Document(text).line_starts, [("0-0", finding(3, 7, message="3 × 2 = 6, not 7"))])
    assert out == ('<div class="l" data-n="1">ab <mark class="hl error f-0-0" data-f="0-0" tabindex="0" '
                   'title="X901 3 × 2 = 6, not 7" aria-describedby="msg-0-0">FIRE</mark> cd</div>')


def test_overlapping_findings_are_cut_into_pieces_under_every_finding_that_covers_them():
    text = "0123456789AB"
    keyed = [("0-0", finding(2, 8)), ("0-1", finding(5, 10, code="X902", severity=Severity.WARNING))]
    out = story(text, Document(text).line_starts, keyed)
    assert pieces(out) == [("234", "hl error f-0-0"), ("567", "hl error f-0-0 f-0-1 multi"),
                           ("89", "hl warning f-0-1")]
    page = Page(out)
    assert [m.get("tabindex") for m in page.find("mark")] == ["0", "0", None]  # where each finding starts
    assert page.find("mark")[1]["aria-describedby"] == "msg-0-0 msg-0-1"
    assert page.text(page.find("div")[0]) == text


def test_nested_finding_splits_the_outer_one():
    text = "a growth of 574% here"
    keyed = [("0-0", finding(2, 16)), ("0-1", finding(12, 16, code="G101"))]
    assert pieces(story(text, Document(text).line_starts, keyed)) == [
        ("growth of ", "hl error f-0-0"), ("574%", "hl error f-0-0 f-0-1 multi")]


def test_related_numbers_are_marked_with_their_finding_and_index_inside_or_outside_marks():
    text = "from 120 to 150, up 50%"
    related = (Related("base", Span(5, 8), "120"), Related("new", Span(12, 15), "150"))
    out = story(text, Document(text).line_starts, [("2-0", finding(20, 23, related=related))])
    assert pieces(out) == [("120", "rel r-2-0-0"), ("150", "rel r-2-0-1"), ("50%", "hl error f-2-0")]
    # a related number that is itself inside a finding is one piece with both
    both = story(text, Document(text).line_starts,
                 [("0-0", finding(12, 15)), ("0-1", finding(20, 23, related=(Related("new", Span(12, 15), "150"),)))])
    assert pieces(both)[0] == ("150", "hl error f-0-0 rel r-0-1-0")


def test_a_finding_across_lines_is_a_piece_per_line_and_lines_keep_their_numbers():
    text = "one two\r\nthree four\nfive"
    out = story(text, Document(text).line_starts, [("0-0", finding(4, 14))])
    page = Page(out)
    assert [d["data-n"] for d in page.find("div")] == ["1", "2", "3"]
    assert pieces(out) == [("two", "hl error f-0-0"), ("three", "hl error f-0-0")]
    assert [m.get("tabindex") for m in page.find("mark")] == ["0", None]
    assert [page.text(d) for d in page.find("div")] == ["one two", "three four", "five"]


def test_a_finding_with_no_width_or_only_a_line_break_is_a_caret_mark():
    text = "ab\ncd"
    out = story(text, Document(text).line_starts, [("0-0", finding(2, 3)), ("0-1", finding(5, 5))])
    assert pieces(out) == [("", "hl error f-0-0 pt"), ("", "hl error f-0-1 pt")]
    page = Page(out)
    assert [page.text(d) for d in page.find("div")] == ["ab", "cd"]


def test_spans_past_the_end_of_the_text_are_clipped():
    text = "abc"
    assert pieces(story(text, Document(text).line_starts, [("0-0", finding(1, 99))])) == [("bc", "hl error f-0-0")]


def test_invisible_and_reordering_characters_are_visible_stand_ins():
    text = "5\u200b000 and \u202eevil\x1b"
    out = story(text, Document(text).line_starts, [("0-0", finding(0, 5))])
    assert "\u200b" not in out and "\u202e" not in out and "\x1b" not in out
    page = Page(out)
    assert [(page.text(s), s["title"]) for s in page.find("span", cls="cc")] == [
        ("\\u200b", "U+200B"), ("\\u202e", "U+202E"), ("\u241b", "U+001B")]


def test_the_final_line_break_adds_no_empty_line():
    text = "ab\n"
    assert [d["data-n"] for d in Page(story(text, Document(text).line_starts, [("0-0", finding(0, 2))])).find("div")] \
        == ["1"]


def _hostile_results():
    text = HOSTILE
    start = text.index("50%")
    bad = Finding(rule="X901", name="fake<b>", message='quoted "<script>alert(1)</script>"', span=Span(start, start + 3),
                  severity=Severity.ERROR, suggestion="</ins><script>window.pwned=3</script>",
                  related=(Related('role"><svg onload=x>', Span(6, 14), "<script>"),))
    return [FileResult('<img src=x onerror="window.pwned=4">.txt', Document(text), (bad,))]


def test_nothing_from_the_input_becomes_markup():
    out = render("html", _hostile_results())
    page = Page(out)
    assert page.scripts == [VIEWER_JS]  # our script, and no other
    assert not page.find("img") and not page.find("svg")
    assert not [a for _, a in page.elements for k in a if k.startswith("on")]
    assert "window.pwned" in out and "<script>window" not in out and "<img" not in out
    assert [page.text(d) for d in page.find("div", cls="l")] == [HOSTILE]
    assert "&lt;/script&gt; rose &quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt; " in out
    (card,) = page.find("li", cls="card")
    assert page.text(page.find("p", cls="msg")[0]) == 'quoted "<script>alert(1)</script>"'
    assert page.text(page.find("ins")[0]) == "</ins><script>window.pwned=3</script>"
    assert page.text(page.find("span", cls="role")[0]) == 'role"><svg onload=x>'


def test_the_page_loads_nothing_and_allows_only_its_own_script_and_style():
    out = render("html", _hostile_results())
    (policy,) = Page(out).find("meta", http_equiv="Content-Security-Policy")
    rules = dict(part.split(" ", 1) for part in policy["content"].split("; "))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'none'"
    assert rules["script-src"].startswith("'sha256-") and " " not in rules["script-src"]
    page = Page(out)
    assert not page.find("link") and not [a for _, a in page.elements if "src" in a]
    assert [a["href"] for a in page.find("a")] == ["#file-0"]


def test_cards_carry_message_suggestion_roles_and_location():
    text = "Imports rose 50% to 150 units from 120 units."
    related = (Related("new", Span(20, 23), "150"), Related("base", Span(35, 38), "120"))
    f = finding(13, 16, code="G101", message="a 50% rise from 120 would give 180, not 150", related=related,
                suggestion="25%")
    page = Page(render("html", [FileResult("a.txt", Document(text), (f,))]))
    (card,) = page.find("li", cls="card")
    assert (card["data-f"], card["class"], card["id"]) == ("0-0", "card error", "card-0-0")
    assert page.text(page.find("p", cls="msg")[0]) == "a 50% rise from 120 would give 180, not 150"
    assert page.text(page.find("p", cls="fix")[0]) == "Suggested: 50% → 25%"
    assert [(li["data-r"], page.text(li)) for li in page.find("li") if "data-r" in li] == [
        ("0-0-0", "new 150 line 1, col 21"), ("0-0-1", "base 120 line 1, col 36")]
    assert page.text(page.find("span", cls="loc")[0]) == "line 1, col 14"


def test_summary_counts_by_severity_rule_and_file_and_files_are_sections():
    one = Document("FIRE and WARN and FIRE")
    results = [
        FileResult("a.txt", one, (finding(0, 4), finding(9, 13, code="X902", severity=Severity.WARNING),
                                  finding(18, 22))),
        FileResult("calm.txt", Document("calm")),
        FileResult("b.txt", Document("FIRE"), (finding(0, 4),)),
    ]
    page = Page(render("html", results))
    assert [s["id"] for s in page.find("section", cls="file")] == ["file-0", "file-2"]  # calm.txt has no section
    (summary,) = page.find("section", id="summary")
    assert page.text(page.find("p", cls="verdict")[0]) == "Found 4 findings (3 errors, 1 warning) in 3 files."
    assert [page.text(c) for c in page.find("li", cls="chip")] == ["3 errors", "1 warning"]
    rows = [[page.text(td) for td in page.find("td")]]
    assert rows[0][:6] == ["X901", "fake-x901", "3", "X902", "fake-x902", "1"]
    assert rows[0][6:] == ["a.txt", "2", "1", "0", "0", "b.txt", "1", "0", "0", "0"]
    assert page.text(page.find("p", cls="quiet")[-1]) == "1 file without findings or notices."
    # the second file's keys do not collide with the first's
    assert [m["data-f"] for m in page.find("mark")] == ["0-0", "0-1", "0-2", "2-0"]


def test_the_report_streams_a_file_before_the_next_is_checked():
    pulled = []

    def results():
        for i in range(3):
            pulled.append(i)
            yield FileResult(f"file{i}.txt", Document("FIRE"), (finding(0, 4),))

    pieces_ = stream("html", results())
    out = ""
    while "file0.txt" not in out:
        out += next(pieces_)
    assert pulled == [0]
    assert "file2.txt" in "".join(pieces_) and pulled == [0, 1, 2]


def test_cli_writes_the_page(fake_rules, tree):
    result = run("check", "--no-config", "--format", "html", tree("a.txt", "ab\ncd FIRE and WARN\n"),
                 tree("b.txt", "calm\n"), "missing.txt")
    assert result.exit_code == 2
    page = Page(result.stdout)
    assert [(page.text(m), m["class"]) for m in page.find("mark")] == [
        ("FIRE", "hl error f-0-0"), ("WARN", "hl warning f-0-1")]
    assert [(page.text(s), s["class"]) for s in page.find("span", cls="rel")] == [("ab", "rel r-0-0-0")]
    (notice,) = page.find("li", cls="fatal")
    assert page.text(notice) == "IO001 no such file or directory [unreadable; not fully checked]"
    assert [page.text(h) for h in page.find("h2")] == [  # the summary is written last (CSS shows it first)
        "a.txt1 error, 1 warning", "missing.txtnot checked", "Summary"]
    assert [(c["class"], page.text(c)) for c in page.find("li", cls="chip")] == [
        ("chip error", "1 error"), ("chip warning", "1 warning"), ("chip notice-count", "1 notice")]


@pytest.mark.needs_rules
@pytest.mark.parametrize("path", [ARTICLES / "kunpeng.txt", *(ARTICLES.parent / "formats" / f"harbour.{ext}"
                                                              for ext in ("md", "html", "docx"))], ids=str)
def test_every_real_finding_is_highlighted_over_its_text(path):
    """Markup inputs too: the report shows the original file (for .docx, its paragraphs), findings placed there."""
    path = str(path)
    expected = json.loads(run("check", "--no-config", "--format", "json", path).stdout)["files"][0]["findings"]
    page = Page(run("check", "--no-config", "--format", "html", path).stdout)
    assert len(expected) == len(page.find("li", cls="card")) > 0
    for i, f in enumerate(expected):
        covered = "".join(page.text(m) for m in page.find("mark", cls=f"f-0-{i}"))
        assert covered == f["text"].replace("\n", ""), f
        for j, r in enumerate(f["related"]):
            assert "".join(page.text(s) for s in page.find(cls=f"r-0-{i}-{j}")) == r["text"], r
