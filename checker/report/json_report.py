"""JSON output: the machine contract from DESIGN.md ("Output contract").

Keys and their meaning are a public interface (CI annotations, editors and the
benchmarks parse them), so the dicts are built key by key rather than by
serialising dataclasses: a new field in Finding must not leak into the output
unannounced. A finding's object is Finding.to_dict() (checker/model.py), the
same the library hands out, so the two cannot drift apart. Non-finite numbers become null because JSON has no
Infinity, and a strict parser rejects the file if we emit one.
"""
from __future__ import annotations

import json
import math
from typing import Any, Iterable, Iterator

from statlint.checker.document import Document
from statlint.checker.engine import locate
from statlint.checker.model import Finding, Quantity, Severity
from statlint.checker.notices import Notice, fatal_message
from statlint.checker.report import FileResult, Tally

VERSION = 1


def stream(results: Iterable[FileResult], **_options) -> Iterator[str]:
    """The same bytes as dumps() of the whole report, written one file at a time."""
    from statlint.checker import __version__

    tally = Tally()
    yield f'{{"version": {VERSION}, "tool": {_dump({"name": "statlint", "version": __version__})}, "files": ['
    for n, result in enumerate(map(tally.add, results)):
        yield (", " if n else "") + _dump(file_dict(result))
    summary = tally.summary()
    yield "], \"summary\": " + _dump({
        "files": summary.files,
        "checked": summary.checked,
        "skipped": summary.skipped,
        "findings": summary.findings,
        "failed": summary.errors,  # files with a fatal notice; "error" is only ever a finding's severity
        "notices": summary.notices,
        "by_severity": {str(s): summary.by_severity[str(s)] for s in sorted(Severity, reverse=True)
                        if summary.by_severity.get(str(s))},
        "by_rule": summary.by_rule,
    }) + "}\n"



def file_dict(result: FileResult) -> dict[str, Any]:
    findings = []
    if result.document is not None:
        findings = [finding_dict(result.document, f) for f in result.findings]
    return {"path": result.path, "error": result.error, "notices": [n.as_dict() for n in result.notices],
            "findings": findings}


def finding_dict(doc: Document, finding: Finding) -> dict[str, Any]:
    """Finding.to_dict() of the located finding: the library's object is the report's object."""
    return locate(doc, finding).to_dict()


def render_extract_json(files: Iterable[tuple[str, object, tuple[Notice, ...], list[tuple[int, int]]]]) -> str:
    """`statlint extract` output: (path, Facts or None, notices, groups) per file.

    `not_read` lists the numbers statlint saw and did not read as quantities (years,
    labels, codes, digits inside words): with `quantities` it accounts for every digit.
    `measurements` lists each run of quantities written as one measurement (a list of one
    unit, a change "from A to B", a size "A × B mm": rules.quantities.groups), as
    annotators such as MeasEval's mark them; the checks still read each figure apart.
    """
    return dumps({
        "version": VERSION,
        "files": [
            {"path": path, "error": fatal_message(notices),
             "notices": [n.as_dict() for n in notices],
             "quantities": [quantity_dict(q) for q in facts.quantities] if facts is not None else [],
             "not_read": [{"start": s.start, "end": s.end} for s in facts.skipped] if facts is not None else [],
             "measurements": [_measurement(facts.quantities, first, last) for first, last in groups]
             if facts is not None else []}
            for path, facts, notices, groups in files
        ],
    })


def _measurement(quantities, first: int, last: int) -> dict[str, Any]:
    return {"start": quantities[first].span.start, "end": quantities[last].span.end,
            "members": list(range(first, last + 1))}


def quantity_dict(q: Quantity) -> dict[str, Any]:
    return {
        "start": q.span.start,
        "end": q.span.end,
        "text": q.text,
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "unit": q.unit,
        "kind": q.kind,
        "bound": q.bound,
    }


def dumps(obj: Any) -> str:
    return _dump(obj) + "\n"


def _dump(obj: Any) -> str:
    # allow_nan=False: a stray inf/nan is a bug to surface, not invalid JSON to ship
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def _number(x: float | int | None) -> float | int | None:
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, int):
        return x
    x = float(x)
    return x if math.isfinite(x) else None


def _round(x: float) -> float | None:
    x = float(x)
    return round(x, 2) if math.isfinite(x) else None
