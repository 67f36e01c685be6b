"""GitHub Actions workflow commands: findings as annotations on the pull request.

    ::error file=a.md,line=4,col=214,endLine=4,endColumn=218,title=G101 growth-rate-mismatch::message

The runner reads any stdout line starting with `::` as a command, and the
message quotes article text. So values are escaped as the Actions toolkit
does (`%`, CR and LF in the message; also `:` and `,` in properties), which
keeps everything on one line: an article cannot end the annotation and start
a command of its own (`::add-mask::`, `::stop-commands::`). Other control
characters are shown as visible stand-ins. Severity maps error -> error,
warning -> warning, info -> notice.

GitHub shows at most 10 annotations of each type per step and drops the rest
without a word (RELIABILITY F.47), so the first 10 of each type are emitted,
in report order, and one plain log line says how many more the report holds:
a reader of the pull request is never left to think 10 were all.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from statlint.checker.model import Severity
from statlint.checker.report import FileResult
from statlint.checker.report.text import visible

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SHOWN_PER_TYPE = 10  # what GitHub displays per annotation type and step


def escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    shown: dict[str, int] = {}  # annotations per type so far
    for result in results:
        for line in _annotations(result):
            level = line[2:line.index(" ")]
            shown[level] = shown.get(level, 0) + 1
            if shown[level] <= SHOWN_PER_TYPE:
                yield line + "\n"
    hidden = {level: n - SHOWN_PER_TYPE for level, n in shown.items() if n > SHOWN_PER_TYPE}
    if hidden:  # a plain log line, not a command: it is never dropped
        yield ("statlint: " + ", ".join(f"{n} more {level} annotation{'s' if n > 1 else ''}"
                                        for level, n in hidden.items())
               + " not shown (GitHub shows 10 of each type); see the full report (--format text or sarif)\n")


def _annotations(result: FileResult) -> Iterator[str]:
    path = escape_property(result.path)
    for notice in result.notices:
        level = "error" if notice.fatal else "warning"
        title = escape_property(f"statlint {notice.code} {notice.name}")
        yield f"::{level} file={path},title={title}::{escape_data(notice.message)}"
    doc = result.document
    if doc is None:
        return
    for f in result.findings:
        line, col = doc.line_col(f.span.start)
        end_line, end_col = doc.line_col(f.span.end)
        title = escape_property(f"{f.rule} {f.name}")
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        yield (f"::{_LEVEL[f.severity]} file={path},line={line},col={col},endLine={end_line},"
               f"endColumn={end_col},title={title}::{escape_data(message)}")
