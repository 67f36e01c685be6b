"""Extractor: a figure stated as a part of another that contains it (`PartOfWhole`, Facts.part_wholes), for S103.

Three readings, each from the words that make one figure a part of the other:

- a group and a part of it ("group"), two figures in one sentence tied by "of": "Of the 368 members, 211
  voted" (also "Among the ...", after a comma or "and"), "211 of the (union's) 368 members", "211 out of
  (a total of) 368", "368 members, 211 of whom/which ...", "368 members, of whom 211", "368 members; of
  these, 211"; or across a sentence end, a part that opens its sentence pointing back ("Of these, 211
  ...", "211 of them ...") to the one figure of its unit in the sentence before (link "paragraph"). Both
  figures are of one unit (two counts, two sums in one currency, two amounts of one measure; a bare part
  with no noun of its own takes its group's unit) and neither is a percentage (a share of a share may be
  anything). A count followed by another plural noun than the group's ("Of the 50 states, 400 (small)
  counties ...") counts something else: no claim. A figure after a label ("Article 411 of the ...",
  "Flight 370"), in a compound modifier ("182-day bills"), below one, or under a thousandth of its group
  is no part of it. Small whole counts of things (under 1,000, no scale word, no hedge) are exact: "Of
  the 368 members, 369 voted" is past its group.
- a profit and its revenue in one sentence ("earnings", rules._earnings);
- an earnings table's profit row over its sales row ("table", rules._earnings_tables).

Only consecutive figures are read for a group (and, across a sentence end, the figures of the one sentence
before), and a table row only against rows within two lines: the reading is linear in the document.
"""
from __future__ import annotations

import regex

from statlint.checker.arithmetic import linked_intervals
from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, PartOfWhole, Quantity, Span, replace
from statlint.checker.units import DURATIONS
from statlint.rules._earnings import profits_on_revenue
from statlint.rules._earnings_tables import profit_rows
from statlint.rules._gates import may_contain, word_after_spaces

_HEDGE = (r"(?:(?:only|just|some|about|around|roughly|nearly|almost|approximately|over|under|more\s+than|"
          r"fewer\s+than|less\s+than|at\s+least|up\s+to|all\s+but|a\s+full|as\s+many\s+as|a\s+mere)\s+)?")
# "the", "its", "all the", "a total of", and a possessive after them ("the union's", "Germany's")
_DET = (r"(?:(?:the|its|their|his|her|our|these|those|this|that|all\s+the|all|a\s+total\s+of)\s+)?"
        r"(?:[\w.-]{1,30}(?:'s|’s|s'|s’)\s+)?")
# "Of the 368 members, 211 ...": what stands before the group (a clause start) and between group and part.
_OF_BEFORE = lazy_compile(r"(?:(?P<start>\A[\s\"'“‘(\[]*)|[,;:(\u2014\u2013]\s*|\b(?:and|but|yet|while|so)\s+)"
                           r"(?:of|among|amongst|out\s+of)\s+" + _DET + _HEDGE + r"\Z", regex.IGNORECASE)
_LABEL = r"(?:\s+(?P<label>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,5}?))?"  # the group's noun and a few words
_PAUSES = ",;:\u2014\u2013"
_PAUSE = r"\s*[" + _PAUSES + r"]\s*"
_LABEL_COMMA = lazy_compile(_LABEL + _PAUSE + _HEDGE, regex.IGNORECASE)
# "211 of the 368 members", "211 out of 368": between part and group.
_OF_BETWEEN = lazy_compile(r"\s+(?:out\s+)?of\s+" + _DET + _HEDGE, regex.IGNORECASE)
# "368 members, 211 of whom ...", "368 members; of these, 211 ...": after the group's noun.
_OF_WHOM_AFTER = lazy_compile(r"\s+of\s+(?:whom|which)\b", regex.IGNORECASE)
# "290,000 jobs (only 60,000 of which were census workers)": the same, opened by a bracket.
_LABEL_BRACKET = lazy_compile(_LABEL + r"\s*\(\s*" + _HEDGE, regex.IGNORECASE)
# "..., three of them": "them" may point further back than the figure before; read only at a sentence opening.
_OF_THEM_AFTER = lazy_compile(r"\s+of\s+(?:them|these|those)\b", regex.IGNORECASE)
_OF_WHOM_BETWEEN = lazy_compile(_LABEL + _PAUSE + r"(?:and\s+)?(?:of|among)\s+(?:whom|which|them|these|those)\s*,?\s*"
                                 + _HEDGE, regex.IGNORECASE)
