"""Patterns compiled the first time they are used, not when their module is imported.

Why: statlint holds about 300 module-level patterns and the `regex` module compiles in Python, so
compiling them all at import took most of a cold start (0.4 s for `statlint check` on one short
article, against a target of 0.3 s), while a short article reaches about a quarter of them: the
rest sit behind gates (a currency pattern runs only after a currency sign, a year pattern only near
a year). A LazyPattern compiles on first use and then copies the compiled pattern's methods into its
own instance dictionary, so every later call is a plain attribute lookup, as on a compiled pattern.

`checker/patterns.py` (the registry the pattern tests pump) compiles every LazyPattern it finds, and
`compile_all()` compiles every one made so far: a process that forks workers (`statlint audit`) calls it
first, so the workers share the compiled patterns instead of each compiling its own.
"""
from __future__ import annotations

import re

import regex

_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner",
           "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A `regex` pattern compiled on first use; thereafter it answers as the compiled pattern does."""

    _compile = staticmethod(regex.compile)

    def __init__(self, pattern, flags: int = 0, **kwargs):
        self._source = (pattern, flags, kwargs)
        # the source is known before compiling: a module that builds on it (a folded `re` twin,
        # a test reading its words) does not compile the pattern to read it
        self.pattern = pattern
        _MADE.append(self)

    def compiled(self) -> regex.Pattern:
        """The compiled pattern (compiled now if this is its first use)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            pattern, flags, kwargs = self._source
            found = self._compile(pattern, flags, **kwargs)
            for name in _COPIED:  # later lookups find these in the instance dict: no __getattr__ call
                if hasattr(found, name):  # (`re` has no splititer)
                    self.__dict__[name] = getattr(found, name)
            self.__dict__["_compiled"] = found
        return found

    def __getattr__(self, name: str):
        # called only for names not in the instance dict: before the first use, or a rare attribute
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


_MADE: list[LazyPattern] = []  # every lazy pattern made (all are module-level: they live as long as the process)


def compile_all() -> int:
    """Compile every lazy pattern made so far (how many were still to compile)."""
    todo = [p for p in _MADE if "_compiled" not in p.__dict__]
    for pattern in todo:
        pattern.compiled()
    return len(todo)


class LazyStdlibPattern(LazyPattern):
    """A standard library `re` pattern compiled on first use (the few that `re` runs faster)."""

    _compile = staticmethod(re.compile)


def lazy_compile(pattern, flags: int = 0, **kwargs) -> LazyPattern:
    """`regex.compile`, deferred to the pattern's first use."""
    return LazyPattern(pattern, flags, **kwargs)


def lazy_compile_stdlib(pattern: str, flags: int = 0) -> LazyStdlibPattern:
    """`re.compile`, deferred to the pattern's first use."""
    return LazyStdlibPattern(pattern, flags)
