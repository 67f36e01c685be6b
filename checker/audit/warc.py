"""WARC archives (plain or gzip, via warcio): HTML and plain-text responses are documents.

Records are keyed by their byte offset in the file. Requests, metadata,
warcinfo, revisits, images, redirects and errors are skipped and counted.
warcio ends a truncated archive quietly, as if it were complete, so every
record's length is checked against its Content-Length and the last record's
end against the file's size; a shortfall is one error Doc saying where.
"""
from __future__ import annotations

import os
from typing import Iterator

from statlint.checker.audit.sources import Doc, Source, open_source_file, short
from statlint.checker.sources.text import MAX_BYTES

_LINE_CHUNK = 1 << 20  # a record is drained in pieces of this size


_RECORD_GAP = 4  # the CRLF CRLF after an uncompressed record, not counted in its length
_TEXT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def warc_docs(src: Source, start: int, end: int | None, defer: bool = False) -> Iterator[Doc]:
    """HTML (and plain-text) responses and resources as Docs keyed by record offset; other records skipped.

    A shard of a WARC file starts on a record boundary (a whole file is one shard). `defer` changes
    nothing: records are found by reading them, so their payloads are read here either way.
    """
    from warcio.archiveiterator import ArchiveIterator

    base = os.path.basename(src.path)
    raw = yield from open_source_file(src)
    if raw is None:
        return
    with raw:
        raw.seek(start)
        records = ArchiveIterator(raw, arc2warc=True)
        offset = ended = start
        try:
            for record in records:
                fmt, what, data = _warc_payload(record)
                cut = _cutshort(record)
                offset = records.get_record_offset()  # absolute: the iterator starts from raw.tell()
                if cut:
                    raise EOFError(f"the {what} record at byte {offset} ends {cut} bytes early")
                ended = offset + records.get_record_length()
                if end is not None and offset >= end:
                    return
                src.consumed = raw.tell()
                key, name = str(offset), f"{base}@{offset}"
                if fmt is None:
                    yield Doc(src.path, key, offset, name, skipped=what)
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                yield Doc(src.path, key, offset, uri or name, data, fmt, doc_id=uri,
                          date=record.rec_headers.get_header("WARC-Date"))
            if end is None and src.size - ended > _RECORD_GAP:  # warcio stops quietly at a cut-off header
                offset = ended
                raise EOFError(f"{src.size - ended} bytes after the last whole record (ending at byte {ended}) "
                               "are not a WARC record")
        except EOFError as exc:
            src.consumed = src.size
            yield Doc(src.path, f"@error:{offset}", offset, f"{base}@{offset}", problem=f"truncated WARC: {exc}")
        except Exception as exc:  # warcio raises many kinds on a corrupt archive
            src.consumed = src.size
            yield Doc(src.path, f"@error:{offset}", offset, f"{base}@{offset}",
                      problem=f"unreadable WARC after byte {offset}: {type(exc).__name__}: {short(str(exc))}")


def _cutshort(record) -> int:
    """How many bytes of its declared Content-Length a record lacks once read to its end (warcio
    itself ends a truncated gzip member quietly, as if the archive were complete)."""
    stream = record.raw_stream
    while stream.read(_LINE_CHUNK):
        pass
    return max(getattr(stream, "limit", 0), 0)


def _warc_payload(record) -> tuple[str | None, str, bytes | None]:
    """(reader format, what the record is, payload) of a record; format None: not a document, skipped."""
    if record.rec_type not in ("response", "resource"):
        return None, f"{record.rec_type} record", None
    headers = record.http_headers if record.rec_type == "response" else None
    ctype = (headers.get_header("Content-Type") if headers is not None else
             record.rec_headers.get_header("Content-Type")) or ""
    what = f"{ctype.split(';')[0].strip() or 'untyped'} {record.rec_type}"
    fmt = _TEXT_TYPES.get(ctype.split(";")[0].strip().lower())
    if fmt is None or (headers is not None and not (headers.get_statuscode() or "").startswith("2")):
        return None, what, None
    return fmt, what, record.content_stream().read(MAX_BYTES + 1)
