"""extract -> check -> suppress -> score -> filter -> arbitrate -> sort -> locate. Nothing else lives here.

The engine knows rules only through rules.EXTRACTORS and rules.CHECKS.
"""
from __future__ import annotations

from functools import lru_cache
from operator import attrgetter
from typing import Callable

from statlint.checker import confidence, suppress
from statlint.checker.arbitrate import arbitrate
from statlint.checker.config import Settings
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Quantity, Rule, fingerprint


def extract(doc: Document) -> Facts:
    """Run every extractor in order; each returns the Facts grown by what it found."""
    from statlint.rules import EXTRACTORS

    facts = Facts()
    for extractor in EXTRACTORS:
        facts = extractor(doc, facts)
    return facts


# Settings are frozen values: one default instance serves every call, so the rule selection below is
# looked up by identity instead of building, hashing and comparing a fresh Settings per document.
_DEFAULT_SETTINGS = Settings()


def check_document(doc: Document, settings: Settings | None = None) -> list[Finding]:
    """All findings for one document, filtered by settings and sorted by position."""
    from statlint.rules import CHECKS

    settings = settings or _DEFAULT_SETTINGS
    facts = extract(doc)
    findings = rule_findings(doc, facts, settings)
    # Suppress before the severity and confidence cut, so a directive for a
    # finding that is merely filtered out in this run is not called unused.
    findings = suppress.apply(doc.text, findings, settings, CHECKS)
    if not findings:
        return []  # most documents: every step below maps no findings to none
    # The learned confidence (checker.confidence) before the cut, so --min-confidence reads the model's values.
    findings = confidence.score(doc, facts, findings)
    findings = [f for f in findings
                if f.severity >= settings.min_severity and f.confidence >= settings.confidence_cut(f.rule)]
    # Arbitrate last, on what will be shown: a finding suppressed or filtered out never hides another.
    findings = arbitrate(findings)
    findings.sort(key=_CONFIDENCE_FIRST if settings.sort == "confidence" else Finding.sort_key)
    return [locate(doc, f) for f in findings]


def _CONFIDENCE_FIRST(finding: Finding) -> tuple:
    """--sort confidence: the surest first; equal confidence in text order."""
    return (-finding.confidence, *finding.sort_key())


def rule_findings(doc: Document, facts: Facts, settings: Settings | None = None) -> list[Finding]:
    """What the enabled checks report on the facts, quotations marked (or dropped), before any cut.

    The confidence model is trained on exactly these (bench/train_confidence.py)."""
    from statlint.rules import CHECKS

    settings = settings or _DEFAULT_SETTINGS
    findings: list[Finding] = []
    for rule, holds_a_claim in _enabled(settings, CHECKS):
        if holds_a_claim is not None and not holds_a_claim(facts):
            continue  # every claim the check reads is absent, so it can report nothing (_holds_a_claim)
        for finding in rule.func(doc, facts):
            if doc.in_quote(finding.span):
                if settings.quotes == "drop":
                    continue
                finding = _replace(finding, in_quote=True)
            findings.append(finding)
    return findings


def locate(doc: Document, finding: Finding) -> Finding:
    """The finding with its place in `doc` filled in: text, line/column, a fingerprint.

    Rules only know offsets; this is the one place that turns them into what a reader
    (and the JSON contract) wants, so library callers get the same numbers as the CLI.
    A finding already located is returned as it is.
    """
    if finding.line:
        return finding
    start, end = finding.span.start, finding.span.end
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    text = doc.text[start:end]
    # The sentence (clipped), not a fixed window: a window reaches into the next paragraph, so an edit
    # there would make a baselined finding look new.
    fp = finding.fingerprint or fingerprint(finding.rule, text, doc.claim_context(finding.span))
    return _replace(finding, text=text, line=line, column=column, end_line=end_line, end_column=end_column,
                    fingerprint=fp)


_last_enabled: tuple = (None, None, ())  # (settings, checks, enabled) of the latest call


def _enabled(settings: Settings, checks: tuple) -> tuple[tuple[Rule, Callable[[Facts], object] | None], ...]:
    """The checks select/ignore leave on, worked out once per Settings and rule set, not per document, each
    with the test of the Facts that _holds_a_claim gives it.

    A run checks file after file with the same Settings object, so the latest answer is kept by
    identity: an lru_cache lookup hashes every field of the Settings (and compares them) per document.
    """
    global _last_enabled
    last_settings, last_checks, enabled = _last_enabled
    if settings is last_settings and checks is last_checks:
        return enabled
    enabled = _enabled_by_value(settings, checks)
    _last_enabled = (settings, checks, enabled)
    return enabled


@lru_cache(maxsize=64)
def _enabled_by_value(settings: Settings, checks: tuple) -> tuple:
    return tuple((rule, _holds_a_claim(rule.reads)) for rule in checks if settings.wants(rule.code, rule.name))


def _holds_a_claim(reads: tuple[str, ...]) -> Callable[[Facts], object] | None:
    """A test of the Facts that is false when a check reading the claims `reads` cannot report anything; None
    for a check that declares no claims (it always runs).

    Why a check may be skipped: a check reads the document only through the claims of its Rule.reads
    (tests/test_rule_reads.py holds each check to its list) and reports only on a claim it iterates over,
    so with every one of them empty it yields nothing; tests/test_engine_skip.py runs every check with its
    claims emptied to hold it to that. Most articles hold no claim of most kinds (1,012 of the 10,428 news
    articles have a growth, 22 a garble), and calling a check that then finds nothing cost as much as the
    rest of the engine; the test is one attrgetter call.
    """
    if not reads:
        return None
    if len(reads) == 1:
        return attrgetter(reads[0])  # the field itself: an empty tuple is false
    fields = attrgetter(*reads)
    return lambda facts: any(fields(facts))


def check_text(text: str, settings: Settings | None = None, path: str = "<text>") -> list[Finding]:
    """The library API: findings for a string."""
    return check_document(Document(text, path=path), settings)


def extract_quantities(text: str) -> list[Quantity]:
    """The quantities statlint reads in a string, in text order."""
    return list(extract(Document(text)).quantities)


def _replace(finding: Finding, **changes) -> Finding:
    from dataclasses import replace

    return replace(finding, **changes)
