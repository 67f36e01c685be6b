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

Not planted: a figure pointed back to with "the" ("... the 86 mln dlrs") and
changed. It was, until measured: on the untouched corpus such links join
different items nearly every time they disagree (19 candidates, nearly all
two different offerings, stakes or loans), so the changed text does not
expose an error, and no reader could call it one. Restated figures are
planted where the text does tie them together: a headline and its body.
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


def invisible_plants(doc: str, text: str) -> Iterator[dict]:
    """A zero width space after a figure's first digit, as web pages and CMS exports leave them."""
    for m in GROUPED.finditer(text):
        s, e = m.span("num")
        yield _plant("zero-width-in-figure", "Q", doc, text, s, e, text[s] + "\u200b" + text[s + 1:e])


# Dollars per unit of each currency, widely enough to hold every rate since 1980 (halved and doubled at the ends
# in the planter's check). Currencies that lost a factor of 1,000 or more in that time (rouble, real, naira...)
# and names shared by several currencies (francs, rupees, pesos, shillings) are left out: no rate exposes them.
USD_PER = {"USD": (1.0, 1.0), "GBP": (1.03, 2.7), "EUR": (0.82, 1.6), "JPY": (0.0038, 0.0142), "CNY": (0.11, 0.55),
           "DEM": (0.3, 0.82), "NLG": (0.27, 0.73), "CAD": (0.6, 1.1), "AUD": (0.47, 1.5), "CHF": (0.35, 1.4),
           "INR": (0.011, 0.13), "HKD": (0.12, 0.2)}
CURRENCY_WORDS = {"dlrs": "USD", "dollars": "USD", "dlr": "USD", "stg": "GBP", "pounds": "GBP", "sterling": "GBP",
                  "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "marks": "DEM",
                  "guilders": "NLG", "$": "USD", "US$": "USD", "£": "GBP", "Â£": "GBP", "€": "EUR", "¥": "JPY"}
_CSCALE = r"(?:\s?(?:mln|million|billion|bln|bn|m|trillion)\b)"
_SYM = r"(?:US\$|Â£|[$£€¥])"
CURRENCY_PAIR = regex.compile(
    rf"(?P<asym>{_SYM})?(?<![\d,.])(?P<a>{NUM})(?![\d,])(?P<ascale>{_CSCALE})?(?:\s(?P<aword>[A-Za-z]+)(?:\s(?:Canadian|U\.S\.|US))?)?"
    rf"\s\((?:about\s+|around\s+|some\s+|roughly\s+|US\s+)?(?P<bsym>{_SYM})?(?P<b>{NUM})(?![\d,])(?P<bscale>{_CSCALE})"
    rf"(?:\s(?P<bword>[A-Za-z]+))?(?=[;,)\s])")
_SWAP = {"mln": "billion", "million": "billion", "m": "bn", "bn": "m", "billion": "million", "bln": "mln"}


def _currency(sym: str | None, word: str | None) -> str | None:
    if sym and word and word.lower() in CURRENCY_WORDS and CURRENCY_WORDS[word.lower()] != CURRENCY_WORDS[sym]:
        return None  # "$4.3 billion Canadian": two currency marks
    return CURRENCY_WORDS.get(sym) if sym else CURRENCY_WORDS.get((word or "").lower())


def conversion_plants(doc: str, text: str) -> Iterator[dict]:
    """ "22.5bn yuan ($2.7bn)" -> "22.5bn yuan ($2.7m)": the bracketed conversion's scale word swapped.

    Both figures must name known currencies (a symbol or a currency word), different ones, and their rate
    must lie inside the band that pair has had since 1980; a thousand times off lies outside any band.
    """
    for m in CURRENCY_PAIR.finditer(text):
        ca, cb = _currency(m.group("asym"), m.group("aword")), _currency(m.group("bsym"), m.group("bword"))
        if ca is None or cb is None or ca == cb:
            continue
        a = value(m.group("a"), {"bn": "billion", "m": "million"}.get((m.group("ascale") or "").strip(), m.group("ascale")))
        b = value(m.group("b"), {"bn": "billion", "m": "million"}.get(m.group("bscale").strip(), m.group("bscale")))
        low, high = USD_PER[ca][0] / USD_PER[cb][1] / 2, USD_PER[ca][1] / USD_PER[cb][0] * 2
        if a <= 0 or not low <= b / a <= high:
            continue  # only conversions that hold at some rate
        s, e = m.span("bscale")
        word = m.group("bscale").strip()
        other = _SWAP.get(word.lower())
        if other is None:
            continue
        yield _plant("conversion-scale", "U", doc, text, s, e, m.group("bscale").replace(word, other), f"{ca}->{cb} rate {b / a:.4g}")


