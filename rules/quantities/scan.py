"""The digit scan: every numeral in the text, read or recorded as not read.

One digit-anchored pattern (rules._patterns.SCAN) finds numerals with what
follows them; reader.read_match reads each. Lists of labels ("Figs. 2 and 3",
"phases 3, 5 and 7") are followed so that their later members are not read as
counts, and every digit no quantity covers is recorded (unread_digits).
"""
from __future__ import annotations

from statlint.checker.model import Quantity, Span
from statlint.rules import _patterns as P
from statlint.rules.quantities.labels import label_word_kind, word_before
from statlint.rules.quantities.reader import read_match


def read_digits(text: str) -> tuple[list[Quantity], list[Span]]:
    """(quantities in text order, spans of the numerals not read)."""
    quantities: list[Quantity] = []
    skipped: list[Span] = []
    label_end = -1  # where the last number read as a label ("Figs. 2", "phases 3") ends
    read_end = 0  # where the last quantity read ends ("4.3 × 10−8" takes in the "10" and the "8")
    # A skipped match whose label test (_was_label) waits for the next match: the test matters only when that
    # one starts within 7 characters, and most skipped numbers (years, dates) have no other number so near.
    pending = None
    for m in P.SCAN.finditer(text):
        if m.start() < read_end:
            continue
        if pending is not None:
            label_end = pending.end() if m.start() - pending.end() <= 7 and _was_label(text, pending) else -1
            pending = None
        q = read_match(text, m)
        if label_end >= 0 and m.start() - label_end <= 7:
            if (q is None or _is_bare(q)) and P.LIST_JOIN.fullmatch(text, label_end, m.start()) \
                    and _list_goes_on(text, label_end, m):
                # "phases 3, 5 and 7", "Figs. 2 and 3": the list goes on naming labels
                skipped.append(Span(*m.span(P.SCAN_NUM)))
                label_end = m.end()
                continue
            label_end = -1
        if q is None:
            skipped.append(Span(*m.span(P.SCAN_NUM)))
            pending = m
        else:
            quantities.append(q)
            read_end = q.span.end
    return quantities, skipped


def unread_digits(text: str, quantities: list[Quantity], skipped: list[Span]) -> list[Span]:
    """The digit runs no quantity and no skipped match covers, to be recorded as skipped.

    The scan starts numbers only where a number can start, so digits glued to a word
    ("G20", "MP3", "CO2") or after a colon (the "30" of "12:30") are never matched; a
    reader that silently passes over a digit is how a checker misses a figure and
    says nothing (statcheck skipped negative p-values). Recording them keeps every
    digit of the text accounted for: read as part of a quantity, or listed as not read
    (`statlint extract` shows both; a test asserts it over the real corpus).
    `quantities` is sorted by start; `skipped` is in text order.
    """
    read = _Cover([q.span for q in quantities])
    passed = _Cover(skipped)
    return [Span(*m.span()) for m in P.DIGIT_RUN.finditer(text)
            if not read.covers(*m.span()) and not passed.covers(*m.span())]


class _Cover:
    """Whether one span of a list (in text order, not overlapping) covers each digit run asked about, the
    runs asked in text order: one pointer walks the list once. Two of these, one per list, replace a merged
    sorted copy of both lists, which on a 20 MB file held a tuple per figure (tens of MB at the peak)."""

    __slots__ = ("spans", "i")

    def __init__(self, spans: list[Span]) -> None:
        self.spans, self.i = spans, 0

    def covers(self, start: int, end: int) -> bool:
        spans, i, n = self.spans, self.i, len(self.spans)
        while i < n and spans[i].end <= start:
            i += 1
        self.i = i
        while i < n and spans[i].start <= start and spans[i].end < end:
            i += 1
        return i < n and spans[i].start <= start and spans[i].end >= end


def _is_bare(q: Quantity) -> bool:
    """A plain count as written, no unit, sign, bound or scale: what a label list continues with."""
    return q.unit == "count" and q.kind in ("level", "range") and q.bound == "=" and q.grouping == "plain" \
        and not q.decimals and q.text[:1].isdigit() and q.text[-1:].isdigit()


def _list_goes_on(text: str, label_end: int, m) -> bool:
    """A comma alone continues a list only up to another member or the list's end: "Figs. 2, 5 and 7",
    "(phases 3, 5)", but not "in Fig. 10, 350 electrons were injected"."""
    join = text[label_end:m.start()]
    if "," not in join or "and" in join or "or" in join or "&" in join:
        return True
    nxt = text[m.end():m.end() + 5]
    return nxt[:1] in ",;:)]." or nxt == "" or nxt.startswith((" and ", " or ", " & "))


def _was_label(text: str, m) -> bool:
    """Whether a skipped match heads a list of labels: it follows a naming word ("Figs. 2", "phases 3")
    or has a letter glued after it ("Figures 3A"). Names ("COVID-19", "OPEC 2") head no list."""
    after = text[m.end():m.end() + 2]
    if after[:1] in P.ASCII_LETTERS and P.LABEL_AFTER.match(after):
        return True
    before = text[max(0, m.start(P.SCAN_NUM) - 40):m.start(P.SCAN_NUM)]
    if not before[-1:].isspace():
        return False
    word = word_before(before)
    if word in P.AGE_WORDS:
        return False  # "aged 18 to 21", "aged 66 and 50": ages, however "aged 45" alone is read
    names, bare_names, _ = label_word_kind(word)
    return names or bare_names
