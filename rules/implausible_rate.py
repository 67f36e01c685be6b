"""P105 implausible-rate: a rate outside what the measure allows.

What it does:
    Checks the level of a few measures that have natural bounds when a figure
    is given as that level ("unemployment of 95%", "the jobless rate stood at
    55 pct", "GDP growth of 45% a year", "turnout was 120%"): unemployment up
    to 50 %, annual GDP growth between -30 % and +30 %, turnout, approval and
    literacy rates up to 100 %. When moving the decimal point one place brings
    the figure into range, it suggests that.

Why is this bad?
    The figure is almost certainly mistyped; a reader who knows the measure
    stops trusting the story.

Example:
    The jobless rate stood at 55 pct in March.

Use instead:
    The jobless rate stood at 5.5 pct in March.

Known false positives:
    Real extremes: youth unemployment in a few economies, a war-time or
    oil-boom GDP swing (Guyana grew 62 % in 2022).
"""
from __future__ import annotations

import regex

from statlint.checker.arithmetic import decimal_shift_repairs
from statlint.checker.model import Finding, Rule, Severity, fingerprint
from statlint.rules._gates import may_contain

CODE, NAME = "P105", "implausible-rate"

# "<measure> stood at / of / was / reached X%": the figure is the level of the measure, not a change in it.
_LINK = (r"(?:\s+in\s+[A-Z][\w-]+)?\s+(?:of|at|was|is|were|stood\s+at|reached|hit|rose\s+to|fell\s+to|"
         r"climbed\s+to|dropped\s+to|to)\s+(?:a\s+(?:record\s+)?(?:high\s+of\s+|low\s+of\s+)?)?\Z")


def _measure(words: str):
    return regex.compile(r"\b(?:" + words + r")" + _LINK, regex.IGNORECASE | regex.REVERSE)


MEASURES = (
    (_measure(r"unemployment(?:\s+rate)?|jobless\s+rate"), "unemployment", 0.0, 50.0),
    (_measure(r"(?:GDP|gross\s+domestic\s+product|economic)\s+growth(?:\s+rate)?"), "annual GDP growth", -30.0, 30.0),
    (_measure(r"turnout|approval\s+rating|literacy\s+rate"), "a turnout, approval or literacy rate", 0.0, 100.0),
)
# A word every match of one of the MEASURES contains: no such word in the text, no search per figure.
_MEASURE_WORDS = ("unemployment", "jobless", "growth", "turnout", "approval", "literacy")
_CHANGE_AFTER = regex.compile(r"\s+(?:a\s+year\s+)?(?:increase|rise|decline|drop|fall|jump|gain|higher|lower)\b",
                              regex.IGNORECASE)


def _is_level_rate(q) -> bool:
    return q.unit == "percent" and q.kind == "level" and q.grouping != "malformed"


def check(doc, facts):
    rates = [q for q in facts.quantities if _is_level_rate(q)]
    if not rates or not may_contain(doc.text, _MEASURE_WORDS):
        return  # most articles give no percentage, and few of the rest name one of these measures
    for q in rates:
        start = max(0, q.span.start - 70)
        if not may_contain(doc.text[start:q.span.start], _MEASURE_WORDS):
            continue  # every pattern below searches only these 70 characters
        if _CHANGE_AFTER.match(doc.text, q.span.end):
            continue
        for pattern, what, low, high in MEASURES:
            if not pattern.search(doc.text, start, q.span.start):
                continue
            if q.high >= low and q.low <= high:
                break
            suggestion = next((f"{label}%" for label, iv in decimal_shift_repairs(q)
                               if iv.low >= low and iv.high <= high), None)
            message = f"{q.text.strip()} is outside the range {what} can take ({low:g}% to {high:g}%)"
            if suggestion:
                message += f"; did you mean {suggestion}?"
            yield Finding(
                rule=CODE, name=NAME, span=q.span, severity=Severity.WARNING, confidence=0.7,
                message=message, suggestion=suggestion,
                fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
            )
            break


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__)
