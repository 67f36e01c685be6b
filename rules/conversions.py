"""Extractor: one amount written twice, in other units or per another period -> `Conversion` claims.

Why here: U101 (units), U102 (currencies) and C101 (a rate restated as a multiplier) compare the two
sides of a restatement; which figures are the two sides, and in which units, is a question of words,
answered once here. The checks only convert and compare.

A conversion is two neighbouring figures tied by one of:

- parentheses: "90 km (56 miles)", "£7.5m (about $14.6m)", "a 12-foot-high (3.7-metre-high) wall";
- ", or": "5 billion euros, or about $5.4 billion", "12 million a year, or 32,877 a day"; with up to three
  words before it, or a hedge for the "or", when both figures are per a period ("costs £120m a year to run,
  or £10m a month", "1.3 million a year, roughly 3,600 a day");
- dashes: "90 km - about 56 miles - east";
- a hedge alone after a comma, for two units or two currencies: "rode 100 miles, about 160km, in a day";
- a slash alone between two currencies or two units: "€2bn/$2.2bn";
- for a rise and a multiplier, "or", "to" or "that is" a few words on: "rose 400% in a year, to 5 times as many".

The restatement must end where the tie says it does (the bracket closes, the clause ends), so "5 or 6
miles", "30,000 (5m on television)" and "$5, or 10 euros more than ..." are not conversions. A side's unit is
what the number reader read, or, for a bare figure, a unit word hyphenated to it ("5-mile", "40-metre-high";
"30,000-pound" is a weight beside tonnes and money beside dollars);
the other side settles what the reader could not ("700 pounds (320kg)" is a weight, the "m" of "30ft (9m)"
and of "60m (200 ft)" is metres). A period after a figure ("a year", "per day", "annually") is recorded for per-period
restatements. Only pairs some check can compare are kept: two physical units, two currencies, one unit per
two periods, or a percentage and a multiplier.
"""
from __future__ import annotations

import itertools
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Conversion, Facts, Quantity, Span
from statlint.checker.precision import last_place
from statlint.checker.units import PERIODS, UNIT_WORDS

_PHYSICAL = frozenset(UNIT_WORDS.values())
_MASS = frozenset(("kilogram", "gram", "pound", "metric_ton", "ton", "ounce", "troy_ounce"))
_LENGTH = frozenset(("kilometer", "mile", "meter", "centimeter", "millimeter", "foot", "inch", "yard"))
_POUND = "pound?"  # a bare figure hyphenated to "pound": a weight or money, as the other side says
_MAX_GAP = 40  # characters between the two figures, ties and hyphenated words included

_HEDGE_WORDS = r"about|around|approximately|approx\.?|some|roughly|nearly|almost|just\s+over|just\s+under|over|more\s+than"
_HEDGE = r"(?:(?:" + _HEDGE_WORDS + r")\s+)?"
_EQUIVALENT = r"(?:the\s+)?equivalent\s+(?:to|of)\s+"  # "(the equivalent of $5.4bn)", ", equivalent to 56 miles"
# What may follow a figure before the tie: a hyphenated unit and adjective ("-foot-high"), a dimension word ("400
# metres long (1,312 ft)"), a period.
_AFTER = lazy_compile(
    r"(?:-(?P<unit>[A-Za-z]{1,12})(?:-(?P<adj>[a-z]{2,12}))?)?(?:\s+(?:long|wide|high|tall|deep|thick|across)\b)?"
    r"(?:(?:\s+[a-z]{2,15})?\s+(?:a|an|per|each|every)\s+(?P<per>year|month|week|day)\b"
    r"|(?:\s+[a-z]{2,15})?\s+(?P<annual>annually|yearly|monthly|weekly|daily|per\s+annum)\b"
    r"|(?:\s+[a-z]{2,15})?\s+last\s+(?P<whole>year|month|week)\b"
    r"|/(?P<slash>year|yr|month|week|day)\b)?", regex.IGNORECASE)
# A rate's noun between it and its restatement: "a 4,900% increase (50 times as many)".
_CHANGE_NOUN = lazy_compile(r"\s+(?:increase|rise|jump|gain|growth|surge)\b", regex.IGNORECASE)
_TIE_PARENTHESES = lazy_compile(r"\s*+\(\s*+(?:or\s+)?(?:" + _EQUIVALENT + r")?(?:(?:" + _HEDGE_WORDS + r"|US|U\.S\.)\s+)?Â?\Z",
                                 regex.IGNORECASE)
_TIE_OR = lazy_compile(r"\s*+,\s++(?:or\s++|" + _EQUIVALENT + r")" + _HEDGE + r"\Z", regex.IGNORECASE)
# A rise restated as a multiplier a few words on: "rose 400% in a year, to 5 times as many", "up 900%, or ten times".
_TIE_RATE_MULTIPLIER = lazy_compile(r"(?:\s++[a-z]++){0,4}?\s*+,?\s++(?:or|to|i\.e\.,?|that\s+is|making\s+it)\s++"
                                     + _HEDGE + r"\Z", regex.IGNORECASE)
