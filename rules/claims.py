"""Extractor: growth claims and "respectively" series, read off a sentence skeleton.

Each sentence is rewritten once as a skeleton in which every quantity is a
token "⟨i⟩" (i indexes Facts.quantities). Small patterns over the skeleton
then find direction words and what hangs off them: the rate after the verb,
"to" the new figure, "from"/"vs" the old one, "N-fold", "doubled". Working on
the skeleton keeps the patterns short and keeps numbers out of them.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile, lazy_compile_stdlib
from statlint.checker.model import Direction, Facts, Growth, Link, Quantity, Series, Span, replace
from statlint.checker.numbers import SCALES, fraction_words_value
from statlint.rules._headline import measure_key, measure_words
from statlint.rules._amounts import amount_and_rate, amount_and_rate_before, base_right_after
from statlint.rules._asides import base_of_another_month, compared_base, without_per_share_asides
from statlint.rules._patterns import SCALE_WORD, WORD_AFTER, words_pattern
from statlint.rules.periods import year_of

UP = (r"raise|boost|lift|increase|grow|climb|jump|gain|surge|soar|advance|expand|improve|rose|rise|rises|rising|risen|increased|increases|increasing|grew|grows|growing|grown|climbed|climbs|"
      r"climbing|jumped|jumps|jumping|gained|gains|surged|surges|surging|soared|soars|soaring|advanced|"
      r"rebounded|expanded|went\s+up|go\s+up|goes\s+up|was\s+up|were\s+up|is\s+up|are\s+up|up|improved|"
      r"swelled|leapt|leaped|spiked|accelerated|boosted|raised|lifted|skyrocketed|rocketed|widened|widens|widening")
DOWN = (r"reduce|lower|fall|decline|decrease|drop|slip|slide|slump|plunge|tumble|ease|shrink|sink|dip|fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining|decreased|decreases|"
        r"decreasing|slipped|slips|slid|slumped|slumps|plunged|plunges|plummeted|tumbled|tumbles|eased|eases|"
        r"shrank|shrunk|shrinks|sank|sinks|dipped|dips|went\s+down|was\s+down|were\s+down|is\s+down|are\s+down|"
        r"down|contracted|retreated|lowered|cut|reduced|slowed|declined|lost|shed|slashed|slashes|slashing|"
        r"narrowed|narrows|narrowing")
UP_NOUN = r"increase|rise|gain|growth|jump|surge|hike|climb|improvement|advance"
DOWN_NOUN = r"decrease|decline|drop|fall|reduction|slump|plunge|contraction|loss|cut|dip|slide|fall-off"
MULT_VERB = r"doubled|tripled|trebled|quadrupled|halved"
MULT_FACTOR = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}

Q = r"⟨(\d+)⟩"


def words_of(alternation: str) -> list[str]:
    """The words of one of the alternations above, for rules._patterns.words_pattern."""
    return [w.replace(r"\s+", " ") for w in alternation.split("|")]


_UP_P, _DOWN_P = words_pattern(words_of(UP)), words_pattern(words_of(DOWN))
_NOUN_P = words_pattern(words_of(UP_NOUN) + words_of(DOWN_NOUN))
# Every word a trigger can open with, as one trie: the look-ahead before the word branches of _TRIGGER below.
# Why: at each word start the scan tried the multiplier, noun, rise and fall tries one after another (and the
# noun branch's groups); one trie walk now turns away the ~95 % of words that open none of them, and the
# trigger scan over the news corpus's sentences takes 0.037 s, not 0.064 s. Exact: each word branch opens
# with one of these words at the same place, under the same flags, so wherever a branch matches the
# look-ahead holds; it adds no group, so the groups keep their numbers.
_TRIGGER_WORD_P = words_pattern(words_of(UP) + words_of(DOWN) + words_of(UP_NOUN) + words_of(DOWN_NOUN)
                                + words_of(MULT_VERB))
_TRIGGER = lazy_compile(
    rf"⟨(?P<rq>\d+)⟩\s+(?:year-on-year\s+|annual\s+|yearly\s+)?(?P<noun2>{_NOUN_P})\b|"
    rf"\b(?=(?:{_TRIGGER_WORD_P}))(?:(?P<mult>{words_pattern(words_of(MULT_VERB))})|(?P<noun>{_NOUN_P}s?)\s+(?:in\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+){{0,3}}?)?(?:of|by)\s+(?=(?:[a-z]+\s+){{0,3}}{Q})|"
    rf"(?P<verb>(?:{_UP_P}|{_DOWN_P})\b))",
    regex.IGNORECASE,
)
_IS_UP = lazy_compile(rf"(?:{UP}|(?:{UP_NOUN})s?)", regex.IGNORECASE)  # a noun in the plural too: "tax hikes of 5%"
# the figure right after a change word, past "by" and a hedge ("rose about 12%", "gained a mere 60 points",
# "fell more than 10%")
# ("over"/"under" only before a percent: "a 40% jump over 400 mln" names the base)
_RATE_AFTER = lazy_compile(rf"^\s*+(?:by\s+)?(?:(?:some|about|around|roughly|approximately|nearly|almost|only|just|"
                           rf"(?P<over>(?:just\s+)?(?:over|under))|more\s+than|less\s+than|(?:a\s+)?mere|a\s+further|a)\s+)?{Q}",
                           regex.IGNORECASE)
# A rate the verb reaches past a few words: its hedge ("rose nearly 250%", "climbed by more than 100%") or
# the verb's object before "by" ("cut the top rate by 25%", "raised its forecast by nearly 10%"). Taken only
# when the words are accounted for (_wordy_rate): a hedge the number reader read on the figure, or "by".
# The hedges are words of amount only: after a verb "below", "above", "over" and "under" place the level
# ("inflation fell below 10%", "slip below 13%"), and a word that brings in a level ("to", "at", "from":
# "drops to about 30 pct") is never part of an object.
_LEVEL_WORD = r"(?!(?:to|at|from|vs|versus|reaching|hitting|of|in|on|below|above|over|under|beyond|past)\s)"
_RATE_HEDGE = (r"nearly|almost|about|around|roughly|approximately|some|close\s+to|more\s+than|less\s+than|"
               r"just\s+over|just\s+under|an\s+estimated|at\s+least|as\s+much\s+as")
_WORDY_RATE_AFTER = lazy_compile(
    rf"^\s*+(?P<object>(?:{_LEVEL_WORD}[a-z'-]+\s+){{1,5}}?by\s+)?(?:by\s+)?"
    rf"(?P<hedge>(?:{_RATE_HEDGE})\s+)?{Q}", regex.IGNORECASE)
# ("to an average of", "to a total of", "to an estimated": the words of a level, not of another figure)
_TO = lazy_compile(rf"(?<!\bcompared\s)\b(?:to|at|reaching|hitting)\s+(?:(?:a\s+(?:record|high|low)|the\s+equivalent|"
                   rf"an\s+average|a\s+total|an\s+estimated)\s+(?:of\s+)?|about\s+|around\s+)?{Q}",
                 regex.IGNORECASE)
# "against"/"compared with" often bring in a figure for another period or measure ("up 14 to 164,
# against 422 a year ago"), so only "from" and "vs" name the old figure.
_FROM = lazy_compile(rf"\b(?:from|vs\.?|versus)\s+(?:(?:the\s+)?(?:previous|prior|last|year-earlier|year-ago)\s+"
                      rf"(?:year's|quarter's|month's|period's|week's|season's|half's)\s+)?"
                      # a market's level before: "from the previous day's close at", "from Friday's close of"
                      rf"(?:(?:the\s+|its\s+)?(?:previous|prior|last|[a-z]+day's)\s+(?:day's\s+|session's\s+)?"
                      rf"(?:close|closing\s+level|closing)\s+(?:at|of)\s+)?"
                      rf"(?:an?\s+(?:revised\s+|restated\s+|upwardly\s+revised\s+|downwardly\s+revised\s+)?|the\s+)?{Q}",
                      regex.IGNORECASE)
# (the direction words as a trie, _UP_P and _DOWN_P: inside the look-ahead only whether one of them matches
# counts, which the trie and the flat alternation answer alike, and the trie tries a few letters, not 150 words)
# A clause ends at a semicolon, "but", "while", "and" before another change, a colon, and a participle in
# apposition that takes an object of its own: "rose 5%, lifting profit from 10 to 20" moves another measure (not
# "rose 5%, reaching 105 from 100", ", taking the total to 105", ", peaking at 865p", ", climbing from 100 to 105";
# "having" and "being" open an aside: "from 10.4 mln, having a par value of one dlr, to 20.9 mln"; "during",
# "including", "excluding", "according" ... are prepositions: "rose 5%, excluding one-offs, to 105 from 100").
_CLAUSE_END = lazy_compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(?=[a-z]+\s+(?:" + _UP_P + "|" + _DOWN_P + r")\b)|:\s"
                           r"|,\s+(?!(?:having|being|during|including|excluding|according|following|regarding|concerning|"
                           r"counting|barring)\b)[a-z]+ing\s+(?!(?:from|to|at|by|up|down|about|some|nearly|almost|around|roughly|just|more|less|"
                           r"over|under|(?:the|a|an)\s+(?:total|record|new|all-time|high|low|level|peak)|(?:its|their|the)\s+"
                           r"(?:highest|lowest|best|worst))\b)(?=[a-z])",
                           regex.IGNORECASE)
_APPOSITIVE = lazy_compile(
    r"(?:\s+[\w-]+){0,4},\s+(?:an?\s+|or\s+)?(?:(?:year-on-year|annual|yearly|on-year|average|compound|"
    r"average\s+annual|compound\s+annual)\s+)?", regex.IGNORECASE)
# The new figure of a change written as an aside after it: "sales were 10 mln, down from 12 mln", ", or a 5% rise",
# "174.6 mln (up 5 pct from 150.3 mln)", "121,616 — up 4.1 pct —", ", an increase of 30% from", ", a 5% rise";
# "10,052,000 up 11.8 pct", "500 million units up 40%" (no mark between: "up"/"down" only, and only the figure's
# own noun between; `mark` is then None). "NEW is a 12% increase on OLD": a copula marks the aside only when
# the old figure is named (_new_before's `old_known`), else the figure may be another measure's.
_NEW_BEFORE_ASIDE = lazy_compile(
    rf"{Q}(?:[^⟨]{{0,40}}?(?P<mark>,|\(|\s[—–-]{{1,2}}|[—–]|\s(?P<copula>is|was|were|are|represents|represented))"
    rf"\s*+(?:or\s+)?|(?:\s++(?P<noun>[a-z]+))?\s++)"
    r"(?P<article>(?:an?|the)\s+(?:(?:year-on-year|annual|yearly|on-year)\s+)?)?$", regex.REVERSE)
# "up 30% on the 723.6 million of 2021", "down 4 pct over the year-earlier 2.1 mln", "a 9% gain on the 40,000":
# "on"/"over" name the old figure after "up"/"down" and a rate and after "a N% rise" only (after a verb,
# "rose 5% on 3 million shares" is the volume, not a base)
_ON_BASE = lazy_compile(rf"\s*+(?:on|over)\s+(?:the\s+|a\s+)?(?:(?:year-earlier|year-ago|previous|prior|revised)\s+)?"
                         rf"(?:last\s+)?(?:[\w-]+'s\s+)?{Q}", regex.IGNORECASE)  # (", up 5% on 1985's 2.1 mln", "on last year's")
_NOT_NOUNS = frozenset("and or but in of for to with while as than the a an at on by from".split())
# "sales 174.6 mln dlrs vs 150.3 mln dlrs, up 16 pct": the figure before the aside is the old one, after "vs"
_VS_BEFORE = lazy_compile(rf"{Q}[^⟨]{{0,30}}?\s(?:vs\.?|versus)\s+$", regex.REVERSE)
# "NEW, compared with OLD a year ago, an increase of 31%", "2.4m, against 3.1m a year earlier, a fall of 23%": the
# old figure right after "compared with"/"against", the new one before it, when the change names no base of its own
# and nothing but a dating stands between the old figure and the change ("147.5 mln for coffee, a drop of 42 pct"
# is another measure's change).
_COMPARED_BEFORE = lazy_compile(rf"{Q}[^⟨]{{0,30}}?\s*+,?\s*+(?:compared\s+(?:with|to)|(?:as\s+)?against)\s+$",
                                regex.REVERSE | regex.IGNORECASE)
_ONLY_A_DATING = lazy_compile(
    r"(?:\s++(?:a\s++year\s++(?:ago|earlier|before)|the\s++(?:year|month|quarter)\s++before|last\s++(?:year|month|season)|"
    r"(?:in|for)\s++(?:the\s++)?(?:(?:19|20)\d\d|(?:same|year-earlier|year-ago|previous|prior)\s++(?:period|quarter|month|"
    r"year|half)(?:\s++(?:a|last)\s++year)?)))?\s*+(?:,|\(|\s[—–-]{1,2}|[—–])", regex.IGNORECASE)
# A rate in brackets right after a change's figures, signed or not: "rose to 174.6 mln from 150.3 mln (+16%)",
# "fell to 145.5 from 150.3 (-3.2%)"; a share would go on ("(16% of the total)").
_RATE_IN_BRACKETS = lazy_compile(rf"(?:\s++[a-z]+){{0,2}}\s*+\(\s*+\+?{Q}\s*+\)", regex.IGNORECASE)
# "5% up on 2021": the rate stands before "up"/"down" (rules.comparatives reads that claim)
_RATE_BEFORE_ADVERB = lazy_compile(rf"{Q}\s++$", regex.REVERSE)
# Currencies quoted per dollar: when they "rise", the quoted number falls.
_INVERSE_SUBJECT = lazy_compile(
    r"(?:\bthe\s+(?:mark|won|franc|lira|peso)|\b(?:yen|marks|francs|guilders?|lire|yuan|rupees?|pesetas?|"
    r"roubles?|rubles?|renminbi))\b[^.;,⟨]{0,20}\Z", regex.IGNORECASE | regex.REVERSE)
_RESPECTIVELY = lazy_compile(
    rf"(?P<values>{Q}(?:\s*+,\s*+{Q})*+,?\s+and\s+{Q})[^⟨;.]{{0,40}}?\bin\s+"
    r"(?P<labels>(?:19|20)\d\d(?:\s*+,\s*+(?:19|20)\d\d)*+,?\s+and\s+(?:19|20)\d\d)\s*+,?\s*+respectively",
    regex.IGNORECASE,
)
_DETERMINER_BEFORE = lazy_compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|jobs?|any|no)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_UP_TO = lazy_compile(r"\s+to\b", regex.IGNORECASE)
_CONVERSION_BEFORE = lazy_compile(rf"{Q}\s*+,?\s*+(?:or|\()\s*+\Z", regex.REVERSE)
_PER_TO_DOLLAR = lazy_compile(
    r"\s*+(?:to|per|against)\s+(?:the\s+|one\s+)?(?:U\.S\.\s+|D-)?(?:dollar|mark|yen|pound|sterling|franc|euro)\b",
    regex.IGNORECASE)
DURATION_NOUNS = frozenset("months month years year weeks week days day quarters quarter hours hour minutes decades".split())
MAX_WINDOW = 140  # a figure further than this from its verb belongs to another clause

# Words saying a rate is measured on other figures than the ones stated ("on a comparable basis", "adjusted"):
# no base to check against. A basis of time ("on an annual basis", "on a year-on-year basis") is the
# period the stated figures already compare, not another basis.
_OTHER_BASIS = lazy_compile(
    r"\b(?:comparable|same-store|same\s+store|"
    r"(?<!annual )(?<!yearly )(?<!year-on-year )(?<!year-over-year )(?<!quarterly )(?<!monthly )basis|"
    r"adjusted|constant|real\s+terms|local\s+currency|excluding|per\s+share)\b", regex.IGNORECASE)
_NOUN_AFTER_TRIGGER = lazy_compile(r"\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[a-z\-]+\s+){0,3}", regex.IGNORECASE)
_TOKEN = lazy_compile(r"⟨(\d+)⟩")
_FIGURE_TOKEN = "⟨"  # what every figure's token in a skeleton opens with (tests/test_claim_speed.py sets "": no gate)
_YEAR = lazy_compile(r"(?:19|20)\d\d")



def _fold(pattern: regex.Pattern) -> re.Pattern:
    """`pattern` for the lower-cased skeleton of an ASCII document, compiled by stdlib `re`.

    Why: on this text `re` without IGNORECASE runs the trigger scan ~2.4x faster than
    `regex` with it, and each per-trigger test ~2-5x faster. Exact: lower() of ASCII text
    only folds A-Z and keeps offsets, the pattern's letters are all lower case, and with
    re.ASCII \\b, \\s, \\w and \\d mean what `regex` gives them on ASCII text (the skeleton's
    ⟨ ⟩ are neither word nor space characters for either engine). A REVERSE pattern is
    compiled forwards: only use its folded twin for yes/no, which does not depend on the
    direction of the search (none of them cuts backtracking with possessive quantifiers).
    """
    if regex.search(r"[A-Z]", regex.sub(r"\\.|\(\?P<", "", pattern.pattern)):
        raise AssertionError(f"{pattern.pattern!r} cannot be folded: it has upper-case letters")
    return lazy_compile_stdlib(pattern.pattern, re.ASCII)  # compiled on first use, as its `regex` twin


class _Patterns:
    """The skeleton patterns one document is read with: the `regex` ones, or their folded
    twins (see _fold) when the document is ASCII."""

    __slots__ = ("appositive", "clause_end", "determiner_before", "from_", "inverse_subject", "noun_after_trigger",
                 "other_basis", "rate_after", "to", "trigger", "up_to", "wordy_rate_after")

    def __init__(self, convert=lambda pattern: pattern):
        # (_read_triggers takes the trigger's groups by position: `m.groups()` is cheaper than lookups by
        # name, and `re` and `regex` number them alike; tests/test_patterns.py checks both sets)
        self.trigger = convert(_TRIGGER)
        self.clause_end = convert(_CLAUSE_END)
        self.rate_after = convert(_RATE_AFTER)
        self.wordy_rate_after = convert(_WORDY_RATE_AFTER)
        self.to = convert(_TO)
        self.from_ = convert(_FROM)
        self.other_basis = convert(_OTHER_BASIS)
        self.up_to = convert(_UP_TO)
        self.noun_after_trigger = convert(_NOUN_AFTER_TRIGGER)
        self.appositive = convert(_APPOSITIVE)
        self.determiner_before = convert(_DETERMINER_BEFORE)  # yes/no only
        self.inverse_subject = convert(_INVERSE_SUBJECT)  # yes/no only


# Both sets are made at import and compiled on first use (checker.lazy_regex): a short article compiles
# the few of one set it reaches (ASCII copy the `re` twins), and `statlint audit` compiles all of them
# before it forks its workers (lazy_regex.compile_all).
_UNFOLDED = _Patterns()
_FOLDED = _Patterns(_fold)


def extract(doc: Document, facts: Facts) -> Facts:
    quantities = facts.quantities
    growths: list[Growth] = []
    series: list[Series] = []
    text = doc.text
    folded = text.isascii()  # see _fold
    patterns = _FOLDED if folded else _UNFOLDED
    if not _may_hold_claims(text, quantities):
        # (what the loop below would end with: it would find no sentence to read)
        return facts if not facts.growths and not facts.series else replace(facts, growths=(), series=())
    # the series so far in this paragraph that label a year, in order: _with_series_base. A base is tied
    # across sentences of one paragraph only: an earlier paragraph's "respectively" is another story.
    # `paragraph` is the paragraph of the series in by_label, looked up when the first of them is read:
    # while there are none, leaving a paragraph empties nothing (most articles hold no series at all).
    by_label: dict[str, list[tuple[Series, Span]]] = {}  # each series with its sentence
    paragraph = None
    for qi, qj, sent in _sentences_with_figures(doc, quantities):
        if not _may_hold_claim(text, sent, quantities, qi, qj):
            continue
        if by_label and not paragraph.start <= sent.start < paragraph.end:
            by_label = {}
        skeleton, offsets = _skeleton(text, sent, quantities, qi, qj)
        scanned = skeleton.lower() if folded else skeleton
        if not folded or "respectively" in scanned:  # _RESPECTIVELY needs the word, in any case
            for s in _series(skeleton, quantities):
                if not by_label:
                    paragraph = doc.paragraph_of(sent.start)
                series.append(s)
                for label in s.labels:
                    by_label.setdefault(label, []).append((s, sent))
        triggers = _read_triggers(patterns.trigger, scanned)
        claims = _growths(text, skeleton, scanned, patterns, triggers, offsets, quantities)
        if claims and ", with" in skeleton:
            claims = [_with_levels_after(text, skeleton, quantities, c) for c in claims]
        if by_label:  # else no series in the paragraph so far: _with_series_base would leave every claim as it is
            claims = [_with_series_base(c, text, sent, by_label) for c in claims]
        growths.extend(claims)
    if len(quantities) >= 3:  # two levels in one sentence and a rate in the next
        growths = _with_anaphoric_rates(doc, quantities, growths)
    if not growths and not series and not facts.growths and not facts.series:
        return facts  # what replace() would build, an equal value (dataclasses.replace costs ~8 us)
    return replace(facts, growths=tuple(growths), series=tuple(series))


def _sentences_with_figures(doc: Document, quantities):
    """(qi, qj, sentence) for each sentence holding quantities[qi:qj], at least two of them, or one
    percentage above 100: every claim we check connects at least two figures, but for a decline
    past 100 % (P101), which needs only its rate.

    Quantities are in text order (Facts says so), so bisecting their starts finds the same
    slice as walking them one by one. The document is split into sentences only when it can
    hold such a sentence: nearly half the news articles hold fewer than two figures, and
    splitting them cost more than all else claims do with them.

    The walk goes from figure to figure, not from sentence to sentence: the sentence around the
    next figure not yet placed (a bisect of the sentence starts, as Spans.around, read off the
    arrays the Spans keep so that no Span is made for a sentence not yielded) holds
    quantities[qi:qj], and the walk goes on from qj. Sentences are in text order and do not
    overlap, so this yields what a walk over every sentence yields (a figure in no sentence, in
    the white space between two, is passed over by both), while most sentences of a news
    article hold no figure.
    """
    if len(quantities) < 2 and not (quantities and _past_100(quantities[0])):
        return
    sentences = doc.sentences
    sentence_starts, sentence_ends = sentences.starts, sentences.ends
    starts = [q.span.start for q in quantities]
    n = len(starts)
    qi = 0
    while qi < n:
        start = starts[qi]
        i = bisect.bisect_right(sentence_starts, start) - 1
        if i < 0 or start >= sentence_ends[i]:
            qi += 1  # before the first sentence, or in the white space between two
            continue
        end = sentence_ends[i]
        qj = bisect.bisect_left(starts, end, qi + 1)
        if qj - qi >= 2 or _past_100(quantities[qi]):
            yield qi, qj, Span(sentence_starts[i], end)
        qi = qj


def _past_100(q) -> bool:
    """A percentage above 100: a claim (a decline past 100 %) on its own."""
    return q.unit == "percent" and q.value > 100


def _may_hold_claims(text: str, quantities) -> bool:
    """False only when no sentence of the document can pass _sentences_with_figures and _may_hold_claim:
    the document holds fewer than two figures and no percentage above 100, or none of its figures is a
    rate or multiplier and none of _BASE_WORDS is in its text (a sentence's figures and words are the
    document's).

    Why: 1,500 of the 5,600 news articles with two figures or more hold no rate and no "from", "vs" or
    "respectively"; for them the walk split the whole text into sentences (for most of them, no later
    extractor asks for the sentences) only to find that no sentence passed _may_hold_claim."""
    if len(quantities) < 2 and not (quantities and _past_100(quantities[0])):
        return False
    for q in quantities:
        if q.unit in _RATE_UNITS:
            return True
    for word in _BASE_WORDS:
        if word in text:
            return True
    return False


def _may_hold_claim(text: str, sent: Span, quantities, qi: int, qj: int) -> bool:
    """Cheap gate: a checkable claim needs a rate or multiplier, a "from"/"vs" figure, or a "respectively" series."""
    for i in range(qi, qj):
        if quantities[i].unit in _RATE_UNITS:
            return True
    chunk = text[sent.start:sent.end]
    for word in _BASE_WORDS:
        if word in chunk:
            return True
    return False


_RATE_UNITS = frozenset({"percent", "percentage_point", "times"})
_BASE_WORDS = ("from", "From", "FROM", "vs", "VS", "versus", "respectively")


def _skeleton(text: str, sent: Span, quantities, qi: int, qj: int) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with quantities replaced by ⟨i⟩; offsets maps skeleton pieces back to text."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []  # (skeleton position, text position) at the start of each text piece
    pos = sent.start
    length = 0
    for i in range(qi, qj):
        q = quantities[i]
        if q.span.start < pos:
            continue
        offsets.append((length, pos))
        piece = text[pos:q.span.start]
        parts.append(piece)
        length += len(piece)
        token = f"⟨{i}⟩"
        parts.append(token)
        length += len(token)
        pos = q.span.end
    offsets.append((length, pos))
    parts.append(text[pos:sent.end])
    return "".join(parts), offsets


def _to_text(offsets: list[tuple[int, int]], skel_pos: int) -> int:
    i = max(bisect.bisect_right(offsets, (skel_pos, float("inf"))) - 1, 0)
    sk, tx = offsets[i]
    return tx + (skel_pos - sk)


def _series(skeleton: str, quantities) -> list[Series]:
    out = []
    for m in _RESPECTIVELY.finditer(skeleton):
        idx = [int(x) for x in _TOKEN.findall(m.group("values"))]
        labels = tuple(_YEAR.findall(m.group("labels")))
        values = tuple(quantities[i] for i in idx)
        # "exceeded the 2 million and 3 million mark": the bound word governs every value
        bounded = next((v for v in values if v.bound != "="), None)
        if bounded is not None:
            values = tuple(replace(v, bound=">", low=v.value, high=float("inf")) if bounded.bound == ">" else v
                           for v in values)
        span = Span(values[0].span.start, values[-1].span.end)
        out.append(Series(span=span, values=values, labels=labels))
    return out


# "was up", "were down": a copula and an adverb read as one verb; like "up"/"down" alone, "on" after its rate
# names the base ("were up 35% on last year's 6.0 million")
_COPULA_UP = lazy_compile(r"(?:was|were|is|are)\s+(?:up|down)", regex.IGNORECASE)
# an "on" base after the new level names itself one: "on last year's", "on the year-earlier", "on the 3.66 million"
_ON_NAMED_BASE = lazy_compile(r"\b(?:the|year-earlier|year-ago|previous|prior|revised)\s|'s\s", regex.IGNORECASE)


def _skip_space(s: str, pos: int) -> int:
    """The first position at or after `pos` that is not white space."""
    while pos < len(s) and s[pos].isspace():
        pos += 1
    return pos


class _Trigger(NamedTuple):
    """One _TRIGGER match, its groups read once by position."""

    start: int
    end: int
    word: str  # the direction word, noun or multiplier verb (in whatever case was scanned)
    word_start: int
    rate_token: str | None  # "⟨i⟩ increase": i, the figure before the noun
    mult: str | None  # "doubled", "halved"...
    noun: str | None  # "increase of ⟨i⟩"
    verb: str | None  # "rose", "went up"...


def _read_triggers(pattern, scanned: str) -> list[_Trigger]:
    triggers = []
    for m in pattern.finditer(scanned):
        rq, noun2, mult, noun, _, verb = m.groups()
        # the word's group is the branch's last named group (regex's `lastgroup`)
        group = 2 if noun2 is not None else 3 if mult is not None else 4 if noun is not None else 6
        word = noun or noun2 or verb or mult
        triggers.append(_Trigger(m.start(), m.end(), word, m.start(group), rq, mult, noun, verb))
    return triggers


def _growths(text: str, skeleton: str, scanned: str, patterns: _Patterns, triggers: list[_Trigger], offsets,
             quantities) -> list[Growth]:
    """The growth claims in one sentence's skeleton; `scanned` is what `patterns` read (the
    skeleton, or its lower-cased copy for the folded patterns: same offsets)."""
    claims: list[Growth] = []
    for n, t in enumerate(triggers):
        word = t.word
        if t.verb:
            low_word = t.verb.lower()
            if low_word == "up" and patterns.up_to.match(scanned, t.end):
                continue  # "up to 2 billion" is a bound, not a rise
            if patterns.determiner_before.search(scanned, max(0, t.start - 12), t.start):
                continue  # "the jobs gains", "the cut": a noun, whose figures need not move its way
        window_end = triggers[n + 1].start if n + 1 < len(triggers) else len(skeleton)
        window_end = min(window_end, t.end + MAX_WINDOW)
        stop = patterns.clause_end.search(scanned, t.end, window_end)
        if stop:
            window_end = stop.start()
        window = scanned[t.end:window_end]
        # every pattern read in the window below ends on a figure's token: a window without one (one in seven)
        # spares them (rate_after, wordy_rate_after, to, from_ and _ON_BASE find nothing there)
        figured = _FIGURE_TOKEN in window
        rate = factor = old = new = None
        factor_kind = word.lower() if t.mult else ""  # "doubled", "halved"...
        direction = _direction(t)
        absolute_change = False
        amount = None
        rm = patterns.rate_after.match(window) if figured else None
        if rm and rm.group("over") and quantities[int(rm.group(rm.re.groups))].unit != "percent":
            rm = None  # "over"/"under" only before a percent: "a jump over 400 mln" names the base
        if rm and _fraction_of_something(text, quantities[int(rm.group(rm.re.groups))]):
            rm = None  # "rose by half a point": the fraction is of the amount after it, not the rate
        if rm is None and (t.verb or t.noun):
            rm = _wordy_rate(patterns.wordy_rate_after.match(window) if figured else None, quantities,
                             object_allowed=t.verb is not None and word.lower() not in ("up", "down"))
            if rm is None and t.noun:
                continue  # "an increase of the 5% ...": the words before the figure are not its hedge
        if rm:
            q = quantities[int(rm.group(rm.re.groups))]
            pair = amount_and_rate(window, q, rm.end(), quantities, is_level)
            if pair is not None:
                amount, rate = pair  # "climbed 221 points, or 1.7 percent,", "rose 0.5 points (10%)"
            elif q.unit == "percent" or q.unit == "percentage_point":
                rate = q
            elif q.unit == "times":
                factor, factor_kind = q, "fold" if "fold" in q.text.lower() else "times"
            else:
                amount = q  # an amount alone: "down $1.5 billion from $45.7 billion" (G107)
                # only a "from" figure right after it is its base: in "up 13.1 at 6.785 from 6.84" it is another reference
                absolute_change = not base_right_after(window, q, rm.end())
        adverb = t.verb is not None and word.lower() in ("up", "down")
        if rm is None and rate is None and amount is None and t.verb is not None and not adverb:
            rate = _fraction_rate(text, offsets, t.end, window, direction)  # "slumped by almost half to 2,300 from 2,900"
        if rm is None and t.verb is not None and word.lower() in ("up", "down", "lower") \
                and not window.lstrip().startswith("than"):
            pair = amount_and_rate_before(scanned, t.start, quantities, is_level)  # "150 points or 1 per cent lower at"
            if pair is not None:
                amount, rate = pair
        if adverb and amount is None and _rate_before(skeleton, t.start, quantities) is not None:
            continue  # "5% up on 2021": a comparative (rules.comparatives)
        if t.rate_token is not None:
            q = quantities[int(t.rate_token)]
            if q.unit == "percent":
                rate = q  # "a 5% increase"
            elif q.unit == "times":
                factor, factor_kind = q, "fold" if "fold" in q.text.lower() else "times"  # "a threefold increase"
        tm = patterns.to.search(window) if figured else None
        if tm and is_level(quantities[int(tm.group(1))]):
            new = quantities[int(tm.group(1))]
        fm = patterns.from_.search(window) if figured else None
        if figured and fm is None and ((adverb or t.noun or _COPULA_UP.fullmatch(word)) and rm
                                       or t.rate_token is not None):
            fm = _ON_BASE.match(window, rm.end() if rm else 0)  # "up 30% on the 723.6 million", "a 9% gain on 40,000"
            if fm is None and tm is not None and rm is not None and tm.start() == _skip_space(window, rm.end()):
                fm = _ON_BASE.match(window, tm.end())  # "up 35% at 7.2 million on last year's 6.0 million"
                if fm is not None and (not _ON_NAMED_BASE.search(fm.group()) or new is None
                                       or new.is_percent != quantities[int(fm.group(1))].is_percent):
                    # "rose 5% to 120p on 3 million shares": the volume, not a base; "up 4.2 to 5.5 pct on the
                    # 7.2 mln": the "to" figure is the end of a range of rates, no level
                    fm = None
        if fm and is_level(quantities[int(fm.group(1))]) and not base_of_another_month(
                scanned, t.start, t.end + fm.start(), t.end + fm.end()):
            old = quantities[int(fm.group(1))]
        compared_end = 0
        if old is None and new is not None and rate is not None and rate.unit == "percent":
            cb = compared_base(scanned, t.end + tm.end())  # "to $2.4 million, or $1.02 a share, compared with $2.2 million"
            if cb is None:
                cb = _dated_compared_base(text, scanned, t.end + tm.end(), new)  # "..., compared with 3.1 million in 2023"
            if cb is None:
                cb = _bracketed_base(scanned, t.end + tm.end(), new, quantities)  # "up 6% at £8.42bn (2023: £7.31bn)"
            if cb is not None and is_level(quantities[cb[0]]):
                old, compared_end = quantities[cb[0]], cb[1] - t.end
        if new is not None and old is not None and new is old:
            new = None
        if old is not None and new is not None and fm and tm and _across_places(text, old, new):
            old = new = None  # "has fallen, from 4.1 percent in Austria to 19.3 percent in Greece": a spread, no change
        used_end = max(tm.end() if tm else 0, fm.end() if fm else 0, rm.end() if rm else 0, compared_end)
        # a basis word counts only before the last figure used ("..., with same-store sales up 5 pct"
        # qualifies the next claim, not this one), and not inside a per-share aside to a level ("to 2.4
        # million, or 15 cents per share, from"); "respectively" pairs two lists anywhere in the clause
        # (with nothing used, used_end is 0: no basis word stands before it)
        if absolute_change or used_end and patterns.other_basis.search(without_per_share_asides(window), 0, used_end) \
                or skeleton.find("respectively", t.end, window_end) != -1 \
                or (old is not None and old.kind == "quote") or (new is not None and new.kind == "quote"):
            old = None  # a different basis, a "respectively" list, or bid/offer quotes: no base to check against
        if n and t.rate_token is None and triggers[n - 1].word.lower() not in ("up", "down") \
                and patterns.noun_after_trigger.fullmatch(scanned, triggers[n - 1].end, t.start):
            # "increase the annual permissible cut ... to 10 pct": the first word governs (an adverb
            # governs nothing: "output up, sales down copper production rose ..." is a rise)
            direction = _direction(triggers[n - 1])
            if claims and claims[-1].verb is not None and claims[-1].old is None and claims[-1].new is None:
                claims.pop()
        # ", a year-on-year increase of 574%" / ", up 5%" completes the claim before it
        gap = scanned[max(triggers[n - 1].end, t.start - 80):t.start] if n else ""
        if rate is None and factor is None and old is None and new is None and not t.mult:
            if amount is not None and claims and _completes_with_amount(claims[-1], direction, amount) \
                    and _is_appositive(patterns, gap):
                # "rose from 4.1% to 4.6%, a rise of 0.5 points", "fell to $2.4bn from $2.6bn - a drop of $200m":
                # the amount the two levels before it moved by (G107 checks it)
                claims[-1] = replace(claims[-1], amount=amount)
            continue
        if claims and _is_appositive(patterns, gap) \
                and claims[-1].rate is None and claims[-1].factor is None and (rate or factor) \
                and old is None and new is None and claims[-1].direction == direction:
            # (an amount before is not restated by it: "rose by 48,000 to 2,716,000, a rise of 21 pct during
            # the last 12 months" compares another period)
            claims[-1] = replace(claims[-1], rate=rate, factor=factor, factor_kind=factor_kind or claims[-1].factor_kind,
                                 amount=None)
            continue
        form = "noun" if t.noun or t.rate_token is not None else "adverb" if adverb else "verb"
        if new is None and form != "verb" and (old is not None or rate is not None or factor is not None):
            new, base = _new_before(skeleton, t.start, adverb, quantities, old is not None, text)  # "174.6 mln (up 5 pct from 150.3 mln)"
            if new is not None and (new is old or new.kind == "quote"):
                new = None
            elif base is not None and old is None:
                old = base
            if amount is not None and (new is rate or new is amount):
                new = None  # "closed 350 points or 1.33 percent down": the pair is no level
        if rate is None and factor is None and amount is None and old is not None and new is not None and not t.mult \
                and used_end:
            rate = _apposed_fraction(text, offsets, skeleton, t.end + used_end, direction)  # ", a fall of a third"
        verb_start = _to_text(offsets, t.word_start)
        verb = Span(verb_start, verb_start + len(word))
        inverse = bool(patterns.inverse_subject.search(scanned, max(0, t.start - 40), t.start)) or (
            new is not None and bool(_PER_TO_DOLLAR.match(text, new.span.end)))
        if old is not None and new is not None:
            old, new = _shared_scale(text, old, new)  # "from 400 to 500 million"
        if rate is None and factor is None and amount is None and old is not None and new is not None and claims \
                and word.lower().endswith("ing") and _completes_with_levels(claims[-1], direction) \
                and _is_appositive(patterns, gap) and _FROM_OR_TO.match(text, verb.end):
            # "plunged 62%, dropping from 5,820 to 3,150": a participle in apposition gives the levels of the
            # rate before it (right after it: "rose 5%, lifting profit from 10 to 20" moves another measure)
            claims[-1] = replace(claims[-1], old=old, new=new)
            continue
        if rate is None and factor is None and old is not None and new is not None and fm:
            # (also after "NEW, up from OLD (+45%)": the new level stands before the change word)
            after = t.end + max(tm.end() if tm else 0, fm.end())
            rate = _rate_in_brackets(skeleton, after, quantities)
        claims.append(Growth(span=verb, direction=direction, verb=verb, verb_text=text[verb.start:verb.end],
                             rate=rate, factor=factor, factor_kind=factor_kind, old=old, new=new, inverse=inverse,
                             form=form, amount=amount))
    return claims


# The period of the new level, between it and "compared with"/"against" ("rose 14% to 3.65 million in March,
# compared with ..."): a year ("in 2024", "last year", "this year") or a part of one ("in March", "in the first
# quarter", "in the six months"). (Month names are written out: the skeleton may be lower-cased, rules.claims._fold.)
_PERIOD_AFTER_NEW = lazy_compile(
    r"(?:\s++(?!(?:in|during|for|last|this|compared|against|as)\b)[a-z][a-z-]*+)?"  # the level's noun: "71,400 bales"
    r"(?:\s++(?:(?:in|during|for)\s++(?:the\s++)?(?:(?P<year>(?:19|20)\d\d)|(?P<part>january|february|march|april|may|"
    r"june|july|august|september|october|november|december|(?:first|second|third|fourth|final|last)\s++"
    r"(?:quarter|half|three\s++months|six\s++months|nine\s++months)|(?:three|six|nine)\s++months)(?:\s++of\s++"
    r"(?:19|20)\d\d)?)|(?:last|this)\s++(?P<this_year>year|season))\b)?", regex.IGNORECASE)
# The old level after "compared with"/"against", dated by the year or season before the new one's: "compared
# with 3.1 million in 2023", "against 70 mln tonnes last season", "82,300 bales in the same month of 2023"
# (rules._asides.compared_base reads the other datings, "a year earlier", with no noun between). The figure
# may take one noun ("3.1 million visitors in 2023"); the dating must end the clause.
_COMPARED_DATED = lazy_compile(
    r"\s*+,?\s*+(?:compared\s+(?:with|to)|(?:as\s+)?against)\s++(?:the\s++)?⟨(\d+)⟩(?:\s++(?!in\b|for\b|last\b|the\b)[a-z-]+)?"
    r"\s++(?:(?:in|for)\s++(?P<year>(?:19|20)\d\d)|(?:last|the\s++previous|the\s++prior)\s++season|"
    r"(?:in|for|during)\s++the\s++(?:same|corresponding|comparable|year-earlier|year-ago|prior-year)\s++"
    r"(?:month|quarter|period|half|week|season|months|weeks)(?:\s++(?:of|in)\s++(?:19|20)\d\d|\s++(?:a|last)\s++year)?)"
    r"(?=\s*+(?:[.;,)]|$))", regex.IGNORECASE)


def _dated_compared_base(text: str, scanned: str, pos: int, new: Quantity,
                         any_year: bool = False) -> tuple[int, int] | None:
    """(figure index, end) of the old level after "compared with"/"against" at `pos`, right after the new level
    `new` (or after the new level's period), when the old one is dated the year or season before: "rose 22% to
    3.4 million, compared with 3.1 million in 2023", "fell 14% to 3.65 million in March, compared with 3.91
    million in the same month of 2023", "slid 11 percent to 62 mln tonnes against 70 mln tonnes last season".

    Why only so: a figure after these words may be another period's ("to 218,340, compared with 203,115 in
    June" sets a year-on-year change beside last month's level). A whole year is the base of a whole year
    only: not when the new level is for a month or a quarter ("in the first half, compared with 6.1 million
    in 2023"), and only when the new level is dated to the year after: "rose 10% to 3.4 million, compared
    with 4.1 million in 2019" may set this year's level beside the last year before a slump, while the rate
    is on last year's. `any_year`: the rate is said to be of these two levels ("That is a 31% increase"),
    whatever their years."""
    period = _PERIOD_AFTER_NEW.match(scanned, pos, pos + 60)  # (it matches, if only the empty string)
    at = period.end()
    if at != pos:
        cb = compared_base(scanned, at)  # "in March, compared with 3.91 million in the same month of 2023"
        if cb is not None:
            return cb
    m = _COMPARED_DATED.match(scanned, at, at + 120)
    if m is None:
        return None
    if m.group("year"):
        if period.group("part"):
            return None  # a part of a year against a whole one
        year = int(m.group("year"))
        new_year = int(period.group("year")) if period.group("year") else year_of(text, new)
        if not any_year and new_year != year + 1:
            return None
    elif period.group("this_year") == "year":
        return None  # "last year, against ... last season": two datings that need not be consecutive
    return int(m.group(1)), m.end()


# Last year's level in brackets right after the new one, bare or after its year and a colon: "rose 6% to £8.42bn
# (£7.94bn)", "were up 6% at £8.42bn (2023: £7.94bn)" (results copy).
_BRACKETED_BASE = lazy_compile(r"\s*+\(\s*+(?:(?:fy\s*+)?(?:19|20)\d\d(?:/\d\d)?\s*+:\s*+)?⟨(\d+)⟩\s*+\)", regex.IGNORECASE)


def _bracketed_base(scanned: str, pos: int, new: Quantity, quantities) -> tuple[int, int] | None:
    """(figure index, end) of last year's level in brackets right after the new level of a change at `pos`
    ("up 6% at £8.42bn (£7.94bn)"), in the new level's own unit: a bracket after a level is as often its
    conversion ("to £412m ($520m)"), which another unit shows, and a share or a per-share figure ("(15p a
    share)") has another unit or more words."""
    m = _BRACKETED_BASE.match(scanned, pos, pos + 40)
    if m is None:
        return None
    old = quantities[int(m.group(1))]
    if old.unit != new.unit or old.is_percent or old.bound != "=":
        return None
    return int(m.group(1)), m.end()


# A sentence that only names the rate of a change the sentence before it stated by its two levels: "That is a 45%
# increase.", "This represents a rise of 35 per cent.", "That was growth of 12% year on year." (read on the
# sentence's skeleton: its one figure is the token).
_ANAPHORIC_RATE = lazy_compile(
    r"^\s*+(?:that|this|it)(?:'s|’s|\s++(?:is|was|represents|represented|marks|marked|means|meant|amounts\s++to|"
    r"amounted\s++to|equals|equalled|equaled|(?:is|was)\s++equivalent\s++to))\s++"
    r"(?:an?\s++)?(?:(?:year-on-year|year-over-year|annual|overall)\s++)?"
    rf"(?:⟨(?P<rate1>\d+)⟩\s++(?P<noun1>{_NOUN_P})|(?P<noun2>{_NOUN_P})\s++of\s++"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s++than|less\s++than|just\s++over|just\s++under)\s++)?"
    r"⟨(?P<rate2>\d+)⟩)"
    r"(?P<yearly>\s++(?:year[- ]on[- ]year|year[- ]over[- ]year|on\s++the\s++year|from\s++a\s++year\s++(?:earlier|ago|before)|"
    r"on\s++(?:last|the\s++previous|the\s++prior)\s++year))?\s*+[.!]?\s*+$", regex.IGNORECASE)


