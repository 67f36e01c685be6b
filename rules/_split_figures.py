"""One figure written as two: a digit group split off, or a figure broken by a stray point or space.

rules.garbles calls `mend_split_figures`; each break it finds becomes a Garble
("split-group" or "broken-figure", reported by Q101) and the two pieces become one
quantity read again with the break mended (rules._reread), so the other checks
compare the figure that was meant.

When a break is a garble, and not two numbers side by side (the definitions are the
precision of Q101; every test is on the characters right at the break):

- split-group, "155, 221 bags", "1,699, 124 vs", "6, 318,000": digits ending in a
  group of one to three, a comma and one space (or line break), then exactly three
  digits that end the figure or go on in groups of three. Not when either side is a
  member of a list or range (another figure joined by a comma, slash, dash, "and",
  "or", "to" before the first or after the second: "strikes of 250, 300 and 350",
  "737, 747, 757"), and not when the first is glued to a label ("13-1-1, 250 km").
  A group named at a clause's opening is whole, and the figure after it a part of it ("Of those 1,200,
  450 said", "Among the 500, 300 voted").
  Years ("In 2019, 150 people": four digits), days ("February 7, 757,000") and label
  numbers ("Chapter 5, 300 pages") are never quantities, so they never pair.
- broken by a point, "dropped 14.⏎5 pct": a whole number of one to three digits after
  a word on the same line, a point, one space or line break, then one to three digits
  carrying a percent, a scale or a unit. A sentence that ended on "14." would start
  the next with "5 pct"; a numbered list item stands at the start of its line.
- broken by a space, "acquisition of 9 8.8 pct": one digit alone after a word, one
  space, then a decimal percentage or scaled figure with one or two whole digits. One
  digit before a percentage counts nothing; days and labels ("April 7 1.5 billion")
  are not quantities, a row of a table has a figure before it, and a digit that counts
  the things the figure measures stands after "the", "its"... ("the 2 4.5 pct notes")
  or before a hyphenated unit ("4 1.5-metre poles").
- a stray point before a scale, "Net 66. mln", "nearly 300. million": a whole number,
  a point, one space, and a lower-case scale word (upper-case only in an upper-case
  line, a headline): a new sentence does not start with a lower-case "million".
- a lead point, "a fee of . 10 pct" for 0.10 pct: a point standing alone between a
  word that asks for a figure ("of", "to", "by", "at", a verb of change) and a
  percentage.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Garble, Quantity, Span
from statlint.rules._line import is_capitals, line_before
from statlint.rules._reread import reread
from statlint.rules.quantities.labels import label_word_kind, word_before

_DECIMAL_AFTER_SPACE = lazy_compile(r"[ \n](\d{1,2}\.\d++)(?![\d/])")
_FRACTION_AFTER_BREAK = lazy_compile(r"\.[ \n\u00a0\u202f](\d{1,3})(?![\d.,/])")
_HYPHENS = frozenset("-‐–")
_SPACE = frozenset(" \n\u00a0\u202f")  # a space, a line break, a no-break space (text taken from HTML)
_BREAK_FIRST = frozenset(",. \n")  # what follows the first piece of a figure broken in two
_GROUPED_END = lazy_compile(r"(?:\A|(?<=[^\d,]))\d{1,3}(?:,\d{3})*\Z")
_GROUPS_START = lazy_compile(r"\d{3}(?:,\d{3})*(?:\.\d+)?(?![\d,])")
_LIST_BEFORE = lazy_compile(r"\d[%)]?\s*(?:[,;/&]|\band|\bor|\bto|[-–])\s*\Z", regex.IGNORECASE)
_WORD_OR_DASH_JOIN = lazy_compile(r"\b(?:and|or|to)\b|[-–]", regex.IGNORECASE)
_SPLIT_AT = lazy_compile(r"\d{1,3},[ \n\u00a0\u202f]\d{3}(?!\d)")  # a figure split like the one at hand starts here
_SPLIT_BEFORE = lazy_compile(r"(?<![\d,])\d{1,3},[ \n\u00a0\u202f]\d{3}\Z")  # and ends here
_LIST_AFTER = lazy_compile(r"\s*(?:[,;/]\s*[$€£¥]?\d|[-–]\s*\d|\s(?:and|or|to|&)\s+[$€£¥]?\d)", regex.IGNORECASE)
_SCALE_AFTER_POINT = lazy_compile(r"\.[ \n](mln|million|billion|bln|bn|trillion|thousand"
                                   r"|MLN|MILLION|BILLION|BLN|BN|TRILLION|THOUSAND)\b")
_WORD_BEFORE = lazy_compile(r"([A-Za-z]+)[ \t]++\Z", regex.REVERSE)  # run backwards from the end it is anchored to
_AFTER_A_WORD = lazy_compile(r"[A-Za-z][ \t]*+\n?[ \t]*+\Z")
_LEAD_POINT = lazy_compile(r"(?:\A|(?<=[A-Za-z]))[ \t]\.[ ]?\Z")
# before "2 4.5 pct notes" these count the notes: "the two 4.5 pct notes"
_COUNTING_WORDS = frozenset(("the", "its", "their", "his", "her", "our", "your", "these", "those", "all", "both",
                             "first", "last", "next", "other", "another"))
_TAKES_A_FIGURE = frozenset((
    "to", "by", "of", "at", "from", "about", "around", "nearly", "almost", "over", "under", "than", "some",
    "only", "just", "roughly", "approximately", "a", "an", "was", "were", "is", "are", "be", "been", "between",
    "and", "or", "rose", "fell", "gained", "lost", "dropped", "climbed", "declined", "increased", "decreased",
    "grew", "jumped", "slipped", "eased", "added", "shed", "averaged", "reached", "stood", "totalled", "totaled",
    "hit", "up", "down", "plus", "minus", "below", "above",
))


def mend_split_figures(text: str, quantities: Sequence[Quantity], garbles: list[Garble]) -> Sequence[Quantity]:
    """`quantities` with each broken figure read whole (the very sequence when nothing is broken)."""
    mended: dict[int, tuple[int, Quantity]] = {}  # first index -> (indices spent, the whole figure)
    i, n = 0, len(quantities)
    while i < n:
        q = quantities[i]
        end = q.span.end
        c = text[end:end + 1]
        found = None
        if c in _BREAK_FIRST and _may_break(text, q, end, c):
            # the piece after the break may be a quantity or not ("413, 021", "6.⏎05 pct": a leading zero is
            # a code to the reader), so each form reads the text after the first piece
            found = _split_group(text, q, garbles) if c == "," else \
                _point_break(text, q, garbles) if c == "." else _space_break(text, q, garbles)
        if found is None and _may_be_single(text, q, end, c):
            found = _single(text, q, garbles)
        if found is None:
            i += 1
            continue
        spent = 1  # the first piece, and every quantity the whole figure now covers
        while i + spent < n and quantities[i + spent].span.start < found.span.end:
            spent += 1
        mended[i] = (spent, found)
        i += spent
    if not mended:
        return quantities
    out: list[Quantity] = []
    i = 0
    while i < n:
        if i in mended:
            spent, whole = mended[i]
            out.append(whole)
            i += spent
        else:
            out.append(quantities[i])
            i += 1
    return out


def may_mend(text: str, q: Quantity) -> bool:
    """False only when mend_split_figures finds no broken figure starting at `q`: the two gates of its loop.
    rules.garbles asks this of every figure before it runs its steps at all."""
    end = q.span.end
    c = text[end:end + 1]
    return (c in _BREAK_FIRST and _may_break(text, q, end, c)) or _may_be_single(text, q, end, c)


def _may_be_single(text: str, q: Quantity, end: int, c: str) -> bool:
    """False only when _single cannot mend `q` (`c` the character after it): what each of its two readings
    needs, on the characters next to the figure. A stray point before a scale is a whole number, the point
    and a space or line break (_SCALE_AFTER_POINT); a lead point is a point one or two characters before a
    whole percentage (_LEAD_POINT ends where the figure starts). Most figures at a sentence's end ("5 pct.")
    are neither."""
    if c == ".":
        if q.text.isdigit() and text[end + 1:end + 2] in _POINT_SPACES:
            return True
    elif not (q.unit == "percent" and text[q.span.start - 2:q.span.start] == ". "):
        return False
    return q.unit == "percent" and q.decimals == 0 and q.text[:1].isdigit() \
        and "." in text[max(0, q.span.start - 2):q.span.start]


_POINT_SPACES = (" ", "\n")  # a tuple: "" (the end of the text) is in any string


def _may_break(text: str, q: Quantity, end: int, c: str) -> bool:
    """The cheap test every broken figure passes, on the characters after the first piece: most figures
    are followed by a space and a word, and fail it at once."""
    if c == "," or c == ".":
        return text[end + 1:end + 2] in _SPACE and text[end + 2:end + 3].isdigit() and _bare(q)
    return len(q.text) == 1 and text[end + 1:end + 2].isdigit() and _bare(q)  # "9 8.8 pct"


def _bare(q: Quantity) -> bool:
    """A figure with nothing after its digits (no scale, unit or percent) and no point of its own."""
    return q.text[-1:].isdigit() and q.decimals == 0 and q.grouping in ("plain", "standard") \
        and q.kind == "level" and q.unit != "percent"


def _numeral_start(q: Quantity) -> int:
    """Where the digits of q begin ("$1" -> after the "$")."""
    for k, ch in enumerate(q.text):
        if ch.isdigit():
            return q.span.start + k
    return q.span.start


def _glued_before(text: str, pos: int) -> bool:
    """A label or code runs into the figure ("13-1-1", "42/37", "No.5"): it is not a count."""
    return pos > 0 and not text[pos - 1].isspace() and text[pos - 1] not in "($€£¥"


def _label_before(text: str, pos: int) -> bool:
    """A naming word before the first piece ("Room 101, 200 metres away"): a label, then a count."""
    names, bare_names, _ = label_word_kind(word_before(text[max(0, pos - 24):pos]))
    return names or bare_names


# A clause that opens on "Of", "Among" or "Out of" and a group: "Of those 1,200, 450 said ...", "Among the 500, 300 ...".
_GROUP_OPENS_BEFORE = lazy_compile(r"(?:\A|[.!?;:]\s*+|\n\s*+|[\"“(]\s*+)(?:of|among|amongst|out\s+of)\s++"
                                   r"(?:(?:the|these|those|its|their|all|all\s+the|all\s+of\s+the)\s++)?\Z",
                                   regex.IGNORECASE | regex.REVERSE)


def _group_opens_before(text: str, pos: int) -> bool:
    """The first piece closes a clause's opening words naming a group ("Of those 1,200, 450 said they would
    return"): the figure after the comma is a part of it, not the rest of one figure."""
    return _GROUP_OPENS_BEFORE.search(text, max(0, pos - 30), pos) is not None


