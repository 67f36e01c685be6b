"""Percentages above 100 % whose reading can be trusted: shared by the P rules that ask what they are."""
from __future__ import annotations


def over_100(facts):
    """Percent figures surely above 100 % (every reading of the wording), not malformed (Q101's)."""
    for q in facts.quantities:
        if q.unit == "percent" and q.low > 100 and q.value > 100 and q.grouping != "malformed":
            yield q