# Unit conversions in brackets, as factor from the first unit to the second (°F from °C is handled apart).
UNIT_FACTORS = {("km", "miles"): 0.6214, ("miles", "km"): 1.609, ("m", "ft"): 3.281, ("ft", "m"): 0.3048,
                ("kg", "pounds"): 2.205, ("pounds", "kg"): 0.4536, ("tonnes", "tons"): 1.102, ("tons", "tonnes"): 0.9072,
                ("hectares", "acres"): 2.471, ("acres", "hectares"): 0.4047, ("litres", "gallons"): 0.2642,
                ("gallons", "litres"): 3.785, ("sq km", "sq miles"): 0.3861, ("sq miles", "sq km"): 2.59,
                ("cm", "inches"): 0.3937, ("inches", "cm"): 2.54}
UNIT_NAMES = {"km": "km", "kilometres": "km", "kilometers": "km", "miles": "miles", "mile": "miles", "m": "m",
              "metres": "m", "meters": "m", "ft": "ft", "feet": "ft", "foot": "ft", "kg": "kg", "kilograms": "kg",
              "kilos": "kg", "pounds": "pounds", "lb": "pounds", "lbs": "pounds", "tonnes": "tonnes", "tons": "tons",
              "hectares": "hectares", "ha": "hectares", "acres": "acres", "litres": "litres", "liters": "litres",
              "gallons": "gallons", "sq km": "sq km", "square kilometres": "sq km", "square km": "sq km",
              "sq miles": "sq miles", "square miles": "sq miles", "cm": "cm", "inches": "inches"}
_UNIT = "|".join(regex.escape(u).replace(r"\ ", r"\s") for u in sorted(UNIT_NAMES, key=len, reverse=True))
UNIT_PAIR = regex.compile(
    rf"(?<![\d,.])(?P<a>{NUM})(?![\d,])[\s-]?(?P<au>{_UNIT})\b\s?\((?:about\s+|around\s+|some\s+|nearly\s+)?"
    rf"(?P<b>{NUM})(?![\d,])[\s-]?(?P<bu>{_UNIT})\b")


def unit_conversion_plants(doc: str, text: str) -> Iterator[dict]:
    """ "90 km (50 miles)" -> "90 km (500 miles)": the bracketed figure given a zero too many.

    The pair must be a known conversion and hold within 10 % before (bracketed figures are rounded);
    ten times the bracketed figure cannot.
    """
    for m in UNIT_PAIR.finditer(text):
        factor = UNIT_FACTORS.get((UNIT_NAMES[" ".join(m.group("au").lower().split())], UNIT_NAMES[" ".join(m.group("bu").lower().split())]))
        a, b = value(m.group("a")), value(m.group("b"))
        if factor is None or a <= 0 or abs(b / (a * factor) - 1) > 0.1:
            continue
        s, e = m.span("b")
        yield _plant("unit-conversion-zero", "U", doc, text, s, e, _times_ten(m.group("b")), f"factor {factor}")


# One figure of a list: a number with its percent sign, scale word and up to two unit words ("4.2 mln dlrs").
_FIG = rf"(?<![\d,./-])(?:{NUM})(?![\d,]|[/-]\d)(?:{PCT})?(?:{SCALE})?(?:\s+(?!and\b)[a-z]+){{0,2}}?"
_LIST_SEP = r"(?:,\s+and\s+|,\s+|\s+and\s+)"
FIGURE_LIST = regex.compile(rf"(?P<first>{_FIG}){_LIST_SEP}(?P<rest>(?:{_FIG}{_LIST_SEP})*{_FIG})")
# Labels a figure list is paired with: one-word items or years ("in 2021, 2022 and 2023", "lead and zinc").
_ITEM = r"(?:(?:19|20)\d\d|[A-Za-z][\w'’-]*)"
LABEL_LIST = regex.compile(rf"\b{_ITEM}(?:\s*,\s*(?:the\s+)?{_ITEM})*\s*,?\s+and\s+(?:the\s+)?{_ITEM}\b")
_FIG_ONLY = regex.compile(rf"(?<![\d,.])(?:{NUM})(?![\d,])")
_NOT_LABEL = regex.compile(r"\b(?:and|or|the|a|an|of|in|to|for|from|by|with|at|on|is|was|were|are|be|been|said|it|its|"
                           r"respectively|pct|percent|mln|billion|dlrs|vs)\b", regex.IGNORECASE)


