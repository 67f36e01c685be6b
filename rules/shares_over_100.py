"""P103 shares-over-100: shares of one whole that add up to more than 100 %.

What it does:
    Takes percentages that split one whole among answers, parties or groups
    (ShareSplit claims, rules.share_splits): a list in one sentence ("40%
    backed the plan, 35% opposed it and 30% were undecided"), a "respectively"
    list of shares ("Shares of the three regions were 45%, 35% and 30%,
    respectively"), or answers to one poll question over two or three
    consecutive sentences of a paragraph, tied by the words that carry the
    answers on ("In the survey, 52% backed the plan. Another 41% opposed it.
    A further 19% had no view."; "..., while 41% ... The rest, 19%, ...";
    "The remainder (19%) ..."), never across a sentence without them, nor
    to a share of another whole ("Another 61% of women"); and an answer and
    its negation in two clauses or sentences ("65% say he should resign; 44%
    say he should not", "65% support the plan, while 44% oppose it"). It
    flags the split when even the smallest values the rounding allows add up
    to more than 100 %, or, when the last share is "the rest" or "the
    remaining" ("65% back it; the remaining 25% oppose it"), when even the
    largest add up to less. "More than one answer" is left alone.

Why is this bad?
    Exclusive shares of one whole cannot exceed it; one of the figures is
    wrong.

Example:
    In the survey, 40% of voters backed the plan, 35% opposed it and 30% were undecided.

Use instead:
    In the survey, 40% of voters backed the plan, 35% opposed it and 25% were undecided.

Known false positives:
    Questions that allow several answers, when the text does not say so.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint

CODE, NAME = "P103", "shares-over-100"


def _splits_a_subset(shares) -> bool:
    """ "81 pct of members voted, 54.5 pct no and 45.5 pct yes": a turnout, then a split of those who voted.

    If the figures after the first, or before the last, already make up a whole, they are not shares of
    the same whole as the rest.
    """
    for part in (shares[1:], shares[:-1]):
        if len(part) >= 2 and sum(q.low for q in part) <= 100 <= sum(q.high for q in part):
            return True
    return False


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for split in facts.splits:
        shares = split.shares
        if not split.exclusive or (split.may_nest and _splits_a_subset(shares)):
            continue
        if sum(q.low for q in shares) > 100:
            problem = "shares of one whole cannot add up to more than 100%"
        elif split.complete and sum(q.high for q in shares) < 100:
            problem = "the last is the rest of the whole, so they must add up to 100%"
        else:
            continue
        span = split.span
        yield RULE.finding(
            span=span, confidence=0.6,
            message=f"{' + '.join(q.text.strip() for q in shares)} = {sum(q.value for q in shares):g}%: {problem}",
            related=tuple(Related("share", q.span, q.text) for q in shares),
            fingerprint=fingerprint(CODE, " ".join(q.text for q in shares), doc.claim_context(span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("splits",))
