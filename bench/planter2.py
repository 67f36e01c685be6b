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
and class.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Callable, Iterator

import regex

SEED = 20261203

# --- this planter's own small reader ------------------------------------------------------------
NUM = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|,\d{3})"
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
          "trillion": 1e12}
SCALE = r"(?:\s?(?:thousand|million|mln|billion|bln|trillion)\b|(?:bn|m)\b)"
PCT = r"(?:\s?%|\s(?:pct|percent|per\s+cent)\b)"
UP = ("rose", "increased", "climbed", "jumped", "grew", "gained", "advanced", "surged", "soared", "rising",
      "was up", "were up", "edged up", "went up")
DOWN = ("fell", "decreased", "dropped", "declined", "slipped", "slumped", "plunged", "tumbled", "eased", "falling",
        "was down", "were down", "edged down", "went down", "shrank")
FLIP = {**{u: d for u, d in zip(UP, DOWN)}, **{d: u for u, d in zip(UP, DOWN)}, "up": "down", "down": "up",
        "higher": "lower", "lower": "higher", "increase": "decrease", "decrease": "increase", "rise": "fall",
        "fall": "rise", "gain": "loss", "drop": "rise", "decline": "rise", "jump": "fall"}
_VERBS = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in sorted(UP + DOWN, key=len, reverse=True))


def num_value(num: str, scale: str | None = None) -> float:
    return float(num.replace(",", "")) * SCALES.get((scale or "").strip().lower(), 1.0)


def decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def half_unit(num: str, scale: str | None = None) -> float:
    """Half a unit of the last written digit: the rounding any figure allows."""
    return 0.5 * 10 ** -decimals(num) * SCALES.get((scale or "").strip().lower(), 1.0)


def change_interval(old: tuple[float, float], new: tuple[float, float]) -> tuple[float, float]:
    """The percent changes (new/old - 1) that figures within their rounding allow."""
    (o, ho), (n, hn) = old, new
    if o - ho <= 0:
        return (-100.0, float("inf"))
    return ((n - hn) / (o + ho) * 100 - 100, (n + hn) / (o - ho) * 100 - 100)


def fits(rate: float, hr: float, lo: float, hi: float, slack: float = 0.0) -> bool:
    return rate + hr + slack >= lo and rate - hr - slack <= hi


def fmt(x: float, dec: int) -> str:
    return f"{x:.{dec}f}"


@dataclass(frozen=True)
class ErrorClass:
    """One class of slip: its name, the rules whose findings count as catching it, its definition,
    the analogous kind of bench/inject.py (for the side-by-side table) and its corpus planter."""

    name: str
    rules: tuple[str, ...]
    definition: str
    old_kind: str | None = None
    corpus: Callable[[str, str, random.Random], Iterator[dict]] | None = None


def plant(cls: str, rules: tuple[str, ...], doc: str, text: str, start: int, end: int, replacement: str,
          note: str = "", host: str = "corpus") -> dict:
    planted = text[:start] + replacement + text[end:]
    out = {"class": cls, "rules": list(rules), "host": host, "doc": doc, "text": planted, "start": start,
           "end": start + len(replacement), "original": text[start:end], "planted": replacement, "note": note}
    if host == "synthetic":
        out["source"] = text
    return out


def rng_for(doc: str, cls: str) -> random.Random:
    """One generator per article and class: a plant does not depend on which other classes ran."""
    return random.Random(int(hashlib.sha1(f"{SEED}:{doc}:{cls}".encode()).hexdigest()[:12], 16))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos), text.rfind(".\n", 0, pos))
    end = min([i for i in (text.find(". ", pos), text.find(".\n", pos)) if i >= 0] or [len(text)])
    return start + 1 if start >= 0 else 0, end


# --- growth sites: every phrasing of "a change from OLD to NEW by RATE" -------------------------
def _fig(g: str) -> str:
    return rf"(?P<{g}>{NUM})(?P<{g}s>{SCALE})?"


