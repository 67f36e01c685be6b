"""`statlint audit --engine dask`: the same rows as the local engine, resumable, on a LocalCluster.

The cluster runs in this process (processes=False: an in-process transport,
no port opened), so it starts in about a second; each shard is checked in a
child process of the worker, with the real rules.
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from statlint.checker.audit import audit, dask_engine
from statlint.checker.audit.summary import render

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.needs_rules

GROWTH = "Net profit rose 50 pct to 105.0 mln dlrs from 100.0 mln dlrs, the company said. "
DECLINE = "Sales fell 150 pct to 3 mln dlrs. "


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)  # in-process transport: no port is opened
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _archive(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps({"id": f"n{i}", "text": f"Story {i}. " + (GROWTH if i % 3 == 0 else "Calm. ")
                                        + DECLINE * (i % 2)}) + "\n" for i in range(120)) + "{bad line\n")
    desk = tmp_path / "desk"
    desk.mkdir()
    for i in range(12):
        (desk / f"{i:02d}.txt").write_text(GROWTH if i % 4 == 0 else "Quiet.")
    return [str(news), str(desk)]


def _state(db):
    con = sqlite3.connect(db)
    try:
        docs = con.execute("SELECT s.path, d.key, d.status, d.error, d.findings FROM documents d "
                           "JOIN sources s ON s.id = d.source_id ORDER BY s.path, d.pos").fetchall()
    finally:
        con.close()
    return docs, "".join(render(db, "jsonl"))


def test_dask_engine_gives_the_rows_of_the_local_engine_and_resumes(tmp_path, scheduler, monkeypatch):
    monkeypatch.setattr(dask_engine, "SHARD_BYTES", 4000)  # several shards per source
    monkeypatch.setattr(dask_engine, "SHARD_FILES", 6)
    sources = _archive(tmp_path)
    local, on_dask = str(tmp_path / "local.sqlite"), str(tmp_path / "dask.sqlite")
    audit(sources, local, jobs=1)

    audit(sources[1:], on_dask, engine="dask", scheduler=scheduler)  # a first, partial audit: the folder only
    totals = audit(sources, on_dask, engine="dask", scheduler=scheduler)
    assert _state(on_dask) == _state(local)
    assert totals["documents"] == 133 and totals["errors"] == 1 and totals["findings"] == 40 + 60 + 3
    con = sqlite3.connect(on_dask)
    runs = con.execute("SELECT engine, status, documents FROM runs ORDER BY id").fetchall()
    complete = con.execute("SELECT kind, complete FROM sources ORDER BY path").fetchall()
    con.close()
    assert runs == [("dask", "done", 12), ("dask", "done", 121)]  # the folder was not audited twice
    assert complete == [("folder", 1), ("jsonl", 1)]


def test_a_shard_on_a_daemonic_worker_is_checked_in_its_thread_and_says_so(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from statlint.checker.audit.check import Options
    from statlint.checker.audit.sources import source_for

    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": GROWTH}) + "\n" + json.dumps({"text": "Calm."}) + "\n")
    shard = next(dask_engine.plan_shards(source_for(str(news))))
    isolated = dask_engine.audit_shard(shard, Options(), frozenset())
    monkeypatch.setattr(dask_engine.multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True))
    in_thread = dask_engine.audit_shard(shard, Options(), frozenset({"0"}))  # the first line is done already
    assert (isolated.isolated, in_thread.isolated) == (True, False)
    second = str(len(json.dumps({"text": GROWTH})) + 1)  # the byte offset of the second line
    assert [(r.key, len(r.findings)) for r in isolated.results] == [("0", 1), (second, 0)]
    untimed = [r._replace(seconds=0.0) for r in in_thread.results]
    assert untimed == [r._replace(seconds=0.0) for r in isolated.results[1:]]
