"""The `statlint` command: a thin click wrapper, and the only module that prints.

Exit codes are the contract CI relies on:
  0  every input was fully analysed and no finding is at or above the fail level;
  1  findings at or above the fail level (`--exit-zero` turns this into 0);
     non-fatal notices (bytes replaced while decoding, a binary file skipped
     in a directory walk) are reported but do not change the code;
  2  usage or configuration error, or any input not fully analysed: a fatal
     notice (checker.notices: unreadable, binary or too large when named,
     budget exceeded, internal error). An input that was not fully analysed
     must never pass silently, so 2 wins over 1 and `--exit-zero` never hides it.
     A run that checked no file at all is 2 as well (a folder of binaries, no
     .txt/.md under the paths given), unless configuration excluded them all;
  130 interrupted (Ctrl-C): stderr says how far the run got; `-o` is left untouched.
Each file is read and checked in isolation, under a CPU-time budget: its
failure becomes a notice on that file and the run goes on with the next one.
"""
from __future__ import annotations

import os
import stat
import sys
import time
from dataclasses import replace
from typing import Iterable

import click

from statlint.checker import __version__, baseline as baseline_mod, budget, suppress
from statlint.checker.config import ConfigError, Resolver, Settings
from statlint.checker.document import Document
from statlint.checker.engine import check_document, extract as extract_facts
from statlint.checker.model import Severity
from statlint.checker.notices import budget_exceeded, internal_error
from statlint.checker.report import FORMATS, FileResult, Tally, stream
from statlint.checker.report.ruledoc import claims_read, rule_doc, summary
from statlint.checker.report.text import visible
from statlint.checker.selectors import unknown as unknown_rule
from statlint.checker.sources import INPUT_FORMATS, STDIN, Input, Loaded, expand_paths, load, load_input
from statlint.checker.sources.gitdiff import ALL, ChangedLines, GitDiffError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_BASELINE = ".statlint-baseline.json"
_SEVERITIES = click.Choice([str(s) for s in Severity], case_sensitive=False)


_INPUT_FORMAT = dict(type=click.Choice(INPUT_FORMATS), default=None,
                     help="Read every input as this format instead of choosing by extension "
                          "(.md Markdown, .html/.htm HTML, .docx Word, else text).")
_STDIN_FILENAME = dict(metavar="NAME", help="The name to report standard input (-) under; its extension "
                                            "chooses the input format.")
_TIME_BUDGET = dict(type=click.FloatRange(min=0), default=budget.DEFAULT_SECONDS, show_default=True, metavar="SECONDS",
                    help="CPU seconds one document may take; past it the document gets a TIME001 notice (exit 2). "
                         "0: no budget.")


