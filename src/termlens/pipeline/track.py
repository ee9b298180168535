"""The check of one watch, as an idempotent unit of work, and the scheduler that runs checks.

Durable order (DESIGN.md 6): the fetched bytes are committed as a snapshot first; then, in one
transaction, the version (unique on document, text hash and parent), its observation, the
alert outbox rows and the watch's next due time. A process killed at any point leaves either
nothing, a snapshot without a version (the next check redoes the work and finds the same text),
or a complete version whose alerts are still in the outbox (delivered by the next run).
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from termlens.adapters.http import FailureKind, FetchFailure, RawResponse
from termlens.domain.change import ChangeRecord
from termlens.domain.vocabulary import QUESTIONS_BY_ID
from termlens.pipeline.changes import DocumentHistory, VersionText
from termlens.pipeline.fetch import Fetcher, extract_terms
from termlens.pipeline.schedule import Politeness, next_due, parse_schedule, utc
from termlens.storage.records import NewVersion, to_iso
from termlens.storage.repository import Repository, sha256_text
from termlens.storage.watches import WatchRow, WatchStore

CRASH_ENV = "TERMLENS_TEST_CRASH_AT"  # fault injection for crash-safety tests: a step name below
COLLAPSE_RATIO = 0.15  # new text under 15 % of the previous words: a suspect capture, not new terms
COLLAPSE_MIN_WORDS = 200  # short documents may legitimately shrink a lot

ChangeJudge = Callable[[str | None, str], ChangeRecord]


def judge_change(previous: str | None, new: str) -> ChangeRecord:
    """The change record of `new` against `previous` (materiality, topics, answers that changed)."""
    from termlens.pipeline.timeline import analyzer_answers  # the analyzer is heavy: load on first change

    history = DocumentHistory(answer_source=analyzer_answers)
    if previous is not None:
        history.add(VersionText("previous", previous, ""))
    return history.add(VersionText("new", new, ""))


def crash_point(step: str) -> None:
    """Kill this process with SIGKILL at `step` when TERMLENS_TEST_CRASH_AT names it (tests only)."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class CheckResult:
    """What one check did: outcome new_version | unchanged | failed, and what it stored."""

    watch_id: int
    outcome: str
    failure_type: str | None = None
    detail: str | None = None
    snapshot_id: int | None = None
    version_id: int | None = None
    alerts: tuple[str, ...] = ()
    fetcher: str | None = None


def is_suspect_collapse(previous: str, new: str) -> bool:
    """Whether `new` is so much shorter than `previous` that it is more likely a broken capture."""
    old_words = len(previous.split())
    return old_words >= COLLAPSE_MIN_WORDS and len(new.split()) < COLLAPSE_RATIO * old_words


def _question_label(question_id: str) -> str:
    question = QUESTIONS_BY_ID.get(question_id)
    return question.short if question is not None else question_id


def alert_payload(
    watch: WatchRow, version_id: int, recorded: str, record: ChangeRecord, raw: RawResponse
) -> dict[str, object]:
    """The alert every channel receives (the webhook sends it as is)."""
    clause = next((e for e in record.evidence if e.after or e.before), None)
    return {
        "service": watch.service,
        "document": watch.document_type,
        "recorded": recorded,
        "summary": record.summary,
        "topics": [str(topic) for topic in record.topics],
        "answers_changed": [
            {
                **shift.to_json(),
                "plain": f"{_question_label(shift.question)}: "
                f"{shift.before.plain() if shift.before else 'not answered'} → {shift.after.plain()}",
            }
            for shift in record.answers_changed
        ],
        "changed_clause": (clause.after or clause.before) if clause else None,
        "changed_clause_before": clause.before if clause else None,
        "link": raw.final_url,
        "version_id": version_id,
    }


