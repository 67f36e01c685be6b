"""Helpers the growth checks share: which figures can be compared, and how to name them."""
from __future__ import annotations

import math

from statlint.checker.arithmetic import Interval, interval, linked_intervals, ratio
from statlint.checker.model import Direction, Growth, Quantity
from statlint.checker.precision import as_written
from statlint.checker.units import DURATIONS, PERIODS
from statlint.rules.periods import is_annual

_MONEY_SUBUNITS = ("USD-cent", "GBP-pence")
_PERIOD_UNITS = frozenset(PERIODS.values())
_FUNCTION_WORDS = frozenset(
    "from to in a an the and or vs last this that on at for by with of previously earlier year month "
    "week quarter before against compared since up down".split())


def comparable(a: Quantity, b: Quantity) -> bool:
    """Two figures measure the same thing as far as units tell: same unit, or one is a bare count
    ("167.4 mln dlrs from 135.3 mln")."""
    if a.kind == "multiplier" or b.kind == "multiplier":
        return False
    if a.unit == b.unit or _same_but_per_period(a.unit, b.unit):
        return True
    if a.is_percent or b.is_percent or a.unit in _MONEY_SUBUNITS or b.unit in _MONEY_SUBUNITS:
        return False
    # a bare count stands for the other's unit only when no noun of its own says otherwise:
    # "135.3 mln" after "167.4 mln dlrs" yes, "831 cases" against "52m euros" no; never for a duration
    # ("49,822 cars in the first two months, up from 37,272": checker.units.DURATIONS)
    bare, other = (a, b) if a.unit == "count" else (b, a) if b.unit == "count" else (None, None)
    return bare is not None and (bare.noun is None or bare.noun in _FUNCTION_WORDS) and other.unit not in DURATIONS


def _same_but_per_period(a: str, b: str) -> bool:
    """ "$4,000 a month" from "$3,500": a rate's period is often written once for both figures."""
    if ("/" in a) == ("/" in b):
        return False
    rate, level = (a, b) if "/" in a else (b, a)
    unit, _, period = rate.rpartition("/")
    return unit == level and period in _PERIOD_UNITS


def old_new_ratio(g: Growth) -> Interval | None:
    """new/old as an interval; for inverse quotes (the yen "rose" to fewer yen per dollar) old/new."""
    new, old = linked_intervals(g.new, g.old)  # (the precision model: checker.numbers)
    if g.inverse:
        new, old = old, new
    if not comparable(g.old, g.new) or "malformed" in (g.old.grouping, g.new.grouping):
        return None  # a malformed figure (Q101) has no trustworthy value to compute with
    return ratio(new, old)


def rate_claim_ratio(g: Growth) -> Interval | None:
    """new/old for a claim whose percent rate can be checked against its two figures ("rose 5% to
    105 from 100"): all three linked, the direction known, the figures comparable; else None."""
    if g.rate is None or g.old is None or g.new is None or g.rate.unit != "percent":
        return None
    if g.direction == Direction.UNKNOWN or not comparable(g.old, g.new) or g.rate.value < 0:
        return None
    return old_new_ratio(g)


# A cent is a hundredth of these currencies (the reader names every "cents" USD-cent), a penny of sterling.
_SUBUNIT_OF = {"USD-cent": ("USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD"), "GBP-pence": ("GBP",)}
_POINT_NOUNS = frozenset({"point", "points", "pts", "pt"})


def subunits(amount: Quantity, level: Quantity) -> float:
    """How many of the amount's unit make one of the level's: 100 for cents of dollars or pence of pounds."""
    return 100.0 if level.unit in _SUBUNIT_OF.get(amount.unit, ()) else 1.0


