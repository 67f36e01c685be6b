"""Fuzz harness: the number reader, fed token strings that look like news figures.

Each input byte picks one token (digits, separators, signs, scale and currency
words, 万 and 亿, fractions, units, growth verbs, invisible format characters), so the fuzzer explores the
number grammar instead of mostly unreadable bytes. Asserts fuzz/_invariants.py
on the quantities and on the findings of the whole check.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz._invariants import check_text_all, fuzz  # noqa: E402

TOKENS = (
    [str(d) for d in range(10)]
    + [",", ".", " ", "  ", "-", "−", "–", "/", "(", ")", "\n", "\u00a0", "\u202f", "½", "¼", "e", "×10", "^",
       "%", " pct", " per cent", " percentage points", " basis points", " bps", "-fold", " times",
       " thousand", " million", " billion", " trillion", " mln", " bln", " bn", "m", "k", " lakh", " crore",
       "$", "US$", "€", "£", "¥", "₹", "Rs", "RM", " yuan", " dlrs", " euros", " yen", " USD", " CNY",
       "万", "亿", " 10,000", " 100 million", "one", " hundred", " and ", "two-thirds", "half", "a dozen",
       " km", " miles", " kg", " tonnes", " (", " about ", " more than ", " nearly ", " up to ",
       " rose ", " fell ", " to ", " from ", " year-on-year", " respectively", " doubled", " of which ",
       " a total of ", " profit ", " revenue ", "Boeing ", "Section ", "COVID-", "G", "2023", "1987",
       "\u200b", "\u00ad", "\u2060", "\ufeff", "\u200f", "\u202e", "\u202c"]
)


def tokens_text(data: bytes) -> str:
    return "".join(TOKENS[b % len(TOKENS)] for b in data)


def TestOneInput(data: bytes) -> None:
    check_text_all(tokens_text(data))


if __name__ == "__main__":
    fuzz(TestOneInput)
