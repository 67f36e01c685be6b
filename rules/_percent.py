"""Percentages above 100 % whose reading can be trusted: shared by the P rules that ask what they are."""
from __future__ import annotations


def over_100(facts) -> list:
    """Percent figures surely above 100 % (every reading of the wording), not malformed (Q101's).

    A list, not a generator: callers iterate it once, and a comprehension is cheaper than resuming a
    generator for every figure of every document.
    """
    return [q for q in facts.quantities
            if q.unit == "percent" and q.low > 100 and q.value > 100 and q.grouping != "malformed"]