class _Group(click.Group):
    """Ctrl-C anywhere exits 130 with a word on stderr, not click's "Aborted!" and 1 (the code for findings);
    `check` says more (how far it got, what became of the report) before it gets here."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nstatlint: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statlint")
def main() -> None:
    """Flag statistics in news text that cannot all be true."""
    try:  # never die on a character the terminal's encoding lacks
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        pass


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--select", metavar="CODES", help="Only these rules: comma-separated code prefixes or rule names.")
@click.option("--ignore", metavar="CODES", help="Skip these rules: comma-separated code prefixes or rule names.")
@click.option("--min-severity", type=_SEVERITIES, help="Drop findings below this severity.")
@click.option("--min-confidence", metavar="X",
              help="Drop findings whose confidence (the learned share of findings like it that are real) is below X (0..1).")
@click.option("--sort", type=click.Choice(["position", "confidence"]),
              help="Order of a file's findings: text position (default) or confidence, surest first.")
@click.option("--fail-on", type=_SEVERITIES, help="Exit 1 only for findings at or above this severity.")
@click.option("--quotes", type=click.Choice(["keep", "drop"]), help="Keep or drop findings inside quotations.")
@click.option("--config", "config_file", metavar="FILE", help="Read settings from FILE instead of searching.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--baseline", metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option("--write-baseline", is_flag=True, help="Record the current findings in the --baseline file.")
@click.option("--diff", "diff_ref", metavar="REF", help="Report only findings on lines changed since git REF.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (fatal notices and usage errors still exit 2).")
@click.option("--time-budget", **_TIME_BUDGET)
@click.option("--input-format", **_INPUT_FORMAT)
@click.option("--stdin-filename", **_STDIN_FILENAME)
@click.option("--progress/--no-progress", default=None,
              help="Count the files checked so far on stderr. Default: when stderr is a terminal and the "
                   "report goes to -o or a pipe.")
def check(paths, fmt, output, select, ignore, min_severity, min_confidence, sort, fail_on, quotes, config_file,
          no_config, baseline, write_baseline, diff_ref, exit_zero, time_budget, input_format, stdin_filename,
          progress):
    """Check PATHs (files, directories of .txt/.md, or - for stdin)."""
    if config_file and no_config:
        _fail("--config and --no-config cannot be used together")
    overrides = {"select": select, "ignore": ignore, "min-severity": min_severity,
                 "min-confidence": min_confidence, "fail-on": fail_on, "quotes": quotes, "sort": sort}
    try:
        resolver = Resolver(config_file, no_config, overrides)
    except ConfigError as exc:
        _fail(str(exc))
    changed = None
    if diff_ref is not None:
        try:
            changed = ChangedLines(diff_ref)
        except GitDiffError as exc:
            _fail(f"--diff {diff_ref}: {exc}")
    own = os.path.realpath(output) if output is not None else None
    if progress is None:  # on a terminal, unless the report itself is scrolling past on the same terminal
        progress = _is_tty(sys.stderr) and (output is not None or not _is_tty(sys.stdout))
    base = None
    if write_baseline or baseline:
        try:
            base = baseline_mod.Baseline.open(baseline or DEFAULT_BASELINE, writing=write_baseline)
        except baseline_mod.BaselineError as exc:
            _fail(str(exc))
    counter = Progress(enabled=progress)
    jobs = Jobs(paths, resolver, own, stdin_filename)
    outcome = Outcome()
    results = (outcome.add(result, settings) for result, settings in
               _checked(jobs, changed, time_budget, counter, base, write_baseline, input_format))
    if write_baseline:  # written once every result is in, before the report's summary says so
        results = _then(results, lambda: _write_baseline(base))
    color = output is None and fmt == "text" and _stdout_is_tty()
    said_in_report = fmt in ("text", "annotate") and output is None  # the summary line is on the terminal
    try:
        _emit(stream(fmt, results, color=color, rules=(*_rules(), suppress.RULE),
                     baseline_written=base.path if write_baseline else None), output)
    except (ConfigError, baseline_mod.BaselineError) as exc:  # a config met on the way down; the baseline write
        _fail(str(exc))
    except KeyboardInterrupt:
        _interrupted(outcome, jobs, output, write_baseline)
    counter.done()
    _after_run(outcome.tally.summary(), jobs, base, write_baseline, said_in_report, output)
    sys.exit(outcome.exit_code(exit_zero, jobs))


def _after_run(summary, jobs: "Jobs", base: "baseline_mod.Baseline | None", write_baseline: bool,
               said_in_report: bool, output: str | None) -> None:
    """What stderr must add to the report: the baseline kept and stale entries, an empty run, failed files."""
    def say(message: str) -> None:
        click.echo(f"statlint: {message}", err=True)

    if write_baseline and not said_in_report:
        say(f"wrote {_plural(base.written, 'finding')} to the baseline {base.path}")
    if write_baseline and base.kept:
        say(f"kept {_plural(base.kept, 'baseline entry', 'baseline entries')} of files not checked in this run")
    if base is not None and base.stale:
        say(f"{_plural(base.stale, 'baseline entry', 'baseline entries')} of the files checked in {base.path} no "
            f"longer {'matches' if base.stale == 1 else 'match'}; rerun with --write-baseline to drop them")
    if not summary.checked and (not said_in_report or jobs.excluded):
        say(f"no files checked: {jobs.why_nothing(summary)}")
    if summary.errors and output is not None:
        say(f"{summary.errors} file(s) could not be checked; see {output}")


class Outcome:
    """What the exit code depends on, counted as results stream past: files, fatal notices, failing findings.

    A file's findings fail the run at or above its own fail-on level (files can have different
    levels through their nearest configuration).
    """

    def __init__(self) -> None:
        self.tally = Tally()
        self.failing = False

    def add(self, result: FileResult, settings: Settings) -> FileResult:
        self.tally.add(result)
        self.failing = self.failing or any(f.severity >= settings.fail_on for f in result.findings)
        return result

    def exit_code(self, exit_zero: bool = False, jobs: "Jobs | None" = None) -> int:
        """2 if any file was not fully checked, or nothing was checked that the paths were meant to give
        (every file excluded by configuration is a choice, not a mistake); else 1 for failing findings
        (0 with exit_zero)."""
        summary = self.tally.summary()
        all_excluded = jobs is not None and jobs.excluded and not summary.files
        if summary.errors or (not summary.checked and not all_excluded):
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failing and not exit_zero else EXIT_OK


class Jobs:
    """(input, its settings) for every input to check, as the walk finds them (never all at once),
    counting what was found and what the configuration excluded, for the summary and for Ctrl-C."""

    def __init__(self, paths, resolver: Resolver, own_report: str | None, stdin_filename: str | None = None) -> None:
        self.paths, self.resolver, self.own_report = paths, resolver, own_report
        self.stdin_filename = stdin_filename
        self.found = self.excluded = 0

    def __iter__(self):
        for item in _named_stdin(expand_paths(self.paths), self.stdin_filename):
            settings = self.resolver.for_file(None if item.source == STDIN else item.source)
            if item.source != STDIN and not item.notice and settings.excludes(item.source):
                self.excluded += 1
                continue
            if self.own_report is not None and item.walked and os.path.realpath(item.source) == self.own_report:
                continue  # our own report inside a walked tree (`-o report.txt`) is not an article
            self.found += 1
            yield item, settings

    def why_nothing(self, summary) -> str:
        """Why a run checked no file, in words."""
        if summary.files:
            return "every file found was skipped (binary or too large) or could not be read"
        if self.excluded:
            return f"{_plural(self.excluded, 'file')} found, all excluded by extend-exclude"
        return "the paths given hold no .txt or .md file"


def _checked(jobs, changed: ChangedLines | None, time_budget: float | None, counter: "Progress",
             base: "baseline_mod.Baseline | None" = None, write_baseline: bool = False,
             input_format: str | None = None):
    """(result, settings) per job, checked one at a time as the jobs come.

    The baseline sees each file's findings before --diff narrows them to changed lines, so it
    compares (or records) the whole file."""
    for item, settings in jobs:
        result = check_one(item, settings, time_budget=time_budget, input_format=input_format)
        if base is not None:
            result = base.record(result, settings) if write_baseline else base.subtract(result, settings)
        if changed is not None and item.source != STDIN and result.findings:
            result = _on_changed_lines(result, changed.of(item.source))
        yield _slim(result), settings
        counter.tick()


def _then(items, last):
    """The items, then a call to last() once they are all out."""
    yield from items
    last()


def _write_baseline(base: "baseline_mod.Baseline") -> None:
    try:
        write_atomic(base.path, base.dumps())
    except OSError as exc:
        raise baseline_mod.BaselineError(f"cannot write {base.path}: {exc.strerror or exc}") from None


def _interrupted(outcome: Outcome, jobs: Jobs, output: str | None, write_baseline: bool):
    """Ctrl-C: say how far the run got and what became of the report, and exit 130 (never 1, "findings").

    With -o the report goes to a temp file renamed only when the run completes, so an interrupted
    run writes nothing there (an existing report is left as it was) rather than half a document."""
    done = outcome.tally.files
    parts = [f"interrupted after checking {done:,} of {_plural(jobs.found, 'file')} found so far"]
    if output is not None:
        parts.append(f"nothing written to {output} (it is written only when a run completes)")
    else:
        parts.append("the report above is incomplete")
    if write_baseline:
        parts.append("the baseline was not written")
    click.echo("\nstatlint: " + "; ".join(parts), err=True)
    sys.exit(EXIT_INTERRUPTED)


def _slim(result: FileResult) -> FileResult:
    """Drop the text of a document with no findings: reports need it only to place findings, and a walk
    over a million articles must not hold them all (RELIABILITY E.43)."""
    return replace(result, document=None) if result.document is not None and not result.findings else result


def _named_stdin(items, stdin_filename: str | None):
    """Inputs, standard input shown under --stdin-filename when one is given."""
    for item in items:
        yield replace(item, path=stdin_filename) if stdin_filename and item.source == STDIN else item


def check_one(item: Input, settings: Settings, time_budget: float | None = budget.DEFAULT_SECONDS,
              input_format: str | None = None) -> FileResult:
    """Read and check one input; any failure becomes a notice on the result, never an exception.

    Markup is read (checker.sources.load) under the same CPU budget as the check.
    """
    loaded, problem = _guarded(lambda: load_input(item, getattr(sys.stdin, "buffer", None),
                                                  input_format=input_format), time_budget)
    if problem is not None:
        return FileResult(item.path, notices=(problem,))
    return check_loaded(loaded, item.path, settings, time_budget)


def check_bytes(data: bytes, name: str, settings: Settings, time_budget: float | None = budget.DEFAULT_SECONDS,
                input_format: str | None = None) -> FileResult:
    """One document given as bytes (an upload, an archive record), read as `name`'s extension or `input_format`
    says and checked as a file would be: the FileResult every report takes. Never raises."""
    loaded, problem = _guarded(lambda: load(data, name, input_format), time_budget)
    if problem is not None:
        return FileResult(name, notices=(problem,))
    return check_loaded(loaded, name, settings, time_budget)


def check_loaded(loaded: Loaded, path: str, settings: Settings,
                 time_budget: float | None = budget.DEFAULT_SECONDS) -> FileResult:
    """Check what a reader loaded; findings are moved into the original file and the result's document is
    the original, so every report points there (and --diff's changed lines are the file's)."""
    notices, fmt = loaded.notices, loaded.input_format
    if loaded.text is None:
        return FileResult(path, notices=notices, input_format=fmt)
    doc = Document(loaded.text, path=path)
    shown = doc if loaded.offsets is None else loaded.document(path)
    findings, problem = _guarded(lambda: tuple(check_document(doc, settings)), time_budget)
    if problem is not None:
        return FileResult(path, document=shown, notices=(*notices, problem), input_format=fmt)
    return FileResult(path, document=shown, findings=loaded.findings(findings, shown), notices=notices,
                      input_format=fmt, order=settings.sort)


def _on_changed_lines(result: FileResult, lines) -> FileResult:
    """The result with only the findings that touch a changed line (all of them for a new file)."""
    if lines is ALL or result.document is None:
        return result
    return replace(result, findings=tuple(f for f in result.findings if _touches(result.document, f, lines)))


def _touches(doc: Document, finding, lines: set[int]) -> bool:
    first = doc.line_col(finding.span.start)[0]
    last = doc.line_col(max(finding.span.end - 1, finding.span.start))[0]
    return any(n in lines for n in range(first, last + 1))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
@click.option("--time-budget", **_TIME_BUDGET)
@click.option("--input-format", **_INPUT_FORMAT)
@click.option("--stdin-filename", **_STDIN_FILENAME)
def extract(paths, fmt, output, time_budget, input_format, stdin_filename):
    """Show the quantities statlint reads in PATHs (for debugging and benchmarks)."""
    from statlint.rules.quantities.groups import written_groups

    rows = []
    for item in _named_stdin(expand_paths(paths), stdin_filename):
        loaded, problem = _guarded(lambda: load_input(item, getattr(sys.stdin, "buffer", None),
                                                      input_format=input_format), time_budget)
        notices = (problem,) if problem is not None else loaded.notices
        doc, facts, groups = None, None, []
        if problem is None and loaded.text is not None:
            doc = Document(loaded.text, path=item.path)
            facts, problem = _guarded(lambda: extract_facts(doc), time_budget)
            notices += () if problem is None else (problem,)
            if facts is not None:  # read on the text the figures were read in, before spans move
                found, problem = _guarded(lambda: written_groups(doc.text, facts.quantities), time_budget)
                groups = found or []
                notices += () if problem is None else (problem,)
            if facts is not None and loaded.offsets is not None:  # offsets into the original file
                facts = replace(facts, quantities=tuple(replace(q, span=loaded.span(q.span)) for q in facts.quantities),
                                skipped=tuple(loaded.span(s) for s in facts.skipped))
                doc = loaded.document(item.path)
        rows.append((item.path, doc, facts, notices, groups))
    if fmt == "json":
        from statlint.checker.report.json_report import render_extract_json

        report = render_extract_json((p, f, n, g) for p, _, f, n, g in rows)
    else:
        from statlint.checker.report.text import render_extract_text

        report = render_extract_text((p, d, f.quantities if f is not None else (), n) for p, d, f, n, _ in rows)
    _emit(report, output)
    sys.exit(EXIT_ERROR if any(n.fatal for row in rows for n in row[3]) else EXIT_OK)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", required=True, metavar="FILE", help="The SQLite store to write; an existing one is resumed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines: the field with the text.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines: the field with the article's id.")
@click.option("--date-field", default="date", show_default=True, help="JSON Lines: the field with its date.")
@click.option("--chunk-docs", type=click.IntRange(min=1), metavar="N",
              help="Documents per worker task (default 200, fewer if they pass 512 KB).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="ADDRESS", help="--engine dask: the scheduler, e.g. tcp://host:8786.")
@click.option("--select", metavar="CODES", help="Only these rules: comma-separated code prefixes or rule names.")
@click.option("--ignore", metavar="CODES", help="Skip these rules: comma-separated code prefixes or rule names.")
@click.option("--config", "config_file", metavar="FILE", help="Read settings from FILE instead of searching.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--time-budget", **_TIME_BUDGET)
@click.option("--wall-limit", type=click.FloatRange(min=0), metavar="SECONDS",
              help="Wall-clock seconds one document may take before its worker is stopped (a hang the CPU budget "
                   "cannot interrupt). Default: 5 x --time-budget; 0: none.")
@click.option("--worker-memory", type=click.FloatRange(min=1), metavar="MB",
              help="Memory a worker may grow by; past it the document is an error row. Default: no limit.")
@click.option("--retry-errors", is_flag=True, help="Check again the documents an earlier run could not check.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="A progress bar on a terminal, a log line every 10 s otherwise (stderr).")
def audit(sources, db, jobs, text_field, id_field, date_field, chunk_docs, engine, scheduler, select, ignore,
          config_file, no_config, time_budget, wall_limit, worker_memory, retry_errors, progress):
    """Audit an archive: SOURCES are folders or globs of .txt/.md/.html/.docx, JSON Lines (.jsonl, .jsonl.gz) or
    WARC (.warc, .warc.gz) files. Rerunning the same command resumes an interrupted audit."""
    from statlint.checker.audit import AuditInterrupted, Fields, SourceError, StoreError, audit as run_audit

    if engine == "dask" and not scheduler:
        _fail("--engine dask needs --scheduler ADDRESS")
    try:
        settings = Resolver(config_file, no_config, {"select": select, "ignore": ignore}).for_file(None)
        totals = run_audit(list(sources), db, fields=Fields(text_field, id_field, date_field), settings=settings,
                           time_budget=time_budget, wall_limit=wall_limit, jobs=jobs, engine=engine,
                           scheduler=scheduler, chunk_docs=chunk_docs, retry_errors=retry_errors,
                           worker_memory=worker_memory,
                           progress_stream=sys.stderr if progress else None, on_terminal=_is_tty(sys.stderr),
                           argv=sys.argv[1:])
    except (ConfigError, SourceError, StoreError) as exc:
        _fail(str(exc))
    except AuditInterrupted as stop:
        click.echo(f"statlint: audit interrupted; rerun the same command to resume ({db} keeps what is done)",
                   err=True)
        sys.exit(128 + stop.signal)
    click.echo(f"statlint: {totals['documents']:,} documents in {db}: {totals['findings']:,} findings, "
               f"{totals['errors']:,} not checked, {totals['skipped']:,} archive records skipped; "
               f"`statlint report {db}` summarises them", err=True)
    sys.exit(EXIT_ERROR if totals["errors"] else EXIT_OK)  # a document not checked never passes silently


@main.command()
@click.argument("db")
@click.option("--format", "fmt", type=click.Choice(["html", "jsonl", "csv"]), default="html", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
def report(db, fmt, output):
    """Summarise an audit store: an HTML report with charts, or every finding as JSON Lines or CSV."""
    from statlint.checker.audit import StoreError
    from statlint.checker.audit.summary import render

    if not os.path.isfile(db):
        _fail(f"{db}: no such audit store")
    try:
        _emit(render(db, fmt), output)
    except StoreError as exc:
        _fail(str(exc))


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_rules(fmt):
    """List every rule: code, name, severity and summary (in Markdown also the claims it reads)."""
    rows = [(r.code, r.name, str(r.severity), summary(rule_doc(r), r.code, r.name), claims_read(r))
            for r in _rules()]
    if fmt == "markdown":
        lines = ["| Code | Name | Severity | Summary | Reads (claims) |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    else:
        header = ("CODE", "NAME", "SEVERITY", "SUMMARY")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row[:3], widths)) + "  " + row[3] for row in [header, *rows]]
    click.echo("\n".join(lines))


@main.command("rule")
@click.argument("code")
def show_rule(code):
    """Print the documentation of rule CODE (a code such as G101, or a rule name)."""
    for r in (*_rules(), suppress.RULE):
        if code.upper() == r.code or code.lower() == r.name:
            click.echo(f"# {r.code} {r.name} ({r.severity})\n")
            lines = (rule_doc(r) or "(no documentation)").split("\n")
            if getattr(r, "reads", ()):
                lines += ["", "Reads (claims):", f"    {claims_read(r)}"]
            click.echo("\n".join(map(visible, lines)))  # examples may hold invisible characters (Q104)
            return
    _fail(unknown_rule(code))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5 * 1024 * 1024, show_default=True,
              help="Largest request accepted; past it the answer is 413.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes checking side by side (default: one per core, "
                                                            "at most 4).")
@click.option("--time-budget", **_TIME_BUDGET)
@click.option("--config", "config_file", metavar="FILE", help="Read settings from FILE instead of searching.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
def serve(host, port, max_bytes, workers, time_budget, config_file, no_config):
    """A local page to paste or upload a story and see it annotated; JSON at POST /api/check."""
    try:
        from statlint.checker import serve as server
    except ImportError as exc:
        missing = (exc.name or "a module").split(".")[0]
        _fail(f"statlint serve needs the serve extra ({missing} is missing): pip install 'statlint[serve]'")
    if config_file and no_config:
        _fail("--config and --no-config cannot be used together")
    try:
        settings = Resolver(config_file, no_config).for_file(None)
    except ConfigError as exc:
        _fail(str(exc))
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"statlint: warning: listening on {host}: anyone who can reach this machine can use the page", err=True)
    try:
        server.run(host, port, settings, max_bytes=max_bytes, time_budget=time_budget, workers=workers,
                   ready=lambda url: click.echo(f"statlint: serving on {url} (Ctrl+C stops)", err=True))
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    except KeyboardInterrupt:  # Ctrl+C is how a server is stopped: after a clean shutdown, not an error
        click.echo("statlint: stopped", err=True)


def _rules():
    from statlint.rules import CHECKS

    return sorted(CHECKS, key=lambda r: r.code)


def _emit(report: str | Iterable[str], output: str | None) -> None:
    """Write the report, a string or a stream of pieces, to stdout or atomically to `output`."""
    pieces = [report] if isinstance(report, str) else report
    if output is None:
        for piece in pieces:
            try:
                click.echo(piece, nl=False)
                sys.stdout.flush()
            except BrokenPipeError:  # `statlint check ... | head`: the rest goes nowhere, the exit code still counts
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    try:
        write_atomic(output, pieces)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


def write_atomic(path: str, data: str | Iterable[str]) -> None:
    """Write via a temp file in the same directory and os.replace: readers never see half a report.

    `data` may be a stream of pieces: they are written as they come, and a run that fails half way
    (an exception, a signal) leaves the old file in place and no temp file behind. A symlink is
    followed, so the file it points to is replaced and the link stays. A path that exists and is
    not a regular file (/dev/null, /dev/stdout, a FIFO) is written in place: replacing it would put
    a regular file where the device was (run as root, `-o /dev/null` replaced /dev/null itself).
    """
    pieces = [data] if isinstance(data, str) else data
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            for piece in pieces:
                fh.write(piece)
        return
    import tempfile  # here, not at import: only -o needs it, and a cold start pays every import

    fd, tmp = tempfile.mkstemp(prefix=".statlint-", suffix=".tmp", dir=os.path.dirname(target))
    try:
        # (backslashreplace: a file name that is not UTF-8 reaches the report as a surrogate; it is written as \udcff)
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            for piece in pieces:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, stat.S_IMODE(mode))  # mkstemp makes 0600; keep what a plain write would give
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _guarded(work, seconds: float | None):
    """(work(), None), or (None, the notice) when it ran out of CPU budget or raised: one document's
    runaway or crash becomes a notice on that document and never stops the run."""
    try:
        with budget.cpu_budget(seconds):
            return work(), None
    except budget.BudgetExceeded:
        return None, budget_exceeded(seconds)
    except Exception as exc:
        if os.environ.get("STATLINT_DEBUG"):
            import traceback  # the debugging path only

            traceback.print_exc(file=sys.stderr)
        return None, internal_error(exc)


def _fail(message: str):
    click.echo(f"statlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _stdout_is_tty() -> bool:
    """Whether to colour: stdout is a terminal and NO_COLOR is not set."""
    return "NO_COLOR" not in os.environ and _is_tty(sys.stdout)


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """How many files a long run has checked, on stderr (RELIABILITY E.43: a walk over a million files).

    On a terminal one line is rewritten at most once a second; into a log
    (`--progress` with stderr redirected) a line is written every ten seconds.
    The final count is always written when progress is on.
    """

    def __init__(self, enabled: bool, on_terminal: bool | None = None):
        self.enabled = enabled
        self.on_terminal = _is_tty(sys.stderr) if on_terminal is None else on_terminal
        self.interval = 1.0 if self.on_terminal else 10.0
        self.count = 0
        self.shown_at = time.monotonic()

    def tick(self) -> None:
        self.count += 1
        if self.enabled and time.monotonic() - self.shown_at >= self.interval:
            self.shown_at = time.monotonic()
            self._show(f"statlint: {_plural(self.count, 'file')} checked ...", final=False)

    def done(self) -> None:
        if self.enabled:
            self._show(f"statlint: {_plural(self.count, 'file')} checked", final=True)

    def _show(self, line: str, final: bool) -> None:
        if self.on_terminal:
            click.echo("\r\x1b[K" + line, err=True, nl=final, color=True)  # erase the line: it is a terminal
        else:
            click.echo(line, err=True)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


if __name__ == "__main__":
    main()
