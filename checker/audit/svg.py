"""Inline SVG bar charts for the audit report, drawn by hand.

Why by hand: the report must be one self-contained HTML file that opens
anywhere, offline, years later: no JavaScript, no fonts or scripts from the
network, no plotting library in the dependencies. Two shapes cover it:
horizontal bars (rules, sources: long labels) and columns (years). Every
label is escaped; every bar carries a <title> with its exact value.
"""
from __future__ import annotations

from html import escape
from typing import Callable, Sequence

_FONT = 'font-family="system-ui, sans-serif" font-size="12"'
_BAR_COLOR = "#3b6ea8"


def hbars(rows: Sequence[tuple[str, float]], fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
          label_width: int = 260, width: int = 720, bar_height: int = 18) -> str:
    """One horizontal bar per (label, value), longest scale at the largest value."""
    if not rows:
        return '<p class="empty">nothing to chart</p>'
    top = max(v for _, v in rows) or 1
    room = width - label_width - 80
    height = len(rows) * (bar_height + 6) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" {_FONT}>']
    for i, (label, value) in enumerate(rows):
        y = 6 + i * (bar_height + 6)
        length = max(room * value / top, 1 if value else 0)
        shown = _clip(label, label_width // 7)
        parts.append(
            f'<g><title>{escape(label)}: {escape(fmt(value))}</title>'
            f'<text x="{label_width - 8}" y="{y + bar_height - 5}" text-anchor="end">{escape(shown)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{_BAR_COLOR}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height - 5}">{escape(fmt(value))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def columns(rows: Sequence[tuple[str, float]], fmt: Callable[[float], str] = lambda v: f"{v:,.1f}",
            height: int = 220, column_width: int = 34) -> str:
    """One column per (label, value), left to right in the order given (years: oldest first)."""
    if not rows:
        return '<p class="empty">nothing to chart</p>'
    top = max(v for _, v in rows) or 1
    plot = height - 50
    width = max(len(rows) * (column_width + 8) + 16, 200)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" {_FONT}>']
    for i, (label, value) in enumerate(rows):
        x = 8 + i * (column_width + 8)
        tall = plot * value / top
        y = 20 + plot - tall
        parts.append(
            f'<g><title>{escape(label)}: {escape(fmt(value))}</title>'
            f'<rect x="{x}" y="{y:.1f}" width="{column_width}" height="{tall:.1f}" fill="{_BAR_COLOR}"/>'
            f'<text x="{x + column_width / 2}" y="{y - 4:.1f}" text-anchor="middle" font-size="10">'
            f'{escape(fmt(value))}</text>'
            f'<text x="{x + column_width / 2}" y="{height - 14}" text-anchor="middle">{escape(_clip(label, 6))}</text>'
            f'</g>')
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
