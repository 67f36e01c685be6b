"""Extractor: figures paired with a list by "respectively" (`RespectiveList`), for S102.

Each "respectively" (read once, by rules._lists) is tied to the figures before it and the list they are
paired with, when both can be counted without doubt:

- labels after the figures, after a preposition: "2.1 million, 3.4 million and 5.0 million in 2021 and
  2022, respectively" (labels of one word each, years, or names of capitalised words: "New York", "the
  Bank of England"; figures among the labels are not names);
- labels before the figures, in the same clause, a few words before the first: "Output at Leeds and Hull
  rose 30%, 36% and 5%, respectively" (no other figure between the labels and the figures; the labels
  open their clause, at most three words after its start or its last comma, and a comma stands between
  them and any figure before them in the clause: "In a trial of 300 patients, sensitivity and
  specificity were 91% and 84%");
- one figure with labels after it ("a charge of 3.1 mln dlrs for the second quarter and first half,
  respectively") or before it ("Quarter and year net includes 1.2 mln dlrs, respectively"), or compared
  with a list of figures ("rose to 26,314 and 18,778 tonnes, from 17,929 tonnes respectively"): one
  figure of a pair was dropped. Not when "each", "both", "together" say one figure is shared, nor when
  the figure continues a list in words ("at par and 99.5").
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, RespectiveList, Span
from statlint.checker.units import DURATIONS
from statlint.rules._lists import JOIN, items, respectively_words
from statlint.rules.quantities.pairs import after_change_word

# Labels before the figures: "A, B and C", each a word ("the" before it), or a name of capitalised words
# ("New York", "Bank of England"); then one to four lower-case words (a verb: "rose", "were", "grew by")
# and a comma before the first figure.
_ITEM = r"(?:the\s++)?(?!(?:in|at|of|for|from|to|on|by|with|across|and|or|but|while|as)\s)[\w’'.-]++(?:\s++(?:of\s++)?(?-i:[A-Z])[\w’'.-]*+){0,3}"
_LABELS_BEFORE = lazy_compile(
    rf"(?<![\w’'-])(?P<labels>{_ITEM}(?:\s*+,\s*+{_ITEM})*+(?:\s*+,\s++|\s++)and\s++{_ITEM})"
    r"(?P<verb>(?:\s*+,)?(?:\s++(?!(?:and|or)\b)(?-i:[a-z])[\w-]*+){1,4}\s*+,?\s*+)\Z", regex.IGNORECASE)
# Labels after the figures: a preposition, then "A, B and C" of the same items, then "respectively".
_LABELS = lazy_compile(
    rf"\b(?:in|for|to|at|of|from|by|on)\s++(?P<labels>{_ITEM}(?:\s*+,\s*+{_ITEM})*+(?:\s*+,\s*+|\s++)and\s++{_ITEM})"
    r"(?:\s++[a-z]++)?\s*+,?\s*+\Z", regex.IGNORECASE)
_CLAUSE_START = lazy_compile(r"[;:()]")
# The labels open their clause: at most three words before them since the clause's start or its last comma,
# not the second half of a list or of a clause ("... and NA and other states 25/30 and 36 pct").
_OPENS_CLAUSE = lazy_compile(r"(?:[^,]*+,)*+(?:\s*+(?!(?:and|or)\b)[\w’'.-]++){0,3}?\s*+(?<!\band\s*+|\bor\s*+|\bwith\s*+)",
                              regex.IGNORECASE)


def _is_year(item: str) -> bool:
    return len(item) == 4 and item.isdigit() and item[:2] in ("19", "20")


def _one(doc: Document, quantities, starts, m: Span) -> RespectiveList | None:
    text = doc.text
    sentence = doc.sentence_of(m.start)
    labels = _LABELS.search(text, max(sentence.start, m.start - 120), m.start)
    found = items(labels.group("labels")) if labels is not None else []
    if labels is not None and any(ch.isdigit() for ch in labels.group("labels")) \
            and not all(_is_year(x) for x in found):
        labels = None  # figures after a preposition ("by 0.25 and 0.5 points"): the figures, not their labels
    if labels is None:
        return _lone_figure(doc, quantities, starts, sentence, m) or _labels_before(doc, quantities, starts, sentence, m)
    values = _value_list(doc, quantities, starts, sentence.start, labels.start())
    if len(values) == 1 and len(found) >= 2:
        return _lone_figure(doc, quantities, starts, sentence, m)
    if len(values) < 2:
        return None
    return RespectiveList(span=m, values=tuple(values), labels=tuple(found),
                          labels_span=Span(labels.start("labels"), labels.end("labels")), form="after",
                          values_text=text[values[0].span.start:values[-1].span.end])


def _labels_before(doc: Document, quantities, starts, sentence: Span, m: Span) -> RespectiveList | None:
    """"Output at Leeds and Hull rose 30%, 36% and 5%, respectively": the labels open the clause."""
    text = doc.text
    values = _value_list(doc, quantities, starts, sentence.start, m.start)
    if len(values) < 2 or not _TAIL.fullmatch(text, values[-1].span.end, m.start):
        return None
    first = values[0]
    k = bisect.bisect_left(starts, first.span.start) - 1
    lo = max(sentence.start, first.span.start - 200)
    after_figure = k >= 0 and quantities[k].span.end > lo
    if after_figure:
        lo = quantities[k].span.end
    clause = None
    for clause in _CLAUSE_START.finditer(text, lo, first.span.start):
        pass
    if clause is not None:
        lo, after_figure = clause.end(), False
    found = _LABELS_BEFORE.search(text, lo, first.span.start)
    if found is None or _SHARED.search(text, found.start(), m.start) \
            or not _OPENS_CLAUSE.fullmatch(text, lo, found.start()):
        return None
    if after_figure and "," not in text[lo:found.start()]:
        return None  # "300 hospital patients, sensitivity and specificity": the figure's noun is no label
    labels = items(found.group("labels"))
    if any(ch.isdigit() for ch in found.group("labels")) and not all(_is_year(x) for x in labels):
        return None
    return RespectiveList(span=m, values=tuple(values), labels=tuple(labels),
                          labels_span=Span(found.start("labels"), found.end("labels")), form="before",
                          values_text=text[values[0].span.start:values[-1].span.end])


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.quantities:
        return facts  # every claim lists figures: asked first, as it costs nothing and a third of articles have none
    words = list(respectively_words(doc))
    if not words:
        return facts
    quantities = facts.quantities
    starts = [q.span.start for q in quantities]
    claims = [c for c in (_one(doc, quantities, starts, m) for m in words) if c is not None]
    if not claims:
        return facts
    return replace(facts, respective_lists=tuple(claims))


# One figure before "respectively": after it only unit words ("dlrs a barrel", "tonnes", "of costs"), or the
# labels it is paired with after a preposition ("for the second quarter and first half").
_TAIL = lazy_compile(r"(?:\s+(?!and\b)[a-z][\w’'-]*){0,4}?\s*,?\s*", regex.IGNORECASE)
_TAIL_LABELS = lazy_compile(
    r"(?:\s+(?!and\b)[a-z][\w’'-]*){0,3}?\s+(?:in|for|during|at|on)\s+(?:the\s+)?"
    r"(?P<labels>[\w’'-]+(?:\s+(?!and\b)[\w’'-]+){0,3}\s+and\s+(?:the\s+)?[\w’'-]+(?:\s+(?!and\b)[\w’'-]+){0,3})\s*,?\s*",
    regex.IGNORECASE)
# The figure before has a label of its own ("6.2 pct in July and 6.188 pct in August and September,
# respectively"): it is not in the list paired with the labels after the last figure.
_OWN_LABEL = lazy_compile(r"\s*+(?:in|for|during|at|on)\s++(?:the\s++)?[\w’'-]++(?:\s*+,\s*+|\s++)and\s++", regex.IGNORECASE)
_APPOSITION = lazy_compile(r"\s*,?\s*or\s+")  # "720,500 dlrs or 20 cts a share": one item said twice
_JOINED = lazy_compile(r"\b(?:and|or)\s+\Z", regex.IGNORECASE | regex.REVERSE)  # "at par and 99.5": the list goes on in words
# "178,000 dlrs, or one cent per share, and gain 810,000 dlrs": two figures, each with its own words.
# (Word runs are possessive: with optional separators between them, a backtracking run could split one
# word into up to eight pieces, and did: 76 ms on a 40-character gap.)
# (white-space runs possessive: "\s*,?\s*" backtracked quadratically on a long run of spaces; tests/test_patterns.py)
_LISTED = lazy_compile(r"(?:\s*+,?\s*+[\w’'-]++){0,8}?(?:\s*+,\s++|\s++)(?:and|or)\s++(?:[\w’'-]++\s++){0,2}",
                        regex.IGNORECASE)
_VERSUS = lazy_compile(r"\s*+,?\s*+(?:(?:as\s++)?compared\s++(?:with|to)|from|against|vs\.?|versus)\s++"
                        r"(?:(?:about|around|some)\s++)?",
                        regex.IGNORECASE)
_VERSUS_WORD = lazy_compile(r"\b(?:vs|versus|against|compared)\b", regex.IGNORECASE)
_DETERMINER = lazy_compile(r"\b(?:the|these|those|all)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_LISTED_TO = lazy_compile(r"\s*,?\s+and\s+[\w’'-]+\s+(?:to|at)\s+", regex.IGNORECASE)  # "2.99 mln, and barley to 2.96 mln"
_CHANGE_TO = lazy_compile(r"(?:\s+a\s+[a-z]+)?\s+to\s+", regex.IGNORECASE)  # "up 50 cts (a barrel) to 19.35 dlrs"
_LIST_BEFORE = lazy_compile(r"(?:[\w’'.-]++\s*+,\s*+)*[\w’'.-]++(?:\s*+,\s++|\s++)and\s++(?:the\s++)?[\w’'.-]+",
                             regex.IGNORECASE)
# "each", "both": one figure shared by every label (loose, but not a dropped figure); "between": a range.
_SHARED = lazy_compile(r"\b(?:each|both|apiece|between|together|combined)\b", regex.IGNORECASE)
_PERIOD_NOUNS = frozenset("months month mths mth weeks week years year quarters days".split())


def _lone_figure(doc: Document, quantities, starts, sentence: Span, m: Span) -> RespectiveList | None:
    """One figure paired "respectively" with a list of two or more labels: a figure of the list was dropped.

    The figure is the last one before "respectively", not itself in a list of figures; the labels are an
    "A and B" list after it ("for the quarter and year") or before it in the same clause with no other
    figure in between ("Quarter and year net includes 1.2 mln dlrs, respectively") but the change that
    leads to it ("were raised 50 cts to 19.35 dlrs, respectively"). A lone figure compared with a list of
    figures ("rose to 26,314 and 18,778 tonnes, from 17,929 tonnes respectively") is flagged too.
    """
    text = doc.text
    lo = max(sentence.start, m.start - 300)
    prev = text.rfind("espectively", lo, m.start)
    if prev >= 0:
        lo = prev + len("espectively")  # a second "respectively" in the sentence pairs its own lists
    i = bisect.bisect_left(starts, m.start) - 1
    while i > 0 and quantities[i].span.start >= lo and _in_labels(quantities[i]):
        i -= 1  # "for the quarter and nine months": a number word among the labels after the figure
    if i < 0 or quantities[i].span.start < lo:
        return None
    tail = text[quantities[i].span.end:m.start]
    after = None
    if not _TAIL.fullmatch(tail):
        after = _TAIL_LABELS.fullmatch(tail)
        if after is None:
            return None
    if i > 0 and quantities[i - 1].span.start >= lo and \
            _APPOSITION.fullmatch(text[quantities[i - 1].span.end:quantities[i].span.start]):
        i -= 1
    q = quantities[i]
    own_label = after is not None and i > 0 and quantities[i - 1].span.start >= lo \
        and bool(_OWN_LABEL.fullmatch(text, quantities[i - 1].span.end, q.span.start))
    if _JOINED.search(text, max(lo, q.span.start - 12), q.span.start) and not own_label:
        return None
    if _DETERMINER.search(text, max(lo, q.span.start - 8), q.span.start):
        return None  # "in the three data cycles, respectively": a count of the items, not one of them
    if i > 0 and quantities[i - 1].span.start >= lo:
        gap = text[quantities[i - 1].span.end:q.span.start]
        if (JOIN.fullmatch(gap) or _LISTED.fullmatch(gap)) and not own_label:
            return None  # a list of figures: counted against labels after it, or not at all
        if after is None and _VERSUS.fullmatch(gap):
            others = _run_before(text, quantities, i - 1, lo)
            if len(others) >= 2 and not _SHARED.search(text, others[0].span.start, m.start) \
                    and len(_VERSUS_WORD.findall(text, lo, m.start)) < 2:
                # (not "54.3% vs. 14.3%, 82.9% vs. 57.1%, and 67.9% vs. 0%": pairs compared pair by pair)
                span = Span(others[0].span.start, others[-1].span.end)
                return RespectiveList(span=m, values=(q,), labels=tuple(o.text for o in others), labels_span=span,
                                      form="figures", values_text=q.text)
    if after is not None:
        span, label_text = Span(after.start("labels"), after.end("labels")), after.group("labels")
        region = text[q.span.start:m.start]
    else:
        j = i - 1
        if j >= 0 and quantities[j].span.start >= lo and quantities[j].unit.split("-")[0] == q.unit.split("-")[0] != "count" and \
                _CHANGE_TO.fullmatch(text[quantities[j].span.end:q.span.start]):
            if not after_change_word(text, quantities[j]):
                return None  # "holding 50 cts to one dlr a barrel below WTI": two figures, one for each label
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
        region = text[found.start():m.start]
    if _SHARED.search(region):
        return None
    return RespectiveList(span=m, values=(q,), labels=tuple(items(label_text)), labels_span=span,
                          form="after" if after is not None else "before", values_text=q.text)


def _run_before(text, quantities, k, lo):
    """The list of figures ending with quantities[k] ("26,314 and 18,778 tonnes", "2.99 mln, and barley to 2.96 mln")."""
    first = k
    while first > 0 and quantities[first - 1].span.start >= lo:
        gap = text[quantities[first - 1].span.end:quantities[first].span.start]
        if not (JOIN.fullmatch(gap) or _LISTED.fullmatch(gap) or _LISTED_TO.fullmatch(gap)):
            break
        first -= 1
    return list(quantities[first:k + 1])


def _in_labels(q) -> bool:
    return (q.noun or "").lower() in _PERIOD_NOUNS or q.unit in DURATIONS


def _is_year(item: str) -> bool:
    return len(item) == 4 and item.isdigit() and item[:2] in ("19", "20")


def _value_list(doc, quantities, starts, lo: int, hi: int):
    """The last run of figures before `hi` joined only by commas and "and" (with their units)."""
    i = bisect.bisect_left(starts, hi) - 1
    run = []  # collected backwards, last figure first (insert(0) per figure is quadratic in a long list)
    while i >= 0 and quantities[i].span.start >= lo:
        q = quantities[i]
        if run:
            gap = doc.text[q.span.end:run[-1].span.start]
            if not JOIN.fullmatch(gap):
                break
        elif doc.text[q.span.end:hi].count(",") > 1:
            break
        run.append(q)
        i -= 1
    run.reverse()
    return run


