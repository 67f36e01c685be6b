"""Extractor: a proportion in words and the figure given for it ("nearly half (62%)", "a majority, or 45%,").

The words are read into an interval of percent (`VerbalProportion.low`/`high`): "half" 45-55, "nearly half"
40-50, "more than half", "a majority" or "most" 50-100, "nearly all" 75-100, "one in five" 18-22, "a third"
30-36...; "most" only as a proportion ("most of the voters", "Most farmers"), not as a superlative ("the
most", "at most", "gained most", "most likely"); the figure is a
percentage right after the words, in brackets, after ", or", between dashes ("one in four adults – 40
percent – smoke") or between commas, perhaps after a hedge ("The majority of members, 35%, voted", "a quarter
of households, some 48 percent, own a car"; the aside must close with a comma, a dash or a bracket). A figure followed by "of" ("half of the staff (35% of them women)") is a share of something
else and is not linked. P104 compares the two.

A count of a count is a proportion too, in words or digits: "one in every eight", "3 out of 10", "10 in every
1,000", "nine in 10", "seven out of every hundred" (N/M, as loose as "one in five": ±10 %, at least ±2.5 points).
"N in M" without "every" or "out of" is read only when M is no year and no span of time follows it
("3 in 10 minutes", "5 in 2020"), and N is at most M.
"""
from __future__ import annotations


import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Span, VerbalProportion, replace
from statlint.checker.numbers import FRACTION_WORDS, TENS_WORDS, UNITS_WORDS, words_value
from statlint.rules._patterns import words_pattern

# The key word is matched first (a fast scan); its count ("two-") and modifier ("nearly") are read
# backwards from it, and the figure forwards.
# A count of a count: "one in five", "3 out of 10", "10 in every 1,000", "seven out of every hundred".
_COUNT_WORDS = words_pattern([*UNITS_WORDS, *TENS_WORDS])
# (hyphens may join them, as Pew writes: "four-in-ten adults (41%)")
_IN_EVERY = (r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})*+|" + _COUNT_WORDS + r")(?:\s+|-)(?P<join>in|out(?:\s+|-)of)(?:\s+|-)"
             r"(?P<every>every(?:\s+|-))?"
             r"(?P<d>\d{1,3}(?:,\d{3})*+|" + _COUNT_WORDS + r"|(?:a\s+|one\s+)?(?:hundred|thousand))(?![.,]?\d)")
