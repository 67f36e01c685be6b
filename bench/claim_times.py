"""CPU seconds of the claim extractors (h-claims' group) over the news corpus, best of N.

Why: bench/stage_times.py times every step by wall clock on a shared machine, where the noise is as
large as the group's whole time. This reads each article's quantities once (untimed), then runs only
the group's extractors, in the engine's order, on a fresh Document per run and per article, timing
each with time.process_time(). With --presplit the sentences and paragraphs are split before the
clock starts, so the figures leave out checker.document's share (claims is the first step to ask).

    python bench/claim_times.py [--repeat 3] [--presplit]
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
    args = ap.parse_args(argv)
    from statlint.checker.document import Document
    from statlint.checker.model import Facts
    from statlint.rules import EXTRACTORS

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


if __name__ == "__main__":
    sys.exit(main())
