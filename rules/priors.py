"""Extractor: last year's figure for a year-on-year change, when another sentence states it.

"Sales were 3.1 million units in 2022. In 2023 they reached 4.2 million units, up 60%." The change claim
in the second sentence has a rate and a new figure (for 2023) but no base; the base is the same
measure's figure for 2022, stated earlier. This links it into `Growth.prior` (with `prior_link`:
PARAGRAPH within the claim's paragraph, ARTICLE further back), and G106 does the arithmetic.

Linked only when the link is safe:
- the claim is a rise or fall in percent, per year-on-year (not an average annual rate), on a level
  figure (not a percentage) whose year is stated (rules.periods), and its clause names no other base
  ("down 54 pct from the previous year's ...": a base is named, just not read; "from the previous year",
  "over a year earlier", "against 2023" name only the year);
- exactly one earlier figure (before the claim's sentence) is for the year before, in the same unit,
  with the same noun when both have one;
- that figure's sentence holds no other figure in its unit ("sales of 3.1 million units and output of
  2.0 million units": which one is the base?).

The years may be written relative to the article's own date: "Last year the port handled 8.1 million containers.
This year it handled 9.3 million, a rise of 25%." A claim whose new figure has no year of its own is linked when
its sentence says "this year" (or "this month", "this quarter", ...) once and names no other period, and exactly
one earlier sentence within _BACK characters before it holds figures in the new one's unit and says "last year"
("a year earlier", "the previous year", "the year before") of the same period once, no other period; that
sentence holds exactly one figure in the unit, counting the same thing when both name it. A part of a period ("so far this year", "in the first half") is another measure: not
linked. `prior_dating` keeps the two datings as written, for the message.
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Direction, Facts, Growth, Link, Span, replace
from statlint.rules.periods import YearGate

_REACH = 200  # characters after the rate in which a named base counts
# A base named after the rate ("from 3.1 million", "against last year's 2.9 million"); "from the previous year",
# "over a year earlier" name the year the base is for, not another figure, and leave the prior to be found.
_OTHER_BASE = lazy_compile(
    r"\b(?:from|compared\s+(?:with|to)|against|over)\b(?!\s+(?:the\s+)?(?:(?:previous|prior|preceding|last)\s+year"
    r"|(?:a\s+|the\s+)?year\s+(?:earlier|ago|before)|(?:19|20)\d\d)\b(?!['’]s))", regex.IGNORECASE)


def _candidate(doc: Document, g: Growth) -> bool:
    return (g.rate is not None and g.rate.unit == "percent" and g.new is not None and g.old is None
            and g.direction != Direction.UNKNOWN and g.new.unit != "percent" and g.period != "year"
            and g.new_year is not None
            and not _OTHER_BASE.search(doc.text, g.rate.span.end,
                                       min(doc.sentence_of(g.new.span.start).end, g.rate.span.end + _REACH)))


class _Dated:
    """The level figures of a document by year, unit and noun, and by position: each question a claim asks
    of them is a bisect, not a pass over every figure (a long document holds a growth claim every few
    sentences and a dated figure in most of them). (The index is b2-linear's, from G106 before its claims
    moved here.) Only the `years` the claims ask about are indexed, found from where those years are
    written (periods.YearGate.near), and of those only the figures in the `units` the claims ask about:
    a year_of call per figure made the first such claim in a long document cost a step in its time."""

    def __init__(self, text: str, facts: Facts, years: set[int], units: set[str]):
        self.figures = [q for q in facts.quantities if q.kind == "level" and q.value > 0]
        self.starts = [q.span.start for q in self.figures]
        # (year, unit, noun) and (year, unit) -> (ends, figures), sorted by end
        self.by_key: dict[tuple, tuple[list[int], list]] = {}
        gate = YearGate(text, years)
        asked = [q for q in self.figures if q.unit in units]
        for q in sorted(gate.near(asked, [q.span.start for q in asked], years), key=lambda q: q.span.end):
            year = gate.year_of(q)
            if year in years:
                for key in ((year, q.unit, q.noun), (year, q.unit)):
                    ends, figures = self.by_key.setdefault(key, ([], []))
                    ends.append(q.span.end)
                    figures.append(q)

    def before(self, year: int, unit: str, noun: str | None, end: int) -> list:
        """Up to two figures for `year` (one of those indexed) in `unit` that end by `end` and may count
        the noun (either noun unknown or both the same): one is a base, two are too many."""
        keys = ((year, unit),) if noun is None else ((year, unit, None), (year, unit, noun))
        found: list = []
        for key in keys:
            ends, figures = self.by_key.get(key, ((), ()))
            found += figures[:min(bisect.bisect_right(ends, end), 2)]
        return found

    def others_in(self, span: Span, old) -> bool:
        """Whether a figure other than `old`, in its unit, starts inside `span`."""
        lo, hi = bisect.bisect_left(self.starts, span.start), bisect.bisect_left(self.starts, span.end)
        return any(q is not old and q.unit == old.unit for q in self.figures[lo:hi])


def extract(doc: Document, facts: Facts) -> Facts:
    wanted = [_candidate(doc, g) for g in facts.growths]
    relative = [not w and _relative_candidate(doc, g) for g, w in zip(facts.growths, wanted)]
    if not any(wanted) and not any(relative):
        return facts
    growths = list(facts.growths)
    if any(wanted):
        asked = [g for g, w in zip(facts.growths, wanted) if w]
        dated = _Dated(doc.text, facts, {g.new_year - 1 for g in asked}, {g.new.unit for g in asked})
        growths = [_with_prior(doc, g, dated) if w else g for g, w in zip(growths, wanted)]
    if any(relative):
        starts = [q.span.start for q in facts.quantities]  # (each claim looks at the figures of a window: a bisect)
        growths = [_with_relative_prior(doc, facts, starts, g) if r else g for g, r in zip(growths, relative)]
    return replace(facts, growths=tuple(growths))


def _with_prior(doc: Document, g: Growth, dated: _Dated) -> Growth:
    sentence = doc.sentence_of(g.new.span.start)
    candidates = dated.before(g.new_year - 1, g.new.unit, g.new.noun, sentence.start)
    if len(candidates) != 1:
        return g  # none, or several measures: no safe base
    old = candidates[0]
    if dated.others_in(doc.sentence_of(old.span.start), old):
        return g  # "sales of 3.1 million units and output of 2.0 million units": which one is the base?
    same_paragraph = doc.paragraph_of(old.span.start) == doc.paragraph_of(g.new.span.start)
    return replace(g, prior=old, prior_link=Link.PARAGRAPH if same_paragraph else Link.ARTICLE)


# Relative datings (module docstring): the period named, as "this year" / "last year" and their kin.
_PERIOD = r"(year|month|quarter|week|season)"
_THIS = lazy_compile(rf"\bthis\s+{_PERIOD}\b", regex.IGNORECASE)
_LAST = lazy_compile(
    rf"\b(?:last\s+{_PERIOD}|(?:a|one)\s+{_PERIOD}\s+(?:earlier|ago|before)|the\s+(?:previous|prior|preceding)\s+"
    rf"{_PERIOD}|the\s+{_PERIOD}\s+before)\b(?!['’]s)", regex.IGNORECASE)
# Words that make a dating a part of its period, or another period: "so far this year", "in the first half of last
# year", "the year to March", "since last year", a year written out ("in 2023")
_PART_OF_PERIOD = lazy_compile(
    r"\b(?:so\s+far|to\s+date|year[\s-]+to[\s-]+date|ytd|first|second|third|fourth|half|halves|months|weeks|days|"
    r"quarters|since|until|till|through|by\s+the\s+end|end\s+of|start\s+of|beginning|(?:19|20)\d\d|january|february|"
    r"march|april|june|july|august|september|october|november|december|spring|summer|autumn|winter|"
    r"annual|annually|per(?!\s*cent)|a\s+year\b(?!\s+(?:earlier|ago|before)))\b", regex.IGNORECASE)
_BACK = 600  # characters before the claim's sentence in which the earlier figure is looked for


def _relative_candidate(doc: Document, g: Growth) -> bool:
    """A claim the relative path may link: a rate, a new level and no base, no year of its own."""
    if not (g.rate is not None and g.rate.unit == "percent" and g.new is not None and g.old is None
            and g.prior is None and g.direction != Direction.UNKNOWN and g.new.unit != "percent"
            and g.period != "year" and g.new_year is None and g.new.kind == "level" and g.new.value > 0):
        return False
    sentence = doc.sentence_of(g.new.span.start)
    return _THIS.search(doc.text, sentence.start, sentence.end) is not None \
        and not _OTHER_BASE.search(doc.text, g.rate.span.end, min(sentence.end, g.rate.span.end + _REACH))


def _only_dating(text: str, span: Span, wanted, unwanted) -> regex.Match | None:
    """The one match of `wanted` in the sentence `span`, when the sentence has no other and no `unwanted` dating
    and nothing that makes the dating a part of its period."""
    found = list(wanted.finditer(text, span.start, span.end))
    if len(found) != 1 or unwanted.search(text, span.start, span.end) or _PART_OF_PERIOD.search(text, span.start, span.end):
        return None
    return found[0]


def _period_of(m: regex.Match) -> str:
    return next(p for p in m.groups() if p).lower()


def _with_relative_prior(doc: Document, facts: Facts, starts: list[int], g: Growth) -> Growth:
    text = doc.text
    sentence = doc.sentence_of(g.new.span.start)
    this = _only_dating(text, sentence, _THIS, _LAST)
    if this is None:
        return g
    period = _period_of(this)
    paragraph = doc.paragraph_of(g.new.span.start)
    lo = max(0, sentence.start - _BACK)
    found: list[tuple[Span, list]] = []  # (an earlier sentence, its figures), in text order
    for q in facts.quantities[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, sentence.start)]:
        if q.span.end > sentence.start:
            break
        s = doc.sentence_of(q.span.start)
        if found and found[-1][0] == s:
            found[-1][1].append(q)
            continue
        found.append((s, [q]))
    matches = []
    for s, figures in found:
        same = [q for q in figures if q.unit == g.new.unit]
        if not same:
            continue
        last = _only_dating(text, s, _LAST, _THIS)
        if last is None or _period_of(last) != period:
            continue
        matches.append((s, same, last))
    if len(matches) != 1:
        return g  # no earlier figure so dated, or two: no safe base
    s, same, last = matches[0]
    old = same[0]
    if len(same) != 1 or old.kind != "level" or old.value <= 0 \
            or (old.noun is not None and g.new.noun is not None and old.noun != g.new.noun):
        return g
    same_paragraph = doc.paragraph_of(old.span.start) == paragraph
    return replace(g, prior=old, prior_link=Link.PARAGRAPH if same_paragraph else Link.ARTICLE,
                   prior_dating=(" ".join(last.group().split()), " ".join(this.group().split())))
