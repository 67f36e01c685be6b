"""`statlint serve`: the API answers exactly what `check --format json` prints, refuses bad requests clearly,
keeps uploads in memory, checks under the CPU budget in worker processes, and serves many requests at once.

The checks run in spawned worker processes with the real rules (the stand-in
rules of fake_rules.py are a monkeypatch of this process only), so stories
here are sentences we wrote whose findings the real rules give.
"""
from __future__ import annotations

import asyncio
import json
import pathlib
import socket
import subprocess
import sys
import threading

import pytest

starlette = pytest.importorskip("starlette", reason="statlint serve needs the serve extra (make .venv installs it)")
httpx = pytest.importorskip("httpx", reason="the serve tests need httpx (the browser extra; make .venv installs it)")

from starlette.testclient import TestClient  # noqa: E402

from live_server import live_server  # noqa: E402
from test_cli import run  # noqa: E402
from statlint.checker.config import Settings  # noqa: E402
from statlint.checker.serve import ApiError, Checker, check_story, create_app  # noqa: E402

STORY = "Imports rose 50% to 150 units from 120 units, the ministry said.\n\nExports were flat at 80 units.\n"
LIMIT = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(max_bytes=LIMIT, workers=1)) as c:
        yield c


def cli_json(tmp_path, monkeypatch, name: str, data: bytes) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    return run("check", "--no-config", "--format", "json", name).stdout


