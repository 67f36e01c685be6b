"""Coverage on the real corpus: every number in the input is read or reported as not read.

A checker that quietly passes over a number it could not read is worse than
none: the editor believes the copy was checked (statcheck's worst failure was
a negative p-value silently skipped). After all extractors, every run of
decimal digits of every document in ../shared/corpus (headline above body for
news) lies inside a quantity that was read or inside a span recorded as not
read (Facts.skipped, shown by `statlint extract` as `not_read`).
Skipped when the corpus is absent, like the benchmark gate.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402

DIGITS = regex.compile(r"\d+")  # the reader's own notion of a digit (Unicode Nd, as `regex` knows it)


def unaccounted(text: str, facts) -> list[str]:
    """The digit runs of `text` that no quantity and no not-read span contains, with some context."""
    spans = sorted([(q.span.start, q.span.end) for q in facts.quantities] + [(s.start, s.end) for s in facts.skipped])
    for start, end in spans:
        assert 0 <= start < end <= len(text), (start, end, len(text))
    missing = []
    for m in DIGITS.finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in spans if a <= m.start()):
            missing.append(text[max(0, m.start() - 20):m.end() + 20])
    return missing


def test_unaccounted_finds_a_dropped_digit():
    """The test's own check can fail: a digit run outside every span is reported."""
    from statlint.checker.model import Facts, Quantity, Span

    facts = Facts(quantities=(Quantity(Span(0, 2), "12", 12.0, 12.0, 12.0),))
    assert unaccounted("12 and 7", facts) == ["12 and 7"]
    assert unaccounted("12 and", facts) == []


@pytest.mark.skipif(not corpus.available(), reason=f"shared corpus not found in {corpus.corpus_dir()}")
def test_every_digit_in_the_corpus_is_read_or_reported():
    from statlint.checker.document import Document
    from statlint.checker.engine import extract

    documents = digits = 0
    problems = []
    for path in corpus.files():
        for rec in corpus.records(path.name[:-len(".jsonl.gz")]):
            text = corpus.article(rec) if isinstance(rec.get("text"), str) else None
            if not text:
                continue
            documents += 1
            digits += len(DIGITS.findall(text))
            missing = unaccounted(text, extract(Document(text)))
            problems += [(path.name, rec.get("id"), m) for m in missing]
    assert documents > 10_000 and digits > 50_000  # the corpus was really read (12,957 and 88,611 in 2026-11)
    assert problems == []


def test_a_figure_split_by_an_invisible_character_is_reported_not_read_in_pieces():
    """Q104: "1<U+200B>000" is neither read as 1 and 000 nor lost: it is one not-read span."""
    from statlint.checker.document import Document
    from statlint.checker.engine import extract

    text = "Sales rose 5% to 1\u200b000 tonnes, and \u202e0001\u202c more, from $\ufeff9.5 billion."
    facts = extract(Document(text))
    assert unaccounted(text, facts) == []
    assert [text[q.span.start:q.span.end] for q in facts.quantities] == ["5%"]
    assert [text[s.start:s.end] for s in facts.skipped] == ["1\u200b000", "\u202e0001\u202c", "$\ufeff9.5"]
