"""Link precision of the claim extractors: a sample of what each one links on the shared corpus, to read.

Why: a check is only as right as the claims it compares. Each extractor's links (a figure tied to its
whole, a list tied into a split, a change tied to its years, ...) are sampled at random (seeded) over
the news corpus and printed with their sentence, for a person to mark right or wrong. The counts found
so are kept in the table below (update it when an extractor changes); corpus text is never written to
the repository, only printed.

    python bench/claim_links.py [--per-claim 30] [--seed 14]

Measured (30 links read per extractor, or all there were, seed 14, 2026-12-03): right/wrong per extractor
in the README's "Claims: what each check reads" table (periods 29/1, subjects 29/1, hedges 6/0, shares 28/2 (+30/0 read as the subject of their clause),
share_splits 5/0, mentions 30/0 of 38, garbles 23/0 (all 23 read), parts_totals 13/0, respectively_lists 10/0;
multipliers, priors, annual_rates and verbal_proportions link nothing on this corpus; growth_noun 11/1,
growth_adverb 24/0, growth_comparative 10/0, all there were). h-realmiss, all there were: growth_amount 18/1
read first (a level read as the amount: "rose to 4.6 mln contracts, or 57 pct up on"; fixed, 18/0 since),
growth_asides 8/0, share_splits.answer_pairs 2/0; share_splits.margins links nothing on this corpus.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus
from statlint.checker.document import Document
from statlint.checker.engine import extract


_ASIDE_WORDS = re.compile(r"\bcompared\b|\bagainst\b|\bper\s+(?:\w+\s+)?share\b", re.IGNORECASE)


def _g_text(q) -> str:
    return q.text if q is not None else "-"


def links(doc: Document, facts) -> dict[str, list[tuple[int, str]]]:
    """(offset, one-line rendering) of every link, by extractor."""
    out: dict[str, list[tuple[int, str]]] = {}

    def add(name, offset, line):
        out.setdefault(name, []).append((offset, line))

    for g in facts.garbles:
        add("garbles", g.span.start, f"{g.kind}: {g.text!r} -> {g.reading}")
    for s in facts.shares:
        add("shares", s.span.start, f"{s.percent.text} / {s.whole} ({s.whole_kind})")
    for s in facts.splits:
        name = {"an answer and its negation": "share_splits.answer_pairs",
                "the two sides of a margin": "share_splits.margins"}.get(s.whole, "share_splits")
        add(name, s.span.start, f"{s.link}: {' + '.join(q.text for q in s.shares)}"
            + ("" if s.exclusive else " (not exclusive)"))
    for p in facts.proportions:
        add("verbal_proportions", p.span.start, f"{p.phrase} = {p.low:.0f}-{p.high:.0f}: {p.figure.text}")
    for m in facts.mentions:
        add("mentions", m.span.start, f"{m.measure}: {m.value.text}" + (f" in {m.year}" if m.year else ""))
    for c in facts.part_wholes:
        # one sample per relation: earnings tables would otherwise fill the sample of the rarer group readings
        add(f"parts_of_wholes.{c.relation}", c.span.start,
            f"{c.part.text} of {' or '.join(w.text for w in c.wholes)} [{c.label}] ({c.link})")
    for c in facts.parts_totals:
        add("parts_totals", c.span.start, f"{c.how}: {c.total.text} = {' + '.join(p.text for p in c.parts)}"
            + (" (exhaustive)" if c.exhaustive else "") + (f" [{c.link}]" if c.link != "sentence" else ""))
    for c in facts.respective_lists:
        add("respectively_lists", c.span.start,
            f"{c.form}: {' + '.join(v.text for v in c.values)} ~ {', '.join(c.labels)}")
    for d in facts.differences:
        add("differences", d.span.start, f"{d.word} {d.gap.text}: {d.first.text} - {d.second.text}")
    for q in facts.quotients:
        add("per_units", q.span.start, f"{q.total.text} / {q.count.text} = {q.each.text} per {q.noun}")
    for c in facts.part_shares:
        add("part_shares", c.span.start, f"{c.form}: {' '.join(c.part.text.split())} = {c.percent.text} of {c.whole.text}")
    for g in facts.growths:
        at = g.span.start
        if g.form != "verb" and g.old is not None and g.new is not None and (g.rate or g.factor):
            # the phrasings read since issue 14's h-growth (rules.claims nouns and asides, rules.comparatives):
            # a link is right when the rate compares exactly these two figures
            by = g.rate if g.rate is not None else g.factor
            add(f"growth_{g.form}", at, f"{g.verb_text} {by.text}: {g.old.text} -> {g.new.text}")
        if g.amount is not None and g.rate is not None:  # rules._amounts: right when amount and rate state one change
            add("growth_amount", at, f"{g.verb_text} {g.amount.text} or {g.rate.text}: {_g_text(g.old)} -> {_g_text(g.new)}")
        elif g.amount is not None and g.old is not None:  # G107: right when the amount moved old to new
            add("growth_amount_levels", at, f"{g.verb_text} {g.amount.text}: {g.old.text} -> {_g_text(g.new)}")
        if g.old is not None and g.new is not None and g.new.span.end < g.old.span.start and _ASIDE_WORDS.search(
                doc.text, g.new.span.end, g.old.span.start):  # rules._asides: a per-share aside, "compared with"
            add("growth_asides", at, f"{g.verb_text} {_g_text(g.rate)}: {g.old.text} -> {g.new.text}")
        if g.period or g.old_year or g.new_year or g.years:
            add("periods", at, f"{g.verb_text}: rate {_g_text(g.rate)} per {g.period or 'span'}; "
                f"old {_g_text(g.old)} in {g.old_year}; new {_g_text(g.new)} in {g.new_year}; years {g.years}")
        if g.period == "year" and g.rate is not None and g.old is not None and g.new is not None:
            add("annual_rates", at, f"{g.verb_text}: {g.rate.text} a year over {g.years} years, "
                f"{g.old.text} -> {g.new.text}")
        if g.rate is not None and g.direction < 0:
            add("subjects", at, f"{g.verb_text} {g.rate.text}: {'signed' if g.signed else 'unsigned'} [{g.subject}]")
        if g.hedge:
            add("hedges", at, f"{g.hedge} {g.verb_text}")
        if g.rate is not None and g.factor is not None:
            add("multipliers", at, f"{g.rate.text} = {g.factor.text} ({g.factor_kind})")
        if g.prior is not None:
            add("priors", at, f"{g.rate.text}: {g.prior.text} -> {g.new.text} in {g.new_year} ({g.prior_link})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-claim", type=int, default=30)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--limit", type=int, help="read only the first N records of each corpus")
    args = ap.parse_args(argv)
    if not corpus.available():
        print("claim_links: corpus not found", file=sys.stderr)
        return 0
    found: dict[str, list[tuple[str, str, str]]] = {}
    for label, rec in corpus.news(limit=args.limit):
        text = corpus.article(rec)
        doc = Document(text)
        for name, items in links(doc, extract(doc)).items():
            for offset, line in items:
                sentence = doc.sentence_of(offset)
                context = " ".join(text[max(sentence.start, offset - 300):min(sentence.end, offset + 300)].split())
                found.setdefault(name, []).append((f"{label}/{rec.get('id')}", line, context))
    rng = random.Random(args.seed)
    for name in sorted(found):
        items = found[name]
        sample = rng.sample(items, min(args.per_claim, len(items)))
        print(f"== {name}: {len(items)} links, {len(sample)} shown")
        for where, line, context in sample:
            print(f"- [{where}] {line}\n    {context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
