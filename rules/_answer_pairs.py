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

Each share must open its clause (after a hedge, "while", "but", "and", "whereas", "only"), be followed by
its clause's words at once (or by "of" and the whole, which the second may leave out but not change:
"65% of men ... 44% of women ..." are two wholes), and the second must follow the first with nothing but
such linking words between: in the same sentence, or opening the next sentence of the paragraph. When the
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
_REST = lazy_compile(r"\b(?:the\s+rest|the\s+remaining|the\s+remainder)\b", regex.IGNORECASE)
_WORD = lazy_compile(r"[a-z]+(?:'[a-z]+)?", regex.IGNORECASE)

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
    ("accept", 1, "accept accepts accepted"), ("accept", -1, "reject rejects rejected"),
    ("yes", 1, "yes"), ("yes", -1, "no"),
) for w in words.split()}


def told_as_rest(text: str, q, start: int) -> bool:
    """Whether the share is told as the rest of the whole ("the remaining 25%", "The rest, 19%,", "The
    remainder (30 pct)"), looking back no further than `start` (its sentence's start)."""
    return _REST.search(text, max(start, q.span.start - 20), q.span.start) is not None


def _words(clause: str) -> list[str]:
    """The clause's words, lower case, "n't" split off, "in favour (of)" read as "for"."""
    out: list[str] = []
    for w in _WORD.findall(clause.lower().replace("\u2019", "'")):
        if w.endswith("n't"):
            stem = w[:-3]
            out += [{"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem), "n't"]
        else:
            out.append(w)
    text = " ".join(out).replace("in favour of", "for").replace("in favor of", "for")
    return text.replace("in favour", "for").replace("in favor", "for").split()


def negates(first: list[str], second: list[str]) -> bool:
    """Whether the clause `second` says the opposite of `first` (see the module docstring)."""
    if not first or not second or _NEGATIONS & set(first):
        return False
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
    return after == first[i + 1:i + 1 + len(after)] or set(after) <= _PRONOUNS


def _clause_after(text: str, q, end: int) -> tuple[str, str, int] | None:
    """(whole, words, end) of the clause a share opens: "of voters", "say he should resign"."""
    pos, whole = q.span.end, ""
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
    before = text[sentence.start:q.span.start]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
    return _LINKING.fullmatch(before[cut + 1:]) is not None


def answer_pairs(doc: Document, facts: Facts) -> list[ShareSplit]:
    """ShareSplits of an answer and its negation (see the module docstring)."""
    text = doc.text
    shares = [q for q in facts.quantities if q.unit == "percent" and q.kind == "level" and q.value >= 0]
    out = []
    for q1, q2 in zip(shares, shares[1:]):
        s1, s2 = doc.sentence_of(q1.span.start), doc.sentence_of(q2.span.start)
        if s1 != s2 and (text[s1.end:s2.start].strip() or doc.paragraph_of(s1.start) != doc.paragraph_of(s2.start)):
            continue  # the same sentence, or the very next one in the paragraph
        if not _opens_clause(text, q1, s1):
            continue  # (the second opens its clause when only linking words follow the first: below)
        first, second = _clause_after(text, q1, s1.end), _clause_after(text, q2, s2.end)
        if first is None or second is None or (second[0] and second[0] != first[0]):
            continue  # "65% of men ..., 44% of women ...": two wholes
        if _LINKING.fullmatch(text, first[2], q2.span.start) is None:
            continue  # other words between the two clauses
        if not negates(_words(first[1]), _words(second[1])):
            continue
        complete = told_as_rest(text, q2, s2.start)
        out.append(ShareSplit(span=Span(q1.span.start, q2.span.end), shares=(q1, q2),
                              whole="an answer and its negation", link=Link.SENTENCE if s1 == s2 else Link.PARAGRAPH,
                              complete=complete))
    return out
