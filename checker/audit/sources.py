"""Archive sources as streams of documents: folders and globs of files, JSON Lines, WARC.

Why a source abstraction of its own: an archive is millions of documents in a
handful of containers, and an audit must (1) never hold the archive in
memory, (2) name every document the same way on every run, so that a rerun
can skip what is done, and (3) let a worker elsewhere read one slice of a
container (the Dask engine). So every document is a `Doc` whose identity is
(source, key): the source is the container's real path, the key a position
in it that does not depend on how far a previous run got:

| source            | key                                   | pos (for slices)            |
| ----------------- | ------------------------------------- | --------------------------- |
| folder            | the file's path relative to the folder | ordinal in the sorted walk  |
| glob of articles  | the path relative to the pattern's fixed folder | ordinal in sorted matches |
| a single file     | "" (the file is the document)          | 0                           |
| JSON Lines (.gz)  | byte offset of the line, decompressed  | the same offset             |
| WARC (.gz)        | byte offset of the record in the file  | the same offset             |

Reading is done here, checking is not (checker/audit/check.py): a line that
is not JSON, lacks the text field or holds a non-string is a Doc with a
`problem` (an error row, the audit goes on); a WARC record that is not an
HTML or plain-text response is counted as skipped, never checked; a
truncated gzip stream ends its source with one error Doc saying where.
"""
from __future__ import annotations

import glob
import gzip
import itertools
import json
import os
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from statlint.checker.sources import expand_paths
from statlint.checker.sources.text import MAX_BYTES

