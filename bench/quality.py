"""False-alarm benchmark: run check_text over real, professionally edited news.

Why: on edited news almost every finding should be real, so the number of
findings per 100 articles is the first alarm for a noisy rule, and the human
verdicts in bench/reviewed.jsonl turn it into a reviewed precision and an
estimated false-alarm rate (target: at most 1 per 100 articles).

Each record is checked on its own, as a reader sees the article: headline
(`title`) above body (`text`), built by bench/corpus.py `article`; finding
offsets index that article text. Every finding is written with its
context to bench/out/findings.jsonl, keyed by document id + fingerprint, for
bench/review.py to show to a person. A crash on one document is recorded and
the run goes on.

    python bench/quality.py [--limit N] [--json PATH]
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import OUT_DIR, REPO_ROOT, corpus, verdicts

CONTEXT = 200  # characters of context either side of a finding
MAX_CONTEXT_SPAN = 1200  # beyond this, related spans are left out of the context window
FINDINGS = OUT_DIR / "findings.jsonl"


def _fingerprint(f, text: str) -> tuple[str, bool]:
    """The finding's fingerprint, or a stand-in (flagged) while the engine leaves it empty."""
    if f.fingerprint:
        return f.fingerprint, False
    near = text[max(0, f.span.start - 40): f.span.end + 40]
    norm = " ".join((text[f.span.start:f.span.end] + "\x1f" + near).split()).lower()
    return f"{f.rule}:bench-{hashlib.sha1(norm.encode('utf-8')).hexdigest()[:16]}", True


@functools.lru_cache(maxsize=4)
def _document(text: str):
    from statlint import Document

    return Document(text)


def _sentence(text: str, start: int) -> str | None:
    try:
        span = _document(text).sentence_of(start)
        return text[span.start:span.end].strip()
    except Exception:  # the sentence is a convenience for reviewers, never a reason to fail
        return None


def finding_record(label: str, rec: dict, text: str, f) -> tuple[dict, bool]:
    """One JSON-ready finding with its context; the bool says the fingerprint is a stand-in."""
    fp, fallback = _fingerprint(f, text)
    lo, hi = f.span.start, f.span.end
    rel_lo = min([lo] + [r.span.start for r in f.related])
    rel_hi = max([hi] + [r.span.end for r in f.related])
    if rel_hi - rel_lo <= MAX_CONTEXT_SPAN:
        lo, hi = rel_lo, rel_hi
    c0, c1 = max(0, lo - CONTEXT), min(len(text), hi + CONTEXT)
    return {
        "key": f"{rec['id']}|{fp}",
        "doc": rec["id"],
        "corpus": label,
        "fingerprint": fp,
        "rule": f.rule,
        "name": f.name,
        "severity": str(f.severity),
        "confidence": f.confidence,
        "message": f.message,
        "start": f.span.start,
        "end": f.span.end,
        "text": text[f.span.start:f.span.end],
        "suggestion": f.suggestion,
        "related": [{"role": r.role, "start": r.span.start, "end": r.span.end, "text": r.text}
                    for r in f.related],
        "in_quote": getattr(f, "in_quote", False),
        "sentence": _sentence(text, f.span.start),
        "context_start": c0,
        "context": text[c0:c1],
    }, fallback


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _rate(n: int, docs: int) -> float:
    return round(100.0 * n / docs, 3) if docs else 0.0


def _tally(rows: list[dict], docs: int) -> dict:
    true = sum(r["verdict"] is True for r in rows)
    false = sum(r["verdict"] is False for r in rows)
    unrev = sum(r["verdict"] is None for r in rows)
    return {
        "findings": len(rows), "per_100": _rate(len(rows), docs),
        "true": true, "false": false, "unreviewed": unrev,
        "precision": round(true / (true + false), 3) if true + false else None,
        "false_per_100": _rate(false, docs), "unreviewed_per_100": _rate(unrev, docs),
    }


