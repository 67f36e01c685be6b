"""Worker processes for the audit: chunks in, rows out, and no document can take the audit down.

Three ways a document can fail its worker, and what becomes of it:
- it raises, or spends its CPU budget (checker/budget.py, SIGPROF inside the
  worker): check.py turns that into an error row, the worker carries on;
- it kills its worker (a segfault in a C extension, the OOM killer): the
  pool breaks, every chunk in flight is retried one document per task in a
  new pool, and the document that kills a worker on its own is an error row;
- it hangs where the CPU budget cannot reach (a wait, a C loop that ignores
  signals): each worker notes in shared memory when its current document
  started, and the main process kills a worker whose document has run past
  WALL_FACTOR times the CPU budget in wall-clock time; from there it is the
  case above, and the row says it hung.

At most two chunks per worker are in flight, so memory is bounded by the
chunk size, never by the archive.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from statlint.checker.audit.check import DocResult, Options, audit_docs, error_result, ready
from statlint.checker.audit.sources import Doc
from statlint.checker.notices import Notice

WATCH_EVERY = 1.0  # seconds between looks at the workers' clocks
WORKER_DIED = "not checked: the worker process checking this document died ({})"
WORKER_HUNG = "not checked: the check ran over {:g} s of wall-clock time without finishing and was stopped"

_options: Options | None = None  # set once in each worker process
_slot: int = -1
_clocks = None  # shared: when each worker's current document started (0: idle)
_pids = None


def _init_worker(options: Options, clocks, pids, claimed) -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which stops them (they would otherwise
    raise KeyboardInterrupt inside a check and return it as the chunk's result); each claims a clock."""
    global _options, _slot, _clocks, _pids
    _options, _clocks, _pids = options, clocks, pids
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if options.worker_memory:
        _limit_memory(options.worker_memory)
    with claimed.get_lock():
        _slot = claimed.value % len(clocks)
        claimed.value += 1
    pids[_slot] = os.getpid()


def _limit_memory(megabytes: float) -> None:
    """Let this worker grow by at most `megabytes` of address space beyond what it has now (RLIMIT_AS):
    past it an allocation fails with MemoryError, which check.py makes an error row, instead of the
    machine swapping or the OOM killer choosing a victim. Linux only (it reads /proc/self/statm)."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = size + int(megabytes * 1e6)
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ImportError, OSError, ValueError):
        pass  # no limit where the system cannot set one


def _started(started: bool) -> None:
    _clocks[_slot] = time.monotonic() if started else 0.0


def _work(docs: list[Doc]) -> list[DocResult]:
    assert _options is not None, "worker not initialised"
    return audit_docs(docs, _options, on_document=_started)


class WorkerPool:
    """A process pool that survives its workers' deaths and hangs.

    `start`: how workers start. "fork" (the local engine: instant, the rules
    already imported); "forkserver" inside a Dask task, whose process has
    threads a fork must not copy.
    """

    def __init__(self, jobs: int, options: Options, start: str = "fork"):
        self.jobs, self.options, self.start = jobs, options, start
        self.limit = 2 * jobs
        self.wall = options.wall_seconds
        self.pending: dict[Future, list[Doc]] = {}
        self.marks: dict[Future, int] = {}  # where in the sources each chunk in flight began
        self.hung = False  # the watchdog killed a worker since the pool was last rebuilt
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(self.start)
        if self.start == "fork":  # workers start in milliseconds with the rules imported (and compiled) once, here
            import statlint.rules  # noqa: F401
            from statlint.checker.lazy_regex import compile_all

            compile_all()
        elif self.start == "forkserver":
            context.set_forkserver_preload(["statlint.rules", "statlint.checker.audit.check"])
        self.clocks = context.Array("d", self.jobs, lock=False)
        self.pids = context.Array("i", self.jobs, lock=False)
        self.hung = False
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(self.options, self.clocks, self.pids, context.Value("i", 0)))

    def submit(self, docs: list[Doc], mark: int = 0) -> Iterator[list[DocResult]]:
        """Queue a chunk; yields the results of chunks that finished while waiting for room.

        `mark`: the chunk's place in the sources (raw bytes read before it), for oldest_mark."""
        while len(self.pending) >= self.limit:
            yield from self._collect()
        future = self.executor.submit(_work, docs)
        self.pending[future], self.marks[future] = docs, mark

    def oldest_mark(self, otherwise: int) -> int:
        """The mark of the earliest chunk still in flight (everything before it is done), else `otherwise`."""
        return min(self.marks.values(), default=otherwise)

    def drain(self) -> Iterator[list[DocResult]]:
        while self.pending:
            yield from self._collect()

    def _finished(self, futures: list[Future]) -> set[Future]:
        """Wait until one of `futures` is done, stopping hung workers meanwhile."""
        while True:
            finished, _ = wait(futures, timeout=WATCH_EVERY, return_when=FIRST_COMPLETED)
            if finished:
                return finished
            self._stop_hung()

    def _stop_hung(self) -> None:
        if self.wall is None:
            return
        now = time.monotonic()
        for slot in range(self.jobs):
            started, pid = self.clocks[slot], self.pids[slot]
            if started and pid and now - started > self.wall:
                self.hung = True
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _collect(self) -> Iterator[list[DocResult]]:
        broken: list[list[Doc]] = []
        for future in self._finished(list(self.pending)):
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
            self._rebuild()
            for docs in broken:
                yield from self._one_by_one(docs)

    def _rebuild(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def _one_by_one(self, docs: list[Doc]) -> Iterator[list[DocResult]]:
        """Retry a chunk whose worker died, one document per task, to find the one that kills it."""
        for doc in docs:
            future = self.executor.submit(_work, [doc])
            try:
                yield self._finished([future]).pop().result()
            except BrokenProcessPool as exc:
                notice = Notice("TIME001", WORKER_HUNG.format(self.wall)) if self.hung else \
                    Notice("INT001", WORKER_DIED.format(exc or "killed"))
                self._rebuild()
                yield [error_result(ready(doc, self.options), notice)]

    def close(self, stop: bool = False) -> None:
        if stop:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
