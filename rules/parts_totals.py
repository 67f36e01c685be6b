"""Extractor: a total and its parts (`PartsTotal`), for S101.

The ways the words tie parts to a total (lists of figures are read by rules._lists):

- the total, then a subset word, then the parts: "28 groups, including 8 ... and 20 ...", "112 seats, of
  which 60 ... and 58 ...", "of whom", "among them"; the parts may be some of the total;
- the total, then a word that divides it: "2,000 tonnes, comprising ...", "The 27 victims included ...", "made up of", "consisting of", "The 80
  seats are divided into 45 for ... and 40 for ...", "split between", "broken down into": read as subset words,
  but exact when the list is closed ("and" before its last part, no "the rest" or "others" after it);
- the total, a subset or dividing word, then each part in brackets after its label: "640 stores are spread
  across France (300), Spain (250) and Portugal (150)";
- the total, a few words naming it and a colon (or a dash), then the parts: "900 pupils: 500 girls and 480
  boys", "310 patients - 200 adults and 150 children";
- "a total of N" (or "totalling N") with the parts after it in the same sentence: "A total of 300 people
  were hurt, 120 in the north and 180 in the south"; or "in all", "in total", "altogether" closing the
  total's words before its parts: "48 people were detained in all - 20 on Friday and 28 on Saturday";
- "Of the N <noun>," (also "Out of", "Among the"), then the parts in the rest of the sentence: "Of the 600
  staff, 310 stayed; 190 moved and 140 left", and on in up to two next sentences of the paragraph that
  continue the count ("Of the 600 staff, 310 stayed. Another 190 moved and 140 left. The remaining 60
  retired."); two parts need one-word predicates ("310 stayed and 290 left") or one predicate left out of the
  second with another value after the same preposition ("700 work in London and 600 in Manchester");
- a sentence that opens pointing back at the group of the sentence before, as rules.parts_of_wholes reads it
  ("Sales reached 12,500 units. Of those, 8,000 were sold in Asia and 5,500 in Europe."), then its parts;
- the parts, then a running total they may be only some of: "..., bringing the total to 105" ("brings",
  "takes", "puts", "lifts"), or a verb whose subject may be another ("$4.1bn and $3.2bn totalled $6.3bn"),
  which they must not pass;
- the parts, then a total named as their sum, which they must make: "..., making/bringing/for/giving a
  total of 26", "300 and 200 cars, a combined 500", "...; in all, 620", "..., 620 in all / altogether /
  in total".

A part may carry its share of the total in brackets ("The electorate totals 1,755, including 885 women
(50.4%) and 870 men (49.6%)"): the list walks past it (rules._lists, `asides`), and rules.part_shares ties
the percentage to the total.

The total is never a part: a list walked back from a total stops at a figure the text names as a total
("taking the total to 61, and three more ..., for a total of 22") or as a whole ("Of the 1,000 asked,
...") . Parts are counts under a count; money and measures only under "including"/"of which", all in the
total's unit (a bare figure takes the total's unit when a verb or preposition follows it: "194,000 tonnes,
of which 45,000 are grains"), and before a total named as their sum in the total's unit only ("$40 million and
$25 million, $65 million altogether"); a per-share figure ("1.20 dlrs a share, including ...") is no total.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, PartsTotal, Quantity, Span
from statlint.rules._gates import tail_may_be
from statlint.rules._lists import run_after, run_before, share_aside

# --- the total, then the parts ---------------------------------------------------------------------------
# The words that divide a total into its parts ("comprising", "made up of", "consisting of", "divided into",
# "split into", "split between", "broken down into", "spread across") are read as the subset words: the parts
# may be some of the total (a list may stop before its last part: "divided into 45 for X, 40 for Y and the rest").
_SUBSET_WORDS = (r"(?P<how>including|includ(?:ed|es|e)|of\s+which|of\s+whom|"
                 r"among\s+them|among\s+which|comprising|compris(?:ed|es|e)|made\s+up\s+of|consisting\s+of|(?:divided|split|broken\s+down)\s+"
                 r"(?:into|between|among)|spread\s+(?:across|among|between))")
_SUBSET = lazy_compile(r"\s*+(?:[a-z-]+\s+){0,3}?(?:[a-z-]+)?,?\s*+" + _SUBSET_WORDS + r"\s+\Z", regex.IGNORECASE)
# The parts in brackets after their labels: "640 stores are spread across France (300), Spain (250) and Portugal
# (150)", "900 million euros, split between defence (500 million euros) and health (450 million euros)".
_BRACKET_OPEN = lazy_compile(r"\s*+(?:[a-z-]+\s+){0,3}?(?:[a-z-]+)?,?\s*+" + _SUBSET_WORDS
                             + r"\s++(?:the\s++)?[A-Za-z][\w'-]*+(?:\s++[A-Za-z][\w'-]*+){0,3}\s*+\(\s*+", regex.IGNORECASE)
_BRACKET_JOIN = lazy_compile(r"\s*+\)(?:\s*+,\s*+(?:and\s++)?|\s++and\s++)(?:the\s++)?[A-Za-z][\w'-]*+"
                             r"(?:\s++[A-Za-z][\w'-]*+){0,3}\s*+\(\s*+")
_BRACKET_CLOSE = lazy_compile(r"\s*+\)")
# the last letters _SUBSET must end with, tested first
_SUBSET_ENDINGS = ("ding", "hich", "whom", "them", "sing", "p of", "g of", "into", "ween", "mong", "ross", "uded",
                   "udes", "lude", "ised", "ises", "rise")
# in the lower-cased words after a total
_SUBSET_HINTS = ("includ", "which", "whom", "them", "compris", "made up", "consisting", "divided", "split",
                 "broken down", "spread")
# "900 pupils: 500 girls": at most four words naming the total, then the colon.
# A dash between spaces (or an en or em dash) stands for the colon: "310 patients - 200 adults and 150 children".
_COLON = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,4}(?:\s*+:|\s++-{1,2}|\s*+[–—])\s*+")
_COLON_MARKS = (":", " -", "–", "—")  # one of them is in the words between a total and its first part
# "A total of 300 people were hurt, 120 ...": the total's words and a comma (or a colon, or a dash).
_TOTAL_OF_BEFORE = lazy_compile(r"\b(?:a\s+total\s+of|totall?ing|total\s+of)\s+\Z", regex.IGNORECASE)
_TOTAL_OF_AFTER = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,8}\s*+(?:,|:|;|-{1,2}|—|–)\s*+")
# "48 people were detained in all - 20 on Friday and 28 on Saturday": the total's words end with "in all".
_SUM_THEN_PARTS = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,6}?\s++(?P<how>in\s++all|in\s++total|altogether)"
                                r"\s*+(?:,|:|-{1,2}|—)\s*+", regex.IGNORECASE)
# "Of the 600 staff, 310 ...": the whole, a few words naming it, a comma.
_OF_THE_BEFORE = lazy_compile(r"\b(?:of|out\s+of|among)\s+(?:the\s+|all\s+|its\s+|their\s+)?\Z", regex.IGNORECASE)
# ... and the words open their sentence or clause ("dimensions of 240 m length, 228 m ..." are not a whole).
_CLAUSE_OPENING = lazy_compile(r"(?:[\s\"'“‘(]|\b(?:and|but|while)\b)*+\Z|.*[,;:(—]\s*+\Z", regex.IGNORECASE | regex.DOTALL)
_OF_THE_AFTER = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){1,4}\s*+,\s*+")
# Two parts whose words are one verb each ("310 stayed and 290 left") are outcomes that exclude each other;
# longer words may overlap ("30 have such laws and 25 ban it"): two parts need this, three or more do not.
_ONE_WORD_JOIN = lazy_compile(r"\s++[a-z][\w-]*+(?:\s*+[,;]\s*+(?:and\s++|while\s++)?|\s++and\s++|\s++while\s++)")
_ONE_WORD_END = lazy_compile(r"\s++[a-z][\w-]*+\s*+[.;,]")
# Or the second part repeats the first's predicate, left out, with another place, source or side after the same
# preposition ("700 work in London and 600 in Manchester", "8,000 were sold in Asia and 5,500 in Europe", "12
# voted for it and 9 against"): one predicate, two values of it, which exclude each other. Not "to" ("600 had
# been to France and 500 to Spain": both may hold), nor a figure or a stop inside the first part's words.
_GAP_FIRST = lazy_compile(r"(?:\s++[a-z][\w'-]*+){0,4}?\s++(?P<prep>in|from|for|at|by|against)\s++[^\d.;:()\n]{1,40}?"
                          r"(?:\s*+,\s*+(?:and\s++|while\s++)?|\s++and\s++|\s++while\s++|\s*+;\s*+)")
_GAP_SECOND = lazy_compile(r"\s++(?P<prep>in|from|for|at|by|against)\b(?:\s++[A-Za-z][\w'-]*+){0,4}\s*+(?:[.;,!]|\Z)")
# The next sentence continues the count with "Another", "A further", "The remaining", "The other", "The rest"
# (a sentence that opens with a bare figure may count another thing: "Of the 12 candidates, 8 were women. 6
# were elected."); each sentence ends with its part's few words ("Another 190 moved to Leeds.").
_CONTINUES = lazy_compile(r"(?:another|a\s++further|the\s++remaining|the\s++other|the\s++rest(?:\s*+,)?)\s++",
                           regex.IGNORECASE)
_LAST_IN_SENTENCE = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){1,6}\s*+[.;!]?[\s\"'”’]*+")
# A part that is itself split further ("310 of them", "45 of whom"), or a share: the list is not flat.
_NESTED_AFTER = lazy_compile(r"\s*+(?:of\s+(?:them|whom|these|those|which)|percent|per\s+cent|pct)\b", regex.IGNORECASE)

# --- the parts, then the total ---------------------------------------------------------------------------
# Right before the total: "making a total of", "a combined", "in all,", "in total,", "totalling".
# "..., bringing the total to 105": a running total, which may hold more than these parts (at most, not exactly).
_TOTAL_AFTER = lazy_compile(r"(?:[\s\w-]{0,30}?)(?:,|;|\s-{1,2}|\s—)?\s+(?P<how>(?:making|bringing|for|giving)\s+(?:a|the)\s+total|"
                             r"(?:brings?|brought|bringing|takes?|took|taking|puts?|putting|lifts?|lifted|lifting)\s+"
                             r"(?:the|its|their)\s+(?:[a-z]+\s+)?total\s+to|"
                             r"(?:a|the)\s+combined|(?:or\s+)?(?:a\s+)?total(?:ling|ing)?|total(?:l?ed|s)|in\s+all|in\s+total|"
                             r"altogether)(?:\s+of)?\s*+,?\s*+\Z", regex.IGNORECASE)
_TOTAL_ENDINGS = ("otal", "of", "ined", "ing", "all", "ther", "l to", "lled", "aled", "tals")  # (after a trailing comma is dropped)
_SUM_HINTS = ("total", "combined", "all", "altogether")  # in the lower-cased words around a sum
# Right after the total: "620 in all", "620 altogether", "620 in total" (the total's noun may stand between).
_SUM_AFTER = lazy_compile(r"(?:\s++[a-z][\w-]*+){0,2}?\s++(?P<how>in\s+all|altogether|in\s+total)\b", regex.IGNORECASE)
_LAST_PART_TO_SUM = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,3}\s*+[,;:]\s*+")  # "200 tickets, " 620 in all
# A figure the text itself names as a total or a whole ("taking the total to 61", "a combined 900", "of the
# 600"): it is never one of the parts of a later total.
_NAMED_TOTAL = lazy_compile(r"\b(?:total(?:s|led|ed|ling|ing)?|combined|of\s+the|out\s+of|among)(?:\s+(?:of|to|at))?\s+\Z",
                             regex.IGNORECASE)

_NOT_AMOUNTS = frozenset({"percent", "percentage_point", "times"})
# A bare part under a total in a unit takes the total's unit when a verb or preposition follows it.
_BARE_NEXT = frozenset("are were is was from in to for of went came at by on with".split())
_REACH = 60  # characters between a total and its first part, or its last part, that are read


def _is_count(q: Quantity) -> bool:
    return q.unit == "count" and q.kind == "level" and q.value >= 0 and q.grouping != "malformed"


def _is_amount(q: Quantity) -> bool:
    """A count, a sum of money or a measure (not a rate): what a total and its parts can be."""
    return q.unit not in _NOT_AMOUNTS and q.kind == "level" and q.value >= 0 and q.grouping != "malformed"


def _fits(total: Quantity, part: Quantity, first: bool) -> bool:
    """The part is in the total's unit, or bare under a total in a unit."""
    if part.unit == total.unit:
        return True
    return part.unit == "count" and (not first or (part.noun or "").lower() in _BARE_NEXT)


