"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One <testsuite> per file; a finding is a failed <testcase> named
`CODE line:col`, a clean file one passing testcase, so the report's counts
say how many articles passed. A file that could not be fully checked has
an <error> per fatal notice, not a pass; a file skipped in a walk (binary,
too large) is a <skipped> testcase, not a pass either, and the suites count
them in `skipped`; a non-fatal notice (bytes replaced while decoding) is
written to the suite's <system-err>.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from statlint.checker.report import FileResult
from statlint.checker.report.xml_text import attr, content


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    """One piece: the totals come first in the file, so every suite is held until the end."""
    suites = []
    total = failures = errors = skipped = 0
    for result in results:
        cases = []
        fatal = [n for n in result.notices if n.fatal]
        for notice in fatal:
            cases.append(f'    <testcase classname={attr(result.path)} name={attr("read " + notice.code)}>\n'
                         f'      <error type={attr(notice.code)} message={attr(notice.message)}/>\n    </testcase>')
        doc = result.document
        for f in result.findings if doc is not None else ():
            line, col = doc.line_col(f.span.start)
            body = f"{result.path}:{line}:{col}: {f.rule} {f.message} [{f.name}]"
            if f.suggestion:
                body += f"\nsuggestion: {f.suggestion}"
            cases.append(f'    <testcase classname={attr(result.path)} name={attr(f"{f.rule} {line}:{col}")}>\n'
                         f'      <failure type={attr(f.rule)} message={attr(f.message)}>{content(body)}</failure>\n'
                         f'    </testcase>')
        if result.skipped:
            reason = "; ".join(n.message for n in result.notices if not n.fatal)
            cases.append(f'    <testcase classname={attr(result.path)} name="skipped">\n'
                         f'      <skipped message={attr(reason)}/>\n    </testcase>')
        elif not cases:
            cases.append(f'    <testcase classname={attr(result.path)} name="no findings"/>')
        n_fail = len(result.findings) if doc is not None else 0
        n_err = len(fatal)
        total, failures, errors = total + len(cases), failures + n_fail, errors + n_err
        skipped += result.skipped
        warnings = [f"{n.code} {n.message}" for n in result.notices if not n.fatal]
        err_out = f"\n    <system-err>{content(chr(10).join(warnings))}</system-err>" if warnings else ""
        suites.append(f'  <testsuite name={attr(result.path)} tests="{len(cases)}" failures="{n_fail}" '
                      f'errors="{n_err}"{_skipped(int(result.skipped))}>\n' + "\n".join(cases) + err_out
                      + "\n  </testsuite>")
    head = f'<testsuites name="statlint" tests="{total}" failures="{failures}" errors="{errors}"{_skipped(skipped)}>'
    yield "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *suites, "</testsuites>"]) + "\n"


def _skipped(n: int) -> str:
    """The skipped="n" attribute, left out when nothing was skipped (most runs)."""
    return f' skipped="{n}"' if n else ""