FILE_SUFFIXES = (".txt", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_SUFFIXES = (".html", ".htm")
_GZIP_MAGIC = b"\x1f\x8b"
_LINE_CHUNK = 1 << 20  # an over-long JSON line is skipped in pieces of this size


class SourceError(Exception):
    """A SOURCE argument that names nothing an audit can read (missing path, glob without matches)."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a JSON Lines record keeps its text, id and date (dotted paths reach into objects)."""

    text: str = "text"
    id: str = "id"
    date: str = "date"


@dataclass(frozen=True, slots=True)
class Doc:
    """One document of an archive, or one record that should have been one.

    `fmt` is the input format for the shared readers (checker/sources): None
    for a file (its extension decides, as for `statlint check`), "html" or
    "text" for a WARC payload (its Content-Type decided). `problem` set: not a document (the
    reason becomes its error row); `skipped` set: not meant to be one (a WARC
    request record), counted but not stored per record.
    """

    source: str
    key: str
    pos: int
    name: str
    data: bytes | str | None = None
    fmt: str | None = None
    doc_id: str | None = None
    date: str | None = None
    problem: str | None = None
    skipped: str | None = None

    @property
    def size(self) -> int:
        data = self.data
        if data is None or isinstance(data, bytes):
            return 0 if data is None else len(data)
        return len(data) if data.isascii() else len(data.encode("utf-8", "surrogatepass"))


@dataclass(slots=True)
class Source:
    """A container of documents. `consumed` counts its raw bytes read so far (for progress and ETA)."""

    path: str  # the real path (a glob: the absolute pattern): the source's identity in the store
    kind: str  # "folder", "glob", "file", "jsonl", "warc"
    size: int  # raw bytes on disk (a folder: the sum of its files)
    fields: Fields = field(default_factory=Fields)
    consumed: int = 0
    skipped: int = 0  # WARC records that are not documents, counted as they are read

    def docs(self, start: int = 0, end: int | None = None) -> Iterator[Doc]:
        """The documents in order; `start`/`end` limit them to positions [start, end) (a Dask shard)."""
        self.consumed = self.skipped = 0
        reader = {"folder": _folder_docs, "glob": _glob_docs, "file": _file_docs, "jsonl": _jsonl_docs,
                  "warc": _warc_docs}[self.kind]
        for doc in reader(self, start, end):
            if doc.skipped is not None:
                self.skipped += 1
                continue
            yield doc


def open_sources(specs: list[str], fields: Fields = Fields()) -> Iterator[Source]:
    """Each SOURCE argument as Sources, in the order given.

    A folder is a source of its articles (.txt/.md/.html), and the JSON
    Lines and WARC files under it are sources of their own. A glob's matches
    that are containers or folders are sources of their own; the article files it matches (.txt/.md/.html) are
    together one source named by the pattern, so a glob over a million
    articles is one source, not a million. Raises SourceError for an
    argument that names nothing: an audit that silently skipped a mistyped
    archive would report a clean archive.
    """
    seen: set[str] = set()
    for spec in specs:
        if os.path.exists(spec):
            paths, pattern = [spec], None
        elif glob.has_magic(spec):
            paths, pattern = sorted(glob.glob(spec, recursive=True)), os.path.abspath(spec)
            if not paths:
                raise SourceError(f"{spec}: no file matches this pattern")
        else:
            raise SourceError(f"{spec}: no such file or directory")
        articles = 0
        for path in paths:
            real = os.path.realpath(path)
            if pattern is not None and _is_article(real):
                articles += 1
                continue
            for found in [real, *(_containers_in(real) if os.path.isdir(real) else ())]:
                if found not in seen:
                    seen.add(found)
                    yield source_for(found, fields)
        if articles and pattern not in seen:
            seen.add(pattern)
            yield Source(pattern, "glob", sum(_size(p) for p in glob_articles(pattern)), fields)


def source_for(real: str, fields: Fields = Fields()) -> Source:
    """The Source for a real path (or a "glob" source's pattern), its kind told by what it is and its name."""
    if os.path.isdir(real):
        return Source(real, "folder", _folder_size(real), fields)
    if not os.path.exists(real) and glob.has_magic(real):
        return Source(real, "glob", sum(_size(p) for p in glob_articles(real)), fields)
    lower = real.lower()
    kind = "jsonl" if lower.endswith(JSONL_SUFFIXES) else "warc" if lower.endswith(WARC_SUFFIXES) else "file"
    return Source(real, kind, _size(real), fields)


def _containers_in(folder: str) -> Iterator[str]:
    """The JSON Lines and WARC files under a folder (walked as for articles), each a source of its own."""
    for item in expand_paths([folder], JSONL_SUFFIXES + WARC_SUFFIXES):
        if item.notice is None:
            yield os.path.realpath(item.source)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _is_article(real: str) -> bool:
    return os.path.isfile(real) and real.lower().endswith(FILE_SUFFIXES)


def glob_articles(pattern: str) -> Iterator[str]:
    """The article files a pattern matches, sorted (the names are listed once, in memory, by glob)."""
    return (p for p in sorted(glob.glob(pattern, recursive=True)) if _is_article(os.path.realpath(p)))


def _glob_root(pattern: str) -> str:
    """The folder before the pattern's first wildcard: keys are paths relative to it."""
    fixed = itertools.takewhile(lambda part: not glob.has_magic(part), pattern.split(os.sep))
    return os.sep.join(fixed) or os.sep


def _folder_size(root: str) -> int:
    total = 0
    for item in expand_paths([root], FILE_SUFFIXES):
        try:
            total += os.stat(item.source).st_size
        except OSError:
            pass
    return total


def _folder_docs(src: Source, start: int, end: int | None) -> Iterator[Doc]:
    """Every .txt/.md/.html file under the folder, in the walk order of `statlint check` (sorted, streamed)."""
    files = ((os.path.relpath(item.source, src.path), item.source, item.notice)
             for item in expand_paths([src.path], FILE_SUFFIXES))
    return _article_docs(src, files, os.path.basename(src.path), start, end)


def _glob_docs(src: Source, start: int, end: int | None) -> Iterator[Doc]:
    root = _glob_root(src.path)
    files = ((os.path.relpath(path, root), path, None) for path in glob_articles(src.path))
    return _article_docs(src, files, os.path.basename(root), start, end)


def _article_docs(src: Source, files, shown: str, start: int, end: int | None) -> Iterator[Doc]:
    """Docs of (key, path, notice) files; `pos` is the ordinal, so a shard is a range of them."""
    for ordinal, (key, path, notice) in enumerate(files):
        if end is not None and ordinal >= end:
            return
        if ordinal < start:
            continue
        data, problem = (None, notice.message) if notice is not None else _read_file(path)
        src.consumed += len(data or b"")
        yield Doc(src.path, key, ordinal, os.path.join(shown, key), data, problem=problem)


def _file_docs(src: Source, start: int, end: int | None) -> Iterator[Doc]:
    if start > 0 or (end is not None and end <= 0):
        return
    data, problem = _read_file(src.path)
    src.consumed = src.size
    yield Doc(src.path, "", 0, os.path.basename(src.path), data, problem=problem)


def _read_file(path: str) -> tuple[bytes | None, str | None]:
    """A file's bytes (at most MAX_BYTES + 1, so the checking side can say "too large"), or why not."""
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1), None
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"


