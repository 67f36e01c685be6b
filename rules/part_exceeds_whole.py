"""S103 part-exceeds-whole: a part stated larger than the whole it belongs to, in one sentence.

What it does:
    Pairs money figures labelled as a part (net profit, net income, operating
    or pretax profit, earnings, "earned") with one labelled as its whole
    (revenue, sales, turnover) in the same sentence and currency, and flags a
    part larger than the whole: "a net profit of 2,313 billion yuan on
    revenue of 15.841 billion yuan". Garbled figures are read as repaired.
    With as many profits as revenues ("earned X on revenues of Y, up from
    earnings of X' and revenues of Y'") each profit goes with the revenue of
    the same rank; otherwise a profit must exceed every revenue of the
    sentence. A figure without a unit takes the sentence's one currency;
    between dollar currencies (US, Canadian, Australian, NZ) the profit must
    be over three times the revenue. Reuters earnings tables ("Net profit
    628,000 vs loss 491,000" over "Sales 50.7 mln vs 41.8 mln") are read
    column by column; there a profit is flagged only when it exceeds the
    sales by more than any other figure in the article (a gain in the notes
    can explain it).

Why is this bad?
    A profit cannot exceed the revenue it is made from in ordinary trading;
    one figure carries the wrong scale or a misplaced separator.

Example:
    The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.

Use instead:
    The bank made a net profit of 2.313 billion yuan on revenue of 15.841 billion yuan.

Known false positives:
    One-off gains (the sale of a business, a tax credit) can lift a profit above
    that period's revenue; the finding is a warning for that reason. In tables
    a gain stated in the notes keeps the rule quiet; in sentences it does not.
    Revenue lists that break a total down ("sales were 3.2 mln and 4.0 mln
    dlrs in the two divisions") are skipped.
"""
from __future__ import annotations

import bisect
import itertools
import re

import regex

from statlint.checker.model import Finding, Related, Rule, Severity, Span, fingerprint
from statlint.checker.precision import as_written
from statlint.rules._gates import may_contain

CODE, NAME = "S103", "part-exceeds-whole"

