"""Plant one statistical error per copy of a real article, and say exactly where.

Why: recall can only be measured on errors whose place is known, and errors
invented in made-up sentences measure the inventor, not the checker. Here
each kind of slip is planted into a real sentence of the shared corpus, and
only where the text itself exposes it: the original sentence must be
internally consistent and the planted one must not be, by arithmetic checked
here, with this module's own small number reader (never statlint's, so
that what statlint cannot read still counts as a miss).

A plant is a dict: kind, family (the DESIGN.md rule family expected to catch
it), doc id, the planted text, the span of the changed characters, and the
original and planted wording.
"""
from __future__ import annotations

from typing import Callable, Iterator

import regex

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:\s?(?:mln|million|billion|bln|bn))"
PCT = r"(?:\s?(?:pct|%|percent|per\s+cent))"
UP_WORDS = {"rose": "fell", "increased": "decreased", "gained": "lost", "climbed": "fell", "jumped": "fell",
            "grew": "fell", "was up": "was down", "were up": "were down"}
DOWN_WORDS = {"fell": "rose", "decreased": "increased", "dropped": "rose", "declined": "rose", "slipped": "rose",
              "was down": "was up", "were down": "were up"}
_VERB = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in sorted({**UP_WORDS, **DOWN_WORDS}, key=len, reverse=True))

GROWTH_SITE = regex.compile(
    rf"\b(?P<verb>{_VERB})\s+(?:by\s+)?(?P<rate>{NUM})(?P<pct>{PCT})\s+to\s+(?P<new>{NUM})(?P<nscale>{SCALE})?"
    rf"(?:\s+[a-z]+){{0,2}}?\s+from\s+(?P<old>{NUM})(?P<oscale>{SCALE})?(?![\d,.]*\d)",
    regex.IGNORECASE)
# "fell to 55.9 pct from 57.5 pct": a rate in percent that equals the difference in points is planted after the verb.
POINTS_SITE = regex.compile(
    rf"\b(?P<verb>{_VERB})(?P<gap>\s+)to\s+(?P<new>{NUM}){PCT}\s+from\s+(?P<old>{NUM}){PCT}", regex.IGNORECASE)
DOUBLED_SITE = regex.compile(rf"\b(?P<verb>doubled)\s+(?:in\s+[a-z]+\s+)?to\s+(?P<new>{NUM})(?P<nscale>{SCALE})?"
                             rf"(?:\s+[a-z]+){{0,3}}?\s+from\s+(?P<old>{NUM})(?P<oscale>{SCALE})?", regex.IGNORECASE)
DECLINE_SITE = regex.compile(rf"\b(?:fell|dropped|declined|decreased|plunged|slumped)\s+(?:by\s+)?(?P<rate>\d{{1,2}}(?:\.\d+)?){PCT}",
                             regex.IGNORECASE)
# A dropped separator is only visible with two or more groups: "4178,027" exposes it, "1234" does not.
GROUPED = regex.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:,\d{3}){2,3})(?![\d,]|\.\d)")
SPLITTABLE = regex.compile(r"(?<![\d,.\-–])(?P<num>\d{1,3}(?:,\d{3}){1,3})(?![\d,]|\.\d)")
MILLION_COUNT = regex.compile(r"(?<![\d,.$£€])(?P<num>\d{1,2}\.\d{1,2})\s(?:million|mln)\s"
                           r"(?!(?:for|from|and|the|in|of|to|vs|with|or|at|on|by|last|this|a)\b)(?P<noun>[a-z]{3,})\b")
BILLION_MONEY = regex.compile(r"(?<![\d,.$£€])(?P<num>\d{1,3}(?:\.\d{1,2})?)\s(?:billion|bln)\s(?P<cur>yuan|dlrs|dollars|yen|euros)\b")
YEAR_NUMBER = regex.compile(r"\bin\s(?P<year>(?:19|20)\d\d),?\s(?P<num>\d{1,3}(?:,\d{3})+)(?![\d,])")
CONVERSION = regex.compile(rf"(?P<a>{NUM})\s(?P<ascale>mln|million|billion|bln)\s[a-z]+\s\((?P<b>{NUM})\s(?P<bscale>mln|million|billion|bln)\s(?:dlrs|dollars)\)")
RESPECTIVELY = regex.compile(
    rf"(?P<a>{NUM}{PCT}?{SCALE}?)(?P<sep>,\s+|\s+and\s+)(?P<rest>(?:{NUM}{PCT}?{SCALE}?,\s+)*(?:and\s+)?{NUM}{PCT}?{SCALE}?)"
    rf"(?P<mid>[^.;]{{0,100}}?)\brespectively\b")
