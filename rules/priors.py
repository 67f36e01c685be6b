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

from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Growth, Link
from statlint.rules.periods import year_of

_OTHER_BASE = regex.compile(r"\b(?:from|compared\s+with|against|over)\b", regex.IGNORECASE)


def _candidate(doc: Document, g: Growth) -> bool:
    return (g.rate is not None and g.rate.unit == "percent" and g.new is not None and g.old is None
            and g.direction != Direction.UNKNOWN and g.new.unit != "percent" and g.period != "year"
            and g.new_year is not None
            and not _OTHER_BASE.search(doc.text, g.rate.span.end, doc.sentence_of(g.new.span.start).end))


def extract(doc: Document, facts: Facts) -> Facts:
    if not any(_candidate(doc, g) for g in facts.growths):
        return facts
    text = doc.text
    levels = [q for q in facts.quantities if q.kind == "level" and q.value > 0]
    dated = [(q, year_of(text, q)) for q in levels]
    growths = []
    for g in facts.growths:
        if _candidate(doc, g):
            g = _with_prior(doc, g, dated, levels)
        growths.append(g)
    return replace(facts, growths=tuple(growths))


def _with_prior(doc: Document, g: Growth, dated, levels) -> Growth:
    sentence = doc.sentence_of(g.new.span.start)
    candidates = [q for q, y in dated
                  if y == g.new_year - 1 and q.span.end <= sentence.start and q.unit == g.new.unit
                  and (g.new.noun is None or q.noun is None or q.noun == g.new.noun)]
    if len(candidates) != 1:
        return g  # none, or several measures: no safe base
    old = candidates[0]
    home = doc.sentence_of(old.span.start)
    if any(q is not old and q.unit == old.unit and home.start <= q.span.start < home.end for q in levels):
        return g
    same_paragraph = doc.paragraph_of(old.span.start) == doc.paragraph_of(g.new.span.start)
    return replace(g, prior=old, prior_link=Link.PARAGRAPH if same_paragraph else Link.ARTICLE)
