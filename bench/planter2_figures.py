"""bench/planter2's planters for how figures are written and converted (Q and U rules)."""
from __future__ import annotations

import random
from typing import Iterator

import regex

from bench.planter2_reader import NUM, PCT, decimals, num_value, plant

_GROUPED = regex.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")


def split_group_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """Any thousands comma followed by a space: "12,345" -> "12, 345"; "1,234,567" -> "1,234, 567" (a random
    comma), never only ", 000"."""
    for m in _GROUPED.finditer(text):
        num = m.group(0)
        commas = [i for i, c in enumerate(num) if c == ","]
        i = r.choice(commas)
        if num[i + 1:i + 4] == "000" and len(commas) == 1 and r.random() < 0.7:
            continue  # ", 000" is bench/inject.py's form: keep this planter's sample mostly other groups
        yield plant("thousands-space-split", ("Q101",), doc, text, m.start(), m.end(), num[:i + 1] + " " + num[i + 1:])


def drop_separator_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A thousands separator other than the first one dropped: "4,178,027" -> "4,178027"."""
    for m in _GROUPED.finditer(text):
        num = m.group(0)
        commas = [i for i, c in enumerate(num) if c == ","]
        if len(commas) < 2:
            continue
        i = r.choice(commas[1:])
        yield plant("separator-dropped-later", ("Q101",), doc, text, m.start(), m.end(), num[:i] + num[i + 1:])


_BREAKABLE = regex.compile(rf"(?<![\d,.])(?P<int>\d{{1,3}})\.(?P<frac>\d{{1,2}})(?P<pct>{PCT})", regex.IGNORECASE)
_SCALED = regex.compile(r"(?<![\d,.])(?P<num>\d{1,3})(?P<sp>\s)(?P<scale>million|billion|mln|bln)\b", regex.IGNORECASE)


def broken_figure_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A figure broken inside: "24.5%" -> "2 4.5%", "63.2 percent" -> "63.\\n2 percent", "300 million" ->
    "300. million", "0.85%" -> ". 85%"."""
    for m in _BREAKABLE.finditer(text):
        whole, frac = m.group("int"), m.group("frac")
        s, e = m.start("int"), m.end("frac")
        if whole == "0":
            yield plant("figure-broken", ("Q101",), doc, text, s, e, ". " + frac, "lead point")
        elif len(whole) >= 2 and r.random() < 0.5:
            yield plant("figure-broken", ("Q101",), doc, text, s, e, whole[0] + " " + whole[1:] + "." + frac, "space")
        else:
            yield plant("figure-broken", ("Q101",), doc, text, s, e, whole + ".\n" + frac, "line break")
    for m in _SCALED.finditer(text):
        s, e = m.start("num"), m.end("sp")
        yield plant("figure-broken", ("Q101",), doc, text, s, e, m.group("num") + ". ", "stray point")


_MILLIONS = regex.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:\.\d{1,2})?)\s(?P<scale>million|mln)\b", regex.IGNORECASE)
_BILLIONS = regex.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:\.\d{1,2})?)\s(?P<scale>billion|bln)\b", regex.IGNORECASE)


def _plain(v: float) -> str:
    return f"{v:.10g}"


def wan_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """万 read word for word with a space, any million figure (whole or decimal, money or count, with or
    without a noun after it): "19 million" -> "1900 10,000", "1.9 million yuan" -> "190 10,000 yuan"; the
    unit word is sometimes "ten thousand"."""
    for m in _MILLIONS.finditer(text):
        v = num_value(m.group("num")) * 100
        unit = r.choice(("10,000", "10,000", "10 thousand", "ten thousand"))
        yield plant("wan-garble-space", ("Q102",), doc, text, m.start(), m.end(), f"{_plain(v)} {unit}")


def yi_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """亿 read word for word: "2.5 billion" -> "25 100 million" or "25 100,000,000"."""
    for m in _BILLIONS.finditer(text):
        v = num_value(m.group("num")) * 10
        unit = r.choice(("100 million", "100,000,000", "hundred million"))
        yield plant("yi-garble-any", ("Q102",), doc, text, m.start(), m.end(), f"{_plain(v)} {unit}")


_YEAR_NUM = regex.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<gap>,?\s)(?:[a-z]+\s){0,1}?(?P<num>\d{1,3}(?:,\d{3})+|\d{2,})(?![\d,.]\d)",
                          regex.IGNORECASE)