# A figure with its scale and unit word, to find the same figure stated twice in one article.
RESTATED = regex.compile(rf"(?<![\d,.])(?P<num>{NUM})(?P<tail>\s(?:mln|million|billion|bln)\s(?:dlrs|dollars|yuan|stg|tonnes|shares))\b")


def value(num: str, scale: str | None = None) -> float:
    v = float(num.replace(",", ""))
    s = (scale or "").strip().lower()
    return v * (1e9 if s in ("billion", "bln", "bn") else 1e6 if s in ("mln", "million") else 1.0)


def decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def _rate_true(m) -> float | None:
    """The percent change the figures give, signed for the verb's direction; None if not comparable."""
    if (m.group("nscale") or "").strip() and (m.group("oscale") or "").strip() and \
            value("1", m.group("nscale")) != value("1", m.group("oscale")):
        return None
    scale = m.group("nscale") or m.group("oscale")
    new, old = value(m.group("new"), scale), value(m.group("old"), m.group("oscale") or scale)
    if old <= 0:
        return None
    change = (new / old - 1) * 100
    up = m.group("verb").lower().split()[-1] in ("rose", "increased", "gained", "climbed", "jumped", "grew", "up")
    return change if up else -change


def _consistent(rate: float, true: float, dec: int) -> bool:
    return abs(rate - true) <= 0.5 * 10 ** -dec + 0.05


def _fmt(x: float, dec: int) -> str:
    return f"{x:.{dec}f}"


def _plant(kind: str, family: str, doc: str, text: str, start: int, end: int, replacement: str, note: str = "") -> dict:
    planted = text[:start] + replacement + text[end:]
    return {"kind": kind, "family": family, "doc": doc, "text": planted, "start": start,
            "end": start + len(replacement), "original": text[start:end], "planted": replacement, "note": note}


def growth_plants(doc: str, text: str) -> Iterator[dict]:
    for m in GROWTH_SITE.finditer(text):
        true = _rate_true(m)
        rate, dec = float(m.group("rate").replace(",", "")), decimals(m.group("rate"))
        if true is None or not _consistent(rate, true, dec) or rate <= 0:
            continue  # only sentences whose own arithmetic holds
        s, e = m.span("rate")
        changed = rate + max(5.0, rate * 0.5)
        yield _plant("rate-changed", "G", doc, text, s, e, _fmt(changed, dec), f"figures give {true:.2f}")
        if dec:
            lost = m.group("rate").replace(".", "")
            if abs(float(lost) - true) > 2:
                yield _plant("rate-decimal-lost", "G", doc, text, s, e, lost, f"figures give {true:.2f}")
        if abs(true) >= 1.0:
            verb = m.group("verb")
            key = " ".join(verb.lower().split())
            flipped = UP_WORDS.get(key) or DOWN_WORDS.get(key)
            vs, ve = m.span("verb")
            yield _plant("direction-flipped", "G", doc, text, vs, ve, flipped, f"figures give {true:.2f}")


def points_plants(doc: str, text: str) -> Iterator[dict]:
    for m in POINTS_SITE.finditer(text):
        new, old = value(m.group("new")), value(m.group("old"))
        if old <= 0:
            continue
        relative = abs(new / old - 1) * 100
        points = abs(new - old)
        unit = 10 ** -max(decimals(m.group("new")), decimals(m.group("old")))
        ratios = [(new + dn) / (old + do) for dn in (-unit, unit) for do in (-unit, unit)]
        low, high = (abs(min(ratios) - 1) * 100, abs(max(ratios) - 1) * 100)
        if points == 0 or min(low, high) - unit <= points <= max(low, high) + unit:
            continue  # within rounding the points figure could also be the relative change: not exposed
        s = m.end("verb")
        pdec = max(decimals(m.group("new")), decimals(m.group("old")))
        inserted = f" {_fmt(points, pdec)} pct"
        planted = _plant("percent-for-points", "G", doc, text, s, s, inserted, f"relative {relative:.2f}")
        yield planted


def multiplier_plants(doc: str, text: str) -> Iterator[dict]:
    for m in DOUBLED_SITE.finditer(text):
        new, old = value(m.group("new"), m.group("nscale")), value(m.group("old"), m.group("oscale") or m.group("nscale"))
        if old > 0 and 1.8 <= new / old <= 2.2:
            s, e = m.span("verb")
            yield _plant("multiplier-changed", "G", doc, text, s, e, "quadrupled", f"ratio {new / old:.2f}")


# Measures that can turn negative may fall by more than 100 %: no error is planted in their sentences.
CAN_BE_NEGATIVE = regex.compile(
    r"\b(?:profits?|earnings|income|net|loss(?:es)?|deficits?|surplus|balance|margins?|index|cash\s+flow|result|"
    r"returns?|yields?|growth|inflation|value|prices?|rates?)\b", regex.IGNORECASE)


