"""Extractor: a total restated per unit of a count in the same sentence (C102 reads it).

"The $3.4 billion programme supports 95,000 jobs, or $35.8 million per job" ($35,800: a slip of a
thousand newspapers correct); "spends $120 million a year on its 40,000 pupils, or $3,000 per pupil";
"£2.4m on 1,200 new homes, about £2,000 a home". The three figures are tied when:

- the per-unit figure is followed by "per", "a", "an" or "for each" and a noun that is no period ("a
  year", "per day" are restatements over time: rules.conversions reads those), or by "per head", "per
  capita", "per person";
- the count stands before it in the sentence and counts that noun ("95,000 jobs" for "per job", up to two
  words between: "1,200 new homes"; people, residents, inhabitants or citizens for "per head");
- exactly one figure before the per-unit figure in the sentence is in its unit and larger (the total),
  itself no per-unit figure;
- the per-unit figure is introduced as a restatement: after ", or", "(", "about", "works out at/to",
  "comes to", "equivalent to", "an average of".
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Quantity, Quotient

_PER_NOUN = lazy_compile(r"\s*+(?:per|an?|for\s+each|each)\s+(?P<noun>[a-z][a-z-]+)\b", regex.IGNORECASE)
_PERIODS = frozenset("second minute hour day week fortnight month quarter year decade annum night".split())
_PEOPLE_WORDS = frozenset(("people", "persons", "residents", "inhabitants", "citizens"))
_PER_PERSON = frozenset(("head", "capita", "person", "resident", "inhabitant", "citizen"))
# How a restatement is brought in, right before the per-unit figure (its hedge, read by the number reader,
# may stand between: ", or about $300 per pupil").
_RESTATED = lazy_compile(
    r"(?:,\s*+or|\(|,\s*+(?:about|around|roughly|some|nearly|almost)|works?\s+out\s+(?:at|to)|worked\s+out\s+(?:at|to)|"
    r"comes?\s+to|came\s+to|equivalent\s+to|an\s+average\s+of|that\s+is|i\.e\.)\s*+"
    r"(?:(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under)\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
_REACH = 30  # characters from a count to the noun it counts ("95,000 new jobs")


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    quantities = facts.quantities
    if len(quantities) < 3 or not any(w in text for w in (" per ", " a ", " an ", " each ")):
        return facts
    starts = [q.span.start for q in quantities]
    found = []
    for k, each in enumerate(quantities):
        if k < 2 or each.unit in ("count", "percent", "percentage_point", "times") or "/" in each.unit:
            continue
        m = _PER_NOUN.match(text, each.span.end)
        if m is None or m.group("noun").lower() in _PERIODS:
            continue
        if not _RESTATED.search(text, max(0, each.span.start - 30), each.span.start):
            continue
        claim = _quotient(doc, quantities, starts, k, m.group("noun").lower())
        if claim is not None:
            found.append(claim)
    return replace(facts, quotients=tuple(found)) if found else facts


def _quotient(doc: Document, quantities, starts: list[int], k: int, noun: str) -> Quotient | None:
    text = doc.text
    each = quantities[k]
    sentence = doc.sentence_of(each.span.start)
    before = quantities[bisect.bisect_left(starts, sentence.start, 0, k):k]  # the sentence's figures before it
    counts = [q for q in before if q.unit == "count" and q.bound == "=" and _counts(text, q, noun)]
    totals = [q for q in before if _total_unit(q.unit) == each.unit and q.value > each.value
              and not _PER_NOUN.match(text, q.span.end)]
    if len(counts) != 1 or len(totals) != 1 or counts[0].value <= 1:
        return None
    return Quotient(span=each.span, noun=noun, total=totals[0], count=counts[0], each=each, link=Link.SENTENCE)


def _total_unit(unit: str) -> str:
    """A total over a period ("$120 million a year") is divided per unit over that period: its money unit."""
    return unit.split("/", 1)[0]


def _counts(text: str, q: Quantity, noun: str) -> bool:
    """Whether the count `q` counts `noun` ("95,000 jobs" for "job", "1,200 new homes" for "home"; people
    for "head", "capita" or "person"): the noun is one of the three words after the figure on its line,
    with only lower-case words before it and no punctuation."""
    names = _PEOPLE_WORDS if noun in _PER_PERSON else (noun, noun + "s", noun + "es")
    window = text[q.span.end:q.span.end + _REACH].split("\n", 1)[0]  # a line break ends it (tables)
    for word in window.split()[:3]:
        bare = word.rstrip(",.;:)")
        if bare.lower() in names:
            return True
        if bare != word or not bare.isalpha() or not bare.islower():
            return False  # punctuation ends the phrase the count belongs to; "new", not "Year", between
    return False
