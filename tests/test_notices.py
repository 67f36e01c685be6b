"""The notice and exit-code contract (README "Exit codes and notices"; RELIABILITY.md §2.0).

Every problem is a notice with a stable code, in every output format; a fatal
notice means exit 2, whatever the findings and whatever --exit-zero says; a
runaway document is stopped by its CPU budget and reported (TIME001), never
passed as "no finding".
"""
from __future__ import annotations

import json
import time

import pytest
import regex
from statlint.checker import budget
from statlint.checker.document import Document
from statlint.checker.model import Finding, Rule, Severity, Span
from statlint.checker.notices import NAMES, Notice
from statlint.checker.report import FORMATS, FileResult, render
from fake_rules import FAKE_CHECKS, fake_rules  # noqa: F401  (pytest fixture)
from test_bad_input import files as tree, run, run_json  # noqa: F401  (tree: a pytest fixture)

_CATASTROPHIC = regex.compile(r"(a+)+$")  # 0.37 s at 6,000 characters and quadratic (measured)


def _slow(doc, facts):
    """Runs a catastrophic pattern on the word SLOW and spins in Python on SPIN | to test the budget."""
    if "SLOW" in doc.text:
        _CATASTROPHIC.match("a" * 60000 + "!")  # quadratic in `regex` 2026: ~40 s here
    if "SPIN" in doc.text:
        try:  # a rule that swallows every Exception must still not swallow the budget
            while True:
                pass
        except Exception:
            pass
    return iter(())


@pytest.fixture
def slow_rules(monkeypatch, fake_rules):
    from statlint import rules

    monkeypatch.setattr(rules, "CHECKS", (*FAKE_CHECKS, Rule("X904", "fake-slow", Severity.INFO, _slow)))


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
@pytest.mark.parametrize("word", ["SLOW", "SPIN"])
def test_runaway_document_becomes_a_budget_notice(slow_rules, tree, word):
    """RELIABILITY B.21: a budget exceeded is a TIME001 notice and exit 2, and the other files still count."""
    slow, good = tree("slow.txt", word.encode()), tree("good.txt", b"FIRE")
    started = time.process_time()
    result, files = run_json("--time-budget", "0.3", "--exit-zero", slow, good)
    assert time.process_time() - started < 10
    assert result.exit_code == 2
    (n,) = files[slow]["notices"]
    assert (n["code"], n["name"], n["fatal"]) == ("TIME001", "budget-exceeded", True)
    assert "0.3 s of CPU time" in n["message"] and files[slow]["findings"] == []
    assert files[good]["findings"][0]["rule"] == "X901" and files[good]["notices"] == []


def test_budget_zero_means_none_and_the_timer_is_restored(slow_rules, tree):
    import signal

    assert run("--time-budget", "0", tree("a.txt", b"calm")).exit_code == 0
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, signal.SIG_IGN, None)


