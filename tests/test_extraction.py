"""The number reader: what is read, as what value, unit and interval, and what is left alone."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statlint import extract_quantities
from statlint.checker.numbers import parse_numeral, rounding_interval, words_value


def _read(text):
    return [(q.text, q.value, q.unit, q.bound) for q in extract_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("rose 23.7 pct to 167.4 mln dlrs", [("23.7 pct", 23.7, "percent", "="), ("167.4 mln dlrs", 167.4e6, "USD", "=")]),
    ("1,234,000 and 1,00,000 rupees", [("1,234,000", 1234000, "INR", "="), ("1,00,000 rupees", 100000, "INR", "=")]),
    ("about 7-1/2 pct", [("7-1/2 pct", 7.5, "percent", "~")]),
    ("more than $3.5 billion", [("$3.5 billion", 3.5e9, "USD", ">")]),
    ("US$ 50 mln and EUR 13.1 mn", [("US$ 50 mln", 50e6, "USD", "="), ("EUR 13.1 mn", 13.1e6, "EUR", "=")]),
    ("£7.5m ($14.6bn)", [("£7.5m", 7.5e6, "GBP", "="), ("$14.6bn", 14.6e9, "USD", "=")]),
    ("540bn yen", [("540bn yen", 540e9, "JPY", "=")]),
    ("1.5 percentage points and 25 basis points",
     [("1.5 percentage points", 1.5, "percentage_point", "="), ("25 basis points", 0.25, "percentage_point", "=")]),
    ("a 19-fold rise", [("19-fold", 19, "times", "=")]),
    ("-3.2% and −5 pct", [("-3.2%", -3.2, "percent", "="), ("−5 pct", -5, "percent", "=")]),
    ("twenty-one people, a dozen eggs, two million barrels",
     [("twenty-one", 21, "count", "="), ("a dozen", 12, "count", "="), ("two million barrels", 2e6, "barrel", "=")]),
    ("62 miles", [("62 miles", 62, "mile", "=")]),
    ("3-5 million", [("3-5 million", 4e6, "count", "=")]),
    ("temperature of 420 ± 30 K", [("420 ± 30 K", 420, "kelvin", "~")]),
    ("CPI 3.2 pct and OPEC 15.8 mln bpd", [("3.2 pct", 3.2, "percent", "="), ("15.8 mln bpd", 15.8e6, "barrel/day", "=")]),
    ("the dollar at 1.5798/808 marks", [("1.5798/808 marks", 1.5798, "DEM", "=")]),
    ("it cost 100m dollars, a 100m sprint", [("100m dollars", 1e8, "USD", "="), ("100", 100, "count", "=")]),
    ("5 mİ away and 3 kmſ", [("5", 5, "count", "="), ("3", 3, "count", "=")]),  # no KeyError on odd case folds
])
def test_reads_value_unit_and_bound(text, expected):
    got = _read(text)
    assert [(t, u, b) for t, _, u, b in got] == [(t, u, b) for t, _, u, b in expected]
    for (_, v, _, _), (_, w, _, _) in zip(got, expected):
        assert math.isclose(v, w, rel_tol=1e-9)


@pytest.mark.parametrize("text", [
    "Boeing 737", "COVID-19", "G20 summit", "Section 427", "Feb 26, 1987", "at 10:30", "the 21st century",
    "in 2023", "Figures 3A and 3C", "biofilms [33,42]", "year−1", "(1) the diameter", "Published 09.02.2023",
    "the 1987-88 season", "call 555-1234", "OAE 2 interval", "Voyager mission. Later Voyager 2 flew by",
    "(phase 1)", "ash layers (Fig. 3).", "(LEO 1525 field emission)",
])
def test_names_dates_and_labels_are_not_quantities(text):
    assert [q.text for q in extract_quantities(text)] == []


def test_intervals_follow_the_wording():
    [q] = extract_quantities("5.22 million units")
    assert (q.low, q.high) == pytest.approx((5.215e6, 5.23e6))
    [q] = extract_quantities("more than 3 million")
    assert q.low == 3e6 and math.isinf(q.high)
    [q] = extract_quantities("about 60%")
    assert q.low <= 54 and q.high >= 66
    [q] = extract_quantities("up to 40 pct")
    assert q.low == 0 and q.high == 40


def test_up_to_after_a_verb_of_movement_is_where_the_level_went():
    """ "the jobless rate went up to 5.5%" is a level of 5.5%, not a ceiling (P105 read "up to 55%" as 0-55)."""
    for text in ("the rate went up to 5.5%", "it edged up to 5.5%", "the rate ticked up to 5.5%"):
        [q] = extract_quantities(text)
        assert (q.bound, q.low, q.high) == ("=", pytest.approx(5.45), pytest.approx(5.6)), text
    [q] = extract_quantities("savings of up to 5.5%")
    assert (q.bound, q.low) == ("<", 0)


def test_numeral_grouping_kinds():
    assert parse_numeral("4,178,027").grouping == "standard"
    assert parse_numeral("1,00,000").grouping == "indian"
    assert parse_numeral("2.313.000.000").grouping == "dotted"
    assert parse_numeral("2.000,00").grouping == "european"
    for bad in ("4178,027", "5.17,000", "6,306,0000"):
        assert parse_numeral(bad).grouping == "malformed"
    assert parse_numeral("4178,027").value == 4178027


def test_words_and_rounding():
    assert words_value("one hundred and five") == 105
    assert words_value("twenty-one") == 21
    assert words_value("banana") is None
    low, high = rounding_interval(35, 0, 0)
    assert low == 34.5 and high == 36  # a truncated 35.7 printed as "35" is not wrong


def test_garbles_become_the_intended_value():
    [q] = [q for q in extract_quantities("Sales reached 522 10,000 units.") if q.garble]
    assert q.value == 5.22e6 and q.raw_value == 522 and q.garble == "wan"
    [q] = [q for q in extract_quantities("Revenue was 13.14 100 million yuan.") if q.garble]
    assert q.value == pytest.approx(1.314e9) and q.unit == "CNY" and q.garble == "yi"


@pytest.mark.parametrize("text,expected", [
    ("Nearly half of the households own a car.", [("half", 50.0, "~")]),
    ("two-thirds of voters backed it", [("two-thirds", 200 / 3, "=")]),
    ("one in five voters", [("one in five", 20.0, "=")]),
    ("a quarter of the workforce", [("a quarter", 25.0, "=")]),
    ("Sales rose by a third.", [("a third", 100 / 3, "=")]),
    ("in the second half of the year", []),
    ("about 7½ pct", [("7½ pct", 7.5, "~")]),
])
def test_fractions_in_words_and_vulgar_fractions(text, expected):
    got = [(q.text, q.value, q.bound) for q in extract_quantities(text)]
    assert [(t, b) for t, _, b in got] == [(t, b) for t, _, b in expected]
    assert all(math.isclose(v, w) for (_, v, _), (_, w, _) in zip(got, expected))
    assert all(q.unit == "percent" for q in extract_quantities(text))


def test_and_joins_number_words_only_after_hundred():
    assert [(q.text, q.value) for q in extract_quantities("five and two members")] == [("five", 5), ("two", 2)]
    assert [(q.text, q.value) for q in extract_quantities("one hundred and five people")] == [
        ("one hundred and five", 105)]


_NUMBER_WORD_PIECES = ["a ", "an ", "hundred", "dozen", " ", "  ", "\n", "-", "one", "twenty", "five", "and ",
                       "thousand", " pct", "x", "ba", "man", " a", "\u00a0", "\x1c", "seven", "ty", "teen",
                       " times", "-fold", "é", "\u0301"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_WORD_PIECES), max_size=14).map("".join))
def test_number_word_candidates_find_what_the_full_scan_finds(text):
    """The fast candidate scan for number words must yield exactly the matches of a plain finditer."""
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.words import folded_number_words as _folded_number_words

    expected = [m.span() for m in P.NUMBER_WORD_FOLDED.finditer(text)]
    assert [m.span() for m in _folded_number_words(text)] == expected


def test_space_class_is_the_regex_modules_whitespace():
    """Patterns moved to the standard library's `re` spell out `regex`'s \\s; they must mean the same."""
    import re
    import sys

    import regex

    from statlint.rules._patterns import SPACE_CLASS

    ours, theirs = re.compile(SPACE_CLASS), regex.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if bool(ours.match(chr(c))) != bool(theirs.match(chr(c)))] == []


def test_word_gate_lets_through_every_currency_and_unit_word():
    """_word_may_follow skips the currency- and unit-word patterns; it must pass every place either matches:
    regex's \\s is within str.isspace() over all of Unicode, and every word starts with a letter or non-ASCII."""
    import sys

    import regex

    from statlint.checker.units import CURRENCY_WORDS, UNIT_WORDS
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.suffix import word_may_follow as _word_may_follow

    space = regex.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if space.match(chr(c)) and not chr(c).isspace()] == []
    for word in (*CURRENCY_WORDS, *UNIT_WORDS):
        for variant in (word, word.upper(), word.title()):
            for text in ("5" + variant, "5 " + variant, "5\u00a0" + variant):
                if P.CURRENCY_WORD_AFTER.match(text[1:]) or P.UNIT_WORD_AFTER.match(text[1:]):
                    assert _word_may_follow(text, 1), text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\u2003\x1c,.)%-°ſKİ") + list("abcdklmpstuyDK€$")), max_size=8))
