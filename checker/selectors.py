"""Rule selectors (`--select`, `--ignore`, `per-file-ignores`, `Settings(select=...)`): read and checked here.

A selector is a rule code prefix (`G`, `G1`, `G101`, any case) or a rule
name (`growth-rate-mismatch`). Every way of giving one goes through
`parse_selectors`, so the command line, the configuration files and the
library accept the same spellings and reject the same mistakes.

A selector that picks no rule is an error, not an empty selection: `--select
G1O1` (letter O) or `--ignore NOPE` silently selecting nothing would turn a
CI check green. The error names the nearest real code or name, so the typo
is fixed in one step. The rules known are the registered checks
(`statlint.rules.CHECKS`, read at call time) and the engine's X100.
"""
from __future__ import annotations

from typing import Any, Iterable

import regex

from statlint.checker.lazy_regex import lazy_compile

SELECTOR = lazy_compile(r"[A-Za-z][A-Za-z0-9-]*+")
_SPLIT = lazy_compile(r"[\s,]++")
# Look-alikes of digits typed into a code: G1O1 (letter O), G1l1, G1I1.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def matches(selectors: Iterable[str], code: str, name: str) -> bool:
    """Whether any selector (a code prefix or an exact rule name, any case) picks this rule."""
    return any(code.startswith(s.upper()) or name == s.lower() for s in selectors)


def parse_selectors(value: Any, rules: Iterable | None = None) -> tuple[str, ...]:
    """Selectors from a comma/space-separated string or an iterable of such strings, each checked.

    Raises TypeError for a value of the wrong type and ValueError for a
    selector that is malformed or picks no rule (naming the nearest one).
    `rules` (objects with .code and .name) defaults to every known rule.
    """
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, (set, frozenset)) and all(isinstance(v, str) for v in value):
        items = sorted(value)
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise TypeError(f"expected a comma-separated string or a list of strings, got {value!r}")
    out = []
    for item in items:
        for part in _SPLIT.split(item.strip()):
            if not part:
                continue
            if not SELECTOR.fullmatch(part):
                raise ValueError(f"{part!r} is neither a rule code prefix (e.g. G1) nor a rule name")
            out.append(part)
    if out:
        unknown = [part for part in out if not _index(rules).picks(part)]
        if unknown:
            raise ValueError("; ".join(_index(rules).explain(part) for part in unknown))
    return tuple(out)


class _Index:
    """The codes, their prefixes and the names of a rule set, for checking and for suggestions."""

    def __init__(self, rules: Iterable) -> None:
        pairs = sorted({(r.code.upper(), r.name.lower()) for r in rules})
        self.name_of = dict(pairs)
        self.code_of = {name: code for code, name in pairs}
        self.prefixes = {code[:i] for code, _ in pairs for i in range(1, len(code) + 1)}

    def picks(self, selector: str) -> bool:
        return selector.upper() in self.prefixes or selector.lower() in self.code_of

    def explain(self, selector: str) -> str:
        close, nearest = self.nearest(selector)
        hint = f"; did you mean {nearest}?" if close else f"; the nearest is {nearest}"
        return f"unknown rule {selector!r}{hint} (`statlint rules` lists the codes and names)"

    def nearest(self, selector: str) -> tuple[bool, str]:
        """(close match or not, the nearest real selector with its pair: "G101 (growth-rate-mismatch)")."""
        import difflib  # only on the way to an error: not a cost of every run

        head, tail = selector[:1].upper(), selector[1:].upper()
        code_shaped = len(selector) == 1 or any(ch.isdigit() for ch in tail)
        fixed = head + tail.translate(_DIGIT_LOOKALIKES) if code_shaped else selector.upper()
        if fixed in self.prefixes:
            return True, self._shown(fixed)
        # Candidates of the same kind: a code-shaped typo (G1O1) against the codes and prefixes of its
        # length (the full codes when it is longer), a word (NOPE, growth-rate) against the names.
        if code_shaped:
            pool = sorted(p for p in self.prefixes if len(p) == len(fixed)) or sorted(self.name_of)
            word = fixed
        else:
            pool, word = sorted(self.code_of), selector.lower()
            started = [name for name in pool if name.startswith(word)]
            if started:  # the start of a name (growth, growth-rate)
                return True, self._shown(started[0])
        best = difflib.get_close_matches(word, pool, n=1, cutoff=0.5)
        if best:
            return True, self._shown(best[0])
        # Nothing close: still name the nearest, so the user has somewhere to start.
        return False, self._shown(max(pool, key=lambda c: difflib.SequenceMatcher(None, word, c).ratio()))

    def _shown(self, selector: str) -> str:
        if selector in self.name_of:
            return f"{selector} ({self.name_of[selector]})"
        if selector in self.code_of:
            return f"{selector} ({self.code_of[selector]})"
        return selector


_cache: tuple = (None, None)  # (rules tuple, its _Index)


def _index(rules: Iterable | None) -> _Index:
    """The index of `rules`, or of every known rule, built once per rule set (not per file or per call)."""
    global _cache
    if rules is None:
        from statlint import rules as registry
        from statlint.checker import suppress

        rules = (*registry.CHECKS, suppress.RULE)
        if _cache[0] is not None and _cache[0] == rules:
            return _cache[1]
        _cache = (rules, _Index(rules))
        return _cache[1]
    return _Index(rules)


def unknown(selector: str) -> str:
    """The error for a selector that picks no known rule, naming the nearest one."""
    return _index(None).explain(selector)


def rule_name(code: str) -> str:
    """The name of the known rule with this code ("" if none): selectors may name rules by either."""
    return _index(None).name_of.get(code.upper(), "")
