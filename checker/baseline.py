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

A run only knows about what it checked. The baseline is applied file by file
as results stream past, and only a file checked in full in this run (read,
no fatal notice) can drop entries or call them stale; and within it only the
entries this run could have reported (their rule selected for that file,
their severity and confidence above the cut, not a quotation that is
dropped). So `--write-baseline` on a subset of files, with `--diff`, or with
`--select`, keeps every other entry, and the "no longer match" count never
invites deleting entries that still hold. Matching happens before `--diff`
narrows the findings to changed lines, so the whole file is compared.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace

from statlint.checker.config import Settings
from statlint.checker.model import Severity
from statlint.checker.report import FileResult, fingerprint_of
from statlint.checker.selectors import rule_name

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the CLI exits 2 with it."""


def key(baseline_path: str, path: str) -> str:
    """A file's path as stored in a baseline: relative to the baseline's folder, with '/'."""
    if path.startswith("<"):  # <stdin>
        return path
    rel = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(baseline_path)))
    return rel.replace(os.sep, "/")


class Baseline:
    """One baseline file, applied to a run's results one file at a time.

    Reading (`subtract`) drops the findings the file records and counts the stale entries of the
    files checked; writing (`record`) takes each checked file's findings as its new entries, and
    `dumps` merges them with the entries of every file this run did not check.
    """

    def __init__(self, path: str, entries: list[dict]) -> None:
        self.path = path
        self._old: dict[str, list[dict]] = {}
        for entry in entries:
            self._old.setdefault(entry["path"], []).append(entry)
        self._new: dict[str, list[dict]] = {}  # files checked in this run -> their entries now
        self.matched = self.stale = self.written = 0

    @classmethod
    def open(cls, path: str, writing: bool = False) -> "Baseline":
        """The baseline at `path`; when writing, a file that does not exist yet is an empty baseline.

        An existing file that is not a baseline is an error even when writing: `--baseline setup.cfg
        --write-baseline` must not replace someone's file.
        """
        if writing and not os.path.lexists(path):
            return cls(path, [])
        return cls(path, load_entries(path))

    def subtract(self, result: FileResult, settings: Settings) -> FileResult:
        """The result without the findings the baseline records; unmatched entries in scope are stale."""
        if not _checked_in_full(result):
            return result
        entries = self._old.get(key(self.path, result.path), ())
        left = Counter(e["fingerprint"] for e in entries)
        kept = []
        for finding in result.findings:
            fp = fingerprint_of(result.document, finding)
            if left[fp] > 0:
                left[fp] -= 1
            else:
                kept.append(finding)
        for entry in entries:  # what is left over: fixed since, if this run could have reported it
            if left[entry["fingerprint"]] > 0:
                left[entry["fingerprint"]] -= 1
                self.stale += in_scope(entry, settings)
        dropped = len(result.findings) - len(kept)
        self.matched += dropped
        return replace(result, findings=tuple(kept), baselined=result.baselined + dropped) if dropped else result

    def record(self, result: FileResult, settings: Settings) -> FileResult:
        """Take a checked file's findings as its entries (they are then not reported as findings)."""
        if not _checked_in_full(result):
            return result
        path = key(self.path, result.path)
        new = [_entry(path, result.document, f) for f in result.findings]
        self._new[path] = new + [e for e in self._old.get(path, ()) if not in_scope(e, settings)]
        self.written += len(new)
        return replace(result, findings=(), baselined=result.baselined + len(new))

    @property
    def kept(self) -> int:
        """Entries of files this run did not check, carried over unchanged by dumps()."""
        return sum(len(entries) for path, entries in self._old.items() if path not in self._new)

    def dumps(self) -> str:
        """The baseline document: this run's entries and every entry of a file it did not check, sorted
        so it diffs well in review."""
        entries = [e for path, old in self._old.items() if path not in self._new for e in old]
        entries += [e for new in self._new.values() for e in new]
        entries.sort(key=lambda e: (e["path"], str(e.get("rule")), e["fingerprint"], str(e.get("message"))))
        return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"


def in_scope(entry: dict, settings: Settings) -> bool:
    """Whether a run with these settings would report the entry's finding if it were still there.

    Entries written before severity, confidence and in_quote were recorded count as in scope."""
    code = entry.get("rule")
    if isinstance(code, str) and not settings.wants(code, rule_name(code)):
        return False
    severity = entry.get("severity")
    if isinstance(severity, str) and severity.upper() in Severity.__members__:
        if Severity[severity.upper()] < settings.min_severity:
            return False
    confidence = entry.get("confidence")
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        if confidence < settings.confidence_cut(code if isinstance(code, str) else ""):
            return False
    return not (entry.get("in_quote") is True and settings.quotes == "drop")


def load_entries(baseline_path: str) -> list[dict]:
    """The entries of a baseline file, each with at least a path and a fingerprint."""
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
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("fingerprint"), str)):
            raise BaselineError(f"{baseline_path}: every finding needs a path and a fingerprint: {entry!r}")
    return entries


def _entry(path: str, doc, finding) -> dict:
    return {"path": path, "rule": finding.rule, "fingerprint": fingerprint_of(doc, finding),
            "message": finding.message, "severity": str(finding.severity),
            "confidence": round(float(finding.confidence), 2), "in_quote": bool(finding.in_quote)}


def _checked_in_full(result: FileResult) -> bool:
    """Read and analysed to the end: only such a file's findings say what its entries should be."""
    return result.error is None and not result.skipped and (result.document is not None or not result.findings)