def test_word_gate_never_hides_a_match(after):
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.suffix import word_may_follow as _word_may_follow

    if P.CURRENCY_WORD_AFTER.match(after) or P.UNIT_WORD_AFTER.match(after):
        assert _word_may_follow("7" + after, 1)


_FRACTION_PIECES = ["a ", "an ", "one", "two", "three", "-", " ", "\n", "third", "thirds", "quarter", "half",
                    " of ", "the year", "voters", "by ", " in ", "five", "be", "Half", "THIRD", "ONE IN "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_FRACTION_PIECES), max_size=12).map("".join))
def test_fraction_candidates_find_what_the_full_scan_finds(text):
    """The stem-anchored search for "two-thirds of" and "one in five" must yield exactly a plain finditer's matches."""
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.words import fraction_phrases as _fraction_phrases

    expected = [m.span() for m in P.FRACTION_PHRASE.finditer(text)]
    assert [m.span() for m in _fraction_phrases(text, text.lower())] == expected
@pytest.mark.parametrize("text,expected", [
    ("Results for phases 3, 5, and 7 are in Figs. 2 and 4.", []),
    ("See Tables 1, 2 and 6-8 and Sections 4 & 5.", []),
    ("Blocks 3A and 3B hold 12 flats.", [("12", 12)]),
    ("Column 2 lists 14 towns; panels 1 and 2 show type 1 cases.", [("14", 14)]),
    ("Figure 3, 45% of the votes", [("45%", 45)]),
    ("COVID-19 and 5,963,373 recoveries", [("5,963,373", 5963373)]),
    ("sales in Section 4, 12 pct higher", [("12 pct", 12)]),
    ("As shown in Fig. 10, 350 people came.", [("350", 350)]),
    ("Lines 4, 9 and 12 of the map", []),
    ("two samples 26.5 and 31.25 deep", [("two", 2), ("31.25", 31.25)]),
    ("workers aged 18 to 21 and 66", [("21", 21), ("66", 66)]),
])
def test_lists_of_labels_are_not_quantities(text, expected):
    got = [(q.text, q.value) for q in extract_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("clone hSOX2-23 and the A320-200 jet", []),
    ("the F(3, 8.9) statistic of poly(3-hexylthiophene)", []),
    ("the {111} planes and the (001) peak, code 040301, agent 007", []),
    ("the 187Os/188Os and 40Ar/39Ar ratios", []),
    ("a 3-D model and an 8-K filing, a 5-year plan", [("5-year", 5)]),
    ("the upper part (33 m) and 9.92 billion (5.88 billion)", [("33 m", 33), ("9.92 billion", 9.92e9),
                                                                 ("5.88 billion", 5.88e9)]),
    ("mean age 54.8 years, aged 45", [("54.8 years", 54.8)]),
    # a test statistic's degrees of freedom are its parameters; the statistic and p are figures
    ("(F(3, 8.9) = 4.1, p = 0.03) and t(1, 24) = 2.5", [("4.1", 4.1), ("0.03", 0.03), ("2.5", 2.5)]),
    ("a point at (3, 4.5)", [("3", 3), ("4.5", 4.5)]),
    # a term of a formula; an acronym after a prefix names its number as the acronym alone does
    ("it needs 3f+1 nodes, up +3 in the pre-OAE 2 interval and non-OPEC 15.8 pct",
     [("3", 3), ("15.8 pct", 15.8)]),
    # two whole numbers joined by a dash that do not run low to high are a score or a code, not a range
    ("codes 3-1 to 3-3; they won 3-1 and drew 2-2 in a 2-5 run, 10-5 mm and 7-2 dlrs",
     [("2-5", 3.5), ("10-5 mm", 7.5), ("7-2 dlrs", 4.5)]),
])
def test_identifiers_and_codes_are_not_quantities(text, expected):
    got = [(q.text, q.value) for q in extract_quantities(text)]
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert all(math.isclose(v, w) for (_, v), (_, w) in zip(got, expected))


