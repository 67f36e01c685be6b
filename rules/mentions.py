"""Extractor: a percentage stated as the level of a measure with natural bounds.

"unemployment of 95%", "the jobless rate stood at 55 pct", "GDP growth of 45% a year", "turnout was 120%":
the words before the figure name the measure and tie the figure to it as its level (of, at, was, stood at,
reached, rose to...), not as a change in it ("unemployment fell 50 pct", "a 5% rise in turnout"). Each such
figure becomes a `Mention` whose `measure` is a key ("unemployment", "gdp-growth", "turnout", "approval",
"literacy"); P105 holds the bounds of each and does the comparison.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.model import Facts, Link, Mention, Span
from statlint.rules._gates import may_contain
from statlint.rules.periods import year_of

# "<measure> stood at / of / was / reached X%": the figure is the level of the measure, not a change in it.
_LINK = (r"(?:\s+in\s+[A-Z][\w-]+)?\s+(?:of|at|was|is|were|stood\s+at|reached|hit|rose\s+to|fell\s+to|"
         r"climbed\s+to|dropped\s+to|to)\s+(?:a\s+(?:record\s+)?(?:high\s+of\s+|low\s+of\s+)?)?\Z")


def _measure(words: str):
    return regex.compile(r"\b(?:" + words + r")" + _LINK, regex.IGNORECASE | regex.REVERSE)


MEASURES = (
    (_measure(r"unemployment(?:\s+rate)?|jobless\s+rate"), "unemployment"),
    (_measure(r"(?:GDP|gross\s+domestic\s+product|economic)\s+growth(?:\s+rate)?"), "gdp-growth"),
    (_measure(r"turnout"), "turnout"),
    (_measure(r"approval\s+rating"), "approval"),
    (_measure(r"literacy\s+rate"), "literacy"),
)
# A word every match of one of the MEASURES contains: no such word in the text, no search per figure.
_MEASURE_WORDS = ("unemployment", "jobless", "growth", "turnout", "approval", "literacy")
_CHANGE_AFTER = regex.compile(r"\s+(?:a\s+year\s+)?(?:increase|rise|decline|drop|fall|jump|gain|higher|lower)\b",
                              regex.IGNORECASE)
_REACH = 70  # characters before the figure the measure words may take


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    rates = [q for q in facts.quantities if q.unit == "percent" and q.kind == "level"]
    if not rates or not may_contain(text, _MEASURE_WORDS):
        return facts  # most articles give no percentage, and few of the rest name one of these measures
    found = []
    for q in rates:
        start = max(0, q.span.start - _REACH)
        if not may_contain(text[start:q.span.start], _MEASURE_WORDS) or _CHANGE_AFTER.match(text, q.span.end):
            continue
        for pattern, measure in MEASURES:
            m = pattern.search(text, start, q.span.start)
            if m:
                found.append(Mention(span=Span(m.start(), q.span.end), value=q, measure=measure,
                                     year=year_of(text, q), link=Link.SENTENCE))
                break
    return replace(facts, mentions=tuple(found)) if found else facts
