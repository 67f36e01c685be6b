"""S103 part-exceeds-whole: a part stated larger than the whole it belongs to, in one sentence.

What it does:
    Pairs money figures labelled as a part (net profit, net income, operating
    profit, earnings) with one labelled as its whole (revenue, sales,
    turnover) in the same sentence and currency, and flags a part larger
    than the whole: "a net profit of 2,313 billion yuan on revenue of 15.841
    billion yuan". Garbled figures are read as repaired.

Why is this bad?
    A profit cannot exceed the revenue it is made from in ordinary trading;
    one figure carries the wrong scale or a misplaced separator.

Example:
    The bank made a net profit of 2,313 billion yuan on revenue of 15.841 billion yuan.

Use instead:
    The bank made a net profit of 2.313 billion yuan on revenue of 15.841 billion yuan.

Known false positives:
    One-off gains (the sale of a business, a tax credit) can lift a profit above
    that period's revenue; the finding is a warning for that reason.
"""
from __future__ import annotations

import regex

from checker.arithmetic import fmt_number
from checker.model import Finding, Related, Rule, Severity, fingerprint
from rules._gates import may_contain

CODE, NAME = "S103", "part-exceeds-whole"

_PART = regex.compile(r"\b(?:net\s+profits?|net\s+income|net\s+earnings|operating\s+profits?|pre-tax\s+profits?|"
                      r"profits?|earnings)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|reached)\s+)?"
                      r"(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_WHOLE = regex.compile(r"\b(?:revenues?|sales|turnover)\s+(?:(?:of|was|were|rose\s+to|fell\s+to|to|at|totalled|"
                       r"reached)\s+)?(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# A word every match of _PART, and of _WHOLE, contains: a substring test before each regex search.
_PART_WORDS = ("profit", "income", "earnings")
_WHOLE_WORDS = ("revenue", "sales", "turnover")


def _is_money(q) -> bool:
    return len(q.unit) == 3 and q.unit.isupper() and q.low > 0 and q.grouping != "malformed"


def _labelled(text: str, q, pattern, words) -> bool:
    """Whether the 40 characters before `q` end in `pattern`; the regex runs only where one of `words` is."""
    start = max(0, q.span.start - 40)
    return may_contain(text[start:q.span.start], words) and bool(pattern.search(text, start, q.span.start))


def check(doc, facts):
    text = doc.text
    money = [q for q in facts.quantities if _is_money(q)]
    if len(money) < 2:
        return  # a part and its whole are two figures
    by_sentence: dict[int, list] = {}
    for q in money:
        by_sentence.setdefault(doc.sentence_of(q.span.start).start, []).append(q)
    for figures in by_sentence.values():
        if len(figures) < 2:
            continue  # one figure cannot be both the part and the whole: the words before it differ
        parts = [q for q in figures if _labelled(text, q, _PART, _PART_WORDS)]
        if len(parts) != 1:
            continue  # none, or several: which belongs to which is not clear
        wholes = [q for q in figures if _labelled(text, q, _WHOLE, _WHOLE_WORDS)]
        if len(wholes) != 1:
            continue
        part, whole = parts[0], wholes[0]
        if part.unit != whole.unit or part.low <= whole.high:
            continue
        yield Finding(
            code=CODE, symbol=NAME, span=part.span, severity=Severity.WARNING, confidence=0.7,
            message=f"a profit of {fmt_number(part.value)} exceeds the revenue it comes from "
                    f"({fmt_number(whole.value)})",
            related=(Related("whole", whole.span, whole.text),),
            fingerprint=fingerprint(CODE, part.text + " " + whole.text, doc.claim_context(part.span)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.WARNING, func=check, doc=__doc__)
