"""rules.quantities.groups: which runs of figures are written as one measurement (a list of one unit, a change
"from A to B", a size "60 × 10 × 3 mm3"), and which are not; bench/measeval.py reports each run as one span."""
from __future__ import annotations

import pytest

from statlint import extract_quantities
from statlint.rules.quantities.groups import written_groups


def _groups(text: str) -> list[str]:
    qs = extract_quantities(text)
    return [text[qs[a].span.start:qs[b].span.end] for a, b in written_groups(text, qs)]


@pytest.mark.parametrize("text,expected", [
    # lists of one unit, the unit written each time or once after the last member
    ("Tanks of 4.5 kg, 6 kg and 13 kg were weighed.", ["4.5 kg, 6 kg and 13 kg"]),
    ("Doses were 1, 5, 10, 20 and 50 μg/L in water.", ["1, 5, 10, 20 and 50 μg/L"]),
    ("Pipes of 60 or 63 mm were cut.", ["60 or 63 mm"]),
    ("We compared the 1.5 mm and the 8.5 mm gravels.", ["1.5 mm and the 8.5 mm"]),
    ("Two scenarios (34 and 38 °C) were run.", ["34 and 38 °C"]),
    # a change from one figure to another, and a chain of them
    ("The heat rose from 211 K to 284 K overnight.", ["211 K to 284 K"]),
    ("Levels went from ∼20 to ∼40 ppm.", ["20 to ∼40 ppm"]),
    ("It climbed from 0.1 to 0.4 to 0.9 ppm in a week.", ["0.1 to 0.4 to 0.9 ppm"]),
    ("Yields went from 50% to around 80%.", ["50% to around 80%"]),
    # "respectively" pairs whole changes with their things: each change is still one
    ("Levels went from 1 to 4 ppm and from 2 to 3 ppm in the two tanks, respectively.", ["1 to 4 ppm", "2 to 3 ppm"]),
    # the sides of one size
    ("Bars of 60 × 10 × 3 mm3 were cut.", ["60 × 10 × 3 mm3"]),
    ("A 500 nm × 500 nm window.", ["500 nm × 500 nm"]),
])
def test_runs_written_as_one_measurement(text, expected):
    assert _groups(text) == expected


@pytest.mark.parametrize("text", [
    # "respectively": each member belongs to its own thing
    "Sensitivity and specificity were 80% and 81%, respectively.",
    "It climbed from 0.1 to 0.4 to 0.9 ppm in the three tanks respectively.",
    # several units: several properties
    "The box had a width, depth and weight of 2.5 inches, 6 inches and 9 oz.",
    # "to" without "from": a rise by one figure to another, not one measurement
    "Sales rose 5% to 7% and costs 3%.",
    # other words between the figures
    "Exports were 5 tonnes while imports were 7 tonnes.",
    # one figure alone, or figures of different units
    "It weighs 5 kg and 30 cm long.",
    "A 12 km walk.",
])
def test_figures_not_written_as_one(text):
    assert _groups(text) == []


def test_a_bound_figure_ends_the_run():
    """ "more than 5 kg" is a bound, a quantity of its own kind; the list before it stops there."""
    assert _groups("Catches of 3 kg, 4 kg and more than 5 kg.") == ["3 kg, 4 kg"]


def test_runs_do_not_overlap_and_keep_their_order():
    text = "From 2 to 3 mm, then sizes of 4, 5 and 6 cm, then 7 kg."
    qs = extract_quantities(text)
    groups = written_groups(text, qs)
    assert [text[qs[a].span.start:qs[b].span.end] for a, b in groups] == ["2 to 3 mm", "4, 5 and 6 cm"]
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(groups, groups[1:]))
