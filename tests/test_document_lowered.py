"""Document.lowered, the document's one lower-cased copy that parts_of_wholes, its profit readers
(rules._earnings.profits_on_revenue) and differences read their word gates off, gives what each of them
gave when it lowered the text itself (or ran may_contain).

Each reader is run twice on every text: with the view, and with the view forced to None (the path each
took before for a text without one: may_contain, or its own str.lower()). Texts: the rule, claim and
article fixtures, and odd ones (capitals, "İ"/"ſ", the Kelvin sign, the dotless ı, Unicode digits, non-ASCII
letters, a text over a megabyte).
"""
from __future__ import annotations

import pytest

from statlint.checker.document import Document
from statlint.checker.engine import extract
from statlint.rules import differences, parts_of_wholes
from statlint.rules._earnings import profits_on_revenue

from test_parts_fast_paths import NOUN_TEXTS, TEXTS

ODD = [
    "",
    "ACME EARNED 12 MLN DLRS ON SALES OF 10 MLN DLRS; ITS PROFIT WAS 3 MLN DLRS. OF THE 368 MEMBERS, 411 VOTED.",
    "Acme earned 12 mln dlrs on ſales of 10 mln dlrs; Of tHoſe 300 staff, 320 left.",
    "İncome of 5 mln dlrs on revenues of 4 mln dlrs. Of the 368 members, 411 voted.",
    "The \u212aelvin PROFIT of 5 mln dlrs on Turnover of 4 mln dlrs; a GAP of 12 points between 54% and 38%.",
    "marg\u0131n of 12 points between the 54% and the 38%; Net Income 5 mln dlrs vs Revenue 4 mln dlrs.",
    "Of the ٣٦٨ members, ٤١١ voted. Ünter den 50 Städten, 400 Kreise. Profit 5 mln, Sales 4 mln.",
    "Labour is on 41% and the Conservatives on 33%, an eight-point LEAD. " * 200,
    # over a megabyte (no copy: may_contain and the readers' own lower() run), few figures to read
    "Profit 5 mln dlrs on Sales 4 mln dlrs. Of the 368 members, 411 voted; a Lead of 3 points.\n\n"
    + "and so on " * 110000 + "\n\nREVENUE of 4 mln dlrs and a profit of 5 mln; a GAP of 3 points between 5% and 8%.",
]


def _forced_none(doc: Document) -> Document:
    """The same document with no lowered copy: every reader takes the path it took before the view."""
    other = Document(doc.text, doc.path, doc.date)
    other.__dict__["lowered"] = None
    return other


def test_the_view_keeps_every_offset_or_is_none():
    for text in ODD + NOUN_TEXTS + TEXTS:
        low = Document(text).lowered
        odd = not text.isascii() and ("\u0130" in text or "\u017f" in text)
        if odd or len(text) > 1 << 20:
            assert low is None
        else:
            assert low == text.lower() and len(low) == len(text)


@pytest.mark.parametrize("text", ODD + NOUN_TEXTS, ids=range(len(ODD) + len(NOUN_TEXTS)))
def test_difference_nouns_off_the_view_are_finditers(text):
    got = [(m.span(), m.group()) for m in differences._noun_matches(text, Document(text).lowered)]
    assert got == [(m.span(), m.group()) for m in differences._NOUN.finditer(text)]


@pytest.mark.parametrize("i", range(len(ODD) + len(TEXTS)))
def test_readers_read_alike_with_and_without_the_view(i):
    text = (ODD + TEXTS)[i]
    doc = Document(text)
    facts = extract(doc)
    plain = _forced_none(doc)
    assert parts_of_wholes.extract(doc, facts) == parts_of_wholes.extract(plain, facts)
    assert differences.extract(doc, facts) == differences.extract(plain, facts)
    assert profits_on_revenue(doc, facts.quantities) == profits_on_revenue(plain, facts.quantities)
