"""Document's indexes: sentences, paragraphs and line starts, kept as arrays of offsets (issue 13: a 20 MB
file in under 200 MB) and read back as the Spans they were."""
from __future__ import annotations

from array import array

from statlint.checker.document import Document, Spans
from statlint.checker.model import Span

TEXT = "Sales rose 5%. Output fell.\n\nPrices were flat! Mr. Lee said so.\n"


def test_sentences_are_spans_in_text_order():
    doc = Document(TEXT)
    assert list(doc.sentences) == [Span(0, 15), Span(15, 29), Span(29, 47), Span(47, len(TEXT))]
    assert [TEXT[s.start:s.end] for s in doc.sentences][3] == "Mr. Lee said so.\n"  # "Mr." ends no sentence
    assert len(doc.sentences) == 4 and doc.sentences[-1] == Span(47, len(TEXT))
    assert doc.sentences[1:3] == [Span(15, 29), Span(29, 47)]
    assert isinstance(doc.sentences.starts, array)  # two machine integers a sentence, no Span objects kept


def test_sentence_and_paragraph_around_an_offset():
    doc = Document(TEXT)
    assert doc.sentence_of(0) == Span(0, 15)
    assert doc.sentence_of(20) == Span(15, 29)
    assert doc.sentence_of(len(TEXT)) == Span(47, len(TEXT))
    assert doc.paragraph_of(5) == Span(0, 29)
    assert doc.paragraph_of(40) == Span(29, len(TEXT))


def test_a_text_without_breaks_is_one_sentence_and_an_empty_one_has_one_empty_span():
    assert list(Document("no break at all").sentences) == [Span(0, 15)]
    assert list(Document("").sentences) == [Span(0, 0)]
    assert Document("").sentence_of(0) == Span(0, 0)


def test_a_wire_headline_is_a_sentence_of_its_own():
    text = "ZAMBIAN COPPER OUTPUT UP\nOutput rose 5 pct to 1,000 tonnes. Sales fell.\n"
    assert list(Document(text).sentences) == [Span(0, 25), Span(25, 60), Span(60, len(text))]


def test_line_starts_count_every_kind_of_line_break():
    doc = Document("a\nb\r\nc\rd")
    assert list(doc.line_starts) == [0, 2, 5, 7]
    assert doc.line_col(6) == (3, 2)
    assert list(Document("one\ntwo\n").line_starts) == [0, 4, 8]


def test_spans_compare_with_lists_and_refuse_hashing():
    spans = Spans(array("q", [0, 4]), array("q", [4, 9]))
    assert spans == [Span(0, 4), Span(4, 9)] and spans != [Span(0, 4)]
    assert repr(spans) == "Spans([Span(start=0, end=4), Span(start=4, end=9)])"
    assert spans.__hash__ is None
