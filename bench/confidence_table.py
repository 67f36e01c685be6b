"""The confidence model's training table: claims and findings of the corpus as numbers, with labels.

Why: the model (checker/confidence.py) must learn how far from consistent an honest rounded claim can lie
and how far a slip lands, so it sees claims, not only findings:
- every finding the rules raise on an untouched article is an example; it is real (1) when
  bench/reviewed.jsonl says so, else 0;
- every checkable growth claim (rate, old and new figure, the G101-G106 family) and every conversion
  (U101, U102) of an untouched article that no rule flagged is a negative, with the same features a
  finding on it would have (its `gap` from rules.growth_rate_mismatch.rate_gap or the conversion
  rules' claim_gap) and `unflagged` set;
- the same, in a copy of the article with one error planted by bench/inject.py (source 1) or
  bench/planter2.py (source 2): the findings and the growth claims whose figures overlap the planted
  characters are positives; everything else in the copy repeats the untouched article and is left out.
  A plant whose untouched site already had a finding is skipped (as bench/recall.py counts it).
Other claim kinds (shares, parts and totals, restatements, garbles) enter through their findings only.

The table holds numbers only (NEVER corpus text): group (a hash of the article id: hold-outs split by
article), source (0 untouched, 1 inject, 2 planter2), plant (the plant's number within its source, -1 for
untouched), level (0 finding, 1 unflagged claim), label, then the features of
checker.confidence_features.FEATURES.
"""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Iterator

from statlint.checker.confidence_features import FEATURES, Context, vector
from statlint.checker.model import Finding, Related, Severity, Span

TABLE = Path(__file__).with_name("confidence_table.csv")
META = TABLE.with_suffix(".json")  # the plant counts and build time, for the report
HEADER = ("group", "source", "plant", "level", "label", *FEATURES)
UNTOUCHED, INJECT, PLANTER2 = 0, 1, 2
PHRASEBANK = "financial_phrasebank_shared"
# Verdicts on findings outside the news corpus that bench/quality.py reads (bench/reviewed.jsonl covers those).
REVIEWED = Path(__file__).with_name("confidence_reviewed.jsonl")


