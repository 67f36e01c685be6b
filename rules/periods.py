"""Extractor and the one reader of years and periods: which year a figure is for, and whether a rate is per year.

Why one reader: three checks used to read "the year near a figure" each their own way (after it, around it,
"in" only), so the same sentence gave one check a year and another none. Every extractor that needs a year
(rules.claims for a "respectively" base, rules.priors for an earlier figure) asks `year_of`; `extract`
writes what a change claim needs into the claim itself: `period` ("year" for "an average annual increase
of 7%", "7% a year", "a CAGR of 7%") and `old_year`/`new_year`.

The year of a figure is, in order: the one the number reader set; one stated right after it ("3.4 million
in 2020", "45.2 billion dlrs in 1985", not across another figure or a clause break); one stated shortly
before it in its clause ("In 2023 they reached 4.2 million", "Exports in 1986 rose to 38.1 billion"), unless
the words between tie it to another figure ("... of 1987 from 1.87 billion", "from 69 in 1984 to 298") or
a figure stands right before the year ("fell to 4.64 from 5.48 in 1985 on turnover of 627.8 mln").

A change with a base figure gets `years`, the number of years it spans: the two figures' years, else a range
its sentence states ("between 2010 and 2018", "from 2010 to 2018", "in 2010-18", which also give the figures'
years when they have none; "since 2010" with a new figure for 2018), else a duration ("over eight years", "in the
past decade", "in the five years to 2018"), stated before the change's last figure or shortly after it. A change with no base figure ("In 2024 volume fell 25% to 496.8 million tonnes") takes the year of
its clause for its new figure when the figure has none: a lone "in 2024" before the verb, with no other
figure, other year or part of a year ("first-quarter", "March") between the sentence start and the verb.
"""
from __future__ import annotations

import bisect
from array import array
from typing import Iterator

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Quantity, replace
from statlint.rules._gates import may_contain

# After the figure: up to 25 characters without a digit, a clause break, a skeleton token or the unit of a figure
# written in words ("7.6 pct last year to five pct in 1987": 1987 is five pct's), then the year.
_YEAR_AFTER = lazy_compile(
    r"(?:(?!\b(?:pct|percent|per\s+cent|mln|million|billion|bln|dlrs)\b)[^.;⟨\d]){0,25}?"
    r"\b(?:in|by|of|for|during)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)", regex.IGNORECASE)
# Before the figure, in its clause: the nearest year within 25 characters, with nothing numeric after it, and
# not the year of the other figure of a change: "rose to 2.35 billion in ... 1987 from 1.87 billion", "jumped
# from 69 in 1984 to 298" (no "from"/"against"/"compared" between, no "to" right after the year).
_YEAR_BEFORE = lazy_compile(
    # "5.48 in 1985 on turnover of", "350 mln dlrs in 1987, increasing to", "2.1 pct at the end of 1986, is
    # likely to rise to": the year of the figure a few words before it
    r"(?<!\d(?:[\w%,]|\.(?=\d)){0,12}\s{1,3}(?:[A-Za-z]{1,12}\s{1,3}){0,4})"
    r"\b(?:in|of|for|during)\s+((?:19|20)\d\d)\b(?!,?\s+to\b)"
    r"(?:(?!\b(?:from|against|versus|vs|compared)\b)[^.;⟨\d]){0,25}\Z", regex.IGNORECASE | regex.REVERSE)
_WINDOW = 40
# Every year either pattern reads: "19" or "20" and two more digits (regex's \d, as in the patterns).
_YEAR_DIGITS = lazy_compile(r"(?:19|20)\d\d")

