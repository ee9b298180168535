"""Web fixtures: one store per session (Zoom, Bluesky, Meta AI and the hostile service), an app over
it, and a real uvicorn server on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reportdata import build_store
from termlens.storage import Repository
from termlens.web.app import create_app

TOKEN = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, ota_dir: Path) -> tuple[str, Repository]:
    """The shared store (built once: importing and analysing Zoom's history takes seconds)."""
    return build_store(tmp_path_factory.mktemp("webstore"), ota_dir)


@pytest.fixture(scope="session")
def app(web_store: tuple[str, Repository]) -> FastAPI:
    """The app without a token (what `termlens serve` runs on 127.0.0.1)."""
    return create_app(web_store[1])


@pytest.fixture(scope="session")
def token_app(web_store: tuple[str, Repository]) -> FastAPI:
    """The app with a token (what a bind beyond 127.0.0.1 requires)."""
    return create_app(web_store[1], token=TOKEN)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client that has loaded the portfolio once, so it holds a CSRF cookie."""
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def csrf_of(client: TestClient) -> str:
    """The CSRF token the client's cookie holds (loading a page first when it has none)."""
    if "termlens_csrf" not in client.cookies:
        client.get("/api/docs")
    return str(client.cookies["termlens_csrf"])


@pytest.fixture(scope="session")
def live_server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free 127.0.0.1 port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