_UNITWORD = r"(?:\s(?:dlrs|dollars|yen|marks|francs|stg|pounds|euros|yuan|tonnes|barrels|units|vehicles|cars|ounces|bushels))?"
GROWTH_FORMS = {
    # "rose 12.5 pct to 45 mln from 40 mln" / "fell by 12 per cent from 40m to 35m"
    "verb": regex.compile(
        rf"\b(?P<dir>{_VERBS})\s+(?:by\s+)?(?:a\s+)?(?P<rate>{NUM}){PCT}\s+"
        rf"(?:(?:to\s+)[$£€]?{_fig('new')}{_UNITWORD}(?:\s+[a-z]+){{0,3}}?\s+from\s+[$£€]?{_fig('old')}"
        rf"|from\s+[$£€]?{_fig('old2')}{_UNITWORD}(?:\s+[a-z]+){{0,3}}?\s+to\s+[$£€]?{_fig('new2')}){_UNITWORD}", regex.IGNORECASE),
    # "45 mln dlrs, up 12.5 pct from 40 mln" / "45m, down 3% from 47m"
    "up-from": regex.compile(
        rf"[$£€]?{_fig('new')}{_UNITWORD}(?P<gap>,\s+|\s+)(?P<dir>up|down)\s+(?P<rate>{NUM}){PCT}"
        rf"(?:\s+[a-z]+){{0,3}}?\s+from\s+[$£€]?{_fig('old')}{_UNITWORD}", regex.IGNORECASE),
    # "to 45 mln from 40 mln, a rise of 12.5 pct" / "an increase of 12.5 pct"
    "noun": regex.compile(
        rf"\bto\s+[$£€]?{_fig('new')}{_UNITWORD}(?:\s+[a-z]+){{0,3}}?\s+from\s+[$£€]?{_fig('old')}{_UNITWORD}"
        rf"(?:\s+[a-z]+){{0,3}}?,\s+(?:an?\s+)(?P<dir>increase|rise|gain|jump|decrease|decline|drop|fall)\s+of\s+"
        rf"(?P<rate>{NUM}){PCT}", regex.IGNORECASE),
}
_UPWORDS = set(UP) | {"up", "increase", "rise", "gain", "jump", "higher"}


def growth_sites(text: str) -> Iterator[dict]:
    """Each phrasing's sites whose own arithmetic holds: the rate fits the figures within rounding."""
    for form, pat in GROWTH_FORMS.items():
        for m in pat.finditer(text):
            d = {k: v for k, v in m.groupdict().items() if v is not None}
            new, news = d.get("new") or d.get("new2"), d.get("news") or d.get("new2s")
            old, olds = d.get("old") or d.get("old2"), d.get("olds") or d.get("old2s")
            if new is None or old is None:
                continue
            if news and olds and SCALES[news.strip().lower()] != SCALES[olds.strip().lower()]:
                continue
            scale = news or olds
            n, o = num_value(new, scale), num_value(old, olds or scale)
            if o <= 0 or n <= 0:
                continue
            up = " ".join(d["dir"].lower().split()) in _UPWORDS
            rate = float(d["rate"].replace(",", ""))
            lo, hi = change_interval((o, half_unit(old, olds or scale)), (n, half_unit(new, scale)))
            signed = (lo, hi) if up else (-hi, -lo)
            if rate <= 0 or not fits(rate, half_unit(d["rate"]), *signed):
                continue
            yield {"form": form, "m": m, "rate": rate, "lo": signed[0], "hi": signed[1], "up": up,
                   "wire": bool(regex.search(r"\b(?:pct|mln|bln|dlrs)\b", m.group(0), regex.IGNORECASE))}


def _wrong_rate(site: dict, r: random.Random) -> str | None:
    """A rate no figure within rounding gives: scaled by a random factor away from the true change."""
    rate_text = site["m"].group("rate")
    dec = decimals(rate_text)
    for _ in range(6):
        factor = r.choice((0.3, 0.5, 1.6, 2.0, 2.5, 3.0)) * r.uniform(0.9, 1.1)
        cand = fmt(site["rate"] * factor, dec)
        v = float(cand)
        if v > 0 and cand != rate_text and not fits(v, half_unit(cand), site["lo"], site["hi"], slack=1.0) and \
                abs(v - site["rate"]) >= 1.0:
            return cand
    return None


