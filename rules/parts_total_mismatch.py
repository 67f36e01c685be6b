"""S101 parts-total-mismatch: parts that do not add up to the total they are said to make.

What it does:
    Reads a total followed by its parts ("28 groups, including eight AI
    companies and 20 government bodies"; "a total of 112 seats, of which 60
    went to ... and 58 to ...") and parts followed by their total ("12, 9 and
    4 seats, making a total of 26"). With "including", "of which" and
    "among them" the parts may be fewer than the total, never more; with
    "making/bringing a total of", "for a total of" and "in total" they must
    add up to it. Figures are intervals, so rounded parts are not flagged.
    After "including" and "of which" the total and parts may also be sums
    of money or measures ("653 mln dlrs, including 359 mln dlrs of loans and
    294 mln dlrs of ..."), all in the total's unit; bare parts take the
    total's unit when a verb or preposition follows the first ("194,000
    tonnes, of which 45,000 are grains/oilseeds and 149,000 derivatives").
    A per-share figure ("1.20 dlrs a share, including ...") is not a total.

Why is this bad?
    A breakdown that cannot add up means one of its figures is wrong; lists of
    casualties, seats, votes and budgets are where readers check.

Example:
    The alliance has 28 members, including 18 AI companies and 20 government bodies.

Use instead:
    The alliance has 38 members, including 18 AI companies and 20 government bodies.

Known false positives:
    Parts that overlap (a body counted in two categories) and parts in other
    units than the total.
"""
from __future__ import annotations

import bisect

import regex

from statlint.checker.arithmetic import Interval
from statlint.checker.model import Finding, Related, Rule, Severity, fingerprint
from statlint.checker.precision import implied_number, sum_place
from statlint.rules._gates import tail_may_be

CODE, NAME = "S101", "parts-total-mismatch"

_SUBSET = regex.compile(r"\s*+(?:[a-z-]+\s+){0,3}?(?:[a-z-]+)?,?\s*+(?:including|of\s+which|of\s+whom|among\s+them|among\s+which)\s+\Z",
                        regex.IGNORECASE)
_TOTAL_AFTER = regex.compile(r"(?:[\s\w-]{0,30}?),?\s+(?:making|bringing|for|giving)\s+(?:a|the)\s+total\s+(?:of\s+)?\Z",
                             regex.IGNORECASE)
# The last letters of the words _SUBSET must end with, for a substring test before the regex.
_SUBSET_ENDINGS = ("ding", "hich", "whom", "them")
# The same for _TOTAL_AFTER ("... a total", "... a total of").
_TOTAL_ENDINGS = ("otal", "of")
# Between two parts: a few words naming the first, a comma or "and", and at most a name ("the Greens")
# before the second ("..., among the ten elected" is not a part).
# (possessive runs: the plain form backtracked quadratically on a long run of spaces; tests/test_patterns.py)
_SEPARATOR = regex.compile(
    r"(?:\s++[A-Za-z/-]++){0,5}?(?:\s*+,\s*+(?:and\s++)?|\s++and\s++)(?:(?:the|[A-Z][\w-]*+)\s++){0,3}?")


# A figure the text itself names as a total ("taking the total to 61", "a total of 22", "a combined 900"):
# it sums the parts before it and is never one of the parts of a later total.
_NAMED_TOTAL = regex.compile(r"\b(?:total(?:s|led|ed|ling|ing)?|combined)(?:\s+(?:of|to|at))?\s+\Z", regex.IGNORECASE)


def _named_total(doc, q) -> bool:
    return bool(_NAMED_TOTAL.search(doc.text, max(0, q.span.start - 25), q.span.start))


def _low(q) -> float:
    """Small whole counts of things (seats, members) are exact; larger or qualified figures are intervals."""
    return q.value if _exact(q) else q.low


def _high(q) -> float:
    return q.value if _exact(q) else q.high


def _exact(q) -> bool:
    return q.decimals == 0 and q.value < 1000 and q.bound == "="


def _is_count(q) -> bool:
    return q.unit == "count" and q.kind == "level" and q.value >= 0 and q.grouping != "malformed"


def _is_amount(q) -> bool:
    """A count, a sum of money or a measure (not a rate): what a total and its parts can be."""
    return q.unit not in _NOT_AMOUNTS and q.kind == "level" and q.value >= 0 and q.grouping != "malformed"


_NOT_AMOUNTS = frozenset({"percent", "percentage_point", "times"})
# A bare part under a total in a unit takes the total's unit when a verb or preposition follows it
# ("194,000 tonnes, of which 45,000 are grains"); "300 hectares, including 120 homes" has other nouns.
_BARE_NEXT = frozenset("are were is was from in to for of went came at by on with".split())


