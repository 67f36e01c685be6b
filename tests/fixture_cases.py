"""Reading the fixture files of rules and claims: cases split on "#: <header>" lines.

One reader for fixtures/rules/<CODE>.txt and fixtures/claims/<claim>.txt, so every harness splits the
files the same way. A case is its header (the text after "#: ") and the lines below it up to the next
header; other lines starting with "#" are comments and are left out.
"""
from __future__ import annotations

from pathlib import Path


def read_cases(path: Path) -> list[tuple[str, str]]:
    """(header, text) for each case of one fixture file, in file order."""
    cases: list[tuple[str, str]] = []
    header, lines = None, []
    for raw in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if raw.startswith("#: "):
            if header is not None:
                cases.append((header, "".join(lines)))
            header, lines = raw[3:].strip(), []
        elif raw.startswith("#"):
            continue
        elif header is not None:
            lines.append(raw)
    if header is not None:
        cases.append((header, "".join(lines)))
    return cases
