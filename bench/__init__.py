"""Quality and speed benchmarks for statlint (not part of `make test`).

Every script here measures the library API (statlint.check_text,
statlint.extract_quantities) on the real third-party corpus in
../shared/corpus/ and writes its raw output to bench/out/ (git-ignored).
Corpus text is read in place and never copied into the repository: its
licences allow research use only.

Run everything with `python bench/run.py`; each stage also runs on its own
(`python bench/quality.py`, `bench/measeval.py`, `bench/speed.py`, `bench/scale.py`).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO_ROOT / "bench"
OUT_DIR = BENCH_DIR / "out"

# The scripts are run as files (`python bench/x.py`), so the repository root
# is not on sys.path by default; `bench` itself is imported from there
# (statlint comes from the installed package).
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def report(res: dict, json_path: Path | None, lines: list[str]) -> int:
    """The end of a stage script: its results as JSON where --json says, its summary on stdout; exit 0."""
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0
