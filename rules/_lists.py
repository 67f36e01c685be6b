"""The one reader of lists of figures: "45%, 35% and 30%", "40% backed it, 35% opposed it and 30% were undecided".

Why one reader: a list is how the words tie several figures to one claim (shares of one whole, values paired
with labels by "respectively"); an extractor that needs a list asks here instead of writing its own
pattern. A list is a run of two or more figures of one unit, in text order, each joined to the next by a
comma and/or "and"/"while", with at most a few words around the join and no clause break (. ; : or a
bracket) or other figure between them. It is a "respectively" list when "respectively" closes it: after
its last figure, in the same sentence, before any other figure.
"""
from __future__ import annotations

from typing import Iterator, Sequence

import regex

from statlint.checker.document import Document
from statlint.checker.model import Quantity

# Between two members: up to 60 characters of words, the join, up to 25 more (no clause break, no digit).
_GAP = regex.compile(r"[^.;:()%\d]{0,60}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)[^.;:()%\d]{0,25}?")
_RESPECTIVELY_AFTER = regex.compile(r"[^.;:\d]{0,60}?\brespectively\b", regex.IGNORECASE)


def figure_runs(doc: Document, quantities: Sequence[Quantity], unit: str) -> Iterator[tuple[list[Quantity], bool]]:
    """(members, closed by "respectively") for every list of two or more figures in `unit`."""
    text = doc.text
    i = 0
    n = len(quantities)
    while i < n:
        if quantities[i].unit != unit:
            i += 1
            continue
        run = [quantities[i]]
        j = i
        while j + 1 < n and quantities[j + 1].unit == unit \
                and _GAP.fullmatch(text, quantities[j].span.end, quantities[j + 1].span.start):
            j += 1
            run.append(quantities[j])
        i = j + 1
        if len(run) < 2:
            continue
        sentence_end = doc.sentence_of(run[-1].span.start).end
        yield run, bool(_RESPECTIVELY_AFTER.match(text, run[-1].span.end, sentence_end))
