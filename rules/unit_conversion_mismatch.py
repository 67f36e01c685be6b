"""U101 unit-conversion-mismatch: a unit conversion in brackets that is not the same amount.

What it does:
    For "100 km (62 miles)", "30 C (86 F)", "2,000 hectares (4,900 acres)" it
    converts the first figure with pint and checks the bracketed one. Bracketed
    conversions are rounded, so the bracketed figure is read as approximate
    (within 10 %), and a finding needs the two to be further apart than that.

Why is this bad?
    A conversion that does not match (km read as miles, a lost zero) gives the
    reader two different numbers for one thing.

Example:
    The epicentre was 90 km (150 miles) east of the city.

Use instead:
    The epicentre was 90 km (56 miles) east of the city.

Known false positives:
    Short and long tons, US and imperial gallons: the reading chosen for "tons"
    and "gallons" is the US one.
"""
from __future__ import annotations

from checker.arithmetic import fmt_number
from checker.model import Finding, Related, Rule, Severity, fingerprint
from checker.units import UNIT_WORDS
from rules._conversion import bracket_pairs

CODE, NAME = "U101", "unit-conversion-mismatch"
APPROX = 0.10  # a bracketed conversion is a rounded restatement
_PHYSICAL = frozenset(UNIT_WORDS.values())


def _convert(value: float, src: str, dst: str) -> float | None:
    from checker import units

    try:
        return units.registry().Quantity(value, units.unit(src)).to(units.unit(dst)).magnitude
    except Exception:  # pint's DimensionalityError and friends: not the same kind of unit
        return None


def check(doc, facts):
    for a, b in bracket_pairs(doc, facts.quantities):
        if a.unit not in _PHYSICAL or b.unit not in _PHYSICAL or a.unit == b.unit:
            continue
        lo, hi = _convert(a.low, a.unit, b.unit), _convert(a.high, a.unit, b.unit)
        if lo is None or hi is None:
            continue
        lo, hi = min(lo, hi), max(lo, hi)
        if b.high * (1 + APPROX) >= lo and b.low * (1 - APPROX) <= hi:
            continue
        expected = _convert(a.value, a.unit, b.unit)
        yield Finding(
            code=CODE, symbol=NAME, span=b.span, severity=Severity.ERROR, confidence=0.85,
            message=f"{a.text.strip()} is about {fmt_number(expected)} {b.text.split()[-1]}, not {b.text.strip()}",
            suggestion=f"{fmt_number(expected)} {b.text.split()[-1]}",
            related=(Related("converted", a.span, a.text),),
            fingerprint=fingerprint(CODE, a.text + " " + b.text, doc.claim_context(b.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
