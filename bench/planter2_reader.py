"""The small number reader and the plant record shared by bench/planter2's planters.

Why its own reader: a plant must be judged by arithmetic that is not statlint's, so that what
statlint cannot read still counts as a miss. It reads only what the planters' patterns matched:
a numeral with thousands commas and decimals, a scale word, a percent sign or word.
"""
from __future__ import annotations

NUM = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|,\d{3})"
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
          "trillion": 1e12}
SCALE = r"(?:\s?(?:thousand|million|mln|billion|bln|trillion)\b|(?:bn|m)\b)"
PCT = r"(?:\s?%|\s(?:pct|percent|per\s+cent)\b)"


def num_value(num: str, scale: str | None = None) -> float:
    return float(num.replace(",", "")) * SCALES.get((scale or "").strip().lower(), 1.0)


def decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def half_unit(num: str, scale: str | None = None) -> float:
    """Half a unit of the last written digit: the rounding any figure allows."""
    return 0.5 * 10 ** -decimals(num) * SCALES.get((scale or "").strip().lower(), 1.0)


def change_interval(old: tuple[float, float], new: tuple[float, float]) -> tuple[float, float]:
    """The percent changes (new/old - 1) that figures within their rounding allow."""
    (o, ho), (n, hn) = old, new
    if o - ho <= 0:
        return (-100.0, float("inf"))
    return ((n - hn) / (o + ho) * 100 - 100, (n + hn) / (o - ho) * 100 - 100)


def fits(rate: float, hr: float, lo: float, hi: float, slack: float = 0.0) -> bool:
    return rate + hr + slack >= lo and rate - hr - slack <= hi


def fmt(x: float, dec: int) -> str:
    return f"{x:.{dec}f}"


def plant(cls: str, rules: tuple[str, ...], doc: str, text: str, start: int, end: int, replacement: str,
          note: str = "", host: str = "corpus") -> dict:
    planted = text[:start] + replacement + text[end:]
    out = {"class": cls, "rules": list(rules), "host": host, "doc": doc, "text": planted, "start": start,
           "end": start + len(replacement), "original": text[start:end], "planted": replacement, "note": note}
    if host == "synthetic":
        out["source"] = text
    return out



def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos), text.rfind(".\n", 0, pos))
    end = min([i for i in (text.find(". ", pos), text.find(".\n", pos)) if i >= 0] or [len(text)])
    return start + 1 if start >= 0 else 0, end