def _named_total(text: str, q: Quantity) -> bool:
    return bool(_NAMED_TOTAL.search(text, max(0, q.span.start - 25), q.span.start))


# A dividing word (not "including", "of which", "among them") with a list closed by "and" before its last figure
# and no "the rest", "others", "elsewhere" after it: the parts are the whole of the total ("The $9.5 billion is
# split between health ($4.1 billion), schools ($3.2 billion) and roads ($1.2 billion)", "Its 38 stores comprise
# 20 in Scotland and 14 in England"). A list that stops before its last part ("divided into 45 for X, 40 for Y
# and the rest") or names a remainder stays "at most".
_DIVIDING = ("compris", "made up", "consisting", "divided", "split", "broken down", "spread")
_LAST_JOIN = lazy_compile(r"(?:\)\s*+)?(?:,\s*+)?\band\s++(?:[^\d.;:()\n]{0,40}?\(\s*+)?\Z")
_REMAINDER_AFTER = lazy_compile(r"[^.;:\n]{0,60}?\b(?:rest|remainder|remaining|others?|elsewhere|among\s+others|"
                                r"etc|unallocated|unspecified)\b", regex.IGNORECASE)


def _closed_division(text: str, how: str, parts: list[Quantity]) -> bool:
    """Whether a dividing word's list of parts names them all: "and" before the last part, no remainder after."""
    how = how.lower()
    if len(parts) < 2 or not how.startswith(_DIVIDING):
        return False
    last = parts[-1]
    if _LAST_JOIN.search(text, parts[-2].span.end, last.span.start) is None:
        return False
    return _REMAINDER_AFTER.match(text, last.span.end) is None


