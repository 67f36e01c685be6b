"""S102 respectively-mismatch: "respectively" pairing lists of different lengths.

What it does:
    In "A, B and C ... in 2021 and 2022, respectively" it counts the figures
    in the list and the items of the list they are paired with (years, or
    single words after "in", "for", "to", "at", "of"), and flags a mismatch.
    Only lists it can count without doubt are checked: figures joined by
    commas and "and", labels of one word each. A single figure before
    "respectively" is flagged when the clause pairs it with an "A and B"
    list of labels, before it ("4th qtr and year net includes 1.2 mln dlrs,
    respectively") or after it ("for the quarter and year, respectively"),
    or with a list of figures ("rose to 26,314 and 18,778 tonnes, from
    17,929 tonnes respectively"): one figure of a pair was dropped.

Why is this bad?
    A figure was dropped or added in editing, and every pairing after the
    gap is now wrong.

Example:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021 and 2022, respectively.

Use instead:
    Sales were 2.1 million, 3.4 million and 5.0 million in 2021, 2022 and 2023, respectively.

Known false positives:
    Labels of several words that contain "and" themselves ("research and
    development and marketing"). "Respectively" used loosely for "each"
    with a single figure ("A and B were quoted at 19.35 dlrs respectively");
    it is left alone when "each" or "both" says so. The single-figure cases
    are warnings for that reason.
"""
from __future__ import annotations

import regex

from statlint.checker.model import Finding, Related, Rule, Severity, Span, fingerprint

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
            lone = _lone_figure(doc, quantities, starts, sentence, m)
            if lone is not None:
                yield lone
            continue
        items = [x for x in _SEPARATOR.split(labels.group("labels")) if x]
        if any(ch.isdigit() for ch in labels.group("labels")) and not all(_is_year(x) for x in items):
            continue  # figures among the labels: not a list of names
        values = _value_list(doc, quantities, starts, sentence.start, labels.start())
        if len(values) == 1 and len(items) >= 2:
            lone = _lone_figure(doc, quantities, starts, sentence, m)
            if lone is not None:
                yield lone
            continue
        if len(values) < 2 or len(values) == len(items):
            continue
        span = Span(values[0].span.start, values[-1].span.end)
        yield Finding(
            rule=CODE, name=NAME, span=span, severity=Severity.ERROR, confidence=0.75,
            message=f"{len(values)} figures are paired 'respectively' with {len(items)} items "
                    f"({', '.join(items)})",
            related=(Related("labels", Span(labels.start("labels"), labels.end("labels")), labels.group("labels")),),
            fingerprint=fingerprint(CODE, doc.text[span.start:span.end], doc.claim_context(span)),
        )


# One figure before "respectively": after it only unit words ("dlrs a barrel", "tonnes", "of costs"), or the
# labels it is paired with after a preposition ("for the second quarter and first half").
_TAIL = regex.compile(r"(?:\s+(?!and\b)[a-z][\w’'-]*){0,4}?\s*,?\s*", regex.IGNORECASE)
_TAIL_LABELS = regex.compile(
    r"(?:\s+(?!and\b)[a-z][\w’'-]*){0,3}?\s+(?:in|for|during|at|on)\s+(?:the\s+)?"
    r"(?P<labels>[\w’'-]+(?:\s+(?!and\b)[\w’'-]+){0,3}\s+and\s+(?:the\s+)?[\w’'-]+(?:\s+(?!and\b)[\w’'-]+){0,3})\s*,?\s*",
    regex.IGNORECASE)