def _clause_start(text: str, pos: int) -> int:
    return max(max(text.rfind(c, 0, pos) for c in (". ", ".\n", ";", "\n\n")), pos - 300, 0)


def _count_items(labels: str) -> int:
    return len([x for x in regex.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", labels) if x.strip()])


def respectively_plants(doc: str, text: str) -> Iterator[dict]:
    """ "1.2, 3.4 and 5.6 pct in 2021, 2022 and 2023, respectively": drop the first figure.

    The figures are the last list right before "respectively" (or before the labels that precede it); the
    labels are a list of one-word items or years in the same clause. Only where both lists have the same
    length is a figure dropped: the text then pairs n-1 figures with n labels, which no reading repairs.
    """
    for r in regex.finditer(r"\brespectively\b", text):
        lo = _clause_start(text, r.start())
        figures = None
        for m in FIGURE_LIST.finditer(text, lo, r.start()):
            figures = m  # the last list in the clause
        if figures is None or ", or " in text[lo:r.start()]:
            continue  # "933,000 dlrs, or 1.08 a share, and ...": figures restated in apposition are not a list
        tail = text[figures.end():r.start()]
        n = 1 + len(_FIG_ONLY.findall(figures.group("rest")))
        labels = [lab for lab in LABEL_LIST.finditer(text, lo, r.start())
                  if (lab.end() <= figures.start() or lab.start() >= figures.end()) and not _FIG_ONLY.search(
                      regex.sub(r"\b(?:19|20)\d\d\b", "", lab.group(0)))]
        labels = [lab for lab in labels if not _NOT_LABEL.search(lab.group(0).replace(" and ", " ").replace("the ", ""))]
        after = [lab for lab in labels if lab.start() >= figures.end()]
        label = after[0] if after else (labels[-1] if labels else None)
        if label is None or len(tail) > 80 or _count_items(label.group(0)) != n:
            continue  # only lists the text itself pairs one to one
        yield _plant("respectively-dropped", "S", doc, text, figures.start("first"), figures.end(),
                     figures.group("rest"), f"{n} figures, {n} labels: {label.group(0)!r}")


WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_COUNT = rf"(?:{NUM}|{'|'.join(list(WORD_NUMBERS)[1:])})"
# A total with its scale and unit, the subset link, then the parts: "158 vessels, including 50 in Santos and 50 more".
_PART = rf"(?<![\d,./-])(?:about\s+|some\s+)?(?P<part>{_COUNT})(?![\d,]|[/-]\d)(?:\s+(?:mln|million|billion|bln))?"
PARTS_SITE = regex.compile(
    rf"(?<![\d,./$£€-])(?P<total>{_COUNT})(?![\d,]|[/-]\d)(?P<tscale>\s+(?:mln|million|billion|bln))?"
    rf"(?:\s+[A-Za-z][\w'-]*){{0,4}}?,?\s+(?:including|of\s+which|of\s+whom|among\s+them)\s+(?P<parts>(?:[^.;:()]|\.\d){{0,220}})",
    regex.IGNORECASE)
TOTAL_AFTER_SITE = regex.compile(
    rf"(?P<parts>(?:[^.;:()]|\.\d){{0,200}}?),?\s+(?:making|bringing|giving)\s+(?:a|the)\s+total\s+(?:of\s+)?"
    rf"(?<![\d,.])(?P<total>{_COUNT})(?![\d,]|[/-]\d)(?P<tscale>\s+(?:mln|million|billion|bln))?", regex.IGNORECASE)
_PART_LIST = regex.compile(rf"{_PART}(?!\s+to\s+\d)(?:(?:\s+[^\s\d,;.()]+){{0,6}}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|[A-Z][\w-]*)\s+){{0,3}}?{_PART}(?!\s+to\s+\d))+",
                           regex.IGNORECASE)


def _count_value(num: str, scale: str | None = None) -> float:
    return float(WORD_NUMBERS[num.lower()]) if num.lower() in WORD_NUMBERS else value(num, scale)


def _times_ten(num: str) -> str:
    """The figure with one digit too many, written in its own style ("8,863,000" -> "88,630,000", "two" -> "20")."""
    if num.lower() in WORD_NUMBERS:
        return str(WORD_NUMBERS[num.lower()] * 10)
    v = float(num.replace(",", "")) * 10
    dec = max(decimals(num) - 1, 0)
    return f"{v:,.{dec}f}" if "," in num else _fmt(v, dec)


def parts_plants(doc: str, text: str) -> Iterator[dict]:
    """ "a total of 158 vessels, including 50 in Santos and 50 in Rio": one part given a digit too many.

    The parts (two or more, read with their scale words; bare parts take the total's scale) must fit in
    the total before (with "including", "of which": no more than it; with "making a total of": equal to it
    within rounding) and the part written ten times larger must make them exceed it: a breakdown that no
    reading of the figures can fit.
    """
    for site, exact in ((PARTS_SITE, False), (TOTAL_AFTER_SITE, True)):
        for m in site.finditer(text):
            ps, pe = m.span("parts")
            lst = _PART_LIST.search(text, ps, pe) if not exact else None
            if exact:
                for cand in _PART_LIST.finditer(text, ps, pe):
                    lst = cand  # the list that ends right before "making a total"
                if lst is not None and text[lst.end():pe].strip(" ,\n") and len(text[lst.end():pe]) > 40:
                    lst = None
            elif lst is not None and lst.start() - ps > 0:
                lst = None  # the parts start right after the link word
            if lst is None:
                continue
            tscale = m.group("tscale")
            parts = []
            for pm in regex.finditer(_PART, lst.group(0), regex.IGNORECASE):
                scale = regex.search(r"mln|million|billion|bln", pm.group(0), regex.IGNORECASE)
                parts.append((pm.group("part"), lst.start() + pm.start("part"), _count_value(pm.group("part"), scale.group(0) if scale else tscale)))
            if len(parts) < 2:
                continue
            total = _count_value(m.group("total"), tscale)
            slack = sum(0.5 * 10 ** -decimals(p) * value("1", tscale) for p, _, _ in parts) + 0.5 * 10 ** -decimals(m.group("total")) * value("1", tscale)
            summed = sum(v for _, _, v in parts)
            if summed <= 0 or (abs(summed - total) > slack if exact else summed > total + slack):
                continue  # only breakdowns that fit their total as written
            first, s, v = parts[0]
            if summed + 9 * v <= total + slack:
                continue  # ten times the part would still fit: not exposed
            yield _plant("part-digit-added", "S", doc, text, s, s + len(first), _times_ten(first),
                         f"parts {summed:g} of total {total:g}")


PROFIT = r"(?:net\s+profits?|net\s+income|net\s+earnings|operating\s+profits?|pre-?tax\s+profits?|after[\s-]tax\s+profits?|profits?|earnings)"
WHOLE = r"(?:revenues?|sales|turnover)"
_LINK = r"(?:\s+(?:of|was|were|at|totalled|totaled|totalling|reached|rose\s+to|fell\s+to|to|on))?(?:\s+(?:about|some|nearly))?"
def _money(g: str) -> str:
    return (rf"(?<![\d,.])(?P<{g}>{NUM})(?![\d,])(?P<{g}s>\s(?:mln|million|billion|bln))?"
            rf"(?P<{g}u>\s(?:dlrs|dollars|stg|marks|francs|yen|guilders|lire|crowns|yuan|pounds|euros))?")


PART_WHOLE = regex.compile(
    rf"\b{PROFIT}(?!\s+(?:per|a)\s+share){_LINK}\s+(?:US)?\$?{_money('p')}[^.;!?]{{0,100}}?\b{WHOLE}{_LINK}\s+(?:US)?\$?{_money('w')}"
    rf"|\b{WHOLE}{_LINK}\s+(?:US)?\$?{_money('w')}[^.;!?]{{0,100}}?\b{PROFIT}(?!\s+(?:per|a)\s+share){_LINK}\s+(?:US)?\$?{_money('p')}",
    regex.IGNORECASE)
_SCALE_UP = {"mln": "billion", "million": "billion", "bln": "trillion", "billion": "trillion"}


def part_whole_plants(doc: str, text: str) -> Iterator[dict]:
    """ "net income of 2,246,000 dlrs on revenues of 68.3 mln": the profit written a thousand times larger.

    The profit must be smaller than the revenue it is stated with, in one sentence and one currency; the
    planted one (its scale word moved up, or three zeros added to a figure written out) is larger: a profit
    above the sales it comes from, which the sentence itself shows.
    """
    for m in PART_WHOLE.finditer(text):
        pu, wu = (m.group("pu") or "").strip(), (m.group("wu") or "").strip()
        if pu and wu and pu != wu:
            continue
        part, whole = value(m.group("p"), m.group("ps")), value(m.group("w"), m.group("ws"))
        if not 0 < part < whole:
            continue
        if m.group("ps"):
            s, e = m.span("ps")
            planted = " " + _SCALE_UP[m.group("ps").strip().lower()]
        elif "," in m.group("p") and not decimals(m.group("p")):
            s, e = m.span("p")
            planted = m.group("p") + ",000"
        else:
            continue
        table = regex.match(r"(?:\s(?:mln|million|billion|bln))?(?:\s[a-z]+)?\s+vs\b", text[m.end("p"):m.end("p") + 30]) or \
            regex.search(r"\bvs\s+(?:profit\s+|loss\s+)?\Z", text[max(0, m.start("p") - 20):m.start("p")])
        kind = "profit-above-revenue-table" if table else "profit-above-revenue"  # "Net profit 628,000 vs ... Sales"
        if part * 1000 > whole:
            yield _plant(kind, "S", doc, text, s, e, planted, f"profit {part:g} of revenue {whole:g}")


# A headline figure with its scale and unit, in wire style ("5.1 MLN DLRS", "2.5 PCT") or web style ("$300m", "7%").
_HL_UNIT = r"(?:pct|percent|dlrs?|dollars|stg|yen|francs|marks|guilders|lire|yuan|tonnes|barrels|bpd|ounces|acres|bushels)"
HEADLINE_FIG = regex.compile(
    rf"(?<![\d,./$£€-])(?P<sym>[$£€])?(?P<num>{NUM})(?![\d,]|\.\d|-\d|/\d)(?P<scale>(?:\s?(?:mln|million|billion|bln|bn|m)\b))?"
    rf"(?P<unit>\s?{_HL_UNIT}\b|\s?%)?", regex.IGNORECASE)
_BOUND_BEFORE = regex.compile(r"\b(?:up\s+to|above|below|over|under|more\s+than|less\s+than|at\s+least|"
                              r"about|around|nearly|almost|some|approximately|roughly|between)\s+[$£€]?\Z", regex.IGNORECASE)
_HL_STOP = frozenset("a an the of in on at to for from by with and or as is was were its it said mln million billion bln "
                     "pct percent dlr dlrs dollars stg yen tonnes u.s new".split())


def _headline_line(text: str) -> int:
    """The end of the first line if it is a headline: upper case over a mixed-case body, or short, unpunctuated
    and followed by a blank line. 0 if not."""
    nl = text.find("\n", 0, 200)
    if nl <= 0:
        return 0
    line, body = text[:nl], text[nl:nl + 300]
    up, low = sum(c.isupper() for c in line), sum(c.islower() for c in line)
    if up >= 8 and low <= up // 10:
        return nl if sum(c.islower() for c in body) > sum(c.isupper() for c in body) else 0
    if text.startswith("\n", nl + 1) and len(line.split()) <= 16 and line.rstrip()[-1:] not in ".!?;:,":
        return nl
    return 0


def _fig_key(m) -> tuple[float, str, str] | None:
    """(value, unit word, symbol) of a headline-style figure; None without a unit (bare numbers name no measure)."""
    unit = (m.group("unit") or "").strip().lower()
    sym = m.group("sym") or ""
    if not unit and not sym:
        return None
    unit = {"dlr": "dlrs", "dollars": "dlrs", "percent": "pct", "%": "pct"}.get(unit, unit)
    scale = (m.group("scale") or "").strip().lower()
    return value(m.group("num"), {"bn": "billion", "m": "million"}.get(scale, scale)), unit, sym


def _content_words(text: str) -> set[str]:
    return {w.lower()[:5] for w in regex.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _HL_STOP}


def headline_plants(doc: str, text: str) -> Iterator[dict]:
    """ "ACME 1ST QTR NET 5.1 MLN DLRS" over "... net profit of 5.1 mln dlrs": the headline figure raised by half.

    The headline is the first line (upper case over a mixed-case body, or short and unpunctuated over a blank
    line). Its figure must carry a unit (and any scale), occur once in the headline, and be restated in the
    body: the same value in the same unit, in a sentence that shares a content word with the headline. The
    planted headline figure (half as large again, or half when that would pass 100 pct) must match no body
    figure of that unit: the headline then states the measure with a value the body contradicts.
    """
    end = _headline_line(text)
    if not end:
        return
    body = [(m, _fig_key(m)) for m in HEADLINE_FIG.finditer(text, end)]
    head_words = _content_words(text[:end])
    for m in HEADLINE_FIG.finditer(text, 0, end):
        key = _fig_key(m)
        if regex.search(rf"{NUM}\s*(?:to|and|-|/)\s*\Z", text[max(0, m.start() - 12):m.start()], regex.IGNORECASE) or \
                regex.match(rf"\s*(?:(?:to|and)\s+|[-/]\s*){NUM}", text[m.end("num"):m.end("num") + 12], regex.IGNORECASE):
            continue  # a range or a pair ("10 TO 13 PCT", "1.00/1.50 DLR") states no single figure
        if _BOUND_BEFORE.search(text[max(0, m.start() - 15):m.start()]):
            continue  # "UP TO 15 PCT", "ABOVE $80": a bound, not a figure
        if key is None or key[0] <= 0 or sum(1 for o in HEADLINE_FIG.finditer(text, 0, end) if _fig_key(o) == key) > 1:
            continue
        restated = [b for b, k in body if k == key]
        if not restated:
            continue
        b = restated[0]
        if _BOUND_BEFORE.search(text[max(0, b.start() - 15):b.start()]):
            continue  # "up to 10 pct" in the body holds any smaller headline figure
        lo = max(text.rfind(". ", 0, b.start()), text.rfind("\n\n", 0, b.start()), end)
        if not head_words & _content_words(text[lo:b.start()] + text[b.end():b.end() + 40]):
            continue  # the body figure must be said of something the headline names
        num, dec = m.group("num"), decimals(m.group("num"))
        factor = 0.5 if key[1] == "pct" and key[0] * 1.5 >= 100 else 1.5
        old, step = float(num.replace(",", "")), 10.0 ** -dec
        new = old * factor
        if abs(new - old) < 2 * step:  # "0.2 PCT" -> "0.4 PCT": apart by more than the rounding of either
            new = old + 2 * step
        changed = f"{int(round(new)):,}" if "," in num and not dec else _fmt(new, dec)
        new_value = key[0] * float(changed.replace(",", "")) / float(num.replace(",", ""))
        if any(k and k[1:] == key[1:] and abs(k[0] - new_value) <= new_value * 0.05 for _, k in body):
            continue  # the new figure must not be the body's figure for something else
        s, e = m.span("num")
        yield _plant("headline-restated", "C", doc, text, s, e, changed, f"body restates {b.group(0)!r}")
        return


PLANTERS: tuple[Callable[[str, str], Iterator[dict]], ...] = (
    growth_plants, points_plants, multiplier_plants, decline_plants, grouping_plants, garble_plants,
    invisible_plants, conversion_plants, unit_conversion_plants, respectively_plants, parts_plants, part_whole_plants,
    headline_plants,
)

# Which rule families exist now; plants of other families are reported as "no rule yet".
KINDS = {
    "rate-changed": "G", "rate-decimal-lost": "G", "direction-flipped": "G", "percent-for-points": "G",
    "multiplier-changed": "G", "decline-past-100": "P", "separator-dropped": "Q", "separator-split": "Q",
    "wan-garble": "Q", "yi-garble": "Q", "glued-year": "Q", "zero-width-in-figure": "Q",
    "conversion-scale": "U", "unit-conversion-zero": "U",
    "respectively-dropped": "S", "part-digit-added": "S", "profit-above-revenue": "S", "profit-above-revenue-table": "S",
    "headline-restated": "C",
}


def plants(doc: str, text: str, per_kind: int = 1) -> Iterator[dict]:
    """At most `per_kind` plants of each kind in one article (one error per planted copy)."""
    for planter in PLANTERS:
        counts: dict[str, int] = {}
        for p in planter(doc, text):
            if counts.get(p["kind"], 0) < per_kind:
                counts[p["kind"]] = counts.get(p["kind"], 0) + 1
                yield p