@pytest.mark.parametrize("text,expected", [
    ("a dose of 4.3 × 10−8 g and 2 x 10^5 cells", [("4.3 × 10−8 g", 4.3e-8), ("2 x 10^5", 2e5)]),
    ("rates of 1e-3 and 2.5E+06, about 10⁵ cells", [("1e-3", 1e-3), ("2.5E+06", 2.5e6), ("10⁵", 1e5)]),
    ("a ratio above 10−4 (see", [("10−4", 1e-4)]),
    ("a 10-4 win and a 3 x 10 m hall", [("3 x", 3), ("10 m", 10)]),  # (a score, not a power nor a range)
])
def test_powers_of_ten(text, expected):
    got = [(q.text, q.value) for q in extract_quantities(text)]
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert all(math.isclose(v, w) for (_, v), (_, w) in zip(got, expected))


@pytest.mark.parametrize("text,expected", [
    ("beams at 400eV and 12keV", [("400eV", 400), ("12keV", 12)]),
    ("a 100MW plant and a 7.85mWm−2 flux", [("100MW", 100), ("7.85", 7.85)]),
    ("the 4TH QTR, a 1MTH bill, 3D films, 5G phones, Figure 3C", []),
])
def test_glued_unit_symbols_are_read(text, expected):
    got = [(q.text, q.value) for q in extract_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("p < .05 and $.50 a share", [(".05", 0.05, "count"), ("$.50", 0.5, "USD")]),
    (".5 pct at the start, but not v.5 or 1..5", [(".5 pct", 0.5, "percent"), ("1", 1, "count")]),
    ("shares rose (9.9%–16.2%)", [("9.9%–16.2%", 13.05, "percent")]),
    ("off by 2σ and 0.9σ in a 5μm film", [("5μm", 5, "micrometer")]),
    ("scored 0 = never, 1 = always; £1 = $1.50", [("£1", 1, "GBP"), ("$1.50", 1.5, "USD")]),
])
def test_leading_dot_unit_ranges_symbols_and_codes(text, expected):
    got = [(q.text, q.value, q.unit) for q in extract_quantities(text)]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert all(math.isclose(v, w) for (_, v, _), (_, w, _) in zip(got, expected))


