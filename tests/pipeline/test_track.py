"""The check unit against a real server and a real SQLite database: versions, observations, alerts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from localweb import LocalWeb, Reply, challenge_html, gzip_bomb, ota_versions, terms_html
from termlens.adapters.http import FetchLimits
from termlens.pipeline.fetch import Fetcher
from termlens.pipeline.notify import Deliverer
from termlens.pipeline.schedule import Politeness
from termlens.pipeline.track import Tracker, run_due
from termlens.storage import open_repository
from termlens.storage import schema as t
from termlens.storage.outbox import outbox
from termlens.storage.watches import WatchRow, WatchStore

BEFORE, AFTER = "2023-02-01T12-45-56Z.md", "2023-04-01T06-45-10Z.md"  # Zoom's March 2023 AI clause


@dataclass
class World:
    web: LocalWeb
    store: WatchStore
    tracker: Tracker
    deliverer: Deliverer
    texts: dict[str, str]

    def watch(self, path: str, **kwargs: object) -> WatchRow:
        return self.store.add_watch("Zoom", f"Doc {path}", self.web.url(path), **kwargs)  # type: ignore[arg-type]

    def count(self, table: object) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)  # type: ignore[arg-type]


@pytest.fixture
def world(db_url: str, ota_dir: Path) -> Iterator[World]:
    """A real server, a real database (SQLite, and PostgreSQL when a test server runs) and a tracker."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in ota_versions(ota_dir, "Zoom", "Terms of Service")}
    repo = open_repository(db_url)
    store = WatchStore(repo)
    limits = FetchLimits(read_timeout=0.5, total_timeout=3, max_decompressed_bytes=4 * 1024 * 1024)
    with LocalWeb() as web, Fetcher(allow_loopback=True, limits=limits, use_browser=False) as fetcher:
        deliverer = Deliverer(store, fetcher.http, allow_loopback=True, backoff_base=0)
        yield World(web, store, Tracker(repo, store, fetcher), deliverer, texts)
    repo.engine.dispose()


def serve_sequence(world: World, path: str, bodies: list[bytes]) -> None:
    """A page that changes between requests: each request gets the next body (the last repeats)."""
    served = {"n": 0}

    def page(_handler: object) -> Reply:
        body = bodies[min(served["n"], len(bodies) - 1)]
        served["n"] += 1
        return Reply(body=body)

    world.web.add(path, page)


def test_first_check_records_a_version_and_an_unchanged_page_only_an_observation(world: World) -> None:
    world.web.add("/tos", Reply(body=terms_html(world.texts[BEFORE])))
    watch = world.watch("/tos")
    first = world.tracker.check(watch)
    second = world.tracker.check(watch)
    assert first.outcome == "new_version" and first.alerts == ()
    assert second.outcome == "unchanged" and second.version_id == first.version_id
    assert world.count(t.versions) == 1 and world.count(t.observations) == 2
    assert world.count(t.snapshots) == 2 and world.count(t.blobs) == 1  # same bytes stored once


def test_material_change_makes_one_version_and_one_alert_per_channel(world: World, tmp_path: Path) -> None:
    serve_sequence(world, "/tos", [terms_html(world.texts[BEFORE]), terms_html(world.texts[AFTER])])
    world.store.add_channel("webhook", world.web.url("/hook"))
    feed = tmp_path / "alerts.atom"
    world.store.add_channel("atom", str(feed))
    watch = world.watch("/tos")
    world.tracker.check(watch)
    changed = world.tracker.check(watch)
    assert changed.outcome == "new_version" and len(changed.alerts) == 2
    report = world.deliverer.deliver_pending()
    assert report.delivered == 2 and report.failed == 0
    ((_path, headers, body),) = world.web.posts
    alert = json.loads(body)
    assert headers["Idempotency-Key"] == alert["idempotency_key"]
    assert {"service", "document", "recorded", "summary", "topics", "answers_changed", "link"} <= alert.keys()
    assert "ai" in alert["topics"] and alert["answers_changed"]
    assert all("→" in answer["plain"] for answer in alert["answers_changed"])
    assert "Service Generated Data" in (alert["changed_clause"] or "")
    assert feed.read_text(encoding="utf-8").count("<entry>") == 1
    assert world.deliverer.deliver_pending().delivered == 0  # nothing left: delivered once


