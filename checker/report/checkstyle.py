"""Checkstyle XML, which Jenkins, GitLab code-quality converters and reviewdog read.

One <file> per input, one <error> per finding; `source` is `statlint.CODE`
so tools can group by rule. A file that could not be checked gets one
<error> per notice with source `statlint.CODE` of the notice (IO001...),
severity error when the file was not fully checked and warning otherwise,
so it cannot look clean.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from statlint.checker.report import FileResult
from statlint.checker.report.xml_text import attr


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'
    for result in results:
        out = [f"  <file name={attr(result.path)}>"]
        for notice in result.notices:
            severity = "error" if notice.fatal else "warning"
            out.append(f'    <error line="1" column="1" severity="{severity}" message={attr(notice.message)} '
                       f'source={attr("statlint." + notice.code)}/>')
        doc = result.document
        for f in result.findings if doc is not None else ():
            line, col = doc.line_col(f.span.start)
            message = f"{f.message} [{f.name}]" + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            out.append(f'    <error line="{line}" column="{col}" severity="{f.severity}" '
                       f'message={attr(message)} source={attr("statlint." + f.rule)}/>')
        out.append("  </file>")
        yield "".join(line + "\n" for line in out)
    yield "</checkstyle>\n"