# A sentence that opens on a part of the group the sentence before counted: "Of these, 211 ...", "211 of them ...".
_OF_THESE_OPENING = lazy_compile(r"\A[\s\"'“‘(]*(?P<back>(?:of|among)\s+(?:them|these|those|this\s+total|that\s+total)"
                                  r"\s*,?\s*)?" + _HEDGE + r"\Z", regex.IGNORECASE)
_GATE = ("of", "among")  # every reading of a group has one of these words
_BACK = ("of th", "among th")  # and every sentence opening that points back ("Of these", "among them")
_BACK_WORDS = ("them", "these", "those", "total")  # one of which every pointing back names
# Every earnings claim names a revenue: a table's sales row (_earnings_tables._ROW_WHOLE: "sales", "revs",
# "revenue(s)", "turnover") or a revenue label in prose (_earnings._WHOLE_WORDS). Without one of these words
# (four articles in five) neither reader is run: the table rows they would find serve only to keep the prose
# reader off them.
_WHOLE_WORDS = ("sales", "revs", "revenue", "turnover")
_COMPOUND = ("-", "\u2010", "\u2011", "\u2013", "/")  # "182-day bills": a figure in a compound modifier

# A figure named by the word before it is a label ("Article 411", "page 12", "Flight 370").
_LABELS = frozenset("""article section rule chapter page pages paragraph clause item items no no. number flight route
grade level stage phase part volume game games round race ranked rank ranks ranking place week day line row
column table figure lot model version category class""".split())
# What may follow a part that counts the group's members: a verb, an auxiliary, "of them", an adverb.
_DATES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_AFTER_PART = frozenset("""of were was are is have had has will would could can may might must should did do does
said say says voted vote took take left went came got gave made chose stayed lost won saw became ran kept held
paid sold bought found told spent quit remain remained live lived work worked want wanted support supported oppose
opposed own owned use used died survived agreed backed favoured favored approved rejected signed joined returned
also still now already then later eventually never actually reportedly either both in at on from""".split())
_VERBS_IN_S = frozenset("is was has does says goes".split())
_PEOPLE = frozenset(("people", "persons"))
# Groups of persons (singular, as _singular leaves a label's words), whose members a part may count as "people"
_PERSON_NOUNS = frozenset("""respondent staff worker employee voter resident member pupil student adult patient child
children woman women man men participant user customer passenger visitor tourist migrant refugee applicant candidate
officer soldier teacher nurse doctor citizen person people inhabitant delegate fan spectator""".split())
_WORDS_AFTER = lazy_compile(r"\s++([A-Za-z][A-Za-z'-]*+)(?:\s++([A-Za-z][A-Za-z'-]*+))?")  # the two words after a part
_IRREGULAR_PLURALS = frozenset("people men women children staff police personnel cattle sheep fish deer".split())


