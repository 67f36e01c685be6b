"""Throughput, memory and cold start of statlint (targets: >= 3 MB/s, cold start < 0.3 s, issue 13).

Why: statlint runs in editors' pre-publication hooks and CI, where a slow
cold start is paid on every file, and over whole archives, where throughput
is what counts. Every figure is measured in the same run as a baseline, so
they can be compared across machines:

- check_text over the whole news corpus (Reuters + BBC + WMT English + WMT
  translated refs), single process, best of 3: MB per CPU second of the
  process (the one-core target: a shared machine's other jobs do not count),
  MB/s of wall time beside it (UTF-8 bytes, 10^6) and documents/s; in turns
  with it a bare `regex` number scan (findall: the floor any extractor pays),
  the ratio between the two, and the target scaled by it. The issue's target,
  3 MB/s, was set where that scan ran at ~400 MB/s; this machine's scan runs
  at 100-200 MB/s depending on its other load, so the ratio (at most 133x
  slower than the scan) is the figure that compares across machines;
- peak RSS of this process (resource.getrusage);
- cold start: wall time of `statlint check` on a ~1 KB article (median of 5,
  after one untimed run that writes .pyc files), beside `python -c pass` and
  the library call alone;
- whether pint / scikit-learn were imported by a cold check of that article
  (it needs neither, so neither should load);
- two worker processes (multiprocessing Pool(2) over chunks of documents)
  against one, as a speed-up ratio.

    python bench/speed.py [--repeat 3] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, REPO_ROOT, corpus, report

NUMBER_SCAN = regex.compile(r"\d[\d,.]*")
# The throughput target of the benchmarks issue, and the speed it gives for this scan on its machine
# ("a plain regex scan for numbers runs at about 400 MB/s here"): statlint may be up to 400/3 times slower.
TARGET_MB_S, REFERENCE_SCAN_MB_S = 3.0, 400.0
CHUNK_BYTES = 256_000  # documents are batched into chunks of about this size per worker task
COLD_RUNS = 5
HEAVY_MODULES = ("pint", "sklearn", "scipy", "numpy", "quantulum3")

# Our own text (not from the corpus), about 1 KB; its figures are consistent and
# it has no physical units, so a cold check needs neither pint nor scikit-learn.
ARTICLE = """\
Harbour City tram ridership climbs for a third year

Passenger numbers on the Harbour City tram network rose 12% last year to 4.48 million,
from 4 million the year before, the city's transport board said on Tuesday.

Fare revenue increased 10% to $22 million from $20 million, while operating costs
climbed to $18.7 million from $17.2 million. The board said the operating surplus
of $3.3 million would be spent on new shelters and ticket machines.

Of the network's 62 stops, 41 are now step-free, up from 35 a year earlier. The
board plans to convert the remaining 21 stops by the end of 2026 at a cost of about
$9 million, half of it paid by the regional government.

Weekday trips made up about 70% of the total, and the busiest line, the Quay Loop,
carried 1.6 million passengers, or roughly a third of all riders. Average journeys
lasted 14 minutes.

