"""Synthetic host sentences for bench/planter2.py, for classes the corpus has too few hosts of.

Why apart: a synthetic sentence measures the checker on a form we wrote, which is weaker evidence
than a real host; keeping them in their own module (and marking each plant `host: "synthetic"`)
keeps the two from being mixed up. Every generator builds a consistent sentence from random
figures, then makes one slip of its class, and returns (text, start, end, replacement, note) for
the slip. The wording varies by random choice among forms written from the class's definition.
"""
from __future__ import annotations

import random
from typing import Callable

Slip = tuple[str, int, int, str, str]

SUBJECTS = ("Sales", "Exports", "Revenue", "Output", "Shipments", "Deliveries", "Orders", "Imports")
PEOPLE = ("employees", "residents", "voters", "pupils", "members", "nurses", "farmers", "households", "respondents")
YEARS = (2019, 2020, 2021, 2022, 2023)


def _with_slip(before: str, original: str, after: str, replacement: str, note: str = "") -> Slip:
    text = before + original + after
    return text, len(before), len(before) + len(original), replacement, note


def _pair(r: random.Random) -> tuple[float, float, float]:
    old = r.randrange(120, 900)
    rate = r.choice((8, 12.5, 15, 20, 25, 30, 40, 60))
    if r.random() < 0.4:
        rate = -r.choice((5, 10, 12.5, 20, 25, 30))
    new = round(old * (1 + rate / 100), 1)
    return float(old), new, rate


def _fnum(x: float) -> str:
    return f"{x:,.1f}".rstrip("0").rstrip(".")


def _wrong(rate: float) -> str:
    return _fnum(abs(rate) * 2 + 5)


def growth_comparative(r: random.Random) -> Slip:
    old, new, rate = _pair(r)
    if rate < 0:  # costs higher than the earlier year: the same size of rate, upwards (swapping the figures of
        rate = -rate  # a fall would not do: 25% below is 33.3% above, and the host would not hold)
        new = round(old * (1 + rate / 100), 1)
    words = {25: "a quarter", 50: "half", 20: "a fifth", 10: "a tenth"}
    y = r.choice(YEARS)
    noun = r.choice(("Costs", "Fees", "Rents", "Wages"))
    if rate in words and r.random() < 0.5:
        wrong = r.choice([w for k, w in words.items() if abs(k - rate) > 8])
        return _with_slip(f"{noun} were {_fnum(new)} million euros in {y + 1}, ", words[rate], f" higher than the {_fnum(old)} million of {y}.", wrong)
    form = r.choice(("{r}% higher than", "{r} per cent more than", "up {r}% on"))
    pre, post = form.split("{r}")
    return _with_slip(f"{noun} came to {_fnum(new)} million euros in {y + 1}, {pre}", _fnum(rate),
                      f"{post} the {_fnum(old)} million of {y}.", _wrong(rate))


def growth_verb(r: random.Random) -> Slip:
    old, new, rate = _pair(r)
    up = rate > 0
    verb = r.choice(("surged", "advanced", "climbed", "grew")) if up else r.choice(("slumped", "tumbled", "shrank", "eased"))
    s = r.choice(SUBJECTS)
    if r.random() < 0.5:
        return _with_slip(f"{s} {verb} from {_fnum(old)} million to {_fnum(new)} million units last year, or ", _fnum(abs(rate)), " percent.", _wrong(rate))
    return _with_slip(f"{s} {verb} ", _fnum(abs(rate)), f"% to {_fnum(new)} million units from {_fnum(old)} million.", _wrong(rate))


def growth_noun(r: random.Random) -> Slip:
    old, new, rate = _pair(r)
    noun = ("an increase" if rate > 0 else "a decrease") if r.random() < 0.5 else ("a gain" if rate > 0 else "a drop")
    s = r.choice(SUBJECTS)
    return _with_slip(f"{s} reached {_fnum(new)} million dollars, {noun} of ", _fnum(abs(rate)), f"% from {_fnum(old)} million a year earlier.", _wrong(rate))


