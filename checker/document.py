"""Document: the text being checked, plus the indexes every rule needs.

Line starts, sentence and paragraph boundaries and quotation spans are
computed once here so rules never re-scan for them. Offsets are code points.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from statlint.checker.lazy_regex import lazy_compile, lazy_compile_stdlib
from statlint.checker.model import Span

# A sentence ends at . ! ? followed by space(s) and an upper-case letter, digit or
# quote, or at a blank line. Abbreviations common in wire copy do not end one.
# The punctuation comes first in the pattern so the engine only tries the abbreviation
# look-behind where a sentence could end (about 30 % faster than look-behind first).
_ABBREVIATIONS = (r"Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                  r"No|vs|U\.S|U\.K|approx|est|Gov|Sen|Rep|Bros|Ave|Jr|Sr|Prof|Gen|Col|Capt|Lt|Mt|Ft")
_CLOSERS_AND_BREAK = (r"[\"'”’)]*+"
                      r"(?:[ \t]++(?=[\"'“‘(]?+[A-Z0-9])|[ \t]*+\n[ \t]*+\n|(?=[ \t]*+\n[ \t]*+[\"“A-Z]))")
_SENTENCE_END = lazy_compile(
    r"[.!?](?<!\b(?:" + _ABBREVIATIONS + r")\.)" + _CLOSERS_AND_BREAK + r"|\n[ \t]*+\n"
)
_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t]*+\n|\n(?=[ \t]{2,}+\S)")


def _abbreviation_lookbehinds() -> str:
    """_SENTENCE_END's abbreviation look-behind for stdlib `re`, which wants fixed widths:
    one negative look-behind per abbreviation length ("not after any" is the same test)."""
    by_length: dict[int, list[str]] = {}
    for abbreviation in _ABBREVIATIONS.split("|"):
        by_length.setdefault(len(abbreviation.replace("\\.", ".")), []).append(abbreviation)
    return "".join(r"(?<!\b(?:" + "|".join(words) + r")\.)" for _, words in sorted(by_length.items()))


# The same two patterns for stdlib `re`, used on ASCII-only text (str.isascii() is O(1)).
# There `re.ASCII` gives \b, \s and \S exactly the `regex` module's meaning, so the matches
# are identical; on other text the classes differ (`re` counts "²" and combining marks
# as word characters, U+001C-U+001F as space), so that text keeps the `regex` patterns.
# Why: `re` skips ahead to a candidate character when the pattern opens with a single
# character set, which the sentence pattern does by testing the set [.!?\n] first and
# then, by look-behind, which alternative applies; sentence splitting runs ~2x faster.
# (The split reads it through the three patterns below; it stays as their definition and the tests' reference,
# compiled only if asked for.)
_SENTENCE_END_ASCII = lazy_compile_stdlib(
    r"[.!?\n](?:(?<=[.!?])" + _abbreviation_lookbehinds() + _CLOSERS_AND_BREAK + r"|(?<=\n)[ \t]*+\n)", re.ASCII)
_PARAGRAPH_BREAK_ASCII = re.compile(_PARAGRAPH_BREAK.pattern, re.ASCII)
# _SENTENCE_END_ASCII taken apart, for _sentence_ends_ascii: its three alternatives each as a pattern that
# opens with one literal (or the set [!?], scanned only in the 5 % of texts that hold one). Why: `re`
# looks for a single literal faster than for a set, and the set [.!?\n] stopped at 170,000 places over
# the news corpus, 100,000 of them single newlines of wrapped lines; sentence ends 0.073 -> 0.054 s.
# The look-ahead after the full stop is implied by _CLOSERS_AND_BREAK (a closer, a space or tab, or a line break
# comes next in each of its branches): it turns away the decimal points ("5.5 mln") and inner dots ("U.S.") before
# the engine tries the nine abbreviation look-behinds at each of them (0.033 -> 0.029 s over the news corpus).
_DOT_END_ASCII = lazy_compile_stdlib(r"\.(?=[\"'”’) \t\n])" + _abbreviation_lookbehinds() + _CLOSERS_AND_BREAK, re.ASCII)
_MARK_END_ASCII = lazy_compile_stdlib(r"[!?]" + _CLOSERS_AND_BREAK, re.ASCII)
_BLANK_LINE_ASCII = lazy_compile_stdlib(r"\n[ \t]*+\n", re.ASCII)
_LOWERED_MAX = 1 << 20  # Document.lowered: longer texts get none (rules._gates._CHUNK, the piece its gates lower)
_LINE_BREAK = re.compile(r"\r\n?|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_QUOTE = lazy_compile(r"[\"“]([^\"“”\n]{1,2000}+)[\"”]")


class _view:
    """functools.cached_property without its lock: computed on first use and stored in the instance's
    __dict__, where every later lookup finds it before this (a non-data descriptor), as there.

    Why: Python 3.11's cached_property takes an RLock on every first use, ~0.6 us of the ~1 us it costs,
    and every document asks for three to five of these views (0.02 s over the news corpus). The lock only
    kept two threads from computing one view twice; a view is a pure function of the text, so a second
    computation stores an equal value."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class Document:
    text: str
    path: str = "<text>"
    date: str | None = None

    def __post_init__(self) -> None:
        # Lone surrogates (a library caller's os.fsdecode or JSON "\\udce9") cannot be written as UTF-8:
        # each becomes U+FFFD, one code point for one, so every offset stays valid (RELIABILITY A.6).
        # Files never hold them: checker.sources decodes with replacement.
        if not self.text.isascii() and _SURROGATE.search(self.text):
            object.__setattr__(self, "text", _SURROGATE.sub("\ufffd", self.text))

    @_view
    def line_starts(self) -> array:
        """Where each line starts. A line ends at \\n, \\r\\n, or a lone \\r (old Mac files,
        RELIABILITY A.10): line and column numbers are the same whichever a file uses.

        An array of machine integers: a 20 MB file has half a million lines, and a list of int
        objects would hold 16 MB for what takes 3.4 MB here."""
        starts = array("q", [0])
        text = self.text
        if "\r" in text:
            starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
            return starts
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @_view
    def sentences(self) -> Spans:
        text = self.text
        if text.isascii():
            spans = _split_at(text, _sentence_ends_ascii(text))
        else:
            spans = _split(text, _SENTENCE_END)
        return _headline_apart(self.text, spans)

    @_view
    def paragraphs(self) -> Spans:
        return _split(self.text, _PARAGRAPH_BREAK_ASCII if self.text.isascii() else _PARAGRAPH_BREAK)

    def sentence_of(self, offset: int) -> Span:
        return self.sentences.around(offset)

    def paragraph_of(self, offset: int) -> Span:
        return self.paragraphs.around(offset)

    @_view
    def lowered(self) -> str | None:
        """The text lower-cased, for the substring gates of rules that look for words in any case (rules._gates),
        or None where a gate must not be read off such a copy: the text holds "İ" or "ſ", or is over a megabyte.

        Why one copy: parts_of_wholes, its profit readers and differences each lowered the whole text, one to three
        times a document. Why None for "İ" (U+0130): str.lower() turns it into two characters, and every offset
        after it would be off by one; for "ſ" (U+017F) too: `regex` matches both under IGNORECASE for "i" and
        "s", which their lower case does not hold, so a gate must pass any text holding either (rules._gates).
        Why None over a megabyte: the copy would be kept as long as the document, as large as it; a gate on such
        a text lowers it a piece at a time (_gates.may_contain).
        """
        text = self.text
        if len(text) > _LOWERED_MAX or (not text.isascii() and ("\u0130" in text or "\u017f" in text)):
            return None
        return text.lower()

    @_view
    def quotes(self) -> list[Span]:
        return [Span(m.start(), m.end()) for m in _QUOTE.finditer(self.text)]

    @_view
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, span: Span) -> bool:
        """Whether a span lies inside a direct quotation (quotes do not nest or overlap)."""
        i = bisect.bisect_right(self._quote_starts, span.start) - 1
        return i >= 0 and span.end <= self.quotes[i].end

    def claim_context(self, span: Span, width: int = 80) -> str:
        """The sentence around a span, clipped to `width` characters each side.

        Fingerprints hash this: it survives edits elsewhere in the file, and
        stays small on a 10 MB line with no sentence breaks.
        """
        sentence = self.sentence_of(span.start)
        return self.text[max(sentence.start, span.start - width):min(max(sentence.end, span.end), span.end + width)]


