"""Scale of `statlint audit`: throughput with 1 and 2 workers, and peak memory on a big JSONL archive.

Targets (issue 16): two workers at least 1.7x one on the whole shared
corpus, and under 300 MB of memory, summed over the main process and its
workers, while auditing a ~1 GB JSON Lines archive made by repeating the
corpus. The big archive is written to bench/out/ (git-ignored; the corpus
is research-only and never enters the repository) and deleted afterwards.

The speed-up is measured in rounds (`--rounds`, default 3): each round
audits the corpus with 1 and with 2 workers (in alternating order, so a
drift in the machine's load does not favour one) and runs the control, the
same CPU loop in 1 and 2 processes, right after; a round's ratio is 1-worker
wall / 2-worker wall, and the figure is the median over the rounds, printed
beside every round's own ratio and control. Every run must store the same
documents with the same statuses and findings (checked, else the bench
fails): the runs differ only in how many workers did the work. CPU seconds
are the audit's and all its workers' (getrusage of the reaped process
tree), and "check CPU" is the sum of the per-document CPU seconds the store
records, the part that runs in parallel; the rest is startup, reading and
writing.

Each audit runs as the CLI in its own process group; memory is sampled
every 0.2 s with psutil as the sum of the resident sets of the audit and
its worker processes (the peak of that sum is the target's measure; it
counts pages the forked workers share with the main process once per
process, so the proportional set size, PSS, is recorded beside it),
throughput is documents and text megabytes per wall second of the audit.
On a shared machine wall times depend on what else runs: the command, the
load average before and after, and CPU seconds are recorded with them.

A 1 GB archive takes far longer to check than a benchmark run should (about
0.7 MB of news per CPU second): `--big-seconds` stops the big audit with
SIGTERM after that long, and the stage reports how much it covered and the
memory timeline; reading the whole archive in chunks without checking (what
the main process does) is measured separately to the end.

    python bench/audit.py [--json OUT] [--rounds 3] [--repeated-mb 0] [--big-mb 1000] [--big-seconds 600] [--skip-big]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, REPO_ROOT, corpus

TARGET_SPEEDUP = 1.7
TARGET_PEAK_MB = 300


def corpus_files() -> list[Path]:
    return sorted(corpus.corpus_dir().glob("*.jsonl.gz"))


def run_audit(sources: list[str], db: str, jobs: int, stop_after: float | None = None, pss: bool = False) -> dict:
    """One `statlint audit` run: wall and CPU seconds, peak summed RSS/PSS, a memory timeline, the store's totals.

    `stop_after` seconds: stop the audit with SIGTERM then (as an operator would; it resumes later).
    `pss`: also sample the proportional set size (reading smaps costs CPU the throughput runs cannot spare).
    """
    import psutil

    cmd = [sys.executable, "-m", "statlint.checker.cli", "audit", *sources, "--db", db, "-j", str(jobs),
           "--no-progress"]
    load_before = os.getloadavg()[0]
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    root = psutil.Process(proc.pid)
    peak = peak_pss = 0
    cpu: dict[int, float] = {}
    timeline: list[tuple[float, float]] = []  # (seconds, summed RSS MB), every ~10 s
    stopped = False
    while proc.poll() is None:
        elapsed = time.perf_counter() - t0
        if stop_after is not None and elapsed > stop_after and not stopped:
            proc.send_signal(signal.SIGTERM)
            stopped = True
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        total = total_pss = 0
        for p in family:
            try:
                mem = p.memory_full_info() if pss else p.memory_info()  # PSS reads smaps: costly, only when asked
                total += mem.rss
                total_pss += getattr(mem, "pss", 0)
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        peak, peak_pss = max(peak, total), max(peak_pss, total_pss)
        if not timeline or elapsed - timeline[-1][0] >= 10:
            timeline.append((round(elapsed, 1), round(total / 1e6, 1)))
        time.sleep(0.2)  # sampling interval
    err = proc.stderr.read().decode()
    proc.wait()
    wall = time.perf_counter() - t0
    now = resource.getrusage(resource.RUSAGE_CHILDREN)  # the audit and every worker it reaped
    cpu_s = now.ru_utime + now.ru_stime - reaped.ru_utime - reaped.ru_stime
    if proc.returncode not in (0, 2, 128 + signal.SIGTERM):  # 2: some documents not checked (bad lines)
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-800:]}")
    con = sqlite3.connect(db)
    docs, errors, nbytes, found, check_s = con.execute(
        "SELECT count(*), sum(status = 'error'), sum(bytes), sum(findings), sum(seconds) FROM documents").fetchone()
    con.close()
    return {"command": " ".join(cmd), "jobs": jobs, "documents": docs, "errors": errors, "findings": found,
            "text_mb": round(nbytes / 1e6, 2), "wall_s": round(wall, 2),
            "cpu_s": round(cpu_s, 2), "check_cpu_s": round(check_s, 2),
            "cpu_s_sampled": round(sum(cpu.values()), 1),
            "docs_per_s": round(docs / wall, 1), "mb_per_s": round(nbytes / 1e6 / wall, 3),
            "peak_rss_mb": round(peak / 1e6, 1), "peak_pss_mb": round(peak_pss / 1e6, 1) if pss else None,
            "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2), "exit": proc.returncode, "stopped_after_s": stop_after
            if stopped else None, "rss_timeline_mb": timeline}


# Reads a source to its end as the audit's main process does (lines in chunks, the JSON left to the workers),
# without checking; prints its peak RSS (MB) and how many documents and raw line bytes it saw.
_READ_ONLY = """
import json, resource, sys
from statlint.checker.audit.runner import chunks
from statlint.checker.audit.sources import open_sources
docs = nbytes = 0
for src in open_sources(sys.argv[1:]):
    for chunk in chunks(src.docs(defer=True)):
        docs += len(chunk)
        nbytes += sum(d.size for d in chunk)
