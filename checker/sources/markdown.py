"""Markdown reader: the prose of a Markdown file, with an OffsetMap back into it.

What is not prose is left out, because its numbers are not claims of the
article: front matter (YAML `---` or TOML `+++`), fenced and indented code,
code spans, link targets and titles, images, reference definitions, footnote
labels, HTML comments and tags, and the markup itself (heading hashes, list
and quote markers, emphasis, table pipes, backslash escapes). Link text is
kept. Entities are decoded. Headings, list items and table rows become
paragraphs of their own, as they would be in a plain-text article.

The statlint suppression comments (`<!-- statlint: disable ... -->`,
checker/suppress.py) are the one kind of comment that is kept, verbatim, so a
directive still silences the paragraph below it.

Why an own scanner and not markdown-it-py: a parser gives block line ranges
but no offsets inside a line, and a finding must quote the right characters
of the file. The scanner marks what to leave out in a byte mask over the
source (one byte per character), then copies the kept stretches; every step
is a bounded regex or a C-level search, so the work is linear in the input
and nesting depth costs nothing (`[[[[...` or `> > > ...` ten thousand deep is
no slower than prose). It follows CommonMark where the difference changes
which characters are prose, and is simpler elsewhere.
"""
from __future__ import annotations

import bisect
import html

import regex

from statlint.checker.sources.offsets import Builder, OffsetMap

_FRONT_OPEN = regex.compile(r"(---|\+\+\+)[ \t]*+\r?\n")
_FRONT_CLOSE = {"---": regex.compile(r"^(?:---|\.\.\.)[ \t]*+\r?$", regex.M),
                "+++": regex.compile(r"^\+\+\+[ \t]*+\r?$", regex.M)}
_FENCE = regex.compile(r"[ ]{0,3}(`{3,}+|~{3,}+)([^\n]*+)")
_REFDEF = regex.compile(r"[ ]{0,3}\[(?!\^)([^\[\]\n]{1,999}+)\]:[ \t]*+\S")
_FOOTDEF = regex.compile(r"[ ]{0,3}\[\^[^\[\]\s]{1,100}+\]:")
_RULE = regex.compile(r"[ ]{0,3}(?:(?:-[ \t]*+){3,}+|(?:\*[ \t]*+){3,}+|(?:_[ \t]*+){3,}+)\r?$")
_SETEXT = regex.compile(r"[ ]{0,3}(?:=++|-++)[ \t]*+\r?$")
_TABLE_DELIM = regex.compile(r"[ ]{0,3}\|?+[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)++\|?+[ \t]*+\r?$"
                             r"|[ ]{0,3}\|[ \t]*+:?-++:?[ \t]*+\|?+[ \t]*+\r?$")
# Leading white space, block quote markers, then at most one list item or heading marker.
_MARKERS = regex.compile(r"[ \t]*+(?:>[ \t]?+)*+[ \t]*+"
                         r"(?:(?P<bullet>[-*+])(?:[ \t]++|(?=\r?$))|(?P<number>\d{1,9}+)[.)](?:[ \t]++|(?=\r?$))"
                         r"|(?P<heading>\#{1,6}+)(?:[ \t]++|(?=\r?$)))?+")
_QUOTE_MARKERS = regex.compile(r"[ \t]*+(?:>[ \t]?+)*+[ \t]*+")
_CLOSING_HASHES = regex.compile(r"[ \t]++\#++[ \t]*+\r?$")
_BLANK_LINE = regex.compile(r"\n[ \t\r]*+(?=\n)")

_BACKTICKS = regex.compile(r"`++")
_AUTOLINK = regex.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}+:[^\s<>]{0,2000}+|[^\s<>@]{1,200}+@[^\s<>]{1,200}+)>")
_RAW_TEXT = regex.compile(r"<(script|style|textarea)\b[^<>]{0,2000}+>", regex.I)
_RAW_TEXT_END = {tag: regex.compile(r"</" + tag + r"\s*+>", regex.I) for tag in ("script", "style", "textarea")}
_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,40}+(?:\s[^<>]{0,2000}+)?+/?>")
_LINK_TAIL = regex.compile(
    r"\]\([ \t]*+\n?[ \t]*+(?:<[^<>\n]{0,2000}+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.){0,500}+\)){0,2000}+)"
    r"(?:(?:[ \t]*+\n[ \t]*+|[ \t]++)(?:\"[^\"]{0,500}+\"|'[^']{0,500}+'|\([^()]{0,500}+\)))?+[ \t]*+\n?[ \t]*+\)")
