"""P101 decline-past-100: a fall of more than 100 % in something that cannot go below zero.

What it does:
    Flags a percentage decline above 100 % ("shipments fell 135 pct", "a 120%
    drop in visitors"). A fall of 100 % already means nothing is left. Measures
    that can turn negative (profit, earnings, income, balances, deficits,
    indices, margins) are left alone.

Why is this bad?
    A quantity that cannot be negative cannot fall by more than all of it: the
    rate is mistyped (a lost decimal point, "135" for "13.5") or it is not a
    percentage change.

Example:
    Shipments of the model fell 135 pct last year.

Use instead:
    Shipments of the model fell 13.5 pct last year.

Known false positives:
    A quantity that can go negative but is not named by one of the usual words
    (a "result", a "position"), and falls described relative to another figure.
"""
from __future__ import annotations

import regex

from statlint.checker.model import Finding, Rule, Severity, fingerprint
from statlint.rules._percent import over_100

CODE, NAME = "P101", "decline-past-100"

_DECLINE_BEFORE = regex.compile(
    r"\b(?:fell|fall|falls|dropped|drop|declined|decline|decreased|decrease|plunged|plummeted|slumped|tumbled|"
    r"sank|shrank|slid|cut|reduced|slashed|down|lower)\s+(?:by\s+)?(?:some\s+|about\s+|nearly\s+|almost\s+|"
    r"more\s+than\s+|over\s+)?\Z|\b(?:drop|decline|decrease|fall|reduction|cut|plunge|slump|contraction)\s+of\s+\Z",
    regex.IGNORECASE | regex.REVERSE)
_DECLINE_AFTER = regex.compile(r"\s+(?:drop|decline|decrease|fall|reduction|cut|plunge|slump|contraction)\b",
                               regex.IGNORECASE)
_CAN_BE_NEGATIVE = regex.compile(
    r"\b(?:profits?|earnings|income|net|loss(?:es)?|deficits?|surplus(?:es)?|balances?|margins?|index|indices|"
    r"cash\s+flow|EBITD?A?|result|returns?|yields?|spreads?|growth|inflation|temperature|value|price)\b",
    regex.IGNORECASE)


_CLAUSE_BREAK = regex.compile(r"[,;:]|\b(?:while|but|whereas|and)\b", regex.IGNORECASE | regex.REVERSE)


def _clause_start(doc, offset: int) -> int:
    """Where the clause holding `offset` starts: "profit rose, while sales fell 112 pct" is about sales."""
    sentence = doc.sentence_of(offset)
    start = max(sentence.start, offset - 120)
    m = _CLAUSE_BREAK.search(doc.text, start, offset)
    return m.end() if m else start


def check(doc, facts):
    for q in over_100(facts):
        before = doc.text[max(0, q.span.start - 40):q.span.start]
        if not (_DECLINE_BEFORE.search(before) or _DECLINE_AFTER.match(doc.text, q.span.end)):
            continue
        if _CAN_BE_NEGATIVE.search(doc.text, _clause_start(doc, q.span.start), q.span.start):
            continue
        yield Finding(
            rule=CODE, name=NAME, span=q.span, severity=Severity.ERROR, confidence=0.8,
            message=f"a fall of {q.text.strip()} would leave less than nothing; a decline cannot exceed 100%",
            fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
