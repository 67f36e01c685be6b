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
    assert got["zero-width-in-figure"]["planted"] == "4\u200b,178,027"
    assert got["wan-garble"]["planted"] == "522 10,000 vehicles"
    assert got["yi-garble"]["planted"] == "131.4 100 million yuan"
    assert got["percent-for-points"]["planted"] == " 3.3 pct"
    assert got["multiplier-changed"]["planted"] == "quadrupled"
    assert got["decline-past-100"]["planted"] == "135"


def test_inconsistent_originals_are_not_planted():
    text = "Net profit rose 50 pct to 150 mln dlrs from 120 mln dlrs."  # already wrong: 25 %
    assert not [p for p in plants("doc", text) if p["family"] == "G"]


SUMS = (
    "Arrivals this week total 310,000 tonnes, of which 120,000 are grain and 190,000 are feed.\n"
    "The board has 12 members, including three bankers and five lawyers.\n"
    "Acme reported net income of 3.2 mln dlrs on sales of 41.5 mln dlrs.\n"
    "The second and third quarter results included gains of 1.5 mln dlrs and 2.1 mln dlrs, respectively.\n"
    "The plant cost 40 mln euros (52 mln dollars) to build.\n"
    "The storm passed 120 km (75 miles) north of the port.\n"
)


def test_sum_and_conversion_plants():
    got = {}
    for p in plants("doc", SUMS):
        got.setdefault(p["kind"], p)
        assert p["text"][p["start"]:p["end"]] == p["planted"]
        assert p["text"][:p["start"]] == SUMS[:p["start"]]
        assert p["family"] == KINDS[p["kind"]]
    assert got["part-digit-added"]["original"] == "120,000" and got["part-digit-added"]["planted"] == "1,200,000"
    assert got["profit-above-revenue"]["planted"] == " billion"
    assert got["respectively-dropped"]["original"] == "1.5 mln dlrs and 2.1 mln"
    assert got["respectively-dropped"]["planted"] == "2.1 mln"
    assert got["conversion-scale"]["planted"] == " billion"
    assert got["unit-conversion-zero"]["planted"] == "750"
    parts = [p for p in plants("doc", SUMS) if p["kind"] == "part-digit-added"]
    assert [p["planted"] for p in parts] == ["1,200,000"]  # one per kind per article
    assert [p["planted"] for p in __import__("bench.inject", fromlist=["x"]).parts_plants("d", SUMS)] == ["1,200,000", "30"]


def test_sum_and_conversion_sites_that_do_not_hold_are_not_planted():
    text = ("Arrivals total 310,000 tonnes, of which 220,000 are grain and 190,000 are feed.\n"  # parts exceed total already
            "Acme reported net income of 53.2 mln dlrs on sales of 41.5 mln dlrs.\n"  # profit above sales already
            "Gains were 1.5 mln dlrs and 2.1 mln dlrs in 2021, 2022 and 2023, respectively.\n"  # 2 figures, 3 labels
            "The plant cost 40 mln euros (52 mln roubles) to build.\n"  # a currency with no stable rate
            "The storm passed 120 km (95 miles) north of the port.\n")  # not a conversion within 10 %
    kinds = {p["kind"] for p in plants("doc", text)}
    assert not kinds & {"part-digit-added", "profit-above-revenue", "respectively-dropped", "conversion-scale",
                        "unit-conversion-zero"}


def test_earnings_table_rows_are_their_own_kind():
    text = "Net profit 628,000 vs loss 491,000 Sales 50.7 mln vs 44.1 mln\n"
    got = [p for p in plants("doc", text) if p["family"] == "S"]
    assert [p["kind"] for p in got] == ["profit-above-revenue-table"] and got[0]["planted"] == "628,000,000"


HEADLINES = (
    "ACME CORP 1ST QTR NET PROFIT 5.1 MLN DLRS\n"
    "    Acme Corp said its first quarter net profit was 5.1 mln dlrs,\n"
    "up from 4.0 mln dlrs a year earlier.\n"
)


def test_headline_plant_changes_the_headline_figure():
    from bench.inject import headline_plants

    got = list(headline_plants("doc", HEADLINES))
    assert [(p["kind"], p["original"], p["planted"]) for p in got] == [("headline-restated", "5.1", "7.6")]
    p = got[0]
    assert p["family"] == KINDS["headline-restated"] == "C"
    assert p["text"][p["start"]:p["end"]] == "7.6" and p["text"].startswith("ACME CORP 1ST QTR NET PROFIT 7.6 MLN")
    assert p["text"][p["end"]:] == HEADLINES[p["start"] + len(p["original"]):]


def test_headline_plant_needs_a_headline_and_an_agreeing_restatement():
    from bench.inject import headline_plants

    body = HEADLINES.split("\n", 1)[1]
    assert not list(headline_plants("doc", body))  # no headline line
    assert not list(headline_plants("doc", HEADLINES.replace("was 5.1 mln", "was 4.9 mln")))  # already different
    assert not list(headline_plants("doc", "ACME SEEKS UP TO 5.1 MLN DLRS\n    Acme said it seeks up to 5.1 mln dlrs.\n"))
    assert not list(headline_plants("doc", "ACME BIDS 10 TO 13 PCT\n    Acme said it bid 13 pct, sources said.\n"))
    web = "Widget exports rise 7% in March\n\nExports of widgets rose 7% in March, the ministry said.\n"
    assert [p["planted"] for p in headline_plants("doc", web)] == ["10"]
