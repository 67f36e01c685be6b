"""Fast paths of the claim extractors (issue 13, speed): each must read what the slow path reads.

Each test runs a fast path and the plain reading it stands in for (the code it replaced, or the same
extractor with its gate lifted) on text written to sit on the gate's edges: years just in and out of
reach, odd case folds ("İ", "ſ", "CAGR"), Unicode digits and white space, figures between sentences,
headlines, and a long document.
"""
from __future__ import annotations

import bisect
import re

import pytest
import regex

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules import claims, periods

LONG = " ".join(f"In {1990 + i % 30} sales rose {i % 97}% to {i * 3} mln dlrs from {i * 2} mln dlrs, "
                f"an average annual rise of {i % 9}.{i % 7} pct over the past decade." for i in range(400))

TEXTS = [
    "Sales rose 5% to 3.1 million units in 2022 from 2.9 million in 2021, the company said.",
    "In 2021 output was 4.4 million tonnes. In 2022 it rose to 5 million tonnes, up 14%.",
    "OUTPUT UP 12 PCT TO 4.4 MLN TONNES\nZambia's output rose 12 pct to 4.4 mln tonnes in 1986 from 3.9 mln.\n\n"
    "Sales fell 120%.   \n\n  Exports 4 and 5 mln.",
    "Revenue grew at a compound annual rate of 7% between 2010 and 2018, from 1.2 bln to 2.1 bln dlrs.",
    "Revenue grew at a CAGR of 7% from 1.2 bln to 2.1 bln dlrs in 2010-18.",
    "Revenue grew at an AVERAGE YEARLY 7 pct from 1.2 bln to 2.1 bln dlrs since 2010, reaching it in 2018.",
    "Revenue grew 7%\u2003a year from 1.2 bln to 2.1 bln dlrs over eight years.",
    "Revenue grew 7% (CAGR) from 1.2 bln to 2.1 bln dlrs over the last decade.",
    "Revenue grew 7%\u00a0annually from 1.2 bln to 2.1 bln dlrs over the last DECADE.",
    "Revenue grew 7%\u2028per annum from 1.2 bln to 2.1 bln dlrs.",
    "Revenue grew 7% per year from 1.2 bln to 2.1 bln dlrs over the İast decade in İstanbul.",
    "Exports roſe 7% to 2.1 bln dlrs in 2019 from 1.9 bln in 2018, an annual average ſlowdown.",
    "Exports rose 7% to 2.1 bln dlrs in \u0662\u0660\u0661\u0669 from 1.9 bln in 20\u0661\u0668.",
    "In 1985 " + "x" * 31 + " sales rose 12 pct to 12 mln dlrs from 10 mln dlrs " + "y" * 19 + " in 1986.",
    "Profit jumped 40 pct to 7 mln dlrs from 5 mln dlrs" + " " * 39 + "in 1987.",
    "Profit jumped 40 pct to 7 mln dlrs from 5 mln dlrs" + " " * 40 + "in 1987.",
    "1920 and 2019: profit fell 20 pct to 4 mln from 5 mln, versus 192019.",
    "Shares of the three regions were 45%, 35% and 30% in 1986, 1987 and 1988, respectively.",
    "Profit rose to 7 mln dlrs from 5 mln.\n\nSales fell to 3 mln from 4 mln dlrs.\n\n\n",
    "5 and 6. 7 and 8! Sales rose 3% to 9 mln from 8.7 mln.",
    "Sales rose 40% from 1.2 mln to 1.7 mln between 2010 and 2018; exports doubled from 3 mln to 6 mln from the 2011 to 2019.",
    "Sales rose 40% from 1.2 mln in 2010 to 1.7 mln, in 2010-18; output fell 10% to 9 mln from 10 mln in 2010– 18.",
    "Output rose 40% to 1.7 mln from 1.2 mln İn 2010 through 2018, and 30% to 5 mln from 4 mln ſince 2011.",
    "Output rose 40% to 1.7 mln from 1.2 mln in 2010" + " " * 20 + "to 2018 and 25% to 5 mln from 4 mln BETWEEN\t2011\nAND 2015.",
    "Output rose 40% to 1.7 mln from 1.2 mln in\x1c2010 to 2018, by 1990 and DURING 2001 and for\u00a02002 it rose.",
    "Output rose 40% to 1.7 mln from 1.2 mln in the 1990s, the 2010 budget, 2019-20, of 2020, since 2012.",
    "No figures here. None at all.",
    "",
    LONG,
]


