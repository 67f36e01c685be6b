"""CPU seconds of the claim extractors (h-claims' group) over the news corpus, best of N.

Why: bench/stage_times.py times every step by wall clock on a shared machine, where the noise is as
large as the group's whole time. This reads each article's quantities once (untimed), then runs only
the group's extractors, in the engine's order, on a fresh Document per run and per article, timing
each with time.process_time(). With --presplit the sentences and paragraphs are split before the
clock starts, so the figures leave out checker.document's share (claims is the first step to ask).

With --steps the named extractors are timed instead (any of rules.EXTRACTORS, e.g. claims,statements), each
on the facts the engine hands it (every step before it run once, untimed).

    python bench/claim_times.py [--repeat 3] [--presplit] [--steps claims,statements]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus

GROUP = ("claims", "comparatives", "periods", "annual_rates", "subjects", "hedges", "multipliers", "priors",
         "shares", "share_splits", "verbal_proportions", "mentions")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--presplit", action="store_true")
    ap.add_argument("--steps", help="comma-separated extractor names to time on their own")
    args = ap.parse_args(argv)
    from statlint.checker.document import Document
    from statlint.checker.model import Facts
    from statlint.rules import EXTRACTORS

    if args.steps:
        return _time_steps(args.steps.split(","), args.repeat, args.presplit)

    first = next(i for i, e in enumerate(EXTRACTORS) if e.__module__.endswith(".claims"))
    before, group = EXTRACTORS[:first], EXTRACTORS[first:first + len(GROUP)]
    assert tuple(e.__module__.rsplit(".", 1)[-1] for e in group) == GROUP, group
    texts = [corpus.article(rec) for _, rec in corpus.news()]
    ready = []
    for text in texts:
        doc, facts = Document(text), Facts()
        for e in before:
            facts = e(doc, facts)
        for e in group:  # untimed: lazy patterns compiled
            e(doc, facts)
        ready.append((text, facts))
    clock = time.process_time
    best: Counter = Counter()
    for _ in range(args.repeat):
        spent: Counter = Counter()
        for text, facts in ready:
            doc = Document(text)
            if args.presplit:
                doc.sentences, doc.paragraphs
            for e in group:
                t0 = clock()
                facts = e(doc, facts)
                spent[e.__module__.rsplit(".", 1)[-1]] += clock() - t0
        spent["(group)"] = sum(spent.values())
        for k, v in spent.items():
            best[k] = min(best.get(k, float("inf")), v)
    print(f"{len(texts):,} articles; CPU seconds, best of {args.repeat}{' (sentences split beforehand)' if args.presplit else ''}")
    for k in ("(group)",) + GROUP:
        print(f"  {k:20s} {best[k]:7.3f}")
    return 0


def _time_steps(names: list[str], repeat: int, presplit: bool) -> int:
    """CPU seconds of each named extractor over the news corpus, best of `repeat`: each runs on a fresh Document
    (so a step that is the first to ask for the sentences pays for the split, as in bench/stage_times.py, unless
    `presplit`) with the facts the steps before it gave."""
    from statlint.checker.document import Document
    from statlint.checker.model import Facts
    from statlint.rules import EXTRACTORS

    steps = [e for e in EXTRACTORS if e.__module__.rsplit(".", 1)[-1] in names]
    if len(steps) != len(names):
        raise SystemExit(f"unknown step among {names}")
    ready = []
    for text in (corpus.article(rec) for _, rec in corpus.news()):
        doc, facts, given = Document(text), Facts(), {}
        for e in EXTRACTORS:
            given[e] = facts
            facts = e(doc, facts)
        ready.append((text, [(e, given[e]) for e in steps]))
    clock = time.process_time
    best: Counter = Counter()
    for _ in range(repeat):
        spent: Counter = Counter()
        for text, runs in ready:
            doc = Document(text)
            if presplit:
                doc.sentences, doc.paragraphs
            for e, facts in runs:
                t0 = clock()
                e(doc, facts)
                spent[e.__module__.rsplit(".", 1)[-1]] += clock() - t0
        for k in names:
            best[k] = min(best.get(k, float("inf")), spent[k])
    print(f"{len(ready):,} articles; CPU seconds, best of {repeat}{' (sentences split beforehand)' if presplit else ''}")
    for k in names:
        print(f"  {k:20s} {best[k]:7.3f}")
    print(f"  {'(together)':20s} {sum(best[k] for k in names):7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
