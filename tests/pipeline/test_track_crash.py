"""Crash safety (kill -9 at each step) and two concurrent schedulers, with real processes on SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from localweb import LocalWeb, Reply, ota_versions, terms_html
from termlens.storage import open_repository
from termlens.storage import schema as t
from termlens.storage.watches import WatchStore

TERMLENS = str(Path(sys.executable).parent / "termlens")
BEFORE, AFTER = "2023-02-01T12-45-56Z.md", "2023-04-01T06-45-10Z.md"


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


def termlens(db: str, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERMLENS_")}
    env.update(TERMLENS_ALLOW_LOOPBACK="1", TERMLENS_DATABASE_URL=db)
    if crash_at:
        env["TERMLENS_TEST_CRASH_AT"] = crash_at
    return subprocess.run([TERMLENS, *args], capture_output=True, text=True, env=env, timeout=180)


def run_once(db: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    return termlens(db, "watch", "run", "--once", "--gap", "0", "--no-browser", crash_at=crash_at)


def versions_of(db: str) -> int:
    repo = open_repository(db)
    with repo.engine.connect() as conn:
        count = int(conn.execute(select(func.count()).select_from(t.versions)).scalar() or 0)
    repo.engine.dispose()
    return count


def wait_until_due(db: str) -> None:
    store = WatchStore(open_repository(db))
    due = max(w.next_due_at for w in store.list_watches())
    store.engine.dispose()
    while time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) < due:
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.parametrize("step", ["after_snapshot", "after_version", "before_notify", "after_notify"])
def test_kill_9_at_any_step_gives_one_version_and_one_alert(
    db_url: str, web: LocalWeb, ota_dir: Path, step: str
) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in ota_versions(ota_dir, "Zoom", "Terms of Service")}
    page = {"body": terms_html(texts[BEFORE])}
    web.add("/tos", lambda _h: Reply(body=page["body"]))
    web.add("/hook", Reply(200, b"", {}))
    db = db_url
    assert (
        termlens(
            db, "watch", "add", web.url("/tos"), "--service", "Zoom", "--document", "Terms of Service", "--every", "1s"
        ).returncode
        == 0
    )
    assert termlens(db, "watch", "notify", "add", "webhook", web.url("/hook")).returncode == 0
    assert run_once(db).returncode == 0
    page["body"] = terms_html(texts[AFTER])
    wait_until_due(db)

    crashed = run_once(db, crash_at=step)
    assert crashed.returncode == -9, crashed.stderr
    wait_until_due(db)
    recovered = run_once(db)
    assert recovered.returncode == 0, recovered.stderr

    assert versions_of(db) == 2
    keys = [headers["Idempotency-Key"] for path, headers, _ in web.posts if path == "/hook"]
    assert len(set(keys)) == 1  # the receiver sees one alert (a redelivery carries the same key)
    assert len(keys) == (2 if step == "after_notify" else 1)
    status = json.loads(termlens(db, "watch", "status", "--format", "json").stdout)
    assert status["alerts"] == {"delivered": 1, "pending": 0, "errors": []}


@pytest.mark.slow
def test_two_schedulers_on_one_database_fetch_each_due_document_once(db_url: str, web: LocalWeb, ota_dir: Path) -> None:
    text = ota_versions(ota_dir, "Zoom", "Terms of Service")[-1].read_text(encoding="utf-8")
    body = terms_html(text[:20000])
    db = db_url
    store = WatchStore(open_repository(db))
    for i in range(12):
        web.add(f"/doc{i}", Reply(body=[body[:1000], body[1000:]], delay=0.05))
        store.add_watch("Example", f"Document {i}", web.url(f"/doc{i}"), schedule="1h")
    results: list[subprocess.CompletedProcess[str]] = []
    threads = [threading.Thread(target=lambda: results.append(run_once(db))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert sorted(web.hits(f"/doc{i}") for i in range(12)) == [1] * 12
    checked = [int(r.stdout.split("checked ")[1].split()[0]) for r in results]
    assert sum(checked) == 12
    assert versions_of(db) == 12