def _up_down(r: random.Random, head: str, tail: str) -> Slip:
    """ "<subject> ... <new>, up <rate> ... from <old>": `head` and `tail` are formats around the rate."""
    old, new, rate = _pair(r)
    fields = {"s": r.choice(SUBJECTS), "new": _fnum(new), "old": _fnum(old), "d": "up" if rate > 0 else "down"}
    return _with_slip(head.format(**fields), _fnum(abs(rate)), tail.format(**fields), _wrong(rate))


def growth_up_from(r: random.Random) -> Slip:
    return _up_down(r, "{s} were {new} million tonnes, {d} ", " per cent from {old} million.")


def growth_paren_dash(r: random.Random) -> Slip:
    o, c = r.choice((("(", ")"), ("\u2014 ", " \u2014"), ("- ", " -")))
    return _up_down(r, "{s} reached {new}m " + o + "{d} ", "% from {old}m" + c + " in the year.")


def growth_wire(r: random.Random) -> Slip:
    return _up_down(r, "{s} {new} mln dlrs, {d} ", " pct yr/yr from {old} mln.")


def decimal_lost(r: random.Random) -> Slip:
    old = r.randrange(200, 900)
    rate = r.choice((2.5, 4.5, 6.4, 3.8, 7.2))
    new = round(old * (1 + rate / 100), 1)
    return _with_slip(f"{r.choice(SUBJECTS)} rose ", _fnum(rate), f"% to {_fnum(new)} million from {old} million.", _fnum(rate).replace(".", ""))


def direction(r: random.Random) -> Slip:
    old, new, rate = _pair(r)
    up = rate > 0
    word = r.choice(("an increase", "a rise")) if up else r.choice(("a decrease", "a fall"))
    flip = {"an increase": "a decrease", "a rise": "a fall", "a decrease": "an increase", "a fall": "a rise"}[word]
    return _with_slip(f"{r.choice(SUBJECTS)} reached {_fnum(new)} million, ", word, f" of {_fnum(abs(rate))}% from {_fnum(old)} million.", flip)


def points(r: random.Random) -> Slip:
    old = r.choice((4.2, 5.5, 7.1, 12.4, 35.0, 48.5))
    step = r.choice((0.8, 1.3, 2.1))
    new = round(old + step, 1)
    unit = r.choice((" percent", "%", " per cent"))
    return _with_slip(f"The jobless rate rose to {new}{unit} from {old}{unit}, an increase of ", f"{step / old * 100:.0f}{unit}", ".", f"{step}{unit}")


def multiplier(r: random.Random) -> Slip:
    old = r.randrange(100, 500)
    k = r.choice((2, 3, 4))
    word = {2: "doubled", 3: "tripled", 4: "quadrupled"}[k]
    wrong = r.choice([w for w in ("doubled", "tripled", "quadrupled", "rose fivefold") if w != word])
    return _with_slip(f"{r.choice(SUBJECTS)} ", word, f" to {old * k} units from {old}.", wrong)


def times_restated(r: random.Random) -> Slip:
    k = r.choice((50, 20, 10, 5))
    rate = (k - 1) * 100
    return _with_slip(f"Downloads rose {rate:,}% in a year, to ", f"{k} times", " as many as before.", f"{k - 1} times")


def cagr(r: random.Random) -> Slip:
    y = r.choice(YEARS) - 10
    n = r.choice((5, 8, 10))
    rate = r.choice((4, 6, 8, 10))
    old = r.randrange(100, 400)
    new = round(old * (1 + rate / 100) ** n)
    return _with_slip(f"Traffic grew from {old} million passengers in {y} to {new} million in {y + n}, an average annual rate of ", f"{rate}%", ".", f"{rate * 2 + 3}%")


def series_rate(r: random.Random) -> Slip:
    y = r.choice(YEARS)
    old, new, rate = _pair(r)
    d = "rose" if rate > 0 else "fell"
    return _with_slip(f"In {y} the port handled {_fnum(old)} million tonnes. In {y + 1} volume {d} ", f"{_fnum(abs(rate))}%",
                      f" year on year to {_fnum(new)} million tonnes.", f"{_wrong(rate)}%")


