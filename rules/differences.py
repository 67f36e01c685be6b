"""Extractor: a difference stated beside the two figures it separates (S104 reads it).

"Labour is on 41% and the Conservatives on 33%, an eight-point lead"; "a gap of 12 points between the 54%
for Smith and the 38% for Jones"; "revenue of $50 million and costs of $42 million, a difference of $8
million". Newspapers correct these when the gap was worked out from other figures than the ones printed.

A noun that names a difference ("gap", "lead", "margin", "difference", "spread", "surplus", "deficit",
"shortfall") with its figure, either
"NOUN of D" or "a D-point NOUN" ("a 10 percentage-point lead"), is tied to two figures of one measure:

- after it, "between A and B" (the first two figures after "between", "and" between them, no other
  figure in the way);
- else before it in the same sentence, when the sentence holds exactly two figures before the phrase and
  nothing but a short connector (a comma, "giving X", a dash) between the second and the phrase. A third
  figure ("41%, 33% and 12%, an eight-point lead") leaves it unknown which two are meant: not linked.

The figures must be of one measure: two percentages with a gap in points (a bare figure before "point" or
"points", or percentage points; a gap "of 16%" between two percentages may be relative, and is not read),
or two figures of one unit with a gap in that unit (a bare count for two counts); the first figure may carry a
period the others leave out ("£620 a week and women £540, a gap of £80").
"""
from __future__ import annotations

from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Difference, Facts, Link, Quantity, Span

# (a surplus, a deficit and a shortfall are differences too: "exports of $450 million and imports of $300
# million, a surplus of $150 million"; "revenue of 80 billion and spending of 95 billion, a deficit of 15 billion")
_NOUNS = ("gap", "lead", "margin", "difference", "spread", "surplus", "deficit", "shortfall")
_NOUN = lazy_compile(r"\b(?:gap|lead|margin|difference|spread|surplus|deficit|shortfall)\b", regex.IGNORECASE)
# "a gap of 12 points", "a lead of 12 percentage points", "a margin of nearly 5 points": the figure after "of"
# (the words between are its hedge, which the number reader read on it)
_OF = lazy_compile(r"\s+of\s+(?:[a-z]+\s+){0,2}", regex.IGNORECASE)
# "an eight-point lead", "a 10 percentage-point gap", "a 12 point margin": the figure ends right before these
_POINT_BEFORE = lazy_compile(r"(?:-|\s+)(?:percentage[-\s]+)?points?\s+\Z", regex.IGNORECASE | regex.REVERSE)
# the same words after a figure the reader read bare ("8 percentage-point"), as _POINT_BEFORE finds them
_POINTS_AFTER = lazy_compile(r"\s*+(?:-\s*+)?(?:percentage[-\s]++)?points?\b", regex.IGNORECASE)
_POINT_UNITS = ("scale_point", "percentage_point")  # "12 points", "12 percentage points", read with the figure
_BETWEEN = lazy_compile(r"\s+between\s+", regex.IGNORECASE)
# What may stand between the second figure's words and the difference phrase: a comma or dash, then the
# article, optionally "giving X" / "for" / "or" ("33%, giving Labour an eight-point lead").
_CONNECTOR = lazy_compile(r"[^\d;:.?!()]{0,40}?(?:,|—|–|\s-)\s*+(?:(?:giving|gives|for|or|with|putting)\s+"
                          r"(?:[A-Za-z'’.-]+\s+){0,3})?(?:an?|the)\s+\Z", regex.IGNORECASE | regex.REVERSE)
MAX_FIGURE_WORDS = 60  # characters from a figure to the next one it may be paired with ("41% and the Tories on 33%")


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    if len(facts.quantities) < 3:
        return facts  # a difference ties three figures: its own and the two it separates (4,594 of 10,428 articles have three)
    # The nouns are found in any case, as _NOUN finds them: a gate on the text as written ("lead" in text) once
    # skipped an article whose only noun was capitalised ("Gap of 12 points between ...", "LEAD").
    matches = _noun_matches(text, doc.lowered)
    if not matches:
        return facts  # most articles name no gap or lead
    starts = {q.span.start: i for i, q in enumerate(facts.quantities)}
    ends = {q.span.end: i for i, q in enumerate(facts.quantities)}
    found = []
    for m in matches:
        claim = _difference(doc, facts.quantities, starts, ends, m)
        if claim is not None:
            found.append(claim)
    return replace(facts, differences=tuple(found)) if found else facts


