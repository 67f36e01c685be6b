"""Extractor: a total restated per unit of a count in the same sentence (C102 reads it).

"The $3.4 billion programme supports 95,000 jobs, or $35.8 million per job" ($35,800: a slip of a
thousand newspapers correct); "spends $120 million a year on its 40,000 pupils, or $3,000 per pupil";
"£2.4m on 1,200 new homes, about £2,000 a home". The three figures are tied when:

- the per-unit figure is followed by "per", "a", "an" or "for each" and a noun that is no period ("a
  year", "per day" are restatements over time: rules.conversions reads those), or by "per head", "per
  capita", "per person", or by a bare "each" or "apiece" ("shared among 2,000 bankers, or $300,000
  each"): then the count's own plural noun is the one divided by;
- the count stands before it in the sentence and counts that noun ("95,000 jobs" for "per job", up to two
  words between: "1,200 new homes", "300 companies" for "per company"; people, residents, workers... for
  "per head", or a people word before the figure: "a population of 5 million"), or follows it as "for each
  of the 3,000 households" (the plural noun after the count is the one divided by);
- exactly one figure before the per-unit figure in the sentence is in its unit and no smaller (the total;
  "$1 million ... 10 winners, or $1 million apiece" is the total written twice), itself no per-unit figure;
- the per-unit figure is introduced as a restatement: after ", or", "(", a dash, "about", "works out at/to",
  "comes to", "equivalent to", "an average of", "that is", "which is".
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Quantity, Quotient

_PER_NOUN = lazy_compile(r"\s*+(?:(?:per|an?|for\s+each|each)\s+(?P<noun>[a-z][a-z-]+)\b"
                         r"|(?:each|apiece|a\s+piece)(?=\s*+(?:[,.;:)!?]|\Z)))", regex.IGNORECASE)
_PERIODS = frozenset("second minute hour day week fortnight month quarter year decade annum night".split())
_PEOPLE_WORDS = frozenset(("people", "persons", "residents", "inhabitants", "citizens", "adults", "children", "workers",
                           "employees", "staff", "members", "pupils", "students", "passengers", "patients", "voters",
                           "households", "families", "taxpayers", "men", "women", "personnel", "troops", "soldiers",
                           "nurses", "doctors", "teachers", "farmers", "users", "customers", "subscribers", "visitors",
                           "tourists", "migrants", "refugees", "pensioners", "retirees", "individuals"))
# "a population of 5 million", "a country of 25 million": the noun counted stands before the figure.
_PEOPLE_BEFORE = lazy_compile(r"\b(?:population|populace|nation|country|city|town|state)\s+of\s+\Z",
                              regex.IGNORECASE | regex.REVERSE)
_PER_PERSON = frozenset(("head", "capita", "person", "resident", "inhabitant", "citizen"))
# How a restatement is brought in, right before the per-unit figure (its hedge, read by the number reader,
# may stand between: ", or about $300 per pupil").
_RESTATED = lazy_compile(
    r"(?:,\s*+or|\(|\s[-–—]|,\s*+(?:about|around|roughly|some|nearly|almost)|amounting\s+to|works?\s+out\s+(?:at|to)|worked\s+out\s+(?:at|to)|"
    r"comes?\s+to|came\s+to|equivalent\s+to|an\s+average\s+of|(?:that|which|this)\s+is|i\.e\.)\s*+"
    r"(?:(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under)\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
# The count right after the per-unit figure: "£5,000 for each of the 3,000 households", "$20 to every one of its
# 40,000 staff".
_EACH_OF = lazy_compile(r"\s++(?:for|to)\s++(?:each|every)\s++(?:one\s++)?of\s++(?:the|its|their|our|his|her)\s++\Z",
                        regex.IGNORECASE)
_REACH = 30  # characters from a count to the noun it counts ("95,000 new jobs")


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    quantities = facts.quantities
    if len(quantities) < 3 or not any(w in text for w in (" per ", " a ", " an ", " each", " every", " apiece")):
        return facts
    starts = [q.span.start for q in quantities]
    found = []
    for k, each in enumerate(quantities):
        if k < 1 or each.unit in ("count", "percent", "percentage_point", "times") or "/" in each.unit:
            continue
        each_of = m = None
        if k + 1 < len(quantities):
            each_of = _EACH_OF.match(text, each.span.end, quantities[k + 1].span.start)
        if each_of is None:
            m = _PER_NOUN.match(text, each.span.end)
        if (m is None and each_of is None) or (m and (m.group("noun") or "").lower() in _PERIODS):
            continue
        if not _RESTATED.search(text, max(0, each.span.start - 30), each.span.start):
            continue
        if each_of is not None:
            claim = _quotient_each_of(doc, quantities, starts, k)
        else:
            claim = _quotient(doc, quantities, starts, k, (m.group("noun") or "").lower())
        if claim is not None:
            found.append(claim)
    return replace(facts, quotients=tuple(found)) if found else facts


def _quotient(doc: Document, quantities, starts: list[int], k: int, noun: str) -> Quotient | None:
    text = doc.text
    each = quantities[k]
    sentence = doc.sentence_of(each.span.start)
    before = quantities[bisect.bisect_left(starts, sentence.start, 0, k):k]  # the sentence's figures before it
    counts = [(q, counted) for q in before if q.unit == "count" and q.bound == "="
              and (counted := _counts(text, q, noun, sentence.start))]
    totals = [q for q in before if _total_unit(q.unit) == each.unit and q.value >= each.value
              and not _PER_NOUN.match(text, q.span.end)]
    if len(counts) != 1 or len(totals) != 1 or counts[0][0].value <= 1:
        return None
    count, counted = counts[0]
    return Quotient(span=each.span, noun=noun or counted, total=totals[0], count=count, each=each, link=Link.SENTENCE)


def _quotient_each_of(doc: Document, quantities, starts: list[int], k: int) -> Quotient | None:
    """"£5,000 for each of the 3,000 households": the count follows the per-unit figure, and counts the plural
    noun after it; the total is the one figure before in the sentence in the per-unit figure's unit."""
    text = doc.text
    each, count = quantities[k], quantities[k + 1]
    sentence = doc.sentence_of(each.span.start)
    if count.unit != "count" or count.bound != "=" or count.value <= 1 or count.span.start >= sentence.end:
        return None
    counted = _counts(text, count, "", sentence.start)
    before = quantities[bisect.bisect_left(starts, sentence.start, 0, k):k]
    totals = [q for q in before if _total_unit(q.unit) == each.unit and q.value >= each.value
              and not _PER_NOUN.match(text, q.span.end)]
    if not counted or len(totals) != 1:
        return None
    return Quotient(span=each.span, noun=counted, total=totals[0], count=count, each=each, link=Link.SENTENCE)