@pytest.mark.parametrize(
    ("setup", "failure_type"),
    [
        (lambda w: w.web.add("/p", Reply(403, challenge_html())), "blocked"),
        (lambda w: w.web.add("/p", Reply(503, challenge_html())), "challenge"),
        (lambda w: w.web.add("/p", Reply(body=b"<html><body><main> </main></body></html>")), "empty"),
        (lambda w: w.web.add("/p", Reply(500, b"oops", {"Content-Type": "text/plain"})), "http_error"),
        (lambda w: w.web.add("/p", Reply(body=[b"<p>", b"slow"], delay=1.0)), "timeout"),
        (
            lambda w: w.web.add(
                "/p", Reply(body=gzip_bomb(16), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
            ),
            "too_large",
        ),
        (
            lambda w: w.web.add(
                "/robots.txt",
                Reply(body=b"User-agent: termlens\nDisallow: /p\n", headers={"Content-Type": "text/plain"}),
            ),
            "robots_forbidden",
        ),
        (
            lambda w: (
                w.web.add("/a", Reply(302, headers={"Location": "/p"})),
                w.web.add("/p", Reply(302, headers={"Location": "/a"})),
            ),
            "http_error",
        ),
    ],
)
def test_failures_are_typed_observations_never_versions(world: World, setup: object, failure_type: str) -> None:
    setup(world)  # type: ignore[operator]
    world.web.add("/p", world.web.routes.get("/p") or Reply(body=terms_html(world.texts[BEFORE])))
    result = world.tracker.check(world.watch("/p"))
    assert (result.outcome, result.failure_type) == ("failed", failure_type)
    assert world.count(t.versions) == 0
    watch = world.store.find_watch("Zoom", "Doc /p")
    assert watch is not None and watch.last_failure_type == failure_type and watch.last_failure_detail


def test_selector_miss_keeps_the_raw_bytes_and_is_a_typed_failure(world: World) -> None:
    world.web.add("/tos", Reply(body=terms_html(world.texts[BEFORE])))
    result = world.tracker.check(world.watch("/tos", selectors=["#terms-v2"]))
    assert result.failure_type == "selector_empty" and result.snapshot_id is not None
    stored = world.tracker.repository.snapshot_bytes(result.snapshot_id)
    assert stored is not None and stored[0] == terms_html(world.texts[BEFORE])
    assert world.count(t.versions) == 0


def test_sudden_collapse_is_a_suspect_capture_not_a_version(world: World) -> None:
    short = (
        "<html><body><main><h1>Terms</h1><p>" + "Please sign in to read these terms. " * 5 + "</p></main></body></html>"
    )
    serve_sequence(world, "/tos", [terms_html(world.texts[BEFORE]), short.encode()])
    watch = world.watch("/tos")
    world.tracker.check(watch)
    collapsed = world.tracker.check(watch)
    assert collapsed.failure_type == "suspect_collapse" and collapsed.snapshot_id is not None
    assert world.count(t.versions) == 1


def test_link_only_change_of_the_real_document_raises_no_alert(world: World) -> None:
    # Zoom's terms of 2024-11-26 and 2024-12-30 differ only in link targets and formatting.
    before, after = world.texts["2024-11-26T06-17-40Z.md"], world.texts["2024-12-30T06-20-04Z.md"]
    assert before != after
    serve_sequence(world, "/tos", [terms_html(before), terms_html(after)])
    world.store.add_channel("webhook", world.web.url("/hook"))
    watch = world.watch("/tos")
    world.tracker.check(watch)
    second = world.tracker.check(watch)
    assert second.outcome in ("new_version", "unchanged") and second.alerts == ()
    assert world.count(outbox) == 0


def test_channel_down_is_retried_with_backoff_and_delivered_once(world: World) -> None:
    answers = iter([500, 500, 200])
    world.web.add("/hook", lambda _h: Reply(next(answers), b"", {}))
    world.store.add_channel("webhook", world.web.url("/hook"))
    serve_sequence(world, "/tos", [terms_html(world.texts[BEFORE]), terms_html(world.texts[AFTER])])
    watch = world.watch("/tos")
    world.tracker.check(watch)
    world.tracker.check(watch)
    assert world.deliverer.deliver_pending().failed == 1
    (row,) = world.store.list_outbox()
    assert row.attempts == 1 and row.delivered_at is None and "HTTP 500" in (row.last_error or "")
    world.deliverer.deliver_pending()
    assert world.deliverer.deliver_pending().delivered == 1
    (row,) = world.store.list_outbox()
    assert row.delivered_at is not None and row.attempts == 3
    keys = {headers["Idempotency-Key"] for _p, headers, _b in world.web.posts}
    assert len(world.web.posts) == 3 and keys == {row.idempotency_key}


def test_scheduler_checks_only_due_watches_and_spaces_requests_per_host(world: World) -> None:
    world.web.add("/a", Reply(body=terms_html(world.texts[BEFORE])))
    world.web.add("/b", Reply(body=terms_html(world.texts[AFTER])))
    world.watch("/a", schedule="1h")
    world.watch("/b", schedule="1h")
    world.store.add_watch("Zoom", "later", world.web.url("/a"), first_due="2999-01-01T00:00:00Z")
    waits: list[float] = []
    clock = iter(range(1000))
    politeness = Politeness(min_gap=5, clock=lambda: float(next(clock)), sleep=waits.append)
    summary = run_due(world.tracker, owner="test", politeness=politeness)
    assert len(summary.checked) == 2 and waits and all(w > 0 for w in waits)
    again = run_due(world.tracker, owner="test", politeness=Politeness(min_gap=0))
    assert again.checked == []  # next due in about an hour (plus jitter)
    for watch in world.store.list_watches():
        if watch.document_type != "later":
            assert watch.next_due_at > (watch.last_checked_at or "")


def test_a_long_retry_after_pushes_the_next_check_back(world: World) -> None:
    """429 with Retry-After beyond what one fetch may wait: a typed failure, and the schedule honours it."""
    from datetime import UTC, datetime

    world.web.add("/busy", Reply(429, b"slow down", {"Content-Type": "text/plain", "Retry-After": "86400"}))
    watch = world.watch("/busy", schedule="1h")
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    result = world.tracker.check(watch, now=now)
    assert result.outcome == "failed" and result.failure_type == "http_error"
    (row,) = [w for w in world.store.list_watches() if w.id == watch.id]
    assert row.next_due_at >= "2026-01-02T12:00:00Z"
    assert world.count(t.versions) == 0


def test_removing_a_watch_stops_its_checks_and_keeps_its_history(world: World) -> None:
    world.web.add("/tos", Reply(body=terms_html(world.texts[BEFORE])))
    watch = world.watch("/tos")
    assert world.tracker.check(watch).outcome == "new_version"
    removed = world.store.remove_watch("zoom", "doc /TOS")  # names match case-insensitively
    assert removed is not None and removed.id == watch.id
    assert world.store.list_watches() == [] and world.store.due_ids("9999-12-31T00:00:00Z") == []
    assert world.count(t.versions) == 1 and world.count(t.observations) == 1  # nothing recorded is lost
    assert world.store.remove_watch("Zoom", "Doc /tos") is None
