"""The Dask engine: the same audit on a dask.distributed cluster.

Why shards: on a cluster the archive sits on shared storage (NFS, a bucket
mounted on every node) and the client should not push every article over
the network. So the client only plans shards, slices of a source by
position that a worker can open on its own (ordinal ranges of a folder's
files, byte ranges of a JSON Lines file, a whole WARC or single file), asks
the store which documents of each shard are done, and submits
`audit_shard`. Workers read and check (the shard's reader finds the
documents, the child process that checks them decodes and reads them, as
with the local engine); each shard's rows come back as its
future completes and the client writes them to the same SQLite store, one
transaction per shard, so resume works exactly as with the local engine and
the store never leaves the client's disk. At most two shards per worker
thread are in flight, so neither the client nor the scheduler holds the
archive.

The rows are those of the local engine: both call check.audit_doc on the
same Docs with the same keys.
"""
from __future__ import annotations

import multiprocessing
import os
import struct
from dataclasses import dataclass
from typing import Iterable, Iterator

from statlint.checker.audit.check import DocResult, Options, audit_doc, problem_result
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.pool import WorkerPool
from statlint.checker.audit.runner import chunks
from statlint.checker.audit.sources import FILE_SUFFIXES, Fields, Source, glob_articles, source_for
from statlint.checker.audit.store import Store
from statlint.checker.sources import expand_paths

SHARD_BYTES = 32 * 1024 * 1024  # JSON Lines text per shard (decompressed): a shard reads its prefix
SHARD_FILES = 500  # folder files per shard
UNISOLATED = ("statlint: the Dask workers are daemonic processes (the nanny's default) and may not start a process "
              "per shard: documents are checked in the workers' threads, without the CPU budget or crash isolation; "
              "start the workers with DASK_DISTRIBUTED__WORKER__DAEMON=False to isolate them")


@dataclass(frozen=True, slots=True)
class Shard:
    path: str
    kind: str
    start: int
    end: int | None  # None: to the end of the source
    fields: Fields
    size: int  # raw bytes of the source this shard stands for (progress)


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: Shard
    results: list[DocResult]
    skipped: int  # records that are not documents (WARC requests...) in the shard
    isolated: bool = True  # checked in a child process, under the CPU budget


def audit_shard(shard: Shard, options: Options, done: frozenset[str], isolate: bool = True) -> ShardResult:
    """Runs on a worker: read the shard from the shared filesystem, check what is not done.

    `isolate`: check in a child process of the worker, as the local engine
    does. A Dask task runs in a thread, where the CPU budget cannot interrupt
    it (signals reach only a main thread), and a document that crashed the
    worker process would make Dask retry the whole shard and then give up on
    it; in a child process the budget works and a crash costs one document.
    """
    src = source_for(shard.path, shard.fields)
    src.kind = shard.kind
    docs = (doc for doc in src.docs(shard.start, shard.end, defer=True) if doc.key not in done)  # see Source.docs
    if isolate and multiprocessing.current_process().daemon:
        isolate = False  # a nanny's worker is daemonic and may not start processes: check in this thread
    if not isolate:
        results = [problem_result(doc) if doc.problem is not None else audit_doc(doc, options) for doc in docs]
        return ShardResult(shard, results, src.skipped, isolated=False)
    results = []
    pool = WorkerPool(1, options, start="forkserver")
    try:
        for chunk in chunks(docs):
            results += [problem_result(doc) for doc in chunk if doc.problem is not None]
            work = [doc for doc in chunk if doc.problem is None]
            for finished in pool.submit(work) if work else ():
                results += finished
        for finished in pool.drain():
            results += finished
    finally:
        pool.close()
    return ShardResult(shard, results, src.skipped)


def plan_shards(src: Source, shard_bytes: int = SHARD_BYTES, shard_files: int = SHARD_FILES) -> Iterator[Shard]:
    """Slices of a source that workers can read independently; together they cover it exactly once."""
    if src.kind in ("folder", "glob"):
        count = sum(1 for _ in glob_articles(src.path)) if src.kind == "glob" else \
            sum(1 for _ in expand_paths([src.path], FILE_SUFFIXES))
        bounds = list(range(0, count, shard_files)) or [0]
        share = src.size // len(bounds)
    elif src.kind == "jsonl":
        length = _decompressed_size(src.path)
        bounds = list(range(0, length, shard_bytes)) or [0]
        share = src.size // len(bounds)
    else:  # a WARC (records have no index) or a single file: one shard
        bounds, share = [0], src.size
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else None  # the last shard is open: estimates may be short
        yield Shard(src.path, src.kind, start, end, src.fields, share)


def _decompressed_size(path: str) -> int:
    """The text size of a JSON Lines file: its size, or a gzip file's ISIZE trailer (an estimate:
    modulo 4 GiB and only the last member's; the open last shard makes any estimate safe)."""
    try:
        with open(path, "rb") as fh:
            if fh.read(2) != b"\x1f\x8b":
                return os.path.getsize(path)
            fh.seek(-4, os.SEEK_END)
            return struct.unpack("<I", fh.read(4))[0]
    except (OSError, struct.error):
        return 0


def run_dask(sources: Iterable[Source], store: Store, run_id: int, options: Options, scheduler: str | None,
             progress: AuditProgress, isolate: bool = True) -> None:
    """Audit on the cluster at `scheduler` (an address such as tcp://host:8786)."""
    from distributed import Client, as_completed

    if not scheduler:
        raise ValueError("--engine dask needs --scheduler ADDRESS (tcp://host:8786)")
    with Client(scheduler, set_as_default=False) as client:
        limit = 2 * (sum(client.nthreads().values()) or 1)
        books = _Books(store, run_id, progress)
        running = as_completed(loop=client.loop)
        for src in sources:
            for shard in plan_shards(src):
                while running.count() >= limit:
                    books.collect(next(running).result())
                done = frozenset(store.done_in_range(shard.path, shard.start, shard.end))
                if done:
                    progress.skip(len(done))
                running.add(client.submit(audit_shard, shard, options, done, isolate, pure=False))
                books.planned(shard)
            books.all_planned(src.path)
        for future in running:
            books.collect(future.result())


class _Books:
    """The client's bookkeeping: write each shard's rows, and mark a source read once all its shards are in."""

    def __init__(self, store: Store, run_id: int, progress: AuditProgress):
        self.store, self.run_id, self.progress = store, run_id, progress
        self.open: dict[str, int] = {}  # shards submitted and not yet written, per source
        self.skipped: dict[str, int] = {}
        self.complete: set[str] = set()  # sources whose shards are all submitted
        self.position = 0
        self.warned = False

    def planned(self, shard: Shard) -> None:
        self.open[shard.path] = self.open.get(shard.path, 0) + 1

    def all_planned(self, path: str) -> None:
        self.complete.add(path)
        self._maybe_done(path)

    def collect(self, out: ShardResult) -> None:
        if not out.isolated and not self.warned:
            self.warned = True
            self.progress.note(UNISOLATED)
        docs, found = self.store.write(out.results, self.run_id)
        self.progress.add(docs, sum(r.nbytes for r in out.results), found,
                          sum(r.status == "error" for r in out.results))
        path = out.shard.path
        self.skipped[path] = self.skipped.get(path, 0) + out.skipped
        self.open[path] -= 1
        self.position += out.shard.size
        self.progress.at(self.position)
        self._maybe_done(path)

    def _maybe_done(self, path: str) -> None:
        if path in self.complete and self.open.get(path, 0) == 0:
            self.store.source_done(path, self.skipped.get(path, 0))