def _singular(word: str) -> str:
    word = word.lower().strip("'’")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _same_kind(part: Quantity, whole: Quantity) -> bool:
    """Both figures of one unit, levels, positive and read cleanly; neither a percentage. A bare part with no
    noun of its own takes its whole's unit ("2.4 mln of its 1.9 mln dlrs", "Of the 300 tonnes, 410 went")."""
    # The tests most pairs fail come first (another unit, a rate): every test is a condition of the answer.
    if part.unit != whole.unit:
        bare = part.unit == "count" and (part.noun is None or part.noun.lower() in _AFTER_PART) \
            and whole.unit not in DURATIONS  # "1.6 billion of 182-day bills": pesos, not days
        if not bare:
            return False
    if part.kind != "level" or whole.kind != "level" or part.is_percent or whole.is_percent:
        return False
    if part.value < 1 or part.high < whole.low / 1000:
        return False  # "0.17 of its 25 cts preferred", "165 of 2.97 million ldt": a fraction, or other things counted
    return part.low > 0 and whole.low > 0 and "malformed" not in (part.grouping, whole.grouping)


_PERCENT_UNITS = frozenset(("percent", "percentage_point"))  # Quantity.is_percent


def _may_be_grouped(q: Quantity) -> bool:
    """False only when _same_kind fails for `q` as either figure of a pair: each must be a level, no
    percentage, above nought and read cleanly (whatever the other figure)."""
    return q.kind == "level" and q.unit not in _PERCENT_UNITS and q.low > 0 and q.grouping != "malformed"


def _counts_the_group(text: str, part: Quantity, label: str) -> bool:
    """Whether the words after a counted part leave it counting the group's members.

    The group's own noun, a word of _AFTER_PART, or a verb not listed there ("411 speak English") do; another
    plural noun ("400 counties"), also after an adjective ("400 small towns"), does not.
    """
    if part.unit != "count":
        return True
    words = _WORDS_AFTER.match(text, part.span.end)
    if words is None:
        return True
    group = {_singular(w) for w in label.split()}
    for word in (words.group(1).lower(), (words.group(2) or "").lower()):
        if not word or word in _AFTER_PART or (word.endswith(("ed", "ly")) and len(word) > 4):
            return True
        if _singular(word) in group or (word in _PEOPLE and group & _PERSON_NOUNS):
            return True  # (a group of persons counted as "people": "Of the 1,100 respondents, 570 people")
        if word in _IRREGULAR_PLURALS or (word.endswith("s") and word not in _VERBS_IN_S):
            return False  # another noun: the part counts something else
    return True  # "411 speak English", "211 new members": a verb or an adjective before a word that is no plural


def _exact_top(q: Quantity, part: Quantity | None = None) -> float:
    """The most a group can be: a small whole count of things ("368 members") is exact; beside a part given
    more finely, a round group's written zeros count (precision model, rule 3: "Of the 1,200 staff, 1,250"
    reads 1,200 to the ten, not as anything up to 1,300)."""
    exact = q.unit == "count" and q.decimals == 0 and q.value < 1000 and q.bound == "=" and q.text.strip().isdigit()
    if exact:
        return q.value
    return linked_intervals(q, part)[0].high if part is not None else q.high


def _is_label(text: str, sentence_start: int, q: Quantity) -> bool:
    """Whether the word right before `q` names it ("Article 411", "Flight 370"): a capitalised word inside the
    sentence other than a day or month ("On Friday 930 ..."), or one of _LABELS."""
    lo = max(sentence_start, q.span.start - 30)
    words = text[lo:q.span.start].split()
    if not words:
        return False
    word = words[-1]
    inside = len(words) > 1 or lo > sentence_start
    return word.lower() in _LABELS or (inside and word[:1].isupper() and word.isalpha() and word.lower() not in _DATES)


def _noun_of(q: Quantity) -> str:
    """The noun a counted group names right after its figure ("368 members"); "" for an amount or a verb."""
    if q.unit != "count" or q.noun is None or q.noun.lower() in _AFTER_PART:
        return ""
    return q.noun


def _claim(part: Quantity, whole: Quantity, label: str) -> PartOfWhole:
    first, last = (part, whole) if part.span.start < whole.span.start else (whole, part)
    return PartOfWhole(span=Span(first.span.start, last.span.end), part=part, wholes=(whole,),
                       tops=(_exact_top(whole, part),), factors=(1.0,), relation="group", label=label.strip(),
                       link=Link.SENTENCE)


