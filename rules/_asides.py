"""Asides between the two levels of a change: what earnings copy puts after the new figure before the old one.

"Net profit fell 9.2% to €2.4 million, or 15 cents per share, from €2.2 million": the per-share figure is
the same profit divided by the shares, an aside to the new level, and says nothing about the basis of the
rate (rules.claims drops the base when "per share" qualifies the change itself: "rose 5% per share").
"(€0.15 a share)", "— or $1.02 a diluted share —" are the same aside.

After the new level (and such an aside) the old one may also come after "compared with", "compared to",
"against", "as against" or "up/down from" ("rose 9.2% to $2.4 million, compared with $2.2 million a year
earlier"). These words bring in other figures elsewhere ("up 14 to 164, against 422 a year ago" compares
with a level a year ago, not the base of a day's change; "rose 27.4 pct to 218,340, compared with 203,115
in June" is a change on a year before set beside last month's level), so rules.claims reads them only right
after the new level of a change stated in percent, and only when the figure after them ends the clause or is
for the year before ("a year earlier", "last year", "in the same period", "in the prior-year quarter").
Read on the sentence skeleton (every figure a token "⟨i⟩").
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile

_REACH = 200  # how far an aside or a compared figure may reach (every match is bounded: see rules._amounts)
_PER_SHARE_ASIDE = lazy_compile(
    r"\s*+(?:,\s*+(?:or\s++)?|\(\s*+|[—–]\s*+(?:or\s++)?|(?<=\s)--?\s*+(?:or\s++)?)⟨\d+⟩\s*+"
    r"(?:per|an?)\s++(?:(?:fully\s+)?diluted\s++|basic\s++|common\s++|ordinary\s++)?(?:share|shr)\b"
    r"(?:\s*+\)|\s*+,|\s*+[—–]|\s++--?)?",
    regex.IGNORECASE)
_COMPARED = lazy_compile(
    # (the new level's noun may stand before the comma, and the same noun after the old level: "to 1.43m units,
    # compared with 1.28m units a year earlier")
    r"(?:\s++(?P<noun>[a-z]++)(?=\s*+,))?\s*+,?\s*+(?:compared\s+(?:with|to)|(?:as\s+)?against|(?:up|down)\s+from)\s++"
    r"(?:the\s++)?(?:(?:previous|prior|year-earlier|year-ago|restated|revised)\s++)?(?:an?\s++)?⟨(\d+)⟩"
    # and then nothing, or the period of a year-on-year change; not another period ("in April")
    r"(?=(?:\s++(?P=noun)\b)?\s*+(?:[.;,)]|$|(?:a\s+year\s+)?(?:earlier|ago|before)\b|last\s+year\b|"
    r"(?:in|for|during)\s+the\s+(?:same|year-earlier|year-ago|prior-year|previous-year|corresponding|comparable)\b|"
    r"(?:in|for)\s+the\s+(?:previous|prior|preceding)\s+year\b))",
    regex.IGNORECASE)


def per_share_aside_end(scanned: str, pos: int) -> int:
    """Where a per-share aside that starts at `pos` ends (", or 15 cents per share,"), or `pos` if none does."""
    m = _PER_SHARE_ASIDE.match(scanned, pos, pos + _REACH)  # (bounded: see rules._amounts._REACH)
    return m.end() if m else pos


def without_per_share_asides(window: str) -> str:
    """`window` with its per-share asides blanked out, offsets kept: what is left may still say the rate is
    per share ("rose 5% per share")."""
    if "share" not in window and "shr" not in window and "SHARE" not in window and "Share" not in window:
        return window
    return _PER_SHARE_ASIDE.sub(lambda m: " " * len(m.group()), window)


def compared_base(scanned: str, pos: int) -> tuple[int, int] | None:
    """(figure index, end) of the old level after "compared with" and its kin, starting at `pos` right after
    the new level, past a per-share aside; None when the words are not there."""
    start = per_share_aside_end(scanned, pos)
    m = _COMPARED.match(scanned, start, min(len(scanned), start + 2 * _REACH))
    return (int(m.group(2)), m.end()) if m else None


# A year-on-year rate with its "from" figure labelled as another month: "rose 70 pct in February, year on year,
# to 8.1 billion from 5.7 billion in January" sets last month's level beside a rate on a year before.
_YEAR_ON_YEAR = lazy_compile(r"\byear[\s-]+(?:on|over)[\s-]+year\b|\bfrom\s+a\s+year\s+(?:earlier|ago)\b|\by/y\b",
                             regex.IGNORECASE)
_IN_MONTH = lazy_compile(r"\s++in\s++(?:january|february|march|april|may|june|july|august|september|october|"
                         r"november|december)\b(?!\s++(?:last\s+year|a\s+year|19\d\d|20\d\d))", regex.IGNORECASE)


def base_of_another_month(scanned: str, start: int, from_start: int, after_old: int) -> bool:
    """Whether a change's words between `start` and `from_start` say its rate is year on year while its old
    figure, ending at `after_old`, is labelled with a month (not the same month a year before)."""
    return bool(_IN_MONTH.match(scanned, after_old, after_old + _REACH)) \
        and bool(_YEAR_ON_YEAR.search(scanned, start, from_start))

