"""Recall on planted errors, per kind, family and rule (the error-injection benchmark).

Why: findings per 100 untouched articles bound the false alarms; only planted
errors show what the checker misses. bench/inject.py plants one error per
copy of a real article; here each planted copy is checked and a plant counts
as found when a finding's span or one of its related spans overlaps the
changed characters. The untouched original is checked too: a finding there
on the same characters would mean the site was not clean (reported, and
counted as a miss).

Two planters: bench/inject.py (the first, per kind and family) and bench/planter2.py (written from each
class's definition, per class, with synthetic hosts counted apart); both are reported per rule side by
side. A sample of planter2's misses per class is printed, and all misses go to bench/out/.

    python bench/recall.py [--per-kind N] [--per-class N] [--show-misses N] [--json PATH]
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
from bench import planter2
from bench.inject import KINDS, plants
from statlint.checker.model import Span

DEFAULT_PER_KIND = 300  # planted copies per kind: enough for a stable figure, quick to run
PLANTER2_PER_CLASS = 100  # corpus plants per class of bench/planter2.py
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


# The rules each kind of bench/inject.py is meant to be caught by (its KINDS name only families).
OLD_RULES = {
    "rate-changed": ("G101",), "rate-decimal-lost": ("G101", "P101"), "direction-flipped": ("G102",),
    "percent-for-points": ("G103",), "multiplier-changed": ("G104",), "decline-past-100": ("P101",),
    "separator-dropped": ("Q101",), "separator-split": ("Q101",), "wan-garble": ("Q102",), "yi-garble": ("Q102",),
    "glued-year": ("Q103",), "zero-width-in-figure": ("Q104",), "conversion-scale": ("U102",),
    "unit-conversion-zero": ("U101",), "respectively-dropped": ("S102",), "part-digit-added": ("S101",),
    "profit-above-revenue": ("S103",), "profit-above-revenue-table": ("S103",), "headline-restated": ("C101",),
}


def _overlaps(finding, start: int, end: int) -> bool:
    planted = Span(start, end)
    return any(s.overlaps(planted) for s in [finding.span] + [r.span for r in finding.related])


def _score(plants: list[dict], kind_key: str, expected_of, original_of) -> tuple[dict, list[dict]]:
    """Per kind: planted, found (any rule), found by an expected rule, originals already flagged there.

    A plant is found when a finding's span or related span overlaps the changed characters and the
    untouched text had no finding on the same characters; `found_expected` also needs the finding's
    rule to be one the kind is meant to be caught by.
    """
    from statlint import check_text

    cache: dict[str, list] = {}
    by_kind: dict[str, Counter] = defaultdict(Counter)
    rules_by_kind: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for p in plants:
        c = by_kind[p[kind_key]]
        c["planted"] += 1
        c[p.get("host", "corpus")] += 1
        hits = [f for f in check_text(p["text"]) if _overlaps(f, p["start"], p["end"])]
        key = p.get("source") and f"src:{p['doc']}:{p['start']}" or p["doc"]
        if key not in cache:
            cache[key] = check_text(original_of(p))
        dirty = [f for f in cache[key] if _overlaps(f, p["start"], p["start"] + len(p["original"]))]
        if dirty:
            c["original_flagged"] += 1
        expected = expected_of(p)
        if hits and not dirty:
            c["found"] += 1
            rules_by_kind[p[kind_key]].update(f.rule for f in hits)
            if any(f.rule in expected for f in hits):
                c["found_expected"] += 1
                continue
        misses.append({k: p.get(k) for k in (kind_key, "doc", "host", "original", "planted", "note")}
                      | {"expected": list(expected), "got": sorted({f.rule for f in hits}), "dirty": bool(dirty),
                         "context": p["text"][max(0, p["start"] - 120):p["end"] + 120]})
    out = {}
    for kind, c in by_kind.items():
        n = c["planted"]
        out[kind] = {"planted": n, "corpus": c["corpus"], "synthetic": c["synthetic"], "found": c["found"],
                     "found_expected": c["found_expected"], "original_flagged": c["original_flagged"],
                     "recall": round(100.0 * c["found"] / n, 1) if n else None,
                     "recall_expected": round(100.0 * c["found_expected"] / n, 1) if n else None,
                     "by_rule": dict(rules_by_kind[kind].most_common())}
    return out, misses


def evaluate(planted: list[dict]) -> dict:
    """bench/inject.py's plants, per kind and family (the gate's figures) and per expected rule."""
    originals: dict[str, str] = {rec["id"]: corpus.article(rec) for _, rec in corpus.news()}
    scored, misses = _score(planted, "kind", lambda p: OLD_RULES[p["kind"]], lambda p: originals[p["doc"]])
    kinds = {}
    for kind, family in KINDS.items():
        k = scored.get(kind) or {"planted": 0, "found": 0, "found_expected": 0, "original_flagged": 0,
                                 "recall": None, "recall_expected": None, "by_rule": {}}
        kinds[kind] = {"family": family, "rules": list(OLD_RULES[kind])} | {
            x: k[x] for x in ("planted", "found", "found_expected", "original_flagged", "recall", "recall_expected", "by_rule")}
    families = {}
    for family in sorted(set(KINDS.values())):
        n = sum(k["planted"] for k in kinds.values() if k["family"] == family)
        f = sum(k["found"] for k in kinds.values() if k["family"] == family)
        families[family] = {"planted": n, "found": f, "recall": round(100.0 * f / n, 1) if n else None,
                            "has_rules": family in FAMILIES_WITH_RULES}
    return {"kinds": kinds, "families": families, "misses": misses}


def evaluate2(planted: list[dict]) -> dict:
    """bench/planter2.py's plants, per class (corpus and synthetic hosts counted apart)."""
    originals: dict[str, str] = {}

    def original(p: dict) -> str:
        if p.get("source") is not None:
            return p["source"]
        if not originals:
            originals.update({rec["id"]: corpus.article(rec) for _, rec in corpus.news()})
        return originals[p["doc"]]

    scored, misses = _score(planted, "class", lambda p: tuple(p["rules"]), original)
    classes = {}
    for c in planter2.CLASSES:
        k = scored.get(c.name) or {"planted": 0, "corpus": 0, "synthetic": 0, "found": 0, "found_expected": 0,
                                   "original_flagged": 0, "recall": None, "recall_expected": None, "by_rule": {}}
        classes[c.name] = {"rules": list(c.rules), "old_kind": c.old_kind, "definition": c.definition} | k
    return {"classes": classes, "misses": misses}


