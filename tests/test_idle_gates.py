"""The gates h-idle put before its extractors' work read exactly what the extractors read without them.

Each test runs the gated extractor and the same extractor with its gate opened (monkeypatched to let
everything through, or the plain loop it replaced, kept here as the reference) over every rule and
claim fixture, the article fixtures and odd texts (each garble, tie and total the gates look for, in
capitals too, Unicode digits, "İ"/"ſ", the Kelvin sign, non-ASCII letters, a very long document), and
asks for the same facts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.checker.model import Facts, replace
from statlint.rules import (
    _split_figures, conversions, differences, garbles, parts_of_wholes, parts_totals,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ODD = [
    "",
    "No figure here at all.",
    # garbles: each step's own form, in capitals, with odd letters
    "Sales rose to 522 10,000 units. BURLINGTON GETS 3050 TEN THOUSAND DLR CONTRACT. Output 30 HUNDRED MILLION yuan.",
    "It sold 522 10 THOUSAND units and 7 hundred million yuan; about 2100 ten thousand dlrs; 12 10 000 cars.",
    "Revs 29180 10,000 vs 100,000,000; 4 100 million yuan; the 12 10,000-seat stadiums; a 50000 10,000-dlr loan.",
    "In 198612 mths net rose; due 1992125 mln dlrs; By 202540%. In 19871988 and 1989. Net loss 19186,000.",
    "Profit was 4178,027 dlrs and 5.17,000 and 920, 000; 155, 221 bags; 1,699, 124 vs 6, 318,000.",
    "It dropped 14.\n5 pct; acquisition of 9 8.8 pct; Net 66. mln; nearly 300. million; a fee of . 10 pct; of .5%.",
    "UNITS FOR 50. MLN STG. It was 3 billion 6,500 million yuan, 3 BN 6,500 MLN. The rate rose 5.\nThen 6 pct.",
    "The 2 4.5 pct notes; 4 1.5-metre poles; April 7 1.5 billion. Figures 10 pct, 10 mln, 100 dlrs, ten.",
    "İt rose to 522 10,000 unİts; ſales 3 bİllion 6,500 mİllion; 5 \u212aelvin; ٣٦٨ 10,000 cars; 1.200.000 and 3.5 pct.",
    "Sales were 1.234.567 dlrs at 3.5 pct; 12.345 units; of . 10 pct; 2019. 10 pct; OPEC 2 10,000; Apollo 11.",
    # conversions: each tie, and commas that tie nothing
    "It is 90 km (56 miles) away; £7.5m (about $14.6m); 5 billion euros, or about $5.4 billion; 12 million a year, "
    "or 32,877 a day; 90 km - about 56 miles - east; rose 400% in a year, to 5 times as many; up 900%, or ten times.",
    "5 billion euros, EQUIVALENT TO $5.4 billion; 5 billion euros, OR $5.4 billion; 3 miles, 5 km and 7 km; "
    "10 pounds, 4 kg; 400%, to 5 times; 400%, i.e. 5 times; 400%, that is 5 times; 5 billion euros, equİvalent to $5 billion.",
    # per units
    "The $3.4 billion programme supports 95,000 jobs, or $35.8 million per job. It spends $120 million a year on "
    "its 40,000 pupils, or $3,000 per pupil. £2.4m on 1,200 new homes, about £2,000 a home; $5 bn, 10 people, "
    "or $500 PER HEAD; $9 bn on 300 farms, or $30 million\u00a0for each farm; $8 bn, 20 mines, or $4 bn"
    "              per mine; $4 bn, 8 farms or $500 millionper farm.",
    "The $3.4 billion programme, a plan, supports 95,000 jobs, or $35.8 million Per job.",
    "The $3.4 billion programme, a plan, supports 95,000 jobs, or $35.8 million FOR EACH job.",
    "The $3.4 billion programme supports 95,000 jobs, or $35.8 million      per job.",
    "The $3.4 billion programme supports 95,000 jobs, or $35.8 million\n\n\n\n\nper job.",
    # differences and "respectively"
    "Labour is on 41% and the Conservatives on 33%, an eight-point lead. A gap of 12 points between the 54% for "
    "Smith and the 38% for Jones. GAP OF 12 POINTS between 50% and 38%. Sales were 5 and 7 mln, respectively.",
    "A lead of 8 points.", "41% and 33%, a lead.",
    # parts and totals
    "28 groups, including 8 unions and 20 parties. 900 pupils: 500 girls and 480 boys. A total of 300 people were "
    "hurt, 120 in the north and 180 in the south. 48 people were detained in all - 20 on Friday and 28 on Saturday.",
    "Of the 600 staff, 310 stayed; 190 moved and 140 left. Another 190 moved. The remaining 60 retired. 12, 9 and 4 "
    "seats, making a total of 26. 300 and 200 cars, a combined 500. 653 mln dlrs, including 300 mln and 200 mln dlrs.",
    "Of the 600 staff, 45% stayed; 30% and 20%. $5 bn, including 40% and 30%. 5.5 pct, of which 2 pct and 3 pct; "
    "1.20 dlrs a share, including 0.50 and 0.70; 194,000 tonnes, of which 45,000 are grains and 30,000 are oil.",
    "OF THE 600 STAFF, 310 STAYED; 190 MOVED AND 140 LEFT. 900 PUPİLS: 500 GİRLS AND 480 BOYS. A TOTAL OF 30 hurt, "
    "10 here and 20 there. 5 ſeats, 3 and 2 in all.",
    # parts of wholes
    "Of the 368 members, 411 voted. 211 of the 368 members. Sales 50.7 mln vs 41.8 mln\nNet profit 628,000 vs loss "
    "491,000\nRevs 105.0 mln vs 97.3 mln\nThe bank made a net profit of 2,313 billion yuan on revenue of 15 billion.",
    "NET PROFIT 6 MLN VS 5 MLN\nREVS 5 MLN VS 4 MLN\nTURNOVER 9 mln vs 8 mln\nNet 4 mln vs 3 mln\nReveNUES 3 mln vs 2.",
    "Net profit 7 mln vs 6 mln\nſales 5 mln vs 4 mln\nProfit of 9 mln dlrs on ſales of 8 mln dlrs; Net 5 vs 4\nRevſ 3 vs 2",
    ("Of the 368 members, 369 voted; 3 billion 6,500 million yuan; 90 km (56 miles); 522 10,000 units. " * 40
     + "\n\n") * 30,
]


def _texts() -> list[str]:
    texts = list(ODD)
    for folder in ("rules", "claims"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            texts += [text for _, text in read_cases(path)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "articles").glob("*.txt"))]
    return texts


TEXTS = _texts()


def _facts_with_gates_opened(text: str, monkeypatch) -> Facts:
    with monkeypatch.context() as m:
        m.setattr(garbles, "_may_garble", lambda text, quantities, skipped: True)
        m.setattr(garbles, "_may_be_multiplier", lambda t: True)
        m.setattr(_split_figures, "_may_be_single", lambda text, q, end, c: c == "." or (
            q.unit == "percent" and text[q.span.start - 2:q.span.start] == ". "))  # its gate before h-idle
        m.setattr(parts_of_wholes, "_WHOLE_WORDS", ("",))  # "" is in every text
        m.setattr(conversions, "_comma_may_tie", lambda gap, a, b: True)
        return extract(Document(text))


def _parts_totals_before(doc: Document, facts: Facts) -> Facts:
    """rules.parts_totals.extract as it was: every reader asked of every figure, whatever its unit."""
    P = parts_totals
    qs = facts.quantities
    if len(qs) < 3:
        return facts
    text = doc.text
    low = text.lower() if "\u0130" not in text else text.replace("\u0130", "i").lower()
    found = {}
    subset = P._holds_any(low, P._SUBSET_HINTS)
    colon = P._holds_any(low, P._COLON_MARKS)
    total = "total" in low or "all" in low or "altogether" in low
    summed = total or P._holds_any(low, P._SUM_HINTS)
    of = "of" in low or "among" in low
    if not (subset or colon or summed or of):
        return facts
    for k, q in enumerate(qs):
        nxt = qs[k + 1].span.start if k + 1 < len(qs) else q.span.end
        after = low[q.span.end:min(nxt, q.span.end + P._REACH)] if subset or colon or total else ""
        before = low[max(0, q.span.start - 25):q.span.start]
        claim = None
        if subset and nxt - q.span.end < P._REACH and P._holds_any(after, P._SUBSET_HINTS):
            claim = P._subset(text, qs, k) or P._bracketed(text, qs, k)  # (h-partsforms: parts in brackets)
        if claim is None and colon and P._holds_any(after, P._COLON_MARKS):  # (h-partsforms: a dash for the colon)
            claim = P._colon(text, qs, k)
        if claim is None and total and ("total" in before or "all" in after or "total" in after
                                        or "altogether" in after):
            claim = P._total_of(text, qs, k)
        if claim is None and summed and k >= 2 and (P._holds_any(before, P._SUM_HINTS)
                                                    or P._holds_any(low[q.span.end:q.span.end + 40], P._SUM_HINTS)):
            claim = P._parts_before(text, qs, k)
        if claim is None and of and ("of" in before[-12:] or "among" in before[-12:]):
            claim = P._of_the(doc, qs, k)
        if claim is not None:
            found[k] = claim
    index = {q.span: j for j, q in enumerate(qs)}  # (h-partsforms: "Of these," pointing back)
    for pw in facts.part_wholes:
        if pw.link is P.Link.PARAGRAPH and pw.relation == "group" and len(pw.wholes) == 1:
            got = P._of_these(doc, qs, index, pw)
            if got is not None and got[0] not in found:
                found[got[0]] = got[1]
    if not found:
        return facts
    return replace(facts, parts_totals=tuple(sorted(found.values(), key=lambda c: (c.span.start, c.span.end))))


def _differences_before(doc: Document, facts: Facts) -> tuple:
    """rules.differences.extract's claims as they were: every noun read, however few the figures."""
    if not facts.quantities:
        return ()
    quantities = facts.quantities
    starts = {q.span.start: i for i, q in enumerate(quantities)}
    ends = {q.span.end: i for i, q in enumerate(quantities)}
    found = [differences._difference(doc, quantities, starts, ends, m) for m in differences._noun_matches(doc.text)]
    return tuple(c for c in found if c is not None)


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_gated_extractors_read_as_with_their_gates_opened(i, monkeypatch):
    text = TEXTS[i]
    assert extract(Document(text)) == _facts_with_gates_opened(text, monkeypatch)


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_parts_totals_and_differences_read_as_before(i):
    doc = Document(TEXTS[i])
    facts = extract(doc)
    before = replace(facts, parts_totals=(), differences=())
    assert parts_totals.extract(doc, before) == _parts_totals_before(doc, before)
    assert differences.extract(doc, before).differences == _differences_before(doc, before)


def test_the_multiplier_heads_are_where_each_multiplier_pattern_starts():
    """_may_be_multiplier lets through every text _WAN_TEXT or _YI_TEXT matches at its start, in any case."""
    for written in ("10,000", "10 000", "10 thousand", "ten thousand", "100 million", "hundred million",
                    "100,000,000"):
        for form in (written, written.upper(), written.title(), written.replace("s", "\u017f")):
            pattern_reads = garbles._WAN_TEXT.match(form + " units") or garbles._YI_TEXT.match(form + " units")
            assert not pattern_reads or garbles._may_be_multiplier(form + " units"), form
    assert not garbles._may_be_multiplier("10 pct") and not garbles._may_be_multiplier("10 mln")


def test_a_stray_or_lead_point_passes_the_single_gate():
    """The two readings of _split_figures._single on the figures of texts made for them."""
    for text, mended in (("Net 66. mln dlrs", "66"), ("UNITS FOR 50. MLN STG", "50"), ("a fee of . 10 pct", "0.10")):
        facts = extract(Document(text))
        assert any(g.kind == "broken-figure" and g.reading.startswith(mended) for g in facts.garbles), text
