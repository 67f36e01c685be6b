"""Plain-text reader: bytes -> (text, notices).

Offsets in findings are code points into the decoded text, so decoding must be
exact and reproducible: UTF-8 (a leading BOM dropped, so offsets do not count
it), or UTF-16 when a BOM says so; nothing else normalised (\\r\\n stays;
Document indexes lines on \\n). Bytes that are not valid in the encoding are
replaced by U+FFFD and the text is still checked, with an IO002 notice saying
where the first one was: an editor is told, and loses nothing else (a silent
latin-1 fallback would invent characters; refusing the file would check none).
Binary input (a known binary format's signature, or NUL bytes early on) is
never decoded: IO003. HTML, XML, RTF or WARC content is read as plain text
with an IO006 notice (checker/sources/sniff.py says why).
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from statlint.checker.notices import Notice, unreadable
from statlint.checker.sources import sniff

MAX_BYTES = 50 * 1024 * 1024  # larger inputs are almost surely not one article
BINARY_SNIFF = 8192  # NUL bytes this early mean binary, as git and grep assume

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

Result = tuple["str | None", "tuple[Notice, ...]"]


def decode_bytes(data: bytes, max_bytes: int = MAX_BYTES, name: str | None = None,
                 sniff_markup: bool = True) -> Result:
    """Decode one input's bytes into (text, notices); `name` (the file's name) only words a notice.

    Text and no notice: clean. No text and a notice: not checked (why is in the
    notice). Text and notices: checked, with bytes replaced (IO002) or markup
    read as text (IO006; only with `sniff_markup`: a caller that reads markup itself looks for it).
    """
    if len(data) > max_bytes:
        return None, (_too_large(len(data), max_bytes, exact=False),)
    if not data:
        return "", ()
    if data.startswith(_UTF16_BOMS):
        text, notices = _decode(data, "utf-16", 0)  # the codec reads the BOM: offsets are already the input's
        nul = text.find("\0", 0, BINARY_SNIFF // 2)
        if nul >= 0:  # binary behind a UTF-16 BOM (found by fuzzing): as binary as any other
            return None, (Notice("IO003", f"binary file skipped (a NUL character at UTF-16 code unit {nul})",
                                 offset=2 + 2 * nul),)
        return text, notices + (markup_notice(text, name) if sniff_markup else ())
    what = sniff.binary_format(data)
    if what is not None:
        return None, (Notice("IO003", f"binary file skipped: {_named(name)}{what}; statlint reads plain text "
                                      f"(save the article as .txt or .md)", offset=0),)
    nul = data.find(b"\0", 0, BINARY_SNIFF)
    if nul >= 0:
        return None, (Notice("IO003", f"binary file skipped (a NUL byte at offset {nul})", offset=nul),)
    skip = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    text, notices = _decode(data[skip:], "utf-8", skip)
    return text, notices + (markup_notice(text, name) if sniff_markup else ())


def _named(name: str | None) -> str:
    return f"{name} is " if name else ""


def markup_notice(text: str, name: str | None) -> tuple[Notice, ...]:
    what = sniff.text_format(text)
    if what is None:
        return ()
    return (Notice("IO006", f"{_named(name)}{what}, read as plain text: statlint has no {what} reader yet, "
                            f"so its markup is checked as if it were prose", fatal=False, offset=0),)


def _decode(data: bytes, encoding: str, skipped: int) -> Result:
    """Strict decoding, else decoding with U+FFFD and an IO002 notice at the first bad byte.

    `skipped` bytes (a BOM) came before `data` in the input: offsets count them.
    """
    try:
        return str(data, encoding), ()
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        text = str(data, encoding, "replace")
        replaced = text.count("\ufffd") - str(data, encoding, "ignore").count("\ufffd")
        bad = data[exc.start:exc.start + 1].hex()
        return text, (Notice("IO002", f"not valid {encoding.upper()} at byte {offset} (0x{bad}); "
                                      f"{replaced} character(s) replaced by U+FFFD, the rest checked",
                             fatal=False, offset=offset),)


def read_text(path: str, max_bytes: int = MAX_BYTES) -> Result:
    """Read a file from disk as plain text. Errors are messages, never exceptions."""
    data, notices = read_file_bytes(path, max_bytes)
    if data is None:
        return None, notices
    return decode_bytes(data, max_bytes, os.path.basename(path))


def read_file_bytes(path: str, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, tuple[Notice, ...]]:
    """A file's bytes, at most max_bytes of them, or None and the notice saying why not.

    Only regular files are read: opening a FIFO or a device could block
    forever, which in a batch run would hide every later file's result.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, (_os_message(exc),)
    if stat.S_ISDIR(st.st_mode):
        return None, (unreadable("is a directory"),)
    if not stat.S_ISREG(st.st_mode):
        return None, (unreadable("not a regular file"),)
    if st.st_size > max_bytes:
        return None, (_too_large(st.st_size, max_bytes),)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        return None, (_os_message(exc),)
    if len(data) > max_bytes:
        return None, (_too_large(len(data), max_bytes, exact=False),)
    return data, ()


def read_stream(stream: BinaryIO, max_bytes: int = MAX_BYTES) -> Result:
    """Read a binary stream (stdin) with the same rules as a file."""
    data, notices = read_stream_bytes(stream, max_bytes)
    if data is None:
        return None, notices
    return decode_bytes(data, max_bytes)


def read_stream_bytes(stream: BinaryIO, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, tuple[Notice, ...]]:
    """A stream's bytes (stdin), at most max_bytes of them, or None and the notice saying why not."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return None, (_os_message(exc),)
    if len(data) > max_bytes:
        return None, (_too_large(len(data), max_bytes, exact=False),)
    return data, ()


def _too_large(size: int, limit: int, exact: bool = True) -> Notice:
    # decode_bytes sees at most limit + 1 bytes of a stream: it only knows "over"
    shown = f"{size} bytes" if exact else f"over {limit} bytes"
    return Notice("IO004", f"too large ({shown}; the limit is {limit} bytes)")


def _os_message(exc: OSError) -> Notice:
    return unreadable(f"cannot read: {exc.strerror or exc}")
