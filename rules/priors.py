"""Extractor: last year's figure for a year-on-year change, when another sentence states it.

"Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 60%." The change claim
in the second sentence has a rate and a new figure (for 2023) but no base; the base is the same
measure's figure for 2022, stated earlier. This links it into `Growth.prior` (with `prior_link`:
PARAGRAPH within the claim's paragraph, ARTICLE further back), and G106 does the arithmetic.

Linked only when the link is safe:
- the claim is a rise or fall in percent, per year-on-year (not an average annual rate), on a level
  figure (not a percentage) whose year is stated (rules.periods.year_of), and its clause names no other
  base ("down 54 pct from the previous year's ...": a base is named, just not read);
- exactly one earlier figure (before the claim's sentence) is for the year before, in the same unit,
  with the same noun when both have one;
- that figure's sentence holds no other figure in its unit ("sales of 3.1 million units and output of
  2.0 million units": which one is the base?).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Growth, Link
from statlint.rules.periods import year_of

_REACH = 200  # characters after the rate in which a named base counts
_OTHER_BASE = regex.compile(r"\b(?:from|compared\s+with|against|over)\b", regex.IGNORECASE)


def _candidate(doc: Document, g: Growth) -> bool:
    return (g.rate is not None and g.rate.unit == "percent" and g.new is not None and g.old is None
            and g.direction != Direction.UNKNOWN and g.new.unit != "percent" and g.period != "year"
            and g.new_year is not None
            and not _OTHER_BASE.search(doc.text, g.rate.span.end,
                                       min(doc.sentence_of(g.new.span.start).end, g.rate.span.end + _REACH)))


def extract(doc: Document, facts: Facts) -> Facts:
    if not any(_candidate(doc, g) for g in facts.growths):
        return facts
    text = doc.text
    levels = [q for q in facts.quantities if q.kind == "level" and q.value > 0]
    starts = [q.span.start for q in levels]
    by_year: dict[int, list] = {}  # year -> its figures in text order: no pass over all figures per claim
    for q in levels:
        y = year_of(text, q)
        if y is not None:
            by_year.setdefault(y, []).append(q)
    growths = []
    for g in facts.growths:
        if _candidate(doc, g):
            g = _with_prior(doc, g, by_year.get(g.new_year - 1, ()), levels, starts)
        growths.append(g)
    return replace(facts, growths=tuple(growths))


def _with_prior(doc: Document, g: Growth, year_before, levels, starts) -> Growth:
    sentence = doc.sentence_of(g.new.span.start)
    candidates = []
    for q in year_before:
        if q.span.end > sentence.start:
            break
        if q.unit == g.new.unit and (g.new.noun is None or q.noun is None or q.noun == g.new.noun):
            candidates.append(q)
            if len(candidates) > 1:
                return g  # several measures: no safe base
    if len(candidates) != 1:
        return g
    old = candidates[0]
    home = doc.sentence_of(old.span.start)
    lo, hi = bisect.bisect_left(starts, home.start), bisect.bisect_left(starts, home.end)
    if any(q is not old and q.unit == old.unit for q in levels[lo:hi]):
        return g
    same_paragraph = doc.paragraph_of(old.span.start) == doc.paragraph_of(g.new.span.start)
    return replace(g, prior=old, prior_link=Link.PARAGRAPH if same_paragraph else Link.ARTICLE)
