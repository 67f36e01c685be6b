"""Regex fragments shared by the extractors, composed and compiled once at import.

Every scanning pattern starts with a digit (or a cheap literal) so the
`regex` engine can skip ahead fast; prefixes such as currency symbols and
"more than" are found by looking backwards from the match instead.
Quantifiers are possessive where a run of digits or separators could
otherwise backtrack.
"""
from __future__ import annotations

import re

import regex

from statlint.checker.lazy_regex import lazy_compile, lazy_compile_stdlib
from statlint.checker.numbers import SCALES, TENS_WORDS, UNITS_WORDS
from statlint.checker.units import CURRENCY_WORDS, ISO_CODES, PERIODS, UNIT_WORDS

ISO_CODE_LIST = ISO_CODES | {"RMB", "USD"}

# The `regex` module's \s, spelled out: the standard library's \s also takes \x1c-\x1f.
SPACE_CLASS = "[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def words_pattern(words, space: str = r"\s+") -> str:
    """An alternation of words factored into a prefix trie ("r(?:ise[ns]?|ose)").

    The `regex` engine tries a flat case-insensitive alternation of 100 words
    one by one at every position (~3 MB/s on news); the trie form runs at
    ~11 MB/s. A space in a word matches `space` (any run of whitespace unless
    told otherwise).

    The trie matches what a flat alternation sorted longest first matches:
    the words that can match at one position are prefixes of one another, and
    the trie's greedy optional groups try the longer word first.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(space if ch == " " else regex.escape(ch)) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


# Every run of decimal digits (Unicode Nd, as `regex`'s \d): what the coverage accounting counts.
DIGIT_RUN = lazy_compile(r"\d+")

# A digit run with separators: "1,234.5", "1,00,000", "4178,027", "920, 000", "2.313.000.000".
NUMERAL = r"\d++(?:(?:[,.]|,[ ](?=000(?![\d,])))\d++)*+"

# What may follow a numeral, in order: fraction ("7-1/2"), scale, percent, currency/unit word.
SCALE_WORD = r"(?:" + _alternation([w for w in SCALES if w != "hundred"]) + r")(?![\w$€£])"
PERCENT = r"(?:%|\s?(?:per\s?cent|pct|percent|(?-i:pc))\b)"  # "pc" in lower case only: "60pc", "5.2 pc" (not "a 486 PC")
POINTS = r"(?:\s(?:percentage|pct|percent)(?:age)?\s+points?\b|\s(?:basis|base)\s+points?\b|\s?bps\b|\s?pp\b)"
CURRENCY_WORD = r"(?:" + _alternation(CURRENCY_WORDS) + r")\b"
UNIT_WORD = r"(?:" + _alternation(UNIT_WORDS) + r")(?![\w])"

SCAN = lazy_compile(
    # (a "." right before may be the numeral's own, ".05", when nothing word-like is glued before it;
    # rules.quantities.reader reads it back, so that the scan still starts on a digit)
    # (glued after a word only for the currencies written as letters: "RM45", "Rs500", "Rp1,000")
    r"(?:(?<![\w,/:]|[\w.,/:]\.)|(?<=(?<!\w)(?:R[Msp]|RMB)))(?P<num>" + NUMERAL + r")"
    r"(?:(?P<frac>[- ]\d{1,2}/\d{1,3}(?![\d/]))|(?P<slash>/\d{1,3}(?:\.\d++)?+(?![\d/])))?"
    r"(?:(?P<range>\s?[-–]\s?(?:[$€£¥]|US\$)?(?P<num2>" + NUMERAL + r"))(?![\d/]))?"
    r"(?P<scale>\s?" + SCALE_WORD + r")?"
    r"(?P<tail>" + POINTS + r"|" + PERCENT + r"|(?:[- ]fold\b)|\s?(?:times|x)\b)?",
    regex.IGNORECASE,
)

# SCAN's groups in order, for `m.groups()`: with the `regex` module a lookup by group name
# costs ~0.5 us and `groupdict()` ~3.5 us, against ~0.2 us for all groups by position.
SCAN_GROUPS = ("num", "frac", "slash", "range", "num2", "scale", "tail")
# Every group is named, so a group's number is its place in SCAN_GROUPS (tests/test_patterns.py checks
# both against the compiled pattern): read here without compiling SCAN at import.
SCAN_NUM, SCAN_SCALE = SCAN_GROUPS.index("num") + 1, SCAN_GROUPS.index("scale") + 1

# Currency prefixes looked for right before a numeral (the text is read backwards).
CURRENCY_BEFORE = lazy_compile(
    r"(?:(?P<iso>\b[A-Z]{3})\s?|(?P<sym>US\$|U\.S\.\$|HK\$|CA\$|AU\$|A\$|C\$|NZ\$|S\$|NT\$|R\$|RMB|Rs\.?|RM|Rp|[$€£¥₹₽₩₺₴₦₱฿])\s?)\Z",
    regex.REVERSE,
)

BOUND_BEFORE = lazy_compile(
    r"\b(?P<word>about|around|approximately|approx\.?|roughly|some|an estimated|nearly|almost|close to|"
    r"just under|just over|more than|over|above|in excess of|exceeded|exceeding|topped|surpassed|passed|"
    r"at least|up to|as (?:much|many|high) as|less than|under|below|fewer than|at most|no more than|"
    r"beyond|broke|crossed)"
    r"(?:\s+the)?\s+\Z",
    regex.IGNORECASE | regex.REVERSE,
)

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_BEFORE = lazy_compile(r"\b" + MONTH + r"\s+$", regex.REVERSE)
MONTH_AFTER = lazy_compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"\b")
# Words after which a number is a name or a label, not a quantity ("Section 427", "Figure 3").
NAME_WORDS = frozenset(
    "Section Article Chapter Boeing Airbus Route Highway No No. Nos Nos. number Room Flight Model version Windows "
    "Channel Page page pages Figure Fig. Table Rule Resolution Paragraph Act Clause Form Apollo Level Grade Class "
    "Category Phase Stage Episode Season Volume Vol. Item Line Platform Gate Terminal Block Unit Lot Suite Box Bus "
    "Train Interstate Title Schedule Annex Appendix age aged ages Number rank ranked Nr Nr. ISO Tier #".split())
NAME_WORDS_ANY_CASE = frozenset(
    "figure figures fig fig. figs figs. table tables eq eq. eqs eqs. equation equations ref ref. refs refs. phase "
    "phases stage stages line lines site sites day days fraction fractions supplement sample samples experiment "
    "experiments cohort cohorts patient patients step steps round rounds group groups chapter chapters section "
    "sections version versions case cases unit units no no. nos nos.".split())
# What joins the members of a list of labels ("phases 3, 5, and 7", "Figs. 2 and 3", "lines 12 & 23").
LIST_JOIN = lazy_compile(r"[A-Za-z]?(?:,\s*+(?:and\s++|or\s++|&\s*+)?|\s++(?:and|or|&|to)\s++|\s*+[–-]\s*+)")
# Naming words that make only a bare number a label ("Column 2", "type 1 diabetes", "p. 301"),
# not a measured one ("month 5 pct").
BARE_NAME_WORDS = frozenset(
    "column columns row rows panel panels lane lanes axis bed beds clone clones complex type numbered month months "
    "labelled labeled code codes p. pp.".split())
AGE_WORDS = frozenset(("age", "aged", "ages", "Age", "Aged", "Ages"))
CURRENCY_SYMBOL_CHARS = frozenset("$€£¥₹₽₩₺₴₦₱฿")
# Glued before a number, these make it a label or part of another figure: "×2", "#3", "[33",
# and the minutes and seconds of an angle ("57°44’8.47”N", "1°50′26″").
GLUED_LABEL_CHARS = frozenset("×→)]#^[{°’′″")
# A power of ten after a numeral: "× 10^5", "x 10−8", "×10⁻⁴", "e-3"; or after a lone 10 ("10⁵", "10^6",
# "10−4", not "10-4"). `mark` is None for the lone 10. POWER_INITIALS: the characters one of these
# starts with, right after the numeral or after one space (the cheap test before POWER_AFTER).
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
POWER_AFTER = lazy_compile(
    # ("× 106": a superscript lost in copying, after the multiplication sign only, never "x 100")
    r"(?:(?P<mark>\s?[×x]\s?10(?:\^\s?|(?=[−-]\d)|(?=[⁻⁺" + _SUPERSCRIPTS + r"]))|\s?×\s?10(?=[1-9]\d?(?![\d.,]))"
    r"|[eE](?=[+−-]?\d))"
    r"|\^\s?|(?=−\d)|(?=[⁻⁺" + _SUPERSCRIPTS + r"]))"
    r"(?P<exp>[+−⁻⁺-]?(?:\d{1,3}|[" + _SUPERSCRIPTS + r"]{1,3}))(?![\d" + _SUPERSCRIPTS + r"]|[.,]\d)")
POWER_INITIALS = frozenset("×xeE^−⁻⁺" + _SUPERSCRIPTS)
SUPERSCRIPT_DIGITS = str.maketrans("−⁻⁺" + _SUPERSCRIPTS, "--+0123456789")
# A unit symbol glued to the number that LABEL_AFTER would take for a label letter: a prefixed SI
# symbol ("400eV", "10MW", "5GHz", "3mL", "88kR", "5000mAh", "90dB"); a bare capital ("4K", "3D", "5G") stays a label.
# (a lower-case prefix before a one-letter symbol, so "4TH QTR" and "1MTH" stay labels; a letter may follow
# only as the next factor with its power: "7.85mWm−2")
GLUED_UNIT = lazy_compile(r"(?:mAh|dB|[kMGT]?(?:eV|Hz|Pa|Wh|W|V|J)|hPa|[afpnumcdk](?:eV|Hz|Pa|Wh|W|V|A|J|R|H|N|T|L|M|Ω)"
                           r"|[kKMGTP]i?B(?:ps)?|[KMGT]b(?:ps)?|[kcm]?m[2²³]|[pc])"
                           r"(?![A-Za-z](?![−⁻-]?\d))")
ISOTOPE_AFTER = lazy_compile(r"[A-Z][a-z]?/")  # "40Ar/39Ar", "187Os/188Os"
# A test statistic's first argument and its comma, before a number: "F(3, 8.9)", "t(1, 24)", "χ2(2, 40)":
# the number after is the statistic's second degrees of freedom, a parameter, not a measurement.
STAT_ARGS_BEFORE = lazy_compile(r"(?<![\w])[A-Za-zχ][A-Za-z\d]?\(\d++(?:\.\d++)?+,\s?\Z")
DOTTED_DATE = lazy_compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d")
PER_BEFORE = lazy_compile(r"\b(?:per|every|each)\s+\Z", regex.IGNORECASE | regex.REVERSE)
LABEL_AFTER = lazy_compile(r"^(?:[A-Z](?![a-z])|[a-z](?![a-z\s]))")
PERCENT_AFTER = lazy_compile(r"\s?(?:%|per\s?cent\b|pct\b|percent\b)", regex.IGNORECASE)
# "half of", "a third of", "two-thirds of", "three quarters of", "one in five" (not "the second half", "a quarter"
# of a year: those are not followed by "of" plus a whole, or are periods)
_FRACTION = r"(?:(?:a|an|one|two|three|four)[\s-]+(?:third|thirds|quarter|quarters|fifth|fifths)|half)"
FRACTION_PHRASE = lazy_compile(
    r"\b(?:" + _FRACTION + r"(?=\s+of\s+(?!the\s+(?:year|month|week|day|century|decade|period|session)\b)[a-z])"
    r"|(?<=\bby\s)" + _FRACTION + r"\b)"
    r"|\bone\s+in\s+(?P<in>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b",
    regex.IGNORECASE)
# In a lower-cased copy, a word every FRACTION_PHRASE match holds ("one" only before white space and "in": it is in
# "money", "done" and "phone"); extract tries the pattern only where one is (rules.quantities._may_hold_fraction).
FRACTION_STEMS = ("half", "third", "quarter", "fifth")
ONE_IN = lazy_compile_stdlib(r"one" + SPACE_CLASS + r"+in")
# In a lower-cased copy, the words every FRACTION_PHRASE match holds (see rules.quantities.words.fraction_phrases).
FRACTION_STEM = re.compile(r"half|third|quarter|fifth|one(?=" + SPACE_CLASS + r"+in)")
PLUS_MINUS = lazy_compile(r"\s*+(?:±|\+/-|\+-)\s*+")
AND_BETWEEN = lazy_compile(r"\s++(?:and|to|-|–)\s++")
# "between 2 and 3", and the words that make "from X to Y" a range, not a change: "ranging from 1 to 25 per mm",
# "a range of 66% to 88%", "varies from 0.1 to 1"
BETWEEN_BEFORE = lazy_compile(r"\b(?:between|(?:rang(?:e[sd]?|ing)|var(?:y|ies|ied|ying))(?:\s++(?:of|from|between))?)\s++\Z",
                               regex.IGNORECASE | regex.REVERSE)
CAPITALISED_NAME_BEFORE = lazy_compile(
    r"(?<![.!?:]\s)(?<!^)\b(?!(?:In|On|At|By|For|From|To|About|Around|Some|Over|Nearly|Almost|The|A|An|Only|Just|"
    r"All|Of|With|Than|And|Or|But|Between|Under|Up|Down|Net|Shr|Revs?|Sales|Profit|Loss|Avg|Oper|Mar|Jan|Feb|"
    r"Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Total|Top|Year|Vs|Qtr|Nine|Six|Per|Each|Every|Another|Only)\s)"
    r"[A-Z][a-z]+\s\Z",
    regex.REVERSE,
)
ORDINAL_AFTER = lazy_compile(r"^(?:st|nd|rd|th)\b")
TIME_AFTER = lazy_compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|EST\b|EDT\b|BST\b|hours\b(?= (?:GMT|local))))", regex.IGNORECASE)
# "at 1400 hrs": a four-digit time of day ("30 hrs" is a duration, read as hours)
CLOCK_HRS_AFTER = lazy_compile(r"^\s?hrs\b", regex.IGNORECASE)
# The word after a quantity. With `re` rather than `regex` (it runs for almost every
# number, and a call costs ~0.2 us instead of ~0.6 us); same meaning, as it uses no \w or \b.
WORD_AFTER = re.compile(SPACE_CLASS + r"*(?P<word>[A-Za-z][A-Za-z\-]*)")

_CARDINAL_WORDS = words_pattern(list(TENS_WORDS) + list(UNITS_WORDS) + ["hundred", "dozen"])
_NUMBER_WORD = (
    r"\b(?P<words>(?:(?:a|an)\s+(?=hundred|dozen))?" + _CARDINAL_WORDS +
    # "and" joins a number only after hundred ("one hundred and five"); "five and two" are two numbers
    r"(?:[\s\-]+(?:(?<=hundred[\s\-]+)and[\s]+)?" + _CARDINAL_WORDS + r")*+)"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion|mln|bln|mn|bn))?"
    r"(?P<tail>\s+(?:per\s?cent|percent|pct)\b|\s+percentage\s+points?\b|[- ]?fold\b|\s+times\b)?"
    r"(?=\W|$)"
)
NUMBER_WORD = lazy_compile(_NUMBER_WORD, regex.IGNORECASE)
# The same pattern without IGNORECASE, for a lower-cased copy of the text (see
# rules.quantities.words.number_words): case-insensitive matching costs the engine about
# twice as much on every character, and this scan visits every character.
if regex.search(r"[A-Z]", regex.sub(r"\\.|\(\?P<", "", _NUMBER_WORD)):
    raise AssertionError("NUMBER_WORD_FOLDED needs a pattern whose letters are all lower case")
NUMBER_WORD_FOLDED = lazy_compile(_NUMBER_WORD)
# Where NUMBER_WORD_FOLDED may match, found by the standard library's `re`, whose scan
# over every character runs about twice as fast as `regex`'s on this trie. A superset:
# every match of NUMBER_WORD_FOLDED starts with a cardinal word after a word boundary
# (so not after a letter a-z), or with "a"/"an" and spaces before "hundred"/"dozen"
# (rules.quantities.words.number_words looks back for those). `regex` then reads each one.
NUMBER_WORD_START = re.compile(r"(?<![a-z])" + _CARDINAL_WORDS)
NUMBER_WORD_GROUPS = ("words", "scale", "tail")  # in order, for `m.groups()` (see SCAN_GROUPS)
NUMBER_WORD_WORDS = NUMBER_WORD_GROUPS.index("words") + 1
# Tries rather than flat alternations: these run after almost every number (~1 us instead of ~2 us).
CURRENCY_WORD_AFTER = lazy_compile(r"^\s?(?:" + words_pattern(CURRENCY_WORDS, space=" ") + r")\b", regex.IGNORECASE)
# (a hyphen may join a unit to its figure: "a 1.6-litre engine", "a 10-mile walk")
UNIT_WORD_AFTER = lazy_compile(r"^[\s-]?(?:" + words_pattern(UNIT_WORDS, space=" ") + r")(?![\w])", regex.IGNORECASE)
# The period of a rate after a unit or currency: "barrels per day", "RM45 a month", "km/h" is in the table.
RATE_AFTER = lazy_compile(r"^(?:\s?(?:per|a|an|each|every)\s+|\s?/\s?)(?P<period>" + _alternation(PERIODS)
                           + r")(?![\w])(?!\s+(?:ago|earlier|before|previously|prior|back|later)\b)", regex.IGNORECASE)
# (not "$430 million a year ago", "3.1m a year earlier", "a month later": a point in time, not a period of a rate)
if any(w[:1].isascii() and not w[:1].isalpha() for w in (*CURRENCY_WORDS, *UNIT_WORDS)):
    raise AssertionError("statlint.rules.quantities.suffix.word_may_follow needs currency and unit words that start with "
                         "a letter or a non-ASCII character")
# The first three letters (or fewer, for a shorter word) of every currency and unit word, lower-cased:
# a word after a number that starts with none of these is neither (suffix.word_may_follow's gate,
# which spares the two patterns above for "pct", "mln", "the", "and", "of"...).
WORD_STARTS = frozenset(w.lower()[:3] for w in (*CURRENCY_WORDS, *UNIT_WORDS))
ISO_AFTER = lazy_compile(r"^\s(?P<iso>[A-Z]{3})\b")

# Characters that must be present for the small patterns above to match. Each call of a
# `regex` pattern costs 0.4-2 us and runs for each of ~60k numbers in a few MB of news,
# while most numbers fail at the first character; rules.quantities tests these first.
# Each set is a superset: it may let through text the pattern rejects, never the reverse
# (IGNORECASE patterns list both cases; "ſ" folds to "s", "K" to "k", "İ" to "i").
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))  # ORDINAL_AFTER, MONTH_AFTER
TIME_INITIALS = frozenset("aApPgGeEbBhH")  # TIME_AFTER's words, after ":" or one space
MONTH_INITIALS = frozenset("JFMASONDo")  # MONTH_AFTER, after the ordinal suffix and spaces ("of" too)
MONTH_FINALS = frozenset("nybrhlegtpvc.")  # MONTH_BEFORE: the last character of a month name

# SCAN, or else a run of digits (Unicode Nd, as DIGIT_RUN) where SCAN does not match: one pass that yields both
# the numerals to read and the runs no numeral begins at ("G20", the "30" of "12:30"), for the coverage accounting
# of rules.quantities.scan. Every SCAN match begins on the first digit of a run (its look-behinds reject a word
# character before it, and \d is one) and ends at the end of a run or after a character that is no digit, so
# the second branch takes whole runs only, and SCAN matches here exactly where SCAN.finditer does. A run so
# matched has no groups: its SCAN_NUM group is unset (-1). (tests/test_scan_runs.py checks both against SCAN.)
SCAN_OR_RUN = lazy_compile(r"(?:" + SCAN.pattern + r")|\d++", regex.IGNORECASE)

# NUMBER_WORD_START after the character before it: the candidate is one past the match's start. The same places
# but at offset 0 (rules.quantities.words.folded_number_words tries NUMBER_WORD_START there): a place follows no
# letter a-z exactly when a character that is none comes before it. Why: a pattern that opens with a look-behind
# makes `re` try the trie at every character, one that opens with a set of characters lets it skip ahead to the
# next one in the set (0.18 -> 0.13 s over the news corpus); none of its matches can hide another's start, as
# each ends on a letter.
NUMBER_WORD_AFTER_BREAK = lazy_compile_stdlib(r"[^a-z]" + _CARDINAL_WORDS)

# Tighter gates (rules.quantities.labels), each a superset of its pattern as the sets above are:
# the last three characters of every name MONTH_BEFORE may end on ("Jan", "January" -> "ary", "Sept." -> "ept"
# once its dot is taken off; the pattern is case-sensitive), and the first two characters, lower-cased, of every
# word TIME_AFTER may match after its optional space ("a.m.", "am", "GMT", "EST", "hours"...; text not ASCII
# passes, for the letters the case-insensitive pattern folds).
MONTH_ENDS = frozenset(("Jan", "ary", "Feb", "Mar", "rch", "Apr", "ril", "May", "Jun", "une", "Jul", "uly", "Aug", "ust",
                        "Sep", "ept", "ber", "Oct", "Nov", "Dec"))
TIME_STARTS = frozenset(("a.", "p.", "am", "pm", "gm", "es", "ed", "bs", "ho"))
ASCII_LOWER_STR = "abcdefghijklmnopqrstuvwxyz"  # for str.rstrip: the run of lower-case ASCII letters that ends a text

# NUMBER_WORD_AFTER_BREAK, and FRACTION_STEMS and "one" after a break, on a copy of the folded text in which every
# character that is no letter a-z is a space (rules.quantities.words.word_places makes it with bytes.translate):
# there the break before a word is always " ", and a pattern that opens with one literal character lets `re` skip
# ahead to it by a plain comparison, where the set [^a-z] made it test every character against the set (0.12 ->
# 0.06 s over the news corpus). The letters a-z are kept, so the words match where they did; the stems, in the
# same trie, cost the scan little and spare extract five searches of every text for them.
WORD_OR_STEM_AFTER_SPACE = lazy_compile_stdlib(
    r" " + words_pattern(list(TENS_WORDS) + list(UNITS_WORDS) + ["hundred", "dozen"] + list(FRACTION_STEMS)))
