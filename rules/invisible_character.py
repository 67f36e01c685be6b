"""Q104 invisible-character: an invisible character inside a figure, or one that reverses it.

What it does:
    Flags Unicode format characters that render as nothing but split a
    figure: a zero width space, joiner or word joiner, a soft hyphen or a
    stray byte order mark between its digits, after its currency sign or
    before its percent sign ("1\u200b000" looks like 1000). Also flags a
    right-to-left override (U+202E) in front of digits, which makes readers
    see the digits in reverse order ("\u202e0001" is shown as 1000).

Why is this bad?
    Readers see one figure while search, screen readers, copy and paste,
    and every checker see another or none: statlint reads "1\u200b000" as
    1 and 000 and cannot check it. An override makes the published figure
    differ from the one in the file. Such characters come from web pages,
    CMS exports and machine translation.

Example:
    Sales rose to 1\u200b000 tonnes last year.

Use instead:
    Sales rose to 1,000 tonnes last year.

Known false positives:
    A figure in right-to-left text with a direction mark between its
    digits. Direction marks before a percent sign, the usual way to keep
    "%" in place in right-to-left text, are not flagged.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q104", "invisible-character"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    yield from garble_findings(doc, facts, RULE, ("invisible", "bidi-override"), "invisible character", 0.9)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
