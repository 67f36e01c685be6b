"""Extractor: what each change claim is about, and whether that measure can go below zero.

Why: "shipments fell 135 pct" is impossible, "net profit fell 135 pct" (to a loss) is not. The difference
is in the words naming what changed, so it is read here, once, into the claim (`Growth.subject`,
`Growth.signed`); P101 only compares the rate with 100.

The subject is the claim's own clause before its verb ("profit rose, while sales fell 112 pct" is about
sales), plus the noun after a change noun ("a 120% drop in visitors") and the words up to a "to" figure
("fell 135 pct to a loss"). A measure is signed when those words name one that can be negative: profit,
earnings, income, losses, balances, deficits, margins, sentiment and confidence indices (a balance of
opinion; an index of prices or of indicators cannot go below zero), cash flow, returns, yields, growth,
inflation, temperatures, prices and values (a price change past 100 % is a sign flip in spreads and
futures).
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Growth, replace
from statlint.rules._claim_gates import next_word_may_be, word_starts
from statlint.rules._gates import may_contain

_CAN_BE_NEGATIVE = lazy_compile(
    r"\b(?:profits?|earnings|income|net|loss(?:es)?|deficits?|surplus(?:es)?|balances?|margins?|"
    r"(?:sentiment|confidence|diffusion|climate|expectations)\s+(?:index|indices|indicators?)|"
    r"cash\s+flow|EBITD?A?|result|returns?|yields?|spreads?|growth|inflation|temperature|value|price)\b",
    regex.IGNORECASE)
# A word every match of _CAN_BE_NEGATIVE holds, lower-cased: "profit" for "profits?", "ind" for "index", "indices"
# and "indicators?", "ebit" for "EBITD?A?"...
_SIGNED_WORDS = ("profit", "earnings", "income", "net", "loss", "deficit", "surplus", "balance", "margin", "ind",
                 "cash", "ebit", "result", "return", "yield", "spread", "growth", "inflation", "temperature", "value",
                 "price")


def _can_be_negative(subject: str) -> bool:
    """Whether the subject names a measure that can go below zero (_CAN_BE_NEGATIVE). The pattern, a flat
    case-insensitive alternation of some 25 words tried at every position, costs tens of microseconds on a
    subject; it runs only when one of its words is there (_gates.may_contain: exact, "İ"/"ſ" aside)."""
    return may_contain(subject, _SIGNED_WORDS) and bool(_CAN_BE_NEGATIVE.search(subject))


_CLAUSE_BREAK = lazy_compile(r"[,;:]|\b(?:while|but|whereas|and)\b", regex.IGNORECASE | regex.REVERSE)
# "a 120% drop in visitors", "a decline of 150 pct in sales": the words after the change noun
_NOUN_OBJECT = lazy_compile(r"\s+(?:of\s+\S{1,30}\s+)?in\s+((?:[\w'’-]{1,30}\s+){0,2}[\w'’-]{1,30})", regex.IGNORECASE)
_TO_AFTER = lazy_compile(r"\s+(?:to|into)\s+((?:a\s+|an\s+)?[\w-]{1,30}(?:\s+[\w-]{1,30})?)", regex.IGNORECASE)
# "The index of lagging indicators, which measures past activity, decreased": the subject is before the
# relative clause, not the clause itself.
_RELATIVE_BEFORE = lazy_compile(r",\s+(?:which|who|whose|that)\b[^,;:]{0,100},\s*\Z", regex.IGNORECASE | regex.REVERSE)
_REACH = 120  # characters before the verb that may still be the clause's subject
# The words _NOUN_OBJECT and _TO_AFTER open with, after white space ("of", "in"; "to", "into"): rules._claim_gates
_AFTER_STARTS = word_starts(("of", "in", "to", "into"))


def subject_of(doc: Document, g: Growth) -> str:
    """The words naming what changed: the clause before the verb, the noun after a change noun, the "to" words."""
    text = doc.text
    anchor = g.verb.start if g.verb is not None else g.span.start
    if g.rate is not None:
        anchor = min(anchor, g.rate.span.start)
    sentence = doc.sentence_of(anchor)
    start = max(sentence.start, anchor - _REACH)
    relative = _RELATIVE_BEFORE.search(text, start, anchor) if _ends_in_comma(text, start, anchor) else None
    head_end = relative.start() if relative else anchor
    brk = _CLAUSE_BREAK.search(text, start, head_end)
    words = text[brk.end() if brk else start:head_end] + (text[relative.end():anchor] if relative else "")
    end = max(x.span.end for x in (g.rate, g.factor) if x is not None) if (g.rate or g.factor) else g.span.end
    end = max(end, g.span.end)
    stop = min(sentence.end, end + _REACH)  # bounded: a 2 MB line of figures is one "sentence"
    after = (_NOUN_OBJECT.match(text, end, stop) or _TO_AFTER.match(text, end, stop)) \
        if next_word_may_be(text, end, _AFTER_STARTS) else None
    if after:
        words += " … " + after.group(1)
    return " ".join(words.split())


def _ends_in_comma(text: str, start: int, end: int) -> bool:
    """False only when _RELATIVE_BEFORE cannot match in text[start:end]: it ends in a comma and white space
    (\\s*\\Z), and str.rstrip() takes off every character regex's \\s matches (and a few more)."""
    return text[start:end].rstrip().endswith(",")


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.growths:
        return facts
    growths = []
    changed = False
    for g in facts.growths:
        if g.rate is not None:
            subject = subject_of(doc, g)
            g = replace(g, subject=subject, signed=_can_be_negative(subject))
            changed = True
        growths.append(g)
    return replace(facts, growths=tuple(growths)) if changed else facts