def decline(r: random.Random) -> Slip:
    v = r.choice((12, 15.5, 18, 23, 35))
    form = r.choice(("a {v}% drop in {n}", "a decline of {v} per cent in {n}", "{n} were down {v}%"))
    n = r.choice(("visitor numbers", "shipments", "passenger numbers", "orders"))
    pre, post = form.format(v="\x00", n=n).split("\x00")
    return _with_slip(f"The airport reported {pre}", _fnum(v), f"{post} last month.", _fnum(v + 100))


def population_share(r: random.Random) -> Slip:
    v = r.choice((13, 24, 37, 45, 62, 8.5))
    pop = r.choice(PEOPLE)
    owner = r.choice(("the company's ", "the town's ", "", "all "))
    form = r.choice(("Some {v}% of {o}{p} took part.", "About {v} per cent of {o}{p} said they would vote.", "Only {v} percent of {o}{p} own a car."))
    pre, post = form.format(v="\x00", o=owner, p=pop).split("\x00")
    return _with_slip(pre, _fnum(v), post, _fnum(v * 10 if v * 10 > 100 else v + 100))


def shares_over(r: random.Random) -> Slip:
    a, b = r.choice(((45, 35), (50, 30), (40, 25), (38, 33)))
    c = 100 - a - b - r.choice((0, 2, 5))
    if r.random() < 0.5:
        return _with_slip(f"The shares of the three regions were {a}%, {b}% and ", f"{c}%", ", respectively.", f"{c + 25}%")
    return _with_slip(f"In the poll, {a}% of respondents backed the plan, {b}% opposed it and ", f"{c}%", " were undecided.", f"{c + 25}%")


def verbal(r: random.Random) -> Slip:
    phrase, v, wrong = r.choice((("nearly half", 48, 62), ("about a third", 33, 51), ("most", 71, 38),
                                 ("a quarter", 25, 44), ("two-thirds", 66, 41)))
    return _with_slip(f"{phrase.capitalize()} of the {r.choice(PEOPLE)} (", f"{v}%", ") said prices were too high.", f"{wrong}%")


# Bounded measures, the most their level can be, and sentences stating one (bench/planter2_rates.py's corpus planter
# uses the same bounds): a point lost is a slip of this class only when the figure it makes is out of bounds
# ("4.5%" -> "45%" unemployment is possible, so it exposes nothing and is not planted).
BOUNDED = (
    (50.0, ("The unemployment rate stood at ", "Unemployment was ", "The jobless rate reached ",
            "Unemployment was unchanged at ", "The jobless rate edged up to ")),
    (100.0, ("Turnout was ", "Voter turnout reached ", "The government's approval rating fell to ")),
)


def bounded(r: random.Random) -> Slip:
    bound, forms = r.choice(BOUNDED)
    v = r.choice([v for v in (4.5, 6.2, 8.7, 7.3, 5.8, 9.4, 61.3, 72.4, 58.9, 44.6) if 10 * v > bound and v < bound])
    return _with_slip(r.choice(forms), f"{v}%", " in March.", f"{str(v).replace('.', '')}%")


def split_group(r: random.Random) -> Slip:
    n = r.randrange(10_000, 9_999_999)
    s = f"{n:,}"
    i = r.choice([k for k, c in enumerate(s) if c == ","])
    return _with_slip("The agency counted ", s, " arrivals in the year.", s[:i + 1] + " " + s[i + 1:])


def drop_later(r: random.Random) -> Slip:
    s = f"{r.randrange(1_000_000, 999_999_999):,}"
    i = r.choice([k for k, c in enumerate(s) if c == ","][1:])
    return _with_slip("The registry lists ", s, " entries.", s[:i] + s[i + 1:])


def broken(r: random.Random) -> Slip:
    kind = r.choice(("space", "break", "stray", "lead"))
    if kind == "space":
        return _with_slip("Prices rose ", "24.5%", " in the year.", "2 4.5%", kind)
    if kind == "break":
        return _with_slip("Turnout was ", "63.2 percent", " of the electorate.", "63.\n2 percent", kind)
    if kind == "stray":
        return _with_slip("The bank lent nearly ", "300 million", " dollars.", "300. million", kind)
    return _with_slip("The fee is ", "0.85%", " of the loan.", ". 85%", kind)


