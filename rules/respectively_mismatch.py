"""S102 respectively-mismatch: "respectively" pairing lists of different lengths.

What it does:
    In "A, B and C ... in 2021 and 2022, respectively" it counts the figures
    in the list and the items of the list they are paired with (years, or
    single words after "in", "for", "to", "at", "of"), and flags a mismatch.
    Only lists it can count without doubt are checked: figures joined by
    commas and "and", labels of one word each.

Why is this bad?
    A figure was dropped or added in editing, and every pairing after the
    gap is now wrong.

Example:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021 and 2022, respectively.

Use instead:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021, 2022 and 2023, respectively.

Known false positives:
    Labels of several words that contain "and" themselves ("research and
    development and marketing").
"""
from __future__ import annotations

import regex

from checker.model import Finding, Related, Rule, Severity, Span, fingerprint

CODE, NAME = "S102", "respectively-mismatch"

_RESPECTIVELY = regex.compile(r"\brespectively\b", regex.IGNORECASE)
_LABELS = regex.compile(
    r"\b(?:in|for|to|at|of|from|by|on)\s+(?:the\s+)?(?P<labels>[\w’'-]+(?:\s*,\s*(?:the\s+)?[\w’'-]+)*\s*,?\s+and\s+"
    r"(?:the\s+)?[\w’'-]+)(?:\s+[a-z]+)?\s*,?\s*\Z", regex.IGNORECASE | regex.REVERSE)
_SEPARATOR = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def check(doc, facts):
    if "espectively" not in doc.text and "ESPECTIVELY" not in doc.text:
        return  # a substring test before the regex pass
    quantities = facts.quantities
    starts = [q.span.start for q in quantities]
    for m in _RESPECTIVELY.finditer(doc.text):
        sentence = doc.sentence_of(m.start())
        labels = _LABELS.search(doc.text, max(sentence.start, m.start() - 120), m.start())
        if labels is None:
            continue
        items = [x for x in _SEPARATOR.split(labels.group("labels")) if x]
        if any(ch.isdigit() for ch in labels.group("labels")) and not all(_is_year(x) for x in items):
            continue  # figures among the labels: not a list of names
        values = _value_list(doc, quantities, starts, sentence.start, labels.start())
        if len(values) < 2 or len(values) == len(items):
            continue
        span = Span(values[0].span.start, values[-1].span.end)
        yield Finding(
            code=CODE, symbol=NAME, span=span, severity=Severity.ERROR, confidence=0.75,
            message=f"{len(values)} figures are paired 'respectively' with {len(items)} items "
                    f"({', '.join(items)})",
            related=(Related("labels", Span(labels.start("labels"), labels.end("labels")), labels.group("labels")),),
            fingerprint=fingerprint(CODE, doc.text[span.start:span.end], doc.claim_context(span)),
        )


def _is_year(item: str) -> bool:
    return len(item) == 4 and item.isdigit() and item[:2] in ("19", "20")


def _value_list(doc, quantities, starts, lo: int, hi: int):
    """The last run of figures before `hi` joined only by commas and "and" (with their units)."""
    import bisect

    i = bisect.bisect_left(starts, hi) - 1
    run = []
    while i >= 0 and quantities[i].span.start >= lo:
        q = quantities[i]
        if run:
            gap = doc.text[q.span.end:run[0].span.start]
            if not _SEPARATOR.fullmatch(gap):
                break
        elif doc.text[q.span.end:hi].count(",") > 1:
            break
        run.insert(0, q)
        i -= 1
    return run


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
