"""Q101 malformed-grouping: digit groups that no number format allows.

What it does:
    Flags numerals whose separators cannot be thousands separators or a
    decimal point: "4178,027" (four digits before a comma), "5.17,000"
    (a decimal point followed by a thousands separator), "920, 000" (a space
    inside a group), and "2.313.000.000" in a text that elsewhere uses "."
    as its decimal point. Indian grouping ("1,00,000") is valid.

Why is this bad?
    The reader cannot tell which number was meant; such strings are typical
    of hand edits and machine translation.

Example:
    The company shipped 4178,027 phones last year.

Use instead:
    The company shipped 4,178,027 phones last year.

Known false positives:
    Lists of numbers written without spaces after commas ("sizes 10,12,14").
"""
from __future__ import annotations

from statlint.checker.model import Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q101", "malformed-grouping"


def check(doc, facts):
    yield from garble_findings(doc, facts, RULE, ("grouping",), "malformed digit grouping", 0.85)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