# A total per period restated per another period may have its verb's words between: "costs £120m a year to
# run, or £10m a month", "$1.2 million a year in fees, or $100,000 a month", or a hedge alone for ", or":
# "1.3 million a year, roughly 3,600 a day" (both figures per a period: _per_other_period).
_TIE_PER_PERIOD = lazy_compile(r"(?:\s++[a-z]{2,15}){0,3}\s*+,\s++(?:or\s++" + _HEDGE + r"|(?:" + _HEDGE_WORDS
                               + r")\s++)\Z")
_TIE_DASH = lazy_compile(r"\s++[-–—]\s++" + _HEDGE + r"\Z|\s*+—\s*+" + _HEDGE + r"\Z", regex.IGNORECASE)
# Where the restatement must end, per tie. (A glued "m" may come before a bracket's close: "(10m)" is metres
# or millions, which the reader cannot tell apart; the other side settles it.)
_END_PARENTHESES = lazy_compile(r"(?:(?<=\d)m(?![A-Za-z]))?\s*+(?:[;,)]|U\.S\.|US\b|at\s+current)")
_END_OR = lazy_compile(r"\s*+(?:[,.;:)!?]|\Z)|\s++(?:at|based\s+on|according)\b")
_END_DASH = lazy_compile(r"\s*+(?:[-–—,.;)]|\Z)")
# How a multiplier restating a rate goes on: "50 times as many", "50 times the 2010 level", "50 times more";
# the words up to the restatement's end ("as many)") belong to it.
_MULTIPLIER_FORM = lazy_compile(r"\s+(?:(?P<as>as|the|its|their)|(?P<more>more|higher|larger|bigger))\b"
                                 r"(?:\s+[a-z0-9]+){0,5}?(?=\s*+[,.;:)\-–—]|\s*+\Z)", regex.IGNORECASE)
_PERIOD_NAMES = {name: name for name in ("year", "month", "week", "day") if name in PERIODS.values()}
_PERIOD_WORDS = {"year": "year", "yr": "year", "annually": "year", "month": "month", "week": "week", "day": "day",
                 "yearly": "year", "per annum": "year", "monthly": "month", "weekly": "week", "daily": "day"}
# A hedge alone after the comma ties two figures in two units of one kind: "rode 100 miles, about 160km, in a day",
# "sold for $2.3bn, roughly £1.8bn." (the restatement must still end the clause: "50 km, about 20 km of it").
_TIE_HEDGE = lazy_compile(r"\s*+,\s++(?:about|around|approximately|approx\.|roughly|some|nearly|almost)\s++\Z",
                          regex.IGNORECASE)
_HEDGE_GATE = ("about", "around", "approx", "roughly", "some", "nearly", "almost")


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    found = [c for a, b in itertools.pairwise(facts.quantities) if (c := _conversion(text, a, b))]
    return replace(facts, conversions=tuple(found)) if found else facts