def wan(r: random.Random) -> Slip:
    v = r.choice((19, 5.22, 3.4, 12, 1.8))
    return _with_slip("The city received ", f"{_fnum(v)} million tourists", " last year.", f"{_fnum(v * 100)} 10,000 tourists")


def yi(r: random.Random) -> Slip:
    v = r.choice((2.5, 13.14, 8, 1.2))
    return _with_slip("Its revenue was ", f"{_fnum(v)} billion yuan", " in the year.", f"{_fnum(v * 10)} 100 million yuan")


def glued(r: random.Random) -> Slip:
    y = r.choice(YEARS)
    n = f"{r.randrange(1_000, 99_999):,}"
    return _with_slip("In ", f"{y}, {n}", " people moved to the city.", f"{y}{n}")


def invisible(r: random.Random) -> Slip:
    n = f"{r.randrange(1_000, 999_999):,}"
    i = r.randrange(1, len(n))
    return _with_slip("The plant employs ", n, " people.", n[:i] + r.choice(("\u00ad", "\u2060", "\u200c")) + n[i:])


def unit_wrong_way(r: random.Random) -> Slip:
    ft = r.choice((12, 30, 8, 150))
    m = ft * 0.3048
    adj = r.choice(("high", "long", "wide", "deep"))
    return _with_slip(f"They built a {ft}-foot-{adj} (", f"{m:.1f}", f"-metre-{adj}) wall.", f"{ft * 3.281:.0f}")


def unit_plain(r: random.Random) -> Slip:
    km = r.choice((90, 160, 400, 25))
    return _with_slip(f"The route is {km} km (", f"{km * 0.6214:.0f}", " miles) long.", f"{km * 1.609:.0f}")


def conversion_scale(r: random.Random) -> Slip:
    gbp = r.choice((7.5, 12, 2.4, 30))
    usd = round(gbp * 1.3, 1)
    first = r.random() < 0.5
    if first:
        return _with_slip("The deal is worth £", f"{_fnum(gbp)}m", f" (${_fnum(usd)}m).", f"{_fnum(gbp)}bn")
    return _with_slip(f"The deal is worth £{_fnum(gbp)} billion ($", f"{_fnum(usd)} billion", ").", f"{_fnum(usd)} million")


def magnitude(r: random.Random) -> Slip:
    a, b, c = r.choice(((2, 3, 5.22), (1.2, 1.5, 1.9), (4, 4.6, 5.3)))
    return _with_slip(f"Sales passed {a} million and {b} million units in 2021 and 2022, respectively, and reached ",
                      f"{c} million", " units in 2023.", f"{_fnum(c * 100)}")


def _parts(r: random.Random) -> tuple[int, int, int]:
    a, b = r.randrange(100, 500), r.randrange(100, 500)
    return a, b, a + b


def parts_colon(r: random.Random) -> Slip:
    a, b, t = _parts(r)
    return _with_slip(f"The school has {t} pupils: {a} girls and ", f"{b}", " boys.", f"{b + 80}")


def parts_including(r: random.Random) -> Slip:
    a, b, t = _parts(r)
    return _with_slip(f"The fleet has {t + 40} ships, including {a} tankers and ", f"{b}", " bulk carriers.", f"{b + 200}")


def parts_of_which(r: random.Random) -> Slip:
    a, b, t = _parts(r)
    return _with_slip(f"The ministry hired {t + 20} staff, of which {a} were nurses and ", f"{b}", " were doctors.", f"{b + 150}")


def parts_total_of(r: random.Random) -> Slip:
    a, b, t = _parts(r)
    return _with_slip(f"A total of ", f"{t}", f" people were hurt, {a} in the north and {b} in the south.", f"{t - 90}")


