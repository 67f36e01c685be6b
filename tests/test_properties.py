"""Property tests (hypothesis) for the whole check, RELIABILITY.md §4.2.

- never crash on arbitrary text, nor on text made of number-like pieces;
- every finding's span lies inside the text, and related spans quote the text they point at;
- the same input gives the same output;
- inserting a paragraph with no figures before a finding shifts its span by exactly its length.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statlint import check_text, extract_quantities

ROOT = Path(__file__).resolve().parents[1]
# the fixture articles with findings, so the shift property is never vacuous
ARTICLES = [t for t in (p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt")))
            if check_text(t)]
_PIECES = ["1", "5", "12", "0", ",", ".", " ", "%", " pct", " mln", " billion", "$", "€", "万", "亿", " 10,000",
           " rose ", " fell ", " to ", " from ", "(", ")", "−", "-", "one", " in ", "five", "half", " of ",
           " respectively", " year-on-year", " a total of ", " km", " miles", "\n", "\u00a0", "2023", "1987"]
number_like = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records(text: str):
    return [(f.rule, f.span.start, f.span.end, f.message, f.suggestion, tuple((r.role, r.span, r.text) for r in f.related))
            for f in check_text(text)]


@SETTINGS
@given(st.one_of(st.text(), st.text(st.characters(blacklist_categories=())), number_like))
def test_never_crashes_and_spans_point_into_the_text(text):
    """Any text, lone surrogates included (they are read as U+FFFD: compare against the Document's text)."""
    from statlint.checker.document import Document

    text = Document(text).text
    findings = check_text(text)
    for f in findings:
        assert 0 <= f.span.start < f.span.end <= len(text)
        for r in f.related:
            assert text[r.span.start:r.span.end] == r.text
    for q in extract_quantities(text):
        assert text[q.span.start:q.span.end] == q.text


@SETTINGS
@given(number_like)
def test_same_input_same_output(text):
    assert _records(text) == _records(text)


_NEUTRAL_WORDS = st.sampled_from(["the", "council", "met", "on", "Tuesday", "and", "talked", "about", "roads",
                                  "parks", "schools", "said", "its", "chair", "new", "plans"])
neutral_paragraph = st.lists(_NEUTRAL_WORDS, min_size=3, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")


@SETTINGS
@given(neutral_paragraph, st.sampled_from(ARTICLES), st.integers(min_value=0))
def test_inserting_a_paragraph_shifts_findings_exactly(paragraph, article, pick):
    """A figure-free paragraph inserted at a paragraph break (after the headline) moves every later
    finding by its length and changes nothing else."""
    breaks = [i + 2 for i in range(len(article) - 1) if article[i:i + 2] == "\n\n"]
    if not breaks:
        return
    at = breaks[pick % len(breaks)]
    inserted = paragraph + "\n\n"
    before = _records(article)
    after = _records(article[:at] + inserted + article[at:])
    shift = len(inserted)

    def moved(r):
        code, start, end, message, suggestion, related = r
        d = shift if start >= at else 0
        return (code, start + d, end + d, message, suggestion,
                tuple((role, type(span)(span.start + (shift if span.start >= at else 0),
                                         span.end + (shift if span.start >= at else 0)), t) for role, span, t in related))

    assert before and after == [moved(r) for r in before]
