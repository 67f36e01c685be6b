"""Train the confidence model (checker/confidence_model.json) from bench/confidence_table.csv, deterministically.

Why: a finding's `confidence` is meant to be the measured share of findings like it that are real errors
(DESIGN.md). This fits a logistic regression on the table's claims and findings (bench/confidence_table.py),
calibrates it (Platt scaling) on the out-of-fold scores of the untouched articles (GroupKFold by article, so no article is
scored by a model that saw it), picks the default threshold (the highest cut that costs at most
MAX_RECALL_COST points of recall on articles neither fitted nor calibrated on, applied only if it raises
precision there, and never above a finding that fixtures/rules/ expects) and writes the result as plain JSON, which
checker/confidence.py reads without scikit-learn. No randomness: lbfgs and GroupKFold are deterministic.

    python bench/train_confidence.py                  # retrain from the committed table, write the model
    python bench/train_confidence.py --rebuild-table  # first rebuild the table from the corpus
                                                      #   (STATLINT_CORPUS=/work/shared/corpus), report drift
    python bench/train_confidence.py --check          # exit 1 if a retrain disagrees with the shipped model

The evaluation (Brier score, reliability diagram, precision-recall curve, each planter held out) is
bench/confidence_report.py.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import confidence_table
from statlint.checker.confidence import MODEL_PATH
from statlint.checker.confidence_features import FEATURES

REPO = Path(__file__).resolve().parents[1]
FOLDS = 5
C = 1.0  # inverse L2 strength of the logistic regression
MAX_RECALL_COST = 1.5  # points of recall the default threshold may cost on held-out articles (the issue allows 2)
DIGITS = 8  # significant digits kept in the JSON: a rebuild on another machine gives the same file
FIRST_FEATURE = 5  # group, source, plant, level, label come first in a row


def arrays(rows: list[list[float]]):
    import numpy as np

    a = np.asarray(rows, dtype=float).reshape(-1, FIRST_FEATURE + len(FEATURES))
    return a[:, FIRST_FEATURE:], a[:, 4].astype(int), a[:, 0].astype(np.int64), a


def fit(X, y):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, solver="lbfgs", max_iter=10000, tol=1e-10).fit(X, y)


def out_of_fold(X, y, groups, folds: int = FOLDS):
    """Raw probabilities of each row from a model that never saw its article."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=folds).split(X, y, groups):
        oof[test] = fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    return oof


