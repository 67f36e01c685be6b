"""Baselines: accept the findings a repository already has, fail only on new ones.

A team adopting statlint on an archive cannot fix every old figure first.
`--write-baseline` records today's findings; `--baseline FILE` then drops
the findings recorded there, so CI fails only on new ones.

A finding is recognised by its path and fingerprint, never by its offset or
line: the fingerprint hashes the rule, the claim and its clipped context, so
an edit elsewhere in the article leaves it alone. Identical fingerprints in
one file are counted, so a second copy of a known slip is still new. Paths
are stored relative to the baseline file's folder, with `/`, so the file
works from any working directory and on any OS.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from statlint.checker.report import FileResult, fingerprint_of

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the CLI exits 2 with it."""


@dataclass(frozen=True, slots=True)
class Filtered:
    results: list[FileResult]
    matched: int  # findings dropped because the baseline has them
    stale: int  # baseline entries no finding matched any more (fixed since)


def key(baseline_path: str, path: str) -> str:
    """A file's path as stored in a baseline: relative to the baseline's folder, with '/'."""
    if path.startswith("<"):  # <stdin>
        return path
    rel = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(baseline_path)))
    return rel.replace(os.sep, "/")


def dumps(baseline_path: str, results: Iterable[FileResult]) -> str:
    """The baseline document for these results, sorted so it diffs well in review."""
    entries = []
    for result in results:
        if result.document is None:
            continue
        for finding in result.findings:
            entries.append({
                "path": key(baseline_path, result.path),
                "rule": finding.rule,
                "fingerprint": fingerprint_of(result.document, finding),
                "message": finding.message,
            })
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["message"]))
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"


def load(baseline_path: str) -> Counter[tuple[str, str]]:
    """(path, fingerprint) -> how many times the baseline has it."""
    try:
        with open(baseline_path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{baseline_path}: not a statlint baseline: {exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(entries, list):
        raise BaselineError(f"{baseline_path}: not a statlint baseline (version {VERSION} with a findings list)")
    counts: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("fingerprint"), str)):
            raise BaselineError(f"{baseline_path}: every finding needs a path and a fingerprint: {entry!r}")
        counts[entry["path"], entry["fingerprint"]] += 1
    return counts


def subtract(baseline_path: str, known: Counter[tuple[str, str]], results: list[FileResult]) -> Filtered:
    """The results without the findings the baseline accounts for."""
    left = Counter(known)
    out, matched = [], 0
    for result in results:
        if result.document is None or not result.findings:
            out.append(result)
            continue
        path = key(baseline_path, result.path)
        kept = []
        for finding in result.findings:
            k = (path, fingerprint_of(result.document, finding))
            if left[k] > 0:
                left[k] -= 1
                matched += 1
            else:
                kept.append(finding)
        out.append(replace(result, findings=tuple(kept)))
    return Filtered(out, matched, sum(left.values()))