class Tracker:
    """Runs checks of watches against the repository."""

    def __init__(
        self, repository: Repository, store: WatchStore, fetcher: Fetcher, judge: ChangeJudge = judge_change
    ) -> None:
        self.repository = repository
        self.store = store
        self.fetcher = fetcher
        self.judge = judge

    def check(self, watch: WatchRow, now: datetime | None = None) -> CheckResult:
        """Fetch, snapshot, extract and record one watch; never raises for a page's failure."""
        moment = utc(now)
        checked_at = to_iso(moment)
        due = to_iso(next_due(parse_schedule(watch.schedule), moment))
        try:
            raw, used = self.fetcher.fetch_raw(watch.url)
        except FetchFailure as failure:
            return self._failed(watch, checked_at, due, failure, None)
        snapshot_id = self.store.record_snapshot(
            watch.document_id,
            content=raw.content,
            url=raw.url,
            final_url=raw.final_url,
            status=raw.status,
            headers=raw.headers,
            content_type=raw.content_type,
            fetched_at=checked_at,
        )
        crash_point("after_snapshot")
        try:
            text, _kind = extract_terms(raw, watch.selectors, watch.removals)
        except FetchFailure as failure:
            return self._failed(watch, checked_at, due, failure, snapshot_id, used)
        previous = self.repository.version_at(watch.service, watch.document_type)
        if previous is not None and previous.text_sha256 == sha256_text(text):
            return self._unchanged(watch, checked_at, due, snapshot_id, previous.id, used)
        if previous is not None and is_suspect_collapse(previous.text, text):
            collapse = FetchFailure(
                FailureKind.SUSPECT_COLLAPSE,
                f"text shrank from {len(previous.text.split())} to {len(text.split())} words; "
                "kept as a snapshot, not as a version",
            )
            return self._failed(watch, checked_at, due, collapse, snapshot_id, used)
        record = self.judge(previous.text if previous is not None else None, text)
        new = NewVersion(
            service=watch.service,
            document_type=watch.document_type,
            text=text,
            recorded_at=checked_at,
            source="fetch",
            snapshot_id=snapshot_id,
            url=watch.url,
            final_url=raw.final_url,
            status=raw.status,
            content_type=raw.content_type,
            provenance={"fetcher": used, "url": watch.url, "final_url": raw.final_url},
        )
        with self.repository.engine.begin() as conn:
            version, created = self.repository.append_version(conn, new)
            alerts: list[str] = []
            if created and previous is not None and record.material:
                payload = alert_payload(watch, version.id, checked_at, record, raw)
                alerts = self.store.enqueue_alert(conn, version.id, payload)
            outcome = "new_version" if created else "unchanged"
            self.repository.record_observation(
                conn,
                watch.document_id,
                outcome,
                snapshot_id=snapshot_id,
                version_id=version.id,
                checked_at=checked_at,
            )
            self.store.finish(conn, watch.id, outcome=outcome, next_due_at=due, checked_at=checked_at)
        crash_point("after_version")
        return CheckResult(
            watch.id,
            outcome,
            snapshot_id=snapshot_id,
            version_id=version.id,
            alerts=tuple(alerts),
            fetcher=used,
        )

    def _unchanged(
        self, watch: WatchRow, checked_at: str, due: str, snapshot_id: int, version_id: int, used: str
    ) -> CheckResult:
        with self.repository.engine.begin() as conn:
            self.repository.record_observation(
                conn,
                watch.document_id,
                "unchanged",
                snapshot_id=snapshot_id,
                version_id=version_id,
                checked_at=checked_at,
            )
            self.store.finish(conn, watch.id, outcome="unchanged", next_due_at=due, checked_at=checked_at)
        return CheckResult(watch.id, "unchanged", snapshot_id=snapshot_id, version_id=version_id, fetcher=used)

    def _failed(
        self,
        watch: WatchRow,
        checked_at: str,
        due: str,
        failure: FetchFailure,
        snapshot_id: int | None,
        used: str | None = None,
    ) -> CheckResult:
        if failure.retry_after is not None:
            # The server asked for a pause longer than a fetch may wait: honour it in the schedule.
            asked = utc(datetime.fromisoformat(checked_at.replace("Z", "+00:00"))) + timedelta(
                seconds=failure.retry_after)
            due = max(due, to_iso(asked))
        with self.repository.engine.begin() as conn:
            self.repository.record_observation(
                conn,
                watch.document_id,
                "failed",
                failure_type=failure.kind.value,
                detail=failure.message,
                snapshot_id=snapshot_id,
                checked_at=checked_at,
            )
            self.store.finish(
                conn,
                watch.id,
                outcome="failed",
                next_due_at=due,
                checked_at=checked_at,
                failure_type=failure.kind.value,
                detail=failure.message,
            )
        return CheckResult(watch.id, "failed", failure.kind.value, failure.message, snapshot_id, fetcher=used)


def default_owner() -> str:
    """A lease owner name unique to this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_is_dead(owner: str) -> bool:
    """Whether a lease owner ("host:pid") is a process on this host that no longer exists."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's lease: only its expiry frees it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass
class RunSummary:
    """What one scheduler pass (or run) did."""

    checked: list[CheckResult] = field(default_factory=list)
    skipped_claimed: int = 0
    delivered: int = 0
    delivery_failures: int = 0


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host
    except httpx.InvalidURL:
        return url


def run_due(
    tracker: Tracker,
    *,
    owner: str,
    politeness: Politeness,
    lease_seconds: float = 600.0,
    on_result: Callable[[CheckResult], None] | None = None,
) -> RunSummary:
    """Check every watch due now, once, hosts interleaved so one site is not hit back to back."""
    summary = RunSummary()
    store = tracker.store
    now = to_iso(utc())
    due = [w for w in (store.get_watch(i) for i in store.due_ids(now)) if w is not None]
    rounds: dict[str, int] = {}
    ordered: list[tuple[int, WatchRow]] = []
    for watch in due:
        host = _host(watch.url)
        rounds[host] = rounds.get(host, 0) + 1
        ordered.append((rounds[host], watch))
    ordered.sort(key=lambda pair: pair[0])
    for _round, watch in ordered:
        if not store.claim(watch.id, owner, now, lease_seconds):
            summary.skipped_claimed += 1
            continue
        host = _host(watch.url)
        politeness.wait(host)
        result = tracker.check(watch)
        robots = tracker.fetcher.robots
        if robots is not None:
            politeness.crawl_delay(host, robots.known_crawl_delay(watch.url))
        summary.checked.append(result)
        if on_result is not None:
            on_result(result)
    return summary


def seconds_until_next_due(store: WatchStore, cap: float) -> float:
    """How long the scheduler may sleep before some watch is due (at most `cap`)."""
    upcoming = [w.next_due_at for w in store.list_watches()]
    if not upcoming:
        return cap
    earliest = datetime.fromisoformat(min(upcoming).replace("Z", "+00:00"))
    return max(0.5, min(cap, (earliest - utc()).total_seconds()))


def sleep_until_due(store: WatchStore, cap: float, sleep: Callable[[float], None] = time.sleep) -> None:
    """Sleep until the next watch is due or `cap` seconds pass."""
    sleep(seconds_until_next_due(store, cap))