class Spans(Sequence):
    """Spans in text order, kept as two arrays of offsets; a Span is made when one is asked for.

    Why: a 20 MB file has over 100,000 sentences, and a list of Span objects holds about 90 bytes for
    each where two machine integers take 16. `starts` is sorted, so the span around an offset is a bisect.
    """

    __slots__ = ("starts", "ends")

    def __init__(self, starts: array, ends: array):
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Spans(self.starts[i], self.ends[i])
        return Span(self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # mutable arrays inside, like a list

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"

    def around(self, offset: int) -> Span:
        """The last span starting at or before `offset` (the first if none does)."""
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return Span(self.starts[i], self.ends[i])


def _headline_apart(text: str, spans: Spans) -> Spans:
    """A wire headline on the first line ("ZAMBIAN COPPER OUTPUT UP, SALES DOWN") is a sentence of its own.

    It ends in no full stop, so the splitter runs it into the body's first sentence, and
    a rule reading that sentence would take the headline's words for the body's.
    """
    line_end = text.find("\n", 0, 300)
    # (the arrays read directly: Spans' len() and [0] are Python calls, and [0] makes a Span, for every document)
    if line_end <= 0 or not spans.ends or spans.ends[0] <= line_end + 1 or not text[:line_end].isupper():
        return spans
    return Spans(array("q", [0, line_end + 1]) + spans.starts[1:], array("q", [line_end + 1]) + spans.ends)


def _sentence_ends_ascii(text: str) -> list[int]:
    """Where the matches of _SENTENCE_END_ASCII end, found by three scans: full stops, "!" and "?"
    (only if the text holds one), and blank lines; the same ends as `finditer` gives, in order.

    Why it is exact: every sentence end opens with its one mark and holds no other (closers, spaces
    and newlines are none), so the marks' matches do not depend on where a scan resumes, and no blank
    line's match holds a mark. Non-overlap can only drop a blank line met inside a mark's match, through
    its `[ \t]*+\n[ \t]*+\n`: that blank line starts at the first newline after the mark (closers and
    spaces hold none, so no earlier blank line took it) and ends where the mark's match ends, so it adds
    no end of its own and the blank-line scan resumes where finditer would. The union of the ends is
    therefore finditer's ends.
    """
    ends = [m.end() for m in _DOT_END_ASCII.finditer(text)]
    merge = False
    if "!" in text or "?" in text:
        ends += [m.end() for m in _MARK_END_ASCII.finditer(text)]
        merge = True
    blank = [m.end() for m in _BLANK_LINE_ASCII.finditer(text)]
    if blank:
        ends += blank
        merge = True
    return sorted(set(ends)) if merge else ends


def _split(text: str, pattern: re.Pattern | regex.Pattern) -> Spans:
    """The pieces of text between matches of pattern (each ending with its match), leaving
    out pieces that are all whitespace; the whole text if nothing is left."""
    return _split_at(text, [m.end() for m in pattern.finditer(text)])


def _split_at(text: str, match_ends: list[int]) -> Spans:
    """_split's pieces given where the matches end (in order).

    `not piece.isspace()` says whether `piece.strip()` leaves anything without building the
    stripped copy: both use the same whitespace table, and no piece is empty (matches are not).
    A piece whose first character is no whitespace is not all whitespace: the piece is copied
    and tested only when its first character is (after a run of blank lines, mostly).
    """
    starts, ends = array("q"), array("q")
    start = 0
    for end in match_ends:
        if not text[start].isspace() or not text[start:end].isspace():
            starts.append(start)
            ends.append(end)
        start = end
    if start < len(text) and not text[start:].isspace():
        starts.append(start)
        ends.append(len(text))
    if not starts:
        starts.append(0)
        ends.append(len(text))
    return Spans(starts, ends)
