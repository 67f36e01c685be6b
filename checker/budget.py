"""A CPU-time budget per document: a runaway check becomes a TIME001 notice, never "no finding".

Why CPU time: the machine statlint runs on is often shared (CI runners,
newsroom servers); a wall-clock limit would fire on healthy documents while
other jobs hold the core. Why a signal: SIGPROF from setitimer(ITIMER_PROF)
interrupts pure-Python loops and `re`/`regex` matching alike (the engines
check for signals while they match), so one pathological pattern cannot
hold the run.

BudgetExceeded derives from BaseException, like KeyboardInterrupt, so that no
`except Exception` inside a rule can swallow it and turn it into silence.
Signals reach only the main thread: in any other thread (a library caller's
worker) and on platforms without setitimer the block runs unbudgeted.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SECONDS = 60.0  # per document; a 50 MB file (the size limit) checks in about 25 s of CPU here


class BudgetExceeded(BaseException):
    """The block used more CPU time than its budget."""


def available() -> bool:
    """Whether cpu_budget can enforce a budget in the calling thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def cpu_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded inside the block once this process has spent `seconds` of CPU time in it.

    None or 0 means no budget. The previous SIGPROF handler and timer are put back afterwards.
    """
    if not seconds or not available():
        yield
        return

    def on_timer(signum, frame):
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGPROF, on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
