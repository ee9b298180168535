"""Benchmark the watcher: scheduler overhead with 1,000 watches, and fetch → version → alert latency.

Everything runs locally: a threaded HTTP server on 127.0.0.1 serves the pages, SQLite in a
temporary directory stores them, and a webhook receiver on the same server takes the alert.

    .venv/bin/python bench/watch.py [--watches 1000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from localweb import LocalWeb, Reply, terms_html  # noqa: E402
from termlens.pipeline.fetch import Fetcher  # noqa: E402
from termlens.pipeline.notify import Deliverer  # noqa: E402
from termlens.pipeline.schedule import Politeness  # noqa: E402
from termlens.pipeline.track import Tracker, run_due  # noqa: E402
from termlens.storage import open_repository  # noqa: E402
from termlens.storage.records import utc_now  # noqa: E402
from termlens.storage.watches import WatchStore  # noqa: E402

BEFORE, AFTER = "2023-02-01T12-45-56Z.md", "2023-04-01T06-45-10Z.md"


def scheduler_overhead(count: int, workdir: Path) -> None:
    """Bookkeeping cost per watch (due query, claim, finish) and a full pass over `count` watches."""
    repo = open_repository(f"sqlite:///{workdir / 'sched.db'}")
    store = WatchStore(repo)
    page = b"<html><body><main><h1>Terms</h1>" + b"<p>These terms apply to your use of the service.</p>" * 40
    with LocalWeb() as web:
        for i in range(count):
            web.add(f"/t{i}", Reply(body=page))
        start = time.perf_counter()
        for i in range(count):
            store.add_watch(f"Service {i:04d}", "Terms of Service", web.url(f"/t{i}"), schedule="1h")
        added = time.perf_counter() - start
        start = time.perf_counter()
        due = store.due_ids(utc_now(), limit=count)
        due_query = time.perf_counter() - start
        print(
            f"watches: {count}; add: {added * 1000 / count:.2f} ms each; due query over {len(due)} due: "
            f"{due_query * 1000:.1f} ms"
        )

        start = time.perf_counter()
        now = utc_now()
        for watch_id in due:  # the scheduler's own bookkeeping, without fetching: claim, then finish
            assert store.claim(watch_id, "bench", now, 600)
            with repo.engine.begin() as conn:
                store.finish(conn, watch_id, outcome="unchanged", next_due_at=now, checked_at=now)
        bookkeeping = time.perf_counter() - start
        print(
            f"claim + finish per watch (no fetch): {bookkeeping * 1000 / max(1, len(due)):.2f} ms "
            f"({bookkeeping:.2f} s for {len(due)})"
        )
        with Fetcher(allow_loopback=True, use_browser=False, respect_robots=False) as fetcher:
            tracker = Tracker(repo, store, fetcher)
            start = time.perf_counter()
            first = run_due(tracker, owner="bench", politeness=Politeness(min_gap=0))
            first_pass = time.perf_counter() - start
            # Make everything due again: the second pass finds every page unchanged (the steady state).
            with repo.engine.begin() as conn:
                from termlens.storage.watches import watches

                conn.execute(watches.update().values(next_due_at="2000-01-01T00:00:00Z"))
            start = time.perf_counter()
            second = run_due(tracker, owner="bench", politeness=Politeness(min_gap=0))
            second_pass = time.perf_counter() - start
        start = time.perf_counter()
        idle = run_due(tracker, owner="bench", politeness=Politeness(min_gap=0))
        assert not idle.checked
        idle_pass = time.perf_counter() - start
    print(
        f"first pass (new versions): {len(first.checked)} checks in {first_pass:.1f} s "
        f"({first_pass * 1000 / max(1, len(first.checked)):.1f} ms per check, fetch included)"
    )
    print(
        f"steady pass (unchanged):   {len(second.checked)} checks in {second_pass:.1f} s "
        f"({second_pass * 1000 / max(1, len(second.checked)):.1f} ms per check, fetch included)"
    )
    print(f"idle pass (nothing due):   {idle_pass * 1000:.1f} ms for {count} watches")
    repo.engine.dispose()


def change_latency(data: Path, workdir: Path) -> None:
    """From the start of the check that sees Zoom's March 2023 change to the webhook receiving the alert."""
    folder = data / "ota" / "Zoom" / "Terms of Service"
    before, after = (folder / BEFORE).read_text(encoding="utf-8"), (folder / AFTER).read_text(encoding="utf-8")
    repo = open_repository(f"sqlite:///{workdir / 'latency.db'}")
    store = WatchStore(repo)
    body = {"page": terms_html(before)}
    received: list[float] = []
    with LocalWeb() as web, Fetcher(allow_loopback=True, use_browser=False) as fetcher:
        web.add("/tos", lambda _h: Reply(body=body["page"]))
        web.add("/hook", lambda _h: (received.append(time.perf_counter()), Reply(200, b"", {}))[1])
        store.add_channel("webhook", web.url("/hook"))
        watch = store.add_watch("Zoom", "Terms of Service", web.url("/tos"))
        tracker = Tracker(repo, store, fetcher)
        deliverer = Deliverer(store, fetcher.http, allow_loopback=True)
        tracker.check(watch)  # the baseline version (and a warm analyzer)
        body["page"] = terms_html(after)
        start = time.perf_counter()
        result = tracker.check(watch)
        checked = time.perf_counter()
        deliverer.deliver_pending()
    assert result.alerts and received, "the change should have produced an alert"
    print(
        f"change latency (Zoom ToS 2023-02-01 → 2023-04-01, {len(after.split())} words): "
        f"check {1000 * (checked - start):.0f} ms (fetch, snapshot, extract, judge with the analyzer, "
        f"commit), alert received {1000 * (received[0] - start):.0f} ms after the check began"
    )
    repo.engine.dispose()


def main() -> None:
    """Run both benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watches", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        change_latency(args.data, Path(tmp))
        scheduler_overhead(args.watches, Path(tmp))


if __name__ == "__main__":
    main()
