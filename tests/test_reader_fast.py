"""The per-numeral reader's fast paths and tighter gates (issue 13, speed) read what the slow path reads.

rules.quantities.reader.read_match decides a plain year before the label tests, skips the fraction, range,
scale and tail steps as a block for a bare numeral, and makes the cheap first test of several helpers itself;
the helpers have tighter gates (a month's last three letters, a time word's first two, a whole bound phrase, a
capital before the run of lower-case letters, a currency prefix's last character); parse_numeral reads the
standard grouping without a pattern. Each is exact only if it never turns away what the pattern or the slow
step would have read. Here the reader is run against `_slow_read_match`, read_match as it was written before
(commit 26e1c49, line for line) with every gate replaced by "maybe" so that the patterns alone decide, on text
built to sit on each gate's edges: Unicode digits, non-ASCII letters, "İ", "ſ" and the Kelvin sign, which the
case-insensitive patterns fold, and a long document. Each gate is also checked on its own against its pattern.
"""
from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statlint.checker import numbers
from statlint.checker.model import Quantity, Span
from statlint.checker.numbers import SCALES, VULGAR, rounding_interval
from statlint.checker.units import CURRENCY_PREFIXES, ISO_CODES
from statlint.rules import _patterns as P
from statlint.rules.quantities import labels, reader
from statlint.rules.quantities.bounds import BOUND_OF_WORD, hedged, may_be_hedged
from statlint.rules.quantities.exact import is_set_rate
from statlint.rules.quantities.labels import is_excluded, is_label_before, looks_like_years
from statlint.rules.quantities.numeral import (
    add_fraction, has_unknown_digit, is_distance_not_scale, power_of_ten, vulgar_after,
)
from statlint.rules.quantities.prefix import minus_before
from statlint.rules.quantities.rate import is_denominator
from statlint.rules.quantities.ratio import ratio_after
from statlint.rules.quantities.suffix import noun_after, rate_after, tail_unit, unit_after

_NUM, _SCALE = P.SCAN_NUM, P.SCAN_SCALE


# --- the slow path: no gate, the patterns decide -------------------------------------------------------------

def _parse_numeral(s: str):
    return numbers._parse_numeral(s)  # not the cached one: the cache may hold a fast reading


def _is_capitalised_name(before: str) -> bool:
    return bool(P.CAPITALISED_NAME_BEFORE.search(before))


def _currency_before(text: str, start: int, before: str):
    cm = P.CURRENCY_BEFORE.search(text[max(0, start - 8):start])
    if cm:
        if cm.group("sym"):
            sym = cm.group("sym")
            return CURRENCY_PREFIXES.get(sym.rstrip(".") if sym == "Rs." else sym), start - len(cm.group(0))
        if cm.group("iso") in ISO_CODES:
            return ("CNY" if cm.group("iso") == "RMB" else cm.group("iso")), start - len(cm.group(0))
    return None, start


def _is_day_of_month(before: str, after: str) -> bool:
    if P.MONTH_BEFORE.search(before):
        return True
    return bool(P.MONTH_AFTER.match(after))


