"""Kill a real `statlint audit` mid-run, rerun it, and get what an uninterrupted audit gets.

The audit runs as a subprocess in its own process group; the test polls the
store (read-only, as `statlint report` would) until some chunks are
committed, then SIGKILLs the whole group: the main process and its workers
die at once, wherever they are. No sleep stands in for synchronisation.
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

DOCS = 600
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


def test_killed_audit_resumes_to_the_same_results(tmp_path):
    src = _archive(tmp_path / "archive.jsonl")
    killed, whole = str(tmp_path / "killed.sqlite"), str(tmp_path / "whole.sqlite")

    proc = _start(src, killed)
    deadline = time.monotonic() + 120
    try:
        while _committed(killed) < KILL_AFTER:
            assert proc.poll() is None, f"the audit ended before it could be killed: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "no progress in 120 s"
            time.sleep(0.01)  # polling interval only: the condition above is what we wait for
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    at_kill = _committed(killed)
    assert KILL_AFTER <= at_kill < DOCS
    assert _rows(killed, "SELECT status FROM runs") == [("running",)]  # it never got to say goodbye

    rerun = _start(src, killed)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    straight = _start(src, whole)
    _, err = straight.communicate(timeout=300)
    assert straight.returncode == 0, err.decode()

    docs, findings = _state(killed)
    assert (docs, findings) == _state(whole)
    assert len(docs) == DOCS and findings.count("\n") > 50
    assert sum(1 for d in docs if d[5] == "error") == len([i for i in range(DOCS) if i % 97 == 13])
    runs = _rows(killed, "SELECT status, documents FROM runs ORDER BY id")
    assert [s for s, _ in runs] == ["running", "done"] and runs[1][1] == DOCS - at_kill  # nothing done twice