def _group_pair(doc: Document, a: Quantity, b: Quantity, low: str | None = None) -> PartOfWhole | None:
    """The group claim two consecutive figures of one sentence make, or None. `low` is the document lowered
    with every offset kept (see _groups), or None: the gap between the figures is then lowered here."""
    text = doc.text
    if not _same_kind(a, b) or b.span.start - a.span.end > 80:
        return None
    if text[b.span.end:b.span.end + 1] in _COMPOUND or text[a.span.end:a.span.end + 1] in _COMPOUND:
        return None
    # substring tests before the patterns: each reading needs "of", a pause or a bracket between the figures
    gap = text[a.span.end:b.span.start]
    # _PAUSES, written out: a generator over them cost more than the five tests
    paused = "," in gap or ";" in gap or ":" in gap or "\u2014" in gap or "\u2013" in gap
    has_of = "of" in (low[a.span.end:b.span.start] if low is not None else gap.lower())
    bracket = "(" in gap
    if not (paused or has_of or bracket):
        return None
    sentence = doc.sentence_of(a.span.start)
    if b.span.start >= sentence.end:
        return None
    if has_of:
        # "211 of the 368 members", "211 out of 368": a is the part
        if _OF_BETWEEN.fullmatch(gap) and not _is_label(text, sentence.start, a):
            return _claim(a, b, _noun_of(b))
        # "368 members, of whom 211"
        m = _OF_WHOM_BETWEEN.fullmatch(gap) if paused else None
        if m and _counts_the_group(text, b, m.group("label") or ""):
            return _claim(b, a, m.group("label") or "")
    if not paused:
        # "290,000 jobs (only 60,000 of which ...)": the group, a bracket, then its part
        m = _LABEL_BRACKET.fullmatch(gap) if bracket else None
        if m and _OF_WHOM_AFTER.match(text, b.span.end):
            return _claim(b, a, m.group("label") or "")
        return None
    m = _LABEL_COMMA.fullmatch(gap)
    if m is None or not _counts_the_group(text, b, m.group("label") or ""):
        return None
    # "Of the 368 members, 211 voted": a clause that opens on the group
    lo = max(sentence.start, a.span.start - 40)
    before = _OF_BEFORE.search(text[lo:a.span.start])
    if before and (before.group("start") is None or lo == sentence.start):
        return _claim(b, a, m.group("label") or "")
    # "368 members, 211 of whom work abroad"
    if _OF_WHOM_AFTER.match(text, b.span.end):
        return _claim(b, a, m.group("label") or "")
    return None


def _group_before(doc: Document, quantities: tuple[Quantity, ...], i: int) -> PartOfWhole | None:
    """ "The plant employs 386 workers. Of these, 412 live in the town." / "... 412 of them live ...": the part
    opens its sentence and points back; the group is the one figure of its unit in the sentence before."""
    text, part = doc.text, quantities[i]
    sentence = doc.sentence_of(part.span.start)
    if sentence.start == 0 or part.span.start - sentence.start > 40:
        return None
    opening = _OF_THESE_OPENING.fullmatch(text[sentence.start:part.span.start])
    if opening is None:
        return None
    if opening.group("back") is None and not _OF_THEM_AFTER.match(text, part.span.end):
        return None
    before = doc.sentence_of(sentence.start - 1)
    if before.start >= sentence.start or doc.paragraph_of(before.start) != doc.paragraph_of(sentence.start):
        return None
    groups = []
    j = i - 1
    while j >= 0 and quantities[j].span.start >= before.start:
        q = quantities[j]
        if q.span.start < sentence.start and _same_kind(part, q):
            groups.append(q)
        j -= 1
    if len(groups) != 1 or text[groups[0].span.end:groups[0].span.end + 1] in _COMPOUND:
        return None  # which figure of the sentence before is the group is not clear
    whole = groups[0]
    if not _counts_the_group(text, part, _noun_of(whole)):
        return None
    return replace(_claim(part, whole, _noun_of(whole)), link=Link.PARAGRAPH)


