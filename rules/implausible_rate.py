"""P105 implausible-rate: a rate outside what the measure allows.

What it does:
    Checks the level of a few measures that have natural bounds when a figure
    is given as that level ("unemployment of 95%", "the jobless rate stood at
    55 pct", "unemployment was unchanged at 99%", "GDP growth of 45% a year",
    "turnout was 120%"): unemployment up to 50 %, annual GDP growth between
    -30 % and +30 %, turnout, approval ratings, literacy, employment,
    participation and pass rates and airline load factors up to 100 %. When
    moving the decimal point one place brings the figure into range, it
    suggests that. Reads Mention claims (rules.mentions: the measure, and the
    figure tied to it as its level, not as a change in it).

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

from typing import Iterator

from statlint.checker.arithmetic import decimal_shift_repairs
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, Severity, fingerprint

CODE, NAME = "P105", "implausible-rate"

# The range each measure can take (keys are rules.mentions' measure keys), and how a message names it.
BOUNDS = {
    "unemployment": ("unemployment", 0.0, 50.0),
    "gdp-growth": ("annual GDP growth", -30.0, 30.0),
    "turnout": ("a turnout", 0.0, 100.0),
    "approval": ("an approval rating", 0.0, 100.0),
    "literacy": ("a literacy rate", 0.0, 100.0),
    "load-factor": ("a load factor", 0.0, 100.0),
    "participation": ("a participation rate", 0.0, 100.0),
    "employment": ("an employment rate", 0.0, 100.0),
    "pass-rate": ("a pass rate", 0.0, 100.0),
}


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for mention in facts.mentions:
        bounds = BOUNDS.get(mention.measure)
        q = mention.value
        if bounds is None or q.unit != "percent" or q.grouping == "malformed":
            continue
        what, low, high = bounds
        if q.high >= low and q.low <= high:
            continue
        suggestion = next((f"{label}%" for label, iv in decimal_shift_repairs(q)
                           if iv.low >= low and iv.high <= high), None)
        message = f"{q.text.strip()} is outside the range {what} can take ({low:g}% to {high:g}%)"
        if suggestion:
            message += f"; did you mean {suggestion}?"
        yield RULE.finding(
            span=q.span, confidence=0.7,
            message=message, suggestion=suggestion,
            fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("mentions",))
