"""HTML reader (checker/sources/html.py): the article, not the page; entities decoded; offsets into the source."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from statlint.checker.model import Span
from statlint.checker.sources import load
from statlint.checker.sources.html import article_text
from test_sources_markdown import assert_maps_back


def text_of(page: str) -> str:
    text, offsets = article_text(page)
    assert_maps_back(page, text, offsets)
    return text


def test_article_is_chosen_and_furniture_left_out():
    page = """<html><head><title>T 99</title><style>p{width:100px}</style><script>var x = 4200;</script></head>
    <body><nav><a href="/">Home 1</a></nav><div class="cookie-banner">3 cookies</div>
    <header class="site"><div class="logo">Herald 24</div></header>
    <main><article><h1>Sales up 5%</h1><p>Sales rose 5% to 105 from 100.</p>
    <aside>Related: 9%</aside><figure><figcaption>Chart 2019</figcaption></figure>
    <div hidden>hidden 1</div><div aria-hidden="true">aria 2</div><div style="display: none">none 3</div>
    <div role="navigation">nav 4</div><div class="share-tools">Share 5</div><form>Search 6</form>
    <noscript>enable 7</noscript><template>tpl 8</template><footer>Filed 10:42</footer></article></main>
    <footer>&copy; 2025</footer><script>track(1)</script></body></html>"""
    assert text_of(page) == "Sales up 5%\n\nSales rose 5% to 105 from 100."


@pytest.mark.parametrize("page, expected", [
    ("<body><article><p>short 1</p></article><article><p>the longer one 22</p></article></body>",
     "the longer one 22"),
    ("<body><div>menu</div><main><p>main text 3</p></main></body>", "main text 3"),
    ("<body><div>menu</div><div role='main'><p>role main 4</p></div></body>", "role main 4"),
    ("<body><article><p>teaser 5</p></article><div itemprop='articleBody'><p>body prop 6</p></div></body>",
     "body prop 6"),
    ("<body><p>just a body 7</p></body>", "just a body 7"),
    ("just text 8 &amp; no tags", "just text 8 & no tags"),
])
def test_the_story_element_in_order_of_preference(page, expected):
    assert text_of(page) == expected


def test_page_h1_outside_the_article_is_its_headline():
    page = ("<body><header><h1>Port traffic up 12%</h1><nav>Home</nav></header>"
            "<div itemprop='articleBody'><p>Traffic rose 12%.</p></div></body>")
    assert text_of(page) == "Port traffic up 12%\n\nTraffic rose 12%."


def test_lists_of_links_are_navigation_but_lists_of_prose_are_not():
    page = ("<article><p>Intro.</p><ul><li><a href='/a'>Story 1 rose 50%</a></li><li><a href='/b'>Story 2</a></li>"
            "</ul><ul><li>Exports rose 5%.</li><li>Imports fell 2% (<a href='/s'>source</a>).</li></ul></article>")
    assert text_of(page) == "Intro.\n\nExports rose 5%.\n\nImports fell 2% (source)."


def test_white_space_breaks_cells_and_references():
    page = ("<p>Sales   rose\n      5&nbsp;%\tto <b>105</b>.<br>Next&#32;line &#x20AC;5 &euro;6 &amp;c &unknown; "
            "&lt;tag&gt;</p><table><tr><td>2023</td><td>1.2</td></tr><tr><th>2024</th><td>2.64</td></tr></table>")
    assert text_of(page) == ("Sales rose 5\xa0% to 105.\nNext line €5 €6 &c &unknown; <tag>\n\n2023 1.2\n\n2024 2.64")


def test_offsets_point_at_the_source_characters():
    page = "<html><body><article>\n  <p>Revenue rose <em>12.5&#37;</em> to\n     &euro;450 million.</p>"
    text, offsets = article_text(page)
    for wanted, source in [("12.5%", "12.5&#37;"), ("€450 million", "&euro;450 million"), ("Revenue", "Revenue")]:
        at = text.index(wanted)
        span = offsets.span(Span(at, at + len(wanted)))
        assert page[span.start:span.end] == source
    at = text.index("to €450")
    assert page[offsets.span(Span(at, at + 3)).start:offsets.span(Span(at, at + 3)).end] == "to\n"
    span = offsets.span(Span(at, at + 4))
    assert page[span.start:span.end] == "to\n     &euro;"


# Malformed pages (RELIABILITY: any input, no crash, no hang): lenient like a browser, linear in the input.
MALFORMED = [
    ("<p>Unclosed <b>bold <i>italic 5%", "Unclosed bold italic 5%"),
    ("</div></p>stray ends 5%</span>", "stray ends 5%"),
    ("<p>one<p>two<li>three", "one\n\ntwo\n\nthree"),
    ("<p>a < b and c > d 5%</p>", "a < b and c > d 5%"),
    ("<p>kept 5%</p><!-- never closed <p>lost 6%</p>", "kept 5%"),
    ("<p>kept 5%</p><div class='x' id=\"cut off at the end", "kept 5%"),
    ("<p>kept 5%</p><![CDATA[ never closed", "kept 5%"),
    ("<p>x</p><script>never closed 9%", "x"),
    ("<p>\x00nul \ufffd and \x0c form feed 5%</p>", "\x00nul \ufffd and form feed 5%"),
    ("", ""),
    ("<<<>>>&&&;;; 5%", "<<<>>>&&&;;; 5%"),
]


@pytest.mark.parametrize("page, expected", MALFORMED)
def test_malformed_html_reads_like_a_browser_shows_it(page, expected):
    assert text_of(page) == expected


PATHOLOGICAL = [
    "<div>" * 50_000 + "deep 5%",
    "<div>" * 20_000 + "</span>" * 20_000 + "x",
    "<!--" * 50_000,
    "<a " * 50_000,
    '<a b="' * 20_000 + ">",
    "<![CDATA[" * 20_000 + ">",
    "</x" * 50_000,
    "&#" * 50_000,
    "<ul>" + "<li>x" * 20_000,
    "<table>" + "<tr><td>1" * 10_000,
]


@pytest.mark.parametrize("page", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_html_is_read_in_linear_time(page):
    """html.parser alone takes 80 s on 320 KB of "<!--" and 7 s on 24 KB of "<a " (quadratic rescans)."""
    text_of(page)


def test_html_under_a_text_name_is_read_as_html_with_a_notice():
    loaded = load(b"<!DOCTYPE html><html><body><nav>Home</nav><p>FIRE</p></body></html>", "article.md")
    assert loaded.text == "FIRE" and loaded.input_format == "html"
    (notice,) = loaded.notices
    assert (notice.code, notice.fatal) == ("IO006", False)
    assert notice.message == ("article.md is HTML, read as a web page: its article text is checked "
                              "(--input-format text checks the file as prose)")
    as_text = load(b"<!DOCTYPE html><p>FIRE</p>", "article.md", input_format="text")
    assert as_text.text == "<!DOCTYPE html><p>FIRE</p>" and as_text.notices[0].code == "IO006"


def test_page_in_a_declared_legacy_charset():
    data = '<html><head><meta charset="windows-1252"></head><body><p>Costs \u20ac5 \u2013 up 5%</p></body></html>'
    loaded = load(data.encode("cp1252"), "page.html")
    assert loaded.text == "Costs \u20ac5 \u2013 up 5%" and loaded.notices == ()


def test_undeclared_bad_bytes_are_replaced_with_a_notice():
    loaded = load(b"<p>Costs \xff5 up 5%</p>", "page.html")
    assert loaded.text == "Costs \ufffd5 up 5%" and [n.code for n in loaded.notices] == ["IO002"]


def test_page_without_article_text_says_so():
    loaded = load(b"<html><body><nav>Home</nav><script>x=1</script></body></html>", "empty.html")
    assert loaded.text == ""
    (notice,) = loaded.notices
    assert notice.code == "IO006" and "no article text" in notice.message and not notice.fatal


def test_deep_nesting_keeps_its_text():
    """RELIABILITY 28: lxml drops text nested 255 deep; here any depth is read, without recursion."""
    for depth in (300, 100_000):
        assert text_of("<div>" * depth + "<p>Sales rose 12%.</p>" + "</div>" * depth) == "Sales rose 12%."
    assert text_of("<span>" * 100_000 + "Sales rose 12%.") == "Sales rose 12%."


_TOKENS = ["<p>", "</p>", "<div class='nav'>", "</div>", "<article>", "</article>", "<br>", "<td>", "<li>", "&amp;",
           "&#", "&#x41;", "&nbsp;", "<!--", "-->", "<script>", "</script>", "<a href='x'>", "</a>", "<h1>", "</h1>",
           "text 5%", " ", "\n", "<", ">", "&", "\"", "<b", "</", "<![CDATA[", "]]>", "<?x", "\u00e9"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=200).map("".join))
def test_any_tag_soup_reads_and_maps_back(page):
    text, offsets = article_text(page)
    assert_maps_back(page, text, offsets)
    for i in range(0, len(text) + 1, 3):
        span = offsets.span(Span(i, min(i + 4, len(text))))
        assert 0 <= span.start <= span.end <= len(page)
