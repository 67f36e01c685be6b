"""bench/planter2.py: plants only where the host holds, changes only its span, and is deterministic."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import planter2  # noqa: E402
from bench.planter2_synth import GENERATORS  # noqa: E402


def _all(text: str, doc: str = "d1") -> list[dict]:
    return list(planter2.corpus_plants(doc, text, per_class=5))


def _only_span_changed(p: dict, source: str) -> None:
    assert p["text"][:p["start"]] == source[:p["start"]]
    assert p["text"][p["end"]:] == source[p["start"] + len(p["original"]):]
    assert p["text"][p["start"]:p["end"]] == p["planted"] != p["original"]


def test_every_class_has_a_host_and_expected_rules():
    from statlint.rules import CHECKS

    codes = {r.code for r in CHECKS}
    for c in planter2.CLASSES:
        assert c.corpus is not None or GENERATORS.get(c.name) is not None, c.name
        assert c.rules and set(c.rules) <= codes, c.name
    assert {c.rules[0] for c in planter2.CLASSES} == codes  # every rule is planted for


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_synthetic_plants_change_only_their_span(name):
    import random

    for seed in range(5):
        text, s, e, replacement, _ = GENERATORS[name](random.Random(seed))
        p = planter2.plant(name, ("G101",), "syn", text, s, e, replacement, host="synthetic")
        assert p["source"] == text and p["host"] == "synthetic"
        _only_span_changed(p, text)


def test_synthetic_comparative_hosts_hold_before_the_slip():
    """Regression: a fall's figures were swapped to write "25% higher than", which is 33.3% higher."""
    import random
    import re

    words = {"a quarter": 25.0, "half": 50.0, "a fifth": 20.0, "a tenth": 10.0}
    for seed in range(60):
        text, s, e, _, _ = GENERATORS["growth-comparative"](random.Random(seed))
        new, old = (float(x.replace(",", "")) for x in re.findall(r"([\d,.]+) million", text))
        rate = words.get(text[s:e]) or float(text[s:e].replace(",", ""))
        assert abs(new / old - (1 + rate / 100)) < 0.002, text


def test_growth_forms_plant_only_where_the_rate_fits():
    good = "Sales rose 25 pct to 150 mln dlrs from 120 mln dlrs. Exports were 90 mln, down 10 pct from 100 mln."
    plants = _all(good)
    rates = [p for p in plants if p["class"] == "growth-wire-abbrev"]
    assert [p["original"] for p in rates] == ["25", "10"]
    for p in plants:
        _only_span_changed(p, p.get("source") or good)  # the paren/dash form rewrites its host first
    [paren] = [p for p in plants if p["class"] == "growth-paren-dash"]
    assert paren["source"].count("down 10 pct from 100 mln") == 1 and "90 mln, down" not in paren["source"]
    flipped = [p for p in plants if p["class"] == "direction-flipped-any"]
    assert [(p["original"], p["planted"]) for p in flipped] == [("rose", "fell"), ("down", "up")]
    bad = "Sales rose 40 pct to 150 mln dlrs from 120 mln dlrs."
    assert not [p for p in _all(bad) if p["rules"][0] in ("G101", "G102")]


def test_thousands_split_uses_any_comma_and_later_separators_drop():
    text = "The census counted 4,178,027 people and 12,345 farms."
    plants = _all(text)
    split = [p["planted"] for p in plants if p["class"] == "thousands-space-split"]
    assert split and all(", " in s and s.replace(", ", ",") in ("4,178,027", "12,345") for s in split)
    assert [p["planted"] for p in plants if p["class"] == "separator-dropped-later"] == ["4,178027"]


def test_population_share_and_garbles():
    text = "Some 13% of the company's employees took part. Output was 19 million tonnes worth 2.5 billion yuan."
    plants = {p["class"]: p for p in _all(text)}
    assert plants["share-of-population-over-100"]["planted"] == "130"
    assert plants["wan-garble-space"]["planted"].startswith("1900 ")
    assert plants["yi-garble-any"]["planted"].startswith("25 ")


def test_hyphenated_conversion_is_converted_the_wrong_way():
    text = "They built a 12-foot-high (3.7-metre-high) wall."
    [p] = [p for p in _all(text) if p["class"] == "conversion-hyphenated"]
    assert (p["original"], p["planted"]) == ("3.7", "39")


def test_deterministic():
    text = "The census counted 4,178,027 people, 12,345 farms and 3,456,789 sheep; sales rose 25 pct to 150 from 120."
    assert _all(text) == _all(text)
    assert len(_all(text, "other")) == len(_all(text))


def test_wire_sites_are_also_planted_spelled_out():
    text = "Sales rose 25 pct to 150 mln dlrs from 120 mln dlrs."
    [verb] = [p for p in _all(text) if p["class"] == "growth-verb"]
    assert verb["source"] == "Sales rose 25 percent to 150 million dollars from 120 million dollars."
    assert verb["original"] == "25"
    _only_span_changed(verb, verb["source"])


def test_comparatives_are_growth_sites():
    text = "Turnover was 83.4 billion stg, 165 pct higher than the 31.5 billion of a year before."
    plants = {p["class"]: p for p in _all(text)}
    assert plants["growth-wire-abbrev"]["original"] == "165"
    assert plants["growth-comparative"]["source"].startswith("Turnover was 83.4 billion sterling, 165 percent higher")
    assert (plants["direction-flipped-any"]["original"], plants["direction-flipped-any"]["planted"]) == ("higher", "lower")


def test_bounded_rate_plants_only_expose_figures_out_of_bounds():
    """A point lost makes a slip of the class only past the measure's bound: "4.5%" -> "45%" unemployment is
    possible (the corpus planter skips it too), so the synthetic planter must not plant it."""
    import random

    from bench.planter2_synth import BOUNDED

    bound_of = {form: bound for bound, forms in BOUNDED for form in forms}
    for seed in range(200):
        text, s, e, replacement, _ = GENERATORS["bounded-rate-point-lost"](random.Random(seed))
        bound = next(b for form, b in bound_of.items() if text.startswith(form))
        assert float(text[s:e].rstrip("%")) <= bound < float(replacement.rstrip("%"))


def test_restated_body_plants_skip_ranges_and_bounds():
    """ "OVER 10 MLN TONNES" restated as "over 14 mln tonnes" still holds (over 14 is over 10), and so do the ends of
    ranges ("10 TO 13 PCT" / "between 10 and 8 pct"): such mentions are no hosts; a plain restatement is."""
    import random

    from bench.planter2_sums import restated_body_plants

    def planted(text):
        return [(p["original"], p["planted"]) for p in restated_body_plants("d", text, random.Random(1))]

    assert planted("WHEAT SALES OVER 10 MLN TONNES\nSales are now over 10 mln tonnes, the board said.\n") == []
    assert planted("BANK TO BUY BACK UP TO 10 PCT\nThe bank may buy back up to 10 pct of its shares.\n") == []
    assert planted("PROFIT TO RISE 10 TO 13 PCT\nProfit should rise between 10 and 13 pct this year.\n") == []
    [(original, new)] = planted("NYFE SEAT SELLS FOR 200 DLRS\nA seat sold for 200 dlrs on Monday.\n")
    assert original == "200" and new != "200"
