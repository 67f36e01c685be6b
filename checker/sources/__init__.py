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

import os
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterable, Iterator

from checker.notices import Notice, unreadable
from checker.sources.text import MAX_BYTES, decode_bytes, read_stream, read_text

__all__ = [
    "Input", "MAX_BYTES", "STDIN", "SUFFIXES", "decode_bytes", "expand_paths",
    "read_input", "read_stream", "read_text",
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


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[Input]:
    """Turn command-line paths into Inputs, in command-line then sorted order.

    Explicitly named files are taken whatever their suffix: naming a file is
    a request to check it.
    """
    inputs: list[Input] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            inputs.append(Input(STDIN_NAME, STDIN))
        elif os.path.isdir(path):
            inputs.extend(_walk(path, suffixes, seen))
        elif os.path.lexists(path):
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                inputs.append(Input(path, path))
        else:
            inputs.append(Input(path, path, unreadable("no such file or directory")))
    return inputs


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
        notices = tuple(replace(n, fatal=False) if n.code in _SKIPPED_WHEN_WALKED else n for n in notices)
    return text, notices


_SKIPPED_WHEN_WALKED = ("IO003", "IO004")  # binary, too large: skipped in a walk, an error when named


def _walk(root: str, suffixes: tuple[str, ...], seen: set[str]) -> Iterator[Input]:
    real_root = os.path.realpath(root)
    visited_dirs: set[str] = set()

    def inside(real: str) -> bool:
        return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)

    def walk(directory: str, real_dir: str) -> Iterator[Input]:
        if real_dir in visited_dirs:  # a symlink loop back into the tree
            return
        visited_dirs.add(real_dir)
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Input(directory, directory, unreadable(f"cannot read directory: {exc.strerror or exc}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            # "." + name, not "./name": paths read the same as `statlint check name` would show them
            path = entry.name if directory == os.curdir else os.path.join(directory, entry.name)
            try:
                real = os.path.realpath(path) if entry.is_symlink() else os.path.join(real_dir, entry.name)
                if not inside(real):
                    continue
                is_dir = entry.is_dir()  # follows symlinks, now known to stay inside
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                yield from walk(path, real)
            elif is_file and entry.name.lower().endswith(suffixes) and real not in seen:
                seen.add(real)
                yield Input(path, path, walked=True)

    yield from walk(root, real_root)
