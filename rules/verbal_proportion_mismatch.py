"""P104 verbal-proportion-mismatch: a proportion in words that contradicts the number beside it.

What it does:
    Reads a verbal proportion followed by its figure, in brackets, after
    "or" or between dashes ("nearly half (62%)", "a majority, or 45%,",
    "one in five (35%)", "two-thirds (40%)", "one in four adults – 40
    percent –") and checks that the figure lies in the range the words
    allow: "half" 45-55 %, "nearly half" 40-50 %, "more than half", "a
    majority" or "most" above 50 %, "nearly all" 75-100 %, "one in five"
    17.5-22.5 %, "a third" 30-36 %, and so on. A count of counts is a
    proportion too: "10 in every 1,000" (0-3.5 %), "3 out of 10",
    "four-in-ten", "seven out of every hundred". Reads VerbalProportion claims
    (rules.verbal_proportions: the words' interval and the figure tied to
    them; "most" only as a proportion, not as a superlative).

Why is this bad?
    One of the two is wrong, and the reader cannot tell which.

Example:
    Nearly half (62%) of the households own a car.

Use instead:
    Nearly two-thirds (62%) of the households own a car.

Known false positives:
    A bracketed figure that refers to something else than the proportion
    before it ("half of the staff (35% of them women)").
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint

CODE, NAME = "P104", "verbal-proportion-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for p in facts.proportions:  # read by rules.verbal_proportions
        q = p.figure
        if q.high >= p.low and q.low <= p.high:
            continue
        yield RULE.finding(
            span=p.span, confidence=0.8,
            message=f"'{p.phrase}' means {p.low:.0f}-{p.high:.0f}%, but the figure given is {q.text.strip()}",
            related=(Related("figure", q.span, q.text),),
            fingerprint=fingerprint(CODE, p.phrase + " " + q.text, doc.claim_context(p.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("proportions",))
