"""The one reader of lists: of figures ("45%, 35% and 30%", "12 seats, 9 to the Greens and 4 to the Liberals")
and of labels ("Leeds, York and Hull", "the quarter and nine months"), and of the word "respectively".

Why one reader: a list is how the words tie several figures to one claim (shares of one whole, parts of a
total, values paired with labels by "respectively"); an extractor that needs a list asks here instead of
writing its own pattern, so every claim agrees on where a list starts and ends.

- A run of figures (`figure_runs`) is two or more figures of one unit, in text order, each joined to the
  next by a comma and/or "and"/"while", with at most a few words around the join and no clause break
  (. ; : or a bracket) or other figure between them. It is a "respectively" run when "respectively"
  closes it: after its last figure, in the same sentence, before any other figure.
- Two figures are joined (`joined`) tightly (JOIN: ", ", ", and ", " and "), with the words naming the
  first ("12 seats, 9 ..."; WORDED_JOIN: up to six words or names in apposition, then the join, then at
  most a name such as "the Greens" and a hedge: "50 in the main port, Santos, and about 115 more"), or as the parts of a clause (CLAUSE_JOIN: "310 stayed; 190 moved and 140 left").
  `run_after` and `run_before` walk such joins from one figure; asked to (`asides=True`), they walk past a
  percentage in brackets right after a member, the member's share ("885 women (50.4%) and 870 men (49.6%)"):
  the join is then read with the bracket cut out (" women" + " and "), and the percentage is no member.
- A list of labels (`items`) is split at the same joins.
"""
from __future__ import annotations

from typing import Callable, Iterator, Sequence

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity, Span

# Between two members: up to 60 characters of words, the join, up to 25 more (no clause break, no digit).
_GAP = lazy_compile(r"[^.;:()%\d]{0,60}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)[^.;:()%\d]{0,25}?")
_RESPECTIVELY_AFTER = lazy_compile(r"[^.;:\d]{0,60}?\brespectively\b", regex.IGNORECASE)
RESPECTIVELY = lazy_compile(r"\brespectively\b", regex.IGNORECASE)

# The join of two members with nothing else: ", ", ", and ", " and ". (It starts where white space starts: a
# scan for it would otherwise try every position inside a long run of spaces; tests/test_patterns.py.)
JOIN = lazy_compile(r"(?<!\s)(?:\s*+,\s*+(?:and\s++)?|\s++and\s++)")
# The join with the words naming the first member before it and at most a name before the second
# ("12 seats, 9 went to the Greens": "..., among the ten elected" is not a member).
# (possessive runs: the plain form backtracked quadratically on a long run of spaces; tests/test_patterns.py)
WORDED_JOIN = lazy_compile(
    r"(?:\s++[A-Za-z'’/-]++|\s*+,\s++[A-Z][\w-]*+){0,6}?(?:\s*+,\s*+(?:and\s++)?|\s++and\s++)"
    r"(?:(?:the|[A-Z][\w-]*+)\s++){0,3}?(?:(?:about|around|some|nearly|almost|over|another)\s++)?")
# The join of the parts of a clause, each with its own words ("310 stayed; 190 moved and 140 left"):
# up to six words, then a comma, a semicolon, "and" or "while".
CLAUSE_JOIN = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,6}?(?:\s*+[,;]\s*+(?:and\s++|while\s++)?|\s++and\s++|"
                            r"\s++while\s++)(?:(?:the|[A-Z][\w-]*+)\s++){0,3}?")

# A member's share in brackets right after it: up to a few words (no figure, no stop, no bracket), "(", the
# percentage, ")" ("885 women (50.4%)"); "(15% of them)" or "(up 15%)" is no such aside.
_ASIDE_OPEN = lazy_compile(r"[^\d().;:!?\n\[\]{}%]{0,40}?\(\s*+")
_ASIDE_CLOSE = lazy_compile(r"\s*+\)")


def figure_runs(doc: Document, quantities: Sequence[Quantity], unit: str) -> Iterator[tuple[list[Quantity], bool]]:
    """(members, closed by "respectively") for every list of two or more figures in `unit`."""
    text = doc.text
    i = 0
    n = len(quantities)
    while i < n:
        if quantities[i].unit != unit:
            i += 1
            continue
        run = [quantities[i]]
        j = i
        while j + 1 < n and quantities[j + 1].unit == unit \
                and _GAP.fullmatch(text, quantities[j].span.end, quantities[j + 1].span.start):
            j += 1
            run.append(quantities[j])
        i = j + 1
        if len(run) < 2:
            continue
        sentence_end = doc.sentence_of(run[-1].span.start).end
        yield run, bool(_RESPECTIVELY_AFTER.match(text, run[-1].span.end, sentence_end))


