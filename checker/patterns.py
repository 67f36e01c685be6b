"""The registry of every compiled pattern statlint runs, for tests that must see them all.

Patterns live where they are used, compiled once at module level (DESIGN:
small modules with one job); this module finds them there instead of making
every module register itself. A pattern compiled inside a function would
escape it, so tests/test_patterns.py also reads the source and fails on a
`re`/`regex` call that compiles or runs an uncompiled pattern inside a
function, but for the few listed there that are built from data.

Why it matters: a regex that backtracks badly on some input turns one odd
article into a hang (RELIABILITY.md §3.2); static screens miss patterns
assembled from fragments, so the test pumps every registered pattern with
strings made from its own alphabet and fails on super-linear growth.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

import regex

from statlint.checker.lazy_regex import LazyPattern

PACKAGES = ("statlint.checker", "statlint.rules")
_PATTERN_TYPES = (re.Pattern, type(regex.compile("")))


def registry() -> dict[str, re.Pattern]:
    """Every compiled pattern held at module level in checker/ and rules/ (in module-level tuples,
    lists and dicts too), by "module.NAME" ("module.NAME[i]" inside a container), each once."""
    found: dict[str, re.Pattern] = {}
    seen: set[int] = set()
    for module in _modules():
        if module.__name__ == "statlint.checker.lazy_regex":
            continue  # its list of every lazy pattern made would label them all as its own
        for name, value in sorted(vars(module).items()):
            for label, pattern in _patterns_in(f"{module.__name__}.{name}", value):
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    found[label] = pattern
    return found


def _modules():
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            yield importlib.import_module(info.name)


def _patterns_in(label: str, value, depth: int = 0):
    if isinstance(value, LazyPattern):
        yield label, value.compiled()  # compiled on first use in a check; here, to be tested
    elif isinstance(value, _PATTERN_TYPES):
        yield label, value
    elif depth < 2 and isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _patterns_in(f"{label}[{i}]", item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(f"{label}[{key!r}]", item, depth + 1)
