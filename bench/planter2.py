"""A second planter, written from each error class's definition rather than from bench/inject.py.

Why: recall measured only on the errors our own planter makes measures the planter as much as the
checker. bench/inject.py plants each slip in one phrasing (", 000" only; the first comma dropped;
"X.YZ million <noun>" garbles; verbs before "to ... from"; the bracketed figure of a conversion
swapped...). Here each class starts from its definition ("any digit group split by a space after a
thousands comma", "a share of any population above 100 %") and deliberately plants the forms the
first planter does not: other groups, other nouns, other word orders, nouns and comparatives,
parentheses and dashes, wire abbreviations.

Each class plants into real articles of the shared corpus where a host sentence with the right shape
exists: the host's own arithmetic must hold (checked with this module's own small reader, never
statlint's), then one slip is made. Where the corpus has too few hosts, a synthetic sentence of the
same class is planted instead and marked `host: "synthetic"` (bench/planter2_synth.py); synthetic
plants are counted apart in every table.

A plant is a dict: class, rules (the codes expected to catch it), host ("corpus" or "synthetic"),
doc, text (planted), start/end (the changed characters in the planted text), original, planted,
source (the unplanted text, for synthetic plants only: corpus originals are looked up by doc id).
Everything is deterministic: the random choices come from one `random.Random` seeded per article
and class. The planters live in bench/planter2_rates.py (G, P), bench/planter2_figures.py (Q, U)
bench/planter2_sums.py (S, C) and bench/planter2_amounts.py (G107); their reader in bench/planter2_reader.py.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Callable, Iterator

from bench.planter2_amounts import amount_plants
from bench.planter2_figures import (
    broken_figure_plants, conversion_scale_plants, drop_separator_plants, glued_year_plants, invisible_plants,
    split_group_plants, unit_conversion_plants, wan_plants, yi_plants,
)
from bench.planter2_rates import (
    decimal_lost_plants, decline_plants, direction_plants, growth_paren_plants, growth_rate_plants, implausible_plants,
    multiplier_plants, points_plants, population_share_plants,
)
from bench.planter2_reader import plant
from bench.planter2_sums import parts_plants, respectively_label_plants, restated_body_plants

SEED = 20261203
__all__ = ["CLASSES", "ErrorClass", "SEED", "corpus_plants", "plant", "planted_set", "rng_for"]


@dataclass(frozen=True)
class ErrorClass:
    """One class of slip: its name, the rules whose findings count as catching it, its definition,
    the analogous kind of bench/inject.py (for the side-by-side table) and its corpus planter."""

    name: str
    rules: tuple[str, ...]
    definition: str
    old_kind: str | None = None
    corpus: Callable[[str, str, random.Random], Iterator[dict]] | None = None



def rng_for(doc: str, cls: str) -> random.Random:
    """One generator per article and class: a plant does not depend on which other classes ran."""
    return random.Random(int(hashlib.sha1(f"{SEED}:{doc}:{cls}".encode()).hexdigest()[:12], 16))



CLASSES: tuple[ErrorClass, ...] = (
    ErrorClass("growth-verb", ("G101",), "a rate that does not fit the figures, after a verb, in either order of figures", "rate-changed", growth_rate_plants),
    ErrorClass("growth-up-from", ("G101",), "\"NEW, up X% from OLD\" with a rate the figures exclude", "rate-changed", growth_rate_plants),
    ErrorClass("growth-noun", ("G101",), "\"an increase of X%\" after the figures, with a rate they exclude", "rate-changed", growth_rate_plants),
    ErrorClass("growth-comparative", ("G101",), "\"a quarter higher than\", \"X% more than\" with both figures given", "rate-changed"),
    ErrorClass("growth-paren-dash", ("G101",), "\"NEW (up X% from OLD)\" or between dashes, rate wrong", "rate-changed", growth_paren_plants),
    ErrorClass("growth-wire-abbrev", ("G101",), "wire style: pct, mln, bln, dlrs, yr/yr; rate wrong", "rate-changed", growth_rate_plants),
    ErrorClass("decimal-lost-percent", ("G101", "P101"), "a growth rate's decimal point lost, any phrasing", "rate-decimal-lost", decimal_lost_plants),
    ErrorClass("direction-flipped-any", ("G102",), "the direction word (verb, up/down, noun) against the figures", "direction-flipped", direction_plants),
    ErrorClass("percent-for-points-noun", ("G103",), "a change between percentages in percent where it is points, as a noun phrase", "percent-for-points", points_plants),
    ErrorClass("multiplier-wrong", ("G104",), "a multiplier word (tripled, N-fold) the figures exclude", "multiplier-changed", multiplier_plants),
    ErrorClass("times-restated", ("G104", "C101"), "a rate restated as \"N times\" (a 4,900% rise is 50 times)", None),
    ErrorClass("change-amount-wrong", ("G107",), "a change as an amount with both levels, the amount not their difference", None, amount_plants),
    ErrorClass("cagr-wrong", ("G105",), "an average annual rate that does not fit its endpoints and years", None),
    ErrorClass("series-rate-wrong", ("G106",), "a year-on-year rate against last year's figure in another sentence", None),
    ErrorClass("decline-past-100-any", ("P101",), "a fall of more than 100 % in a non-negative measure, verb or noun", "decline-past-100", decline_plants),
    ErrorClass("share-of-population-over-100", ("P102",), "a share of any population above 100 %", None, population_share_plants),
    ErrorClass("shares-sum-over-100", ("P103",), "shares of one whole (a list, respectively, a poll) adding past 100 %", None),
    ErrorClass("verbal-proportion-wrong", ("P104",), "\"nearly half\", \"most\", \"a third\" beside a number that contradicts it", None),
    ErrorClass("bounded-rate-point-lost", ("P105",), "a bounded rate's level (unemployment, turnout) with its point lost", None, implausible_plants),
    ErrorClass("thousands-space-split", ("Q101",), "any digit group split by a space after a thousands comma", "separator-split", split_group_plants),
    ErrorClass("separator-dropped-later", ("Q101",), "a later thousands separator dropped", "separator-dropped", drop_separator_plants),
    ErrorClass("figure-broken", ("Q101",), "a figure broken by a space, a line break or a stray point", None, broken_figure_plants),
    ErrorClass("wan-garble-space", ("Q102",), "万 read as \"10,000\" after a space, any million figure", "wan-garble", wan_plants),
    ErrorClass("yi-garble-any", ("Q102",), "亿 read as \"100 million\" or \"100,000,000\"", "yi-garble", yi_plants),
    ErrorClass("glued-year-any", ("Q103",), "a year run into the number after it", "glued-year", glued_year_plants),
    ErrorClass("invisible-in-figure", ("Q104",), "any invisible character anywhere inside any figure", "zero-width-in-figure", invisible_plants),
    ErrorClass("unit-conversion-wrong-way", ("U101",), "a unit conversion converted the wrong way", "unit-conversion-zero", unit_conversion_plants),
    ErrorClass("conversion-hyphenated", ("U101",), "a conversion with hyphenated units (\"12-foot-high (40-metre-high)\")", "unit-conversion-zero", unit_conversion_plants),
    ErrorClass("conversion-million-billion", ("U102",), "million/billion swapped on either side of a currency conversion", "conversion-scale", conversion_scale_plants),
    ErrorClass("magnitude-jump-any", ("U103",), "a series figure a hundred times out of line (scale word lost)", None),
    ErrorClass("parts-including", ("S101",), "parts after \"including\" exceeding the total", "part-digit-added", parts_plants),
    ErrorClass("parts-of-which", ("S101",), "parts after \"of which\" exceeding the total", "part-digit-added", parts_plants),
    ErrorClass("parts-colon-list", ("S101",), "a colon list of exhaustive parts not summing to the total", None),
    ErrorClass("parts-a-total-of", ("S101",), "\"a total of N\" with parts that do not sum to it", None),
    ErrorClass("parts-combined-in-all", ("S101",), "\"a combined N\" / \"in all, N\" not the sum of the parts before", None),
    ErrorClass("respectively-label-dropped", ("S102",), "a respectively-list with a label dropped", "respectively-dropped", respectively_label_plants),
    ErrorClass("part-exceeds-whole-any", ("S103",), "\"X of the Y <group>\" with X above Y", "profit-above-revenue"),
    ErrorClass("restated-body-changed", ("C101",), "a headline figure restated in the body with another value", "headline-restated", restated_body_plants),
    ErrorClass("restated-same-paragraph", ("C101",), "one measure for one period given twice in a paragraph", None),
    ErrorClass("per-day-restatement", ("C101",), "a yearly total restated per day or per month, wrongly", None),
    ErrorClass("difference-stated-wrong", ("S104",), "a gap, lead or difference beside its two figures, worked out wrong", None),
    ErrorClass("per-unit-scale", ("C102",), "a total restated per unit of a count (per job, per pupil), a thousand out", None),
    ErrorClass("share-of-whole-wrong", ("S105",), "a part with its percentage of a stated whole, the percentage wrong", None),
)
BY_NAME = {c.name: c for c in CLASSES}


def corpus_plants(doc: str, text: str, per_class: int = 1) -> Iterator[dict]:
    """At most `per_class` plants of each class in one article, each planter run once per article."""
    seen = set()
    for c in CLASSES:
        if c.corpus is None or c.corpus in seen:
            continue
        seen.add(c.corpus)
        counts: dict[str, int] = {}
        for p in c.corpus(doc, text, rng_for(doc, c.corpus.__name__)):
            if counts.get(p["class"], 0) < per_class:
                counts[p["class"]] = counts.get(p["class"], 0) + 1
                yield p


MIN_CORPUS = 30  # fewer corpus plants than this: synthetic ones are added, up to this many in all


def planted_set(per_class: int = 100, min_corpus: int = MIN_CORPUS) -> list[dict]:
    """Deterministic: corpus file order, at most one plant of a class per article, capped per class; then
    synthetic plants for classes with fewer than `min_corpus` corpus hosts."""
    from bench import corpus
    from bench.planter2_synth import GENERATORS

    out: list[dict] = []
    taken: dict[str, int] = {}
    for label, rec in corpus.news():
        for p in corpus_plants(rec["id"], corpus.article(rec)):
            if taken.get(p["class"], 0) < per_class:
                taken[p["class"]] = taken.get(p["class"], 0) + 1
                p["corpus"] = label
                out.append(p)
    for c in CLASSES:
        gen = GENERATORS.get(c.name)
        have = taken.get(c.name, 0)
        if gen is None or have >= min_corpus:
            continue
        for i in range(min_corpus - have):
            text, s, e, replacement, note = gen(rng_for(f"synthetic-{i}", c.name))
            p = plant(c.name, c.rules, f"synthetic-{c.name}-{i}", text, s, e, replacement, note, host="synthetic")
            p["corpus"] = "synthetic"
            out.append(p)
    return out
