"""`termlens serve` as an operator runs it: loopback by default, a token for anything else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import TOKEN
from termlens.storage import Repository


def serve(*args: str, db: str) -> subprocess.Popen[str]:
    """Start the real command."""
    env = os.environ | {"TERMLENS_DATABASE_URL": db}
    env.pop("TERMLENS_WEB_TOKEN", None)
    return subprocess.Popen([sys.executable, "-m", "termlens", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize(("args", "reason"), [
    (("--host", "0.0.0.0"), "needs --token"),
    (("--host", "192.168.1.20", "--token", "short"), "at least 12"),
])
def test_binding_beyond_loopback_without_a_good_token_is_refused(web_store: tuple[str, Repository], tmp_path: Path,
                                                                 args: tuple[str, ...], reason: str) -> None:
    process = serve(*args, db=web_store[0])
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2 and reason in stderr and "Traceback" not in stderr


def test_the_server_answers_on_loopback_and_a_token_guards_it(web_store: tuple[str, Repository]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = serve("--port", str(port), "--token", TOKEN, db=web_store[0])
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                anonymous = httpx.get(base + "/api/v1/services", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert anonymous.status_code == 401
        signed = httpx.get(base + "/api/v1/services", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        assert signed.status_code == 200 and "Zoom" in signed.text
        assert httpx.get(base + "/", timeout=5).headers["location"] == "/login"
    finally:
        process.terminate()
        process.wait(timeout=30)
