"""C101 restated-figure-mismatch: one measure stated twice in an article with values that cannot both hold.

What it does:
    Links two mentions of the same measure and compares their intervals. Two links are trusted:

    1. Headline against body (rules/_headline.py). The first line is a headline when it is upper case over
       a mixed-case body ("ACME CORP 1ST QTR NET PROFIT 7.2 MLN DLRS") or short and unpunctuated over a
       blank line. A headline figure (digits, not a range, not a bare small count) is linked to the body
       figures in the same unit and kind, within a factor of ten, whose sentence shares a measure word with
       the words around the headline figure (names and rise/fall words alone do not link). It fires when the
       first linked figure is not a rounding of the headline's, the headline figure is stated nowhere in the
       body (in any unit), and it is not the sum or difference of body figures in one sentence. Measured on
       the shared corpus with the title line put back: 367 links agree, 21 are ambiguous (the guards keep
       them quiet), none disagree.
    2. The same measure phrase with the same year right before the figure ("net profit in 1986 was 5.1 mln
       dlrs" ... "net profit for 1986 of 6.1 mln dlrs"), in the same unit. Rounding and "about" are allowed
       for. (A looser link, a figure pointed back to with "the" and followed by the same words, found 19
       candidates on the shared corpus and nearly all were different items: it is not used.)

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

import regex

from statlint.checker.model import Finding, Related, Rule, Severity, fingerprint
from statlint.rules import _headline

CODE, NAME = "C101", "restated-figure-mismatch"

# The year must be part of the phrase: "net profit in 1986 was", "1986 net profit of".
_MEASURE_BEFORE = regex.compile(
    r"(?:\b(?P<year0>(?:19|20)\d\d)\s+)?\b(?P<measure>net\s+(?:profit|income|loss|earnings)|operating\s+(?:profit|income|loss)|pre-tax\s+profit|"
    r"revenues?|sales|turnover|exports|imports|output|production|trade\s+(?:surplus|deficit)|current\s+account\s+"
    r"(?:surplus|deficit)|unemployment(?:\s+rate)?|inflation(?:\s+rate)?|budget\s+deficit)\s+"
    r"(?:(?:in|for)\s+(?P<year1>(?:19|20)\d\d)\s+)?(?:was|were|of|totalled|totaled|reached|stood\s+at|came\s+to)\s+"
    r"(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)


_NAME = regex.compile(r"\b(?!(?:The|Its|In|For|Net|Sales|Analysts|It|This|That|Last|Total)\b)[A-Z][\w&.-]+")
_PART_PERIOD = regex.compile(r"\b(?:quarter|half|months?|weeks?|first|second|third|fourth|interim|qtr)\b",
                             regex.IGNORECASE)


def _key(doc, q, start: int):
    """(("measure phrase", year, unit), subject) for a figure stated as a named measure's level in a year.

    `start` is where the 50 characters before the figure begin: the stretch _MEASURE_BEFORE searches.
    """
    m = _MEASURE_BEFORE.search(doc.text, start, q.span.start)
    if not m or not (m.group("year0") or m.group("year1")):
        return None
    if _PART_PERIOD.search(doc.text, max(0, m.start() - 40), q.span.start):
        return None  # "first quarter 1986 sales": a part of the year, not the year
    year = int(m.group("year0") or m.group("year1"))
    return (" ".join(m.group("measure").lower().split()), year, q.unit), _subject(doc, m.start())


def _subject(doc, offset: int) -> str | None:
    """The last name-like word shortly before the measure ("Amoco had 1986 revenues"): whose figure it is."""
    names = _NAME.findall(doc.text, max(0, offset - 40), offset)
    return names[-1] if names else None


def check(doc, facts):
    text = doc.text
    first: dict[tuple, tuple] = {}
    for q in facts.quantities:
        if q.kind != "level" or q.value <= 0 or q.grouping == "malformed":
            continue
        start = q.span.start - 50 if q.span.start > 50 else 0
        window = text[start:q.span.start]
        if "19" not in window and "20" not in window:
            continue  # the measure's match lies in this window and must hold a year: without 19xx or 20xx no search
        linked = _key(doc, q, start)
        if linked is None:
            continue
        key, subject = linked
        earlier, earlier_subject = first.setdefault(key, (q, subject))
        if earlier is q or (earlier.high >= q.low and q.high >= earlier.low):
            continue
        if subject and earlier_subject and subject != earlier_subject:
            continue  # "Dome had 1986 revenues of ..., Amoco had 1986 revenues of ...": two companies
        yield Finding(
            rule=CODE, name=NAME, span=q.span, severity=Severity.WARNING, confidence=0.6,
            message=f"{q.text.strip()} restates {earlier.text.strip()} given earlier for {key[0]} in {key[1]}, "
                    "and the two cannot both hold",
            related=(Related("earlier", earlier.span, earlier.text),),
            fingerprint=fingerprint(CODE, earlier.text + " " + q.text, doc.claim_context(q.span)),
        )
    yield from headline_findings(doc, facts)


def headline_findings(doc, facts):
    """A headline figure against the body figure that restates it (the link lives in rules/_headline.py)."""
    quantities = facts.quantities
    if not quantities or doc.text.find("\n", 0, quantities[0].span.end) != -1:
        return  # the cheap gate: no figure in the first line, so no headline figure
    hl_end = _headline.headline_end(doc.text)
    if not hl_end:
        return
    for head, linked, status in _headline.links(doc, facts, hl_end):
        if status != "disagree":
            continue
        body = linked[0]
        h, b = " ".join(head.text.split()), " ".join(body.text.split())
        yield Finding(
            rule=CODE, name=NAME, span=head.span, severity=Severity.WARNING, confidence=0.6,
            message=f"the headline gives {h} but the body restates it as {b}, and the body states {h} nowhere",
            related=(Related("body", body.span, body.text),),
            suggestion=b.upper() if head.text.isupper() else b,
            fingerprint=fingerprint(CODE, h + " " + b, doc.claim_context(body.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__)
