"""U101 unit-conversion-mismatch: a unit conversion (brackets, ", or", dashes; per another period) that is not the same amount.

What it does:
    Reads the Conversion claims of rules.conversions between two physical
    units: "100 km (62 miles)", "2,000 hectares (4,900 acres)", "a
    12-foot-high (3.7-metre-high) wall", "90 km - about 56 miles -". It
    converts the first figure with pint and checks the second. A restatement
    is rounded, so the second figure is read as approximate (within 10 %), and
    a finding needs the two to be further apart than that. (A total restated
    per another period is C101's.)

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

from typing import Iterator

from statlint.checker.arithmetic import Interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Conversion, Facts, Finding, Related, Rule, Severity, Span, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits

CODE, NAME = "U101", "unit-conversion-mismatch"
APPROX = 0.10  # a restatement is rounded


def _convert(value: float, src: str, dst: str) -> float | None:
    from statlint.checker import units

    try:
        return units.registry().Quantity(value, units.unit(src)).to(units.unit(dst)).magnitude
    except Exception:  # pint's DimensionalityError and friends: not the same kind of unit
        return None


def _expected(c: Conversion) -> tuple[float, float, float] | None:
    """(low, high, value) that the first figure gives in the second's unit, or None."""
    a = c.a
    converted = [_convert(v, c.a_unit, c.b_unit) for v in (a.low, a.high, a.value)]
    if None in converted:
        return None
    lo, hi, value = converted
    return min(lo, hi), max(lo, hi), value


def _checkable(c: Conversion) -> tuple[float, float, float] | None:
    """What the first figure gives in the second's unit (low, high, value), for a conversion this rule reads."""
    if c.a_per != c.b_per or c.a_unit == "percent" or len(c.a_unit) == 3 and c.a_unit.isupper():
        return None  # per another period, a rate restated as a multiplier (C101); two currencies (U102)
    return _expected(c)


def claim_gap(c: Conversion) -> float | None:
    """The written second figure against the one the first converts to (arithmetic.relative_gap); None for a
    conversion this rule does not read. The confidence model's evidence for every conversion claim."""
    expected = _checkable(c)
    return None if expected is None else relative_gap(Interval(c.b.low, c.b.high), Interval(*expected[:2]))


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for c in facts.conversions:
        expected = _checkable(c)
        if expected is None:
            continue
        lo, hi, value = expected
        b = c.b
        if b.high * (1 + APPROX) >= lo and b.low * (1 - APPROX) <= hi:
            continue
        figure = implied_number(value, product_place(value, [significant_digits(c.a)]), Interval(b.low, b.high))
        b_text, a_text = " ".join(c.b_text.split()), " ".join(c.a_text.split())
        written = figure + b_text[len(b.text.strip()):] if b_text.startswith(b.text.strip()) else figure
        if c.b_unit == b.unit and b_text == b.text.strip():
            written = figure + _unit_word(b_text)
        yield RULE.finding(
            span=c.b_span, confidence=0.85,
            message=f"{a_text} is about {written}, not {b_text}",
            suggestion=written,
            related=(Related("converted", c.a_span, c.a_text),),
            fingerprint=fingerprint(CODE, c.a.text + " " + b.text, doc.claim_context(b.span)),
            gap=claim_gap(c),
        )


def _unit_word(text: str) -> str:
    """The unit as written after the figure, with its space: " miles" in "62 miles", "kg" in "320kg"."""
    parts = text.split()
    if len(parts) == 1:
        return text.lstrip("$€£¥0123456789.,")
    return " " + " ".join(parts[1:])


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("conversions",))
