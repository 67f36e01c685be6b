"""Q103 glued-year: a year run together with the number after it.

What it does:
    Flags a year fused to the next number, as in "hired in 19985,000
    workers", where "1998" and "5,000" lost the space between them. When the
    figure is also a translated 万 ("522 in 202310,000 units"), Q102's repair
    ("5.22 million units in 2023") covers this one and is shown instead.

Why is this bad?
    The fused string reads as a nonsense figure (199 million) and hides both
    the year and the figure.

Example:
    The plant opened in 19985,000 workers were hired.

Use instead:
    The plant opened in 1998. 5,000 workers were hired.

Known false positives:
    None known: the number must start with 19xx or 20xx after "in", "by",
    "since", "during" or "for" and be malformed without the year.
"""
from __future__ import annotations

from statlint.checker.model import Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q103", "glued-year"


def check(doc, facts):
    yield from garble_findings(doc, facts, RULE, ("glued-year",), "year glued to a number", 0.9)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
