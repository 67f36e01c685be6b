"""CPU time of the per-numeral reader (rules.quantities.reader.read_match) alone, and what it reads.

Why: the reader runs once per scan match (~51,000 on the news corpus) and is most of the quantities
extractor; stage_times.py times the whole extractor on a machine shared with other jobs. This calls
read_match on every match of P.SCAN over the news corpus (and, with --all, every corpus file), measures
process time (best of N), and with --save/--compare pins what it returned for each match, so a change
to the reader is known to read the same before it is timed (bench/facts_digest.py remains the guard).

    python bench/reader_times.py [--repeat 3] [--all] [--save F | --compare F]
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus


def texts(every_file: bool) -> list[str]:
    if not every_file:
        return [corpus.article(rec) for _, rec in corpus.news()]
    out = []
    for path in corpus.files():
        stem = path.name[:-len(".jsonl.gz")]
        out += [corpus.article(rec) for rec in corpus.records(stem)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="every corpus file, not only the news")
    ap.add_argument("--save")
    ap.add_argument("--compare")
    args = ap.parse_args(argv)
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.reader import read_match

    pairs = [(t, m) for t in texts(args.all) for m in P.SCAN.finditer(t)]
    readings = [read_match(t, m) for t, m in pairs]
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        for t, m in pairs:
            read_match(t, m)
        best = min(best, time.process_time() - t0)
    none = sum(q is None for q in readings)
    print(f"{len(pairs):,} matches ({none:,} not read): read_match {best:.3f} s CPU, "
          f"{1e6 * best / len(pairs):.1f} us each; best of {args.repeat}")
    reprs = [repr(q) for q in readings]
    if args.save:
        Path(args.save).write_bytes(pickle.dumps(reprs))
    if args.compare:
        old = pickle.loads(Path(args.compare).read_bytes())
        differ = [i for i, (a, b) in enumerate(zip(old, reprs)) if a != b]
        print(f"{len(differ)} differ of {len(reprs)} (old {len(old)})")
        for i in differ[:10]:
            t, m = pairs[i]
            print(repr(t[max(0, m.start() - 30):m.end() + 30]), "\n  old", old[i], "\n  new", reprs[i])
        return 1 if differ or len(old) != len(reprs) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
