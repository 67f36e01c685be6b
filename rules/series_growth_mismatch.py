"""G106 series-growth-mismatch: a year-on-year rate that does not fit last year's figure stated elsewhere.

What it does:
    Takes a growth claim with a rate and a figure for year Y but no base in its
    own sentence ("In 2023 sales reached 4.2 million, up 60%") and looks for
    the same measure's figure for year Y-1 earlier in the article ("Sales were
    3 million in 2022."). Only a single unambiguous earlier figure with the
    same unit (and the same noun, when there is one) is used as the base; the
    arithmetic is that of G101. Reads change claims (rules.claims) with the
    year of the new figure read by rules.periods (its own year, or the year
    of its clause: "In 2024 volume fell 25% year on year to 496.8 million
    tonnes") and the earlier figure linked by rules.priors (a rate "from the
    previous year" or "against a year earlier" names only the year; one
    "from last year's 3.7 million" names a base of its own and is left
    alone).

Why is this bad?
    Series told over several sentences are where rates are copied from the
    wrong year or recomputed on a revised figure.

Example:
    Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 60%.

Use instead:
    Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 35%.

Known false positives:
    Two measures of the same unit in one article (sales and output, both in
    units) when only one of them is given for the earlier year.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.arithmetic import factor_from_rate, interval, linked_intervals, rate_from_ratio, ratio, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_percent

CODE, NAME = "G106", "series-growth-mismatch"


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        old = g.prior  # linked by rules.priors: the same measure's figure for the year before, elsewhere
        if old is None or g.rate is None or g.new is None:
            continue
        r = ratio(*linked_intervals(g.new, old))  # (precision model, rule 3, as G101 reads its two levels)
        if r is None or factor_from_rate(interval(g.rate), g.direction).intersects(r):
            continue
        implied = rate_from_ratio(r, g.direction)
        rate = implied_percent((implied.low + implied.high) / 2, (old, g.new), g.rate)
        yield RULE.finding(
            span=g.rate.span, confidence=0.7,
            message=f"{old.text.strip()} {_when(g, 0)} to {g.new.text.strip()} {_when(g, 1)} is about "
                    f"{rate}, not {g.rate.text.strip()}",
            suggestion=rate,
            related=(Related("base", old.span, old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, g.rate.text, doc.claim_context(g.rate.span)),
            gap=relative_gap(factor_from_rate(interval(g.rate), g.direction), r),
        )


def _when(g, which: int) -> str:
    """ "in 2022" / "in 2023", or the relative datings as written ("last year" / "this year")."""
    if g.prior_dating is not None:
        return g.prior_dating[which].lower()
    return f"in {g.new_year - 1 + which}"


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
