"""Human verdicts on benchmark findings, read from bench/reviewed.jsonl.

Why: "findings per 100 articles" only bounds the false-alarm rate from
above. The real rate needs a person to say which findings are wrong. Each
line of bench/reviewed.jsonl (committed; may be empty or absent) is

    {"doc": id, "fingerprint": ..., "rule": ..., "text": ..., "verdict": "true"|"false", "note": ...}

and a verdict applies to the finding with that document id and fingerprint
(fingerprints do not depend on offsets, so verdicts survive edits elsewhere
in the engine). Nothing here ever writes a verdict: lines whose verdict is
not "true"/"false" are reported as invalid and the finding stays unreviewed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bench import BENCH_DIR

REVIEWED = BENCH_DIR / "reviewed.jsonl"

_TRUE = {"true", True}
_FALSE = {"false", False}


@dataclass
class Verdicts:
    path: Path
    by_key: dict[tuple[str, str], bool] = field(default_factory=dict)
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    lines: int = 0
    invalid: list[str] = field(default_factory=list)  # "line N: reason"

    def get(self, doc: str, fingerprint: str) -> bool | None:
        """True (real finding), False (false alarm) or None (unreviewed)."""
        return self.by_key.get((doc, fingerprint))


def load(path: Path | str = REVIEWED) -> Verdicts:
    path = Path(path)
    out = Verdicts(path=path)
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            out.lines += 1
            try:
                row = json.loads(line)
                doc, fp = str(row["doc"]), str(row["fingerprint"])
            except (ValueError, KeyError, TypeError) as exc:
                out.invalid.append(f"line {n}: unreadable ({exc.__class__.__name__})")
                continue
            raw = row.get("verdict")
            raw = raw.strip().lower() if isinstance(raw, str) else raw
            if raw in _TRUE:
                verdict = True
            elif raw in _FALSE:
                verdict = False
            else:
                out.invalid.append(f"line {n}: verdict {row.get('verdict')!r} is not \"true\" or \"false\"")
                continue
            key = (doc, fp)
            if key in out.by_key and out.by_key[key] != verdict:
                out.invalid.append(f"line {n}: contradicts an earlier verdict for {doc} {fp} (later one kept)")
            out.by_key[key] = verdict
            if row.get("note"):
                out.notes[key] = str(row["note"])
    return out