def run(labels: tuple[str, ...] = tuple(corpus.NEWS), limit: int | None = None,
        out_path: Path = FINDINGS, reviewed_path: Path = verdicts.REVIEWED) -> dict:
    from statlint import check_text

    seen = verdicts.load(reviewed_path)
    rows: list[dict] = []
    crashes: list[dict] = []
    per_corpus: dict[str, dict] = {}
    fallbacks = 0
    for label in labels:
        docs = nbytes = 0
        t0 = time.perf_counter()
        first = len(rows)
        for rec in corpus.records(label, limit):
            text = corpus.article(rec)
            docs += 1
            nbytes += len(text.encode("utf-8"))
            try:
                found = check_text(text, path=rec["id"])
            except Exception as exc:  # one bad document must not end the run
                crashes.append({"doc": rec["id"], "corpus": label, "error": f"{exc.__class__.__name__}: {exc}"[:500]})
                continue
            for f in found:
                row, fb = finding_record(label, rec, text, f)
                fallbacks += fb
                row["verdict"] = seen.get(row["doc"], row["fingerprint"])
                rows.append(row)
        per_corpus[label] = {"file": corpus.NEWS.get(label, label), "docs": docs, "bytes": nbytes,
                             "seconds": round(time.perf_counter() - t0, 3),
                             "crashes": sum(c["corpus"] == label for c in crashes),
                             **_tally(rows[first:], docs)}

    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    total_docs = sum(c["docs"] for c in per_corpus.values())
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_rule[row["rule"]].append(row)
    rules = {}
    for code in sorted(by_rule):
        rr = by_rule[code]
        counts = Counter(r["corpus"] for r in rr)
        rules[code] = {"name": rr[0]["name"], **_tally(rr, total_docs),
                       "by_corpus": {lab: {"findings": counts.get(lab, 0),
                                           "per_100": _rate(counts.get(lab, 0), per_corpus[lab]["docs"])}
                                     for lab in per_corpus}}
    current = {(r["doc"], r["fingerprint"]) for r in rows}
    return {
        "corpora": per_corpus,
        "total": {"docs": total_docs, "bytes": sum(c["bytes"] for c in per_corpus.values()),
                  "crashes": len(crashes), **_tally(rows, total_docs)},
        "rules": rules,
        "reviewed": {"file": _rel(seen.path), "lines": seen.lines, "verdicts": len(seen.by_key),
                     "invalid": seen.invalid[:50], "invalid_count": len(seen.invalid),
                     # verdicts whose finding no longer fires (fixed, or its fingerprint changed)
                     "stale": sum(k not in current for k in seen.by_key)},
        "crashes": crashes[:20],
        "fingerprint_fallbacks": fallbacks,
        "findings_file": _rel(out_path),
        "limit": limit,
    }


def summary_lines(res: dict) -> list[str]:
    t = res["total"]
    lines = [f"quality: {t['docs']} docs, {t['findings']} findings ({t['per_100']}/100), "
             f"reviewed false {t['false']} ({t['false_per_100']}/100), unreviewed {t['unreviewed']}, "
             f"crashes {t['crashes']}"]
    for lab, c in res["corpora"].items():
        lines.append(f"  {lab:9} {c['docs']:6} docs  {c['findings']:5} findings  {c['per_100']:7}/100  "
                     f"false {c['false_per_100']}/100  unreviewed {c['unreviewed']}")
    if res["fingerprint_fallbacks"]:
        lines.append(f"  note: {res['fingerprint_fallbacks']} findings had an empty fingerprint (bench stand-in used)")
    if res["reviewed"]["invalid_count"]:
        lines.append(f"  note: {res['reviewed']['invalid_count']} invalid lines in {res['reviewed']['file']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="check only the first N records of each corpus")
    ap.add_argument("--json", type=Path, help="write the summary as JSON here")
    args = ap.parse_args(argv)
    if not corpus.available(*corpus.NEWS.values()):
        print(f"quality: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    res = run(limit=args.limit)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(summary_lines(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