def _sentences_walked(doc: Document, quantities):
    """What _sentences_with_figures gave before it walked from figure to figure: a walk over every sentence."""
    if len(quantities) < 2 and not (quantities and claims._past_100(quantities[0])):
        return
    starts = [q.span.start for q in quantities]
    last = len(starts) - 1
    qi = 0
    for sent in doc.sentences:
        qi = bisect.bisect_left(starts, sent.start, qi)
        if qi > last:
            return
        qj = bisect.bisect_left(starts, sent.end, qi)
        if qj - qi >= 2 or (qj - qi == 1 and claims._past_100(quantities[qi])):
            yield qi, qj, sent


@pytest.mark.parametrize("text", TEXTS)
def test_the_walk_from_figure_to_figure_finds_every_sentence_with_figures(text):
    doc = Document(text)
    quantities = extract(doc).quantities
    assert list(claims._sentences_with_figures(doc, quantities)) == list(_sentences_walked(doc, quantities))


def test_the_walk_passes_over_figures_outside_every_sentence():
    from statlint.checker.model import Quantity, Span

    doc = Document("Sales rose 5% to 3 mln.\n\n   \n\nProfit fell 10% to 2 mln.")
    ends = doc.sentences.ends
    gap = ends[0] + 1  # in the white space between the two sentences, which no sentence holds
    assert not any(s.start <= gap < s.end for s in doc.sentences)
    q = [Quantity(span=Span(at, at + 1), text="5", value=5, low=5, high=5, unit="percent")
         for at in (11, gap, gap + 1, doc.text.index("10%"), doc.text.index("2 mln"))]
    assert list(claims._sentences_with_figures(doc, q)) == list(_sentences_walked(doc, q))


def _ungated_year_of(text: str, q):
    """year_of as it read before its year gate: both patterns, always."""
    if q.year is not None:
        return q.year
    m = periods._YEAR_AFTER.match(text, q.span.end, q.span.end + periods._WINDOW)
    if m:
        return int(m.group(1))
    m = periods._YEAR_BEFORE.search(text, max(0, q.span.start - periods._WINDOW), q.span.start)
    return int(m.group(1)) if m else None


def _ungated_is_annual(text: str, rate) -> bool:
    return bool(periods._ANNUAL_BEFORE.search(text, max(0, rate.span.start - 50), rate.span.start)
                or periods._ANNUAL_AFTER.match(text, rate.span.end))


@pytest.mark.parametrize("text", TEXTS)
def test_year_of_and_is_annual_read_as_without_their_gates(text):
    for q in extract(Document(text)).quantities:
        assert periods.year_of(text, q) == _ungated_year_of(text, q), q
        assert periods.is_annual(text, q) == _ungated_is_annual(text, q), q


@pytest.mark.parametrize("shape", ["In 1985{gap}12 mln dlrs.", "Profit was 12 mln dlrs{gap}in 1985.",
                                   "Output was 3.4 mln{gap}on an annual basis.", "The annual{gap}rise of 7%."])
def test_the_gates_agree_as_the_words_move_out_of_reach(shape):
    for n in range(1, 60):
        text = shape.format(gap=" " * n)
        for q in extract(Document(text)).quantities:
            assert periods.year_of(text, q) == _ungated_year_of(text, q), n
            assert periods.is_annual(text, q) == _ungated_is_annual(text, q), n


def test_every_character_regex_reads_as_white_space_is_white_space_to_str():
    """is_annual's test before _ANNUAL_AFTER: every branch opens with \\s or "(", and str.isspace() must take
    in every character regex's \\s matches."""
    space = regex.compile(r"\s")
    for cp in range(0x110000):
        c = chr(cp)
        if space.match(c):
            assert c.isspace(), hex(cp)


@pytest.mark.parametrize("text", TEXTS)
def test_periods_read_as_without_their_gates(text, monkeypatch):
    gated = extract(Document(text)).growths
    monkeypatch.setattr(periods, "_may_hold_year", lambda text, start, end: True)
    monkeypatch.setattr(periods, "_year_after_word", lambda text, start, end, words, then=(): True)
    monkeypatch.setattr(periods, "may_contain", lambda text, words: True)
    assert extract(Document(text)).growths == gated


def _words_to_try() -> list[str]:
    words = set()
    for alternation in (claims.UP, claims.DOWN, claims.UP_NOUN, claims.DOWN_NOUN, claims.MULT_VERB):
        for w in claims.words_of(alternation):
            for piece in [w, *w.split(), *w.split("-")]:
                words |= {piece, piece + "s", piece + "es", piece[:-1], piece.upper(), piece.title(), piece + "ed"}
    words |= {"", "hikes", "growths", "Advances", "riſe", "İncrease", "ſurge", "up\u0130", "K"}
    return sorted(w for w in words if len(w.split()) == 1)  # a key is one word of the trigger (_direction)