@pytest.mark.needs_rules
def test_json_text_answers_exactly_what_check_prints(client, tmp_path, monkeypatch):
    response = client.post("/api/check", json={"text": STORY, "filename": "story.txt"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.text == cli_json(tmp_path, monkeypatch, "story.txt", STORY.encode())
    (finding,) = response.json()["files"][0]["findings"]
    assert (finding["rule"], finding["start"], finding["end"], finding["text"]) == ("G101", 13, 16, "50%")


@pytest.mark.needs_rules
def test_upload_answers_exactly_what_check_prints(client, tmp_path, monkeypatch):
    data = STORY.encode("utf-8") + "Tokyo\u2019s ".encode("utf-8") + b"\xff"  # a stray byte: IO002, checked all the same
    response = client.post("/api/check", files={"file": ("story.txt", data, "text/plain")})
    assert response.status_code == 200
    assert response.text == cli_json(tmp_path, monkeypatch, "story.txt", data)
    assert [n["code"] for n in response.json()["files"][0]["notices"]] == ["IO002"]


FORMATS = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.mark.needs_rules
@pytest.mark.parametrize("name", ["harbour.txt", "harbour.md", "harbour.html", "harbour.docx"])
def test_markup_uploads_are_read_by_their_extension_exactly_as_check_reads_the_file(client, monkeypatch, name):
    """The readers of checker/sources: findings point into the uploaded file, as on the command line."""
    monkeypatch.chdir(FORMATS)
    expected = run("check", "--no-config", "--format", "json", name).stdout
    response = client.post("/api/check", files={"file": (name, (FORMATS / name).read_bytes())})
    assert response.status_code == 200 and response.text == expected
    assert [f["rule"] for f in response.json()["files"][0]["findings"]] == ["G101", "S101", "G102"]


def test_pasted_text_without_a_name_is_text_and_a_form_text_field_works(client):
    pasted = client.post("/api/check", json={"text": "calm"}).json()
    assert pasted["files"][0]["path"] == "<text>" and pasted["files"][0]["findings"] == []
    form = client.post("/api/check", data={"text": "calm", "filename": "note.txt"}, files={"extra": ("x.txt", b"")})
    assert form.status_code == 400  # an unknown field is refused, never ignored
    assert form.json() == {"error": "unknown form field(s) 'extra': send \"file\" (or \"text\") and, optionally, "
                                    "\"filename\""}
    form = client.post("/api/check", files={"text": (None, "calm"), "filename": (None, "note.txt")})
    assert form.status_code == 200 and form.json()["files"][0]["path"] == "note.txt"


def test_lone_surrogates_in_json_are_one_replacement_character_each(client):
    response = client.post("/api/check", content=b'{"text": "a\\ud800b"}', headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["files"][0]["error"] is None


@pytest.mark.parametrize("name, data, code, message", [
    ("report.pdf", b"%PDF-1.4 " + b"\0" * 100, "IO003",
     "binary file skipped: report.pdf is a PDF document; statlint reads plain text (save the article as .txt or .md)"),
    ("report.docx", b"PK\x03\x04" + b"\0" * 100, "IO001",
     "report.docx is a damaged Word document (corrupt zip archive: File is not a zip file)"),
])
def test_an_unreadable_upload_is_a_notice_not_a_crash(client, name, data, code, message):
    response = client.post("/api/check", files={"file": (name, data)})
    (notice,) = response.json()["files"][0]["notices"]
    assert response.status_code == 200 and (notice["code"], notice["message"], notice["fatal"]) == (code, message, True)


@pytest.mark.parametrize("body, content_type, status, message", [
    (b"{", "application/json", 400, "the body is not valid JSON: Expecting property name enclosed in double quotes"),
    (b"\xff", "application/json", 400, "the body is not valid JSON: "),
    (b"[1]", "application/json", 400, "the body must be a JSON object"),
    (b"{}", "application/json", 400, "\"text\" is required and must be a string"),
    (b'{"text": 5}', "application/json", 400, "\"text\" must be a string, not a number"),
    (b'{"text": "x", "path": "/etc/passwd"}', "application/json", 400, "unknown field(s) 'path'"),
    (b'{"text": "x", "filename": ["a"]}', "application/json", 400, "\"filename\" must be a string, not an array"),
    (b'{"text": "x", "filename": "' + b"a" * 1025 + b'"}', "application/json", 400, "\"filename\" is longer than"),
    (b"text=x", "application/x-www-form-urlencoded", 415, "send JSON ({\"text\""),
    (b"x", "", 415, "send JSON"),
    (b"--x--", "multipart/form-data", 400, "the upload could not be read: Missing boundary in multipart."),
    (b"--b\r\nContent-Disposition: form-data; name=\"filename\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b",
     400, "send exactly one of a file (field \"file\") or a text (field \"text\")"),
])
def test_bad_requests_get_a_clear_json_error(client, body, content_type, status, message):
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/check", content=body, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"].startswith(message)


def test_a_file_and_a_text_together_are_refused(client):
    response = client.post("/api/check", files={"file": ("a.txt", b"calm"), "text": (None, "calm")})
    assert response.status_code == 400 and "exactly one" in response.json()["error"]


def test_wrong_method_and_unknown_path_are_json_errors(client):
    assert client.get("/api/check").status_code == 405
    assert client.get("/api/check").json() == {"error": "Method Not Allowed"}
    assert client.get("/nothing").json() == {"error": "Not Found"}


def test_over_the_size_limit_is_413_before_the_body_is_read(client):
    big = b"x" * (LIMIT + 1)
    declared = client.post("/api/check", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413
    assert declared.json()["error"] == (f"request too large ({LIMIT + 1:,} bytes); the limit is {LIMIT:,} bytes. "
                                        "Check a shorter text, or start the server with a higher --max-bytes")
    chunked = client.post("/api/check", content=iter([big[:LIMIT], big[LIMIT:]]),
                          headers={"content-type": "application/json"})  # no Content-Length: counted as it comes
    assert chunked.status_code == 413 and chunked.json()["error"].startswith(f"request too large (over {LIMIT:,}")
    upload = client.post("/api/check", files={"file": ("big.txt", big)})
    assert upload.status_code == 413


def test_an_upload_larger_than_starlettes_spool_stays_in_memory(client, monkeypatch):
    """Starlette spools parts over 1 MB to a temporary file; ours never reach a disk."""
    import tempfile

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was about to be written to disk")

    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", no_disk)
    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    data = b"calm words without figures\n" * (1536 * 1024 // 27)  # 1.5 MB
    response = client.post("/api/check", files={"file": ("long.txt", data)})
    assert response.status_code == 200 and response.json()["files"][0]["findings"] == []


def test_the_page_has_the_form_and_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; ") and "connect-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and response.headers["x-content-type-options"] == "nosniff"
    assert 'id="check-form" data-max-bytes="2097152"' in response.text


@pytest.mark.needs_rules
def test_view_answers_the_reports_section_for_the_story(client):
    response = client.post("/api/view", json={"text": STORY + "<script>window.pwned=1</script>"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    fragment = response.text
    assert fragment.startswith('<section class="file panel" id="file-0" data-file="0">')
    assert "<script>" not in fragment and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in fragment
    assert '<mark class="hl error f-0-0" data-f="0-0" tabindex="0"' in fragment


def test_the_check_runs_under_the_cpu_budget():
    """A story that outruns its budget is a TIME001 notice in the answer, not a hung worker."""
    story = ("Sales rose 50% to 150 units from 120 units in 2023. " * 4000).encode()
    report, _ = check_story(story, "long.txt", Settings(), 0.001, view=False)  # in this (main) thread
    assert [n["code"] for n in json.loads(report)["files"][0]["notices"]] == ["TIME001"]
    with TestClient(create_app(time_budget=0.001, workers=1)) as c:  # in a worker process
        (notice,) = c.post("/api/check", json={"text": story.decode()}).json()["files"][0]["notices"]
    assert (notice["code"], notice["fatal"]) == ("TIME001", True)
    assert "0.001 s of CPU time" in notice["message"]


def _story(i: int) -> str:
    old, rate = 100 + i, 10 + (i % 7) * 10
    new = old * (100 + rate) // 100 if i % 2 else old * 3  # the even ones tripled: not the rate they give
    return f"Story {i}: imports rose {rate}% to {new} units from {old} units, officials said.\n"


def test_fifty_concurrent_requests_all_answer_exactly():
    stories = [_story(i) for i in range(50)]
    expected = [check_story(s.encode(), f"s{i}.txt", Settings(), None, view=False)[0] for i, s in enumerate(stories)]

    async def fire(url):
        async with httpx.AsyncClient(base_url=url, timeout=300) as http:
            return await asyncio.gather(*(http.post("/api/check", json={"text": s, "filename": f"s{i}.txt"})
                                          for i, s in enumerate(stories)))

    with live_server(workers=2) as url:
        responses = asyncio.run(fire(url))
    assert [r.status_code for r in responses] == [200] * 50
    assert [r.text for r in responses] == expected
    assert [[f["rule"] for f in json.loads(e)["files"][0]["findings"]] for e in expected] == [
        ["G101"] if i % 2 == 0 else [] for i in range(50)]


def test_a_long_check_does_not_hold_up_the_server():
    """While one worker is busy with a long story, the page is still served (the loop never waits on a check)."""
    long = "Sales rose 50% to 150 units from 120 units in 2023. Exports fell 12.5% to 4.2 million tonnes. " * 1000
    done = threading.Event()
    with live_server(workers=1) as url:
        httpx.get(url + "/")  # connection set up and page code warm before the race

        def post_long():
            httpx.post(url + "/api/check", json={"text": long}, timeout=300)
            done.set()

        poster = threading.Thread(target=post_long)
        poster.start()
        page = httpx.get(url + "/", timeout=60)
        page_first = not done.is_set()
        poster.join(timeout=300)
    assert page.status_code == 200 and page_first and done.is_set()


def test_a_dead_worker_is_a_500_and_the_next_check_gets_a_fresh_one():
    checker = Checker(Settings(), None, workers=1)
    checker.start()
    try:
        assert json.loads(asyncio.run(checker.run(b"calm", "a.txt", view=False))[0])["files"][0]["path"] == "a.txt"
        for process in list(checker.pool._processes.values()):  # what an out-of-memory kill does
            process.kill()
            process.join(timeout=60)
        with pytest.raises(ApiError) as died:
            asyncio.run(checker.run(b"calm", "b.txt", view=False))
        assert died.value.status == 500 and "worker process died" in died.value.message
        assert json.loads(asyncio.run(checker.run(b"calm", "c.txt", view=False))[0])["files"][0]["path"] == "c.txt"
    finally:
        checker.close()


def _serve(*args, cwd):
    command = [sys.executable, "-c", "from statlint.checker.cli import main; main()", "serve", "--no-config", *args]
    process = subprocess.Popen(command, cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    killer = threading.Timer(120, process.kill)  # bounded: a hung server is killed, and the test fails
    killer.start()
    return process, killer


def test_the_serve_command_listens_on_loopback_and_stops_on_ctrl_c(tmp_path):
    import signal

    process, killer = _serve("--port", "0", "--workers", "1", cwd=tmp_path)
    try:
        line = process.stderr.readline()
        assert line.startswith("statlint: serving on http://127.0.0.1:") and line.endswith("/ (Ctrl+C stops)\n")
        url = line.split()[3]
        assert httpx.post(url + "api/check", json={"text": "calm"}, timeout=120).json()["files"][0]["findings"] == []
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=120) == 0
        assert process.stderr.read() == "statlint: stopped\n"
    finally:
        killer.cancel()
        process.kill()
        process.stderr.close()


class _Connected(Exception):
    """Raised from the ready callback to stop serve.run once the check is done."""


def test_the_socket_listens_before_the_url_is_announced():
    """Regression (a flaky CI run): the URL was printed after bind() but before listen(), so a client
    quick enough to connect in between was refused. A connection made from inside the ready callback,
    before uvicorn starts, must be accepted into the backlog."""
    from statlint.checker import serve

    def ready(url):
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            raise _Connected

    with pytest.raises(_Connected):
        serve.run("127.0.0.1", 0, Settings(), max_bytes=1000, time_budget=None, workers=1, ready=ready)


def test_a_port_in_use_is_a_clear_error(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        process, killer = _serve("--port", str(taken.getsockname()[1]), cwd=tmp_path)
        try:
            assert process.wait(timeout=120) == 2
            assert process.stderr.read().startswith(f"statlint: cannot listen on 127.0.0.1:{taken.getsockname()[1]}: ")
        finally:
            killer.cancel()
            process.stderr.close()
    finally:
        taken.close()


def test_without_the_serve_extra_the_command_says_how_to_get_it(monkeypatch):
    import statlint.checker

    for name in [m for m in sys.modules if m == "starlette" or m.startswith("starlette.")]:
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "statlint.checker.serve")
    monkeypatch.delattr(statlint.checker, "serve")
    result = run("serve", "--no-config", "--host", "256.0.0.0")  # were the import to work, it could not listen
    assert result.exit_code == 2
    assert result.stderr == ("statlint: statlint serve needs the serve extra (starlette is missing): "
                             "pip install 'statlint[serve]'\n")


def test_listening_beyond_this_machine_is_said_out_loud(monkeypatch):
    import statlint.checker.serve as server

    calls = []
    monkeypatch.setattr(server, "run", lambda host, port, settings, **options: calls.append((host, port, options)))
    result = run("serve", "--no-config", "--host", "0.0.0.0", "--port", "8123", "--max-bytes", "1000",
                 "--workers", "3", "--time-budget", "2")
    assert result.exit_code == 0 and calls == [
        ("0.0.0.0", 8123, {"max_bytes": 1000, "time_budget": 2.0, "workers": 3, "ready": calls[0][2]["ready"]})]
    assert result.stderr == ("statlint: warning: listening on 0.0.0.0: anyone who can reach this machine "
                             "can use the page\n")
    assert run("serve", "--no-config").stderr == ""  # 127.0.0.1 by default: no warning


@pytest.mark.needs_rules
def test_the_readmes_curl_examples_answer_what_check_prints(tmp_path, monkeypatch):
    """README "For editors": each curl line, run against a live server, prints the CLI's JSON for its story."""
    import shutil

    from test_readme import readme_blocks

    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    commands = [c for b in readme_blocks() if b.lang == "bash"
                for c in b.body.replace("\\\n", "").splitlines() if c.startswith("curl ")]
    assert len(commands) == 2
    story = "Imports rose 50% to 150 units from 120 units.\n"
    expected = cli_json(tmp_path, monkeypatch, "story.txt", story.encode())
    with live_server(workers=1) as url:
        for command in commands:
            command = command.replace("localhost:8000", url.removeprefix("http://"))
            printed = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                                     timeout=120).stdout
            # the pasted text has no final line break, the file has one: same findings, same places
            assert json.loads(printed)["files"][0]["findings"] == json.loads(expected)["files"][0]["findings"], command
