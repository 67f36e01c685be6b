"""Checks are arithmetic on claims (issue 14): no check module reads the words itself.

Every check listed in rules.CHECKS gets its facts from the extractors; a check that imports a regex
engine, reaches for the raw text (`doc.text`) or for the shared pattern fragments is reading words,
which belongs in an extractor that adds a claim to Facts.
"""
from __future__ import annotations

import inspect
import re
import sys
import typing
from collections.abc import Iterator

import pytest

from statlint import rules
from statlint.checker.document import Document
from statlint.checker.model import Facts, Finding

# Check modules that still read the text. Issue 14 converted the last three (S101-S103): the list is
# empty and may only stay so.
NOT_YET_CONVERTED: frozenset[str] = frozenset()
_READS_WORDS = re.compile(r"^\s*(?:import\s+(?:re|regex)\b|from\s+(?:re|regex)\s+import\b)|\bdoc\.text\b|"
                          r"statlint\.rules\._patterns\b|\bregex\.", re.MULTILINE)


def _module_name(rule) -> str:
    return rule.func.__module__.split(".")[-1]


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_check_module_does_not_read_the_text(rule):
    name = _module_name(rule)
    if name in NOT_YET_CONVERTED:
        pytest.skip(f"{rule.code} is still to convert (issue 14)")
    source = inspect.getsource(sys.modules[rule.func.__module__])
    found = [m.group(0).strip() for m in _READS_WORDS.finditer(source)]
    assert not found, f"{rule.code} ({name}) reads the words itself: {found}; read them in an extractor"


def test_not_yet_converted_list_names_only_modules_that_still_read_the_text():
    """The allow-list only shrinks: a converted module must leave it."""
    modules = {_module_name(rule): rule for rule in rules.CHECKS}
    for name in NOT_YET_CONVERTED:
        assert name in modules, f"{name} is not a check module"
        source = inspect.getsource(sys.modules[modules[name].func.__module__])
        assert _READS_WORDS.search(source), f"{name} no longer reads the text: remove it from NOT_YET_CONVERTED"


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_check_signature_is_typed(rule):
    if _module_name(rule) in NOT_YET_CONVERTED:
        pytest.skip(f"{rule.code} is still to convert (issue 14)")
    hints = typing.get_type_hints(rule.func)
    assert list(inspect.signature(rule.func).parameters) == ["doc", "facts"]
    returns = hints.pop("return")
    assert hints == {"doc": Document, "facts": Facts}
    assert typing.get_origin(returns) is Iterator and typing.get_args(returns) == (Finding,)


@pytest.mark.parametrize("rule", rules.CHECKS, ids=lambda r: r.code)
def test_a_check_builds_its_findings_through_its_rule(rule):
    """Code, name and default severity are set once, on the Rule (Rule.finding), never again per finding."""
    source = inspect.getsource(sys.modules[rule.func.__module__])
    body = "\n".join(line for line in source.splitlines() if not line.startswith("RULE = Rule("))
    assert "rule=CODE" not in body and "name=NAME" not in body and "Finding(" not in body
    assert f"severity=Severity.{rule.severity.name}" not in body  # the rule's own severity is its default
