"""Text made safe for XML 1.0 attributes and content (checkstyle, JUnit).

XML 1.0 cannot carry most control characters at all, not even escaped
(`&#27;` is a well-formedness error), and article text can hold any of
them; they become the same visible stand-ins the text report uses, then the
usual entities are applied.
"""
from __future__ import annotations

from xml.sax.saxutils import escape as _escape

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.report.text import visible

_INVALID = lazy_compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def attr(text: str) -> str:
    """A quoted attribute value."""
    return '"' + _escape(visible(text), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}) + '"'


def content(text: str) -> str:
    """Element content: newlines kept, other control characters visible."""
    return _escape(_INVALID.sub(lambda m: visible(m.group()), "\n".join(visible(ln) for ln in text.split("\n"))))