def _slow_read_match(text: str, m) -> Quantity | None:
    """read_match of commit 26e1c49, with the ungated helpers above."""
    parse_numeral, is_capitalised_name, currency_before = _parse_numeral, _is_capitalised_name, _currency_before
    num, frac, slash, rng, num2, scale_group, tail_group = m.groups()  # P.SCAN_GROUPS
    matched = m.group()
    if not matched.isascii() and has_unknown_digit(matched):
        return None
    start, num_end = m.span(_NUM)
    end = m.end()
    if start and text[start - 1] == ".":
        num, start = "." + num, start - 1
    power = power_of_ten(text, num, num_end)
    if power is not None:
        end = power[1]
        frac = slash = rng = num2 = scale_group = tail_group = None
    before = text[max(0, start - 40):start]
    if text[end:end + 1] == ":" and not (frac or slash or rng or scale_group or tail_group or power):
        ratio = ratio_after(text, num, end)
        if ratio is not None and not is_label_before(before, bare=True) and not is_capitalised_name(before):
            value, low, high, end = ratio
            return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high,
                            unit="ratio", kind="ratio", grouping="plain")
    if is_excluded(num, rng, scale_group, tail_group, before, text[end:end + 40]):
        return None
    numeral = parse_numeral(num)
    value = 1.0 if power is not None and power[2] else numeral.value
    if not math.isfinite(value):
        return None
    zeros = numeral.trailing_zeros
    fraction = add_fraction(value, numeral.decimals, numeral.grouping, frac, slash)
    if fraction is None:
        return None
    value, decimals, is_quote = fraction

    currency, prefix_start = currency_before(text, start, before)
    scale_word = scale_group.strip().lower() if scale_group else ""
    if is_distance_not_scale(scale_word, currency, text, end):
        if scale_word == "k" and not scale_group[0].isspace():
            return None
        end, scale_word, tail_text = m.start(_SCALE), "", ""
    else:
        tail_text = tail_group.strip().lower() if tail_group else ""
    if not scale_word and not tail_text and not frac and not slash and text[end:end + 1] in VULGAR:
        value, decimals, end, tail_text = vulgar_after(text, end, value, decimals)
    scale = SCALES.get(scale_word, 1.0) if power is None else 10.0 ** power[0]

    if rng and not scale_word and not tail_text and looks_like_years(num, num2):
        return None
    value2 = parse_numeral(num2).value if num2 else None
    unit, kind, shift = currency or "count", "level", 0
    if tail_text:
        written_decimals = decimals
        unit, kind, value, value2, decimals = tail_unit(tail_text, value, value2, decimals)
        shift = decimals - written_decimals
    noun = None
    if unit == "count" or unit == currency:
        unit, end = unit_after(text, end, unit, currency, scale_word, num)
        unit, end = rate_after(text, end, unit)
        noun = noun_after(text, end)
    negative = minus_before(text, prefix_start)
    if negative:
        prefix_start -= 1

    bare = unit == "count" and not scale_word and numeral.grouping == "plain" and not decimals and not rng
    if bare and not tail_text and value < 1000 and is_capitalised_name(before):
        return None
    if bare and 1900 <= value <= 2100 and len(num) == 4 and not negative:
        return None

    if scale_word or tail_text or value < 1000 or power is not None:
        zeros = 0
    low, high = rounding_interval(value, decimals, zeros, scale)
    if value2 is not None:
        n2 = parse_numeral(num2)
        low2, high2 = rounding_interval(value2, n2.decimals + shift, 0 if scale_word else n2.trailing_zeros, scale)
        low, high = min(low, low2), max(high, high2)
        kind = "range"
    value *= scale
    if value2 is not None:
        value = (value + value2 * scale) / 2
    if negative:
        value, low, high = -value, -high, -low
    if is_quote:
        kind = "quote"

    bound = "="
    if prefix_start > 0 and text[prefix_start - 1].isspace():
        window = text[max(0, prefix_start - 30):prefix_start].rstrip()
        if window:
            if is_denominator(text, prefix_start, window):
                kind = "denominator"
            bound, low, high = hedged(text, prefix_start, value, low, high)  # (no may_be_hedged gate)
    if bound == "=" and unit == "percent" and kind == "level" and is_set_rate(text, prefix_start):
        low = high = value
    return Quantity(
        span=Span(prefix_start, end), text=text[prefix_start:end], value=value, low=low, high=high,
        unit=unit, kind=kind, bound=bound, noun=noun, decimals=decimals, grouping=numeral.grouping,
    )


@contextlib.contextmanager
def _ungated():
    """labels' own gates made "maybe" while the slow path runs (is_excluded looks them up in its module)."""
    saved = labels._may_be_time, labels._is_day_of_month
    labels._may_be_time, labels._is_day_of_month = (lambda after: True), _is_day_of_month
    try:
        yield
    finally:
        labels._may_be_time, labels._is_day_of_month = saved


def _readings(text: str) -> list[tuple[str, str]]:
    fast = [repr(reader.read_match(text, m)) for m in P.SCAN.finditer(text)]
    with _ungated():
        slow = [repr(_slow_read_match(text, m)) for m in P.SCAN.finditer(text)]
    return list(zip(fast, slow))


# --- text on the gates' edges --------------------------------------------------------------------------------

