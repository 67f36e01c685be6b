"""Extractor: undo the number garbles that machine translation leaves behind.

Chinese counts in 万 (10^4) and 亿 (10^8). A translation engine that renders
万 as "10,000" turns "522万辆" into "522 10,000 units"; 亿 becomes
"100 million"; a year can be glued onto the next number ("202310,000");
"30亿6500万" becomes "3 billion 6,500 million". This extractor records each
garble as a Garble fact and, where the intended figure is clear, replaces
the quantities involved by one quantity carrying the repaired value (with
`garble` set and the literal reading kept in `raw_value`), so growth checks
compare what the writer meant.

It also records malformed digit grouping ("4178,027", "5.17,000",
"920, 000"), dotted grouping in a text that uses "." as its decimal point,
Indian grouping ("1,00,000") in a text that says nothing of South Asia, and
a decimal comma before a scale word or a percent ("3,5 million", "2,7 bln",
"5,19 per cent"): an English text writes "3.5 million", and the reader's
literal "35 million" is ten times what was meant, so that figure is read as
the decimal it is.

Russian counts money in "тыс." (thousand), "млн" (million) and "млрд"
(billion). Left untranslated ("5 тыс. rubles"), cut to "thous.", or
translated with the abbreviation's point kept ("45 thousand. rubles",
"3 mln. rubles"), the scale or the unit after it goes unread; each is recorded
(kind "scale-word") and the figure re-read whole; so is a Chinese or Japanese
scale character left in ("522万 units", "3億 yen").
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Garble, Quantity, Span
from statlint.rules._glued_years import may_open_glued_year, split_glued_years
from statlint.rules._split_figures import may_mend, mend_split_figures
from statlint.rules._unread_figures import asks_for_amount, unread_candidates

_BETWEEN_WAN = lazy_compile(r"\s++(?:in\s++(?:(?:19|20)\d\d\s*+)?)?")
_WAN_TEXT = lazy_compile(r"(?:10,000|10 000|10 thousand|ten[ -]thousand)(?!\d)", regex.IGNORECASE)
_YI_TEXT = lazy_compile(r"(?:100 million|hundred million|100,000,000)(?!\d)", regex.IGNORECASE)
_NOUN_AFTER = lazy_compile(r"[ \t]*+(?!(?:and|or|to|in|of|from|the|a|an|than|more|less|for|on|at|by|with|against|vs"
                            r"|versus|compared|after|before|last|this|next|each|per|was|were|is|are)\b)[a-z]{2,}",
                            regex.IGNORECASE)
_FIGURE_AFTER = lazy_compile(r"[ \t]*+[\d(]")
_FIGURE_BEFORE = lazy_compile(r"\d[ \t]++\Z")
_ONE_BEFORE = lazy_compile(r"\b[Aa]n?[ ]\Z")
_HYPHENS = frozenset("-‐–")
_BILLION_END = lazy_compile(r"\b(?:billion|bn|bln)\Z", regex.IGNORECASE | regex.REVERSE)
_MILLION = lazy_compile(r"\b(?:million|mln|mn)\b", regex.IGNORECASE)
_NUMERAL_CHARS = lazy_compile(r"[\d,. ]*\d")
_TWO_DIGITS_COMMA = lazy_compile(r"\d{1,2},\d")
_DECIMAL_POINT_USE = lazy_compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}(?![\d.,])")
# "3,5" / "12,34": one to three digits, a comma, one or two digits (no thousands group has fewer than three)
_DECIMAL_COMMA = lazy_compile(r"\d{1,3},\d{1,2}")
# what makes such a numeral a decimal: a scale word or a percent right after it ("3,5 million", "5,19 per cent");
# no "m", "b" or "k" (a metre, a bit), no bare list ("sizes 10,12", "2,3 and 4 goals")
_SCALE_OR_PERCENT_AFTER = lazy_compile(
    r"[ \t]?+(?:%|(?:percent|per[ ]cent|pct|thousand|million|millions|mln|mn|billion|billions|bln|bn|trillion|tn|trn)\b)",
    regex.IGNORECASE)
# a scale word in Russian, or cut short, after a bare figure: "5 тыс. rubles", "3 млн rubles", "500 thous. rubles"
# (Ukrainian "тис."), or a Chinese or Japanese one left in ("522万 units", "3億 yen", "1.2 万 yuan")
_SCALE_ABBREVIATION = lazy_compile(
    r"[ ]?+(?:(тыс|тис|млн|млрд|трлн|thous|ths)(?![\p{L}])\.?+|([万萬亿億千兆]))[ ]*+(?=\p{L})", regex.IGNORECASE)
_SCALE_FULL = {"тыс": "thousand", "тис": "thousand", "thous": "thousand", "ths": "thousand", "млн": "million",
               "млрд": "billion", "трлн": "trillion"}
_CJK_SCALES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3, "兆": 1e12}
# scale words an abbreviation's point is left after ("45 thousand. rubles", "3 mln. rubles")
_SCALE_ENDS = frozenset(("thousand", "million", "billion", "trillion", "mln", "mn", "bln", "bn", "trln", "tln"))
_SCALE_FIRSTS = frozenset("tTтТмМ")  # the first letters of _SCALE_ABBREVIATION's words of letters
_LOWER_AFTER_POINT = lazy_compile(r"\.[ ]++\p{Ll}")
# a text about South Asia, where "1,00,000" (one lakh) is how figures are grouped
_SOUTH_ASIA = lazy_compile(
    r"₹|\b(?:rs|inr|pkr|npr|lkr|bdt)\b|\b(?:rupees?|lakhs?|lacs?|crores?|paisa|taka|india|indian|indians|pakistan"
    r"|pakistani|bangladesh|bangladeshi|nepal|nepali|nepalese|sri[ ]lanka|sri[ ]lankan|delhi|mumbai|bombay|kolkata"
    r"|calcutta|chennai|madras|bengaluru|bangalore|hyderabad|karachi|lahore|islamabad|dhaka|kathmandu|colombo)\b",
    regex.IGNORECASE)


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.quantities and not facts.skipped and not facts.garbles:
        return facts  # a third of the news articles: every step below reads only these three
    text = doc.text
    provisional = unread_candidates(text, facts.skipped) if facts.skipped else []
    if not provisional and not facts.garbles and not _may_garble(text, facts.quantities, facts.skipped):
        return facts  # what every step below would give: the same quantities and no garble
    garbles: list[Garble] = list(facts.garbles)
    quantities = split_glued_years(text, facts.quantities, facts.skipped, garbles)
    if provisional:
        quantities = sorted([*quantities, *provisional], key=lambda q: (q.span.start, q.span.end))
    quantities = mend_split_figures(text, quantities, garbles)
    quantities = _merge_wan_yi(text, quantities, garbles)
    quantities = _merge_stacked_scales(text, quantities, garbles)
    quantities = _read_decimal_commas(text, quantities, garbles)
    quantities = _read_scale_words(text, quantities, garbles)
    if provisional:  # an unread number that no garble took in stays unread
        left = {id(q) for q in provisional}
        quantities = [q for q in quantities if id(q) not in left]
        if len(quantities) == len(facts.quantities) and all(a is b for a, b in zip(quantities, facts.quantities)):
            quantities = facts.quantities
    _find_malformed_grouping(text, quantities, garbles)
    if quantities is facts.quantities and not garbles:
        return facts  # nothing found (most documents): replace() would build an equal value, at ~8 us
    garbles.sort(key=lambda g: (g.span.start, g.kind))
    return replace(facts, quantities=tuple(quantities), garbles=tuple(garbles),
                   skipped=_still_unread(facts.skipped, quantities) if garbles and facts.skipped else facts.skipped)


def _may_garble(text: str, quantities: Sequence[Quantity], skipped: Sequence[Span]) -> bool:
    """False only when no step of `extract` can act on these figures (with no unread figure offered): one walk
    over them that asks each figure the test each step asks it before it does any work.

    Why: each step walked every figure to find nothing in 99.8 % of the news articles (five walks at ~15 us
    an article); every step acts only on a figure that passes its test, and with none the steps return the
    very sequence they were given, so `extract` returns `facts` as they would have. The tests are the steps'
    own (may_open_glued_year, may_mend, _may_be_multiplier, ...), written out here where a call for each
    figure cost more than the walk: may_mend is asked only of a figure it can pass (a comma or a point
    after it, a one-character figure, a percentage: _may_break and _may_be_single want one of these).
    """
    for s in skipped:
        if may_open_glued_year(text[s.start:s.start + 5]):
            return True  # split_glued_years
    last = len(quantities) - 1
    for i, q in enumerate(quantities):
        t = q.text
        if t[:2] in _YEAR_HEADS and t[4:5].isdigit():
            return True  # split_glued_years (may_open_glued_year)
        end = q.span.end
        if (text[end:end + 1] in _POINTS or len(t) == 1 or q.unit == "percent") and may_mend(text, q):
            return True  # mend_split_figures
        if q.grouping in _ODD_GROUPINGS:
            return True  # _find_malformed_grouping
        if _may_have_scale_word(text, t, end):
            return True  # _read_scale_words
        if i and t[:1] in _MULTIPLIER_FIRSTS and _may_be_multiplier(t) and _is_bare(quantities[i - 1]):
            return True  # _merge_wan_yi
        if i < last and t[-1:] in _N and quantities[i + 1].span.start - end == 1:
            return True  # _merge_stacked_scales
    return False


_YEAR_HEADS = ("19", "20")
_POINTS = frozenset(",.")
_ODD_GROUPINGS = frozenset(("malformed", "dotted", "indian"))
_MULTIPLIER_FIRSTS = frozenset("1tThH")  # the first characters _may_be_multiplier lets through


def _still_unread(skipped: Sequence[Span], quantities: Sequence[Quantity]) -> tuple[Span, ...]:
    """The unread spans less those a repaired figure now covers ("413, 021": the "021" is read now).

    Repaired figures are in text order and do not overlap: one bisection per unread span."""
    covers = [q.span for q in quantities if q.garble]
    starts = [c.start for c in covers]

    def covered(s: Span) -> bool:
        i = bisect.bisect_right(starts, s.start) - 1
        return i >= 0 and s.end <= covers[i].end

    return tuple(s for s in skipped if not covered(s))


# Each step below returns the very sequence it was given when it changes nothing, and looks
# only at the few quantities that could be involved, picked by a cheap test that every
# quantity the step acts on passes (each test says why).


def _merge_pairs(quantities: Sequence[Quantity], firsts: list[int],
                 merge: Callable[[Quantity, Quantity], Quantity | None]) -> Sequence[Quantity]:
    """Replace each pair quantities[i], quantities[i + 1] that `merge` joins by the joined quantity,
    trying only i in `firsts` (ascending), left to right, a merged pair's second quantity being
    spent (it cannot start another pair): what trying every i in turn gives when no pair
    outside `firsts` can merge."""
    out: list[Quantity] = []
    done = 0  # quantities[:done] are settled
    for i in firsts:
        if i < done or i + 1 >= len(quantities):
            continue
        merged = merge(quantities[i], quantities[i + 1])
        if merged is not None:
            out.extend(quantities[done:i])
            out.append(merged)
            done = i + 2
    if not done:
        return quantities
    out.extend(quantities[done:])
    return out


def _is_bare(q: Quantity) -> bool:
    """A plain number with no unit or scale of its own, as "522" in "522 10,000 units" (or "29180" in "Revs
    29180 10,000": 万 counts up to 9999万 and beyond, "29180万" is 291.8 million; under a million 万), or one
    with only a currency before it ("RMB 3.5 10,000 per household", "¥ 42 100 million": 3.5万 yuan)."""
    if q.kind != "level" or q.grouping not in ("plain", "standard") or not q.value < 1e6:
        return False
    if q.unit == "count":
        return q.text.replace(".", "").replace(",", "").isdigit()
    return q.unit in _WAN_CURRENCIES and q.text[-1:].isdigit()  # a currency prefix, nothing after


# the currencies of the places that count in 万/萬/만 (ten thousands): only a figure in one of these is taken for
# the first half of a garble with its currency before it ("$2,000 10,000 people" is two figures)
_WAN_CURRENCIES = frozenset(("CNY", "JPY", "HKD", "TWD", "MOP", "KRW"))


def _may_be_multiplier(t: str) -> bool:
    """False only when neither _WAN_TEXT nor _YI_TEXT can match at the start of a figure's text `t`: each
    opens with "10,000", "10 000", "10 t", "ten ", "ten-", "100" or "hund" (the first four characters hold no letter
    with another case form than its own under IGNORECASE: no i, k or s). Most figures open otherwise; "10 pct",
    "10 mln" open with "10" but are neither."""
    head = t[:6]
    return head in _MULTIPLIER_HEADS or head[:3] == "100" or head[:4].lower() in _MULTIPLIER_WORD_HEADS


_MULTIPLIER_HEADS = frozenset({"10,000", "10 000"})
_MULTIPLIER_WORD_HEADS = frozenset({"10 t", "ten ", "ten-", "hund"})


def _merge_wan_yi(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> Sequence[Quantity]:
    # _wan_yi merges only a bare figure (its first test) before a multiplier: the two tests made here
    firsts = [i - 1 for i in range(1, len(quantities))
              if _may_be_multiplier(quantities[i].text) and _is_bare(quantities[i - 1])]
    if not firsts:
        return quantities
    return _merge_pairs(quantities, firsts, lambda q, nxt: _wan_yi(text, q, nxt, garbles))


def _wan_yi(text: str, q: Quantity, nxt: Quantity, garbles: list[Garble]) -> Quantity | None:
    """ "522 10,000 units": 522万, i.e. 5.22 million units (None if q, nxt are not such a pair)."""
    if _is_bare(q) and not (1900 <= q.value <= 2100 and q.decimals == 0 and not asks_for_amount(text, q.span.start)):
        between = text[q.span.end:nxt.span.start]
        core = nxt.text
        # the multiplier quantity carries the unit ("10,000 units" / "100 million yuan")
        if q.unit != "count" and (nxt.unit != "count" or between != " "):
            return None  # a priced figure ("RMB 3.5") takes only a bare multiplier, right after it
        if _BETWEEN_WAN.fullmatch(between) and (between.strip() == "" or nxt.year is not None
                                                 or between.strip().startswith("in")):
            wan = _WAN_TEXT.match(core)
            if wan and _ends_one_figure(text, q, nxt.span.start + wan.end()):
                return _garbled(text, q, nxt, 1e4, "wan", garbles)
            yi = _YI_TEXT.match(core)
            if yi and between.strip() == "" and _ends_one_figure(text, q, nxt.span.start + yi.end()):
                return _garbled(text, q, nxt, 1e8, "yi", garbles)
    return None


def _ends_one_figure(text: str, q: Quantity, end: int) -> bool:
    """Whether "<q> 10,000" ending at `end` is one figure and not two side by side: no figure goes on after
    it (a row of a table: "522 10,000 20,000"), none stands before q, and a hyphenated "10,000-seat"
    is a unit of something counted by q ("the 12 10,000-seat stadiums") unless q cannot count things:
    it has decimals, or "a"/"an" stands before it ("a 50000 10,000-dlr loan")."""
    if _FIGURE_AFTER.match(text, end) or _FIGURE_BEFORE.search(text, max(0, q.span.start - 12), q.span.start):
        return False
    if text[end:end + 1] in _HYPHENS:
        return bool(q.decimals) or bool(_ONE_BEFORE.search(text, max(0, q.span.start - 4), q.span.start))
    return True


def _garbled(text: str, q: Quantity, mult: Quantity, factor: float, kind: str, garbles: list[Garble]) -> Quantity:
    value = q.value * factor
    unit = mult.unit if q.unit == "count" else q.unit  # "RMB 3.5 10,000": the currency is the first half's
    noun = mult.noun
    word_end = mult.span.end
    nm = _NOUN_AFTER.match(text, word_end) if unit == "count" else None
    if nm:
        word_end = nm.end()
    span = Span(q.span.start, word_end)
    reading = _human(value)
    tail = text[mult.span.start + len(_WAN_TEXT.match(mult.text).group(0) if kind == "wan" else _YI_TEXT.match(mult.text).group(0)):word_end].strip()
    # "522 in 202310,000 units": the year between the two halves stays, after the repaired figure, so
    # this repair agrees with the glued year's (Q103) instead of deleting the year it separates
    when = text[q.span.end:mult.span.start].strip()
    suggestion = " ".join(part for part in (reading, tail, when) if part)
    if q.unit != "count":  # "RMB 3.5 10,000": the currency before the figure stays before the repaired one
        suggestion = q.text[:_digit_offset(q.text)] + suggestion
    what = "万 (10,000)" if kind == "wan" else "亿 (100 million)"
    garbles.append(Garble(
        kind=kind, span=span, text=text[span.start:span.end], reading=reading, suggestion=suggestion,
        detail=f"'{q.text} … {_WAN_TEXT.match(mult.text).group(0) if kind == 'wan' else '100 million'}' reads like {what} "
               f"translated word for word: {q.text} × {int(factor):,} = {reading}"))
    return replace(q, span=span, text=text[span.start:span.end], value=value, low=q.low * factor,
                   high=q.high * factor, unit=unit, noun=noun, garble=kind, raw_value=q.value,
                   year=mult.year, bound=q.bound if q.bound != "=" else mult.bound)


def _merge_stacked_scales(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> Sequence[Quantity]:
    """ "3 billion 6,500 million": 30亿6500万, i.e. 3.065 billion."""
    # _BILLION_END wants the first text to end in billion/bn/bln: an "n" in any case; and _stacked_scale one
    # space between the two figures, so the second starts one character after the first (most "mln" figures
    # are followed by words: a call of _stacked_scale each cost as much as the whole scan)
    firsts = [i for i in range(len(quantities) - 1)
              if quantities[i].text[-1:] in _N and quantities[i + 1].span.start - quantities[i].span.end == 1]
    if not firsts:
        return quantities
    return _merge_pairs(quantities, firsts, lambda q, nxt: _stacked_scale(text, q, nxt, garbles))


_N = frozenset("nN")


def _stacked_scale(text: str, q: Quantity, nxt: Quantity, garbles: list[Garble]) -> Quantity | None:
    if (text[q.span.end:nxt.span.start] == " "
            and _BILLION_END.search(q.text) and _MILLION.search(nxt.text)
            and 1e9 <= nxt.value < 1e10 and q.unit in ("count", nxt.unit)):
        value = q.value + nxt.value / 100
        span = Span(q.span.start, nxt.span.end)
        reading = _human(value)
        garbles.append(Garble(
            kind="stacked-scale", span=span, text=text[span.start:span.end], reading=reading,
            suggestion=reading + (" " + nxt.text.split(None, 2)[2] if len(nxt.text.split(None, 2)) > 2 else ""),
            detail=f"'{nxt.text}' after '{q.text}' reads like 万 rendered as million: "
                   f"{q.text} + {_human(nxt.value / 100)} = {reading}"))
        return replace(q, span=span, text=text[span.start:span.end], value=value,
                       low=value - 0.005 * 1e9, high=value + 0.005 * 1e9, unit=nxt.unit,
                       garble="stacked-scale", raw_value=q.value + nxt.value)
    return None


def _read_decimal_commas(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> Sequence[Quantity]:
    """ "3,5 million", "2,7 bln euros", "5,19 per cent": a decimal comma, read as the decimal it is.

    Why: the reader reads "3,5" as a malformed 35 (all separators as thousands separators), which is right
    for a lost digit ("6,306,0000") but ten or a hundred times too much here. A thousands group has three
    digits, so a comma with one or two digits after it and a scale word or a percent after those can only be
    a decimal comma; a bare "2,3" (a list: "2,3 and 4 goals", "sizes 10,12") is left as it was.
    """
    out: list[Quantity] | None = None
    for i, q in enumerate(quantities):
        if q.grouping != "malformed" or q.garble:
            continue
        # the numeral from the figure's first digit ("EUR 7,8 million", "$3,5 bn")
        numeral = _NUMERAL_CHARS.match(text, q.span.start + _digit_offset(q.text), q.span.end)
        if not numeral or not _DECIMAL_COMMA.fullmatch(numeral.group(0)):
            continue
        raw = numeral.group(0)
        span = Span(numeral.start(), numeral.end())
        if not _SCALE_OR_PERCENT_AFTER.match(text, span.end) or not q.value:
            continue
        whole, frac = raw.split(",")
        decimal = f"{whole}.{frac}"
        shift = 10.0 ** len(frac)  # the comma moves the point len(frac) places: a division by a power of ten
        garbles.append(Garble(
            kind="decimal-comma", span=span, text=raw, reading=decimal, suggestion=decimal,
            detail=f"'{raw}' has a decimal comma, which an English text writes as a point: {decimal}, "
                   f"not {whole}{frac}"))
        if out is None:
            out = list(quantities)
        out[i] = replace(q, value=q.value / shift, low=q.low / shift, high=q.high / shift,
                         decimals=len(frac), garble="decimal-comma", raw_value=q.value)
    return quantities if out is None else out


def _may_have_scale_word(text: str, t: str, end: int) -> bool:
    """False only when _read_scale_words cannot act on the figure written `t` ending at `end`: a point after a
    figure ending in a letter (a scale word) before a space and a lower-case letter, or one of
    _SCALE_ABBREVIATION's words right after it or after one space. Most figures fail on their first character
    after (a space and a word, or a sentence's point after a digit)."""
    c = text[end:end + 1]
    if c == ".":
        return t[-1:].isalpha() and text[end + 1:end + 2] == " " and text[end + 2:end + 3].islower()
    if c == " ":
        end += 1
        c = text[end:end + 1]
    return c in _CJK_SCALES or (c in _SCALE_FIRSTS and text[end:end + 5].lower().startswith(_ABBREVIATION_HEADS))


_ABBREVIATION_HEADS = ("тыс", "тис", "млн", "млрд", "трлн", "thous", "ths")


def _read_scale_words(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> Sequence[Quantity]:
    """ "5 тыс. rubles", "500 thous. rubles", "45 thousand. rubles", "3 mln. rubles": a Russian scale left
    untranslated or cut short, or its abbreviation's point kept, read as the figure meant.

    Why: the reader stops at the foreign or cut scale ("5") or at the point ("45 thousand", a count), so the
    figure loses its scale or its unit. The figure is re-read with the scale written out and the point
    dropped; a kept point is taken for a garble only when the word after it is a unit or currency the reader
    knows ("45 thousand. People came" is two sentences; "thousand. rubles" is not).
    """
    out: list[Quantity] | None = None
    for i, q in enumerate(quantities):
        end = q.span.end
        if q.garble or not _may_have_scale_word(text, q.text, end):
            continue
        words = q.text.split()
        if text[end:end + 1] == "." and words[-1].lower() in _SCALE_ENDS and (m := _LOWER_AFTER_POINT.match(text, end)):
            head, cut, needs_unit = f"{q.text} ", m.end() - 1, True
        elif len(words) == 1 and q.unit == "count" and q.kind == "level" \
                and (m := _SCALE_ABBREVIATION.match(text, end)):
            if m.group(1):
                head = f"{q.text} {_SCALE_FULL[m.group(1).lower()]} "
            else:  # 万 counts in ten thousands: "522万" is 5.22 million, written out in the scale words read
                head = f"{_human(q.value * _CJK_SCALES[m.group(2)])} "
            cut, needs_unit = m.end(), False
        else:
            continue
        tail_end = text.find("\n", cut, cut + 80)
        tail = text[cut:tail_end if tail_end >= 0 else cut + 80]
        reread = _reread(f"{head}{tail}")
        if reread is None or reread.span.end <= len(head) and needs_unit or not q.value:
            continue
        if needs_unit and reread.unit == "count":
            continue
        span_end = cut + reread.span.end - len(head) if reread.span.end > len(head) else cut
        factor = reread.value / q.value
        span = Span(q.span.start, span_end)
        written = text[span.start:span.end].rstrip(". ")
        span = Span(span.start, span.start + len(written))
        suggestion = f"{head}{text[cut:span.end]}".rstrip()
        garbles.append(Garble(
            kind="scale-word", span=span, text=written, reading=_human(reread.value), suggestion=suggestion,
            detail=f"'{written}' keeps a Russian scale abbreviation (тыс. thousand, млн million, млрд billion) or "
                   f"a Chinese or Japanese scale (万 ten thousand, 亿/億 100 million) untranslated, cut short or "
                   f"with its point: {suggestion}"))
        if out is None:
            out = list(quantities)
        out[i] = replace(q, span=span, text=written, value=reread.value, low=q.low * factor, high=q.high * factor,
                         unit=reread.unit, noun=reread.noun, garble="scale-word", raw_value=q.value)
    return quantities if out is None else out


def _reread(figure: str) -> Quantity | None:
    """The first figure the reader reads in `figure`, if it starts there."""
    from statlint.rules.quantities.scan import scan_digits

    read = scan_digits(figure)[0]
    return read[0] if read and read[0].span.start == 0 else None


def _find_malformed_grouping(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> None:
    uses_decimal_point = None
    south_asia = None
    for q in [q for q in quantities if q.grouping in _ODD_GROUPINGS]:
        if q.garble:
            continue
        if q.grouping == "indian":
            if south_asia is None:
                south_asia = bool(_SOUTH_ASIA.search(text))
            numeral = None if south_asia else _NUMERAL_CHARS.match(text, q.span.start + _digit_offset(q.text))
            if numeral and "," in numeral.group(0):
                raw = numeral.group(0)
                garbles.append(Garble(
                    kind="grouping", span=Span(numeral.start(), numeral.end()), text=raw,
                    reading=f"{q.value:,.0f}", suggestion=f"{q.value:,.0f}",
                    detail="digits grouped in twos (the Indian lakh grouping) in a text that is not about South "
                           "Asia, where figures are grouped in threes"))
            continue
        numeral = _NUMERAL_CHARS.match(text[q.span.start:q.span.end].lstrip("$€£¥-−US HKRMs."))
        if q.grouping == "malformed" and numeral:
            raw = numeral.group(0)
            if raw.count(",") and _TWO_DIGITS_COMMA.fullmatch(raw):
                continue
            garbles.append(Garble(
                kind="grouping", span=_numeral_span(text, q, raw), text=raw, reading=f"{q.value:,.0f}",
                suggestion=_regroup(raw), detail=_grouping_detail(raw)))
        elif q.grouping == "dotted" and numeral:
            if uses_decimal_point is None:
                uses_decimal_point = bool(_DECIMAL_POINT_USE.search(text))
            if uses_decimal_point:
                raw = numeral.group(0)
                garbles.append(Garble(
                    kind="grouping", span=_numeral_span(text, q, raw), text=raw, reading=f"{q.value:,.0f}",
                    suggestion=_regroup(raw),
                    detail="'.' groups thousands here, but this text uses '.' as its decimal point"))


def _digit_offset(t: str) -> int:
    """Where the first digit of a figure's text is (0 if it holds none)."""
    for i, ch in enumerate(t):
        if ch.isdigit():
            return i
    return 0


def _numeral_span(text: str, q: Quantity, raw: str) -> Span:
    at = text.find(raw, q.span.start, q.span.end)
    return Span(at, at + len(raw)) if at >= 0 else q.span


def _regroup(raw: str) -> str | None:
    """The regrouped figure, only where the digits leave no doubt ("4178,027", "920, 000").

    "6,306,0000" or "7,033,00" lost or gained a digit: which one cannot be known, so no suggestion.
    """
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not digits or len(digits) > 30:
        return None
    groups = raw.replace(", ", ",").split(",")
    if "." in raw and "," in raw:
        return None
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) > 0:
        return f"{int(digits):,}"
    if "." in raw and "," not in raw and all(len(g) == 3 for g in raw.split(".")[1:]):
        return f"{int(digits):,}"
    return None


def _grouping_detail(raw: str) -> str:
    if ", " in raw:
        return "a space splits the digit group"
    if "." in raw and "," in raw:
        return "a decimal point and a thousands separator cannot both be right here"
    return "digit groups between separators must have three digits"


def _human(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            v = value / size
            return f"{v:.6g} {word}"
    if math.isfinite(value) and value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"
