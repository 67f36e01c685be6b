"""bench/planter2's planters for parts and totals, "respectively" lists and restated figures (S and C rules)."""
from __future__ import annotations

import random
from typing import Iterator

import regex

from bench.planter2_reader import NUM, SCALES, decimals, fmt, half_unit, num_value, plant, sentence_bounds

_PARTS = regex.compile(
    rf"(?P<total>{NUM})(?P<ts>\s(?:mln|million|billion|bln))?(?:\s+[A-Za-z][\w'-]*){{0,4}}?,?\s+"
    rf"(?P<link>including|of\s+which|of\s+whom|among\s+them)\s+(?P<body>(?:[^.;:()]|\.\d){{0,200}})", regex.IGNORECASE)
_PART = regex.compile(rf"(?P<n>{NUM})(?P<s>\s(?:mln|million|billion|bln))?(?![\d,])(?!\s*(?:pct|%|percent|per\s+cent|to\s+\d))",
                      regex.IGNORECASE)


def parts_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """Parts given with "including"/"of which" that fit their total, with the LAST part (bench/inject.py
    changes the first) raised so that the parts exceed the total."""
    for m in _PARTS.finditer(text):
        body_start = m.start("body")
        parts = list(_PART.finditer(text, body_start, m.end("body")))
        if len(parts) < 2 or parts[0].start() - body_start > 3:
            continue
        if any("and" not in text[a.end():b.start()] and "," not in text[a.end():b.start()] for a, b in zip(parts, parts[1:])):
            continue
        parts = parts[:1] + [p for p in parts[1:] if p.start() - parts[0].end() < 160]
        ts = m.group("ts")
        total = num_value(m.group("total"), ts)
        vals = [num_value(p.group("n"), p.group("s") or ts) for p in parts]
        if total <= 0 or sum(vals) > total + half_unit(m.group("total"), ts):
            continue
        last = parts[-1]
        missing = total - sum(vals) + vals[-1]
        new = vals[-1] + max(missing * 0.6, total * 0.3)
        scale = SCALES.get(((last.group("s") or ts) or "").strip().lower(), 1.0)
        dec = decimals(last.group("n"))
        shown = new / scale
        text_new = f"{shown:,.{dec}f}" if "," in last.group("n") else fmt(shown, dec)
        if sum(vals) - vals[-1] + float(text_new.replace(",", "")) * scale <= total + half_unit(m.group("total"), ts) * 3:
            continue
        cls = "parts-including" if m.group("link").lower() == "including" else "parts-of-which"
        yield plant(cls, ("S101",), doc, text, last.start("n"), last.end("n"), text_new, f"total {total:g}")


_RESP = regex.compile(r"\brespectively\b")
_LIST3 = regex.compile(rf"(?P<items>(?:\b[A-Z][\w.-]*|\b(?:19|20)\d\d)(?:\s*,\s*(?:\b[A-Z][\w.-]*|(?:19|20)\d\d))+\s*,?\s+and\s+"
                       rf"(?:\b[A-Z][\w.-]*|(?:19|20)\d\d))")


def respectively_label_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """ "X, Y and Z rose 1, 2 and 3 pct, respectively" with one LABEL dropped (bench/inject.py drops a figure)."""
    for rm in _RESP.finditer(text):
        s0, _ = sentence_bounds(text, rm.start())
        for lm in _LIST3.finditer(text, s0, rm.start()):
            items = regex.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", lm.group("items"))
            figs = regex.findall(NUM, text[lm.end():rm.start()])
            if len(items) < 3 or len(figs) != len(items):
                continue
            rest = items[1:]
            replacement = ", ".join(rest[:-1]) + " and " + rest[-1]
            yield plant("respectively-label-dropped", ("S102",), doc, text, lm.start(), lm.end(), replacement,
                        f"{len(items)} labels, {len(figs)} figures")
            break


def _headline_end(text: str) -> int:
    nl = text.find("\n", 0, 200)
    return nl if nl > 0 else 0


_UNITFIG = regex.compile(rf"(?P<sym>[$£€])?(?P<num>{NUM})(?P<sc>\s?(?:mln|million|billion|bln|bn)\b)?"
                         rf"(?P<unit>\s(?:pct|percent|dlrs|tonnes|barrels)\b|%)", regex.IGNORECASE)


# A figure that is one end of a range or a bound ("10 to 13 pct", "between 437 and 450", "over 10 mln", "up to
# 10 pct") states an interval: moving it may leave an interval that still holds the other mention's
# ("over 14" is also "over 10"), so it is no host for a slip of this class.
_BOUND_BEFORE = regex.compile(r"(?:\b(?:over|more\s+than|above|at\s+least|up\s+to|under|less\s+than|below|at\s+most|"
                              r"as\s+(?:much|many|high)\s+as|between)\s+|\d\s*(?:-|/|to|and)\s*)\Z", regex.IGNORECASE)
_RANGE_AFTER = regex.compile(r"\s*(?:-|/|to\s|and\s)\s*\d", regex.IGNORECASE)


def _interval_end(text: str, m) -> bool:
    return bool(_BOUND_BEFORE.search(text[max(0, m.start() - 25):m.start()]) or _RANGE_AFTER.match(text, m.end()))


def restated_body_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A headline figure restated once in the body, with the BODY figure changed (bench/inject.py changes the
    headline): the same measure twice with values that cannot both hold. Neither mention may be an end of a
    range or a bound (_interval_end)."""
    end = _headline_end(text)
    if not end:
        return
    head = {(m.group("num"), (m.group("sc") or "").strip().lower(), m.group("unit").strip().lower())
            for m in _UNITFIG.finditer(text, 0, end) if not _interval_end(text, m)}
    for m in _UNITFIG.finditer(text, end):
        if _interval_end(text, m):
            continue
        key = (m.group("num"), (m.group("sc") or "").strip().lower(), m.group("unit").strip().lower())
        if key not in head or sum(1 for o in _UNITFIG.finditer(text, end) if o.group("num") == key[0]) != 1:
            continue
        v, dec = float(key[0].replace(",", "")), decimals(key[0])
        factor = r.choice((0.6, 1.4, 1.7))
        new = v * factor if not (key[2] in ("pct", "percent", "%") and v * factor >= 100) else v * 0.6
        shown = f"{new:,.{dec}f}" if "," in key[0] else fmt(new, dec)
        if shown == key[0]:
            continue
        yield plant("restated-body-changed", ("C101",), doc, text, *m.span("num"), shown, "headline figure in body")
        return


