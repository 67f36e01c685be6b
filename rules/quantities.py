"""Extractor: every quantity in the text, with its unit, bound and interval.

One digit-anchored scan (rules._patterns.SCAN) finds numerals with what
follows them (range, scale, percent, "fold"); prefixes (currency symbols,
"more than") are read backwards from each match. Years, dates, times,
ordinals and names ("Boeing 737", "COVID-19") are recorded as skipped, not
read. Spelled-out numbers are read by a second, word-anchored scan.
Translation garbles are undone later by rules.garbles, which needs the
neighbouring quantities.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import replace
from functools import lru_cache

from statlint.checker.document import Document
from statlint.checker.model import Facts, Quantity, Span
from statlint.checker.numbers import (
    SCALES, TENS_WORDS, UNITS_WORDS, VULGAR, fraction_words_value, parse_numeral, rounding_interval, words_value,
)
from statlint.checker.units import CURRENCY_PREFIXES, CURRENCY_WORDS, ISO_CODES, UNIT_WORDS
from statlint.rules import _patterns as P

BOUND_OF_WORD = {
    "about": "~", "around": "~", "approximately": "~", "approx": "~", "approx.": "~", "roughly": "~",
    "some": "~", "an estimated": "~", "nearly": "<~", "almost": "<~", "close to": "~", "just under": "<~",
    "just over": ">", "more than": ">", "over": ">", "above": ">", "in excess of": ">", "exceeded": ">",
    "exceeding": ">", "topped": ">", "surpassed": ">", "passed": ">", "beyond": ">", "broke": ">",
    "crossed": ">", "at least": ">", "up to": "<", "as much as": "<", "as many as": "<", "as high as": "<",
    "less than": "<", "under": "<", "below": "<", "fewer than": "<", "at most": "<", "no more than": "<",
}
APPROX_WIDTH = 0.1  # "about 60" admits 54..66: news rounds loosely and we must never over-claim


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    quantities: list[Quantity] = []
    skipped: list[Span] = []
    label_end = -1  # where the last number read as a label ("Figs. 2", "phases 3") ends
    read_end = 0  # where the last quantity read ends ("4.3 × 10−8" takes in the "10" and the "8")
    for m in P.SCAN.finditer(text):
        if m.start() < read_end:
            continue
        q = _read_match(text, m)
        if label_end >= 0 and m.start() - label_end <= 7:
            if (q is None or _is_bare(q)) and P.LIST_JOIN.fullmatch(text, label_end, m.start()) \
                    and _list_goes_on(text, label_end, m):
                # "phases 3, 5 and 7", "Figs. 2 and 3": the list goes on naming labels
                skipped.append(Span(*m.span(P.SCAN_NUM)))
                label_end = m.end()
                continue
            label_end = -1
        if q is None:
            skipped.append(Span(*m.span(P.SCAN_NUM)))
            if _was_label(text, m):
                label_end = m.end()
        else:
            quantities.append(q)
            read_end = q.span.end
    lowered = text.lower()  # one lower-cased copy serves the fraction, number-word and pair tests
    if any(stem in text for stem in P.FRACTION_STEMS):
        # before the number words, so "two-thirds of" and "one in five" are read whole, not as "two", "five"
        digits = len(quantities)
        phrases = _fraction_phrases(text, lowered) if len(lowered) == len(text) else P.FRACTION_PHRASE.finditer(text)
        for m in phrases:
            q = _read_fraction(text, m)
            if q is not None and not _overlaps_any(quantities[:digits], [d.span.start for d in quantities[:digits]],
                                                   q.span):
                quantities.append(q)
        quantities.sort(key=lambda q: q.span.start)
    starts = [q.span.start for q in quantities]
    for m in _number_words(text, lowered):
        q = _read_words(text, m)
        if q is not None and not _overlaps_any(quantities, starts, q.span):
            quantities.append(q)
    quantities.sort(key=lambda q: (q.span.start, q.span.end))
    if _may_have_pairs(text, lowered):
        quantities = _merge_pairs(text, quantities)
    skipped += _unread_digits(text, quantities, skipped)
    return replace(facts, quantities=tuple(quantities), skipped=tuple(skipped))


def _unread_digits(text: str, quantities: list[Quantity], skipped: list[Span]) -> list[Span]:
    """The digit runs no quantity and no skipped match covers, to be recorded as skipped.

    The scan starts numbers only where a number can start, so digits glued to a word
    ("G20", "MP3", "CO2") or after a colon (the "30" of "12:30") are never matched; a
    reader that silently passes over a digit is how a checker misses a figure and
    says nothing (statcheck skipped negative p-values). Recording them keeps every
    digit of the text accounted for: read as part of a quantity, or listed as not read
    (`statlint extract` shows both; a test asserts it over the real corpus).
    `quantities` is sorted by start; `skipped` is in text order.
    """
    covered = sorted([(q.span.start, q.span.end) for q in quantities] + [(s.start, s.end) for s in skipped])
    unread: list[Span] = []
    i, n = 0, len(covered)
    for m in P.DIGIT_RUN.finditer(text):
        start, end = m.span()
        while i < n and covered[i][1] <= start:
            i += 1
        j = i
        while j < n and covered[j][0] <= start and covered[j][1] < end:
            j += 1
        if not (j < n and covered[j][0] <= start and covered[j][1] >= end):
            unread.append(Span(start, end))
    return unread


def _read_fraction(text: str, m) -> Quantity | None:
    """ "half of", "a third of", "two-thirds of", "one in five": a share, as a percentage.

    The words are loose ("half" of a poll is rarely exactly 50 %), so the interval is at least
    2.5 points either way, and "nearly"/"more than" widen it as for digits.
    """
    words = m.group(0)
    if m.group("in"):
        denominator = UNITS_WORDS.get(m.group("in").lower()) or int(m.group("in"))
        share = 100.0 / denominator if denominator else None
    else:
        share = fraction_words_value(words.replace("-", " "))
        share = share * 100 if share is not None else None
    if share is None or share > 100:
        return None
    width = max(2.5, share * 0.1)
    low, high = share - width, share + width
    bound = "="
    bm = P.BOUND_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if bm:
        bound = BOUND_OF_WORD.get(" ".join(bm.group("word").lower().split()), "=")
        low, high = _apply_bound(bound, share, low, high)
        bound = "~" if bound == "<~" else bound
    return Quantity(span=Span(m.start(), m.end()), text=words, value=share, low=low, high=high, unit="percent",
                    kind="share", bound=bound, noun=_noun_after(text, m.end()))


def _number_words(text: str, lowered: str):
    """The matches of P.NUMBER_WORD in `text`, found in a lower-cased copy when that is exact.

    Case-insensitive matching costs the `regex` engine about twice as much, and
    this scan visits every character. Lower-casing keeps offsets when it keeps
    every character one character (all but "İ" do), and then it agrees with
    IGNORECASE on what the all-lower-case pattern matches, once "ſ" (which
    IGNORECASE folds to "s") is mapped to "s"; word and space characters stay
    what they were (checked over all of Unicode). Read groups as slices of
    `text` (_read_words), not from the match: the match holds the copy.
    `lowered` is text.lower().
    """
    folded = lowered.replace("ſ", "s")
    if len(folded) != len(text):
        return P.NUMBER_WORD.finditer(text)
    return _folded_number_words(folded)


def _folded_number_words(folded: str):
    """What P.NUMBER_WORD_FOLDED.finditer(folded) yields, trying the pattern only where it can start.

    The candidates (P.NUMBER_WORD_START, a fast `re` scan) include every place a match
    can start, but for "a hundred"/"an dozen", whose article is found by looking back
    over the spaces.
    """
    def starts():
        for candidate in P.NUMBER_WORD_START.finditer(folded):
            start = candidate.start()
            if folded.startswith(("hundred", "dozen"), start):
                article_end = start
                while article_end > 0 and folded[article_end - 1].isspace():  # isspace() covers regex's \s
                    article_end -= 1
                for article in ("an", "a"):
                    if folded.startswith(article, article_end - len(article)):
                        yield article_end - len(article)
            yield start

    return _matches_at(P.NUMBER_WORD_FOLDED, folded, starts())


def _fraction_phrases(text: str, folded: str):
    """What P.FRACTION_PHRASE.finditer(text) yields, trying the pattern only where it can start.

    Every match holds a stem (P.FRACTION_STEM: "half", "third"..., "one" before "in") and
    starts at the stem ("half of", "one in five") or at the word before it and its
    spaces or hyphen ("two-thirds of"). `folded` is text.lower() with the same offsets.
    """
    def starts():
        for stem in P.FRACTION_STEM.finditer(folded):
            start = stem.start()
            if stem.group() in ("half", "one"):
                yield start
                continue
            while start > 0 and (folded[start - 1].isspace() or folded[start - 1] == "-"):
                start -= 1
            while start > 0 and folded[start - 1] in P.ASCII_LOWER:
                start -= 1
            yield start

    return _matches_at(P.FRACTION_PHRASE, text, starts())


def _matches_at(pattern, text: str, starts):
    """pattern.finditer(text)'s matches, given every position where one may start, in increasing order.

    Trying each position left to right, past the end of the last match, finds the
    leftmost match each time, as finditer does; `starts` may hold positions where
    nothing matches (the pattern is the judge), but must miss none where it would.
    """
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                yield m
                end = m.end()


def _group_text(text: str, m, group: int) -> str | None:
    """A group of a match made on a copy of `text` with the same offsets, read from `text`."""
    start, end = m.span(group)
    return text[start:end] if start >= 0 else None


def _overlaps_any(quantities: list[Quantity], starts: list[int], span: Span) -> bool:
    """Whether a span overlaps a digit quantity (quantities[:len(starts)] are sorted by start)."""
    i = bisect.bisect_left(starts, span.end)
    return i > 0 and quantities[i - 1].span.end > span.start


def _may_have_pairs(text: str, lowered: str) -> bool:
    """Whether _merge_pairs could merge anything: each of its forms needs one of these marks,
    "±"/"+/-"/"+-", an en dash, or "between" (in any case; none of its letters has a non-ASCII
    case partner, so lower() finds every spelling). A new form must add its mark here."""
    return "±" in text or "+" in text or "–" in text or "between" in lowered


def _shared_scale(low_end: Quantity, high_end: Quantity) -> float:
    """The scale word of a range's high end, which its bare low end shares: "between 437 and 450 mln
    dlrs" runs from 437 mln, not from 437. 1 when the low end has its own scale or would pass the high end."""
    if any(word in SCALES for word in low_end.text.lower().split()):
        return 1.0
    factor = next((SCALES[word] for word in high_end.text.lower().split() if word in SCALES), 1.0)
    return factor if low_end.value * factor <= high_end.value else 1.0