_APPOSITION = regex.compile(r"\s*,?\s*or\s+")  # "720,500 dlrs or 20 cts a share": one item said twice
_JOINED = regex.compile(r"\b(?:and|or)\s+\Z", regex.IGNORECASE | regex.REVERSE)  # "at par and 99.5": the list goes on in words
# "178,000 dlrs, or one cent per share, and gain 810,000 dlrs": two figures, each with its own words.
# (Word runs are possessive: with optional separators between them, a backtracking run could split one
# word into up to eight pieces, and did: 76 ms on a 40-character gap.)
# (white-space runs possessive: "\s*,?\s*" backtracked quadratically on a long run of spaces; tests/test_patterns.py)
_LISTED = regex.compile(r"(?:\s*+,?\s*+[\w’'-]++){0,8}?(?:\s*+,\s++|\s++)(?:and|or)\s++(?:[\w’'-]++\s++){0,2}",
                        regex.IGNORECASE)
_VERSUS = regex.compile(r"\s*+,?\s*+(?:(?:as\s++)?compared\s++(?:with|to)|from|against|vs\.?|versus)\s++"
                        r"(?:(?:about|around|some)\s++)?",
                        regex.IGNORECASE)
_VERSUS_WORD = regex.compile(r"\b(?:vs|versus|against|compared)\b", regex.IGNORECASE)
_DETERMINER = regex.compile(r"\b(?:the|these|those|all)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_LISTED_TO = regex.compile(r"\s*,?\s+and\s+[\w’'-]+\s+(?:to|at)\s+", regex.IGNORECASE)  # "2.99 mln, and barley to 2.96 mln"
_CHANGE_TO = regex.compile(r"(?:\s+a\s+[a-z]+)?\s+to\s+", regex.IGNORECASE)  # "up 50 cts (a barrel) to 19.35 dlrs"
_LIST_BEFORE = regex.compile(r"(?:[\w’'.-]++\s*+,\s*+)*[\w’'.-]++(?:\s*+,\s++|\s++)and\s++(?:the\s++)?[\w’'.-]+",
                             regex.IGNORECASE)
# "each", "both": one figure shared by every label (loose, but not a dropped figure); "between": a range.
_SHARED = regex.compile(r"\b(?:each|both|apiece|between|together|combined)\b", regex.IGNORECASE)
_PERIOD_NOUNS = frozenset("months month mths mth weeks week years year quarters days".split())


def _lone_figure(doc, quantities, starts, sentence, m):
    """One figure paired "respectively" with a list of two or more labels: a figure of the list was dropped.

    The figure is the last one before "respectively", not itself in a list of figures; the labels are an
    "A and B" list after it ("for the quarter and year") or before it in the same clause with no other
    figure in between ("Quarter and year net includes 1.2 mln dlrs, respectively") but the change that
    leads to it ("were raised 50 cts to 19.35 dlrs, respectively"). A lone figure compared with a list of
    figures ("rose to 26,314 and 18,778 tonnes, from 17,929 tonnes respectively") is flagged too.
    """
    import bisect

    text = doc.text
    lo = max(sentence.start, m.start() - 300)
    prev = text.rfind("espectively", lo, m.start())
    if prev >= 0:
        lo = prev + len("espectively")  # a second "respectively" in the sentence pairs its own lists
    i = bisect.bisect_left(starts, m.start()) - 1
    while i > 0 and quantities[i].span.start >= lo and _in_labels(quantities[i]):
        i -= 1  # "for the quarter and nine months": a number word among the labels after the figure
    if i < 0 or quantities[i].span.start < lo:
        return None
    tail = text[quantities[i].span.end:m.start()]
    after = None
    if not _TAIL.fullmatch(tail):
        after = _TAIL_LABELS.fullmatch(tail)
        if after is None:
            return None
    if i > 0 and quantities[i - 1].span.start >= lo and \
            _APPOSITION.fullmatch(text[quantities[i - 1].span.end:quantities[i].span.start]):
        i -= 1
    q = quantities[i]
    if _JOINED.search(text, max(lo, q.span.start - 12), q.span.start):
        return None
    if _DETERMINER.search(text, max(lo, q.span.start - 8), q.span.start):
        return None  # "in the three data cycles, respectively": a count of the items, not one of them
    if i > 0 and quantities[i - 1].span.start >= lo:
        gap = text[quantities[i - 1].span.end:q.span.start]
        if _SEPARATOR.fullmatch(gap) or _LISTED.fullmatch(gap):
            return None  # a list of figures: counted against labels after it, or not at all
        if after is None and _VERSUS.fullmatch(gap):
            others = _run_before(text, quantities, i - 1, lo)
            if len(others) >= 2 and not _SHARED.search(text, others[0].span.start, m.start()) \
                    and len(_VERSUS_WORD.findall(text, lo, m.start())) < 2:
                # (not "54.3% vs. 14.3%, 82.9% vs. 57.1%, and 67.9% vs. 0%": pairs compared pair by pair)
                span = Span(others[0].span.start, others[-1].span.end)
                return _lone_finding(doc, q, span, text[span.start:span.end], len(others), "figures")
    if after is not None:
        span, label_text = Span(after.start("labels"), after.end("labels")), after.group("labels")
        region = text[q.span.start:m.start()]
    else:
        j = i - 1
        if j >= 0 and quantities[j].span.start >= lo and quantities[j].unit.split("-")[0] == q.unit.split("-")[0] != "count" and \
                _CHANGE_TO.fullmatch(text[quantities[j].span.end:q.span.start]):
            j -= 1  # "raised 50 cts to 19.35 dlrs": the change and the level it leads to are one item
        while j >= 0 and quantities[j].span.start >= lo and _in_labels(quantities[j]):
            j -= 1  # "the quarter and nine months": a number word among the labels
        start = max(lo, quantities[j].span.end) if j >= 0 else lo
        found = None
        for found in _LIST_BEFORE.finditer(text, start, q.span.start):
            pass
        if found is None:
            return None
        span, label_text = Span(found.start(), found.end()), found.group(0)
        region = text[found.start():m.start()]
    if _SHARED.search(region):
        return None
    items = [x for x in _SEPARATOR.split(label_text) if x]
    return _lone_finding(doc, q, span, label_text, len(items), f"items ({', '.join(items)})")


def _run_before(text, quantities, k, lo):
    """The list of figures ending with quantities[k] ("26,314 and 18,778 tonnes", "2.99 mln, and barley to 2.96 mln")."""
    first = k
    while first > 0 and quantities[first - 1].span.start >= lo:
        gap = text[quantities[first - 1].span.end:quantities[first].span.start]
        if not (_SEPARATOR.fullmatch(gap) or _LISTED.fullmatch(gap) or _LISTED_TO.fullmatch(gap)):
            break
        first -= 1
    return list(quantities[first:k + 1])


def _lone_finding(doc, q, span, label_text, n, what):
    return Finding(
        rule=CODE, name=NAME, span=q.span, severity=Severity.WARNING, confidence=0.6,
        message=f"one figure is paired 'respectively' with {n} {what}: a figure of the list is missing",
        related=(Related("labels", span, label_text),),
        fingerprint=fingerprint(CODE, q.text, doc.claim_context(q.span)),
    )


def _in_labels(q) -> bool:
    return (q.noun or "").lower() in _PERIOD_NOUNS


def _is_year(item: str) -> bool:
    return len(item) == 4 and item.isdigit() and item[:2] in ("19", "20")


def _value_list(doc, quantities, starts, lo: int, hi: int):
    """The last run of figures before `hi` joined only by commas and "and" (with their units)."""
    import bisect

    i = bisect.bisect_left(starts, hi) - 1
    run = []  # collected backwards, last figure first (insert(0) per figure is quadratic in a long list)
    while i >= 0 and quantities[i].span.start >= lo:
        q = quantities[i]
        if run:
            gap = doc.text[q.span.end:run[-1].span.start]
            if not _SEPARATOR.fullmatch(gap):
                break
        elif doc.text[q.span.end:hi].count(",") > 1:
            break
        run.append(q)
        i -= 1
    run.reverse()
    return run


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("quantities",))
