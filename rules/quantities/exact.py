"""Rates set by a body are exact: "cut its discount rate to 5.5 pct", "a tax rate of 20%", "a levy of 9%".

A central bank's rate or a tax rate is decided, not measured and rounded:
"7.5 pct" is 7.5, not anything in [7.45, 7.6) (precision model, rule 5, in
checker.numbers). Read for percent figures right after such a rate's name and
a linking word or two; a hedge ("about 7 pct") keeps the hedge's interval.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile

SET_RATE_BEFORE = lazy_compile(
    r"\b(?:(?:interest|discount|prime|base|lending|policy|repo|refinancing|deposit|overnight|"
    r"(?:federal|fed)\s+funds|bank|mortgage|tax|income\s+tax|corporate\s+tax|vat|reserve\s+requirement)"
    r"\s+rates?|vat|value[- ]added\s+tax|coupon|levy|levies|tariffs?|duty|duties)"
    r"\s+(?:(?:of|at|to|from|by|was|is|be|will\s+be|stood\s+at|set\s+at|remains?\s+at|unchanged\s+at)\s+){0,2}"
    # the other end of the move: "cut its discount rate to 5.5 pct from 6 pct"
    r"(?:\d[\d.,/-]{0,12}\s?(?:pct|percent|per\s?cent|%)\s+(?:from|to)\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE,
)


def is_set_rate(text: str, start: int) -> bool:
    """Whether the percent figure starting at `start` is a rate set by a body (named just before it, or
    after the other end of its move)."""
    window = text[max(0, start - 60):start]
    lowered = window.lower()
    if "ate" not in lowered and "vat" not in lowered and "oupon" not in lowered and "lev" not in lowered \
            and "tariff" not in lowered and "dut" not in lowered:
        return False
    return bool(SET_RATE_BEFORE.search(text, max(0, start - 60), start))