_ANNUAL_BEFORE = lazy_compile(
    r"\b(?:compound(?:ed)?\s+annual|average\s+annual|annual\s+average|average\s+yearly|annualised|annualized|CAGR)"
    r"(?:\s+(?:growth|increase|rise|decline|rate|return)){0,2}(?:\s*+\(\s*+CAGR\s*+\))?"
    r"(?:\s+(?:rate\s+)?(?:of|at|was|by))?\s+(?:an?\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
_ANNUAL_AFTER = lazy_compile(
    # (possessive white space: "\s*" before "\s+" backtracked quadratically on a run of spaces; tests/test_patterns.py)
    r"\s*+\(\s*+CAGR\s*+\)|\s++(?:(?:a|per|each|every)\s++year\b|per\s++annum\b|annually\b|(?:average\s++)?annual(?:ly)?\b|"
    r"on\s++average\b|"
    r"(?:compound\s++)?annual\s++growth)", regex.IGNORECASE)


def year_of(text: str, q: Quantity) -> int | None:
    """The year the figure `q` is for, when the words say it (see the module docstring), else None.

    Each pattern runs only when its stretch of text holds a year's first two digits (_may_hold_year):
    most figures have none within _WINDOW characters, and a pattern call costs more than two finds."""
    if q.year is not None:
        return q.year
    end = q.span.end
    if _year_after_word(text, end, end + _WINDOW, _YEAR_WORDS):
        m = _YEAR_AFTER.match(text, end, end + _WINDOW)
        if m:
            return int(m.group(1))
    start = max(0, q.span.start - _WINDOW)
    if not _year_after_word(text, start, q.span.start, _YEAR_WORDS):
        return None
    m = _YEAR_BEFORE.search(text, start, q.span.start)
    return int(m.group(1)) if m else None


def _may_hold_year(text: str, start: int, end: int) -> bool:
    """False only when no year any pattern of this module reads lies in text[start:end]. Exact: every one of
    them reads a year as the ASCII digits "19" or "20" and two more (the last two may be any \\d), inside its
    match, and each match lies between the pos and endpos it is given: str.find finds those two digits
    there, in C, without a copy of the stretch."""
    return text.find("19", start, end) != -1 or text.find("20", start, end) != -1


# The words right before a year (and white space) in _YEAR_AFTER ("in|by|of|for|during") and _YEAR_BEFORE.
_YEAR_WORDS = ("in", "by", "of", "for", "during")


def _year_after_word(text: str, start: int, end: int, words: tuple[str, ...], then: tuple[str, ...] = ()) -> bool:
    """False only when no year in text[start:end] stands after one of `words` (lower-case ASCII, at most seven
    letters) and white space, and, given `then`, before white space and one of those.

    Why: a pattern reading "in 1986" is a case-insensitive scan of tens of microseconds (_YEAR_RANGE, _YEAR_AFTER),
    and in most stretches holding a year the year stands after other words ("the 1986 budget", "1986-87").
    Exact: each pattern reads its year as "19"/"20" inside its match, right after \\s+ and its word (also inside
    the match, which lies in text[start:end]); str.isspace() takes in every character \\s matches, so the walk
    back over white space ends right after the word, and its lower case ends with one of `words`, but for "İ"
    and "ſ" (rules._gates: a stretch holding either always passes). After the year (two more characters: \\d
    is one code point), the same walk and the first letters of `then`.
    """
    for digits in ("19", "20"):
        at = text.find(digits, start, end)
        while at != -1:
            k = at
            while k > start and text[k - 1].isspace():
                k -= 1
            if k < at:
                before = text[max(start, k - 7):k]
                if before.lower().endswith(words) or _odd_fold(before):
                    if not then:
                        return True
                    j = at + 4
                    while j < end and text[j].isspace():
                        j += 1
                    after = text[j:min(end, j + 7)]
                    if after.lower().startswith(then) or _odd_fold(after):
                        return True
            at = text.find(digits, at + 1, end)
    return False


def _odd_fold(piece: str) -> bool:
    return not piece.isascii() and ("\u0130" in piece or "\u017f" in piece)


class YearGate:
    """Where the text holds a year at all, so year_of's two patterns run only near one.

    Why: rules.priors asks year_of for every level figure of a document once one change claim needs a
    base; on a document of megabytes that is a hundred thousand pattern calls, most of them far from
    any year, and a step in the time a document 4x longer takes. One digit-anchored scan finds every
    place a year could be; a figure with none within _WINDOW characters of it has no year (either
    pattern's year lies inside that window), which a bisect tells.

    Given `years`, the gate looks for those years only: year_of then answers year_of(text, q) when that
    is one of them, else year_of(text, q) or None (rules.priors asks which figures are for the year before
    a claim's, and nothing else). In ASCII text each is then found by str.find, in C: the pattern scan of
    every "19.."/"20.." in 5 MB of news took 30 ms, a step in the time of the first document long
    enough to hold a claim that needs its prior.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str, years: set[int] | None = None):
        self.text = text
        # (an array: a 20 MB file of news writes a year every hundred characters, and a list of ints
        # holds 36 bytes for each where the array holds 8)
        if years is not None and text.isascii():
            # every place one of `years` is written: a superset of where _YEAR_DIGITS reads it (which
            # skips one overlapping another, "192019"), and in ASCII text \d is only 0-9
            self.starts = array("q", sorted(at for year in years for at in _places(text, str(year))))
        else:
            self.starts = array("q", (m.start() for m in _YEAR_DIGITS.finditer(text)))

    def year_of(self, q: Quantity) -> int | None:
        """year_of(text, q), the same answer (with `years`, see the class docstring)."""
        if q.year is not None:
            return q.year
        i = bisect.bisect_left(self.starts, q.span.start - _WINDOW)
        if i == len(self.starts) or self.starts[i] >= q.span.end + _WINDOW:
            return None
        return year_of(self.text, q)

    def near(self, figures: list[Quantity], starts: list[int], years: set[int]) -> list[Quantity]:
        """The figures (in text order, `starts` their starts) year_of may give one of `years`: those the
        reader dated, and those within _WINDOW characters of one of those years written out. Asked for
        the year before a change claim's, this is a few figures near a few years, not every figure of
        the document."""
        if not figures:
            return []
        chosen = {i for i, q in enumerate(figures) if q.year is not None}
        longest = max(q.span.end - q.span.start for q in figures)
        for at in self.starts:
            if not _may_be_one_of(self.text[at:at + 4], years):
                continue
            # a figure near this year starts within _WINDOW after it, or ends within _WINDOW before it
            for i in range(bisect.bisect_left(starts, at - _WINDOW - longest), bisect.bisect_right(starts, at + _WINDOW)):
                q = figures[i]
                if q.span.start - _WINDOW <= at < q.span.end + _WINDOW:
                    chosen.add(i)
        return [figures[i] for i in sorted(chosen)]


def _places(text: str, word: str) -> Iterator[int]:
    """Every offset where `word` starts in `text`, overlapping ones too."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _may_be_one_of(digits: str, years: set[int]) -> bool:
    """Whether four digits found by _YEAR_DIGITS read as one of `years` (or cannot be read by int():
    a digit newer than Python's tables, which year_of itself would meet)."""
    try:
        return int(digits) in years
    except ValueError:
        return True


def is_annual(text: str, rate: Quantity) -> bool:
    """ "an average annual growth of 7%", "7% a year", "a CAGR of 7%": a rate per year, not over the whole span.

    _ANNUAL_BEFORE runs only when its 50 characters hold one of its words (_ANNUAL_WORDS, _gates.may_contain),
    and _ANNUAL_AFTER only when the rate is followed by white space or a bracket, with which every one of its
    branches opens (str.isspace() takes in every character regex's \\s does)."""
    start = max(0, rate.span.start - 50)
    if may_contain(text[start:rate.span.start], _ANNUAL_WORDS) \
            and _ANNUAL_BEFORE.search(text, start, rate.span.start):
        return True
    after = text[rate.span.end:rate.span.end + 1]
    return (after.isspace() or after == "(") and bool(_ANNUAL_AFTER.match(text, rate.span.end))


# Every match of _ANNUAL_BEFORE holds one of these words, in some case: each of its alternatives names "annual",
# "yearly" or "CAGR" ("compounded annual", "average yearly", "annualised").
_ANNUAL_WORDS = ("annual", "yearly", "cagr")


# A range of years in a change's sentence: "between 2010 and 2018", "from 2010 to 2018", "in 2010-18".
_YEAR_RANGE = lazy_compile(
    r"\b(?:between\s+((?:19|20)\d\d)\s+and|(?:from|in|over|during|for)\s+(?:the\s+)?((?:19|20)\d\d)\s*+(?:-|–|to|through))"
    r"\s*+((?:19|20)?\d\d)\b(?!\s*+[-–/]\s*+\d)", regex.IGNORECASE)
# A duration: "over eight years", "in the past five years", "over the last decade", "in the eight years to 2018".
_DURATION_BEFORE = lazy_compile(
    r"\b(?:over|in|during|across|within)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|next\s+|following\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
_DECADE = lazy_compile(
    r"\b(?:over|in|during|across|within)\s+(?:the\s+|a\s+)?(?:past\s+|last\s+|previous\s+)?decade\b", regex.IGNORECASE)
_YEARS_NOUNS = frozenset({"year", "years"})
# The year of a clause: "In 2024 volume fell ...", "Exports in 1986 rose ...": "in"/"during" right before it.
_CLAUSE_YEAR = lazy_compile(r"\b(?<!\bof\s)(?:in|during)\s+((?:19|20)\d\d)\b", regex.IGNORECASE)
_ANY_YEAR = lazy_compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
# A part of the year before the verb ("In 2024, first-quarter volume fell ..."): the clause is not the year.
_PART_OF_YEAR = lazy_compile(
    r"\b(?:quarter|half|months?|weeks?|season|period|fiscal|financial|first|second|third|fourth|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|[1-4]Q|Q[1-4]|H[12])\b", regex.IGNORECASE)


# The words before and after the first year of _YEAR_RANGE ("between 2010 and", "from the 2010 to", "in 2010-18").
_RANGE_WORDS = ("between", "from", "in", "over", "during", "for", "the")
_RANGE_THEN = ("and", "-", "\u2013", "to", "through")
_SINCE = lazy_compile(r"\bsince\s+((?:19|20)\d\d)\b(?!\s*+[-–/]\s*+\d)", regex.IGNORECASE)
_AFTER_CLAIM = 40  # characters after a change's last figure in which its span of years may still be stated
_BEFORE_CLAIM = 120  # characters before a change's first word in which it may be stated ("Between 2012 and 2020 the
# fleet grew ..."), and the most a clause may run before its verb for its year to be read: every search stays near
# its change, so a long line of changes is read in linear time (tests/test_bad_input.py)


def _span_years(text: str, sentence, g, durations, duration_starts, y0: int | None,
                y1: int | None) -> tuple[int | None, int | None, int | None]:
    """(old_year, new_year, years) of a change with both figures (see the module docstring), given y0 and y1,
    year_of its old and new figure. A range or a duration counts from the sentence start to shortly after
    the change's last figure: one further on ("..., adding it expects sales to double over five years") is
    another clause's. A range and "since" name a year: their patterns run only where one may be written."""
    if y0 is not None and y1 is not None:
        return y0, y1, (y1 - y0 if y1 > y0 else None)
    last = max(q.span.end for q in (g.old, g.new, g.rate) if q is not None)
    first = min([q.span.start for q in (g.old, g.new, g.rate) if q is not None] + [g.span.start])
    start, end = max(sentence.start, first - _BEFORE_CLAIM), min(sentence.end, last + _AFTER_CLAIM)
    dated = _may_hold_year(text, start, end)
    ranges = list(_YEAR_RANGE.finditer(text, start, end)) \
        if dated and _year_after_word(text, start, end, _RANGE_WORDS, _RANGE_THEN) else []
    if len(ranges) == 1:
        m = ranges[0]
        first = int(m.group(1) or m.group(2))
        final = m.group(3)
        final = int(final) if len(final) == 4 else first // 100 * 100 + int(final)
        if final > first and y0 in (None, first) and y1 in (None, final):
            return first, final, final - first
    since = list(_SINCE.finditer(text, start, end)) if dated and y1 is not None and y0 is None else []
    if y1 is not None and y0 is None and len(since) == 1 and int(since[0].group(1)) < y1:
        y0 = int(since[0].group(1))  # "has risen to 217 million in 2018 since 2010, from 117 million"
        return y0, y1, y1 - y0
    spans = [q for q in durations[bisect.bisect_left(duration_starts, start):bisect.bisect_left(duration_starts, end)]
             if _DURATION_BEFORE.search(text, max(start, q.span.start - 30), q.span.start)]
    decades = list(_DECADE.finditer(text, start, end)) if may_contain(text[start:end], ("decade",)) else []
    if len(spans) + len(decades) == 1:
        n = int(spans[0].value) if spans else 10
        if spans and spans[0].value != n:
            return y0, y1, None
        if y1 is not None and y0 is None:
            y0 = y1 - n
        return y0, y1, n
    return y0, y1, None


def clause_year(text: str, sentence, verb_start: int, quantities_before: bool) -> int | None:
    """The year of the clause a change's verb stands in: one "in 2024" between the sentence start and the
    verb, no other year there and no figure (`quantities_before`)."""
    if quantities_before or verb_start - sentence.start > _BEFORE_CLAIM:
        return None
    head = text[sentence.start:verb_start]
    years = _ANY_YEAR.findall(head)
    if len(years) != 1 or _PART_OF_YEAR.search(head):
        return None
    m = _CLAUSE_YEAR.search(head)
    return int(m.group(1)) if m else None


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.growths:
        return facts
    text = doc.text
    durations = [q for q in facts.quantities if q.unit == "year" or (q.noun in _YEARS_NOUNS and q.unit == "count")]
    duration_starts = [q.span.start for q in durations]
    starts = [q.span.start for q in facts.quantities]
    growths = []
    changed = False
    for g in facts.growths:
        period = "year" if g.rate is not None and is_annual(text, g.rate) else ""
        old_year = year_of(text, g.old) if g.old is not None else None
        new_year = year_of(text, g.new) if g.new is not None else None
        years = None
        if g.old is not None and g.new is not None:
            old_year, new_year, years = _span_years(text, doc.sentence_of(g.new.span.start), g, durations,
                                                       duration_starts, old_year, new_year)
        elif g.new is not None and new_year is None and g.verb is not None:
            sentence = doc.sentence_of(g.verb.start)
            before = bisect.bisect_left(starts, g.verb.start) > bisect.bisect_left(starts, sentence.start)
            new_year = clause_year(text, sentence, g.verb.start, before)
        if period or old_year is not None or new_year is not None or years is not None:
            g = replace(g, period=period, old_year=old_year, new_year=new_year, years=years)
            changed = True
        growths.append(g)
    # (no claim changed: the Facts replace() would build is an equal value, at a cost)
    return replace(facts, growths=tuple(growths)) if changed else facts
