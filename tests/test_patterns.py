"""Bounded time for every pattern (RELIABILITY.md §4.3, items B.15-B.18).

checker.patterns.registry() holds every compiled pattern of checker/ and
rules/; this test reads the source to make sure no other pattern is compiled
or run inside a function (but for the few listed, built from data), and pumps
each registered pattern with strings made from its own alphabet: digit runs,
separators, and the words of its alternations, repeated, with a failing "!"
at the end. A pattern is run the way the code runs it: one anchored attempt
for patterns only ever used with .match/.fullmatch (the source is read to
know), a whole scan (finditer) for the rest. Time at 4n must stay within 8x
the time at n (linear is 4x, quadratic 16x) once it is over 20 ms, and no
single pump may take 5 s of CPU.
"""
from __future__ import annotations

import ast
import re
import time
from pathlib import Path

import pytest
import regex

from statlint.checker.budget import BudgetExceeded, available, cpu_budget
from statlint.checker.patterns import registry
from statlint.rules import _patterns as P

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "checker").rglob("*.py")) + sorted((ROOT / "rules").rglob("*.py"))
_CALLS = {"compile", "match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
# (file, enclosing function): why a pattern is built there, and how it is bounded.
BUILT_FROM_DATA = {
    ("checker/config.py", "_line_of"): "patterns for one config key (escaped), run on the lines of one config file",
    ("rules/_headline.py", "_numeral_in_body"): "an escaped numeral with fixed-width lookarounds: a literal search",
    ("rules/claims.py", "_fold"): "checks that a registered pattern can be folded, for its `re` twin (made at import)",
}
# Patterns the code runs only over a window of at most this many characters: pumped at that size, where a
# run must take under FLOOR_S (a long word scanned word by word is quadratic, but 300 characters are 300).
WINDOWED = {
    "statlint.rules.respectively_lists._LIST_BEFORE": 300,  # finditer over at most 300 characters before a figure
}
BASE_UNITS = ["1", "12", "1,", "1.", "1 ", "1-", "1/", "1:", " ", "  ", ",", ".", "-", "\u00a0", "\n", "\t", "a",
              "a ", "A", "A ", "$", "$1", "1%", "(", ")", "'", '"', "1,000 ", "1.5 ", "one ", "and "]
N, FACTOR, FLOOR_S, RATIO, BUDGET_S = 2000, 4, 0.02, 8.0, 5.0


def _functions_with_pattern_calls():
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex") \
                        and node.func.attr in _CALLS:
                    yield str(path.relative_to(ROOT)), func.name, node.lineno


def test_no_pattern_is_compiled_or_run_inside_a_function_unlisted():
    found = {(path, name) for path, name, _ in _functions_with_pattern_calls()}
    assert found - set(BUILT_FROM_DATA) == set(), "compile it at module level so the registry sees it"
    assert set(BUILT_FROM_DATA) - found == set(), "a listed exception is gone: drop it from BUILT_FROM_DATA"


def test_registry_holds_the_patterns():
    found = registry()
    assert "statlint.rules._patterns.SCAN" in found and len(found) > 100
    assert all(isinstance(p, (re.Pattern, type(regex.compile("")))) for p in found.values())


@pytest.mark.parametrize("pattern, groups", [
    (P.SCAN, P.SCAN_GROUPS), (P.NUMBER_WORD, P.NUMBER_WORD_GROUPS), (P.NUMBER_WORD_FOLDED, P.NUMBER_WORD_GROUPS)])
def test_group_tuples_name_every_group_in_order(pattern, groups):
    """rules._patterns numbers these groups by their place in the tuple (so nothing compiles at import)."""
    assert dict(pattern.groupindex) == {name: i for i, name in enumerate(groups, 1)}
    assert pattern.groups == len(groups)


@pytest.mark.parametrize("folded", [False, True])
def test_the_claims_trigger_groups_are_the_ones_read_by_position(folded):
    """rules.claims._read_triggers reads the trigger's groups by position, from either set of patterns."""
    from statlint.rules import claims

    trigger = (claims._FOLDED if folded else claims._UNFOLDED).trigger
    assert dict(trigger.groupindex) == {"rq": 1, "noun2": 2, "mult": 3, "noun": 4, "verb": 6}
    assert trigger.groups == 6


def test_compile_all_compiles_the_stdlib_twins_too():
    """`statlint audit` compiles every lazy pattern before it forks: the claims' folded `re` twins are among them."""
    from statlint.checker.lazy_regex import LazyStdlibPattern, compile_all
    from statlint.rules import claims

    compile_all()
    twin = claims._FOLDED.trigger
    assert isinstance(twin, LazyStdlibPattern) and isinstance(twin.__dict__["_compiled"], re.Pattern)
    assert twin.pattern == claims._UNFOLDED.trigger.pattern and twin.flags & re.ASCII
    assert twin.search("sales ⟨1⟩ increase") is not None


def test_group_numbers_are_the_compiled_patterns():
    assert (P.SCAN_NUM, P.SCAN_SCALE) == (P.SCAN.groupindex["num"], P.SCAN.groupindex["scale"])
    assert P.NUMBER_WORD_WORDS == P.NUMBER_WORD.groupindex["words"]


_SOURCE_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)