def calibration(raw, y):
    """Platt scaling of the out-of-fold scores: P(real) = 1 / (1 + exp(-(a * logit(raw) + b))), tabulated at
    CALIBRATION_POINTS raw values (the reader interpolates, checker/confidence.py).

    Fitted on the untouched articles only (`train` passes those rows): the planted copies teach the
    regression which claims look like slips, but their share of errors is the planters' choice (one per
    copy); the calibration must give the share of real errors among findings in edited copy as published.
    Why Platt and not isotonic: those articles hold a few dozen findings, so isotonic regression would be
    a staircase of a few steps learned from a handful of points; a sigmoid keeps the order the regression
    found and has two parameters to fit.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    logit = _logit(raw).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, solver="lbfgs", max_iter=10000, tol=1e-12).fit(logit, y)
    xs = np.unique(np.concatenate([np.linspace(0.0, 1.0, 101), np.quantile(raw, np.linspace(0, 1, 101))]))
    ys = platt.predict_proba(_logit(xs).reshape(-1, 1))[:, 1]
    return [float(v) for v in xs], [float(v) for v in ys]


def _logit(p):
    import numpy as np

    p = np.clip(np.asarray(p, dtype=float), 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def recall_at(scores, table, cut: float, plants: dict) -> tuple[float, float]:
    """(share of the clean plants of `plants`' sources, share of the real findings of untouched articles) that
    keep a finding scored at or above `cut`. Rows scored NaN (not held out in this run) keep nothing; a
    plant with no finding at all is a miss at every cut."""
    import numpy as np

    kept = (table[:, 3] == 0) & (table[:, 4] == 1) & ~np.isnan(scores)
    real = kept & (table[:, 1] == confidence_table.UNTOUCHED)
    above = kept & (np.nan_to_num(scores, nan=-np.inf) >= cut)
    caught = {(int(r[1]), int(r[2])) for r in table[above & ~real] if str(int(r[1])) in plants}
    total = sum(plants.values())
    n_real = int(real.sum())
    return (len(caught) / total if total else 0.0), (int((above & real).sum()) / n_real if n_real else 0.0)


def precision_at(scores, table, cut: float) -> float:
    """Share of real errors among the findings scored at or above `cut` (NaN scores: not held out, left out)."""
    import numpy as np

    kept = (table[:, 3] == 0) & (np.nan_to_num(scores, nan=-np.inf) >= cut)
    return float(table[kept, 4].mean()) if kept.any() else 0.0


def held_out(X, y, groups, table, train_sources=None, test_sources=None):
    """Calibrated scores of each row from a model fitted and calibrated without its article (NaN where a row
    is not tested); `train_sources`/`test_sources` restrict which planters' rows train and which are scored."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    src = table[:, 1]
    out = np.full(len(y), np.nan)
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        if train_sources is not None:
            train = train[np.isin(src[train], train_sources)]
        if test_sources is not None:
            test = test[np.isin(src[test], test_sources)]
        fitted = fit(X[train], y[train])
        inner = out_of_fold(X[train], y[train], groups[train])
        untouched = src[train] == confidence_table.UNTOUCHED
        xs, ys = calibration(inner[untouched], y[train][untouched])
        out[test] = np.interp(fitted.predict_proba(X[test])[:, 1], xs, ys)
    return out


def choose_threshold(scores, table, plants: dict) -> float:
    """The highest cut (two places, as reports show confidence) that costs at most MAX_RECALL_COST points
    of recall against every finding kept, on held-out scores (`held_out`), both on planted errors and on the real errors of untouched
    articles: the planted ones are most of the errors, so their recall alone would let a cut drop real
    findings unlike any plant."""
    base = recall_at(scores, table, -float("inf"), plants)
    best = 0.0
    for cut in (i / 100 for i in range(101)):
        now = recall_at(scores, table, cut, plants)
        if all(100.0 * (b - n) <= MAX_RECALL_COST for b, n in zip(base, now)):
            best = cut
        else:
            break
    return best


_EXPECTED = re.compile(r"(?P<code>[A-Z]\d{3}) '(?P<text>[^']*)'")


def fixture_floor(model_json: dict) -> float:
    """The lowest confidence `model_json` gives a finding that fixtures/rules/ expects (header "CODE 'text'"):
    the default cut stays at or below it, so no error written from a rule's definition is hidden by a cut
    measured on the corpus, whose slips are only the planters' kinds."""
    from statlint.checker.confidence import Model

    sys.path.insert(0, str(REPO / "tests"))
    try:
        from fixture_cases import read_cases
    finally:
        sys.path.remove(str(REPO / "tests"))
    from statlint.checker.confidence_features import Context, vector
    from statlint.checker.document import Document
    from statlint.checker.engine import extract, rule_findings

    model = Model.from_dict(model_json)
    lowest = 1.0
    for path in sorted((REPO / "fixtures" / "rules").glob("*.txt")):
        for header, text in read_cases(path):
            expected = {(m["code"], m["text"]) for m in _EXPECTED.finditer(header)}
            if not expected:
                continue
            doc = Document(text)
            facts = extract(doc)
            ctx = Context(doc, facts)
            for f in rule_findings(doc, facts):
                if (f.rule, text[f.span.start:f.span.end]) in expected:
                    lowest = min(lowest, round(model.predict(vector(f, ctx)), 2))
    return lowest


def _round(v: float) -> float:
    return float(f"{v:.{DIGITS}g}")


def train(rows: list[list[float]], plants: dict) -> dict:
    """The model as the JSON checker/confidence.py reads."""
    X, y, groups, table = arrays(rows)
    model = fit(X, y)
    oof = out_of_fold(X, y, groups)
    untouched = table[:, 1] == confidence_table.UNTOUCHED
    xs, ys = calibration(oof[untouched], y[untouched])
    held = held_out(X, y, groups, table)
    cut = choose_threshold(held, table, plants)
    # A cut is applied by default only when it buys precision on held-out articles: one that buys none can
    # only hide findings unlike the training data (a borderline rate between small round figures).
    threshold = cut if precision_at(held, table, cut) > precision_at(held, table, -float("inf")) else 0.0
    out = {
        "about": "statlint confidence model: logistic regression over checker/confidence_features.py FEATURES, "
                 "Platt calibration on out-of-fold scores (tabulated); rebuilt by bench/train_confidence.py",
        "features": list(FEATURES),
        "coef": [_round(c) for c in model.coef_[0]],
        "intercept": _round(float(model.intercept_[0])),
        "calibration": {"x": [_round(v) for v in xs], "y": [_round(v) for v in ys]},
        "threshold": threshold,
        "trained_on": {"rows": int(len(y)), "positives": int(y.sum()), "folds": FOLDS, "C": C,
                       "max_recall_cost": MAX_RECALL_COST},
    }
    out["trained_on"]["held_out_cut"] = cut
    out["threshold"] = min(threshold, fixture_floor(out))
    return out


def load_model_json() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def load_table() -> tuple[list[list[float]], dict]:
    _, rows = confidence_table.read()
    meta = json.loads(confidence_table.META.read_text(encoding="utf-8"))
    return rows, meta


def rebuild_table() -> dict:
    """Regenerate the table from the corpus and both planters; print how long it took and what moved."""
    try:
        old_rows = confidence_table.read()[1] if confidence_table.TABLE.is_file() else []
    except ValueError as e:  # the features changed (a rule was added): the old table is only counted as gone
        print(f"the old table is not comparable ({str(e).split(';')[0]}); rebuilding it whole")
        old_rows = []
    t0 = time.perf_counter()
    rows, meta = confidence_table.build()
    meta["seconds"] = round(time.perf_counter() - t0, 1)
    confidence_table.write(rows)
    confidence_table.META.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    pos = sum(1 for r in rows if r[4] == 1)
    old_pos = sum(1 for r in old_rows if r[4] == 1)
    print(f"table rebuilt in {meta['seconds']} s: {len(rows)} rows ({pos} positive); "
          f"before: {len(old_rows)} rows ({old_pos} positive); plants {meta['plants']}")
    return meta


def same(a: dict, b: dict, tol: float = 1e-6) -> list[str]:
    """Where two models differ beyond `tol` (empty when they agree)."""
    diffs = []
    if a.get("features") != b.get("features"):
        diffs.append("features")
    for key in ("coef", "calibration.x", "calibration.y"):
        va, vb = (m["calibration"][key.split(".")[1]] if "." in key else m[key] for m in (a, b))
        if len(va) != len(vb) or any(abs(p - q) > tol for p, q in zip(va, vb)):
            diffs.append(key)
    for key in ("intercept", "threshold"):
        if abs(a[key] - b[key]) > tol:
            diffs.append(key)
    return diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild the confidence model from bench/confidence_table.csv.")
    ap.add_argument("--rebuild-table", action="store_true", help="regenerate the table from the corpus first")
    ap.add_argument("--check", action="store_true", help="only compare a retrain with the shipped model")
    args = ap.parse_args(argv)
    if args.rebuild_table:
        rebuild_table()
    rows, meta = load_table()
    model = train(rows, meta["plants"])
    shipped = load_model_json() if MODEL_PATH.is_file() else None
    diffs = same(model, shipped) if shipped else ["no shipped model"]
    if args.check:
        print("shipped model agrees with a rebuild" if not diffs else f"shipped model differs: {', '.join(diffs)}")
        return 1 if diffs else 0
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}: {model['trained_on']}, default threshold {model['threshold']}"
          + (f"; changed: {', '.join(diffs)}" if diffs else "; unchanged"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