def _claim(total: Quantity, parts: list[Quantity], exhaustive: bool, how: str,
           link: Link = Link.SENTENCE) -> PartsTotal | None:
    if len(parts) < 2:
        return None
    spans = [total.span, parts[0].span, parts[-1].span]
    span = Span(min(s.start for s in spans), max(s.end for s in spans))
    return PartsTotal(span=span, total=total, parts=tuple(parts), exhaustive=exhaustive,
                      how=" ".join(how.lower().split()), link=link)


def subset_how(text: str, qs, i: int) -> str | None:
    """The subset word ("including", "of which", ...) when qs[i] is a total and qs[i + 1] the first of its
    parts after that word ("900 mln dlrs, including 300 mln dlrs"), else None. Also read by
    rules.part_shares, for a total with one part: "900 mln dlrs, including 300 mln dlrs (33 pct) from Europe"."""
    total = qs[i]
    if i + 1 >= len(qs) or not _is_amount(total):
        return None
    head = qs[i + 1]
    gap = text[total.span.end:head.span.start]
    if len(gap) >= _REACH or not tail_may_be(gap, _SUBSET_ENDINGS):
        return None
    m = _SUBSET.fullmatch(gap)
    if m is None:
        return None
    if _is_count(total) and _is_count(head):
        return m.group("how")
    if _is_amount(head) and _fits(total, head, True) and "share" not in gap and "shr" not in gap:
        # money and measures ("653 mln dlrs, including ..."); not a per-share figure ("1.20 dlrs a share")
        return m.group("how")
    return None


