"""Cheap, exact pre-tests for the claim extractors' per-figure patterns (issue 13, speed).

As rules._gates: a `regex` call costs a microsecond or two even when it fails at once, and most figures
are followed by a word no pattern wants ("pct of", "mln dlrs", "in 1986"). A pattern that opens with
white space and then one of a few words can only match where the first letters after the white space
are those of one of its words, which a dictionary lookup tells.

Exact, as rules._gates.word_after_spaces: str.isspace() takes in every character regex's \\s matches, so
the walk over white space stops where the word must start; the two letters, lower-cased, are those of
one of the words whenever the pattern (case-insensitive) matches, but for "İ" (U+0130) and "ſ" (U+017F),
which regex folds to "i" and "s" and str.lower() does not: a piece holding either always passes.
"""
from __future__ import annotations


def word_starts(words) -> frozenset[str]:
    """The first two letters of each of `words` (lower-case ASCII, two letters or more), for next_word_may_be."""
    if any(len(w) < 2 or not (w.isascii() and w.islower()) for w in words):
        raise ValueError("next_word_may_be needs lower-case ASCII words of two letters or more")
    return frozenset(w[:2] for w in words)


def next_word_may_be(text: str, end: int, starts: frozenset[str]) -> bool:
    """False only when `text` at `end` cannot hold white space and then a word (in any case) that starts with
    one of `starts` (made by word_starts)."""
    k = end
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    if k == end:
        return False
    piece = text[k:k + 2]
    return piece.lower() in starts or (not piece.isascii() and ("\u0130" in piece or "\u017f" in piece))