def _noun_matches(text: str, lowered: str | None = None) -> list:
    """The matches of _NOUN in `text`, in order, as _NOUN.finditer gives them.

    Why not finditer: a case-insensitive scan of the whole article by the regex engine was two thirds of
    this extractor's time. Each noun is found instead by str.find in the lower-cased text (C speed) and the
    pattern is matched only there, which gives the same matches: under IGNORECASE the only characters
    outside ASCII a letter of the nouns matches are "İ" and "ſ" (checked over every code point), a text
    holding either takes finditer, and without "İ" str.lower() keeps every offset. The nouns are whole words
    (\b either side) starting with different letters, so no two matches overlap and each starts where
    a noun is found.

    `lowered` is Document.lowered (the document's one lower-cased copy, None for a text holding "İ" or "ſ" or
    over a megabyte): given, the text is not lowered again here.
    """
    if lowered is None:
        if "\u0130" in text or "\u017f" in text:
            return list(_NOUN.finditer(text))
        lowered = text.lower()
    starts = []
    for noun in _NOUNS:
        i = lowered.find(noun)
        while i >= 0:
            starts.append(i)
            i = lowered.find(noun, i + 1)
    matches = []
    for i in sorted(starts):
        m = _NOUN.match(text, i)
        if m is not None:
            matches.append(m)
    return matches


def _difference(doc: Document, quantities, starts, ends, m) -> Difference | None:
    text = doc.text
    gap_i, phrase_start, phrase_end = _gap_figure(text, quantities, starts, ends, m)
    if gap_i is None:
        return None
    gap = quantities[gap_i]
    sentence = doc.sentence_of(m.start())
    pair = _pair_after(text, quantities, gap_i, phrase_end, sentence)
    if pair is None:
        pair = _pair_before(text, quantities, gap_i, phrase_start, sentence)
    if pair is None or not _one_measure(text, gap, *pair):
        return None
    return Difference(span=gap.span, word=m.group().lower(), gap=gap, first=pair[0], second=pair[1],
                      link=Link.SENTENCE)


def _gap_figure(text, quantities, starts, ends, m) -> tuple[int | None, int, int]:
    """The index of the stated difference's figure, and where the phrase naming it starts and ends."""
    of = _OF.match(text, m.end())
    if of is not None and of.end() in starts:
        i = starts[of.end()]
        q = quantities[i]
        if of.group().strip().lower() != "of" and q.bound == "=":
            return None, 0, 0  # words after "of" that are not the figure's hedge ("a gap of the 5%")
        return i, m.start(), q.span.end
    pb = _POINT_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if pb is not None and pb.start() in ends:
        i = ends[pb.start()]
        return i, quantities[i].span.start, m.end()
    # the reader read the points with the figure ("an eight-point lead": 8 scale_point)
    end = m.start()
    while end > 0 and end > m.start() - 2 and text[end - 1].isspace():
        end -= 1
    i = ends.get(end)
    if i is not None and quantities[i].unit in _POINT_UNITS:
        return i, quantities[i].span.start, m.end()
    return None, 0, 0


def _pair_after(text, quantities, gap_i, phrase_end, sentence) -> tuple[Quantity, Quantity] | None:
    """ "a gap of 12 points between the 54% for Smith and the 38% for Jones": the two figures after "between"."""
    after = phrase_end
    pm = _POINTS_AFTER.match(text, after)
    if pm:
        after = pm.end()
    bm = _BETWEEN.match(text, after)
    if bm is None or gap_i + 2 >= len(quantities):
        return None
    a, b = quantities[gap_i + 1], quantities[gap_i + 2]
    if a.span.start - bm.end() > 30 or b.span.end > sentence.end:
        return None
    if " and " not in text[a.span.end:b.span.start] or b.span.start - a.span.end > MAX_FIGURE_WORDS:
        return None
    return a, b


def _pair_before(text, quantities, gap_i, phrase_start, sentence) -> tuple[Quantity, Quantity] | None:
    """ "41% and the Conservatives on 33%, an eight-point lead": exactly two figures before, in the sentence."""
    before = [q for q in quantities[max(0, gap_i - 3):gap_i] if q.span.start >= sentence.start]
    if len(before) != 2:
        return None
    a, b = before
    if b.span.start - a.span.end > MAX_FIGURE_WORDS or not _CONNECTOR.search(text, b.span.end, phrase_start):
        return None
    return a, b


def _one_measure(text: str, gap: Quantity, a: Quantity, b: Quantity) -> bool:
    """Two figures of one measure and a difference in its unit: percentages and points, or one unit."""
    if a.kind != "level" or b.kind != "level" or gap.kind != "level":
        return False
    if a.bound != "=" or b.bound != "=":
        return False  # "more than 40%" and "33%": the difference has no upper end to check
    if a.unit == "percent" and b.unit == "percent":
        if gap.unit in _POINT_UNITS:
            return True  # "a gap of 12 points" between two percentages: points of a percentage
        return gap.unit == "count" and bool(_POINTS_AFTER.match(text, gap.span.end))
    if a.unit == b.unit == gap.unit:
        return True
    # "£620 a week and women £540, a gap of £100": the second figure and the gap leave out the first's period
    return "/" in a.unit and a.unit.split("/")[0] == b.unit == gap.unit
