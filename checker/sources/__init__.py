"""Inputs: which files a command line names, and how each is read.

Path expansion lives here, not in the CLI, so library users walking an
archive get the same rules: directories recurse in sorted order over the
suffixes statlint reads, hidden entries are skipped (a `.venv` is full of
LICENSE.txt files), symlinks are followed only while they stay inside the
directory being walked, and each file is visited once. A path that cannot be
used becomes an Input with a notice (IO001) rather than an exception, so one bad path
never stops the others from being checked.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterable, Iterator

from statlint.checker.notices import SKIPPED, Notice, unreadable
from statlint.checker.sources.loader import INPUT_FORMATS, Loaded, format_of, load
from statlint.checker.sources.text import (MAX_BYTES, decode_bytes, read_file_bytes, read_stream,
                                           read_stream_bytes, read_text)

__all__ = [
    "INPUT_FORMATS", "Input", "Loaded", "MAX_BYTES", "STDIN", "SUFFIXES", "decode_bytes", "expand_paths",
    "format_of", "load", "load_input", "read_input", "read_stream", "read_text",
]

STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to check: `path` as shown to the user; `notice` if unusable.

    `walked`: found by walking a directory rather than named; a binary or
    oversized file found that way is skipped with a non-fatal notice.
    """

    path: str
    source: str  # what to open: a filesystem path, or STDIN
    notice: Notice | None = None
    walked: bool = False


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[Input]:
    """Turn command-line paths into Inputs, in command-line then sorted order, as a stream.

    Explicitly named files are taken whatever their suffix: naming a file is
    a request to check it. A path that cannot even be looked up (missing, a
    name too long for the system) is an Input with an IO001 notice. Each file
    is checked once however many ways lead to it (`statlint check d d/sub`,
    a symlink to a file the walk also meets), at the cost of one entry per
    directory, not per file (RELIABILITY E.43).
    """
    visited = _Visited(dirs=set(), files=set())
    for path in paths:
        if path == STDIN:
            yield Input(STDIN_NAME, STDIN)
            continue
        try:
            os.lstat(path)
        except OSError as exc:
            reason = "no such file or directory" if exc.errno == errno.ENOENT else f"cannot read: {exc.strerror}"
            yield Input(path, path, unreadable(reason))
            continue
        if os.path.isdir(path):
            yield from _walk(path, suffixes, visited)
            continue
        real = os.path.realpath(path)
        directory, name = os.path.split(real)
        if real in visited.files or (directory in visited.dirs and _taken_by_walk(name, suffixes)):
            continue
        visited.files.add(real)
        yield Input(path, path)


def read_input(item: Input, stdin: BinaryIO | None = None,
               max_bytes: int = MAX_BYTES) -> tuple[str | None, tuple[Notice, ...]]:
    """(text, notices) for an Input, as decode_bytes gives them; the notice of an unusable path passes through."""
    if item.notice is not None:
        return None, (item.notice,)
    if item.source == STDIN:
        if stdin is None:
            return None, (unreadable("no standard input"),)
        return read_stream(stdin, max_bytes)
    text, notices = read_text(item.source, max_bytes)
    if item.walked:
        notices = tuple(replace(n, fatal=False) if n.code in SKIPPED else n for n in notices)
    return text, notices


def load_input(item: Input, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES,
               input_format: str | None = None) -> Loaded:
    """An Input read by its format (`input_format`, else its path's extension; checker/sources/loader.py).

    For stdin the Input's path is the name given with --stdin-filename, so its extension chooses the format.
    """
    fmt = format_of(item.path, input_format)
    if item.notice is not None:
        return Loaded(None, None, None, (item.notice,), fmt)
    if item.source == STDIN:
        if stdin is None:
            return Loaded(None, None, None, (unreadable("no standard input"),), fmt)
        data, notices = read_stream_bytes(stdin, max_bytes)
    else:
        data, notices = read_file_bytes(item.source, max_bytes)
    loaded = Loaded(None, None, None, notices, fmt) if data is None else \
        load(data, None if item.source == STDIN and item.path == STDIN_NAME else item.path, input_format, max_bytes)
    if item.walked:
        loaded = replace(loaded, notices=tuple(replace(n, fatal=False) if n.code in SKIPPED else n
                                               for n in loaded.notices))
    return loaded


