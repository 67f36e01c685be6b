"""Reporters: results in, text out; one module per output format.

Reporters never print (the CLI does) and never re-run checks: they turn
FileResults into text. Line and column are computed here from the Document,
because rules only know character offsets.

Each format is a stream: `stream()` takes the results as an iterable, reads
each once, and yields the report piece by piece, counting the summary as it
goes (Tally). So the CLI can check a walk of a million files and write the
report as it goes, holding one file at a time (RELIABILITY E.43); only SARIF
(sorted and cut at 25,000 results) and JUnit (totals in its first line) keep
what they need until the end.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from statlint.checker.document import Document
from statlint.checker.model import Finding, fingerprint
from statlint.checker.notices import SKIPPED, Notice, fatal_message

__all__ = ["FORMATS", "FileResult", "Summary", "Tally", "fingerprint_of", "render", "stream", "summarize",
           "total_key"]

# name -> module in this package; each module has stream(results, **options) -> Iterator[str]
_MODULES = {
    "text": "text", "json": "json_report", "jsonl": "jsonl", "annotate": "annotate", "sarif": "sarif",
    "github": "github", "checkstyle": "checkstyle", "junit": "junit", "diff": "diff", "html": "html",
}
FORMATS = tuple(_MODULES)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input: its findings, and notices for whatever could not be done with it."""

    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    notices: tuple[Notice, ...] = ()
    baselined: int = 0  # findings not shown because the baseline records them (or this run recorded them)
    input_format: str = "text"  # how it was read (checker.sources.INPUT_FORMATS); the document is the original
    order: str = "position"  # how its findings are listed: "position" or "confidence" (the surest first)

    @property
    def error(self) -> str | None:
        """The first fatal notice's message: the input was not fully analysed (None when it was)."""
        return fatal_message(self.notices)

    @property
    def skipped(self) -> bool:
        """Not read at all, and rightly so: a binary or oversized file met in a directory walk."""
        return self.error is None and any(n.code in SKIPPED for n in self.notices)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did. files = checked + skipped + errors: each input is counted in exactly one of them."""

    files: int
    findings: int
    errors: int  # files with a fatal notice: not fully analysed
    notices: int = 0  # every notice, fatal or not
    by_rule: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    warnings: int = 0  # non-fatal notices on files that were checked all the same
    skipped: int = 0  # binary or oversized files met in a walk: not read, by design
    baselined: int = 0  # findings left out because the baseline records them

    @property
    def checked(self) -> int:
        """Files read and fully analysed."""
        return self.files - self.errors - self.skipped


class Tally:
    """The Summary of the results seen so far, counted as a report streams past them."""

    def __init__(self) -> None:
        self.files = self.errors = self.notices = self.warnings = self.skipped = self.baselined = 0
        self.rules: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()

    def add(self, result: FileResult) -> FileResult:
        """Count one result; returns it, so a generator can count and pass results on in one step."""
        self.files += 1
        self.errors += result.error is not None
        self.notices += len(result.notices)
        self.baselined += result.baselined
        if result.skipped:
            self.skipped += 1
        else:
            self.warnings += sum(1 for n in result.notices if not n.fatal)
        for finding in result.findings:
            self.rules[finding.rule] += 1
            self.severities[str(finding.severity)] += 1
        return result

    def summary(self) -> Summary:
        return Summary(files=self.files, findings=sum(self.rules.values()), errors=self.errors,
                       notices=self.notices, by_rule=dict(sorted(self.rules.items())),
                       by_severity=dict(self.severities), warnings=self.warnings, skipped=self.skipped,
                       baselined=self.baselined)


def summarize(results: Iterable[FileResult]) -> Summary:
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.summary()


def stream(fmt: str, results: Iterable[FileResult], color: bool = False, rules: tuple = (),
           baseline_written: str | None = None) -> Iterator[str]:
    """The report in one format, piece by piece; `color` only affects text, `rules` (Rule objects) only SARIF,
    `baseline_written` (the baseline file this run wrote) only the text summary."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    import importlib

    module = importlib.import_module(f"statlint.checker.report.{_MODULES[fmt]}")
    in_order = (r if not r.findings else replace(r, findings=tuple(sorted(r.findings, key=_ORDERS[r.order])))
                for r in results)
    return module.stream(in_order, color=color, rules=rules, baseline_written=baseline_written)


def render(fmt: str, results: Iterable[FileResult], color: bool = False, rules: tuple = ()) -> str:
    """The whole report in one format, as one string."""
    return "".join(stream(fmt, results, color=color, rules=rules))


def total_key(finding: Finding) -> tuple:
    """A sort key that orders any two different findings the same way every run.

    Finding.sort_key ties on findings that differ only in severity,
    suggestion or related spans; reports sort on this one so their order,
    and anything a consumer truncates, never depends on rule order.
    """
    return (finding.span.start, finding.span.end, finding.rule, finding.message, int(finding.severity),
            finding.suggestion or "", finding.fingerprint, finding.confidence,
            tuple((r.span.start, r.span.end, r.role, r.text) for r in finding.related), finding.in_quote)


def confidence_key(finding: Finding) -> tuple:
    """--sort confidence: the surest first, equal confidence as total_key orders them."""
    return (-finding.confidence, *total_key(finding))


_ORDERS = {"position": total_key, "confidence": confidence_key}


def fingerprint_of(doc: Document, finding: Finding) -> str:
    """The finding's fingerprint, or one made from the rule, its text and sentence if a rule left it empty.

    The sentence (clipped), not a fixed window of characters: a window
    reaches into the neighbouring paragraph, so an edit there would make a
    baselined finding look new.
    """
    if finding.fingerprint:
        return finding.fingerprint
    span = finding.span
    return fingerprint(finding.rule, doc.text[span.start:span.end], doc.claim_context(span))
