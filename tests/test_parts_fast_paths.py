"""The fast paths of h-parts' extractors read exactly what the plain code they replaced read.

Each test runs the new code and the old one (kept here, word for word, as the reference) over every rule
and claim fixture, the article fixtures and odd texts (Unicode digits, "İ"/"ſ", non-ASCII letters, very
long documents), and asks for the same answer.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from fixture_cases import read_cases

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.checker.model import Facts
from statlint.checker.units import DURATIONS
from statlint.rules import _headline, parts_of_wholes
from statlint.rules._gates import may_contain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ODD = [
    "",
    "Of the 368 members, 411 voted. The plant employs 386 workers. Of these, 412 live in the town.",
    "The plant employs 386 workers.\nOF THESE, 412 live in the town. Of tHoſe, 3 left. OF THEM 2 stayed.",
    "The firm has 300 staff. 320 of them work abroad; of thiſ total, 12 are new. Among thoſe, 40 quit.",
    "The union has 368 members; of whom 411 voted, and 290,000 jobs (only 360,000 of which were census workers).",
    "Of the ٣٦٨ members, ٤١١ voted. Of the 1,000 İnvestors, 2,000 sold. Ünter den 50 Städten, 400 Kreise.",
    "Sales 50.7 mln vs 41.8 mln\nNet profit 628,000 vs loss 491,000\nRevs 105.0 mln vs 97.3 mln\n",
    "The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.",
    "Of the 368 members \u2014 411 voted \u2013 and 5 of the 4 seats; 7: of them 9.",
    ("Of the 368 members, 369 voted. " * 40 + "\n\n") * 30,
    "The 12 mines employ 1,400 people.\n\nOf these, 1,500 work underground. Of those 20 mines, 30 closed.",
    # "İ" before the readings (str.lower() makes it two characters: _groups must not slice a lowered copy)
    "İİİ İstanbul has 386 workers. Of these, 412 live in the town; 30 of the 20 mines closed. 5 of thoſe left.",
    "The plant employs 386 workers. Of these, 412 live in the town; 30 of the 20 mines closed, 7 of them new.",
]


def _texts() -> list[str]:
    texts = list(ODD)
    for folder in ("rules", "claims"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            texts += [text for _, text in read_cases(path)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "articles").glob("*.txt"))]
    return texts


TEXTS = _texts()


# --- rules.parts_of_wholes, as it was -------------------------------------------------------------------

def _same_kind_before(part, whole) -> bool:
    bare = part.unit == "count" and (part.noun is None or part.noun.lower() in parts_of_wholes._AFTER_PART) \
        and whole.unit not in DURATIONS
    if part.value < 1 or part.high < whole.low / 1000:
        return False
    return (part.unit == whole.unit or bare) and part.kind == whole.kind == "level" \
        and not part.is_percent and not whole.is_percent \
        and part.low > 0 and whole.low > 0 and "malformed" not in (part.grouping, whole.grouping)


def _groups_before(doc, quantities):
    if not may_contain(doc.text, parts_of_wholes._GATE):
        return []
    out = []
    text = doc.text
    for i in range(1, len(quantities)):
        b = quantities[i]
        claim = parts_of_wholes._group_pair(doc, quantities[i - 1], b)
        if claim is None and (parts_of_wholes._of_them_after(text, b.span.end)
                              or may_contain(" ".join(text[max(0, b.span.start - 40):b.span.start].split()),
                                             parts_of_wholes._BACK)):
            claim = parts_of_wholes._group_before(doc, quantities, i)
        if claim is not None:
            out.append(claim)
    return out


def _quantities(text: str):
    doc = Document(text)
    return doc, extract(doc).quantities


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_groups_read_as_before(i):
    doc, quantities = _quantities(TEXTS[i])
    if len(quantities) < 2:
        return
    assert parts_of_wholes._groups(doc, quantities) == _groups_before(doc, quantities)


def test_same_kind_reads_as_before_on_every_pair():
    figures = [q for text in TEXTS for q in _quantities(text)[1]]
    figures = figures[:400]
    for a, b in itertools.product(figures, repeat=2):
        assert parts_of_wholes._same_kind(a, b) == _same_kind_before(a, b), (a, b)


def test_the_pauses_written_out_are_the_pauses():
    """_group_pair tests each of _PAUSES by name: the list and the tests must not drift apart."""
    assert set(parts_of_wholes._PAUSES) == {",", ";", ":", "\u2014", "\u2013"}


def test_the_back_words_are_in_every_pointing_back():
    """_groups skips the sentence-opening reading in a document without one of _BACK_WORDS: each alternative
    the two patterns accept after "of"/"among" holds one."""
    for pattern, alternatives in ((parts_of_wholes._OF_THESE_OPENING, "them|these|those|this total|that total"),
                                  (parts_of_wholes._OF_THEM_AFTER, "them|these|those")):
        source = pattern.pattern.replace("\\s+", " ")
        assert source.count("(?:them") == 1
        assert "(?:" + alternatives + ")" in source
        for alternative in alternatives.split("|"):
            assert any(w in alternative for w in parts_of_wholes._BACK_WORDS)


def test_extract_reads_as_before_on_odd_texts():
    for text in ODD:
        doc, quantities = _quantities(text)
        facts = Facts(quantities=quantities)
        got = parts_of_wholes.extract(doc, facts).part_wholes
        if len(quantities) < 2:
            assert got == ()
            continue
        from statlint.rules._earnings import profits_on_revenue
        from statlint.rules._earnings_tables import profit_rows
        tables, rows = profit_rows(doc, quantities)
        claims = tables + profits_on_revenue(doc, quantities, skip=lambda q: rows.holds(q.span.start)) \
            + _groups_before(doc, quantities)
        claims.sort(key=lambda c: c.span.start)
        assert got == tuple(claims)


# --- rules._headline, as it was -------------------------------------------------------------------------

def _links_before(doc, facts):
    """_headline.links with every body figure's context stemmed whole."""
    H = _headline
    text = doc.text
    hl_end = H.headline_end(text)
    if not hl_end:
        return []
    quantities = facts.quantities
    heads = [q for q in quantities if q.span.end <= hl_end and H._headline_figure(text, q)]
    body = tuple(q for q in quantities if q.span.start > hl_end)
    out = []
    for h in heads:
        cands = [b for b in body if H._comparable(h, b)]
        if not cands:
            continue
        hwords = H.headline_words(text, hl_end, h)
        if not hwords:
            continue
        linked = tuple(b for b in cands if (hwords & H._context_words(text, hl_end, b)) - H._DIRECTIONS)
        if linked:
            out.append((h, linked))
    return out