print(json.dumps({"documents": docs, "text_mb": round(nbytes / 1e6, 1),
                  "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


# The main process's work per document, without workers (its serial share: what limits the speed-up as workers
# are added): reading the sources as it does, pickling the chunks to send, unpickling the rows that come back
# (the rows of a real check, made first and not timed) and writing them to a fresh store. CPU seconds, best of 3.
_MAIN_PROCESS = """
import json, os, pickle, sys, tempfile, time
from statlint.checker.audit.check import Options, audit_docs
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.runner import _not_done, chunks
from statlint.checker.audit.sources import open_sources
from statlint.checker.audit.store import Store
sources = list(open_sources(sys.argv[1:]))
rows = [pickle.dumps(audit_docs(c, Options())) for s in sources for c in chunks(s.docs(defer=True))]
best = None
for _ in range(3):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(os.path.join(tmp, "a.sqlite"))
        for s in sources:
            store.register(s.path, s.kind, s.size)
        t, clock = {}, time.process_time()
        read = [(s, c) for s in sources for c in chunks(s.docs(defer=True))]
        t["read"], clock = time.process_time() - clock, time.process_time()
        for s, c in read:
            _not_done(store, s.path, c, AuditProgress(None, 1, False))
        t["done_keys"], clock = time.process_time() - clock, time.process_time()
        sent = [pickle.dumps(c) for _, c in read]
        t["pickle"], clock = time.process_time() - clock, time.process_time()
        back = [pickle.loads(r) for r in rows]
        t["unpickle"], clock = time.process_time() - clock, time.process_time()
        for r in back:
            store.write(r, 1)
        t["store"] = time.process_time() - clock
        store.close()
    t["total"] = sum(t.values())
    best = t if best is None or t["total"] < best["total"] else best
print(json.dumps({"documents": sum(len(c) for _, c in read), **{k: round(v, 3) for k, v in best.items()}}))
"""


def main_process_work(files: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _MAIN_PROCESS, *files], cwd=REPO_ROOT, capture_output=True,
                         text=True, check=True).stdout
    got = json.loads(out)
    print(f"audit: the main process's work for {got['documents']:,} documents, without workers: {got['total']} s CPU "
          f"(reading {got['read']}, asking what is done {got['done_keys']}, pickling {got['pickle']}, "
          f"unpickling the rows {got['unpickle']}, SQLite {got['store']})")
    return got


def read_only(path: str) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _READ_ONLY, path], cwd=REPO_ROOT, capture_output=True, text=True,
                         check=True).stdout
    return {**json.loads(out), "wall_s": round(time.perf_counter() - t0, 1)}