def _pair_in_brackets(text: str, start: int, end: int) -> bool:
    """ "(45, 123)", "F(3, 100)": a pair of coordinates or arguments."""
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _in_list(text: str, q: Quantity, after: int) -> bool:
    """Another figure joined to this one by a comma, slash, dash, "and", "or", "to": a list or a range, unless
    the two are joined by a word or dash and split alike ("between 1, 200 and 1, 500 workers")."""
    before = _LIST_BEFORE.search(text, max(0, q.span.start - 14), q.span.start)
    if before is not None and not (_WORD_OR_DASH_JOIN.search(before.group(0))
                                   and _SPLIT_BEFORE.search(text, max(0, before.start() - 12), before.start() + 1)):
        return True
    nxt = _LIST_AFTER.match(text, after)
    return nxt is not None and not (_WORD_OR_DASH_JOIN.search(nxt.group(0)) and _SPLIT_AT.match(text, nxt.end() - 1))


def _split_group(text: str, q: Quantity, garbles: list[Garble]) -> Quantity | None:
    digits_at = _numeral_start(q)
    if not _GROUPED_END.search(text, digits_at, q.span.end):
        return None
    groups = _GROUPS_START.match(text, q.span.end + 2)
    if groups is None or _glued_before(text, q.span.start) or _in_list(text, q, groups.end()) \
            or _label_before(text, q.span.start) or _pair_in_brackets(text, q.span.start, groups.end()) \
            or _group_opens_before(text, q.span.start):
        return None
    whole = reread(text, q.span.start, Span(q.span.end + 1, q.span.end + 2), "")
    if whole is None or whole.span.end < groups.end():
        return None
    raw = text[digits_at:groups.end()]
    regrouped = raw[:q.span.end + 1 - digits_at] + raw[q.span.end + 2 - digits_at:]
    garbles.append(Garble(
        kind="split-group", span=Span(digits_at, groups.end()), text=raw, reading=regrouped, suggestion=regrouped,
        detail=f"a space after the thousands comma splits {regrouped} in two"))
    return _as_garble(whole, "split-group", float(groups.group(0).replace(",", "")))