def _with_anaphoric_rates(doc: Document, quantities, growths: list[Growth]) -> list[Growth]:
    """`growths` with the rates stated in a sentence of their own after the two levels: "Sales were $4.1
    billion, against $3.2 billion a year earlier. That is a 28% increase." (G101 checks the 28%).

    The rate's sentence holds that one figure, a pronoun for the change ("that", "this", "it"), a copula and
    the rate with a change noun, and nothing else but "year on year" and its kin: any other word may name
    another measure. The sentence before, in the same paragraph, holds the levels: a change claim with
    both levels and no rate, factor or amount of its own (the last such in it, which then takes the rate,
    if it goes the noun's way), or, when it holds no change claim, a level and the level after "compared
    with"/"against" for the year before (rules._asides.compared_base, _dated_compared_base). Linear: each
    percent figure alone in its sentence is looked at once, with the sentence before it."""
    text = doc.text
    starts = None  # the figures' starts, made at the first rate read
    claim_starts = None  # the claims' starts
    added: dict[int, Growth] = {}  # by the index of the claim it replaces, or -1 - the rate's index
    n = len(quantities)
    for i, q in enumerate(quantities):
        if q.unit != "percent" or q.kind != "level" and q.kind != "change":
            continue
        sent = doc.sentence_of(q.span.start)
        semicolon = text.rfind(";", sent.start, q.span.start)
        clause = Span(semicolon + 1, sent.end) if semicolon != -1 else sent  # "...from $31.5bn; that was a 12% increase."
        if (i and quantities[i - 1].span.end > clause.start) or (i + 1 < n and quantities[i + 1].span.start < clause.end):
            continue  # not the only figure of its sentence (or of its clause after a semicolon)
        skeleton, offsets = _skeleton(text, clause, quantities, i, i + 1)
        m = _ANAPHORIC_RATE.match(skeleton)
        if m is None:
            continue
        if semicolon != -1:
            prev = Span(sent.start, semicolon)  # the clause before the semicolon holds the levels
        else:
            k = sent.start - 1
            while k > 0 and text[k].isspace():
                k -= 1
            prev = doc.sentence_of(k)
            if prev.start >= sent.start or doc.paragraph_of(prev.start) != doc.paragraph_of(sent.start):
                continue
        noun = m.group("noun1") or m.group("noun2")
        at = _to_text(offsets, m.start("noun1" if m.group("noun1") else "noun2"))
        word = Span(at, at + len(noun))
        key = noun.split()[0]
        direction = Direction.UP if (key.lower() in _UP_KEYS if key.isascii() else _IS_UP.fullmatch(key)) \
            else Direction.DOWN
        if claim_starts is None:
            claim_starts = [g.span.start for g in growths]
        lo, hi = bisect.bisect_left(claim_starts, prev.start), bisect.bisect_left(claim_starts, prev.end)
        if lo < hi:  # the sentence before states a change: its last claim with both levels and nothing else
            j = next((j for j in range(hi - 1, lo - 1, -1) if growths[j].old is not None
                      and growths[j].new is not None), None)
            g = growths[j] if j is not None else None
            if g is not None and g.rate is None and g.factor is None and g.amount is None \
                    and g.direction == direction and not g.series:
                added[j] = replace(g, rate=q, link=Link.PARAGRAPH)
            continue
        starts = starts or [x.span.start for x in quantities]
        qi, qj = bisect.bisect_left(starts, prev.start), bisect.bisect_left(starts, prev.end)
        if qj - qi < 2:
            continue
        pskel, _ = _skeleton(text, prev, quantities, qi, qj)
        # (a rate said to be on the year before is of a level dated the year before only; one said of "that"
        # alone is of the two levels, whatever their years: "6.8 million, compared with 5.2 million in 2019")
        pair = _compared_pair(text, pskel, quantities, any_year=m.group("yearly") is None)
        if pair is not None:
            new, old = pair
            added[-1 - i] = Growth(span=word, direction=direction, verb=word, verb_text=text[word.start:word.end],
                                   rate=q, old=old, new=new, form="noun", link=Link.PARAGRAPH)
    if not added:
        return growths
    out = [added.get(j, g) for j, g in enumerate(growths)]
    out.extend(g for key, g in added.items() if key < 0)
    out.sort(key=lambda g: g.span.start)
    return out


