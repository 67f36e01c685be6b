"""Turning a Garble fact into a Finding: shared by the Q rules."""
from __future__ import annotations

from statlint.checker.model import Finding, Rule, fingerprint


def garble_findings(doc, facts, rule: Rule, kinds: tuple[str, ...], what: str, confidence: float):
    for g in facts.garbles:
        if g.kind not in kinds:
            continue
        message = f"{what}: {g.detail}"
        yield Finding(
            rule=rule.code, name=rule.name, message=message, span=g.span, severity=rule.severity,
            confidence=confidence, suggestion=g.suggestion,
            fingerprint=fingerprint(rule.code, g.text, doc.claim_context(g.span)),
        )
