"""Plain data shared by the engine, the rules and the reporters.

Everything here is a frozen dataclass with slots: facts and findings are values
that can be hashed, compared and passed between processes without surprises.
Rules only ever see character offsets; line and column are derived from the
Document by the engine (engine.locate) once a finding is made.
"""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from dataclasses import replace as _dataclasses_replace
from typing import Callable, Iterator


def _fast_frozen_init(cls):
    """Give a frozen, slotted dataclass an __init__ that stores through its slots directly.

    Why: the reader builds ~50,000 Quantity and ~110,000 Span objects per 7 MB of news,
    and the generated __init__ of a frozen dataclass sets each field through
    object.__setattr__ (about 2.3 us for a Quantity); writing through each slot's own
    descriptor is the same store without the generic lookup (about 1.6 us). Fields,
    defaults, keywords and immutability are unchanged: only __init__ is replaced.
    """
    from dataclasses import MISSING, fields

    setters = {f"_set_{f.name}": getattr(cls, f.name).__set__ for f in fields(cls)}
    defaults = {f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING}
    params = ", ".join(f.name + (f"=_default_{f.name}" if f.default is not MISSING else "") for f in fields(cls))
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields(cls))
    namespace = {**setters, **defaults}
    exec(f"def __init__(self, {params}):\n{body}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    cls._fast_replace = _replacer(cls)
    return cls


_KEEP = object()  # a field that replace() leaves as it is


def _replacer(cls):
    """What dataclasses.replace(obj, **changes) makes of an instance of `cls`, built in one generated call.

    Why: every extractor hands on the Facts grown by what it found through replace(); the
    standard one looks up the fields, copies each into a dict and calls __init__ (~9 us for
    Facts, once per extractor and document), where this reads and stores each slot once.
    """
    from dataclasses import fields

    names = [f.name for f in fields(cls)]
    namespace = {"_new": object.__new__, "_cls": cls, "_KEEP": _KEEP}
    for name in names:
        namespace[f"_get_{name}"] = getattr(cls, name).__get__
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
    params = ", ".join(f"{name}=_KEEP" for name in names)
    body = "".join(f"    _set_{n}(new, _get_{n}(obj) if {n} is _KEEP else {n})\n" for n in names)
    exec(f"def _fast_replace(obj, *, {params}):\n    new = _new(_cls)\n{body}    return new\n", namespace)
    return namespace["_fast_replace"]


def replace(obj, /, **changes):
    """dataclasses.replace(obj, **changes), fast for the classes made with _fast_frozen_init (Facts,
    Quantity, Span...): a copy with the named fields changed; an unknown field is a TypeError."""
    fast = getattr(type(obj), "_fast_replace", None)
    return fast(obj, **changes) if fast is not None else _dataclasses_replace(obj, **changes)


@_fast_frozen_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open code-point offsets into Document.text."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


class Severity(enum.IntEnum):
    """How sure the arithmetic is (not how bad the slip is)."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}: use info, warning or error") from None

    def __str__(self) -> str:
        return self.name.lower()


@_fast_frozen_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with the interval its wording allows.

    `value` is the reading we believe; `low`/`high` bound every value the
    wording admits (rounding, "about", "more than"...). `unit` is `count`,
    `percent`, `percentage_point`, an ISO 4217 code, or a unit name from
    checker.units. `garble` names a translation slip the reader undid
    (e.g. "wan" for "522 10,000 units" read as 5.22 million); the raw reading
    is then kept in `raw_value`.
    """

    span: Span
    text: str
    value: float
    low: float
    high: float
    unit: str = "count"
    kind: str = "level"
    bound: str = "="
    year: int | None = None
    noun: str | None = None
    garble: str | None = None
    raw_value: float | None = None
    decimals: int = 0
    grouping: str = "plain"

    @property
    def is_percent(self) -> bool:
        return self.unit in ("percent", "percentage_point")


def _fields_builder(cls):
    """A function of `cls`'s fields, in their order, that returns the instance `cls(...)` returns.

    Why: the reader builds a Quantity for each of ~38,000 figures of the news corpus, and the slots of a frozen
    instance can only be set through their descriptors (_fast_frozen_init: ~0.1 us a field, 14 fields). An
    instance of a plain class with the same slots takes each field as an ordinary attribute store, and then
    becomes a `cls` by assigning its __class__, which Python allows between two classes of one layout (the
    same slots over the same base): the result is the instance the constructor makes, of the same type, with
    the same fields, equality, hash and immutability, for a third of the time (tests/test_reader_fast.py compares).
    """
    from dataclasses import fields

    names = [f.name for f in fields(cls)]
    if tuple(names) != tuple(cls.__slots__):
        raise TypeError(f"{cls.__name__}: its slots are not its fields in order")
    twin = type(f"_{cls.__name__}Fields", (), {"__slots__": tuple(names)})
    namespace = {"_new": object.__new__, "_twin": twin, "_cls": cls}
    body = "".join(f"    obj.{n} = {n}\n" for n in names)
    exec(f"def build({', '.join(names)}):\n    obj = _new(_twin)\n{body}    obj.__class__ = _cls\n    return obj\n",
         namespace)
    build = namespace["build"]
    build.__qualname__ = build.__name__ = f"new_{cls.__name__.lower()}"
    return build


new_quantity = _fields_builder(Quantity)  # new_quantity(span, text, value, low, high, unit, kind, bound, year, ...)
new_span = _fields_builder(Span)  # new_span(start, end): 0.3 us against 0.9 us, once per figure read


class Direction(enum.IntEnum):
    DOWN = -1
    UNKNOWN = 0
    UP = 1


class Link(str, enum.Enum):
    """How the figures of a claim were tied together: the words that tie them and how far apart they stand."""

    SENTENCE = "sentence"  # in one sentence
    PARAGRAPH = "paragraph"  # across sentences of one paragraph
    ARTICLE = "article"  # across paragraphs, tied by a measure and its year
    HEADLINE = "headline"  # a headline figure and its body
    LIST = "list"  # members of one list ("45%, 35% and 30%, respectively")

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Growth:
    """A change claim (DESIGN's `Change`): `old` -> `new` by `rate` (percent) or `factor`.

    Any part may be missing; checks use what is there. `verb` is the span of
    the direction word ("rose", "fell", "an increase of"). `inverse` marks
    quotes where a rise in the subject is a fall in the figure (the yen
    "rose" from 154.67 to 153.50 yen per dollar).

    Fields the later extractors fill in (rules.periods, rules.subjects, rules.hedges, rules.priors):
    `period` is "year" for a rate per year ("an average annual increase of 7%", "7% a year");
    `old_year`/`new_year` the years the figures are for; `subject` the words the change is about
    and `signed` whether that measure can go below zero (profit, balance, inflation); `hedge` the
    bound on a multiplier verb ("more than" doubled, "nearly" tripled); `factor` may also be a
    multiplier restating the rate ("up 4,900%, or 50 times as many": rules.multipliers, with
    `factor_kind` "times-as" when the words mean exactly N times); `prior` the same measure's figure for the year before `new_year`, stated in another sentence
    (`prior_link` says how far), when exactly one such figure exists; `prior_dating` the two datings as written
    when the years are relative ("last year", "this year"). `form` names the phrasing the
    claim was read from (GROWTH_FORMS: a verb, a noun, "up"/"down" after the figure, a comparative).
    `amount` is the change written as an amount beside its percent rate ("climbed 221 points, or 1.7
    percent, to 13,101", "fell 50 cents (2%)", "rose 0.5 percentage points, or 10%": rules._amounts); with one
    level it fixes the other, so the rate can be checked (G101); with both ("down $1.5 billion from $45.7
    billion", no rate needed) it must be their difference (G107).
    """

    span: Span
    direction: Direction
    verb: Span | None = None
    verb_text: str = ""
    rate: Quantity | None = None
    factor: Quantity | None = None
    factor_kind: str = ""  # "fold", "times", "times-as", "doubled", "times-higher"
    old: Quantity | None = None
    new: Quantity | None = None
    inverse: bool = False
    series: bool = False  # old was taken from a "respectively" series
    link: Link = Link.SENTENCE
    period: str = ""  # "year" for a rate per year
    old_year: int | None = None
    new_year: int | None = None
    subject: str = ""
    signed: bool = False
    hedge: str = ""  # "more than", "nearly", ... before a multiplier verb
    prior: Quantity | None = None
    prior_link: Link | None = None
    prior_dating: tuple[str, str] | None = None  # ("last year", "this year"): `prior` dated relative to `new` (rules.priors)
    years: int | None = None  # how many years old -> new spans (rules.periods: the figures' years, a range, "over eight years")
    form: str = "verb"  # the phrasing that linked it: see GROWTH_FORMS
    amount: Quantity | None = None  # the change as an amount beside its rate: "221 points" of "rose 221 points, or 1.7%"


# Growth.form: the phrasing a change claim was read from (rules.claims, rules.comparatives). A check
# needs no more than the figures, but link precision is measured per form (bench/claim_links.py).
GROWTH_FORMS = (
    "verb",  # "rose 5% to 105 from 100", "doubled to 8 from 4"
    "noun",  # "105, an increase of 5% from 100", "a 5% rise", "a threefold increase"
    "adverb",  # "105, up 5% from 100", "105 (down 3 pct from 108)", "105 — up 5% on 100 —"
    "comparative",  # "105, 5% more than the 100 of 2021", "a quarter higher than", "half as much again"
)


@dataclass(frozen=True, slots=True)
class Series:
    """Values bound to periods by "respectively": ("2 million", "3 million") with (2021, 2022)."""

    span: Span
    values: tuple[Quantity, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Garble:
    """A stretch of text the number reader believes was garbled, and how."""

    kind: str  # "grouping", "split-group", "broken-figure", "wan", "yi", "glued-year", "stacked-scale"
    span: Span
    text: str
    reading: str  # human-readable repaired reading, e.g. "5.22 million"
    suggestion: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage given as a part of a whole: "130% of the company's employees", "a 120% stake".

    `whole` is the words naming the whole ("the company's employees", "GDP", "par"); `whole_kind` says
    what they are: "population" (people or things counted: no part exceeds all of them), "total" (the
    total, the market, the vote, a stake in a company: the same) or "reference" (a level compared with:
    GDP, par, capacity, last year's level; a ratio to it may exceed 100 %). `spans` are the words read.
    """

    span: Span
    percent: Quantity
    whole: str
    whole_kind: str  # "population", "total", "reference"
    whole_span: Span
    link: Link = Link.SENTENCE


@dataclass(frozen=True, slots=True)
class ShareSplit:
    """Percentages that split one whole into exclusive parts: poll answers, vote shares, regions' shares.

    `whole` names what is split when the words say it ("voters", "the vote", "shares of the three regions");
    `link` is SENTENCE for a run in one sentence, LIST for a "respectively" list, PARAGRAPH for answers to
    one question told over consecutive sentences. `exclusive` is False when the text says more than one
    answer was allowed; `complete` is True when the words say the shares make the whole (the last is "the
    rest" or "the remaining"), so they must add up to 100 %, not less. `may_nest` is False when the words
    say each share answers the one question (an answer, its negation, no opinion): no share is then a whole
    the others split ("81 pct of members voted, 54.5 pct no and 45.5 pct yes").
    """

    span: Span
    shares: tuple[Quantity, ...]
    whole: str
    link: Link = Link.SENTENCE
    exclusive: bool = True
    complete: bool = False
    may_nest: bool = True


@dataclass(frozen=True, slots=True)
class VerbalProportion:
    """A proportion in words beside its figure: "nearly half (62%)", "a majority, or 45%,".

    `low`/`high` (percent) is the interval the words allow ("half" 45-55, "nearly half" 40-50).
    """

    span: Span
    phrase: str
    low: float
    high: float
    figure: Quantity
    link: Link = Link.SENTENCE


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure stated as the level of a named measure: "unemployment stood at 5.5 pct", "Sales were 3.1
    million units in 2022".

    `measure` is a key for the measure when the words name one of the bounded measures ("unemployment",
    "gdp-growth", "turnout", "approval", "literacy") or else the noun the figure counts (may be "");
    `year` the year the figure is for, when stated. `span` covers the measure words and the figure.
    """

    span: Span
    value: Quantity
    measure: str = ""
    year: int | None = None
    link: Link = Link.SENTENCE


@_fast_frozen_init
# --- Claims of conversions and restatements (U101, U102, C101; issue 14) ----------------------------------
# Read by rules.conversions and rules.statements; `link` takes the same words as c1-claims' Link values
# ("sentence", "paragraph", "article", "headline", "list").


@dataclass(frozen=True, slots=True)
class Conversion:
    """One amount written twice: "90 km (56 miles)", "£7.5m ($14.6m)", "a 12-foot-high (3.7-metre-high)
    wall", "5 billion euros, or about $5.4 billion", "12 million a year, or 32,877 a day", "a 4,900%
    increase (50 times as many)".

    `a` is the figure written first, `b` its restatement. `a_unit`/`b_unit` are the units after the words
    settled what the reader could not (a hyphenated unit, "pounds" as a weight beside kilograms, the "m"
    of "(9m)" as metres beside feet); `a_span`/`b_span` cover figure and unit as written, `a_text`/`b_text`
    are those words. `a_per`/`b_per`
    name the period a figure is per ("year", "month", "week", "day") or "". `tie` is how the words join
    the two: "parentheses", "or" (", or"), "dash" (" - about 56 miles -"). `b_form` says how a multiplier
    restating a rate was written: "as" ("50 times as many", "50 times the"), "more" ("50 times more",
    which readers take either way), "" otherwise.
    """

    span: Span
    a: Quantity
    b: Quantity
    a_unit: str
    b_unit: str
    a_span: Span
    b_span: Span
    a_text: str
    b_text: str
    tie: str
    a_per: str = ""
    b_per: str = ""
    b_form: str = ""
    link: str = "sentence"


@dataclass(frozen=True, slots=True)
class Statement:
    """A figure stated as the value of a named measure for a named period: "net profit in 1986 was 5.1 mln
    dlrs", "1986 revenues of 7.1 billion dlrs", "the economy grew 0.4% in the third quarter".

    `measure` is the measure phrase, lower case with single spaces ("net profit", "economy"); `year` the year
    the words tie into the phrase, when they do; `period` a part of the year ("Q3") or "" for the year itself;
    `change` the direction a rate is a change in ("up", "down") or "" for a level; `subject` the name written
    shortly before the measure ("Amoco"), or "" when none; `where` is "headline" or "body"; `link` is
    "paragraph" when the measure was taken from the sentence before ("the third-quarter growth of 3%").
    `span` covers the measure words and the figure.
    """

    span: Span
    value: Quantity
    measure: str
    year: int | None
    subject: str = ""
    where: str = "body"
    period: str = ""
    change: str = ""
    link: str = "sentence"


@dataclass(frozen=True, slots=True)
class HeadlineLink:
    """A figure in the headline and the body figures its words tie it to (rules._headline).

    `head` is the headline figure; `linked` the body figures of its unit and kind, within a factor of ten,
    whose sentence shares a measure word with the words around `head`, in text order (the first is the
    restatement); `groups` are the linked figures in runs within one sentence (a headline may state their
    sum or difference); `body` every body figure; `numeral_in_body` whether the body writes the headline's
    numeral somewhere when that numeral is specific (three significant digits or more).
    """

    head: Quantity
    linked: tuple[Quantity, ...]
    groups: tuple[tuple[Quantity, ...], ...]
    body: tuple[Quantity, ...]
    numeral_in_body: bool = False
    link: str = "headline"


@dataclass(frozen=True, slots=True)
class SeriesNext:
    """A figure that carries a "respectively" series one period on: "passed 2 million and 3 million in 2021 and
    2022, respectively, and reached 5.22 million in 2023". `value` is in the series' unit, in the same sentence
    after it, and `label` its year, the one after the series' last label.
    """

    series: Series
    value: Quantity
    label: str
    link: str = "sentence"


# --- Claims of a part and its whole (S103; issue 14) -------------------------------------------------------
# Read by rules.parts_of_wholes.


@dataclass(frozen=True, slots=True)
class PartOfWhole:
    """A figure stated as a part of another figure that contains it: "Of the 368 members, 211 voted", "211 of
    the 368 members", "368 staff, 211 of whom", "a net profit of 2.3 billion yuan on revenue of 15.8 billion
    yuan", an earnings table's profit row over its sales row.

    `part` is the part; `wholes` the whole, or every figure the words may name as the whole when they leave
    it open (two revenues and one profit in a sentence): the part is past its whole only when it is past
    each of them. Per whole, `tops` is the most it can be as written (an earnings table's "3.71 billion" up
    to the rounding of its last digit) and `factors` how many times it the part must exceed to exceed it for
    sure (1 in one unit; 3 between two dollar currencies, whatever the exchange rate). The part must also
    pass that by more than `margin` (a table: the largest other figure of the article, which a gain in the
    notes may be). `relation` is "group" (a count or amount and a part of it), "earnings" (a profit and its
    revenue in one sentence) or "table" (their rows in an earnings table); `label` names the whole
    ("members", "revenue").
    """

    span: Span
    part: Quantity
    wholes: tuple[Quantity, ...]
    tops: tuple[float, ...]
    factors: tuple[float, ...]
    relation: str
    label: str = ""
    margin: float = 0.0
    link: Link = Link.SENTENCE


# --- Claims of parts and totals, and of "respectively" lists (S101, S102; issue 14) ------------------------
# Read by rules.parts_totals and rules.respectively_lists, whose lists of figures and of labels both come
# from the one list reader, rules._lists.


@dataclass(frozen=True, slots=True)
class PartsTotal:
    """A total and the parts the words say it is made of: "28 members, including 18 AI companies and 20
    government bodies", "900 pupils: 500 girls and 480 boys", "12, 9 and 4 seats, making a total of 26",
    "300 and 200 cars, a combined 500", "Of the 600 staff, 310 stayed; 190 moved and 140 left".

    `parts` are in the total's unit (a bare count under a total in a unit takes it), never the total itself.
    `exhaustive` is True when the words say the parts make the whole total ("making a total of", "a
    combined", "in all", "altogether", a last part told as "the remaining" or "the rest"): they must add
    up to it; False when they may be only some of it
    ("including", "of which", a colon list, "a total of N ..., A in X and B in Y", "Of the N, ..."): they may
    add up to less, never more. `how` names the words that tie them ("including", "of which", "colon",
    "a total of", "making a total of", "combined", "in all", "of the"); `link` is SENTENCE, or PARAGRAPH
    when the parts run on into the next sentence of the paragraph.
    """

    span: Span
    total: Quantity
    parts: tuple[Quantity, ...]
    exhaustive: bool
    how: str
    link: Link = Link.SENTENCE


@dataclass(frozen=True, slots=True)
class RespectiveList:
    """Figures paired with a list by "respectively", counted on both sides.

    `values` are the figures before "respectively" (one or a list), `values_text` the words from the first
    to the last as written; `labels` the items they are paired with, as written ("2021", "Leeds", "second
    quarter"), and `labels_span` where that list stands.
    `form` says where the labels were found: "after" ("... in 2021 and 2022, respectively"), "before"
    ("Output at Leeds and Hull rose 30%, 36% and 5%, respectively"), or "figures" when one figure is
    compared with a list of figures ("rose to 26,314 and 18,778 tonnes, from 17,929 tonnes respectively"),
    whose texts are then the labels. `span` is the word "respectively".
    """

    span: Span
    values: tuple[Quantity, ...]
    labels: tuple[str, ...]
    labels_span: Span
    form: str
    values_text: str = ""
    link: Link = Link.LIST


@dataclass(frozen=True, slots=True)
class Difference:
    """A difference stated beside the two figures it separates: "41% against 33%, an eight-point lead",
    "a gap of 12 points between the 54% for Smith and the 38% for Jones".

    `gap` is the stated difference; `first` and `second` the two figures in text order; `word` the
    noun that names the difference ("gap", "lead", "margin", "difference", "spread").
    """

    span: Span
    word: str
    gap: Quantity
    first: Quantity
    second: Quantity
    link: Link = Link.SENTENCE


@dataclass(frozen=True, slots=True)
class Quotient:
    """A total restated per unit of a count beside it: "$3.4 billion ... 95,000 jobs, or $35,800 per job".

    `each` is the per-unit figure, `noun` what it is per ("job", "head"), `total` and `count` the figures
    it divides.
    """

    span: Span
    noun: str
    total: Quantity
    count: Quantity
    each: Quantity
    link: Link = Link.SENTENCE


@_fast_frozen_init
@dataclass(frozen=True, slots=True)
class PartShare:
    """A part stated with its percentage of a whole that is also stated: "450 jobs, or 25% of its 3,000
    workers", "1 percent of the $21.1 billion, or just over $2 billion", "600 of the 2,000 staff (15%)".

    `part`, `percent` and `whole` are the three figures (the part and the whole in one unit); `form` how the
    words tie them: "part-or-percent" (the part, then ", or" and the percentage of the whole), "percent-or-part"
    (the percentage of the whole, then ", or" and the part) or "part-of-whole" (a part of a whole, then its
    percentage in brackets or after ", or").
    """

    span: Span
    part: Quantity
    percent: Quantity
    whole: Quantity
    form: str
    link: Link = Link.SENTENCE
    worded: bool = False  # the percentage is a proportion in words ("600 of the 2,000 staff, or nearly a third"):
    # `percent` is then read from the words (its text theirs, its low/high the interval they allow)


@_fast_frozen_init
@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the extractors found in one document, in text order."""

    quantities: tuple[Quantity, ...] = ()
    growths: tuple[Growth, ...] = ()
    series: tuple[Series, ...] = ()
    garbles: tuple[Garble, ...] = ()
    skipped: tuple[Span, ...] = ()  # number-like text deliberately not read (years, model names)
    shares: tuple[Share, ...] = ()
    splits: tuple[ShareSplit, ...] = ()
    proportions: tuple[VerbalProportion, ...] = ()
    mentions: tuple[Mention, ...] = ()

    # conversions and restatements (rules.conversions, rules.statements)
    conversions: tuple[Conversion, ...] = ()
    statements: tuple[Statement, ...] = ()
    headline_links: tuple[HeadlineLink, ...] = ()
    series_next: tuple[SeriesNext, ...] = ()

    # a part and its whole (rules.parts_of_wholes)
    part_wholes: tuple[PartOfWhole, ...] = ()
    # parts and totals, "respectively" lists (rules.parts_totals, rules.respectively_lists)
    parts_totals: tuple[PartsTotal, ...] = ()
    respective_lists: tuple[RespectiveList, ...] = ()
    # a difference stated beside its two figures (rules.differences)
    differences: tuple[Difference, ...] = ()
    # a total restated per unit of a count (rules.per_units)
    quotients: tuple[Quotient, ...] = ()
    # a part with its percentage of a stated whole (rules.part_shares)
    part_shares: tuple[PartShare, ...] = ()
    # a headline's rate with the two levels of one body change claim (rules.headline_growth; G101)
    headline_growths: tuple[Growth, ...] = ()


@dataclass(frozen=True, slots=True)
class Related:
    role: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding, named field for field as the JSON output contract (DESIGN.md) names it.

    A rule sets the offsets (`span`) and what it found; the engine then locates the
    finding in its Document (`engine.locate`): the flagged `text`, 1-based `line`
    and `column` of `span.start` and `end_line`/`end_column` of the exclusive end,
    in code points, and a fingerprint when the rule left none. Until then `line`
    is 0. `to_dict()` is the JSON report's finding object, so the library and the
    CLI cannot tell two stories.
    """

    rule: str
    name: str
    message: str
    span: Span
    severity: Severity
    confidence: float = 0.5
    related: tuple[Related, ...] = ()
    suggestion: str | None = None
    fingerprint: str = ""
    in_quote: bool = False
    text: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # The rule's arithmetic evidence, not part of the JSON contract: how far the stated interval lies from
    # the one the other figures imply (checker.arithmetic.relative_gap), None where the rule compares none.
    # The confidence model (checker.confidence) reads it; compare=False keeps findings equal across it.
    gap: float | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        return (self.span.start, self.span.end, self.rule, self.message)

    def to_dict(self) -> dict:
        """The finding as the JSON report writes it, key for key (DESIGN.md, "Output contract")."""
        if not self.line:
            raise ValueError(f"{self.rule} finding at {self.span.start}-{self.span.end} is not located yet: "
                             "pass it through statlint.checker.engine.locate(document, finding)")
        confidence = float(self.confidence)
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "confidence": round(confidence, 2) if math.isfinite(confidence) else None,
            "message": self.message,
            "start": self.span.start,
            "end": self.span.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestion": self.suggestion,
            "related": [{"role": r.role, "start": r.span.start, "end": r.span.end, "text": r.text}
                        for r in self.related],
            "fingerprint": self.fingerprint,
            "in_quote": bool(self.in_quote),
        }


def fingerprint(code: str, claim_text: str, context: str) -> str:
    """A stable id from the rule, the claim text and its context, not offsets."""
    import hashlib  # here, not at import: a clean article makes no fingerprint, and a cold start pays every import

    norm = " ".join((claim_text + "\x1f" + context).split()).lower()
    return f"{code}:{hashlib.sha1(norm.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A check: `func(document, facts)` yields Findings.

    Compared and hashed by identity (eq=False): a rule is one object in the registry, and the
    engine caches per rule set, which would otherwise hash every field of every rule per document.
    """

    code: str
    name: str
    severity: Severity
    func: Callable[..., Iterator[Finding]]
    doc: str = field(default="", compare=False)
    reads: tuple[str, ...] = ()  # the Facts fields (claims) the check reads: its docs say so, a test holds it to it

    def finding(self, span: Span, message: str, *, severity: Severity | None = None, **fields) -> Finding:
        """A finding of this rule: code and name come from the rule, and its severity unless the
        check says otherwise for this finding (a restatement that may be a correction is a warning)."""
        return Finding(rule=self.code, name=self.name, message=message, span=span,
                       severity=self.severity if severity is None else severity, **fields)