def _total_unit(unit: str) -> str:
    """A total over a period ("$120 million a year") is divided per unit over that period: its money unit."""
    return unit.split("/", 1)[0]


def _counts(text: str, q: Quantity, noun: str, sentence_start: int) -> str:
    """The noun (singular) the count `q` counts when it counts `noun`, else "".

    "95,000 jobs" for "job", "1,200 new homes" for "home", "1,200 families" for "family"; people for
    "head", "capita" or "person" ("25 million people", "2,000 workers", or a people word before it: "a
    population of 5 million"): the noun is one of the three words after the figure on its line, with only
    lower-case words before it and no punctuation. A bare "each" or "apiece" ("shared among 2,000
    bankers, or $300,000 each") names no noun: the count's own plural noun is the one divided by."""
    if noun in _PER_PERSON:
        names = _PEOPLE_WORDS
        if _PEOPLE_BEFORE.search(text, max(sentence_start, q.span.start - 30), q.span.start):
            return noun
    else:
        names = (noun, noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
    window = text[q.span.end:q.span.end + _REACH].split("\n", 1)[0]  # a line break ends it (tables)
    for word in window.split()[:3]:
        bare = word.rstrip(",.;:)")
        low = bare.lower()
        if noun and low in names:
            return noun
        if not noun and bare.isalpha() and bare.islower() and _plural(low):
            return _singular(low)
        if bare != word or not bare.isalpha() or not bare.islower():
            return ""  # punctuation ends the phrase the count belongs to; "new", not "Year", between
    return ""


def _plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun a bare "each" may divide by ("bankers", "families",
    "people"), not a period ("years") or a word that only ends in s ("gross", "bonus", "this")."""
    if word in _PEOPLE_WORDS:
        return True
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
            and word[:-1] not in _PERIODS)


def _singular(word: str) -> str:
    if word in ("people", "children", "men", "women", "staff"):
        return "person"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]
