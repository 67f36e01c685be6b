"""Q102 translation-garble: Chinese 万/亿 translated word for word.

What it does:
    Flags "522 10,000 units" (522万, i.e. 5.22 million), "13.14 100 million
    yuan" (13.14亿, i.e. 1.314 billion) and stacked scales such as "3 billion
    6,500 million" (30亿6500万, i.e. 3.065 billion). The repaired value is what
    the other checks use, and it is given as the suggestion.

Why is this bad?
    The literal reading is off by four or eight orders of magnitude, and the
    sentence no longer parses as English.

Example:
    Sales reached 522 10,000 units last year.

Use instead:
    Sales reached 5.22 million units last year.

Known false positives:
    Two numbers in a row that really are separate ("the 12 10,000-seat
    stadiums" is left alone because of the hyphen, but other juxtapositions
    may not be).
"""
from __future__ import annotations

from statlint.checker.model import Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q102", "translation-garble"


def check(doc, facts):
    yield from garble_findings(doc, facts, RULE, ("wan", "yi", "stacked-scale"), "garbled number", 0.9)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