def _compared_pair(text: str, skeleton: str, quantities, any_year: bool) -> tuple[Quantity, Quantity] | None:
    """(new, old) of the one level in a sentence's skeleton followed by "compared with"/"against" and the level
    of the year before ("Sales were $4.1 billion, against $3.2 billion a year earlier."), or of any year when
    `any_year` (_dated_compared_base), else None."""
    found = None
    for m in _TOKEN.finditer(skeleton):
        cb = compared_base(skeleton, m.end())
        new = quantities[int(m.group(1))]
        if cb is None:
            cb = _dated_compared_base(text, skeleton, m.end(), new, any_year)
        if cb is None:
            continue
        old = quantities[cb[0]]
        if found is not None or not (is_level(new) and is_level(old)) or new.is_percent != old.is_percent:
            return None  # two such pairs: which one the rate is of, the words do not say
        found = (new, old)
    return found


# A place named right after a figure: "in Austria", "in the United States" (a capitalised name, not a month, a day
# or a period label: "in March", "in Q1" date a change).
_IN_PLACE = lazy_compile(r"\s++in\s++(?:the\s++)?(?P<place>(?!(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|"
                         r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|Autumn|Fall|Winter|Q[1-4]|H[12]|"
                         r"FY|Fiscal|Week|Quarter|Year)\b)[A-Z][a-z]{2,}(?:\s++[A-Z][a-z]+)*+)")


