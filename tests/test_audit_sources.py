"""Archive readers of `statlint audit` (checker/audit/sources.py): identity, bad records, slices."""
from __future__ import annotations

import gzip
import io
import json
import re

import pytest

from statlint.checker.audit.dask_engine import plan_shards
from statlint.checker.audit.sources import Fields, SourceError, open_sources, source_for

warcio = pytest.importorskip("warcio")


def _docs(path, fields=Fields()):
    src = source_for(str(path), fields)
    return src, list(src.docs())


def test_folder_walks_text_markdown_and_html_in_sorted_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("bee")
    (tmp_path / "a.md").write_text("# a")
    (tmp_path / "sub" / "c.html").write_text("<p>c</p>")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    src, docs = _docs(tmp_path)
    assert src.kind == "folder"
    assert [(d.key, d.pos, d.name, d.data) for d in docs] == [
        ("a.md", 0, f"{tmp_path.name}/a.md", b"# a"), ("b.txt", 1, f"{tmp_path.name}/b.txt", b"bee"),
        ("sub/c.html", 2, f"{tmp_path.name}/sub/c.html", b"<p>c</p>")]
    assert {d.fmt for d in docs} == {None}  # the shared readers go by the extension, as for single files
    assert src.size == 3 + 3 + 8


def test_deferred_article_files_are_read_where_they_are_checked_as_the_reader_reads_them(tmp_path):
    """The local engine's main process only names article files (defer=True); read_later, in the worker,
    must give the Doc the reader gives, and a file gone by then is an error row like an unreadable one."""
    from statlint.checker.audit.sources import read_later

    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("bee")
    (tmp_path / "a.md").write_text("# a")
    (tmp_path / "sub" / "c.html").write_text("<p>c</p>")
    for path in (tmp_path, tmp_path / "b.txt", str(tmp_path / "*.md")):
        src = source_for(str(path))
        deferred, read = list(src.docs(defer=True)), list(src.docs())
        assert all(d.data is None and d.file is not None and d.size == 0 for d in deferred)
        assert src.consumed == src.size  # progress counts what the workers will read
        assert [read_later(d) for d in deferred] == read and all(d.file is None for d in read)
    src = source_for(str(tmp_path))
    deferred = list(src.docs(defer=True))
    (tmp_path / "sub" / "c.html").unlink()
    assert [(d.key, d.data, d.problem) for d in map(read_later, deferred)] == [
        ("a.md", b"# a", None), ("b.txt", b"bee", None), ("sub/c.html", None, "cannot read: No such file or directory")]


