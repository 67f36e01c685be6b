"""bench/planter2's planter for a change stated as an amount with both levels (G107).

The class, from its definition: a change written as an amount ("down $1.5 billion", "fell 300 tonnes")
with the level before and after it, where the amount is not their difference. Hosts are the corpus
sentences in either phrasing whose own arithmetic holds, read with bench/planter2_reader's reader, not
statlint's: "NEW, up/down AMOUNT from OLD" and "VERB (by) AMOUNT (to NEW from OLD | from OLD to NEW)".
The slip is the amount made one or two and a half times larger or halved, so that no rounding of the
figures gives it.
"""
from __future__ import annotations

import random
from typing import Iterator

import regex

from bench.planter2_rates import UP, DOWN
from bench.planter2_reader import NUM, SCALE, SCALES, decimals, fmt, half_unit, num_value, plant

_UNIT = r"(?:\s(?:dlrs|dollars|yen|marks|francs|stg|pounds|euros|yuan|tonnes|barrels|units|vehicles|cars|ounces|bushels))?"
_VERBS = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in sorted(UP + DOWN, key=len, reverse=True))


def _fig(g: str) -> str:
    return rf"[$£€]?(?P<{g}>{NUM})(?P<{g}s>{SCALE})?{_UNIT}"


FORMS = (
    regex.compile(rf"{_fig('new')}(?:\s+[a-z]+){{0,3}}?,?\s+(?P<dir>up|down)\s+{_fig('amt')}\s+from\s+{_fig('old')}",
                  regex.IGNORECASE),
    regex.compile(rf"\b(?P<dir>{_VERBS})\s+(?:by\s+)?{_fig('amt')}\s+(?:to\s+{_fig('new')}\s+from\s+{_fig('old')}|"
                  rf"from\s+{_fig('old2')}\s+to\s+{_fig('new2')})", regex.IGNORECASE),
)
_UP = set(UP) | {"up"}


def _value(d: dict, g: str, fallback_scale: str | None) -> tuple[float, float] | None:
    num = d.get(g)
    if num is None:
        return None
    scale = d.get(g + "s") or fallback_scale
    return num_value(num, scale), half_unit(num, scale)


def amount_sites(text: str) -> Iterator[dict]:
    """Sites whose amount is the difference of their levels within the rounding of all three."""
    for pat in FORMS:
        for m in pat.finditer(text):
            d = {k: v for k, v in m.groupdict().items() if v is not None}
            if "old2" in d:
                d["old"], d["new"], d["olds"], d["news"] = d["old2"], d["new2"], d.get("old2s"), d.get("new2s")
            scale = d.get("news") or d.get("olds") or d.get("amts")
            new, old, amt = _value(d, "new", scale), _value(d, "old", scale), _value(d, "amt", scale)
            if new is None or old is None or amt is None or amt[0] <= 0:
                continue
            if any(d.get(g) and d[g].strip().lower() not in SCALES for g in ("news", "olds", "amts")):
                continue
            up = " ".join(d["dir"].lower().split()) in _UP
            moved = (new[0] - old[0]) if up else (old[0] - new[0])
            if abs(moved - amt[0]) > new[1] + old[1] + amt[1] or moved <= 0:
                continue
            yield {"m": m, "amt": amt, "moved": moved, "slack": new[1] + old[1] + amt[1]}


def amount_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    for site in amount_sites(text):
        m = site["m"]
        s, e = m.span("amt")
        digits = m.group("amt")
        unit = SCALES.get((m.group("amts") or "").strip().lower(), 1.0) if m.group("amts") else 1.0
        for _ in range(4):
            factor = r.choice((0.5, 1.5, 2.0, 2.5))
            cand = fmt(site["amt"][0] / unit * factor, decimals(digits))
            if cand != digits and abs(float(cand) * unit - site["moved"]) > 3 * site["slack"] + site["amt"][0] * 0.2:
                yield plant("change-amount-wrong", ("G107",), doc, text, s, e, cand,
                            f"levels differ by {site['moved']:g}")
                break