def _anchored_only(label: str) -> bool:
    """Whether the code only ever calls this pattern with .match or .fullmatch (one anchored attempt)."""
    if "[" in label:
        return False
    module, name = label.rsplit(".", 1)
    # a private name is used in its own module only; a public one anywhere (P.WORD_AFTER.match)
    source = (ROOT / (module.removeprefix("statlint.").replace(".", "/") + ".py")).read_text(encoding="utf-8") if name.startswith("_") \
        else _SOURCE_TEXT
    calls = set(regex.findall(r"\b" + regex.escape(name) + r"\.([a-z]+)\(", source))
    return bool(calls) and calls <= {"match", "fullmatch"}


def _units(pattern) -> list[str]:
    source = regex.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", pattern.pattern)
    words = sorted({w.lower() for w in regex.findall(r"[A-Za-z]{2,}", source)}, key=lambda w: (-len(w), w))[:12]
    return (BASE_UNITS + [w + " " for w in words] + words + ["1 " + w + " " for w in words[:6]]
            + [w.upper() + " " for w in words[:4]])


def _seconds(run, text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return best


def test_pumping_finds_a_quadratic_pattern():
    """The growth test itself can fail: a whitespace run scanned by finditer is quadratic."""
    bad = re.compile(r"\s*[a-z]")  # (`re`: no required-literal precheck to hide the backtracking)
    run = lambda text: list(bad.finditer(text))  # noqa: E731
    # 8x the text: a quadratic scan takes ~64x the time, far past RATIO even when a loaded machine
    # blurs CPU time (at 4x, ~16x expected, it measured 7.9x once under load and failed)
    small, large = _seconds(run, " " * 1000 + "!", 3), _seconds(run, " " * 8000 + "!", 3)
    assert large > RATIO * small


@pytest.mark.skipif(not available(), reason="needs setitimer in the main thread for the per-pump budget")
@pytest.mark.parametrize("label", sorted(registry()))
def test_pattern_time_grows_linearly(label):
    pattern = registry()[label]
    anchored = _anchored_only(label)
    run = (lambda text: pattern.match(text)) if anchored else (lambda text: list(pattern.finditer(text)))
    slow = []
    for unit in _units(pattern):
        if label in WINDOWED:
            text = (unit * WINDOWED[label])[:WINDOWED[label] - 1] + "!"
            with cpu_budget(BUDGET_S):
                seconds = _seconds(run, text, 3)
            if seconds > FLOOR_S:
                slow.append((unit, f"{seconds:.4f} s on {len(text)} characters"))
            continue
        small_text = unit * max(1, N // len(unit)) + "!"
        large_text = unit * max(1, N * FACTOR // len(unit)) + "!"
        try:
            with cpu_budget(BUDGET_S):
                small, large = _seconds(run, small_text), _seconds(run, large_text)
                if large > FLOOR_S and large > RATIO * small:
                    small, large = _seconds(run, small_text, 3), _seconds(run, large_text, 3)
        except BudgetExceeded:
            slow.append((unit, "over the budget"))
            continue
        if large > FLOOR_S and large > RATIO * small:
            slow.append((unit, f"{small:.4f} s -> {large:.4f} s"))
    assert slow == [], f"{label} ({'anchored' if anchored else 'scan'}) grows faster than linearly on: {slow}"


def test_a_lazy_pattern_compiles_once_on_first_use_and_then_answers_as_compiled():
    from statlint.checker.lazy_regex import LazyPattern, lazy_compile

    lazy = lazy_compile(r"(?P<n>\d+) pct", regex.IGNORECASE)
    assert isinstance(lazy, LazyPattern) and "_compiled" not in vars(lazy)
    assert lazy.search("up 5 PCT").group("n") == "5"
    compiled = vars(lazy)["_compiled"]
    assert lazy.compiled() is compiled and lazy.search == compiled.search  # copied: no second compile
    assert lazy.pattern == r"(?P<n>\d+) pct" and lazy.flags & regex.IGNORECASE
    assert [m.group(0) for m in lazy.finditer("1 pct, 2 Pct")] == ["1 pct", "2 Pct"]


def test_the_registry_sees_lazy_patterns_compiled():
    found = registry()
    from statlint.checker.lazy_regex import LazyPattern

    assert not any(isinstance(p, LazyPattern) for p in found.values())
    assert "statlint.rules.claims._TRIGGER" in found


def test_compile_all_compiles_every_lazy_pattern_made():
    from statlint.checker.lazy_regex import compile_all, lazy_compile

    made = lazy_compile(r"\bnever used\b")
    assert compile_all() >= 1 and "_compiled" in vars(made)
    assert compile_all() == 0  # nothing left to compile