def _line_has_word_before(text: str, pos: int) -> bool:
    """A word right before the figure, on its line or at the end of the line before (hard-wrapped copy):
    not the start of a paragraph or list item, not a cell after another figure."""
    return bool(_AFTER_A_WORD.search(text, max(0, pos - 12), pos))


def _point_break(text: str, q: Quantity, garbles: list[Garble]) -> Quantity | None:
    frac = _FRACTION_AFTER_BREAK.match(text, q.span.end)
    if frac is None or not (q.text.isdigit() and len(q.text) <= 3) or not _line_has_word_before(text, q.span.start):
        return None
    digits = frac.group(1)
    whole = reread(text, q.span.start, Span(q.span.end + 1, q.span.end + 2), "")
    if whole is None or whole.span.end < frac.end() or whole.decimals != len(digits) \
            or not _carries_unit(whole, f"{q.text}.{digits}"):
        return None
    return _broken(text, Span(q.span.start, frac.end()), f"{q.text}.{digits}", whole, float(digits),
                   "a line break or space after the decimal point", garbles)


def _leading_digits(s: str) -> str:
    return s[:len(s) - len(s.lstrip("0123456789"))]


def _carries_unit(whole: Quantity, numeral: str) -> bool:
    """The mended figure has a percent, a unit or a scale word after its digits (it counts nothing)."""
    return whole.unit != "count" or whole.value != float(numeral)


