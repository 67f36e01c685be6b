"""Quantity-extraction precision/recall on MeasEval gold spans (target F1 >= 90).

Why: every check starts from the numbers the extractor reads, so a missed
quantity is a silent false negative everywhere downstream. MeasEval
(SemEval-2021 Task 8, train + trial, paragraphs with annotations only) gives
1,164 gold Quantity spans in scientific prose.

Scoring, identical for every system in the same run:
- overlap match: a predicted span overlaps a gold span; one-to-one, greedy,
  predictions in text order, each taking the first free gold it overlaps;
- value match: overlap AND (the first number in the gold text equals the
  predicted value within 1e-9 relative, OR the gold text contains the
  predicted number as written — its numeral, or its whole text when it has
  no digits, as for "three"), matched the same greedy way;
- value+unit match: a value match whose unit agrees with the gold's in kind:
  the gold names a unit ("μg/L", "K", "%", "participants") exactly when the
  prediction has one (not a bare count). A proxy for reading the unit: the
  gold's unit is a free string, so a noun unit ("5318 participants") counts
  against every extractor that reads counts as bare;
- span-tolerant overlap: precision counts predictions that overlap any gold
  span, recall counts gold spans overlapped by any prediction. MeasEval
  annotates a range or list as one span ("1, 5, 10, 20 and 50 μg/L",
  "1300 K to 3500 K") where an extractor may read several numbers; this
  mode does not count those as spurious. Both modes are reported.
quantulum3 runs on the same paragraphs as a reference when importable.
statlint's misses and spurious predictions go to bench/out/measeval_errors.jsonl.

    python bench/measeval.py [--no-quantulum] [--json PATH] [--dump PATH]

--dump writes statlint's errors to PATH instead (e.g. under /tmp, to read
them without touching the working tree).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

import regex

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, REPO_ROOT, corpus

ERRORS = OUT_DIR / "measeval_errors.jsonl"

# First number in a string: grouped (1,234 / 1 234 with normal, no-break,
# thin or narrow no-break spaces), plain or decimal; a leading unicode minus
# always counts, an ASCII hyphen or en dash only when not glued to a word or
# number before it ("COVID-19", "2-5" are not negative).
_NUMBER = regex.compile(
    r"(?:(?<=^|[^\p{L}\p{N}])[-\u2013]|\u2212)?+"
    r"(?:\d{1,3}(?:,\d{3}(?!\d))++(?:\.\d+)?+"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))++(?:\.\d+)?+"
    r"|\d++(?:\.\d+)?+"
    r"|\.\d++)"
)


def first_number(text: str) -> tuple[float, str] | None:
    """(value, as written) of the first number in `text`, or None."""
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = m.group()
    digits = regex.sub(r"[,\s\u00a0\u2009\u202f]", "", raw).replace("\u2212", "-").replace("\u2013", "-")
    try:
        return float(digits), raw
    except ValueError:
        return None


class Pred(NamedTuple):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None  # None: the extractor gives no unit; "count": a bare number


def _close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def value_ok(pred: Pred, gold: dict) -> bool:
    """The value-match criterion for a predicted/gold pair that already overlap."""
    g = first_number(gold["text"])
    if g is not None and pred.value is not None:
        try:
            if _close(float(pred.value), g[0]):
                return True
        except (TypeError, ValueError):
            pass
    # the number as written: its numeral, or the whole text for number words ("three")
    p = first_number(pred.text)
    written = p[1] if p is not None else pred.text.strip()
    return bool(written) and written in gold["text"]


def unit_ok(pred: Pred, gold: dict) -> bool:
    """The value+unit criterion: a value match, and a unit read exactly when the gold names one."""
    has_unit = pred.unit is not None and pred.unit != "count"
    return value_ok(pred, gold) and has_unit == bool(gold.get("other", {}).get("unit"))


def match(preds: list[Pred], golds: list[dict], accept: Callable[[Pred, dict], bool] | None = None) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in text order; returns (pred index, gold index) pairs."""
    order_p = sorted(range(len(preds)), key=lambda i: (preds[i].start, preds[i].end))
    order_g = sorted(range(len(golds)), key=lambda j: (golds[j]["start"], golds[j]["end"]))
    used: set[int] = set()
    pairs = []
    for i in order_p:
        p = preds[i]
        for j in order_g:
            g = golds[j]
            if j in used or not (p.start < g["end"] and g["start"] < p.end):
                continue
            if accept is None or accept(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def tolerant_counts(preds: list[Pred], golds: list[dict]) -> tuple[int, int]:
    """(predictions overlapping any gold, golds overlapped by any prediction)."""
    def hit(p: Pred, g: dict) -> bool:
        return p.start < g["end"] and g["start"] < p.end

    return (sum(1 for p in preds if any(hit(p, g) for g in golds)),
            sum(1 for g in golds if any(hit(p, g) for p in preds)))


def prf(tp: int, npred: int, ngold: int) -> dict:
    p = 100.0 * tp / npred if npred else 0.0
    r = 100.0 * tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "p": round(p, 2), "r": round(r, 2), "f1": round(f, 2)}