_BEFORE = ["", " ", "\n", "the ", "The ", "rose to ", "up to ", "close to ", "over the ", "about ", "ABOUT ",
           "ſome ", "as many as ", "in excess of ", "a total of ", "was ", "breathe ", "more than the ", "per ",
           "each ", "$", "US$", "Rs ", "Rs.", "Rp", "RM", "EUR ", "HK$ ", "£", "-", "−", "(", "[", "+44 ", "+",
           "Figure ", "Figs. ", "phase ", "aged ", "age ", "Apollo ", "Voyager ", "In ", "Jan ", "Sept. ", "March ",
           "January ", "that ", "Mayor ", "Octopus ", "F(3, ", "OAE ", "CPI ", "No. ", "at ", "weighs ",
           "cut its discount rate to ", "Bıg ", "İstanbul ", "Kelvın ", "naïve ", "x", "A-", "G", ". ", ", ", "= "]
_NUMERAL = ["5", "15", "07", "1987", "2011", "1899", "2100", "2101", "1,234", "12,500.5", "1,234,5678", "1,00,000",
            "2.000,00", "1.2.3", "3.5", ".05", "10", "100,000", "١٩٨٧", "١,٢٣٤", "１２", "4178,027", "920, 000",
            "0", "3,000", "7", "12.30", "1400", "999"]
_AFTER = ["", " ", ".", ",", " people", " pm", " p.m.", " am", " a.m.", " GMT", " gmt", " hours GMT", " hours",
          " hrs", "hrs", " est", " estimated", " es", " ho", " bs", " ed", " edition", "th of March", " March",
          " of March", "st", " dlrs", " mln dlrs", " million", " mln", "m", "k", "K", " km", "km", " kg s−1",
          " cm−3", "C", "F", "p", "c", " USD", " CHF", "-fold", " times", "x", "%", " pct", " percent",
          " basis points", " Street", " Baker Street", "=", " = never", ")", "/7", "/4", "-1/2", " 3/4", "-D",
          "-style", " - 20", "-20", "–30", ":1", ":30", ":10", "½", "½ pct", "⅓", " × 10−8", "e-3", "⁵", "^6",
          "−4", " per day", " a month", " İ", " ſ", " ſecond", "ſ", " Kelvin", " K", " dollarſ", " \u00a0km",
          "\u2009pm", " people per", " of the", " 20 7946 0958", "-555-0199", "A", "B/", "eV", "Os/188Os"]


def _cases(draw_before, draw_num, draw_after):
    return st.tuples(st.sampled_from(draw_before), st.sampled_from(draw_num), st.sampled_from(draw_after))


@settings(max_examples=4000, deadline=None)
@given(st.lists(_cases(_BEFORE, _NUMERAL, _AFTER), min_size=1, max_size=4))
def test_the_fast_reader_reads_as_the_slow_one(pieces):
    text = "".join(b + n + a for b, n, a in pieces)
    for fast, slow in _readings(text):
        assert fast == slow, text


@pytest.mark.parametrize("before", _BEFORE)
def test_every_year_reads_as_the_slow_one(before):
    # the plain-year decision before the chain, for every context before and after
    for num in ("1900", "1987", "2100", "2101", "1899", "２０１１"):
        for after in _AFTER:
            text = before + num + after
            for fast, slow in _readings(text):
                assert fast == slow, text


def test_a_long_document_reads_as_the_slow_one():
    parts = [b + n + a for b in _BEFORE[::3] for n in _NUMERAL[::2] for a in _AFTER[::5]]
    text = " and ".join(parts)
    assert len(text) > 50_000
    readings = _readings(text)
    assert len(readings) > 1000
    assert all(fast == slow for fast, slow in readings)


# --- each gate against its pattern ---------------------------------------------------------------------------

_TIME_PIECES = [" ", "", "\t", "\u00a0", ":", "30", "a", "A", "p", "P", "m", "M", ".", "g", "G", "t", "T", "e", "E",
                "s", "S", "d", "D", "b", "B", "h", "H", "o", "O", "u", "r", "ours", " GMT", " local", "ſ", "İ", "K",
                "x", "people", "ham", "pm", "am"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=6).map("".join))
def test_time_gate_passes_every_time(after):
    if P.TIME_AFTER.match(after):
        assert labels._may_be_time(after), after


