"""Value and value-with-unit F1 of `statlint extract` on news sentences written for statlint (no corpus needed).

Why: the independent set of annotated news sentences the reader is judged on (like CQE's NewsQuant) is not in
this repository; these two files of our own stand in for it, by kind of figure:

- fixtures/quantities/news_units.txt: one section per kind (tests/test_news_units.py asserts every reading);
- fixtures/quantities/news_units_unseen.txt: sentences written before statlint was run on them, whose
  expectations are never edited to match it; its score is the honest one.

A prediction matches a gold quantity of its sentence with the same value (1e-6 relative), one to one, in text
order; value+unit also needs the same unit name (checker/units.py).

    python bench/news_units.py [--json PATH] [--show]
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import REPO_ROOT, report

FILES = {"kinds": REPO_ROOT / "fixtures" / "quantities" / "news_units.txt",
         "unseen": REPO_ROOT / "fixtures" / "quantities" / "news_units_unseen.txt"}


def cases(path: Path) -> list[tuple[str, str, list[tuple[str, float, str]]]]:
    """(kind, sentence, [(text, value, unit)...]) for each case: a sentence line, then one line per quantity
    "<text> | <value> | <unit>"; "#: kind" lines name the kind of the cases below, other "#" lines are comments."""
    out: list[tuple[str, str, list[tuple[str, float, str]]]] = []
    kind = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#: "):
            kind = line[3:].strip()
        elif not line.strip() or line.startswith("#"):
            continue
        elif " | " in line:
            text, value, unit = (part.strip() for part in line.split(" | "))
            out[-1][2].append((text, float(value), unit))
        else:
            out.append((kind, line, []))
    return out


def _f1(tp: int, npred: int, ngold: int) -> float:
    p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
    return round(200 * p * r / (p + r), 1) if p + r else 0.0


def score(items, show: bool = False) -> dict:
    from statlint import extract_quantities

    npred = ngold = tp_value = tp_unit = 0
    for _, sentence, gold in items:
        preds = [(q.text, q.value, q.unit) for q in extract_quantities(sentence)]
        npred, ngold = npred + len(preds), ngold + len(gold)
        used: set[int] = set()
        for _, value, unit in preds:
            j = next((j for j, g in enumerate(gold) if j not in used and math.isclose(value, g[1], rel_tol=1e-6)), None)
            if j is not None:
                used.add(j)
                tp_value += 1
                tp_unit += unit == gold[j][2]
        if show and sorted((round(v, 6), u) for _, v, u in preds) != sorted((round(v, 6), u) for _, v, u in gold):
            print(f"{sentence}\n    read: {preds}\n    gold: {gold}")
    return {"sentences": len(items), "gold": ngold, "predicted": npred,
            "value_f1": _f1(tp_value, npred, ngold), "value_unit_f1": _f1(tp_unit, npred, ngold)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="statlint extract on news sentences of our own: value and unit F1.")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", action="store_true", help="print every sentence not read exactly")
    args = ap.parse_args(argv)
    res = {name: score(cases(path), args.show) for name, path in FILES.items()}
    lines = [f"news units {name:7} {r['sentences']} sentences, {r['gold']} gold, {r['predicted']} read: "
             f"value F1 {r['value_f1']}, value+unit F1 {r['value_unit_f1']}" for name, r in res.items()]
    return report(res, args.json, lines)


if __name__ == "__main__":
    sys.exit(main())
