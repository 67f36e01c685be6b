"""Stand-in rules so CLI and reporter tests do not depend on which real rules exist yet.

`fake_rules` swaps rules.CHECKS/EXTRACTORS for three tiny checks keyed on
marker words: FIRE (an error), WARN (a warning), BOOM (the check crashes).
Import the fixture into a test module with `from fake_rules import fake_rules`.
"""
from __future__ import annotations

import re

import pytest

from statlint.checker.model import Facts, Finding, Quantity, Related, Rule, Severity, Span


def _fire(doc, facts):
    """Fires on the word FIRE.

    What it does
    ------------
    Test double.
    """
    for m in re.finditer("FIRE", doc.text):
        yield Finding(
            rule="X901", name="fake-fire", message="fake finding", span=Span(m.start(), m.end()),
            severity=Severity.ERROR, confidence=0.876, suggestion="FIXED",
            related=(Related("base", Span(0, min(2, len(doc.text))), doc.text[:2]),),
        )


def _warn(doc, facts):
    """Warns on the word WARN."""
    for m in re.finditer("WARN", doc.text):
        yield Finding(rule="X902", name="fake-warn", message="fake warning",
                      span=Span(m.start(), m.end()), severity=Severity.WARNING)


def _boom(doc, facts):
    """Crashes on the word BOOM | to test isolation."""
    if "BOOM" in doc.text:
        raise RuntimeError("kaboom")
    return iter(())


def _extract(doc, facts):
    """Reads every run of digits as a count with an open upper bound after "over"."""
    found = []
    for m in re.finditer(r"\d+", doc.text):
        over = doc.text[max(0, m.start() - 5):m.start()] == "over "
        value = float(m.group())
        found.append(Quantity(Span(m.start(), m.end()), m.group(), value, value,
                              float("inf") if over else value, bound=">" if over else "="))
    return Facts(quantities=facts.quantities + tuple(found))


FAKE_CHECKS = (
    Rule(code="X901", name="fake-fire", severity=Severity.ERROR, func=_fire, doc=_fire.__doc__),
    Rule(code="X902", name="fake-warn", severity=Severity.WARNING, func=_warn, doc=_warn.__doc__),
    Rule(code="X903", name="fake-boom", severity=Severity.INFO, func=_boom, doc=_boom.__doc__),
)


@pytest.fixture
def fake_rules(monkeypatch):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS)
    monkeypatch.setattr(rules, "EXTRACTORS", (_extract,))
    return FAKE_CHECKS
