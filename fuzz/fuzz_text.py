"""Fuzz harness: any text through the whole check (extractors, every rule).

    python fuzz/fuzz_text.py CORPUS_DIR [SEED_DIR...] [libFuzzer flags]   (make fuzz)

The input bytes are decoded as UTF-8 with replacement, so every byte string
is a text; the assertions are those of fuzz/_invariants.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz._invariants import check_text_all, fuzz  # noqa: E402


def TestOneInput(data: bytes) -> None:
    check_text_all(data.decode("utf-8", "replace"))


if __name__ == "__main__":
    fuzz(TestOneInput)
