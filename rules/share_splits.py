"""Extractor: percentages that split one whole into exclusive parts (`ShareSplit`), for P103.

Three ways the words tie the parts to one whole:

- in one sentence, a run of three or more percentages joined by commas and "and"/"while" (rules._lists),
  whose first figure is followed by its whole ("of the vote", "of all foreign-owned acreage"; any whole when
  the later figures are told by labels alone: "45% of the country's electricity, gas 35% and renewables 30%")
  or introduced
  as a holding ("won", "owned", "accounted for", "a poll gave ..."), or one of whose figures is an answer
  ("40% backed the plan"), or in a sentence naming a poll or survey; and that says nothing of a change
  (rose, fell, up, growth, rate...), which would make the figures rates of different things;
- a "respectively" list of percentages that are shares of one whole: "share(s)" or "accounted for",
  "made up" before the list, or "of the vote/total/market" after it ("Shares of the three regions were
  45%, 35% and 30%, respectively"), unless the list pairs with places or years ("in China, Japan and
  Korea"), each a whole of its own;
- answers to one poll question told over two or three consecutive sentences of a paragraph, tied by the
  words: the first names a poll, survey, ballot or respondents and gives an answer ("45% said they back
  the plan"); each next one opens on words that carry the answers on ("Another 40% opposed it.", "A
  further 19% had no view.", "The rest, 19%, ...", "The remainder (19%) ..."; "while" within a sentence),
  and then needs no answer verb of its own, unless another whole follows its share ("Another 61% of
  women did": a share of women, not of the poll's answers);
- an answer and its negation in two clauses ("65% say he should resign; 44% say he should not", "65%
  support the plan, while 44% oppose it"): rules._answer_pairs. Two shares in two clauses are otherwise
  left alone, as answers to two questions;
- a poll margin, which the number reader reads as a range written larger first: "by a 55 percent to 37
  percent margin", "voters say 52 - 39 percent": rules._margins.

`exclusive` is False when the text says more than one answer was allowed; `complete` is True when the last
share is told as "the rest", "the remaining" or "the remainder" (the shares then make the whole).
"""
from __future__ import annotations


import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, ShareSplit, Span, replace
from statlint.rules._answer_pairs import answer_pairs, told_as_rest
from statlint.rules._claim_gates import next_word_may_be, word_starts
from statlint.rules._margins import margins
from statlint.rules._lists import RESPECTIVELY, figure_runs

# What ties a run in one sentence to one whole: a poll or an electorate named in the sentence; the first
# figure introduced as a holding ("won 48%", "owned 79 pct", "accounted for 52 pct") or followed by the
# whole ("of the vote", "of all foreign-owned acreage"); or an answer right after a figure ("40% backed").
# ("said" alone is the reporting verb of the sentence: "copper grade was 1.10 pct at ..., Morin said".)
_POLL_WORDS = lazy_compile(r"\b(?:survey(?:ed)?|poll(?:ed|s)?|respondents|electorate|ballots?)\b", regex.IGNORECASE)
_HOLDING_BEFORE = lazy_compile(r"\b(?:won|win|wins|owned|owns|held|holds|accounted\s+for|account\s+for|"
                                r"accounts\s+for|made\s+up|make\s+up|makes\s+up|gave\s+\w+(?:\s+\w+)?)\s+\Z",
                                regex.IGNORECASE | regex.REVERSE)
_OF_WHOLE_AFTER = lazy_compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]{1,30}\s+){0,2}?"
                                r"(?:vote|votes|voters|respondents|people|adults|households|members|market|total|"
                                r"electorate|seats|acreage|land|area|shares|workforce|population)\b", regex.IGNORECASE)
_CHANGE = lazy_compile(r"\b(?:rose|fell|rise|fall|up|down|increase[ds]?|decrease[ds]?|grew|growth|gain(?:ed)?|"
                        r"drop(?:ped)?|decline[ds]?|jump(?:ed)?|higher|lower|compared|(?<!\b(?:were|are|was|is)\s+)against|versus|"
                        r"vs|year-on-year|turnout|rate|rates)\b", regex.IGNORECASE)
