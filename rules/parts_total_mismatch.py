"""S101 parts-total-mismatch: parts that do not add up to the total they are said to make.

What it does:
    Reads a total followed by its parts ("28 groups, including eight AI
    companies and 20 government bodies"; "a total of 112 seats, of which 60
    went to ... and 58 to ...") and parts followed by their total ("12, 9 and
    4 seats, making a total of 26"). With "including", "of which" and
    "among them" the parts may be fewer than the total, never more; with
    "making/bringing a total of", "for a total of" and "in total" they must
    add up to it. Figures are intervals, so rounded parts are not flagged.

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

import regex

from checker.arithmetic import fmt_number
from checker.model import Finding, Related, Rule, Severity, fingerprint
from rules._gates import tail_may_be

CODE, NAME = "S101", "parts-total-mismatch"

_SUBSET = regex.compile(r"\s*+(?:[a-z-]+\s+){0,3}?(?:[a-z-]+)?,?\s*+(?:including|of\s+which|of\s+whom|among\s+them|among\s+which)\s+\Z",
                        regex.IGNORECASE)
_TOTAL_AFTER = regex.compile(r"(?:[\s\w-]{0,30}?),?\s+(?:making|bringing|for|giving)\s+(?:a|the)\s+total\s+(?:of\s+)?\Z",
                             regex.IGNORECASE)
# Between two parts: a few words naming the first, a comma or "and", and at most a name ("the Greens")
# before the second ("..., among the ten elected" is not a part).
# The last letters of the words _SUBSET must end with, for a substring test before the regex.
_SUBSET_ENDINGS = ("ding", "hich", "whom", "them")
# The last letter before the white space that ends a gap either pattern matches: including, which,
# whom, them; total, of. None of them has a case variant outside ASCII in the regex module.
_LAST_LETTERS = frozenset("ghmlfGHMLF")
_SEPARATOR = regex.compile(r"(?:\s+[A-Za-z-]+){0,5}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|[A-Z][\w-]*)\s+){0,3}?")


def _low(q) -> float:
    """Small whole counts of things (seats, members) are exact; larger or qualified figures are intervals."""
    return q.value if _exact(q) else q.low


def _high(q) -> float:
    return q.value if _exact(q) else q.high


def _exact(q) -> bool:
    return q.decimals == 0 and q.value < 1000 and q.bound == "="


def _is_count(q) -> bool:
    return q.unit == "count" and q.kind == "level" and q.value >= 0 and q.grouping != "malformed"


def _parts_after(doc, quantities, i):
    """Counts after quantities[i] in a list "A <words>, B <words> and C <words>"."""
    parts = [quantities[i]]
    while i + 1 < len(quantities):
        gap = doc.text[quantities[i].span.end:quantities[i + 1].span.start]
        if not _SEPARATOR.fullmatch(gap) or not _is_count(quantities[i + 1]):
            break
        i += 1
        parts.append(quantities[i])
    return parts


def check(doc, facts):
    qs = facts.quantities
    text = doc.text
    counts = [_is_count(q) for q in qs]
    sums = []  # totals after their parts, checked after the subset lists so findings keep their order
    for i in range(len(qs) - 1):
        if not (counts[i] and counts[i + 1]):
            continue  # both readings need two neighbouring counts: a total and its first or last part
        gap = text[qs[i].span.end:qs[i + 1].span.start]
        if gap.rstrip()[-1:] not in _LAST_LETTERS:
            continue  # most gaps (", ", " and ", " to ") end in neither pattern's last word
        if len(gap) < 60 and tail_may_be(gap, _SUBSET_ENDINGS) and _SUBSET.fullmatch(gap):
            parts = _parts_after(doc, qs, i + 1)
            low = sum(_low(p) for p in parts)
            if len(parts) >= 2 and low > _high(qs[i]):
                yield _finding(doc, qs[i], parts, "at most", sum(p.value for p in parts))
        if i >= 1 and len(gap) <= 60 and _may_end_in_total(gap) and _TOTAL_AFTER.fullmatch(gap):
            sums.append(i + 1)
    for j in sums:
        total = qs[j]
        k = j - 1
        parts = [qs[k]]
        while k > 0 and _SEPARATOR.fullmatch(text[qs[k - 1].span.end:qs[k].span.start]) and counts[k - 1]:
            k -= 1
            parts.insert(0, qs[k])
        low, high = sum(_low(p) for p in parts), sum(_high(p) for p in parts)
        if len(parts) >= 2 and (high < _low(total) or low > _high(total)):
            yield _finding(doc, total, parts, "exactly", sum(p.value for p in parts))


def _may_end_in_total(before: str) -> bool:
    """Whether `before` can end as _TOTAL_AFTER requires: "total", maybe then "of", then white space.

    A substring test where the regex costs a microsecond per figure. Exact: t, o, a, l and f have no
    case variants outside ASCII in the regex module, and rstrip() removes all that \\s matches.
    """
    tail = before.rstrip()
    if tail[-2:].lower() == "of":
        tail = tail[:-2].rstrip()
    return tail[-5:].lower() == "total"


def _finding(doc, total, parts, how: str, value: float):
    listed = " + ".join(p.text.strip() for p in parts)
    return Finding(
        code=CODE, symbol=NAME, span=total.span, severity=Severity.ERROR, confidence=0.75,
        message=f"the parts add up to {fmt_number(value)} ({listed}), but the total they make {how} is "
                f"{total.text.strip()}",
        related=tuple(Related("part", p.span, p.text) for p in parts),
        fingerprint=fingerprint(CODE, total.text + " " + listed, doc.claim_context(total.span)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__)
