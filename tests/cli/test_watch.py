"""`termlens fetch` and `termlens watch …` as a user runs them, against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from localweb import LocalWeb, Reply, ota_versions, terms_html

TERMLENS = [str(Path(sys.executable).parent / "termlens")]


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


@pytest.fixture
def zoom(ota_dir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in ota_versions(ota_dir, "Zoom", "Terms of Service")}


def run(args: list[str], db: Path | None = None, loopback: bool = True, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TERMLENS_")}
    environment["TERMLENS_ALLOW_LOOPBACK"] = "1" if loopback else "0"
    if db is not None:
        environment["TERMLENS_DATABASE_URL"] = f"sqlite:///{db}"
    environment.update(env)
    return subprocess.run([*TERMLENS, *args], capture_output=True, text=True, env=environment, timeout=120)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/terms",
        "http://2130706433:{port}/terms",
        "http://[::ffff:127.0.0.1]:{port}/terms",
        "http://user@0x7f.1:{port}/terms",
        "http://localhost:{port}/terms",
    ],
)
def test_fetch_of_a_guarded_target_exits_2_with_one_line_and_no_connection(web: LocalWeb, url: str) -> None:
    web.add("/terms", Reply(body=b"<p>secret</p>"))
    result = run(["fetch", url.format(port=web.port)], loopback=False)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "not allowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert web.requests == []


def test_fetch_prints_markdown_and_json(web: LocalWeb, zoom: dict[str, str]) -> None:
    web.add("/terms", Reply(body=terms_html(zoom["2023-08-11T19-15-38Z.md"])))
    markdown = run(["fetch", web.url("/terms"), "--remove", "#cookie-banner"])
    assert markdown.returncode == 0, markdown.stderr
    assert "Zoom does not use any of your audio, video, chat" in " ".join(markdown.stdout.split())
    as_json = run(["fetch", web.url("/terms"), "--selector", "article", "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["status"] == 200 and data["fetcher"] == "http" and data["content_type"] == "text/html"
    assert data["final_url"] == web.url("/terms") and len(data["sha256"]) == 64
    assert "Accept all cookies" not in data["text"]


def test_fetch_failure_exits_1_with_its_type(web: LocalWeb) -> None:
    web.add("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"}))
    result = run(["fetch", web.url("/terms"), "--no-browser"])
    assert result.returncode == 1 and "robots_forbidden" in result.stderr and "robots.txt" in result.stderr


def test_watch_add_list_run_status(tmp_path: Path, web: LocalWeb, zoom: dict[str, str]) -> None:
    db = tmp_path / "t.db"
    web.add("/tos", Reply(body=terms_html(zoom["2023-02-01T12-45-56Z.md"])))
    web.add("/gone", Reply(404, b"no", {"Content-Type": "text/plain"}))
    assert (
        run(
            [
                "watch",
                "add",
                web.url("/tos"),
                "--service",
                "Zoom",
                "--document",
                "Terms of Service",
                "--every",
                "0 6 * * *",
                "--remove",
                "#cookie-banner",
            ],
            db,
        ).returncode
        == 0
    )
    assert (
        run(
            ["watch", "add", web.url("/gone"), "--service", "Zoom", "--document", "Privacy Policy", "--every", "12h"],
            db,
        ).returncode
        == 0
    )
    bad = run(["watch", "add", web.url("/x"), "--service", "Z", "--document", "T", "--every", "sometimes"], db)
    assert bad.returncode == 2 and "schedule" in bad.stderr
    listed = json.loads(run(["watch", "list", "--format", "json"], db).stdout)
    assert [w["schedule"] for w in listed] == ["12h", "0 6 * * *"]
    ran = run(["watch", "run", "--once", "--gap", "0", "--no-browser"], db)
    assert ran.returncode == 0, ran.stderr
    assert "checked 2 (1 failed)" in ran.stdout
    status = json.loads(run(["watch", "status", "--format", "json"], db).stdout)
    by_doc = {w["document_type"]: w for w in status["watches"]}
    assert by_doc["Terms of Service"]["last_outcome"] == "new_version"
    assert by_doc["Privacy Policy"]["last_failure_type"] == "http_error"
    assert by_doc["Terms of Service"]["next_due_at"][11:14] == "06:"  # the cron time, plus < 15 min jitter
    text_status = run(["watch", "status"], db)
    assert "http_error" in text_status.stdout and "HTTP 404" in text_status.stdout
    verify = run(["verify"], db)
    assert "http_error" in verify.stdout + verify.stderr
    # Stopping a watch removes its schedule only: the version it stored stays in the history.
    stopped = run(["watch", "remove", "--service", "zoom", "--document", "terms of service"], db)
    assert stopped.returncode == 0, stopped.stderr
    assert "stopped watching Zoom / Terms of Service" in stopped.stdout
    assert [w["document_type"] for w in json.loads(run(["watch", "list", "--format", "json"], db).stdout)] == [
        "Privacy Policy"]
    again = run(["watch", "remove", "--service", "Zoom", "--document", "Terms of Service"], db)
    assert again.returncode == 2 and "not watched: Zoom / Terms of Service" in again.stderr
    assert "Traceback" not in again.stderr
    kept = run(["versions", "Zoom", "--document", "Terms of Service", "--format", "json"], db)
    assert kept.returncode == 0, kept.stderr
    assert len(json.loads(kept.stdout)) == 1


def test_notify_add_refuses_a_private_webhook(tmp_path: Path) -> None:
    result = run(["watch", "notify", "add", "webhook", "http://192.168.0.10/hook"], tmp_path / "t.db", loopback=False)
    assert result.returncode == 2 and "private" in result.stderr
