"""The data model: fast constructors must behave exactly like the dataclass ones they replace."""
from __future__ import annotations

import dataclasses

import pytest

from statlint.checker.model import Facts, Quantity, Span


def test_fast_init_keeps_dataclass_behaviour():
    span = Span(3, 7)
    assert span == Span(start=3, end=7) and hash(span) == hash(Span(3, 7)) and span < Span(3, 8)
    q = Quantity(span, "5 pct", 5.0, 4.5, 6.0, unit="percent")
    assert (q.unit, q.kind, q.bound, q.year, q.decimals, q.grouping) == ("percent", "level", "=", None, 0, "plain")
    assert q == Quantity(span=span, text="5 pct", value=5.0, low=4.5, high=6.0, unit="percent")
    assert dataclasses.replace(q, kind="share").kind == "share"
    assert Facts().quantities == () and Facts(quantities=(q,)).quantities == (q,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 6.0
    with pytest.raises(TypeError):
        Quantity(span, "5 pct", 5.0)  # low and high have no default
    with pytest.raises(TypeError):
        Span(1, 2, colour="red")