HEADLINED = [
    "NET PROFIT RISES 12 PCT TO 5.1 MLN DLRS\nNet profit rose 12 pct to 5.1 mln dlrs, and the profits of "
    "the unit were 4.0 mln dlrs. Revs were 50 mln dlrs.\n",
    "QTR SHR PROFIT 3.2 MLN DLRS VS 2.9 MLN\nThe quarter's profit was 3.3 mln dlrs; its qtr earnings 3.1 mln dlrs.\n",
    "Inflation falls to 3.5% in March\n\nConsumer prices fell to 3.5%, the CPI index 3.4% and living costs 3.6%.\n",
    "GDP GROWTH OF 4.4 PCT\nGross domestic product is expected to grow by 6.2 pct; Gross National Product 4 pct.\n",
    "ACME SELLS UNIT FOR 120 MLN DLRS\nAcme said it sold the unit for 125 mln dlrs; "
    "Acme'S 'sold' -sold- 100 mln dlrs.\n",
    "JOBLESS RATE 7.2 PCT\nUnemployment was 7.2 pct, the jobless rate 7.1 pct, İnflation 7 pct, ſales 7 pct.\n",
]


@pytest.mark.parametrize("text", HEADLINED + TEXTS, ids=range(len(HEADLINED) + len(TEXTS)))
def test_headline_links_read_as_before(text):
    doc = Document(text)
    facts = extract(doc)
    got = [(link.head, link.linked) for link in _headline.links(doc, facts)]
    assert got == _links_before(doc, facts)


def test_a_word_that_stems_to_a_measure_starts_with_a_needle():
    """_needles: every word measure_key maps into a set of stems starts, lower-cased, with one of its needles."""
    words = set(_headline._SYNONYMS) | set(_headline._STOP)
    for text in HEADLINED + TEXTS:
        words |= set(_headline._WORD.findall(text))
    words |= {w.upper() for w in list(words)} | {w.capitalize() + "'s" for w in list(words)}
    stems = {s for s in map(_headline.measure_key, words) if s}
    for stem in stems:
        needles = _headline._needles({stem})
        for word in words:
            if _headline.measure_key(word) == stem:
                assert word.lower().startswith(needles), (word, stem)


# --- rules.differences ------------------------------------------------------------------------------------