_SPELLED = {"pct": "percent", "mln": "million", "bln": "billion", "dlrs": "dollars", "stg": "sterling"}
_WIRE_WORD = regex.compile(r"\b(?:pct|mln|bln|dlrs|stg)\b", regex.IGNORECASE)


def _spell_out(text: str, m) -> tuple[str, int]:
    """The text with the wire abbreviations of match `m` spelled out ("pct" -> "percent"), and where the
    rate now starts: the same claim in the words a web page would use."""
    def spell(part: str) -> str:
        return _WIRE_WORD.sub(lambda w: _SPELLED[w.group(0).lower()], part)

    pre = spell(text[m.start():m.start("rate")])
    post = spell(text[m.end("rate"):m.end()])
    return text[:m.start()] + pre + m.group("rate") + post + text[m.end():], m.start() + len(pre)


def growth_rate_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A rate the figures exclude, in each phrasing; a wire-style site is planted twice: as written (the
    wire class) and with its abbreviations spelled out (the class of its phrasing)."""
    for site in growth_sites(text):
        wrong = _wrong_rate(site, r)
        if wrong is None:
            continue
        note = f"figures give {site['lo']:.2f}..{site['hi']:.2f}"
        s, e = site["m"].span("rate")
        if not site["wire"]:
            yield plant(f"growth-{site['form']}", ("G101",), doc, text, s, e, wrong, note)
            continue
        yield plant("growth-wire-abbrev", ("G101",), doc, text, s, e, wrong, note)
        spelled, s = _spell_out(text, site["m"])
        yield plant(f"growth-{site['form']}", ("G101",), doc, spelled, s, s + e - site["m"].start("rate"), wrong,
                    note + "; wire words spelled out") | {"source": spelled}


def growth_paren_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """ "45 mln, up 12 pct from 40 mln" rewritten "45 mln (up 25 pct from 40 mln)" or with dashes, then the
    rate changed: the form varies, the slip is the rate's."""
    for site in growth_sites(text):
        if site["form"] != "up-from":
            continue
        m = site["m"]
        wrong = _wrong_rate(site, r)
        if wrong is None:
            continue
        open_, close = r.choice((("(", ")"), (" \u2014 ", " \u2014"), (" - ", " -")))
        open_ = open_ if open_ != "(" else " ("
        head = text[:m.end("gap") - len(m.group("gap"))] + open_
        mid = text[m.start("dir"):m.start("rate")]
        tail = text[m.end("rate"):m.end()] + close
        rewritten = head + mid + text[m.start("rate"):m.end("rate")] + tail + text[m.end():]
        s = len(head) + len(mid)
        yield plant("growth-paren-dash", ("G101",), doc, rewritten, s, s + len(m.group("rate")), wrong,
                    f"figures give {site['lo']:.2f}..{site['hi']:.2f}") | {"source": rewritten}


