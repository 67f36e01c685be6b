"""Turning a Garble claim into a Finding: shared by the Q rules."""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Rule, fingerprint


def garble_findings(doc: Document, facts: Facts, rule: Rule, kinds: tuple[str, ...], what: str,
                    confidence: float) -> Iterator[Finding]:
    """A finding of `rule` for each garble of one of `kinds`, its message led by `what`."""
    for g in facts.garbles:
        if g.kind not in kinds:
            continue
        yield rule.finding(
            g.span, f"{what}: {g.detail}", confidence=confidence, suggestion=g.suggestion,
            fingerprint=fingerprint(rule.code, g.text, doc.claim_context(g.span)),
        )