_REF_TAIL = regex.compile(r"\]\[[^\[\]\n]{0,999}+\]")
_SHORTCUT = regex.compile(r"\[([^\[\]\n]{1,999}+)\](?![\[(:])")
_FOOTNOTE = regex.compile(r"\[\^[^\[\]\s]{1,100}+\]")
_ENTITY = regex.compile(r"&(?:\#[0-9]{1,7}+|\#[xX][0-9a-fA-F]{1,6}+|[A-Za-z][A-Za-z0-9]{1,31}+);")
_ESCAPE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")
_EMPHASIS = regex.compile(r"\*{1,3}+|_{1,3}+|~~")
_DIRECTIVE = regex.compile(r"<!--[ \t]*+statlint\b", regex.I)
_LONE_DIRECTIVE = regex.compile(r"[ \t]*+<!--[ \t]*+statlint\b[^\n<>]{0,300}?-->[ \t]*+\r?$", regex.I)

_LOOK_BACK = 1000  # how far a link's closing "](" looks back for its "["
_CODE_SPAN_RUNS = 64  # how many backtick runs a code span's opener looks through for its closer


def markdown_text(source: str) -> tuple[str, OffsetMap]:
    """The prose of a Markdown document and the map from its offsets back into `source`."""
    scan = _Scan(source)
    scan.blocks()
    scan.inline()
    return scan.build()


