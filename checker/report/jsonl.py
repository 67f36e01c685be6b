"""JSON Lines: one finding per line, for tools that stream or grep.

Each line is the finding object of the JSON report (DESIGN.md "Output
contract") with the file's `path` in front; a file that could not be
checked is one line `{"path": ..., "error": ...}`. No summary line, so
`wc -l` counts findings plus unreadable files and `cat a b` merges runs.
"""
from __future__ import annotations

from checker.report import FileResult
from checker.report.json_report import dumps, finding_dict


def render(results: list[FileResult], **_options) -> str:
    lines = []
    for result in results:
        if result.error is not None:
            lines.append(dumps({"path": result.path, "error": result.error}))
        if result.document is not None:
            lines += [dumps({"path": result.path, **finding_dict(result.document, f)}) for f in result.findings]
    return "".join(lines)
