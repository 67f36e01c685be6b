"""G102 growth-direction-contradiction: the direction word says up, the figures say down (or the reverse).

What it does:
    Reads the Growth claims (Facts.growths) with an old and a new figure, in
    every phrasing (Growth.form): "rose/fell ... to NEW from OLD", "NEW, down
    from OLD", "NEW, a drop of X% from OLD", "NEW, X% less than OLD"; it checks
    that the figures move the way the words say, allowing for rounding.
    A change stated as an amount and a percent with one level ("gained 60.00
    points or 2.00 percent at 2,940.00") moved the other way when its percent
    fits the amount and the level only so (60 of 3,000 is 2.00 %, of 2,880 it
    would be 2.08 %). Quotes where a rise in the subject is a fall in the
    figure are skipped: "the yen rose 0.8 pct to 153.50 from 154.67" (yen per dollar fell).

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

from dataclasses import replace
from typing import Iterator

from statlint.checker.document import Document
from statlint.checker.model import Direction, Facts, Finding, Related, Rule, Severity, fingerprint
from statlint.checker.arithmetic import Interval, factor_from_rate
from statlint.rules._growth import amount_claim_ratio, amount_rate_interval, describe, old_new_ratio

CODE, NAME = "G102", "growth-direction-contradiction"

OPPOSITE = {
    "rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased", "grew": "shrank",
    "climbed": "fell", "jumped": "fell", "gained": "lost", "dropped": "rose", "declined": "rose",
    "up": "down", "down": "up", "surged": "plunged", "soared": "plunged", "plunged": "soared",
    "slipped": "rose", "eased": "rose", "tumbled": "rose", "increase": "decrease", "decrease": "increase",
    "rise": "fall", "fall": "rise", "decline": "rise", "drop": "rise",
    "lost": "gained", "shed": "gained", "slid": "rose", "advanced": "fell", "lower": "higher",
}


def check(doc: Document, facts: Facts) -> Iterator[Finding]:
    for g in facts.growths:
        if g.amount is not None and (g.old is None or g.new is None):
            yield from _amount_moved_the_other_way(doc, g)
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
        verb, suggestion = g.verb_text, _opposite(g.verb_text)
        message = f"'{verb}' but the figure {actual}: from {describe(g.old)} to {describe(g.new)}"
        yield RULE.finding(
            message=message, span=g.verb, confidence=0.8, suggestion=suggestion,
            related=(Related("old", g.old.span, g.old.text), Related("new", g.new.span, g.new.text)),
            fingerprint=fingerprint(CODE, verb, doc.claim_context(g.verb)),
        )


def _point_factor(g) -> Interval | None:
    """new/old of an amount claim read the other way, from the figures' values as written."""
    point = replace(g, direction=Direction(-g.direction), amount=_exact(g.amount),
                    new=_exact(g.new) if g.new is not None else None, old=_exact(g.old) if g.old is not None else None)
    return amount_claim_ratio(point)


def _exact(q):
    return replace(q, low=q.value, high=q.value)


def _opposite(verb: str) -> str | None:
    """The direction word that says the other way, in the verb's case: "rose" -> "fell", "Up" -> "Down"."""
    suggestion = OPPOSITE.get(verb.lower())
    return suggestion.capitalize() if suggestion and verb[:1].isupper() else suggestion


def _amount_moved_the_other_way(doc: Document, g) -> Iterator[Finding]:
    """A change stated as an amount, a percent and one level whose percent fits only the other direction."""
    stated, flipped = amount_claim_ratio(g), amount_claim_ratio(replace(g, direction=Direction(-g.direction)))
    if stated is None or flipped is None:
        return
    rate = amount_rate_interval(g.rate)
    # the other direction must fit the figures as written, not only somewhere in their rounding: "fell 100,000
    # tonnes, or 35%, to 400,000" is no rise (33.3 %), though a round 100,000 might stand for 105,000
    point = _point_factor(g)
    if factor_from_rate(rate, g.direction).intersects(stated) or point is None or \
            not factor_from_rate(rate, Direction(-g.direction)).intersects(point):
        return
    level = g.new if g.new is not None else g.old
    actual = "fell" if g.direction == Direction.UP else "rose"
    verb = g.verb_text
    move = "a fall" if actual == "fell" else "a rise"
    amount = g.amount.text.strip() + (" points" if g.amount.noun == "points" and "point" not in g.amount.text else "")
    message = (f"'{verb}' but the figures say it {actual}: {amount} is {g.rate.text.strip()} "
               f"{'to' if level is g.new else 'from'} {describe(level)} only as {move}")
    yield RULE.finding(
        message=message, span=g.verb, confidence=0.8, suggestion=_opposite(verb),
        related=(Related("amount", g.amount.span, g.amount.text), Related("rate", g.rate.span, g.rate.text),
                 Related("new" if level is g.new else "old", level.span, level.text)),
        fingerprint=fingerprint(CODE, verb, doc.claim_context(g.verb)),
    )


RULE = Rule(code=CODE, name=NAME, severity=Severity.ERROR, func=check, doc=__doc__, reads=("growths",))
