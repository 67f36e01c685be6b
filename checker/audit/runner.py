"""The local engine: read sources in this process, check chunks of documents in worker processes.

Why this shape: reading an archive is cheap and sequential (one gzip
stream), checking is the expensive part and parallel. This process does as
little per document as it can, since it does it for all of them on one core:
it splits JSON Lines into lines and leaves the JSON to the workers (jsonl.py),
and names article files for the workers to read (sources.read_later).
The reader batches
documents into chunks (a few hundred KB) so a worker pays its per-task
overhead (pickling, a queue round trip) once per chunk, not per article, and
at most two chunks per worker are in flight: memory is bounded by the chunk
size, never by the archive. Results are written to the store one chunk per
transaction as they come back, in whatever order the workers finish;
document identity does not depend on order, so a rerun converges to the
same rows.

The workers and their failures are pool.py's business.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from statlint.checker.audit.check import DocResult, Options, problem_result
from statlint.checker.audit.pool import WorkerPool
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.sources import Doc, Source
from statlint.checker.audit.store import Store

CHUNK_DOCS = 200
CHUNK_BYTES = 512 * 1024


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_local(sources: Iterable[Source], store: Store, run_id: int, options: Options, jobs: int,
              progress: AuditProgress, chunk_docs: int | None = None) -> None:
    """Audit every document of `sources` not yet in `store`, with `jobs` worker processes, `chunk_docs`
    documents (at most) per task."""
    pool = WorkerPool(jobs, options)
    try:
        read_before = 0
        for src in sources:
            chunk_start = read_before  # raw bytes read before the chunk: the bar shows work done, not read
            for chunk in chunks(src.docs(defer=True), chunk_docs or CHUNK_DOCS):
                todo = _not_done(store, src.path, chunk, progress)
                problems = [problem_result(d) for d in todo if d.problem is not None]
                if problems:
                    _record(store, problems, run_id, progress)
                work = [d for d in todo if d.problem is None]
                for results in pool.submit(work, mark=chunk_start) if work else ():
                    progress.at(pool.oldest_mark(chunk_start))
                    _record(store, results, run_id, progress)
                chunk_start = read_before + src.consumed
            store.source_done(src.path, src.skipped)
            read_before += src.size
        for results in pool.drain():
            progress.at(pool.oldest_mark(read_before))
            _record(store, results, run_id, progress)
    except BaseException:
        pool.close(stop=True)  # interrupted: what is committed stays, the chunks in flight are dropped
        raise
    pool.close()


def chunks(docs: Iterable[Doc], max_docs: int = CHUNK_DOCS, max_bytes: int = CHUNK_BYTES) -> Iterator[list[Doc]]:
    """Consecutive documents in lists of at most max_docs, or about max_bytes of text (a file left for the
    worker to read counts no bytes here: it is read there, one at a time)."""
    chunk: list[Doc] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += doc.size
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _not_done(store: Store, path: str, chunk: list[Doc], progress: AuditProgress) -> list[Doc]:
    done = store.done_keys(path, (d.key for d in chunk))
    if done:
        progress.skip(len(done))
    return [d for d in chunk if d.key not in done]


def _record(store: Store, results: list[DocResult], run_id: int, progress: AuditProgress) -> None:
    docs, found = store.write(results, run_id)
    progress.add(docs, sum(r.nbytes for r in results), found, sum(r.status == "error" for r in results))
