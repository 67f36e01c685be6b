"""Show unreviewed benchmark findings so a person can label them.

Why: the false-alarm rate can only be estimated from human verdicts. This
prints each finding from bench/out/findings.jsonl that has no verdict in
bench/reviewed.jsonl, with its context (the finding in [[ ]], related
figures in << >>), followed by a ready-made JSON line whose verdict is left
empty. The reviewer fills in "true" (the numbers really are inconsistent) or
"false" (false alarm) and a note, and appends the line to bench/reviewed.jsonl.
This script never writes or guesses a verdict.

    python bench/quality.py             # first, to refresh bench/out/findings.jsonl
    python bench/review.py [--rule G101] [--corpus bbc] [--limit 20] [--shuffle]

--shuffle (fixed seed) gives an unbiased sample when there are too many to
review them all; without it findings come in corpus and document order.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import verdicts
from bench.quality import FINDINGS


def _marked(row: dict) -> str:
    """The context with the finding in [[ ]] and related spans in << >>."""
    c0, ctx = row["context_start"], row["context"]
    marks = [(row["start"], row["end"], "[[", "]]")]
    marks += [(r["start"], r["end"], "<<", ">>") for r in row.get("related", [])]
    inserts = []
    for s, e, a, b in marks:
        if c0 <= s and e <= c0 + len(ctx):
            inserts += [(s - c0, 1, a), (e - c0, 0, b)]
    # closing marks before opening ones at the same offset; apply right to left
    for off, _, mark in sorted(inserts, key=lambda x: (x[0], -x[1]), reverse=True):
        ctx = ctx[:off] + mark + ctx[off:]
    prefix = "..." if c0 > 0 else ""
    return prefix + " ".join(ctx.split()) + "..."


def show(row: dict, n: int) -> str:
    head = (f"[{n}] {row['rule']} {row['name']}  {row['severity']}  conf={row['confidence']:.2f}  "
            f"{row['corpus']}:{row['doc']}  @{row['start']}-{row['end']}")
    body = [head, f"    message: {row['message']}"]
    if row.get("suggestion"):
        body.append(f"    suggestion: {row['suggestion']}")
    for r in row.get("related", []):
        body.append(f"    related {r['role']}: {r['text']!r} @{r['start']}-{r['end']}")
    body.append(textwrap.fill(_marked(row), width=100, initial_indent="    | ", subsequent_indent="    | "))
    stub = {"doc": row["doc"], "fingerprint": row["fingerprint"], "rule": row["rule"],
            "text": row["text"], "verdict": "", "note": ""}
    body.append("    " + json.dumps(stub, ensure_ascii=False))
    return "\n".join(body)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Print unreviewed findings for a person to label.")
    ap.add_argument("--rule", action="append", help="only these rule codes (repeatable)")
    ap.add_argument("--corpus", action="append", help="only these corpora (reuters, bbc, wmt_en, wmt_refs)")
    ap.add_argument("--limit", type=int, default=20, help="show at most N (0 = all); default 20")
    ap.add_argument("--shuffle", action="store_true", help="random order with a fixed seed")
    ap.add_argument("--findings", type=Path, default=FINDINGS)
    ap.add_argument("--reviewed", type=Path, default=verdicts.REVIEWED)
    args = ap.parse_args(argv)

    if not args.findings.is_file():
        print(f"no {args.findings}: run `python bench/quality.py` first", file=sys.stderr)
        return 2
    seen = verdicts.load(args.reviewed)
    rows = []
    with args.findings.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if args.rule and row["rule"] not in args.rule:
                continue
            if args.corpus and row["corpus"] not in args.corpus:
                continue
            if seen.get(row["doc"], row["fingerprint"]) is None:
                rows.append(row)
    if args.shuffle:
        random.Random(0).shuffle(rows)
    shown = rows[: args.limit] if args.limit else rows
    for n, row in enumerate(shown, 1):
        print(show(row, n))
        print()
    print(f"{len(shown)} of {len(rows)} unreviewed findings shown. Label each stub with "
          f'"verdict": "true" (real inconsistency) or "false" (false alarm) and append it to {args.reviewed}.')
    for problem in seen.invalid:
        print(f"warning: {args.reviewed}: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