def paragraphs() -> list[dict]:
    """MeasEval records that have gold annotations, in file order."""
    return [r for r in corpus.records(corpus.MEASEVAL) if r.get("has_annotations")]


def statlint_extractor(groups: bool = True) -> Callable[[str], list[Pred]]:
    """statlint's quantities; with `groups`, each run of figures statlint reads as written as one measurement
    (rules.quantities.groups: a list of one unit, a change "from A to B", a size "60 × 10 × 3 mm") is one
    prediction spanning its members, with the first member's value and the last one's unit, as MeasEval's
    guidelines annotate them (IsList; "Changes in Value ... mark the Quantity as a range")."""
    from statlint import extract_quantities
    from statlint.rules.quantities.groups import written_groups

    def run(text: str) -> list[Pred]:
        qs = extract_quantities(text)
        preds = [Pred(q.span.start, q.span.end, q.text, q.value, q.unit) for q in qs]
        if not groups:
            return preds
        for first, last in reversed(written_groups(text, qs)):
            start, end = qs[first].span.start, qs[last].span.end
            preds[first:last + 1] = [Pred(start, end, text[start:end], qs[first].value, qs[last].unit)]
        return preds

    return run


def quantulum_extractor() -> tuple[Callable[[str], list[Pred]], dict]:
    """quantulum3's parser plus facts about it; raises ImportError if it is not installed.

    Its shipped unit classifier is a pickle built with an older scikit-learn
    that fails to load with ours, so the classifier is switched off and
    quantulum3 uses its own heuristic unit disambiguation. Spans and values,
    which is all we score, do not depend on it.
    """
    import logging
    import warnings
    from importlib.metadata import version

    warnings.filterwarnings("ignore")
    logging.getLogger("quantulum3").setLevel(logging.ERROR)
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False

    def run(text: str) -> list[Pred]:
        out = []
        for q in parser.parse(text):
            s, e = q.span
            out.append(Pred(s, e, text[s:e], q.value, q.unit.name if q.unit.name != "dimensionless" else "count"))
        return out

    return run, {"version": version("quantulum3"), "unit_classifier": "off (pickle incompatible with installed scikit-learn)"}


def score(extract: Callable[[str], list[Pred]], paras: list[dict], errors: list[dict] | None = None) -> dict:
    """Run one extractor over the paragraphs and score it; optionally collect its errors."""
    npred = ngold = tp_o = tp_v = tp_u = tol_p = tol_g = 0
    crashes: list[str] = []
    t0 = time.perf_counter()
    for rec in paras:
        text, golds = rec["text"], rec["quantities"]
        ngold += len(golds)
        try:
            preds = extract(text)
        except Exception as exc:
            crashes.append(f"{rec['id']}: {exc.__class__.__name__}: {exc}"[:300])
            continue
        npred += len(preds)
        over = match(preds, golds)
        tp_o += len(over)
        tp_v += len(match(preds, golds, value_ok))
        tp_u += len(match(preds, golds, unit_ok))
        hp, hg = tolerant_counts(preds, golds)
        tol_p += hp
        tol_g += hg
        if errors is not None:
            errors.extend(_errors(rec, preds, golds, over))
    seconds = time.perf_counter() - t0
    nbytes = sum(len(r["text"].encode("utf-8")) for r in paras)
    tp, tr = (100.0 * tol_p / npred if npred else 0.0), (100.0 * tol_g / ngold if ngold else 0.0)
    tolerant = {"p": round(tp, 2), "r": round(tr, 2), "f1": round(2 * tp * tr / (tp + tr), 2) if tp + tr else 0.0}
    return {"pred": npred, "gold": ngold, "overlap": prf(tp_o, npred, ngold), "value": prf(tp_v, npred, ngold),
            "value_unit": prf(tp_u, npred, ngold), "tolerant": tolerant,
            "seconds": round(seconds, 3), "mb_per_s": round(nbytes / 1e6 / seconds, 3) if seconds else None,
            "crashes": len(crashes), "crash_examples": crashes[:5]}


# What an error is, told from its text alone (the classes the README and issue 13 count):
_YEAR_OR_DATE = regex.compile(r"\b(?:1[0-9]|20)\d\d\b|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d\d:\d\d")
_RANGE_WORDS = regex.compile(r"\bfrom\b|\bto\b|\bbetween\b|[–≤]")
_LIST_JOINS = regex.compile(r",|\band\b|\bor\b")


def miss_class(gold_text: str) -> str:
    """Why a gold quantity may be missed: a year, date or time (statlint reads none, by design), words
    ("one", "twice", "room temperature"), or digits."""
    if _YEAR_OR_DATE.search(gold_text):
        return "year, date or time"
    return "digits" if any(c.isdigit() for c in gold_text) else "words"


