"""Q102 translation-garble: Chinese 万/亿 translated word for word.

What it does:
    Reads the Garble claims of rules.garbles (kinds "wan", "yi",
    "stacked-scale"): "522 10,000 units" (522万, i.e. 5.22 million), with 万
    also written "10 thousand" or "ten thousand" and the figure before it
    up to 999,999 ("Revs 29180 10,000" is 291.8 million), grouped or not
    ("3,500 10,000 yuan"); "13.14 100 million yuan" (13.14亿, i.e. 1.314
    billion); stacked scales such as "3 billion 6,500 million" (30亿6500万,
    i.e. 3.065 billion). Also Russian scale abbreviations left untranslated,
    cut short or with their point kept ("5 тыс. rubles", "3 млн rubles",
    "500 thous. rubles", "45 thousand. rubles", "3 mln. rubles": kind
    "scale-word"); a kept point counts only before a unit or currency the
    reader knows, as "thousand. People came" is two sentences. The two halves are one figure when nothing but a
    space stands between them, no figure stands before the first or after
    the second (a row of a table), the first is no year ("In 2022 10,000
    people"; but "rose to 2060 10,000 dlrs" and "about 2100 ten thousand"
    are amounts), and a hyphenated "10,000-seat" is not a measure of things
    the first counts ("the 12 10,000-seat stadiums"). A number the reader
    skipped as a name because its headline is in capitals ("GETS 3050 ten
    thousand DLR CONTRACT") is read too. The repaired value is what the
    other checks use, and it is given as the suggestion.

Why is this bad?
    The literal reading is off by four or eight orders of magnitude, and the
    sentence no longer parses as English.

Example:
    Sales reached 522 10,000 units last year.

Use instead:
    Sales reached 5.22 million units last year.

Known false positives:
    Two numbers in a row that really are separate and are not told apart by
    a hyphen, a year or a table row ("won 3 10,000-dollar prizes" is left
    alone because of the hyphen, but "he ran 5 10,000 metre races" would be
    read as one figure).
"""
from __future__ import annotations

from collections.abc import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, Severity
from statlint.rules._garble import garble_findings

CODE, NAME = "Q102", "translation-garble"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    yield from garble_findings(doc, facts, RULE, ("wan", "yi", "stacked-scale", "scale-word"), "garbled number", 0.9)


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("garbles",))