"Three years ago we were worried about losing riders after the fare rise," board
chair Ana Ruiz said. "Now we are adding two more trams in the spring."
"""


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _check_all(texts: list[str]) -> tuple[int, int]:
    from statlint import check_text

    findings = errors = 0
    for text in texts:
        try:
            findings += len(check_text(text))
        except Exception:
            errors += 1
    return findings, errors


def _scan_all(texts: list[str]) -> int:
    """A plain regex scan for numbers: findall, so the figure is the engine's scan, not Python's loop over matches."""
    return sum(len(NUMBER_SCAN.findall(t)) for t in texts)


def interleaved(check, scan, repeat: int, scans_per_round: int = 5) -> dict:
    """Best wall and CPU seconds of `check` and of `scan`, run in turns so both see the same machine.

    On a shared machine another job can slow one stretch of minutes by a third; a
    ratio of two figures measured minutes apart mixes that in. The scan is short,
    so it runs several times per round and keeps its best.
    """
    best = {"check": [float("inf"), float("inf")], "scan": [float("inf"), float("inf")]}
    results = {}
    for _ in range(repeat):
        for name, fn, times in (("check", check, 1), ("scan", scan, scans_per_round)):
            for _ in range(times):
                w0, c0 = time.perf_counter(), time.process_time()
                results[name] = fn()
                best[name][0] = min(best[name][0], time.perf_counter() - w0)
                best[name][1] = min(best[name][1], time.process_time() - c0)
    return {"check": (*best["check"], results["check"]), "scan": (*best["scan"], results["scan"])}


def _slowest(texts: list[str], ids: list[str], n: int = 3) -> list[dict]:
    """The n documents that take longest to check (one timed pass), to spot pathological inputs."""
    from statlint import check_text

    times = []
    for doc_id, text in zip(ids, texts):
        t0 = time.perf_counter()
        try:
            check_text(text)
        except Exception:
            pass
        times.append((time.perf_counter() - t0, doc_id, len(text)))
    times.sort(reverse=True)
    return [{"doc": d, "seconds": round(s, 4), "chars": c} for s, d, c in times[:n]]


def chunks(texts: list[str], size: int = CHUNK_BYTES) -> list[list[str]]:
    out, cur, nbytes = [], [], 0
    for t in texts:
        cur.append(t)
        nbytes += len(t)
        if nbytes >= size:
            out.append(cur)
            cur, nbytes = [], 0
    if cur:
        out.append(cur)
    return out


def two_processes(texts: list[str], repeat: int) -> dict:
    parts = chunks(texts)
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(2) as pool:
        pool.map(_check_all, [[ARTICLE]] * 2)  # warm both workers (imports, compiled patterns)

        def run():
            res = pool.map(_check_all, parts, chunksize=1)
            return sum(r[0] for r in res), sum(r[1] for r in res)

        seconds, (found, errors) = best_of(run, repeat)
    return {"seconds": round(seconds, 3), "chunks": len(parts), "findings": found, "errors": errors}


def statlint_command(path: str) -> list[str]:
    script = Path(sys.executable).parent / "statlint"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script), "check", path]
    return [sys.executable, "-m", "statlint.checker.cli", "check", path]


def _timed(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)
    return time.perf_counter() - t0, proc


def _shown(cmd: list[str], path: str, env: dict) -> str:
    """The command as a reader would type it from the repo root."""
    out = []
    if env.get("PYTHONDONTWRITEBYTECODE"):
        out.append("PYTHONDONTWRITEBYTECODE=1")
    if env.get("PYTHONPYCACHEPREFIX"):
        out.append(f"PYTHONPYCACHEPREFIX={os.path.relpath(env['PYTHONPYCACHEPREFIX'], REPO_ROOT)}")
    for a in cmd:
        a = a.replace(path, "ARTICLE.txt")
        if a.startswith(str(REPO_ROOT) + os.sep):
            a = os.path.relpath(a, REPO_ROOT)
        out.append(a)
    return shlex.join(out)


def cold_start(path: str) -> dict:
    """Median wall time of fresh processes checking the article.

    `cli` is the headline: byte-code caching on, as in any installed copy (the
    .pyc files go to bench/out/pycache so nothing is written next to the
    sources). `cli_no_pyc` is the same with PYTHONDONTWRITEBYTECODE=1 and no
    cache prefix, i.e. the project's own modules compiled on every start, as
    in a checkout run under an environment that forbids .pyc files.
    """
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(OUT_DIR / "pycache")
    no_pyc = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    no_pyc["PYTHONDONTWRITEBYTECODE"] = "1"
    lib = 'import sys, statlint; statlint.check_text(open(sys.argv[1], encoding="utf-8").read())'
    runs = {
        "python_bare": ([sys.executable, "-c", "pass"], cached),
        "library": ([sys.executable, "-c", lib, path], cached),
        "cli": (statlint_command(path), cached),
        "cli_no_pyc": (statlint_command(path), no_pyc),
    }
    out = {}
    for name, (cmd, env) in runs.items():
        _timed(cmd, env)  # untimed: writes the .pyc files, warms the page cache
        times, proc = [], None
        for _ in range(COLD_RUNS):
            t, proc = _timed(cmd, env)
            times.append(t)
        ok = proc.returncode in (0, 1)  # 1 = findings, still a successful check
        out[name] = {"command": _shown(cmd, path, env), "median_s": round(statistics.median(times), 4),
                     "runs_s": [round(t, 4) for t in times], "returncode": proc.returncode, "ok": ok}
        if not ok:
            out[name]["stderr"] = proc.stderr.strip()[-400:]
    return out


# Runs in a fresh interpreter: check the article the way the CLI does, then list heavy imports.
_IMPORT_PROBE = r"""
import json, sys
path, mode, out = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "cli":
    from statlint.checker.cli import main
    sys.argv = ["statlint", "check", path]
    try:
        main()
    except SystemExit:
        pass
else:
    import statlint
    statlint.check_text(open(path, encoding="utf-8").read())
heavy = %r
with open(out, "w") as fh:
    json.dump({m: m in sys.modules for m in heavy}, fh)
