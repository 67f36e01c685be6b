"""S102 respectively-mismatch: "respectively" pairing lists of different lengths.

What it does:
    Reads the `RespectiveList` claims (rules.respectively_lists): the figures before each
    "respectively" and the list they are paired with, labels after them ("... in 2021 and 2022,
    respectively"), labels before them ("Output at Leeds and Hull rose 30%, 36% and 5%, respectively"),
    or a list of figures one figure is compared with ("rose to 26,314 and 18,778 tonnes, from 17,929
    tonnes respectively"). It flags the claim when the two counts differ. Only lists the extractor could
    count without doubt are claimed: figures joined by commas and "and", labels of one word each or names
    of capitalised words ("New York", "the Bank of England"). A single
    figure paired with two or more labels is a warning (one figure of the pair was dropped, or
    "respectively" was used loosely for "each").

Why is this bad?
    A figure or a label was dropped or added in editing, and every pairing
    after the gap is now wrong.

Example:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021 and 2022, respectively.

Use instead:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021, 2022 and 2023, respectively.

Known false positives:
    Labels of several words that contain "and" themselves ("research and
    development and marketing"). "Respectively" used loosely for "each"
    with a single figure ("A and B were quoted at 19.35 dlrs respectively");
    the extractor leaves it alone when "each" or "both" says so. The single-figure cases
    are warnings for that reason.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, RespectiveList, Rule, Severity, Span, fingerprint

CODE, NAME = "S102", "respectively-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for claim in facts.respective_lists:
        n, k = len(claim.values), len(claim.labels)
        if n == k or k < 2:
            continue
        yield _lone(doc, claim) if n == 1 else _lists(doc, claim)


def _lists(doc: Document, claim: RespectiveList) -> Finding:
    values = claim.values
    span = Span(values[0].span.start, values[-1].span.end)
    return RULE.finding(
        span=span, confidence=0.75,
        message=f"{len(values)} figures are paired 'respectively' with {len(claim.labels)} items "
                f"({', '.join(claim.labels)})",
        related=(Related("labels", claim.labels_span, ", ".join(claim.labels)),),
        fingerprint=fingerprint(CODE, claim.values_text, doc.claim_context(span)),
    )


def _lone(doc: Document, claim: RespectiveList) -> Finding:
    q = claim.values[0]
    what = "figures" if claim.form == "figures" else f"items ({', '.join(claim.labels)})"
    return RULE.finding(
        span=q.span, severity=Severity.WARNING, confidence=0.6,
        message=f"one figure is paired 'respectively' with {len(claim.labels)} {what}: a figure of the list is missing",
        related=(Related("labels", claim.labels_span, ", ".join(claim.labels)),),
        fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("respective_lists",))