# The whole a share names right after it: "of his party's voters", "of those who call themselves liberal"
# (up to four words, enough to tell one whole from another; a list's "and"/"or" ends it).
_WORD = r"(?!(?:and|or|while|but|whereas)\b)[\w'’-]++"
_OWN_WHOLE = lazy_compile(rf"\s++of\s++((?:{_WORD}\s++){{0,3}}{_WORD})", regex.IGNORECASE)
_MULTIPLE = lazy_compile(r"\b(?:more\s+than\s+one|multiple\s+answers|several\s+answers|multiple\s+responses|"
                          r"could\s+choose\s+(?:more|several)|could\s+pick)\b", regex.IGNORECASE)
_SHARE_WORDS = lazy_compile(r"\b(?:shares?|accounted\s+for|account\s+for|made\s+up|make\s+up|represented)\b",
                             regex.IGNORECASE)
_WHOLE_AFTER = lazy_compile(r"\s*+of\s+(?:the\s+)?(?:vote|votes|total|market|electorate|seats|ballots)\b",
                             regex.IGNORECASE)
_PLACES_OR_YEARS = lazy_compile(r"\b(?:in|for|during)\s+[A-Z\d][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*,\s*[A-Z\d]|"
                                 r"\b(?:19|20)\d\d\s*(?:,|and)\s*(?:19|20)\d\d\b")
_POLL = lazy_compile(r"\b(?:poll(?:ed|s)?|survey(?:ed|s)?|respondents|questioned|asked|interviewed|voters|"
                      r"ballot(?:ed|s)?|referendum)\b",
                      regex.IGNORECASE)
_ANSWER_AFTER = lazy_compile(
    r"\s+(?:of\s+(?:respondents|voters|those\s+\w+|people|adults)\s+)?(?:said|say|says|backed|back|supported|"
    r"support|opposed|oppose|favou?red|favou?r|approved|approve|disapproved|disapprove|agreed|agree|disagreed|"
    r"disagree|answered|chose|picked|preferred|prefer|were\s+undecided|are\s+undecided|were\s+unsure|"
    r"did\s+not\s+know|didn't\s+know|had\s+no\s+(?:opinion|view)|voted\s+(?:for|against|to|in\s+favou?r)|"
    r"would\s+vote)\b", regex.IGNORECASE)
# The first two letters of every word _ANSWER_AFTER opens with (rules._claim_gates)
_ANSWER_STARTS = word_starts("of said backed supported opposed favoured approved disapproved agreed answered chose picked "
                             "preferred were are did had voted would".split())
# Words that carry one question's answers on: "Another 40% ...", "A further 19% ...", "The rest, 19%, ...",
# "The remainder (19%) ...", "..., while 41% ...". An answer so tied needs no answer verb of its own.
_CONTINUES_BEFORE = lazy_compile(r"\b(?:another|a\s+further|the\s+remaining|the\s+other|the\s+rest|the\s+remainder|"
                                  r"while|whereas)\s*+[,(\u2014\u2013-]?\s*+\Z", regex.IGNORECASE | regex.REVERSE)
# A continued answer of another whole: "Another 61% of women did" (the whole of "of respondents" is the poll's).
_OTHER_WHOLE_AFTER = lazy_compile(r"\s*+[,)]?\s*+of\s+(?!(?:the\s+)?(?:respondents|voters|those|people|adults|them)\b)",
                                   regex.IGNORECASE)


_REACH = 300  # characters around a run that its words are read from: a sentence may be a 2 MB line of figures


def _around(sentence: Span, first, last) -> tuple[int, int]:
    return max(sentence.start, first.span.start - _REACH), min(sentence.end, last.span.end + _REACH)


def _is_share(q) -> bool:
    return q.unit == "percent" and q.kind == "level" and q.value >= 0


