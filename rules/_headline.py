"""Headline-to-body links for C101: a figure in an article's headline and the body figures that restate it.

Why a module of its own: the link is the hard part of C101 and is measured on its own (agree / disagree /
ambiguous on the untouched corpus). rules.statements calls `links` and adds what it returns to Facts as
`HeadlineLink` claims; the check (rules.restated_figure_mismatch) only compares their figures.

A headline is the document's first line when it reads as one: wire style (its letters upper case, the body's
not: "ACME CORP 1ST QTR NET PROFIT 5.1 MLN DLRS"), or a short line without closing punctuation followed by a
blank line (web style: "Exports rise 5% in March" + blank line + body). A headline figure is linked to the
body figures in the same unit and kind, within a factor of ten (a count of things, "1,500 jobs", only with the same
things, "150 jobs"), whose surroundings share a measure word with
the words around the headline figure (stemmed; "RISES"/"rose" and "QTR"/"quarter" count as shared). The
first such body figure is the restatement. C101 then calls the link:

- ``agree``: the first linked body figure's value lies in the headline figure's interval (a headline rounds
  the body: "5 PCT" over "4.8 pct");
- ``ambiguous``: it does not, but the body states the headline figure somewhere else (in any unit, or in a
  range), or the headline figure is the sum or difference of linked body figures in one sentence;
- ``disagree``: neither; the only status C101 reports.

What those need from the words is read here: the linked figures in runs within one sentence, and whether the
body writes the headline's numeral.
"""
from __future__ import annotations

from typing import Iterator

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import HeadlineLink
from statlint.checker.units import PERIODS

_FIRST_LINE_MAX = 200
_DIGIT = lazy_compile(r"\d")
_WORD = lazy_compile(r"[A-Za-z][A-Za-z'-]*")
_TICKER = lazy_compile(r"<[^<>\n]{1,12}>")
_NUMERAL = lazy_compile(r"\d[\d,.]*\d|\d")
_CLAUSE_STOP = lazy_compile(r"[,.!?;]\s|\n[ \t]")
_CLOSING = lazy_compile(r"[.!?;:,]['\"”’]?\s*\Z")

# Words that say nothing about which measure a figure is: units, scales, function words, dates.
_STOP = frozenset("""
a an the of in on at to for from by with and or vs as is are was were be been its it this that than
mln million billion bln bn pct percent per cent dlr dlrs dollar dollars stg yen marks francs guilders lire
crowns yuan pounds euros tonnes tons shares share us u.s uk u.k said says say new
jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
september october november december week month year mths
""".split())
_SYNONYMS = {
    "rise": "UP", "rises": "UP", "rose": "UP", "risen": "UP", "up": "UP", "gain": "UP", "gains": "UP",
    "gained": "UP", "increase": "UP", "increases": "UP", "increased": "UP", "climbs": "UP", "climbed": "UP",
    "jumps": "UP", "jumped": "UP", "grows": "UP", "grew": "UP", "higher": "UP",
    "fall": "DOWN", "falls": "DOWN", "fell": "DOWN", "fallen": "DOWN", "down": "DOWN", "drop": "DOWN",
    "drops": "DOWN", "dropped": "DOWN", "decline": "DOWN", "declines": "DOWN", "declined": "DOWN",
    "lower": "DOWN", "decrease": "DOWN", "decreased": "DOWN", "slips": "DOWN", "slipped": "DOWN",
    "qtr": "quart", "shr": "share", "revs": "reven", "oper": "oper", "operating": "oper", "gdp": "gdp",
    "jobless": "unemp",
    # inflation is told as a price index: "INFLATION FALLS TO 3.5 PCT" / "consumer prices fell to 3.5 pct"
    "inflation": "pric", "cpi": "pric", "living": "pric",
    # a deal's verbs: "SELLS"/"sold", "BUYS"/"bought"/"acquired"/"purchased"
    "sold": "sell", "bought": "buy", "acquire": "buy", "acquires": "buy", "acquired": "buy", "acquiring": "buy",
    "purchase": "buy", "purchases": "buy", "purchased": "buy",
}
_DIRECTIONS = frozenset(("UP", "DOWN"))  # shared with any figure that moved: not enough for a link alone
_WINDOW_WORDS = 3  # headline words either side of its figure
_BODY_BEFORE, _BODY_AFTER = 150, 40  # characters of body text around a candidate figure


def headline_end(text: str) -> int:
    """The end of the first line when it reads as a headline, else 0 (cheap: C-level string tests only)."""
    nl = text.find("\n", 0, _FIRST_LINE_MAX)
    if nl <= 0:
        return 0
    line = text[:nl]
    if not _DIGIT.search(line):
        return 0
    if line.isupper():
        body = text[nl:nl + 300]
        return nl if not body.isupper() and body != body.upper() else 0  # an upper-case line over a mixed body
    if text.startswith("\n", nl + 1) and len(line.split()) <= 16 and not _CLOSING.search(line):
        return nl  # web style: a short unpunctuated line, then a blank line
    return 0


