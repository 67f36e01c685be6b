"""A profit and the revenue it is made from, named in one sentence: `PartOfWhole` claims (relation "earnings").

Read for rules.parts_of_wholes. A money figure is a profit when the 40 characters before it end in a
profit label ("net profit of", "earnings were", "earned"), a revenue when they end in a revenue label
("revenue of", "sales were", "turnover"). A large figure without a unit takes the sentence's one currency;
a year's revenue ("163.8 mln dlrs a year before") is revenue; a profit per share ("earned 3.69 dlrs a
share") is no part of it.
With as many profits as revenues ("earned X on revenues of Y, up from earnings of X' and revenues of Y'")
each profit goes with the revenue of the same rank; otherwise the words leave open which revenue a profit
belongs to and the claim names every revenue of the sentence as its possible whole. Revenue lists that
break a total down ("sales were 3.2 mln and 4.0 mln dlrs in the two divisions") are no whole. Between two
dollar currencies (US, Canadian, Australian, NZ) a profit exceeds the revenue for sure only past three times
it, whatever the exchange rate since 1980; other pairs of currencies are not compared.
"""
from __future__ import annotations

import itertools

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Link, PartOfWhole, Quantity, Span
from statlint.rules._gates import may_contain

_PART = lazy_compile(r"\b(?:net\s+profits?|net\s+income|net\s+earnings|operating\s+profits?|pre-?tax\s+profits?|"
                      r"profits?|earnings)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|totaled|reached)\s+)?"
                      r"(?:about\s+|some\s+)?\Z|\bearned\s+(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_WHOLE = lazy_compile(r"\b(?:revenues?|sales|turnover)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|totaled|"
                       r"reached)\s+)?(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# A word every match of _PART, and of _WHOLE, contains: a substring test before each regex search.
PART_WORDS = ("profit", "income", "earn")
_WHOLE_WORDS = ("revenue", "sales", "turnover")
_PER_SHARE = lazy_compile(r"\s*+(?:a|per)\s+(?:share|shr)\b", regex.IGNORECASE)  # "earned 3.69 dlrs a share"
_LIST_GAP = lazy_compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_BARE_NEXT = frozenset("and or on in for from vs compared against up down a last this the".split())
# Dollar currencies ("C$9.8 billion ... on sales of 880.2 mln dlrs"): between any two of them a profit more
# than three times the revenue exceeds it at any exchange rate since 1980.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD"})


def is_money(q: Quantity) -> bool:
    return len(q.unit) == 3 and q.unit.isupper() and q.low > 0 and q.grouping != "malformed"


def _currency(q: Quantity) -> str | None:
    """The currency of a profit or revenue; a year's revenue ("163.8 mln dlrs a year before") is revenue."""
    if is_money(q):
        return q.unit
    code = q.unit.removesuffix("/year")
    return code if code != q.unit and len(code) == 3 and code.isupper() and q.low > 0 else None


def _is_bare(q: Quantity) -> bool:
    """A large figure with no unit ("revenues of 5.9 mln and ..."): money when its sentence names one currency."""
    return q.unit == "count" and q.kind == "level" and q.value >= 1000 and q.grouping != "malformed" and \
        (q.noun is None or q.noun.lower() in _BARE_NEXT)


def _factor(part: Quantity, whole: Quantity, currencies: set[str]) -> float | None:
    """How many times the whole a part must exceed to exceed it for sure; None if not comparable."""
    only = next(iter(currencies)) if len(currencies) == 1 else None
    pu, wu = _currency(part) or only, _currency(whole) or only
    if pu is None or wu is None:
        return None
    if pu == wu:
        return 1.0
    return 3.0 if pu in _DOLLARS and wu in _DOLLARS else None


def _labelled(text: str, q: Quantity, pattern, words) -> bool:
    """Whether the 40 characters before `q` end in `pattern`; the regex runs only where one of `words` is."""
    start = max(0, q.span.start - 40)
    return may_contain(text[start:q.span.start], words) and bool(pattern.search(text, start, q.span.start))


def _in_list(text: str, figures: list[Quantity], tagged: list[Quantity]) -> bool:
    """Whether a profit or revenue figure is one of a list of figures joined by commas and "and"."""
    rank = {id(q): k for k, q in enumerate(figures)}  # figures.index per tagged figure is quadratic in a long sentence
    for q in tagged:
        k = rank[id(q)]
        if k + 1 < len(figures) and _LIST_GAP.fullmatch(text, q.span.end, figures[k + 1].span.start):
            return True
    return False


def _holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """may_contain(text, words) read off Document.lowered, where there is one (it is None for a text holding
    "İ" or "ſ", which may_contain always passes): whether one of `words` is in it."""
    for word in words:
        if word in lowered:
            return True
    return False


def profits_on_revenue(doc: Document, quantities, skip=lambda q: False) -> list[PartOfWhole]:
    """Profit/revenue claims of every sentence; `skip` leaves out figures read elsewhere (table rows)."""
    text = doc.text
    low = doc.lowered  # the document's one lower-cased copy (None: may_contain lowers the text itself)
    if not (_holds_any(low, PART_WORDS) and _holds_any(low, _WHOLE_WORDS) if low is not None
            else may_contain(text, PART_WORDS) and may_contain(text, _WHOLE_WORDS)):
        return []  # a profit in prose is labelled by one of PART_WORDS, its revenue by one of _WHOLE_WORDS
    out = []
    candidates = (q for q in quantities if (_currency(q) or _is_bare(q)) and not skip(q))
    # quantities are in text order: one sentence's figures at a time, not a table of every sentence's
    for _, group in itertools.groupby(candidates, key=lambda q: doc.sentence_of(q.span.start).start):
        figures = list(group)
        currencies = {_currency(q) for q in figures} - {None}
        if not currencies:
            continue  # no money named in the sentence
        parts = [q for q in figures if _labelled(text, q, _PART, PART_WORDS) and not _PER_SHARE.match(text, q.span.end)]
        if not parts:
            continue
        wholes = [q for q in figures if _labelled(text, q, _WHOLE, _WHOLE_WORDS)]
        if not wholes or _in_list(text, figures, parts + wholes):
            continue  # "sales were 3.2 mln and 4.0 mln dlrs in the two divisions": a breakdown, not one revenue
        if len(parts) == len(wholes):
            pairs = [(p, (w,)) for p, w in zip(parts, wholes)]  # "X on sales of Y, up from X' on sales of Y'"
        else:
            pairs = [(p, tuple(wholes)) for p in parts]  # which belongs to which is not clear: each may be it
        for part, against in pairs:
            factors = tuple(_factor(part, w, currencies) for w in against)
            if None in factors:
                continue  # a profit in pounds against sales in dollars: no comparison the words support
            first = min(part.span.start, against[0].span.start)
            last = max(part.span.end, against[-1].span.end)
            out.append(PartOfWhole(span=Span(first, last), part=part, wholes=against,
                                   tops=tuple(w.high for w in against), factors=factors, relation="earnings",
                                   label="revenue", link=Link.SENTENCE))
    return out
