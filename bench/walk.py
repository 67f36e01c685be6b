"""Scale of a directory walk: time and peak memory of `statlint check` on many small articles.

RELIABILITY E.43 asks that a directory of a million files be walked as a
stream with bounded memory. Making a million files here would take minutes
and gigabytes of inodes, so this stage builds trees of SMALL and LARGE files
(flat, and spread over nested directories), runs the CLI on each in a fresh
interpreter, and reports peak RSS and the memory each extra file costs:
(RSS at LARGE - RSS at SMALL) / (LARGE - SMALL). That figure times 10^6 is
what a million files would add. Articles are written by this script (one
sentence with figures each, one in a hundred with a finding), not taken from
the corpus.

    python bench/walk.py [--json OUT] [--small 10000] [--large 100000]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import REPO_ROOT

CLEAN = b"Net profit rose 5.0 pct to 105.0 mln dlrs from 100.0 mln dlrs, the company said on Monday.\n"
FLAGGED = b"Net profit rose 50 pct to 105.0 mln dlrs from 100.0 mln dlrs, the company said on Monday.\n"
PER_DIRECTORY = 1000  # the nested layout: directories of this many files

# Runs the CLI in this interpreter and prints its peak RSS (KiB on Linux) and CPU time as JSON.
_MEASURE = """
import json, resource, sys, time
from statlint.checker.cli import main
started = time.process_time()
try:
    main(sys.argv[1:], prog_name="statlint")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "cpu_s": time.process_time() - started,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
"""


def build(root: Path, files: int, nested: bool) -> None:
    for i in range(files):
        directory = root / f"{i // PER_DIRECTORY:04d}" if nested else root
        if nested and i % PER_DIRECTORY == 0:
            directory.mkdir()
        (directory / f"{i:07d}.txt").write_bytes(FLAGGED if i % 100 == 0 else CLEAN)


def measure(root: Path) -> dict:
    cmd = [sys.executable, "-c", _MEASURE, "check", "--no-config", "--format", "json", "-o", os.devnull, str(root)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    data = json.loads(proc.stderr.strip().splitlines()[-1])
    data["wall_s"] = round(wall, 1)
    data["cpu_s"] = round(data["cpu_s"], 1)
    return data


def run(small: int, large: int) -> dict:
    rows = []
    for nested in (False, True):
        for files in (small, large):
            with tempfile.TemporaryDirectory(prefix="statlint-walk-") as tmp:
                build(Path(tmp), files, nested)
                got = measure(Path(tmp))
            got.update(files=files, layout="nested" if nested else "flat",
                       files_per_cpu_s=round(files / got["cpu_s"]) if got["cpu_s"] else None)
            rows.append(got)
            print(f"walk: {got['layout']:6} {files:>7,} files: exit {got['exit']}, {got['cpu_s']} s CPU, "
                  f"{got['wall_s']} s wall, peak RSS {got['max_rss_kib'] / 1024:.0f} MiB")
    per_file = {}
    for layout in ("flat", "nested"):
        a, b = [r for r in rows if r["layout"] == layout]
        per_file[layout] = round((b["max_rss_kib"] - a["max_rss_kib"]) * 1024 / (b["files"] - a["files"]))
    print("walk: memory per extra file: " + ", ".join(f"{k} {v} bytes" for k, v in per_file.items()))
    return {"runs": rows, "bytes_per_file": per_file, "small": small, "large": large}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    args = ap.parse_args(argv)
    data = run(args.small, args.large)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