def test_the_direction_of_a_word_is_the_patterns():
    for key in _words_to_try():
        if key.isascii():
            assert (key.lower() in claims._UP_KEYS) is bool(claims._IS_UP.fullmatch(key)), key
    for key in _words_to_try():
        for verb, noun in ((key, None), (None, key)):
            if not key:
                continue
            t = claims._Trigger(0, len(key), key, 0, None, None, noun, verb)
            expected = claims.Direction.UP if claims._IS_UP.fullmatch(key) else claims.Direction.DOWN
            assert claims._direction(t) is expected, key


@pytest.mark.parametrize("text", TEXTS + [
    "Tax hikes of 5% to 200 mln dlrs from 190 mln were approved; growths of 3% to 9 mln from 8.7 mln followed.",
    "PROFIT ROSE 5 PCT TO 9 MLN DLRS FROM 8.6 MLN. Sales Went Up 3% To 9 Mln From 8.7 Mln.",
    "Sales riſe 3% to 9 mln from 8.7 mln; the İNCREASE of 4% to 10 mln from 9.6 mln followed.",
    "Sales rose sharply and steadily over many long months of trading, to 5 mln and 6 mln; profit doubled, then fell.",
    "Output up, sales down; copper production rose 4% to 5 mln from 4.8 mln while exports fell on weak demand in 1986.",
    "Profit rose to 2.4 mln, or 15 cents per share, from 2.1 mln; revenue grew on a comparable basis to 9 mln.",
])
def test_claims_read_as_without_their_shortcuts(text, monkeypatch):
    gated = extract(Document(text))
    monkeypatch.setattr(claims, "_UP_KEYS", frozenset())
    monkeypatch.setattr(claims, "_FIGURE_TOKEN", "")  # every window read as if it held a figure
    monkeypatch.setattr(claims, "_direction", lambda t: (
        (claims.Direction.DOWN if t.mult.lower() == "halved" else claims.Direction.UP) if t.mult else
        claims.Direction.UP if claims._IS_UP.fullmatch(t.word.split()[-1] if t.verb else t.word.split()[0])
        else claims.Direction.DOWN))
    ungated = extract(Document(text))
    assert ungated.growths == gated.growths and ungated.series == gated.series


_OLD_CLAUSE_END = (r";|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(?=[a-z]+\s+(?:" + claims.UP + "|" + claims.DOWN
                   + r")\b)|:\s")
CLAUSE_TEXTS = [
    "sales rose 5% and profit fell 3%", "output and exports went   up, and imports went down", "Sales And Profit ROSE",
    "and then rosemary", "and prices risen", "and PRICES Went\tUp", "x and y upward", "and exports down-", "and a up",
    "and prices rose_", "and prices riſe", "and prices İncreased", "but; while: whereas", "and  z  wereup", "and q are\ndown",
    "⟨1⟩ and ⟨2⟩ fell", "and sales fall-off", "and sales jumped2", "", "and", "and b c fell",
]


@pytest.mark.parametrize("text", CLAUSE_TEXTS)
def test_the_clause_end_trie_finds_what_the_flat_alternation_found(text):
    old = regex.compile(_OLD_CLAUSE_END, regex.IGNORECASE)
    for start in range(len(text) + 1):
        for end in (len(text), start + 12):
            a, b = old.search(text, start, end), claims._CLAUSE_END.search(text, start, end)
            assert (a and a.span()) == (b and b.span()), (start, end)
    if text.isascii():
        low = text.lower()
        import re
        old_folded = re.compile(_OLD_CLAUSE_END, re.ASCII)
        for start in range(len(low) + 1):
            a, b = old_folded.search(low, start), claims._FOLDED.clause_end.search(low, start)
            assert (a and a.span()) == (b and b.span()), start


SUBJECT_TEXTS = TEXTS + [
    "The index of lagging indicators, which measures past activity, decreased 120% to a loss in 1986.",
    "Net profit, which includes gains,\u2003 fell 135 pct into the red, and sales, that were weak,\x1c fell 112 pct.",
    "A 120% drop In visitors followed; a decline of 150 pct IN sales and a 130% fall\u00a0to\u2028a deficit.",
    "Sales fell 112 pct Into losses, shipments fell 135 pct ınto nothing, output fell 101 pct İn İstanbul.",
]


@pytest.mark.parametrize("text", SUBJECT_TEXTS)
def test_subjects_read_as_without_their_gates(text, monkeypatch):
    from statlint.rules import subjects

    gated = extract(Document(text)).growths
    monkeypatch.setattr(subjects, "_ends_in_comma", lambda text, start, end: True)
    monkeypatch.setattr(subjects, "next_word_may_be", lambda text, end, starts: True)
    assert extract(Document(text)).growths == gated


