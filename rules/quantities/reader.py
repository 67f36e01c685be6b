"""One figure in digits, read from a match of the scan: the steps in order, assembled into a Quantity.

Each step lives in its own module: numeral (fraction, power of ten, scale),
labels (is this a name or a date?), prefix (currency, sign), suffix (percent,
points, currency and unit words), rate ("per"), bounds (hedges). This module
only calls them in order and builds the Quantity; None means "not a quantity"
(the caller records the digits as not read).
"""
from __future__ import annotations

import math
from sys import intern

from statlint.checker.model import Quantity, Span, new_quantity, new_span
from statlint.checker.numbers import SCALES, VULGAR, _parse_short_numeral, parse_numeral, rounding_interval
from statlint.rules import _patterns as P
from statlint.rules.quantities.labels import is_capitalised_name, is_excluded, is_label_before, looks_like_years
from statlint.rules.quantities.numeral import (
    add_fraction, has_unknown_digit, is_distance_not_scale, power_of_ten, vulgar_after,
)
from statlint.rules.quantities.prefix import currency_before, minus_before
from statlint.rules.quantities.suffix import _RATE_INITIALS, rate_after, tail_unit, unit_after
from statlint.rules.quantities.bounds import _PHRASES_BY_END, hedged, may_be_hedged
from statlint.rules.quantities.exact import is_set_rate
from statlint.rules.quantities.rate import PER_WORDS, is_denominator
from statlint.rules.quantities.ratio import ratio_after


_NUM, _SCALE = P.SCAN_NUM, P.SCAN_SCALE
_WORD_AFTER_MATCH = P.WORD_AFTER.match  # (a `re` pattern, compiled at import as before)


