"""Any input, no crash: each bad input gives a clear per-file error or a result.

Never a traceback, never a hang, and the other files in the run are still
checked. Pathological-but-valid text runs through the real rules (whatever
exist), so these tests also guard the lead's extractors against blow-ups; a
hang guard (SIGALRM, 60 s) turns a hang into a failure instead of a stuck CI.
There are no timing assertions beyond that guard.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import threading

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from statlint.checker.sources import read_stream, read_text
from fake_rules import fake_rules  # noqa: F401  (pytest fixture)

HANG_GUARD_SECONDS = 60


class Hang(BaseException):
    """BaseException so the CLI's per-file `except Exception` cannot swallow it."""


@pytest.fixture(autouse=True)
def hang_guard(request):
    """Fail a test that spins for 60 s of CPU time, or blocks for ten times that in wall time
    (`@pytest.mark.hang_guard(N)` for N s).

    CPU time catches a runaway whatever the load: on a machine shared with other jobs a healthy test
    can take many times its CPU time in wall time, and a wall-clock guard failed it. The wall-clock
    backstop catches a test blocked without spinning (a FIFO opened for reading)."""
    marker = request.node.get_closest_marker("hang_guard")
    seconds = marker.args[0] if marker else HANG_GUARD_SECONDS
    if not hasattr(signal, "SIGVTALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        if signum == signal.SIGVTALRM:
            raise Hang(f"hang guard: the test spun for {seconds} s of CPU time")
        raise Hang(f"hang guard: the test was blocked for {seconds * 10} s")

    previous = {sig: signal.signal(sig, on_alarm) for sig in (signal.SIGALRM, signal.SIGVTALRM)}
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    signal.alarm(seconds * 10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@pytest.mark.hang_guard(1)
def test_the_hang_guard_stops_a_spinning_test():
    with pytest.raises(Hang, match="spun for 1 s of CPU time"):
        while True:
            pass


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def write(name: str, data: bytes) -> str:
        (tmp_path / name).write_bytes(data)
        return name

    return write


def run(*args, input=None):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, ["check", "--no-config", *args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result


def run_json(*args):
    result = run("--format", "json", *args)
    return result, {f["path"]: f for f in json.loads(result.stdout)["files"]}


@pytest.mark.parametrize("data, text, notice", [
    (b"Sales \xff FIRE", "Sales \ufffd FIRE", "IO002 not valid UTF-8 at byte 6 (0xff); 1 character(s) replaced"),
    (b"FIRE\xe4\xb8", "FIRE\ufffd", "IO002 not valid UTF-8 at byte 4 (0xe4)"),  # truncated at end of file
    (b"\xef\xbb\xbfFIRE\xff", "FIRE\ufffd", "IO002 not valid UTF-8 at byte 7 (0xff)"),  # offset counts the BOM
    (b"\xed\xa0\x80FIRE", "\ufffd\ufffd\ufffdFIRE", "IO002 not valid UTF-8 at byte 0 (0xed); 3 character"),
    (b"\xff\xfeF\x00I\x00R\x00E\x00", "FIRE", None),  # UTF-16 LE with its BOM
    (b"\xfe\xff\x00F\x00I\x00R\x00E", "FIRE", None),  # UTF-16 BE
])
def test_bad_bytes_are_replaced_checked_and_reported(fake_rules, files, data, text, notice):
    """RELIABILITY A.2, A.3: decode what can be decoded, say where bytes were replaced (IO002, not fatal)."""
    path = files("bad.txt", data)
    result, by_path = run_json(path)
    assert result.exit_code == 1  # the FIRE finding; a lossy decode alone does not make it 2
    got = by_path[path]
    assert got["error"] is None and got["findings"][0]["rule"] == "X901"
    assert got["findings"][0]["start"] == text.index("FIRE")
    if notice is None:
        assert got["notices"] == []
    else:
        (n,) = got["notices"]
        assert f"{n['code']} {n['message']}".startswith(notice) and n["fatal"] is False
        assert n["name"] == "lossy-decode"


@pytest.mark.parametrize("data, notice", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "IO003 binary file skipped: bad.txt is a PNG image; statlint reads "
                                            "plain text (save the article as .txt or .md)"),
    (b"FIRE\x00\x01\x02", "IO003 binary file skipped (a NUL byte at offset 4)"),
])
def test_named_binary_file_is_a_fatal_notice(fake_rules, files, data, notice):
    bad, good = files("bad.txt", data), files("good.txt", b"FIRE")
    result, by_path = run_json(bad, good)
    assert result.exit_code == 2
    (n,) = by_path[bad]["notices"]
    assert f"{n['code']} {n['message']}" == notice and n["fatal"] is True and by_path[bad]["findings"] == []
    assert by_path[bad]["error"] == n["message"]
    assert by_path[good]["error"] is None and by_path[good]["findings"][0]["rule"] == "X901"


# RELIABILITY D.36: what the bytes are, whatever the name says. Binary formats are named and never decoded.
_LYING = [
    ("report.txt", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive (.docx, .xlsx, .odt, .epub or .zip)"),
    ("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 40, "an OLE2 compound file (.doc, .xls, .ppt or .msg)"),
    ("scan.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj FIRE", "a PDF document"),
    ("crawl.txt", b"\x1f\x8b\x08\x08\xde\xad\xbe\xefcrawl.warc", "gzip-compressed data (.gz, .warc.gz, .tgz)"),
    ("a.md", b"BZh91AY&SY\xff\xff FIRE", "bzip2-compressed data"),
    ("photo.txt", b"\xff\xd8\xff\xe0 FIRE", "a JPEG image"),
]


@pytest.mark.parametrize("name, data, what", _LYING)
def test_binary_content_under_a_text_name_is_named_and_skipped(fake_rules, files, name, data, what):
    path = files(name, data)
    result, by_path = run_json(path)
    (n,) = by_path[path]["notices"]
    assert result.exit_code == 2 and n["code"] == "IO003" and n["fatal"] and by_path[path]["findings"] == []
    assert n["message"] == f"binary file skipped: {name} is {what}; statlint reads plain text " \
                           f"(save the article as .txt or .md)"


@pytest.mark.parametrize("data, what", [  # (HTML under a text name is read as HTML: tests/test_sources_load.py)
    (b"<?xml version='1.0'?><article>FIRE</article>", "XML"),
    (b"{\\rtf1\\ansi FIRE}", "RTF"),
    (b"WARC/1.1\r\nWARC-Type: response\r\n\r\nFIRE", "a WARC web archive"),
])
def test_markup_under_a_text_name_is_checked_as_text_with_a_notice(fake_rules, files, data, what):
    path = files("article.md", data)
    result, by_path = run_json(path)
    (n,) = by_path[path]["notices"]
    assert result.exit_code == 1 and by_path[path]["findings"][0]["rule"] == "X901"
    assert (n["code"], n["name"], n["fatal"]) == ("IO006", "not-plain-text", False)
    assert n["message"] == f"article.md is {what}, read as plain text: statlint has no {what} reader yet, " \
                           f"so its markup is checked as if it were prose"


@pytest.mark.parametrize("data", [
    b"BMW sales rose 12% to FIRE",  # 'BM' is all the `filetype` package needs to call this a BMP image
    b"ID3 tags aside, FIRE",
    b"PK stands for FIRE",
    b"Inline <html> in Markdown is fine: FIRE",
    b"BZh9 is not bzip2 without its block magic: FIRE",
    b"GIF89 FIRE",
])
def test_text_that_merely_starts_like_a_format_is_text(fake_rules, files, data):
    path = files("article.md", data)
    result, by_path = run_json(path)
    assert result.exit_code == 1 and by_path[path]["notices"] == []


def test_binary_file_in_a_walk_is_skipped_with_a_notice(fake_rules, tmp_path, monkeypatch):
    """RELIABILITY A.5: inside a directory walk a binary is counted and skipped (grep, ripgrep), not fatal."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(b"FIRE")
    (tmp_path / "d" / "image.md").write_bytes(b"\x89PNG\x00\x00")
    result, by_path = run_json("d")
    assert result.exit_code == 1
    (n,) = by_path[os.path.join("d", "image.md")]["notices"]
    assert (n["code"], n["fatal"]) == ("IO003", False)
    assert json.loads(run("--format", "json", "d").stdout)["summary"]["notices"] == 1


def test_missing_path_and_dangling_link(fake_rules, files, tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    good = files("good.txt", b"FIRE")
    result, by_path = run_json("missing.txt", "dangling.txt", good)
    assert result.exit_code == 2
    assert by_path["missing.txt"]["error"] == "no such file or directory"
    assert by_path["dangling.txt"]["error"].startswith("cannot read")
    assert [n["code"] for n in by_path["missing.txt"]["notices"] + by_path["dangling.txt"]["notices"]] == \
        ["IO001", "IO001"]
    assert by_path[good]["findings"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_not_read(fake_rules, files, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    result, by_path = run_json("pipe.txt", files("good.txt", b"calm"))
    assert result.exit_code == 2 and by_path["pipe.txt"]["error"] == "not a regular file"


def test_empty_file_is_a_result(fake_rules, files):
    result, by_path = run_json(files("empty.txt", b""), files("bom-only.txt", b"\xef\xbb\xbf"))
    assert result.exit_code == 0
    assert all(f["error"] is None and f["findings"] == [] for f in by_path.values())


def test_bom_is_not_counted_and_crlf_is_kept(fake_rules, files):
    result, by_path = run_json(files("bom.txt", b"\xef\xbb\xbfFIRE"), files("crlf.txt", b"a\r\nb FIRE\r\n"))
    bom, crlf = by_path["bom.txt"]["findings"][0], by_path["crlf.txt"]["findings"][0]
    assert (bom["start"], bom["line"], bom["column"]) == (0, 1, 1)
    assert (crlf["start"], crlf["line"], crlf["column"], crlf["text"]) == (5, 2, 3, "FIRE")


def test_control_characters_never_reach_the_terminal_raw(fake_rules, files):
    result = run(files("esc.txt", "\x1b[2J\u202eFIRE\x07".encode()))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "␛[2J\\u202eFIRE␇" in result.stdout


def test_too_large_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    text, (notice,) = read_text(str(path), max_bytes=10)
    assert text is None and (notice.code, notice.message, notice.fatal) == \
        ("IO004", "too large (11 bytes; the limit is 10 bytes)", True)
    text, (notice,) = read_stream(io.BytesIO(b"x" * 100), max_bytes=10)
    assert text is None and notice.code == "IO004" and notice.message.startswith("too large")
    assert read_text(str(path), max_bytes=11) == ("x" * 11, ())


def test_stdin_bad_bytes(fake_rules):
    result = run("--format", "json", "-", input=b"FIRE \xc3\x28")
    assert result.exit_code == 1
    (f,) = json.loads(result.stdout)["files"]
    assert f["error"] is None and [n["code"] for n in f["notices"]] == ["IO002"]
    assert f["notices"][0]["message"].startswith("not valid UTF-8 at byte 5 (0xc3)")


# --- pathological but valid text, through the real rules -------------------------

_PROSE = (
    b"Shipments of the phone reached 2.1 million and 3.02 million units in 2021 and 2022, respectively, "
    b"and soared to 522 in 202310,000 units, a year-on-year increase of 574%, according to the company. "
    b"Analysts said the market, worth about $4.5 billion, could double by 2026, while rivals' sales fell "
    b"by 12 percent to 1.4 million units from 1.6 million a year earlier. "
)


def _ten_mb_line() -> bytes:
    """News prose with the usual density of figures, 10 MB without a newline."""
    return _PROSE * (10 * 1024 * 1024 // len(_PROSE) + 1)


def _dense_line() -> bytes:
    """A figure every few characters (worst case for per-number work), 2 MB on one line."""
    sentence = b"Revenue rose 12.5% to 3.4 million yuan from 3.02 million yuan, up 522 10,000 units; "
    return sentence * (2 * 1024 * 1024 // len(sentence) + 1)


def _broken_figures_line() -> bytes:
    """Figures broken and glued in every way rules.garbles mends, 1 MB on one line (a test that looked
    back to the line's start made this quadratic)."""
    sentence = (b"Arrivals were 155, 221 bags, 9 8.8 pct of stock, 66. mln dlrs and . 85 pct, SHIPS 3050 "
                b"10,000 DLR, about 2100 ten thousand dlrs, by 202540% in 198612 mths. ")
    return sentence * (1024 * 1024 // len(sentence) + 1)


PATHOLOGICAL = {
    "10mb-one-line": _ten_mb_line,
    "2mb-dense-figures-one-line": _dense_line,
    "1mb-broken-figures-one-line": _broken_figures_line,
    "100k-digits-and-commas": lambda: b"123," * 25_000,
    "100k-digits": lambda: b"7" * 100_000,
    "100k-percent-signs": lambda: b"5%" * 50_000,
    "stacked-scales": lambda: b"3 " + b"million " * 20_000 + b"units",
    "many-growth-words": lambda: b"rose 5% fell 3% up 2 times " * 5_000,
    "dots-and-decimals": lambda: b"1." * 50_000,
    # RELIABILITY.md B.16-B.20, C.23-C.27 (pint never sees raw text; these are read by our own grammar)
    "separator-runs": lambda: b"1 " * 20_000 + b"1-" * 20_000 + b"1/" * 20_000 + b"$" * 10_000 + b"1",
    "spaces-then-a-digit": lambda: b" " * 100_000 + b"1",
    "spelled-out-spam": lambda: b"one hundred and " * 1_000,
    "markdown-redos-shapes": lambda: b"`" * 20_000 + b"**_" + b"*_" * 20_000 + b"[]( \"" * 10_000 + b"*" * 50_000,
    "base64-and-hex": lambda: b"data:image/png;base64," + b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 1_200
    + b" d41d8cd98f00b204e9800998ecf8427e" * 500,
    "exponent-bombs": lambda: b"10**10**10 9**9**9 4^999999999999999999999999999999gk 6^800000 1e999999 m "
    b"nan m inf km 1e308*10 1 m + __import__('os') 3 bananas 5 m \xc2\xa33.2bn " * 200,
    "deep-parentheses": lambda: b"(" * 5_000 + b"1" + b")" * 5_000,
    "5000-digit-number": lambda: b"Revenue rose 5% to " + b"9" * 5_000 + b" dlrs from 3 dlrs.",
}


# 10 MB takes the engine ~30 s here; the guard is for hangs, not speed (bench/ measures that).
@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.hang_guard(180)) if n.startswith("10mb") else n for n in sorted(PATHOLOGICAL)
])
def test_pathological_text_gives_a_result(files, name):
    path = files(f"{name}.txt", PATHOLOGICAL[name]())
    other = files("other.txt", b"Nothing here.")
    result = run(path, other)
    assert result.exit_code in (0, 1), result.stdout[-2000:]  # a result, not an error
    lines = result.stdout.splitlines()
    assert lines[-1].endswith("in 2 files.")
    assert max(map(len, lines)) < 2000  # excerpts of a huge line are cut to a window


def test_broken_pipe_is_quiet(tmp_path):
    """RELIABILITY F.49: `statlint check ... | head -1` ends quietly, no traceback."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Sales rose 50% to 120 from 100.\n" * 2000 + "Output fell 10% to 95 from 100.\n" * 2000,
                       encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "statlint.checker.cli", "check", "--no-config", str(article)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away, as `head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("newline", [b"\r", b"\r\n", b"\n"])
def test_line_and_column_are_the_same_for_every_line_ending(fake_rules, files, newline):
    """RELIABILITY A.10: CR-only, CRLF and LF files give the same line and column; no final newline is fine."""
    body = newline.join([b"Headline", b"", b"calm line", b"x FIRE y", b"last FIRE"])
    result, by_path = run_json(files("a.txt", body))
    got = [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in by_path["a.txt"]["findings"]]
    assert got == [(4, 3, 4, 7), (5, 6, 5, 10)]
    text = run(files("b.txt", body)).stdout
    assert "b.txt:4:3: X901" in text and "\r" not in text


def test_lone_surrogates_from_a_library_caller_are_replaced_one_for_one():
    """RELIABILITY A.6: a lone surrogate (os.fsdecode, JSON "\\udce9") crashed the fingerprint; it becomes U+FFFD."""
    from statlint import check_text
    from statlint.checker.document import Document
    from statlint.checker.report import FileResult, render

    text = "\udce9 sales rose 50% to 10 from 8 \ud800"
    findings = check_text(text)
    assert [f.rule for f in findings] == ["G101"] and text[findings[0].span.start:findings[0].span.end] == "50%"
    doc = Document(text)
    assert doc.text == "\ufffd" + text[1:-1] + "\ufffd"
    render("json", [FileResult("a", document=doc, findings=tuple(findings))]).encode("utf-8")


def test_own_report_in_the_walked_tree_is_not_checked(fake_rules, tmp_path, monkeypatch):
    """RELIABILITY E.44: `statlint check . -o report.txt` run twice must not check its own last report."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"FIRE")
    (tmp_path / "report.txt").write_bytes(b"a.txt:1:1: X901 fake finding [fake-fire]\n    FIRE\n")
    result = run("--format", "json", "-o", "report.txt", ".")
    assert result.exit_code == 1
    files = [f["path"] for f in json.loads((tmp_path / "report.txt").read_text("utf-8"))["files"]]
    assert files == ["a.txt"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "checkstyle", "junit", "jsonl", "annotate"])
def test_hostile_file_names(fake_rules, tmp_path, monkeypatch, fmt):
    """RELIABILITY E.41: non-UTF-8 bytes, a newline, ':', ',', '%' and a leading '-' in names: every format
    writes them (escaped where it must), findings intact, no traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    names = [os.fsencode("d/") + b"bad\xffname.txt", b"d/new\nline.txt", b"d/co:m,ma%.txt", b"d/-dash.txt"]
    for name in names:
        (tmp_path / os.fsdecode(name)).write_bytes(b"FIRE")
    result = run("--format", fmt, "d")
    assert result.exit_code == 1
    if fmt == "json":
        assert len(json.loads(result.stdout)["files"]) == 4
    if fmt in ("text", "github", "annotate"):
        assert "\nline" not in result.stdout  # a newline in a name never starts a line of its own
    assert run("--", os.fsdecode(names[3])).exit_code == 1  # a leading '-' after '--' is a path
    assert run("--format", fmt, "-o", "report.out", "d").exit_code == 1
    assert (tmp_path / "report.out").read_bytes().decode("utf-8")  # written, and valid UTF-8


def test_case_collisions_are_two_files(fake_rules, tmp_path, monkeypatch):
    """RELIABILITY E.41: "A.txt" and "a.txt" are two articles on a case-sensitive file system: both checked,
    in a fixed order, each with its own findings."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "A.txt").write_bytes(b"FIRE")
    (tmp_path / "d" / "a.txt").write_bytes(b"calm")
    if len(os.listdir(tmp_path / "d")) == 1:
        pytest.skip("case-insensitive file system: one file")
    result, by_path = run_json("d")
    assert list(by_path) == [os.path.join("d", "A.txt"), os.path.join("d", "a.txt")]
    assert [f["rule"] for f in by_path[os.path.join("d", "A.txt")]["findings"]] == ["X901"]
    assert by_path[os.path.join("d", "a.txt")]["findings"] == [] and result.exit_code == 1


def test_a_path_too_long_for_the_system_is_a_notice(fake_rules, files):
    """RELIABILITY E.41: a named path over PATH_MAX is IO001 with the system's reason, not 'no such file'."""
    long_name = "x" * 5000 + ".txt"
    result, by_path = run_json(long_name, files("good.txt", b"FIRE"))
    assert result.exit_code == 2
    assert by_path[long_name]["notices"][0]["code"] == "IO001"
    assert by_path[long_name]["error"] == "cannot read: File name too long"
    assert by_path["good.txt"]["findings"][0]["rule"] == "X901"


def _descend(top, names):
    """Make nested directories one level at a time, by relative path, beyond what one absolute path can name."""
    with contextlib.chdir(top):
        for name in names:
            os.mkdir(name)
            os.chdir(name)
            with open("story.txt", "wb") as fh:
                fh.write(b"FIRE")


def _remove_deep(top, names):
    """Undo _descend from the bottom up: shutil.rmtree (pytest's clean-up) recurses and would overflow here."""
    with contextlib.chdir(top):
        for name in names:
            os.chdir(name)
        for name in reversed(names):
            os.unlink("story.txt")
            os.chdir("..")
            os.rmdir(name)


@pytest.fixture
def deep_tree(tmp_path):
    made = []

    def make(top: str, names: list[str]) -> None:
        (tmp_path / top).mkdir()
        made.append((str(tmp_path / top), names))
        _descend(str(tmp_path / top), names)

    yield make
    for top, names in made:
        _remove_deep(top, names)


def test_a_tree_deeper_than_recursion_or_path_max_is_walked_as_far_as_it_can_be(fake_rules, tmp_path, monkeypatch,
                                                                                 deep_tree):
    """RELIABILITY E.43: 1,200 levels (past Python's recursion limit) are walked; below PATH_MAX's reach the
    directory that cannot be opened is an IO001 notice naming it, and everything above it is still checked."""
    monkeypatch.chdir(tmp_path)
    deep_tree("deep", ["d"] * 1200)
    result, by_path = run_json("deep")
    assert result.exit_code == 1 and len(by_path) == 1200
    assert all(f["findings"][0]["rule"] == "X901" for f in by_path.values())

    deep_tree("long", ["n" * 250] * 20)  # 20 x 251 bytes: past PATH_MAX (4,096) from level 17
    result, by_path = run_json("long")
    assert result.exit_code == 2
    unreadable = [p for p, f in by_path.items() if f["notices"]]
    checked = [p for p, f in by_path.items() if f["findings"]]
    assert len(unreadable) == 1 and by_path[unreadable[0]]["error"].startswith("cannot read directory: ")
    assert len(checked) >= 15 and all(len(p) <= 4096 for p in checked)


def test_the_walk_is_a_stream(tmp_path, monkeypatch):
    """RELIABILITY E.43: the first file comes out before the rest of the tree is listed."""
    from statlint.checker import sources

    for d in ("a", "b", "c"):
        (tmp_path / d).mkdir()
        for i in range(3):
            (tmp_path / d / f"{i}.txt").write_bytes(b"x")
    listed = []
    real_list = sources._list_directory
    monkeypatch.setattr(sources, "_list_directory", lambda path, suffixes: listed.append(path) or
                        real_list(path, suffixes))
    stream = sources.expand_paths([str(tmp_path)])
    assert next(stream).path == str(tmp_path / "a" / "0.txt")
    assert listed == [str(tmp_path), str(tmp_path / "a")]
    assert [i.path for i in stream][-1] == str(tmp_path / "c" / "2.txt") and len(listed) == 4


def test_each_file_once_however_it_is_reached(tmp_path, monkeypatch):
    """Overlapping paths and in-tree symlinks give each file once; a file reached only through a link (its
    real place is hidden from the walk) is checked under the link's name; a file named before the walk
    meets it is not checked twice. Only directories and such files are remembered, not every file."""
    from statlint.checker.sources import expand_paths

    monkeypatch.chdir(tmp_path)
    for name in ("d/a.txt", "d/sub/b.txt", "d/.drafts/hidden.txt", "d/notes.raw"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    os.symlink("sub/b.txt", tmp_path / "d" / "0-link-to-b.txt")  # the walk meets b.txt itself: link skipped
    os.symlink(".drafts/hidden.txt", tmp_path / "d" / "draft.txt")  # the only way in: checked as draft.txt
    os.symlink("notes.raw", tmp_path / "d" / "notes.txt")  # the walk skips .raw: checked as notes.txt
    paths = lambda *args: [i.path for i in expand_paths(list(args))]  # noqa: E731
    walked = [os.path.join("d", n) for n in ("a.txt", "draft.txt", "notes.txt", "sub/b.txt")]
    assert paths("d") == walked
    assert paths("d", "d/sub", "d") == walked
    assert paths("d/sub", "d") == [os.path.join("d", "sub", "b.txt")] + walked[:3]
    assert paths("d/a.txt", "d") == ["d/a.txt"] + walked[1:]
    assert paths("d", "d/a.txt", "d/notes.raw") == walked  # both already checked, notes.raw through its link
    assert paths("d", "d/.drafts/hidden.txt", "d/sub/b.txt") == walked  # hidden.txt was checked as draft.txt


def test_progress_counts_files_on_stderr(fake_rules, files):
    result = run("--progress", files("a.txt", b"calm"), files("b.txt", b"FIRE"))
    assert result.stderr.splitlines()[-1] == "statlint: 2 files checked" and result.exit_code == 1
    assert "checked" not in run(files("c.txt", b"calm")).stderr  # off when stderr is not a terminal


@pytest.mark.parametrize("on_terminal, clock, expected", [
    # the clock is read once at the start, once per tick, and once more when a line is shown
    (True, [0.0, 0.5, 1.0, 1.0, 1.5], "\r\x1b[Kstatlint: 2 files checked ...\r\x1b[Kstatlint: 3 files checked\n"),
    (False, [0.0, 5.0, 10.0, 10.0, 15.0], "statlint: 2 files checked ...\nstatlint: 3 files checked\n"),
])
def test_progress_rewrites_one_line_on_a_terminal_and_writes_lines_to_a_log(monkeypatch, capsys, on_terminal,
                                                                           clock, expected):
    from statlint.checker import cli

    readings = iter(clock)
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(readings))
    progress = cli.Progress(enabled=True, on_terminal=on_terminal)
    for _ in range(3):
        progress.tick()
    progress.done()
    assert capsys.readouterr().err == expected