def _merge_pairs(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "420 ± 30 K" is one quantity (390..450 K); so are "between 2 and 3 percent" and "9.9%–16.2%".

    Called only where _may_have_pairs finds the marks these forms need.
    """
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and nxt.span.start - q.span.end <= 12:
            between = text[q.span.end:nxt.span.start]
            unit = nxt.unit if q.unit == "count" else q.unit
            if P.PLUS_MINUS.fullmatch(between) and nxt.value >= 0 and q.unit in ("count", nxt.unit):
                out.append(replace(q, span=Span(q.span.start, nxt.span.end), text=text[q.span.start:nxt.span.end],
                                   low=q.value - nxt.value, high=q.value + nxt.value, unit=unit, kind="range",
                                   bound="~"))
                i += 2
                continue
            if between == "–" and q.unit == nxt.unit and q.unit != "count" and 0 <= q.value <= nxt.value:
                # "9.9%–16.2%", "2 km–5 km": a range written with its unit twice
                out.append(replace(q, span=Span(q.span.start, nxt.span.end), text=text[q.span.start:nxt.span.end],
                                   value=(q.value + nxt.value) / 2, low=q.low, high=nxt.high, kind="range"))
                i += 2
                continue
            if P.AND_BETWEEN.fullmatch(between) and P.BETWEEN_BEFORE.search(text, max(0, q.span.start - 10), q.span.start) \
                    and q.unit in ("count", nxt.unit) and q.value <= nxt.value:
                factor = _shared_scale(q, nxt)
                out.append(replace(q, span=Span(q.span.start, nxt.span.end), text=text[q.span.start:nxt.span.end],
                                   value=(q.value * factor + nxt.value) / 2, low=q.low * factor, high=nxt.high,
                                   unit=unit, kind="range"))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _read_match(text: str, m) -> Quantity | None:
    num, frac, slash, rng, num2, scale_group, tail_group = m.groups()  # P.SCAN_GROUPS
    if not text[m.start():m.end()].isascii() and _has_unknown_digit(text[m.start():m.end()]):
        return None  # recorded as not read: a digit whose value Python's Unicode tables do not know
    start, end = m.start(P.SCAN_NUM), m.end()
    if text[start - 1:start] == "." and start:
        num, start = "." + num, start - 1  # ".05", "$.50" (P.SCAN lets a lone dot through)
    power = None
    num_end = m.end(P.SCAN_NUM)
    if text[num_end:num_end + 1] in P.POWER_INITIALS or text[num_end + 1:num_end + 2] in P.POWER_INITIALS:
        power = _power_of_ten(text, num, num_end)
        if power is not None:  # "4.3 × 10−8", "1e-3", "10⁵": a power of ten, and nothing else after the numeral
            end = power[1]
            frac = slash = rng = num2 = scale_group = tail_group = None
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if _is_excluded(num, rng, scale_group, tail_group, before, after):
        return None
    numeral = parse_numeral(num)
    value = numeral.value
    if power is not None and power[2]:
        value = 1.0  # "10⁵" alone: the numeral is the base
    if not math.isfinite(value):
        return None
    decimals, zeros = numeral.decimals, numeral.trailing_zeros
    is_quote = False
    if frac:
        n, d = frac.strip(" -").split("/")
        if int(d) == 0 or int(n) >= int(d):
            return None
        value += int(n) / int(d)
        decimals = max(decimals, 3)
    elif slash and numeral.decimals:
        is_quote = True  # "1.5798/808": a bid/offer quote; the first figure is the rate
    elif slash:
        if not slash[1:].isdigit():
            return None
        d = int(slash[1:])
        if d == 0 or numeral.grouping != "plain" or value >= d:
            return None  # "24/7", "9/11" and the like are not fractions we read
        value = value / d
        decimals = 3

    # currency written before the number
    currency = None
    prefix_start = start
    cm = P.CURRENCY_BEFORE.search(text[max(0, start - 8):start]) if _may_have_prefix(before) else None
    if cm:
        if cm.group("sym"):
            currency = CURRENCY_PREFIXES.get(cm.group("sym").rstrip(".") if cm.group("sym") == "Rs." else cm.group("sym"))
            prefix_start = start - (len(cm.group(0)))
        elif cm.group("iso") in ISO_CODES:
            currency = "CNY" if cm.group("iso") == "RMB" else cm.group("iso")
            prefix_start = start - len(cm.group(0))

    scale_word = (scale_group or "").strip().lower()
    if scale_word in ("m", "b", "k") and currency is None and not P.CURRENCY_WORD_AFTER.match(text[end:end + 40]):
        # "100m" without a currency is a distance; "5b" a model name: not a scale ("100m dollars" is)
        end = m.start(P.SCAN_SCALE)
        scale_word = ""
        tail_text = ""
    else:
        tail_text = (tail_group or "").strip().lower()
    if not scale_word and not tail_text and not frac and not slash and text[end:end + 1] in VULGAR:
        value += VULGAR[text[end]]  # "7½" (and "7½ pct")
        decimals = max(decimals, 3)
        end += 1
        pm = P.PERCENT_AFTER.match(text[end:end + 12])
        if pm:
            tail_text = "%"
            end += len(pm.group(0))
    scale = SCALES.get(scale_word, 1.0) if power is None else 10.0 ** power[0]

    unit = currency or "count"
    kind = "level"
    value2 = None
    if rng and not scale_word and not tail_text and _looks_like_years(num, num2):
        return None
    if num2:
        value2 = parse_numeral(num2).value
    if tail_text:
        if "point" in tail_text or tail_text in ("bps", "pp"):
            if "basis" in tail_text or "base" in tail_text or tail_text == "bps":
                unit, value, value2 = "percentage_point", value / 100, (value2 / 100 if value2 else None)
                decimals += 2
            else:
                unit = "percentage_point"
        elif "fold" in tail_text or tail_text in ("times", "x"):
            unit, kind = "times", "multiplier"
        else:
            unit = "percent"
    noun = None
    if unit == "count" or unit == currency:
        # (a currency word or unit after the number is read only when no currency came before it)
        word_next = currency is None and _word_may_follow(text, end)
        wm = P.CURRENCY_WORD_AFTER.match(text[end:end + 40]) if word_next else None
        if currency is None and wm:
            word = wm.group(0).strip().lower()
            unit = CURRENCY_WORDS.get(word, "count")
            if unit in ("GBP-pence",) and word == "p" and not scale_word:
                unit = "count"
            else:
                end += len(wm.group(0))
        elif word_next:
            um = P.UNIT_WORD_AFTER.match(text[end:end + 40])
            # (.get: case-insensitive matching accepts "mİ" and "kmſ", whose lower case is no key)
            unit_name = UNIT_WORDS.get(um.group(0).strip().lower()) if um else None
            if unit_name:
                unit = unit_name
                end += len(um.group(0))
        if (unit == "count" or unit == currency) and currency is None and text[end + 1:end + 2] in P.ASCII_UPPER:
            im = P.ISO_AFTER.match(text[end:end + 8])
            if im and im.group(1) in ISO_CODES:
                unit = im.group(1)
                end += len(im.group(0))
        noun = _noun_after(text, end)

    # sign
    negative = False
    if prefix_start >= 1 and text[prefix_start - 1] in "-−" and (prefix_start == 1 or not text[prefix_start - 2].isalnum()):
        negative = True
        prefix_start -= 1

    # "Voyager 2", "Claudin 19", "Apollo 11": a capitalised name and a small bare integer
    if (unit == "count" and not scale_word and not tail_text and numeral.grouping == "plain" and not decimals
            and value < 1000 and not rng and before[-2:-1] in P.ASCII_LOWER and P.CAPITALISED_NAME_BEFORE.search(before)):
        return None

    # plain years are not quantities
    if (unit == "count" and not scale_word and numeral.grouping == "plain" and not decimals and
            1900 <= value <= 2100 and len(num) == 4 and not rng and not negative):
        return None

    if scale_word or tail_text or value < 1000 or power is not None:
        zeros = 0  # "10 mln", "20 pct", "120": the last digit is the precision; "3,000" may be rounded
    low, high = rounding_interval(value, decimals, zeros, scale)
    if value2 is not None:
        n2 = parse_numeral(num2)
        low2, high2 = rounding_interval(value2, n2.decimals, 0 if scale_word else n2.trailing_zeros, scale)
        low, high = min(low, low2), max(high, high2)
        kind = "range"
    value *= scale
    if value2 is not None:
        value = (value + value2 * scale) / 2
    if negative:
        value, low, high = -value, -high, -low

    if is_quote:
        kind = "quote"
    spaced = prefix_start > 0 and text[prefix_start - 1].isspace()
    # PER_BEFORE and BOUND_BEFORE end in a word and spaces: the word's last letter tells
    # cheaply whether either can match (a "per" in the last 6 characters is in these 30 too)
    bound_window = text[max(0, prefix_start - 30):prefix_start] if spaced else ""
    last_letter = bound_window.rstrip()[-1:]
    if last_letter in P.PER_FINALS and P.PER_BEFORE.search(text, max(0, prefix_start - 6), prefix_start):
        kind = "denominator"  # "46.5 Ecus per 100 kilos"
    bound = "="
    # (searched in place, not in the window's copy, so \b sees the letter before: "Turnover 3.71" is no bound)
    bm = P.BOUND_BEFORE.search(text, max(0, prefix_start - 30), prefix_start) if last_letter in P.BOUND_FINALS else None
    if bm:
        word = " ".join(bm.group("word").lower().split())
        bound = BOUND_OF_WORD.get(word, "=")
        low, high = _apply_bound(bound, value, low, high)
        if bound == "<~":
            bound = "~"
    return Quantity(
        span=Span(prefix_start, end), text=text[prefix_start:end], value=value, low=low, high=high,
        unit=unit, kind=kind, bound=bound, noun=noun, decimals=decimals, grouping=numeral.grouping,
    )


def _has_unknown_digit(matched: str) -> bool:
    """Whether a match holds a digit `regex` knows (its Unicode tables are newer) and Python does not,
    such as the Garay digits of Unicode 16: float() and int() cannot read those."""
    return any(not ch.isdecimal() for run in P.DIGIT_RUN.findall(matched) for ch in run)


def _is_bare(q: Quantity) -> bool:
    """A plain count as written, no unit, sign, bound or scale: what a label list continues with."""
    return q.unit == "count" and q.kind in ("level", "range") and q.bound == "=" and q.grouping == "plain" \
        and not q.decimals and q.text[:1].isdigit() and q.text[-1:].isdigit()


def _list_goes_on(text: str, label_end: int, m) -> bool:
    """A comma alone continues a list only up to another member or the list's end: "Figs. 2, 5 and 7",
    "(phases 3, 5)", but not "in Fig. 10, 350 electrons were injected"."""
    join = text[label_end:m.start()]
    if "," not in join or "and" in join or "or" in join or "&" in join:
        return True
    nxt = text[m.end():m.end() + 5]
    return nxt[:1] in ",;:)]." or nxt == "" or nxt.startswith((" and ", " or ", " & "))


def _was_label(text: str, m) -> bool:
    """Whether a skipped match heads a list of labels: it follows a naming word ("Figs. 2", "phases 3")
    or has a letter glued after it ("Figures 3A"). Names ("COVID-19", "OPEC 2") head no list."""
    after = text[m.end():m.end() + 2]
    if after[:1] in P.ASCII_LETTERS and P.LABEL_AFTER.match(after):
        return True
    before = text[max(0, m.start(P.SCAN_NUM) - 40):m.start(P.SCAN_NUM)]
    if not before[-1:].isspace():
        return False
    word = _word_before(before)
    if word in P.AGE_WORDS:
        return False  # "aged 18 to 21", "aged 66 and 50": ages, however "aged 45" alone is read
    names, bare_names, _ = _label_word_kind(word)
    return names or bare_names


def _has_letter(before: str) -> bool:
    """Whether the word that ends `before` (no space at its end) has a letter in it."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return any(ch.isalpha() for ch in word)


def _word_before(before: str) -> str:
    """The word before the spaces that end `before`, without an opening bracket or quote."""
    stripped = before.rstrip()
    return stripped.rsplit(None, 1)[-1].lstrip("([{\"'“‘") if stripped else ""


def _counted(before: str) -> bool:
    """Whether the word before the number is itself counted ("3 months 424.00", "THREE MONTHS 424.00",
    "1 month   6.32"): a period or a measure, then a figure of its own, not a name and its number."""
    words = before.split()
    if len(words) < 2:
        return False
    counter = words[-2].lower()
    return counter[-1:].isdigit() or counter in UNITS_WORDS or counter in TENS_WORDS


def _power_of_ten(text: str, num: str, num_end: int) -> tuple[int, int, bool] | None:
    """(exponent, end, whether the numeral is the base 10 itself) for "3 × 10^5", "4.3 × 10−8",
    "2.5e-3" and a lone "10⁻⁴", "10^6" or "10−4" (a minus sign, not a hyphen: "10-4" is a range or a score)."""
    pm = P.POWER_AFTER.match(text, num_end)
    if pm is None:
        return None
    alone = pm.group("mark") is None
    if alone and num != "10":
        return None
    exponent = int(pm.group("exp").translate(P.SUPERSCRIPT_DIGITS))
    return (exponent, pm.end(), alone) if abs(exponent) <= 300 else None


def _word_may_follow(text: str, end: int) -> bool:
    """Cheap test before CURRENCY_WORD_AFTER and UNIT_WORD_AFTER, which match an optional white-space
    character and then a word that starts with a letter or, as "°C" does, a non-ASCII character.
    (isspace() takes in every character regex's \\s does, and a few more: a superset.)"""
    c = text[end:end + 1]
    if c.isspace():
        c = text[end + 1:end + 2]
    return c.isalpha() or not c.isascii()


def _noun_after(text: str, end: int) -> str | None:
    """The word after a quantity ("150 mln dlrs" -> "dlrs" after the unit is read)."""
    wn = P.WORD_AFTER.match(text, end, end + 40)
    return wn.group(1).lower() if wn else None


def _may_have_prefix(before: str) -> bool:
    """Cheap test before the currency-prefix regex: a symbol, or an upper-case code, ends the text."""
    tail = before[-2:].rstrip()
    return bool(tail) and (tail[-1] in P.CURRENCY_SYMBOL_CHARS or tail[-1].isupper() or tail[-1] in ".sp")


def _apply_bound(bound: str, value: float, low: float, high: float) -> tuple[float, float]:
    spread = abs(value) * APPROX_WIDTH
    if bound == "~":
        return min(low, value - spread), max(high, value + spread)
    if bound == "<~":  # "nearly", "almost": at or a little below
        return min(low, value - spread), high
    if bound == ">":  # "more than 3 million": above the figure itself, whatever its rounding
        return value, math.inf
    if bound == "<":
        return (-math.inf if value < 0 else 0.0), value
    return low, high


def _looks_like_years(a: str, b: str) -> bool:
    """ "1987-88", "2021-2022" and phone-number shapes like "555-1234"."""
    if len(a) == 4 and a[:2] in ("19", "20") and (len(b) == 2 or (len(b) == 4 and b[:2] in ("19", "20"))):
        return True
    return len(a) == 3 and len(b) == 4 and "," not in a + b


def _is_excluded(num: str, rng: str | None, scale: str | None, tail: str | None, before: str, after: str) -> bool:
    """Numbers that are not quantities: names, dates, times, ordinals, codes.

    Each small pattern is tried only when the characters it needs are there
    (P.ORDINAL_SUFFIXES, P.TIME_INITIALS...): most numbers fail them all.
    """
    if num.count(".") == 2 and P.DOTTED_DATE.fullmatch(num):
        return True
    if _is_label_before(before, bare=not (tail or scale or rng or "," in num), after=after) \
            and not ("." in num and _word_before(before) in P.AGE_WORDS):
        return True  # (an age with decimals is a measurement: "mean age 54.8 years")
    if num[:1] == "0" and num[1:2].isdigit():
        return True  # "007", "(001)", "040301": a code, not a quantity
    if not tail and not scale and after[:2] in P.ORDINAL_SUFFIXES and P.ORDINAL_AFTER.match(after):
        return True
    if not tail and not scale and not rng and after[:1] in P.ASCII_LETTERS:
        if P.LABEL_AFTER.match(after) and not P.CURRENCY_BEFORE.search(before) and not P.GLUED_UNIT.match(after):
            return True  # "Figure 3C", "a 4D survey": labels, not measurements ("400eV", "10MW" are)
        if after[:1] in P.ASCII_UPPER and P.ISOTOPE_AFTER.match(after):
            return True  # "the 187Os/188Os ratio": isotopes
    if not tail and not scale and "α" <= after[:1] <= "ω" and after[:1] != "μ":
        return True  # "2σ", "30ε", "2θ": a coefficient of a symbol, not a measurement ("5μm" is)
    if after[:1] in "= " and after.lstrip(" ")[:1] == "=" and not tail and not scale and not rng \
            and not P.CURRENCY_BEFORE.search(before):
        return True  # "0 = never, 1 = sometimes": a code being defined
    if before.endswith("(") and after.startswith(")") and not tail and not scale:
        return True  # "(1)": an enumeration
    if not tail and not scale and not rng:
        if _may_be_time(after) and P.TIME_AFTER.match(after):
            return True
        if after[:1] == "/" and after[1:2].isdigit():
            return True  # a date 12/03/2020 or a ratio we do not read
        if len(num) <= 2 and _is_day_of_month(before, after):
            return True
    if after[:1] in ("-",) and after[1:2].isalpha() and not tail and num.isdigit():
        if len(num) == 4:
            return True  # "2021-style"
        if after[1:2] in P.ASCII_UPPER and not after[2:3].isalpha():
            return True  # "a 3-D model", "the 10-K filing"
    return False


def _may_be_time(after: str) -> bool:
    """Cheap test before TIME_AFTER: ":" or one of its words, right away or after one space."""
    return after[:1] == ":" or after[:1] in P.TIME_INITIALS or after[1:2] in P.TIME_INITIALS


def _is_day_of_month(before: str, after: str) -> bool:
    """ "Jan 5", "5th of March": a month name right before or after the number.

    The month patterns are tried only when a month name could end the text before
    (P.MONTH_FINALS) or start the text after, past an ordinal suffix and spaces.
    """
    if before.rstrip()[-1:] in P.MONTH_FINALS and P.MONTH_BEFORE.search(before):
        return True
    rest = after[2:] if after[:2] in P.ORDINAL_SUFFIXES else after
    return rest.lstrip()[:1] in P.MONTH_INITIALS and bool(P.MONTH_AFTER.match(after))


def _measured_after(after: str, before: str) -> bool:
    """Whether a spaced currency or unit word follows the number ("OPEC WANTS 27 DLR OIL PRICE",
    "255 YEN"), so a short upper-case word before it is a headline's word, not a name ("OAE 2").
    Not after a month ("APR 7 Dlrs" is a date) nor glued ("APR 460P" is an option's strike)."""
    if after[:1] != " " or not after[1:2].isalpha():
        return False
    if P.CURRENCY_WORD_AFTER.match(after):
        measured = True
    else:
        um = P.UNIT_WORD_AFTER.match(after)
        measured = bool(um and UNIT_WORDS.get(um.group(0).strip().lower()))
    return measured and not P.MONTH_BEFORE.search(before[-12:].title())


def _is_label_before(before: str, bare: bool, after: str = "") -> bool:
    """A letter glued before ("G20", "COVID-19", "year−1"), a naming word ("Section 427",
    "Figure 3"), an acronym ("OAE 2"), a citation bracket ("[33"), a unit's power ("g− 1")
    or the rest of an angle ("57°44’8.47”"): the number is a label or part of another figure.

    Plain string tests rather than one backwards regex: this runs for every number.
    """
    if not before:
        return False
    last = before[-1]
    if last == " ":  # most numbers: a word and a space before them
        return _is_label_word_before(before, bare, after)
    if last.isalpha():
        return not before.endswith(("RM", "Rs", "Rp", "RMB"))
    if last in P.GLUED_LABEL_CHARS:
        return True
    if last == "−" and before[-3:-1] == "10" and not before[-4:-3].isdigit():
        return True  # "10−4": an exponent
    if last in "-−":
        # "year−1"; "hSOX2-23", "A320-200": a name with letters and digits, then a number
        return len(before) > 1 and (before[-2].isalpha() or (before[-2].isdigit() and _has_letter(before[:-1])))
    if last == "(":
        return bare and before[-2:-1].isalpha()  # "F(3, 8.9)", "poly(3-hexylthiophene)": arguments
    if not last.isspace():
        return False
    return _is_label_word_before(before, bare, after)


def _is_label_word_before(before: str, bare: bool, after: str) -> bool:
    """_is_label_before for a `before` that ends in white space: the word before the spaces decides."""
    if before.endswith("− ") and before[-3:-2].isalpha():
        return True  # "12 mA g− 1", "mg cm− 2": a unit's power, spaced
    word = _word_before(before)
    if not word:
        return False
    names, bare_names, acronym = _label_word_kind(word)
    if names:
        return True
    if bare and bare_names and not _counted(before):
        return True
    # an acronym names a bare number ("OAE 2") but not a measured one ("CPI 3.2 pct", "OPEC 15.8 mln")
    # (one space apart: "WHEAT            2,692.4" is a table row, not a name)
    return (bare and acronym and before.endswith(" ") and not before.endswith("  ")
            and not _measured_after(after, before))


@lru_cache(maxsize=4096)
def _label_word_kind(word: str) -> tuple[bool, bool, bool]:
    """(names any number, names a bare number, an acronym that may name one) for the word before a
    number; the same few hundred words come before most numbers, so each is worked out once."""
    lower = word.lower()
    return (word in P.NAME_WORDS or lower in P.NAME_WORDS_ANY_CASE, lower in P.BARE_NAME_WORDS,
            _is_acronym(word) and word not in P.ISO_CODE_LIST and word not in ("RM", "Rs", "Rp"))


def _is_acronym(word: str) -> bool:
    """ "OAE", "CPI": two to five upper-case ASCII letters (string tests: this runs for many numbers)."""
    return 2 <= len(word) <= 5 and word.isascii() and word.isalpha() and word.isupper()


def _fold_case(words: str) -> str:
    """Lower case as the case-insensitive patterns see it: they take "ſ" for "s" and "İ" for "i"
    ("thouſand", "mİllion"), which lower() alone leaves as "ſ" and "i" plus a combining dot."""
    return words.lower().replace("ſ", "s").replace("i\u0307", "i")


def _read_words(text: str, m) -> Quantity | None:
    # P.NUMBER_WORD_GROUPS, read from `text`: the match may be on a lower-cased copy (_number_words)
    words, scale_group, tail_group = (_group_text(text, m, i) for i in (1, 2, 3))
    end = m.end()
    words = _fold_case(words)
    tokens = words.replace("-", " ").split()
    if all(t in ("a", "an", "and") for t in tokens):
        return None
    # "a"/"an" only counts in front of hundred/dozen/thousand...: drop a leading lone article
    start = m.start(P.NUMBER_WORD_WORDS)
    if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in ("hundred", "dozen")) and not scale_group:
        return None
    value = words_value(words)
    if value is None:
        return None
    if tokens == ["one"] and not scale_group and not tail_group:
        return None  # "one of the", "one day": too vague to read as a count
    scale_word = _fold_case(scale_group or "").strip()
    value *= SCALES.get(scale_word, 1.0)
    tail = _fold_case(tail_group or "").strip()
    unit, kind = "count", "level"
    if "point" in tail:
        unit = "percentage_point"
    elif "fold" in tail or "times" in tail:
        unit, kind = "times", "multiplier"
    elif tail:
        unit = "percent"
    # spelled-out numbers are exact as words, but a scale word makes them round ("two million")
    if scale_word:
        low, high = rounding_interval(value / SCALES[scale_word], 0, 0, SCALES[scale_word])
    elif unit != "count":
        low, high = rounding_interval(value, 0, 0)  # "nine pct" is as rounded as "9 pct"
    else:
        low, high = value, value
    if unit == "count":
        unit, end = _currency_after_words(text, end, unit, bool(scale_word))
    noun = _noun_after(text, end)
    return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high,
                    unit=unit, kind=kind, noun=noun)


def _currency_after_words(text: str, end: int, unit: str, scaled: bool) -> tuple[str, int]:
    """ "one billion dlrs", "nine mln dlrs", "two million euros": a currency word after spelled-out money.

    As for digits, a lone "p" is pence only after a scale ("two m p" is rare; "five p" is a page or a point).
    """
    wm = P.CURRENCY_WORD_AFTER.match(text[end:end + 40])
    if not wm:
        return unit, end
    word = wm.group(0).strip().lower()
    currency = CURRENCY_WORDS.get(word)
    if currency is None or (currency == "GBP-pence" and word == "p" and not scaled):
        return unit, end
    return currency, end + len(wm.group(0))