def _subset(text: str, qs, i: int) -> PartsTotal | None:
    """"28 members, including 18 ... and 20 ...": the total, a subset word, the parts."""
    how = subset_how(text, qs, i)
    if how is None:
        return None
    total = qs[i]
    if _is_count(total) and _is_count(qs[i + 1]):
        parts = run_after(text, qs, i + 1, _is_count, asides=True)
    else:
        parts = run_after(text, qs, i + 1, lambda q: _is_amount(q) and _fits(total, q, False), asides=True)
    return _claim(total, parts, _closed_division(text, how, parts), how)


def _bracketed(text: str, qs, i: int) -> PartsTotal | None:
    """"640 stores are spread across France (300), Spain (250) and Portugal (150)": the total, a subset word,
    then each part in brackets after its label, in the total's unit (a bare count under a count)."""
    total = qs[i]
    if i + 2 >= len(qs) or not _is_amount(total):
        return None
    m = _BRACKET_OPEN.fullmatch(text, total.span.end, qs[i + 1].span.start)
    if m is None:
        return None
    parts = []
    k = i + 1
    while k < len(qs) and qs[k].unit == total.unit and _is_amount(qs[k]) and _BRACKET_CLOSE.match(text, qs[k].span.end):
        parts.append(qs[k])
        if k + 1 >= len(qs) or not _BRACKET_JOIN.fullmatch(text, qs[k].span.end, qs[k + 1].span.start):
            break
        k += 1
    return _claim(total, parts, _closed_division(text, m.group("how"), parts), m.group("how"))