def _space_break(text: str, q: Quantity, garbles: list[Garble]) -> Quantity | None:
    decimal = _DECIMAL_AFTER_SPACE.match(text, q.span.end)  # a written point: "8.8 pct", not a fraction "1-1/4"
    if decimal is None or not (len(q.text) == 1 and q.text.isdigit() and q.text != "0"):
        return None
    numeral = decimal.group(1)
    if text[decimal.end():decimal.end() + 1] in _HYPHENS:
        return None  # "4 1.5-metre poles": four poles of a measure, counted
    if not _line_has_word_before(text, q.span.start) \
            or word_before(text[max(0, q.span.start - 12):q.span.start]).lower() in _COUNTING_WORDS:
        return None
    whole = reread(text, q.span.start, Span(q.span.end, q.span.end + 1), "")
    if whole is None or whole.span.end < decimal.end() or not _carries_unit(whole, q.text + numeral):
        return None
    return _broken(text, Span(q.span.start, decimal.end()), q.text + numeral, whole, float(numeral),
                   "a space inside the figure", garbles)


def _single(text: str, q: Quantity, garbles: list[Garble]) -> Quantity | None:
    """A figure broken on one side only: a stray point before its scale word, or a point before no digit."""
    if q.text.isdigit() and text[q.span.end:q.span.end + 1] == ".":
        m = _SCALE_AFTER_POINT.match(text, q.span.end)
        if m and (m.group(1).islower() or _upper_line(text, q.span.start)) \
                and _line_has_word_before(text, q.span.start):
            whole = reread(text, q.span.start, Span(q.span.end, q.span.end + 1), "")
            if whole is not None and whole.span.end >= m.end():
                return _broken(text, Span(q.span.start, q.span.end + 1), q.text, whole, q.value,
                               "a stray point between the figure and its scale word", garbles)
    if q.unit == "percent" and q.text[:1].isdigit() and q.decimals == 0:
        lead = _LEAD_POINT.search(text, max(0, q.span.start - 3), q.span.start)
        if lead is not None:
            dot = text.index(".", lead.start(), q.span.start)
            word = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
            if word is not None and word.group(1).lower() in _TAKES_A_FIGURE:
                whole = reread(text, dot, Span(dot, q.span.start), "0.")
                if whole is not None and whole.span.end >= q.span.end:
                    digits = _leading_digits(q.text)
                    return _broken(text, Span(dot, q.span.start + len(digits)), f"0.{digits}", whole, q.value,
                                   "a decimal point with no figure before it", garbles)
    return None


def _upper_line(text: str, pos: int) -> bool:
    return is_capitals(line_before(text, pos))


def _broken(text: str, span: Span, mended: str, whole: Quantity, raw: float, how: str,
            garbles: list[Garble]) -> Quantity:
    """Record the broken figure (`span`, to be read as `mended`) and return the whole figure."""
    garbles.append(Garble(
        kind="broken-figure", span=span, text=text[span.start:span.end], reading=mended, suggestion=mended,
        detail=f"{how}: '{text[span.start:span.end]}' reads as {mended}"))
    return _as_garble(whole, "broken-figure", raw)


def _as_garble(whole: Quantity, kind: str, raw: float) -> Quantity:
    return replace(whole, garble=kind, raw_value=raw)
