"""Run every benchmark and write bench/results.json and bench/results.md.

Why one driver: the figures only mean something side by side with the
machine, the date, the exact commands and the targets, and they must all come
from the same run. Each stage runs in its own interpreter so that one stage's
imports and memory (quantulum3 loads a lot) do not leak into another's
timings or peak RSS, and so a crash in one stage still leaves the others.

    python bench/run.py [--no-quantulum]

Stdout is a short summary; details are in bench/results.md, bench/results.json
and bench/out/ (findings.jsonl for review, recall_misses.jsonl for planted errors
not found, measeval_errors.jsonl for extraction recall).
"""
from __future__ import annotations

import argparse
import json
import platform
import shlex
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import BENCH_DIR, OUT_DIR, REPO_ROOT, corpus
from bench.report import TARGETS, render_markdown, target_status

STAGES = ("quality", "recall", "measeval", "news_units", "speed", "scale", "walk", "audit")


def _sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _python() -> str:
    exe = Path(sys.executable)
    try:
        return str(exe.relative_to(REPO_ROOT))
    except ValueError:
        return str(exe)


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("regex", "pint", "scikit-learn", "click", "quantulum3"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    return {
        "date": _sh("date"), "nproc": _sh("nproc"), "cpu": cpu, "platform": platform.platform(),
        "python": sys.version.split()[0], "python_executable": _python(),
        "git_commit": _sh("git", "rev-parse", "--short", "HEAD") or "(no commit)",
        "git_dirty_files": len([l for l in _sh("git", "status", "--porcelain").splitlines() if l.strip()]),
        "corpus_dir": str(corpus.corpus_dir()), "packages": versions,
    }


def run_stage(name: str, extra: list[str]) -> tuple[list[str], dict | None, str]:
    """Run bench/<name>.py in a fresh interpreter; returns (command, its JSON, its stdout or error)."""
    out = OUT_DIR / f"{name}.json"
    out.unlink(missing_ok=True)
    cmd = [_python(), f"bench/{name}.py", "--json", str(out.relative_to(REPO_ROOT))] + extra
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable] + cmd[1:], cwd=REPO_ROOT, capture_output=True, text=True)
    wall = round(time.perf_counter() - t0, 1)
    if proc.returncode != 0 or not out.is_file():
        err = (proc.stderr.strip() or proc.stdout.strip())[-800:]
        return cmd, None, f"{name}: FAILED (exit {proc.returncode}) after {wall}s\n{err}"
    data = json.loads(out.read_text(encoding="utf-8"))
    data["wall_seconds"] = wall
    return cmd, data, proc.stdout.rstrip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run all statlint benchmarks.")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 reference in measeval")
    args = ap.parse_args(argv)
    if not corpus.available():
        print(f"bench: corpus not found in {corpus.corpus_dir()} (set STATLINT_CORPUS)", file=sys.stderr)
        return 2
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    results: dict = {"machine": machine(), "commands": {"run": shlex.join([_python(), "bench/run.py"] + (argv or sys.argv[1:]))},
                     "targets": TARGETS}
    failed = False
    for name in STAGES:
        extra = ["--no-quantulum"] if name == "measeval" and args.no_quantulum else []
        cmd, data, text = run_stage(name, extra)
        results["commands"][name] = shlex.join(cmd)
        results[name] = data
        failed |= data is None
        print(text)
    results["status"] = target_status(results)

    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (BENCH_DIR / "results.md").write_text(render_markdown(results), encoding="utf-8")
    print("targets: " + "; ".join(f"{s['name']} {s['value']} ({s['target']}) {s['status']}" for s in results["status"]))
    print("wrote bench/results.md, bench/results.json; details in bench/out/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