def amount_in_level_unit(amount: Quantity, level: Quantity) -> Interval | None:
    """The interval of a change's amount in its level's unit, when the two measure one thing: "$3 million"
    of "$28 million", "50 cents" of "$24.50", "120 jobs" of "4,120 jobs", "221 points" of an index at 13,101,
    "0.5 percentage points" or "2 points" of a rate at 5.5%. None when they do not ("50 cents" of "240p")."""
    points = amount.unit == "scale_point" or (amount.unit == "count" and amount.noun in _POINT_NOUNS)
    if level.is_percent:
        if amount.unit == "percentage_point" or points:
            return interval(amount)
        return None
    if subunits(amount, level) != 1:
        return Interval(amount.low / 100, amount.high / 100)
    if points and level.unit in ("count", "scale_point"):  # points of an index, its level with or without "points"
        return interval(amount)
    if amount.unit == "count" and level.unit == "count" and amount.noun is not None and amount.noun == level.noun:
        return interval(amount)
    return interval(amount) if comparable(amount, level) else None


def amount_claim_ratio(g: Growth) -> Interval | None:
    """new/old for a change stated as an amount and a percent with one level ("climbed 221 points, or 1.7
    percent, to 13,101": old is 13,101 - 221): the range of factors the amount and the level allow, each
    figure anywhere in its interval. None without an amount, a percent rate, a known direction and one
    level; a claim with both levels is checked on them (rate_claim_ratio)."""
    if g.amount is None or g.rate is None or g.rate.unit != "percent" or g.direction == Direction.UNKNOWN \
            or g.inverse or (g.old is None) == (g.new is None):
        return None
    level = g.new if g.new is not None else g.old
    a = amount_in_level_unit(g.amount, level)
    if a is None or a.low <= 0 or level.low <= 0 or math.isinf(level.high) or math.isinf(a.high):
        return None
    lv, up = interval(level), g.direction == Direction.UP
    if level is g.old:  # new = old ± amount: the factor is 1 ± amount/old
        low, high = (1 + a.low / lv.high, 1 + a.high / lv.low) if up else (1 - a.high / lv.low, 1 - a.low / lv.high)
        return Interval(low, high) if high > 0 else None
    if up:  # old = new - amount: new/old falls as new grows and rises with the amount
        if lv.high <= a.low:
            return None  # a rise larger than where it ended: no level before it to speak of
        return Interval(lv.high / (lv.high - a.low), lv.low / (lv.low - a.high) if lv.low > a.high else math.inf)
    return Interval(lv.low / (lv.low + a.high), lv.high / (lv.high + a.low))  # old = new + amount


def amount_rate_interval(rate: Quantity) -> Interval:
    """The interval of a rate stated beside an amount: as written, and down to what rounds to it in two steps.

    Why: market and earnings copy work the percent out to one decimal more and round again ("fell 134.9
    points, or 1.4 per cent, to 9,865.1": 1.349 -> 1.35 -> 1.4), so a rate may sit a twentieth of its last
    digit below its rounding interval; the amount and level beside it are exact figures that show it.
    """
    iv = interval(rate)
    if rate.bound != "=" or rate.low == rate.high:
        return iv
    return Interval(iv.low - 0.05 * 10.0 ** -rate.decimals, iv.high)


JUMP = 100.0  # figures of one measure this many times apart are a scale slip (U103), not a growth to check


def is_magnitude_jump(g: Growth) -> bool:
    """A series claim whose new figure is out of line by orders of magnitude: U103 reports it, once."""
    return (g.series and g.old is not None and g.new is not None and not g.new.garble and g.old.value > 0
            and g.new.value > 0 and not (1 / JUMP <= g.new.value / g.old.value <= JUMP))


def describe(q: Quantity) -> str:
    """How a message names a figure: "more than 3 million", "5.22 million", "135.3 million" (every digit
    written, no more: "135.3 mln" is not "135 million")."""
    figure = as_written(q)
    if q.garble:
        return figure
    if q.bound == ">":
        return f"more than {figure}"
    if q.bound == "<":
        return f"less than {figure}"
    if q.bound == "~":
        return f"about {figure}"
    return figure if abs(q.value) >= 1e6 else q.text.strip()


def is_annual_rate(doc, rate: Quantity) -> bool:
    """ "an average annual growth of 7%", "7% a year": a rate per year (the one reader: rules.periods)."""
    return is_annual(doc.text, rate)
