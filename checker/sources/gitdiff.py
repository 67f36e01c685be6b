"""Changed lines since a git ref, for `statlint check --diff REF`.

On a pull request against an archive, only the lines the author touched are
theirs to fix. This asks git once for the whole repository
(`git diff -U0 REF`) instead of once per file, and reads the new-side line
ranges of each hunk. Files git does not track yet are new in their
entirety. Lines that were only deleted have no new-side line, so they carry
no finding. Anything git refuses (not a repository, unknown ref) is a
GitDiffError with git's own words, and the CLI exits 2: silently checking
nothing would pass a CI run that should have looked.
"""
from __future__ import annotations

import os

import regex

from statlint.checker.lazy_regex import lazy_compile

ALL = None  # a file whose every line counts as changed

_HUNK = lazy_compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.M)


class GitDiffError(Exception):
    """git could not answer; the message says why."""


class ChangedLines:
    """Which lines of which files changed since `ref` in the repository around `cwd`."""

    def __init__(self, ref: str, cwd: str = "."):
        self.root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], cwd,
             f"unknown git ref {ref!r}")
        diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-renames",
                     "-U0", "--src-prefix=a/", "--dst-prefix=b/", ref, "--"], self.root)
        self.lines: dict[str, set[int]] = parse_diff(diff)
        untracked = _git(["-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard"],
                         self.root)
        self.untracked = {name for name in untracked.split("\0") if name}

    def of(self, path: str) -> set[int] | None:
        """The changed 1-based line numbers of `path`; ALL for an untracked file."""
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(self.root)).replace(os.sep, "/")
        if rel in self.untracked:
            return ALL
        return self.lines.get(rel, set())


def parse_diff(diff: str) -> dict[str, set[int]]:
    """New-side line numbers per file from `git diff -U0` output."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else out.setdefault(_unquote(name)[2:], set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return out


def _unquote(name: str) -> str:
    """git's C-style quoting of unusual paths ("b/tab\\there.md")."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


def _git(args: list[str], cwd: str, failure: str | None = None) -> str:
    import subprocess  # here, not at import: only --diff runs git, and a cold start pays every import

    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise GitDiffError("--diff needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitDiffError("git did not answer within 120 s") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitDiffError(failure or (detail[0] if detail else f"git {args[0]} failed"))
    return proc.stdout.decode("utf-8", "surrogateescape")