def _conversion(text: str, a: Quantity, b: Quantity) -> Conversion | None:
    if b.span.start - a.span.end > _MAX_GAP or "malformed" in (a.grouping, b.grouping):
        return None  # Q101 reports a malformed figure; its value is a guess
    gap = text[a.span.end:b.span.start]
    if gap == "/":
        return _slashed(text, a, b)
    if "(" not in gap and "-" not in gap and "–" not in gap and "—" not in gap:
        if "," not in gap or not _comma_may_tie(gap, a, b):
            return None  # every tie holds one of these: the cheap test before the patterns
    after_a = _AFTER.match(text, a.span.end, b.span.start)
    a_end, a_per = after_a.end(), _period(after_a)
    a_unit, a_unit_end = _hyphenated_unit(a, after_a)
    if a.is_percent:  # a rate: its noun may follow ("a 4,900% increase"); "in a year" says over when, not per what
        noun = _CHANGE_NOUN.match(text, a.span.end, b.span.start)
        a_end, a_per = noun.end() if noun else a.span.end, ""
    tie = _tie(text, a_end, b.span.start)
    if tie is None and a.unit == "count" and text.startswith("m", a_end) and not text[a_end + 1:a_end + 2].isalpha():
        tie = _tie(text, a_end + 1, b.span.start)  # "60m (200 ft)": the glued "m", metres if the other side is a length
    if tie is None and a.is_percent and b.unit == "times" and _TIE_RATE_MULTIPLIER.fullmatch(text, a_end, b.span.start):
        tie = "or"
    after_b = _AFTER.match(text, b.span.end)
    if tie is None and _per_other_period(a, b, after_a, after_b) and _TIE_PER_PERIOD.fullmatch(text, a_end, b.span.start):
        tie = "or"
    hedge_only = False
    if tie is None and not a.is_percent and _TIE_HEDGE.fullmatch(text, a_end, b.span.start):
        tie, hedge_only = "or", True
    if tie is None:
        return None
    b_unit, b_unit_end = _hyphenated_unit(b, after_b)
    b_end = after_b.end()
    form = ""
    if b.unit == "times":
        m = _MULTIPLIER_FORM.match(text, b.span.end)
        if m:
            form, b_end = "as" if m.group("as") else "more", m.end()
    a_unit, a_end_unit = _settled(text, a, a_unit, b_unit, a.span.end)
    b_unit, b_end_unit = _settled(text, b, b_unit, a_unit, b.span.end)
    b_end = max(b_end, b_end_unit)
    if not _ends(text, tie, b_end):
        return None
    b_per = _period(after_b)
    a_unit, a_per = _per_period(a_unit, a_per)
    b_unit, b_per = _per_period(b_unit, b_per)
    if after_a.group("whole") and not b_per:
        a_per = ""  # "3.65 million last year": a total over a period, compared only with a rate per a shorter one
    if not _comparable(a, b, a_unit, b_unit, a_per, b_per):
        return None
    if hedge_only and not (a_per and b_per) and not (a_unit in _PHYSICAL and b_unit in _PHYSICAL) \
            and not (_is_money(a_unit) and _is_money(b_unit)):
        return None  # a hedge alone ties two units or two currencies, or two periods (_TIE_PER_PERIOD)
    a, b = _number_as_written(a), _number_as_written(b)
    a_span = Span(a.span.start, max(a_unit_end, a_end_unit))
    b_span = Span(b.span.start, max(b_unit_end, b_end_unit))
    return Conversion(span=Span(a.span.start, b_end), a=a, b=b, a_unit=a_unit, b_unit=b_unit, a_span=a_span,
                      b_span=b_span, a_text=text[a_span.start:a_span.end], b_text=text[b_span.start:b_span.end],
                      tie=tie, a_per=a_per, b_per=b_per, b_form=form)


def _per_other_period(a: Quantity, b: Quantity, after_a, after_b) -> bool:
    """Whether both figures are per a period, the same unit per two different periods ("£120m a year" and
    "£10m a month", "1.3 million a year" and "3,600 a day"): only then may words stand between the first
    and ", or", or a hedge alone tie them (", roughly 3,600 a day")."""
    a_base, a_period = _unit_period(a, after_a, whole=True)
    b_base, b_period = _unit_period(b, after_b)
    return a_base == b_base and a_period != b_period and a_period in _PERIOD_NAMES and b_period in _PERIOD_NAMES


def _unit_period(q: Quantity, after, whole: bool = False) -> tuple[str, str]:
    """(unit, period) of a figure per a period: the reader's "GBP/year", or a period written after it ("a
    day", "per year", "annually"; with `whole`, for the first figure, also "last year", a total over it that
    a rate per a shorter period restates: "600,000 last year, about 50,000 a month")."""
    base, slash, period = q.unit.rpartition("/")
    if slash:
        return base, period
    word = after.group("per") or after.group("annual") or after.group("slash") or (whole and after.group("whole"))
    return q.unit, _PERIOD_WORDS.get(" ".join(word.lower().split()), "") if word else ""


def _slashed(text: str, a: Quantity, b: Quantity) -> Conversion | None:
    """"€2bn/$2.2bn", "100km/62 miles": two figures the reader gave two currencies or two physical units, with
    only a slash between and nothing glued after the second (a ratio "5kg/10kg", a date "3/4" has no two
    units). The slash is read as a tie like a bracket's."""
    money = _is_money(a.unit) and _is_money(b.unit)
    if a.unit == b.unit or not (money or (a.unit in _PHYSICAL and b.unit in _PHYSICAL)) or a.value <= 0 or b.value <= 0:
        return None
    after = text[b.span.end:b.span.end + 1]
    if after and not (after.isspace() or after in ",.;:)!?"):
        return None  # "$2/$3/$4", "5km/h": no pair of two figures
    a, b = _number_as_written(a), _number_as_written(b)
    return Conversion(span=Span(a.span.start, b.span.end), a=a, b=b, a_unit=a.unit, b_unit=b.unit, a_span=a.span,
                      b_span=b.span, a_text=a.text, b_text=b.text, tie="slash", a_per="", b_per="", b_form="")


