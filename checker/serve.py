"""`statlint serve`: a local web page and JSON API that check one story per request.

    GET  /            the page: paste a story or pick a file, see it annotated
    POST /api/check   {"text": ..., "filename": optional} as JSON, or a multipart
                      upload (field `file`, or `text`): answers exactly what
                      `statlint check --format json` prints for that one file
    POST /api/view    the same input: answers the HTML report's section for it

Why a process pool: a check is CPU work, and the CPU budget
(checker/budget.py) is a SIGPROF timer, which only a process's main thread
can take. Each check runs in the main thread of a worker process, under the
budget exactly as on the command line (a runaway story is a TIME001 notice,
not a hung server), while the event loop stays free for other requests;
checks run side by side up to the number of workers.

Nothing is written to disk: the body is read into memory up to the size
limit (413 past it, before reading more), and uploads are parsed from that
memory with a spool limit above the size limit, so Starlette's parser
never rolls a part over into a temporary file. Bad requests get a 4xx
with {"error": message}.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import re
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from statlint.checker import budget
from statlint.checker.config import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_FILENAME = 1024  # characters: a name is only shown and read for its extension
PASTED = "<text>"  # the path reported for pasted text without a filename, as check_text names it
_FIELDS = ("text", "filename")
_SURROGATE = re.compile("[\ud800-\udfff]")


class ApiError(Exception):
    """A request we cannot answer with a report: its HTTP status and a message for the person who sent it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(settings: Settings | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               time_budget: float | None = budget.DEFAULT_SECONDS, workers: int | None = None) -> Starlette:
    """The ASGI app. Its worker processes start with the app's lifespan and stop with it."""
    from statlint.checker import serve_page

    settings = settings or Settings()
    checker = Checker(settings, time_budget, workers or default_workers())

    async def index(request: Request) -> Response:
        return HTMLResponse(serve_page.page(max_bytes), headers=serve_page.headers())

    async def api_check(request: Request) -> Response:
        data, name = await read_request(request, max_bytes)
        report, _ = await checker.run(data, name, view=False)
        return Response(report, media_type="application/json")

    async def api_view(request: Request) -> Response:
        data, name = await read_request(request, max_bytes)
        _, fragment = await checker.run(data, name, view=True)
        return HTMLResponse(fragment, headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app) -> AsyncIterator[None]:
        checker.start()
        try:
            yield
        finally:
            checker.close()

    async def api_error(request: Request, exc: ApiError) -> Response:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    routes = [Route("/", index, methods=["GET"]), Route("/api/check", api_check, methods=["POST"]),
              Route("/api/view", api_view, methods=["POST"])]
    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={ApiError: api_error, HTTPException: http_error})


def default_workers() -> int:
    """One worker per core, at most four: a check is short, and each worker holds its own rules in memory."""
    return max(1, min(4, os.cpu_count() or 1))


class Checker:
    """Runs checks in worker processes, and starts a fresh pool if a worker dies."""

    def __init__(self, settings: Settings, time_budget: float | None, workers: int):
        self.settings, self.time_budget, self.workers = settings, time_budget, workers
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        # spawn, not fork: the server process has threads (the event loop's executor), and a forked
        # copy of a threaded process can inherit a held lock
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_worker_start)
        for _ in range(self.workers):  # start the workers now, not on the first editor's request
            self.pool.submit(_warm_up)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def run(self, data: bytes, name: str, view: bool) -> tuple[str, str | None]:
        """(the JSON report, the HTML section or None) for one input, computed in a worker process."""
        if self.pool is None:
            self.start()
        pool = self.pool
        try:
            return await asyncio.wrap_future(pool.submit(check_story, data, name, self.settings,
                                                         self.time_budget, view))
        except BrokenProcessPool:
            if self.pool is pool:  # the first request to see it replaces the pool; the others reuse the new one
                pool.shutdown(wait=False, cancel_futures=True)
                self.start()
            raise ApiError(500, "the check stopped unexpectedly (its worker process died); "
                                  "please try again, and report the story if it happens again") from None


