"""S103 part-exceeds-whole: a part stated larger than the whole it belongs to.

What it does:
    Reads the PartOfWhole claims of rules.parts_of_wholes: a group and a
    part of it in one sentence ("Of the 368 members, 411 voted", "411 of
    the 368 members", "411 out of 368", "368 staff, 411 of whom"), or in the
    next sentence when it opens on the part ("Of these, 411 ..."), a profit
    and the revenue it is made from in one sentence ("a net profit of 2,313
    billion yuan on revenue of 15.841 billion yuan"), and an earnings
    table's profit row over its sales row ("Net profit 628,000 vs loss
    491,000" over "Sales 50.7 mln vs 41.8 mln", column by column). It flags
    a part whose smallest reading exceeds the largest reading of its whole
    (times the claim's factor: three between two dollar currencies), and of
    every whole the words may name when they leave it open; in a table by
    more than the claim's margin (any other figure of the article, which a
    gain in the notes can be). Small whole counts of things are exact, so
    "Of the 368 members, 369 voted" is flagged.

Why is this bad?
    A part cannot be more than all of its group, and a profit cannot exceed
    the revenue it is made from in ordinary trading; one figure carries the
    wrong scale, a misplaced separator or a slipped digit.

Example:
    The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.

Use instead:
    The bank made a net profit of 2.313 billion yuan on revenue of 15.841 billion yuan.

Known false positives:
    One-off gains (the sale of a business, a tax credit) can lift a profit above
    that period's revenue; the finding is a warning for that reason. In tables
    a gain stated in the notes keeps the rule quiet; in sentences it does not.
    A part that counts something other than its group without naming its own
    noun ("Of the 12 mines, 1,400 work underground").
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, PartOfWhole, Related, Rule, Severity, fingerprint
from statlint.checker.precision import as_written

CODE, NAME = "S103", "part-exceeds-whole"


def _exceeds(claim: PartOfWhole) -> bool:
    """Whether the part's smallest reading is past every whole it may belong to."""
    return all(claim.part.low > top * factor + claim.margin for top, factor in zip(claim.tops, claim.factors))


def _message(claim: PartOfWhole, whole) -> str:
    if claim.relation == "group":
        group = f"{as_written(whole)} {claim.label}".strip()
        return f"{as_written(claim.part)} is more than the whole it is counted from ({group})"
    return f"a profit of {as_written(claim.part)} exceeds the revenue it comes from ({as_written(whole)})"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for claim in facts.part_wholes:
        if not _exceeds(claim):
            continue
        part = claim.part
        whole = min(claim.wholes, key=lambda w: abs(w.span.start - part.span.start))
        yield RULE.finding(
            span=part.span, confidence=0.7,
            message=_message(claim, whole),
            related=(Related("whole", whole.span, whole.text),),
            fingerprint=fingerprint(CODE, part.text + " " + whole.text, doc.claim_context(part.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("part_wholes",))
