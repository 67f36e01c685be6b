"""Reporters: results in, one string out; one module per output format.

Reporters never print (the CLI does) and never re-run checks: they turn
FileResults into text. Line and column are computed here from the Document,
because rules only know character offsets.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.document import Document
from checker.model import Finding

__all__ = ["FORMATS", "FileResult", "Summary", "render", "summarize"]

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input: findings, or an error saying why it was not checked."""

    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    errors: int  # files with an error
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
        by_rule=dict(sorted(rules.items())),
        by_severity=dict(severities),
    )


def render(fmt: str, results: list[FileResult], color: bool = False) -> str:
    """The whole report in one format; `color` only affects text."""
    if fmt == "json":
        from checker.report.json_report import render_json

        return render_json(results)
    if fmt == "text":
        from checker.report.text import render_text

        return render_text(results, color=color)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
