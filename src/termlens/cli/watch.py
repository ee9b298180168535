"""Live fetching and watching: `termlens fetch URL` and `termlens watch add|list|status|run|notify`."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.table import Table

from termlens.adapters.http import FailureKind, FetchFailure
from termlens.adapters.notifiers import CHANNEL_KINDS
from termlens.adapters.urlguard import GuardError, check_url, loopback_allowed_by_env
from termlens.cli.app import FORMAT_OPTION, console, err_console, fail, fail_usage, main
from termlens.cli.common import print_json, repository
from termlens.pipeline.fetch import Fetcher
from termlens.pipeline.notify import Deliverer
from termlens.pipeline.schedule import BadSchedule, Politeness, parse_schedule
from termlens.pipeline.track import (
    CheckResult,
    Tracker,
    default_owner,
    owner_is_dead,
    run_due,
    sleep_until_due,
)
from termlens.storage.watches import WatchRow, WatchStore

SELECTOR_OPTION = click.option(
    "--selector",
    "selectors",
    multiple=True,
    metavar="CSS",
    help="CSS selector of the terms text (repeatable). Default: main text detection.",
)
REMOVE_OPTION = click.option(
    "--remove",
    "removals",
    multiple=True,
    metavar="CSS",
    help="CSS selector of parts to drop (repeatable), e.g. a cookie banner.",
)
BROWSER_OPTION = click.option(
    "--no-browser",
    is_flag=True,
    help="Never fall back to headless chromium for blocked or script-only pages.",
)


def _guard_or_exit(url: str) -> None:
    try:
        check_url(url, allow_loopback=loopback_allowed_by_env())
    except GuardError as error:
        fail_usage(error.reason)


@main.command("fetch")
@click.argument("url")
@SELECTOR_OPTION
@REMOVE_OPTION
@BROWSER_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="markdown: the extracted text; json: text plus URL, final URL, status, fetcher, sha256.",
)
def fetch_command(url: str, selectors: tuple[str, ...], removals: tuple[str, ...], no_browser: bool, fmt: str) -> None:
    """Fetch one terms page and print its text.

    Every request passes the URL guard (no private, loopback or metadata addresses; exit 2 with
    the reason) and robots.txt is respected. Blocked or challenge pages are retried in headless
    chromium. Exit 1 when the page cannot be fetched or has no text.
    """
    _guard_or_exit(url)
    with Fetcher(allow_loopback=loopback_allowed_by_env(), use_browser=not no_browser) as fetcher:
        try:
            fetched = fetcher.fetch(url, selectors, removals)
        except FetchFailure as failure:
            if failure.kind is FailureKind.GUARDED:
                fail_usage(failure.message)
            fail(f"{failure.kind.value}: {failure.message}")
    if fmt == "json":
        print_json(fetched.as_json())
    else:
        sys.stdout.write(fetched.text)


@main.group("watch")
def watch_group() -> None:
    """Monitor documents on a schedule and alert when something that matters changes.

    \b
      termlens watch add https://example.com/terms --service Example --document "Terms of Service"
      termlens watch notify add webhook https://hooks.example.com/termlens
      termlens watch run            # the scheduler (Ctrl-C to stop); --once for cron jobs
      termlens watch status
    """


def _store(ctx: click.Context) -> WatchStore:
    return WatchStore(repository(ctx))


@watch_group.command("add")
@click.argument("url")
@click.option("--service", required=True, help="The service, e.g. Zoom.")
@click.option("--document", "document_type", required=True, help='The document type, e.g. "Terms of Service".')
@SELECTOR_OPTION
@REMOVE_OPTION
@click.option(
    "--every",
    "schedule",
    default="12h",
    show_default=True,
    metavar="INTERVAL|CRON",
    help="How often to check: 30m, 12h, 1d … or a cron expression such as '0 6 * * *'.",
)
@click.pass_context
def watch_add(
    ctx: click.Context,
    url: str,
    service: str,
    document_type: str,
    selectors: tuple[str, ...],
    removals: tuple[str, ...],
    schedule: str,
) -> None:
    """Watch the document at URL (adding it again updates its URL, selectors and schedule)."""
    try:
        parsed = parse_schedule(schedule)
    except BadSchedule as error:
        fail_usage(str(error))
    _guard_or_exit(url)
    watch = _store(ctx).add_watch(
        service, document_type, url, selectors=selectors, removals=removals, schedule=parsed.text
    )
    console.print(
        f"watching [bold]{watch.service} / {watch.document_type}[/] at {watch.url} "
        f"every {watch.schedule}; first check due {watch.next_due_at}",
        highlight=False,
    )


@watch_group.command("remove")
@click.option("--service", required=True, help="The service, e.g. Zoom.")
@click.option("--document", "document_type", required=True, help='The document type, e.g. "Terms of Service".')
@click.pass_context
def watch_remove(ctx: click.Context, service: str, document_type: str) -> None:
    """Stop watching a document. Its stored versions, history and alerts are kept."""
    removed = _store(ctx).remove_watch(service, document_type)
    if removed is None:
        fail_usage(f"not watched: {service} / {document_type} (see `termlens watch list`)")
    console.print(f"stopped watching [bold]{removed.service} / {removed.document_type}[/] ({removed.url}); "
                  "its stored versions and history are kept", highlight=False)


@watch_group.command("list")
@FORMAT_OPTION
@click.pass_context
def watch_list(ctx: click.Context, fmt: str) -> None:
    """The watched documents, their URLs, selectors and schedules."""
    watches = _store(ctx).list_watches()
    if fmt == "json":
        print_json([w.to_json() for w in watches])
        return
    if not watches:
        console.print("no watches yet: termlens watch add URL --service S --document T")
        return
    table = Table("id", "service", "document", "url", "every", "selectors", "next due")
    for w in watches:
        table.add_row(
            str(w.id),
            w.service,
            w.document_type,
            w.url,
            w.schedule,
            ", ".join(w.selectors) or "-",
            w.next_due_at,
        )
    console.print(table)


@watch_group.command("status")
@FORMAT_OPTION
@click.pass_context
def watch_status(ctx: click.Context, fmt: str) -> None:
    """Last check, last change and last failure (with its type) of every watch, and pending alerts."""
    store = _store(ctx)
    watches = store.list_watches()
    outbox = store.list_outbox()
    pending = [row for row in outbox if row.delivered_at is None]
    if fmt == "json":
        print_json(
            {
                "watches": [w.to_json() for w in watches],
                "alerts": {
                    "delivered": len(outbox) - len(pending),
                    "pending": len(pending),
                    "errors": [r.last_error for r in pending if r.last_error],
                },
            }
        )
        return
    # One short block per watch: readable in a narrow terminal and in a log file alike.
    for w in watches:
        console.print(
            f"[bold]{w.service} / {w.document_type}[/]  every {w.schedule}  {w.url}", highlight=False, soft_wrap=True
        )
        outcome = (w.last_outcome or "").replace("_", " ")
        checked = f"{w.last_checked_at} ({outcome})" if w.last_checked_at else "never"
        console.print(
            f"  last check {checked}; last change {w.last_change_at or '-'}; next due {w.next_due_at}",
            highlight=False,
            soft_wrap=True,
        )
        if w.last_failure_type:
            console.print(
                f"  [red]last failure {w.last_failure_type}[/] at {w.last_failure_at}: {w.last_failure_detail}",
                highlight=False,
                soft_wrap=True,
            )
    if not watches:
        console.print("no watches yet: termlens watch add URL --service S --document T")
    console.print(f"alerts: {len(outbox) - len(pending)} delivered, {len(pending)} pending")


def _describe(result: CheckResult, watch: WatchRow | None) -> str:
    name = f"{watch.service} / {watch.document_type}" if watch else f"watch {result.watch_id}"
    if result.outcome == "failed":
        return f"[red]failed[/] {name}: {result.failure_type}: {result.detail}"
    extra = f", {len(result.alerts)} alert(s) queued" if result.alerts else ""
    return f"{result.outcome.replace('_', ' ')} {name} (version {result.version_id}{extra})"


@contextmanager
def _tracker(ctx: click.Context, no_browser: bool) -> Iterator[tuple[Tracker, Deliverer]]:
    repo = repository(ctx)
    store = WatchStore(repo)
    allow = loopback_allowed_by_env()
    with Fetcher(allow_loopback=allow, use_browser=not no_browser) as fetcher:
        yield Tracker(repo, store, fetcher), Deliverer(store, fetcher.http, allow_loopback=allow)


def _stop_on_signal(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@watch_group.command("run")
@click.option("--once", is_flag=True, help="Check what is due now, deliver alerts, and exit (for cron).")
@click.option(
    "--gap",
    default=5.0,
    show_default=True,
    metavar="SECONDS",
    help="Least time between two requests to the same host (robots.txt crawl-delay can raise it).",
)
@click.option(
    "--lease",
    default=600.0,
    show_default=True,
    metavar="SECONDS",
    help="How long a claimed check is reserved for this process before others may take it.",
)
@BROWSER_OPTION
@click.pass_context
def watch_run(ctx: click.Context, once: bool, gap: float, lease: float, no_browser: bool) -> None:
    """Run the scheduler: check due watches (hosts interleaved, jittered schedules), deliver alerts.

    Several `watch run` processes may share one database: each due check is claimed by one.
    """
    owner = default_owner()
    # A service manager stops the scheduler with SIGTERM: unwind like Ctrl-C so chromium is closed too.
    signal.signal(signal.SIGTERM, _stop_on_signal)
    with _tracker(ctx, no_browser) as (tracker, deliverer):
        tracker.store.release_dead_leases(owner_is_dead)
        politeness = Politeness(min_gap=gap)
        by_id = {w.id: w for w in tracker.store.list_watches()}

        def report(result: CheckResult) -> None:
            watch = by_id.get(result.watch_id) or tracker.store.get_watch(result.watch_id)
            err_console.print(_describe(result, watch), highlight=False, soft_wrap=True)

        try:
            while True:
                summary = run_due(tracker, owner=owner, politeness=politeness, lease_seconds=lease, on_result=report)
                delivery = deliverer.deliver_pending()
                for error in delivery.errors:
                    err_console.print(
                        f"[yellow]alert delivery failed (will retry):[/] {error}",
                        highlight=False,
                        soft_wrap=True,
                    )
                if once:
                    failed = sum(1 for r in summary.checked if r.outcome == "failed")
                    console.print(
                        f"checked {len(summary.checked)} ({failed} failed), "
                        f"alerts delivered {delivery.delivered}, failed {delivery.failed}"
                    )
                    return
                sleep_until_due(tracker.store, cap=30.0)
        except KeyboardInterrupt:
            err_console.print("stopped")


@watch_group.group("notify")
def notify_group() -> None:
    """Where alerts go: webhook URLs, SMTP email, Apprise URLs, an Atom feed file."""


@notify_group.command("add")
@click.argument("kind", type=click.Choice(CHANNEL_KINDS))
@click.argument("target")
def notify_add(kind: str, target: str) -> None:
    """Add a channel. TARGET: webhook URL; smtp://host:port?to=you@example.org&from=…; an Apprise
    URL (json://, ntfy://, mailto://, slack:// …); or the path of an Atom feed file."""
    ctx = click.get_current_context()
    if kind == "webhook":
        _guard_or_exit(target)
    channel = _store(ctx).add_channel(kind, target)
    console.print(f"alerts will also go to {channel.kind} {channel.target}", highlight=False)


@notify_group.command("list")
@FORMAT_OPTION
@click.pass_context
def notify_list(ctx: click.Context, fmt: str) -> None:
    """The configured channels."""
    channels = _store(ctx).list_channels()
    if fmt == "json":
        print_json([{"id": c.id, "kind": c.kind, "target": c.target} for c in channels])
        return
    for channel in channels:
        console.print(f"{channel.id}  {channel.kind:8} {channel.target}", highlight=False)
    if not channels:
        console.print("no channels: termlens watch notify add webhook URL")