def _across_places(text: str, old: Quantity, new: Quantity) -> bool:
    """Whether "from OLD in A to NEW in B" names two places: the figures are a spread across places, not one measure
    moving over time ("unemployment has fallen, from 4.1 percent in Austria to 19.3 percent in Greece")."""
    a, b = _IN_PLACE.match(text, old.span.end), _IN_PLACE.match(text, new.span.end)
    return a is not None and b is not None and a.group("place") != b.group("place")


# Marks that set an aside off as a comma does: a dash with white space either side or none, an opening bracket
# ("up from 402,000 - an increase of 8%", "402,000 (an increase of 8%)"). _is_appositive writes them as a
# comma for _APPOSITIVE, whose one comma is a literal `regex` looks for first (a pattern with several marks
# to choose from scanned runs of white space quadratically: tests/test_patterns.py).
_ASIDE_MARKS = (" — ", " – ", " -- ", " - ", "—", "–", " (")


# Letters the reader may leave glued after a figure it reads bare ("a 100m sprint"; quantities.numeral)
_DROPPED_LETTERS = frozenset("mMbB")


def _is_appositive(patterns: _Patterns, gap: str) -> bool:
    """Whether the words between a claim's last figure and the next change word (`gap`, its tail after the
    last figure) set that change off as an aside to the claim: ", a year-on-year increase of", " - up"."""
    tail = gap.rsplit("⟩", 1)[-1]
    if tail[:1] in _DROPPED_LETTERS and not tail[1:2].isalpha():
        tail = tail[1:]  # "from 5.9m, a gain of": the figure's glued letter, left out of it by the reader
    if "," not in tail:
        for mark in _ASIDE_MARKS:
            if mark in tail:
                tail = tail.replace(mark, ", ", 1)
                break
    return patterns.appositive.fullmatch(tail) is not None


