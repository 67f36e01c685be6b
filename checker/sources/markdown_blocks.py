"""The line-by-line pass of the Markdown reader (markdown.py): front matter, code blocks, definitions, rules,
and the markers at the start of a line (quotes, list items, headings, table pipes).

A mixin of markdown._Scan, which holds the mask it marks: `self.s` (the source), `drop`, `substitute`,
`breaks` (where a paragraph break is added) and `labels` (reference definitions, for the inline pass).
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile

_FRONT_OPEN = lazy_compile(r"(---|\+\+\+)[ \t]*+\r?\n")
_FRONT_CLOSE = {"---": regex.compile(r"^(?:---|\.\.\.)[ \t]*+\r?$", regex.M),
                "+++": regex.compile(r"^\+\+\+[ \t]*+\r?$", regex.M)}
_FENCE = lazy_compile(r"[ ]{0,3}(`{3,}+|~{3,}+)([^\n]*+)")
_REFDEF = lazy_compile(r"[ ]{0,3}\[(?!\^)([^\[\]\n]{1,999}+)\]:[ \t]*+\S")
_FOOTDEF = lazy_compile(r"[ ]{0,3}\[\^[^\[\]\s]{1,100}+\]:")
_RULE = lazy_compile(r"[ ]{0,3}(?:(?:-[ \t]*+){3,}+|(?:\*[ \t]*+){3,}+|(?:_[ \t]*+){3,}+)\r?$")
_SETEXT = lazy_compile(r"[ ]{0,3}(?:=++|-++)[ \t]*+\r?$")
_TABLE_DELIM = lazy_compile(r"[ ]{0,3}\|?+[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)++\|?+[ \t]*+\r?$"
                             r"|[ ]{0,3}\|[ \t]*+:?-++:?[ \t]*+\|?+[ \t]*+\r?$")
# Leading white space, block quote markers, then at most one list item or heading marker.
_MARKERS = lazy_compile(r"[ \t]*+(?:>[ \t]?+)*+[ \t]*+"
                         r"(?:(?P<bullet>[-*+])(?:[ \t]++|(?=\r?$))|(?P<number>\d{1,9}+)[.)](?:[ \t]++|(?=\r?$))"
                         r"|(?P<heading>\#{1,6}+)(?:[ \t]++|(?=\r?$)))?+")
_QUOTE_MARKERS = lazy_compile(r"[ \t]*+(?:>[ \t]?+)*+[ \t]*+")
_CLOSING_HASHES = lazy_compile(r"[ \t]++\#++[ \t]*+\r?$")
_LONE_DIRECTIVE = lazy_compile(r"[ \t]*+<!--[ \t]*+statlint\b[^\n<>]{0,300}?-->[ \t]*+\r?$", regex.I)


class BlockScan:
    """The line pass: what each line is, in one loop with a little state (fence, code, list, table)."""

    def blocks(self) -> None:
        s = self.s
        n = len(s)
        pos = start = self._front_matter()
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
                self.drop(pos, nxt if pos == start else content_end)  # no blank lines before the first text
                start = nxt if pos == start else start
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
            self.labels.add(label(m.group(1)))
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


def label(text: str) -> str:
    return " ".join(text.split()).casefold()