def group_of(doc_id: str) -> int:
    """A stable number for an article (its copies share it), so a split by group is a split by article."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16)


def examples(text: str) -> tuple[list[Finding], list[tuple[Finding, list[float], bool]]]:
    """(findings, [(finding or claim stand-in, features, unflagged)]) of one article."""
    from statlint.checker.document import Document
    from statlint.checker.engine import extract, locate, rule_findings

    doc = Document(text)
    facts = extract(doc)
    findings = [locate(doc, f) for f in rule_findings(doc, facts)]
    ctx = Context(doc, facts)
    out = [(f, vector(f, ctx), False) for f in findings]
    for claim in unflagged_claims(doc, facts, findings):
        out.append((claim, vector(claim, ctx, unflagged=True), True))
    return findings, out


def unflagged_claims(doc, facts, findings: list[Finding]) -> Iterator[Finding]:
    """Every checkable claim no finding sits on, as a stand-in finding of the rule that reads it, carrying
    the gap that rule computes: growth claims with a rate and both figures (G101) and conversions (U101
    for units, U102 for currencies)."""
    from statlint.rules import currency_conversion_mismatch as u102, unit_conversion_mismatch as u101
    from statlint.rules._growth import is_annual_rate, rate_claim_ratio
    from statlint.rules.growth_rate_mismatch import CODE, NAME, rate_gap

    flagged = [f.span for f in findings]
    for g in facts.growths:
        r = rate_claim_ratio(g)
        if r is None or is_annual_rate(doc, g.rate) or any(s.overlaps(g.rate.span) for s in flagged):
            continue
        yield _stand_in(doc, CODE, NAME, g.rate.span, rate_gap(g, r),
                        (Related("base", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)))
    for c in facts.conversions:
        if any(s.overlaps(c.b_span) or s.overlaps(c.b.span) for s in flagged):
            continue
        for rule, span in ((u101, c.b_span), (u102, c.b.span)):
            gap = rule.claim_gap(c)
            if gap is not None:
                yield _stand_in(doc, rule.CODE, rule.NAME, span, gap, (Related("converted", c.a_span, c.a_text),))


def _stand_in(doc, code: str, name: str, span: Span, gap: float, related: tuple) -> Finding:
    return Finding(rule=code, name=name, message="", span=span, severity=Severity.INFO, related=related, gap=gap,
                   in_quote=doc.in_quote(span))


def _touches(f: Finding, span: Span) -> bool:
    return any(s.overlaps(span) for s in [f.span, *(r.span for r in f.related)])


def untouched_rows(doc_id: str, text: str, verdicts) -> tuple[list[Finding], list[list]]:
    """(findings, rows) of an untouched article. A finding is labelled by its reviewed verdict; an
    unreviewed one is a negative unless it sits on a reviewed finding's figures (the same slip named by
    another rule, which the engine would not show), then it is left out."""
    findings, rows = examples(text)
    verdict = {id(f): verdicts.get(doc_id, f.fingerprint) for f in findings}
    reviewed = [f.span for f in findings if verdict[id(f)] is not None]
    out = []
    for f, x, unflagged in rows:
        v = None if unflagged else verdict[id(f)]
        if v is None and not unflagged and any(_touches(f, s) for s in reviewed):
            continue
        out.append([group_of(doc_id), UNTOUCHED, -1, int(unflagged), int(bool(v)), *x])
    return findings, out


def planted_rows(source: int, number: int, plant: dict) -> Iterator[list]:
    """Rows of one planted copy: the findings and claims that touch the planted characters, all labelled 1."""
    changed = Span(plant["start"], max(plant["end"], plant["start"] + 1))
    _, rows = examples(plant["text"])
    for f, x, unflagged in rows:
        if _touches(f, changed):
            yield [group_of(plant["doc"]), source, number, int(unflagged), 1, *x]


def build(progress=print) -> tuple[list[list], dict]:
    """Every row, from the corpus (bench/corpus.py) and both planters; plus counts for the report."""
    from bench import corpus, planter2, verdicts
    from bench.recall import planted_set

    real = verdicts.load()
    real.by_key.update(verdicts.load(REVIEWED).by_key)
    rows: list[list] = []
    flagged: dict[str, list[Finding]] = {}
    docs = 0
    for rec in untouched_records():
        findings, r = untouched_rows(rec["id"], corpus.article(rec), real)
        rows.extend(r)
        docs += 1
        if findings:
            flagged[rec["id"]] = findings
    progress(f"  untouched: {docs} articles, {len(rows)} rows")
    plants = {INJECT: 0, PLANTER2: 0}
    for source, planted in ((INJECT, planted_set()), (PLANTER2, planter2.planted_set())):
        before = len(rows)
        for p in planted:
            original = examples(p["source"])[0] if p.get("source") is not None else flagged.get(p["doc"], [])
            site = Span(p["start"], p["start"] + len(p["original"]))
            if any(_touches(f, site) for f in original):
                continue  # the untouched site was already flagged: not a clean plant
            rows.extend(planted_rows(source, plants[source], p))
            plants[source] += 1
        progress(f"  source {source}: {plants[source]} clean plants, {len(rows) - before} rows")
    return rows, {"articles": docs, "plants": {str(k): v for k, v in plants.items()}}


def untouched_records() -> Iterator[dict]:
    """The news corpus (bench/corpus.py), then the Financial PhraseBank's sentences of financial news: they
    add growth claims ("rose to EUR 13.1 mn from EUR 8.7 mn") and the few false alarms the rules raise on
    edited copy (reviewed in REVIEWED)."""
    from bench import corpus

    for _, rec in corpus.news():
        yield rec
    yield from corpus.records(PHRASEBANK)


def write(rows: list[list], path: Path = TABLE) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for row in rows:
            w.writerow([_num(v) for v in row])


def _num(v) -> str:
    return str(v) if isinstance(v, int) else f"{v:.6g}"


def read(path: Path = TABLE) -> tuple[list[str], list[list[float]]]:
    """(header, rows) with every cell a number; the header must be this code's."""
    with open(path, encoding="utf-8") as fh:
        r = csv.reader(fh)
        header = next(r)
        if tuple(header) != HEADER:
            raise ValueError(f"{path}: its columns are not {HEADER}; rebuild it with "
                             "`python bench/train_confidence.py --rebuild-table`")
        return header, [[float(v) for v in row] for row in r]
