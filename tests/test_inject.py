"""The error planter: each plant changes exactly the characters it reports, and only where the arithmetic is exposed."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.inject import KINDS, plants  # noqa: E402

ARTICLE = (
    "Net profit rose 23.7 pct to 167.4 mln dlrs from 135.3 mln dlrs.\n"
    "Shipments totalled 4,178,027 units, or 920,000 more than planned.\n"
    "The firm sold 5.22 mln vehicles and raised 13.14 billion yuan.\n"
    "The load factor fell to 51.2 pct from 54.5 pct.\n"
    "Profit doubled to 8.0 mln dlrs from 4.0 mln dlrs.\n"
    "Exports declined 35 pct.\n"
)


def _by_kind():
    return {p["kind"]: p for p in plants("doc", ARTICLE)}


def test_each_plant_changes_only_its_span():
    for p in plants("doc", ARTICLE):
        assert p["kind"] in KINDS and p["family"] == KINDS[p["kind"]]
        planted = p["text"]
        assert planted[p["start"]:p["end"]] == p["planted"]
        assert planted[:p["start"]] == ARTICLE[:p["start"]]
        assert planted[p["end"]:] == ARTICLE[p["start"] + len(p["original"]):]


def test_expected_plants_and_their_wording():
    got = _by_kind()
    assert got["rate-changed"]["original"] == "23.7" and got["rate-changed"]["planted"] == "35.5"
    assert got["rate-decimal-lost"]["planted"] == "237"
    assert got["direction-flipped"]["planted"] == "fell"
    assert got["separator-dropped"]["planted"] == "4178,027"
    assert got["separator-split"]["planted"] == "920, 000"
    assert got["wan-garble"]["planted"] == "522 10,000 vehicles"
    assert got["yi-garble"]["planted"] == "131.4 100 million yuan"
    assert got["percent-for-points"]["planted"] == " 3.3 pct"
    assert got["multiplier-changed"]["planted"] == "quadrupled"
    assert got["decline-past-100"]["planted"] == "135"


def test_inconsistent_originals_are_not_planted():
    text = "Net profit rose 50 pct to 150 mln dlrs from 120 mln dlrs."  # already wrong: 25 %
    assert not [p for p in plants("doc", text) if p["family"] == "G"]
