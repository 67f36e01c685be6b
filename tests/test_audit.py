"""`statlint audit` and `statlint report`: rows, isolation, options, report and exports."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import sys
import time

import pytest
from click.testing import CliRunner

from fake_rules import FAKE_CHECKS, fake_rules  # noqa: F401  (pytest fixture)
from statlint.checker.audit import StoreError, audit
from statlint.checker.audit.check import OUT_OF_MEMORY
from statlint.checker.audit.progress import AuditProgress
from statlint.checker.audit.summary import render
from statlint.checker.cli import main
from statlint.checker.config import Settings
from statlint.checker.model import Rule, Severity

GROWTH = "Net profit rose 50 pct to 105.0 mln dlrs from 100.0 mln dlrs, the company said."
DECLINE = "Sales fell 150 pct to 3 mln dlrs."
CLEAN = "The board met on Tuesday and said nothing about figures."


def _jsonl(path, records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.needs_rules
def test_audit_stores_every_document_its_findings_and_the_bad_lines(tmp_path):
    src = _jsonl(tmp_path / "news.jsonl", [
        {"id": "g", "date": "1987-02-26", "text": GROWTH},
        {"id": "c", "date": "1987-03-01", "text": CLEAN},
        "{broken",
        {"id": "d", "date": "2004", "text": DECLINE},
        {"id": "n", "text": 7},
    ])
    db = str(tmp_path / "a.sqlite")
    totals = audit([src], db, jobs=2)
    assert totals == {"documents": 5, "errors": 2, "findings": 2, "bytes": len(GROWTH) + len(CLEAN) + len(DECLINE),
                      "skipped": 0}
    docs = _rows(db, "SELECT doc_id, year, status, error, findings FROM documents ORDER BY pos")
    assert docs == [
        ("g", 1987, "ok", None, 1), ("c", 1987, "ok", None, 0),
        (None, None, "error", "not a JSON line: Expecting property name enclosed in double quotes: line 1 column 2 "
                              "(char 1)", 0),
        ("d", 2004, "ok", None, 1), ("n", None, "error", "text field 'text' holds int, not a string", 0)]
    found = [json.loads(j) for (j,) in _rows(db, "SELECT json FROM findings ORDER BY key")]
    assert [(f["rule"], f["start"], f["end"], f["text"]) for f in found] == [
        ("G101", 16, 22, "50 pct"), ("P101", 11, 18, "150 pct")]
    assert found[0]["fingerprint"].startswith("G101:") and found[0]["line"] == 1
    assert _rows(db, "SELECT before, after FROM findings WHERE rule = 'G101'") == [
        ("Net profit rose ", GROWTH[22:])]
    assert _rows(db, "SELECT status, documents, findings FROM runs") == [("done", 5, 2)]
    assert _rows(db, "SELECT path, kind, size, skipped, complete FROM sources") == [
        (src, "jsonl", os.path.getsize(src), 0, 1)]


def _hang(doc, facts):
    """Spins on the word HANG, to test the time limit."""
    if "HANG" in doc.text:
        while True:
            pass
    return iter(())


def test_a_document_that_raises_or_runs_past_its_budget_is_an_error_row_and_the_audit_goes_on(
        tmp_path, fake_rules, monkeypatch):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS + (
        Rule(code="X904", name="fake-hang", severity=Severity.INFO, func=_hang, doc=_hang.__doc__),))
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, text in [("1.txt", "FIRE here"), ("2.txt", "BOOM"), ("3.txt", "HANG"), ("4.md", "FIRE and WARN")]:
        (folder / name).write_text(text)
    db = str(tmp_path / "a.sqlite")
    audit([str(folder)], db, jobs=2, time_budget=0.3, wall_limit=0, chunk_docs=2)  # the CPU budget alone
    rows = _rows(db, "SELECT key, status, error, findings FROM documents ORDER BY pos")
    assert rows == [
        ("1.txt", "ok", None, 1),
        ("2.txt", "error", "internal error: RuntimeError: kaboom", 0),
        ("3.txt", "error", "not fully checked: the check used more than its budget of 0.3 s of CPU time "
                           "(raise it with --time-budget)", 0),
        ("4.md", "ok", None, 2)]
    notices = json.loads(_rows(db, "SELECT notices FROM documents WHERE key = '3.txt'")[0][0])
    assert [n["code"] for n in notices] == ["TIME001"]


def _die(doc, facts):
    """Kills its process on the word DIE, as a segfault in a C extension would."""
    if "DIE" in doc.text:
        os._exit(3)
    return iter(())


def test_a_document_that_kills_its_worker_is_retried_alone_then_an_error_row(tmp_path, fake_rules, monkeypatch):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS + (
        Rule(code="X905", name="fake-die", severity=Severity.INFO, func=_die, doc=_die.__doc__),))
    src = _jsonl(tmp_path / "a.jsonl", [{"id": f"d{i}", "date": "2001-05-01", "text": t}
                                        for i, t in enumerate(("FIRE", "calm", "DIE", "FIRE FIRE", "calm", "FIRE"))])
    db = str(tmp_path / "a.sqlite")
    totals = audit([src], db, jobs=2, chunk_docs=2)
    assert _rows(db, "SELECT status, error, findings FROM documents ORDER BY pos") == [
        ("ok", None, 1), ("ok", None, 0),
        ("error", "not checked: the worker process checking this document died (A process in the process pool "
                  "was terminated abruptly while the future was running or pending.)", 0),
        ("ok", None, 2), ("ok", None, 0), ("ok", None, 1)]
    assert totals["errors"] == 1 and totals["findings"] == 4
    # the line reached the worker undecoded; its error row still names the record as a checked one would
    assert _rows(db, "SELECT name, doc_id, year, bytes FROM documents WHERE status = 'error'") == [
        ("a.jsonl:3 (d2)", "d2", 2001, 3)]


def _sleep(doc, facts):
    """Waits on the word SLEEP: a hang that spends no CPU time, so the CPU budget never fires."""
    if "SLEEP" in doc.text:
        time.sleep(600)
    return iter(())


def test_a_document_that_hangs_past_the_cpu_budgets_reach_is_stopped_by_the_wall_clock(
        tmp_path, fake_rules, monkeypatch):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS + (
        Rule(code="X906", name="fake-sleep", severity=Severity.INFO, func=_sleep, doc=_sleep.__doc__),))
    src = _jsonl(tmp_path / "a.jsonl", [{"text": t} for t in ("FIRE", "SLEEP", "FIRE FIRE")])
    db = str(tmp_path / "a.sqlite")
    totals = audit([src], db, jobs=1, chunk_docs=2, wall_limit=1)
    assert _rows(db, "SELECT status, error, findings FROM documents ORDER BY pos") == [
        ("ok", None, 1),
        ("error", "not checked: the check ran over 1 s of wall-clock time without finishing and was stopped", 0),
        ("ok", None, 2)]
    notices = json.loads(_rows(db, "SELECT notices FROM documents WHERE status = 'error'")[0][0])
    assert [n["code"] for n in notices] == ["TIME001"] and totals["findings"] == 3


def _hog(doc, facts):
    """Asks for 2 GB on the word HOG."""
    if "HOG" in doc.text:
        bytearray(2_000_000_000)
    return iter(())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS from /proc/self/statm")
def test_a_document_past_the_worker_memory_limit_is_an_error_row(tmp_path, fake_rules, monkeypatch):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS + (
        Rule(code="X907", name="fake-hog", severity=Severity.INFO, func=_hog, doc=_hog.__doc__),))
    src = _jsonl(tmp_path / "a.jsonl", [{"text": t} for t in ("FIRE", "HOG", "FIRE")])
    db = str(tmp_path / "a.sqlite")
    audit([src], db, jobs=1, worker_memory=200)
    assert _rows(db, "SELECT status, error, findings FROM documents ORDER BY pos") == [
        ("ok", None, 1), ("error", OUT_OF_MEMORY, 0), ("ok", None, 1)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS from /proc/self/statm")
def test_a_json_line_too_big_to_decode_in_the_worker_memory_limit_is_an_error_row(tmp_path, fake_rules):
    """Lines are decoded in the workers, under their memory limit: a line whose objects outgrow it is an
    error row (here 40 MB of JSON holding a list of 20 million numbers, 160 MB of pointers)."""
    src = tmp_path / "a.jsonl"
    with open(src, "w") as fh:
        fh.write(json.dumps({"text": "FIRE"}) + "\n")
        fh.write('{"text": "FIRE", "pad": [' + "1," * 20_000_000 + "1]}\n")
        fh.write(json.dumps({"text": "FIRE"}) + "\n")
    db = str(tmp_path / "a.sqlite")
    audit([str(src)], db, jobs=1, worker_memory=100)
    assert _rows(db, "SELECT name, status, error, findings FROM documents ORDER BY pos") == [
        ("a.jsonl:1", "ok", None, 1), ("a.jsonl:2", "error", OUT_OF_MEMORY, 0), ("a.jsonl:3", "ok", None, 1)]


def test_retry_errors_checks_again_only_the_documents_not_checked(tmp_path, fake_rules, monkeypatch):
    from statlint import rules

    src = _jsonl(tmp_path / "a.jsonl", [{"text": t} for t in ("FIRE", "BOOM FIRE", "calm")])
    db = str(tmp_path / "a.sqlite")
    audit([src], db, jobs=1)
    assert _rows(db, "SELECT status, findings FROM documents ORDER BY pos") == [("ok", 1), ("error", 0), ("ok", 0)]
    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS[:2] + (  # the crash is fixed; same codes, so same options
        Rule(code="X903", name="fake-boom", severity=Severity.INFO, func=lambda d, f: iter(()), doc="Fixed."),))
    audit([src], db, jobs=1)
    assert _rows(db, "SELECT documents FROM runs ORDER BY id") == [(3,), (0,)]  # a plain resume keeps the error
    totals = audit([src], db, jobs=1, retry_errors=True)
    assert _rows(db, "SELECT status, error, findings FROM documents ORDER BY pos") == [
        ("ok", None, 1), ("ok", None, 1), ("ok", None, 0)]
    assert _rows(db, "SELECT documents FROM runs ORDER BY id") == [(3,), (0,), (1,)]
    assert totals["findings"] == 2 and _rows(db, "SELECT count(*) FROM findings") == [(2,)]


def test_resuming_with_other_options_is_refused(tmp_path, fake_rules):
    src = _jsonl(tmp_path / "a.jsonl", [{"text": "FIRE"}])
    db = str(tmp_path / "a.sqlite")
    audit([src], db, jobs=1)
    with pytest.raises(StoreError, match=r"other options \(text_field: 'text' then, 'body' now\)"):
        from statlint.checker.audit import Fields

        audit([src], db, jobs=1, fields=Fields(text="body"))
    with pytest.raises(StoreError, match="other options"):
        audit([src], db, jobs=1, settings=Settings(select=("X901",)))


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my notes, not a database\n" * 100)
    result = CliRunner().invoke(main, ["report", str(bad)])
    assert result.exit_code == 2
    assert "notes.sqlite: not an audit store" in result.output


def test_html_and_markdown_go_through_the_shared_readers(tmp_path, fake_rules):
    (tmp_path / "a.html").write_text("<html>\n<body>\n<p>Then FIRE.</p><script>FIRE</script></body></html>")
    (tmp_path / "b.md").write_text("# Head\n\nSee [FIRE](http://x.example/FIRE).\n")
    db = str(tmp_path / "a.sqlite")
    audit([str(tmp_path)], db, jobs=1)
    assert _rows(db, "SELECT key, status, error, findings FROM documents ORDER BY pos") == [
        ("a.html", "ok", None, 1), ("b.md", "ok", None, 1)]  # no script, no link target
    # placed in the files as written, like `statlint check`
    assert _rows(db, "SELECT key, start, \"end\", line, text FROM findings ORDER BY key") == [
        ("a.html", 22, 26, 3, "FIRE"), ("b.md", 13, 17, 3, "FIRE")]


def _store_with_markup(tmp_path):
    """A store whose archive text, names and ids carry markup that must reach the report as text."""
    src = _jsonl(tmp_path / "x<b>.jsonl", [
        {"id": "<i>one</i>", "date": "2001-05-01", "text": "<script>alert(1)</script> FIRE & more"},
        {"id": "two", "date": "2003", "text": "FIRE FIRE WARN"},
        {"id": "three", "text": "nothing"},
        {"id": "four", "text": None},
    ])
    db = str(tmp_path / "a.sqlite")
    audit([src], db, jobs=1)
    return db


def test_html_report_is_self_contained_and_escapes_archive_text(tmp_path, fake_rules):
    db = _store_with_markup(tmp_path)
    page = "".join(render(db, "html"))
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 3
    assert "<script" not in page and "<i>one" not in page and "x<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>FIRE</mark> &amp; more" in page
    assert "fake finding (suggested: <b>FIXED</b>)</div>" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # nothing fetched from anywhere
    assert "<link" not in page
    assert "<b>3</b>articles checked" in page and "<b>4</b>findings" in page
    assert "<b>1,333.3</b>findings per 1,000 articles" in page
    assert "text field &#x27;text&#x27; holds null, not a string" in page


def test_html_report_counts_the_notices_of_documents_checked(tmp_path, fake_rules):
    (tmp_path / "a.txt").write_bytes(b"caf\xe9 FIRE")  # not UTF-8: checked with an IO002 notice
    (tmp_path / "b.txt").write_text("FIRE")
    db = str(tmp_path / "a.sqlite")
    audit([str(tmp_path)], db, jobs=1)
    page = "".join(render(db, "html"))
    section = page.split("<h2>Documents checked with notices</h2>", 1)[1]
    assert "<td>IO002</td><td>lossy-decode</td><td class=n>1</td>" in section


def test_exports_list_every_finding_in_archive_order(tmp_path, fake_rules):
    db = _store_with_markup(tmp_path)
    lines = [json.loads(line) for line in "".join(render(db, "jsonl")).splitlines()]
    assert [(r["doc_id"], r["rule"], r["start"], r["text"]) for r in lines] == [
        ("<i>one</i>", "X901", 26, "FIRE"), ("two", "X901", 0, "FIRE"), ("two", "X901", 5, "FIRE"),
        ("two", "X902", 10, "WARN")]
    assert lines[0]["source"].endswith("x<b>.jsonl") and lines[0]["key"] == "0" and lines[0]["suggestion"] == "FIXED"
    table = list(csv.DictReader(io.StringIO("".join(render(db, "csv")))))
    assert [(r["doc_id"], r["rule"], r["start"], r["date"]) for r in table] == [
        ("<i>one</i>", "X901", "26", "2001-05-01"), ("two", "X901", "0", "2003"), ("two", "X901", "5", "2003"),
        ("two", "X902", "10", "2003")]


def test_cli_audit_then_report(tmp_path, fake_rules):
    src = _jsonl(tmp_path / "a.jsonl", [{"body": "FIRE", "uid": 1, "when": "1999-01-01"}])
    db = str(tmp_path / "a.sqlite")
    runner = CliRunner()
    result = runner.invoke(main, ["audit", src, "--db", db, "-j", "1", "--text-field", "body", "--id-field", "uid",
                                  "--date-field", "when"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^audit 100% 1 docs .* 1 findings  in 0:00:\d\d$", result.stderr, re.M)
    assert f"1 documents in {db}: 1 findings, 0 not checked" in result.stderr
    out = tmp_path / "r.html"
    result = runner.invoke(main, ["report", db, "-o", str(out)])
    assert result.exit_code == 0 and "<svg" in out.read_text()
    result = runner.invoke(main, ["report", db, "--format", "jsonl"])
    assert json.loads(result.output)["doc_id"] == "1"


def test_cli_audit_usage_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 2 and "missing.jsonl: no such file or directory" in result.output
    result = runner.invoke(main, ["audit", str(tmp_path), "--db", str(tmp_path / "a.sqlite"), "--engine", "dask"])
    assert result.exit_code == 2 and "--engine dask needs --scheduler ADDRESS" in result.output
    result = runner.invoke(main, ["report", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "none.sqlite: no such audit store" in result.output


def test_progress_shows_rates_findings_and_eta():
    out = io.StringIO()
    progress = AuditProgress(out, total_bytes=1000, on_terminal=True, interval=0)
    progress.at(0)
    progress.add(docs=10, nbytes=2_000_000, findings=3)
    progress.at(250)
    line = out.getvalue().split("\r\x1b[K")[-1]
    shape = r"audit  25% \|█{6}░{18}\| 10 docs  [\d,]+ docs/s  [\d.]+ MB/s  3 findings  ETA \d:\d\d:\d\d"
    assert re.fullmatch(shape, line), line
    progress.close()
    assert out.getvalue().endswith("\n") and " in 0:00:0" in out.getvalue().splitlines()[-1]


def test_progress_in_a_log_is_plain_lines():
    out = io.StringIO()
    progress = AuditProgress(out, total_bytes=100, on_terminal=False, interval=0)
    progress.add(docs=1, nbytes=10, findings=0, errors=1)
    progress.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and all(line.startswith("audit   0% 1 docs") and "\r" not in line for line in lines)
    assert "1 errors" in lines[0] and "|" not in lines[0]


if sys.platform != "linux":  # the local engine forks its workers
    pytestmark = pytest.mark.skip("fork-based worker pool")


def test_svg_charts_escape_labels_and_draw_one_bar_per_row():
    from statlint.checker.audit import svg

    bars = svg.hbars([("<b>x</b>", 10), ("y & z", 5), ("none", 0)])
    assert bars.count("<rect") == 3 and "<b>" not in bars
    assert "<title>&lt;b&gt;x&lt;/b&gt;: 10</title>" in bars and "<title>y &amp; z: 5</title>" in bars
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', bars)]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    cols = svg.columns([("1987", 4.4), ("2004", 2.2)])
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', cols)]
    assert heights[0] == 2 * heights[1] and "<title>1987: 4.4</title>" in cols
    assert svg.hbars([]) == svg.columns([]) == '<p class="empty">nothing to chart</p>'


def test_the_same_audit_resumes_from_another_working_directory(tmp_path, fake_rules, monkeypatch):
    src = _jsonl(tmp_path / "a.jsonl", [{"text": "FIRE"}, {"text": "calm"}])
    db = str(tmp_path / "a.sqlite")
    audit([src], db, jobs=1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert audit([os.path.relpath(src)], db, jobs=1)["documents"] == 2
    assert _rows(db, "SELECT status, documents FROM runs ORDER BY id") == [("done", 2), ("done", 0)]


@pytest.mark.parametrize("date, year", [
    ("1987-02-26", 1987), ("26-FEB-1987 15:48:26.92", 1987), ("Mon, 02 Mar 2009 10:00:00 GMT", 2009),
    ("2004", 2004), ("20230102", None), ("no date", None), (None, None), ("", None)])
def test_year_of_reads_a_year_standing_alone_in_a_date(date, year):
    from statlint.checker.audit.store import year_of

    assert year_of(date) == year


@pytest.mark.parametrize("budget, wall, seconds", [(60.0, None, 300.0), (60.0, 7.0, 7.0), (60.0, 0, None),
                                                   (0, None, None), (None, None, None), (0, 9.0, 9.0)])
def test_the_wall_clock_limit_defaults_to_five_cpu_budgets(budget, wall, seconds):
    from statlint.checker.audit.check import Options

    assert Options(time_budget=budget, wall_limit=wall).wall_seconds == seconds


def test_reading_a_document_shares_its_cpu_budget(tmp_path, fake_rules, monkeypatch):
    from statlint.checker.audit import check

    real = check.read_doc

    def slow_reader(doc):  # a reader stuck on a pathological page, as an HTML parser can be
        while doc.name.endswith("slow.txt"):
            pass
        return real(doc)

    monkeypatch.setattr(check, "read_doc", slow_reader)
    for name in ("a.txt", "slow.txt"):
        (tmp_path / name).write_text("FIRE")
    db = str(tmp_path / "a.sqlite")
    audit([str(tmp_path)], db, jobs=1, time_budget=0.3, wall_limit=0)
    rows = _rows(db, "SELECT key, status, substr(error, 1, 43), findings FROM documents ORDER BY pos")
    assert rows == [("a.txt", "ok", None, 1), ("slow.txt", "error", "not fully checked: the check used more than", 0)]


def test_warc_html_responses_go_through_the_html_reader(tmp_path, fake_rules):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body in [("http://n.example/a", b"<html><body><p>Then FIRE.</p><script>FIRE</script></body></html>"),
                          ("http://n.example/b", b"<html><body><nav>FIRE</nav><p>Quiet.</p></body></html>")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    db = str(tmp_path / "a.sqlite")
    audit([str(path)], db, jobs=1)
    assert _rows(db, "SELECT name, status, findings FROM documents ORDER BY pos") == [
        ("http://n.example/a", "ok", 1), ("http://n.example/b", "ok", 0)]  # article text only: no script, no nav
    assert _rows(db, "SELECT start, text FROM findings") == [(20, "FIRE")]  # in the page as captured