def _comma_may_tie(gap: str, a: Quantity, b: Quantity) -> bool:
    """False only when a gap holding a comma but no bracket or dash cannot tie `a` to `b`.

    Why: a comma alone stands between most pairs of figures that get this far (lists: "5, 6 and 7"), and
    the patterns cost more than this test. Such a gap can only hold _TIE_OR (", or", ", equivalent to"),
    which has "or" or "equ" in any case (letters with no other case form under IGNORECASE), or a rate
    restated as a multiplier (_TIE_RATE_MULTIPLIER, tried only for a percentage before a multiplier), or a
    hedge after a figure per a period (_TIE_PER_PERIOD: its period is in the gap, " a year", " per day",
    "annually", "monthly", "last year", or in the reader's unit, "GBP/year"), or a hedge alone (_TIE_HEDGE).
    """
    low = gap.lower()
    return "or" in low or "equ" in low or (a.is_percent and b.unit == "times") or "/" in a.unit \
        or " a " in low or " an " in low or "per " in low or "annually" in low or "last " in low \
        or "ly" in low or any(h in low for h in _HEDGE_GATE)


def _number_as_written(q: Quantity) -> Quantity:
    """A bound word governs both sides of a conversion: "more than $800m (£428m)", "up to $4m (£2.13m)" convert the
    number written. So a bounded side counts as that number, rounded at its last written digit (with the reader's
    allowance of one unit above for truncation), not as the open interval the bound alone would give."""
    if q.bound not in (">", "<"):
        return q
    unit = 10.0 ** last_place(q)
    return replace(q, bound="=", low=q.value - unit / 2, high=q.value + unit)


def _tie(text: str, start: int, end: int) -> str | None:
    """How the words between two figures tie them: "parentheses", "or", "dash", or None."""
    if _TIE_PARENTHESES.fullmatch(text, start, end):
        return "parentheses"
    if _TIE_OR.fullmatch(text, start, end):
        return "or"
    return "dash" if _TIE_DASH.fullmatch(text, start, end) else None


def _ends(text: str, tie: str, pos: int) -> bool:
    """Whether the restatement ends at `pos` as its tie requires (the bracket closes, the clause ends)."""
    if tie == "parentheses":
        return bool(_END_PARENTHESES.match(text, pos))
    if tie == "or":
        return bool(_END_OR.match(text, pos))
    return bool(_END_DASH.match(text, pos))


def _hyphenated_unit(q: Quantity, after) -> tuple[str, int]:
    """(unit, end of figure and unit): a bare figure takes the unit word hyphenated to it ("5-mile",
    "40-metre-high"); a figure the reader gave a unit keeps it and its own end."""
    word = after.group("unit")
    if q.unit != "count" or not word:
        return q.unit, q.span.end
    unit = UNIT_WORDS.get(word) or UNIT_WORDS.get(word.lower())
    if unit is None and word.lower() == "pound":
        unit = _POUND  # "a 30,000-pound crane" or "a 5,000-pound fine": the other side settles which
    return (unit, after.end("unit")) if unit else (q.unit, q.span.end)


def _settled(text: str, q: Quantity, unit: str, partner: str, end: int) -> tuple[str, int]:
    """(unit, end of figure and unit) with a unit the reader left open settled by the other side.

    The reader cannot know that "700 pounds" is a weight or that the "m" of "(10m)" is metres ("£5m",
    "5m people" are millions); a partner in kilograms or in feet can.
    """
    if unit == "GBP" and partner in _MASS and q.text.rstrip().lower().endswith(("pound", "pounds")):
        return "pound", end
    if unit == _POUND:
        return ("pound" if partner in _MASS else "GBP" if _is_money(partner) else q.unit), end
    if unit == "count" and partner in _LENGTH and text[end:end + 1] == "m" and not text[end + 1:end + 2].isalpha():
        return "meter", end + 1
    return unit, end


def _per_period(unit: str, per: str) -> tuple[str, str]:
    """A rate unit the reader read ("metric_ton/year" for "110,000 tonnes per year") as (unit, period)."""
    base, slash, period = unit.rpartition("/")
    if not slash or per or period not in _PERIOD_NAMES:
        return unit, per
    return base, _PERIOD_NAMES[period]


def _period(after) -> str:
    """The period a figure is per: "a year", "annually", "/day"; "last year" (a total over that period) too."""
    word = after.group("per") or after.group("annual") or after.group("slash") or after.group("whole")
    return _PERIOD_WORDS.get(" ".join(word.lower().split()), "") if word else ""


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _comparable(a: Quantity, b: Quantity, a_unit: str, b_unit: str, a_per: str, b_per: str) -> bool:
    """Pairs a check can compare: two physical units, two currencies, one unit per two periods, or a rate
    and a multiplier."""
    if a.value <= 0 or b.value <= 0:
        return False
    if a_per and b_per and a_per != b_per:
        return a_unit == b_unit
    if a_per or b_per:
        return False
    if a_unit == b_unit:
        return False
    if a_unit in _PHYSICAL and b_unit in _PHYSICAL:
        return True
    if _is_money(a_unit) and _is_money(b_unit):
        return True
    return a_unit == "percent" and b_unit == "times"