def _rate(found: int, n: int) -> float | None:
    return round(100.0 * found / n, 1) if n else None


def by_rule(old: dict, new: dict) -> dict:
    """Recall per rule for both planters: plants grouped by the first rule they are meant for, found by one
    of their expected rules."""
    from statlint.rules import CHECKS

    rows = {}
    for rule in CHECKS:
        o = [k for k in old["kinds"].values() if k["rules"][0] == rule.code]
        n = [k for k in new["classes"].values() if k["rules"][0] == rule.code]
        on, of = sum(k["planted"] for k in o), sum(k["found_expected"] for k in o)
        nn, nf = sum(k["planted"] for k in n), sum(k["found_expected"] for k in n)
        nc = sum(k["corpus"] for k in n)
        rows[rule.code] = {"name": rule.name, "old_planted": on, "old_found": of, "old_recall": _rate(of, on),
                           "new_planted": nn, "new_corpus": nc, "new_found": nf, "new_recall": _rate(nf, nn)}
    return rows


def _macro(values) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 1) if vals else None


def _print_misses(misses: list[dict], per_class: int) -> None:
    """A few missed plants per class, with context: what the claims work has to catch (stdout only)."""
    shown: Counter = Counter()
    print(f"planter2: missed plants, up to {per_class} per class (all in bench/out/planter2_misses.jsonl)")
    for m in misses:
        if shown[m["class"]] >= per_class:
            continue
        shown[m["class"]] += 1
        got = f"; flagged by {','.join(m['got'])} instead" if m["got"] else ""
        print(f"  [{m['class']}] ({m['host']}) {m['original']!r} -> {m['planted']!r}, expected {','.join(m['expected'])}{got}:"
              f" ...{' '.join(m['context'].split())}...")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Recall on errors planted in real articles, by both planters.")
    ap.add_argument("--per-kind", type=int, default=DEFAULT_PER_KIND, help="bench/inject.py plants per kind")
    ap.add_argument("--per-class", type=int, default=PLANTER2_PER_CLASS, help="bench/planter2.py corpus plants per class")
    ap.add_argument("--show-misses", type=int, default=3, help="missed planter2 plants printed per class")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    planted = planted_set(args.per_kind)
    res = evaluate(planted)
    planted2 = planter2.planted_set(args.per_class)
    res2 = evaluate2(planted2)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, misses in (("recall_misses.jsonl", res.pop("misses")), ("planter2_misses.jsonl", res2["misses"])):
        with open(OUT_DIR / name, "w", encoding="utf-8") as f:
            for m in misses:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
    misses2 = res2.pop("misses")
    res["per_kind_cap"] = args.per_kind
    res["planter2"] = res2 | {"per_class_cap": args.per_class, "min_corpus": planter2.MIN_CORPUS, "seed": planter2.SEED,
                              "macro_recall": _macro(c["recall_expected"] for c in res2["classes"].values())}
    res["by_rule"] = by_rule(res, res2)
    res["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"recall: {len(planted)} planted copies by bench/inject.py, {len(planted2)} by bench/planter2.py")
    for kind, k in res["kinds"].items():
        print(f"  {kind:22} {k['family']}  planted {k['planted']:4}  found {k['found']:4}  recall {k['recall']}"
              f"  {k['by_rule']}" + (f"  original flagged {k['original_flagged']}" if k["original_flagged"] else ""))
    print("  families: " + ", ".join(f"{f} {v['recall']}% of {v['planted']}" + ("" if v["has_rules"] else " (no rule yet)")
                                     for f, v in res["families"].items()))
    print("planter2 classes (recall by an expected rule / by any rule; corpus+synthetic hosts):")
    for name, c in res2["classes"].items():
        old = res["kinds"].get(c["old_kind"] or "", {}).get("recall_expected")
        print(f"  {name:30} {','.join(c['rules']):9} planted {c['corpus']:3}+{c['synthetic']:<3} recall {c['recall_expected']}"
              f" / {c['recall']}  old {c['old_kind'] or '-'} {old}  {c['by_rule']}")
    print("per rule, old vs planter2: " + ", ".join(
        f"{code} {r['old_recall']}/{r['new_recall']}" for code, r in res["by_rule"].items()))
    print(f"planter2 macro average over classes: {res['planter2']['macro_recall']}%")
    _print_misses(misses2, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
