"""The article with each finding underlined and its related numbers marked.

Like ruff's full output, for reading a finding in place:

    G101 a 574% rise from more than 3 million would give ... [growth-rate-mismatch]
     --> kunpeng.txt:4:250
      |
    4 | …exceeded the 2 million and 3 million mark in 2021 and 2022, …
      |                             --------- base
      |
      = suggestion: 57.4%

`^` marks the finding, `-` each related number, labelled with its role.
Every line that holds a mark is shown, in line order (`...` between lines
that are not adjacent). News paragraphs are single long lines, so each row
is a window around its marks; marks too far apart for one window get a row
each. Article text goes through the same visible() escaping as the text
report, and carets are placed by display width, so CJK text stays aligned.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from statlint.checker.document import Document
from statlint.checker.model import Finding
from statlint.checker.report import FileResult, Tally
from statlint.checker.report.text import _visible_char, _width, notice_line, summary_line, visible

CONTEXT = 30  # code points shown either side of a row's marks
MAX_ROW = 160  # a row wider than this is split by marks


def stream(results: Iterable[FileResult], baseline_written: str | None = None, **_options) -> Iterator[str]:
    """Blocks separated by a blank line, the summary line last."""
    tally = Tally()
    for result in map(tally.add, results):
        for notice in result.notices:
            yield notice_line(visible(result.path), notice) + "\n\n"
        if result.document is not None:
            for finding in result.findings:
                yield _block(result.document, visible(result.path), finding) + "\n\n"
    yield summary_line(tally.summary(), baseline_written) + "\n"


def _block(doc: Document, path: str, f: Finding) -> str:
    line, col = doc.line_col(f.span.start)
    marks = [(f.span.start, f.span.end, "^", "")] + [(r.span.start, r.span.end, "-", r.role) for r in f.related]
    by_line: dict[int, list[tuple[int, int, str, str]]] = {}
    for mark in marks:
        by_line.setdefault(doc.line_col(mark[0])[0], []).append(mark)
    gutter = len(str(max(by_line)))
    bar = " " * gutter + " |"
    out = [f"{f.rule} {visible(f.message)} [{visible(f.name)}]", f"{' ' * gutter}--> {path}:{line}:{col}", bar]
    previous = None
    for number in sorted(by_line):
        if previous is not None and number > previous + 1:
            out.append(" " * gutter + "...")
        previous = number
        lo, hi = _line_bounds(doc, number)
        for cluster in _clusters(sorted(by_line[number])):
            out += _rows(doc.text, lo, hi, cluster, str(number).rjust(gutter), bar)
    out.append(bar)
    if f.suggestion:
        out.append(f"{' ' * gutter} = suggestion: {visible(f.suggestion)}")
    return "\n".join(out)


def _line_bounds(doc: Document, number: int) -> tuple[int, int]:
    starts, text = doc.line_starts, doc.text
    lo = starts[number - 1]
    hi = starts[number] - 1 if number < len(starts) else len(text)
    if hi > lo and text[hi - 1] == "\r":
        hi -= 1
    return lo, hi


def _clusters(marks):
    """Marks grouped so each group fits one row."""
    groups = [[marks[0]]]
    for mark in marks[1:]:
        first = groups[-1][0]
        if max(mark[1], mark[0] + 1) - first[0] + 2 * CONTEXT <= MAX_ROW:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    return groups


def _rows(text: str, lo: int, hi: int, marks, number: str, bar: str) -> list[str]:
    starts = [min(max(s, lo), hi) for s, _, _, _ in marks]
    ends = [min(max(e, s + 1), hi) if hi > s else s for s, (_, e, _, _) in zip(starts, marks)]
    left = max(lo, min(starts) - CONTEXT)
    right = min(hi, max(ends) + CONTEXT)
    head, tail = ("…" if left > lo else ""), ("…" if right < hi else "")
    pieces = [_visible_char(ch) for ch in text[left:right]]
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + _width(piece))
    pad = _width(head)
    placed = []  # (column, width, char, label)
    for s, e, (_, _, char, label) in zip(starts, ends, marks):
        column = pad + offsets[s - left]
        placed.append((column, max(offsets[max(e, s) - left] - offsets[s - left], 1), char, label))
    under = [" "] * (max(c + w for c, w, _, _ in placed))
    for column, width, char, _ in sorted(placed, key=lambda p: p[2] == "^"):  # "^" drawn last, on top
        under[column:column + width] = char * width
    rows = [f"{number} | {head}{''.join(pieces)}{tail}".rstrip()]
    labelled = sorted((p for p in placed if p[3]), key=lambda p: -p[0])
    first_label = labelled[0] if labelled and labelled[0][0] + labelled[0][1] >= len(under) else None
    rows.append(f"{bar} {''.join(under)}" + (f" {visible(first_label[3])}" if first_label else ""))
    for column, _, _, label in labelled[1:] if first_label else labelled:
        rows.append(f"{bar} {' ' * column}{visible(label)}")
    return rows