_FROM_OR_TO = lazy_compile(r"\s++(?:from|to)\s", regex.IGNORECASE)


def _completes_with_levels(claim: Growth, direction: Direction) -> bool:
    """Whether two levels in apposition ("..., dropping from 5,820 to 3,150") are those of `claim`, the claim
    before: it has a rate and no level, amount or multiplier of its own, and goes their way."""
    return claim.rate is not None and claim.old is None and claim.new is None and claim.amount is None \
        and claim.factor is None and claim.direction == direction and claim.direction != Direction.UNKNOWN


def _completes_with_amount(claim: Growth, direction: Direction, amount: Quantity) -> bool:
    """Whether an amount alone in apposition ("..., a rise of 0.5 points") states the change of `claim`, the
    claim before it: that claim has both levels and no rate, factor or amount of its own, and goes the
    amount's way. An amount beside a claim with a rate may be another period's ("rose 21 pct to 2,716,000,
    an increase of 48,000 in the last 12 months"), and one beside a claim without both levels has nothing
    to be the difference of."""
    return (claim.old is not None and claim.new is not None and claim.rate is None and claim.factor is None
            and claim.amount is None and claim.direction == direction and is_level(amount))


# A fraction in words as a verb's rate: "fell by half", "rose by a third", "slumped by almost half", "cut by
# two-thirds"; then the levels, a period or the clause's end ("by half a point", "by a third of its staff" are
# other amounts).
_FRACTION_AFTER = lazy_compile(
    r"^\s*+by\s++(?:(?P<hedge>almost|nearly|about|around|roughly|some|more\s++than|over|less\s++than|under)\s++)?"
    r"(?P<frac>half|(?:a|one|two|three)[\s-]++(?:thirds?|quarters?|fifths?|tenths?))\b"
    r"(?=\s*+(?:[,.;)]|$|to\b|from\b|in\b|on\b|since\b|over\b|last\b|this\b|compared\b|against\b))",
    regex.IGNORECASE)
