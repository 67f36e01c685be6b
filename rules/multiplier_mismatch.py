"""G104 multiplier-mismatch: "N-fold", "N times", "doubled" that does not fit the figures.

What it does:
    Checks multiplier claims against the two figures they connect. "N-fold"
    and "N times higher" are read generously (as N or N+1 times), "doubled"
    as 1.75 to 2.25 times, "more than doubled" as at least 2 times.

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

import regex

from statlint.checker.arithmetic import Interval, fmt_number
from statlint.checker.model import Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits
from statlint.rules._growth import old_new_ratio

CODE, NAME = "G104", "multiplier-mismatch"

VERB_FACTORS = {
    "doubled": Interval(1.75, 2.25), "tripled": Interval(2.6, 3.4), "trebled": Interval(2.6, 3.4),
    "quadrupled": Interval(3.5, 4.5), "halved": Interval(0.44, 0.57),
}
_MORE_THAN = regex.compile(r"(?:more\s+than|over|nearly|almost)\s+\Z", regex.IGNORECASE | regex.REVERSE)


def claimed_factor(doc, g) -> Interval | None:
    if g.factor is not None:
        # "19-fold" / "19 times higher": 19x or, read as "19 times more", 20x
        return Interval(g.factor.low, g.factor.high + 1)
    if g.factor_kind in VERB_FACTORS:
        factor = VERB_FACTORS[g.factor_kind]
        m = _MORE_THAN.search(doc.text, max(0, g.verb.start - 14), g.verb.start)
        if m:
            word = m.group(0).split()[0].lower()
            base = 2.0 if g.factor_kind == "doubled" else (factor.low + factor.high) / 2
            return Interval(base, float("inf")) if word in ("more", "over") else Interval(base * 0.75, factor.high)
        return factor
    return None


def check(doc, facts):
    for g in facts.growths:
        if g.old is None or g.new is None:
            continue
        claimed = claimed_factor(doc, g)
        if claimed is None:
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
        yield Finding(
            rule=CODE, name=NAME, message=message, span=span, severity=Severity.ERROR, confidence=0.8,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, what, doc.claim_context(span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