_FILE, _DIR, _LINK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Visited:
    """What a run has walked so far, by real path: every directory listed, and the files taken by
    name or through a symlink. A plain file met in a walk is not recorded: its directory is listed
    once, so the walk meets it once."""

    dirs: set[str]
    files: set[str]


def _taken_by_walk(name: str, suffixes: tuple[str, ...]) -> bool:
    return not name.startswith(".") and name.lower().endswith(suffixes)


def _walk(root: str, suffixes: tuple[str, ...], visited: _Visited) -> Iterator[Input]:
    """Depth first, each directory in sorted order, as a stream (RELIABILITY E.43).

    A loop with an explicit stack, not recursion, so a tree thousands of levels
    deep does not hit Python's recursion limit; only the directories on the
    current path are listed in memory at a time, each as its sorted names.
    """
    real_root = os.path.realpath(root)
    prefix = real_root.rstrip(os.sep) + os.sep
    stack: list[tuple[str, str, Iterator[str], dict[str, int]]] = []
    problem = _enter(root, real_root, suffixes, visited, stack)
    if problem is not None:
        yield problem
    while stack:
        directory, real_dir, entries, dir_kinds = stack[-1]
        for name in entries:
            kind = dir_kinds.get(name, _FILE)
            # "." + name, not "./name": paths read the same as `statlint check name` would show them
            path = name if directory == os.curdir else os.path.join(directory, name)
            real = os.path.join(real_dir, name)
            if kind == _LINK:  # followed only while it stays inside the root
                real = os.path.realpath(path)
                if not (real == real_root or real.startswith(prefix)):
                    continue
                if not os.path.isdir(real):
                    if (os.path.isfile(real) and name.lower().endswith(suffixes) and real not in visited.files
                            and not _reached_without_links(real, real_root, suffixes)):
                        visited.files.add(real)  # else the walk checks the file under its own name
                        yield Input(path, path, walked=True)
                    continue
                kind = _DIR
            if kind == _DIR:
                depth = len(stack)
                problem = _enter(path, real, suffixes, visited, stack)
                if problem is not None:
                    yield problem
                if len(stack) > depth:
                    break  # descend now; this directory's iterator resumes after the subtree
            elif real not in visited.files:  # a plain file, unless it was named on the command line
                yield Input(path, path, walked=True)
        else:
            stack.pop()


def _enter(path: str, real: str, suffixes: tuple[str, ...], visited: _Visited, stack: list) -> Input | None:
    """Push directory `path` (real path `real`) onto the walk's stack, unless it was walked already (named
    twice, inside a tree walked before, a symlink loop); an Input with a notice if it cannot be listed."""
    if real in visited.dirs:
        return None
    visited.dirs.add(real)
    names, kinds, notice = _list_directory(path, suffixes)
    if notice is not None:
        return Input(path, path, notice)
    stack.append((path, real, iter(names), kinds))
    return None


def _reached_without_links(real: str, real_root: str, suffixes: tuple[str, ...]) -> bool:
    """Whether the walk of real_root meets the file at `real` through real directories alone."""
    parts = os.path.relpath(real, real_root).split(os.sep)
    return all(not part.startswith(".") for part in parts) and _taken_by_walk(parts[-1], suffixes)


def _list_directory(directory: str, suffixes: tuple[str, ...]) -> tuple[list[str], dict[str, int], Notice | None]:
    """The sorted names worth visiting in `directory`, and which of them are directories or symlinks.

    Hidden entries, files of other suffixes and anything that is not a file,
    a directory or a symlink (a FIFO, a socket, a device: never opened) are
    left out. Files, the bulk of a big directory, are kept as bare names.
    """
    names: list[str] = []
    kinds: dict[str, int] = {}
    try:
        with os.scandir(directory) as it:
            for entry in it:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    if entry.is_symlink():
                        kinds[name] = _LINK
                    elif entry.is_dir(follow_symlinks=False):
                        kinds[name] = _DIR
                    elif not (entry.is_file(follow_symlinks=False) and name.lower().endswith(suffixes)):
                        continue
                except OSError:
                    continue
                names.append(name)
    except OSError as exc:
        return [], {}, unreadable(f"cannot read directory: {exc.strerror or exc}")
    names.sort()
    return names, kinds, None
