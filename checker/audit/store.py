"""The audit store: one SQLite file in WAL mode that an audit writes and resumes from.

Why SQLite: it is in the standard library, a single file a researcher can
copy and query, and a transaction is all or nothing even when the process is
killed. Each chunk of results is written in one transaction (a document row
and its findings together), so a killed audit has whole documents or none,
and a rerun skips exactly the documents that have a row. WAL lets `statlint
report` read while an audit writes; synchronous=NORMAL keeps every commit
through a process kill (only a power cut may lose the last few).

A store remembers the options that decide a document's findings (`meta`,
key "options"): resuming with other options would mix two audits in one
table, so it is refused.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
from typing import Iterable, Iterator

from statlint.checker.audit.check import DocResult

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL, status TEXT NOT NULL,
    engine TEXT NOT NULL, jobs INTEGER, argv TEXT, documents INTEGER DEFAULT 0, findings INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, size INTEGER NOT NULL,
    skipped INTEGER, complete INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS documents (
    source_id INTEGER NOT NULL REFERENCES sources(id), key TEXT NOT NULL, pos INTEGER NOT NULL,
    name TEXT NOT NULL, doc_id TEXT, date TEXT, year INTEGER, status TEXT NOT NULL, error TEXT,
    notices TEXT NOT NULL, bytes INTEGER NOT NULL, chars INTEGER NOT NULL, seconds REAL NOT NULL,
    findings INTEGER NOT NULL, run_id INTEGER NOT NULL, PRIMARY KEY (source_id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    source_id INTEGER NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL,
    rule TEXT NOT NULL, name TEXT NOT NULL, severity TEXT NOT NULL, confidence REAL, message TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL,
    suggestion TEXT, fingerprint TEXT NOT NULL, in_quote INTEGER NOT NULL, related TEXT NOT NULL,
    before TEXT NOT NULL, after TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (source_id, key, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
"""


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)")  # a year standing alone in a date string


class StoreError(Exception):
    """The file is not an audit store, or was made with other options."""