def _colon(text: str, qs, i: int) -> PartsTotal | None:
    """"900 pupils: 500 girls and 480 boys"."""
    total = qs[i]
    if i + 1 >= len(qs) or not (_is_count(total) and _is_count(qs[i + 1])):
        return None
    if not _COLON.fullmatch(text, total.span.end, qs[i + 1].span.start):
        return None
    if ":" not in text[total.span.end:qs[i + 1].span.start] \
            and _TOTAL_OF_BEFORE.search(text, max(0, total.span.start - 15), total.span.start):
        return None  # "A total of 57 climbers were rescued -- 31 ...": _total_of's (its dash, as before)
    return _claim(total, _flat(text, run_after(text, qs, i + 1, _is_count, asides=True)), False, "colon")


def _total_of(text: str, qs, i: int) -> PartsTotal | None:
    """"A total of 300 people were hurt, 120 in the north and 180 in the south"."""
    total = qs[i]
    if i + 1 >= len(qs) or not (_is_count(total) and _is_count(qs[i + 1])):
        return None
    before = _TOTAL_OF_BEFORE.search(text, max(0, total.span.start - 15), total.span.start)
    if before is not None and _TOTAL_OF_AFTER.fullmatch(text, total.span.end, qs[i + 1].span.start):
        how = "a total of"
    else:
        after = _SUM_THEN_PARTS.fullmatch(text, total.span.end, qs[i + 1].span.start)
        if after is None:
            return None
        how = after.group("how")
    return _claim(total, _flat(text, run_after(text, qs, i + 1, _is_count, asides=True)), False, how)


def _of_the(doc: Document, qs, i: int) -> PartsTotal | None:
    """"Of the 600 staff, 310 stayed; 190 moved and 140 left": the whole, then the parts of the sentence."""
    text = doc.text
    total = qs[i]
    if i + 1 >= len(qs) or not (_is_count(total) and _is_count(qs[i + 1])):
        return None
    sentence = doc.sentence_of(total.span.start)
    of = _OF_THE_BEFORE.search(text, max(sentence.start, total.span.start - 12), total.span.start)
    if of is None or not _OF_THE_AFTER.fullmatch(text, total.span.end, qs[i + 1].span.start) \
            or not _CLAUSE_OPENING.match(text, max(sentence.start, of.start() - 200), of.start()):
        return None
    parts = _flat(text, run_after(text, qs, i + 1, lambda q: _is_count(q) and q.span.end <= sentence.end,
                                  "clause", asides=True))
    more, rest = _next_sentences(doc, qs, _index_of(qs, parts[-1], i + len(parts)), sentence, parts[-1])
    if more:
        return _claim(total, parts + more, rest, "of the", Link.PARAGRAPH)
    if len(parts) == 2 and not (_one_word_each(text, qs, i + 1, parts) or _gapped(text, parts)):
        return None
    return _claim(total, parts, False, "of the")


