"""A second planter for the claim-based G101, G104, P and S101-S103 rules: the error class written in many forms.

Why: bench/recall.py plants errors into real articles with one phrasing per class, and a rule can learn
that phrasing. Here each class is written from its definition, crossing the parts the words may vary
in (population nouns, verbs, word orders, punctuation, sentences apart), each form once with an
impossible figure (must fire) and once with a possible one (must stay quiet, same words). Reported per
rule: recall on the impossible forms, false alarms on the possible ones.

    python bench/plant_forms.py
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from statlint import check_text

POPULATIONS = ("the company's employees", "voters", "all households", "those polled", "Britain's farmers",
               "the city's residents", "adult smokers", "its shareholders", "local firms", "the workforce")
# Population nouns rules.shares does not list: what a lexicon misses (reported as a rule of its own, P102*).
UNLISTED_POPULATIONS = ("dentists", "the school's alumni", "fishermen", "commuters", "landlords")
SHARE_VERBS = ("took part", "said yes", "own a car", "were affected", "signed the letter")
PERCENT_FORMS = ("{n}%", "{n} pct", "{n} per cent", "{n} percent")
HEDGES = ("", "Some ", "About ", "Nearly ")


def p102(populations=POPULATIONS):
    for pop, verb, form, hedge in itertools.product(populations, SHARE_VERBS, PERCENT_FORMS, HEDGES):
        for n, bad in ((130, True), (13, False)):
            figure = form.format(n=n)
            yield bad, f"{hedge}{figure} of {pop} {verb}, the report said."
            yield bad, f"The report said {hedge.lower()}{figure} of {pop} {verb}."


SPLIT_SUBJECTS = ("Shares of the three regions were", "The three parties won", "The regions accounted for",
                  "Market shares of the three firms were")
SPLIT_JOINS = ("{a}, {b} and {c}", "{a}, {b}, and {c}")


def p103():
    for subject, join, form in itertools.product(SPLIT_SUBJECTS, SPLIT_JOINS, PERCENT_FORMS):
        for values, bad in (((45, 35, 30), True), ((45, 35, 20), False)):
            a, b, c = (form.format(n=v) for v in values)
            tail = " of the vote" if "parties" in subject else ""
            yield bad, f"{subject} {join.format(a=a, b=b, c=c)}{tail}, respectively."
    openers = ("In the poll, {a} said they back the plan.", "Asked about the plan, {a} of respondents backed it.",
               "The survey found that {a} said they support the plan.")
    follows = ("Another {b} opposed it.", "A further {b} said they oppose it.", "A further {b} were against it.")
    lasts = ("The remaining {c} were undecided.", "", "The other {c} had no opinion.", "The rest, {c}, had no view.",
             "The remainder ({c}) did not answer.")
    for opener, follow, last, form in itertools.product(openers, follows, lasts, PERCENT_FORMS):
        for values, bad in (((45, 40, 25), True), ((45, 40, 15), False)):
            if not last:
                values, bad = ((60, 50, 0), True) if bad else ((60, 35, 0), False)
            a, b, c = (form.format(n=v) for v in values)
            text = " ".join(x for x in (opener, follow, last) if x).format(a=a, b=b, c=c)
            yield bad, text


GROUPS = ("members", "pupils", "nurses", "shops", "flights", "dentists", "homes", "delegates")
GROUP_VERBS = ("voted for the deal", "were closed", "took part", "left in March", "have since been sold")
GROUP_FORMS = ("Of the {w} {g}, {p} {v}.", "{p} of the {w} {g} {v}.", "Only {p} out of {w} {g} {v}.",
               "The region has {w} {g}, {p} of whom {v}.", "The region has {w} {g}, of which {p} {v}.",
               "The region has {w} {g}. Of these, {p} {v}.", "Among its {w} {g}, {p} {v}.",
               "It said {p} of its {w} {g} {v}.")
AMOUNTS = ("Of the {w} raised, {p} went to schools.", "Only {p} of the {w} on offer was sold.",
           "The fund lent {p} of its {w} to farmers.")


def s103():
    for form, group, verb in itertools.product(GROUP_FORMS, GROUPS, GROUP_VERBS):
        for whole, part, bad in (("368", "411", True), ("368", "211", False), ("1,250", "1,400", True),
                                 ("1,250", "980", False), ("45", "57", True), ("45", "37", False)):
            yield bad, form.format(w=whole, p=part, g=group, v=verb)
    for form in AMOUNTS:
        for whole, part, bad in (("$3.6 million", "$4.1 million", True), ("$3.6 million", "$1.4 million", False),
                                 ("50 mln dlrs", "61.5 mln dlrs", True), ("50 mln dlrs", "38.4 mln dlrs", False),
                                 ("£2.5bn", "£3.1bn", True), ("£2.5bn", "£1.1bn", False)):
            yield bad, form.format(w=whole, p=part)


def g104():
    forms = ("{s} rose {r}, or {m} times as many as in 2010.", "{s} jumped {r} to {m} times the 2010 level.",
             "{s} grew {r} ({m} times what they were in 2010).", "{s} climbed {r} -- {m} times as many as a decade ago.")
    subjects = ("Sales", "Visits", "Exports", "Cases")
    for form, subject in itertools.product(forms, subjects):
        for rate, mult, bad in (("4,900%", "49", True), ("4,900%", "50", False), ("300 pct", "three", True),
                                ("300 pct", "four", False), ("1,900 percent", "19", True), ("1,900 percent", "20", False)):
            yield bad, form.format(s=subject, r=rate, m=mult)


# G101: one change in every phrasing the definition allows (verb, noun, "up"/"down" aside after the figure
# with a comma, brackets, dashes or nothing, comparative, a rate in brackets, wire "vs"), each way.
G101_UP = ("{s} rose {r} to {new} from {old}.", "{s} climbed {r} to {new} from {old} a year earlier.",
           "{s} reached {new}, an increase of {r} from {old}.", "{s} reached {new}, a {r} rise from {old}.",
           "{s} totalled {new}, a gain of {r} on the {old} of 2021.", "{s} were {new}, or a {r} jump over {old}.",
           "{s} were {new}, up {r} from {old}.", "{s} were {new} (up {r} from {old}).",
           "{s} were {new} -- up {r} from {old} -- in the year.", "{s} were {new} \u2014 up {r} from {old} \u2014 in the year.",
           "{s} of {new} up {r} from {old} were a record.", "{s} were {new}, up {r} on the {old} of 2021.",
           "{s} were {new}, {r} more than the {old} of 2021.", "{s} of {new} were {r} higher than the {old} of 2021.",
           "{s} came to {new}, {r} above the {old} of 2021.", "{s} were {new}, {r} up on 2021's {old}.",
           "{s} rose to {new} from {old} (+{r}).", "{s} {new} vs {old}, up {r}.")
G101_DOWN = ("{s} fell {r} to {new} from {old}.", "{s} reached {new}, a decrease of {r} from {old}.",
             "{s} were {new} (down {r} from {old}).", "{s} were {new}, {r} less than the {old} of 2021.",
             "{s} of {new} were {r} lower than the {old} of 2021.", "{s} came to {new}, {r} below the {old} of 2021.",
             "{s} dropped to {new} from {old} (-{r}).", "{s} {new} vs {old}, down {r}.")
G101_UNITS = ("{n} mln dlrs", "{n} million euros", "{n},000 tonnes", "{n} million units")


def g101():
    for (forms, new, old, rates), unit, pct, subject in itertools.product(
            ((G101_UP, 500, 400, (("40", True), ("25", False))), (G101_DOWN, 400, 500, (("35", True), ("20", False)))),
            G101_UNITS, PERCENT_FORMS, ("Sales", "Exports")):
        for form, (rate, bad) in itertools.product(forms, rates):
            yield bad, form.format(s=subject, r=pct.format(n=rate), new=unit.format(n=new), old=unit.format(n=old))


# S101: a total and its parts, in every way the words tie them. Forms whose parts may be only some of the total
# ("including", a colon, "Of the N") are impossible when the parts add up to more; forms that name the total
# as their sum ("a combined", "in all") also when they add up to less.
SUBSET_FORMS = ("{t} {n}, including {a} {p} and {b} {q}.", "{t} {n}, of which {a} {p} and {b} {q}.",
                "{t} {n}, among them {a} {p} and {b} {q}.", "{t} {n}: {a} {p} and {b} {q}.",
                "A total of {t} {n} were counted, {a} {p} and {b} {q}.", "Of the {t} {n}, {a} stayed and {b} left.",
                "Out of {t} {n}, {a} {p}, {b} {q} and {c} elsewhere.", "{t} {n} in all -- {a} {p} and {b} {q}.")
SUM_FORMS = ("{a} {p} and {b} {q}, making a total of {t}.", "{a} {p} and {b} {q}, a combined {t}.",
             "{a} {p} and {b} {q}; in all, {t}.", "{a} {p} and {b} {q}, {t} altogether.",
             "{a} {p}, {b} {q} and {c} elsewhere, for a total of {t}.")
PART_NOUNS = (("ships", "in the north", "in the south"), ("people", "were women", "were men"),
              ("members", "from Kenya", "from Ghana"), ("seats", "went to the Greens", "to Labour"))


def s101():
    for form, (noun, p, q) in itertools.product(SUBSET_FORMS, PART_NOUNS):
        c = 40 if "{c}" in form else 0
        for (a, b, t), bad in (((500, 480, 900), True), ((500, 400, 980), False), ((52, 47, 90), True),
                               ((52, 38, 130), False), ((3100, 2900, 5400), True), ((3100, 2300, 5400), False)):
            yield bad, form.format(t=f"{t:,}", n=noun, a=f"{a:,}", b=f"{b:,}", c=c, p=p, q=q)
    for form, (noun, p, q) in itertools.product(SUM_FORMS, PART_NOUNS):
        c = 40 if "{c}" in form else 0
        for (a, b, t), bad in (((412, 388, 860), True), ((412, 388, 760), True), ((412, 388, 800), False),
                               ((1200, 700, 2100), True), ((1200, 700, 1900), False)):
            yield bad, "The agency counted " + form.format(t=f"{t + c:,}", n=noun, a=f"{a:,}", b=f"{b:,}", c=c, p=p, q=q)
    for link, unit in itertools.product(("including", "of which"), ("mln dlrs", "billion euros", "mln tonnes")):
        for (a, b, t), bad in (((3.9, 1.6, 5.2), True), ((3.8, 1.4, 5.2), False)):
            yield bad, f"Shipments totalled {t} {unit}, {link} {a} {unit} to Asia and {b} {unit} to Europe."


# S102: values paired with labels by "respectively", labels after or before the values, in many units.
LABEL_LISTS = (("Leeds", "York", "Hull"), ("2021", "2022", "2023"), ("Britain", "France", "Germany"),
               ("New York", "Los Angeles", "San Francisco"), ("the north", "the south", "the east"))
VALUE_FORMS = ("{v}%", "{v} pct", "{v} mln dlrs", "{v} tonnes")
RESPECTIVELY_FORMS = ("Output was {vals} in {labels}, respectively.", "Output at {labels} rose {vals}, respectively.",
                      "In {labels}, sales reached {vals} respectively.", "{labels} reported {vals}, respectively.")


def _and(items) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1]


def s102():
    for form, labels, unit in itertools.product(RESPECTIVELY_FORMS, LABEL_LISTS, VALUE_FORMS):
        values = [unit.format(v=v) for v in (12, 15, 31)]
        for n_values, n_labels, bad in ((3, 3, False), (2, 2, False), (3, 2, True), (2, 3, True)):
            yield bad, form.format(vals=_and(values[:n_values]), labels=_and(labels[:n_labels]))


# G101 (amount): a change stated as an amount and a percent with one level (rules._amounts): verbs, a noun, an
# "up"/"down" aside; ", or", brackets, dashes; either figure first; the level after "to", "at" or "from";
# index points, money, cents of a dollar, tonnes, jobs, points of a percentage. Measures: (subject, amount,
# new, old, rate that fits, rate that does not).
AMOUNT_UP = (("The index", "221 points", "13,101", "12,880", "1.7", "7.1"),
             ("Sales", "$100 million", "$500 million", "$400 million", "25", "40"),
             ("Output", "100,000 tonnes", "500,000 tonnes", "400,000 tonnes", "25", "40"),
             ("Employment", "120 jobs", "4,120 jobs", "4,000 jobs", "3", "13"),
             ("The jobless rate", "0.5 percentage points", "5.5%", "5.0%", "10", "20"))
AMOUNT_DOWN = (("Shares", "50 cents", "$24.50", "$25.00", "2", "20"),
               ("The index", "221 points", "12,880", "13,101", "1.7", "7.1"),
               ("Sales", "$100 million", "$400 million", "$500 million", "20", "40"),
               ("Output", "100,000 tonnes", "400,000 tonnes", "500,000 tonnes", "20", "35"),
               ("The jobless rate", "0.5 percentage points", "5.0%", "5.5%", "9.1", "20"))
AMOUNT_FORMS = ("{s} {v} {a}, or {r}, to {new}.", "{s} {v} {a} ({r}) to {new}.", "{s} {v} {a} -- or {r} -- to {new}.",
                "{s} {v} {r}, or {a}, to {new}.", "{s} {v} by {a}, or {r}, from {old}.",
                "{s} {v} {a}, or {r}, to {new} in March.", "{s} were {new}, {adv} {a}, or {r}, on the year.",
                "{s} reached {new}, {noun} of {a}, or {r}.", "{s} were {adv} {a} ({r}) at {new}.",
                "{s} {v} {a} \u2014 or {r} \u2014 to {new}.")


def g101_amount():
    for (measures, verbs, adv, noun), form, pct in itertools.product(
            ((AMOUNT_UP, ("rose", "climbed", "gained"), "up", "an increase"),
             (AMOUNT_DOWN, ("fell", "dropped", "lost"), "down", "a decrease")), AMOUNT_FORMS, PERCENT_FORMS):
        for n, (subject, amount, new, old, fits, wrong) in enumerate(measures):
            for rate, bad in ((wrong, True), (fits, False)):
                yield bad, form.format(s=subject, v=verbs[n % len(verbs)], a=amount, r=pct.format(n=rate), new=new,
                                       old=old, adv=adv, noun=noun)


# P103 (negation): an answer and its negation in two clauses or sentences (rules._answer_pairs), by "not"/"n't"
# or a pair of opposites, joined by a semicolon, "while", "but", "whereas", "and" or a full stop; and a last
# share told as "the remaining", which must make the whole.
ANSWER_PAIRS = (("say he should resign", "say he should not"), ("want the plan to go ahead", "do not"),
                ("support the plan", "oppose it"), ("are in favour of the merger", "are against it"),
                ("said yes", "said no"), ("agree with the ruling", "disagree"), ("approve of the deal", "disapprove"),
                ("think the economy will grow", "don't"))
ANSWER_JOINS = ("{a} {p}; {b} {q}.", "{a} {p}, while {b} {q}.", "{a} {p}, but {b} {q}.", "{a} {p}. {b} {q}.",
                "In the poll, {a} {p}, whereas {b} {q}.", "Some {a} of voters {p}. Only {b} {q}.", "{a} {p} and {b} {q}.")


def p103_negation():
    for (first, second), join, form in itertools.product(ANSWER_PAIRS, ANSWER_JOINS, PERCENT_FORMS):
        for values, bad in (((62, 45), True), ((52, 45), False)):
            a, b = (form.format(n=v) for v in values)
            yield bad, join.format(a=a, b=b, p=first, q=second)
        for values, bad in (((62, 28), True), ((62, 38), False)):
            a, b = (form.format(n=v) for v in values)
            yield bad, f"{a} {first}; the remaining {b} {second}."


# P103 (margin): a poll margin written as a pair, larger first ("by a 55 percent to 37 percent margin", "say 52 - 39
# percent"), which must not add up to more than 100 %.
MARGIN_FORMS = ("Democrats said he should leave by a {a} to {b} margin.", "Voters say {a} - {b} that he should resign.",
                "Backing the plan are Republicans {a}-{b}, while independents are split.",
                "Voters backed the plan by a {a} to {b} margin, the poll found.",
                "In the survey, residents favour the scheme {a} \u2013 {b}.")
MARGIN_PAIRS = ("{a} percent to {b} percent", "{a} to {b} percent", "{a}% to {b}%", "{a}-{b} percent", "{a} - {b} pct")


def p103_margin():
    for form, pair in itertools.product(MARGIN_FORMS, MARGIN_PAIRS):
        for a, b, bad in ((64, 41, True), (54, 41, False), (58, 45, True), (48, 45, False)):
            ab = pair.format(a=a, b=b)
            text = form.replace("{a} to {b}", "{ab}").replace("{a} - {b}", "{ab}").replace("{a}-{b}", "{ab}") \
                .replace("{a} \u2013 {b}", "{ab}")
            yield bad, text.format(ab=ab)


# G107: a change stated as an amount with both levels, the amount one digit off (from the same measures as G101
# (amount)): "X, down A from O", "fell A from O to N", "fell A to N from O", "were N, up A from O".
G107_FORMS = ("{s} were {new}, {adv} {a} from {old}.", "{s} {v} {a} from {old} to {new}.",
              "{s} {v} {a} to {new} from {old}.", "{s} {v} by {a} from {old} to {new} in March.",
              "{s} stood at {new} in March, {adv} {a} from {old} in February.")
G107_WRONG = {"221 points": "321 points", "$100 million": "$150 million", "100,000 tonnes": "150,000 tonnes",
              "120 jobs": "220 jobs", "0.5 percentage points": "0.9 percentage points", "50 cents": "80 cents"}


def g107():
    for (measures, verbs, adv), form in itertools.product(
            ((AMOUNT_UP, ("rose", "climbed", "gained"), "up"), (AMOUNT_DOWN, ("fell", "dropped", "lost"), "down")),
            G107_FORMS):
        for n, (subject, amount, new, old, _, _) in enumerate(measures):
            for a, bad in ((G107_WRONG[amount], True), (amount, False)):
                yield bad, form.format(s=subject, v=verbs[n % len(verbs)], a=a, new=new, old=old, adv=adv)


PLANTERS = {"G101": g101, "G101 (amount)": g101_amount, "P103 (negation)": p103_negation,
            "P103 (margin)": p103_margin, "G107": g107, "P102": p102, "P102*": lambda: p102(UNLISTED_POPULATIONS), "P103": p103, "G104": g104,
            "S101": s101, "S102": s102, "S103": s103}


def main() -> int:
    print("| rule | impossible forms | found | recall % | possible forms | false alarms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for code, planter in PLANTERS.items():
        fired = quiet_fired = bad_n = good_n = 0
        for bad, text in planter():
            hit = any(f.rule == code.split()[0].rstrip("*") for f in check_text(text))
            if bad:
                bad_n += 1
                fired += hit
            else:
                good_n += 1
                quiet_fired += hit
        print(f"| {code} | {bad_n} | {fired} | {100 * fired / bad_n:.1f} | {good_n} | {quiet_fired} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
