"""Ctrl-C: exit 130 (never 1, the code for findings), say how far the run got, never leave half a report.

Each test runs statlint in a real subprocess and sends it a real SIGINT. The run cannot finish before the
signal, whatever the load on the machine: its last input is standard input, which the test keeps open, and
(without -o) its report goes to a pipe the test does not drain. The test waits for evidence that checking
has started (a line of the report, or the -o temp file growing), with no timing assumption.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.needs_rules,
              pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")]

ARTICLE = "Sales rose 50% to 150 units from 120 units.\n"  # one G101 per file: a report line per file
FILES = 400  # ~240 KB of JSON Lines: more than a pipe holds, so the run blocks until the test reads
PROGRESS = re.compile(r"statlint: interrupted after checking (\d+) of (\d+) files? found so far; ")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(FILES):
        (folder / f"{i:04d}.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def start(cwd, *args):
    return subprocess.Popen(
        [sys.executable, "-m", "statlint.checker.cli", "check", "--no-config", "--no-progress", *args],
        cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # a shell running the tests in the background may ignore SIGINT; the child must not inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def interrupt(proc) -> tuple[bytes, str]:
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    return out, err.decode("utf-8")


def test_ctrl_c_exits_130_and_says_how_far_it_got(articles, tmp_path):
    proc = start(tmp_path, "--format", "jsonl", "articles", "-")
    first = proc.stdout.readline()  # checking has started: one file's finding is out
    assert first.startswith(b'{"path": "articles/0000.txt"')
    out, err = interrupt(proc)
    assert proc.returncode == 130, err
    assert "Aborted!" not in err and "Traceback" not in err
    match = PROGRESS.search(err)
    assert match, err
    checked, found = int(match.group(1)), int(match.group(2))
    assert 1 <= checked <= found <= FILES + 1
    assert err.endswith("the report above is incomplete\n")


def wait_for_the_temp_report(proc, folder) -> None:
    """Until the -o temp file has pieces of the report on disk: files have been checked."""
    deadline = time.monotonic() + 300  # only a hung run gets near this; no timing is asserted
    while not any(_temp(p) and (folder / p).stat().st_size > 0 for p in os.listdir(folder)):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the report never started"
        time.sleep(0.02)


def _temp(name: str) -> bool:
    """write_atomic's temp file (not the baseline, whose name starts the same)."""
    return name.startswith(".statlint-") and name.endswith(".tmp")


def test_ctrl_c_with_output_file_writes_nothing_and_says_so(articles, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("previous", encoding="utf-8")
    proc = start(tmp_path, "--format", "json", "-o", "report.json", "articles", "-")
    wait_for_the_temp_report(proc, tmp_path)
    _, err = interrupt(proc)  # some files are in the temp report by now: it must still not replace report.json
    assert proc.returncode == 130, err
    assert PROGRESS.search(err), err
    assert err.endswith("; nothing written to report.json (it is written only when a run completes)\n")
    assert report.read_text("utf-8") == "previous"
    assert not [p for p in os.listdir(tmp_path) if _temp(p)]


def test_ctrl_c_while_recording_a_baseline_leaves_the_baseline_alone(articles, tmp_path):
    baseline = tmp_path / ".statlint-baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    proc = start(tmp_path, "--write-baseline", "--format", "json", "-o", "report.json", "articles", "-")
    wait_for_the_temp_report(proc, tmp_path)
    _, err = interrupt(proc)
    assert proc.returncode == 130, err
    assert err.endswith("(it is written only when a run completes); the baseline was not written\n")
    assert baseline.read_text("utf-8") == '{"version": 1, "findings": []}\n'
    assert not (tmp_path / "report.json").exists()
