"""extract -> check -> suppress -> sort. Nothing else lives here.

The engine knows rules only through rules.EXTRACTORS and rules.CHECKS.
"""
from __future__ import annotations

from functools import lru_cache

from checker import suppress
from checker.config import Settings
from checker.document import Document
from checker.model import Facts, Finding, Quantity


def extract(doc: Document) -> Facts:
    """Run every extractor in order; each returns the Facts grown by what it found."""
    from rules import EXTRACTORS

    facts = Facts()
    for extractor in EXTRACTORS:
        facts = extractor(doc, facts)
    return facts


def check_document(doc: Document, settings: Settings | None = None) -> list[Finding]:
    """All findings for one document, filtered by settings and sorted by position."""
    from rules import CHECKS

    settings = settings or Settings()
    facts = extract(doc)
    findings: list[Finding] = []
    for rule in _enabled(settings, CHECKS):
        for finding in rule.func(doc, facts):
            if doc.in_quote(finding.span):
                if settings.quotes == "drop":
                    continue
                finding = _replace(finding, in_quote=True)
            findings.append(finding)
    # Suppress before the severity and confidence cut, so a directive for a
    # finding that is merely filtered out in this run is not called unused.
    findings = suppress.apply(doc.text, findings, settings, CHECKS)
    findings = [f for f in findings
                if f.severity >= settings.min_severity and f.confidence >= settings.min_confidence]
    findings.sort(key=Finding.sort_key)
    return findings


@lru_cache(maxsize=64)
def _enabled(settings: Settings, checks: tuple) -> tuple:
    """The checks select/ignore leave on, worked out once per Settings and rule set, not per document."""
    return tuple(rule for rule in checks if settings.wants(rule.code, rule.name))


def check_text(text: str, settings: Settings | None = None, path: str = "<text>") -> list[Finding]:
    """The library API: findings for a string."""
    return check_document(Document(text, path=path), settings)


def extract_quantities(text: str) -> list[Quantity]:
    """The quantities statlint reads in a string, in text order."""
    return list(extract(Document(text)).quantities)


def _replace(finding: Finding, **changes) -> Finding:
    from dataclasses import replace

    return replace(finding, **changes)