def _fits(total, part, first: bool) -> bool:
    """The part is in the total's unit, or bare under a total in a unit."""
    if part.unit == total.unit:
        return True
    return part.unit == "count" and (not first or (part.noun or "").lower() in _BARE_NEXT)


def _parts_after(doc, quantities, i, total=None):
    """Counts after quantities[i] in a list "A <words>, B <words> and C <words>"."""
    parts = [quantities[i]]
    while i + 1 < len(quantities):
        gap = doc.text[quantities[i].span.end:quantities[i + 1].span.start]
        if not _SEPARATOR.fullmatch(gap) or not (
                _is_count(quantities[i + 1]) if total is None else
                _is_amount(quantities[i + 1]) and _fits(total, quantities[i + 1], False)):
            break
        i += 1
        parts.append(quantities[i])
    return parts


# Words every match of _SUBSET, and of _TOTAL_AFTER, holds: the figures they can follow are found from these,
# one scan of the text, instead of testing the gap after every figure.
_SUBSET_WORD = regex.compile(r"including|of\s+wh(?:ich|om)|among\s+(?:them|which)", regex.IGNORECASE)
_TOTAL_WORD = regex.compile(r"total", regex.IGNORECASE)


def _before_each(pattern, text: str, starts: list[int]) -> list[int]:
    """For each match of `pattern`, the index of the last figure starting before it (ascending, no repeats)."""
    found = []
    for m in pattern.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and (not found or found[-1] != i):
            found.append(i)
    return found


def check(doc, facts):
    qs = facts.quantities
    if len(qs) < 2:
        return
    starts = [q.span.start for q in qs]
    for i in _before_each(_SUBSET_WORD, doc.text, starts):
        total = qs[i]
        if i + 1 >= len(qs) or not _is_amount(total):
            continue
        head = qs[i + 1]
        gap = doc.text[total.span.end:head.span.start]
        if len(gap) >= 60 or not tail_may_be(gap, _SUBSET_ENDINGS) or not _SUBSET.fullmatch(gap):
            continue  # both readings need "including", "of which"... right before the first part
        if _is_count(total) and _is_count(head):
            parts = _parts_after(doc, qs, i + 1)
            low = sum(_low(p) for p in parts)
            if len(parts) >= 2 and low > _high(total):
                yield _finding(doc, total, parts, "at most", sum(p.value for p in parts))
        elif _is_amount(head) and _fits(total, head, True) and "share" not in gap and "shr" not in gap:
            # money and measures ("653 mln dlrs, including ..."); not a per-share figure ("1.20 dlrs a share")
            parts = _parts_after(doc, qs, i + 1, total)
            low = sum(_low(p) for p in parts)
            if len(parts) >= 2 and low > _high(total):
                yield _finding(doc, total, parts, "at most", sum(p.value for p in parts))
    for j in _before_each(_TOTAL_WORD, doc.text, starts):
        j += 1  # the figure after the word
        if j < 2 or j >= len(qs) or not _is_count(qs[j]):
            continue
        total = qs[j]
        before = doc.text[qs[j - 1].span.end:total.span.start]
        if len(before) > 60 or not tail_may_be(before, _TOTAL_ENDINGS) or not _TOTAL_AFTER.fullmatch(before):
            continue
        k = j - 1
        while k > 0 and _SEPARATOR.fullmatch(doc.text[qs[k - 1].span.end:qs[k].span.start]) and _is_count(qs[k - 1]) \
                and not _named_total(doc, qs[k - 1]):
            k -= 1
        parts = list(qs[k:j])  # the list before the total (found walking back; a slice, not insert(0) per part)
        if len(parts) >= 2 and all(_is_count(p) for p in parts):
            low, high = sum(_low(p) for p in parts), sum(_high(p) for p in parts)
            if high < _low(total) or low > _high(total):
                yield _finding(doc, total, parts, "exactly", sum(p.value for p in parts))


def _finding(doc, total, parts, how: str, value: float):
    listed = " + ".join(p.text.strip() for p in parts)
    added = implied_number(value, sum_place(parts), Interval(_low(total), _high(total)), exact=True)
    return Finding(
        rule=CODE, name=NAME, span=total.span, severity=Severity.ERROR, confidence=0.75,
        message=f"the parts add up to {added} ({listed}), but the total they make {how} is {total.text.strip()}",
        related=tuple(Related("part", p.span, p.text) for p in parts),
        fingerprint=fingerprint(CODE, total.text + " " + listed, doc.claim_context(total.span)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("quantities",))