_FRACTION_WIDTH = 2.5  # percentage points either way for a fraction in words (as rules.comparatives)


_OF_SOMETHING = lazy_compile(r"\s++(?:a|an|of|the)\b", regex.IGNORECASE)


def _fraction_of_something(text: str, q: Quantity) -> bool:
    """Whether `q` is a fraction in words that goes on to name what it is a fraction of ("half a point", "a third
    of its staff", "half the gain"): an amount, not the rate of the change."""
    return q.unit == "percent" and not q.text[:1].isdigit() and _OF_SOMETHING.match(text, q.span.end) is not None


def _fraction_rate(text: str, offsets, at: int, window: str, direction: Direction) -> Quantity | None:
    """The rate a fraction in words after a change verb states ("fell by a third": 33.3 %, read loosely, 30.8
    to 35.8 %; "by almost half": 40 to 50 %; "by more than half": over 50 %, and at most 100 % for a fall), as
    a percent whose span and text are the words (a bound, "more than", is the figure's `bound`, as the number
    reader gives it); None when the window (the skeleton after the verb, which starts at `at`) does not open
    with one."""
    m = _FRACTION_AFTER.match(window)
    return _fraction_quantity(text, offsets, at, m, direction) if m is not None else None


# A fraction in words as the rate of a change noun in apposition after the change's two levels: "fell from 8.1
# per cent to 5.4 per cent, a reduction of a third", "rose to £48m from £36m - an increase of almost half".
_APPOSED_FRACTION = lazy_compile(
    rf"\s*+(?:,|[—–]|--?|\()\s*+(?:an?\s++)?(?P<noun>{_NOUN_P})\s++of\s++"
    r"(?:(?P<hedge>almost|nearly|about|around|roughly|some|more\s++than|over|less\s++than|under)\s++)?"
    r"(?P<frac>(?:a\s++)?half|(?:a|one|two|three)[\s-]++(?:thirds?|quarters?|fifths?|tenths?))\b"
    r"(?=\s*+(?:[.;,)]|$))", regex.IGNORECASE)