def test_jsonl_lines_are_keyed_by_byte_offset_and_bad_lines_are_problems(tmp_path):
    lines = [
        json.dumps({"id": "a1", "date": "1987-03-02", "text": "first"}),
        "",  # blank: not a record
        "{not json",
        json.dumps({"id": "a3", "body": "no text field"}),
        json.dumps({"id": 4, "text": ["not", "a", "string"]}),
        json.dumps(["an", "array"]),
        json.dumps({"id": "a6", "text": None}),
        "[" * 5000 + "]" * 5000,
        json.dumps({"id": "a8", "text": "eighth"}),
    ]
    data = b"\xef\xbb\xbf" + ("\n".join(lines)).encode()  # a BOM in front, no newline at the end
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    offsets = [data.index(line.encode()) if line else None for line in lines]
    offsets[0] = 0
    _, docs = _docs(path)
    assert [d.key for d in docs] == [str(o) for o in offsets if o is not None]
    assert [(d.name, d.doc_id, d.date, d.data, d.problem) for d in docs] == [
        ("a.jsonl:1 (a1)", "a1", "1987-03-02", "first", None),
        ("a.jsonl:3", None, None, None,
         "not a JSON line: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("a.jsonl:4 (a3)", "a3", None, None, "no text field 'text'"),
        ("a.jsonl:5 (4)", "4", None, None, "text field 'text' holds list, not a string"),
        ("a.jsonl:6", None, None, None, "not a JSON object but list"),
        ("a.jsonl:7 (a6)", "a6", None, None, "text field 'text' holds null, not a string"),
        ("a.jsonl:8", None, None, None, "not read: JSON nested too deeply"),
        ("a.jsonl:9 (a8)", "a8", None, "eighth", None),
    ]


@pytest.mark.parametrize("name", ["lines.jsonl", "lines.jsonl.gz"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_undecoded_lines_decode_where_they_are_checked_to_the_docs_the_reader_makes(tmp_path, name, newline):
    """The local engine's main process only splits lines (defer=True); decode_line, in the worker, must
    give every line the Doc (or problem) that reading with decode=True gives, and the same keys."""
    from statlint.checker.audit.jsonl import JSON_LINE, decode_line

    lines = [json.dumps({"id": "a1", "date": "1987-03-02", "text": "first\nline"}), "", "   ", "{not json",
             json.dumps({"id": "a3", "body": "no text"}), json.dumps(["an", "array"]), "[" * 5000 + "]" * 5000,
             json.dumps({"id": "ü4", "text": "naïve £5m"}, ensure_ascii=False), json.dumps({"id": 5, "text": "last"})]
    data = b"\xef\xbb\xbf" + newline.join(lines).encode() + b"\n\x80 not utf-8"  # BOM; a last line unterminated
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    fields = Fields()
    src = source_for(str(path), fields)
    raw, read = list(src.docs(defer=True)), list(src.docs())
    assert {d.fmt for d in raw} == {JSON_LINE}
    assert [d.data for d in raw] == [data[d.pos:].split(b"\n", 1)[0] + b"\n" for d in raw[:-1]] + [b"\x80 not utf-8"]
    assert [decode_line(d, fields) for d in raw] == read
    assert [(d.doc_id, d.data, d.problem) for d in read] == [
        ("a1", "first\nline", None),
        (None, None, "not a JSON line: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("a3", None, "no text field 'text'"), (None, None, "not a JSON object but list"),
        (None, None, "not read: JSON nested too deeply"), ("ü4", "naïve £5m", None), ("5", "last", None),
        (None, None, "not a JSON line: 'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte")]


def test_jsonl_fields_can_be_renamed_and_reach_into_objects(tmp_path):
    path = tmp_path / "n.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(json.dumps({"meta": {"uid": "x"}, "published": 2004, "body": "text"}) + "\n")
    _, docs = _docs(path, Fields(text="body", id="meta.uid", date="published"))
    assert [(d.key, d.doc_id, d.date, d.data, d.fmt) for d in docs] == [("0", "x", "2004", "text", "text")]


def test_truncated_gzip_keeps_the_records_before_the_cut_and_ends_with_one_error(tmp_path):
    records = "".join(json.dumps({"id": str(i), "text": f"article {i} " + "x" * 2000}) + "\n" for i in range(50))
    whole = gzip.compress(records.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    _, docs = _docs(path)
    good, last = docs[:-1], docs[-1]
    assert good and all(d.problem is None for d in good)
    assert [d.doc_id for d in good] == [str(i) for i in range(len(good))]
    assert re.fullmatch(r"truncated gzip stream in line \d+ \(decompressed byte \d+\); the lines before it were read",
                        last.problem)
    assert last.name == f"cut.jsonl.gz:{len(good) + 1}"
    assert last.key.startswith("@error:")


def _warc(path, compress: bool):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))

        def response(uri, ctype, body, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        writer.write_record(writer.create_warc_record("http://n.example/a", "request", payload=io.BytesIO(b"GET /a")))
        response("http://n.example/a", "text/html; charset=utf-8", b"<html><p>Sales rose.</p></html>")
        response("http://n.example/logo.png", "image/png", b"\x89PNG....")
        response("http://n.example/b.txt", "text/plain", b"Plain text article.")
        response("http://n.example/gone", "text/html", b"<p>not found</p>", status="404 Not Found")


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_warc_reads_html_and_text_responses_and_counts_the_other_records(tmp_path, compress):
    path = tmp_path / ("a.warc.gz" if compress else "a.warc")
    _warc(path, compress)
    src, docs = _docs(path)
    assert src.kind == "warc"
    assert [(d.name, d.fmt, d.data) for d in docs] == [
        ("http://n.example/a", "html", b"<html><p>Sales rose.</p></html>"),
        ("http://n.example/b.txt", "text", b"Plain text article.")]
    assert src.skipped == 4  # warcinfo, request, the image, the 404
    assert all(int(d.key) == d.pos > 0 for d in docs) and docs[0].date


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("cut", [30, 200, 700])
def test_truncated_warc_keeps_the_records_before_the_cut_and_ends_with_one_error(tmp_path, compress, cut):
    path = tmp_path / ("a.warc.gz" if compress else "a.warc")
    _warc(path, compress)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - cut])
    src, docs = _docs(path)
    good, last = [d for d in docs if d.problem is None], docs[-1]
    assert [d.fmt for d in good] == ["html", "text"][: len(good)] and good
    assert last.problem.startswith(("truncated WARC: ", "unreadable WARC after byte "))
    assert last.key.startswith("@error:")


@pytest.mark.parametrize("name", ["s.jsonl", "s.jsonl.gz"])
def test_shards_of_a_jsonl_file_cover_every_line_exactly_once(tmp_path, name):
    body = "".join(json.dumps({"id": str(i), "text": "y" * (i % 37)}) + "\n" for i in range(300)).encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    src, whole = _docs(path)
    shards = list(plan_shards(src, shard_bytes=997))
    assert len(shards) > 5 and shards[-1].end is None
    pieces = [(d.key, d.name) for s in shards for d in source_for(s.path).docs(s.start, s.end)]
    assert pieces == [(d.key, d.name) for d in whole]  # the same lines, numbered the same


def test_shards_of_a_folder_cover_every_file_exactly_once(tmp_path):
    for i in range(23):
        (tmp_path / f"{i:03d}.txt").write_text(str(i))
    src, whole = _docs(tmp_path)
    shards = list(plan_shards(src, shard_files=5))
    assert [(s.start, s.end) for s in shards] == [(0, 5), (5, 10), (10, 15), (15, 20), (20, None)]
    assert [d.key for s in shards for d in source_for(s.path).docs(s.start, s.end)] == [d.key for d in whole]


def test_a_missing_source_or_an_empty_glob_is_an_error_before_any_work(tmp_path):
    with pytest.raises(SourceError, match="no such file or directory"):
        list(open_sources([str(tmp_path / "nope.jsonl")]))
    with pytest.raises(SourceError, match="no file matches this pattern"):
        list(open_sources([str(tmp_path / "*.jsonl")]))


def test_a_folder_is_its_articles_and_the_archives_in_it_are_sources_of_their_own(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "a.txt").write_text("article")
    (tmp_path / "wire" / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    (tmp_path / "wire" / "c.warc").write_text("")
    (tmp_path / ".hidden.jsonl").write_text("")
    found = [(s.kind, s.path) for s in open_sources([str(tmp_path), str(tmp_path / "wire" / "b.jsonl.gz")])]
    assert found == [("folder", str(tmp_path)), ("jsonl", str(tmp_path / "wire" / "b.jsonl.gz")),
                     ("warc", str(tmp_path / "wire" / "c.warc"))]
    assert [d.key for d in source_for(str(tmp_path)).docs()] == ["a.txt"]


def test_a_glob_expands_sorted_and_a_source_named_twice_is_read_once(tmp_path):
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("")
    pattern = str(tmp_path / "*")
    found = [(s.kind, s.path) for s in open_sources([pattern, str(tmp_path / "a.jsonl")])]
    assert found == [("jsonl", str(tmp_path / "a.jsonl")), ("jsonl", str(tmp_path / "b.jsonl")), ("glob", pattern)]


def test_the_articles_a_glob_matches_are_one_source_keyed_below_its_fixed_folder(tmp_path):
    for path in ("2001/jan/a.txt", "2001/feb/b.md", "2002/mar/c.html", "2002/mar/d.jsonl", "2002/notes.txt"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(path)
    pattern = str(tmp_path / "200*" / "*" / "*")
    sources = list(open_sources([pattern]))
    assert [(s.kind, s.path) for s in sources] == [("jsonl", str(tmp_path / "2002/mar/d.jsonl")), ("glob", pattern)]
    docs = list(sources[1].docs())
    assert [(d.key, d.pos, d.data) for d in docs] == [
        ("2001/feb/b.md", 0, b"2001/feb/b.md"), ("2001/jan/a.txt", 1, b"2001/jan/a.txt"),
        ("2002/mar/c.html", 2, b"2002/mar/c.html")]
    assert sources[1].size == sum(len(d.data) for d in docs)
    shards = list(plan_shards(sources[1], shard_files=2))
    assert [d.key for s in shards for d in source_for(s.path).docs(s.start, s.end)] == [d.key for d in docs]


@pytest.mark.parametrize("kind", ["jsonl", "warc"])
def test_a_container_that_vanished_before_it_was_read_is_one_error_row(tmp_path, kind):
    from statlint.checker.audit.sources import Source

    gone = Source(str(tmp_path / f"gone.{kind}"), kind, 0)
    assert [(d.key, d.problem) for d in gone.docs()] == [("@error", "cannot read: No such file or directory")]


def test_a_jsonl_line_over_the_size_limit_is_an_error_row_and_the_next_line_is_read(tmp_path, monkeypatch):
    from statlint.checker.audit import jsonl

    monkeypatch.setattr(jsonl, "MAX_BYTES", 100)
    monkeypatch.setattr(jsonl, "_LINE_CHUNK", 64)
    long_line = json.dumps({"id": "big", "text": "x" * 1000})
    path = tmp_path / "a.jsonl"
    path.write_text(long_line + "\n" + json.dumps({"id": "next", "text": "fine"}) + "\n")
    _, docs = _docs(path)
    assert [(d.key, d.name, d.data, d.problem) for d in docs] == [
        ("0", "a.jsonl:1", None, "line 1 is longer than 100 bytes: not read"),
        (str(len(long_line) + 1), "a.jsonl:2 (next)", "fine", None)]


def test_a_file_that_is_not_a_warc_is_one_error_row(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("this is not a web archive\n" * 20)
    src, docs = _docs(path)
    # warcio reads the first line leniently as an old ARC header; what follows is not a record
    assert len(docs) == 1 and docs[0].key.startswith("@error:")
    assert docs[0].problem.startswith(("truncated WARC: ", "unreadable WARC after byte "))
