"""Every finding of an audit store as JSON Lines or CSV, streamed in archive order.

Each row is the finding object of `statlint check --format json` (DESIGN.md
"Output contract") with the document in front: `source` (the container's
path), `key` (its place in it), `document` (the name shown in reports),
`doc_id` and `date` from the archive. Rows come in a fixed order (source,
position, finding), so two audits of the same archive export the same bytes
however their workers interleaved.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from statlint.checker.audit.store import Store

CSV_COLUMNS = ("source", "key", "document", "doc_id", "date", "rule", "name", "severity", "confidence", "message",
               "start", "end", "line", "column", "text", "suggestion", "fingerprint", "in_quote")

_ROWS = """SELECT s.path, d.key, d.name, d.doc_id, d.date, f.json
           FROM findings f JOIN documents d ON d.source_id = f.source_id AND d.key = f.key
           JOIN sources s ON s.id = f.source_id
           ORDER BY s.path, d.pos, d.key, f.seq"""


def findings(store: Store) -> Iterator[dict]:
    for path, key, name, doc_id, date, data in store.query(_ROWS):
        yield {"source": path, "key": key, "document": name, "doc_id": doc_id, "date": date, **json.loads(data)}


def jsonl(store: Store) -> Iterator[str]:
    for row in findings(store):
        yield json.dumps(row, ensure_ascii=False) + "\n"


def csv_rows(store: Store) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in findings(store):
        writer.writerow([row.get(c) for c in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
