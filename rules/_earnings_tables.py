"""Earnings tables: a profit row over the sales row beside it, column by column (`PartOfWhole`, relation "table").

Read for rules.parts_of_wholes. Reuters earnings tables ("Net profit 628,000 vs loss 491,000" over "Sales
50.7 mln vs 41.8 mln") hold one row a line, the columns this period and the year before. A profit row goes
with the nearest sales row within two lines. A gain or credit stated in the notes ("1985 net includes a
pretax gain of nine mln dlrs") can lift a profit above its sales, so each claim's `margin` is the largest
other figure of the article (money or a count, off the rows). A sales figure with an open top ("3.71
billion" read as more than) is taken up to the rounding of its last digit.
"""
from __future__ import annotations

import bisect
import re

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Link, PartOfWhole, Quantity, Span
from statlint.rules._earnings import is_money

_ROW_PROFIT = lazy_compile(
    r"[ \t]*+(?:(?:group|oper|operating|net|attributable|pre-?tax|after-?tax)\s+){0,3}(?:profit|income|earnings|net)"
    r"(?:\s+(?:before|after)\s+tax(?:ation|es)?)?[ \t]+", regex.IGNORECASE)
_ROW_LOSS = lazy_compile(r"[ \t]*+(?:(?:group|oper|operating|net|pre-?tax)\s+){0,3}loss[ \t]+", regex.IGNORECASE)
_ROW_WHOLE = lazy_compile(r"[ \t]*+(?:(?:net|total|group)\s+)?(?:sales|revs|revenues?|turnover)[ \t]+", regex.IGNORECASE)
_VS_NIL = lazy_compile(r"[ \t]+vs\.?[ \t]+(?P<word>profit[ \t]+|loss[ \t]+)?nil[ \t]*", regex.IGNORECASE)
_ROW_LABEL = lazy_compile(r"[ \t]*+[A-Za-z][A-Za-z .'/-]{0,40}")
_VS_ANYWHERE = re.compile("vs|VS")  # a table row holds one: only those lines are read
_VS = lazy_compile(r"[ \t]+vs\.?[ \t]+(?P<word>profit[ \t]+|loss[ \t]+)?", regex.IGNORECASE)
_LEADING_DIGITS = lazy_compile(r"[\d,]*+\.?\d*+")


class Rows:
    """The table lines of a document (sorted, disjoint): `holds(offset)` is one bisect, not a scan of all rows."""

    def __init__(self, lines: list[Span]):
        self.lines = lines
        self._starts = [line.start for line in lines]

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.lines[i].end


def profit_rows(doc: Document, quantities: tuple[Quantity, ...]) -> tuple[list[PartOfWhole], Rows]:
    """Claims of the profit rows against their sales rows, and the table lines read (prose readers skip them)."""
    text = doc.text
    if " vs " not in text and " VS " not in text:
        return [], Rows([])
    starts = [q.span.start for q in quantities]
    rows = []  # (line number, kind, (first column, second column), line) for lines holding "vs"
    line_start, line_no = 0, 0  # the line of the latest "vs", counted as the scan goes (not line by line)
    end = -1
    for vs in _VS_ANYWHERE.finditer(text):
        if vs.start() < end:
            continue  # a second "vs" on a line already read
        pos = text.rfind("\n", 0, vs.start()) + 1
        line_no += text.count("\n", line_start, pos)
        line_start = pos
        end = text.find("\n", vs.end())
        end = len(text) if end < 0 else end
        row = _row(text, quantities, starts, pos, end)
        if row is not None:
            rows.append((line_no, *row, Span(pos, end)))
    table = Rows([r[3] for r in rows])
    pairs = []  # (profit, sales, the most the sales figure may be)
    for n, (line, kind, cols, _) in enumerate(rows):
        if kind != "profit":
            continue
        # rows hold distinct, increasing line numbers: every row within two lines is among the two before and after
        window = rows[max(0, n - 2):n + 3]
        near = [r for r in window if r[1] == "whole" and abs(r[0] - line) <= 2
                and all(abs(x[0] - line) <= abs(r[0] - line) for x in window if line < x[0] < r[0] or r[0] < x[0] < line)]
        if not near:
            continue
        whole_cols = min(near, key=lambda r: abs(r[0] - line))[2]
        for part, whole in zip(cols, whole_cols):
            if part is None or whole is None:
                continue
            if part.unit != whole.unit and "count" not in (part.unit, whole.unit):
                continue
            pairs.append((part, whole, whole.high if whole.bound != ">" else _rounded_high(whole)))
    if not pairs:
        return [], table  # most tables hold no profit row over a sales row: the margin below is not needed
    other = max((q.value for q in quantities if (is_money(q) or q.unit == "count") and q.kind == "level"
                 and not table.holds(q.span.start)), default=0.0)  # "a pretax gain of nine mln dlrs" is read as a count
    out = [PartOfWhole(span=Span(min(part.span.start, whole.span.start), max(part.span.end, whole.span.end)),
                       part=part, wholes=(whole,), tops=(top,), factors=(1.0,), relation="table",
                       label="sales", margin=other, link=Link.LIST)
           for part, whole, top in pairs]
    return out, table


def _rounded_high(q: Quantity) -> float:
    """The top of a table figure's rounding interval: "Turnover 3.71 billion" read as "over 3.71 billion"."""
    digits = _LEADING_DIGITS.match(q.text).group(0).replace(",", "")
    try:
        written = float(digits)
    except ValueError:
        return q.high
    return q.value * (1 + 0.5 * 10 ** -q.decimals / written) if written > 0 else q.high


def _row(text, quantities, starts, lo, hi):
    """("profit" | "whole" | "other", (first column, second column)) for a table line; None for a loss or "nil"."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    if j - i not in (1, 2):
        return None
    first = quantities[i]
    if first.span.end > hi or first.is_percent or not _ROW_LABEL.fullmatch(text, lo, first.span.start):
        return None
    if j - i == 1:
        second, vs = None, _VS_NIL.fullmatch(text, first.span.end, hi)  # "Sales 5,042,000 vs nil"
    else:
        second = quantities[i + 1]
        vs = _VS.fullmatch(text, first.span.end, second.span.start)
        if second.is_percent or text[second.span.end:hi].strip():
            return None  # "Revs 105.0 mln vs 97.,3 mln", "17.8 ln": a garbled row is not read
    if vs is None:
        return None
    if _ROW_WHOLE.fullmatch(text, lo, first.span.start):
        return "whole", (first, second)
    word = (vs.group("word") or "").strip().lower()
    if _ROW_PROFIT.fullmatch(text, lo, first.span.start):
        return "profit", (first, None if word == "loss" else second)
    if _ROW_LOSS.fullmatch(text, lo, first.span.start):
        return "profit", (None, second if word == "profit" else None)
    return "other", (first, second)