_PART = regex.compile(r"\b(?:net\s+profits?|net\s+income|net\s+earnings|operating\s+profits?|pre-?tax\s+profits?|"
                      r"profits?|earnings)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|totaled|reached)\s+)?"
                      r"(?:about\s+|some\s+)?\Z|\bearned\s+(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_WHOLE = regex.compile(r"\b(?:revenues?|sales|turnover)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|totaled|"
                       r"reached)\s+)?(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# A word every match of _PART, and of _WHOLE, contains: a substring test before each regex search.
_PART_WORDS = ("profit", "income", "earn")
_WHOLE_WORDS = ("revenue", "sales", "turnover")


def _is_money(q) -> bool:
    return len(q.unit) == 3 and q.unit.isupper() and q.low > 0 and q.grouping != "malformed"


def _is_bare(q) -> bool:
    """A large figure with no unit ("revenues of 5.9 mln and ..."): money when its sentence names one currency."""
    return q.unit == "count" and q.kind == "level" and q.value >= 1000 and q.grouping != "malformed" and \
        (q.noun is None or q.noun.lower() in _BARE_NEXT)


_BARE_NEXT = frozenset("and or on in for from vs compared against up down a last this the".split())
# Dollar currencies ("C$9.8 billion ... on sales of 880.2 mln dlrs"): between any two of them a profit more
# than three times the revenue exceeds it at any exchange rate since 1980.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD"})


def _factor(part, whole, currencies) -> float | None:
    """How many times the whole a part must exceed to exceed it for sure; None if not comparable."""
    pu = part.unit if _is_money(part) else next(iter(currencies)) if len(currencies) == 1 else None
    wu = whole.unit if _is_money(whole) else next(iter(currencies)) if len(currencies) == 1 else None
    if pu is None or wu is None:
        return None
    if pu == wu:
        return 1.0
    return 3.0 if pu in _DOLLARS and wu in _DOLLARS else None


def check(doc, facts):
    row_lines: list = []  # table rows are read by _table_rows alone
    if " vs " in doc.text or " VS " in doc.text:
        yield from _table_rows(doc, facts.quantities, row_lines)
    row_starts = [line.start for line in row_lines]
    # a profit in prose is labelled by one of _PART_WORDS (_labelled): without one, only table rows can fire
    candidates = (q for q in facts.quantities if _is_money(q) or _is_bare(q)) \
        if may_contain(doc.text, _PART_WORDS) else ()
    # quantities are in text order: one sentence's figures at a time, not a table of every sentence's
    for _, figures in itertools.groupby(candidates, key=lambda q: doc.sentence_of(q.span.start).start):
        figures = list(figures)
        if row_lines:
            figures = [q for q in figures if not _on_row(row_starts, row_lines, q.span.start)]
        currencies = {q.unit for q in figures if _is_money(q)}
        if not currencies:
            continue  # no money named in the sentence
        parts = [q for q in figures if _labelled(doc.text, q, _PART, _PART_WORDS)]
        if not parts:
            continue
        wholes = [q for q in figures if _labelled(doc.text, q, _WHOLE, _WHOLE_WORDS)]
        if not parts or not wholes or _in_list(doc.text, figures, parts + wholes):
            continue  # "sales were 3.2 mln and 4.0 mln dlrs in the two divisions": a breakdown, not one revenue
        if len(parts) == len(wholes):
            pairs = [(p, (w,)) for p, w in zip(parts, wholes)]  # "X on sales of Y, up from X' on sales of Y'"
        else:
            pairs = [(p, tuple(wholes)) for p in parts]  # which belongs to which is not clear: above all of them
        for part, against in pairs:
            factors = [_factor(part, w, currencies) for w in against]
            if None in factors or any(part.low <= w.high * f for w, f in zip(against, factors)):
                continue
            whole = min(against, key=lambda w: abs(w.span.start - part.span.start))
            yield _finding(doc, part, whole)


def _labelled(text: str, q, pattern, words) -> bool:
    """Whether the 40 characters before `q` end in `pattern`; the regex runs only where one of `words` is."""
    start = max(0, q.span.start - 40)
    return may_contain(text[start:q.span.start], words) and bool(pattern.search(text, start, q.span.start))


_LIST_GAP = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _in_list(text, figures, tagged) -> bool:
    """Whether a profit or revenue figure is one of a list of figures joined by commas and "and"."""
    rank = {id(q): k for k, q in enumerate(figures)}  # figures.index per tagged figure is quadratic in a long sentence
    for q in tagged:
        k = rank[id(q)]
        if k + 1 < len(figures) and _LIST_GAP.fullmatch(text, q.span.end, figures[k + 1].span.start):
            return True
    return False


def _on_row(row_starts: list[int], row_lines: list[Span], offset: int) -> bool:
    """Whether an offset lies on one of the table rows (sorted, disjoint lines): one bisect, not a scan of all rows."""
    i = bisect.bisect_right(row_starts, offset) - 1
    return i >= 0 and offset < row_lines[i].end


def _finding(doc, part, whole):
    return Finding(
        rule=CODE, name=NAME, span=part.span, severity=Severity.WARNING, confidence=0.7,
        message=f"a profit of {as_written(part)} exceeds the revenue it comes from ({as_written(whole)})",
        related=(Related("whole", whole.span, whole.text),),
        fingerprint=fingerprint(CODE, part.text + " " + whole.text, doc.claim_context(part.span)),
    )


# Reuters earnings tables: "Net profit 628,000 vs loss 491,000" over "Sales 50.7 mln vs 41.8 mln", one row a
# line; the columns are this period and the year before.
_ROW_PROFIT = regex.compile(
    r"[ \t]*+(?:(?:group|oper|operating|net|attributable|pre-?tax|after-?tax)\s+){0,3}(?:profit|income|earnings|net)"
    r"(?:\s+(?:before|after)\s+tax(?:ation|es)?)?[ \t]+", regex.IGNORECASE)
_ROW_LOSS = regex.compile(r"[ \t]*+(?:(?:group|oper|operating|net|pre-?tax)\s+){0,3}loss[ \t]+", regex.IGNORECASE)
_ROW_WHOLE = regex.compile(r"[ \t]*+(?:(?:net|total|group)\s+)?(?:sales|revs|revenues?|turnover)[ \t]+", regex.IGNORECASE)
_VS_NIL = regex.compile(r"[ \t]+vs\.?[ \t]+(?P<word>profit[ \t]+|loss[ \t]+)?nil[ \t]*", regex.IGNORECASE)
_ROW_LABEL = regex.compile(r"[ \t]*+[A-Za-z][A-Za-z .'/-]{0,40}")
_VS_ANYWHERE = re.compile("vs|VS")  # a table row holds one: only those lines are read
_VS = regex.compile(r"[ \t]+vs\.?[ \t]+(?P<word>profit[ \t]+|loss[ \t]+)?", regex.IGNORECASE)


def _table_rows(doc, quantities, row_lines: list):
    """Profit rows against the sales row next to them, column by column."""
    text = doc.text
    starts = [q.span.start for q in quantities]
    rows = []  # (line number, kind, (first column, second column)) for consecutive lines holding "vs"
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
    lines = [r[3] for r in rows]
    row_lines.extend(lines)
    line_starts = [line.start for line in lines]
    # A gain or credit stated in the notes ("1985 net includes a pretax gain of nine mln dlrs") can lift a profit
    # above its sales: only a profit that exceeds the sales by more than any other figure of the article is flagged.
    other = max((q.value for q in quantities if (_is_money(q) or q.unit == "count") and q.kind == "level"
                 and not _on_row(line_starts, lines, q.span.start)), default=0.0)  # "a pretax gain of nine mln dlrs" is read as a count
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
            if part.low - (whole.high if whole.bound != ">" else _rounded_high(whole)) > other:
                yield _finding(doc, part, whole)


_LEADING_DIGITS = regex.compile(r"[\d,]*+\.?\d*+")


def _rounded_high(q) -> float:
    """The top of a table figure's rounding interval: "Turnover 3.71 billion" is read as "over 3.71 billion"."""
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


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__, reads=("quantities",))
