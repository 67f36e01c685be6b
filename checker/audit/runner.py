"""The local engine: read sources in this process, check chunks of documents in worker processes.

Why this shape: reading an archive is cheap and sequential (one gzip
stream), checking is the expensive part and parallel. The reader batches
documents into chunks (a few hundred KB) so a worker pays its per-task
overhead (pickling, a queue round trip) once per chunk, not per article, and
at most two chunks per worker are in flight: memory is bounded by the chunk
size, never by the archive. Results are written to the store one chunk per
transaction as they come back, in whatever order the workers finish;
document identity does not depend on order, so a rerun converges to the
same rows.

A worker that dies (a segfault in a C extension, the OOM killer) breaks the
pool: its chunk is retried one document at a time in a new pool, and a
document that kills a worker on its own becomes an error row.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from statlint.checker.audit.check import DocResult, Options, audit_docs, error_result, problem_result
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.sources import Doc, Source
from statlint.checker.audit.store import Store
from statlint.checker.notices import Notice

CHUNK_DOCS = 200
CHUNK_BYTES = 512 * 1024
WORKER_DIED = "not checked: the worker process checking this document died ({})"

_options: Options | None = None  # set once in each worker process


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
            for chunk in chunks(src.docs(), chunk_docs or CHUNK_DOCS):
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
    """Consecutive documents in lists of at most max_docs, or about max_bytes of text."""
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


def _init_worker(options: Options) -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which stops them (they would otherwise
    raise KeyboardInterrupt inside a check and return it as the chunk's result)."""
    global _options
    _options = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(docs: list[Doc]) -> list[DocResult]:
    assert _options is not None, "worker not initialised"
    return audit_docs(docs, _options)


class WorkerPool:
    """A process pool with at most two chunks per worker in flight, that survives a worker's death.

    `start`: how workers start. "fork" (the local engine: instant, the rules
    already imported); "forkserver" inside a Dask task, whose process has
    threads a fork must not copy.
    """

    def __init__(self, jobs: int, options: Options, start: str = "fork"):
        self.jobs, self.options, self.start = jobs, options, start
        self.limit = 2 * jobs
        self.pending: dict[Future, list[Doc]] = {}
        self.marks: dict[Future, int] = {}  # where in the sources each chunk in flight began
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(self.start)
        if self.start == "fork":  # workers start in milliseconds with the rules imported once, here
            import statlint.rules  # noqa: F401
        elif self.start == "forkserver":
            context.set_forkserver_preload(["statlint.rules", "statlint.checker.audit.check"])
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(self.options,))

    def submit(self, docs: list[Doc], mark: int = 0) -> Iterator[list[DocResult]]:
        """Queue a chunk; yields the results of chunks that finished while waiting for room.

        `mark`: the chunk's place in the sources (raw bytes read before it), for oldest_mark."""
        while len(self.pending) >= self.limit:
            yield from self._collect(FIRST_COMPLETED)
        future = self.executor.submit(_work, docs)
        self.pending[future], self.marks[future] = docs, mark

    def oldest_mark(self, otherwise: int) -> int:
        """The mark of the earliest chunk still in flight (everything before it is done), else `otherwise`."""
        return min(self.marks.values(), default=otherwise)

    def drain(self) -> Iterator[list[DocResult]]:
        while self.pending:
            yield from self._collect(FIRST_COMPLETED)

    def _collect(self, how) -> Iterator[list[DocResult]]:
        finished, _ = wait(list(self.pending), return_when=how)
        broken: list[list[Doc]] = []
        for future in finished:
            docs = self.pending.pop(future)
            self.marks.pop(future, None)
            try:
                yield future.result()
            except BrokenProcessPool:
                broken.append(docs)
        if broken:
            broken += list(self.pending.values())  # every chunk in flight died with the pool
            self.pending.clear()
            self.marks.clear()
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new()
            for docs in broken:
                yield from self._one_by_one(docs)

    def _one_by_one(self, docs: list[Doc]) -> Iterator[list[DocResult]]:
        """Retry a chunk whose worker died, one document per task, to find the one that kills it."""
        for doc in docs:
            try:
                yield self.executor.submit(_work, [doc]).result()
            except BrokenProcessPool as exc:
                self.executor.shutdown(wait=False, cancel_futures=True)
                self.executor = self._new()
                yield [error_result(doc, Notice("INT001", WORKER_DIED.format(exc or "killed")))]

    def close(self, stop: bool = False) -> None:
        if stop:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
