"""Pick what to show when several findings explain the same slip: `arbitrate`, run by the engine.

Why a module of its own: checks are independent — each reports what its own
arithmetic sees, whatever other rules are switched on — so one slip can draw
findings from several rules. "Sales fell 25% to 150 units from 120 units" is
a rate that does not fit the figures (G101) and a direction word against them
(G102). Showing both is noise; a check staying silent because another rule
"will report it" makes `--ignore G102` hide the slip altogether. So every
check reports, and the engine picks here, among the findings of the rules
that ran (only enabled rules produce findings, and suppressed findings are
gone before this step).

Two findings explain the same slip when a rule of one is named below as a
more specific reading of the other's kind of finding and the two rest on a
shared figure (their spans or related spans overlap). Of such a pair the one
with a working repair (a suggestion) is shown; if both or neither have one,
the more specific rule's (`pick`).

Then findings that overlap in the text and suggest different repairs keep one
repair (`one_repair`): the outer one wins, or the stronger one where spans
only partly overlap.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from statlint.checker.model import Finding, Span

# rule -> the rules whose finding on the same figures names the slip more precisely.
MORE_SPECIFIC: dict[str, frozenset[str]] = {
    "G101": frozenset({"G102", "G103", "U103"}),  # the direction word, percent for points, a lost scale word
    "G102": frozenset({"U103"}),  # a figure out of line by orders of magnitude, not a rise read as a fall
    "C101": frozenset({"G104"}),  # a rate restated as "N times": the multiplier check names that slip
    "G107": frozenset({"G103", "U103"}),  # points that fit as a relative change in percent, a lost scale word
}
_RELATED = frozenset(MORE_SPECIFIC) | frozenset().union(*MORE_SPECIFIC.values())


def _spans(f: Finding) -> tuple[Span, ...]:
    return (f.span,) + tuple(r.span for r in f.related)


def _share_a_figure(a: Finding, b: Finding) -> bool:
    return any(x.overlaps(y) for x in _spans(a) for y in _spans(b))


def _code(f: Finding) -> str:
    return f.rule


def beats(winner: Finding, loser: Finding) -> bool:
    """Whether `winner` is shown instead of `loser`: same slip, then a working repair, then the more
    specific rule. Never true both ways."""
    w, lo = _code(winner), _code(loser)
    if w not in MORE_SPECIFIC.get(lo, ()) and lo not in MORE_SPECIFIC.get(w, ()):
        return False
    if not _share_a_figure(winner, loser):
        return False
    if (winner.suggestion is None) != (loser.suggestion is None):
        return winner.suggestion is not None
    return w in MORE_SPECIFIC.get(lo, ())


def _pairs_sharing_a_figure(findings: Sequence[Finding]) -> set[tuple[int, int]]:
    """Index pairs of findings of different rules whose spans overlap, by one sweep over the spans sorted by start.

    Findings of one rule on the same span sweep as one group (a headline figure that every restatement
    in the body points back to is one span, not one per finding), so the sweep stays linear in the
    findings for text whose figures do not overlap one another, and a document with thousands of
    findings does not cost a comparison of every pair.
    """
    groups: dict[tuple[int, int, str], list[int]] = {}
    for i, f in enumerate(findings):
        for s in set(_spans(f)):
            groups.setdefault((s.start, s.end, _code(f)), []).append(i)
    active: list[tuple[int, tuple[int, int, str]]] = []
    pairs: set[tuple[int, int]] = set()
    for key in sorted(groups):
        start, end, code = key
        active = [(e, k) for e, k in active if e > start]
        for _, other in active:
            if other[2] != code:
                pairs.update((min(i, j), max(i, j)) for i in groups[key] for j in groups[other] if i != j)
        active.append((end, key))
    return pairs


def resolve(findings: Sequence[Finding]) -> tuple[list[Finding], list[tuple[Finding, tuple[Finding, ...]]]]:
    """(the findings to show, in their order; each dropped finding with the findings that beat it)."""
    related = [f for f in findings if _code(f) in _RELATED]
    if len(related) < 2:
        return list(findings), []
    winners: dict[int, list[Finding]] = {}
    for i, j in sorted(_pairs_sharing_a_figure(related)):
        a, b = related[i], related[j]
        if beats(a, b):
            winners.setdefault(j, []).append(a)
        elif beats(b, a):
            winners.setdefault(i, []).append(b)
    dropped = {id(related[i]): tuple(ws) for i, ws in winners.items()}
    kept = [f for f in findings if id(f) not in dropped]
    return kept, [(f, dropped[id(f)]) for f in related if id(f) in dropped]


def pick(findings: Iterable[Finding]) -> list[Finding]:
    """The findings to show."""
    return resolve(list(findings))[0]


def arbitrate(findings: list[Finding]) -> list[Finding]:
    """What the engine shows: one finding per slip (`pick`), then one repair where findings overlap
    (`one_repair`)."""
    return one_repair(pick(findings))


def one_repair(findings: list[Finding]) -> list[Finding]:
    """Overlapping findings that suggest different repairs: keep one repair, so none contradicts another.

    Rules are independent and each reports what it sees, so two can flag the same slip with
    different fixes: Q102 reads "522 in 202310,000 units" as 5.22 million units in 2023 while
    Q103 only splits "202310,000" into "2023 10,000", which leaves the garble in place.
    - One span inside the other: the outer repair rewrites all the inner finding's text, so
      it explains the inner one too; the inner finding goes (equal spans: the weaker goes).
    - Spans that only partly overlap: both findings stay; the weaker drops its suggestion.
    Weaker means lower confidence, then severity, then a shorter span. Findings without a
    suggestion, or suggesting the same text, are left alone. Findings are visited in text
    order against those still open, so the pass is linear in practice.
    """
    candidates = sorted((i for i, f in enumerate(findings) if f.suggestion),
                        key=lambda i: (findings[i].span.start, -findings[i].span.end))
    if len(candidates) < 2:
        return findings
    out: list[Finding | None] = list(findings)
    open_: list[int] = []
    for i in candidates:
        start = findings[i].span.start
        open_ = [j for j in open_ if out[j] is not None and out[j].suggestion and findings[j].span.end > start]
        for j in open_:
            mine, theirs = out[i], out[j]
            if mine is None or not mine.suggestion:
                break
            if mine.suggestion == theirs.suggestion:
                continue
            weaker = min((i, j), key=lambda k: _strength(out[k]))
            if _contains(mine.span, theirs.span) != _contains(theirs.span, mine.span):
                out[j if _contains(mine.span, theirs.span) else i] = None
            elif _contains(mine.span, theirs.span):  # the same span
                out[weaker] = None
            else:
                out[weaker] = replace(out[weaker], suggestion=None)
        open_.append(i)
    return [f for f in out if f is not None]


def _contains(outer, inner) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _strength(finding: Finding) -> tuple:
    """Order of preference between two repairs; total, so the choice never depends on rule order."""
    return (finding.confidence, int(finding.severity), len(finding.span), finding.rule, finding.suggestion or "")
