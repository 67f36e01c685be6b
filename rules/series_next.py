"""Extractor: a figure that carries a "respectively" series one period on -> `SeriesNext` claims.

Why: U103 compares a series' figures with one another; the figure for the next year often follows the series
in the same sentence without a growth verb ("... in 2021 and 2022, respectively, and reached 522 units in
2023"). Which figure that is, is read here: after the series, in its sentence, in the series' unit, with the
year after the series' last label written right after it ("in 2023", "for 2023"), and not a share or a rate
when the series is not.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, SeriesNext

_YEAR_AFTER = lazy_compile(r"(?:\s+[a-z]+){0,2}?\s+(?:in|for|during|by)\s+(?P<year>(?:19|20)\d\d)\b", regex.IGNORECASE)


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.series:
        return facts
    text = doc.text
    starts = [q.span.start for q in facts.quantities]
    found = []
    for s in facts.series:
        if not s.labels or not s.labels[-1].isdigit():
            continue
        nxt = str(int(s.labels[-1]) + 1)
        sentence = doc.sentence_of(s.span.start)
        unit = s.values[-1].unit
        quantities = facts.quantities
        for i in range(bisect.bisect_left(starts, s.span.end), len(quantities)):  # (no slice: one per series)
            q = quantities[i]
            if q.span.start >= sentence.end:
                break
            if q.unit != unit or q in s.values:
                continue
            m = _YEAR_AFTER.match(text, q.span.end, min(sentence.end, q.span.end + 30))
            if m and m.group("year") == nxt:
                found.append(SeriesNext(series=s, value=q, label=nxt))
                break
    return replace(facts, series_next=tuple(found)) if found else facts