@pytest.mark.parametrize("text,expected", [
    # a unit's power written with a spaced minus sign is not a quantity of its own (it is read with its unit)
    ("charged at 15 mA g− 1 for an hour", ["15 mA g− 1"]),
    ("a loading of 2.5 mg cm− 2 on the foil", ["2.5 mg cm− 2"]),
    # the minutes and seconds of an angle are part of it
    ("the well at 52°17’6.12”N was drilled", ["52"]),
    # a month numbered in a study is a label; a counted period before a figure is not
    ("growth slowed in month 4 and stopped in months 6 and 9", []),
    ("Gold 2 months 381.50/383.00 dlrs", ["2 months", "381.50/383.00 dlrs"]),
    ("THREE MONTHS 512.00/514.00 PENCE", ["THREE MONTHS", "512.00/514.00 PENCE"]),
])
def test_powers_angles_and_numbered_months(text, expected):
    assert [q.text for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("two thouſand people", [("two thouſand", 2000.0)]),
    ("ſix pct", [("ſix pct", 6.0)]),
    ("five mİllİon tonnes", [("five mİllİon tonnes", 5e6)]),
])
def test_number_words_with_long_s_or_dotted_capital_i(text, expected):
    """Regression: the case-insensitive number-word match takes "ſ" for "s" and "İ" for "i";
    the reading used to look the raw words up and crash (KeyError 'thouſand') or drop them."""
    assert [(q.text, q.value) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,bound", [
    ("Turnover 3.71 billion stg", "="),
    ("Turnover                          3.71 billion stg", "="),
    ("a handsome 30 pct gain", "="),
    ("leftover 12 mln dlrs", "="),
    ("over 3 mln dlrs", ">"),
    ("some 40 pct", "~"),
])
def test_a_bound_word_must_be_a_whole_word(text, bound):
    """Regression: "Turnover 3.71 billion" was read as "over 3.71 billion" (no upper limit)."""
    assert [q.bound for q in extract_quantities(text)] == [bound]


