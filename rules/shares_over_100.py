"""P103 shares-over-100: shares of one whole that add up to more than 100 %.

What it does:
    Reads a list of three or more percentages in one sentence that split one
    whole among answers, parties or groups ("40% backed the plan, 35% opposed
    it and 30% were undecided"; "the ruling party won 48% of the vote, the
    opposition 41% and others 15%") and flags the list when even the smallest
    values the rounding allows add up to more than 100 %. Sentences about
    changes (rose, fell, up, down, growth) or pairing lists with
    "respectively" are left alone, and so is "more than one answer".

Why is this bad?
    Exclusive shares of one whole cannot exceed it; one of the figures is
    wrong.

Example:
    In the survey, 40% of voters backed the plan, 35% opposed it and 30% were undecided.

Use instead:
    In the survey, 40% of voters backed the plan, 35% opposed it and 25% were undecided.

Known false positives:
    Questions that allow several answers, when the text does not say so.
"""
from __future__ import annotations

import regex

from statlint.checker.model import Finding, Related, Rule, Severity, Span, fingerprint

CODE, NAME = "P103", "shares-over-100"

_WHOLE = regex.compile(r"\b(?:of\s+(?:the\s+)?(?:vote|votes|voters|respondents|those\s+(?:polled|surveyed|asked)|"
                       r"people|adults|households|members|the\s+market|market|total|electorate)|survey|poll|"
                       r"said|backed|supported|opposed|undecided|won)\b", regex.IGNORECASE)
_CHANGE = regex.compile(r"\b(?:rose|fell|rise|fall|up|down|increase[ds]?|decrease[ds]?|grew|growth|gain(?:ed)?|"
                        r"drop(?:ped)?|decline[ds]?|jump(?:ed)?|higher|lower|respectively|compared|against|versus|"
                        r"vs|more\s+than\s+one|multiple\s+answers|several\s+answers|year-on-year|turnout)\b", regex.IGNORECASE)
_GAP = regex.compile(r"[^.;:()%\d]{0,60}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)[^.;:()%\d]{0,25}?")


def _splits_a_subset(run) -> bool:
    """ "81 pct of members voted, 54.5 pct no and 45.5 pct yes": a turnout, then a split of those who voted.

    If the figures after the first, or before the last, already make up a whole, they are not shares of
    the same whole as the rest.
    """
    for part in (run[1:], run[:-1]):
        if len(part) >= 2 and sum(q.low for q in part) <= 100 <= sum(q.high for q in part):
            return True
    return False


def check(doc, facts):
    qs = facts.quantities
    if [q.unit for q in qs].count("percent") < 3:
        return  # a list needs three percentages; most articles have none, so no gap is matched
    i = 0
    while i < len(qs):
        if qs[i].unit != "percent":
            i += 1
            continue  # a run starting here would be this figure alone
        run = [qs[i]]
        j = i
        while j + 1 < len(qs) and qs[j + 1].unit == "percent" == qs[j].unit \
                and _GAP.fullmatch(doc.text, qs[j].span.end, qs[j + 1].span.start):
            j += 1
            run.append(qs[j])
        i = j + 1
        if len(run) < 3 or run[0].unit != "percent" or any(q.kind != "level" or q.value < 0 for q in run):
            continue
        sentence = doc.sentence_of(run[0].span.start)
        if _CHANGE.search(doc.text, sentence.start, sentence.end) or not _WHOLE.search(doc.text, sentence.start,
                                                                                          sentence.end):
            continue
        low = sum(q.low for q in run)
        if low <= 100 or _splits_a_subset(run):
            continue
        span = Span(run[0].span.start, run[-1].span.end)
        yield Finding(
            rule=CODE, name=NAME, span=span, severity=Severity.WARNING, confidence=0.6,
            message=f"{' + '.join(q.text.strip() for q in run)} = {sum(q.value for q in run):g}%: "
                    "shares of one whole cannot add up to more than 100%",
            related=tuple(Related("share", q.span, q.text) for q in run),
            fingerprint=fingerprint(CODE, doc.text[span.start:span.end], doc.claim_context(span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__)