def measure_key(word: str) -> str | None:
    """The key under which a word names a measure ("prices", "priced" -> "pric"; "revs" -> "reven"; "rose" ->
    "UP"), None for a word that names none (units, scales, function words, dates: _STOP). Also read by
    rules.claims (a series and a claim of one measure)."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _STOP or len(w) < 2:
        return None
    if w in _SYNONYMS:
        return _SYNONYMS[w]
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[:-len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # "price", "prices", "priced" -> "pric"; "rate", "rates" -> "rat"
    return w[:5]


# A measure written out in words that a headline abbreviates ("GDP GROWTH OF 4.4 PCT" over "Gross domestic
# product is expected to grow by 6.2 pct"): read as the abbreviation.
_SPELLED_OUT = lazy_compile(r"\bgross\s+(?:(domestic)|national)\s+product\b", regex.IGNORECASE)


def _abbreviated(text: str) -> str:
    return _SPELLED_OUT.sub(lambda m: "GDP" if m.group(1) else "GNP", text)


def measure_words(text: str) -> set[str]:
    """The keys of the words of `text` that may name a measure (measure_key: stop words out, stems, synonyms), "UP"
    and "DOWN" for direction words. Also read by rules.claims to tell whether a series and a claim name one
    measure."""
    return {s for s in map(measure_key, _WORD.findall(text)) if s}


def headline_words(text: str, hl_end: int, q) -> set[str]:
    """Measure words around a headline figure: a few words either side, tickers left out."""
    before = _abbreviated(_TICKER.sub(" ", text[:q.span.start]))
    after = _abbreviated(_TICKER.sub(" ", text[q.span.end:hl_end]))
    # The keys of the last few words before the figure that have one and of the first few after it. Each word's
    # key is made once, walking away from the figure, and only until enough are found: a wire headline's words
    # before its figure are many, and stemming them all was half of this function's cost.
    return _first_keys(reversed(_WORD.findall(before))) | _first_keys(_WORD.findall(after))


def _first_keys(words) -> set[str]:
    """The measure keys of the first _WINDOW_WORDS of `words` that have one."""
    keys: set[str] = set()
    found = 0
    for word in words:
        key = measure_key(word)
        if key:
            keys.add(key)
            found += 1
            if found == _WINDOW_WORDS:
                break
    return keys


def _base_unit(unit: str) -> str:
    """A unit without the period it is per: a headline drops "a year" ("NET 7.2 MLN DLRS" over "7.2 mln dlrs a
    year"), and the reader reads "4.0 mln dlrs a year earlier" as dollars per year."""
    base, slash, per = unit.rpartition("/")
    return base if slash and per in PERIODS.values() else unit


def _comparable(h, b) -> bool:
    if _base_unit(h.unit) != _base_unit(b.unit) or h.kind != b.kind or b.value <= 0:
        return False
    if _needs_same_things(h) and b.noun != h.noun.lower():
        return False  # a count of things only with the same things
    return h.value / 10 <= b.value <= h.value * 10


def _candidates(h, body) -> list:
    """The figures of `body` _comparable to `h`, the headline figure's unit and bounds read once for them all;
    for a count of things (_counted_figure), only body counts of the same things ("1,500 jobs" / "150 jobs")."""
    unit, kind, low, high = _base_unit(h.unit), h.kind, h.value / 10, h.value * 10
    found = [b for b in body if b.kind == kind and b.value > 0 and low <= b.value <= high and _base_unit(b.unit) == unit]
    if _needs_same_things(h):
        found = [b for b in found if b.noun == h.noun.lower()]
    return found


# Things a headline counts that name their measure ("Factory to cut 1,500 jobs", "Storm destroys 2,300 homes"):
# a count of them is a headline figure however small.
_COUNTED_NOUNS = frozenset("""
jobs workers employees staff people residents homes houses households families passengers visitors tourists
students pupils patients deaths cases infections refugees migrants troops soldiers flights vehicles cars
""".split())


def _counted_figure(q) -> bool:
    return q.noun is not None and q.noun.lower() in _COUNTED_NOUNS and q.bound == "=" and q.grouping != "malformed"


def _needs_same_things(h) -> bool:
    """Whether headline figure `h` is a small count of things (_counted_figure), restated only by a count of the
    same things (_comparable, _candidates)."""
    return h.unit == "count" and h.value < 1e6 and _counted_figure(h)


def _headline_figure(text: str, q) -> bool:
    """Figures a headline states as a measure: digits, not a range or score, not a bare small count."""
    if q.value <= 0 or q.grouping == "malformed" or q.kind == "range" or not any(c.isdigit() for c in q.text):
        return False
    if q.unit == "count" and q.value < 1e6 and not _counted_figure(q):
        return False  # "GM LAYING OFF 5,500", "SIX MTHS", dates: a bare count names no measure
    return not _RANGE_NEXT.match(text, q.span.end) and not _RANGE_BEFORE.search(text, max(0, q.span.start - 6), q.span.start)


_RANGE_NEXT = lazy_compile(r"\s*(?:[-/]\s*\d|(?:to|and)\s+\d|,\s*\d)", regex.IGNORECASE)
_RANGE_BEFORE = lazy_compile(r"(?:\d\s*(?:-|/|to|and|,)\s*)\Z")
# A sentence end, or a line break before an indented line (a new paragraph or table row in wire copy).
_SENTENCE_END = lazy_compile(r"[.!?;]['\"”’]?\s|\n[ \t]", regex.REVERSE)


def _numeral_in_body(text: str, hl_end: int, h) -> bool:
    """Whether the body writes the headline figure's numeral, when that numeral is specific (three significant
    digits or more: "743.7", "13.65"; not "51" or "150")."""
    numeral = _NUMERAL.match(h.text)
    if not numeral or len(numeral.group(0).replace(",", "").replace(".", "").strip("0")) < 3:
        return False
    # ("104" is not written in "104-3/8", a bond's price of 104 3/8)
    return bool(regex.search(rf"(?<![\d.,]){regex.escape(numeral.group(0))}(?![\d]|[.,]\d|-\d+/\d)", text, pos=hl_end))


def _sentence_runs(text: str, linked) -> tuple[tuple, ...]:
    """The linked figures in runs of neighbours with no sentence end between them (a headline may state the sum
    of figures listed in one sentence: "500 mln dlrs of notes and 200 mln dlrs of bills" -> 700)."""
    runs: list[list] = []
    for q in linked:
        if runs and not _SENTENCE_END.search(text, runs[-1][-1].span.end, q.span.start):
            runs[-1].append(q)
        else:
            runs.append([q])
    return tuple(tuple(r) for r in runs)


def _context_text(text: str, lo: int, b) -> str:
    """The body figure's own sentence shortly before it and its clause after it, measures abbreviated."""
    start = max(lo, b.span.start - _BODY_BEFORE)
    end_m = _SENTENCE_END.search(text, start, b.span.start)
    if end_m:
        start = end_m.end()
    after = text[b.span.end:b.span.end + _BODY_AFTER]
    stop = _CLAUSE_STOP.search(after)  # the figure's own clause
    return _abbreviated(text[start:b.span.start] + " " + (after[:stop.start()] if stop else after))


def _context_words(text: str, lo: int, b) -> set[str]:
    """Measure words of the body figure's own sentence shortly before it, and of its clause after it.

    Capitalised words other than the first are names ("Northland's steel output"), not measures: left out.
    """
    return _stems_of(_context_text(text, lo, b))


def _stems_of(context: str) -> set[str]:
    """The stems of the words of `context` but names (capitalised words other than the first)."""
    words = _WORD.findall(context)
    kept = words[:1] + [w for w in words[1:] if not (w[0].isupper() and not w.isupper())]
    return {s for s in map(measure_key, kept) if s}


def _needles(stems: set[str]) -> tuple[str, ...]:
    """What a text must hold, lower-cased, for one of its words to stem to one of `stems`: the stem itself or
    a word _SYNONYMS maps to it.

    Why that holds: _WORD takes ASCII letters only, and measure_key lower-cases a word, strips "'" and "-", and then
    either looks it up in _SYNONYMS or only cuts letters off its end; what is left is a prefix of the word."""
    return tuple(stems | {word for word, stem in _SYNONYMS.items() if stem in stems})


def _shares_a_stem(text: str, lo: int, b, stems: set[str], needles: tuple[str, ...]) -> bool:
    """Whether a word of the body figure's context (_context_words) stems to one of `stems`.

    Stemming every word of the context was most of the link's cost: only a word that starts with one of
    `needles` (_needles) is stemmed, and a context without one of them anywhere is passed over at once."""
    context = _context_text(text, lo, b)
    lowered = context.lower()
    if not any(needle in lowered for needle in needles):
        return False
    for k, word in enumerate(_WORD.findall(context)):
        if k and word[0].isupper() and not word.isupper():
            continue  # a name, as in _stems_of
        if word.lower().startswith(needles) and measure_key(word) in stems:
            return True
    return False


def links(doc, facts, hl_end: int | None = None) -> Iterator[HeadlineLink]:
    """A HeadlineLink for every headline figure with at least one linked body figure.

    `hl_end` is headline_end(doc.text) when the caller has it already."""
    text = doc.text
    if hl_end is None:
        hl_end = headline_end(text)
    if not hl_end:
        return
    quantities = facts.quantities
    heads = [q for q in quantities if q.span.end <= hl_end and _headline_figure(text, q)]
    if not heads:
        return
    body = tuple(q for q in quantities if q.span.start > hl_end)
    for h in heads:
        cands = _candidates(h, body)
        if not cands:
            continue
        measures = headline_words(text, hl_end, h) - _DIRECTIONS  # a shared direction alone is no link
        if not measures:
            continue
        needles = _needles(measures)
        linked = tuple(b for b in cands if _shares_a_stem(text, hl_end, b, measures, needles))
        if not linked:
            continue
        # sums and differences are of figures with an end: "over 300,000 tonnes" sums to anything
        closed = [q for q in linked if q.bound not in (">", "<")][:20]
        yield HeadlineLink(head=h, linked=linked, groups=_sentence_runs(text, closed), body=body,
                           numeral_in_body=_numeral_in_body(text, hl_end, h))
