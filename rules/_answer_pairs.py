"""An answer and its negation: two shares of one whole told in two clauses, for P103 (via rules.share_splits).

"65% say he should resign; 44% say he should not": whoever says he should not is not among those who say
he should, so the two shares are parts of one whole and cannot add up to more than 100 %. Two shares in two
clauses are otherwise left alone, because they are often answers to two questions ("60% said the economy is
getting worse. 55% approve of the president").

The second clause is the negation of the first when, word for word (lower case, "n't" split off, "in
favour of" read as "for"):

- it holds a negation ("not", "n't", "never") that the first does not, and without it and without "do" it
  is the first clause or the start of it ("say he should not" of "say he should resign"; "do not" of "want
  him to stay"); or
- it says the opposite with one word of a pair (support/back/favour vs oppose, for vs against, approve vs
  disapprove, agree vs disagree, like vs dislike, trust vs distrust, accept vs reject, yes vs no), after
  the same words or none ("44% against" after "65% are for it"), and then nothing, a pronoun ("it",
  "him", "them") or the start of what followed the first ("44% oppose the plan" after "support the plan").

Each share must open its clause (after a hedge, "while", "but", "and", "whereas", "only"; a reported clause
opens after "that", or after a verb that reports a finding with "that" left out: "The survey found 60% of
voters support ..."; "Thirty-nine percent (39%)" is one share), be followed by
its clause's words at once (or by "of" and the whole, which the second may leave out but not change:
"65% of men ... 44% of women ..." are two wholes), and the second must follow the first with nothing but
such linking words between: in the same sentence, or opening the next sentence of the paragraph, perhaps
after a frame naming the survey ("The latest survey finds that just 30% disagree"). "Disagree" alone
negates any opinion. Verbs that report an opinion ("say", "believe", "think", "feel") count as one. The
third answer, no opinion, joins the two when it follows them in the same sentence ("... 41% disagree and
say he should not resign while 30% are not sure"). When the
second is told as "the rest" or "the remaining", the two make the whole, and `complete` says so.
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, ShareSplit, Span

# the words of a share's clause: up to the clause's end
_CLAUSE = lazy_compile(r"[^;:,.!?()\u2014\u2013\n]{0,100}?(?=\s*+(?:[;:,.!?()\u2014\u2013\n]|$)|\s++(?:while|whereas|but|and)\s)",
                       regex.IGNORECASE)
_OF_WHOLE = lazy_compile(r"\s++of\s++((?:the\s++|all\s++|those\s++)?[\w-]++(?:\s++(?:polled|surveyed|asked|questioned))?)",
                         regex.IGNORECASE)
# what may stand between a clause's start and its share, or between two clauses
_LINKING = lazy_compile(r"(?:[\s;,:.\u2014\u2013-]|\b(?:while|whereas|but|and|yet|some|about|around|nearly|almost|"
                        r"roughly|only|just|fully|a\s+full|another|the\s+rest|the\s+remaining|the\s+remainder|"
                        r"a\s+further|by\s+contrast|however|meanwhile)\b)*+", regex.IGNORECASE)
# a sentence that goes on reporting the same survey before its share: "The latest telephone survey finds that
# just 30% disagree"
_SURVEY_FRAME = lazy_compile(r"\s*+(?:the|this|that|a|an|its)\s++(?:[\w-]++\s++){0,3}?(?:poll|survey)"
                             r"(?:\s++of\s++[^.;,]{1,40}?)?\s++(?:also\s++)?"
                             r"(?:finds|found|shows|showed|says|said)\s++(?:that\s++)?", regex.IGNORECASE)
# the third answer to a yes/no question
_NO_OPINION = lazy_compile(
    r"\s*+(?:(?:are|were|was|is)\s++(?:not\s++sure|unsure|undecided|neutral)|(?:do|did)\s*+(?:not|n't)\s++(?:know|say)|"
    r"don't\s++know|didn't\s++know|(?:had|have|has|expressed)\s++no\s++(?:opinion|view)|"
    r"(?:declined|refused)\s++to\s++(?:answer|say)|(?:gave\s++)?no\s++answer|(?:are|were)\s++unsure)\s*+$",
    regex.IGNORECASE)
# the rest of an answer's clause after "and", up to the words that bring in the next answer
_AND_MORE = lazy_compile(r"\s++and\s++[a-z' ]{1,60}?(?=\s++(?:while|whereas|but)\s)", regex.IGNORECASE)
# a share restated in brackets right after itself: "Thirty-nine percent (39%) of voters"
_RESTATED = lazy_compile(r"\s*+\(\s*+[\d.]++\s*+(?:%|percent|per\s+cent|pct)?\s*+\)")
_REST = lazy_compile(r"\b(?:the\s+rest|the\s+remaining|the\s+remainder)\b", regex.IGNORECASE)
_WORD = lazy_compile(r"[a-z]+(?:'[a-z]+)?", regex.IGNORECASE)

_THAT = lazy_compile(r" that ", regex.IGNORECASE | regex.REVERSE)  # the last " that " (in any case)
# ... or after a verb that reports a finding, "that" left out: "The survey found 60% of voters support ..."
_FOUND = lazy_compile(r" (?:found|finds|find|showed|shows|show|revealed|reveals|reveal|suggested|suggests|"
                      r"indicated|indicates) ", regex.IGNORECASE | regex.REVERSE)
_REACH = 200  # how far a clause runs from its share, and how far back its start may be
_NEGATIONS = frozenset({"not", "n't", "never"})
_DO = frozenset({"do", "does", "did"})
_PRONOUNS = frozenset({"it", "him", "her", "them", "this", "that", "so", "the", "idea", "one"})
# each word of a pair of opposites: (axis, sign)
_POLAR = {w: (axis, sign) for axis, sign, words in (
    ("support", 1, "support supports supported supporting back backs backed backing favour favours favoured "
                   "favouring favor favors favored favoring"),
    ("support", -1, "oppose opposes opposed opposing"),
    ("for", 1, "for"), ("for", -1, "against"),
    ("approve", 1, "approve approves approved approving"), ("approve", -1, "disapprove disapproves disapproved"),
    ("agree", 1, "agree agrees agreed"), ("agree", -1, "disagree disagrees disagreed"),
    ("like", 1, "like likes liked"), ("like", -1, "dislike dislikes disliked"),
    ("trust", 1, "trust trusts trusted"), ("trust", -1, "distrust distrusts distrusted mistrust"),
    ("accept", 1, "accept accepts accepted sign signs signed"), ("accept", -1, "reject rejects rejected veto vetoes vetoed"),
    ("stay", 1, "stay stays stayed remain remains remained"),
    ("stay", -1, "resign resigns resigned leave leaves left go quit quits"),
    ("yes", 1, "yes"), ("yes", -1, "no"),
) for w in words.split()}


def told_as_rest(text: str, q, start: int) -> bool:
    """Whether the share is told as the rest of the whole ("the remaining 25%", "The rest, 19%,", "The
    remainder (30 pct)"), looking back no further than `start` (its sentence's start)."""
    return _REST.search(text, max(start, q.span.start - 20), q.span.start) is not None


# verbs that report an opinion, read as one: "68% believed he should resign, while 42% said he should stay"
_REPORTING = frozenset("say says said believe believes believed think thinks thought feel feels felt".split())


def _words(clause: str) -> list[str]:
    """The clause's words, lower case, "n't" split off, "in favour (of)" read as "for", a verb that reports
    an opinion as "say"."""
    out: list[str] = []
    for w in _WORD.findall(clause.lower().replace("\u2019", "'")):
        if w.endswith("n't"):
            stem = w[:-3]
            out += [{"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem), "n't"]
        else:
            out.append("say" if w in _REPORTING else w)
    text = " ".join(out).replace("in favour of", "for").replace("in favor of", "for")
    return text.replace("in favour", "for").replace("in favor", "for").split()


def negates(first: list[str], second: list[str]) -> bool:
    """Whether the clause `second` says the opposite of `first` (see the module docstring)."""
    if not first or not second or _NEGATIONS & set(first):
        return False
    if second in (["disagree"], ["do", "n't", "agree"], ["do", "not", "agree"]) and "agree" not in first:
        return True  # "39% believe he should resign ... 41% disagree"
    if _NEGATIONS & set(second):
        rest = [w for w in second if w not in _NEGATIONS and w not in _DO]
        return len([w for w in second if w in _NEGATIONS]) == 1 and rest == [w for w in first if w not in _DO][:len(rest)]
    i = next((k for k, w in enumerate(first) if w in _POLAR), None)
    j = next((k for k, w in enumerate(second) if w in _POLAR), None)
    if i is None or j is None:
        return False
    (axis1, sign1), (axis2, sign2) = _POLAR[first[i]], _POLAR[second[j]]
    if axis1 != axis2 or sign1 == sign2 or (j and second[:j] != first[:i]):
        return False
    after = second[j + 1:]
    # then what followed the first, or its start, or a pronoun for it; or anything when nothing followed it
    # ("should resign" ... "should stay on the job")
    return after == first[i + 1:i + 1 + len(after)] or set(after) <= _PRONOUNS or i + 1 == len(first)


def _clause_after(text: str, q, end: int) -> tuple[str, str, int] | None:
    """(whole, words, end) of the clause a share opens: "of voters", "say he should resign"."""
    pos, whole = q.span.end, ""
    end = min(end, pos + _REACH)  # a clause is short; the sentence may be megabytes of figures
    r = _RESTATED.match(text, pos, end)
    if r is not None:
        pos = r.end()
    m = _OF_WHOLE.match(text, pos, end)
    if m:
        whole, pos = m.group(1).lower(), m.end()
    c = _CLAUSE.match(text, pos, end)
    if c is None or not c.group().strip():
        return None
    return whole, c.group(), c.end()


def _opens_clause(text: str, q, sentence: Span) -> bool:
    """Whether only linking words stand between the clause's start (the sentence's, or the last comma,
    semicolon or colon) and the share."""
    before = text[max(sentence.start, q.span.start - _REACH):q.span.start]
    # "... said that 58 percent ...": a reported clause opens after "that". Found in `before` itself, not in a
    # lower-cased copy, whose offsets shift by one after each "İ" (two characters lower-cased): "A poll in İzmir
    # found that just 58% agree" cut "just" to "ust", and the pair went unread.
    that = _THAT.search(before) or _FOUND.search(before)
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), that.end() - 1 if that else -1)
    return _LINKING.fullmatch(before[cut + 1:]) is not None


def _framed(text: str, end: int, s2: Span, q2) -> bool:
    """Whether the second share opens the next sentence after a frame naming the survey ("The latest survey
    finds that just 30% disagree"), with only the sentence break before it."""
    if s2.start < end or s2.start - end > 10 or text[end:s2.start].strip(" \t.;!?\"'\u201d") or "\n\n" in text[end:s2.start]:
        return False
    m = _SURVEY_FRAME.match(text, s2.start, q2.span.start)
    return m is not None and _LINKING.fullmatch(text, m.end(), q2.span.start) is not None


def _no_opinion_after(text: str, shares, k: int, end: int, sentence: Span) -> list:
    """The shares after an answer and its negation, in the same sentence, that give the third answer of the
    question: no opinion ("... while 30% are not sure", "and 12% don't know"), joined by linking words only."""
    out = []
    for q in shares[k:k + 3]:  # (at most a few: no copy of the rest of the list per pair)
        more = _AND_MORE.match(text, end, q.span.start)  # "41% disagree and say he should not resign while 30% ..."
        if q.span.start >= sentence.end or _LINKING.fullmatch(text, more.end() if more else end, q.span.start) is None:
            break
        clause = _clause_after(text, q, sentence.end)
        if clause is None or clause[0] or not _NO_OPINION.match(clause[1]):
            break
        out.append(q)
        end = clause[2]
    return out


def answer_pairs(doc: Document, facts: Facts) -> list[ShareSplit]:
    """ShareSplits of an answer and its negation (see the module docstring)."""
    text = doc.text
    shares = [q for q in facts.quantities if q.unit == "percent" and q.kind == "level" and q.value >= 0]
    shares = [q for n, q in enumerate(shares)  # not a share restated in brackets after itself
              if not (n and shares[n - 1].value == q.value and text[shares[n - 1].span.end:q.span.start].strip() == "(")]
    out = []
    s2 = doc.sentence_of(shares[0].span.start) if shares else None
    for n, (q1, q2) in enumerate(zip(shares, shares[1:])):
        s1, s2 = s2, doc.sentence_of(q2.span.start)  # (each share's sentence is found once, as q2 then q1)
        if s1 != s2 and (text[s1.end:s2.start].strip() or doc.paragraph_of(s1.start) != doc.paragraph_of(s2.start)):
            continue  # the same sentence, or the very next one in the paragraph
        if not _opens_clause(text, q1, s1):
            continue  # (the second opens its clause when only linking words follow the first: below)
        first, second = _clause_after(text, q1, s1.end), _clause_after(text, q2, s2.end)
        if first is None or second is None or (second[0] and second[0] != first[0]):
            continue  # "65% of men ..., 44% of women ...": two wholes
        if _LINKING.fullmatch(text, first[2], q2.span.start) is None and not _framed(text, first[2], s2, q2):
            continue  # other words between the two clauses
        if not negates(_words(first[1]), _words(second[1])):
            continue
        answers = [q1, q2] + _no_opinion_after(text, shares, n + 2, second[2], s2)
        last = answers[-1]
        complete = told_as_rest(text, last, doc.sentence_of(last.span.start).start)
        out.append(ShareSplit(span=Span(q1.span.start, last.span.end), shares=tuple(answers),
                              whole="an answer and its negation", link=Link.SENTENCE if s1 == s2 else Link.PARAGRAPH,
                              complete=complete, may_nest=False))
    return out
