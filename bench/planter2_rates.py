"""bench/planter2's planters for growth claims, declines, shares and bounded rates (G and P rules).

Every growth phrasing (verb, "NEW, up X% from OLD", "a rise of X%") is one site reader; each class
plants its own slip into the sites whose own arithmetic holds.
"""
from __future__ import annotations

import random
from typing import Iterator

import regex

from bench.planter2_reader import NUM, PCT, SCALE, SCALES, change_interval, decimals, fits, fmt, half_unit, num_value, plant

UP = ("rose", "increased", "climbed", "jumped", "grew", "gained", "advanced", "surged", "soared", "rising",
      "was up", "were up", "edged up", "went up")
DOWN = ("fell", "decreased", "dropped", "declined", "slipped", "slumped", "plunged", "tumbled", "eased", "falling",
        "was down", "were down", "edged down", "went down", "shrank")
FLIP = {**{u: d for u, d in zip(UP, DOWN)}, **{d: u for u, d in zip(UP, DOWN)}, "up": "down", "down": "up",
        "higher": "lower", "lower": "higher", "increase": "decrease", "decrease": "increase", "rise": "fall",
        "fall": "rise", "gain": "loss", "drop": "rise", "decline": "rise", "jump": "fall", "more": "less",
        "less": "more", "above": "below", "below": "above"}
_VERBS = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in sorted(UP + DOWN, key=len, reverse=True))


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
# "83.4 billion ..., 165 pct higher than the 30.6 billion of a year ago": a comparative, both figures given.
COMPARATIVE = regex.compile(
    rf"[$£€]?{_fig('new')}{_UNITWORD}[^.;:()%]{{0,80}}?[\s,]+(?:(?:or|was|is|which\s+was|some|about)\s+)?(?P<rate>{NUM}){PCT}\s+"
    rf"(?P<dir>higher|lower|more|less|above|below)\s+than\s+(?:the\s+|a\s+|its\s+)?(?:[a-z'’]+\s+){{0,3}}?[$£€]?{_fig('old')}",
    regex.IGNORECASE)
_UPWORDS = set(UP) | {"up", "increase", "rise", "gain", "jump", "higher", "more", "above"}


def growth_sites(text: str) -> Iterator[dict]:
    """Each phrasing's sites whose own arithmetic holds: the rate fits the figures within rounding."""
    for form, pat in (*GROWTH_FORMS.items(), ("comparative", COMPARATIVE)):
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