NOUN_TEXTS = [
    "a gap of 12 points, a LEAD of 3, the Margin, a difference; spread-eagle, gap's, Gap.",
    "misleading gaps margins spreadsheet indifference leader", "gapgap leadlead gap,gap lead-lead",
    "margİn ſpread gap", "marg\u0131n (dotless) and \u212a lead \u00e9gap gap\u00e9 gap1 1gap _gap gap_",
    "Labour is on 41% and the Conservatives on 33%, an eight-point lead. " * 200,
    "ÂŁ5m gap – “lead” ‘margin’ — difference… spread\u00a0gap\u200bgap", "",
]


@pytest.mark.parametrize("text", NOUN_TEXTS + TEXTS, ids=range(len(NOUN_TEXTS) + len(TEXTS)))
def test_difference_nouns_are_found_as_finditer_finds_them(text):
    from statlint.rules import differences

    got = [(m.span(), m.group()) for m in differences._noun_matches(text)]
    assert got == [(m.span(), m.group()) for m in differences._NOUN.finditer(text)]


# --- rules._earnings ------------------------------------------------------------------------------------

EARNINGS = [
    "The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.",
    "Acme earned 12 mln dlrs on SALES of 10 mln dlrs; its profit was 3 mln dlrs.",
    "Acme earned 12 mln dlrs on ſales of 10 mln dlrs.", "Acme earned 12 mln dlrs on revenue of 10 mln dlrs.",
    "The net income was 5 mln dlrs and the TURNOVER 4 mln dlrs.", "Profit of 5 mln dlrs, up from 4 mln dlrs.",
    "İncome of 5 mln dlrs on revenues of 4 mln dlrs.", "Earnings 3 mln dlrs, sales 2 mln dlrs. " * 200,
]


@pytest.mark.parametrize("text", EARNINGS + TEXTS, ids=range(len(EARNINGS) + len(TEXTS)))
def test_profits_on_revenue_read_as_before(text, monkeypatch):
    """The gate on the revenue words (_WHOLE_WORDS) over the whole text changes no claim: the same with that
    one test always passing."""
    from statlint.rules import _earnings

    doc, quantities = _quantities(text)
    got = _earnings.profits_on_revenue(doc, quantities)
    if not may_contain(text, _earnings.PART_WORDS):
        assert got == []
        return
    monkeypatch.setattr(_earnings, "may_contain",
                        lambda t, words: (t is text and words is _earnings._WHOLE_WORDS) or may_contain(t, words))
    assert _earnings.profits_on_revenue(doc, quantities) == got


# --- rules.parts_totals, as it was ------------------------------------------------------------------------

def _parts_totals_before(doc, facts):
    from statlint.rules import parts_totals as P

    qs = facts.quantities
    if len(qs) < 3:
        return ()
    text = doc.text
    low = text.replace("\u0130", "i").lower()  # as fixed in h-parts2: "İ".lower() is two characters
    found = {}
    for k, q in enumerate(qs):
        nxt = qs[k + 1].span.start if k + 1 < len(qs) else q.span.end
        after = low[q.span.end:min(nxt, q.span.end + P._REACH)]
        before = low[max(0, q.span.start - 25):q.span.start]
        claim = None
        if nxt - q.span.end < P._REACH and P._holds_any(after, P._SUBSET_HINTS):
            claim = P._subset(text, qs, k) or P._bracketed(text, qs, k)  # (h-partsforms: parts in brackets)
        if q.unit != "count":  # (h-partsforms: amounts before a sum in their unit)
            if claim is None and k >= 2 and qs[k - 1].unit == q.unit and (
                    P._holds_any(before, P._SUM_HINTS) or P._holds_any(low[q.span.end:q.span.end + 40], P._SUM_HINTS)):
                claim = P._parts_before(text, qs, k)
            if claim is not None:
                found[k] = claim
            continue
        if claim is None and P._holds_any(after, P._COLON_MARKS):  # (h-partsforms: a dash for the colon)
            claim = P._colon(text, qs, k)
        if claim is None and ("total" in before or "all" in after or "total" in after or "altogether" in after):
            claim = P._total_of(text, qs, k)
        if claim is None and k >= 2 and (P._holds_any(before, P._SUM_HINTS)
                                         or P._holds_any(low[q.span.end:q.span.end + 40], P._SUM_HINTS)):
            claim = P._parts_before(text, qs, k)
        if claim is None and ("of" in before[-12:] or "among" in before[-12:]):
            claim = P._of_the(doc, qs, k)
        if claim is not None:
            found[k] = claim
    index = {q.span: j for j, q in enumerate(qs)}  # (h-partsforms: "Of these," pointing back)
    for pw in facts.part_wholes:
        if pw.link is P.Link.PARAGRAPH and pw.relation == "group" and len(pw.wholes) == 1:
            got = P._of_these(doc, qs, index, pw)
            if got is not None and got[0] not in found:
                found[got[0]] = got[1]
    return tuple(sorted(found.values(), key=lambda c: (c.span.start, c.span.end)))