@pytest.mark.parametrize("text,expected", [
    ("a loan of one billion dlrs", [("one billion dlrs", "USD", 1e9)]),
    ("nine mln dlrs of debt", [("nine mln dlrs", "USD", 9e6)]),
    ("five p", [("five", "count", 5.0)]),
])
def test_spelled_out_money_reads_its_currency(text, expected):
    """Regression: "one billion dlrs" was read as a count, so S103 could not weigh it against revenue."""
    assert [(q.text, q.unit, q.value) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("OPEC WANTS 27 DLR OIL PRICE", [("27 DLR", "USD")]),
    ("JAPAN SEES 255 YEN RATE", [("255 YEN", "JPY")]),
    ("in the OAE 2 interval", []),
    ("APR 7 Dlrs", []),
])
def test_a_headline_figure_with_its_unit_is_not_a_label(text, expected):
    """Regression: in an upper-case headline every short word looks like an acronym ("WANTS 27"),
    and "27 DLR" was dropped as a label like "OAE 2"."""
    assert [(q.text, q.unit) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,low,high", [
    ("between 437 and 450 mln dlrs", 436.5e6, 451e6),
    ("between 2 and 3 billion dlrs", 1.5e9, 4e9),
    ("between 2 and 3 percent", 1.5, 4.0),
])
def test_a_range_low_end_shares_the_scale_of_its_high_end(text, low, high):
    """Regression: "between 437 and 450 mln dlrs" ran from 436.5, not from 436.5 mln."""
    [q] = extract_quantities(text)
    assert (q.low, q.high) == pytest.approx((low, high))


@pytest.mark.parametrize("text, read", [
    ("\U00010d40\U00010d41 dogs rose 5% to 10 from \U00010d45", ["5%", "10"]),  # Garay: Unicode 16
    ("sales of \U0001e4f1\U0001e4f2 mln dlrs", []),  # Nag Mundari (Unicode 15)
    ("\U0001ccf1,\U0001ccf2 units", []),  # outlined digits (Unicode 16)
])
def test_digits_newer_than_pythons_unicode_are_not_read_and_not_lost(text, read):
    """Regression (found by the coverage work): `regex` knows digits Python 3.11's float() does not;
    reading them crashed the whole document. They are listed as not read, and the rest is read."""
    from statlint import check_text, extract
    from statlint.checker.document import Document

    facts = extract(Document(text))
    check_text(text)
    assert [q.text for q in facts.quantities] == read
    assert [s for s in facts.skipped if not text[s.start:s.end].isascii()]


