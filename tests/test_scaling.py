"""The whole check runs in time linear in the document (DESIGN.md "Linear in the input"; issue 13).

The pattern-pumping test (tests/test_patterns.py) for code instead of regexes:
the document is checked as it is, and two and four times over (the same
text repeated, and copies with their paragraphs shuffled). The work is
counted, not timed, so the test is deterministic on a loaded machine: the
number of Python line events (sys.settrace) in each of statlint's modules.

Two bounds. The issue's: four copies cost at most 4.5 times one. And a sharp
one per module: linear work is a fixed cost plus the same cost for every copy
added, so the work the third and fourth copies add (per copy) is what the
second added, give or take the seams between shuffled copies (measured:
within 0.5 %). A loop over every figure inside a loop over every figure (the
old S103 compared each quantity with each table row) adds more for every
later copy: its second difference is positive. The fixed cost cancels out, so
a quadratic term is seen even while it is small beside the linear one.

What this cannot see: work done in C inside one Python line (list.index,
`x in some_list`, a slice of the whole text per figure). Those were read for
by hand in checker/ and rules/; the bench (`make bench`, bench/speed.py) fits
the growth exponent of the real time over 1x..16x of Reuters text.

The document is our own fixture text: every rule's cases (fixtures/rules),
the articles (fixtures/articles) and a few suppression directives, so every
rule runs on figures it reads.
"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from statlint import check_text, rules
from statlint.checker.model import Finding, Severity

ROOT = Path(__file__).resolve().parents[1]
COUNTED = (str(ROOT / "checker") + "/", str(ROOT / "rules") + "/")
FACTOR, RATIO = 4, 4.5
# The work a later copy adds may exceed what the second copy added by this fraction (seams between
# shuffled copies) plus SLACK line events; a module doing fewer than FLOOR line events in one copy is not judged.
MARGIN, SLACK, FLOOR = 0.03, 50, 500
# Modules still known to grow faster than linearly, and why; the test fails once one is fixed or gone, so
# the entry is dropped. Keep this empty: an entry is a bug with a name.
KNOWN_SUPERLINEAR: dict[str, str] = {}


def _cases() -> list[str]:
    """Every rule fixture case and fixture article, as separate blocks of text."""
    blocks = []
    for path in sorted((ROOT / "fixtures" / "rules").glob("*.txt")):
        lines: list[str] = []
        for raw in path.read_text(encoding="utf-8").splitlines(keepends=True) + ["#: end\n"]:
            if raw.startswith("#"):
                if "".join(lines).strip():
                    blocks.append("".join(lines).strip("\n"))
                lines = []
            else:
                lines.append(raw)
    blocks += [p.read_text(encoding="utf-8").strip("\n") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    return blocks + DIRECTIVES


# Suppression directives, each over a finding or over none (the engine matches every finding with the
# directives around it).
DIRECTIVES = [
    "statlint: disable G101 -- checked with the board\nRidership rose 30% to 4.48 million from 4 million.",
    "<!-- statlint: off -->\nThe fleet grew 50% to 130 trams from 100 trams.\n<!-- statlint: on -->",
    "statlint: disable P102\nThe fleet grew 50% to 130 trams from 100 trams.",
]


BLOCKS = _cases()
BASE = "\n\n".join(BLOCKS)


def _shuffled(times: int) -> str:
    """`times` copies of the fixture blocks, each copy in its own (seeded) order."""
    rng = random.Random(13)
    copies = []
    for _ in range(times):
        order = BLOCKS[:]
        rng.shuffle(order)
        copies.append("\n\n".join(order))
    return "\n\n".join(copies)


def _work(text: str, counted: tuple[str, ...] = COUNTED) -> Counter:
    """Line events per module (path relative to the repository) while statlint checks `text`."""
    events: Counter = Counter()

    def trace(frame, event, arg):
        filename = frame.f_code.co_filename
        if filename.startswith(counted):
            events[filename] += 1
            return trace
        return None  # not one of ours: no line events from this frame

    sys.settrace(trace)
    try:
        check_text(text)
    finally:
        sys.settrace(None)
    return Counter({str(Path(name).relative_to(ROOT)): n for name, n in events.items()})


def _document(copies: int, variant: str, base: str = BASE) -> str:
    return "\n\n".join([base] * copies) if variant == "repeated" else _shuffled(copies)


def _growth(variant: str, counted: tuple[str, ...] = COUNTED, base: str = BASE) -> dict[int, Counter]:
    """Line events per module for one, two and four copies."""
    return {copies: _work(_document(copies, variant, base), counted) for copies in (1, 2, 4)}


def _superlinear(work: dict[int, Counter], shuffled: bool = False) -> dict[str, str]:
    """Modules whose later copies cost more than the second one did, each with its figures. Shuffled copies
    differ in which blocks stand side by side, so a copy's work may vary a little (a measure word in reach of
    the next block's percentage); there a later copy is compared with the dearer of the first two, which
    still catches work that grows with the copies before it (all pairs: the second copy 3x the first, each
    later one 6x)."""
    slow = {}
    for name in work[4]:
        first, second, later = work[1][name], work[2][name] - work[1][name], (work[4][name] - work[2][name]) / 2
        reference = max(first, second) if shuffled else second
        if first >= FLOOR and later > reference * (1 + MARGIN) + SLACK:
            slow[name] = f"{first} line events for one copy, +{second} for the second, +{later:.0f} for each later one"
    return slow


@pytest.fixture(scope="module", params=["repeated", "shuffled"])
def growth(request):
    """Work at one, two and four copies; one untraced check of the largest document first, so lazy imports,
    caches and compiled patterns are paid before anything is counted."""
    check_text(_document(FACTOR, request.param))
    return request.param, _growth(request.param)


def test_every_module_does_the_same_work_for_every_copy(growth):
    variant, work = growth
    slow = _superlinear(work, shuffled=variant == "shuffled")
    assert {name: why for name, why in slow.items() if name not in KNOWN_SUPERLINEAR} == {}


def test_four_times_the_text_is_at_most_4_5_times_the_work(growth):
    """The issue's bound on the whole check (the known exceptions included)."""
    work = growth[1]
    one, four = sum(work[1].values()), sum(work[FACTOR].values())
    assert four <= RATIO * one, f"{one} -> {four} line events"