def decimal_lost_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A percentage with a decimal point, in any growth phrasing, written without it: "4.5%" -> "45%"."""
    for site in growth_sites(text):
        rate_text = site["m"].group("rate")
        if "." not in rate_text:
            continue
        lost = rate_text.replace(".", "").lstrip("0") or "0"
        v = float(lost)
        if fits(v, half_unit(lost), site["lo"], site["hi"], slack=1.0):
            continue
        s, e = site["m"].span("rate")
        rules = ("G101", "P101") if not site["up"] and v > 100 else ("G101",)
        yield plant("decimal-lost-percent", rules, doc, text, s, e, lost, f"figures give {site['lo']:.2f}..{site['hi']:.2f}")


def direction_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """The direction word of any phrasing flipped (verbs, "up/down from", nouns), where the change is clear."""
    for site in growth_sites(text):
        if min(abs(site["lo"]), abs(site["hi"])) < 1.0:
            continue
        m = site["m"]
        word = " ".join(m.group("dir").lower().split())
        other = FLIP.get(word)
        if other is None:
            continue
        if m.group("dir")[:1].isupper():
            other = other.capitalize()
        s, e = m.span("dir")
        yield plant("direction-flipped-any", ("G102",), doc, text, s, e, other, f"form {site['form']}")


_PCT_PAIR = regex.compile(
    rf"\b(?P<dir>{_VERBS})(?P<gap>\s+)(?:(?:to\s+)(?P<new>{NUM}){PCT}(?:\s+[a-z]+){{0,3}}?\s+from\s+(?P<old>{NUM}){PCT}"
    rf"|from\s+(?P<old2>{NUM}){PCT}(?:\s+[a-z]+){{0,3}}?\s+to\s+(?P<new2>{NUM}){PCT})", regex.IGNORECASE)


def points_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A change between two percentages given as "N percent" where N is the difference in points; inserted as a
    noun phrase after the figures (", a rise of 1.6 per cent") rather than after the verb."""
    for m in _PCT_PAIR.finditer(text):
        new, old = m.group("new") or m.group("new2"), m.group("old") or m.group("old2")
        n, o = float(new.replace(",", "")), float(old.replace(",", ""))
        if o <= 0 or n == o:
            continue
        dec = max(decimals(new), decimals(old))
        pts = abs(n - o)
        lo, hi = change_interval((o, half_unit(old)), (n, half_unit(new)))
        if fits(pts, 0.5 * 10 ** -dec, min(abs(lo), abs(hi)), max(abs(lo), abs(hi)), slack=0.1):
            continue  # the points could also be the relative change: not exposed
        up = n > o
        if (" ".join(m.group("dir").lower().split()) in _UPWORDS) != up:
            continue
        if not regex.match(r"\s*(?:[,.;]|$)", text[m.end():m.end() + 3]):
            continue  # the inserted phrase must close the clause, not take the next words as its own
        noun = r.choice(("a rise of", "an increase of", "up")) if up else r.choice(("a fall of", "a decline of", "down"))
        unit = r.choice(("percent", "per cent", "pct", "%"))
        ins = f", {noun} {fmt(pts, dec)}{'' if unit == '%' else ' '}{unit}"
        s = m.end()
        yield plant("percent-for-points-noun", ("G103",), doc, text, s, s, ins, f"relative {lo:.2f}..{hi:.2f}")


_MULT = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}


def multiplier_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A multiplier the figures exclude, in any form: "tripled", "rose fourfold", "five times": the verb of a
    verified growth site replaced."""
    for site in growth_sites(text):
        if site["form"] != "verb" or not site["up"]:
            continue
        ratio_lo, ratio_hi = 1 + site["lo"] / 100, 1 + site["hi"] / 100
        options = [(w, k) for w, k in _MULT.items() if not ratio_lo * 0.9 <= k <= ratio_hi * 1.1]
        options += [(f"rose {k}-fold", k) for k in (3, 5) if not ratio_lo * 0.9 <= k <= ratio_hi * 1.1]
        if not options:
            continue
        word, _ = r.choice(options)
        m = site["m"]
        # "rose 12 pct to 45 from 40" -> "tripled to 45 from 40": the verb and its rate replaced
        s, e = m.start("dir"), m.end("rate")
        after = text[e:m.end()]
        pm = regex.match(PCT + r"\s+", after, regex.IGNORECASE)
        if pm is None:
            continue
        yield plant("multiplier-wrong", ("G104",), doc, text, s, e + pm.end(), word + " ", f"ratio {ratio_lo:.2f}")


# --- decline past 100 and shares of a population above 100 -------------------------------------
_NONNEG = r"(?:sales|output|exports|imports|shipments|production|orders|deliveries|volume|revenues?|turnover|" \
          r"visitors|passengers|subscribers|sales\s+volume|stocks|inventories|employment|jobs|spending|investment)"
_DECLINE = regex.compile(
    rf"\b{_NONNEG}\b[^.;:]{{0,60}}?\b(?:(?P<verb>fell|dropped|declined|slumped|plunged|decreased|shrank|were\s+down|was\s+down|down)"
    rf"\s+(?:by\s+)?(?:some\s+|about\s+)?(?P<r1>{NUM}){PCT}"
    rf"|(?:an?\s+)(?P<r2>{NUM}){PCT}\s+(?:drop|decline|fall|decrease|slump)"
    rf"|(?:an?\s+)(?:drop|decline|fall|decrease|slump)\s+of\s+(?P<r3>{NUM}){PCT})", regex.IGNORECASE)
_NEGATABLE = regex.compile(r"\b(?:profits?|earnings|income|net|loss(?:es)?|deficits?|surplus|balance|margins?|"
                           r"index|yields?|growth|inflation|value|prices?|rates?)\b", regex.IGNORECASE)


def decline_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A fall in a measure that cannot go below zero (sales, output, visitors...) given as more than 100 %, by a
    noun ("a 120% drop", "a decline of 130 pct") as well as a verb; the slip is a digit added or a point lost."""
    for m in _DECLINE.finditer(text):
        g = "r1" if m.group("r1") else "r2" if m.group("r2") else "r3"
        if _NEGATABLE.search(text, m.start(), m.start(g)):
            continue
        rate = m.group(g)
        v = float(rate.replace(",", ""))
        if not 0 < v < 100:
            continue
        lost = rate.replace(".", "") if "." in rate else None
        new = lost if lost and float(lost) > 100 else fmt(100 + v if r.random() < 0.5 else v * 10, decimals(rate))
        if float(new) <= 100:
            continue
        s, e = m.span(g)
        yield plant("decline-past-100-any", ("P101",), doc, text, s, e, new, g)