def _apposed_fraction(text: str, offsets, skeleton: str, at: int, direction: Direction) -> Quantity | None:
    """The rate a change noun in apposition states as a fraction in words, right after a change's last level at
    `at` in the skeleton ("..., a reduction of a third."), when the noun goes the change's way; else None."""
    m = _APPOSED_FRACTION.match(skeleton, at, at + 80)
    if m is None:
        return None
    key = m.group("noun").lower()
    if (Direction.UP if key in _UP_KEYS else Direction.DOWN) != direction:
        return None
    return _fraction_quantity(text, offsets, 0, m, direction)


def _fraction_quantity(text: str, offsets, at: int, m, direction: Direction) -> Quantity | None:
    """The percent a match's fraction words (group "frac", with a hedge in group "hedge") state, its span and
    text the words; `at` is where the matched string starts in the skeleton."""
    frac = " ".join(m.group("frac").replace("-", " ").split())
    share = fraction_words_value(frac[2:] if frac.lower() == "a half" else frac)
    if share is None or not 0 < share < 1:
        return None
    value = share * 100
    width = max(_FRACTION_WIDTH, value * 0.1)
    low, high, bound = value - width, value + width, "="
    hedge = " ".join(m.group("hedge").lower().split()) if m.group("hedge") else ""
    if hedge in ("almost", "nearly"):
        low, high = value - 2 * width, value  # "almost half": a little under it
    elif hedge in ("more than", "over"):
        low, high, bound = value, 100.0 if direction == Direction.DOWN else float("inf"), ">"
    elif hedge in ("less than", "under"):
        low, high, bound = 0.0, value, "<"
    start = _to_text(offsets, at + m.start("hedge" if hedge and bound == "=" else "frac"))
    end = _to_text(offsets, at + m.end("frac"))
    return Quantity(span=Span(start, end), text=text[start:end], value=value, low=low, high=high, unit="percent",
                    kind="change", bound=bound)


def _wordy_rate(m, quantities, object_allowed: bool):
    """The match of _WORDY_RATE_AFTER when its words are accounted for, else None: the figure is a percent
    rate, words right before it are its hedge (the number reader read a bound on it: "nearly", "more
    than"), and an object before it ends in "by" after a verb, not after "up"/"down" or a noun ("up the
    ladder by 5%" is no object). Any other words ("rose in 2021 5%") may belong to another clause."""
    if m is None:
        return None
    q = quantities[int(m.group(3))]
    if q.unit not in ("percent", "percentage_point"):
        # an amount after the verb's object and "by": "raised rates by 0.75 points", "cut its workforce by
        # 1,500 to 12,400" (a change stated as an amount: G107 checks it against both levels)
        if m.group("object") and object_allowed and not m.group("hedge") and q.unit != "times" and is_level(q):
            return m
        return None
    if m.group("hedge") and q.bound == "=":
        return None
    if m.group("object") and not object_allowed:
        return None
    if not (m.group("hedge") or m.group("object")):
        return None
    return m


# "NEW (OLD)", "NEW (2023: OLD)" right before an aside's mark: results copy puts last year's level in brackets
_PRIOR_IN_BRACKETS = lazy_compile(rf"{Q}\s*+\(\s*+(?:(?:fy\s*+)?(?:19|20)\d\d(?:/\d\d)?\s*+:\s*+)?{Q}\s*+\)\s*+$",
                                  regex.IGNORECASE | regex.REVERSE)


def _new_before(skeleton: str, start: int, adverb: bool, quantities,
                old_known: bool = False, text: str = "") -> tuple[Quantity | None, Quantity | None]:
    """The new figure of a change written as an aside after it ("sales were 10 mln, down from 12 mln",
    "174.6 mln (up 5 pct from 150.3 mln)", "770.6 million, an increase of 30% from 685 million"): the
    figure before the comma, bracket or dash. Only "up"/"down" may follow a figure with no mark between
    ("10,052,000 up 11.8 pct"), and only they go without an article ("a 5% rise", not "sales 5% rise").
    Returns (new, old): "174.6 mln vs 150.3 mln, up 16 pct" names both, the old figure after "vs"; so does
    "512 mln, compared with 430 mln a year ago, an increase of 19 pct" when the change has no base of its own."""
    nb = _NEW_BEFORE_ASIDE.search(skeleton, max(0, start - 60), start)
    if nb is None or (not adverb and nb.group("mark") is None) or (adverb and nb.group("article")):
        return None, None
    if nb.group("copula") and (adverb or not old_known):
        return None, None  # "the 500 jobs were a 5% increase in staff": no base named, maybe another measure
    k = int(nb.group(1))
    if nb.group("noun") and (nb.group("noun") != quantities[k].noun or nb.group("noun") in _NOT_NOUNS):
        return None, None  # "profit of 5 million and sales up 40%": the figure is another measure's
    if nb.group("mark") is not None:
        pb = _PRIOR_IN_BRACKETS.search(skeleton, max(0, nb.start() - 60), nb.start("mark"))
        if pb is not None and int(pb.group(2)) == k:
            new, old = quantities[int(pb.group(1))], quantities[k]
            if is_level(new) and is_level(old) and new.unit == old.unit and not new.is_percent and old.bound == "=":
                # "Revenue: $4.2bn ($3.9bn), up 8%": last year's level in brackets (in the level's own unit: no
                # conversion, which _CONVERSION_BEFORE below reads)
                return new, old
    conv = _CONVERSION_BEFORE.search(skeleton, max(0, nb.start() - 30), nb.start())
    if conv:
        k = int(conv.group(1))  # "32.7 billion crowns, or 4.8 billion dlrs, up from ...": the first
    vs = _VS_BEFORE.search(skeleton, max(0, nb.start() - 40), nb.start())
    if vs and is_level(quantities[int(vs.group(1))]):
        return quantities[int(vs.group(1))], quantities[k] if is_level(quantities[k]) else None
    if text and not old_known and conv is None and nb.group("mark") is not None and is_level(quantities[k]) \
            and (_ONLY_A_DATING.match(text, quantities[k].span.end)
                 or _ONLY_A_DATING.match(text, _after_own_noun(text, quantities[k]))):
        cb = _COMPARED_BEFORE.search(skeleton, max(0, nb.start() - 50), nb.start())
        if cb and is_level(quantities[int(cb.group(1))]):
            return quantities[int(cb.group(1))], quantities[k]
    return (quantities[k] if is_level(quantities[k]) else None), None


def _after_own_noun(text: str, q: Quantity) -> int:
    """Where a figure's dating would start: after the figure, and after its own noun when it is written again
    ("1.02 million copies a year earlier"), so that the noun of the thing counted does not hide the dating.
    (A figure's `noun` is the word after it, whatever it is: "41,900 tonnes the year before" has "the", so the
    caller tries the figure's own end first.)"""
    end = q.span.end
    if q.noun is None:
        return end
    wn = WORD_AFTER.match(text, end, end + 40)
    return wn.end() if wn and wn.group("word").lower() == q.noun else end


_SCALE_IN = lazy_compile(r"\d\s?(" + SCALE_WORD + ")", regex.IGNORECASE)


def _shared_scale(text: str, old: Quantity, new: Quantity) -> tuple[Quantity, Quantity]:
    """ "from 400 to 500 million", "to 5.6 billion from 4.5": one scale word written once for two figures side
    by side (only "to"/"from" between). The figure without one, below 1,000, takes the other's, when that
    brings the two within a factor of 100 of each other (else they are apart anyway: U103's business)."""
    glued = _glued_letter_scale(text, old, new)
    if glued is not None:
        return glued
    first, second = (old, new) if old.span.start < new.span.start else (new, old)
    if text[first.span.end:second.span.start].strip().lower() not in ("to", "from"):
        return old, new
    so, sn = _SCALE_IN.search(old.text), _SCALE_IN.search(new.text)
    if (so is None) == (sn is None):
        return old, new
    bare, scaled = (old, new) if so is None else (new, old)
    factor = SCALES.get((sn or so).group(1).lower())
    if factor is None or not 0 < abs(bare.value) < 1000 or not 0.01 <= bare.value * factor / scaled.value <= 100:
        return old, new
    bare = replace(bare, value=bare.value * factor, low=bare.low * factor, high=bare.high * factor)
    return (bare, new) if so is None else (old, bare)