PARTS_TOTALS = [
    "28 groups, including 8 unions and 20 parties. 900 pupils: 500 girls and 480 boys.",
    "A total of 300 people were hurt, 120 in the north and 180 in the south.",
    "48 people were detained in all - 20 on Friday and 28 on Saturday.",
    "Of the 600 staff, 310 stayed; 190 moved and 140 left. Another 90 retired.",
    "300 and 200 cars, a combined 500. 12, 13 and 14, making a total of 40.",
    "ALL 300 PEOPLE, INCLUDING 100 WOMEN AND 250 MEN", "3 x 4 y 5 z", "1 2 3 of 4 among 5",
    "İncluding 8 of 28 groups: 8, 20; ſum 3 and 4 in all.", "Ünter 28 Gruppen: 8 und 20. " * 50,
]


@pytest.mark.parametrize("text", PARTS_TOTALS + TEXTS, ids=range(len(PARTS_TOTALS) + len(TEXTS)))
def test_parts_totals_read_as_before(text):
    from statlint.rules import parts_totals

    doc = Document(text)
    facts = extract(doc)
    facts = Facts(quantities=facts.quantities, part_wholes=facts.part_wholes)
    assert parts_totals.extract(doc, facts).parts_totals == _parts_totals_before(doc, facts)


# --- rules._earnings_tables -------------------------------------------------------------------------------

TABLES = [
    "Shr 1.20 dlrs vs 1.10 dlrs\nNet profit 628,000 vs loss 491,000\nSales 50.7 mln vs 41.8 mln\n"
    "1985 net includes a pretax gain of nine mln dlrs.\n",
    "Net 5,000,000 vs 4,000,000\nRevs 3.71 billion vs 3.2 billion\nNote: 12 mln dlrs gain.\n",
    "Oper net loss 1.2 mln vs profit 300,000\nTurnover 12.0 mln vs 11.0 mln\n",
    "Sales 5,042,000 vs nil\nNet profit 6,000,000 vs nil\n", "Avg shrs 12 mln vs 11 mln\nProfit 3 vs 2\n",
]


@pytest.mark.parametrize("text", TABLES + TEXTS, ids=range(len(TABLES) + len(TEXTS)))
def test_profit_rows_margin_is_the_largest_figure_off_the_rows(text):
    """profit_rows works out the margin only for a table with a claim: it is the value every claim had."""
    from statlint.rules._earnings import is_money
    from statlint.rules._earnings_tables import profit_rows

    doc, quantities = _quantities(text)
    claims, rows = profit_rows(doc, quantities)
    other = max((q.value for q in quantities if (is_money(q) or q.unit == "count") and q.kind == "level"
                 and not rows.holds(q.span.start)), default=0.0)
    assert all(c.margin == other for c in claims)


# --- rules.statements: the quarter gate -------------------------------------------------------------------

QUARTER_ODD = ["Exports fell 1.2% in q3.", "Exports fell 1.2% in qUARTER 3", "grew 2% in the third qUaRtEr",
               "the first-QUARTER growth of 3% was weak", "In Q4, sales rose 3%.", "q", "xq", "q5 q0 q", "qu",
               "equity rose 4% in the third quarteR", "İn q1 ſales rose 3%", "In the third quarter, output rose 2%.",
               "Exports fell 1.2% in ｑ3 and ٣ quarters", "the third Quarter growth of 2%", "q" * 5000 + " q4"]


def test_a_text_passed_over_names_no_quarter():
    """_may_name_a_quarter is False only where none of the three patterns that read a quarter matches (every
    fixture and odd text), and True wherever a quarter word is, in any case."""
    from statlint.rules import statements as S
    for text in QUARTER_ODD + TEXTS:
        if not S._may_name_a_quarter(text):
            for pattern in (S._QUARTER_AFTER, S._QUARTER_BEFORE, S._RATE_NOUN_BEFORE):
                assert pattern.search(text) is None, (text[:80], pattern)
        if any(w in text.lower() for w in S._QUARTER_WORDS):
            assert S._may_name_a_quarter(text), text[:80]
    assert [S._may_name_a_quarter(t) for t in QUARTER_ODD[:6]] == [True, True, True, True, True, False]
