"""Extractor: a multiplier that restates a change's rate ("sales rose 4,900%, or 49 times as many").

Why: a rate and a multiplier of one change are two statements of one ratio, and a +4,900% change is
×50, not ×49. They are tied when the multiplier follows the rate in its sentence, joined by ", or",
"to", a bracket, a dash or ", that is" (nothing else numeric between); the multiplier becomes the claim's
`factor`. Its `factor_kind` is "times-as" when the words mean exactly N times the base ("49 times as
many", "50 times the 2010 level", "49 times what it was"), else "fold"/"times" ("a 49-fold rise",
"49 times more", which some writers use for ×N and others for ×(N+1)).
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, replace

_JOIN = lazy_compile(r"(?:\s*+,\s*+(?:(?:or|that\s+is|i\.e\.)\s++)?|\s*+\(\s*+|\s*+[—–-]{1,2}\s*+|\s++(?:or|to)\s++)"
                      r"(?:(?:a|an|some|about|nearly|almost|roughly)\s++)?(?:to\s++)?", regex.IGNORECASE)
_EXACT_AFTER = lazy_compile(r"\s++(?:as\s+(?:many|much|high|large|big)\b|the\s+|what\b|its\s+)", regex.IGNORECASE)


def extract(doc: Document, facts: Facts) -> Facts:
    if not any(q.unit == "times" for q in facts.quantities) or not facts.growths:
        return facts
    text = doc.text
    factors = [q for q in facts.quantities if q.unit == "times"]  # in text order
    starts = [q.span.start for q in factors]
    growths = []
    changed = False
    for g in facts.growths:
        if g.rate is not None and g.factor is None and g.rate.unit == "percent" and not g.factor_kind:
            factor = _restating(text, g.rate, factors, starts)
            if factor is not None:
                exact = _EXACT_AFTER.match(text, factor.span.end) and "fold" not in factor.text.lower()
                g = replace(g, factor=factor, factor_kind="times-as" if exact else
                            ("fold" if "fold" in factor.text.lower() else "times"))
                changed = True
        growths.append(g)
    return replace(facts, growths=tuple(growths)) if changed else facts


def _restating(text: str, rate, factors, starts):
    """The multiplier right after `rate` across a restating join, if any."""
    i = bisect.bisect_right(starts, rate.span.end)
    if i == len(factors) or starts[i] - rate.span.end > 40:
        return None
    q = factors[i]
    return q if _JOIN.fullmatch(text, rate.span.end, q.span.start) else None
