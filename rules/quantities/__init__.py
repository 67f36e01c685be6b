"""Extractor: every quantity in the text, with its unit, bound and interval.

The number reader, in small steps, one module each:

- scan: the digit-anchored scan over the text, lists of labels, unread digits;
- reader: one match read into a Quantity, calling in order
  numeral (fraction, power of ten, scale), labels (names, dates, codes),
  prefix (currency, sign), suffix (percent, points, currency and unit words),
  rate ("per"), bounds (hedges such as "about", "more than");
- words: figures in words ("two million", "half of", "one in five");
- pairs: two figures that make one ("420 ± 30", "between 2 and 3 pct");
- lists: a unit written once for a list ("1, 5 and 10 mg").

Years, dates, times, ordinals and names ("Boeing 737", "COVID-19") are
recorded as skipped, not read. Translation garbles are undone later by
rules.garbles, which needs the neighbouring quantities.
"""
from __future__ import annotations

import bisect
from itertools import repeat
from operator import attrgetter

from statlint.checker.document import Document
from statlint.checker.model import Facts, Quantity, Span, replace
from statlint.rules.quantities.lists import share_list_units
from statlint.rules.quantities.pairs import may_have_pairs, merge_pairs
from statlint.rules.quantities.scan import scan_digits, unread_digits
from statlint.rules.quantities.words import read_fraction, read_half_scales, read_words, with_hyphen_scale, word_scans


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    quantities, skipped, loose_runs = scan_digits(text)
    lowered = text.lower()  # one lower-cased copy serves the fraction, number-word and pair tests
    phrases, number_word_matches = word_scans(text, lowered)
    # before the number words, so "two-thirds of" and "one in five" are read whole, not as "two", "five"
    fractions = [q for q in map(read_fraction, repeat(text), phrases) if q is not None]
    fractions += read_half_scales(text, lowered)  # "half a million" (no "of": no fraction phrase)
    if fractions:
        digit_starts = [d.span.start for d in quantities]  # (_overlaps_any looks only at the first len(starts))
        for q in fractions:
            if not _overlaps_any(quantities, digit_starts, q.span):
                quantities.append(q)
        quantities.sort(key=lambda q: q.span.start)
    starts = [q.span.start for q in quantities]
    for m in number_word_matches:
        q = read_words(text, m)
        if q is not None and text[q.span.end:q.span.end + 1] == "-":
            q = with_hyphen_scale(text, q)  # "ten-thousand people"
        if q is not None and not _overlaps_any(quantities, starts, q.span):
            quantities.append(q)
    quantities.sort(key=_START_END)
    if len(quantities) > 1 and may_have_pairs(text, lowered):  # (a pair needs two figures; most short texts have none)
        quantities = merge_pairs(text, quantities)
    quantities = share_list_units(text, quantities)
    # (every run scan_digits left out is held by a digit quantity or a skipped numeral of its own: the steps
    # above keep each digit quantity's span or grow it, merge_pairs into a span holding both, so it still is)
    skipped += unread_digits(loose_runs, quantities, skipped)
    return replace(facts, quantities=tuple(quantities), skipped=tuple(skipped))


_START_END = attrgetter("span.start", "span.end")  # the sort key (start, end), got in C rather than by a lambda


def _overlaps_any(quantities: list[Quantity], starts: list[int], span: Span) -> bool:
    """Whether a span overlaps a digit quantity (quantities[:len(starts)] are sorted by start)."""
    i = bisect.bisect_left(starts, span.end)
    return i > 0 and quantities[i - 1].span.end > span.start
