"""U101 unit-conversion-mismatch: a unit conversion in brackets that is not the same amount.

What it does:
    For "100 km (62 miles)", "30 C (86 F)", "2,000 hectares (4,900 acres)" it
    converts the first figure with pint and checks the bracketed one. Bracketed
    conversions are rounded, so the bracketed figure is read as approximate
    (within 10 %), and a finding needs the two to be further apart than that.
    A unit the words leave open is settled by the other figure: "700 pounds
    (320kg)" is a weight, the "m" of "30ft (9m)" is metres.

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

from statlint.checker.arithmetic import Interval
from statlint.checker.model import Finding, Related, Rule, Severity, Span, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits
from statlint.checker.units import UNIT_WORDS
from statlint.rules._conversion import bracket_pairs

CODE, NAME = "U101", "unit-conversion-mismatch"
APPROX = 0.10  # a bracketed conversion is a rounded restatement
_PHYSICAL = frozenset(UNIT_WORDS.values())


def _convert(value: float, src: str, dst: str) -> float | None:
    from statlint.checker import units

    try:
        return units.registry().Quantity(value, units.unit(src)).to(units.unit(dst)).magnitude
    except Exception:  # pint's DimensionalityError and friends: not the same kind of unit
        return None


_MASS = frozenset(("kilogram", "gram", "pound", "metric_ton", "ton", "ounce", "troy_ounce"))
_LENGTH = frozenset(("kilometer", "mile", "meter", "centimeter", "millimeter", "foot", "inch", "yard"))


def _unit_and_text(doc, q, partner_unit: str) -> tuple[str, str, int]:
    """(unit, text, end) of one side of a conversion, with an ambiguous unit settled by the other side.

    The reader cannot know that "700 pounds" is a weight or that the "m" of "(10m)"
    is metres ("£5m", "5m people" are millions); a partner in kilograms or in feet can.
    """
    if q.unit == "GBP" and partner_unit in _MASS and q.text.rstrip().lower().endswith(("pound", "pounds")):
        return "pound", q.text, q.span.end
    end = q.span.end
    if (q.unit == "count" and partner_unit in _LENGTH and doc.text[end:end + 1] == "m"
            and not doc.text[end + 1:end + 2].isalpha()):
        return "meter", doc.text[q.span.start:end + 1], end + 1
    return q.unit, q.text, end


def check(doc, facts):
    for a, b in bracket_pairs(doc, facts.quantities):
        a_unit, a_text, _ = _unit_and_text(doc, a, b.unit)
        b_unit, b_text, b_end = _unit_and_text(doc, b, a_unit)
        if a_unit not in _PHYSICAL or b_unit not in _PHYSICAL or a_unit == b_unit:
            continue
        lo, hi = _convert(a.low, a_unit, b_unit), _convert(a.high, a_unit, b_unit)
        if lo is None or hi is None:
            continue
        lo, hi = min(lo, hi), max(lo, hi)
        if b.high * (1 + APPROX) >= lo and b.low * (1 - APPROX) <= hi:
            continue
        converted = _convert(a.value, a_unit, b_unit)
        expected = implied_number(converted, product_place(converted, [significant_digits(a)]), Interval(b.low, b.high))
        unit_word = _unit_word(b_text)
        written = f"{expected}{unit_word}" if len(b_text.split()) == 1 else f"{expected} {unit_word}"  # "318kg"
        yield Finding(
            rule=CODE, name=NAME, span=Span(b.span.start, b_end), severity=Severity.ERROR, confidence=0.85,
            message=f"{a_text.strip()} is about {written}, not {b_text.strip()}",
            suggestion=written,
            related=(Related("converted", a.span, a.text),),
            fingerprint=fingerprint(CODE, a.text + " " + b.text, doc.claim_context(b.span)),
        )


def _unit_word(text: str) -> str:
    """The unit as written after the figure: "miles" in "62 miles", "kg" in "320kg"."""
    last = text.strip().split()[-1]
    return last.lstrip("0123456789.,") if len(text.split()) == 1 else last


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
