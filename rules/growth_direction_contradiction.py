"""G102 growth-direction-contradiction: the direction word says up, the figures say down (or the reverse).

What it does:
    Reads the Growth claims (Facts.growths) with an old and a new figure, in
    every phrasing (Growth.form): "rose/fell ... to NEW from OLD", "NEW, down
    from OLD", "NEW, a drop of X% from OLD", "NEW, X% less than OLD"; it checks
    that the figures move the way the words say, allowing for rounding.
    Quotes where a rise in the subject is a fall in the figure are skipped:
    "the yen rose 0.8 pct to 153.50 from 154.67" (yen per dollar fell).

Why is this bad?
    "Exports fell to 885.4 million from 855.2 million" tells the reader the
    opposite of what happened.

Example:
    Exports fell to 885.4 million dlrs from 855.2 million dlrs.

Use instead:
    Exports rose to 885.4 million dlrs from 855.2 million dlrs.

Known false positives:
    Losses and deficits described by their size ("the loss fell to 5 mln
    from 3 mln" where the text means the loss deepened); quotes of one
    currency in another not recognised as inverse.
"""
from __future__ import annotations

from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.rules._growth import describe, old_new_ratio

CODE, NAME = "G102", "growth-direction-contradiction"

OPPOSITE = {
    "rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased", "grew": "shrank",
    "climbed": "fell", "jumped": "fell", "gained": "lost", "dropped": "rose", "declined": "rose",
    "up": "down", "down": "up", "surged": "plunged", "soared": "plunged", "plunged": "soared",
    "slipped": "rose", "eased": "rose", "tumbled": "rose", "increase": "decrease", "decrease": "increase",
    "rise": "fall", "fall": "rise", "decline": "rise", "drop": "rise",
}


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        if g.old is None or g.new is None or g.inverse or g.direction == Direction.UNKNOWN or g.factor_kind:
            continue
        r = old_new_ratio(g)
        if r is None:
            continue
        if g.direction == Direction.UP and r.high < 1:
            actual = "fell"
        elif g.direction == Direction.DOWN and r.low > 1:
            actual = "rose"
        else:
            continue
        verb = g.verb_text
        suggestion = OPPOSITE.get(verb.lower())
        if suggestion and verb[:1].isupper():
            suggestion = suggestion.capitalize()
        message = f"'{verb}' but the figure {actual}: from {describe(g.old)} to {describe(g.new)}"
        yield RULE.finding(
            message=message, span=g.verb, confidence=0.8, suggestion=suggestion,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, verb, doc.claim_context(g.verb)),
        )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