def test_known_superlinear_modules_still_are(growth):
    """An entry of KNOWN_SUPERLINEAR that is fixed (or whose module is gone) must be dropped."""
    variant, work = growth
    slow = _superlinear(work, shuffled=variant == "shuffled")
    for name in KNOWN_SUPERLINEAR:
        assert (ROOT / name).is_file(), f"{name} is gone: drop it from KNOWN_SUPERLINEAR"
        assert name in slow, f"{name} now does linear work: drop it from KNOWN_SUPERLINEAR"


def _all_pairs(doc, facts):
    """A check written the way S103 was: every figure against every other."""
    for a in facts.quantities:
        if any(b.value > a.value * 1e9 for b in facts.quantities):
            yield Finding(rule="X999", name="all-pairs", message="", span=a.span, severity=Severity.INFO)


def test_the_count_catches_an_all_pairs_check(monkeypatch):
    """The measure itself can fail: one check that pairs every quantity with every other is caught."""
    from statlint.checker.model import Rule

    monkeypatch.setattr(rules, "CHECKS", rules.CHECKS + (Rule(code="X999", name="all-pairs", severity=Severity.INFO,
                                                              func=_all_pairs, doc=""),))
    base = "\n\n".join(BLOCKS[:60])  # a quarter of the fixtures: the quadratic check is slow to trace
    check_text(_document(FACTOR, "repeated", base))
    slow = _superlinear(_growth("repeated", COUNTED + (__file__,), base))
    assert set(slow) - set(KNOWN_SUPERLINEAR) == {"tests/test_scaling.py"}


def test_figures_share_one_string_per_noun():
    # a long document's figures count a few thousand distinct nouns: each Quantity holding its own copy of
    # the word was 6 MB of a 20 MB file's peak memory
    from statlint import extract_quantities

    text = "".join(f"Some {n} mln tourists came, and {n + 1} TOURISTS left. " for n in range(10, 40))
    nouns = [q.noun for q in extract_quantities(text)]
    assert len(nouns) == 60 and set(nouns) == {"tourists"} and len({id(noun) for noun in nouns}) == 1


def test_shuffled_copies_still_catch_work_that_grows_with_the_copies():
    """The shuffled comparison takes the dearer of the first two copies; quadratic work still stands out."""
    quadratic = {copies: Counter({"rules/x.py": 1000 * copies * copies}) for copies in (1, 2, 4)}
    assert set(_superlinear(quadratic, shuffled=True)) == {"rules/x.py"}
    uneven = {1: Counter({"rules/x.py": 1000}), 2: Counter({"rules/x.py": 1900}), 4: Counter({"rules/x.py": 3900})}
    assert _superlinear(uneven, shuffled=True) == {}  # copies of 1,000, 900, then 1,000 each: their order
    assert set(_superlinear(uneven)) == {"rules/x.py"}  # repeated copies are alike: 1,000 after 900 is growth
