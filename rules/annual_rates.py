"""Extractor: an average annual rate stated apart from the change it describes -> `Growth.rate`, period "year".

"Traffic grew from 117 million in 2010 to 217 million in 2018, an average annual rate of 8%"; "... to 217
million, or 8% a year"; "grew at a compound annual rate of 8% from 117 million to 217 million"; "...,
averaging 8% per annum". rules.claims ties a rate to its verb ("rose 8%") or to a direction noun ("an
increase of 8%"); a rate brought in by a neutral word ("rate", "CAGR", "an average of", "averaging") is tied
here, to the change claim it qualifies, when every one of these holds:
- the claim has both figures and no rate or multiplier of its own;
- the rate is a percentage per year (rules.periods.is_annual), in the claim's sentence, and no other claim
  took it;
- it stands right after the claim's last figure (an appositive: a comma, a dash, a bracket or "or" first) or
  between the verb and the claim's first figure, and the words between are only words that bring in a rate
  (articles, "average", "annual", "compound", "rate", "CAGR", "averaging", "or about"...): another clause
  ("..., and inflation averaged 3% a year") lends no rate.
The claim keeps its direction: the words tied here name none.
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Growth, Quantity, replace
from statlint.rules.periods import is_annual

# The words that may bring in the rate: articles, "average", "annual", "rate", "CAGR", "averaging"... and
# nothing else, so that another clause ("and inflation averaged 3% a year") never lends its rate.
_RATE_WORDS = (r"(?:(?:an?|the|at|of|by|was|or|averaging|representing|equivalent\s+to|equal\s+to|which\s+is|that\s+is|"
               r"about|around|roughly|some|nearly|almost|over|more\s+than|compound(?:ed)?|average|annual(?:i[sz]ed)?|"
               r"yearly|CAGR|growth|increase|rise|gain|expansion|rate|pace)\b\s*+|\(CAGR\)\s*+)*+")
# After the claim's last figure: a few words that finish it ("ships", "in 2018", "over five years", "in the
# five years to 2019"), then a comma, a bracket, a dash or "or", then only words that bring in a rate.
_AFTER = lazy_compile(
    r"(?P<tail>(?:\s+(?:[a-z-]+|(?:19|20)\d\d)){0,6}?)"
    rf"\s*+(?:,|\(|--?|–|—|\bor\b)\s*+{_RATE_WORDS}", regex.IGNORECASE)
# ... and the words that finish the claim must not start another clause or a comparison.
_TAIL_STOP = lazy_compile(r"\b(?:and|while|whereas|but|than|compared|against|versus|vs|when|as|because|after|before|"
                           r"with|which|who|that)\b", regex.IGNORECASE)
# Between the verb and the rate ("grew at an average annual rate of 8%", "grew by an average of 8% a year"),
# then between the rate and the claim's first figure ("8% a year from", "8% annually between 2010 and 2018, from").
_BEFORE = lazy_compile(rf"\s++{_RATE_WORDS}", regex.IGNORECASE)
_BETWEEN = lazy_compile(
    r"(?:\s*+(?:(?:a|per|each|every)\s+year|per\s+annum|annually|on\s+average|\(CAGR\)|,))*+"
    r"(?:\s*+between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\s*+,?)?\s*+(?:from|to)\s++", regex.IGNORECASE)
_REACH = 80  # characters the words between the claim and its rate may take


def extract(doc: Document, facts: Facts) -> Facts:
    candidates = [g for g in facts.growths if _open(g)]
    if not candidates:
        return facts
    text = doc.text
    taken = {g.rate.span for g in facts.growths if g.rate is not None}
    rates = [q for q in facts.quantities if q.unit == "percent" and q.span not in taken]
    if not rates:
        return facts
    rate_starts = [q.span.start for q in rates]
    growths = []
    for g in facts.growths:
        if _open(g):
            rate = _annual_rate(doc, g, rates, rate_starts)
            if rate is not None and rate.span not in taken:
                taken.add(rate.span)
                g = replace(g, rate=rate, period="year")
        growths.append(g)
    return replace(facts, growths=tuple(growths))


def _open(g: Growth) -> bool:
    return g.old is not None and g.new is not None and g.rate is None and g.factor is None and g.verb is not None


def _annual_rate(doc: Document, g: Growth, rates: list[Quantity], rate_starts: list[int]) -> Quantity | None:
    text = doc.text
    sentence = doc.sentence_of(g.verb.start)
    first = min(g.old.span.start, g.new.span.start)
    last = max(g.old.span.end, g.new.span.end)
    # after the last figure: "... to 217 million in 2018, an average annual rate of 8%"
    i = bisect.bisect_left(rate_starts, last)
    if i < len(rates) and rates[i].span.start - last <= _REACH and rates[i].span.end <= sentence.end:
        rate = rates[i]
        m = _AFTER.fullmatch(text, last, rate.span.start)
        if m and not _TAIL_STOP.search(m.group("tail")) and is_annual(text, rate):
            return rate
    # between the verb and the first figure: "grew at an average annual rate of 8% from ... to ..."
    i = bisect.bisect_left(rate_starts, g.verb.end)
    if i < len(rates) and rates[i].span.end <= first and rates[i].span.start - g.verb.end <= _REACH:
        rate = rates[i]
        if _BEFORE.fullmatch(text, g.verb.end, rate.span.start) and _BETWEEN.fullmatch(text, rate.span.end, first) \
                and is_annual(text, rate):
            return rate
    return None
