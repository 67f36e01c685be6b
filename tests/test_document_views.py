"""Document's views (checker.document._view, a cached_property without its lock) are computed once, on first
use, and are what the functions they wrap give; the class answers with the descriptor and its docstring."""
from __future__ import annotations

import pickle

from statlint.checker import document as D
from statlint.checker.document import Document

TEXTS = ["", "One. Two.", "ZAMBIAN OUTPUT UP\nSales rose 5 pct. Costs fell.\n\nA new paragraph \"quoted\".",
         "İſ\u212a é. Ünïcode \u2003text! \"Quote\" here?\r\nLine two.", "x" * 5000 + ". Y."]
VIEWS = ("line_starts", "sentences", "paragraphs", "quotes", "_quote_starts")


def test_each_view_is_its_function_and_is_computed_once():
    for text in TEXTS:
        doc = Document(text)
        for name in VIEWS:
            view = vars(Document)[name]
            assert isinstance(view, D._view) and view.name == name
            first = getattr(doc, name)
            assert first == view.func(Document(text)), (text, name)
            assert getattr(doc, name) is first and vars(doc)[name] is first


def test_the_class_answers_with_the_descriptor_and_its_docstring():
    assert isinstance(Document.sentences, D._view)
    assert Document.line_starts.__doc__ == Document.line_starts.func.__doc__ and "Where each line starts" in \
        Document.line_starts.__doc__


def test_a_document_with_its_views_pickles_and_stays_frozen():
    doc = Document(TEXTS[2])
    doc.sentences, doc.quotes
    back = pickle.loads(pickle.dumps(doc))
    assert back.text == doc.text and back.sentences == doc.sentences and back.quotes == doc.quotes
    try:
        doc.text = "changed"
    except Exception:
        pass
    else:
        raise AssertionError("Document is no longer frozen")