def parts_combined(r: random.Random) -> Slip:
    a, b, t = _parts(r)
    form = r.choice(("The two plants made {a} and {b} cars, a combined {t}.", "The clubs sold {a} and {b} tickets; in all, {t}."))
    pre, post = form.format(a=a, b=b, t="\x00").split("\x00")
    return _with_slip(pre, f"{t}", post, f"{t + 120}")


def respectively(r: random.Random) -> Slip:
    places = r.sample(("Leeds", "York", "Hull", "Derby", "Bath", "Ely", "Wells"), r.choice((3, 4)))
    figs = [f"{r.randrange(2, 40)}%" for _ in places]
    labels = ", ".join(places[:-1]) + " and " + places[-1]
    fewer = ", ".join(places[1:-1]) + " and " + places[-1]
    return _with_slip("Output at ", labels, f" rose {', '.join(figs[:-1])} and {figs[-1]}, respectively.", fewer)


def part_exceeds(r: random.Random) -> Slip:
    whole = r.randrange(200, 900)
    part = whole - r.randrange(20, 150)
    return _with_slip(f"Of the {whole} {r.choice(PEOPLE)}, ", f"{part}", " voted in favour.", f"{whole + r.randrange(20, 150)}")


def restated_body(r: random.Random) -> Slip:
    v = r.choice((4.2, 12.5, 310, 18))
    return _with_slip(f"Profit up {_fnum(v)}%\n\nThe company said profit rose ", f"{_fnum(v)}%", " in the year.", f"{_fnum(v * 1.5)}%")


def restated_paragraph(r: random.Random) -> Slip:
    v = r.choice((2.1, 3.4, 1.8))
    q = r.choice(("first", "second", "third"))
    return _with_slip(f"The economy grew {v}% in the {q} quarter. Analysts said the {q}-quarter growth of ", f"{v}%", " beat forecasts.", f"{_fnum(v + 1.2)}%")


def per_day(r: random.Random) -> Slip:
    year = r.choice((12_000_000, 3_650_000, 730_000))
    day = round(year / 365)
    form = r.choice(("a day", "per day"))
    return _with_slip(f"The plant makes {year:,} bottles a year, or ", f"{day:,}", f" {form}.", f"{day * 10:,}")


def difference(r: random.Random) -> Slip:
    """A gap stated beside its two figures (S104), worked out wrong by 4 to 7: poll shares in points, money."""
    a = r.randrange(30, 60)
    b = r.randrange(10, a - 5)
    gap, wrong = a - b, a - b + r.choice((4, 5, 6, 7, -4))
    form = r.randrange(4)
    if form == 0:
        return _with_slip(f"Support stands at {a}% against {b}% for the opposition, a gap of ", f"{gap}", " points.",
                          f"{wrong}")
    if form == 1:
        return _with_slip(f"Labour is on {a}% and the Conservatives on {b}%, a ", f"{gap}", "-point lead.", f"{wrong}")
    if form == 2:
        return _with_slip(f"The poll shows a ", f"{gap}", f"-point gap between the {a}% for Smith and the {b}% for Jones.",
                          f"{wrong}")
    return _with_slip(f"Revenue was ${a} million and costs ${b} million, a difference of $", f"{gap}", " million.",
                      f"{wrong}")


def per_unit(r: random.Random) -> Slip:
    """A total restated per unit of a count (C102) with a thousand lost or gained: "$35.8 million" for "$35,800"."""
    count, each, noun, plural = r.choice(((95_000, 35_800, "job", "jobs"), (40_000, 3_000, "pupil", "pupils"),
                                           (1_200, 2_000, "home", "new homes"), (25_000, 450, "member", "members")))
    total = count * each / 1e6
    lead = r.choice((", or $", ", which works out to $", ", about $"))
    per = r.choice((" per ", " a "))
    wrong = f"{each / 1000:g} million" if r.random() < 0.5 else f"{each // 10:,}"
    return _with_slip(f"The ${total:g} million scheme pays for {count:,} {plural}{lead}", f"{each:,}",
                      f"{per}{noun}.", wrong)