_MONTH_PIECES = ["Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul",
                 "July", "Aug", "August", "Sep", "Sept", "Sepember", "September", "Oct", "October", "Nov", "November",
                 "Dec", "December", ".", "..", " ", "  ", "\n", "\t", "\u00a0", "(", "x", "the", "that", "ber", "ary",
                 "JAN", "jan", "ſ", "K"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MONTH_PIECES), max_size=6).map("".join))
def test_month_gate_passes_every_month_before(before):
    # _is_day_of_month's own gate: with a text after that no month pattern can match, only MONTH_BEFORE decides
    assert labels._is_day_of_month(before, " x") == bool(P.MONTH_BEFORE.search(before)), before


_NAME_PIECES = ["Apollo", "apollo", "The", "In", "A", "Bıg", "İ", "ſ", "K", "x", "X", "-", ".", ". ", "! ", " ", "\n",
                "\t", "  ", "(", "Mc", "Donald", "rose", "Voyager", "OPEC"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=6).map("".join))
def test_capitalised_name_gate_passes_every_name(before):
    assert labels.is_capitalised_name(before) == _is_capitalised_name(before), before


_BOUND_PIECES = sorted(BOUND_OF_WORD) + ["the", "The", "THE", "rose", "to", "of", "as", "was", "breathe", "bathe",
                                         "x", " ", "  ", "\n", "\t", "(", "-", "ſ", "K", "İ", "2", "abouts", "."]


@settings(max_examples=2500, deadline=None)
@given(st.lists(st.sampled_from(_BOUND_PIECES), max_size=6).map(" ".join), st.sampled_from(["", " ", "  ", "\n"]))
def test_bound_gate_passes_every_bound(words, glue):
    text = words.replace("  ", glue) + " 5"
    if P.BOUND_BEFORE.search(text, max(0, len(text) - 1 - 30), len(text) - 1):
        assert may_be_hedged(text[max(0, len(text) - 1 - 30):len(text) - 1].rstrip()), text


@pytest.mark.parametrize("word", sorted(BOUND_OF_WORD))
def test_bound_gate_passes_each_bound_word_and_over_the(word):
    for before in (word, word + " the", word.upper(), "(" + word, word + "\n the"):
        text = f"it was {before} 5"
        assert P.BOUND_BEFORE.search(text, max(0, len(text) - 1 - 30), len(text) - 1), before
        assert may_be_hedged(text[max(0, len(text) - 1 - 30):len(text) - 1].rstrip()), before


_DIGITS = ["1", "12", "123", "1234", "0", "١", "１", "²", ",", ".", ", ", "000"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_DIGITS), min_size=1, max_size=7).map("".join))
def test_standard_grouping_without_a_pattern_is_the_patterns(s):
    if "," in s and numbers._is_standard(s):
        assert numbers._STANDARD.fullmatch(s), s
    try:
        fast = numbers._parse_numeral(s)
    except ValueError:
        return  # ("²" is a digit to str.isdigit, not to float: as before)
    saved = numbers._is_standard
    numbers._is_standard = lambda s: False
    try:
        assert numbers._parse_numeral(s) == fast, s
    finally:
        numbers._is_standard = saved


@pytest.mark.parametrize("value,decimals,zeros", [(0.0, 0, 0), (5.0, 0, 0), (-5.0, 0, 0), (120.0, 0, 0),
                                                  (3000.0, 0, 3), (3000.0, 0, 0), (0.5, 1, 0), (-0.0, 0, 0)])
def test_rounding_interval_without_zeros_is_as_before(value, decimals, zeros):
    half = 0.5 * 10.0 ** (-decimals) if decimals else 0.5 * 10.0 ** min(numbers.rounding_zeros(value, zeros), 12)
    if value == 0:
        half = 0.5 * 10.0 ** (-decimals) if decimals else 0.5
    expected = ((value - half), (value + 2 * half)) if value >= 0 else ((value - 2 * half), (value + half))
    assert rounding_interval(value, decimals, zeros) == expected


