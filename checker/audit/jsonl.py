"""JSON Lines archives (plain or gzip): one document per line, keyed by the line's byte offset.

A line that is not JSON, not an object, nested too deeply, longer than the
size limit, or whose text field is missing, null or not a string is a Doc
with a `problem` naming its line (an error row; the audit goes on). A
truncated or corrupt gzip stream ends the source with one error Doc saying
where; the lines before it were read.

Why a line can travel undecoded (Source.docs with `defer`): the local engine's main
process reads every line of the archive, and whatever it does per line is
done on one core while the workers share the others; parsing JSON there was
the biggest part of that serial work. So the main process only finds the
lines (their offsets are the keys, known without parsing: resume needs
nothing more) and sends each as bytes, a Doc of format JSON_LINE; the worker
that checks it decodes it with `decode_line`, into the very Doc (or problem)
the main process would have made.
"""
from __future__ import annotations

import gzip
import json
import os
import zlib
from typing import BinaryIO, Iterator

from statlint.checker.audit.sources import Doc, Fields, Source, open_source_file, short
from statlint.checker.sources.text import MAX_BYTES

_GZIP_MAGIC = b"\x1f\x8b"
_LINE_CHUNK = 1 << 20  # an over-long JSON line is skipped in pieces of this size
JSON_LINE = "jsonl"  # Doc.fmt of a line not yet decoded: its data is the line's bytes


def jsonl_docs(src: Source, start: int, end: int | None, defer: bool = False) -> Iterator[Doc]:
    """One Doc per line, keyed by the line's decompressed byte offset; blank lines are not documents.

    `defer`: each line as its bytes (fmt JSON_LINE), for `decode_line` where it is checked.

    A shard that starts at byte `start` reads up to there counting newlines
    (so every message can say which line), then takes the lines that start in
    [start, end). Reading a prefix costs little next to checking it (gunzip
    runs a hundred times faster than the check), and shards are large.
    """
    base = os.path.basename(src.path)
    raw = yield from open_source_file(src)
    if raw is None:
        return
    with raw:
        compressed = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        offset, number = 0, 1
        try:
            if start > 0:
                offset, number = _enter_at(stream, start)
            while end is None or offset < end:
                line, complete = _read_line(stream)
                src.consumed = raw.tell()
                if not line and complete:
                    return
                here, offset = offset, offset + len(line)
                if complete and line.strip():
                    where = f"{base}:{number}"
                    yield Doc(src.path, str(here), here, where, line, JSON_LINE) if defer else \
                        line_doc(src.path, src.fields, where, here, line)
                elif not complete:
                    offset += _skip_rest_of_line(stream)
                    yield Doc(src.path, str(here), here, f"{base}:{number}",
                              problem=f"line {number} is longer than {MAX_BYTES} bytes: not read")
                number += 1
        except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt gzip, a read error
            src.consumed = src.size
            what = "truncated gzip stream" if isinstance(exc, EOFError) else f"unreadable: {exc}"
            yield Doc(src.path, f"@error:{offset}", offset, f"{base}:{number}",
                      problem=f"{what} in line {number} (decompressed byte {offset}); the lines before it were read")


def _enter_at(stream: BinaryIO, start: int) -> tuple[int, int]:
    """Read `stream` up to the first line starting at or after byte `start`: (its offset, its line number)."""
    left, lines = start - 1, 1
    while left > 0:
        piece = stream.read(min(left, _LINE_CHUNK))
        if not piece:
            return start - left, lines  # the stream is shorter than the shard's start: nothing to read
        lines += piece.count(b"\n")
        left -= len(piece)
    # the byte before `start` is a newline exactly when a line starts at `start`
    if stream.read(1) == b"\n":
        return start, lines + 1
    return start + _skip_rest_of_line(stream), lines + 1


def _read_line(stream: BinaryIO) -> tuple[bytes, bool]:
    """The next line with its newline (or the last, unterminated one) and whether it fits the size limit."""
    line = stream.readline(MAX_BYTES + 1)
    if len(line) > MAX_BYTES and not line.endswith(b"\n"):
        return line, False
    return line, True


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        piece = stream.readline(_LINE_CHUNK)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


def decode_line(doc: Doc, fields: Fields) -> Doc:
    """The Doc a JSON_LINE Doc stands for (what `jsonl_docs` yields without defer), or its problem."""
    return line_doc(doc.source, fields, doc.name, doc.pos, doc.data)


def line_doc(path: str, fields: Fields, where: str, offset: int, line: bytes) -> Doc:
    """The Doc of one JSON line of the source at `path`, or the reason it is not one. `where` is "file:line"."""
    key = str(offset)
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        return Doc(path, key, offset, where, problem=f"not a JSON line: {short(str(exc))}")
    except RecursionError:
        return Doc(path, key, offset, where, problem="not read: JSON nested too deeply")
    if not isinstance(record, dict):
        return Doc(path, key, offset, where, problem=f"not a JSON object but {type(record).__name__}")
    doc_id, date = _scalar(_dig(record, fields.id)), _scalar(_dig(record, fields.date))
    name = where if doc_id is None else f"{where} ({short(doc_id)})"
    text = _dig(record, fields.text, missing=_MISSING)
    if text is _MISSING:
        problem = f"no text field {fields.text!r}"
    elif not isinstance(text, str):
        problem = f"text field {fields.text!r} holds {'null' if text is None else type(text).__name__}, not a string"
    else:
        return Doc(path, key, offset, name, text, "text", doc_id, date)
    return Doc(path, key, offset, name, doc_id=doc_id, date=date, problem=problem)


_MISSING = object()


def _dig(record: dict, path: str, missing=None):
    value = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return missing
        value = value[part]
    return value


def _scalar(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)
