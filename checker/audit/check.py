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
from typing import Callable, Iterable, NamedTuple

from statlint.checker import budget
from statlint.checker.config import Settings
from statlint.checker.document import Document
from statlint.checker.engine import check_document
from statlint.checker.notices import Notice, budget_exceeded, fatal_message, internal_error
from statlint.checker.report.json_report import finding_dict
from statlint.checker.sources import Loaded, load

from statlint.checker.audit.jsonl import JSON_LINE, decode_line
from statlint.checker.audit.sources import Doc, Fields, read_later

WALL_FACTOR = 5  # default wall-clock limit per CPU-budget second (a busy machine runs a check slower)
CONTEXT = 120  # characters of text kept on each side of a finding, for the report's samples
OUT_OF_MEMORY = "not checked: the check ran out of memory (a worker's limit is set by --worker-memory)"


@dataclass(frozen=True, slots=True)
class Options:
    """What every document of one audit is checked with (sent once to each worker)."""

    settings: Settings = field(default_factory=Settings)
    time_budget: float | None = budget.DEFAULT_SECONDS
    wall_limit: float | None = None  # wall-clock seconds before a worker counts as hung; None: 5 x time_budget
    worker_memory: float | None = None  # MB a worker may grow by (RLIMIT_AS); None: no limit
    fields: Fields = field(default_factory=Fields)  # where a JSON line keeps its text, id and date

    @property
    def wall_seconds(self) -> float | None:
        """The wall-clock limit in force (None: no limit, as with no CPU budget)."""
        if self.wall_limit is not None:
            return self.wall_limit or None
        return WALL_FACTOR * self.time_budget if self.time_budget else None


class DocResult(NamedTuple):
    """One document's row: status "ok" or "error", and its findings as the JSON report's dicts.

    A named tuple, not a dataclass: every row is pickled in a worker and unpickled by the main process,
    and a tuple does both several times faster (the main process's share of the work is serial)."""

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


def audit_docs(docs: Iterable[Doc], options: Options,
               on_document: Callable[[bool], None] | None = None) -> list[DocResult]:
    """Check a chunk of documents; never raises for a document's sake.

    `on_document(True)` before each document and `(False)` after it: the worker pool's clock, by
    which it tells a document that hangs."""
    results = []
    for doc in docs:
        if on_document is not None:
            on_document(True)
        results.append(audit_doc(doc, options))
        if on_document is not None:
            on_document(False)
    return results


def audit_doc(doc: Doc, options: Options) -> DocResult:
    """One document's row. Reading (markup can be slow to parse) and checking share one CPU budget.

    A JSON line still undecoded or a file still unread is made ready first: the row is the one the
    reader's Doc would get; a record too big to decode within the worker's memory is an error row too."""
    try:
        doc = ready(doc, options)
    except MemoryError:
        return error_result(doc, Notice("INT001", OUT_OF_MEMORY))
    except Exception as exc:  # one record's bug must not stop the audit
        return error_result(doc, internal_error(exc))
    if doc.problem is not None:
        return problem_result(doc)
    started = time.process_time()
    notices: tuple[Notice, ...] = ()
    findings: tuple[dict, ...] = ()
    chars = 0
    problem = None
    try:
        with budget.cpu_budget(options.time_budget):
            read = read_doc(doc)
            notices = read.notices
            if read.text is not None:
                chars = len(read.text)
                findings = _check(read, doc.name, options)
    except budget.BudgetExceeded:
        problem = budget_exceeded(options.time_budget or 0)
    except MemoryError:
        problem = Notice("INT001", OUT_OF_MEMORY)
    except Exception as exc:  # one document's bug must not stop the audit
        problem = internal_error(exc)
    if problem is not None:
        notices, findings = (*notices, problem), ()
    error = fatal_message(notices)
    return DocResult(doc.source, doc.key, doc.pos, doc.name, doc.doc_id, doc.date,
                     "error" if error is not None else "ok", error, tuple(n.as_dict() for n in notices),
                     doc.size, chars, round(time.process_time() - started, 6), findings)


def _check(read: Loaded, name: str, options: Options) -> tuple[dict, ...]:
    """The findings of what was read, as rows placed in the file as written (markup: its original)."""
    checked = Document(read.text, path=name)
    found = check_document(checked, options.settings.for_path(name))
    if read.offsets is None:
        return tuple(_finding_row(checked, f) for f in found)
    shown = read.document(name)
    return tuple(_finding_row(shown, f) for f in read.findings(found, shown))


def ready(doc: Doc, options: Options) -> Doc:
    """The Doc as the reader makes it without defer (Source.docs says why it may not be yet): a JSON line
    decoded, an article file read."""
    if doc.fmt == JSON_LINE:
        return decode_line(doc, options.fields)
    return read_later(doc) if doc.file is not None else doc


def problem_result(doc: Doc) -> DocResult:
    """The error row of a record that is not a document (bad JSON line, truncated archive)."""
    return error_result(doc, Notice("IO001", doc.problem or "unreadable"))


def error_result(doc: Doc, notice: Notice) -> DocResult:
    """A document that could not be checked, and why."""
    return DocResult(doc.source, doc.key, doc.pos, doc.name, doc.doc_id, doc.date, "error", notice.message,
                     (notice.as_dict(),), doc.size, 0, 0.0)


def read_doc(doc: Doc) -> Loaded:
    """The text to check and how its findings map back, through the readers single files go through
    (checker/sources.load: plain text, Markdown, HTML article extraction, .docx), so an article in an
    archive gets the findings it would get as a file. A JSON Lines text field is text already."""
    if doc.problem is not None:
        return Loaded(None, None, None, (Notice("IO001", doc.problem),))
    if isinstance(doc.data, str):
        return Loaded(doc.data, doc.data, None, ())
    return load(doc.data or b"", doc.name, doc.fmt)


def _finding_row(document: Document, finding) -> dict:
    row = finding_dict(document, finding)
    start, end = finding.span.start, finding.span.end
    row["before"] = document.text[max(0, start - CONTEXT):start]
    row["after"] = document.text[end:end + CONTEXT]
    return row