def test_new_quantity_builds_what_the_constructor_builds():
    import copy
    import dataclasses
    import pickle

    from statlint.checker.model import new_quantity, replace

    fields = (Span(3, 9), "5 mln", 5e6, 4.5e6, 6e6, "count", "level", "~", 1987, "dlrs", "wan", 5.0, 1, "standard")
    built, made = new_quantity(*fields), Quantity(*fields)
    assert type(built) is Quantity
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert [getattr(built, f.name) for f in dataclasses.fields(Quantity)] == list(fields)
    assert pickle.loads(pickle.dumps(built)) == made and copy.deepcopy(built) == made
    assert replace(built, value=1.0) == replace(made, value=1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 1.0


def test_new_span_builds_what_the_constructor_builds():
    import pickle

    from statlint.checker.model import new_span

    built = new_span(3, 9)
    assert type(built) is Span and built == Span(3, 9) and hash(built) == hash(Span(3, 9)) and repr(built) == "Span(start=3, end=9)"
    assert built < Span(4, 0) and len(built) == 6 and built.overlaps(Span(8, 12))
    assert pickle.loads(pickle.dumps(built)) == built


# --- the word before, read once (h-lean) ----------------------------------------------------------------------
# read_match reads the word of lower-case ASCII letters before a figure once and hands it to is_excluded (the
# label test on the word alone), to the currency, minus and capitalised-name tests (none can end such a word) and
# to the hedge and "per" gates (may_end_bound, PER_WORDS). Each is checked here against the step reading `before`.

_LOWER_WORDS = ["the", "was", "per", "each", "every", "paper", "breathe", "bathe", "the", "about", "over", "under",
                "more than", "up to", "as many as", "in excess of", "x", "p", "s", "rs", "rp", "age", "aged", "ages",
                "phase", "figure", "figures", "no", "number", "at", "weighs", "months", "mths", "of", "to", "total",
                "rose", "some", "approx", "a" * 45, "jan", "february", "march", "sept", "ary", "ber", "from"]
_WORD_LEADS = ["", " ", "\n", "The ", "3 ", "THREE ", "1 month ", "Mayor ", "ſome ", "İstanbul ", "naïve ", "+44 ",
               "F(3, ", "(", "US$ ", "went ", "30% ", "tax rate of ", "X" * 40 + " "]
_WORD_NUMS = ["5", "15", "07", "1987", "1,234", "3.5", "12.30", "1400", "54.8", "1.2.3", "999", "0", "１２"]
_WORD_AFTERS = ["", " ", " people", " pm", " hours", " hrs", " of March", " March", " Street", " Baker Street",
                " = never", "st", "th of March", "C", " ſ", " İ", " years", " dlrs", ", ", ".", " 20 7946 0958"]


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(_WORD_LEADS), st.sampled_from(_LOWER_WORDS), st.sampled_from(_WORD_NUMS),
       st.sampled_from(_WORD_AFTERS), st.sampled_from([None, "-20", " - 20"]), st.sampled_from([None, " mln"]),
       st.sampled_from([None, " pct"]))
def test_label_test_on_the_word_reads_as_on_the_text_before(lead, words, num, after, rng, scale, tail):
    before = (lead + words + " ")[-40:]
    word = labels.word_before(before)
    if not (word.isascii() and word.isalpha() and word.islower() and before[-2:-1].isalpha()):
        return  # not the case read_match hands a word for
    assert is_excluded(num, rng, scale, tail, before, after, word) \
        == is_excluded(num, rng, scale, tail, before, after), (before, num, after)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(_WORD_LEADS), st.lists(st.sampled_from(_LOWER_WORDS + list(BOUND_OF_WORD)), min_size=1,
                                               max_size=4).map(" ".join))
def test_word_gates_pass_every_hedge_and_per_the_window_does(lead, words):
    from statlint.rules.quantities.bounds import may_end_bound
    from statlint.rules.quantities.prefix import currency_before
    from statlint.rules.quantities.rate import PER_WORDS
    text = lead + words + " 5"
    start = len(text) - 1
    before = text[max(0, start - 40):start]
    word = before[:-1].rsplit(None, 1)[-1] if before[-2:-1].isalpha() else ""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return
    window = text[max(0, start - 30):start].rstrip()
    assert window == before[-30:-1]
    if may_be_hedged(window):
        assert may_end_bound(word) or not window.isascii(), window
    if is_denominator(text, start, window):
        assert word.endswith(PER_WORDS), window
    assert currency_before(text, start, before) == (None, start)
    assert not labels.is_capitalised_name(before) and not minus_before(text, start)