def glued_year_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A year and the number right after it run together: "in 1986, 12,500 cars" -> "in 198612,500 cars"."""
    for m in _YEAR_NUM.finditer(text):
        if text[m.end("gap"):m.start("num")].strip():
            continue
        s, e = m.start("year"), m.end("num")
        yield plant("glued-year-any", ("Q103",), doc, text, s, e, m.group("year") + m.group("num"))


_INVISIBLES = ("\u00ad", "\u200c", "\u2060", "\ufeff", "\u200d")
_ANYFIG = regex.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d,]\d)")


def invisible_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """Any invisible character (soft hyphen, zero width joiners, word joiner, BOM) at any position inside any
    figure of three or more characters, decimals included."""
    for m in _ANYFIG.finditer(text):
        num = m.group(0)
        if len(num) < 3:
            continue
        i = r.randrange(1, len(num))
        yield plant("invisible-in-figure", ("Q104",), doc, text, m.start(), m.end(), num[:i] + r.choice(_INVISIBLES) + num[i:])


# --- conversions -----------------------------------------------------------------------------------
_CUR = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dlrs": "USD", "dollars": "USD", "stg": "GBP",
        "pounds": "GBP", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "marks": "DEM", "francs": None}
USD_PER = {"USD": (1.0, 1.0), "GBP": (1.03, 2.7), "EUR": (0.82, 1.6), "JPY": (0.0038, 0.0142), "CNY": (0.11, 0.55),
           "DEM": (0.3, 0.82)}
def _money(g: str) -> str:
    return (rf"(?P<{g}sym>US\$|[$£€¥])?(?P<{g}>{NUM})(?P<{g}sc>\s?(?:million|billion|mln|bln)\b|(?:bn|m)\b)"
            rf"(?:\s(?P<{g}word>dlrs|dollars|stg|pounds|euros|yen|yuan|marks))?")


_MONEY_PAIR = regex.compile(_money("a") + r"\s\((?:about\s+|around\s+|some\s+)?" + _money("b") + r"\)")
_SWAP = {"million": "billion", "billion": "million", "mln": "bln", "bln": "mln", "m": "bn", "bn": "m"}


def conversion_scale_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A currency conversion with million and billion swapped on either side (the bench/inject.py planter swaps
    only the bracketed one): "£7.5m ($14.6m)" -> "£7.5bn ($14.6m)"."""
    for m in _MONEY_PAIR.finditer(text):
        ca = _CUR.get(m.group("asym") or (m.group("aword") or "").lower())
        cb = _CUR.get(m.group("bsym") or (m.group("bword") or "").lower())
        if ca is None or cb is None or ca == cb or ca not in USD_PER or cb not in USD_PER:
            continue
        a = num_value(m.group("a"), m.group("asc").strip().replace("bn", "billion").replace("m", "million") if m.group("asc").strip() in ("m", "bn") else m.group("asc"))
        b = num_value(m.group("b"), m.group("bsc").strip().replace("bn", "billion").replace("m", "million") if m.group("bsc").strip() in ("m", "bn") else m.group("bsc"))
        if a <= 0 or not USD_PER[ca][0] / USD_PER[cb][1] / 2 <= b / a <= USD_PER[ca][1] / USD_PER[cb][0] * 2:
            continue
        side = "a" if r.random() < 0.6 else "b"
        word = m.group(f"{side}sc").strip()
        s, e = m.span(f"{side}sc")
        yield plant("conversion-million-billion", ("U102",), doc, text, s, e, m.group(f"{side}sc").replace(word, _SWAP[word.lower()] if word.islower() else _SWAP[word.lower()].upper()),
                    f"{ca}->{cb} side {side}")


_LEN = {"foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "metre": 1.0, "meter": 1.0, "metres": 1.0, "meters": 1.0, "m": 1.0,
        "mile": 1609.34, "miles": 1609.34, "km": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0, "kilometer": 1000.0,
        "inch": 0.0254, "inches": 0.0254, "cm": 0.01, "centimetre": 0.01, "centimetres": 0.01, "yard": 0.9144, "yards": 0.9144}
_LU = "|".join(sorted(_LEN, key=len, reverse=True))
_LEN_PAIR = regex.compile(rf"(?<![\d,.])(?P<a>{NUM})(?P<ah>-|\s)(?P<au>{_LU})\b(?P<aadj>-[a-z]+)?\s\((?:about\s+|some\s+|nearly\s+)?"
                          rf"(?P<b>{NUM})(?P<bh>-|\s)(?P<bu>{_LU})\b(?P<badj>-[a-z]+)?", regex.IGNORECASE)


def unit_conversion_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A length conversion, hyphenated or not ("a 12-foot-high (3.7-metre-high) wall"), with the bracketed
    figure converted the wrong way (12 ft -> 40 m: multiplied where it should divide)."""
    for m in _LEN_PAIR.finditer(text):
        fa, fb = _LEN[m.group("au").lower()], _LEN[m.group("bu").lower()]
        a, b = num_value(m.group("a")), num_value(m.group("b"))
        if fa == fb or a <= 0 or abs(b / (a * fa / fb) - 1) > 0.12:
            continue
        wrong = a * fb / fa
        if 0.7 < wrong / b < 1.4:
            continue
        cls = "conversion-hyphenated" if m.group("ah") == "-" else "unit-conversion-wrong-way"
        s, e = m.span("b")
        yield plant(cls, ("U101",), doc, text, s, e, f"{wrong:.{max(decimals(m.group('b')), 0)}f}" if wrong < 10 else f"{round(wrong):,}")
