"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One <testsuite> per file; a finding is a failed <testcase> named
`CODE line:col`, a clean file one passing testcase, so the report's counts
say how many articles passed. A file that could not be checked is an
<error>, not a pass.
"""
from __future__ import annotations

from checker.report import FileResult
from checker.report.xml_text import attr, content


def render(results: list[FileResult], **_options) -> str:
    suites = []
    total = failures = errors = 0
    for result in results:
        cases = []
        if result.error is not None:
            cases.append(f'    <testcase classname={attr(result.path)} name="read">\n'
                         f'      <error message={attr(result.error)}/>\n    </testcase>')
        doc = result.document
        for f in result.findings if doc is not None else ():
            line, col = doc.line_col(f.span.start)
            body = f"{result.path}:{line}:{col}: {f.code} {f.message} [{f.symbol}]"
            if f.suggestion:
                body += f"\nsuggestion: {f.suggestion}"
            cases.append(f'    <testcase classname={attr(result.path)} name={attr(f"{f.code} {line}:{col}")}>\n'
                         f'      <failure type={attr(f.code)} message={attr(f.message)}>{content(body)}</failure>\n'
                         f'    </testcase>')
        if not cases:
            cases.append(f'    <testcase classname={attr(result.path)} name="no findings"/>')
        n_fail = len(result.findings) if doc is not None else 0
        n_err = int(result.error is not None)
        total, failures, errors = total + len(cases), failures + n_fail, errors + n_err
        suites.append(f'  <testsuite name={attr(result.path)} tests="{len(cases)}" failures="{n_fail}" '
                      f'errors="{n_err}">\n' + "\n".join(cases) + "\n  </testsuite>")
    head = f'<testsuites name="statlint" tests="{total}" failures="{failures}" errors="{errors}">'
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *suites, "</testsuites>"]) + "\n"
