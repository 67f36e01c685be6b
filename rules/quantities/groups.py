"""Figures written as one measurement: a list of one unit, a change "from A to B", a size "60 × 10 × 3 mm".

Why: statlint reads every figure of "4.5 kg, 6 kg and 13 kg" or "rose from 211 K
to 284 K" as a quantity of its own, because the checks need each member (parts
and totals, "respectively", both ends of a growth claim). A reader of the text
as a whole, and the MeasEval annotation guidelines (IsList: "lists of
quantities should usually be annotated as one annotation"; "Changes in Value":
"mark the Quantity as a range"), take such a run as one quantity. This step
says which runs of the figures already read are written as one, without
changing them, so a consumer can report a list or a change as one span.

The form, from its definition: two or more neighbouring figures in one unit
(a bare member has by now taken the unit written after the last one:
rules/quantities/lists.py), each a single level (not a range, a share in
words or a multiplier), joined by nothing but

- a list joint: a comma, "and", "or", ", and", perhaps "and the" ("the 1.5 mm
  and the 8.5 mm beaches"); or
- "to", when the first figure follows "from" ("from 2605 m to 2634 m", "from
  ∼20 to ∼40 ppm"); a chain "from 0.06 to 0.42 to 0.74 ppm" is one run; or
- "×" between the sides of one size ("60 × 10 × 3 mm3", "500 nm × 500 nm").

A list, or a chain of changes, that "respectively" follows in its clause is
not one measurement: its members belong to as many things ("sensitivity and
specificity were 80% and 81%, respectively", "from 0.1 to 0.4 to 0.9 ppm for
the three tanks respectively"; the guidelines' exception for lists that
"clearly differentiate between separate MeasuredEntities"). One change "from
A to B" stays one: "respectively" then pairs whole changes with their things.

Figures of different units are not one measurement ("2.5 inches, 6 inches and
9 oz respectively" names three properties), and neither are figures joined by
any other word ("rose 5% to 7%" is by and to, not a range).
"""
from __future__ import annotations

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity

# Between two members of a list: a comma, "and", "or", a comma then "and"/"or", perhaps "the"; then perhaps a
# sign of approximation. Not ", or" followed by a figure in another unit: the units must agree anyway.
_LIST_JOINT = lazy_compile(r"(?:\s*+,\s*+(?:(?:and|or)\s++)?+|\s++(?:and|or)\s++)(?:the\s++)?+[~∼≈]?+")
_TO = lazy_compile(r"\s++to\s++(?:[~∼≈]|(?:around|about|nearly|almost|roughly)\s++)?+")
_TIMES = lazy_compile(r"\s*+[×x]\s*+")
# "from" (or "From") right before the first end, perhaps with a sign of approximation: "from ∼250".
# "respectively" later in the clause (looked for in the next 200 characters only): no full stop (". " before a capital), semicolon or line break before it.
_RESPECTIVELY = lazy_compile(r"(?:[^.;\n]|\.(?!\s++\p{Lu}))*?\brespectively\b")
_FROM_BEFORE = lazy_compile(r"(?i:\bfrom)\s++[~∼≈]?+\Z")


def written_groups(text: str, quantities: list[Quantity] | tuple[Quantity, ...]) -> list[tuple[int, int]]:
    """(first, last) indices into `quantities` (in text order) of each run of two or more figures written as one
    measurement (see the module docstring); runs do not overlap. Linear: each figure is compared with its
    neighbour only."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(quantities)
    while i < n - 1:
        j = _run_end(text, quantities, i)
        if j > i:
            groups.append((i, j))
        i = j + 1
    return groups


def _run_end(text: str, quantities, i: int) -> int:
    """The index of the last member of the run that starts at quantities[i] (i itself when none does)."""
    first = quantities[i]
    if not _member(first):
        return i
    joint = None  # "list", "to" or "times": one run is joined one way
    unit = first.unit
    j = i
    while j + 1 < len(quantities):
        nxt = quantities[j + 1]
        kind = _joint(text, quantities[j], nxt)
        if kind is None or (joint is not None and kind != joint) or not _member(nxt):
            break
        # a size names its unit once, after its last side: "60 × 10 × 3 mm3"
        if nxt.unit != unit and not (kind == "times" and unit == "count"):
            break
        if kind == "to" and joint is None and not _FROM_BEFORE.search(text, max(0, first.span.start - 12),
                                                                       first.span.start):
            break
        joint, unit = kind, nxt.unit
        j += 1
    if joint == "list" and j + 1 < len(quantities) and _joint(text, quantities[j], quantities[j + 1]) == "list":
        return i  # the list goes on in another unit: figures of several measures ("2.5 inches, 6 inches and 9 oz")
    if (joint == "list" or (joint == "to" and j > i + 1)) and _RESPECTIVELY.match(text, quantities[j].span.end,
                                                                                   quantities[j].span.end + 200):
        return i  # each member belongs to its own thing: "were 80% and 81%, respectively", "from 1 to 2 to 4 ppm"
    return j


def _member(q: Quantity) -> bool:
    return q.kind == "level" and q.bound in ("=", "~")


def _joint(text: str, a: Quantity, b: Quantity) -> str | None:
    start, end = a.span.end, b.span.start
    if end - start > 12:
        return None
    if _LIST_JOINT.fullmatch(text, start, end):
        return "list"
    if _TO.fullmatch(text, start, end):
        return "to"
    if _TIMES.fullmatch(text, start, end):
        return "times"
    return None
