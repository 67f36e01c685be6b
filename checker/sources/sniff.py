"""What an input really holds, from its first bytes, whatever its name says (RELIABILITY D.36).

A `.txt` that is a Word document, a `.md` that is a saved web page, a
`.warc.gz` that was never compressed: the name lies, the bytes do not.
Binary formats are never decoded (IO003, with the format named, so the editor
knows to export the text); text formats statlint has no reader for yet (HTML,
XML, RTF, WARC) are read as plain text with a notice that says so, since the
prose in them is still checked but so is their markup (IO006).

Why not the `filetype` package: its matchers are written for files already
known to be binary; it calls any input starting with "BM" a BMP image (so
"BMW sales rose ..." would be skipped) and "ID3" an MP3. Only signatures of
four or more distinctive bytes are used here, and short text-like ones
("BZh", "%PDF-") only with the byte that must follow them.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile

# (signature, what it is): checked at offset 0, longest first where one is a prefix of another.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (.docx, .xlsx, .odt, .epub or .zip)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 compound file (.doc, .xls, .ppt or .msg)"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b\x08", "gzip-compressed data (.gz, .warc.gz, .tgz)"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
)

# Text formats, recognised at the start of the text (after a BOM and white space), case-insensitively.
_TEXT_FORMATS = lazy_compile(
    r"\s*+(?:(?P<html><!doctype\s++html|<html[\s>])|(?P<xml><\?xml\s)|(?P<rtf>\{\\rtf)|(?P<warc>WARC/1\.\d))",
    regex.IGNORECASE,
)
_TEXT_FORMAT_NAMES = {"html": "HTML", "xml": "XML", "rtf": "RTF", "warc": "a WARC web archive"}


def binary_format(data: bytes) -> str | None:
    """What binary format `data` starts with, if any known one."""
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    if data[:3] == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":  # "BZh9" then the block magic
        return "bzip2-compressed data"
    return None


def text_format(text: str) -> str | None:
    """Which markup or archive format a decoded text is in, if one statlint reads only as plain text."""
    match = _TEXT_FORMATS.match(text, 0, 4096)
    return _TEXT_FORMAT_NAMES[match.lastgroup] if match else None
