"""Long documents: how time grows with length, and one 20 MB file (targets of issue 13).

Why: statlint is run over whole archives and over files of many MB, and
DESIGN.md promises time linear in the input ("no rule compares all pairs of
quantities"). Two measurements, each beside a plain regex number scan of the
same text run in the same process and the same minutes, so ratios compare
across machines:

- growth: Reuters articles in file order, joined by blank lines into one
  document of about 1, 2, 4, 8 and 16 times BASE_BYTES (distinct articles,
  not copies); `check_text` on each, best CPU time of --repeat. The growth
  exponent is the least-squares slope of log(time) against log(size) (1 is
  linear, 2 quadratic); `worst_4x` is the largest time ratio between two
  documents four times apart (the target: at most 4.5);
- big: the Reuters text repeated to BIG_BYTES and written to a temporary file,
  checked by `statlint check --format json` in a fresh process as a user runs
  it (the default per-document CPU budget applies): CPU and wall seconds, MB
  per CPU second, peak RSS of that process (the target: under 200 MB), its
  exit code and notices (TIME001 means the budget ran out).

    python bench/scale.py [--repeat 2] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import REPO_ROOT, corpus, report
from bench.speed import NUMBER_SCAN
from bench.walk import _MEASURE as CLI_WITH_RUSAGE

BASE_BYTES = 300_000
MULTIPLES = (1, 2, 4, 8, 16)
BIG_BYTES = 20_000_000
TARGET_4X, TARGET_RSS_MB = 4.5, 200.0


def reuters_text() -> list[str]:
    return [corpus.article(rec) for rec in corpus.records("reuters")]


def prefix_document(articles: list[str], size: int) -> str:
    """The first articles, joined by blank lines, up to at least `size` characters (or all of them)."""
    out, n = [], 0
    for a in articles:
        out.append(a)
        n += len(a) + 2
        if n >= size:
            break
    return "\n\n".join(out)


def _cpu(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        fn()
        best = min(best, time.process_time() - c0)
    return best


def exponent(sizes: list[float], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def growth(articles: list[str], repeat: int) -> dict:
    from statlint import check_text

    check_text(prefix_document(articles, BASE_BYTES))  # warm-up: lazy imports, compiled patterns
    rows = []
    for k in MULTIPLES:
        doc = prefix_document(articles, k * BASE_BYTES)
        mb = len(doc.encode("utf-8")) / 1e6
        check_s = _cpu(lambda: check_text(doc), repeat)
        scan_s = _cpu(lambda: NUMBER_SCAN.findall(doc), max(repeat, 5))
        rows.append({"multiple": k, "chars": len(doc), "mb": round(mb, 3), "cpu_s": round(check_s, 3),
                     "mb_per_cpu_s": round(mb / check_s, 3), "scan_cpu_s": round(scan_s, 4),
                     "ratio_to_scan": round(check_s / scan_s, 1)})
    by_k = {r["multiple"]: r for r in rows}
    fours = [by_k[4 * k]["cpu_s"] / by_k[k]["cpu_s"] * by_k[k]["chars"] * 4 / by_k[4 * k]["chars"]
             for k in MULTIPLES if 4 * k in by_k]
    return {"base_bytes": BASE_BYTES, "repeat": repeat, "rows": rows,
            "exponent": round(exponent([r["chars"] for r in rows], [r["cpu_s"] for r in rows]), 3),
            # time ratio between documents four times apart, scaled to exactly 4x the characters
            "worst_4x": round(max(fours), 2) if fours else None}


def big(articles: list[str]) -> dict:
    text = "\n\n".join(articles)
    text = (text + "\n\n") * (BIG_BYTES // (len(text) + 2) + 1)
    text = text[:text.rfind("\n\n", 0, BIG_BYTES)]  # whole articles up to 20 MB
    mb = len(text.encode("utf-8")) / 1e6
    scan_s = _cpu(lambda: NUMBER_SCAN.findall(text), 3)
    with tempfile.TemporaryDirectory(prefix="statlint-scale-") as tmp:
        path, report_path = os.path.join(tmp, "reuters-20mb.txt"), os.path.join(tmp, "report.json")
        Path(path).write_text(text, encoding="utf-8")
        del text
        cmd = [sys.executable, "-c", CLI_WITH_RUSAGE, "check", "--no-config", "--format", "json", "-o", report_path, path]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        measured = json.loads(proc.stderr.strip().splitlines()[-1])
        result = json.loads(Path(report_path).read_text(encoding="utf-8"))["files"][0]
    return {"mb": round(mb, 3), "cpu_s": round(measured["cpu_s"], 2), "wall_s": round(wall, 1),
            "mb_per_cpu_s": round(mb / measured["cpu_s"], 3), "scan_cpu_s": round(scan_s, 4),
            "ratio_to_scan": round(measured["cpu_s"] / scan_s, 1),
            "peak_rss_mb": round(measured["max_rss_kib"] / 1024, 1), "exit": measured["exit"],
            "notices": [n["code"] for n in result["notices"]], "findings": len(result["findings"])}


def run(repeat: int) -> dict:
    articles = reuters_text()
    return {"growth": growth(articles, repeat), "big": big(articles),
            "targets": {"worst_4x": TARGET_4X, "peak_rss_mb": TARGET_RSS_MB}}


def summary_lines(res: dict) -> list[str]:
    g, b = res["growth"], res["big"]
    sizes = ", ".join(f"{r['mb']} MB {r['cpu_s']} s ({r['ratio_to_scan']}x scan)" for r in g["rows"])
    return [
        f"scale: growth exponent {g['exponent']} (1 = linear), worst 4x-longer ratio {g['worst_4x']} "
        f"(target <= {TARGET_4X}); {sizes}",
        f"  {b['mb']} MB file: {b['cpu_s']} s CPU, {b['mb_per_cpu_s']} MB per CPU second, {b['ratio_to_scan']}x the "
        f"scan; peak RSS {b['peak_rss_mb']} MB (target < {TARGET_RSS_MB:g}); exit {b['exit']}, "
        f"notices {b['notices'] or 'none'}, {b['findings']} findings",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="statlint time against document length, and one 20 MB file.")
    ap.add_argument("--repeat", type=int, default=2, help="best of N timed checks per size (default 2)")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    args = ap.parse_args(argv)
    if not corpus.available(corpus.NEWS["reuters"]):
        print(f"scale: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    res = run(args.repeat)
    return report(res, args.json, summary_lines(res))


if __name__ == "__main__":
    sys.exit(main())
