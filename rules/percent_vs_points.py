"""G103 percent-vs-points: a change in a percentage reported in percent when it is in points (or the reverse).

What it does:
    Reads the Growth claims (Facts.growths, any Growth.form) whose rate connects
    two figures that are themselves percentages ("declined 1.6 pct to 55.9 pct
    from 57.5 pct", "rose to 41 pct from 38.4 pct, up 2.6%"; a rate set by a
    body, a levy, tariff or duty, is exact: rules.quantities.exact), and checks whether the rate is the
    relative change (2.8 %) or the difference in percentage points (1.6). A
    rate written in percent that only fits as points, or written in points
    that only fits as percent, is flagged with the right wording.

Why is this bad?
    A fall from 57.5 % to 55.9 % is 1.6 percentage points but 2.8 percent;
    mixing them misstates the change.

Example:
    The jobless rate declined 1.6 pct to 55.9 pct from 57.5 pct.

Use instead:
    The jobless rate declined 1.6 percentage points to 55.9 pct from 57.5 pct.

Known false positives:
    Wire copy that uses "pct" loosely for points by house style.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import factor_from_rate, interval
from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, implied_percent
from statlint.rules._growth import old_new_ratio

CODE, NAME = "G103", "percent-vs-points"


def _points_interval(g):
    lows = (g.new.low - g.old.high, g.new.high - g.old.low)
    lo, hi = min(lows), max(lows)
    if g.direction == Direction.DOWN:
        lo, hi = -hi, -lo
    return lo, hi


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        if g.rate is None or g.old is None or g.new is None or g.direction == Direction.UNKNOWN:
            continue
        if not (g.old.unit == "percent" and g.new.unit == "percent"):
            continue
        r = old_new_ratio(g)
        if r is None:
            continue
        relative_fits = factor_from_rate(interval(g.rate), g.direction).intersects(r)
        lo, hi = _points_interval(g)
        points_fit = g.rate.low <= hi and lo <= g.rate.high
        # a difference of two figures is exact to the finer one's decimals; a relative change is a ratio
        diff = implied_number(abs(g.new.value - g.old.value), -max(g.old.decimals, g.new.decimals))
        rel = abs(g.new.value / g.old.value - 1) * 100 if g.old.value else None
        number = g.rate.text.split()[0].rstrip("%")  # the rate's digits as written, for the repair
        if g.rate.unit == "percent" and points_fit and not relative_fits:
            suggestion = f"{number} percentage {_points(number)}"
            message = (f"{describe_move(g)} is a change of {diff} percentage {_points(diff)}"
                       + (f" ({implied_percent(rel, (g.old, g.new), g.rate)} in relative terms)"
                          if rel is not None else "")
                       + f", so '{g.rate.text.strip()}' should be in points")
        elif g.rate.unit == "percentage_point" and relative_fits and not points_fit:
            suggestion = f"{number}%"
            message = (f"{describe_move(g)} is a change of {diff} percentage {_points(diff)}, but "
                       f"'{g.rate.text.strip()}' fits only as a relative change in percent")
        else:
            continue
        yield RULE.finding(
            message=message, span=g.rate.span, confidence=0.8, suggestion=suggestion,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
        )


def _points(figure: str) -> str:
    """ "1 percentage point", "1.6 percentage points"."""
    return "point" if figure == "1" else "points"


def describe_move(g) -> str:
    return f"from {g.old.text.strip()} to {g.new.text.strip()}"


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("growths",))