@pytest.mark.parametrize("text, read", [
    ("a load of 5 kg\u2212\U00010d42 today", [("5 kg", "kilogram")]),  # a minus sign, then a Garay digit
    ("a load of 5 kg\u207b\U00010d42", [("5 kg", "kilogram")]),  # a superscript minus
    ("flows of 25 km s\u2212\U00010d42 were seen", [("25 km", "kilometer")]),  # the power of a second unit
    ("flows of 25 km s\u22121 were seen", [("25 km s\u22121", "kilometer/second")]),  # a power Python reads
])
def test_a_power_after_a_unit_in_digits_python_cannot_read_is_left_unread(text, read):
    """Regression (found by h-scan, 2026-12-03): the power after a unit was read with int(), which raised
    ValueError on a digit `regex` matches and Python 3.11 does not know, and the whole document failed."""
    from statlint import check_text

    check_text(text)
    assert [(q.text, q.unit) for q in extract_quantities(text)] == read


@pytest.mark.parametrize("text, read", [
    ("HALF OF VOTERS BACK PLAN", [("HALF", 50.0, "percent")]),
    ("TWO-THIRDS OF VOTERS BACK PLAN", [("TWO-THIRDS", 200 / 3, "percent")]),
    ("ONE IN FIVE VOTERS BACK PLAN", [("ONE IN FIVE", 20.0, "percent")]),
    ("one  in five voters back the plan", [("one  in five", 20.0, "percent")]),
    ("The money in five banks", [("five", 5.0, "count")]),
])
def test_fractions_are_read_in_capitals_and_with_any_spaces(text, read):
    """Regression (found by h-split, 2026-12-03): the gate before the fraction phrases looked for "alf", "hird",
    "ne in " as written, so an all-capital wire headline's "HALF OF" was not read and "ONE IN FIVE" was the
    count 5."""
    assert [(q.text, pytest.approx(q.value), q.unit) for q in extract_quantities(text)] == read


@pytest.mark.parametrize("text, value", [("\u0663\u0664 dogs", 34.0), ("sales of \uff11\uff12 units", 12.0)])
def test_digits_python_knows_are_read(text, value):
    """Arabic-Indic and full-width digits are decimal digits to Python too: read them."""
    (q,) = extract_quantities(text)
    assert q.value == value


def test_digits_glued_to_words_are_listed_as_not_read():
    from statlint import extract
    from statlint.checker.document import Document

    text = "The G20 met at 12:30 to discuss MP3 sales of 5 mln dlrs."
    facts = extract(Document(text))
    assert [text[s.start:s.end] for s in facts.skipped] == ["12", "20", "30", "3"]
    assert [q.text for q in facts.quantities] == ["5 mln dlrs"]


def test_unknown_digit_in_a_range_end_is_not_read():
    from statlint import check_text

    text = "between 3-\U00010d45 mln dlrs"
    check_text(text)
    assert all(q.text.isascii() for q in extract_quantities(text))


