"""U103 magnitude-jump: a figure a hundred times out of line with the series it continues.

What it does:
    Within a series (Series claims: "respectively", or figures each with its year, "$12.1 billion in 2021,
    $12.8 billion in 2022 and $1,350 billion in 2023"), for a later figure a growth
    claim compares with that series, and for the figure that carries the
    series one year on in the same sentence (SeriesNext claims: "exceeded the
    2 million and 3 million mark in 2021 and 2022, respectively, and reached
    522 in 2023"), flags a value more than 100 times larger or smaller than
    its neighbour of the same measure. When
    multiplying by 10,000 (万 lost in translation), 1,000 or a million brings
    it in line, that reading is suggested.

Why is this bad?
    Series of one measure move by percentages, not by orders of magnitude; a
    scale word or a translated unit was lost.

Example:
    Sales passed 2 million and 3 million in 2021 and 2022, respectively, and soared to 522 units in 2023, up 57%.

Use instead:
    Sales passed 2 million and 3 million in 2021 and 2022, respectively, and soared to 5.22 million units in 2023, up 57%.

Known false positives:
    Genuine collapses or take-offs from a tiny base (a product's first year); a series of three or more
    that moves by a factor of three or more at every step is taken for one and left alone.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits
from statlint.rules._growth import JUMP, is_magnitude_jump

CODE, NAME = "U103", "magnitude-jump"
REPAIRS = ((1e4, "× 10,000 (万)"), (1e3, "× 1,000"), (1e6, "× 1 million"), (1e8, "× 100 million (亿)"))


def _same_measure(a, b) -> bool:
    return a.unit == b.unit and a.kind != "range" and b.kind != "range" and a.value > 0 and b.value > 0


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    reported = set()  # spans reported once: a series' figure may also be a growth claim's new figure
    for s in facts.series:
        for finding in _series_findings(doc, s.values):
            if finding.span not in reported:
                reported.add(finding.span)
                yield finding
    first_series = None  # each figure's first series: built on the first jump only, a lookup per claim after it
    for g in facts.growths:
        if is_magnitude_jump(g) and _same_measure(g.old, g.new) and g.new.span not in reported:
            if first_series is None:
                first_series = {}
                for s in facts.series:
                    for v in s.values:
                        first_series.setdefault(v, s.values)
            reported.add(g.new.span)
            yield _finding(doc, g.new, g.old, first_series.get(g.old, (g.old,)))
    for n in facts.series_next:
        last = n.series.values[-1]
        if n.value.span not in reported and _same_measure(last, n.value) and not n.value.garble \
                and not (1 / JUMP <= n.value.value / last.value <= JUMP):
            yield _finding(doc, n.value, last, n.series.values)


def _jumps(a, b) -> bool:
    return _same_measure(a, b) and not (1 / JUMP <= b.value / a.value <= JUMP)


def _from_small_base(a, b) -> bool:
    """A rise from a small base is the likeliest real jump: a share that grows from 0.2 % to 25 %, cases that go
    from 5 to 600. A later figure that jumps up from a percentage, or from a count under 100, is not reported.
    (A small first figure below a series in line is still the odd one: "36, 3.9 million and 4.1 million".)"""
    return a.value < b.value and (a.unit in ("percent", "percentage_point") or (a.unit == "count" and a.value < 100))


def _in_line(a, b) -> bool:
    return _same_measure(a, b) and 1 / 3 <= b.value / a.value <= 3


def _series_findings(doc, values):
    """The figures out of line with a series' neighbours. Of two figures a jump lies between, the later is
    reported, unless the earlier is the first and in line with the rest ("1.2, 120 and 125": the 1.2) or
    the later is back in line with the figure before the earlier ("120,000, 125,000, 1,300 and 131,000":
    the 1,300 is reported, against 125,000); a figure right after a reported one is measured against
    nothing (back in line after the slip). A series of three or more in which no two neighbours are within
    a factor of three is a take-off from a small base (first sales, a new product), not a slip: it is left
    alone, as is a later figure that jumps up from a small base (_from_small_base)."""
    if len(values) >= 3 and not any(_in_line(a, b) for a, b in zip(values, values[1:])):
        return
    reported = None
    for i, (a, b) in enumerate(zip(values, values[1:])):
        if not _jumps(a, b) or a is reported:
            continue
        if i == 0 and len(values) >= 3 and not _jumps(b, values[2]):
            reported = a
            yield _finding(doc, a, b, values)
        elif i >= 1 and _in_line(values[i - 1], b):
            reported = a  # b is back in line with the figure before a: a is the odd one out
            yield _finding(doc, a, values[i - 1], values)
        elif not _from_small_base(a, b):
            reported = b
            yield _finding(doc, b, a, values)


def _finding(doc, q, ref, series):
    ratio = q.value / ref.value
    suggestion = None
    for factor, label in REPAIRS:
        for f in (factor, 1 / factor):
            if 1 / 10 <= ratio * f <= 10:
                repaired = q.value * f  # the same digits at another scale
                suggestion = implied_number(repaired, product_place(repaired, [significant_digits(q)]), exact=True)
                break
        if suggestion:
            break
    times = implied_number(ratio, product_place(ratio, map(significant_digits, (q, ref))))
    message = (f"{q.text.strip()} is {times} times {ref.text.strip()}, out of line with the series "
               f"({', '.join(v.text.strip() for v in series)})")
    if suggestion:
        message += f"; did you mean {suggestion}?"
    return RULE.finding(
        span=q.span, confidence=0.7, message=message,
        suggestion=suggestion, related=(Related("series", ref.span, ref.text),),
        fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("growths", "series", "series_next"))
