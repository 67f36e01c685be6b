"""Extractor: the bound on a multiplier verb ("more than doubled", "nearly tripled", "almost halved").

Why: "doubled" reads as about twice, "more than doubled" as at least twice, "nearly doubled" as a little
under twice; the words are read here into `Growth.hedge` ("more than", "nearly"), and G104 turns the
verb and its hedge into an interval.
"""
from __future__ import annotations


import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, replace

_HEDGE_BEFORE = lazy_compile(r"\b(?P<hedge>more\s+than|over|nearly|almost|close\s+to|just\s+under|roughly|about)"
                              r"\s+\Z", regex.IGNORECASE | regex.REVERSE)
_CANONICAL = {"over": "more than", "almost": "nearly", "close to": "nearly", "just under": "nearly",
              "roughly": "about"}


def extract(doc: Document, facts: Facts) -> Facts:
    if not any(g.factor_kind and g.verb is not None for g in facts.growths):
        return facts
    growths = []
    for g in facts.growths:
        if g.factor_kind and g.verb is not None:
            m = _HEDGE_BEFORE.search(doc.text, max(0, g.verb.start - 16), g.verb.start)
            if m:
                word = " ".join(m.group("hedge").lower().split())
                g = replace(g, hedge=_CANONICAL.get(word, word))
        growths.append(g)
    return replace(facts, growths=tuple(growths))