POPULATION = (r"(?:the\s+|its\s+|their\s+|all\s+)?(?:[a-z'’]+\s+){0,2}?(?:employees|workers|staff|members|voters|"
              r"residents|respondents|households|adults|children|students|pupils|farmers|shareholders|"
              r"customers|patients|people|population|men|women|companies|firms|banks|families|users|americans|"
              r"britons|consumers|drivers|delegates|doctors|teachers|citizens)")
_SHARE = regex.compile(rf"(?P<rate>{NUM}){PCT}\s+of\s+(?P<pop>{POPULATION})\b", regex.IGNORECASE)


def population_share_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """ "13% of the company's employees" -> "130%": a share of any population written past 100 %."""
    for m in _SHARE.finditer(text):
        rate = m.group("rate")
        v = float(rate.replace(",", ""))
        if not 0 < v < 100:
            continue
        new = rate.replace(".", "") if "." in rate and float(rate.replace(".", "")) > 100 else \
            fmt(v * 10 if v * 10 > 100 else v + 100, decimals(rate))
        s, e = m.span("rate")
        yield plant("share-of-population-over-100", ("P102",), doc, text, s, e, new, m.group("pop"))


_LEVEL = regex.compile(rf"\b(?:unemployment(?:\s+rate)?|jobless\s+rate|inflation|turnout|approval\s+rating)"
                       rf"(?:\s+[a-z]+){{0,3}}?\s+(?:of|at|was|to|stood\s+at|reached|hit)\s+(?P<rate>\d\.\d){PCT}",
                       regex.IGNORECASE)


def implausible_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A bounded rate's level with its point lost: "the jobless rate was 9.5 pct" -> "95 pct"."""
    for m in _LEVEL.finditer(text):
        if m.group(0).lower().startswith("inflation"):
            continue  # hyperinflation makes 95 % possible: no bound exposes it
        bound = 50.0 if regex.match(r"unemployment|jobless", m.group(0), regex.IGNORECASE) else 100.0
        if float(m.group("rate").replace(".", "")) <= bound:
            continue  # "2.1" -> "21": a jobless rate of 21 % is possible, so nothing is exposed
        s, e = m.span("rate")
        yield plant("bounded-rate-point-lost", ("P105",), doc, text, s, e, m.group("rate").replace(".", ""))


# --- reading numbers ------------------------------------------------------------------------------
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


# --- sums, lists, restatements ----------------------------------------------------------------------
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
        s0, _ = _sentence_bounds(text, rm.start())
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


def restated_body_plants(doc: str, text: str, r: random.Random) -> Iterator[dict]:
    """A headline figure restated once in the body, with the BODY figure changed (bench/inject.py changes the
    headline): the same measure twice with values that cannot both hold."""
    end = _headline_end(text)
    if not end:
        return
    head = {(m.group("num"), (m.group("sc") or "").strip().lower(), m.group("unit").strip().lower()) for m in _UNITFIG.finditer(text, 0, end)}
    for m in _UNITFIG.finditer(text, end):
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
