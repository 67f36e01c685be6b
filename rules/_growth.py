"""Helpers the growth checks share: which figures can be compared, and how to name them."""
from __future__ import annotations

from statlint.checker.arithmetic import Interval, linked_intervals, ratio
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
