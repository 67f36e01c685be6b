"""Extractor: change claims written as comparatives ("338 million, 55 per cent more than the 253.5 million").

Why apart from rules.claims: a comparative has no direction word of its own before the rate; the rate
stands first, then the comparing word, then the base ("RATE higher than OLD"), and the new figure is the
one the comparison is about, stated earlier in the sentence. The forms read, from the definition of a
comparison of two figures by a rate:

- "N% more/higher/greater/larger/bigger/less/lower/smaller/fewer than (the) OLD"
- "N% above/below (the) OLD", for a percentage only: "107 basis points over/above the 9-1/4 pct bond" and
  "0.18 pct over six-month Libor" are spreads over a benchmark, not a comparison of two stated figures
- "N% up/down on/from/over (the) OLD" (not when OLD is itself a percentage: "41 pct up from 38.4 pct"
  may give the new level, not the rate)
- a multiplier: "three times more than OLD" (G104 reads it as x3 or x4), "3 times as much as OLD" (x3)
- a fraction in words: "a quarter higher than OLD", "half as much again as OLD" (+50 %); the words are
  loose, so "a quarter" admits 22.5-27.5 % (as rules.quantities.words reads "a quarter of").

The new figure is the nearest figure before the rate, in the same sentence and clause (no ";" between),
that is a level and is not itself the base of another comparison or change ("than the X", "from X").
A comparison with no figure right after it ("20% more than its rival's", "30% higher than a year earlier")
or a share ("30% of last year's level") is no claim. The claims go to Facts.growths with form "comparative",
so every growth check (G101 rate, G102 direction, G103 percent vs points, G104 multiplier) reads them.
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Direction, Facts, Growth, Quantity, Span, replace
from statlint.checker.numbers import fraction_words_value
from statlint.rules._claim_gates import next_word_may_be, word_starts
from statlint.rules._growth import amount_in_level_unit
from statlint.rules._patterns import words_pattern
from statlint.rules.claims import DOWN, DOWN_NOUN, UP, UP_NOUN, is_level, words_of

_UP_WORDS = frozenset("more higher greater larger bigger above over up dearer".split())
# what may stand between the comparing word and the base figure: "than the", "than last year's", "on the
# year-earlier", "than that of the previous year's", "than its rival's"
_BASE_LEAD = (r"(?:that\s+of\s+|those\s+of\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|last\s+year's\s+)?"
              r"(?:[\w-]+'s\s+)?"  # "than its rival's 30 million", "than Samsung's 45", "on 1985's 540 mln"
              r"(?:(?:previous|prior|year-earlier|year-ago|revised|restated|same|earlier|original|initial)\s+)?"
              r"(?:(?:year|quarter|month|period)'s\s+)?")
_AFTER_RATE = lazy_compile(
    r"\s++(?:(?P<than>more|higher|greater|larger|bigger|less|lower|smaller|fewer|cheaper|dearer)\s+than"
    r"|(?P<plain>above|below)"
    r"|(?P<updown>up|down)\s+(?:on|from|over))\s+" + _BASE_LEAD + r"(?=\S)",
    regex.IGNORECASE)
# A multiplier as the rate: "three times more than OLD" (x3, or x4 read as "three times more": G104 allows
# both), "3 times as much as OLD" (exactly x3).
_AFTER_TIMES = lazy_compile(
    r"\s++(?:(?P<than>more|higher|greater|larger|bigger)\s+than|(?P<again>as\s+(?:much|many|large|big|high|great)\s+as))"
    r"\s+" + _BASE_LEAD + r"(?=\S)", regex.IGNORECASE)
# A fraction in words as the rate: "a quarter higher than", "two-thirds more than", "half as much again as".
_FRACTION_RATE = lazy_compile(
    r"\b(?P<frac>(?:a|one|two|three)[\s-]+(?:quarters?|thirds?|fifths?|tenths?)|half)\s+"
    r"(?:(?P<word>more|higher|greater|larger|bigger|less|lower|smaller|fewer)\s+than"
    r"|(?P<again>as\s+(?:much|many|large|big|high)\s+again\s+as))\s+" + _BASE_LEAD + r"(?=\S)",
    regex.IGNORECASE)
# "twice as many as OLD", "half as much as OLD": a multiplier in words, read as "doubled" / "halved" (G104's
# intervals for those verbs, and rules.hedges reads "nearly twice" as it reads "nearly doubled"). A spelled
# multiplier ("three times as many as") is a figure the number reader reads (unit "times").
_WORD_MULTIPLIER = lazy_compile(
    r"\b(?P<word>twice|half)\s+(?P<again>as\s+(?:much|many|large|big|high|great|long)\s+as)\s+" + _BASE_LEAD
    + r"(?=\S)", regex.IGNORECASE)
_WORD_MULTIPLIER_ANCHORS = ("wice as ", "alf as ")  # (str.find, as for the fractions below)
_MULTIPLIER_VERB = {"twice": ("doubled", Direction.UP), "half": ("halved", Direction.DOWN),
                    "double": ("doubled", Direction.UP), "triple": ("tripled", Direction.UP),
                    "treble": ("trebled", Direction.UP)}
# "£1.2m this year, double the £800,000 it raised last year": "double"/"triple"/"treble the OLD" in apposition
# after the figure compared (a comma before it, perhaps a hedge; not "plans to double the 300 jobs", a verb)
_APPOSED_MULTIPLIER = lazy_compile(
    r",\s++(?:(?:nearly|almost|roughly|about|more\s+than|over|around)\s++)?(?P<word>double|triple|treble)\s++"
    r"(?P<again>(?:the|its|their|last\s+year's)\s++)" + _BASE_LEAD + r"(?=\S)", regex.IGNORECASE)
_APPOSED_ANCHORS = (" double ", " triple ", " treble ")
# Every _FRACTION_RATE match holds one of these (lower case, as written in news); _fraction_claims finds them
# with str.find, which is ~50 times faster than a case-insensitive scan of the whole text, and reads around them.
_FRACTION_ANCHORS = (" than ", " again as ")
_FRACTION_REACH = 40  # from the fraction's first letter to the anchor: "two-thirds smaller than"
# A figure right after these is the base of a comparison or change, not the figure compared.
_BASE_WORD_BEFORE = lazy_compile(
    r"\b(?:than|from|on|over|against|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+'s\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# A figure before these is a difference, not a level: "500,000 bpd less than its quota and Qatar 20 pct under".
_DIFFERENCE_AFTER = lazy_compile(r"\s+(?:more|less|fewer|higher|lower|greater|above|below|over|under)\b",
                                  regex.IGNORECASE)
# A rate right after a change word belongs to that change (rules.claims): "a drop of 17.5 pct over the 12.4 mln".
_CHANGE_BEFORE = lazy_compile(
    rf"\b(?:{words_pattern(words_of(UP) + words_of(DOWN) + words_of(UP_NOUN) + words_of(DOWN_NOUN))})s?"
    r"\s+(?:(?:of|by)\s+)?(?:(?:about|some|around|nearly|almost)\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_LOOK_BACK = 150  # the compared figure stands this close before the rate, or it belongs to another claim
_FRACTION_WIDTH = 2.5  # percentage points either way for a fraction in words (as rules.quantities.words)


# The words _AFTER_RATE and _AFTER_TIMES open with, after white space (rules._claim_gates: most figures are
# followed by another word, and the test costs less than the pattern's call).
_AFTER_RATE_STARTS = word_starts("more higher greater larger bigger less lower smaller fewer cheaper dearer above below "
                                 "up down".split())
_AFTER_TIMES_STARTS = word_starts("more higher greater larger bigger as".split())


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    quantities = facts.quantities
    if len(quantities) < 2:
        return facts
    starts = None  # the figures' starts, made for the first comparison found only: most articles have none
    found: list[Growth] = []
    for q in quantities:
        if q.unit in ("percent", "percentage_point"):
            m = _AFTER_RATE.match(text, q.span.end) if next_word_may_be(text, q.span.end, _AFTER_RATE_STARTS) else None
            if m is None and q.unit == "percent" and text[q.span.end:q.span.end + 1] in (")", ","):
                starts = starts or _starts(quantities)
                claim = _amount_claim(doc, quantities, starts, q)  # "costs 13p (8%) more than the £4.41"
                if claim is not None:
                    found.append(claim)
                    continue
            if m is None and q.unit == "percent" and next_word_may_be(text, q.span.end, _AT_WORD_STARTS):
                starts = starts or _starts(quantities)
                claim = _at_bracket_claim(text, quantities, starts, q)  # "18% higher at £412m (£380m)"
                if claim is not None:
                    found.append(claim)
                continue
            if m and (m.start("plain") < 0 or q.unit == "percent") \
                    and not _CHANGE_BEFORE.search(text, max(0, q.span.start - 40), q.span.start):
                starts = starts or _starts(quantities)
                claim = _claim(doc, quantities, starts, q, m, _word_span(m))
                if claim is not None:
                    found.append(claim)
        elif q.unit == "times":
            m = _AFTER_TIMES.match(text, q.span.end) if next_word_may_be(text, q.span.end, _AFTER_TIMES_STARTS) else None
            if m:
                starts = starts or _starts(quantities)
            claim = _claim(doc, quantities, starts, q, m, _word_span(m)) if m else None
            if claim is not None:
                kind = "times-as" if m.start("again") >= 0 else "fold" if "fold" in q.text.lower() else "times"
                found.append(replace(claim, rate=None, factor=q, factor_kind=kind, direction=Direction.UP))
    lo, hi = _anchor_reach(quantities)
    found.extend(_fraction_claims(doc, quantities, starts, lo, hi))
    found.extend(_word_multiplier_claims(doc, quantities, starts, lo, hi))
    if not found:
        return facts
    growths = sorted(facts.growths + tuple(found), key=lambda g: g.span.start)
    return replace(facts, growths=tuple(growths))


# "N% higher at NEW (OLD)", "N per cent lower at NEW (2023: OLD)", "up N% at NEW (OLD)": results copy states
# the new level after "at" and last year's in brackets right after it, bare or after its year and a colon.
_AT_WORD = lazy_compile(r"\s++(?P<word>higher|lower|up|down)\s++at\s++(?=\S)", regex.IGNORECASE)
_AT_WORD_STARTS = word_starts("higher lower up down".split())
_BRACKET_OPEN = lazy_compile(r"\s*+\(\s*+(?:(?:FY\s*+)?(?:19|20)\d\d(?:/\d\d)?\s*+:\s*+)?(?=\S)", regex.IGNORECASE)
_BRACKET_CLOSE = lazy_compile(r"\s*+\)")


def _at_bracket_claim(text: str, quantities, starts: list[int], rate: Quantity) -> Growth | None:
    """ "Net profit was 18% higher at £412m (£380m)": the rate, then "higher"/"lower"/"up"/"down" at the new
    level, then the old level alone in brackets (or after its year: "(2023: £380m)"). Both levels must be
    in one unit (rules._growth.comparable): a bracket after a level is as often its conversion ("£412m
    ($520m)"), which another unit shows, or a per-share figure."""
    m = _AT_WORD.match(text, rate.span.end)
    if m is None:
        return None
    k = bisect.bisect_left(starts, m.end())
    if k + 1 >= len(quantities) or quantities[k].span.start != m.end():
        return None
    new, old = quantities[k], quantities[k + 1]
    b = _BRACKET_OPEN.match(text, new.span.end, new.span.end + 20)
    if b is None or old.span.start != b.end() or not _BRACKET_CLOSE.match(text, old.span.end):
        return None
    if not (is_level(new) and is_level(old)) or new.unit != old.unit or new.is_percent:
        return None
    word = Span(m.start("word"), m.end("word"))
    key = text[word.start:word.end]
    direction = Direction.UP if key.lower() in _UP_WORDS else Direction.DOWN
    return Growth(span=word, direction=direction, verb=word, verb_text=key, rate=rate, old=old, new=new,
                  form="comparative")


# "13p (8%) more than the £4.41", "13p, or 8%, more than the £4.41": an amount restated as a rate, then the
# comparing word and the base. The amount and the base fix the rate (G101 reads a Growth's amount with one level);
# a figure near the base is the new level instead ("now £1,180, or 5%, more than the £1,125": _AMOUNT_SHARE).
_RATE_AFTER_AMOUNT = lazy_compile(r"\s*+(?:\(|,\s*+or)\s*+\Z", regex.IGNORECASE)
_RATE_CLOSE = lazy_compile(r"\)|,(?=\s)")
# The figure before "(N%) more/less than OLD" is an amount when it is under this share of OLD, the new level when
# it is over it: a change stated beside its percent is rarely half its base, a new level rarely under half of it.
_AMOUNT_SHARE = 0.5


def _amount_claim(doc: Document, quantities, starts: list[int], rate: Quantity) -> Growth | None:
    text = doc.text
    close = _RATE_CLOSE.match(text, rate.span.end)
    if close is None:
        return None
    m = _AFTER_RATE.match(text, close.end())
    if m is None or m.start("than") < 0:
        return None
    k = bisect.bisect_left(starts, rate.span.start)
    if k < 1 or k + 1 >= len(quantities) or quantities[k] is not rate:
        return None
    amount = quantities[k - 1]
    if not _RATE_AFTER_AMOUNT.match(text, amount.span.end, rate.span.start) or amount.is_percent \
            or amount.bound != "=" or amount.value <= 0:
        return None
    if (text[rate.span.end] == ")") != ("(" in text[amount.span.end:rate.span.start]):
        return None  # "13p (8%)" closes its bracket, "13p, or 8%," its commas
    old = quantities[k + 1]
    if old.span.start != m.end() or not is_level(old) or old.is_percent:
        return None
    word = _word_span(m)
    key = text[word.start:word.end].lower()
    direction = Direction.UP if key in _UP_WORDS else Direction.DOWN
    moved = amount_in_level_unit(amount, old)
    if moved is None:
        return None
    if moved.high < _AMOUNT_SHARE * old.low:  # "13p (8%) more than the £4.41": the figure is what it moved by
        return Growth(span=word, direction=direction, verb=word, verb_text=text[word.start:word.end], rate=rate,
                      old=old, amount=amount, form="comparative")
    if moved.low > _AMOUNT_SHARE * old.high and is_level(amount) and amount.unit == old.unit:
        # "now £1,180, or 5%, more than the £1,125": a figure near the base is the new level itself
        return Growth(span=word, direction=direction, verb=word, verb_text=text[word.start:word.end], rate=rate,
                      old=old, new=amount, form="comparative")
    return None  # between the two: either reading may be meant


def _starts(quantities) -> list[int]:
    return [q.span.start for q in quantities]


def _anchor_reach(quantities) -> tuple[int, int]:
    """(lo, hi): the anchors of the two readers in words below that can give a claim start in [lo, hi).

    Why: each anchor is looked for with str.find over the article, about a millisecond a megabyte, four
    times, and a fifth of a news article lies before its first figure and a fifth after its last. A claim
    needs a figure before the match (the compared one, before the rate, which opens the match: _compared)
    and a figure right after it (the base, at its end, after the anchor: _claim), so its anchor stands
    after the first figure's start and before the last's. Exact: an anchor before `lo` gives no claim, and
    a match of one only keeps later matches of the same anchor that start no later than it from being read
    again (`seen` in _fraction_claims), and those give none either; an anchor at or after `hi` gives none,
    and its match keeps no other match from being read, so it is left out.
    tests/test_claim_speed.py compares the claims with those read over the whole text."""
    return quantities[0].span.start, quantities[-1].span.start


def _fraction_claims(doc: Document, quantities, starts: list[int] | None, lo: int, hi: int):
    """The comparatives whose rate is a fraction in words ("a quarter higher than", "half as much again as");
    `starts` the figures' starts, or None when they are still to be made (most articles hold no fraction);
    the anchors looked for in [lo, hi) (_anchor_reach)."""
    text = doc.text
    for anchor in _FRACTION_ANCHORS:
        # `seen`, the start of the last match read, is the anchor's own: a match holds one anchor, " than " or
        # " again as ", so each anchor's matches come in text order and only that anchor can find one again.
        # One marker for both anchors let a late " than " match hide an earlier " again as " one ("150, half
        # as much again as the 100 ... a quarter higher than the 48": the first claim went unread).
        seen = -1
        end = hi + len(anchor) - 1
        at = text.find(anchor, lo, end)
        while at != -1:
            m = _FRACTION_RATE.search(text, max(0, at - _FRACTION_REACH), at + len(anchor) + 80)
            if m is not None and m.start() > seen and m.start("frac") < at < m.end():
                seen = m.start()
                rate = _fraction_rate(text, m)
                starts = starts or _starts(quantities)
                claim = _claim(doc, quantities, starts, rate, m, _word_span(m)) if rate is not None else None
                if claim is not None:
                    yield claim
            at = text.find(anchor, at + 1, end)


def _word_multiplier_claims(doc: Document, quantities, starts: list[int] | None, lo: int, hi: int):
    """ "450 arrests, twice as many as the 300 last year", "£1.2m, double the £800,000": a claim whose multiplier
    is "twice", "half", or "double"/"triple"/"treble the" in apposition (`starts` as for _fraction_claims; the
    anchors looked for in [lo, hi): _anchor_reach)."""
    text = doc.text
    matches = [(_WORD_MULTIPLIER_ANCHORS, lambda at: _WORD_MULTIPLIER.match(text, at - 1)),
               (_APPOSED_ANCHORS, lambda at: _apposed_multiplier_at(text, at))]
    for anchors, match_at in matches:
        for anchor in anchors:
            end = hi + len(anchor) - 1
            at = text.find(anchor, lo, end)
            while at != -1:
                m = match_at(at)
                if m is not None:
                    starts = starts or _starts(quantities)
                    claim = _claim(doc, quantities, starts, None, m, Span(m.start("word"), m.end("word")))
                    if claim is not None:
                        kind, direction = _MULTIPLIER_VERB[m.group("word").lower()]
                        yield replace(claim, factor_kind=kind, direction=direction)
                at = text.find(anchor, at + 1, end)


def _apposed_multiplier_at(text: str, at: int):
    """The _APPOSED_MULTIPLIER match whose word starts right after `at` (an anchor's leading space), or None."""
    comma = text.rfind(",", max(0, at - 20), at + 1)
    m = _APPOSED_MULTIPLIER.match(text, comma) if comma != -1 else None
    return m if m is not None and m.start("word") == at + 1 else None


def _word_span(m) -> Span:
    for name in ("than", "plain", "updown", "word", "again"):
        if name in m.re.groupindex and m.start(name) >= 0:
            return Span(m.start(name), m.end(name))
    raise AssertionError("a comparative match without its word")


def _fraction_rate(text: str, m) -> Quantity | None:
    words = m.group("frac")
    share = 0.5 if m.group("again") else fraction_words_value(" ".join(words.replace("-", " ").split()))
    if share is None:
        return None
    value = share * 100
    width = max(_FRACTION_WIDTH, value * 0.1)
    return Quantity(span=Span(m.start("frac"), m.end("frac")), text=words, value=value, low=value - width,
                    high=value + width, unit="percent", kind="change")


def _claim(doc: Document, quantities, starts: list[int], rate: Quantity | None, m, word: Span) -> Growth | None:
    k = bisect.bisect_left(starts, m.end())
    if k >= len(quantities) or quantities[k].span.start != m.end():
        return None  # no figure right after: "20% more than its rival's", "higher than a year earlier"
    old = quantities[k]
    if not is_level(old) or (m.groupdict().get("updown") and old.is_percent):
        return None
    new = _compared(doc, quantities, starts, rate.span.start if rate is not None else word.start, old)
    if new is None:
        return None
    text = doc.text
    key = text[word.start:word.end].lower()
    direction = Direction.UP if key in _UP_WORDS or m.groupdict().get("again") else Direction.DOWN
    return Growth(span=word, direction=direction, verb=word, verb_text=text[word.start:word.end], rate=rate,
                  old=old, new=new, form="comparative")


def _compared(doc: Document, quantities, starts: list[int], at: int, old: Quantity) -> Quantity | None:
    """The figure compared with `old`: the nearest level before the rate (at `at`) in its sentence and clause."""
    text = doc.text
    limit = max(doc.sentence_of(at).start, at - _LOOK_BACK)
    clause_start = text.rfind(";", limit, at)
    j = bisect.bisect_left(starts, at) - 1
    while j >= 0 and quantities[j].span.start > max(limit, clause_start):
        q = quantities[j]
        j -= 1
        if not is_level(q) or q.is_percent != old.is_percent:
            continue
        if _DIFFERENCE_AFTER.match(text, q.span.end):
            return None  # "500,000 bpd less than its quota": a difference of another subject, no level
        if _BASE_WORD_BEFORE.search(text, max(0, q.span.start - 25), q.span.start):
            continue  # "higher than the 116.65 billion ... but 64 pct more than": another comparison's base
        return q
    return None