# --- JSON Lines ---------------------------------------------------------------------------------


def _jsonl_docs(src: Source, start: int, end: int | None) -> Iterator[Doc]:
    """One Doc per line, keyed by the line's decompressed byte offset; blank lines are not documents.

    A shard that starts at byte `start` reads up to there counting newlines
    (so every message can say which line), then takes the lines that start in
    [start, end). Reading a prefix costs little next to checking it (gunzip
    runs a hundred times faster than the check), and shards are large.
    """
    base = os.path.basename(src.path)
    raw = yield from _open(src)
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
                    yield _jsonl_doc(src, f"{base}:{number}", here, line)
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


def _open(src: Source):
    """The source's file opened for reading; if it cannot be, yields the error Doc and returns None."""
    try:
        return open(src.path, "rb")
    except OSError as exc:
        yield Doc(src.path, "@error", 0, os.path.basename(src.path), problem=f"cannot read: {exc.strerror or exc}")
        return None


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


def _jsonl_doc(src: Source, where: str, offset: int, line: bytes) -> Doc:
    """The Doc of one JSON line, or the reason it is not one. `where` is "file:line"."""
    fields = src.fields
    key = str(offset)
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        return Doc(src.path, key, offset, where, problem=f"not a JSON line: {_short(str(exc))}")
    except RecursionError:
        return Doc(src.path, key, offset, where, problem="not read: JSON nested too deeply")
    if not isinstance(record, dict):
        return Doc(src.path, key, offset, where, problem=f"not a JSON object but {type(record).__name__}")
    doc_id, date = _scalar(_dig(record, fields.id)), _scalar(_dig(record, fields.date))
    name = where if doc_id is None else f"{where} ({_short(doc_id)})"
    text = _dig(record, fields.text, missing=_MISSING)
    if text is _MISSING:
        problem = f"no text field {fields.text!r}"
    elif not isinstance(text, str):
        problem = f"text field {fields.text!r} holds {'null' if text is None else type(text).__name__}, not a string"
    else:
        return Doc(src.path, key, offset, name, text, "text", doc_id, date)
    return Doc(src.path, key, offset, name, doc_id=doc_id, date=date, problem=problem)


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


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# --- WARC ---------------------------------------------------------------------------------------

_RECORD_GAP = 4  # the CRLF CRLF after an uncompressed record, not counted in its length
_TEXT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def _warc_docs(src: Source, start: int, end: int | None) -> Iterator[Doc]:
    """HTML (and plain-text) responses and resources as Docs keyed by record offset; other records skipped.

    A shard of a WARC file starts on a record boundary (a whole file is one shard).
    """
    from warcio.archiveiterator import ArchiveIterator

    base = os.path.basename(src.path)
    raw = yield from _open(src)
    if raw is None:
        return
    with raw:
        raw.seek(start)
        records = ArchiveIterator(raw, arc2warc=True)
        offset = ended = start
        try:
            for record in records:
                fmt, what, data = _warc_payload(record)
                cut = _cut_short(record)
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
                      problem=f"unreadable WARC after byte {offset}: {type(exc).__name__}: {_short(str(exc))}")


def _cut_short(record) -> int:
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
