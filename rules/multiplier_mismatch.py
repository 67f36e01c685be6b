"""G104 multiplier-mismatch: "N-fold", "N times", "doubled" that does not fit the figures.

What it does:
    Checks multiplier claims against the two figures they connect. "N-fold"
    and "N times higher" are read generously (as N or N+1 times), "doubled"
    as 1.75 to 2.25 times, "more than doubled" as at least 2 times. A
    multiplier that restates a rate ("up 4,900%, or 49 times as many") must
    be the same ratio: +4,900 % is ×50. Reads change claims with the hedge
    (rules.hedges) and restating multiplier (rules.multipliers), and a
    multiplier noun in apposition ("rose to 6.3 billion from 2.1 billion, a
    threefold increase"): "a threefold increase" is ×3 to some readers and
    ×4 ("three times more") to others, so both are accepted, as for "N-fold".

Why is this bad?
    "Increased 19-fold to 6.3 million from 33.06 million" cannot be true: the
    figure fell to a fifth.

Example:
    Shipments increased 19-fold to 6.3 million units from 33.06 million units.

Use instead:
    Shipments increased 19-fold to 6.3 million units from 330,600 units.

Known false positives:
    A multiplier of a different measure than the two figures quoted with it.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import Interval, factor_from_rate, fmt_number, interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Growth, Related, Rule, Severity, fingerprint
from statlint.checker.precision import factor_digits, implied_number, product_place, significant_digits
from statlint.rules._growth import old_new_ratio

CODE, NAME = "G104", "multiplier-mismatch"

VERB_FACTORS = {
    "doubled": Interval(1.75, 2.25), "tripled": Interval(2.6, 3.4), "trebled": Interval(2.6, 3.4),
    "quadrupled": Interval(3.5, 4.5), "halved": Interval(0.44, 0.57),
}


def claimed_factor(g: Growth) -> Interval | None:
    """The new/old factor the claim's multiplier allows (its hedge read by rules.hedges)."""
    if g.factor is not None:
        if g.factor_kind == "times-as":
            # "49 times as many", "50 times the 2010 level": N times, to the figure's last digit
            half = 0.5 * 10 ** -g.factor.decimals
            return Interval(g.factor.value - half, g.factor.value + half)
        # "19-fold" / "19 times higher": 19x or, read as "19 times more", 20x
        return Interval(g.factor.low, g.factor.high + 1)
    if g.factor_kind in VERB_FACTORS:
        factor = VERB_FACTORS[g.factor_kind]
        if g.factor_kind == "halved":
            # "more than halved": fell below half; "nearly halved": a little above it
            if g.hedge == "more than":
                return Interval(0.0, factor.high)
            return Interval(factor.low, 0.5 / 0.75) if g.hedge == "nearly" else factor
        base = 2.0 if g.factor_kind == "doubled" else (factor.low + factor.high) / 2
        if g.hedge == "more than":
            return Interval(base, float("inf"))
        if g.hedge == "nearly":
            return Interval(base * 0.75, factor.high)
        return factor
    return None


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        claimed = claimed_factor(g)
        if claimed is None:
            continue
        if g.rate is not None and g.factor is not None and g.rate.unit == "percent":
            yield from _restated_rate(doc, g, claimed)  # "up 4,900%, or 49 times as many" (rules.multipliers)
            continue
        if g.old is None or g.new is None:
            continue
        r = old_new_ratio(g)
        if r is None or r.intersects(claimed):
            continue
        actual = g.new.value / g.old.value if g.old.value else float("inf")
        actual_text = implied_number(actual, product_place(actual, map(significant_digits, (g.old, g.new))), claimed)
        what = g.factor.text.strip() if g.factor is not None else g.verb_text
        message = (f"'{what}' means about ×{fmt_number((claimed.low + min(claimed.high, claimed.low * 3)) / 2)}, "
                   f"but {g.old.text.strip()} to {g.new.text.strip()} is ×{actual_text}")
        span = g.factor.span if g.factor is not None else g.verb
        yield RULE.finding(
            message=message, span=span, confidence=0.8,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, what, doc.claim_context(span)), gap=relative_gap(claimed, r),
        )


def _restated_rate(doc: Document, g: Growth, claimed: Interval) -> Iterator[Finding]:
    implied = factor_from_rate(interval(g.rate), g.direction)
    if implied.intersects(claimed):
        return
    mid = (implied.low + implied.high) / 2
    digits = (factor_digits(g.rate, g.direction < 0), significant_digits(g.factor))
    figure = implied_number(mid, product_place(mid, digits), claimed)
    what = g.factor.text.strip()
    yield RULE.finding(
        span=g.factor.span, confidence=0.7,
        message=f"a change of {g.rate.text.strip()} is ×{figure}, not '{what}'",
        suggestion=f"{figure} times" if g.factor_kind == "times-as" else None,
        related=(Related("rate", g.rate.span, g.rate.text),),
        fingerprint=fingerprint(CODE, g.rate.text + " " + what, doc.claim_context(g.factor.span)),
        gap=relative_gap(claimed, implied),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
