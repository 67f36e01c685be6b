"""Extractor: a headline's rate of change tied to the body claim that gives the two levels it connects.

Why: a headline states a change as a rate ("Exports cut by 50%", "SALES UP 26 PCT", "U.S. HOUSING STARTS FALL
5.2 PCT") and the body gives the levels ("fell to 100,000 from 146,000"); a corrected error class is a headline
rate the body's levels do not give. G101 already checks a rate against two levels with interval arithmetic, but
only within one sentence. This extractor builds that claim across the headline and the body: a `Growth` whose
`rate` is the headline's and whose `old`/`new` are the body claim's, `link` HEADLINE, in
`Facts.headline_growths` (a field of its own, so no other growth check reads it). G101 checks it as any other.

Precision first; the link is made only when nothing else can be meant:
- the headline is one (rules._headline.headline_end) and holds exactly one percent figure, with a direction word
  right before it ("UP 26 PCT", "cut by 50%", "jumps 12%") or a change noun right after it ("a 5% rise");
- that rate is no rate of a change claim with both levels read in the headline itself ("TO 5 MLN FROM 4 MLN");
  a headline claim with its new level only ("PROFIT SOARS 40% TO $2.1BN") is linked when the body claim's new
  level is that one (the same unit, intervals that meet); and the body does not write the rate as a percent anywhere (the body states the rate itself, maybe on another
  basis: year on year against the levels' month on month);
- the body claim is a change with both levels and no rate, multiplier ("tripled") or amount of its own, in the
  body's first paragraphs, in the headline's direction, with levels that are no percentages (a rate's change in
  percent may be meant in points: "JOBLESS RATE FALLS 0.2 PCT" over "fell to 5.1 pct from 5.3 pct");
- the headline's measure words (rules._headline.headline_words, direction and period words left out) share a key
  with the body claim's subject (the words of its sentence before its verb, names left out); and exactly one
  body change in those paragraphs has a subject sharing one (any form: two candidates, no link).
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Direction, Facts, Link, replace
from statlint.rules import _headline

# A direction word right before the headline rate, with "by", "a", a hedge between: "UP 26 PCT", "cut by 50%",
# "jumps nearly 12%". Read backwards from the rate.
_VERB_BEFORE = lazy_compile(
    r"\b(?:(?P<up>up|rise[sn]?|rose|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|increase[sd]?|soar(?:s|ed)?|"
    r"surge[sd]?|grow(?:s|n)?|grew|higher|advance[sd]?)|"
    r"(?P<down>down|fall(?:s|en)?|fell|drop(?:s|ped)?|decline[sd]?|decrease[sd]?|slip(?:s|ped)?|slump(?:s|ed)?|"
    r"plunge[sd]?|tumble[sd]?|cut|cuts|shrink(?:s)?|shrank|lower|sink(?:s)?|sank))"
    r"\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|over|more\s+than)\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
# A change noun right after it: "a 5% rise in exports", "12 PCT DROP".
_NOUN_AFTER = lazy_compile(
    r"\s*(?:(?P<up>rise|increase|jump|gain|surge|climb|growth)|"
    r"(?P<down>fall|drop|decline|decrease|cut|slump|plunge))\b",
    regex.IGNORECASE)
# Keys of words that name a period or an order, not a measure ("FIRST QUARTER PROFIT UP 10 PCT" is not linked to
# "first quarter revenues rose ..." by "first" or "quarter").
_NOT_MEASURES = frozenset((
    "first", "secon", "third", "fourt", "quart", "half", "month", "annua", "yearl", "weekl", "daily", "perio",
    "fisca", "nine", "six", "three", "twelv", "total", "rate", "level", "figur", "recor", "high", "low",
))
_PARAGRAPHS = 3  # the body claim stands in the body's first paragraphs
_SUBJECT_REACH = 80  # characters of its sentence before the body claim's verb that may name its measure
_NAME_NEXT = lazy_compile(r"['’]s\b|\s+(?:[A-Z]|said\b|says\b)")


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.growths:
        return facts  # no body change claim: nothing to tie a headline rate to
    quantities = facts.quantities
    text = doc.text
    if doc.text.find("\n", 0, quantities[0].span.end) != -1:
        return facts  # no figure in the first line
    hl_end = _headline.headline_end(text)
    if not hl_end:
        return facts
    rates = [q for q in quantities if q.span.end <= hl_end and q.unit == "percent"]
    if len(rates) != 1:
        return facts  # no headline rate, or two (whose words would mix)
    h = rates[0]
    direction = _direction(text, hl_end, h)
    if direction == Direction.UNKNOWN or h.kind == "range" or h.value <= 0:
        return facts
    own = [g for g in facts.growths if g.rate is h]
    if any(g.old is not None for g in own):
        return facts  # the headline's own change claim, with its own levels
    head_new = next((g.new for g in own if g.new is not None), None)  # "PROFIT SOARS 40% TO $2.1BN"
    if any(q.unit == "percent" and q.value == h.value for q in quantities if q.span.start > hl_end):
        return facts  # the body states the rate itself
    keys = _headline.headline_words(text, hl_end, h) - _headline._DIRECTIONS - _NOT_MEASURES
    if not keys:
        return facts
    end = _body_end(doc, hl_end)
    candidates = [g for g in facts.growths if hl_end < g.span.start < end and g.old is not None and g.new is not None
                  and keys & _subject_keys(doc, hl_end, g)]
    if len(candidates) != 1:
        return facts
    g = candidates[0]
    if (g.rate is not None or g.factor is not None or g.factor_kind or g.amount is not None or g.direction != direction
            or g.old.is_percent or g.new.is_percent or g.link != Link.SENTENCE):
        return facts
    if head_new is not None and (head_new.unit != g.new.unit or head_new.high < g.new.low or g.new.high < head_new.low):
        return facts  # the headline's level is not the body's new one: another measure, or C101's to compare
    return replace(facts, headline_growths=(replace(g, rate=h, link=Link.HEADLINE),))


def _direction(text: str, hl_end: int, h) -> Direction:
    """The direction the headline gives its rate: a word right before it, else a change noun right after it."""
    m = _VERB_BEFORE.search(text, max(0, h.span.start - 40), h.span.start)
    if m is None:
        m = _NOUN_AFTER.match(text, h.span.end, hl_end)
    if m is None:
        return Direction.UNKNOWN
    return Direction.UP if m.group("up") else Direction.DOWN


def _body_end(doc: Document, hl_end: int) -> int:
    """The end of the body's first _PARAGRAPHS paragraphs."""
    seen = 0
    end = hl_end
    for p in doc.paragraphs:
        if p.end <= hl_end or not doc.text[p.start:p.end].strip():
            continue
        seen += 1
        end = p.end
        if seen == _PARAGRAPHS:
            break
    return end


