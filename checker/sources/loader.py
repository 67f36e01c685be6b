"""One input's bytes -> the text to check, the text findings point into, and the map between them.

`load(data, name, input_format)` is the single entry point for every caller
that has bytes (the CLI, the web server, archive readers). The format comes
from `input_format` when given, else from the name's extension (.md and
.markdown: Markdown; .html, .htm, .xhtml: HTML; .docx: Word; anything else:
plain text). The bytes decide over a lying name where it matters: binary
content is never decoded (IO003, checker/sources/sniff.py), and a plain-text
or Markdown file that holds a whole HTML page is read as HTML, with an IO006
notice saying so (`--input-format text` reads it as prose).

For markup, `original` is the decoded file and `offsets` maps the checked text
into it; for .docx `original` is the paragraphs as lines (word.py); for plain
text the two are the same text and `offsets` is None.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import Iterable

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Finding, Span
from statlint.checker.notices import Notice
from statlint.checker.sources import sniff
from statlint.checker.sources.offsets import OffsetMap, map_findings
from statlint.checker.sources.text import MAX_BYTES, decode_bytes, markup_notice

INPUT_FORMATS = ("text", "markdown", "html", "docx")
EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
              ".mkd": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx"}

_META_CHARSET = lazy_compile(r"<meta[^>]{0,200}?charset\s*+=\s*+[\"']?+\s*+([A-Za-z0-9._:-]{1,40}+)", regex.I)


@dataclass(frozen=True, slots=True)
class Loaded:
    """One input, read. `text` is None when it could not be read; `notices` say why, or what was odd."""

    text: str | None
    original: str | None
    offsets: OffsetMap | None
    notices: tuple[Notice, ...]
    input_format: str = "text"

    def findings(self, findings: Iterable[Finding], document: Document | None = None) -> tuple[Finding, ...]:
        """Findings on `text`, moved to point into `original` and located there (text, line, column):
        `document` is the original's Document when the caller has one already."""
        if self.offsets is None:
            return tuple(findings)
        from statlint.checker.engine import locate

        document = document or self.document()
        return tuple(locate(document, f) for f in map_findings(self.offsets, findings, self.original))

    def span(self, span: Span) -> Span:
        """A span of `text` as a span of `original`."""
        return span if self.offsets is None else self.offsets.span(span)

    def document(self, path: str = "<text>") -> Document | None:
        """The Document reports place findings in: the original's lines and columns."""
        return None if self.original is None else Document(self.original, path=path)


def format_of(name: str | None, input_format: str | None = None) -> str:
    """The input format: `input_format` if given, else by the name's extension, else plain text."""
    if input_format:
        if input_format not in INPUT_FORMATS:
            raise ValueError(f"unknown input format {input_format!r}: use one of {', '.join(INPUT_FORMATS)}")
        return input_format
    return EXTENSIONS.get(os.path.splitext(name or "")[1].lower(), "text")


def load(data: bytes, name: str | None = None, input_format: str | None = None,
         max_bytes: int = MAX_BYTES) -> Loaded:
    """Read one input's bytes as `input_format` (or as its name's extension says). Never raises on bad input."""
    fmt = format_of(name, input_format)
    shown = os.path.basename(name) if name else None
    if len(data) > max_bytes:
        text, notices = decode_bytes(data, max_bytes, shown)  # the size notice, worded as for any file
        return Loaded(None, None, None, notices, fmt)
    if fmt == "docx":
        from statlint.checker.sources.word import docx_text

        what = sniff.binary_format(data)
        if what is not None and not data.startswith(b"PK\x03\x04"):
            return Loaded(None, None, None, decode_bytes(data, max_bytes, shown)[1], fmt)
        original, text, offsets, notices = docx_text(data, shown or "")
        return Loaded(text, original, offsets, notices, fmt)
    text, notices = decode_bytes(data, max_bytes, shown, sniff_markup=False)
    if text is None:
        return Loaded(None, None, None, notices, fmt)
    what = sniff.text_format(text) if fmt in ("text", "markdown") else None
    if what == "HTML" and input_format is None:
        fmt = "html"
        notices += (Notice("IO006", f"{_named(shown)}HTML, read as a web page: its article text is checked "
                                    f"(--input-format text checks the file as prose)", fatal=False, offset=0),)
    elif what is not None and (fmt == "text" or input_format is None):
        fmt = "text"
        notices += markup_notice(text, shown)
    if fmt == "html" and notices and notices[0].code == "IO002":
        declared = _declared_charset(data)
        if declared is not None:  # a page in windows-1252 or GB18030 says so in its <meta charset>
            text, notices = str(data, declared, "replace"), notices[1:]
    if fmt == "markdown":
        from statlint.checker.sources.markdown import markdown_text

        checked, offsets = markdown_text(text)
        return Loaded(checked, text, offsets, notices, fmt)
    if fmt == "html":
        from statlint.checker.sources.html import article_text

        checked, offsets = article_text(text)
        if not checked.strip() and text.strip():
            notices += (Notice("IO006", f"{_named(shown)}an HTML page with no article text found in it",
                               fatal=False, offset=0),)
        return Loaded(checked, text, offsets, notices, fmt)
    return Loaded(text, text, None, notices, fmt)


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page's <meta charset> names in its first 4 KB, when Python knows it and it is not UTF-8."""
    m = _META_CHARSET.search(data[:4096].decode("latin-1"))  # one character per byte: any bytes decode
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1)).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


def _named(name: str | None) -> str:
    return f"{name} is " if name else "the input is "