def _runs_in_sentences(doc: Document, facts: Facts) -> list[ShareSplit]:
    out = []
    text = doc.text
    for run, respectively in figure_runs(doc, facts.quantities, "percent"):
        if not all(_is_share(q) for q in run):
            continue
        sentence = doc.sentence_of(run[0].span.start)
        lo, hi = _around(sentence, run[0], run[-1])
        sentence = Span(lo, hi)
        whole = ""
        if respectively:
            before = text[sentence.start:run[0].span.start]
            if _PLACES_OR_YEARS.search(text, sentence.start, sentence.end) or _CHANGE.search(before):
                continue
            share_words = _SHARE_WORDS.search(before)
            whole_after = _WHOLE_AFTER.match(text, run[-1].span.end)
            if not (share_words or whole_after):
                continue
            whole = whole_after.group(0).strip() if whole_after else before[share_words.start():].strip()
            link = Link.LIST
        else:
            if len(run) < 3 or _CHANGE.search(text, sentence.start, sentence.end) \
                    or RESPECTIVELY.search(text, sentence.start, sentence.end):
                continue
            whole = _whole_of_run(text, sentence, run)
            if not whole or _wholes_differ(text, run):
                continue
            link = Link.SENTENCE
        out.append(ShareSplit(span=Span(run[0].span.start, run[-1].span.end), shares=tuple(run), whole=whole,
                              link=link, exclusive=not _MULTIPLE.search(text, sentence.start, sentence.end)))
    return out


def _wholes_differ(text: str, run) -> bool:
    """Whether two members of a run name wholes of their own, and not the same one: "holds 86% of his party's
    voters, 82% of those who call themselves liberal, 73% of moderates" are shares of three groups, not three
    parts of one ("48% of the vote, 30% of the vote and 22%" names one whole twice)."""
    wholes = set()
    named = 0
    for q in run:
        m = _OWN_WHOLE.match(text, q.span.end, q.span.end + 80)
        if m:
            named += 1
            wholes.add(m.group(1).lower())
    return named >= 2 and len(wholes) > 1


# "Coal provides 45% of the country's electricity, gas 35% and renewables 30%": the verb and the whole are said
# once, for the first share, and left out of the others, each told by a label of one or two lower-case words
# right after the join (a kind of the whole: "gas", "wind power"). Names ("Google 35%") may be firms or places,
# each a whole of its own ("45% of staff at Apple, Google 35%"), and are not read so.
_LABEL_BEFORE = lazy_compile(r"(?:,\s*+(?:and\s++|while\s++)?|(?<!\s)\s++and\s++|(?<!\s)\s++while\s++)(?:the\s++)?"
                              r"(?!(?:and|or|while|but|the|a|an|with|to|by|at|in|of|on|for|from|up|down|about|around|"
                              r"some|nearly|almost|over|under|just|only|than|another|other|rest)\b)[a-z][a-z-]++"
                              r"(?:\s++[a-z][a-z-]++)?\s++\Z")


def _left_out_whole(text: str, run) -> str:
    """The whole of a run whose first share names it and whose later shares are told by labels alone (see
    _LABEL_BEFORE), or "" ("45% of the country's electricity, gas 35% and renewables 30%")."""
    m = _OWN_WHOLE.match(text, run[0].span.end, run[0].span.end + 80)
    if m is None:
        return ""
    for prev, q in zip(run, run[1:]):
        start = max(prev.span.end, q.span.start - 40)
        if not _LABEL_BEFORE.search(text, start, q.span.start) or _OWN_WHOLE.match(text, q.span.end, q.span.end + 80):
            return ""
    return m.group(0).strip()


def _whole_of_run(text: str, sentence: Span, run) -> str:
    """The words tying a run in one sentence to one whole (see _POLL_WORDS), or "" when none do."""
    first = run[0]
    m = _OF_WHOLE_AFTER.match(text, first.span.end, sentence.end)
    if m:
        return m.group(0).strip()
    m = _HOLDING_BEFORE.search(text, max(sentence.start, first.span.start - 30), first.span.start)
    if m:
        return m.group(0).strip()
    for q in run:
        m = _ANSWER_AFTER.match(text, q.span.end, sentence.end)
        if m:
            return m.group(0).strip()
    m = _POLL_WORDS.search(text, sentence.start, sentence.end)
    return m.group(0) if m else _left_out_whole(text, run)


def _within(answers, i: int, sentence: Span) -> list:
    """answers[i:] that lie in `sentence` (answers are in text order)."""
    out = []
    while i < len(answers) and answers[i].span.start < sentence.end:
        out.append(answers[i])
        i += 1
    return out


def _continues(text: str, q) -> bool:
    """Whether words before a share carry a question's answers on to it, and no other whole follows it."""
    start = max(0, q.span.start - 20)
    return _may_continue(text[start:q.span.start]) \
        and bool(_CONTINUES_BEFORE.search(text, start, q.span.start)) \
        and not _OTHER_WHOLE_AFTER.match(text, q.span.end, q.span.end + 40)