@pytest.mark.parametrize("text,expected", [
    ("sizes ranging from 1 to 25 per mm", [("1 to 25", 0.5, 26, "count")]),
    ("a range of 66% to 88% at each phase", [("66% to 88%", 65.5, 89, "percent")]),
    ("cluster sizes range from 11.4% to 2.4%.", [("11.4% to 2.4%", 2.35, 11.5, "percent")]),  # either way round
    ("prices varied from 5 to 7 dlrs", [("5 to 7 dlrs", 4.5, 8, "USD")]),
    ("between 437 and 450 mln dlrs", [("437 and 450 mln dlrs", 436.5e6, 451e6, "USD")]),
    # "X to Y" with no "from" or change word before it is a range too, either way round
    ("doses of 3 to 8 mg were given", [("3 to 8 mg", 2.5, 9, "milligram")]),
    ("a span of 40 km to 55 km", [("40 km to 55 km", 39.5, 56, "kilometer")]),
    ("readings of −4.5 to −6.1 were logged", [("−4.5 to −6.1", -6.2, -4.45, "count")]),
    ("costs 12 to 15 mln dlrs", [("12 to 15 mln dlrs", 11.5e6, 16e6, "USD")]),
    ("the span tested was −40 °C to 85 °C", [("−40 °C to 85 °C", -41, 86, "degC")]),
    ("a shift of between −3 and −8‰ in the cores", [("−3 and −8‰", -9, -2.5, "permille")]),  # in size, for negatives
])
def test_range_words_make_one_quantity(text, expected):
    assert [(q.text, q.low, q.high, q.unit) for q in extract_quantities(text)] == \
        [(t, pytest.approx(lo), pytest.approx(hi), u) for t, lo, hi, u in expected]
    assert all(q.kind == "range" for q in extract_quantities(text))


@pytest.mark.parametrize("text", [
    "Sales rose from 5 to 7 mln dlrs.", "between 7 and 5 pct",
    "the rate rose 0.25 to 7.25 pct",  # by 0.25 points, to 7.25 pct
    "Output was cut 10 to 40 tonnes",
    "jobs fell by 3 to 12",
])
def test_a_change_from_one_figure_to_another_is_two_figures(text):
    assert len(extract_quantities(text)) == 2


def test_a_to_range_does_not_take_a_high_end_stacked_before_another_figure():
    # "25 100 million" is a garbled 亿 (2.5 billion) that rules.garbles reads from the neighbours as they
    # stand: the garble is read whole, and "two to 25" is not made a range
    assert [(q.text, q.value) for q in extract_quantities("via two to 25 100 million dlrs of repurchases")] == \
        [("two", 2), ("25 100 million dlrs", 2.5e9)]


@pytest.mark.parametrize("text,expected", [
    ("a loss rate of 6 × 106 kg s−1", [("6 × 106 kg s−1", 6e6, "kilogram/second")]),  # a superscript lost in copying
    ("a 2 × 100 m relay", [("2", 2, "count"), ("100 m", 100, "meter")]),  # not a power: "x 100", "× 100"
    ("(Fripiat et al., 2011c)", []),  # a citation's year, not cents
])
def test_flattened_powers_and_citation_years(text, expected):
    assert [(q.text, q.value, q.unit) for q in extract_quantities(text)] == expected


_BOUND_PIECES = ["about", "AROUND", "nearly", "more than", "over the", "up to", "as many as", "approx.", "ſome",
                 "in excess of", "the", "than", "x", " ", "  ", "\n", "(", "-", "abouts", "2", "ſ", "K"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BOUND_PIECES), max_size=8).map("".join))
def test_bound_gate_never_hides_a_hedge(before):
    """may_be_hedged spares P.BOUND_BEFORE for most figures; it must pass wherever the pattern matches."""
    from statlint.rules import _patterns as P
    from statlint.rules.quantities.bounds import may_be_hedged

    text = before + " 5"
    if P.BOUND_BEFORE.search(text, 0, len(text) - 1):
        assert may_be_hedged(text[max(0, len(text) - 1 - 30):len(text) - 1].rstrip())


@pytest.mark.parametrize("text,expected", [
    ("the ratio was ∼1:60 in the samples", [("1:60", 1 / 60)]),
    ("diluted 1:1000 in buffer", [("1:1000", 0.001)]),
    ("a 3:1 mix of sand and clay", [("3:1", 3.0)]),
    ("an 80:20 split", [("80:20", 4.0)]),
])
def test_colon_ratios_that_cannot_be_clock_times_are_read(text, expected):
    qs = extract_quantities(text)
    assert [(q.text, q.value) for q in qs] == [(t, pytest.approx(v)) for t, v in expected]
    assert all((q.unit, q.kind, q.low, q.high) == ("ratio", "ratio", q.value, q.value) for q in qs)


