"""A real `statlint serve` app under uvicorn on 127.0.0.1, on a free port, for the tests that need a socket.

Starlette's TestClient calls the app in-process; concurrency and the
browser need a server that listens. The server runs in a thread of the
test process and stops when the block ends (bounded waits, no sleep-and-hope).
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Iterator

STARTUP_SECONDS = 60  # generous: the machine is shared; the loop ends as soon as the server is up


@contextlib.contextmanager
def live_server(**app_options) -> Iterator[str]:
    """Yields the server's base URL (`http://127.0.0.1:PORT`); app_options go to create_app."""
    import uvicorn

    from statlint.checker.serve import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(**app_options), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="statlint-live-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
