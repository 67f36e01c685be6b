"""How good the learned confidence is, on articles the model did not see (bench/confidence_table.csv).

Why: the model is only worth shipping if its numbers are frequencies (calibration: Brier score, reliability
diagram) and if ranking by it helps an editor (precision-recall curve, and the precision at the default
threshold against the rules alone). Every score here is held out by article: for each of FOLDS groups of
articles, the regression is fitted and calibrated (bench/train_confidence.py, the same code) on the others.
The planters are held out too: trained with one planter's positives, tested on the other's.

Errors are the clean plants of both planters and the real findings of untouched articles; a cut keeps an
error when a finding on it scores at or above the cut. Precision is over findings (untouched articles'
findings and the findings on planted characters): the benchmark's mix, one planted error per copy.

    python bench/confidence_report.py [--json PATH] [--png-dir DIR]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, report
from bench import train_confidence as tc
from bench.confidence_table import INJECT, PLANTER2, UNTOUCHED
from statlint.checker.confidence import model

FOLDS = tc.FOLDS


def curve(scores, table, plants: dict, cuts) -> list[dict]:
    """Precision (over findings) and recall (over errors) at each cut."""
    import numpy as np

    findings = (table[:, 3] == 0) & ~np.isnan(scores)
    errors = sum(plants.values()) + int(((table[:, 1] == UNTOUCHED) & findings & (table[:, 4] == 1)).sum())
    rows = []
    for cut in cuts:
        kept = findings & (np.nan_to_num(scores, nan=-np.inf) >= cut)
        real = int((table[kept, 4] == 1).sum())
        plant_recall, real_recall = tc.recall_at(scores, table, cut, plants)
        caught = plant_recall * sum(plants.values()) + real_recall * (errors - sum(plants.values()))
        rows.append({"cut": round(float(cut), 4) if np.isfinite(cut) else None, "findings": int(kept.sum()),
                     "precision": round(real / kept.sum(), 4) if kept.sum() else None,
                     "recall": round(caught / errors, 4), "recall_plants": round(plant_recall, 4),
                     "recall_real": round(real_recall, 4)})
    return rows


def brier(scores, y, mask) -> float:
    import numpy as np

    m = mask & ~np.isnan(scores)
    return round(float(np.mean((scores[m] - y[m]) ** 2)), 5)


def reliability(scores, y, mask, bins: int = 10) -> list[dict]:
    import numpy as np

    m = mask & ~np.isnan(scores)
    s, t = scores[m], y[m]
    out = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        b = (s >= lo) & ((s < hi) if i < bins - 1 else (s <= hi))
        if b.any():
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(b.sum()), "mean_confidence": round(float(s[b].mean()), 4),
                        "share_real": round(float(t[b].mean()), 4)})
    return out


def draw(rels: dict[str, list[dict]], pr: list[dict], png_dir: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    png_dir.mkdir(parents=True, exist_ok=True)
    paths = [png_dir / "confidence_reliability.png", png_dir / "confidence_pr.png"]
    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    ax.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label="perfectly calibrated")
    for label, rel in rels.items():
        ax.plot([r["mean_confidence"] for r in rel], [r["share_real"] for r in rel], marker="o", label=label)
        for r in rel:
            ax.annotate(str(r["n"]), (r["mean_confidence"], r["share_real"]), fontsize=7, xytext=(3, -9),
                        textcoords="offset points")
    ax.set(xlabel="confidence (held-out articles)", ylabel="share of findings and claims that are real",
           title="Reliability (n per point)", xlim=(0, 1), ylim=(0, 1.02))
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[0])
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    pts = [r for r in pr if r["precision"] is not None]
    ax.plot([r["recall"] for r in pts], [r["precision"] for r in pts], marker=".")
    ax.set(xlabel="recall (planted and real errors)", ylabel="precision (findings)",
           title="Precision-recall by confidence cut")
    fig.tight_layout()
    fig.savefig(paths[1])
    plt.close(fig)
    return paths


def evaluate() -> dict:
    import numpy as np

    rows, meta = tc.load_table()
    X, y, groups, table = tc.arrays(rows)
    plants = meta["plants"]
    threshold = model().threshold
    suggested = tc.load_model_json()["trained_on"]["held_out_cut"]
    scores = tc.held_out(X, y, groups, table)
    findings = table[:, 3] == 0
    cuts = sorted({0.0, threshold, suggested, *np.round(np.linspace(0, 1, 21), 2)})
    pr = curve(scores, table, plants, cuts)
    rules_alone = curve(scores, table, plants, [-np.inf])[0]
    at_default = curve(scores, table, plants, [threshold])[0]
    at_suggested = curve(scores, table, plants, [suggested])[0]
    # the highest cut that keeps the rules' own recall: the precision the model buys at no cost in recall
    candidates = np.unique(scores[findings & (table[:, 4] == 1)])
    same_recall = max((r for r in curve(scores, table, plants, candidates) if r["recall"] >= rules_alone["recall"]),
                      key=lambda r: r["cut"])
    crossed = {}
    for name, train_src, test_src, test_plants in (
            ("train inject, test planter2", [UNTOUCHED, INJECT], [UNTOUCHED, PLANTER2], {"2": plants["2"]}),
            ("train planter2, test inject", [UNTOUCHED, PLANTER2], [UNTOUCHED, INJECT], {"1": plants["1"]})):
        s = tc.held_out(X, y, groups, table, train_src, test_src)
        tested = ~np.isnan(s)
        crossed[name] = {"brier_findings": brier(s, y, tested & findings), "brier_all": brier(s, y, tested),
                         "rules_alone": curve(s, table, test_plants, [-np.inf])[0],
                         "at_default": curve(s, table, test_plants, [threshold])[0],
                         "at_held_out_cut": curve(s, table, test_plants, [suggested])[0]}
    rel = reliability(scores, y, table[:, 1] == UNTOUCHED)
    rel_all = reliability(scores, y, np.ones(len(y), bool))
    return {
        "rows": int(len(y)), "findings": int(findings.sum()), "positives": int(y.sum()), "plants": plants,
        "negative_findings": int((findings & (y == 0)).sum()), "threshold": threshold,
        "brier_all": brier(scores, y, np.ones(len(y), bool)), "brier_findings": brier(scores, y, findings),
        "brier_untouched": brier(scores, y, table[:, 1] == UNTOUCHED),
        "rules_alone": rules_alone, "at_default": at_default, "held_out_cut": suggested, "at_held_out_cut": at_suggested,
        "at_rules_recall": same_recall,
        "planter_held_out": crossed, "reliability": rel, "reliability_all_rows": rel_all, "pr_curve": pr,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Calibration and ranking of the learned confidence, held out by article.")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--png-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    res = evaluate()
    pngs = draw({"untouched articles (calibrated on)": res["reliability"],
                 "with planted copies": res["reliability_all_rows"]}, res["pr_curve"], args.png_dir)
    a, d, s = res["rules_alone"], res["at_default"], res["at_rules_recall"]
    lines = [
        f"confidence model, held out by article ({FOLDS} folds): {res['rows']} rows, {res['findings']} findings "
        f"({res['negative_findings']} not real), plants {res['plants']}",
        f"  Brier score: all rows {res['brier_all']}, findings {res['brier_findings']}, "
        f"untouched articles {res['brier_untouched']}",
        f"  rules alone:              precision {a['precision']}, recall {a['recall']} "
        f"(plants {a['recall_plants']}, real {a['recall_real']})",
        f"  at the rules' recall:     cut {s['cut']}, precision {s['precision']}, recall {s['recall']}",
        f"  default cut {res['threshold']}:  precision {d['precision']}, recall {d['recall']} "
        f"(plants {d['recall_plants']}, real {d['recall_real']})",
        f"  held-out cut {res['held_out_cut']} (not applied unless it buys precision): precision "
        f"{res['at_held_out_cut']['precision']}, recall {res['at_held_out_cut']['recall']} "
        f"(plants {res['at_held_out_cut']['recall_plants']}, real {res['at_held_out_cut']['recall_real']})",
    ]
    for name, c in res["planter_held_out"].items():
        lines.append(f"  {name}: Brier findings {c['brier_findings']}, all {c['brier_all']}; rules alone "
                     f"P {c['rules_alone']['precision']} R {c['rules_alone']['recall']}; held-out cut "
                     f"P {c['at_held_out_cut']['precision']} R {c['at_held_out_cut']['recall']}")
    lines.append("  reliability (untouched articles): " + "; ".join(f"{r['bin']} n={r['n']} conf {r['mean_confidence']} real {r['share_real']}"
                                               for r in res["reliability"]))
    lines.append("  precision-recall: " + "; ".join(f"{r['cut']}: P {r['precision']} R {r['recall']}"
                                                    for r in res["pr_curve"]))
    lines.append("  wrote " + ", ".join(str(p) for p in pngs))
    return report(res, args.json, lines)


if __name__ == "__main__":
    sys.exit(main())