def _of_these(doc: Document, qs, index: dict, pw) -> tuple[int, PartsTotal] | None:
    """ "Sales reached 12,500 units. Of those, 8,000 were sold in Asia and 5,500 in Europe.": a sentence that
    opens pointing back at the group of the sentence before (rules.parts_of_wholes read the first part and its
    whole), then the parts of that sentence, read as after "Of the 600 staff,". (index of the whole, claim)"""
    whole, part = pw.wholes[0], pw.part
    i, k = index.get(whole.span), index.get(part.span)
    if i is None or k is None or not (_is_count(whole) and _is_count(part)) or k + 1 >= len(qs):
        return None
    text = doc.text
    sentence = doc.sentence_of(part.span.start)
    parts = _flat(text, run_after(text, qs, k, lambda q: _is_count(q) and q.span.end <= sentence.end, "clause",
                                  asides=True))
    if len(parts) < 2 or (len(parts) == 2 and not (_one_word_each(text, qs, k, parts) or _gapped(text, parts))):
        return None
    claim = _claim(whole, parts, False, "of these", Link.PARAGRAPH)
    return (i, claim) if claim is not None else None


def _next_sentences(doc: Document, qs, k: int, sentence: Span, last: Quantity) -> tuple[list[Quantity], bool]:
    """Parts told on in the next sentences of the paragraph, each opening with words that continue the
    count ("Another 190 moved.", "The remaining 100 left."): at most two sentences; and whether the last
    of them is "the remaining", "the rest" or "the other": the parts then make the whole total."""
    text = doc.text
    if not _LAST_IN_SENTENCE.fullmatch(text, last.span.end, sentence.end):
        return [], False  # the sentence goes on past its last part: not a count told on
    paragraph = doc.paragraph_of(sentence.start)
    more: list[Quantity] = []
    rest = False
    for _ in range(2):
        if k + 1 >= len(qs) or not _is_count(qs[k + 1]):
            break
        nxt = doc.sentence_of(qs[k + 1].span.start)
        opening = _CONTINUES.fullmatch(text, nxt.start, qs[k + 1].span.start)
        if text[sentence.end:nxt.start].strip() or nxt.start >= paragraph.end or nxt == sentence or not opening:
            break
        run = _flat(text, run_after(text, qs, k + 1, lambda q: _is_count(q) and q.span.end <= nxt.end, "clause",
                                    asides=True))
        if not run or not _LAST_IN_SENTENCE.fullmatch(text, run[-1].span.end, nxt.end):
            break
        more += run
        k = _index_of(qs, run[-1], k + len(run))
        sentence = nxt
        rest = not opening.group(0).lower().startswith(("another", "a "))
    return more, rest


def _one_word_each(text: str, qs, k: int, parts: list[Quantity]) -> bool:
    """Whether each of two parts (the first qs[k]) has a one-word predicate ("310 stayed and 290 left"), read
    past a share in brackets after either ("700 (58%) stayed and 500 (42%) left")."""
    first, second = parts
    aside = share_aside(text, first, qs[k + 1])
    if aside is None:
        joins = _ONE_WORD_JOIN.fullmatch(text, first.span.end, second.span.start)
    else:
        joins = _ONE_WORD_JOIN.fullmatch(text[first.span.end:aside[0]] + text[aside[1]:second.span.start])
    j = _index_of(qs, second, k + 1)
    aside = share_aside(text, second, qs[j + 1]) if j + 1 < len(qs) else None
    return bool(joins and _ONE_WORD_END.match(text, aside[1] if aside else second.span.end))


