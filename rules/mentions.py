"""Extractor: a percentage stated as the level of a measure with natural bounds.

"unemployment of 95%", "the jobless rate stood at 55 pct", "GDP growth of 45% a year", "turnout was 120%",
"unemployment was unchanged at 99% last month", "the load factor went up to 105%": the words before the figure
name the measure and tie the figure to it as its level (of, at, was, stood at, reached, rose to, was
unchanged at, went up to...), not as a change in it ("unemployment fell 50 pct", "a 5% rise in turnout").
Each such figure becomes a `Mention` whose `measure` is a key ("unemployment", "gdp-growth", "turnout",
"approval", "literacy", "load-factor", "participation", "employment", "pass-rate"); P105 holds the bounds of
each and does the comparison.
"""
from __future__ import annotations


import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Mention, Span, replace
from statlint.rules.periods import year_of

# "<measure> stood at / of / was / reached / went up to / was unchanged at X%": the figure is the level of the
# measure, not a change in it. A verb that moves the measure ("rose", "went up", "edged down") ties a level only
# with "to" ("rose to 9.5%"; "rose 5%" is a change); a verb of state ("stood", "remained", "held", "was
# unchanged", "came in") with "at"; "was", "hit", "reached", "averaged", "topped" take the figure directly.
_MOVE = (r"(?:rose|fell|climbed|dropped|jumped|declined|increased|decreased|eased|slipped|surged|soared|slid|sank|"
         r"dipped|shot|went|moved|edged|ticked|crept|inched|grew|was|were|has\s+been|had\s+been)"
         r"(?:\s+(?:up|down|higher|lower|back|sharply|slightly))?\s+to")
_STATE = (r"(?:(?:was|is|were|has\s+been|had\s+been|remained|stayed|held|stood|came\s+in|settled|steadied|peaked|"
          r"bottomed\s+out)(?:\s+(?:unchanged|steady|stable|flat|firm))?\s+at)")
_DIRECT = (r"(?:of|at|to|was|is|were|has\s+been|had\s+been|stood\s+at|reached|hit|touched|topped|averaged|"
           r"remained|stayed)")
_LINK = (r"(?:\s+in\s+[A-Z][\w-]+)?(?:\s+(?:last|this|that|the\s+previous)\s+(?:month|year|quarter|week))?"
         rf"\s+(?:{_MOVE}|{_STATE}|{_DIRECT})\s+(?:a\s+(?:record\s+)?(?:high\s+of\s+|low\s+of\s+)?)?\Z")


def _measure(words: str):
    return lazy_compile(r"\b(?:" + words + r")" + _LINK, regex.IGNORECASE | regex.REVERSE)


# (pattern, measure key, required words): every match of the pattern holds, for each group of required
# words, one of that group's words (lower-case, as rules._gates.may_contain takes them). A window lacking
# them is not searched, so a pattern is compiled and run only near its own words: all share the long
# _LINK, and compiling every one costs a short article more than checking it ("passenger" is not "pass rate").
MEASURES = (
    (_measure(r"unemployment(?:\s+rate)?|jobless(?:ness)?(?:\s+rate)?"), "unemployment", (("employment", "jobless"),)),
    (_measure(r"(?:GDP|gross\s+domestic\s+product|economic)\s+growth(?:\s+rate)?"), "gdp-growth", (("growth",),)),
    (_measure(r"(?:voter\s+)?turnout"), "turnout", (("turnout",),)),
    (_measure(r"approval\s+rating"), "approval", (("approval",), ("rating",))),
    (_measure(r"literacy\s+rate"), "literacy", (("literacy",), ("rate",))),
    (_measure(r"(?:passenger\s+)?load\s+factor"), "load-factor", (("factor",), ("load",))),
    (_measure(r"(?:labou?r(?:\s+force)?\s+)?participation\s+rate"), "participation", (("participation",), ("rate",))),
    (_measure(r"employment\s+rate"), "employment", (("employment",), ("rate",))),
    (_measure(r"pass\s+rate"), "pass-rate", (("pass",), ("rate",))),
)
# A word every match of one of the MEASURES contains: no such word in the text, no search per figure.
_MEASURE_WORDS = tuple(sorted({word for _, _, required in MEASURES for word in required[0]}))
_CHANGE_AFTER = lazy_compile(r"\s+(?:a\s+year\s+)?(?:increase|rise|decline|drop|fall|jump|gain|higher|lower)\b",
                              regex.IGNORECASE)
_REACH = 70  # characters before the figure the measure words may take


def _holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in lowered:
            return True
    return False


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    # Most articles give no percentage, and few of the rest name one of these measures near one: each figure's
    # window is tested for the measure words (_gates.may_contain, a copy of 70 characters lowered), which is all
    # a test of the whole article could skip, and costs less than it (a lowered copy of the article and a pass
    # over it for each word, in most articles that hold a percentage for nothing: "growth" is common).
    found = []
    for q in facts.quantities:
        if q.unit != "percent" or q.kind != "level":
            continue
        start = max(0, q.span.start - _REACH)
        window = text[start:q.span.start]
        # _gates.may_contain(window, words) for each group of words, on one lowered copy of the window: it is
        # "a word in window.lower(), or 'İ'/'ſ' in window" (a window is far below may_contain's 1 MB pieces)
        lowered = window.lower()
        odd = not window.isascii() and ("\u0130" in window or "\u017f" in window)
        if not (odd or _holds_any(lowered, _MEASURE_WORDS)) or _CHANGE_AFTER.match(text, q.span.end):
            continue
        for pattern, measure, required in MEASURES:
            if not odd and not all(_holds_any(lowered, words) for words in required):
                continue
            m = pattern.search(text, start, q.span.start)
            if m:
                found.append(Mention(span=Span(m.start(), q.span.end), value=q, measure=measure,
                                     year=year_of(text, q), link=Link.SENTENCE))
                break
    return replace(facts, mentions=tuple(found)) if found else facts
