"""Auditing a whole archive: every document checked, every result in a resumable SQLite store.

    from statlint.checker.audit import audit
    totals = audit(["archive/", "news.jsonl.gz"], "audit.sqlite", jobs=4)

The package is split by job: sources.py reads folders and globs into
documents (jsonl.py JSON Lines, warc.py WARC files),
check.py checks one document in isolation, store.py is the SQLite store,
runner.py the local engine (worker processes), dask_engine.py the Dask
engine, progress.py the progress display, and summary.py / svg.py /
export.py turn a store into the HTML report and JSONL/CSV exports.
"""
from __future__ import annotations

import os
import signal
import threading
from dataclasses import replace
from typing import TextIO

from statlint.checker.audit.check import Options
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.sources import Fields, SourceError, open_sources
from statlint.checker.audit.store import Store, StoreError
from statlint.checker.config import Settings

__all__ = ["AuditInterrupted", "Fields", "Options", "SourceError", "StoreError", "audit"]


class AuditInterrupted(Exception):
    """The audit was stopped (Ctrl-C, SIGTERM); everything committed so far is kept.

    `signal` is the signal that stopped it (the CLI exits 128 + its number: 130, 143).
    """

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(f"interrupted by signal {signum}")
        self.signal = int(signum)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is, so the audit stops as on Ctrl-C."""

    signal = signal.SIGTERM


def _stop_on_sigterm():
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):
        raise _Terminated()

    return signal.signal(signal.SIGTERM, stop)


def _restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def audit(specs: list[str], db: str, *, fields: Fields = Fields(), settings: Settings | None = None,
          time_budget: float | None = None, wall_limit: float | None = None, jobs: int | None = None,
          engine: str = "local", scheduler: str | None = None, chunk_docs: int | None = None,
          retry_errors: bool = False, worker_memory: float | None = None,
          progress_stream: TextIO | None = None, on_terminal: bool = False, argv: list[str] | None = None) -> dict:
    """Audit the documents of `specs` into the store `db`, resuming what is there; the store's totals.

    Raises SourceError or StoreError before any work if a source is missing or
    the store holds an audit made with other options; AuditInterrupted on Ctrl-C. `retry_errors`: check
    again the documents an earlier run could not check (a time-out on a busy machine, a fixed bug).
    """
    from statlint.checker import budget
    from statlint.checker.audit.runner import default_jobs, run_local

    options = Options(settings or Settings(), budget.DEFAULT_SECONDS if time_budget is None else time_budget,
                      wall_limit, worker_memory, fields)
    sources = list(open_sources(specs, fields))
    store = Store(db)
    store.retry_errors = retry_errors
    try:
        store.bind_options(_options_record(fields, options.settings))
        for src in sources:
            store.register(src.path, src.kind, src.size)
        jobs = jobs or default_jobs()
        run_id = store.start_run(engine, jobs if engine == "local" else None, argv or [])
        progress = AuditProgress(progress_stream, sum(s.size for s in sources), on_terminal)
        status = "interrupted"
        previous = _stop_on_sigterm()
        try:
            if engine == "dask":
                from statlint.checker.audit.dask_engine import run_dask

                run_dask(sources, store, run_id, options, scheduler, progress)
            else:
                run_local(sources, store, run_id, options, jobs, progress, chunk_docs)
            status = "done"
        except KeyboardInterrupt as exc:
            raise AuditInterrupted(getattr(exc, "signal", signal.SIGINT)) from exc
        except Exception:
            status = "failed"  # a bug or a lost cluster: what was committed stays, a rerun resumes
            raise
        finally:
            _restore_sigterm(previous)
            store.finish_run(run_id, status)
            progress.close()
        return store.totals()
    finally:
        store.close()


def _options_record(fields: Fields, settings: Settings) -> dict:
    """What decides a document's row: a resumed audit must use the same fields, settings, statlint
    version and rule set, or the store would mix two audits (RELIABILITY G.56)."""
    from statlint.checker import __version__
    from statlint.rules import CHECKS

    return {"text_field": fields.text, "id_field": fields.id, "date_field": fields.date,
            "settings": repr(replace(settings, root=settings.root and os.path.abspath(settings.root))),
            "statlint": __version__, "rules": " ".join(sorted(r.code for r in CHECKS))}