# --- one numeral read with fewer calls (h-reader3) ---------------------------------------------------------------
# is_excluded decides a time or a day after a lower-case word with the gates written out for a space after the
# figure (and no month looked for before it); unit_after makes word_may_follow's test itself and powers_after
# looks for _PER_UNIT's minus sign first; _parse_numeral reads a run of digits without its general lines. Each is
# checked here against the patterns alone, on the odd characters the case-insensitive patterns fold.

def _slow_time_or_day(num: str, before: str, after: str) -> bool:
    """labels._is_time_or_day with no gate: the patterns decide."""
    if P.TIME_AFTER.match(after):
        return True
    if (len(num) == 4 or (len(num) in (4, 5) and num[-3:-2] == ".")) and P.CLOCK_HRS_AFTER.match(after):
        return True
    return len(num) <= 2 and _is_day_of_month(before, after)


_SPACED_AFTER_PIECES = _TIME_PIECES + _MONTH_PIECES + ["of", "of ", "st", "th", "ours", "rs", "hrs", "h", "\u2009",
                                                       "\x1c", "ſt", "K"]


@settings(max_examples=4000, deadline=None)
@given(st.sampled_from(_WORD_LEADS), st.sampled_from(_LOWER_WORDS + ["jan", "may", "sept", "october", "ber"]),
       st.sampled_from(_WORD_NUMS + ["1", "12", "11.30", "1.30", "123"]),
       st.lists(st.sampled_from(_SPACED_AFTER_PIECES), max_size=5).map("".join))
def test_time_or_day_after_a_word_is_the_patterns(lead, words, num, rest):
    before = (lead + words + " ")[-40:]
    after = (" " + rest)[:40]
    word = before[:-1].rsplit(None, 1)[-1]
    if not (word.isascii() and word.isalpha() and word.islower() and before[-2:-1].isalpha()):
        return  # not the case read_match hands a word for
    assert labels._is_time_or_day_after_word(num, after) == _slow_time_or_day(num, before, after), (before, after)
    with _ungated():  # the whole label test on the word, against the one on the text before with no gate
        slow = is_excluded(num, None, None, None, before, after)
    assert is_excluded(num, None, None, None, before, after, word) == slow, (before, num, after)


def _slow_unit_after(text: str, end: int, scale_word: str, num: str) -> tuple[str, int]:
    """suffix.unit_after for a figure with no currency before it, with no gate: the patterns decide."""
    from statlint.checker.units import (
        CURRENCY_WORDS, GLUED_LETTERS, GLUED_ONLY, SPACED_ONLY, VIDEO_LINES, unit_name,
    )
    from statlint.rules.quantities import suffix

    unit = "count"
    after = text[end:end + 40]
    wm = P.CURRENCY_WORD_AFTER.match(after)
    if wm:
        word = wm.group(0).strip().lower()
        unit = CURRENCY_WORDS.get(word, "count")
        if unit in ("GBP-pence",) and word == "p" and not scale_word:
            unit = "count"
        else:
            if word in ("pounds", "pound") and not scale_word and suffix._weighed(text, end, end + len(wm.group(0))):
                unit = "pound"
            end += len(wm.group(0))
    else:
        um = P.UNIT_WORD_AFTER.match(after)
        form = um.group(0).strip(" -\t\n\u00a0") if um else ""
        glued = um.group(0) == form if um else False
        name = unit_name(form) if form and not (form in GLUED_ONLY and not glued) \
            and not (form in SPACED_ONLY and glued) else None
        if name:
            unit, end = _slow_powers_after(text, end + len(um.group(0)), name)
    if unit == "count":
        glued = GLUED_LETTERS.get(text[end:end + 1])
        if glued and not text[end + 1:end + 2].isalnum() and text[end - 1:end].isdigit() \
                and not (glued == "GBP-pence" and num in VIDEO_LINES) and not suffix._year_like(num):
            return glued, end + 1
        im = P.ISO_AFTER.match(text[end:end + 8])
        if im and im.group(1) in ISO_CODES:
            unit = im.group(1)
            end += len(im.group(0))
    return unit, end


