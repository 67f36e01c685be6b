"""Fuzz harness: raw bytes through the document reader, then the check.

The reader's contract (checker.sources.decode_bytes): text, or notices saying
why not, never an exception; text that comes back is checked like a file.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from statlint import check_text  # noqa: E402
from statlint.checker.sources import decode_bytes  # noqa: E402
from fuzz._invariants import check_findings, fuzz  # noqa: E402


def TestOneInput(data: bytes) -> None:
    text, notices = decode_bytes(data)
    assert isinstance(notices, tuple) and (text is not None or notices)
    if text is not None:
        assert "\0" not in text[:8192] or notices
        assert all(not n.fatal for n in notices), notices  # a notice beside text never means "not checked"
        check_findings(text, check_text(text))


if __name__ == "__main__":
    fuzz(TestOneInput)
