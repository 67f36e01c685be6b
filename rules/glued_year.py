"""Q103 glued-year: a year run together with the number after it.

What it does:
    Reads the Garble claims of rules.garbles of kind "glued-year"
    (rules._glued_years): a numeral that starts with a year from 1900 to 2099
    and goes on with digits that do not start with 0 ("in 198612 mths",
    "due 1992125 mln dlrs", "By 202540%", "a 197220-year issue",
    "in 19985,000 workers"), which is not a cell of a table or part of a
    code, when a word before asks for a year ("in", "by", "since", "due",
    "end-", a month or a date), a percentage, scale word or span of time
    follows (which no one writes after a figure of five digits or more), or
    the rest is a year too ("in 19871988 and 1989"). The figure after the
    year is then read on its own, with the year as its year. When the figure
    is also a translated 万 ("522 in 202310,000 units"), Q102's repair
    ("5.22 million units in 2023") covers this one and is shown instead.

Why is this bad?
    The fused string reads as a nonsense figure (199 million) and hides both
    the year and the figure.

Example:
    The plant was built in 19985,000 workers were hired.

Use instead:
    The plant was built in 1998. 5,000 workers were hired.

Known false positives:
    A code or number that starts like a year after a word that asks for a
    year, in a text that writes large figures without separators ("in 20345
    homes" for twenty thousand homes).
"""
from __future__ import annotations

from collections.abc import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q103", "glued-year"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    yield from garble_findings(doc, facts, RULE, ("glued-year",), "year glued to a number", 0.9)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
