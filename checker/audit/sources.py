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

Reading is done here (folders, globs, single files) and in jsonl.py and
warc.py, checking is not (checker/audit/check.py): a record that cannot be a
document is a Doc with a `problem` (an error row, the audit goes on); a WARC
record that is not an article is counted as skipped, never checked.
"""
from __future__ import annotations

import glob
import itertools
import os
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from statlint.checker.sources import expand_paths
from statlint.checker.sources.loader import EXTENSIONS
from statlint.checker.sources.text import MAX_BYTES

FILE_SUFFIXES = tuple(EXTENSIONS)  # every file the shared readers read: text, Markdown, HTML, .docx
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


class SourceError(Exception):
    """A SOURCE argument that names nothing an audit can read (missing path, glob without matches)."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a JSON Lines record keeps its text, id and date (dotted paths reach into objects)."""

    text: str = "text"
    id: str = "id"
    date: str = "date"


class Doc(NamedTuple):
    """One document of an archive, or one record that should have been one.

    A named tuple, not a dataclass: documents are pickled to the workers by the main process, whose
    per-document work is serial, and a tuple pickles several times faster.

    `fmt` is the input format for the shared readers (checker/sources): None
    for a file (its extension decides, as for `statlint check`), "html" or
    "text" for a WARC payload (its Content-Type decided), "jsonl" for a JSON line still to be decoded
    (jsonl.decode_line). `problem` set: not a document (the
    reason becomes its error row); `skipped` set: not meant to be one (a WARC
    request record), counted but not stored per record; `file` set: an article file still to be
    read (read_later), its `data` None.
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
    file: str | None = None

    @property
    def size(self) -> int:
        """Bytes of the document as read (0 while its file is still to be read)."""
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

    def docs(self, start: int = 0, end: int | None = None, defer: bool = False) -> Iterator[Doc]:
        """The documents in order; `start`/`end` limit them to positions [start, end) (a Dask shard).

        `defer`: leave to the process that checks a document what only it needs done: JSON lines come
        undecoded (jsonl.decode_line) and article files unread (read_later). The local engine's main
        process reads for every worker on one core, so the less it does per document, the more workers
        it keeps busy. A WARC is read here either way (its records are found by reading them)."""
        self.consumed = self.skipped = 0
        from statlint.checker.audit.jsonl import jsonl_docs
        from statlint.checker.audit.warc import warc_docs

        reader = {"folder": _folder_docs, "glob": _glob_docs, "file": _file_docs, "jsonl": jsonl_docs,
                  "warc": warc_docs}[self.kind]
        for doc in reader(self, start, end, defer):
            if doc.skipped is not None:
                self.skipped += 1
                continue
            yield doc


def open_sources(specs: list[str], fields: Fields = Fields()) -> Iterator[Source]:
    """Each SOURCE argument as Sources, in the order given.

    A folder is a source of its articles (.txt, .md, .html, .docx...), and
    the JSON Lines and WARC files under it are sources of their own. A
    glob's matches that are containers or folders are sources of their own;
    the article files it matches are together one source named by the
    pattern, so a glob over a million
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


def _folder_docs(src: Source, start: int, end: int | None, defer: bool) -> Iterator[Doc]:
    """Every article file under the folder (.txt, .md, .html, .docx...), in the walk order of `statlint check`
    (sorted, streamed)."""
    files = ((os.path.relpath(item.source, src.path), item.source, item.notice)
             for item in expand_paths([src.path], FILE_SUFFIXES))
    return _article_docs(src, files, os.path.basename(src.path), start, end, defer)


def _glob_docs(src: Source, start: int, end: int | None, defer: bool) -> Iterator[Doc]:
    root = _glob_root(src.path)
    files = ((os.path.relpath(path, root), path, None) for path in glob_articles(src.path))
    return _article_docs(src, files, os.path.basename(root), start, end, defer)


def _article_docs(src: Source, files, shown: str, start: int, end: int | None, defer: bool) -> Iterator[Doc]:
    """Docs of (key, path, notice) files; `pos` is the ordinal, so a shard is a range of them."""
    for ordinal, (key, path, notice) in enumerate(files):
        if end is not None and ordinal >= end:
            return
        if ordinal < start:
            continue
        yield _article_doc(src, key, ordinal, os.path.join(shown, key), path, notice, defer)


def _file_docs(src: Source, start: int, end: int | None, defer: bool) -> Iterator[Doc]:
    if start > 0 or (end is not None and end <= 0):
        return
    doc = _article_doc(src, "", 0, os.path.basename(src.path), src.path, None, defer)
    src.consumed = src.size
    yield doc


def _article_doc(src: Source, key: str, pos: int, name: str, path: str, notice, defer: bool) -> Doc:
    """One article file's Doc: read now, or (`defer`) named for read_later; a walk's notice is its problem."""
    if notice is not None:
        return Doc(src.path, key, pos, name, problem=notice.message)
    if defer:
        src.consumed += _size(path)
        return Doc(src.path, key, pos, name, file=path)
    data, problem = _read_file(path)
    src.consumed += len(data or b"")
    return Doc(src.path, key, pos, name, data, problem=problem)


def read_later(doc: Doc) -> Doc:
    """A Doc whose file was left unread (Source.docs with defer) as reading it then would have made it."""
    data, problem = _read_file(doc.file)
    return doc._replace(data=data, problem=problem, file=None)


def _read_file(path: str) -> tuple[bytes | None, str | None]:
    """A file's bytes (at most MAX_BYTES + 1, so the checking side can say "too large"), or why not."""
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1), None
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"


def open_source_file(src: Source):
    """The source's file opened for reading; if it cannot be, yields the error Doc and returns None."""
    try:
        return open(src.path, "rb")
    except OSError as exc:
        yield Doc(src.path, "@error", 0, os.path.basename(src.path), problem=f"cannot read: {exc.strerror or exc}")
        return None


def short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