def _worker_start() -> None:
    """Ctrl+C in the terminal reaches the whole process group: the server stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> None:
    """Load the rules and the reporters in a fresh worker, so its first real check costs only the check."""
    check_story(b"Sales rose 5% to 105 units from 100 units.", PASTED, Settings(), None, view=True)


def check_story(data: bytes, name: str, settings: Settings, time_budget: float | None,
                view: bool) -> tuple[str, str | None]:
    """Check one input's bytes as `statlint check` checks a file of that name (its extension picks the reader:
    Markdown, HTML, .docx, else text); runs in a worker process."""
    from statlint.checker.cli import check_bytes
    from statlint.checker.report import render
    from statlint.checker.report.html import file_section

    result = check_bytes(data, name, settings, time_budget)
    report = render("json", [result])
    return report, (file_section(result, 0) if view else None)


async def read_request(request: Request, max_bytes: int) -> tuple[bytes, str]:
    """(the story's bytes, its name) from a JSON or multipart request; ApiError for anything else."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind not in ("application/json", "multipart/form-data"):
        raise ApiError(415, "send JSON ({\"text\": \"...\", \"filename\": \"optional.txt\"}) with Content-Type: "
                              "application/json, or a file as multipart/form-data (field \"file\")"
                              + (f", not {kind}" if kind else ""))
    body = await read_body(request, max_bytes)
    if kind == "application/json":
        return _from_json(body)
    return await _from_form(request, body, max_bytes)


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The whole body, refused with 413 as soon as it is known to be over the limit."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, f"Content-Length is not a number: {declared[:40]!r}")
        if int(declared) > max_bytes:
            raise _too_large(f"{int(declared):,} bytes", max_bytes)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(f"over {max_bytes:,} bytes", max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: str, max_bytes: int) -> ApiError:
    return ApiError(413, f"request too large ({size}); the limit is {max_bytes:,} bytes. Check a shorter "
                           f"text, or start the server with a higher --max-bytes")


def _from_json(body: bytes) -> tuple[bytes, str]:
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise ApiError(400, "the body must be a JSON object: {\"text\": \"...\", \"filename\": \"optional.txt\"}")
    unknown = sorted(set(payload) - set(_FIELDS))
    if unknown:
        raise ApiError(400, f"unknown field(s) {', '.join(map(repr, unknown))}: send \"text\" and, "
                              f"optionally, \"filename\"")
    text = payload.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "\"text\" is required and must be a string" if text is None
                              else f"\"text\" must be a string, not {_json_type(text)}")
    # a lone surrogate ("\ud800" in the JSON) cannot be UTF-8: one U+FFFD for one, as Document does
    return _SURROGATE.sub("\ufffd", text).encode("utf-8"), _name(payload.get("filename"), PASTED)


async def _from_form(request: Request, body: bytes, max_bytes: int) -> tuple[bytes, str]:
    async def replay() -> AsyncIterator[bytes]:
        yield body

    parser = MultiPartParser(request.headers, replay(), max_files=1, max_fields=len(_FIELDS),
                             max_part_size=max_bytes)
    parser.spool_max_size = max_bytes + 1  # a part is never larger than the body: it stays in memory
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise ApiError(400, f"the upload could not be read: {exc.message}") from None
    try:
        unknown = sorted(set(form.keys()) - {"file", *_FIELDS})
        if unknown:
            raise ApiError(400, f"unknown form field(s) {', '.join(map(repr, unknown))}: send \"file\" "
                                  f"(or \"text\") and, optionally, \"filename\"")
        upload, text = form.get("file"), form.get("text")
        if isinstance(upload, UploadFile) and text is None:
            return await upload.read(), _name(form.get("filename"), upload.filename or "<upload>")
        if isinstance(text, str) and upload is None:
            return text.encode("utf-8"), _name(form.get("filename"), PASTED)
        raise ApiError(400, "send exactly one of a file (field \"file\") or a text (field \"text\")")
    finally:
        await form.close()


def _name(value, default: str) -> str:
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise ApiError(400, f"\"filename\" must be a string, not {_json_type(value)}")
    if len(value) > MAX_FILENAME:
        raise ApiError(400, f"\"filename\" is longer than {MAX_FILENAME} characters")
    return value


def _json_type(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}.get(
        type(value), type(value).__name__)


def run(host: str, port: int, settings: Settings, *, max_bytes: int, time_budget: float | None,
        workers: int | None, ready=None) -> None:
    """Serve until interrupted. `ready(url)` is called once the socket listens (the CLI prints it)."""
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:  # closed however serving ends (or fails to start)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listen before saying so: a client that reads the URL and connects before uvicorn's startup is done
        # waits in the backlog instead of being refused (uvicorn listens on the socket again, harmlessly).
        sock.listen(2048)
        bound = sock.getsockname()[1]
        app = create_app(settings, max_bytes=max_bytes, time_budget=time_budget, workers=workers)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        if ready is not None:
            shown = f"[{host}]" if family == socket.AF_INET6 else host
            ready(f"http://{shown}:{bound}/")
        server.run(sockets=[sock])
