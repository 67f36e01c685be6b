"""Checking one archive document, in isolation, wherever it runs (a worker process or a Dask worker).

Why its own module: the local engine and the Dask engine must give the same
row for the same document, so both call `audit_docs` and nothing else.
Every document is checked under the CPU-time budget (checker/budget.py); an
exception, a budget overrun or an unreadable record becomes an error row with
its message and the next document is checked. Results are plain dicts and
tuples (no Document), small to send back and ready for the store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable

from statlint.checker import budget
from statlint.checker.config import Settings
from statlint.checker.document import Document
from statlint.checker.engine import check_document
from statlint.checker.notices import Notice, budget_exceeded, fatal_message, internal_error
from statlint.checker.report.json_report import finding_dict
from statlint.checker.sources.text import decode_bytes

from statlint.checker.audit.sources import Doc

CONTEXT = 120  # characters of text kept on each side of a finding, for the report's samples
HTML_READER_MISSING = "not read: needs the HTML reader"


@dataclass(frozen=True, slots=True)
class Options:
    """What every document of one audit is checked with (sent once to each worker)."""

    settings: Settings = field(default_factory=Settings)
    time_budget: float | None = budget.DEFAULT_SECONDS


@dataclass(frozen=True, slots=True)
class DocResult:
    """One document's row: status "ok" or "error", and its findings as the JSON report's dicts."""

    source: str
    key: str
    pos: int
    name: str
    doc_id: str | None
    date: str | None
    status: str
    error: str | None
    notices: tuple[dict, ...]
    nbytes: int
    chars: int
    seconds: float
    findings: tuple[dict, ...] = ()


def audit_docs(docs: Iterable[Doc], options: Options) -> list[DocResult]:
    """Check a chunk of documents; never raises for a document's sake."""
    return [audit_doc(doc, options) for doc in docs]


def audit_doc(doc: Doc, options: Options) -> DocResult:
    started = time.process_time()
    text, notices = _text_of(doc)
    findings: tuple[dict, ...] = ()
    chars = 0 if text is None else len(text)
    if text is not None:
        problem = None
        try:
            with budget.cpu_budget(options.time_budget):
                document = Document(text, path=doc.name)
                findings = tuple(_finding_row(document, f)
                                 for f in check_document(document, options.settings.for_path(doc.name)))
        except budget.BudgetExceeded:
            problem = budget_exceeded(options.time_budget or 0)
        except Exception as exc:  # one document's bug must not stop the audit
            problem = internal_error(exc)
        if problem is not None:
            notices, findings = (*notices, problem), ()
    error = fatal_message(notices)
    return DocResult(doc.source, doc.key, doc.pos, doc.name, doc.doc_id, doc.date,
                     "error" if error is not None else "ok", error, tuple(n.as_dict() for n in notices),
                     doc.size, chars, round(time.process_time() - started, 6), findings)


def problem_result(doc: Doc) -> DocResult:
    """The error row of a record that is not a document (bad JSON line, truncated archive)."""
    return error_result(doc, Notice("IO001", doc.problem or "unreadable"))


def error_result(doc: Doc, notice: Notice) -> DocResult:
    """A document that could not be checked, and why."""
    return DocResult(doc.source, doc.key, doc.pos, doc.name, doc.doc_id, doc.date, "error", notice.message,
                     (notice.as_dict(),), doc.size, 0, 0.0)


def _text_of(doc: Doc) -> tuple[str | None, tuple[Notice, ...]]:
    """The text to check and the notices of reading it, through the same readers as single files."""
    if doc.problem is not None:
        return None, (Notice("IO001", doc.problem),)
    if doc.fmt == "html":
        return _html_text(doc)
    if isinstance(doc.data, str):
        return doc.data, ()
    return decode_bytes(doc.data or b"", name=doc.name)


def _html_text(doc: Doc) -> tuple[str | None, tuple[Notice, ...]]:
    reader = html_reader()
    if reader is None:
        return None, (Notice("IO006", f"{HTML_READER_MISSING} (HTML article extraction is not in this build)"),)
    data = doc.data.encode("utf-8") if isinstance(doc.data, str) else (doc.data or b"")
    return reader(data, doc.name)


def html_reader():
    """The shared HTML reader of checker/sources (bytes, name) -> (text, notices), or None if absent."""
    try:
        from statlint.checker.sources import load  # type: ignore[attr-defined]
    except ImportError:
        return None

    def read(data: bytes, name: str) -> tuple[str | None, tuple[Notice, ...]]:
        loaded = load(data, name, "html")
        return _as_text(loaded)

    return read


def _as_text(loaded) -> tuple[str | None, tuple[Notice, ...]]:
    """Accept the reader's result as (text, notices) or as an object with .text and .notices."""
    if isinstance(loaded, tuple):
        text, notices = loaded[0], loaded[1]
    else:
        text, notices = getattr(loaded, "text", None), getattr(loaded, "notices", ())
    return text, tuple(notices)


def _finding_row(document: Document, finding) -> dict:
    row = finding_dict(document, finding)
    start, end = finding.span.start, finding.span.end
    row["before"] = document.text[max(0, start - CONTEXT):start]
    row["after"] = document.text[end:end + CONTEXT]
    return row