# The last letters of each word _CONTINUES_BEFORE ends on ("another", "a further", "the other": "ther").
_CONTINUES_ENDINGS = ("ther", "ning", "rest", "nder", "hile", "reas")
_CONTINUES_MARKS = (",", "(", "\u2014", "\u2013", "-")


def _may_continue(before: str) -> bool:
    """False only when _CONTINUES_BEFORE cannot match at the end of `before`: it ends in one of its words, white
    space, one optional mark and white space. str.rstrip() takes off every character regex's \\s matches (and a
    few more), so what is left after the mark ends with the word's last letters (lower-cased, or "İ"/"ſ",
    which regex folds to "i"/"s" and str.lower() does not: rules._gates)."""
    before = before.rstrip()
    if before.endswith(_CONTINUES_MARKS):
        before = before[:-1].rstrip()
    tail = before[-4:]
    return tail.lower().endswith(_CONTINUES_ENDINGS) or (not tail.isascii() and ("\u0130" in tail or "\u017f" in tail))


def _answers_across_sentences(doc: Document, facts: Facts) -> list[ShareSplit]:
    """Poll answers told over consecutive sentences of one paragraph (see the module docstring)."""
    text = doc.text
    answers, said = [], set()  # shares that answer or carry an answer on; ids of those with an answer verb
    for q in facts.quantities:
        if not _is_share(q):
            continue
        if next_word_may_be(text, q.span.end, _ANSWER_STARTS) and _ANSWER_AFTER.match(text, q.span.end, q.span.end + 60):
            answers.append(q)
            said.add(id(q))
        elif _continues(text, q):
            answers.append(q)
    out = []
    i = 0
    while i < len(answers):
        first = answers[i]
        sentence = doc.sentence_of(first.span.start)
        if id(first) not in said or not _POLL.search(text, *_around(sentence, first, first)):
            i += 1
            continue
        group = _within(answers, i, sentence)
        j = i + len(group)
        paragraph = doc.paragraph_of(first.span.start)
        sentences_used = 1
        while j < len(answers) and sentences_used < 3:
            nxt = answers[j]
            nxt_sentence = doc.sentence_of(nxt.span.start)
            if nxt_sentence.start != sentence.end and text[sentence.end:nxt_sentence.start].strip():
                break  # not the very next sentence
            if doc.paragraph_of(nxt.span.start) != paragraph:
                break
            if not _continues(text, nxt) or nxt.span.start - nxt_sentence.start > 40:
                break  # the next sentence must open on the words that carry the answers on
            more = _within(answers, j, nxt_sentence)
            group += more
            j += len(more)
            sentence = nxt_sentence
            sentences_used += 1
        if sentences_used > 1 and len(group) >= 2 and group[-1].span.end - group[0].span.start < 3 * _REACH \
                and not _CHANGE.search(text, group[0].span.start, group[-1].span.end):
            span = Span(group[0].span.start, group[-1].span.end)
            last = group[-1]
            out.append(ShareSplit(span=span, shares=tuple(group), whole="answers to one question",
                                  link=Link.PARAGRAPH, exclusive=not _MULTIPLE.search(text, *_around(paragraph, group[0],
                                                                                               group[-1])),
                                  complete=told_as_rest(text, last, doc.sentence_of(last.span.start).start)))
        i = j if j > i else i + 1
    return out


def _may_split(quantities) -> bool:
    """Whether the quantities hold two percentages, or one range of percentages (a margin): a split needs
    them, and most articles have none. One walk that stops as soon as it knows."""
    seen = False
    for q in quantities:
        if q.unit == "percent":
            if seen or q.kind == "range":
                return True
            seen = True
    return False


def extract(doc: Document, facts: Facts) -> Facts:
    if not _may_split(facts.quantities):
        return facts
    splits = _runs_in_sentences(doc, facts) + _answers_across_sentences(doc, facts)
    linked = {id(q) for split in splits for q in split.shares}
    splits += [p for p in answer_pairs(doc, facts) if not all(id(q) in linked for q in p.shares)]
    splits += margins(doc, facts)
    if not splits:
        return facts
    splits.sort(key=lambda s: s.span.start)
    return replace(facts, splits=tuple(splits))