AFTER_FIGURE = ["", " ", "  more than the 5", "\u2003Higher than 4", " ſmaller than 3", " İn 1986", " in 1986", "\tUP ON 5",
                " down from 4", " of the 5", " Of", " o", " stake in it", " STAKE,", "\u00a0holding.", " interest in",
                " ſhareholding.", " shares", "more than", ",more", " \x1cmore", " as much as 4", " As many as", " into a loss",
                " to a loss", " TO", " ınto", " lower than", " less than", " fewer than", " cheaper than", " dearer than",
                " above the", " below the", " bigger than", " larger", " greater"]


@pytest.mark.parametrize("words", [
    ("more", "higher", "greater", "larger", "bigger", "less", "lower", "smaller", "fewer", "cheaper", "dearer", "above",
     "below", "up", "down"),
    ("stake", "holding", "interest", "shareholding"), ("of", "in", "to", "into"), ("more", "as"),
])
@pytest.mark.parametrize("after", AFTER_FIGURE)
def test_next_word_may_be_passes_every_text_its_words_open(words, after):
    from statlint.rules._claim_gates import next_word_may_be, word_starts

    pattern = regex.compile(r"\s++(?:" + "|".join(words) + ")", regex.IGNORECASE)
    text = "12%" + after
    if pattern.match(text, 3):
        assert next_word_may_be(text, 3, word_starts(words))


COMPARATIVE_TEXTS = TEXTS + [
    "Sales reached 338 million, 55 per cent more than the 253.5 million a year before, and 3 times more than in 1980.",
    "Profit was 40 mln dlrs, 20% HIGHER THAN the 33 mln, and 12 pct above the 35 mln forecast; costs 5% ſmaller than 9 mln.",
    "Output of 12 mln tonnes was 4 pct up on the 11.5 mln, a quarter higher than 9.6 mln, and 3 times as much as 4 mln.",
    "450 arrests, twice as many as the 300 last year; 150 fines, half as many as the 300 before; 40 pct\u2003lower than 66.",
]
SHARE_TEXTS = TEXTS + [
    "It holds a 51% stake in the firm, a 12 pct HOLDING. Its market share of 130% was odd; 60 pct of exports went to Japan.",
    "Market share was 45%, the MARKET SHARE stood at 48 pct, 30% interest in the bank, 20%\u00a0ſhareholding, 25% of the vote.",
    "130% OF fishermen took part; 60 pct\u2003of exports went; 40%\x1cOf the staff; 12% oF its capital; 5% İnterest; "
    "7% Of; 9%of the vote; 50 pct  \u2028 of GDP; \u0661\u0662% of voters said; 8% ſtake in X; 3% stake",
    " ".join(f"Its {i % 90}% {('of the vote', 'stake in it', 'holding.', 'OF exports went', 'market', 'ſhares')[i % 6]},"
             f" market share of {i % 70} pct" for i in range(300)),
]


@pytest.mark.parametrize("text", COMPARATIVE_TEXTS)
def test_comparatives_read_as_without_their_gates(text, monkeypatch):
    from statlint.rules import comparatives

    gated = extract(Document(text)).growths
    monkeypatch.setattr(comparatives, "next_word_may_be", lambda text, end, starts: True)
    assert extract(Document(text)).growths == gated


@pytest.mark.parametrize("text", SHARE_TEXTS)
def test_shares_read_as_without_their_gates(text, monkeypatch):
    from statlint.rules import shares

    gated = extract(Document(text)).shares
    monkeypatch.setattr(shares, "_next_letters", lambda text, end: "")  # every word may follow
    monkeypatch.setattr(shares, "_has_odd_fold", lambda piece: True)
    assert extract(Document(text)).shares == gated


@pytest.mark.parametrize("after", AFTER_FIGURE + ["\x85of", "\u3000OF", " \u0130f", " \u017ftake", "\n\nof", " o\u0130"])
def test_shares_one_walk_reads_as_the_two_gates_it_replaced(after):
    from statlint.rules import shares
    from statlint.rules._claim_gates import next_word_may_be
    from statlint.rules._gates import word_after_spaces

    text = "12%" + after
    letters = shares._next_letters(text, 3)
    of_next = letters is not None and (letters.lower() == "of" or shares._has_odd_fold(letters))
    stake_next = letters is not None and (letters.lower() in shares._STAKE_STARTS or shares._has_odd_fold(letters))
    assert of_next == word_after_spaces(text, 3, "of")
    assert stake_next == next_word_may_be(text, 3, shares._STAKE_STARTS)


@pytest.mark.parametrize("window", ["", "the market share of ", "MARKET share at", "Market", "marke", "mİrket",
                                    "ſhare of the MARKET ", "m\u0130rket", "ma\u017fket", "price of "])
