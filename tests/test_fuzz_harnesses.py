"""The fuzz harnesses (fuzz/) run as plain tests over their seeds, so CI checks them without atheris.

Each harness's TestOneInput is what `make fuzz` calls millions of times; here it
must pass on every fixture we wrote, and on the crash reproducers the fuzzer
has found so far (tests/data/fuzz/, one file per bug, kept after the fix).
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "rules").glob("*.txt")) + sorted((ROOT / "fixtures" / "articles").glob("*"))
REPRODUCERS = sorted((ROOT / "tests" / "data" / "fuzz").glob("*")) if (ROOT / "tests" / "data" / "fuzz").is_dir() else []
HARNESSES = ("text", "numbers", "reader")


@pytest.mark.parametrize("name", HARNESSES)
def test_harness_passes_its_seeds(name):
    harness = importlib.import_module(f"fuzz.fuzz_{name}")
    assert SEEDS
    for path in SEEDS + REPRODUCERS:
        harness.TestOneInput(path.read_bytes())


def test_harness_invariants_can_fail():
    """The invariants are real assertions: a quantity that misquotes its text is caught."""
    from statlint.checker.model import Quantity, Span
    from fuzz._invariants import check_quantities

    bad = Quantity(span=Span(0, 2), text="12", value=12.0, low=11.5, high=12.5, unit="count", kind="level")
    with pytest.raises(AssertionError):
        check_quantities("13 apples", [bad])
    check_quantities("12 apples", [bad])


def test_number_tokens_cover_the_grammar():
    from fuzz.fuzz_numbers import TOKENS, tokens_text

    assert tokens_text(bytes(range(len(TOKENS)))) == "".join(TOKENS)
    assert len(TOKENS) <= 256  # one byte picks one token


def test_p104_one_one_in_five_regression():
    """Found by fuzz_text: "one one in five (35%)" crashed P104 (KeyError 'five'); it is "one in five", 20 %."""
    from statlint import check_text

    findings = check_text("Now one one in five (35%) voters said so.")
    assert [f.rule for f in findings] == ["P104"]


def test_binary_behind_a_utf16_bom_regression():
    """Found by fuzz_reader: b"\\xfe\\xffx\\x01\\0..." decoded to NUL characters; it is binary (IO003)."""
    from statlint.checker.sources import decode_bytes

    text, (notice,) = decode_bytes(b"\xfe\xffx\x01" + b"\0" * 6)
    assert text is None and notice.code == "IO003" and notice.fatal
