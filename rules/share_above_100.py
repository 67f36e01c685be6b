"""P102 share-above-100: a share of a whole that is larger than the whole.

What it does:
    Flags a percentage above 100 % given as a part of a whole (a Share claim,
    rules.shares): of a population ("130% of the company's employees", "of
    voters", "of those polled") or of a total ("106 pct of the total", "600%
    of the world's battery components", "a 120% stake"). Ratios that may
    exceed 100 % are not shares and are left alone: "of GDP", "of par", "of
    face value", "of capacity", "of total exports", "of last year's level".

Why is this bad?
    No part can be more than the whole it belongs to; the figure is mistyped or
    it is a ratio to something else.

Example:
    The firm makes 600% of the world's battery components.

Use instead:
    The firm makes 60% of the world's battery components.

Known false positives:
    A total named by a word in the list that is in fact a reference level
    ("120 pct of the total allowed last year").
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint

CODE, NAME = "P102", "share-above-100"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for share in facts.shares:
        q = share.percent
        if share.whole_kind == "reference" or q.low <= 100 or q.value <= 100 or q.grouping == "malformed":
            continue
        yield RULE.finding(
            span=q.span, confidence=0.8,
            message=f"{q.text.strip()} is given as a share of {share.whole}, but no part can exceed 100% of its whole",
            related=(Related("whole", share.whole_span, share.whole),),
            fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("shares",))