class _Scan:
    """One document's mask (1: not prose), substitutions (decoded entities, table pipes) and added breaks."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.mask = bytearray(len(source))
        self.subs: list[tuple[int, int, str]] = []
        self.breaks: list[int] = []
        self.labels: set[str] = set()
        self._blank_lines: list[int] | None = None

    def drop(self, start: int, end: int) -> None:
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)

    def dropped(self, offset: int) -> bool:
        return offset < len(self.mask) and self.mask[offset] == 1

    def substitute(self, start: int, end: int, text: str) -> None:
        self.drop(start, end)
        self.subs.append((start, end, text))

    # --- blocks: one pass over the lines -------------------------------------------------------------

    def blocks(self) -> None:
        s = self.s
        n = len(s)
        pos = self._front_matter()
        fence: tuple[str, int] | None = None
        prev_blank, in_list, in_code, in_table = True, False, False, False
        while pos < n:
            newline = s.find("\n", pos)
            line_end = n if newline < 0 else newline
            nxt = n if newline < 0 else newline + 1
            content_end = line_end - 1 if line_end > pos and s[line_end - 1] == "\r" else line_end
            blank = content_end == pos or s[pos:content_end].isspace()
            if fence is not None:
                self.drop(pos, content_end)
                m = _FENCE.match(s, pos, content_end)
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                    fence = None
                pos = nxt
                continue
            m = _FENCE.match(s, pos, content_end)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = (m.group(1)[0], len(m.group(1)))
                self.drop(pos, content_end)
                prev_blank, in_table, in_list = True, False, in_list and _indent(s, pos, content_end) >= 2
                pos = nxt
                continue
            indent = _indent(s, pos, content_end)
            if in_code and not blank and indent < 4:
                in_code = False
            if in_code or (not blank and indent >= 4 and prev_blank and not in_list):
                in_code = True
                self.drop(pos, content_end)
                pos = nxt
                continue
            if blank:
                self.drop(pos, content_end)
                prev_blank, in_table = True, False
                pos = nxt
                continue
            if self._definition(pos, content_end):
                pos = nxt
                continue
            if _LONE_DIRECTIVE.match(s, pos, content_end):
                prev_blank = True  # what follows is the paragraph it silences: no break between them
                pos = nxt
                continue
            if _RULE.match(s, pos, content_end) or (not prev_blank and not in_table
                                                    and _SETEXT.match(s, pos, content_end)):
                self.drop(pos, content_end)
                prev_blank = True
                pos = nxt
                continue
            if not in_table and "|" in s[pos:content_end]:
                following = s.find("\n", nxt) if nxt < n else -1
                following_end = n if following < 0 else following
                in_table = bool(_TABLE_DELIM.match(s, nxt, following_end)) if nxt < n else False
            elif in_table and _TABLE_DELIM.match(s, pos, content_end):
                self.drop(pos, content_end)
                pos = nxt
                continue
            elif in_table and "|" not in s[pos:content_end]:
                in_table = False
                self.breaks.append(pos)  # the table is over: what follows is a paragraph of its own
            in_list = self._line_markers(pos, content_end, prev_blank, in_list, in_table)
            prev_blank = False
            pos = nxt

    def _front_matter(self) -> int:
        m = _FRONT_OPEN.match(self.s)
        if not m:
            return 0
        close = _FRONT_CLOSE[m.group(1)].search(self.s, m.end())
        if not close:
            return 0
        end = close.end() + (close.end() < len(self.s) and self.s[close.end()] == "\n")
        self.drop(0, end)
        return end

    def _definition(self, pos: int, end: int) -> bool:
        """A link reference definition (dropped whole) or a footnote definition (its label dropped)."""
        m = _REFDEF.match(self.s, pos, end)
        if m:
            self.labels.add(_label(m.group(1)))
            self.drop(pos, end)
            return True
        m = _FOOTDEF.match(self.s, pos, end)
        if m:
            self.drop(pos, m.end())
            return True
        return False

    def _line_markers(self, pos: int, end: int, prev_blank: bool, in_list: bool, in_table: bool) -> bool:
        """Drop the line's indentation and markers; a list item, heading or table row starts a paragraph."""
        m = _MARKERS.match(self.s, pos, end)
        number = m.group("number")
        if number and not (prev_blank or in_list or int(number) == 1):
            marker_end = _QUOTE_MARKERS.match(self.s, pos, end).end()  # "2023. That year" mid-paragraph
            item = heading = False
        else:
            marker_end = m.end()
            item = bool(m.group("bullet") or number)
            heading = bool(m.group("heading"))
        self.drop(pos, marker_end)
        if (item or heading or in_table) and not prev_blank:
            self.breaks.append(pos)
        if heading:
            closing = _CLOSING_HASHES.search(self.s, marker_end, end + (1 if end < len(self.s) and
                                                                        self.s[end] == "\r" else 0))
            if closing:
                self.drop(closing.start(), end)
            self.breaks.append(end)
        if in_table:
            self._table_row(marker_end, end)
        if item:
            return True
        return in_list and not (prev_blank and _indent(self.s, pos, end) < 2)

    def _table_row(self, start: int, end: int) -> None:
        s = self.s
        cells = [i for i in range(start, end) if s[i] == "|" and (i == 0 or s[i - 1] != "\\")]
        for k, i in enumerate(cells):
            edge = not s[start:i].strip() if k == 0 else not s[i + 1:end].strip() if k == len(cells) - 1 else False
            if edge:
                self.drop(i, i + 1)
            else:
                self.substitute(i, i + 1, " ")

    # --- inline: each pass skips what an earlier one dropped -------------------------------------------

    def inline(self) -> None:
        self._code_spans()
        self._comments()
        for m in _RAW_TEXT.finditer(self.s):
            if not self.dropped(m.start()):
                close = _RAW_TEXT_END[m.group(1).lower()].search(self.s, m.end())
                self.drop(m.start(), close.end() if close else m.end())
        self._each(_AUTOLINK, lambda m: self.drop(m.start(), m.end()))
        self._each(_TAG, lambda m: self.drop(m.start(), m.end()))
        self._each(_FOOTNOTE, lambda m: self.drop(m.start(), m.end()))
        self._each(_LINK_TAIL, self._link)
        self._each(_REF_TAIL, self._link)
        if self.labels:
            self._each(_SHORTCUT, self._shortcut)
        self._each(_ENTITY, self._entity)
        self._each(_ESCAPE, lambda m: self.drop(m.start(), m.start() + 1))
        self._each(_EMPHASIS, self._emphasis)

    def _each(self, pattern: regex.Pattern, action) -> None:
        for m in pattern.finditer(self.s):
            if not self.dropped(m.start()):
                action(m)

    def _code_spans(self) -> None:
        """A run of n backticks opens a code span closed by the next run of exactly n in the same paragraph."""
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(self.s) if not self.dropped(m.start())]
        i = 0
        while i < len(runs):
            start, end = runs[i]
            limit = self._paragraph_end(end)
            for j in range(i + 1, min(len(runs), i + 1 + _CODE_SPAN_RUNS)):
                if runs[j][0] >= limit:
                    break
                if runs[j][1] - runs[j][0] == end - start:
                    self.drop(start, runs[j][1])
                    i = j
                    break
            i += 1

    def _paragraph_end(self, offset: int) -> int:
        if self._blank_lines is None:  # once per document, so each lookup is a bisection
            self._blank_lines = [m.start() for m in _BLANK_LINE.finditer(self.s)]
        k = bisect.bisect_left(self._blank_lines, offset)
        return self._blank_lines[k] if k < len(self._blank_lines) else len(self.s)

    def _comments(self) -> None:
        s = self.s
        at = s.find("<!--")
        while at >= 0:
            close = s.find("-->", at + 4)
            if close < 0:
                return  # an unclosed "<!--" is text; no later one can close either
            if not self.dropped(at) and not _DIRECTIVE.match(s, at):
                self.drop(at, close + 3)
            at = s.find("<!--", close + 3)

    def _link(self, m: regex.Match) -> None:
        """`[text](target "title")` or `[text][label]`: the text stays; an image `![alt](src)` goes whole."""
        opener = self._opening_bracket(m.start())
        if opener is None:
            return
        if opener > 0 and self.s[opener - 1] == "!" and not self.dropped(opener - 1):
            self.drop(opener - 1, m.end())
        else:
            self.drop(opener, opener + 1)
            self.drop(m.start(), m.end())

    def _shortcut(self, m: regex.Match) -> None:
        if _label(m.group(1)) in self.labels:
            if m.start() > 0 and self.s[m.start() - 1] == "!":
                self.drop(m.start() - 1, m.end())
            else:
                self.drop(m.start(), m.start() + 1)
                self.drop(m.end() - 1, m.end())

    def _opening_bracket(self, close: int) -> int | None:
        """The "[" that the "]" at `close` closes, nesting counted, within _LOOK_BACK characters; C-speed searches."""
        s = self.s
        low = max(0, close - _LOOK_BACK)
        depth, high = 1, close
        while True:
            j = s.rfind("[", low, high)
            if j < 0 or "\n\n" in s[j:high]:
                return None
            depth += s.count("]", j + 1, high) - 1
            if depth == 0:
                return None if self.dropped(j) else j
            high = j

    def _entity(self, m: regex.Match) -> None:
        decoded = html.unescape(m.group())
        if decoded != m.group():
            self.substitute(m.start(), m.end(), decoded)

    def _emphasis(self, m: regex.Match) -> None:
        """Drop a delimiter run unless it sits inside a word (snake_case, 3*4) or between spaces (5 * 3)."""
        s = self.s
        before = s[m.start() - 1] if m.start() > 0 else " "
        after = s[m.end()] if m.end() < len(s) else " "
        if m.group()[0] == "~":
            self.drop(m.start(), m.end())
        elif before.isalnum() and after.isalnum():
            return
        elif not (before.isspace() and after.isspace()):
            self.drop(m.start(), m.end())

    # --- output -----------------------------------------------------------------------------------------

    def build(self) -> tuple[str, OffsetMap]:
        s, mask = self.s, self.mask
        builder = Builder(len(s))
        events = sorted([(a, b, t) for a, b, t in self.subs] + [(p, p, "\n") for p in self.breaks])
        at = 0
        for start, end, text in events:
            if start < at:
                continue
            _copy_kept(builder, s, mask, at, start)
            if text != "\n" or not (builder.length == 0 or builder.ends_with("\n\n")):
                builder.emit(text, start, end)
            at = end
        _copy_kept(builder, s, mask, at, len(s))
        return builder.result()


def _copy_kept(builder: Builder, s: str, mask: bytearray, start: int, end: int) -> None:
    while start < end:
        kept = mask.find(b"\x00", start, end)
        if kept < 0:
            return
        stop = mask.find(b"\x01", kept, end)
        stop = end if stop < 0 else stop
        builder.copy(s, kept, stop)
        start = stop


def _indent(s: str, start: int, end: int) -> int:
    """Leading white space in columns (a tab to the next multiple of 4), counted up to 8."""
    width = 0
    for i in range(start, min(end, start + 8)):
        c = s[i]
        if c == " ":
            width += 1
        elif c == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()
