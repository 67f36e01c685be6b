"""What every extractor and check reads, document by document: a guard for changes meant to be speed-ups only.

Why: a change that makes the reader or a rule faster must not change what it reads. The unit tests
pin the fixtures; this pins the real corpus, both planters' planted copies and every fixture file,
tens of thousands of documents in all. `--save` writes the Facts and the findings (before any cut)
of each document; `--compare` reads them again and lists the documents whose Facts or findings
differ, with the first field that differs, so a speed-up is known to be one before it is measured.

    python bench/facts_digest.py --save bench/out/facts-before.pickle
    python bench/facts_digest.py --compare bench/out/facts-before.pickle [--show 10]
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from dataclasses import fields
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import REPO_ROOT, corpus


def documents() -> list[tuple[str, str]]:
    """(name, text): the news corpus, both planters' planted copies, every text fixture."""
    from bench import planter2
    from bench.recall import planted_set

    docs = [(rec["id"], corpus.article(rec)) for _, rec in corpus.news()]
    docs += [(f"inject:{p['doc']}:{p['kind']}:{i}", p["text"]) for i, p in enumerate(planted_set())]
    docs += [(f"planter2:{p['doc']}:{p['class']}:{i}", p["text"]) for i, p in enumerate(planter2.planted_set())]
    for path in sorted((REPO_ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            docs.append((f"fixture:{path.relative_to(REPO_ROOT)}", path.read_text(encoding="utf-8")))
    return docs


def read(text: str) -> tuple[dict[str, str], str]:
    """(field name -> repr of the Facts field, repr of the findings before any cut) for one text."""
    from statlint.checker.document import Document
    from statlint.checker.engine import extract, rule_findings

    doc = Document(text)
    facts = extract(doc)
    return {f.name: repr(getattr(facts, f.name)) for f in fields(facts)}, repr(rule_findings(doc, facts))


def digest(docs: list[tuple[str, str]]) -> dict[str, tuple[dict[str, str], str]]:
    out = {}
    for name, text in docs:
        try:
            out[name] = read(text)
        except Exception as exc:  # a crash is a reading too: it must not change either
            out[name] = ({"error": f"{type(exc).__name__}: {exc}"}, "")
    return out


def _same(was: tuple[dict[str, str], str], now: tuple[dict[str, str], str] | None) -> bool:
    """Whether a document reads the same: every field as before, and a field added since (a new kind of claim)
    empty, as it is wherever that claim is not read."""
    if now is None:
        return False
    (facts0, found0), (facts1, found1) = was, now
    return found0 == found1 and all(facts1.get(k) == v for k, v in facts0.items()) \
        and all(v == "()" for k, v in facts1.items() if k not in facts0)


def compare(before: dict, after: dict, show: int) -> int:
    changed = [name for name in before if not _same(before[name], after.get(name))]
    missing = [name for name in after if name not in before]
    print(f"{len(before):,} documents read before, {len(after):,} now; {len(changed):,} differ, "
          f"{len(missing):,} new")
    for name in changed[:show]:
        (facts0, found0), (facts1, found1) = before[name], after.get(name, ({}, ""))
        diff = [k for k in facts0 if facts0[k] != facts1.get(k)] + [k for k in facts1 if k not in facts0 and facts1[k] != "()"] \
            + (["findings"] if found0 != found1 else [])
        print(f"- {name}: {', '.join(diff)}")
        for key in diff[:2]:
            old, new = (found0, found1) if key == "findings" else (facts0.get(key, "()"), facts1.get(key, ""))
            at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            print(f"    {key} before: …{old[max(0, at - 150):at + 150]}…")
            print(f"    {key} now:    …{new[max(0, at - 150):at + 150]}…")
    return 1 if changed or missing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write what every document reads to this file")
    group.add_argument("--compare", type=Path, help="read every document again and compare with this file")
    ap.add_argument("--show", type=int, default=10, help="documents that differ to show (default 10)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = documents()
    t1 = time.perf_counter()
    now = digest(docs)
    t2 = time.perf_counter()
    print(f"{len(docs):,} documents built in {t1 - t0:.1f} s, read in {t2 - t1:.1f} s "
          f"({hashlib.sha1(repr(sorted(now.items())).encode()).hexdigest()[:12]})")
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_bytes(pickle.dumps(now, protocol=pickle.HIGHEST_PROTOCOL))
        print(f"saved to {args.save}")
        return 0
    return compare(pickle.loads(args.compare.read_bytes()), now, args.show)


if __name__ == "__main__":
    sys.exit(main())
