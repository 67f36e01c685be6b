"""Each claim extractor against its own fixtures (fixtures/claims/<claim>.txt): what it must link, and what not.

A case is a header line "#: " naming the claims expected from the text below it, each rendered as one
line (see RENDER), joined by " | "; "#: none" when the extractor must link nothing. Lines starting with
"#" otherwise are comments. Claims are rendered from the Facts of the whole extraction, so a case also
shows that the extractor sits in rules.EXTRACTORS.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint.checker.document import Document
from statlint.checker.engine import extract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


def _years(g) -> str:
    return f"{g.verb_text}: {g.period or '-'} {g.old_year} -> {g.new_year}"


def _form(g) -> str:
    """ "noun increase: 30% 685 million -> 770.6 million dollars" (rules.claims, rules.comparatives)."""
    by = g.rate if g.rate is not None else g.factor
    return (f"{g.form} {g.verb_text}: {by.text if by is not None else '-'} "
            f"{g.old.text if g.old is not None else '-'} -> {g.new.text if g.new is not None else '-'}")


RENDER = {
    "share": lambda f: [f"{s.percent.text} / {s.whole} ({s.whole_kind})" for s in f.shares],
    "share_split": lambda f: [f"{s.link}: {' + '.join(q.text for q in s.shares)}"
                              + ("" if s.exclusive else " (not exclusive)") for s in f.splits],
    "verbal_proportion": lambda f: [f"{p.phrase} = {p.low:g}-{p.high:g}: {p.figure.text}" for p in f.proportions],
    "mention": lambda f: [f"{m.measure}: {m.value.text}" + (f" in {m.year}" if m.year else "") for m in f.mentions],
    "change_period": lambda f: [_years(g) for g in f.growths],
    "change_subject": lambda f: [f"{g.rate.text}: {'signed' if g.signed else 'unsigned'}"
                                 for g in f.growths if g.rate is not None],
    "change_hedge": lambda f: [f"{g.verb_text}: {g.hedge or '-'}" for g in f.growths if g.factor_kind],
    "change_multiplier": lambda f: [f"{g.rate.text} = {g.factor.text} ({g.factor_kind})"
                                    for g in f.growths if g.rate is not None and g.factor is not None],
    "change_annual": lambda f: [f"{g.verb_text}: {g.rate.text} a year over {g.years} years" for g in f.growths
                                if g.rate is not None and g.period == "year" and g.old is not None],
    "garble": lambda f: [f"{g.kind}: {g.text!r} -> {g.reading}" for g in f.garbles],
    "change_form": lambda f: [_form(g) for g in f.growths],
    "change_amount": lambda f: [f"{g.form} {g.verb_text}: {g.amount.text} or {g.rate.text if g.rate is not None else '-'} "
                                f"{g.old.text if g.old is not None else '-'} -> {g.new.text if g.new is not None else '-'}"
                                for g in f.growths if g.amount is not None],
    "change_prior": lambda f: [f"{g.rate.text}: {g.prior.text} -> {g.new.text} ({g.prior_link})"
                               for g in f.growths if g.prior is not None],
    "part_of_whole": lambda f: [f"{c.relation}: {c.part.text} of {' or '.join(w.text for w in c.wholes)} [{c.label}]"
                                for c in f.part_wholes],
    "parts_total": lambda f: [f"{c.how}: {c.total.text} = {' + '.join(p.text for p in c.parts)}"
                              + (" (exhaustive)" if c.exhaustive else "") + (f" [{c.link}]" if c.link != "sentence" else "")
                              for c in f.parts_totals],
    "respective_list": lambda f: [f"{c.form}: {' + '.join(v.text for v in c.values)} ~ {', '.join(c.labels)}"
                                  for c in f.respective_lists],
    "difference": lambda f: [f"{d.word} {d.gap.text}: {d.first.text} - {d.second.text}" for d in f.differences],
    "quotient": lambda f: [f"{q.total.text} / {q.count.text} = {q.each.text} per {q.noun}" for q in f.quotients],
    "part_share": lambda f: [f"{c.form}: {' '.join(c.part.text.split())} = {c.percent.text} of {c.whole.text}"
                             for c in f.part_shares],
    "headline_growth": lambda f: [f"{g.direction.name.lower()} {g.rate.text}: {' '.join(g.old.text.split())} -> "
                                  f"{' '.join(g.new.text.split())}" for g in f.headline_growths],
}


# The conversion and restatement extractors' fixture files are run by tests/test_claim_extractors.py.
OTHER_HARNESS = frozenset({"conversions", "statements", "series_next"})


def _cases():
    for path in sorted(p for p in FIXTURES.glob("*.txt") if p.stem in RENDER):
        for n, (header, text) in enumerate(read_cases(path), start=1):
            yield pytest.param(path.stem, header, text, id=f"{path.stem}-{n}")


def test_every_claim_file_has_a_renderer_and_both_kinds_of_case():
    stems = {p.stem for p in FIXTURES.glob("*.txt")} - OTHER_HARNESS
    assert stems == set(RENDER)
    for stem in stems:
        body = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
        headers = [line[3:].strip() for line in body.splitlines() if line.startswith("#: ")]
        assert any(h != "none" for h in headers), f"{stem}: no case that must link"
        assert "none" in headers or stem in ("change_hedge", "change_period", "change_subject"), \
            f"{stem}: no case that must not link"


@pytest.mark.parametrize("stem,header,text", list(_cases()))
def test_claim_fixture(stem, header, text):
    expected = [] if header == "none" else header.split(" | ")
    assert RENDER[stem](extract(Document(text))) == expected
