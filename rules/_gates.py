"""Cheap, exact pre-tests that let a check skip its regex work where it cannot fire.

A check's patterns are case-insensitive `regex` patterns, and a regex call costs about a microsecond
even when it finds nothing; a substring test on a lower-cased copy runs at memory speed. The test is
exact only if every text the pattern matches, lower-cased, contains the word looked for. That holds
for ASCII letters with two exceptions: the `regex` module (simple case folding, checked over every
code point) also matches "İ" (U+0130) for "i" and "ſ" (U+017F) for "s", which str.lower() does not
turn into "i" or "s" (the third, the Kelvin sign for "k", it does). A text holding either character
is never skipped. str.isascii() is a flag lookup, so ASCII text pays nothing for that test.

The tests are cheapest on short stretches (the few dozen characters a pattern may look at): on a
whole article every word is another pass over the text.
"""
from __future__ import annotations


_CHUNK = 1 << 20  # a whole long document is lowered a piece at a time: one copy of it would be as large as it


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of any of `words` (lower-case ASCII) can occur in `text`."""
    if len(text) <= _CHUNK:
        return _piece_may_contain(text, words)
    overlap = max(map(len, words), default=1) - 1  # a word across two pieces is whole in one of them
    return any(_piece_may_contain(text[i:i + _CHUNK + overlap], words) for i in range(0, len(text), _CHUNK))


def _piece_may_contain(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    for word in words:
        if word in lowered:
            return True
    return _has_odd_fold(text)


def tail_may_be(text: str, endings: tuple[str, ...]) -> bool:
    """False only when `text` (trailing white space aside) cannot end, case-insensitively, in one of `endings`.

    `endings` are lower-case ASCII of at most four letters: the last letters of the words a pattern
    anchored at the end requires. str.rstrip() removes every character regex's \\s matches (checked
    over every code point), and a few more.
    """
    tail = text.rstrip()[-4:]
    return tail.lower().endswith(endings) or _has_odd_fold(tail)


def word_after_spaces(text: str, end: int, word: str) -> bool:
    """False only when `text` at `end` cannot hold white space and then `word` (lower-case ASCII letters), in
    any case: the test before a pattern that opens with \\s+ and that word, tried after every figure.

    The white space is walked over with str.isspace(), which takes in every character regex's \\s does (and
    a few more, none a letter), so the walk stops where the word must start.
    """
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    if k == end:
        return False
    piece = text[k:k + len(word)]
    return piece.lower() == word or _has_odd_fold(piece)


def _has_odd_fold(text: str) -> bool:
    return not text.isascii() and ("\u0130" in text or "\u017f" in text)