# "fell by 8%, with 2,130 offences recorded against 2,710 the previous year": the levels after a rate, brought in by
# "with" and compared by "against", "compared with" or "versus"; the old one ends its clause (a dating may follow).
_WITH_LEVELS = lazy_compile(rf"[^⟨.;]{{0,30}}?,\s++with\s++{Q}(?:\s++[a-z]++){{0,3}}?\s++"
                            rf"(?:against|compared\s++(?:with|to)|versus|vs\.?)\s++{Q}", regex.IGNORECASE)
_CLAUSE_END_AFTER_OLD = lazy_compile(
    r"(?:\s++(?:a|the|in|for|during|last|previous|prior|preceding|same|year|month|quarter|week|period|season|earlier|"
    r"ago|before|of|\d{4})\b){0,6}\s*+(?:[.,;)]|\Z)", regex.IGNORECASE)


def _with_levels_after(text: str, skeleton: str, quantities, claim: Growth) -> Growth:
    """A claim with a rate and no new level takes the two a "with ... against" clause right after the rate gives
    (its old level, if it has one, must be that clause's: "dropped 4%, with 1,340 reported versus 1,610", where
    "versus" gave the verb its base)."""
    if claim.rate is None or claim.new is not None or claim.direction == Direction.UNKNOWN \
            or claim.rate.unit != "percent":
        return claim
    at = _token_end(skeleton, quantities, claim.rate)
    if at < 0:
        return claim
    m = _WITH_LEVELS.match(skeleton, at)
    if m is None:
        return claim
    new, old = quantities[int(m.group(1))], quantities[int(m.group(2))]
    if (claim.old is not None and claim.old is not old) or not (is_level(new) and is_level(old)) \
            or new.unit != old.unit or new.is_percent \
            or not _CLAUSE_END_AFTER_OLD.match(text, old.span.end):
        return claim
    return replace(claim, old=old, new=new)


def _token_end(skeleton: str, quantities, q: Quantity) -> int:
    """Where the token of figure `q` ends in the skeleton, or -1."""
    for m in _TOKEN.finditer(skeleton):
        if quantities[int(m.group(1))] is q:
            return m.end()
    return -1


_TOKEN = lazy_compile(Q)


def _glued_letter_scale(text: str, old: Quantity, new: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "2.3m people, up 10% from 2.1m": the reader takes a glued "m" or "b" for a million or a billion only
    before a noun of things counted so (quantities.numeral), and leaves the letter out of a figure without one
    ("a 100m sprint"); the two figures of one change written with the same glued letter are in one scale, so
    the one read bare takes the other's. None when the pair is not so written."""
    for bare, scaled in ((old, new), (new, old)):
        letter = scaled.text[-1:].lower()
        if letter in _DROPPED_LETTERS and scaled.text[-2:-1].isdigit() and scaled.value != 0 \
                and bare.text[-1:].isdigit() and text[bare.span.end:bare.span.end + 1].lower() == letter \
                and not text[bare.span.end + 1:bare.span.end + 2].isalpha() and 0 < abs(bare.value) < 1000:
            factor = SCALES[letter]
            bare = replace(bare, value=bare.value * factor, low=bare.low * factor, high=bare.high * factor)
            return (bare, new) if bare.span == old.span else (old, bare)
    return None


def _rate_in_brackets(skeleton: str, after: int, quantities) -> Quantity | None:
    """The rate in brackets at `after`, right after a change's two figures ("from 150.3 mln (-3.2%)"), as
    a size: the sign is the direction's, which the change word gives (a sign against it is then a
    rate that does not fit, for G101 to report). The span and text are the digits'."""
    b = _RATE_IN_BRACKETS.match(skeleton, after)
    q = quantities[int(b.group(1))] if b else None
    if q is None or q.unit != "percent":
        return None
    if q.value >= 0:
        return q
    sign = len(q.text) - len(q.text.lstrip("-−"))
    return replace(q, span=Span(q.span.start + sign, q.span.end), text=q.text[sign:], value=-q.value,
                   low=-q.high, high=-q.low)


def _rate_before(skeleton: str, start: int, quantities) -> Quantity | None:
    """The percentage right before "up"/"down" ("5% up on 2021"), if there is one."""
    m = _RATE_BEFORE_ADVERB.search(skeleton, max(0, start - 20), start)
    if m is None:
        return None
    q = quantities[int(m.group(1))]
    return q if q.unit in ("percent", "percentage_point") else None


def _direction(t: _Trigger) -> Direction:
    if t.mult:
        return Direction.DOWN if t.mult.lower() == "halved" else Direction.UP
    key = t.word.split()[-1] if t.verb else t.word.split()[0]
    if key.isascii():
        return Direction.UP if key.lower() in _UP_KEYS else Direction.DOWN
    return Direction.UP if _IS_UP.fullmatch(key) else Direction.DOWN


# What _IS_UP fullmatches in a word of ASCII letters, as a set: its alternatives without white space (a key
# has none), and each noun in the plural ("hikes", "improvements": read as falls until 2026-12-03, when the
# "s?" bound to the last noun only).
# An ASCII word matches a pattern of ASCII letters case-insensitively exactly when its lower case is one of
# them; a key with another character ("riſe") is left to the pattern. tests/test_claim_speed.py compares both.
_UP_KEYS = frozenset([w for w in words_of(UP) + words_of(UP_NOUN) if " " not in w] + [w + "s" for w in words_of(UP_NOUN)])


def is_level(q: Quantity) -> bool:
    """A figure that can be a before or after value: not a duration ("two months"), a
    denominator ("per 100 kilos") or a multiplier."""
    return q.noun not in DURATION_NOUNS and q.kind not in ("multiplier", "denominator")


def _with_series_base(claim: Growth, text: str, sent: Span, by_label: dict[str, list[tuple[Series, Span]]]) -> Growth:
    """A year-on-year claim on a figure for year Y takes its base from a series value for Y-1: the latest
    series labelled Y-1 that starts before the figure and may be of the claim's measure (_same_measure).
    `by_label` holds the series read so far under each of their labels, with their sentences, so a claim
    looks only at the series naming its year, not at every series of the document. `sent` is the claim's
    sentence."""
    if claim.old is not None or claim.new is None or (claim.rate is None and claim.factor is None):
        return claim
    year = year_of(text, claim.new)
    if year is None:
        return claim
    label = str(year - 1)
    for s, series_sent in reversed(by_label.get(label, ())):
        if s.span.start >= claim.new.span.start:
            continue  # a series later in the sentence
        if not _same_measure(text, s, series_sent, sent, claim):
            continue
        base = s.values[s.labels.index(label)]
        return replace(claim, old=base, series=True)
    return claim


def _same_measure(text: str, series: Series, series_sent: Span, sent: Span, claim: Growth) -> bool:
    """Whether a claim may be of the measure of a series before it: the words of the claim's own clause before
    its change word, less words that name no measure, are none ("In 1988 it rose 20%", "..., respectively,
    and soared to"), or one of them is in the series' sentence up to its values ("Sales were ... respectively.
    Sales rose 9%").

    Why: "Costs were 1 mln and 1.2 mln dlrs in 1986 and 1987, respectively. Sales rose 9% to 5 mln dlrs in
    1987." took the costs of 1986 as the base of the sales and called the 9% wrong (found by h-claims); so did
    "..., respectively, and sales rose 9%". A measure named by another word ("shipments", then "deliveries")
    is left without a base: a check missed, not a false alarm."""
    start = max(sent.start, series.span.end)
    before = text[start:claim.span.start].lower()
    clause_at = start + max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    named = measure_words(text[clause_at:claim.span.start]) - _NO_MEASURE
    if not named:
        return True
    series_end = clause_at if series_sent.start == sent.start else series_sent.end
    return not named.isdisjoint(measure_words(text[series_sent.start:series_end]))


# Where a clause of a sentence starts: its subject comes after the last of these before the change word.
_CLAUSE_BREAK = lazy_compile_stdlib(r"[,;:]|\b(?:and|but|while|whereas)\b")
# Words before a change word that name no measure in a claim's clause, as keys of rules._headline.measure_key
# (which leaves out units, scales and the commonest function words, and stems and joins synonyms): pronouns,
# auxiliaries, prepositions, conjunctions, reporting verbs, words of time ("In the first quarter of 1988 it
# rose") and a direction word ("UP"/"DOWN").
_NO_MEASURE = frozenset(("UP", "DOWN")) | {key for word in """
    the its their his her our your this that these those there here they them who which what also however
    meanwhile while and but for from with into over under after before during since than then still
    was were has had have been being are will would could should may might did does
    said says say according added reported company group firm
    year years month months quarter quarters week weeks half annual first second third fourth last next
    today yesterday earlier later ago
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split() if (key := measure_key(word))}
