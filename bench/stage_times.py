"""Where `check` spends its time on the news corpus: seconds per extractor and per check, best of N runs.

Why: bench/speed.py gives one figure, the ratio to a plain number scan; a speed-up has to know which
step to take it from. This runs the engine's steps one by one (rules.EXTRACTORS, then rules.CHECKS)
over every news article, as checker.engine does (the checks through its rule_findings), timing each call, and prints each step's share of
the total beside the plain scan of the same text.

    python bench/stage_times.py [--repeat 3] [--top 25]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import regex

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus

NUMBER_SCAN = regex.compile(r"\d[\d,.]*")  # as bench/speed.py


def _name(fn) -> str:
    return fn.__module__.rsplit(".", 1)[-1]


def one_run(texts: list[str]) -> tuple[Counter, float]:
    """(seconds per step, seconds in all) for one pass over `texts`."""
    from statlint.checker.document import Document
    from statlint.checker.engine import rule_findings
    from statlint.checker.model import Facts
    from statlint.rules import EXTRACTORS

    clock = time.perf_counter
    spent: Counter = Counter()
    start = clock()
    for text in texts:
        t0 = clock()
        doc = Document(text)
        t1 = clock()
        spent["document"] += t1 - t0
        facts = Facts()
        for extractor in EXTRACTORS:
            t0 = clock()
            facts = extractor(doc, facts)
            t1 = clock()
            spent["extract " + _name(extractor)] += t1 - t0
        t0 = clock()
        rule_findings(doc, facts)  # as the engine calls the checks: those whose claims are absent are skipped
        spent["checks (all)"] += clock() - t0
    return spent, clock() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    from statlint import check_text

    texts = [corpus.article(rec) for _, rec in corpus.news()]
    for text in texts:  # one untimed pass: lazy imports, patterns, the pint registry and the ECB table
        check_text(text)
    best: Counter = Counter()
    total = scan = float("inf")
    for _ in range(args.repeat):
        spent, seconds = one_run(texts)
        for step, s in spent.items():
            best[step] = min(best.get(step, float("inf")), s)
        total = min(total, seconds)
        t0 = time.perf_counter()
        for text in texts:
            NUMBER_SCAN.findall(text)
        scan = min(scan, time.perf_counter() - t0)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts):,} articles, {mb:.2f} MB: steps {total:.3f} s in all ({mb / total:.2f} MB/s), "
          f"{total / scan:.1f}x the plain scan ({scan:.3f} s); best of {args.repeat}")
    for step, s in best.most_common(args.top):
        print(f"  {step:36s} {s:7.3f} s  {100 * s / total:5.1f} %  {s / scan:6.1f}x the scan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
