"""SARIF 2.1.0, the format GitHub code scanning and most review tools import.

Design choices that matter to consumers:
- `columnKind` is `unicodeCodePoints`: statlint counts code points, and the
  SARIF default (UTF-16 code units) would shift columns after any emoji.
- Every rule that can report is listed in `tool.driver.rules`, with the
  summary as shortDescription and the whole docstring as help, so code
  scanning can show "why is this bad" next to the alert. Results point at
  their rule by id and index.
- `partialFingerprints["statlint/v1"]` is statlint's own fingerprint
  (rule + claim + context), so alerts survive edits elsewhere in an article
  instead of being closed and reopened on every line shift.
- Related numbers are `relatedLocations` with their role as the message.
- Every notice (checker.notices) is a tool execution notification with its
  code as the descriptor id; a fatal one (the file was not fully checked)
  is level error and marks the invocation unsuccessful: a SARIF upload must
  not look clean. A non-fatal one (bytes replaced while decoding) is a warning.
- More than 25,000 results (GitHub's limit per run) are cut after sorting,
  and a warning notification says how many there were.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from statlint.checker.document import Document
from statlint.checker.model import Severity
from statlint.checker.report import FileResult, fingerprint_of
from statlint.checker.report.json_report import _round, dumps
from statlint.checker.report.ruledoc import rule_doc, summary

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_RESULTS = 25_000  # GitHub code scanning rejects a run with more


def stream(results: Iterable[FileResult], rules: tuple = (), **_options) -> Iterator[str]:
    """One piece at the end: results are sorted and cut across files. Only files with findings or
    notices leave anything behind, so a walk of clean files costs no memory here."""
    yield _render(results, rules)


def _render(results: Iterable[FileResult], rules: tuple) -> str:
    from statlint.checker import __version__

    rules = sorted({r.code: r for r in rules}.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results = []
    notifications = []
    for result in results:
        uri = to_uri(result.path)
        for notice in result.notices:
            notifications.append({
                "level": "error" if notice.fatal else "warning",
                "message": {"text": f"{result.path}: {notice.message}"},
                "descriptor": {"id": notice.code},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri)}}],
                "properties": {"name": notice.name, "fatal": notice.fatal, "offset": notice.offset},
            })
        if result.document is not None:
            sarif_results += [_result(result.document, uri, f, index) for f in result.findings]
    if len(sarif_results) > MAX_RESULTS:  # files and findings are already in report order: the cut is deterministic
        notifications.append({"level": "warning", "descriptor": {"id": "TRUNCATED"}, "message": {"text": (
            f"{len(sarif_results)} results; only the first {MAX_RESULTS} are in this file (GitHub code scanning "
            "accepts at most 25,000 per run); the text or JSON report has them all")}})
        sarif_results = sarif_results[:MAX_RESULTS]
    run = {
        "tool": {"driver": {
            "name": "statlint", "version": __version__, "semanticVersion": __version__,
            "rules": [_rule(r) for r in rules],
        }},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": to_uri(os.getcwd(), absolute=True) + "/"}},
        "invocations": [{"executionSuccessful": not any(n["level"] == "error" for n in notifications),
                         "toolExecutionNotifications": notifications}],
        "results": sarif_results,
    }
    return dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})


def to_uri(path: str, absolute: bool = False) -> str:
    """A path as a URI reference: relative paths stay relative (to %SRCROOT%), with '/'.

    Quoted from the file name's bytes (os.fsencode), so a name that is not UTF-8 ("bad\\xffname.txt",
    read as a surrogate) becomes "bad%FFname.txt" instead of an encoding error."""
    posix = path.replace(os.sep, "/")
    if absolute or os.path.isabs(path):
        return "file://" + quote(os.fsencode(os.path.abspath(path).replace(os.sep, "/")))
    return quote(os.fsencode(posix[2:] if posix.startswith("./") else posix))


def _artifact(uri: str) -> dict[str, Any]:
    return {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _region(doc: Document, start: int, end: int, snippet: bool) -> dict[str, Any]:
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    region: dict[str, Any] = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                              "charOffset": start, "charLength": end - start}
    if snippet:
        region["snippet"] = {"text": doc.text[start:end]}
    return region


def _result(doc: Document, uri: str, f, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri),
                                            "region": _region(doc, f.span.start, f.span.end, True)}}],
        "partialFingerprints": {"statlint/v1": fingerprint_of(doc, f)},
        "properties": {"name": f.name, "confidence": _round(f.confidence),
                       "suggestion": f.suggestion, "inQuote": bool(f.in_quote)},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": r.role},
             "physicalLocation": {"artifactLocation": _artifact(uri),
                                  "region": _region(doc, r.span.start, r.span.end, True)}}
            for i, r in enumerate(f.related, 1)
        ]
    return out


def _rule(rule) -> dict[str, Any]:
    doc = rule_doc(rule)
    short = summary(doc, rule.code, rule.name) or rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": doc or short},
        "help": {"text": doc or short, "markdown": doc or short},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["statistics"]},
    }
