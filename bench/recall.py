"""Recall on planted errors, per kind, family and rule (the error-injection benchmark).

Why: findings per 100 untouched articles bound the false alarms; only planted
errors show what the checker misses. bench/inject.py plants one error per
copy of a real article; here each planted copy is checked and a plant counts
as found when a finding's span or one of its related spans overlaps the
changed characters. The untouched original is checked too: a finding there
on the same characters would mean the site was not clean (reported, and
counted as a miss).

    python bench/recall.py [--per-kind N] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, corpus
from bench.inject import KINDS, plants
from statlint.checker.model import Span

DEFAULT_PER_KIND = 300  # planted copies per kind: enough for a stable figure, quick to run
FAMILIES_WITH_RULES = ("C", "G", "P", "Q", "S", "U")


def planted_set(per_kind: int = DEFAULT_PER_KIND) -> list[dict]:
    """Deterministic: corpus file order, at most one plant of a kind per article, capped per kind."""
    out: list[dict] = []
    taken: Counter = Counter()
    for label, rec in corpus.news():
        for p in plants(rec["id"], corpus.article(rec)):
            if taken[p["kind"]] < per_kind:
                taken[p["kind"]] += 1
                p["corpus"] = label
                out.append(p)
    return out


def _overlaps(finding, start: int, end: int) -> bool:
    planted = Span(start, end)
    return any(s.overlaps(planted) for s in [finding.span] + [r.span for r in finding.related])


def evaluate(planted: list[dict]) -> dict:
    from statlint import check_text

    originals: dict[str, str] = {rec["id"]: corpus.article(rec) for _, rec in corpus.news()}
    by_kind: dict[str, Counter] = defaultdict(Counter)
    rules_by_kind: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for p in planted:
        c = by_kind[p["kind"]]
        c["planted"] += 1
        hits = [f for f in check_text(p["text"]) if _overlaps(f, p["start"], p["end"])]
        orig = originals[p["doc"]]
        dirty = [f for f in check_text(orig) if _overlaps(f, p["start"], p["start"] + len(p["original"]))]
        if dirty:
            c["original_flagged"] += 1
        if hits and not dirty:
            c["found"] += 1
            rules_by_kind[p["kind"]].update(f.rule for f in hits)
        else:
            misses.append({k: p[k] for k in ("kind", "doc", "original", "planted", "note")}
                          | {"context": p["text"][max(0, p["start"] - 120):p["end"] + 120]})
    kinds = {}
    for kind, family in KINDS.items():
        c = by_kind.get(kind, Counter())
        n = c["planted"]
        kinds[kind] = {"family": family, "planted": n, "found": c["found"], "original_flagged": c["original_flagged"],
                       "recall": round(100.0 * c["found"] / n, 1) if n else None,
                       "by_rule": dict(rules_by_kind[kind].most_common())}
    families = {}
    for family in sorted(set(KINDS.values())):
        n = sum(k["planted"] for k in kinds.values() if k["family"] == family)
        f = sum(k["found"] for k in kinds.values() if k["family"] == family)
        families[family] = {"planted": n, "found": f, "recall": round(100.0 * f / n, 1) if n else None,
                            "has_rules": family in FAMILIES_WITH_RULES}
    return {"kinds": kinds, "families": families, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Recall on errors planted in real articles.")
    ap.add_argument("--per-kind", type=int, default=DEFAULT_PER_KIND)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    planted = planted_set(args.per_kind)
    res = evaluate(planted)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "recall_misses.jsonl", "w", encoding="utf-8") as f:
        for m in res.pop("misses"):
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    res["per_kind_cap"] = args.per_kind
    res["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"recall: {len(planted)} planted copies")
    for kind, k in res["kinds"].items():
        print(f"  {kind:22} {k['family']}  planted {k['planted']:4}  found {k['found']:4}  recall {k['recall']}"
              f"  {k['by_rule']}" + (f"  original flagged {k['original_flagged']}" if k["original_flagged"] else ""))
    print("  families: " + ", ".join(f"{f} {v['recall']}% of {v['planted']}" + ("" if v["has_rules"] else " (no rule yet)")
                                     for f, v in res["families"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