def _spin(n: int) -> float:
    x = 0
    for i in range(n):
        x += i
    return time.process_time()


def parallel_headroom(loops: int = 20_000_000) -> dict:
    """The same CPU-bound loop split over 1 and 2 processes: the speed-up this machine grants right now.

    On a machine shared with other jobs two processes may not get two cores; this control says how
    much of a missed audit speed-up is the machine's, not the audit's.
    """
    import multiprocessing

    walls = {}
    for procs in (1, 2):
        t0 = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            pool.map(_spin, [loops // procs] * procs)
        walls[procs] = time.perf_counter() - t0
    return {"wall_1_process_s": round(walls[1], 2), "wall_2_processes_s": round(walls[2], 2),
            "speedup": round(walls[1] / walls[2], 2), "load": round(os.getloadavg()[0], 2)}


def make_big(path: Path, target_mb: int) -> dict:
    """A JSON Lines archive of ~target_mb MB: the corpus records repeated, each copy with its own id."""
    written, copies, records = 0, 0, 0
    target = target_mb * 1_000_000
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            for f in corpus_files():
                with gzip.open(f, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        rec = json.loads(line)
                        if not isinstance(rec.get("text"), str):
                            continue
                        rec["id"] = f"{rec.get('id')}-copy{copies}"
                        line = json.dumps(rec, ensure_ascii=False) + "\n"
                        out.write(line)
                        written += len(line.encode("utf-8"))
                        records += 1
                        if written >= target:
                            break
                if written >= target:
                    break
            copies += 1
    return {"path": str(path), "mb": round(written / 1e6, 1), "records": records, "copies": copies}


def stored_rows(db: str) -> list[tuple]:
    """What an audit decided, without its timings: every document's status and error, every finding."""
    con = sqlite3.connect(db)
    try:
        docs = con.execute("SELECT s.path, d.key, d.status, d.error, d.findings FROM documents d "
                           "JOIN sources s ON s.id = d.source_id ORDER BY s.path, d.pos").fetchall()
        found = con.execute("SELECT s.path, f.key, f.seq, f.fingerprint, f.start, f.\"end\" FROM findings f "
                            "JOIN sources s ON s.id = f.source_id ORDER BY s.path, f.key, f.seq").fetchall()
    finally:
        con.close()
    return docs + found


def _line(got: dict) -> str:
    return (f"{got['documents']:,} docs, {got['text_mb']} MB in {got['wall_s']} s = {got['docs_per_s']} docs/s, "
            f"{got['cpu_s']} s CPU of which {got['check_cpu_s']} s checking, peak RSS {got['peak_rss_mb']} MB "
            f"(load {got['load_before']} -> {got['load_after']})")


def throughput(files: list[str], rounds: int, label: str = "corpus") -> dict:
    """Rounds of 1- and 2-worker audits of the corpus, each round with its control; the median ratio."""
    out: dict = {"rounds": []}
    reference = None
    with tempfile.TemporaryDirectory(prefix="statlint-audit-") as tmp:
        for r in range(rounds):
            runs = {}
            for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
                db = os.path.join(tmp, f"r{r}j{jobs}.sqlite")
                runs[jobs] = got = run_audit(files, db, jobs)
                rows = stored_rows(db)
                if reference is None:
                    reference = rows
                elif rows != reference:
                    raise RuntimeError(f"round {r + 1}, {jobs} worker(s): the store differs from the first run's")
                print(f"audit: round {r + 1}, {label}, {jobs} worker(s): {_line(got)}")
            control = parallel_headroom()
            ratio = runs[1]["wall_s"] / runs[2]["wall_s"]
            out["rounds"].append({"jobs1": runs[1], "jobs2": runs[2], "speedup": round(ratio, 2),
                                  "control": control})
            print(f"audit: round {r + 1}: 2 workers / 1 worker = {ratio:.2f}x; control, a CPU loop in 1 vs 2 "
                  f"processes: {control['speedup']}x (load {control['load']})")
    ratios = [x["speedup"] for x in out["rounds"]]
    out["speedup_2_workers"] = round(statistics.median(ratios), 2)
    out["control_speedups"] = [x["control"]["speedup"] for x in out["rounds"]]
    out["same_rows_every_run"] = True  # checked above: a difference raises
    return out


def repeated_throughput(target_mb: int, rounds: int) -> dict:
    """The same rounds on a JSONL of the corpus repeated to ~target_mb MB: what a longer audit gains once the
    fixed costs of a run (starting, importing, each worker's first conversions loading pint and the ECB
    table) weigh less. A figure beside the target's, not instead of it."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / "audit_repeated.jsonl"
    try:
        made = make_big(path, target_mb)
        got = throughput([str(path)], rounds, f"corpus repeated to {made['mb']} MB")
    finally:
        path.unlink(missing_ok=True)
    print(f"audit: corpus repeated to {made['mb']} MB ({made['records']:,} records): 2 workers / 1 worker = "
          f"{got['speedup_2_workers']:.2f}x, the median of {[x['speedup'] for x in got['rounds']]} "
          f"(controls {got['control_speedups']})")
    return {"archive": made, **got}


def run(big_mb: int, skip_big: bool, big_seconds: float | None, rounds: int = 3, repeated_mb: int = 0) -> dict:
    files = [str(f) for f in corpus_files()]
    result: dict = {"corpus_files": [Path(f).name for f in files], "targets": {
        "speedup_2_workers": f">= {TARGET_SPEEDUP}", "peak_rss_mb_big": f"< {TARGET_PEAK_MB}"}}
    result["main_process"] = main_process_work(files)
    result.update(throughput(files, rounds))
    speedup = result["speedup_2_workers"]
    result["speedup_status"] = "met" if speedup >= TARGET_SPEEDUP else "missed"
    print(f"audit: 2 workers / 1 worker = {speedup:.2f}x, the median of {[x['speedup'] for x in result['rounds']]} "
          f"(controls {result['control_speedups']}; target >= {TARGET_SPEEDUP}x): {result['speedup_status']}; "
          f"the same documents and findings in every run")
    if repeated_mb:
        result["repeated"] = repeated_throughput(repeated_mb, rounds)
    if skip_big:
        return result
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    big = OUT_DIR / "audit_big.jsonl"
    db = OUT_DIR / "audit_big.sqlite"
    try:
        result["big_archive"] = make_big(big, big_mb)
        result["big_read_only"] = got = read_only(str(big))
        print(f"audit: reading the {result['big_archive']['mb']} MB JSONL in chunks without checking: "
              f"{got['documents']:,} docs in {got['wall_s']} s, peak RSS {got['max_rss_mb']} MB")
        for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            leftover.unlink(missing_ok=True)
        got = run_audit([str(big)], str(db), 2, stop_after=big_seconds, pss=True)
        result["big"] = got
        result["peak_status"] = "met" if got["peak_rss_mb"] < TARGET_PEAK_MB else "missed"
        # the share of the archive's records checked (text bytes are only part of a JSONL's bytes)
        share = got["documents"] / result["big_read_only"]["documents"]
        print(f"audit: {result['big_archive']['mb']} MB JSONL, 2 workers: {got['documents']:,} docs "
              f"({share:.0%} of the archive's records, {got['text_mb']} MB of text) in {got['wall_s']} s ({got['mb_per_s']} MB/s), "
              f"peak RSS {got['peak_rss_mb']} MB, PSS {got['peak_pss_mb']} MB (target < {TARGET_PEAK_MB}): "
              f"{result['peak_status']}; RSS over time (s, MB): {got['rss_timeline_mb']}")
    finally:
        for leftover in (big, db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            leftover.unlink(missing_ok=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--big-mb", type=int, default=1000, help="size of the repeated-corpus archive (MB)")
    ap.add_argument("--skip-big", action="store_true", help="only the corpus throughput runs")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of 1- and 2-worker runs (the median ratio counts)")
    ap.add_argument("--repeated-mb", type=int, default=0,
                    help="also measure the rounds on a JSONL of the corpus repeated to this many MB (0: not)")
    ap.add_argument("--big-seconds", type=float, default=600,
                    help="stop the big audit (SIGTERM) after this many seconds; 0: let it finish")
    args = ap.parse_args(argv)
    if not corpus.available():
        print(f"audit: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    data = run(args.big_mb, args.skip_big, args.big_seconds or None, max(1, args.rounds), args.repeated_mb)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