def test_negative_budget_is_a_usage_error(fake_rules, tree):
    result = run("--time-budget", "-1", tree("a.txt", b"calm"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_internal_error_is_int001(fake_rules, tree):
    result = run("--format", "json", tree("a.txt", b"BOOM"))
    (n,) = json.loads(result.stdout)["files"][0]["notices"]
    assert result.exit_code == 2 and (n["code"], n["fatal"]) == ("INT001", True)
    assert n["message"] == "internal error: RuntimeError: kaboom"


@pytest.mark.parametrize("flags, expected", [
    ((), 2), (("--exit-zero",), 2),  # 2 beats 1, and --exit-zero never hides it
])
def test_two_beats_one_beats_zero(fake_rules, tree, flags, expected):
    assert run(*flags, tree("a.txt", b"FIRE"), "missing.txt").exit_code == expected
    assert run(*flags, tree("b.txt", b"FIRE")).exit_code == (0 if flags else 1)
    assert run(*flags, tree("c.txt", b"calm")).exit_code == 0


def test_lossy_decode_alone_keeps_the_findings_exit_code(fake_rules, tree):
    assert run(tree("a.txt", b"calm \xff")).exit_code == 0
    assert run(tree("b.txt", b"FIRE \xff")).exit_code == 1


_FATAL = Notice("IO001", "cannot read: Permission denied")
_LOSSY = Notice("IO002", "not valid UTF-8 at byte 5 (0xff)", fatal=False, offset=5)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_every_notice(fmt):
    doc = Document("FIRE \ufffd")
    finding = Finding(rule="X901", name="fake-fire", message="fake finding", span=Span(0, 4),
                      severity=Severity.ERROR)
    results = [FileResult("locked.txt", notices=(_FATAL,)),
               FileResult("lossy.txt", document=doc, findings=(finding,), notices=(_LOSSY,))]
    out = render(fmt, results, rules=FAKE_CHECKS)
    for notice in (_FATAL, _LOSSY):
        assert notice.code in out and notice.message in out, fmt


def test_sarif_marks_only_fatal_notices_unsuccessful():
    lossy = json.loads(render("sarif", [FileResult("a.txt", document=Document("x"), notices=(_LOSSY,))]))
    (inv,) = lossy["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is True and inv["toolExecutionNotifications"][0]["level"] == "warning"
    fatal = json.loads(render("sarif", [FileResult("b.txt", notices=(_FATAL,))]))
    (inv,) = fatal["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["descriptor"]["id"] == "IO001"


def test_notice_codes_are_the_documented_ones():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for code, name in NAMES.items():
        assert f"`{code}`" in readme and f"`{name}`" in readme, code
    with pytest.raises(ValueError):
        Notice("IO999", "no such code")


def _spin_thread_cpu(seconds: float) -> None:
    """Busy-loop in Python until this thread has used `seconds` of its own CPU time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def _hash_for_cpu(seconds: float, stop) -> None:
    """Hash with the GIL released (hashlib does for large buffers) until this thread has used `seconds` of CPU
    or `stop` is set."""
    import hashlib

    block = b"x" * (1 << 20)
    until = time.thread_time() + seconds
    while time.thread_time() < until and not stop.is_set():
        hashlib.sha256(block).digest()


@pytest.fixture
def hashing_threads():
    """Two threads hashing beside the test, as a caller's workers might, each until it has used a given CPU
    time of its own: the fixture's `join()` waits for that, so the CPU they spend is a fact of the setup,
    not a matter of how much of the machine they got (issue #12: a test that measured it failed 1 in 8)."""
    import threading

    threads: list = []
    stop = threading.Event()

    def start(seconds_each: float):
        threads.extend(threading.Thread(target=_hash_for_cpu, args=(seconds_each, stop), daemon=True)
                       for _ in range(2))
        for thread in threads:
            thread.start()

    def join():
        for thread in threads:
            thread.join()

    yield start, join
    stop.set()
    join()


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
def test_a_process_timer_that_expires_early_does_not_stop_a_healthy_check():
    """RELIABILITY B.22, deterministically: the process-CPU timer (ITIMER_PROF) expires early when other
    threads use CPU; here it is made to expire at once (SIGPROF raised by hand), and the check, which has
    used almost none of its own 0.5 s, must go on and finish its 0.4 s."""
    import signal

    with budget.cpu_budget(0.5):
        signal.raise_signal(signal.SIGPROF)
        _spin_thread_cpu(0.4)
        signal.raise_signal(signal.SIGPROF)


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
def test_busy_threads_beside_the_check_do_not_spend_its_budget(hashing_threads):
    """The same with real threads: they hash for 0.5 s of CPU each inside the budgeted block (the block waits
    for them), so the process uses at least 1.4 s there, however loaded the machine is; a timer on process CPU
    would stop this healthy 0.4 s check (this kernel counts a good part of the threads' time to it)."""
    start, join = hashing_threads
    process_before = time.process_time()
    with budget.cpu_budget(0.5):
        start(0.5)
        _spin_thread_cpu(0.4)
        join()
    process_spent = time.process_time() - process_before
    assert process_spent >= 1.4, f"setup: the block should have used 1.4 s of process CPU, not {process_spent:.2f} s"


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
def test_a_runaway_is_still_stopped_on_time_beside_busy_threads(hashing_threads):
    start, _ = hashing_threads
    start(5.0)
    started = time.thread_time()
    with pytest.raises(budget.BudgetExceeded):
        with budget.cpu_budget(0.3):
            _spin_thread_cpu(30)
    assert 0.299 <= time.thread_time() - started < 1.0


class _SpinsWhenDeleted:
    """Spends CPU in __del__, where Python prints and drops any exception (as it does in weakref callbacks)."""

    def __del__(self):
        _spin_thread_cpu(0.5)


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_budget_that_runs_out_inside_a_finalizer_still_stops_the_block():
    """Found by `statlint serve`'s tests: the stop, raised while a __del__ ran (garbage collection can run one
    at any point of a check), was swallowed, the timer was not set again, and the block ran on unbudgeted."""
    started = time.thread_time()
    with pytest.raises(budget.BudgetExceeded):
        with budget.cpu_budget(0.3):
            _SpinsWhenDeleted()  # deleted at once: the budget runs out inside its __del__
            _spin_thread_cpu(3)
    assert time.thread_time() - started < 2


@pytest.mark.skipif(not budget.available(), reason="needs setitimer in the main thread")
def test_extract_has_the_same_budget(monkeypatch, tree):
    """`statlint extract --time-budget`: a runaway extractor is a TIME001 notice there too (exit 2)."""
    from statlint import rules
    from click.testing import CliRunner

    from statlint.checker.cli import main

    def spinning(doc, facts):
        _slow(doc, facts)
        return facts

    monkeypatch.setattr(rules, "EXTRACTORS", (spinning,))
    slow, good = tree("slow.txt", b"SPIN"), tree("good.txt", b"calm 12")
    result = CliRunner().invoke(main, ["extract", "--format", "json", "--time-budget", "0.3", slow, good])
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert result.exit_code == 2 and files[slow]["notices"][0]["code"] == "TIME001"
    assert files[good]["notices"] == [] and files[good]["error"] is None