def test_shares_market_gate_is_may_contains(window):
    from statlint.rules import shares
    from statlint.rules._gates import may_contain

    inline = "market" in window.lower() or shares._has_odd_fold(window)
    assert inline == may_contain(window, ("market",))



POLL_TEXTS = TEXTS + [
    "In the poll, 45% said they back the plan. Another 40% opposed it. The rest, 15%, had no view.",
    "A survey of voters found 52% BACKED him, while 41% Opposed him; a further 7% were undecided.",
    "Respondents: 60% approve; the remainder (40%) disapprove. 65% say he should resign; 44% say he should not.",
    "The ballot: 30% voted for, whereas\u2003 25% voted against, and the other\u2014 45% did not know.",
    "In the poll 48% of respondents said yes, and anotheR 30% said no; the REMAINING 22% were unsure.",
    "Polled voters: 50% favoured it, the reſt \u2013 50% ſaid no. WhereaS 20% had no opinion, 80% did.",
    "Another 61% of women did, the other 39% of women did not, in the survey.",
]
CONTINUE_TAILS = ["another ", "Another", "a further", "the rest, ", "The Remainder (", "the remaining\u2014 ", "while",
                  "whereas -", "WHEREAS \u2013", "the other", "the reſt ", "whİle ", "ther", "rest", "x", "", " ,",
                  "the rest,,", "the rest ((", "another\x1c", "the rest\u00a0,\u2003", "forest ", "leather,", "awhile"]


@pytest.mark.parametrize("tail", CONTINUE_TAILS)
def test_may_continue_passes_every_text_its_pattern_matches(tail):
    from statlint.rules import share_splits

    if share_splits._CONTINUES_BEFORE.search(tail, 0, len(tail)):
        assert share_splits._may_continue(tail)


@pytest.mark.parametrize("text", POLL_TEXTS)
def test_share_splits_read_as_without_their_gates(text, monkeypatch):
    from statlint.rules import share_splits

    gated = extract(Document(text)).splits
    monkeypatch.setattr(share_splits, "next_word_may_be", lambda text, end, starts: True)
    monkeypatch.setattr(share_splits, "_may_continue", lambda before: True)
    assert extract(Document(text)).splits == gated


@pytest.mark.parametrize("subject", [
    "net profit", "PROFITS", "the sentiment\u2003index", "Confidence Indicators", "cash  flow", "EBITDA", "ebita",
    "its result", "returns", "YIELDS", "spreads", "growth", "inflation", "the temperature", "value", "prices",
    "losses", "the deficit", "surpluses", "balances", "margins", "earnings", "income", "sales", "shipments", "",
    "reſult", "İncome", "proſit", "marginal", "netting", "the index", "valuation", "a lossmaker", "K", "ne\u0130t",
])
def test_signed_subjects_read_as_the_pattern_reads_them(subject):
    from statlint.rules import subjects

    assert subjects._can_be_negative(subject) is bool(subjects._CAN_BE_NEGATIVE.search(subject))


@pytest.mark.parametrize("text", TEXTS)
def test_the_year_word_gate_passes_every_stretch_its_patterns_read(text):
    for start in range(0, len(text), 7):
        for width in (40, 120, 300):
            end = min(len(text), start + width)
            if periods._YEAR_AFTER.match(text, start, end) or periods._YEAR_BEFORE.search(text, start, end):
                assert periods._year_after_word(text, start, end, periods._YEAR_WORDS), (start, end)
            if periods._YEAR_RANGE.search(text, start, end):
                assert periods._year_after_word(text, start, end, periods._RANGE_WORDS, periods._RANGE_THEN), (start, end)


WORDED_COMPARATIVE_TEXTS = COMPARATIVE_TEXTS + [
    "Half as much again as before, a third more than ever: output of 40 mln was a quarter higher than 32 mln.",
    "Output of 40 mln was a quarter higher than 32 mln, and sales a third more than last year's, twice as many as then.",
    "Sales of 40 mln were half as much again as the 27 mln, while costs rose a fifth more than expected, a third more than",
    "Sales of 40 mln, twice as many as the 20 mln, half as many as 80 mln; it was two-thirds bigger than 24 mln. Twice as",
    "Twice as many as 5 mln: 10 mln. A quarter higher than 4 mln is 5 mln, half as much again as 2 mln is 3 mln.",
    "a third more than 3 mln and 4 mln, half as much again as 2 mln",
]


@pytest.mark.parametrize("text", WORDED_COMPARATIVE_TEXTS)
def test_the_comparatives_in_words_read_as_over_the_whole_text(text, monkeypatch):
    from statlint.rules import comparatives

    gated = extract(Document(text)).growths
    monkeypatch.setattr(comparatives, "_anchor_reach", lambda quantities: (0, 10 ** 9))
    assert extract(Document(text)).growths == gated


