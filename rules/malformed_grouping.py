"""Q101 malformed-grouping: digit groups that no number format allows, and figures broken in two.

What it does:
    Reads the Garble claims of rules.garbles (kinds "grouping", "split-group",
    "decimal-comma", "broken-figure") and reports each. Those are:
    - separators that cannot be thousands separators or a decimal point:
      "4178,027" (four digits before a comma), "5.17,000" (a decimal point
      followed by a thousands separator), "2.313.000.000" in a text that
      elsewhere uses "." as its decimal point; Indian grouping ("1,00,000")
      in a text that names nothing of South Asia (India, a rupee, a lakh,
      Pakistan, Dhaka, ...; there it is valid);
    - a decimal comma before a scale word or a percent ("3,5 million",
      "12,34 mln", "5,19 per cent"): one or two digits after a comma are no
      thousands group, and the figure is read as the decimal (3.5 million,
      not 35 million); a bare "2,3" is left alone (a list: "2,3 and 4");
    - a digit group split off by a space or line break after its thousands
      comma: "155, 221 bags", "1,699, 124 vs", "6, 318,000", "920, 000",
      when neither side is a member of a list or range ("250, 300 and 350"),
      a bracketed pair ("(45, 123)") or a label ("13-1-1, 250 km"); years,
      days and label numbers never pair;
    - a figure broken by a point, a space or a line break: "14.⏎5 pct"
      (a point and a break between a number after a word and one to three
      digits that carry a percent, scale or unit), "9 8.8 pct" (one digit
      alone before a decimal percentage or scaled figure, not counting things:
      not after "the", "its", nor before a hyphenated unit), "66. mln" (a
      stray point before a lower-case scale word), ". 85 pct" (a point alone
      after a word that asks for a figure).
    The broken pieces are read as one figure by every other check.

Why is this bad?
    The reader cannot tell which number was meant, or reads two numbers
    where one was written; such strings are typical of hand edits, line
    wrapping and machine translation.

Example:
    The company shipped 4178,027 phones last year.

Use instead:
    The company shipped 4,178,027 phones last year.

Known false positives:
    Lists of numbers written without spaces after commas ("sizes 10,12,14").
    Two numbers side by side where the first ends a phrase the reader does
    not know as a label ("in room 101, 200 metres away", "at 45, 123 on the
    grid"); a sentence that ends on a number before one that starts with a
    percentage ("was 14. 5 pct of it went abroad").
"""
from __future__ import annotations

from collections.abc import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q101", "malformed-grouping"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    yield from garble_findings(doc, facts, RULE, ("grouping", "split-group"), "malformed digit grouping", 0.85)
    yield from garble_findings(doc, facts, RULE, ("decimal-comma",), "decimal comma", 0.85)
    yield from garble_findings(doc, facts, RULE, ("broken-figure",), "figure broken in two", 0.85)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
