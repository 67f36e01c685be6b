"""Extractor: figures stated as a named measure for a named year, and headline figures with their body links.

Why: C101 compares two statements of one measure for one period. Which figures are such statements is read
here, once, and added to Facts; the check only groups them by their fields and compares intervals.

- `Statement`: the measure phrase with its year right before the figure, the year part of the phrase
  ("net profit in 1986 was 5.1 mln dlrs", "1986 net profit of", "exports for 1986 totalled"). A part of the
  year written before it ("first quarter 1986 sales", "November 1986 exports") makes it another period, and a
  forecast, plan or target ("forecasts 2005 revenue of") is not the value: no statement. The year may also
  follow the figure when a verb of level brings it in ("exports reached $45 billion in 2023", "revenue rose
  to €1.2bn in 2022", "exports of $4.5 billion in 2023"), with no words narrowing it after the year ("in 1986
  to the EC", "from Brazil") and no modifier before the measure ("core inflation", "oil exports"); a month
  in place of the year ("exports fell to $45 billion in May"), or "last year", "this year", is the
  statement's period when the clause ends after it or goes on with a comparison ("in May from $47
  billion", not "in May last year"). `subject` is the
  last name-like word shortly before the measure ("Amoco had 1986 revenues"), so two companies' figures are
  told apart. (A looser link, a figure pointed back to with "the" and followed by the same words, found 19
  candidates on the shared corpus and nearly all were different items: it is not read.)
- `Statement` of a change: a named measure's rise or fall in percent for a named quarter ("the economy grew
  0.4% in the third quarter", "In the third quarter, exports rose 2.1%"), so two rates given for one quarter
  can be compared. The measure is one of a closed list (economy, GDP, sales, exports...); a rate on another
  basis (annualised, year-on-year) gets that basis in its period, and a sentence that revises, estimates
  or forecasts gives no statement.
- `HeadlineLink`: a headline figure and the body figures its words tie it to (rules._headline).
- `Series` of figures each written with its own year, in a row in one sentence ("revenue was $12.1 billion
  in 2021, $12.8 billion in 2022 and $13.5 billion in 2023", "grew from 4.2 million in 2000 to 4.5 million
  in 2010 and 4.8 million in 2020"): one measure told year by year, as a "respectively" series is (U103
  compares its neighbours). Three figures at least, in one unit, years all rising or all falling, and
  between a year and the next figure only a comma and a closed list of joining words ("and", "to",
  "rising to", "before falling to"): "sales were $5bn in 2021 and profit $50m in 2022" names two measures
  and makes no series.
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Quantity, Series, Span, Statement, replace
from statlint.rules import _headline
from statlint.rules._gates import may_contain

_MEASURE_BEFORE = lazy_compile(
    r"(?:\b(?P<year0>(?:19|20)\d\d)\s+)?\b(?P<measure>net\s+(?:profit|income|loss|earnings)|operating\s+(?:profit|income|loss)|pre-tax\s+profit|"
    r"revenues?|sales|turnover|exports|imports|output|production|trade\s+(?:surplus|deficit)|current\s+account\s+"
    r"(?:surplus|deficit)|unemployment(?:\s+rate)?|inflation(?:\s+rate)?|budget\s+deficit)\s+"
    r"(?:(?:in|for)\s+(?P<year1>(?:19|20)\d\d)\s+)?(?:was|were|of|totalled|totaled|reached|stood\s+at|came\s+to)\s+"
    r"(?:about\s+|some\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# The same measures with their year right after the figure, the figure brought in by a verb of level: "exports
# reached $45 billion in 2023", "revenue rose to €1.2bn in 2022", "exports of $4.5 billion in 2023". No words that
# narrow the figure may follow the year (a preposition, "and", "only", a range's second year): "exports of 12 mln
# tonnes in 1986 to the EC" is a part of the year's exports, not the year's.
_MEASURE_THEN = lazy_compile(
    r"\b(?P<measure>net\s+(?:profit|income|loss|earnings)|operating\s+(?:profit|income|loss)|pre-tax\s+profit|"
    r"revenues?|sales|turnover|exports|imports|output|production|trade\s+(?:surplus|deficit)|current\s+account\s+"
    r"(?:surplus|deficit)|unemployment(?:\s+rate)?|inflation(?:\s+rate)?|budget\s+deficit)\s+"
    r"(?:was|were|of|totalled|totaled|reached|hit|stood\s+at|came\s+to|(?:rose|fell|grew|climbed|jumped|dropped|"
    r"declined|slipped|slid|increased|decreased|surged|shrank|eased|edged\s+up|edged\s+down)\s+to)\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# "from" after the period compares ("in 2023 from $40 billion", "from a year earlier"); "from Brazil" narrows.
_FROM_FIGURE = r"\s++(?:[$€£¥]|\d|a\s+year|the\s+(?:previous|prior|year|same)|last|about|around|some|nearly|almost)"
_YEAR_RIGHT_AFTER = lazy_compile(r"\s++(?:in|for|during)\s++(?P<year>(?:19|20)\d\d)\b"
                                 r"(?!\s*+[-–/]\s*+\d|\s++(?:to|of|in|on|at|by|for|with|into|through|under|over|and|or|"
                                 r"excluding|including|except|alone|only|from(?!" + _FROM_FIGURE + r"))\b)",
                                 regex.IGNORECASE)
_DETERMINERS = frozenset("a an the its their his her our that said and while as whose which total annual full-year yearly "
                         "had has have having on with reported reports posted posts recorded records showed shows "
                         "saw".split())
# A month in place of the year, more strictly: the clause must end after it or go on with a comparison or its verb
# ("exports fell to $45 billion in May, the lowest", "... in May from $47 billion"), so "in May last year" and "in
# May to China" are no statement of the month. Month names as written (capitalised: not the verb "may").
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_RIGHT_AFTER = lazy_compile(r"\s++(?:(?:in|for|during)\s++(?P<month>" + _MONTHS + r")(?:\s++(?P<year>(?:19|20)\d\d))?|"
                                  r"(?P<month>last\s+year|this\s+year))\b"
                                  r"(?=\s*+(?:[.;:]|,\s|\Z)|\s++from" + _FROM_FIGURE + r"|\s++(?:up|down|compared|against|versus|vs|"
                                  r"after|was|were|is|are)\b)")
_MONTH_GATE = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_NAME = lazy_compile(r"\b(?!(?:The|Its|In|For|Net|Sales|Analysts|It|This|That|Last|Total)\b)[A-Z][\w&.-]+")
_PART_PERIOD = lazy_compile(r"\b(?:quarter|half|months?|weeks?|first|second|third|fourth|interim|qtr|"
                             r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
                             regex.IGNORECASE)
# A figure someone expects, plans or targets is not the measure's value: "forecasts 2005 revenue of", "targeted
# 1987 production of", "estimated that eBay would achieve 2005 revenues of".
_NOT_YET = lazy_compile(r"\b(?:forecasts?|forecasted|expects?|expected|expecting|estimates?|estimated|projects?|projected|"
                         r"targets?|targeted|plans?|planned|budget(?:ed|s)?|goal|outlook|would|will|could|should|may|"
                         r"call\s+for|calls\s+for|sees|seen)\b", regex.IGNORECASE)
_REACH = 50  # characters before the figure the measure phrase and its year may take
# A word every match of _MEASURE_BEFORE holds (rules._gates): a window without one is not searched, and on a
# short article the pattern is then never compiled (a cold start compiles each pattern it reaches).
_MEASURE_WORDS = ("profit", "income", "loss", "earnings", "revenue", "sales", "turnover", "export", "import",
                  "output", "production", "surplus", "deficit", "unemployment", "inflation")

_RATE_MEASURE_BEFORE = lazy_compile(
    r"\b(?P<measure>economy|gdp|gross\s+domestic\s+product|exports|imports|(?:retail\s+)?sales|(?:industrial\s+)?output|"
    r"(?:industrial\s+)?production|revenues?|(?:net\s+)?profits?|earnings|(?:consumer\s+)?prices|investment|spending)"
    r"\s+(?:(?P<up>grew|rose|expanded|increased|climbed|gained|jumped)|(?P<down>fell|declined|dropped|shrank|contracted|"
    r"decreased|slipped))\s+(?:by\s+)?(?:an?\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
# Likewise for _RATE_MEASURE_BEFORE; every match of _RATE_NOUN_BEFORE holds "quarter".
_RATE_MEASURE_WORDS = ("economy", "gdp", "domestic", "export", "import", "sales", "output", "production", "revenue",
                       "profit", "earnings", "prices", "investment", "spending")
# Whose rate it is: the possessive right before the measure ("Acme's sales", "Japan's economy").
_OWNER_BEFORE = lazy_compile(r"\b(?P<name>[A-Z][\w&.-]*)['’]s\s+\Z", regex.REVERSE)
# Between one figure of a year-by-year series and the next: its year, then a comma or a joining phrase of the
# closed list below (no noun: a noun there names another measure).
_JOIN_WORDS = (r"and|to|then|before|after|but|while|rising|rose|climbing|climbed|jumping|jumped|growing|grew|"
               r"increasing|increased|falling|fell|dropping|dropped|declining|declined|slipping|slipped|reaching|"
               r"reached|hitting|hit|at|of|about|around|nearly|almost|some|over|just|more|less|than|only|a|record|"
               r"further|again|back|up|down|from|compared|with|against|versus|vs")
_YEAR_THEN = lazy_compile(r"\s++(?:in|for|during)\s++(?P<year>(?:19|20)\d\d)(?:\s*+,\s*+|\s++)(?:(?:" + _JOIN_WORDS
                          + r")\s++){0,4}\Z")
_YEAR_LAST = lazy_compile(r"\s++(?:in|for|during)\s++(?P<year>(?:19|20)\d\d)\b(?!\s*+[-–/]\s*+\d)")
_SERIES_GAP = 70  # characters from one figure of a year-by-year series to the next
_SAME_MEASURE = {"gdp": "economy", "economic": "economy", "export": "exports", "gross domestic product": "economy", "profit": "profits", "net profit": "profits",
                 "net profits": "profits", "revenue": "revenues", "industrial production": "industrial output",
                 "production": "output"}
_ORDINALS = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4", "q1": "Q1", "q2": "Q2", "q3": "Q3", "q4": "Q4"}
# Every reading names its quarter, so holds one of these in some case (_QUARTER_AFTER and _RATE_NOUN_BEFORE
# ignore case): a gate on the text as written ("uarter" or "Q") once skipped "grew 0.4% in q3" and "QUARTER".
_QUARTER_WORDS = ("quarter", "q1", "q2", "q3", "q4")
_QUARTER = r"(?:the\s+(?P<ord>first|second|third|fourth)\s+quarter|(?P<q>Q[1-4]))(?:\s+of\s+(?P<year>(?:19|20)\d\d))?"
_QUARTER_AFTER = lazy_compile(r"\s+in\s+" + _QUARTER + r"\b", regex.IGNORECASE)
_QUARTER_BEFORE = lazy_compile(r"\b(?:In|in)\s+" + _QUARTER + r"\s*+,?\s*+(?:[^\d,.;]{0,40}?)\Z", regex.REVERSE)
_RATE_NOUN_BEFORE = lazy_compile(
    r"\b(?P<ord>first|second|third|fourth)[-\s]quarter\s+(?:(?P<measure>economic|gdp|sales|export|exports|output|"
    r"revenue|profit|earnings)\s+)?(?:(?P<up>growth|increase|rise|expansion|gain)|(?P<down>decline|fall|drop|"
    r"contraction))\s+(?:of|was|at|came\s+in\s+at)\s+(?:an?\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_BASIS_ANNUALISED = lazy_compile(r"\bannuali[sz]ed\b|\bannual\s+rate\b", regex.IGNORECASE)
_BASIS_YEAR = lazy_compile(r"\byear[-\s]on[-\s]year\b|\b(?:a|the)\s+year\s+(?:earlier|ago|before)\b|\bfrom\s+a\s+year\b|"
                            r"\bon\s+the\s+year\b|\byear-earlier\b", regex.IGNORECASE)
_MEASURED_AGAINST = lazy_compile(r"\b(?:beat|beating|beats|missed|missing|misses|above|below|than|exceeded|topped|"
                               r"outpaced|in\s+line\s+with)\s+(?:the\s+|analysts['’]\s+|market\s+)?\Z", regex.IGNORECASE | regex.REVERSE)
_NOT_FINAL = lazy_compile(r"\b(?:revis\w*|estimat\w*|preliminary|initial(?:ly)?|previously|forecast\w*|expect\w*|"
                           r"predict\w*|projected|would|could|might|seasonally)\b", regex.IGNORECASE)


def extract(doc: Document, facts: Facts) -> Facts:
    if not facts.quantities:
        return facts  # every statement and link is of a figure (and the quarter test scans the whole text)
    statements = tuple(_statements(doc.text, facts.quantities)) + tuple(_rate_statements(doc, facts.quantities))
    links = tuple(_headline_links(doc, facts))
    series = tuple(_year_series(doc, facts.quantities))
    if not statements and not links and not series:
        return facts
    if series:
        facts = replace(facts, series=facts.series + series)
    return replace(facts, statements=statements, headline_links=links)


def _year_series(doc: Document, quantities):
    """Series of figures each followed by its own year, in a row in one sentence (see the module docstring).

    One pass over neighbouring figures: a run grows while the words between two figures are the first one's
    year and joining words only; a run of three or more in one unit, with years all rising or all falling,
    is a series (the last figure's year must follow it too)."""
    text = doc.text
    run: list[Quantity] = []
    years: list[str] = []
    for a, b in zip(quantities, quantities[1:]):
        gap = b.span.start - a.span.end
        m = None
        if 0 < gap <= _SERIES_GAP and a.unit == b.unit and a.kind == b.kind == "level" \
                and ("19" in text[a.span.end:b.span.start] or "20" in text[a.span.end:b.span.start]):
            m = _YEAR_THEN.fullmatch(text, a.span.end, b.span.start)
        if m is not None and "\n" not in text[a.span.end:b.span.start]:
            if not run:
                run = [a]
            years.append(m.group("year"))
            run.append(b)
            continue
        if run:
            yield from _closed_series(doc, run, years)
        run, years = [], []
    if run:
        yield from _closed_series(doc, run, years)


def _closed_series(doc: Document, run: list[Quantity], years: list[str]):
    """The series `run` makes once the last figure's year is read, if it is one (see _year_series)."""
    last = _YEAR_LAST.match(doc.text, run[-1].span.end)
    if last is None or len(run) < 3:
        return
    years = years + [last.group("year")]
    numbers = [int(y) for y in years]
    rising = all(x < y for x, y in zip(numbers, numbers[1:]))
    falling = all(x > y for x, y in zip(numbers, numbers[1:]))
    if not (rising or falling) or any(q.value <= 0 for q in run):
        return
    sentence = doc.sentence_of(run[0].span.start)
    if run[-1].span.end > sentence.end:
        return
    yield Series(span=Span(run[0].span.start, last.end()), values=tuple(run), labels=tuple(years))


def _statements(text: str, quantities):
    for q in quantities:
        if q.kind != "level" or q.value <= 0 or q.grouping == "malformed":
            continue
        start = q.span.start - _REACH if q.span.start > _REACH else 0
        window = text[start:q.span.start]
        if not may_contain(window, _MEASURE_WORDS):
            continue
        statement = None
        if "19" in window or "20" in window:  # the phrase must hold a year: without 19xx or 20xx in reach, no search
            m = _MEASURE_BEFORE.search(text, start, q.span.start)
            if m and (m.group("year0") or m.group("year1")):
                statement = _statement(text, q, m, m.group("year0") or m.group("year1"))
        if statement is None and text.startswith(" ", q.span.end):
            after = text[q.span.end:q.span.end + 16]
            if ("19" in after or "20" in after) and (year := _YEAR_RIGHT_AFTER.match(text, q.span.end)):
                m = _MEASURE_THEN.search(text, start, q.span.start)
                if m and _unmodified(text, m.start()):
                    statement = _statement(text, q, m, year.group("year"), end=year.end())
            elif _names_month(text[q.span.end:q.span.end + 24]) and (month := _MONTH_RIGHT_AFTER.match(text, q.span.end)):
                m = _MEASURE_THEN.search(text, start, q.span.start)
                if m and _unmodified(text, m.start()):
                    statement = _month_statement(text, q, m, month)
        if statement is not None:
            yield statement


def _unmodified(text: str, start: int) -> bool:
    """Whether the measure at `start` is the measure itself, not a kind of it: "core inflation", "oil exports",
    "online sales" are other figures than "inflation", "exports", "sales". The word before it must be a
    determiner, joining word or reporting verb ("the", "its", "said", "had", "on revenues of"), a possessive
    ("Acme's"), a name inside the sentence ("Acme exports"), or nothing (the measure opens the sentence). On the
    corpus this keeps "had sales of", "on revenues of" and drops "foreign sales", "the international share in
    turnover", "Trail smelter revenue"."""
    before = text[max(0, start - 40):start].rstrip()
    if not before or before[-1] in ".,;:!?\"'“”(\n":
        return True
    word = before.split()[-1]
    if word.endswith(("'s", "’s", "s'", "s’")) or word.lower() in _DETERMINERS:
        return True
    rest = before[:-len(word)].rstrip()
    return word[:1].isupper() and bool(rest) and rest[-1] not in ".!?\n"  # a capital that does not open the sentence


def _names_month(after: str) -> bool:
    """The cheap gate before _MONTH_RIGHT_AFTER: a month's name, as written, or " year" right after the figure."""
    return any(name in after for name in _MONTH_GATE) or " year" in after


def _month_statement(text: str, q: Quantity, m, month) -> Statement | None:
    """A measure's figure for a month ("exports fell to $45 billion in May") or for "last year" / "this year":
    that is its period."""
    if _NOT_YET.search(text, _clause_start(text, m.start()), m.start()):
        return None
    names = _NAME.findall(text, max(m.start() - 40, _clause_start(text, m.start())), m.start())
    year = month.group("year")
    return Statement(span=Span(m.start(), month.end()), value=q, measure=" ".join(m.group("measure").lower().split()),
                     year=int(year) if year else None, period=" ".join(month.group("month").split()),
                     subject=names[-1] if names else "")


def _clause_start(text: str, start: int) -> int:
    """Where the words that may make a figure a forecast begin: 60 characters before the measure, or the
    sentence's start if nearer (the month "May" ending the sentence before is no modal verb)."""
    low = max(0, start - 60)
    stop = max(text.rfind(". ", low, start), text.rfind("\n", low, start))
    return stop + 1 if stop >= 0 else low


def _statement(text: str, q: Quantity, m, year: str, end: int | None = None) -> Statement | None:
    if _PART_PERIOD.search(text, max(0, m.start() - 40), q.span.start):
        return None  # "first quarter 1986 sales", "November 1986 exports": a part of the year, not the year
    # a forecast, a plan or a target for the year (for a year after the figure, in its own sentence only)
    if _NOT_YET.search(text, max(0, m.start() - 60) if end is None else _clause_start(text, m.start()), m.start()):
        return None
    # whose figure it is: a name shortly before the measure (for a period after the figure, in its own sentence)
    names = _NAME.findall(text, max(0, m.start() - 40) if end is None else max(m.start() - 40, _clause_start(text, m.start())),
                          m.start())
    return Statement(span=Span(m.start(), end or q.span.end), value=q,
                     measure=" ".join(m.group("measure").lower().split()), year=int(year),
                     subject=names[-1] if names else "")


def _rate_statements(doc: Document, quantities):
    """A named measure's rise or fall in percent for a named quarter (see the module docstring)."""
    text = doc.text
    if not _may_name_a_quarter(text):
        return
    found = []
    for q in quantities:
        if q.unit != "percent" or q.value <= 0:
            continue
        reading = _rate_reading(doc, q)
        if reading is None:
            continue
        m, measure, change, period, said, sentence = reading
        if _not_final(said):
            continue  # a revision, an estimate, a forecast: a second figure for the quarter on purpose
        basis = "annualised" if _BASIS_ANNUALISED.search(said) else "year-on-year" if _BASIS_YEAR.search(said) else ""
        said_period = period.groupdict()
        quarter = _ORDINALS[(said_period.get("ord") or said_period.get("q")).lower()]
        year = said_period.get("year")
        owner = _OWNER_BEFORE.search(text, max(sentence.start, m.start() - 40), m.start())
        found.append(Statement(span=Span(m.start(), q.span.end), value=q, measure=measure,
                               year=int(year) if year else None, period=quarter + (" " + basis if basis else ""),
                               change=change, subject=owner.group("name") if owner else ""))
    yield from _named(doc, found)


def _may_name_a_quarter(text: str) -> bool:
    """False only when no reading's quarter ("quarter", "Q3", in any case: see _QUARTER_WORDS) is in `text`.

    "Q" or "uarter" as written passes most articles that name one. Else a quarter must open with a lower-case
    "q" (under IGNORECASE only "q" and "Q" match either, and none of "uarter" has another fold), which is a
    rare letter: the few are looked at one by one, with no copy of the whole text lowered (that cost as much
    as the rest of this extractor's gates)."""
    if "Q" in text or "uarter" in text:
        return True
    i = text.find("q")
    while i >= 0:
        after = text[i + 1:i + 7]
        if (after and after[0] in "1234") or after.lower() == "uarter":
            return True
        i = text.find("q", i + 1)
    return False


def _rate_reading(doc: Document, q):
    """(match, measure, change, period match, sentence text, sentence) of a rate for a quarter, or None.

    Verb form: "<measure> grew 0.4% in the third quarter" / "In the third quarter, <measure> grew 0.4%".
    Noun form: "the third-quarter (GDP) growth of 0.4%": the measure may be left unnamed ("")."""
    text = doc.text
    sentence = doc.sentence_of(q.span.start)
    start = max(0, q.span.start - 60)
    window = text[start:q.span.start]
    m = _RATE_MEASURE_BEFORE.search(text, start, q.span.start) if may_contain(window, _RATE_MEASURE_WORDS) else None
    if m:
        period = _QUARTER_AFTER.match(text, q.span.end) or _QUARTER_BEFORE.search(text, sentence.start, m.start())
        change = "up" if m.group("up") else "down"
    else:
        m = period = _RATE_NOUN_BEFORE.search(text, start, q.span.start) if may_contain(window, ("quarter",)) else None
        change = "up" if m and m.group("up") else "down"
    if not m or not period:
        return None
    measure = " ".join((m.group("measure") or "").lower().split())
    return m, _SAME_MEASURE.get(measure, measure), change, period, text[sentence.start:sentence.end], sentence


def _not_final(said: str) -> bool:
    """Whether a sentence revises, estimates or forecasts ("beat forecasts", "above expectations" do not)."""
    return any(not _MEASURED_AGAINST.search(said, max(0, m.start() - 25), m.start()) for m in _NOT_FINAL.finditer(said))


def _named(doc: Document, found: list[Statement]):
    """Statements with their measure: an unnamed one ("the third-quarter growth of 3%") takes the measure of the
    named statement for the same quarter and direction in the sentence just before it, or is dropped."""
    by_sentence: dict[tuple, set] = {}  # (sentence start, period, change) -> measures named there
    for s in found:
        if s.measure:
            by_sentence.setdefault((doc.sentence_of(s.span.start).start, s.period, s.change), set()).add(s.measure)
    for s in found:
        if s.measure:
            yield s
            continue
        here = doc.sentence_of(s.span.start)
        if not here.start:
            continue
        named = by_sentence.get((doc.sentence_of(here.start - 1).start, s.period, s.change), set())
        if len(named) == 1:
            yield replace(s, measure=next(iter(named)), link="paragraph")


def _headline_links(doc: Document, facts: Facts):
    quantities = facts.quantities
    if not quantities or doc.text.find("\n", 0, quantities[0].span.end) != -1:
        return  # the cheap gate: no figure in the first line, so no headline figure
    yield from _headline.links(doc, facts)
