"""P102 share-above-100: a share of a whole that is larger than the whole.

What it does:
    Flags a percentage above 100 % given as a part of a total: "106 pct of
    the total", "600% of the world's battery components", "a 120% stake".
    Ratios that may exceed 100 % are not shares and are left alone: "of GDP",
    "of par", "of face value", "of capacity", "of the conversion price",
    "of last year's level".

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

import regex

from statlint.checker.model import Finding, Rule, Severity, fingerprint
from statlint.rules._percent import over_100

CODE, NAME = "P102", "share-above-100"

# "of the total" (and nothing after it), "of the world's/global X", "of the market", "of all X": a whole
# that the figure is a part of. "129 pct of total exports" is a ratio of debt to exports: not matched.
_WHOLE_AFTER = regex.compile(
    r"\s+of\s+(?:the\s+total\b(?!\s+[a-z])|(?:the\s+)?(?:world's|global|nation's|country's)\s+[a-z]+|"
    r"the\s+(?:market|population|workforce|electorate|vote|votes|seats|shares\s+outstanding|share\s+capital)\b|"
    r"all\s+[a-z]+|its\s+(?:shares|share\s+capital|workforce|members)\b)", regex.IGNORECASE)
_SHARE_BEFORE = regex.compile(
    r"\b(?:(?:market\s+)?share|stake|proportion|percentage|holding)\s+(?:of\s+|to\s+|at\s+|was\s+|is\s+|reached\s+)?\Z"
    r"|\b(?:an?|its|their)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_STAKE_AFTER = regex.compile(r"\s+(?:stake|share|holding|interest)\b", regex.IGNORECASE)


def check(doc, facts):
    for q in over_100(facts):
        before = doc.text[max(0, q.span.start - 30):q.span.start]
        share = _WHOLE_AFTER.match(doc.text, q.span.end) or (
            _SHARE_BEFORE.search(before) and _STAKE_AFTER.match(doc.text, q.span.end))
        if not share:
            continue
        yield Finding(
            rule=CODE, name=NAME, span=q.span, severity=Severity.ERROR, confidence=0.8,
            message=f"{q.text.strip()} is given as a share of a whole, but no part can exceed 100% of its whole",
            fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