def _subject_keys(doc: Document, hl_end: int, g) -> set[str]:
    """The measure keys of the words of the claim's sentence before its verb (at most _SUBJECT_REACH characters).

    Capitalised words are names ("Acme Corp said its sales rose") and left out, but for the sentence's first word
    when a lower-case word follows it and the text writes it in lower case elsewhere ("Exports fell" beside "its
    exports"; not "Acme said", "Acme's sales", nor "Acme shares rose": a name is never written in lower case), or
    it is a common noun of a measure (_MEASURE_NOUNS: "Exports rose ..." alone)."""
    text = doc.text
    verb = g.verb.start if g.verb is not None else g.span.start
    sentence_start = doc.sentence_of(verb).start
    start = max(hl_end, sentence_start, verb - _SUBJECT_REACH)
    keys = set()
    for k, m in enumerate(_headline._WORD.finditer(text, start, verb)):
        word = m.group(0)
        if word[0].isupper() and not word.isupper():
            if k or start != sentence_start or _NAME_NEXT.match(text, m.end()) \
                    or not (word.lower() in _MEASURE_NOUNS or _written_lower(text, word)):
                continue
        key = _headline.measure_key(word)
        if key:
            keys.add(key)
    return keys - _headline._DIRECTIONS


# Common nouns of a measure, never a name: a sentence may open with one the text writes nowhere else in lower case
# ("Exports rose to $4.1 billion" under "Exports jump 30%").
_MEASURE_NOUNS = frozenset("""
exports imports sales revenue revenues turnover profit profits earnings output production shipments deliveries
prices inflation unemployment spending investment deficit surplus debt orders imports wages
""".split())


def _written_lower(text: str, word: str) -> bool:
    """Whether `text` writes `word` in lower case as a word of its own somewhere (str.find, no pattern per word)."""
    lower = word.lower()
    i = text.find(lower)
    while i != -1:
        end = i + len(lower)
        if not _is_letter(text[i - 1:i]) and not _is_letter(text[end:end + 1]):
            return True
        i = text.find(lower, i + 1)
    return False


def _is_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()
