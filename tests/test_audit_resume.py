"""Stop a real `statlint audit` mid-run (SIGTERM, then SIGKILL), rerun it, get what an uninterrupted audit gets.

The audit runs as a subprocess in its own process group; the test polls the
store (read-only, as `statlint report` would) until some chunks are
committed, then sends SIGTERM to the main process (which must stop its
workers and exit 143), and later SIGKILLs the whole group: the main process
and its workers die at once, wherever they are. No sleep stands in for
synchronisation.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from statlint.checker.audit.summary import render

pytestmark = [pytest.mark.needs_rules,
              pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")]

DOCS = 2400  # room enough that a loaded machine, polling late, still stops the audit before it ends
KILL_AFTER = 100  # documents committed before the kill
GROWTH = "Net profit rose 50 pct to 105.0 mln dlrs from 100.0 mln dlrs, the company said. "
DECLINE = "Sales fell 150 pct to 3 mln dlrs. "
CLEAN = "The board met on Tuesday and approved the plan for 2025. "


def _archive(path) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(DOCS):
            if i % 97 == 13:
                fh.write('{"id": "broken\n')  # an error row must resume like any other
                continue
            body = (GROWTH if i % 7 == 0 else DECLINE if i % 11 == 0 else CLEAN) + CLEAN
            fh.write(json.dumps({"id": f"n{i}", "date": f"{1990 + i % 30}-01-01", "text": f"Item {i}. {body}"}) + "\n")
    return str(path)


def _start(src: str, db: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "statlint.checker.cli", "audit", src, "--db", db, "-j", "2", "--chunk-docs", "10",
           "--no-progress"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _committed(db: str) -> int:
    if not os.path.exists(db):
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _rows(db: str, sql: str) -> list:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _state(db: str) -> tuple:
    docs = _rows(db, "SELECT key, pos, name, doc_id, date, status, error, findings FROM documents ORDER BY pos")
    return docs, "".join(render(db, "jsonl"))


def _interrupt(src: str, db: str, after: int, how: int) -> int:
    """Start the audit, wait until `after` documents are committed, stop it with `how`; its exit code."""
    proc = _start(src, db)
    deadline = time.monotonic() + 120
    try:
        while _committed(db) < after:
            assert proc.poll() is None, f"the audit ended before it could be stopped: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "no progress in 120 s"
            time.sleep(0.01)  # polling interval only: the condition above is what we wait for
    finally:
        if how == signal.SIGKILL:
            os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers die at once
        else:
            proc.send_signal(how)  # the main process only: it must stop its workers itself
        proc.communicate(timeout=120)
    return proc.returncode


def test_stopped_and_killed_audit_resumes_to_the_same_results(tmp_path):
    src = _archive(tmp_path / "archive.jsonl")
    stopped, whole = str(tmp_path / "stopped.sqlite"), str(tmp_path / "whole.sqlite")

    assert _interrupt(src, stopped, KILL_AFTER, signal.SIGTERM) == 128 + signal.SIGTERM
    after_term = _committed(stopped)
    assert _rows(stopped, "SELECT status FROM runs") == [("interrupted",)]
    assert _interrupt(src, stopped, after_term + KILL_AFTER, signal.SIGKILL) == -signal.SIGKILL
    at_kill = _committed(stopped)
    assert after_term + KILL_AFTER <= at_kill < DOCS
    assert _rows(stopped, "SELECT status FROM runs ORDER BY id") == [("interrupted",), ("running",)]

    rerun = _start(src, stopped)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 2, err.decode()  # the broken lines are documents not checked
    straight = _start(src, whole)
    _, err = straight.communicate(timeout=300)
    assert straight.returncode == 2, err.decode()

    docs, findings = _state(stopped)
    assert (docs, findings) == _state(whole)
    assert len(docs) == DOCS and findings.count("\n") > 50
    assert sum(1 for d in docs if d[5] == "error") == len([i for i in range(DOCS) if i % 97 == 13])
    runs = _rows(stopped, "SELECT status, documents FROM runs ORDER BY id")
    assert [s for s, _ in runs] == ["interrupted", "running", "done"]
    assert runs[2][1] == DOCS - at_kill  # nothing was checked twice