def decline_plants(doc: str, text: str) -> Iterator[dict]:
    for m in DECLINE_SITE.finditer(text):
        start = max(max(text.rfind(c, 0, m.start()) for c in (".", ",", ";", "\n\n")), m.start() - 150, 0)
        if CAN_BE_NEGATIVE.search(text, start, m.start()):
            continue  # only in the clause of the decline: "profit rose, while sales fell 12 pct" is a sales fall
        s, e = m.span("rate")
        yield _plant("decline-past-100", "P", doc, text, s, e, _fmt(100 + float(m.group("rate")), decimals(m.group("rate"))))


def grouping_plants(doc: str, text: str) -> Iterator[dict]:
    for m in GROUPED.finditer(text):
        num = m.group("num")
        s, e = m.span("num")
        first = num.index(",")
        yield _plant("separator-dropped", "Q", doc, text, s, e, num[:first] + num[first + 1:])
    for m in SPLITTABLE.finditer(text):
        num = m.group("num")
        if num.endswith(",000"):  # ", 123" after a number reads as a list; ", 000" cannot
            s, e = m.span("num")
            yield _plant("separator-split", "Q", doc, text, s, e, num[:-4] + ", 000")


def garble_plants(doc: str, text: str) -> Iterator[dict]:
    for m in MILLION_COUNT.finditer(text):
        v = float(m.group("num")) * 100
        s, e = m.start("num"), m.end("noun")
        yield _plant("wan-garble", "Q", doc, text, s, e, f"{v:g} 10,000 {m.group('noun')}")
    for m in BILLION_MONEY.finditer(text):
        v = float(m.group("num")) * 10
        s, e = m.start("num"), m.end("cur")
        yield _plant("yi-garble", "Q", doc, text, s, e, f"{v:g} 100 million {m.group('cur')}")
    for m in YEAR_NUMBER.finditer(text):
        s, e = m.start("year"), m.end("num")
        yield _plant("glued-year", "Q", doc, text, s, e, m.group("year") + m.group("num"))


def conversion_plants(doc: str, text: str) -> Iterator[dict]:
    for m in CONVERSION.finditer(text):
        s, e = m.span("bscale")
        other = "billion" if m.group("bscale").lower() in ("mln", "million") else "million"
        yield _plant("conversion-scale", "U", doc, text, s, e, other)


def respectively_plants(doc: str, text: str) -> Iterator[dict]:
    """ "1.2, 3.4 and 5.6 pct in 2021, 2022 and 2023, respectively": drop the first figure."""
    for m in RESPECTIVELY.finditer(text):
        if " and " not in m.group("sep") + m.group("rest") or " and " not in m.group("mid"):
            continue  # both lists must be real lists
        yield _plant("respectively-dropped", "S", doc, text, m.start("a"), m.end("rest"), m.group("rest"))


def restated_plants(doc: str, text: str) -> Iterator[dict]:
    """The same figure stated twice ("86 mln dlrs ... the 86 mln dlrs"): change the second statement by half.

    Only a second mention that points back with "the" is taken: two offerings of 100 mln dlrs are
    two measures, "the 100 mln dlrs" is the first one again.
    """
    seen: dict[str, int] = {}
    for m in RESTATED.finditer(text):
        key = m.group(0)
        if key in seen and text[max(0, m.start() - 4):m.start()].lower() == "the ":
            s, e = m.span("num")
            v = value(m.group("num")) * 1.5
            yield _plant("restated-differently", "C", doc, text, s, e, _fmt(v, decimals(m.group("num"))))
            return
        seen[key] = m.start()


PLANTERS: tuple[Callable[[str, str], Iterator[dict]], ...] = (
    growth_plants, points_plants, multiplier_plants, decline_plants, grouping_plants, garble_plants,
    conversion_plants, respectively_plants, restated_plants,
)

# Which rule families exist now; plants of other families are reported as "no rule yet".
KINDS = {
    "rate-changed": "G", "rate-decimal-lost": "G", "direction-flipped": "G", "percent-for-points": "G",
    "multiplier-changed": "G", "decline-past-100": "P", "separator-dropped": "Q", "separator-split": "Q",
    "wan-garble": "Q", "yi-garble": "Q", "glued-year": "Q", "conversion-scale": "U", "respectively-dropped": "S",
    "restated-differently": "C",
}


def plants(doc: str, text: str, per_kind: int = 1) -> Iterator[dict]:
    """At most `per_kind` plants of each kind in one article (one error per planted copy)."""
    for planter in PLANTERS:
        counts: dict[str, int] = {}
        for p in planter(doc, text):
            if counts.get(p["kind"], 0) < per_kind:
                counts[p["kind"]] = counts.get(p["kind"], 0) + 1
                yield p