def _slow_powers_after(text: str, end: int, unit: str) -> tuple[str, int]:
    """suffix.powers_after with no gate before its patterns."""
    from statlint.checker.units import SPACED_ONLY, unit_name
    from statlint.rules.quantities import suffix

    pm = suffix._POWER.match(text, end)
    exponent = suffix._exponent(pm.group('caret') or pm.group('minus') or pm.group('sup')) if pm else None
    if exponent is not None:
        unit, end = f"{unit}**{exponent}", pm.end()
    qm = suffix._PER_UNIT.match(text, end)
    if qm:
        form = qm.group("unit")
        per = suffix._PER_SYMBOLS.get(form) or unit_name(form)
        exponent = suffix._exponent(qm.group("exp"))
        if per and (form in suffix._PER_SYMBOLS or form not in SPACED_ONLY) and exponent is not None:
            power = -exponent
            unit, end = f"{unit}/{per}" + (f"**{power}" if power != 1 else ""), qm.end()
    return unit, end


_UNIT_PIECES = [" ", "-", "\t", "\u00a0", "\u2009", "\x1c", "dlrs", "dollars", "Dollars", "DLRS", "yen", "p", "c",
                "pounds", "pound", " of cocaine", "km", "kg", "m", "s", "g", "h", "mi", "miles", "litre", "kWh", "°C",
                "μm", "µg", "ſ", "K", "K", "İ", "ı", "cm", "−3", "−1", "⁻³", "^2", "²", " s−1", " L−1", " kg−1",
                " cm−3", " Xy−1", " s", "−", "⁻", " USD", " CHF", "USD", " X", "A", "per", " per day", "x", "pct", "_", "é",
                "\u0301", "cts", " Cts", "yen", " us", " hong kong", " Dlr", "stg", " swiss",
                "mln", "the", "and", ".", ",", "1", "5"]


@settings(max_examples=5000, deadline=None)
@given(st.sampled_from(["5", "164", "1080", "2011", "3.5", "12"]), st.sampled_from(["", "m", "mln"]),
       st.lists(st.sampled_from(_UNIT_PIECES), max_size=6).map("".join))
def test_unit_after_reads_as_the_patterns_alone(num, scale_word, rest):
    text = "it was " + num + rest
    end = len("it was ") + len(num)
    assert unit_after(text, end, "count", None, scale_word, num) == _slow_unit_after(text, end, scale_word, num), text


def _general_parse_numeral(s: str):
    """checker.numbers._parse_numeral before its written-out runs of digits and points (commit eee88ee)."""
    if s.isdigit() or (s.count(".") == 1 and s.replace(".", "").isdigit() and not s.endswith(".")):
        grouping, clean = "plain", s
    elif "," in s and numbers._is_standard(s):
        grouping, clean = "standard", s.replace(",", "")
    elif numbers._PLAIN.fullmatch(s):
        grouping, clean = "plain", s
    elif numbers._STANDARD.fullmatch(s):
        grouping, clean = "standard", s.replace(",", "")
    elif numbers._INDIAN.fullmatch(s):
        grouping, clean = "indian", s.replace(",", "")
    elif numbers._EUROPEAN.fullmatch(s):
        grouping, clean = "european", s.replace(".", "").replace(",", ".")
    elif numbers._DOTTED.fullmatch(s):
        grouping, clean = "dotted", s.replace(".", "")
    else:
        grouping, clean = "malformed", "".join(ch for ch in s if ch.isdigit())
    if "." in clean:
        whole, frac = clean.split(".", 1)
        decimals, trailing = len(frac), 0
    else:
        decimals = 0
        trailing = len(clean) - len(clean.rstrip("0")) if clean.strip("0") else 0
    value = float(clean) if len(clean) < 300 else math.inf
    return numbers.Numeral(value, decimals, grouping, trailing)


def _reading_or_error(parse, s: str):
    try:
        return parse(s)
    except ValueError as e:  # ("²" is a digit to str.isdigit, not to float: the same error both ways)
        return type(e)


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["1", "0", "00", "9", ".", ",", ", ", "１", "٣", "²", "0" * 30, "7" * 40, "000",
                                 "5" * 300]), min_size=1, max_size=10).map("".join))