@pytest.mark.parametrize("text", [
    "trading opened at 9:30 and closed", "at 12:05 GMT", "the 1:10 train", "at 10:30:15 local time",
    "at 01:25:40 UT", "John 3:16 was quoted", "he read Psalm 119:105 aloud",
])
def test_clock_times_and_verses_are_not_ratios(text):
    assert [q.text for q in extract_quantities(text)] == []


@pytest.mark.parametrize("text", [
    "ran the 50K Walk", "a 512K broadband line", "a 16k computer", "a 10k race", "about 30K a year",
])
def test_a_k_glued_to_a_figure_without_currency_is_not_read_as_the_bare_number(text):
    # thousand, kilometre, kilobit or kilobyte: the figure without its letter would be wrong, so it is not read
    assert extract_quantities(text) == []


@pytest.mark.parametrize("text,value,unit", [
    ("The firm cut 30K jobs.", 30e3, "count"), ("12k people came", 12e3, "count"), ("drew 45k visitors", 45e3, "count"),
    ("some 2.5k new members joined", 2.5e3, "count"), ("a loss of 800K barrels", 800e3, "barrel"),
])
def test_a_k_glued_before_a_noun_counted_in_thousands_is_a_thousand(text, value, unit):
    # a kilometre, kilobit or kilobyte is never a count of people, jobs or barrels (numeral._COUNTED_AFTER)
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, unit)]


@pytest.mark.parametrize("text,value", [("it sold 1.43m units", 1.43e6), ("4.2m orders came in", 4.2e6),
                                        ("some 3m claims were made", 3e6)])
def test_a_glued_m_before_units_orders_and_claims_is_a_million(text, value):
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, "count")]


@pytest.mark.parametrize("text,value", [("$40K", 40e3), ("£25k a year", 25e3), ("RM45k", 45e3)])
def test_a_k_after_a_currency_is_thousands(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


def test_a_spaced_k_is_not_taken_for_a_glued_one():
    # "300 K" in a science text is kelvin: the figure stays read, with its unit
    assert [(q.text, q.value, q.unit) for q in extract_quantities("cooled to 300 K before the run")] == [
        ("300 K", 300.0, "kelvin")]


@pytest.mark.parametrize("text,value,low,high", [
    ("a range of 25-0 basis points", 0.125, -0.005, 0.26),  # a high end of 0 is kept, not dropped
    ("spreads of 10-0 bps", 0.05, -0.005, 0.11),
    ("cuts of 25-50 basis points", 0.375, 0.245, 0.51),  # both ends read in points (was up to 1.5 points)
])
def test_basis_point_ranges_read_both_ends_in_points(text, value, low, high):
    (q,) = extract_quantities(text)
    assert (q.unit, q.kind) == ("percentage_point", "range")
    assert (q.value, q.low, q.high) == (pytest.approx(value), pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text,bounds", [
    ("It cost 13p more than the £4.41 it cost.", ["=", "="]),  # the base of a comparison, not "above £4.41"
    ("It sells for $2,400 less than the $19,000 of the old one.", ["=", "="]),
    ("It costs 13p (8%) more than the £4.41.", ["=", "=", "="]),
    ("It costs 13p, or 8%, more than the £4.41.", ["=", "=", "="]),
    ("Tickets cost more than $40 each.", [">"]),
    ("Turnout was 43.90%, more than 80 thousand voters.", ["=", ">"]),  # a rate before a comma bounds the next
    ("pledging £960m over 15 years", ["=", ">"]),  # "over" after an amount stays a hedge, as it was
])
def test_an_amount_or_rate_before_more_than_makes_the_next_figure_a_base(text, bounds):
    assert [q.bound for q in extract_quantities(text)] == bounds
