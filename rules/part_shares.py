"""Extractor: a part stated with its percentage of a whole that is also stated (`PartShare`, Facts.part_shares), for S105.

Three figures, one of them a percentage, tied by the words of a share:

- (", or" may also be a dash, with "or" or between two dashes: "200 — or 40 per cent — left", "200 – 40% –")
- "part-or-percent": the part, then ", or" (or a bracket) and its percentage "of" the whole: "450 jobs, or 25%
  of its 3,000 workers", "1.2 mln shares (9.5 pct of the 10 mln outstanding)", "140 (77%) of the 182 homicides";
- "percent-or-part": the percentage "of" the whole, then ", or" (or a bracket) and the part: "fees of 1 percent
  of the $21.1 billion, or just over $2 billion";
- "percent-or-part" in words: a proportion in words that the number reader read as a share ("Half of the $1.3
  million, or $900,000", "A third of the 900 staff, or 450 people"), with the interval rules.verbal_proportions
  reads for the words (`worded`);
- "part-of-whole": a part of a whole as rules.parts_of_wholes reads it ("600 of the 2,000 staff", "Of the 2,000
  staff, 600"), then its percentage in brackets or after ", or": "600 of the 2,000 staff (15%)";
- "part-of-total": a part of a total as rules.parts_totals reads it, then its percentage in brackets right
  after it (a few words between at most): "The electorate totals 1,755, including 885 women (50.4%) and 870
  men (49.6%)" (each part with its own), "900 mln dlrs, including 300 mln dlrs (33 pct) from Europe" (one
  part after a subset word: rules.parts_totals.subset_how);
- "part-of-whole" in words: a part of a whole as rules.parts_of_wholes reads it, then a proportion in words
  after a comma (or ", or") that closes its clause, read as rules.verbal_proportions reads it: "$667,000 of the
  $1.3 million, a little less than half", "Of the 2,000 staff, 600, or nearly a third, will leave". The
  claim's `percent` is then the words (`worded`), their interval the one they allow ("nearly a third"
  26.7-33.3). S105 reports it, not P104: the words contradict two figures, not one percentage ("600, or
  nearly a third (30%)" is P104's, and not read here).

The part and the whole are consecutive figures in one unit (two counts, two sums in one currency), neither a
percentage, a range or a denominator, with nothing but words between each figure and the words that tie it
(no other figure, no stop, no bracket, no line break). A part with another figure of its unit before it in
its clause ("450 jobs in 2 plants, or 25% of ...") may be either, and is not read. A percentage followed by
"of" in the third form is a share of something else ("(15% of them women)") and is not linked; between the
percentage and its whole only "of" and a determiner or a possessive may stand ("of its", "of the union's"),
so "25% of the workforce of 3,000" is not read. A percentage that rules.verbal_proportions already tied to
words ("3 out of 10 voters, or 50%") is left to P104.
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, PartShare, Quantity, Span, replace
from statlint.rules._lists import share_aside
from statlint.rules.parts_totals import subset_how
from statlint.rules.verbal_proportions import hedged_proportion_at, proportion_at

_HEDGE = (r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just|only|over|under|more\s+than|"
          r"less\s+than|just\s+over|just\s+under|a\s+little\s+(?:over|under|more\s+than|less\s+than))\s+)?")
# ", or" or an opening bracket, and a hedge, right before the second figure of a restatement; or a comma and a
# hedge ("3.4 mln shares, about 12 pct of its 28 mln").
# A dash, with or without "or", opens the restatement too ("200 — or 40 per cent — left", "200 - 40% - left").
_OR_BEFORE = lazy_compile(r"(?:(?:,\s*+or|\(|\s[–—]\s*+(?:or)?|\s-{1,2}\s*+(?:or)?)\s*+" + _HEDGE
                          + r"|,\s*+(?:about|around|roughly|some|nearly|almost|"
                          r"approximately|just\s+over|just\s+under)\s+|,\s*+)\Z", regex.IGNORECASE | regex.REVERSE)
# "of", a determiner and a possessive between a percentage and its whole: "of its", "of the union's"; after the
# bracket that closes the percentage ("140 (77%) of the 182 homicides").
_OF_WHOLE = lazy_compile(r"\)?+\s++of\s++(?:(?:the|its|their|his|her|our|this|that|a|an|all|all\s+the|some)\s++)?"
                         r"(?:[\w.-]{1,30}(?:'s|’s|s'|s’)\s++)?(?:(?:total|combined|entire|overall|whole)\s++)?",
                         regex.IGNORECASE)
_OF_AFTER = lazy_compile(r"\s++of\b", regex.IGNORECASE)
# (the restating figure may keep its own noun before the close: "- 1,050 people -", ", 610 people,")
_DASH_CLOSE = lazy_compile(r"(?:\s++[A-Za-z]++){0,2}\s*+(?:[–—]|-{1,2}\s)")
_COMMA_CLOSE = lazy_compile(r"(?:\s++[A-Za-z]++)?\s*+,")
# after the whole of "3,400 homes - roughly a fifth of the 9,000 in the town -": its few words, then the closing mark
_AFTER_WHOLE_CLOSE = lazy_compile(r"(?:\s++[A-Za-z]++){0,4}\s*+(?:[–—,]|-{1,2}\s)")
# What may stand between a figure and the words that tie it to the next: a few words, no figure, no stop,
# no bracket, no line break ("450 jobs, or", "the $21.1 billion in fees, or").
_WORDS_BETWEEN = lazy_compile(r"[^\d().;:!?\n\[\]{}%]{0,40}")
# Between the later figure of a part and its whole and a proportion in words: up to two words, a comma, perhaps
# "or" ("600, or nearly a third", "the $1.3 million raised, a little less than half").
_WORDS_BEFORE = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,2}?\s*+,\s*+(?:or\s++)?")
# ... and the words close their clause: "nearly a third, will leave", not "a third more", "half of them".
_CLAUSE_END = lazy_compile(r"\s*+(?:[,;.:!?)—–]|\s-\s|\Z)")
_NOT_A_PART_UNIT = frozenset(("percent", "percentage_point", "times", "ratio"))


def extract(doc: Document, facts: Facts) -> Facts:
    quantities = facts.quantities
    if len(quantities) < 3 and not facts.part_wholes:
        return facts  # three figures, or a part and its whole with a proportion in words
    text = doc.text
    groups = None  # the parts of wholes by the later of their two figures, made on the first percentage only
    totals = None  # the total of each part of a total, by the part's span (likewise)
    # A percentage already tied to a proportion in words ("3 out of 10 voters, or 50%") is P104's to check.
    worded = {p.figure.span for p in facts.proportions}
    found: list[PartShare] = []
    for k, pct in enumerate(quantities):
        if pct.unit == "percent" and pct.kind == "share" and pct.span not in worded:
            claim = _worded_percent_or_part(text, quantities, k)  # "Half of the $1.3 million, or $900,000"
            if claim is None and 0 < k < len(quantities) - 1:
                claim = _part_or_worded_percent(text, quantities, k)  # "3,400 homes - a fifth of the 9,000 -"
            if claim is not None:
                found.append(claim)
            continue
        if pct.unit != "percent" or pct.kind != "level" or pct.span in worded:
            continue
        claim = None
        if _may_open_of(text, pct.span.end):
            claim = (_part_or_percent(text, quantities, k) if k else None) or _percent_or_part(text, quantities, k)
        if claim is None and facts.part_wholes:
            if groups is None:
                groups = _groups_by_later(facts.part_wholes)
            claim = _part_of_whole(text, quantities, k, groups)
        if claim is None and k >= 1 and k + 1 < len(quantities):
            claim = _of_whole_percent_or_part(text, quantities, k)  # "Of the 1,100 polled, 62%, or 570 people,"
        if claim is None and k >= 2:
            if totals is None:
                totals = {p.span: c.total for c in facts.parts_totals for p in c.parts}
            claim = _part_of_total(text, quantities, k, totals)
        if claim is not None:
            found.append(claim)
    if facts.part_wholes:
        found += _worded(text, facts.part_wholes)
        found.sort(key=lambda c: (c.span.start, c.span.end))
    return replace(facts, part_shares=tuple(found)) if found else facts


def _worded(text: str, part_wholes) -> list[PartShare]:
    """ "Of the 2,000 staff, 600, or nearly a third,": a part of a whole, then a proportion in words."""
    out = []
    for pw in part_wholes:
        if pw.relation != "group" or len(pw.wholes) != 1:
            continue
        part, whole = pw.part, pw.wholes[0]
        later = max(part.span.end, whole.span.end)
        if "," not in text[later:later + 40]:
            continue  # cheap test before the patterns
        before = _WORDS_BEFORE.match(text, later)
        words = proportion_at(text, before.end()) if before is not None else None
        if words is None or not _CLAUSE_END.match(text, words[0].end):
            continue
        claim = _share(part, _words_percent(text, words), whole, "part-of-whole")
        if claim is not None:
            out.append(replace(claim, worded=True))
    return out


def _part_or_percent(text: str, quantities, k: int) -> PartShare | None:
    """ "450 jobs, or 25% of its 3,000 workers": quantities[k] the percentage."""
    pct = quantities[k]
    if k + 1 >= len(quantities):
        return None
    part, whole = quantities[k - 1], quantities[k + 1]
    if not (_restated_after(text, part, pct) and _of_whole(text, pct, whole)):
        return None
    if k >= 2 and _same_clause(text, quantities[k - 2], part):
        return None  # "450 jobs in 2 plants, or 25% of its 3,000 workers": which figure is the part?
    return _share(part, pct, whole, "part-or-percent")


def _percent_or_part(text: str, quantities, k: int, pct: Quantity | None = None) -> PartShare | None:
    """ "1 percent of the $21.1 billion, or just over $2 billion": quantities[k] the percentage (or `pct`, the
    interval its words allow)."""
    pct = pct or quantities[k]
    if k + 2 >= len(quantities):
        return None
    whole, part = quantities[k + 1], quantities[k + 2]
    if not (_of_whole(text, pct, whole) and _restated_after(text, whole, part)):
        return None
    return _share(part, pct, whole, "percent-or-part")


def _worded_percent_or_part(text: str, quantities, k: int) -> PartShare | None:
    """ "Half of the $1.3 million, or $900,000", "A third of the 900 staff, or 450 people": a proportion in words
    (the number reader's share: "Half" as 50 %), "of" its whole, then ", or" and the part. The words allow the
    interval rules.verbal_proportions reads for them ("half" 45-55 %), so the claim is `worded`."""
    words = hedged_proportion_at(text, quantities[k].span.start)  # "Almost half": 40-50 %, not half's 45-55 %
    if words is None or words[0].end != quantities[k].span.end or not _may_open_of(text, words[0].end):
        return None
    claim = _percent_or_part(text, quantities, k, _words_percent(text, words))
    return replace(claim, worded=True) if claim is not None else None


def _part_of_whole(text: str, quantities, k: int, groups: dict) -> PartShare | None:
    """ "600 of the 2,000 staff (15%)", "Of the 2,000 staff, 600, or 30%,": the figure before the percentage
    ends a part of a whole that rules.parts_of_wholes read."""
    pct = quantities[k]
    pair = groups.get(quantities[k - 1].span) if k else None
    if pair is None or _OF_AFTER.match(text, pct.span.end):
        return None  # no part of a whole before it, or "(15% of them women)": a share of something else
    part, whole = pair
    if not _restated_after(text, quantities[k - 1], pct):
        return None
    return _share(part, pct, whole, "part-of-whole")


# "Of the 1,100 respondents, 62 per cent, or 570 people,": the whole after an opening "Of", its noun, a comma
_OF_WHOLE_BEFORE = lazy_compile(r"(?:^|[.;:!?\n]\s*+|\s)of\s++(?:the|its|their|all\s+the)\s++\Z", regex.IGNORECASE | regex.REVERSE)
_NOUN_THEN_COMMA = lazy_compile(r"(?:\s++[A-Za-z][\w'-]*+){0,3}?\s*+,\s*+\Z")


def _of_whole_percent_or_part(text: str, quantities, k: int) -> PartShare | None:
    """ "Of the 1,100 respondents, 62 per cent, or 570 people, said ...": the whole after "Of the", a few words and
    a comma, then the percentage (quantities[k]), then ", or" (a hedge at most) right after it and the part, which
    a comma closes after at most one word of its own."""
    whole, pct, part = quantities[k - 1], quantities[k], quantities[k + 1]
    if not _NOUN_THEN_COMMA.fullmatch(text, whole.span.end, pct.span.start) \
            or not _OF_WHOLE_BEFORE.search(text, max(0, whole.span.start - 12), whole.span.start):
        return None
    if not _TIGHT_OR.fullmatch(text, pct.span.end, part.span.start) or not _COMMA_CLOSE.match(text, part.span.end):
        return None  # "62% of men, or 570": a share of something else; "62% said yes, or 570 more": no restatement
    return _share(part, pct, whole, "part-of-whole")


# ", or" right after the percentage, perhaps a hedge: nothing else between it and the part
_TIGHT_OR = lazy_compile(r"\s*+,\s*+or\s++(?:(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under)\s++)?",
                         regex.IGNORECASE)


def _part_of_total(text: str, quantities, k: int, totals: dict) -> PartShare | None:
    """ "1,755, including 885 women (50.4%)": quantities[k] the percentage, in brackets right after a part
    of a total."""
    pct, part = quantities[k], quantities[k - 1]
    if share_aside(text, part, pct) is None:
        return None
    total = totals.get(part.span)
    if total is None and subset_how(text, quantities, k - 2) is not None:
        total = quantities[k - 2]  # a total with one part: "900 mln dlrs, including 300 mln dlrs (33 pct)"
    return _share(part, pct, total, "part-of-total") if total is not None else None


def _groups_by_later(part_wholes) -> dict:
    """{span of the later figure: (part, whole)} for every part of a group with one whole."""
    out = {}
    for pw in part_wholes:
        if pw.relation == "group" and len(pw.wholes) == 1:
            part, whole = pw.part, pw.wholes[0]
            later = part if part.span.start > whole.span.start else whole
            out[later.span] = (part, whole)
    return out


def _restated_after(text: str, first: Quantity, second: Quantity, closed: bool | None = None) -> bool:
    """Whether `second` restates what `first` is about: words only, then ", or" or "(" and perhaps a hedge.
    `closed`, when given, says whether an opening without "or" is closed where the caller needs it ("3,400 homes
    - roughly a fifth of the 9,000 in the town -": after the whole that follows `second`), instead of the rules
    below."""
    if second.span.start <= first.span.end:
        return False
    m = _OR_BEFORE.search(text, first.span.end, second.span.start)
    if m is None or _WORDS_BETWEEN.fullmatch(text, first.span.end, m.start()) is None:
        return False
    opening = m.group(0)
    if closed is not None:
        return closed or "or" in opening.lower()
    if opening.strip() == ",":
        # a bare comma restates only between two commas ("half of the 800 staff, 610 people, left"), not before
        # more words ("of the 800 staff, 610 were laid off")
        return _COMMA_CLOSE.match(text, second.span.end) is not None
    if ("-" in opening or "–" in opening or "—" in opening) and "or" not in opening.lower():
        # a bare dash restates only between two dashes ("200 – 40 per cent – left"), not before more words
        # ("200 left - 40% more than a year ago")
        return _DASH_CLOSE.match(text, second.span.end) is not None
    return True


def _words_percent(text: str, words: tuple[Span, float, float]) -> Quantity:
    """The percentage a proportion in words allows (rules.verbal_proportions.proportion_at's span and interval),
    as a figure of the claim: its text the words, its low/high their interval."""
    span, low, high = words
    return Quantity(span=span, text=text[span.start:span.end], value=(low + high) / 2, low=low, high=high,
                    unit="percent")


_CLAUSE_BREAK = frozenset(",;:.!?()\n")


def _part_or_worded_percent(text: str, quantities, k: int) -> PartShare | None:
    """ "3,400 homes - roughly a fifth of the 9,000 in the town - lost power", "450 jobs, or about a third of its
    1,200 staff,": the part, then a proportion in words (the number reader's share, quantities[k]) of the whole,
    tied as _part_or_percent ties a percentage; the words allow the interval rules.verbal_proportions reads."""
    share = quantities[k]
    words = hedged_proportion_at(text, share.span.start)
    if words is None or words[0].end != share.span.end:
        return None
    pct = _words_percent(text, words)
    part, whole = quantities[k - 1], quantities[k + 1]
    if not _of_whole(text, share, whole):
        return None
    # (an opening without "or" restates up to its closing twin after the whole and its few words)
    if not _restated_after(text, part, pct, closed=_AFTER_WHOLE_CLOSE.match(text, whole.span.end) is not None):
        return None
    if k >= 2 and _same_clause(text, quantities[k - 2], part):
        return None  # two figures of the part's unit before the words: which one is the part?
    claim = _share(part, pct, whole, "part-or-percent")
    return replace(claim, worded=True) if claim is not None else None


def _same_clause(text: str, earlier: Quantity, part: Quantity) -> bool:
    """Whether a figure of the part's unit stands before it in its clause (no comma, stop, colon or bracket
    between), so that either may be the part."""
    return earlier.unit == part.unit and not any(c in _CLAUSE_BREAK for c in text[earlier.span.end:part.span.start])


def _may_open_of(text: str, end: int) -> bool:
    """Cheap test before _OF_WHOLE, which the first two forms need after the percentage: perhaps ")", then white
    space, then "of" in any case. A superset: str.isspace() takes in every character regex's \\s does, and a run
    of white space longer than the slice lets the pattern decide (tests/test_part_shares.py)."""
    after = text[end:end + 12]
    if after[:1] == ")":
        after = after[1:]
    if not after[:1].isspace():
        return False
    rest = after.lstrip()
    return not rest or rest[:2].lower() == "of"


def _of_whole(text: str, pct: Quantity, whole: Quantity) -> bool:
    m = _OF_WHOLE.match(text, pct.span.end, whole.span.start)
    return m is not None and m.end() == whole.span.start


def _share(part: Quantity, pct: Quantity, whole: Quantity, form: str) -> PartShare | None:
    """The claim, when the part and the whole are amounts of one unit that a share can be of."""
    if part.unit != whole.unit or part.unit in _NOT_A_PART_UNIT:
        return None
    if part.kind != "level" or whole.kind != "level" or part.value <= 0 or whole.value <= 0:
        return None
    start = min(part.span.start, pct.span.start, whole.span.start)
    end = max(part.span.end, pct.span.end, whole.span.end)
    return PartShare(span=Span(start, end), part=part, percent=pct, whole=whole, form=form, link=Link.SENTENCE)
