"""C101 restated-figure-mismatch: one measure for one period stated twice (headline and body, a rate as a multiplier) with values that cannot both hold.

What it does:
    Compares two statements of one measure for one period, as the extractors link them (rules.statements,
    rules.conversions). Three links are trusted:

    1. Headline against body (HeadlineLink claims, read by rules/_headline.py). The first line is a headline when it is upper case over
       a mixed-case body ("ACME CORP 1ST QTR NET PROFIT 7.2 MLN DLRS") or short and unpunctuated over a
       blank line. A headline figure (digits, not a range, not a bare small count) is linked to the body
       figures in the same unit and kind, within a factor of ten, whose sentence shares a measure word with
       the words around the headline figure (names and rise/fall words alone do not link). It fires when the
       first linked figure is not a rounding of the headline's, the headline figure is stated nowhere in the
       body (in any unit), and it is not the sum or difference of body figures in one sentence of which that
       first linked figure is one (parts that add up to the headline's figure, beside a restatement that
       does not, side with the headline). "Gross domestic product" in the body is the headline's "GDP". Measured on
       the shared corpus with the title line put back: 367 links agree, 21 are ambiguous (the guards keep
       them quiet), none disagree.
    2. The same measure phrase with the same year right before the figure ("net profit in 1986 was 5.1 mln
       dlrs" ... "net profit for 1986 of 6.1 mln dlrs"), or right after it ("exports reached $45 billion in
       2023", "exports fell to $45 billion in May": then for the same subject, or none named), or the same
       measure's rise or fall for the same
       quarter on the same basis ("the economy grew 0.4% in the third quarter" ... "In the third quarter,
       the economy expanded by 0.6%"), in the same unit, for the same subject when both name one (Statement
       claims). Rounding and "about" are allowed for.
    3. A total restated per another period ("12 million a year, or 32,877 a day", "1,500 patients a month (50
       a day)"; Conversion claims): a year is 365 or 366 days, a month 28 to 31, and the restatement is
       rounded (within 10 %).
    4. A rise restated as a multiplier in the same breath ("a 4,900% increase (50 times as many)", ", or 50
       times the"; Conversion claims): a rise of r % multiplies by 1 + r/100, so 4,900 % is 50 times, not 49.
       "N times more" is read either way by writers and is left alone.

Why is this bad?
    A headline and its body, or two paragraphs, that disagree on a figure leave
    the reader with no way to know which is right.

Example:
    Net profit in 1986 was 5.1 mln dlrs. Analysts said net profit for 1986 of 6.1 mln dlrs beat forecasts.

Use instead:
    Net profit in 1986 was 5.1 mln dlrs. Analysts said net profit for 1986 of 5.1 mln dlrs beat forecasts.

Known false positives:
    Revised figures introduced as such, and the same measure for two entities
    (a parent and its unit) in one article. A headline that states a figure the body only implies (a
    total of three or more parts spread over sentences, a change worked out from two levels) and whose body
    restates a related figure with the same measure words.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.arithmetic import Interval
from statlint.checker.model import Direction, Facts, Finding, HeadlineLink, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, product_place, significant_digits

CODE, NAME = "C101", "restated-figure-mismatch"
APPROX = 0.10  # a per-period restatement is rounded
# Days in each period, as (fewest, most): a year of 365 or 366 days, a month of 28 to 31.
_DAYS = {"day": (1.0, 1.0), "week": (7.0, 7.0), "month": (28.0, 31.0), "year": (365.0, 366.0)}


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    yield from _statement_findings(doc, facts)
    yield from _per_period_findings(doc, facts)
    yield from _multiplier_findings(doc, facts)
    for link in facts.headline_links:
        if _status(link) == "disagree":
            yield _headline_finding(doc, link)


# How far back an earlier statement of the same measure is compared: a long feature's length (a news article is
# ~600 characters, one in a hundred over 4,300). Farther back, in a long report or articles run together, the same
# words ("1986 turnover", "net earnings for 1986") are as likely another company's (four such false alarms on the
# Reuters corpus run together as one 20 MB file, bench/scale.py).
_REACH = 10_000


def _statement_findings(doc: Document, facts: Facts) -> Iterator[Finding]:
    first: dict[tuple, object] = {}
    for s in facts.statements:
        q = s.value
        key = (s.measure, s.year, s.period, s.change, q.unit)
        earlier = first.get(key)
        if earlier is None or q.span.start - earlier.value.span.end > _REACH:
            first[key] = s  # the first, or the earlier too far back to be the same company's: compared from here on
            continue
        e = earlier.value
        if e.high >= q.low and q.high >= e.low:
            first[key] = s  # the two agree: the nearer one is the reference from here on (what it restates stays in
            continue  # reach, and a text repeated reads the same in every copy: tests/test_scaling.py)
        if s.subject != earlier.subject and (s.change or (s.subject and earlier.subject)
                                             or _period_after(s) or _period_after(earlier)):
            continue  # "Dome had 1986 revenues of ..., Amoco had 1986 revenues of ...": two companies; a rate
            # named for one company and one named for none may be a group's and its unit's; so may a level with
            # its period after it ("exports fell to $45 billion in May. China said exports rose to $12 billion
            # in May"), the looser form
        yield RULE.finding(
            span=q.span, confidence=0.6,
            message=f"{q.text.strip()} restates {e.text.strip()} given earlier for {_named(s)}, "
                    "and the two cannot both hold",
            related=(Related("earlier", e.span, e.text),),
            fingerprint=fingerprint(CODE, e.text + " " + q.text, doc.claim_context(q.span)),
        )


def _period_after(s) -> bool:
    """Whether a statement's period follows its figure ("exports reached $45 billion in 2023"): its span runs
    past the figure to the period (rules.statements)."""
    return s.span.end > s.value.span.end


def _named(s) -> str:
    """How a message names a statement's measure and period: "net profit in 1986", "economy growth in Q3"."""
    measure = s.measure + (" growth" if s.change == "up" else " fall" if s.change == "down" else "")
    when = " ".join(str(p) for p in (s.period, s.year) if p)
    return f"{measure} {when}" if when.startswith(("last ", "this ")) else f"{measure} in {when}"


