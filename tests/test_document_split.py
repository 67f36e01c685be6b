"""Sentence and paragraph splitting with the whitespace test made only where it can fail, and the headline
test read off the span arrays, give what the plain split gave: every piece tested with isspace(), the
first span asked for through Spans.

Text written on the edges: pieces of blank lines and of Unicode spaces (which isspace() knows and the
patterns' [ \\t] does not), a text that starts or ends with whitespace, wire headlines, no breaks at all,
random strings of sentence-like pieces, a long document, and the news corpus.
"""
from __future__ import annotations

import random
import sys
from array import array
from pathlib import Path

import pytest

from statlint.checker import document as D
from statlint.checker.document import Document, Spans

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import corpus  # noqa: E402


def plain_split(text: str, pattern) -> Spans:
    starts, ends = array("q"), array("q")
    start = 0
    for m in pattern.finditer(text):
        end = m.end()
        if not text[start:end].isspace():
            starts.append(start)
            ends.append(end)
        start = end
    if start < len(text) and not text[start:].isspace():
        starts.append(start)
        ends.append(len(text))
    if not starts:
        starts.append(0)
        ends.append(len(text))
    return Spans(starts, ends)


def plain_headline_apart(text: str, spans: Spans) -> Spans:
    line_end = text.find("\n", 0, 300)
    if line_end <= 0 or not spans or spans[0].end <= line_end + 1 or not text[:line_end].isupper():
        return spans
    return Spans(array("q", [0, line_end + 1]) + spans.starts[1:], array("q", [line_end + 1]) + spans.ends)


def assert_splits_as_plainly(text: str) -> None:
    doc = Document(text)
    text = doc.text
    sentence_end = D._SENTENCE_END_ASCII if text.isascii() else D._SENTENCE_END
    paragraph_break = D._PARAGRAPH_BREAK_ASCII if text.isascii() else D._PARAGRAPH_BREAK
    expected = plain_headline_apart(text, plain_split(text, sentence_end))
    assert (list(doc.sentences.starts), list(doc.sentences.ends)) == (list(expected.starts), list(expected.ends))
    expected = plain_split(text, paragraph_break)
    assert (list(doc.paragraphs.starts), list(doc.paragraphs.ends)) == (list(expected.starts), list(expected.ends))


EDGE_TEXTS = [
    "",
    " ",
    "\n\n\n",
    "One sentence without an end",
    "\n\n  \n\nAfter blank lines. Then more.\n\n\n\n   \n\nAnd a last one.\n\n \u00a0\u2003\n",
    "Spaces:\u00a0\u2003\u3000. Next one.\n\u00a0\n\u2028\n\u0085\nAfter odd spaces.",
    "ZAMBIAN COPPER OUTPUT UP, SALES DOWN\nLUSAKA, March 3 - Output rose. Sales fell.",
    "ZAMBIAN COPPER OUTPUT UP\n\nBody starts. Body ends.",
    "Mr. Smith paid 5.5 dlrs. Dr. Jones? Yes! \"Quoted.\" (Aside.) Then 3. And then.\n  Indented paragraph.",
    "Ünïcödé text. Ça va. «Quote» here.\n\nNext para — with dash. ۱۲ digits.",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts_split_as_plainly(text):
    assert_splits_as_plainly(text)


def test_a_long_document_splits_as_plainly():
    assert_splits_as_plainly("\n\n".join(EDGE_TEXTS * 200))


_PIECES = ["A", "b", "The", " ", "  ", "\t", "\n", "\n\n", " \n \n", "\u00a0", "\u2003", ".", "!", "?", "\"", ")",
           "”", "Mr.", "U.S.", "5.5", "3", "é", "É", "ZZ"]


def test_random_texts_split_as_plainly():
    rng = random.Random(5)
    for _ in range(5000):
        assert_splits_as_plainly("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))))


@pytest.mark.skipif(not corpus.available(*corpus.NEWS.values()), reason="shared corpus not found")
def test_the_news_corpus_splits_as_plainly():
    for _, rec in corpus.news():
        assert_splits_as_plainly(corpus.article(rec))


_ASCII_PIECES = ["A", "b", "Mr", "U.S", "No", "5", " ", "  ", "\t", "\n", "\n\n", " \n\t\n", "\n \n \n", ".", "..", "!",
                 "?", "\"", "'", ")", "(", "\"A", " 7", "vs."]


def test_the_ascii_sentence_ends_are_finditers():
    """_sentence_ends_ascii scans full stops, marks and blank lines apart: the ends must be finditer's,
    above all where a mark's match runs into a blank line ('Stop.)\\" \\n\\n\\n A')."""
    rng = random.Random(13)
    texts = ["", "\n\n\n", ".\n\n\n", "Stop.)\" \n \n\n A", "Stop! \n\n\n\nA", "Mr. A. B? C!\n\nD.\n\n\n"]
    texts += ["".join(rng.choice(_ASCII_PIECES) for _ in range(rng.randint(1, 60))) for _ in range(20000)]
    for text in texts:
        expected = [m.end() for m in D._SENTENCE_END_ASCII.finditer(text)]
        assert D._sentence_ends_ascii(text) == expected, text
        assert_splits_as_plainly(text)
