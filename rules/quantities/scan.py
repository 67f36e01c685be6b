"""The digit scan: every numeral in the text, read or recorded as not read.

One digit-anchored pattern (rules._patterns.SCAN) finds numerals with what
follows them; reader.read_match reads each. Lists of labels ("Figs. 2 and 3",
"phases 3, 5 and 7") are followed so that their later members are not read as
counts, and every digit no quantity covers is recorded (unread_digits). The scan
runs as SCAN_OR_RUN, which also yields the runs of digits no numeral begins at,
so the digits are found once: unread_digits decides only the runs the scan could
not account for (scan_digits says which).
"""
from __future__ import annotations

from statlint.checker.model import Quantity, Span, new_span
from statlint.rules import _patterns as P
from statlint.rules.quantities.labels import label_word_kind, word_before
from statlint.rules.quantities.reader import read_match


def read_digits(text: str) -> tuple[list[Quantity], list[Span]]:
    """(quantities in text order, spans of the numerals not read)."""
    quantities, skipped, _ = scan_digits(text)
    return quantities, skipped


def scan_digits(text: str) -> tuple[list[Quantity], list[Span], list[Span]]:
    """(quantities in text order, spans of the numerals not read, the digit runs that may be covered by none).

    The third list is every run of digits that neither a quantity read here nor a numeral skipped here holds
    whole, and perhaps a few that one does: the runs no SCAN match begins at ("G20", "12:30"), those of a
    match that its quantity or its skipped numeral does not take in whole ("1990-91" skipped as years:
    the "91"), and those of a match that starts inside the quantity before it. unread_digits decides them.
    Why: every other run is held by the quantity or the skipped numeral of its own match, and finding the
    runs once more over the whole text, to test each against both lists, cost most of the time of this scan.
    """
    quantities: list[Quantity] = []
    skipped: list[Span] = []
    loose: list[Span] = []
    label_end = -1  # where the last number read as a label ("Figs. 2", "phases 3") ends
    read_end = 0  # where the last quantity read ends ("4.3 × 10−8" takes in the "10" and the "8")
    # A skipped match whose label test (_was_label) waits for the next match: the test matters only when that
    # one starts within 7 characters, and most skipped numbers (years, dates) have no other number so near.
    pending = None
    # (new_span(a, b) is Span(a, b) built in a third of the time: checker.model; ~15,000 spans per corpus here)
    for m in P.SCAN_OR_RUN.finditer(text):
        match_start, match_end = m.span()
        num_start, num_end = m.span(P.SCAN_NUM)
        if num_start < 0:  # a run of digits no numeral begins at: not a SCAN match
            loose.append(new_span(match_start, match_end))
            continue
        if match_start < read_end:
            if match_end > read_end:
                _runs_between(text, match_start, match_end, loose)
            continue
        if pending is not None:
            label_end = pending.end() if match_start - pending.end() <= 7 and _was_label(text, pending) else -1
            pending = None
        q = read_match(text, m)
        if label_end >= 0 and match_start - label_end <= 7:
            if (q is None or _is_bare(q)) and P.LIST_JOIN.fullmatch(text, label_end, match_start) \
                    and _list_goes_on(text, label_end, m):
                # "phases 3, 5 and 7", "Figs. 2 and 3": the list goes on naming labels
                skipped.append(new_span(num_start, num_end))
                if match_end > num_end:
                    _runs_between(text, num_end, match_end, loose)
                label_end = match_end
                continue
            label_end = -1
        if q is None:
            skipped.append(new_span(num_start, num_end))
            if match_end > num_end:
                _runs_between(text, num_end, match_end, loose)
            pending = m
        else:
            quantities.append(q)
            read_end = q.span.end
            if q.span.start > match_start or read_end < match_end:
                _runs_between(text, match_start, match_end, loose)
    return quantities, skipped, loose


def _runs_between(text: str, start: int, end: int, runs: list[Span]) -> None:
    """Append the runs of digits in text[start:end] to `runs`: `start` and `end` are no run's inside
    (a SCAN match begins on a run's first digit and ends at a run's end or after a character that is no digit;
    a numeral ends at a run's end), so each run is whole."""
    runs.extend(Span(*r.span()) for r in P.DIGIT_RUN.finditer(text, start, end))


def unread_digits(runs: list[Span], quantities: list[Quantity], skipped: list[Span]) -> list[Span]:
    """The digit runs no quantity and no skipped match covers, to be recorded as skipped.

    The scan starts numbers only where a number can start, so digits glued to a word
    ("G20", "MP3", "CO2") or after a colon (the "30" of "12:30") are never matched; a
    reader that silently passes over a digit is how a checker misses a figure and
    says nothing (statcheck skipped negative p-values). Recording them keeps every
    digit of the text accounted for: read as part of a quantity, or listed as not read
    (`statlint extract` shows both; a test asserts it over the real corpus).

    `runs` are the runs scan_digits could not account for (a few in a hundred: every other run is held whole
    by its own match's quantity or skipped numeral, and the quantities that follow the scan only grow or add
    spans); `quantities` is sorted by start; `skipped` is in text order. A run is covered when one span holds
    it whole. One walk with a pointer into each list.
    """
    if not runs:
        return []  # (most texts: no list of the quantities' spans made)
    read = [q.span for q in quantities]
    n_read, n_passed = len(read), len(skipped)
    r = p = 0  # the first span of each list that ends after the runs passed so far
    out = []
    for run in runs:
        start, end = run.start, run.end
        while r < n_read and read[r].end <= start:
            r += 1
        if _covers(read, r, n_read, start, end):
            continue
        while p < n_passed and skipped[p].end <= start:
            p += 1
        if not _covers(skipped, p, n_passed, start, end):
            out.append(run)
    return out


def _covers(spans: list[Span], i: int, n: int, start: int, end: int) -> bool:
    """Whether a span of `spans` (in text order, not overlapping) from spans[i] on holds start..end whole;
    spans before spans[i] end at or before `start`. One that starts at or before the run and ends inside it
    holds it not, and the next one may."""
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
