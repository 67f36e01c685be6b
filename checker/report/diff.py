"""`--format diff`: the suggested repairs as a unified diff of each source file, for `git apply` or review.

Only findings with a suggestion take part; each replaces its span's text by
the suggestion. The diff is against the original file (for Markdown and HTML
the finding's span already points there), so `git apply` takes it as it is,
and a review tool can take the hunks one by one.

A repair is left out, with a `# statlint:` comment line saying why (git
apply skips lines outside a patch), when:
- the file is a Word .docx: a zip cannot be patched as text; the comment
  lists each repair by paragraph and column, for doing it in Word;
- in Markdown or HTML the span's source holds markup or a reference (a tag,
  an entity, emphasis around a digit): replacing it would drop the markup;
- it overlaps a repair earlier in the file (the first is kept).
Notices are comment lines as well, so no format hides one, and the last
line counts the repairs.

Lines are split at "\\n" only, as git does ("\\r\\n" stays part of its line),
and a last line without a newline gets git's "\\ No newline at end of file".
"""
from __future__ import annotations

import difflib
import os
from typing import Iterable, Iterator

from statlint.checker.report import FileResult, Tally
from statlint.checker.report.text import visible

# Characters whose presence in a span's source means markup was dropped or decoded there.
_MARKUP = {"markdown": frozenset("\n`*_[]<>&\\|~!#"), "html": frozenset("<>&")}


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    tally = Tally()
    applied = skipped = 0
    for result in results:
        tally.add(result)
        shown = _diff_path(result.path)
        for notice in result.notices:
            yield _comment(f"{shown}: {notice.code} {notice.message}")
        candidates = [f for f in result.findings if f.suggestion is not None]
        if not candidates or result.document is None:
            continue
        if result.input_format == "docx":
            skipped += len(candidates)
            yield _comment(f"{shown}: {len(candidates)} repair(s) not in the diff: a .docx file cannot be patched "
                           f"as text; make them in Word:")
            for f in candidates:
                line, column = result.document.line_col(f.span.start)
                old = result.document.text[f.span.start:f.span.end]
                yield _comment(f"  paragraph {line}, column {column}: {visible(old)!r} -> {visible(f.suggestion)!r}")
            continue
        text = result.document.text
        edits, notes = _edits(text, candidates, result.input_format)
        skipped += len(notes)
        for span_note in notes:
            yield _comment(f"{shown}:{span_note}")
        if edits:
            applied += len(edits)
            yield from _unified(shown, text, _apply(text, edits))
    summary = tally.summary()
    yield _comment(f"{applied} repair(s) in the diff, {skipped} left out; {summary.findings} finding(s) "
                   f"in {summary.files} file(s)")


def _edits(text: str, findings, input_format: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The (start, end, replacement) edits to make, in order, and a note for each repair left out."""
    markup = _MARKUP.get(input_format, frozenset())
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end)):
        start, end = f.span.start, f.span.end
        old = text[start:end]
        where = _where(text, start)
        if start < last_end:
            notes.append(f"{where}: {f.rule} repair {visible(f.suggestion)!r} overlaps an earlier one; left out")
        elif markup and any(c in markup for c in old):
            notes.append(f"{where}: {f.rule} repair {visible(f.suggestion)!r} left out: the source of "
                         f"{visible(old)!r} holds markup")
        elif old != f.suggestion:
            edits.append((start, end, f.suggestion))
            last_end = end
    return edits, notes


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, replacement in edits:
        out += [text[at:start], replacement]
        at = end
    out.append(text[at:])
    return "".join(out)


def _unified(path: str, before: str, after: str) -> Iterator[str]:
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}"):
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    """Lines as git sees them: split after each "\\n", nothing else (str.splitlines also splits at \\r, \\f...)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _diff_path(path: str) -> str:
    """The path as the diff names it: relative to the working directory where it lies inside it, '/' separated."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(os.pardir):
            path = relative
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _comment(message: str) -> str:
    return "# statlint: " + " ".join(message.split("\n")) + "\n"