def _per_period_findings(doc: Document, facts: Facts) -> Iterator[Finding]:
    for c in facts.conversions:
        if c.a_per == c.b_per or c.a_per not in _DAYS or c.b_per not in _DAYS:
            continue
        (a_few, a_most), (b_few, b_most) = _DAYS[c.a_per], _DAYS[c.b_per]
        # per a_per -> per b_per: times the days in b_per over the days in a_per
        low, high = c.a.low * b_few / a_most, c.a.high * b_most / a_few
        if c.b.high * (1 + APPROX) >= low and c.b.low * (1 - APPROX) <= high:
            continue
        value = c.a.value * (b_few + b_most) / (a_few + a_most)
        # a year has 365 or 366 days, a month 28 to 31: the factor itself is known to about three digits
        figure = implied_number(value, product_place(value, [significant_digits(c.a), 3]), Interval(c.b.low, c.b.high))
        b_text = " ".join(c.b_text.split())
        a_text = " ".join(c.a_text.split())
        if not a_text.endswith(c.a_per):  # "12 million" + " a year"; "90,000 tonnes a month" names it already
            a_text += f" a {c.a_per}"
        yield RULE.finding(
            span=c.b_span, severity=Severity.ERROR, confidence=0.8,
            message=f"{a_text} is about {figure} a {c.b_per}, not {b_text}",
            suggestion=figure, related=(Related("total", c.a_span, c.a_text),),
            fingerprint=fingerprint(CODE, c.a.text + " " + c.b.text, doc.claim_context(c.b_span)),
        )


def _multiplier_findings(doc: Document, facts: Facts) -> Iterator[Finding]:
    rises = {g.rate.span for g in facts.growths if g.rate is not None and g.direction == Direction.UP}
    for c in facts.conversions:
        if c.a_unit != "percent" or c.b_unit != "times" or c.b_form != "as" or c.a.span not in rises:
            continue
        low, high = 1 + c.a.low / 100, 1 + c.a.high / 100
        # A multiplier worked out from a rate is rounded to the nearest, not truncated: "49 times" is 48.5-49.5
        # (4,900 % read as 49 times is the slip of leaving out the 1 the rise starts from).
        half = c.b.value - c.b.low
        if c.b.value - half <= high and low <= c.b.value + half:
            continue
        factor = 1 + c.a.value / 100
        figure = f"{factor:,.{c.b.decimals}f}"  # at the multiplier's own precision
        written = c.b.text.strip()
        suggestion = figure + written[len(written.split()[0]):] if " " in written else None
        yield RULE.finding(
            span=c.b.span, severity=Severity.ERROR, confidence=0.8,
            message=f"a rise of {c.a.text.strip()} multiplies by {figure}, so it is {figure} times the base, "
                    f"not {written}",
            suggestion=suggestion,
            related=(Related("rate", c.a.span, c.a.text),),
            fingerprint=fingerprint(CODE, c.a.text + " " + c.b.text, doc.claim_context(c.b.span)),
        )


