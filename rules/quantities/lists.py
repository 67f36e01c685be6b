"""A list's unit written once, after its last figure: "1, 5, 10, 20 and 50 μg/L", "34 and 38 °C", "4.5, 6 and 13 kg";
and a change's, after its second figure: "from ∼20 to 40 ppm".

Why: the writer names the unit once for the whole list, so every member is
in it; read alone, "1", "5", "10" and "20" would be counts, and a check that
compares figures of one unit (parts and total, "respectively") would not see
them as members. This step runs after every figure is read and after pairs,
over neighbours only (linear).

The form, from its definition: figures written bare (digits only: no unit,
currency, scale word or sign of their own), each joined to the next by a
comma, "and", "or" or "to" and nothing else (not ", or", which restates; nor "or" between figures more than
ten times apart or larger first, which are no alternatives: "down 159 or 0.94%"), the last one followed by its unit
and written at face value (no scale word: "4, 5 and 6 mln dlrs" would need
the scale too, and is left as it is). Only the unit passes to the bare
members; their values and intervals are what they wrote.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity, replace
from statlint.checker.numbers import SCALES, parse_numeral

# Between two members of a list: a comma, "and", "or", or a comma then "and"; or "to" between the two ends of a
# change ("from ∼20 to 40 ppm"); then perhaps a sign of approximation ("from ∼250 to ∼550 ppm"); nothing else.
# (A comma then "or" restates the figure before in another unit: "from 1,727,200, or 5.3 pct" is one stake.)
_JOIN = lazy_compile(r"(?:\s*+,\s*+(?:and\s++)?+|\s++(?:and|or|to)\s++)[~∼≈]?+")
# A member written bare: a numeral alone, perhaps signed.
_BARE = lazy_compile(r"[−-]?+\d[\d,.]*+")
# The last member: a numeral, then its unit (a word or symbol, after a space or glued).
_WITH_UNIT = lazy_compile(r"[−-]?+(?P<num>\d[\d,.]*+)[\s-]?+\D.*+", regex.DOTALL)


def share_list_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` (in text order) with the bare members of each list given the unit of its last member."""
    out = list(quantities)
    if len(out) < 2:
        return out  # no list and no change of one figure: most short texts have one figure or none
    i = len(out) - 1
    while i > 0:
        last = out[i]
        j = i
        if _may_end_a_list(text, out[i - 1], last) and _unit_written_after(last):
            while j > 0 and _is_bare(out[j - 1]) and _JOIN.fullmatch(text, out[j - 1].span.end, out[j].span.start) \
                    and not _restated(text, out[j - 1], out[j]):
                j -= 1
            for k in range(j, i):
                out[k] = replace(out[k], unit=last.unit)
        i = j - 1 if j < i else i - 1
    if "from" in text:  # (_FROM matches only around a "from", and most texts have none)
        _share_from_units(text, out)
    return out


# "to 1.2 mln dlrs from 3.4 mln": the figure a change started from, written bare right after "from".
_FROM = lazy_compile(r"\s++from\s++[~∼≈]?+")
# Words a bare old figure may have after it and still be bare ("from 3.4 mln a year earlier", "from 1,800 in 2020").
_AFTER_OLD = frozenset("a an in the last and on at for year previously earlier before".split())
_NOT_SHARED = frozenset(("count", "percent", "percentage_point", "times"))


def _share_from_units(text: str, out: list[Quantity]) -> None:
    """Give the bare figure after "from" the unit of the figure before it, in place: "rose to 1.2 mln dlrs from
    3.4 mln" is dollars both times, "2.3 mln barrels per day from 1.9 mln" barrels a day. Both are written alike
    (a scale word on both or on neither); not a percentage ("up 5 pct from 120" names a level apart) and not a
    figure with a noun of its own ("5 tonnes from 120 farms")."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if b.unit != "count" or b.kind != "level" or a.kind != "level" or a.unit in _NOT_SHARED \
                or not _FROM.fullmatch(text, a.span.end, b.span.start):
            continue
        if (b.noun is None or b.noun in _AFTER_OLD) and _scaled(a.text) == _scaled(b.text):
            out[k] = replace(b, unit=a.unit)


def _scaled(written: str) -> bool:
    """Whether a figure is written with a scale word, spaced or glued ("3.4 mln", "3.5bn", "$4bn")."""
    return any(word.lstrip("$€£¥0123456789.,").lower().rstrip(".") in SCALES for word in written.split())


def _may_end_a_list(text: str, before: Quantity, last: Quantity) -> bool:
    """The cheap half of the tests that `last` ends a list whose member `before` is: both levels, `last`
    with a unit and `before` a count, joined as list members are. Tried first, as most figures with a
    unit follow no bare count: the patterns of _unit_written_after and _is_bare ran for each of them."""
    return last.unit != "count" and last.kind == "level" and before.unit == "count" and before.kind == "level" \
        and _JOIN.fullmatch(text, before.span.end, last.span.start) is not None


_OR = lazy_compile(r"\s++or\s++[~∼≈]?+")
_ALTERNATIVES = 10.0  # "5 or 6 percent", "0.5 or 1 pct": alternatives of one size are this close at most


def _restated(text: str, q: Quantity, nxt: Quantity) -> bool:
    """Whether "or" joins a figure to its restatement in another measure rather than to an alternative of
    it: "down 159 or 0.94%" (159 points, 0.94 % of the level). Alternatives are written smaller first and
    close in size ("5 or 6 percent", "0.5 or 1 pct")."""
    if not _OR.fullmatch(text, q.span.end, nxt.span.start):
        return False
    if abs(q.value) > abs(nxt.value):
        return True  # alternatives go up: "5 or 6 percent", not "30.98 or 0.5%"
    return q.value == 0 or abs(nxt.value) / abs(q.value) > _ALTERNATIVES


def _is_bare(q: Quantity) -> bool:
    return q.unit == "count" and q.kind == "level" and _BARE.fullmatch(q.text) is not None


def _unit_written_after(q: Quantity) -> bool:
    """Whether `q` is a figure at face value with a unit word after it ("50 μg/L", "38 °C", "13 kg", "5 pct")."""
    if q.unit == "count" or q.kind != "level":
        return False
    m = _WITH_UNIT.fullmatch(q.text)
    return m is not None and parse_numeral(m.group("num")).value == abs(q.value)
