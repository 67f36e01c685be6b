"""What is written before a figure: a currency ("US$", "HK$", "RM", "EUR ") and a minus sign.

The scan starts on a digit (DESIGN, performance notes), so prefixes are read
backwards from the numeral, and only when a cheap test on the characters
before it says one may be there.
"""
from __future__ import annotations

from statlint.checker.units import CURRENCY_PREFIXES, ISO_CODES
from statlint.rules import _patterns as P


def currency_before(text: str, start: int, before: str) -> tuple[str | None, int]:
    """(currency code or None, where the figure with its prefix starts).

    Cheap test before the currency-prefix regex (written here, not in a helper: this runs for every figure,
    and nine in ten end at it): a symbol, an upper-case code, or "Rs", "Rs." or "Rp" ends the text (one
    white-space character aside: the pattern allows one, and str.isspace() takes in every character regex's
    \\s does). Words ending in "s" or "p" ("sales 5", "up 5") come before many numbers and name no currency.
    """
    tail = before[-2:].rstrip()
    if not tail:
        return None, start
    last = tail[-1]
    if not (last in P.CURRENCY_SYMBOL_CHARS or last.isupper()):
        if last not in ".sp" or not (before[:-1] if before[-1:].isspace() else before).endswith(_LOWER_ENDED_PREFIXES):
            return None, start
    cm = P.CURRENCY_BEFORE.search(text[max(0, start - 8):start])
    if cm:
        if cm.group("sym"):
            sym = cm.group("sym")
            return CURRENCY_PREFIXES.get(sym.rstrip(".") if sym == "Rs." else sym), start - len(cm.group(0))
        if cm.group("iso") in ISO_CODES:
            return ("CNY" if cm.group("iso") == "RMB" else cm.group("iso")), start - len(cm.group(0))
    return None, start


_LOWER_ENDED_PREFIXES = ("Rs", "Rs.", "Rp")  # the symbols of P.CURRENCY_BEFORE that end in a lower-case letter or "."


def minus_before(text: str, prefix_start: int) -> bool:
    """A minus sign or hyphen right before the figure (and its currency), not inside a word ("A-3")."""
    return prefix_start >= 1 and text[prefix_start - 1] in "-−" and (
        prefix_start == 1 or not text[prefix_start - 2].isalnum())
