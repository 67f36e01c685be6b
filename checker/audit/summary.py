"""`statlint report audit.sqlite`: the store as a self-contained HTML summary, or exported.

Written for a standards editor, not a developer: how many articles were
read, how often their numbers do not add up (per 1,000 articles, so
archives of any size compare), which kinds of slip, in which sources and
years, the articles with the most findings, and real examples in their
sentence. Everything an archive put in the store (text, names, URLs) is
escaped before it reaches the page; charts are inline SVG (svg.py), the
style is inline, so the file opens offline and cannot run anything.
Documents that could not be checked are counted and sampled too: a clean
report must not hide a half-read archive.
"""
from __future__ import annotations

import datetime
import json
import os
from html import escape
from typing import Iterator

from statlint.checker import __version__
from statlint.checker.audit import export, svg
from statlint.checker.audit.store import Store

TOP_ARTICLES = 25
SAMPLES_PER_RULE = 3
SAMPLE_ERRORS = 20

# Nothing may load or run: inline style only, no scripts, no fetches, no forms.
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
        'img-src data:; form-action \'none\'; base-uri \'none\'">')
_STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;
vertical-align:top}th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.kpi{display:flex;gap:1.5em;flex-wrap:wrap}.kpi div{background:#f5f7fa;padding:.6em 1em;border-radius:6px}
.kpi b{display:block;font-size:1.5em}.sample{border-left:3px solid #3b6ea8;padding:.3em .8em;margin:.8em 0;
background:#fafafa}.ctx{font-family:Georgia,serif;white-space:pre-wrap}mark{background:#ffd54f}
.muted{color:#666;font-size:.9em}.empty{color:#666}
"""


def render(db: str, fmt: str = "html") -> Iterator[str]:
    """The report of the store at `db` in `fmt` ("html", "jsonl" or "csv"), piece by piece."""
    store = Store(db, readonly=True)
    try:
        if fmt == "jsonl":
            yield from export.jsonl(store)
        elif fmt == "csv":
            yield from export.csv_rows(store)
        else:
            yield from html_report(store, os.path.basename(db))
    finally:
        store.close()


def html_report(store: Store, title: str) -> Iterator[str]:
    totals = store.totals()
    yield (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">{_CSP}"
           f"<title>statlint audit: {escape(title)}</title><style>{_STYLE}</style></head><body>\n")
    yield f"<h1>Audit of {escape(title)}</h1>\n"
    yield _overview(store, totals)
    yield "<h2>Findings per rule</h2>\n" + _per_rule(store)
    yield "<h2>Per source</h2>\n" + _per_source(store)
    yield "<h2>Per year</h2>\n" + _per_year(store)
    yield f"<h2>The {TOP_ARTICLES} articles with the most findings</h2>\n" + _top_articles(store)
    yield "<h2>Sample findings in context</h2>\n" + "".join(_samples(store))
    yield "<h2>Documents not checked</h2>\n" + _errors(store)
    yield "<h2>Documents checked with notices</h2>\n" + _notices(store)
    yield (f"<p class=\"muted\">statlint {escape(__version__)}; report written "
           f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.</p></body></html>\n")


def rate(findings: int, documents: int) -> float:
    """Findings per 1,000 documents checked."""
    return 1000.0 * findings / documents if documents else 0.0


def _overview(store: Store, t: dict) -> str:
    checked = t["documents"] - t["errors"]
    runs = list(store.query("SELECT min(started), max(finished), count(*), sum(status = 'done') FROM runs"))[0]
    first, last, count, completed = runs
    when = ""
    if first:
        when = (f"{count} run(s), {completed or 0} completed; first started "
                f"{datetime.datetime.fromtimestamp(first, datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
        if last:
            when += f", last finished {datetime.datetime.fromtimestamp(last, datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    incomplete = list(store.query("SELECT count(*) FROM sources WHERE complete = 0"))[0][0]
    warning = (f"<p><b>{incomplete} source(s) not read to the end</b>: the audit was interrupted; rerun it to "
               f"finish.</p>" if incomplete else "")
    cells = [("articles checked", f"{checked:,}"), ("findings", f"{t['findings']:,}"),
             ("findings per 1,000 articles", f"{rate(t['findings'], checked):,.1f}"),
             ("articles with findings", f"{_count(store, 'SELECT count(*) FROM documents WHERE findings > 0'):,}"),
             ("not checked", f"{t['errors']:,}"), ("records skipped (not articles)", f"{t['skipped']:,}"),
             ("text read", f"{t['bytes'] / 1e6:,.1f} MB")]
    kpis = "".join(f"<div><b>{escape(v)}</b>{escape(k)}</div>" for k, v in cells)
    return f'<div class="kpi">{kpis}</div>\n<p class="muted">{escape(when)}</p>\n{warning}'


def _count(store: Store, sql: str) -> int:
    return list(store.query(sql))[0][0]


def _per_rule(store: Store) -> str:
    rows = list(store.query("""SELECT rule, name, severity, count(*), count(DISTINCT source_id || ':' || key)
                               FROM findings GROUP BY rule, name, severity ORDER BY count(*) DESC, rule"""))
    per_rule: dict[str, int] = {}
    for r, n, _, c, _ in rows:  # one bar per rule, whatever severities its findings had
        per_rule[f"{r} {n}"] = per_rule.get(f"{r} {n}", 0) + c
    chart = svg.hbars(sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    table = _table(("rule", "name", "severity", "findings", "articles"),
                   [(r, n, s, f"{c:,}", f"{a:,}") for r, n, s, c, a in rows], numeric=(3, 4))
    return chart + table


def _per_source(store: Store) -> str:
    rows = list(store.query("""SELECT s.path, count(d.key), coalesce(sum(d.status = 'error'), 0),
                               coalesce(sum(d.findings), 0), s.skipped, s.complete
                               FROM sources s LEFT JOIN documents d ON d.source_id = s.id
                               GROUP BY s.id ORDER BY s.path"""))
    data = [(os.path.basename(p) or p, rate(f, n - e)) for p, n, e, f, _, _ in rows]
    chart = svg.hbars(data, fmt=lambda v: f"{v:,.1f} per 1,000")
    table = _table(("source", "articles checked", "not checked", "findings", "per 1,000", "skipped records", "read"),
                   [(p, f"{n - e:,}", f"{e:,}", f"{f:,}", f"{rate(f, n - e):,.1f}", f"{s or 0:,}",
                     "complete" if c else "interrupted") for p, n, e, f, s, c in rows], numeric=(1, 2, 3, 4, 5))
    return chart + table


def _per_year(store: Store) -> str:
    rows = list(store.query("""SELECT year, count(*), coalesce(sum(findings), 0) FROM documents
                               WHERE status = 'ok' GROUP BY year ORDER BY year IS NULL, year"""))
    dated = [(str(y), rate(f, n)) for y, n, f in rows if y is not None]
    undated = [(n, f) for y, n, f in rows if y is None]
    chart = svg.columns(dated, fmt=lambda v: f"{v:,.1f}") if dated else '<p class="empty">no article has a date</p>'
    table = _table(("year", "articles checked", "findings", "per 1,000"),
                   [("no date" if y is None else str(y), f"{n:,}", f"{f:,}", f"{rate(f, n):,.1f}") for y, n, f in rows],
                   numeric=(1, 2, 3))
    note = f'<p class="muted">{undated[0][0]:,} article(s) without a readable date.</p>' if undated else ""
    return '<p class="muted">Findings per 1,000 articles checked, by the year of the article\'s date.</p>' + chart + \
        table + note


def _top_articles(store: Store) -> str:
    rows = list(store.query(f"""SELECT d.name, s.path, d.date, d.findings,
                                (SELECT group_concat(rule, ' ') FROM (SELECT DISTINCT rule FROM findings f
                                 WHERE f.source_id = d.source_id AND f.key = d.key ORDER BY rule))
                                FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.findings > 0
                                ORDER BY d.findings DESC, s.path, d.pos LIMIT {TOP_ARTICLES}"""))
    if not rows:
        return '<p class="empty">No article has a finding.</p>'
    return _table(("article", "source", "date", "findings", "rules"),
                  [(n, os.path.basename(p), d or "", f"{c:,}", r or "") for n, p, d, c, r in rows], numeric=(3,))


def _samples(store: Store) -> Iterator[str]:
    rules = [r for (r,) in store.query("SELECT DISTINCT rule FROM findings ORDER BY rule")]
    if not rules:
        yield '<p class="empty">No findings.</p>'
    for rule in rules:
        rows = store.query("""SELECT f.name, f.severity, f.message, f.suggestion, f.before, f.text, f.after, d.name,
                              f.line FROM findings f JOIN documents d ON d.source_id = f.source_id AND d.key = f.key
                              JOIN sources s ON s.id = f.source_id
                              WHERE f.rule = ? ORDER BY f.confidence DESC, s.path, d.pos, f.seq LIMIT ?""",
                           (rule, SAMPLES_PER_RULE))
        for name, severity, message, suggestion, before, text, after, doc, line in rows:
            # the message often proposes the repair itself ("did you mean 5%?"): say it once
            hint = f" (suggested: <b>{escape(suggestion)}</b>)" if suggestion and suggestion not in message else ""
            yield (f'<div class="sample"><div><b>{escape(rule)} {escape(name)}</b> ({escape(severity)}) — '
                   f'{escape(message)}{hint}</div>'
                   f'<div class="ctx">…{escape(before)}<mark>{escape(text)}</mark>{escape(after)}…</div>'
                   f'<div class="muted">{escape(doc)}, line {line}</div></div>\n')


def _errors(store: Store) -> str:
    kinds = list(store.query("""SELECT substr(error, 1, 70), count(*) FROM documents WHERE status = 'error'
                                GROUP BY 1 ORDER BY 2 DESC LIMIT 30"""))
    if not kinds:
        return '<p class="empty">Every document was checked.</p>'
    samples = list(store.query(f"""SELECT d.name, s.path, d.error FROM documents d JOIN sources s ON s.id = d.source_id
                                  WHERE d.status = 'error' ORDER BY s.path, d.pos LIMIT {SAMPLE_ERRORS}"""))
    return (_table(("reason (start)", "documents"), [(k, f"{c:,}") for k, c in kinds], numeric=(1,)) +
            "<p>First ones:</p>" +
            _table(("document", "source", "error"), [(n, os.path.basename(p), e) for n, p, e in samples]))


def _notices(store: Store) -> str:
    """Notices on documents that were checked (bytes replaced while decoding, markup read as text...):
    their findings stand, but an editor should know the text was not read cleanly."""
    counts: dict[tuple[str, str], int] = {}
    for (data,) in store.query("SELECT notices FROM documents WHERE status = 'ok' AND notices != '[]'"):
        for notice in json.loads(data):
            counts[(notice["code"], notice["name"])] = counts.get((notice["code"], notice["name"]), 0) + 1
    if not counts:
        return '<p class="empty">Every checked document was read cleanly.</p>'
    return _table(("notice", "name", "documents"),
                  [(c, n, f"{k:,}") for (c, n), k in sorted(counts.items())], numeric=(2,))


def _table(header: tuple[str, ...], rows: list[tuple], numeric: tuple[int, ...] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{escape(str(c))}</td>'
                                    for i, c in enumerate(row)) + "</tr>\n" for row in rows)
    return f"<table><tr>{head}</tr>\n{body}</table>\n"