class Store:
    """An open audit store. Only the process that owns the audit writes to it."""

    def __init__(self, path: str, readonly: bool = False):
        self.path = path
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            else:
                self.db = sqlite3.connect(path, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                with self.db:
                    self.db.executescript(_SCHEMA)
            version = self.meta("schema")
            if version is None and not readonly:
                self._set_meta("schema", str(SCHEMA_VERSION))
            elif version is not None and version != str(SCHEMA_VERSION):
                raise StoreError(f"{path}: audit store version {version}, this statlint reads {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not an audit store ({exc})") from exc
        self._source_ids: dict[str, int] = {}
        self._fresh: set[int] = set()  # sources with no document row when this run registered them
        self.retry_errors = False  # a resumed audit checks again the documents that have an error row

    def close(self) -> None:
        self.db.close()

    # --- options and runs ------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: not an audit store ({exc})") from exc
        return None if row is None else row[0]

    def _set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def bind_options(self, options: dict) -> None:
        """Record the audit's options, or refuse if the store was started with others."""
        wanted = json.dumps(options, sort_keys=True)
        recorded = self.meta("options")
        if recorded is None:
            self._set_meta("options", wanted)
        elif recorded != wanted:
            old, new = json.loads(recorded), options
            diff = ", ".join(f"{k}: {old.get(k)!r} then, {new.get(k)!r} now"
                             for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k))
            raise StoreError(f"{self.path} holds an audit made with other options ({diff}); "
                             "resume with the same options or audit into another --db")

    def start_run(self, engine: str, jobs: int | None, argv: list[str]) -> int:
        with self.db:
            cur = self.db.execute("INSERT INTO runs (started, status, engine, jobs, argv) VALUES (?, ?, ?, ?, ?)",
                                  (time.time(), "running", engine, jobs, json.dumps(argv)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str) -> None:
        with self.db:
            self.db.execute("""UPDATE runs SET finished = ?, status = ?,
                               documents = (SELECT count(*) FROM documents WHERE run_id = ?),
                               findings = (SELECT coalesce(sum(findings), 0) FROM documents WHERE run_id = ?)
                               WHERE id = ?""", (time.time(), status, run_id, run_id, run_id))

    # --- sources and documents -------------------------------------------------------------------

    def source_id(self, path: str) -> int:
        """The id of a source registered before (register)."""
        if path not in self._source_ids:
            row = self.db.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if row is None:
                raise StoreError(f"{path}: not a source of this audit")
            self._source_ids[path] = int(row[0])
        return self._source_ids[path]

    def register(self, path: str, kind: str, size: int) -> None:
        """Record a source of this run with its kind and size on disk (the size as of this run)."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO sources (path, kind, size) VALUES (?, ?, ?)", (path, kind, size))
            self.db.execute("UPDATE sources SET kind = ?, size = ? WHERE path = ?", (kind, size, path))
        sid = self.source_id(path)
        if self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM documents WHERE source_id = ?)", (sid,)).fetchone()[0]:
            self._fresh.add(sid)  # nothing to skip or replace in it: done_keys and write need not look
        else:
            self._fresh.discard(sid)

    def source_done(self, path: str, skipped: int) -> None:
        """The source was read to its end: record how many records were skipped (a total, so reruns agree)."""
        with self.db:
            self.db.execute("UPDATE sources SET skipped = ?, complete = 1 WHERE id = ?",
                            (skipped, self.source_id(path)))

    @property
    def _done(self) -> str:
        """What counts as done: any row, or with retry_errors only rows that were checked."""
        return " AND status = 'ok'" if self.retry_errors else ""

    def done_keys(self, path: str, keys: Iterable[str]) -> set[str]:
        """Which of these keys of one source already have a row (asked per chunk: memory stays flat)."""
        sid, found = self.source_id(path), set()
        if sid in self._fresh:
            return found  # its rows are all this run's, and a run reads each document once
        keys = list(keys)
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            found.update(k for (k,) in self.db.execute(
                f"SELECT key FROM documents WHERE source_id = ? AND key IN ({marks}){self._done}", (sid, *part)))
        return found

    def done_in_range(self, path: str, start: int, end: int | None) -> set[str]:
        """Keys with a row among the positions [start, end) of a source (what a Dask shard may skip)."""
        sql = "SELECT key FROM documents WHERE source_id = ? AND pos >= ?" + ("" if end is None else " AND pos < ?") \
            + self._done
        args = (self.source_id(path), start) + (() if end is None else (end,))
        return {k for (k,) in self.db.execute(sql, args)}

    def write(self, results: Iterable[DocResult], run_id: int) -> tuple[int, int]:
        """Store a chunk of results in one transaction; (documents, findings) written.

        A document written again (an error row checked again with retry_errors) replaces its row and
        its findings, so a row never carries another run's findings. In a source that had no rows when
        this run began there is no earlier row to replace, and the deletes are left out.
        """
        docs, keys, found = [], [], []
        for r in results:
            sid = self.source_id(r.source)
            if sid not in self._fresh:
                keys.append((sid, r.key))
            docs.append((sid, r.key, r.pos, r.name, r.doc_id, r.date, year_of(r.date), r.status, r.error,
                         json.dumps(r.notices) if r.notices else "[]", r.nbytes, r.chars, r.seconds,
                         len(r.findings), run_id))
            found += [_finding_values(sid, r.key, seq, f) for seq, f in enumerate(r.findings)]
        with self.db:
            if keys:
                self.db.executemany("DELETE FROM findings WHERE source_id = ? AND key = ?", keys)
            self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", docs)
            self.db.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", found)
        return len(docs), len(found)

    def totals(self) -> dict:
        row = self.db.execute("""SELECT count(*), coalesce(sum(status = 'error'), 0), coalesce(sum(findings), 0),
                                 coalesce(sum(bytes), 0) FROM documents""").fetchone()
        skipped = self.db.execute("SELECT coalesce(sum(skipped), 0) FROM sources").fetchone()[0]
        return {"documents": row[0], "errors": row[1], "findings": row[2], "bytes": row[3], "skipped": skipped}

    def query(self, sql: str, args: tuple = ()) -> Iterator[tuple]:
        """Read-only queries for the report and exports."""
        return self.db.execute(sql, args)


def _finding_values(sid: int, key: str, seq: int, f: dict) -> tuple:
    full = {k: v for k, v in f.items() if k not in ("before", "after")}
    return (sid, key, seq, f["rule"], f["name"], f["severity"], f["confidence"], f["message"], f["start"], f["end"],
            f["line"], f["text"], f["suggestion"], f["fingerprint"], int(f["in_quote"]), json.dumps(f["related"]),
            f["before"], f["after"], json.dumps(full, ensure_ascii=False))


def year_of(date: str | None) -> int | None:
    """The year a date string starts with or names (1987-03-02, 26-FEB-1987 ...), if any."""
    if not date:
        return None
    match = _YEAR.search(date)
    return int(match.group(1)) if match else None