def respectively_words(doc: Document) -> Iterator[Span]:
    """Every "respectively" of the text (a substring test first: most articles have none)."""
    text = doc.text
    if "espectively" not in text and "ESPECTIVELY" not in text:
        return
    for m in RESPECTIVELY.finditer(text):
        yield Span(m.start(), m.end())


def joined(text: str, a: Quantity, b: Quantity, join: str = "worded") -> bool:
    """Whether figure `a` is joined to the next figure `b` as two members of one list.

    `join` is "plain" (JOIN), "worded" (WORDED_JOIN) or "clause" (CLAUSE_JOIN).
    """
    if join == "plain":
        return bool(JOIN.fullmatch(text, a.span.end, b.span.start))
    if join == "clause":
        return bool(CLAUSE_JOIN.fullmatch(text, a.span.end, b.span.start))
    return bool(WORDED_JOIN.fullmatch(text, a.span.end, b.span.start))


def share_aside(text: str, member: Quantity, q: Quantity) -> tuple[int, int] | None:
    """(where its "(" starts, where its ")" ends) when `q` is a percentage in brackets right after `member`,
    with at most a few words between: "885 women (50.4%)", "300 mln dlrs (33 pct)"; else None."""
    if q.unit != "percent" or q.kind != "level" or q.span.start <= member.span.end:
        return None
    opening = _ASIDE_OPEN.fullmatch(text, member.span.end, q.span.start)
    closing = _ASIDE_CLOSE.match(text, q.span.end) if opening is not None else None
    if closing is None:
        return None
    return text.rindex("(", member.span.end, q.span.start), closing.end()


def _joined_past_aside(text: str, quantities: Sequence[Quantity], i: int, join: str) -> int | None:
    """The index of the member after quantities[i] when a share aside stands between them and the join,
    read with the aside cut out, holds ("885 women (50.4%) and 870": " women" + " and ")."""
    if i + 2 >= len(quantities):
        return None
    aside = share_aside(text, quantities[i], quantities[i + 1])
    if aside is None:
        return None
    gap = text[quantities[i].span.end:aside[0]] + text[aside[1]:quantities[i + 2].span.start]
    pattern = JOIN if join == "plain" else CLAUSE_JOIN if join == "clause" else WORDED_JOIN
    return i + 2 if pattern.fullmatch(gap) else None


def run_after(text: str, quantities: Sequence[Quantity], i: int, accept: Callable[[Quantity], bool],
              join: str = "worded", asides: bool = False) -> list[Quantity]:
    """quantities[i] and the figures after it joined to it one by one, while `accept` takes them; with
    `asides`, past a share in brackets after a member."""
    run = [quantities[i]]
    while i + 1 < len(quantities):
        if joined(text, quantities[i], quantities[i + 1], join) and accept(quantities[i + 1]):
            i += 1
        else:
            nxt = _joined_past_aside(text, quantities, i, join) if asides else None
            if nxt is None or not accept(quantities[nxt]):
                break
            i = nxt
        run.append(quantities[i])
    return run


def run_before(text: str, quantities: Sequence[Quantity], i: int, accept: Callable[[Quantity], bool],
               join: str = "worded", lo: int = 0, asides: bool = False) -> list[Quantity]:
    """quantities[i] and the figures before it (starting at or after `lo`) joined to it, in text order; with
    `asides`, past a share in brackets after a member."""
    run = [quantities[i]]
    first = i
    while first > 0:
        prev = first - 1
        if not (quantities[prev].span.start >= lo and joined(text, quantities[prev], quantities[first], join)
                and accept(quantities[prev])):
            prev = first - 2
            if not (asides and prev >= 0 and quantities[prev].span.start >= lo
                    and _joined_past_aside(text, quantities, prev, join) == first and accept(quantities[prev])):
                break
        first = prev
        run.append(quantities[first])
    run.reverse()
    return run


def items(label_text: str) -> list[str]:
    """The members of a list of labels: "Leeds, York and Hull" -> ["Leeds", "York", "Hull"]."""
    return [x for x in JOIN.split(label_text) if x]
