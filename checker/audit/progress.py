"""Progress of an audit on stderr: a bar on a terminal, a log line every few seconds otherwise.

Why not the `check` counter: an audit runs for hours, and its operator
wants the rate (documents/s, MB/s), the findings so far and when it will end.
The ETA comes from the raw bytes of the sources read so far against their
total on disk (compressed bytes for gzip), the one measure known in advance
for any archive. Rates count this run's work only, so a resumed audit that
skips its first half quickly does not promise a fast second half for long.
"""
from __future__ import annotations

import time
from typing import TextIO

_BAR = 24


class AuditProgress:
    def __init__(self, stream: TextIO | None, total_bytes: int, on_terminal: bool, interval: float | None = None):
        self.stream = stream  # None: silent
        self.total = max(total_bytes, 1)
        self.on_terminal = on_terminal
        self.interval = interval if interval is not None else (0.5 if on_terminal else 10.0)
        self.started = self.shown = time.monotonic()
        self.docs = self.nbytes = self.findings = self.errors = self.skipped = 0
        self.position = 0  # raw source bytes read, all sources
        self._first_position: int | None = None

    def add(self, docs: int, nbytes: int, findings: int, errors: int = 0) -> None:
        self.docs += docs
        self.nbytes += nbytes
        self.findings += findings
        self.errors += errors
        self._maybe_show()

    def skip(self, docs: int) -> None:
        """Documents a resumed audit found done already."""
        self.skipped += docs
        self._maybe_show()

    def at(self, position: int) -> None:
        if self._first_position is None:
            self._first_position = position
        self.position = position
        self._maybe_show()

    def note(self, message: str) -> None:
        """A line for the operator (a warning about how the audit runs), on its own line."""
        if self.stream is not None:
            self.stream.write(("\r\x1b[K" if self.on_terminal else "") + message + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self._write(self.line(final=True), final=True)

    def line(self, final: bool = False) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        fraction = min(self.position / self.total, 1.0)
        parts = [f"{self.docs:,} docs", f"{self.docs / elapsed:,.0f} docs/s",
                 f"{self.nbytes / elapsed / 1e6:.2f} MB/s", f"{self.findings:,} findings"]
        if self.errors:
            parts.append(f"{self.errors:,} errors")
        if self.skipped:
            parts.append(f"{self.skipped:,} done before")
        if final:
            parts.append(f"in {_clock(elapsed)}")
        else:
            parts.append(f"ETA {self._eta(elapsed, fraction)}")
        head = f"audit {fraction:4.0%}"
        if self.on_terminal:
            filled = round(fraction * _BAR)
            head += " |" + "█" * filled + "░" * (_BAR - filled) + "|"
        return head + " " + "  ".join(parts)

    def _eta(self, elapsed: float, fraction: float) -> str:
        done = self.position - (self._first_position or 0)
        if done <= 0 or fraction <= 0:
            return "?"
        return _clock(elapsed * (self.total - self.position) / done)

    def _maybe_show(self) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.shown >= self.interval:
            self.shown = now
            self._write(self.line(), final=False)

    def _write(self, line: str, final: bool) -> None:
        if self.on_terminal:
            self.stream.write("\r\x1b[K" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
