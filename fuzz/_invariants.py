"""What every fuzz harness asserts about a result, beyond "no exception", and how a harness runs.

Kept apart from the harnesses so the plain pytest run over the seed corpus
(tests/test_fuzz_harnesses.py) checks exactly what the fuzzer checks.
"""
from __future__ import annotations

import math
import sys


def check_findings(text: str, findings) -> None:
    """Spans inside the text, each finding's related spans too, in report order."""
    for f in findings:
        assert 0 <= f.span.start < f.span.end <= len(text), (f.rule, f.span, len(text))
        for r in f.related:
            assert 0 <= r.span.start <= r.span.end <= len(text), (f.rule, r)
        assert 0.0 <= f.confidence <= 1.0, f
    assert [f.sort_key() for f in findings] == sorted(f.sort_key() for f in findings)


def check_quantities(text: str, quantities) -> None:
    """Each quantity quotes the text it points at; its interval holds its value and is never NaN."""
    for q in quantities:
        assert 0 <= q.span.start < q.span.end <= len(text), q
        assert text[q.span.start:q.span.end] == q.text, (q.text, text[q.span.start:q.span.end])
        assert not any(math.isnan(x) for x in (q.value, q.low, q.high)), q
        assert math.isfinite(q.value), q
        assert q.low <= q.high, q


def check_text_all(text: str) -> None:
    """The quantities and the findings of the whole check on `text`, each against its invariants."""
    from statlint import check_text, extract_quantities

    check_quantities(text, extract_quantities(text))
    check_findings(text, check_text(text))


def fuzz(test_one_input) -> None:
    """Run a harness under atheris (imported here: the harnesses also run as plain tests without it)."""
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