""" % (HEAVY_MODULES,)


def imports_on_cold_check(path: str) -> dict:
    res = {}
    for mode in ("library", "cli"):
        with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as fh:
            out = fh.name
        try:
            proc = subprocess.run([sys.executable, "-c", _IMPORT_PROBE, path, mode, out], cwd=REPO_ROOT,
                                  capture_output=True, text=True, timeout=120)
            try:
                res[mode] = json.loads(Path(out).read_text() or "null")
            except ValueError:
                res[mode] = None
            if res[mode] is None:
                res[mode] = {"error": proc.stderr.strip()[-400:]}
        finally:
            os.unlink(out)
    return res


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux (bytes on macOS)
    return round(kb / 1024 / (1024 if sys.platform == "darwin" else 1), 1)


def run(repeat: int = 3) -> dict:
    from statlint import checker  # noqa: F401  imported before the baseline so RSS growth is statlint's working memory

    recs = list(corpus.news())
    texts = [corpus.article(r) for _, r in recs]
    ids = [r["id"] for _, r in recs]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    rss_before = _peak_rss_mb()
    load_before = os.getloadavg()

    _check_all(texts[:50])  # warm-up: lazy imports, compiled patterns
    timed = interleaved(lambda: _check_all(texts), lambda: _scan_all(texts), repeat)
    t_check, cpu_check, (found, errors) = timed["check"]
    t_scan, cpu_scan, numbers = timed["scan"]
    slowest = _slowest(texts, ids)
    rss_peak = _peak_rss_mb()

    two = two_processes(texts, repeat)

    tmpdir = tempfile.mkdtemp(prefix="statlint-bench-")
    try:
        path = os.path.join(tmpdir, "article.txt")
        Path(path).write_text(ARTICLE, encoding="utf-8")
        cold = cold_start(path)
        imports = imports_on_cold_check(path)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)

    mb = nbytes / 1e6
    return {
        "docs": len(texts), "bytes": nbytes, "repeat": repeat,
        "statlint": {"seconds": round(t_check, 3), "mb_per_s": round(mb / t_check, 3), "docs_per_s": round(len(texts) / t_check, 1),
                     "cpu_seconds": round(cpu_check, 3), "mb_per_cpu_s": round(mb / cpu_check, 3),
                     "findings": found, "errors": errors, "slowest_docs": slowest},
        "regex_scan": {"pattern": NUMBER_SCAN.pattern, "seconds": round(t_scan, 4), "mb_per_s": round(mb / t_scan, 1),
                       "cpu_seconds": round(cpu_scan, 4), "mb_per_cpu_s": round(mb / cpu_scan, 1),
                       "docs_per_s": round(len(texts) / t_scan, 1), "numbers": numbers},
        "slowdown_vs_regex": round(cpu_check / cpu_scan, 1),
        # The issue sets 3 MB/s where this scan runs ~400 MB/s: the same ratio on this machine
        "scaled_target_mb_per_cpu_s": round(TARGET_MB_S * (mb / cpu_scan) / REFERENCE_SCAN_MB_S, 3),
        "rss_mb": {"after_loading_corpus": rss_before, "peak": rss_peak},
        "two_processes": {**two, "mb_per_s": round(mb / two["seconds"], 3),
                          "speedup": round(t_check / two["seconds"], 2), "same_findings": two["findings"] == found},
        "cold_start": cold,
        "cold_imports": imports,
        "article_bytes": len(ARTICLE.encode("utf-8")),
        # other work on the machine skews timings; a 1-minute load near nproc or above means "noisy"
        "loadavg_1min": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)},
    }


def summary_lines(res: dict) -> list[str]:
    s, r, c = res["statlint"], res["regex_scan"], res["cold_start"]
    cli = c["cli"]
    heavy = res["cold_imports"].get("cli", {})
    loaded = [m for m in ("pint", "sklearn") if heavy.get(m)]
    return [
        f"speed: {res['docs']} docs, {res['bytes'] / 1e6:.2f} MB; statlint {s['mb_per_cpu_s']} MB per CPU second, "
        f"{s['mb_per_s']} MB/s wall ({s['docs_per_s']} docs/s), "
        f"regex scan {r['mb_per_cpu_s']} MB per CPU second, {res['slowdown_vs_regex']}x slower "
        f"(the target's ratio allows {REFERENCE_SCAN_MB_S / TARGET_MB_S:.0f}x: {res['scaled_target_mb_per_cpu_s']} MB/s here); "
        f"peak RSS {res['rss_mb']['peak']} MB",
        f"  2 processes: {res['two_processes']['mb_per_s']} MB/s, speed-up x{res['two_processes']['speedup']}",
        f"  cold start `statlint check` (1 KB): {cli['median_s']} s median" + ("" if cli["ok"] else f" (FAILED rc={cli['returncode']})")
        + f"; library {c['library']['median_s']} s; bare python {c['python_bare']['median_s']} s; "
        + (f"pint/sklearn loaded: {', '.join(loaded)}" if loaded else ("pint/sklearn not loaded" if "error" not in heavy else "import probe failed")),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="statlint throughput, memory and cold start.")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timed passes (default 3)")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    args = ap.parse_args(argv)
    if not corpus.available(*corpus.NEWS.values()):
        print(f"speed: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    res = run(args.repeat)
    return report(res, args.json, summary_lines(res))


if __name__ == "__main__":
    sys.exit(main())