SERIES_TEXTS = [
    "Sales were 3 mln, 4 mln and 5 mln in 1985, 1986 and 1987, respectively. Sales rose 20% to 6 mln in 1988.",
    "Sales were 3 mln and 4 mln in 1985 and 1986, respectively.\n\nSales rose 25% to 5 mln in 1987.",
    "Sales were 3 mln and 4 mln in 1985 and 1986, respectively.\n    Sales rose 25% to 5 mln in 1987. Costs fell 2% to 9 mln.",
    "Output rose 5% to 9 mln. Sales were 3 mln and 4 mln in 1985 and 1986, respectively; they rose 25% to 5 mln in 1987.\n\n"
    "Costs were 1 mln and 2 mln in 1986 and 1987, respectively. Costs rose 50% to 3 mln in 1988. Sales rose 9% to 5 mln in "
    "1987.\n\nProfit rose 10% to 4 mln in 1987. Costs were 1 mln and 2 mln in 1986 and 1987, respectively, and rose 50% "
    "to 3 mln in 1988.",
]


def _read_with_every_paragraph_looked_up(doc, facts):
    """claims.extract as it read before it looked a paragraph up only for a series: on every paragraph change."""
    quantities, growths, series = facts.quantities, [], []
    text = doc.text
    folded = text.isascii()
    patterns = claims._FOLDED if folded else claims._UNFOLDED
    by_label, paragraph = {}, None
    for qi, qj, sent in claims._sentences_with_figures(doc, quantities):
        if not claims._may_hold_claim(text, sent, quantities, qi, qj):
            continue
        if paragraph is None or not paragraph.start <= sent.start < paragraph.end:
            paragraph = doc.paragraph_of(sent.start)
            by_label = {}
        skeleton, offsets = claims._skeleton(text, sent, quantities, qi, qj)
        scanned = skeleton.lower() if folded else skeleton
        if not folded or "respectively" in scanned:
            for s in claims._series(skeleton, quantities):
                series.append(s)
                for label in s.labels:
                    by_label.setdefault(label, []).append((s, sent))
        triggers = claims._read_triggers(patterns.trigger, scanned)
        found = claims._growths(text, skeleton, scanned, patterns, triggers, offsets, quantities)
        growths.extend(claims._with_series_base(c, text, sent, by_label) for c in found)
    return tuple(growths), tuple(series)


@pytest.mark.parametrize("text", SERIES_TEXTS + TEXTS)
def test_series_bases_are_read_within_their_paragraph_as_before(text, monkeypatch):
    from statlint.rules import EXTRACTORS

    doc, facts = Document(text), None
    from statlint.checker.model import Facts
    facts = Facts()
    for e in EXTRACTORS:
        if e is claims.extract:
            break
        facts = e(doc, facts)
    new = claims.extract(doc, facts)
    assert (new.growths, new.series) == _read_with_every_paragraph_looked_up(Document(text), facts)


MENTION_TEXTS = TEXTS + [
    "Unemployment stood at 95% last month; the JOBLESS RATE was 55 pct, turnout was 120%, and GDP growth of 45% a year.",
    "The approval rating hit 105%, the literacy rate reached 101 pct; the passenger load factor went up to 105%.",
    "Unemployment fell 50 pct; the labour force participation rate was 9% higher; the employment rate of 101% rose.",
    "The pass rate stood at 110%, the \u0130obless rate at 5%, turnoſt was 130%, \u0130iteracy rate 120%, ratİng 101%.",
    "Voter turnout\u2003was\u00a0\u0661\u0662\u0660%, unemployment in Spain last year was unchanged at 99% a year increase.",
    " ".join(f"Its unemployment rate was {i % 130}% and turnout {i % 90} pct, growth of {i % 70}% in {1990 + i % 30}."
             for i in range(300)),
]


@pytest.mark.parametrize("text", MENTION_TEXTS)
def test_mentions_read_as_without_their_gates(text, monkeypatch):
    from statlint.rules import mentions

    gated = extract(Document(text)).mentions
    monkeypatch.setattr(mentions, "_holds_any", lambda lowered, words: True)
    assert extract(Document(text)).mentions == gated


@pytest.mark.parametrize("window", ["", "Unemployment stood at ", "the JOBLESS rate", "pass rate", "passenger",
                                    "load facTor", "\u0130iteracy", "turnoſt", "growTH", "rating", "x" * 70])