_KEY = lazy_compile(
    r"\b(?:" + _IN_EVERY + r"|" + words_pattern(["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                                                  "majority", "minority", "most"])
    + r"|(?:nearly|almost|virtually|practically)\s+all)\b",
    regex.IGNORECASE)
_IN_EVERY_PHRASE = lazy_compile(_IN_EVERY, regex.IGNORECASE)
# After "N in M" (no "every", no "out of"): a span of time or a year makes it no proportion ("3 in 10 minutes").
_TIME_AFTER = lazy_compile(r"\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|games?|"
                            r"matches|races?|innings|overs?|laps?)\b", regex.IGNORECASE)
# "most" is a proportion ("most of the voters", "Most farmers (71%)") but not as a superlative ("the most
# (38%)", "at most", "which region gained most"), nor before an adverb or adjective ("most likely", "most
# popular than"): the word before must not be one of these, and the word after not end in "-ly".
# (a verb that links its subject to an adjective makes "most" a superlative: "voters remain most confident – 76% –")
_NOT_PROPORTION_BEFORE = lazy_compile(r"\b(?:the|at|what|which|who|whom|whose|gained|grew|rose|fell|lost|won|has|have|"
                                       r"had|is|are|was|were|be|been|being|remains?|remained|seems?|seemed|feels?|felt|"
                                       r"becomes?|became|stays?|stayed|appears?|appeared|looks?|looked|gets?|got)\s+\Z",
                                       regex.IGNORECASE | regex.REVERSE)
_ADVERB_AFTER = lazy_compile(r"\s+\w+ly\b|\s+(?:popular|common|important|recent|active|affected|widely|often|"
                              r"used|cited|valuable|expensive|likely|frequent|heavily|traded|watched|"
                              # the adjectives of poll questions ("most confident in", "most worried about")
                              r"confident|concerned|worried|satisfied|dissatisfied|interested|trusted|optimistic|"
                              r"pessimistic|negative|positive|favou?rable|supportive|critical|enthusiastic|comfortable|"
                              r"aware|familiar|sceptical|skeptical|anxious|happy|unhappy|angry|afraid|eager)\b",
                              regex.IGNORECASE)
_COUNT_BEFORE = lazy_compile(r"\b(?:an?|one|two|three|four)[\s-]+\Z", regex.IGNORECASE | regex.REVERSE)
# The figure may also stand between two commas, after a hedge ("The majority of members, 35%, voted", "a quarter of
# households, some 48 percent, own a car"): the comma then works as the dash does (the aside must close).
_FIGURE_AFTER = lazy_compile(r"[^().;%\d]{0,40}?(?:\(\s*|,\s+or\s+|\s*+(?P<dash>[–—])\s*+|\s+(?P<dash>-)\s+|"
                             r"(?P<dash>,)\s+(?:(?:some|about|around|roughly|nearly|almost|just\s+over|just\s+under|"
                             r"more\s+than|less\s+than|over|under|only|an\s+estimated)\s+)?)(?=\d)")
# A figure between dashes closes its aside: a dash, a bracket or a stop after it ("– 40 percent – smoke"), not
# more words ("– 35% more than last year").
_ASIDE_END = lazy_compile(r"\s*+(?:[–—),;.:]|-\s|$)")
# ... and a figure between commas closes with a comma, a dash or a bracket (not a stop: "Half the seats went to
# Labour, 35% to the Tories." is a list, and "..., 35%." may be one too).
_COMMA_ASIDE_END = lazy_compile(r"\s*+(?:[–—),]|-\s)")
_MODS = (r"(?P<mod>(?:a\s+little|slightly)\s+(?:less\s+than|more\s+than|over|under)|nearly|almost|about|around|"
         r"roughly|some|just\s+under|just\s+over|more\s+than|over|less\s+than|under)")
_MOD_BEFORE = lazy_compile(r"\b" + _MODS + r"\s+\Z", regex.IGNORECASE | regex.REVERSE)
_MOD_AHEAD = lazy_compile(_MODS + r"\s+", regex.IGNORECASE)
_COUNT_AHEAD = lazy_compile(r"(?:an?|one|two|three|four)(?:\s+|-)", regex.IGNORECASE)
# A little less (or more) than the words say is as near as "nearly" ("just over"): "a little less than half" 40-50.
_NEARLY = ("nearly", "almost", "just under", "a little less than", "a little under", "slightly less than",
           "slightly under")
_JUST_OVER = ("just over", "a little more than", "a little over", "slightly more than", "slightly over")

_OF_AFTER = lazy_compile(r"\s+of\b", regex.IGNORECASE)


def _range(phrase: str, mod: str) -> tuple[float, float] | None:
    words = phrase.lower().replace("-", " ").split()
    if words[-1] == "most":
        return 50.0, 100.0
    if words[-1] == "all":  # "nearly all", "virtually all": the key carries its modifier
        return 75.0, 100.0
    if words[-1] == "majority":
        return (50.0, 100.0) if words[0] != "minority" else (0.0, 50.0)
    if words[-1] == "minority":
        return 0.0, 50.0
    counts = _IN_EVERY_PHRASE.fullmatch(" ".join(phrase.split()))
    if counts:
        n, d = _count(counts.group("n")), _count(counts.group("d"))
        if n is None or not d or n > d:
            return None
        share = 100.0 * n / d
    else:
        head = words[:-1]
        count = 1 if not head or head[0] in ("a", "an", "one") else UNITS_WORDS.get(head[0])
        if count is None:
            return None
        fraction = FRACTION_WORDS.get(words[-1])
        if fraction is None:
            return None
        share = 100.0 * count * float(fraction)
    width = max(2.5, share * 0.1)  # "half" reads as 45-55 %, "one in five" as 17.5-22.5 %
    low, high = max(0.0, share - width), min(100.0, share + width)
    mod = " ".join(mod.lower().split()) if mod else ""
    if mod in _NEARLY:
        return share - 2 * width, share
    if mod in _JUST_OVER:
        return share, share + 2 * width
    if mod in ("more than", "over"):
        return share, 100.0
    if mod in ("less than", "under"):
        return 0.0, share
    if mod in ("about", "around", "roughly", "some"):
        return share - 1.5 * width, share + 1.5 * width
    return low, high


def _has_bracketed_percent(text: str, quantities) -> bool:
    """Whether a percentage starts right after "(", "or" or a dash (white space aside), as every finding's
    figure does.

    _FIGURE_AFTER ends in "(\\s*", ",\\s+or\\s+" or a dash (a hyphen between spaces) just before the figure, so
    without such a percentage the key scan below cannot find anything. Skipping back over str.isspace() characters covers every
    \\s, and "o" and "r" have no case variants outside ASCII in the regex module.
    """
    for q in quantities:
        if q.unit != "percent":
            continue
        i = q.span.start
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if text[i - 1:i] in ("(", "–", "—", ",") or text[max(0, i - 2):i].lower() == "or" \
                or (text[i - 1:i] == "-" and text[i - 2:i - 1].isspace()) or _comma_hedge_before(text, i):
            return True
    return False


def _comma_hedge_before(text: str, i: int) -> bool:
    """Whether a comma and one word (a hedge: ", some 48 percent") stand before `i`: a superset of what
    _FIGURE_AFTER's comma form needs before its figure (two-word hedges end in a word too)."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j == i:
        return False
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if text[j - 1:j] == ",":
        return True
    k = j  # "just over", "more than", "an estimated": a second word
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k < j and text[k - 1:k] == ","


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    if not _has_bracketed_percent(text, facts.quantities):
        return facts  # four in five documents have no percentage at all
    # (no test of the key words' stems before the scan: a count of counts needs only "in" or "of", which every
    # text holds, and a case-sensitive test passed over headlines' "Nearly HALF (62%)" and "ONE IN FIVE (40%)")
    by_start = None  # built on the first verbal proportion only: most articles have none
    found = []
    for key in _KEY.finditer(text):
        after = _FIGURE_AFTER.match(text, key.end())
        if after is None:
            continue
        if key.group().lower() == "most" and (_NOT_PROPORTION_BEFORE.search(text, max(0, key.start() - 12), key.start())
                                             or _ADVERB_AFTER.match(text, key.end())):
            continue
        if by_start is None:
            by_start = {q.span.start: q for q in facts.quantities}
        q = by_start.get(after.end())
        if q is None or q.unit != "percent" or _OF_AFTER.match(text, q.span.end):
            continue  # "half of the staff (35% of them women)": a share of something else
        if after.start("dash") >= 0:
            if after.group("dash") == ",":
                closed = _COMMA_ASIDE_END.match(text, q.span.end)
            else:
                closed = _ASIDE_END.match(text, q.span.end)
            if not closed:
                continue  # "half the firms – 35% more than last year – export": no aside naming the proportion
        if key.start("d") >= 0 and not _a_count_of_counts(text, key):
            continue
        whole = key.group().lower().endswith(("most", "all"))  # no count, and "all" carries its modifier
        # (a count of counts has its count: "one one in five" is "one in five")
        count = None if whole or key.start("d") >= 0 else _COUNT_BEFORE.search(text, max(0, key.start() - 8), key.start())
        start = count.start() if count else key.start()
        mod = None if whole else _MOD_BEFORE.search(text, max(0, start - 24), start)
        allowed = _range(text[start:key.end()], mod.group("mod") if mod else "")
        if allowed is None:
            continue
        span = Span(mod.start() if mod else start, key.end())
        found.append(VerbalProportion(span=span, phrase=text[span.start:span.end], low=allowed[0], high=allowed[1],
                                      figure=q, link=Link.SENTENCE))
    return replace(facts, proportions=tuple(found)) if found else facts


def proportion_at(text: str, pos: int) -> tuple[Span, float, float] | None:
    """A proportion in words that starts at `pos` and stands alone, with no figure of its own (its span, and
    the interval of percent it allows): "nearly a third", "a little less than half", "two-thirds", "one in
    five", "a majority". Read by rules.part_shares after a part and its whole ("Of the 2,000 staff, 600, or
    nearly a third,"). "most" is not read here: with no figure after it, it is as often a superlative."""
    mod = _MOD_AHEAD.match(text, pos)
    start = mod.end() if mod else pos
    key = _KEY.match(text, start)
    if key is None:
        count = _COUNT_AHEAD.match(text, start)
        key = _KEY.match(text, count.end()) if count else None
        if key is None or key.start("d") >= 0:
            return None
    elif key.start("d") >= 0 and not _a_count_of_counts(text, key):
        return None
    if key.group().lower() == "most":
        return None
    allowed = _range(text[start:key.end()], mod.group("mod") if mod else "")
    if allowed is None:
        return None
    return Span(pos, key.end()), allowed[0], allowed[1]


def hedged_proportion_at(text: str, pos: int) -> tuple[Span, float, float] | None:
    """proportion_at for words that start at `pos`, read with a hedge written right before them ("Almost half":
    40-50 %, where "half" alone is 45-55 %); the span then starts at the hedge."""
    mod = _MOD_BEFORE.search(text, max(0, pos - 24), pos)
    return proportion_at(text, mod.start() if mod else pos)


def _count(written: str) -> float | None:
    """ "1,000", "eight", "a hundred" as a number."""
    if written[:1].isdigit():
        return float(written.replace(",", ""))
    return words_value(written)


def _a_count_of_counts(text: str, key) -> bool:
    """Whether "N in M" is a proportion: always with "out of", "every" or hyphens ("four-in-ten"); a bare "in"
    not before a span of time ("3 in 10 minutes") and not with a year ("5 in 2020")."""
    if key.group("join").lower() != "in" or key.start("every") >= 0 or "-" in key.group():
        return True
    d = key.group("d")
    if len(d) == 4 and d.isdigit() and "1900" <= d <= "2100":
        return False
    return not _TIME_AFTER.match(text, key.end())
