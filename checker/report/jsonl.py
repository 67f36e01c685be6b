"""JSON Lines: one finding per line, for tools that stream or grep.

Each line is the finding object of the JSON report (DESIGN.md "Output
contract") with the file's `path` in front; a file that could not be
checked, or read with bytes replaced, gets one line per notice
`{"path": ..., "notice": {"code": ..., "message": ..., "fatal": ...}, "error": ...}`
(`error` is the message when the notice is fatal, else null). No summary
line, so `wc -l` counts findings plus notices and `cat a b` merges runs.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from statlint.checker.report import FileResult
from statlint.checker.report.json_report import dumps, finding_dict


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    for result in results:
        for notice in result.notices:
            yield dumps({"path": result.path, "notice": notice.as_dict(),
                         "error": notice.message if notice.fatal else None})
        if result.document is not None:
            for finding in result.findings:
                yield dumps({"path": result.path, **finding_dict(result.document, finding)})