def _may_point_back(text: str, low: str | None, start: int) -> bool:
    """Whether the 40 characters before a figure may hold a sentence opening that points back ("Of these,", "Among
    them"): _BACK in them, each run of white space read as one space ("Of\nthese, 412 live" was passed over when
    the test wanted the one space _BACK is written with)."""
    if low is not None:
        return _holds_any(" ".join(low[max(0, start - 40):start].split()), _BACK)
    return may_contain(" ".join(text[max(0, start - 40):start].split()), _BACK)


def _of_them_after(text: str, end: int) -> bool:
    """Whether _OF_THEM_AFTER matches at `end`, the pattern tried only after white space and "of": this
    runs after every figure, most are followed by another word, and a call to the pattern cost more
    than the rest of the loop."""
    return word_after_spaces(text, end, "of") and _OF_THEM_AFTER.match(text, end) is not None


def _holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` is in `lowered` (a plain loop: any() over a generator costs half again as much)."""
    for word in words:
        if word in lowered:
            return True
    return False


def _groups(doc: Document, quantities: tuple[Quantity, ...], low: str | None = ...) -> list[PartOfWhole]:
    """The group claims; `low` is doc.lowered (None: the gates' own code runs, may_contain), taken here if not given.

    Document.lowered is the text lowered once for every gate of the document: str.lower() keeps every offset
    unless the text holds "İ" (the one character it turns into two), and a text holding "İ" or "ſ" passes every
    gate (rules._gates), so such a text (and one too long to copy whole) has none and keeps may_contain."""
    text = doc.text
    if low is ...:
        low = doc.lowered
    if low is None:
        if not may_contain(text, _GATE):
            return []
        back = may_contain(text, _BACK_WORDS)
    else:
        if not _holds_any(low, _GATE):
            return []
        # A sentence opening that points back needs "them", "these", "those" or "this/that total" (_OF_THESE_OPENING,
        # _OF_THEM_AFTER): without one in the document the per-figure tests for it are skipped. Most documents
        # have none, and those tests cost as much as the rest of the loop.
        back = _holds_any(low, _BACK_WORDS)
    out = []
    a = quantities[0]
    a_ok = _may_be_grouped(a)
    for i in range(1, len(quantities)):
        b = quantities[i]
        # _same_kind's tests of each figure on its own (see _may_be_grouped), written out: a call for each
        # figure cost more than the test. A figure that fails them is in no pair and is no part.
        b_ok = b.kind == "level" and b.unit not in _PERCENT_UNITS and b.low > 0 and b.grouping != "malformed"
        # _group_pair reads no pair more than 80 characters apart: the one test most pairs fail, made here
        claim = _group_pair(doc, a, b, low) if a_ok and b_ok and b.span.start - a.span.end <= 80 else None
        if claim is None and b_ok and back and (_of_them_after(text, b.span.end)
                                       or _may_point_back(text, low, b.span.start)):
            claim = _group_before(doc, quantities, i)  # a sentence opening on a part: "Of these, 412 ..."
        if claim is not None:
            out.append(claim)
        a, a_ok = b, b_ok
    return out


def extract(doc: Document, facts: Facts) -> Facts:
    quantities = facts.quantities
    if len(quantities) < 2:
        return facts
    low = doc.lowered  # (what _lowered gives: one copy for every gate of the document)
    claims = _groups(doc, quantities, low)
    if _holds_any(low, _WHOLE_WORDS) if low is not None else may_contain(doc.text, _WHOLE_WORDS):
        tables, rows = profit_rows(doc, quantities)
        claims = tables + profits_on_revenue(doc, quantities, skip=lambda q: rows.holds(q.span.start)) + claims
    if not claims:
        return facts
    claims.sort(key=lambda c: c.span.start)
    return replace(facts, part_wholes=tuple(claims))