def test_runs_of_digits_and_points_read_as_the_general_lines(s):
    assert _reading_or_error(numbers._parse_numeral, s) == _reading_or_error(_general_parse_numeral, s), s


@pytest.mark.parametrize("s", ["5", "0", "000", "1000", "3.5", ".05", "0.0", "10.", ".", "1..2", "1.2.3", "1.²", "²",
                               "١٩٨٧", "٣.٥", "１.５", "1,234", "1,234.50", "5" * 301, "5" * 200 + "." + "5" * 200])
def test_a_numeral_reads_as_the_general_lines(s):
    assert _reading_or_error(numbers._parse_numeral, s) == _reading_or_error(_general_parse_numeral, s), s


@pytest.mark.parametrize("after", [" eſt", " Eſt", " bſt", " eſT.", " EST", " hrs", " hourſ GMT", " hours local", " of May",
                                   " of\u00a0June", " May", " pm", " p.m.", " ho", " \u2009pm", " ", ""])
@pytest.mark.parametrize("num", ["5", "12", "1400", "11.30", "123"])
def test_time_or_day_after_a_word_on_the_folded_letters(after, num):
    # "ſ" folds to "s": " eſt" is EST to the pattern, and passes the gate only as text that is not ASCII
    before = "it was at "
    assert labels._is_time_or_day_after_word(num, after) == _slow_time_or_day(num, before, after), after


@pytest.mark.parametrize("rest", [" km s−1", " km s⁻¹", " g cm⁻³", " g cm−3", " mg L⁻¹", " kg s− 1", " km s−1x", " km s", " m"])
@pytest.mark.parametrize("num", ["5", "25"])
def test_unit_after_reads_the_second_unit_as_the_pattern(rest, num):
    text = "it was " + num + rest
    end = len("it was ") + len(num)
    assert unit_after(text, end, "count", None, "", num) == _slow_unit_after(text, end, "", num), text


_CURRENCY_RESTS = [" dlrs", "dlrs", " DLRS", " Dlrs.", " dlrs_", " dlrs2", " dlrsé", " dlrs\u0301", " dlrs-", " dlr",
                   " dlrx", " dlrſ", " us dollars", " US dollars", " us", " usd", " USD.", " hong kong dlrs", " swiss francs",
                   " francs", " french francs", " pounds", " pounds of cocaine", " pound", " p", "p", " p.", " pence",
                   " stg", " cts", "c", " cents", " yen", " won", " Won", " rand", " randy", " euro-zone", " euros",
                   "\u00a0dlrs", "\tdlrs", "  dlrs", " u.s. dlrs", " U.S.dlrs", " canadian dlrs", " new zealand dollars",
                   " " + "x" * 50, " dollarſ", " ſtg", " \u212a", " sterling", " sterlings", " marks", " markka"]


@pytest.mark.parametrize("rest", _CURRENCY_RESTS)
@pytest.mark.parametrize("num,scale_word", [("5", ""), ("164", ""), ("210", ""), ("5", "m"), ("2011", "")])
def test_a_currency_word_reads_as_the_pattern(rest, num, scale_word):
    # the one-word currencies read by a look-up, against CURRENCY_WORD_AFTER alone (and "weighs ... pounds")
    for lead in ("it was ", "weighs "):
        text = lead + num + rest
        end = len(lead) + len(num)
        assert unit_after(text, end, "count", None, scale_word, num) == _slow_unit_after(text, end, scale_word, num), text


def test_no_currency_form_goes_on_from_a_one_word_currency():
    from statlint.checker.units import CURRENCY_WORDS
    from statlint.rules.quantities.suffix import _ONE_WORD_CURRENCIES
    assert {"dlrs", "cts", "yen", "stg", "p"} <= _ONE_WORD_CURRENCIES
    for w in _ONE_WORD_CURRENCIES:
        assert w in CURRENCY_WORDS and w.isascii() and w.isalpha() and w.islower()
        assert P.CURRENCY_WORD_AFTER.match(" " + w + " x").group(0) == " " + w
        assert not [f for f in CURRENCY_WORDS if f != w and f.lower().startswith(w) and not f[len(w)].isalpha()], w
