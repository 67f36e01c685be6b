"""A CPU-time budget per document: a runaway check becomes a TIME001 notice, never "no finding".

Why CPU time: the machine statlint runs on is often shared (CI runners,
newsroom servers); a wall-clock limit would fire on healthy documents while
other jobs hold the core. Why a signal: SIGPROF from setitimer(ITIMER_PROF)
interrupts pure-Python loops and `re`/`regex` matching alike (the engines
check for signals while they match), so one pathological pattern cannot
hold the run.

Why the checking thread's own clock: ITIMER_PROF counts the CPU time of the
whole process, so a busy thread beside the check (a library caller hashing
or parsing with the GIL released) would spend the budget for it and stop a
healthy document (RELIABILITY B.22, §3.3). The process clock is never behind
the thread's, so the timer cannot fire late; when it fires the handler reads
the thread's own clock (handlers run in the main thread, which is the
checking thread) and, if budget is left, sets the timer again for what is left.

BudgetExceeded derives from BaseException, like KeyboardInterrupt, so that no
`except Exception` inside a rule can swallow it and turn it into silence.
Signals reach only the main thread: in any other thread (a library caller's
worker) and on platforms without setitimer the block runs unbudgeted.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SECONDS = 60.0  # per document; a 50 MB file (the size limit) checks in about 25 s of CPU here
_SHORTEST_REARM = 0.001  # setitimer(0) would disarm the timer; a budget this close to spent is spent
_RETRY = 0.01  # CPU seconds before a stop that was swallowed is raised again


class BudgetExceeded(BaseException):
    """The block used more CPU time than its budget."""


def available() -> bool:
    """Whether cpu_budget can enforce a budget in the calling thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def cpu_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded inside the block once the calling thread has spent `seconds` of CPU time in it.

    None or 0 means no budget. CPU time spent by other threads of the process
    does not count. The previous SIGPROF handler and timer are put back afterwards.
    """
    if not seconds or not available():
        yield
        return
    started = time.thread_time()

    def on_timer(signum, frame):
        left = seconds - (time.thread_time() - started)
        if left < _SHORTEST_REARM:
            # Raised while a __del__ or a weakref callback runs (garbage collection can start one anywhere),
            # the exception is printed and dropped: fire again shortly, until one stops the block.
            signal.setitimer(signal.ITIMER_PROF, _RETRY)
            raise BudgetExceeded(seconds)
        signal.setitimer(signal.ITIMER_PROF, left)

    previous = signal.signal(signal.SIGPROF, on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