def read_match(text: str, m) -> Quantity | None:
    # Most matches are a bare numeral (`simple`: nothing after it in the match, no power of ten) after a word and
    # a space: the steps for a fraction, a range, a scale or a tail are skipped as a block for those, and the
    # cheap test that opens a helper is made here where the helper is rarely needed (a call costs as much as
    # the test). Each such test repeats the helper's own first test, so the helper alone reads the same.
    num, frac, slash, rng, num2, scale_group, tail_group = m.groups()  # P.SCAN_GROUPS
    start, num_end = m.span(_NUM)
    end = m.end()
    # (the match starts on its numeral, SCAN's look-behinds taking no characters: a bare match is the numeral)
    if not (num if end == num_end else m.group()).isascii() and has_unknown_digit(m.group()):
        return None  # recorded as not read: a digit whose value Python's Unicode tables do not know
    if start and text[start - 1] == ".":
        num, start = "." + num, start - 1  # ".05", "$.50" (P.SCAN lets a lone dot through)
    power = None
    if text[num_end:num_end + 1] in P.POWER_INITIALS or text[num_end + 1:num_end + 2] in P.POWER_INITIALS:
        power = power_of_ten(text, num, num_end)
        if power is not None:  # "4.3 × 10−8", "1e-3", "10⁵": a power of ten, and nothing else after the numeral
            end = power[1]
            frac = slash = rng = num2 = scale_group = tail_group = None
    simple = not (frac or slash or rng or scale_group or tail_group)
    before = text[start - 40 if start > 40 else 0:start]
    # The commonest case (over half the matches): a word of lower-case ASCII letters and one space before the
    # figure. That word is read here once (`word`, as labels.word_before reads it) and decides what the steps
    # would each find again: no currency prefix or minus sign ends it, it is no capitalised name, and the label,
    # hedge and "per" tests are made on the word alone.
    word = None
    if before[-1:] == " " and before[-2:-1] in P.ASCII_LOWER:
        word = before[:-1].rsplit(None, 1)[-1]
        if not (word.isascii() and word.isalpha() and word.islower()):
            word = None
    if simple and power is None:
        if text[end:end + 1] == ":":
            ratio = ratio_after(text, num, end)
            if ratio is not None and not is_label_before(before, bare=True) and not is_capitalised_name(before):
                value, low, high, end = ratio
                return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high,
                                unit="ratio", kind="ratio", grouping="plain")
        if len(num) == 4 and is_plain_year(text, num, start, end, before, unprefixed=word is not None):
            return None  # plain years are not quantities (the test at the end, decided before the chain)
    if is_excluded(num, rng, scale_group, tail_group, before, text[end:end + 40], word):
        return None
    # (parse_numeral's own test, made here: its cached reading of a short numeral without the call around it)
    numeral = _parse_short_numeral(num) if len(num) <= 24 else parse_numeral(num)
    value = 1.0 if power is not None and power[2] else numeral.value  # "10⁵" alone: the numeral is the base
    if not math.isfinite(value):
        return None
    zeros = numeral.trailing_zeros
    decimals = numeral.decimals
    is_quote = False
    if frac or slash:
        fraction = add_fraction(value, decimals, numeral.grouping, frac, slash)
        if fraction is None:
            return None
        value, decimals, is_quote = fraction

    # (after a lower-case word and a space no currency prefix can end: currency_before's first test)
    currency, prefix_start = currency_before(text, start, before) if word is None else (None, start)
    if simple:  # no scale word, no tail, no second figure
        scale_word = tail_text = ""
        value2 = None
        if text[end:end + 1] in VULGAR:
            value, decimals, end, tail_text = vulgar_after(text, end, value, decimals)  # "7½", "7½ pct"
        scale = 1.0 if power is None else 10.0 ** power[0]
    else:
        scale_word = scale_group.strip().lower() if scale_group else ""
        if is_distance_not_scale(scale_word, currency, text, end):
            if scale_word == "k" and not scale_group[0].isspace():
                # glued: "30K jobs", "50K Walk" (km), "512K broadband" (kbps), "16k" (kB), "2k projectors": without
                # a currency the letter's meaning cannot be told, and the number without it is wrong; not read
                # (spaced, "300 K" is kelvin in a science text and stays a figure)
                return None
            end, scale_word, tail_text = m.start(_SCALE), "", ""
        else:
            tail_text = tail_group.strip().lower() if tail_group else ""
        if not scale_word and not tail_text and not frac and not slash and text[end:end + 1] in VULGAR:
            value, decimals, end, tail_text = vulgar_after(text, end, value, decimals)  # "7½", "7½ pct"
        scale = SCALES.get(scale_word, 1.0)  # (a power of ten leaves the match simple)
        if scale_word[:4] == "lakh" and text[end:end + 6].lower() == " crore" and not text[end + 6:end + 7].isalpha():
            # "Rs 1.2 lakh crore": a lakh of crores, 10^12 (the scan takes one scale word); "crores" reads so too
            scale, end = 1e12, end + 6
        elif scale_word[:4] == "lakh" and text[end:end + 7].lower() == " crores" and not text[end + 7:end + 8].isalpha():
            scale, end = 1e12, end + 7

        if rng and not scale_word and not tail_text and looks_like_years(num, num2):
            return None
        value2 = parse_numeral(num2).value if num2 else None
    unit, kind, shift = currency or "count", "level", 0
    if tail_text:  # (in a simple match, from a vulgar fraction: "7½ pct")
        written_decimals = decimals
        unit, kind, value, value2, decimals = tail_unit(tail_text, value, value2, decimals)
        shift = decimals - written_decimals  # basis points read as points: two more decimals, both ends
    noun = None
    if unit == "count" or unit == currency:
        if currency is None:  # (after a currency, unit_after reads nothing)
            unit, end = unit_after(text, end, unit, currency, scale_word, num)
        # (rate_after leaves a count as it is, and reads nothing unless "/" or white space and one of
        # _RATE_INITIALS follows: its own test, made here)
        if unit != "count":
            c = text[end:end + 1]
            if c == "/" or (c.isspace() and text[end + 1:end + 2] in _RATE_INITIALS):
                unit, end = rate_after(text, end, unit)
        # noun_after(text, end), written out
        wn = _WORD_AFTER_MATCH(text, end, end + 40)
        noun = intern(wn.group(1).lower()) if wn else None
    negative = prefix_start > 0 and text[prefix_start - 1] in "-−" and minus_before(text, prefix_start)
    if negative:
        prefix_start -= 1

    bare = unit == "count" and not scale_word and numeral.grouping == "plain" and not decimals and not rng
    if bare and not tail_text and value < 1000 and word is None and is_capitalised_name(before):
        return None  # "Voyager 2", "Claudin 19", "Apollo 11"
    if bare and 1900 <= value <= 2100 and len(num) == 4 and not negative:
        return None  # plain years are not quantities

    if scale_word or tail_text or value < 1000 or power is not None:
        zeros = 0  # "10 mln", "20 pct", "120": the last digit is the precision; "3,000" may be rounded
    if not decimals and zeros <= 0 and value >= 0:
        low, high = (value - 0.5) * scale, (value + 1.0) * scale  # rounding_interval's commonest case, written out
    elif decimals and value >= 0:
        half = 0.5 * 10.0 ** (-decimals)  # rounding_interval's next commonest, written out as it computes it
        low, high = (value - half) * scale, (value + 2 * half) * scale
    else:
        low, high = rounding_interval(value, decimals, zeros, scale)
    if value2 is not None:
        n2 = parse_numeral(num2)
        low2, high2 = rounding_interval(value2, n2.decimals + shift, 0 if scale_word else n2.trailing_zeros, scale)
        low, high = min(low, low2), max(high, high2)
        kind = "range"
        value = (value * scale + value2 * scale) / 2
    elif scale != 1.0:
        value *= scale
    if negative:
        value, low, high = -value, -high, -low
    if is_quote:
        kind = "quote"

    # PER_BEFORE and BOUND_BEFORE end in a word and spaces: the words before the figure tell
    # cheaply whether either can match (its last word; "per" is within these 30)
    bound = "="
    if word is not None:  # the window ends in `word`: one space after it, before the figure (no prefix)
        window = before[-30:-1]
        if word.endswith(PER_WORDS) and is_denominator(text, start, window):
            kind = "denominator"
        # (may_end_bound(word), written out)
        if (word[-2:] in _PHRASES_BY_END or word.endswith("the") or not window.isascii()) and may_be_hedged(window):
            bound, low, high = hedged(text, start, value, low, high)
    elif prefix_start > 0 and text[prefix_start - 1].isspace():
        window = text[prefix_start - 30 if prefix_start > 30 else 0:prefix_start].rstrip()
        if window:
            if is_denominator(text, prefix_start, window):
                kind = "denominator"  # "46.5 Ecus per 100 kilos"
            if may_be_hedged(window):
                bound, low, high = hedged(text, prefix_start, value, low, high)
    if bound == "=" and unit == "percent" and kind == "level" and is_set_rate(text, prefix_start):
        low = high = value  # "a discount rate of 5.5 pct": decided, not rounded
    # Quantity(...) as checker.model.new_quantity builds it (the same instance in a third of the time, ~38,000 times per
    # corpus), its fields in order: span, text, value, low, high, unit, kind, bound, year, noun, garble, raw_value,
    # decimals, grouping
    return new_quantity(new_span(prefix_start, end), text[prefix_start:end], value, low, high,
                        unit, kind, bound, None, noun, None, None, decimals, numeral.grouping)


def is_plain_year(text: str, num: str, start: int, end: int, before: str, unprefixed: bool = False) -> bool:
    """Whether a bare four-digit numeral (no fraction, range, scale, tail or power after it) is a plain year,
    which read_match would drop at its end: 1900-2100 in ASCII digits, no currency or minus sign before it,
    no ratio colon or vulgar fraction glued after it, and no currency, unit or glued letter that
    unit_after would read after it. Those are all the steps between that can make the figure anything
    but a bare count; every other step either drops the figure too or does not touch its unit.
    Decided here, a plain year (one match in ten) skips the label, date and hedge tests it cannot need.
    `unprefixed`: the caller knows a lower-case word and a space come before (no currency, no minus sign).
    """
    if not ("1900" <= num <= "2100" and num.isascii() and num.isdigit()):
        return False
    c = text[end:end + 1]
    if c == ":" or c in VULGAR:
        return False
    if not unprefixed and (currency_before(text, start, before)[0] is not None or minus_before(text, start)):
        return False
    return unit_after(text, end, "count", None, "", num)[0] == "count"