def test_mentions_one_lowered_window_is_may_contain(window):
    from statlint.rules import mentions
    from statlint.rules._gates import may_contain

    odd = not window.isascii() and ("\u0130" in window or "\u017f" in window)
    for _, _, required in mentions.MEASURES:
        for words in required:
            assert (odd or mentions._holds_any(window.lower(), words)) == may_contain(window, words)
    assert (odd or mentions._holds_any(window.lower(), mentions._MEASURE_WORDS)) == may_contain(window, mentions._MEASURE_WORDS)


# Texts on the edges of the trigger scan's look-ahead and of the per-document gate: trigger words in every
# case, glued to figures and to other words ("upward", "5up", "cutback"), split over white space ("went\u2003up",
# "was\nDOWN"), folded oddly ("riſe", "İNCREASE", the Kelvin sign), Unicode digits, no rate and no base word,
# a base word only in another case ("FROM", "From", "Versus"), one percentage above 100, and a long document.
TRIGGER_TEXTS = TEXTS + [
    "Sales Went\u2003Up 3% to 9 mln from 8.7 mln; profit was\nDOWN 2 pct, upward 5 mln, 5up 6 mln, a cutback of 7 mln.",
    "Tax hikes of 5% to 200 mln dlrs, growths of 3% to 9 mln, the fall-off of 4 mln to 3 mln, a 5% year-on-year rise.",
    "Sales riſe 3% to 9 mln FROM 8.7 mln; the İNCREASE of 4% to 10 mln; a \u212aelvin drop of 2 to 3 mln.",
    "Output doubled to 6 mln tonnes in 1986 and 7 mln in 1987; exports doubledecker 4 mln, halvedx 3 mln.",
    "Exports rose to \u0665 mln dlrs From 4 mln dlrs; imports fell to 3 mln Versus 4 mln, VS 5 mln.",
    "The company employs 5,000 people in 12 plants and sold 3 mln cars in 1986 and 2 mln in 1985.",
    "Group sales reached 4 mln dlrs, with 3 mln dlrs abroad. Profit stood at 2 mln dlrs and 1 mln dlrs.",
    "Costs were 4 mln and 5 mln dlrs in 1986 and 1987 ReSpEcTiVeLy, and sales 6 and 7 mln.",
    "Sales fell 120%.",
    "Sales fell 120 mln.",
    # each base word alone, with no rate ("versus" in a claim, the others in its sentence), and each rate unit
    # with no base word
    "Profit rose to 5 mln dlrs versus 4 mln dlrs.", "Profit rose to 5 mln dlrs vs 4 mln dlrs.",
    "PROFIT ROSE TO 5 MLN DLRS VS 4 MLN DLRS.", "Profit rose to 5 mln dlrs FROM 4 mln dlrs.",
    "Profit rose to 5 mln dlrs, From the 4 mln dlrs.", "Sales rose to 5 mln dlrs and 6 mln dlrs, respectively.",
    "Sales rose three times to 6 mln dlrs.", "Sales tripled to 6 mln dlrs and 7 mln dlrs.",
    "The rate rose 2 percentage points to 7 mln.", "Sales rose 4% to 7 mln.",
    " ".join(f"Unit {i} made {i * 3} mln dlrs and {i * 2} mln dlrs in {1990 + i % 30}, a gain." for i in range(300)),
    " ".join(f"Unit {i} rose {i % 50}% to {i * 3} mln dlrs From {i * 2} mln, up {i}%, and was Down {i} mln."
             for i in range(300)),
]


def _trigger_without_look_ahead(pattern):
    """The trigger pattern as it was before the look-ahead of _TRIGGER_WORD_P, compiled as `pattern` is."""
    look_ahead = r"\b(?=(?:" + claims._TRIGGER_WORD_P + "))"
    assert pattern.pattern.count(look_ahead) == 1
    source = pattern.pattern.replace(look_ahead, r"\b")
    return regex.compile(source, pattern.flags) if isinstance(pattern, regex.Pattern) else re.compile(source, pattern.flags)


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_the_trigger_scan_with_its_look_ahead_finds_what_it_found_without(text):
    """Every skeleton of the text (and the text itself) is scanned by both patterns, each set of patterns
    on what it reads: the folded ones on the lower-cased ASCII skeleton, the `regex` ones as written."""
    doc = Document(text)
    quantities = extract(doc).quantities
    scanned = [text, text.lower()]
    for qi, qj, sent in claims._sentences_with_figures(doc, quantities):
        scanned.append(claims._skeleton(text, sent, quantities, qi, qj)[0])
    for skeleton in scanned:
        for patterns in ([claims._UNFOLDED] + ([claims._FOLDED] if skeleton.isascii() else [])):
            what = skeleton.lower() if patterns is claims._FOLDED else skeleton
            new, old = patterns.trigger, _trigger_without_look_ahead(patterns.trigger)
            assert [m.span() + m.groups() for m in new.finditer(what)] == \
                [m.span() + m.groups() for m in old.finditer(what)], what