def _agrees(h, b) -> bool:
    """A headline rounds the body's figure: the body's value must lie in the headline's interval (or the
    headline's in the body's, when the body's figure is itself approximate: "about 5 pct", or the rounder
    of the two: "1.51 million" over "to 1.5 million" rounds the other way, body from headline)."""
    if h.low <= b.value <= h.high or (b.bound == "~" and b.low <= h.value <= b.high):
        return True
    return b.bound == "=" and b.low <= h.value <= b.high and b.high - b.low > h.high - h.low


def _states(h, b) -> bool:
    """Whether a body figure states the headline's: _agrees, but with the headline's interval half-open. Its top
    admits a truncated figure ("0.6 PCT" for 0.68); a body figure written as exactly that top ("0.7 pct", last
    month's rise) is another figure, not the headline's. Bounds and "about" keep their closed intervals."""
    if h.bound != "=" or (b.bound == "~" and b.low <= h.value <= b.high):
        return _agrees(h, b)  # a bound ("UP TO 10 MLN", "ABOVE 53") includes its own figure
    return h.low <= b.value < h.high - 1e-9 * abs(h.high)


def _stated_elsewhere(link: HeadlineLink) -> bool:
    """Whether the body states the headline figure anywhere, in any unit ("743.7 MLN FRANCS" / "743.7 mln Swiss
    francs") or in a range, or writes its specific numeral."""
    h = link.head
    return link.numeral_in_body or any(
        _states(h, b) or (b.kind == "range" and b.unit == h.unit and b.low <= h.value <= b.high < 10 * h.value)
        for b in link.body)


def _derived(link: HeadlineLink) -> bool:
    """Whether the headline figure sums linked body figures stated in a row in one sentence ("500 mln dlrs of
    notes and 200 mln dlrs of bills" -> 700, up to four of them) or is the difference of two in one sentence
    ("made 434 mln, against 732 mln reported" -> a 300 mln revision), and the body's restatement is one of
    them: the headline states what its first linked figure is a part of. When the restatement stands apart
    from the figures that make up the headline's ("will auction 29 billion dlrs ... 11 billion dlrs in 9-day
    bills and six billion dlrs in 20-day bills" under "SELLING 17 BILLION DLRS"), the parts side with the
    headline and the restatement is the odd one out. Percentages are left out: they neither add up nor
    subtract into a headline figure."""
    h = link.head
    if h.is_percent:
        return False
    first = link.linked[0]
    for run in link.groups:
        for i, a in enumerate(run):
            low, high = a.low, a.high
            for j, b in enumerate(run[i + 1:i + 4], start=i + 1):
                low, high = low + b.low, high + b.high
                if h.low <= high and low <= h.high and any(q is first for q in run[i:j + 1]):
                    return True
                gap, slack = abs(a.value - b.value), (a.high - a.low) + (b.high - b.low)
                if h.low <= gap + slack and gap - slack <= h.high and (a is first or b is first):
                    return True
    return False


def _status(link: HeadlineLink) -> str:
    """agree / ambiguous / disagree (rules/_headline.py's docstring)."""
    if _agrees(link.head, link.linked[0]):
        return "agree"
    if _stated_elsewhere(link) or _derived(link):
        return "ambiguous"
    return "disagree"


def _headline_finding(doc: Document, link: HeadlineLink) -> Finding:
    head, body = link.head, link.linked[0]
    h, b = " ".join(head.text.split()), " ".join(body.text.split())
    return RULE.finding(
        span=head.span, confidence=0.6,
        message=f"the headline gives {h} but the body restates it as {b}, and the body states {h} nowhere",
        related=(Related("body", body.span, body.text),),
        suggestion=b.upper() if head.text.isupper() else b,
        fingerprint=fingerprint(CODE, h + " " + b, doc.claim_context(body.span)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("conversions", "growths", "headline_links", "statements"))
