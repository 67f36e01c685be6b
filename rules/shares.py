"""Extractor: percentages given as a part of a whole ("130% of the company's employees", "a 120% stake").

What the whole is decides whether the figure may pass 100 %: no part of a population (people or things
counted: employees, voters, households, companies, the world's battery components) or of a total (the
total, the market, the vote, the share capital, a stake in a company) exceeds it, while a ratio to a
reference level (GDP, par, capacity, the target, last year's level, total exports) may. The whole's head
noun is read after "of", past a determiner, a possessive ("the company's") and up to two modifiers, and
classed by a lexicon: `Share.whole_kind` is "population", "total" or "reference" (anything not known to
be a population or a total: the safe reading). Whatever its noun, a percentage that is the subject of its
clause ("130% of fishermen took part", "60 pct of exports went to Japan") is a part of the whole after it; so is
one after "accounted for" or "made up" when the whole is a sum of non-negative parts ("of sales", "of revenue").
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Share, Span, replace
from statlint.rules._claim_gates import word_starts
from statlint.rules._patterns import words_pattern

# People and things counted: a part of them cannot exceed all of them.
_POPULATION = frozenset("""
people persons adults children kids teenagers students pupils graduates employees workers staff staffers
residents citizens voters respondents participants members households families homes homeowners renters
tenants patients doctors nurses teachers farmers customers consumers users subscribers viewers readers
listeners shoppers buyers drivers passengers travellers travelers tourists visitors women men girls boys
companies firms businesses employers banks schools hospitals cities towns villages countries states counties
municipalities districts owners shareholders investors applicants candidates recipients beneficiaries
migrants refugees immigrants smokers seniors retirees pensioners americans britons europeans canadians
australians population workforce electorate
""".split())
_PEOPLE_PHRASES = ("those polled", "those surveyed", "those questioned", "those asked", "those interviewed",
                   "those who", "labour force", "labor force")
# Wholes that are a total by name.
TOTAL_NOUNS = ("total", "market", "vote", "votes", "ballots", "seats", "shares outstanding", "share capital",
               "capital", "shares", "stock", "equity", "output", "production", "supply", "components")
# Ratios that may exceed 100 %: named so a listed word after them does not count ("of total exports").
REFERENCE_NOUNS = ("gdp", "gnp", "gross domestic product", "par", "face value", "capacity", "target", "level",
                   "levels", "exports", "imports", "sales", "revenue", "revenues", "income", "earnings", "assets",
                   "liabilities", "reserves", "budget", "price", "value", "cost", "costs", "salary", "wage",
                   "wages", "pay", "debt", "quota", "limit", "norm", "average", "benchmark", "estimate",
                   "forecast", "requirement", "requirements", "needs", "demand")

_HEADS = words_pattern(sorted(_POPULATION | set(TOTAL_NOUNS) | set(REFERENCE_NOUNS)) + list(_PEOPLE_PHRASES))
_OF_WHOLE = lazy_compile(
    r"\s+of\s+(?P<whole>(?:(?:the|its|their|his|her|our|all|these|this|that|every|each)\s+)?"
    r"(?:(?:[\w.-]+\s+)?[\w.-]+(?:'s|’s|s'|s’)\s+)?"  # a possessive: "the company's", "last year's"
    r"(?:[\w-]+\s+){0,2}(?P<head>" + _HEADS + r"))\b(?!['’-])", regex.IGNORECASE)
# A percentage that is the subject of its clause is a part of the whole named after it, whatever the noun:
# "130% of fishermen took part", "some 60 pct of exports went to Japan". It stands at the start of a
# clause (not after a linking verb or a preposition: "Debt reached 130 pct of GDP", "at 107 pct of par"),
# and a finite verb follows its "of" phrase.
_SUBJECT_OF = lazy_compile(
    r"\s+of\s+(?P<whole>(?:(?:the|its|their|his|her|our|all|these|those)\s+)?"
    r"(?:(?:[\w.-]{1,30}\s+)?[\w.-]{1,30}(?:'s|’s|s'|s’)\s+)?(?:[\w-]{1,30}\s+){0,2}?"
    r"(?P<head>(?!(?:the|its|their|his|her|our|all|these|those|a|an)\b)[a-z][\w-]{1,30}))"
    r"(?:\s+(?:surveyed|polled|questioned|asked|interviewed))?"
    r"\s+(?:are|were|is|was|have|has|had|will|would|could|can|may|might|do|did|does|say|said|says|"
    r"took|take|takes|own|owns|went|go|goes|came|come|comes|live|lives|lived|voted|vote|votes|"
    r"support|supports|backed|back|oppose|opposed|favour|favor|want|wanted|use|used|work|worked|"
    r"(?!need|feed|seed|speed|bed|red)[a-z]{2,}ed)\b", regex.IGNORECASE)
_LINKED_BEFORE = lazy_compile(
    r"\b(?:was|were|is|are|be|been|being|reached|reach|reaches|hit|at|to|of|by|from|for|with|in|on|equal|equals|"
    r"equalled|equaled|equivalent|than|stood|totalled|totaled|total|represented|represents|represent|amounted|"
    r"accounted|account|accounts|made|make|makes|own|owns|owned|held|holds|hold|hit|cut|raised|lowered|won|win|"
    r"wins|gave|give|gives|got|get|gets|received|receive|took|take|polled|garnered|secured|captured)"
    r"(?:\s+(?:some|about|nearly|almost|roughly|around|over|only|just|an\s+estimated|up\s+to))?\s+\Z",
    regex.IGNORECASE | regex.REVERSE)
# A reference noun that is a sum of parts none of which is below zero (sales, revenue, exports, imports, a budget,
# assets) is a total when the verb before the percentage says the subject is one of those parts ("Exports
# accounted for 112% of the company's revenue", "Foreign buyers made up 140 per cent of sales"): no part of a sum
# of non-negative parts passes it. Not profit or income (a unit may earn more than a group that lost money
# elsewhere), not demand (imports may go to stocks), not GDP (exports are not a part of it).
_SUMMED = frozenset(("sales", "revenue", "revenues", "exports", "imports", "budget", "assets"))
_PART_VERB_BEFORE = lazy_compile(
    r"\b(?:accounted\s+for|accounts?\s+for|accounting\s+for|made\s+up|makes?\s+up|making\s+up|constitut(?:ed|es?|ing)|"
    r"compris(?:ed|es?|ing))(?:\s+(?:some|about|nearly|almost|roughly|around|over|only|just|an\s+estimated))?\s+\Z",
    regex.IGNORECASE | regex.REVERSE)
# ... unless the subject is an outgoing or an obligation, told as a ratio to the sum ("Costs accounted for 112%
# of revenue", "debt made up 130% of assets"): a cost is no part of the revenue.
_OUTGOING = lazy_compile(r"\b(?:costs?|expenses?|expenditures?|spending|outlays?|losses|loss|debts?|borrowing|"
                         r"liabilities|payments?|payroll|wages|salaries|interest|charges?|provisions?|write-?downs?|"
                         r"deficits?|claims|subsidies|taxes)\b", regex.IGNORECASE)
_STAKE_AFTER = lazy_compile(r"\s+(?P<whole>stake|holding|interest|shareholding)(?=\s+(?:in|of)\b|\s*[.,;)])",
                             regex.IGNORECASE)
_STAKE_STARTS = word_starts(("stake", "holding", "interest", "shareholding"))  # _STAKE_AFTER's (rules._claim_gates)
_SHARE_BEFORE = lazy_compile(r"\bmarket\s+share\s+(?:of|at|was|is|stood\s+at|reached|to)\s+\Z",
                              regex.IGNORECASE | regex.REVERSE)


def _kind(head: str, whole: str) -> str:
    head = " ".join(head.lower().split())
    if head in REFERENCE_NOUNS:
        return "reference"
    if head in _POPULATION or head in _PEOPLE_PHRASES:
        return "population"
    if head in ("components", "output", "production", "supply"):
        # "600% of the world's battery components": the world's whole is a total; "of output" alone a ratio
        low = whole.lower()
        return "total" if any(w in low for w in ("world", "global", "nation", "country", "all ")) else "reference"
    return "total"


def _next_letters(text: str, end: int) -> str | None:
    """The (up to) two characters after the white space at `end`, or None when no white space is there.

    The one walk that _gates.word_after_spaces(text, end, "of") and _claim_gates.next_word_may_be(text, end,
    _STAKE_STARTS) each make, done once per percentage: both skip str.isspace() characters (every \\s of
    regex), answer False when there are none, and then look at the next two characters, lower-cased, or
    let them pass when they hold "İ" or "ſ" (_has_odd_fold). tests/test_claim_speed.py holds the two to it.
    """
    k = end
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    return text[k:k + 2] if k != end else None


def _has_odd_fold(piece: str) -> bool:
    """"İ" or "ſ" in `piece`, which regex folds to "i" and "s" and str.lower() does not (rules._gates)."""
    return not piece.isascii() and ("\u0130" in piece or "\u017f" in piece)


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    shares = []
    for q in facts.quantities:
        if q.unit != "percent" or q.kind != "level":
            continue
        # _SUBJECT_OF and _OF_WHOLE open with white space and "of", _STAKE_AFTER with white space and one of
        # its words: most percentages have another word next. One walk over the white space serves the three.
        letters = _next_letters(text, q.span.end)
        of_next = letters is not None and (letters.lower() == "of" or _has_odd_fold(letters))
        # (a percentage a word before ties as a level is not the subject: "accounted for 30 pct of exports".
        # That test is a fifth of _SUBJECT_OF's cost and holds for two in five of them, so it goes first.)
        m = _SUBJECT_OF.match(text, q.span.end, q.span.end + 120) \
            if of_next and not _LINKED_BEFORE.search(text, max(0, q.span.start - 40), q.span.start) else None
        if m:
            whole = m.group("whole")
            people = _kind(m.group("head"), whole) == "population" or whole.lower().startswith("those ")
            kind = "population" if people else "total"
            shares.append(Share(span=Span(q.span.start, m.end("whole")), percent=q, whole=whole, whole_kind=kind,
                                whole_span=Span(m.start("whole"), m.end("whole")), link=Link.SENTENCE))
            continue
        m = _OF_WHOLE.match(text, q.span.end, q.span.end + 80) if of_next else None
        if m:
            whole = m.group("whole")
            kind = _kind(m.group("head"), whole)
            if kind == "reference" and m.group("head").lower() in _SUMMED \
                    and _PART_VERB_BEFORE.search(text, max(0, q.span.start - 40), q.span.start) \
                    and not _OUTGOING.search(text, max(0, q.span.start - 80), q.span.start):
                kind = "total"  # "Exports accounted for 112% of the company's revenue": a part of a sum
            shares.append(Share(span=Span(q.span.start, m.end()), percent=q, whole=whole,
                                whole_kind=kind,
                                whole_span=Span(m.start("whole"), m.end("whole")), link=Link.SENTENCE))
            continue
        m = _STAKE_AFTER.match(text, q.span.end, q.span.end + 20) \
            if letters is not None and (letters.lower() in _STAKE_STARTS or _has_odd_fold(letters)) else None
        if m:
            shares.append(Share(span=Span(q.span.start, m.end()), percent=q, whole=m.group("whole"),
                                whole_kind="total", whole_span=Span(m.start("whole"), m.end("whole"))))
            continue
        before = max(0, q.span.start - 40)
        window = text[before:q.span.start]  # _gates.may_contain(window, ("market",)), without its calls
        m = _SHARE_BEFORE.search(text, before, q.span.start) \
            if "market" in window.lower() or _has_odd_fold(window) else None
        if m:
            shares.append(Share(span=Span(m.start(), q.span.end), percent=q, whole="market",
                                whole_kind="total", whole_span=Span(m.start(), m.end())))
    return replace(facts, shares=tuple(shares)) if shares else facts