def _gapped(text: str, parts: list[Quantity]) -> bool:
    """Whether the second of two parts repeats the first's predicate, left out, with another value after the
    same preposition: "700 work in London and 600 in Manchester" (no share asides between: the plain form)."""
    first, second = parts
    a = _GAP_FIRST.fullmatch(text, first.span.end, second.span.start)
    b = _GAP_SECOND.match(text, second.span.end) if a is not None else None
    return b is not None and a.group("prep").lower() == b.group("prep").lower()


def _index_of(qs, q: Quantity, k: int) -> int:
    """The index of `q` in `qs`, at or after `k` (a run of parts walked past share asides is longer in `qs`
    than in parts: "700 (58%) stayed and 500 (42%) left")."""
    while qs[k] is not q:
        k += 1
    return k


def _flat(text: str, parts: list[Quantity]) -> list[Quantity]:
    """The parts up to one that is split further or is a share ("310, 45 of them ...": not one level)."""
    for k, q in enumerate(parts):
        if _NESTED_AFTER.match(text, q.span.end):
            return parts[:k]
    return parts


def _parts_before(text: str, qs, j: int) -> PartsTotal | None:
    """The list before a total named as its sum: "12, 9 and 4 seats, making a total of 26", "a combined 500"."""
    total = qs[j]
    if j < 2 or not _is_amount(total) or (not _is_count(total) and qs[j - 1].unit != total.unit):
        return None  # (amounts: the last part is in the total's unit)
    before = text[qs[j - 1].span.end:total.span.start]
    m = None
    if len(before) <= _REACH and tail_may_be(before.rstrip().rstrip(","), _TOTAL_ENDINGS):
        m = _TOTAL_AFTER.fullmatch(before)
    how = m.group("how") if m else None
    if m is None:
        after = _SUM_AFTER.match(text, total.span.end)
        if after is None or not _LAST_PART_TO_SUM.fullmatch(before):
            return None
        how = after.group("how")
    how = " ".join(how.lower().split())
    # "brings the total to": the parts may be only the latest of it; "$4.1bn and $3.2bn totalled $7.3bn": the verb
    # may have another subject ("A $4.1bn and B $3.2bn, and group sales totalled $9bn"), so at most, not exactly
    running = how.endswith(" to") or how in ("totalled", "totaled", "totals")
    if how.endswith(" to"):
        how = "the total to"
    elif running:
        how = "totalled"
    elif how.startswith(("a ", "the ")) and how.endswith("combined"):
        how = "combined"
    elif how.startswith(("or ", "total", "a total")):
        how = "a total of"
    elif how.endswith(" total"):
        how += " of"  # "making a total of"
    # Counts under a count; sums of money and measures under a total in their own unit ("$40 million and $25
    # million, $65 million altogether", "3.2 and 1.5 million tonnes, a combined 4.7 million tonnes"): a bare
    # figure in a list of amounts is no part of them.
    if _is_count(total):
        parts = run_before(text, qs, j - 1, lambda q: _is_count(q) and not _named_total(text, q), asides=True)
    else:
        parts = run_before(text, qs, j - 1, lambda q: _is_amount(q) and q.unit == total.unit
                           and not _named_total(text, q), asides=True)
    if _named_total(text, parts[0]):
        return None  # the list runs on from a figure named as a total: "taking the total to 61, and ..."
    return _claim(total, parts, not running, how)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` is in `text`: a plain loop, as `any()` over a generator costs half again
    as much, and this runs for every figure of a document."""
    for word in words:
        if word in text:
            return True
    return False


def extract(doc: Document, facts: Facts) -> Facts:
    qs = facts.quantities
    if len(qs) < 3:
        return facts  # a total and two parts
    text = doc.text
    # The words next to each figure are sliced from `low` at the text's offsets: str.lower() turns "İ" into two
    # characters, which moved every slice after one (by one per "İ"); as "i" it keeps them, and the readers'
    # patterns (IGNORECASE) take "İ" for "i" too.
    low = text.lower() if "\u0130" not in text else text.replace("\u0130", "i").lower()
    found: dict[int, PartsTotal] = {}  # by the total's index: one reading of each total
    # Which readers can apply anywhere: each test in the loop below is a substring test on a piece of `low`,
    # so a word that `low` lacks fails it for every figure (most articles lack the words of most readers:
    # a colon is in 18 % of the news articles with three figures, a subset word in 37 %, a sum word in 54 %).
    subset = _holds_any(low, _SUBSET_HINTS)
    colon = _holds_any(low, _COLON_MARKS)
    total = "total" in low or "all" in low or "altogether" in low
    summed = total or _holds_any(low, _SUM_HINTS)
    of = "of" in low or "among" in low
    if not (subset or colon or summed or of):
        return facts
    # One pass over the figures; a substring test on the lower-cased words next to each (C speed) says
    # which readers can apply before their patterns run (a scan of every "of" cost more than all the rest).
    # Each reader reads a figure as a total only if it is an amount (_subset), and the others only if it is a
    # count, followed by a count (_colon, _total_of, _of_the) or not (_parts_before): those tests, on the
    # figures alone, come first (_is_amount and _is_count written out: a call for each figure cost more), so
    # a percentage or a rate is passed over without its words being sliced.
    n = len(qs)
    for k, q in enumerate(qs):
        if q.unit in _NOT_AMOUNTS or q.kind != "level" or q.value < 0 or q.grouping == "malformed":
            continue  # not _is_amount(q): no reader takes it as a total
        counted = q.unit == "count"
        nxt = qs[k + 1].span.start if k + 1 < n else q.span.end
        claim = None
        if not counted:
            if subset and nxt - q.span.end < _REACH \
                    and _holds_any(low[q.span.end:min(nxt, q.span.end + _REACH)], _SUBSET_HINTS):
                claim = _subset(text, qs, k) or _bracketed(text, qs, k)
            if claim is None and summed and k >= 2 and qs[k - 1].unit == q.unit \
                    and (_holds_any(low[max(0, q.span.start - 25):q.span.start], _SUM_HINTS)
                         or _holds_any(low[q.span.end:q.span.end + 40], _SUM_HINTS)):
                claim = _parts_before(text, qs, k)
            if claim is not None:
                found[k] = claim
            continue
        after = low[q.span.end:min(nxt, q.span.end + _REACH)] if subset or colon or total else ""
        before = low[max(0, q.span.start - 25):q.span.start]
        if subset and nxt - q.span.end < _REACH and _holds_any(after, _SUBSET_HINTS):
            claim = _subset(text, qs, k) or _bracketed(text, qs, k)
        # _colon, _total_of and _of_the want the next figure a count too
        then_count = k + 1 < n and _is_count(qs[k + 1])
        if claim is None and then_count and colon and _holds_any(after, _COLON_MARKS):
            claim = _colon(text, qs, k)
        if claim is None and then_count and total and ("total" in before or "all" in after or "total" in after
                                                       or "altogether" in after):
            claim = _total_of(text, qs, k)
        if claim is None and summed and k >= 2 and (_holds_any(before, _SUM_HINTS)
                                                    or _holds_any(low[q.span.end:q.span.end + 40], _SUM_HINTS)):
            claim = _parts_before(text, qs, k)
        if claim is None and then_count and of and ("of" in before[-12:] or "among" in before[-12:]):
            claim = _of_the(doc, qs, k)
        if claim is not None:
            found[k] = claim
    # A sentence that opens pointing back at the group of the sentence before ("Of those, 8,000 ..."):
    # rules.parts_of_wholes read its first part and the whole (Link.PARAGRAPH); its parts are read here.
    index = None
    for pw in facts.part_wholes:
        if pw.link is not Link.PARAGRAPH or pw.relation != "group" or len(pw.wholes) != 1:
            continue
        if index is None:
            index = {q.span: j for j, q in enumerate(qs)}
        got = _of_these(doc, qs, index, pw)
        if got is not None and got[0] not in found:
            found[got[0]] = got[1]
    if not found:
        return facts
    claims = sorted(found.values(), key=lambda c: (c.span.start, c.span.end))
    return replace(facts, parts_totals=tuple(claims))