def share_of_whole(r: random.Random) -> Slip:
    """A part stated with its percentage of a stated whole (S105), the percentage worked out wrong: a decimal slip,
    or the share of another figure."""
    whole = r.choice((3_000, 12_500, 480, 2_400, 60_000))
    pct = r.choice((5, 12, 15, 20, 25, 40))
    part = whole * pct // 100
    wrong = r.choice((pct * 2, pct + 10, pct * 3)) if pct < 30 else pct // 2
    form = r.randrange(4)
    noun, plural = r.choice((("worker", "workers"), ("member", "members"), ("resident", "residents")))
    if form == 0:
        return _with_slip(f"The group will cut {part:,} jobs, or ", f"{pct}%", f" of its {whole:,} {plural}.", f"{wrong}%")
    if form == 1:
        return _with_slip(f"Some {part:,} of the {whole:,} {plural} (", f"{pct}%", ") voted against the plan.", f"{wrong}%")
    if form == 2:
        return _with_slip(f"The fund keeps ", f"{pct} percent", f" of the ${whole:,} million it holds, or ${part:,} million, "
                          "in cash.", f"{wrong} percent")
    return _with_slip(f"Of its {whole:,} {plural}, {part:,}, or about ", f"{pct} pct", ", took the offer.", f"{wrong} pct")


def change_amount(r: random.Random) -> Slip:
    old = r.randrange(300, 900) / 10
    moved = r.randrange(5, 60) / 10
    up = r.random() < 0.5
    new = old + moved if up else old - moved
    wrong = f"{moved * r.choice((2, 2.5, 3)):.1f}"  # one decimal, as written: "1.0", not a round "1" (which 0.5 may be)
    form = r.choice(("{n} in March, {d} {a} from {o} in February.", "{v} {a} from {o} to {n}.", "{v} {a} to {n} from {o}."))
    subject = r.choice(SUBJECTS)
    words = {"n": f"${_fnum(new)} billion", "o": f"${_fnum(old)} billion", "d": "up" if up else "down",
             "v": r.choice(("rose", "climbed")) if up else r.choice(("fell", "dropped"))}
    head = f"{subject} were " if form.startswith("{n}") else f"{subject} "
    before, after = form.split("{a}")
    return _with_slip(head + before.format(**words), f"${moved:.1f} billion", after.format(**words), f"${wrong} billion")


GENERATORS: dict[str, Callable[[random.Random], Slip]] = {
    "growth-verb": growth_verb, "growth-up-from": growth_up_from, "growth-noun": growth_noun,
    "growth-comparative": growth_comparative, "growth-paren-dash": growth_paren_dash, "growth-wire-abbrev": growth_wire,
    "decimal-lost-percent": decimal_lost, "direction-flipped-any": direction, "percent-for-points-noun": points,
    "multiplier-wrong": multiplier, "times-restated": times_restated, "cagr-wrong": cagr, "series-rate-wrong": series_rate,
    "change-amount-wrong": change_amount,
    "decline-past-100-any": decline, "share-of-population-over-100": population_share, "shares-sum-over-100": shares_over,
    "verbal-proportion-wrong": verbal, "bounded-rate-point-lost": bounded, "thousands-space-split": split_group,
    "separator-dropped-later": drop_later, "figure-broken": broken, "wan-garble-space": wan, "yi-garble-any": yi,
    "glued-year-any": glued, "invisible-in-figure": invisible, "unit-conversion-wrong-way": unit_plain,
    "conversion-hyphenated": unit_wrong_way, "conversion-million-billion": conversion_scale,
    "magnitude-jump-any": magnitude, "parts-including": parts_including, "parts-of-which": parts_of_which,
    "parts-colon-list": parts_colon, "parts-a-total-of": parts_total_of, "parts-combined-in-all": parts_combined,
    "respectively-label-dropped": respectively, "part-exceeds-whole-any": part_exceeds,
    "restated-body-changed": restated_body, "restated-same-paragraph": restated_paragraph, "per-day-restatement": per_day,
    "difference-stated-wrong": difference, "per-unit-scale": per_unit, "share-of-whole-wrong": share_of_whole,
}
