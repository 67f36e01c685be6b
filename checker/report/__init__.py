"""Reporters: results in, one string out; one module per output format.

Reporters never print (the CLI does) and never re-run checks: they turn
FileResults into text. Line and column are computed here from the Document,
because rules only know character offsets.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from checker.document import Document
from checker.model import Finding, fingerprint
from checker.notices import Notice, fatal_message

__all__ = ["FORMATS", "FileResult", "Summary", "fingerprint_of", "render", "summarize", "total_key"]

# name -> module in this package; each module has render(results, **options) -> str
_MODULES = {
    "text": "text", "json": "json_report", "jsonl": "jsonl", "annotate": "annotate", "sarif": "sarif",
    "github": "github", "checkstyle": "checkstyle", "junit": "junit",
}
FORMATS = tuple(_MODULES)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input: its findings, and notices for whatever could not be done with it."""

    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    notices: tuple[Notice, ...] = ()

    @property
    def error(self) -> str | None:
        """The first fatal notice's message: the input was not fully analysed (None when it was)."""
        return fatal_message(self.notices)


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    errors: int  # files with a fatal notice: not fully analysed
    notices: int = 0  # every notice, fatal or not
    by_rule: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)


def summarize(results: list[FileResult]) -> Summary:
    rules: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            rules[finding.code] += 1
            severities[str(finding.severity)] += 1
    return Summary(
        files=len(results),
        findings=sum(rules.values()),
        errors=sum(1 for r in results if r.error is not None),
        notices=sum(len(r.notices) for r in results),
        by_rule=dict(sorted(rules.items())),
        by_severity=dict(severities),
    )


def render(fmt: str, results: list[FileResult], color: bool = False, rules: tuple = ()) -> str:
    """The whole report in one format; `color` only affects text, `rules` (Rule objects) only SARIF."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    import importlib

    module = importlib.import_module(f"checker.report.{_MODULES[fmt]}")
    results = [r if not r.findings else replace(r, findings=tuple(sorted(r.findings, key=total_key)))
               for r in results]
    return module.render(results, color=color, rules=rules)


def total_key(finding: Finding) -> tuple:
    """A sort key that orders any two different findings the same way every run.

    Finding.sort_key ties on findings that differ only in severity,
    suggestion or related spans; reports sort on this one so their order,
    and anything a consumer truncates, never depends on rule order.
    """
    return (finding.span.start, finding.span.end, finding.code, finding.message, int(finding.severity),
            finding.suggestion or "", finding.fingerprint, finding.confidence,
            tuple((r.span.start, r.span.end, r.role, r.text) for r in finding.related), finding.in_quote)


def fingerprint_of(doc: Document, finding: Finding) -> str:
    """The finding's fingerprint, or one made from the rule, its text and sentence if a rule left it empty.

    The sentence (clipped), not a fixed window of characters: a window
    reaches into the neighbouring paragraph, so an edit there would make a
    baselined finding look new.
    """
    if finding.fingerprint:
        return finding.fingerprint
    span = finding.span
    return fingerprint(finding.code, doc.text[span.start:span.end], doc.claim_context(span))
