"""Word (.docx) reader: every paragraph of the document body, in order, as lines.

The text a finding points into is the document's paragraphs joined by "\\n":
line N is paragraph N and the column is the offset inside it, so an editor
can find the place in Word. Paragraphs are numbered in document order, every
`w:p` of the body counted, empty ones and those in table cells (row by row,
cell by cell) and content controls included; headers, footers, footnotes and
comments are not read. A line break inside a paragraph (Shift+Enter) is read
as a space, so it does not shift the numbering. Text of tracked insertions
is read, tracked deletions are not. The text that is checked has a blank line
between paragraphs (so each is a paragraph to the rules as well), with an
OffsetMap back to the lines.

A .docx is a zip of XML: what comes in is untrusted. Before python-docx sees
it, the archive must open, hold `word/document.xml`, and unpack to no more
than MAX_UNPACKED bytes by the sizes it declares (zipfile stops at the
declared size and fails the CRC check on a member that lies, so a bomb cannot
unpack further). python-docx parses with entity resolution off, so an XML
entity bomb stays unexpanded; libxml2's own limits stop absurd nesting. Every
failure is a notice, never an exception.
"""
from __future__ import annotations

import io
import zipfile

from statlint.checker.notices import Notice, unreadable
from statlint.checker.sources.offsets import Builder, OffsetMap

MAX_UNPACKED = 100 * 1024 * 1024  # the whole archive unpacked; a long book is ~10 MB of document.xml
MAX_MEMBERS = 10_000
EXTRA_HINT = "install statlint[formats] to read .docx files (pip install 'statlint[formats]')"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR, _NB_HYPHEN, _DEL = (_W + n for n in ("p", "t", "tab", "br", "cr", "noBreakHyphen", "del"))
_TEXT_TAGS = {_T: None, _TAB: "\t", _BR: " ", _CR: " ", _NB_HYPHEN: "-"}


def docx_text(data: bytes, name: str = "") -> tuple[str | None, str | None, OffsetMap | None, tuple[Notice, ...]]:
    """(original, text, offsets, notices): the paragraphs as lines, the text to check, and the map between.

    original and text are None when the file cannot be read; the notice says why.
    """
    what = f"{name} " if name else ""
    notice = _check_archive(data, what)
    if notice is not None:
        return None, None, None, (notice,)
    try:
        import docx  # python-docx: the optional 'formats' extra
    except ImportError:
        return None, None, None, (unreadable(f"cannot read {what}as Word: {EXTRA_HINT}"),)
    try:
        body = docx.Document(io.BytesIO(data)).element.body
        paragraphs = [_paragraph_text(p) for p in body.iter(_P)]
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file: all mean "unreadable"
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return None, None, None, (unreadable(f"cannot read {what}as Word: {detail}"),)
    original = "\n".join(paragraphs)
    text, offsets = _with_blank_lines(paragraphs, original)
    return original, text, offsets, ()


def _check_archive(data: bytes, what: str) -> Notice | None:
    if not data.startswith(b"PK\x03\x04"):
        return unreadable(f"{what}is not a Word .docx file (not a zip archive); "
                          f"use --input-format to read it as another format")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return Notice("IO004", f"too large: {what}holds {len(members)} files (the limit is {MAX_MEMBERS})")
            unpacked = sum(m.file_size for m in members)
            if unpacked > MAX_UNPACKED:
                return Notice("IO004", f"too large: {what}unpacks to {unpacked} bytes "
                                       f"(the limit is {MAX_UNPACKED} bytes)")
            if "word/document.xml" not in {m.filename for m in members}:
                return unreadable(f"{what}is a zip archive but not a Word document (no word/document.xml)")
            bad = archive.testzip()  # CRC of every member: a truncated or altered archive fails here
            if bad is not None:
                return unreadable(f"{what}is a damaged Word document ({bad} fails its checksum)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, OSError) as exc:
        return unreadable(f"{what}is a damaged Word document (corrupt zip archive: {exc})")
    return None


def _paragraph_text(p) -> str:
    """A paragraph's text: runs, tabs, line breaks as spaces; not a nested text box's paragraphs, not deletions."""
    out: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        if _owner(el, p) is not p:
            continue
        fixed = _TEXT_TAGS[el.tag]
        out.append((el.text or "").replace("\n", " ").replace("\r", " ") if fixed is None else fixed)
    return "".join(out)


def _owner(el, p):
    """The nearest enclosing w:p of `el`, or None when it sits inside a tracked deletion first."""
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _P:
            return parent
        if parent.tag == _DEL:
            return None
        parent = parent.getparent()
    return parent


def _with_blank_lines(paragraphs: list[str], original: str) -> tuple[str, OffsetMap]:
    builder = Builder(len(original))
    at = 0
    for i, paragraph in enumerate(paragraphs):
        if i:
            builder.emit("\n\n", at - 1, at)  # the one "\n" between two lines of the original
        builder.copy(original, at, at + len(paragraph))
        at += len(paragraph) + 1
    return builder.result()
