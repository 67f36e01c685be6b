"""S105 share-of-whole-mismatch: a part, its percentage and the whole, all stated, that do not fit.

What it does:
    Reads a part stated with its percentage of a whole that the text also
    gives (rules.part_shares): "450 jobs, or 25% of its 3,000 workers",
    "1.2 mln shares (9.5 pct of the 10 mln outstanding)", "fees of 1 percent
    of the $21.1 billion, or just over $2 billion", "600 of the 2,000 staff
    (15%)", "The electorate totals 1,755, including 885 women (50.4%)
    and 870 men (49.6%)"; or a proportion in words after a part and its
    whole ("$667,000 of the $1.3 million, a little less than half", "Of
    the 2,000 staff, 600, or nearly a third,"), as rules.verbal_proportions
    reads the words ("nearly a third" 26.7-33.3 %). It divides the part by the whole, each as the range its wording
    allows (rounding, hedges), and reports the percentage when it lies
    outside that range widened by 5 % of itself for a restatement's
    rounding.

Why is this bad?
    One of the three figures is wrong: the part, the whole, or the share
    worked out from them (a slip of a power of ten, a share of another
    whole, a figure from an earlier draft).

Example:
    The firm will cut 450 jobs, or 25% of its 3,000 workers.

Use instead:
    The firm will cut 450 jobs, or 15% of its 3,000 workers.

Known false positives:
    A percentage of the whole that is not the part's own, written as an
    aside ("450 jobs, or 25% of its 3,000 workers in Ohio, will go" when
    the 450 are counted company-wide); a rate in brackets after a part of a
    total, not its share ("1 bln dlrs, including 300 mln dlrs (8.5 pct)"
    written for a coupon).
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, PartShare, Related, Rule, Severity, fingerprint

CODE, NAME = "S105", "share-of-whole-mismatch"
APPROX = 0.05  # a share worked out from the figures and then rounded, or a part restated roughly


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for claim in facts.part_shares:  # read by rules.part_shares
        share = _share(claim)
        stated = Interval(claim.percent.low, claim.percent.high)
        if share.intersects(stated):
            continue
        yield _finding(doc, claim, share, stated)


def _share(claim: PartShare) -> Interval:
    """The part over the whole in percent, each read as the range its wording allows, widened for rounding."""
    part, whole = claim.part, claim.whole
    low = 100 * part.low / whole.high
    high = 100 * part.high / whole.low if whole.low > 0 else float("inf")
    return Interval(low * (1 - APPROX), high * (1 + APPROX))


def _finding(doc: Document, claim: PartShare, share: Interval, stated: Interval) -> Finding:
    part, pct, whole = (" ".join(q.text.split()) for q in (claim.part, claim.percent, claim.whole))
    if claim.worded:  # a proportion in words: say what it allows ("'nearly half' (40-50%)")
        pct = f"'{pct}' ({claim.percent.low:.0f}-{claim.percent.high:.0f}%)"
    worked = 100 * claim.part.value / claim.whole.value
    shown = f"{worked:.1f}".rstrip("0").rstrip(".") if worked < 10 else f"{worked:.0f}"
    message = f"{part} is about {shown}% of {whole}, not {pct}"
    return RULE.finding(
        span=claim.percent.span, confidence=0.8, message=message,
        related=(Related("part", claim.part.span, claim.part.text), Related("whole", claim.whole.span, claim.whole.text)),
        fingerprint=fingerprint(CODE, f"{part} {pct} {whole}", doc.claim_context(claim.percent.span)),
        gap=relative_gap(stated, share),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("part_shares",))
