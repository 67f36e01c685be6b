"""Plain-text reader: bytes -> (text, error).

Offsets in findings are code points into the decoded text, so decoding must be
exact and reproducible: strict UTF-8, a leading BOM dropped (so offsets do not
count it), and nothing else normalised (\\r\\n stays; Document indexes lines on
\\n). When the bytes are not text we say why and where instead of guessing an
encoding: a silently mis-decoded article would yield findings on numbers that
are not in it.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

MAX_BYTES = 50 * 1024 * 1024  # larger inputs are almost surely not one article
BINARY_SNIFF = 8192  # NUL bytes this early mean binary, as git and grep assume

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

Result = tuple["str | None", "str | None"]


def decode_bytes(data: bytes, max_bytes: int = MAX_BYTES) -> Result:
    """Decode one input's bytes; exactly one of (text, error) is not None."""
    if len(data) > max_bytes:
        return None, _too_large(len(data), max_bytes, exact=False)
    if not data:
        return "", None
    if data.startswith(_UTF16_BOMS):
        return None, "UTF-16 text is not supported: convert the file to UTF-8"
    if b"\0" in data[:BINARY_SNIFF]:
        return None, "binary file skipped"
    skip = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return str(data[skip:], "utf-8"), None
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        return None, f"not valid UTF-8 at byte {offset} (0x{data[offset]:02x})"


def read_text(path: str, max_bytes: int = MAX_BYTES) -> Result:
    """Read a file from disk. Errors are messages, never exceptions.

    Only regular files are read: opening a FIFO or a device could block
    forever, which in a batch run would hide every later file's result.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, _os_message(exc)
    if stat.S_ISDIR(st.st_mode):
        return None, "is a directory"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file"
    if st.st_size > max_bytes:
        return None, _too_large(st.st_size, max_bytes)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        return None, _os_message(exc)
    return decode_bytes(data, max_bytes)


def read_stream(stream: BinaryIO, max_bytes: int = MAX_BYTES) -> Result:
    """Read a binary stream (stdin) with the same rules as a file."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return None, _os_message(exc)
    return decode_bytes(data, max_bytes)


def _too_large(size: int, limit: int, exact: bool = True) -> str:
    # decode_bytes sees at most limit + 1 bytes of a stream: it only knows "over"
    shown = f"{size} bytes" if exact else f"over {limit} bytes"
    return f"too large ({shown}; the limit is {limit} bytes)"


def _os_message(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"