def spurious_class(pred: Pred, golds: list[dict]) -> str:
    """What a spurious prediction is: a later member of a list or the other end of a range or change
    that the gold marks as one span ("4.5, 6 and 13 kg", "from 211 K to 284 K"), another figure inside
    a gold span, a number word or a figure in digits that no gold span covers."""
    over = [g["text"] for g in golds if pred.start < g["end"] and g["start"] < pred.end]
    if over:
        if _RANGE_WORDS.search(over[0]):
            return "other end of a gold range or change"
        return "later member of a gold list" if _LIST_JOINS.search(over[0]) else "other figure in a gold span"
    return "digits, no gold" if any(c.isdigit() for c in pred.text) else "number word, no gold"


def _errors(rec: dict, preds: list[Pred], golds: list[dict], pairs: list[tuple[int, int]]) -> list[dict]:
    text = rec["text"]

    def ctx(s: int, e: int) -> str:
        return text[max(0, s - 80):s] + "[[" + text[s:e] + "]]" + text[e:e + 80]

    mp = {i for i, _ in pairs}
    mg = {j for _, j in pairs}
    out = []
    for j, g in enumerate(golds):
        if j not in mg:
            out.append({"doc": rec["id"], "kind": "miss", "class": miss_class(g["text"]),
                        "start": g["start"], "end": g["end"], "text": g["text"],
                        "unit": g.get("other", {}).get("unit"), "mods": g.get("other", {}).get("mods", []),
                        "context": ctx(g["start"], g["end"])})
    for i, p in enumerate(preds):
        if i not in mp:
            out.append({"doc": rec["id"], "kind": "spurious", "class": spurious_class(p, golds),
                        "start": p.start, "end": p.end, "text": p.text,
                        "value": p.value, "context": ctx(p.start, p.end)})
    for i, j in pairs:
        if not value_ok(preds[i], golds[j]):
            p, g = preds[i], golds[j]
            out.append({"doc": rec["id"], "kind": "value_mismatch", "start": p.start, "end": p.end, "text": p.text,
                        "value": p.value, "gold_text": g["text"], "gold_first_number": (first_number(g["text"]) or [None])[0],
                        "context": ctx(p.start, p.end)})
    return out


def run(with_quantulum: bool = True, errors_path: Path = ERRORS) -> dict:
    paras = paragraphs()
    errors: list[dict] = []
    res = {"paragraphs": len(paras), "gold": sum(len(r["quantities"]) for r in paras),
           "bytes": sum(len(r["text"].encode("utf-8")) for r in paras), "systems": {}}
    res["systems"]["statlint"] = score(statlint_extractor(), paras, errors)
    res["systems"]["statlint-each"] = score(statlint_extractor(groups=False), paras)
    if with_quantulum:
        t0 = time.perf_counter()
        try:
            q3, info = quantulum_extractor()
            q3("It rose 5 % to 3.2 km.")  # first parse loads its unit tables
            load = time.perf_counter() - t0
            res["systems"]["quantulum3"] = {**info, "load_seconds": round(load, 3), **score(q3, paras)}
        except ImportError as exc:
            res["systems"]["quantulum3"] = {"available": False, "reason": f"not importable: {exc}"}

    errors_path.parent.mkdir(parents=True, exist_ok=True)
    with errors_path.open("w", encoding="utf-8") as fh:
        for e in errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    kinds = Counter(e["kind"] for e in errors)
    mods = Counter(m for e in errors if e["kind"] == "miss" for m in (e["mods"] or ["(none)"]))
    res["statlint_errors"] = {"file": str(errors_path.relative_to(REPO_ROOT)) if errors_path.is_relative_to(REPO_ROOT) else str(errors_path), "by_kind": dict(kinds), "misses_by_mod": dict(mods.most_common()),
                              "by_class": dict(Counter(f"{e['kind']}: {e['class']}" for e in errors if "class" in e).most_common())}
    return res


def summary_lines(res: dict) -> list[str]:
    lines = [f"measeval: {res['paragraphs']} paragraphs, {res['gold']} gold quantities"]
    for name, s in res["systems"].items():
        if "overlap" not in s:
            lines.append(f"  {name:10} unavailable: {s.get('reason')}")
            continue
        o, v, u = s["overlap"], s["value"], s.get("value_unit", {})
        load = f" (+{s['load_seconds']}s load)" if "load_seconds" in s else ""
        t = s.get("tolerant", {})
        lines.append(f"  {name:10} overlap P/R/F1 {o['p']}/{o['r']}/{o['f1']}  value P/R/F1 {v['p']}/{v['r']}/{v['f1']}"
                     f"  value+unit P/R/F1 {u.get('p')}/{u.get('r')}/{u.get('f1')}"
                     f"  span-tolerant P/R/F1 {t.get('p')}/{t.get('r')}/{t.get('f1')}"
                     f"  {s['pred']} predicted  {s['seconds']}s{load}  crashes {s['crashes']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="MeasEval quantity-extraction P/R/F1.")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 reference run")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    ap.add_argument("--dump", type=Path, default=ERRORS,
                    help=f"write statlint's misses, spurious predictions and value mismatches (JSON lines) here; default {ERRORS.relative_to(REPO_ROOT)}")
    args = ap.parse_args(argv)
    if not corpus.available(corpus.MEASEVAL):
        print(f"measeval: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    res = run(with_quantulum=not args.no_quantulum, errors_path=args.dump)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(summary_lines(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