def test_the_trigger_look_ahead_turns_away_no_word_a_branch_opens():
    """Each trigger word at every place (after a space, a figure's token, a bracket, a hyphen; in three cases)
    is found as the pattern without the look-ahead finds it."""
    for word in _words_to_try() + ["went up", "Was\tDown", "go  UP", "fall-off", "increases of ⟨1⟩"]:
        for before in ("", " ", "⟨0⟩ ", "(", "-", "x", "5"):
            for after in ("", " ", " by ⟨2⟩", "s of ⟨3⟩", "ed", "-", "."):
                text = before + word + after
                for patterns in (claims._UNFOLDED, claims._FOLDED):
                    if patterns is claims._FOLDED and not text.isascii():
                        continue
                    what = text.lower() if patterns is claims._FOLDED else text
                    old = _trigger_without_look_ahead(patterns.trigger)
                    assert [m.span() + m.groups() for m in patterns.trigger.finditer(what)] == \
                        [m.span() + m.groups() for m in old.finditer(what)], what


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_claims_read_as_without_the_document_gate(text, monkeypatch):
    from statlint.checker.model import Facts
    from statlint.rules import EXTRACTORS

    doc, facts = Document(text), Facts()
    for e in EXTRACTORS:
        if e is claims.extract:
            break
        facts = e(doc, facts)
    gated = claims.extract(doc, facts)
    if not claims._may_hold_claims(text, facts.quantities):
        # the gate's promise, sentence by sentence: none holds two figures (or one above 100 %) and passes
        assert not any(claims._may_hold_claim(text, sent, facts.quantities, qi, qj)
                       for qi, qj, sent in claims._sentences_with_figures(Document(text), facts.quantities))
    monkeypatch.setattr(claims, "_may_hold_claims", lambda text, quantities: True)
    ungated = claims.extract(Document(text), facts)
    assert (ungated.growths, ungated.series) == (gated.growths, gated.series)


HEADLINES = [
    "ACME CORP 1ST QTR NET PROFIT 5.1 MLN DLRS\nAcme Corp said its first quarter net profit was 4.8 mln dlrs.",
    "Exports rise 5% in March\n\nExports rose 5.2% in March to 4 mln dlrs, and revenues were 3 mln dlrs a year.",
    "THE OF IN A 1986 SALES REVS GDP QTR 12 PCT UP THE AND OF REVENUES PRICES\nSales rose 12 pct, revs 11.6 pct.",
    "GROSS DOMESTIC PRODUCT RISES 4.4 PCT <ACME.T> <BHP.AX> INFLATION OF\nGross domestic product grew 4.2 pct; CPI 4 pct.",
    "İNCOME 7 MLN ſALES DOWN OUTPUT'S EXPORT-LED\nIncome was 7 mln; output's export-led sales fell to 6.5 mln.",
    "5 MLN\nProfit was 5 mln dlrs, 0 dlrs, -4 mln dlrs, 50 mln dlrs, 0.5 mln dlrs, 0.51 mln dlrs, 49.9 mln dlrs.",
    "A B C D E F G H 9 BLN DLRS PER YEAR\nThe 9 bln dlrs a year plan, 8.5 bln dlrs/year, 10 pct.",
    " ".join(["WORD"] * 40) + " 3 PCT " + " ".join(["OTHER"] * 20) + "\nWords rose 3.1 pct and others 2 pct.",
]


def _old_headline_words(text, hl_end, q):
    """headline_words as it was: every word's key made, the last and first few kept."""
    from statlint.rules import _headline as H

    before = H._abbreviated(H._TICKER.sub(" ", text[:q.span.start]))
    after = H._abbreviated(H._TICKER.sub(" ", text[q.span.end:hl_end]))
    words = [w for w in H._WORD.findall(before) if H.measure_key(w)][-H._WINDOW_WORDS:]
    words += [w for w in H._WORD.findall(after) if H.measure_key(w)][:H._WINDOW_WORDS]
    return {H.measure_key(w) for w in words}


@pytest.mark.parametrize("text", HEADLINES + TEXTS[:-1])
def test_headline_words_and_candidates_read_as_before(text):
    """Every figure tried as a headline's (the line up to it and after it as the headline), and against every
    other figure as the body's."""
    from statlint.rules import _headline as H

    quantities = extract(Document(text)).quantities
    hl_end = H.headline_end(text) or len(text)
    for q in quantities:
        assert H.headline_words(text, hl_end, q) == _old_headline_words(text, hl_end, q), q
        assert H._candidates(q, quantities) == [b for b in quantities if H._comparable(q, b)], q
