"""Watches, notification channels and the alert outbox (tables created by migration 0002_watches).

Concurrency rests on conditional updates that every database runs atomically: a watch or an
outbox row is *claimed* by setting a lease only where no live lease exists, so two schedulers
on one database never check the same watch, or deliver the same alert, at the same time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    and_,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine

from termlens.storage import schema as t
from termlens.storage.records import to_iso, utc_now
from termlens.storage.repository import Repository

watches = Table(
    "watches",
    t.metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("selectors", Text, nullable=False),
    Column("removals", Text, nullable=False),
    Column("schedule", String(100), nullable=False),
    Column("next_due_at", String(32), nullable=False),
    Column("lease_owner", String(100)),
    Column("lease_until", String(32)),
    Column("last_checked_at", String(32)),
    Column("last_outcome", String(20)),
    Column("last_change_at", String(32)),
    Column("last_failure_at", String(32)),
    Column("last_failure_type", String(40)),
    Column("last_failure_detail", Text),
    Column("created_at", String(32), nullable=False),
)

channels = Table(
    "channels",
    t.metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("target", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

outbox = Table(
    "outbox",
    t.metadata,
    Column("id", Integer, primary_key=True),
    Column("idempotency_key", String(64), nullable=False, unique=True),
    Column("channel_id", Integer, ForeignKey("channels.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", String(32), nullable=False),
    Column("lease_until", String(32)),
    Column("delivered_at", String(32)),
    Column("last_error", Text),
)


@dataclass(frozen=True)
class WatchRow:
    """One watched document and the state of its checks."""

    id: int
    document_id: int
    service: str
    document_type: str
    url: str
    selectors: tuple[str, ...]
    removals: tuple[str, ...]
    schedule: str
    next_due_at: str
    last_checked_at: str | None
    last_outcome: str | None
    last_change_at: str | None
    last_failure_at: str | None
    last_failure_type: str | None
    last_failure_detail: str | None

    def to_json(self) -> dict[str, object]:
        """JSON shape used by `watch list/status --format json`."""
        return {
            key: (list(value) if isinstance(value, tuple) else value) for key, value in self.__dict__.items()
        }


@dataclass(frozen=True)
class ChannelRow:
    """A configured notification channel: webhook, smtp, apprise or atom, and its target."""

    id: int
    kind: str
    target: str


@dataclass(frozen=True)
class OutboxRow:
    """One alert waiting for (or done with) delivery to one channel."""

    id: int
    idempotency_key: str
    channel: ChannelRow
    version_id: int
    payload: dict[str, object]
    attempts: int
    delivered_at: str | None
    last_error: str | None


def iso_in(seconds: float, now: datetime | None = None) -> str:
    """ISO UTC time `seconds` from now."""
    return to_iso((now or datetime.now(UTC)) + timedelta(seconds=seconds))


def alert_key(version_id: int, channel_id: int) -> str:
    """Idempotency key of the alert for one version on one channel (stable across retries and restarts)."""
    return hashlib.sha256(f"termlens-alert:{version_id}:{channel_id}".encode()).hexdigest()


_WATCH_COLUMNS = (
    watches.c.id,
    watches.c.document_id,
    t.services.c.name,
    t.documents.c.type,
    watches.c.url,
    watches.c.selectors,
    watches.c.removals,
    watches.c.schedule,
    watches.c.next_due_at,
    watches.c.last_checked_at,
    watches.c.last_outcome,
    watches.c.last_change_at,
    watches.c.last_failure_at,
    watches.c.last_failure_type,
    watches.c.last_failure_detail,
)


def _watch(row: Sequence[object]) -> WatchRow:
    values = list(row)
    values[5] = tuple(json.loads(str(values[5])))
    values[6] = tuple(json.loads(str(values[6])))
    return WatchRow(*values)  # type: ignore[arg-type]


class WatchStore:
    """Reads and writes watches, channels and the outbox, next to the history `Repository`."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.engine: Engine = repository.engine

    # -- watches ---------------------------------------------------------------------------------
    def add_watch(
        self,
        service: str,
        document_type: str,
        url: str,
        *,
        selectors: Sequence[str] = (),
        removals: Sequence[str] = (),
        schedule: str = "12h",
        first_due: str | None = None,
    ) -> WatchRow:
        """Watch a document (creating it on first sight); adding it again updates URL, selectors, schedule."""
        values = {
            "url": url,
            "selectors": json.dumps(list(selectors)),
            "removals": json.dumps(list(removals)),
            "schedule": schedule,
        }
        with self.engine.begin() as conn:
            doc_id = self.repository.ensure_document(conn, service, document_type, url)
            existing = conn.execute(select(watches.c.id).where(watches.c.document_id == doc_id)).scalar()
            if existing is None:
                conn.execute(
                    watches.insert().values(
                        document_id=doc_id, next_due_at=first_due or utc_now(), created_at=utc_now(), **values
                    )
                )
            else:
                conn.execute(update(watches).where(watches.c.id == existing).values(**values))
            conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(url=url))
        found = self.find_watch(service, document_type)
        assert found is not None
        return found

    def _query(self) -> object:
        return select(*_WATCH_COLUMNS).select_from(watches.join(t.documents).join(t.services))

    def list_watches(self) -> list[WatchRow]:
        """Every watch, by service and document."""
        query = self._query().order_by(t.services.c.name, t.documents.c.type)  # type: ignore[attr-defined]
        with self.engine.connect() as conn:
            return [_watch(row) for row in conn.execute(query)]

    def get_watch(self, watch_id: int) -> WatchRow | None:
        """One watch by id."""
        with self.engine.connect() as conn:
            row = conn.execute(self._query().where(watches.c.id == watch_id)).first()  # type: ignore[attr-defined]
        return _watch(row) if row is not None else None

    def find_watch(self, service: str, document_type: str) -> WatchRow | None:
        """The watch of one document (names matched case-insensitively)."""
        query = self._query().where(  # type: ignore[attr-defined]
            func.lower(t.services.c.name) == service.lower(),
            func.lower(t.documents.c.type) == document_type.lower(),
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _watch(row) if row is not None else None

    def due_ids(self, now: str, limit: int = 1000) -> list[int]:
        """Ids of watches due at `now` and not leased, earliest first."""
        query = (
            select(watches.c.id)
            .where(
                watches.c.next_due_at <= now,
                or_(watches.c.lease_until.is_(None), watches.c.lease_until < now),
            )
            .order_by(watches.c.next_due_at, watches.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [int(row[0]) for row in conn.execute(query)]

    def claim(self, watch_id: int, owner: str, now: str, lease_seconds: float) -> bool:
        """Take the lease on a due watch; False when another process holds it or it is no longer due."""
        statement = (
            update(watches)
            .where(
                watches.c.id == watch_id,
                watches.c.next_due_at <= now,
                or_(watches.c.lease_until.is_(None), watches.c.lease_until < now),
            )
            .values(lease_owner=owner, lease_until=iso_in(lease_seconds))
        )
        with self.engine.begin() as conn:
            return conn.execute(statement).rowcount == 1

    def finish(
        self,
        conn: Connection,
        watch_id: int,
        *,
        outcome: str,
        next_due_at: str,
        checked_at: str,
        failure_type: str | None = None,
        detail: str | None = None,
    ) -> None:
        """Record a check's result on the watch and release its lease (inside the check's transaction)."""
        values: dict[str, object] = {
            "next_due_at": next_due_at,
            "last_checked_at": checked_at,
            "last_outcome": outcome,
            "lease_owner": None,
            "lease_until": None,
        }
        if outcome == "new_version":
            values["last_change_at"] = checked_at
        if outcome == "failed":
            values.update(
                last_failure_at=checked_at, last_failure_type=failure_type, last_failure_detail=detail
            )
        conn.execute(update(watches).where(watches.c.id == watch_id).values(**values))

    def release(self, watch_id: int, owner: str) -> None:
        """Give a lease back without recording a check (the run was interrupted politely)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(watches)
                .where(watches.c.id == watch_id, watches.c.lease_owner == owner)
                .values(lease_owner=None, lease_until=None)
            )

    def release_dead_leases(self, is_dead: Callable[[str], bool]) -> int:
        """Free leases whose owner process is known to be gone (killed mid-check); returns how many."""
        with self.engine.connect() as conn:
            held = conn.execute(
                select(watches.c.id, watches.c.lease_owner).where(watches.c.lease_owner.is_not(None))
            ).all()
        freed = 0
        for watch_id, owner in held:
            if is_dead(str(owner)):
                with self.engine.begin() as conn:
                    freed += conn.execute(
                        update(watches)
                        .where(watches.c.id == watch_id, watches.c.lease_owner == owner)
                        .values(lease_owner=None, lease_until=None)
                    ).rowcount
        return freed

    def record_snapshot(
        self,
        document_id: int,
        *,
        content: bytes,
        url: str,
        final_url: str,
        status: int,
        headers: dict[str, str],
        content_type: str,
        fetched_at: str,
    ) -> int:
        """Store fetched bytes (once, by SHA-256) and a snapshot row, committed before extraction."""
        with self.engine.begin() as conn:
            digest = self.repository.put_blob(conn, content)
            inserted = conn.execute(
                t.snapshots.insert().values(
                    document_id=document_id,
                    blob_sha256=digest,
                    url=url,
                    final_url=final_url,
                    status=status,
                    headers=json.dumps(headers, sort_keys=True),
                    content_type=content_type,
                    fetched_at=fetched_at,
                )
            ).inserted_primary_key
            assert inserted is not None
            return int(inserted[0])

    # -- channels --------------------------------------------------------------------------------
    def add_channel(self, kind: str, target: str) -> ChannelRow:
        """Configure a notification channel (adding the same one twice is a no-op)."""
        with self.engine.begin() as conn:
            found = conn.execute(
                select(channels.c.id).where(and_(channels.c.kind == kind, channels.c.target == target))
            ).scalar()
            if found is None:
                found = conn.execute(
                    channels.insert().values(kind=kind, target=target, created_at=utc_now())
                ).inserted_primary_key[0]  # type: ignore[index]
        return ChannelRow(int(found), kind, target)

    def list_channels(self, conn: Connection | None = None) -> list[ChannelRow]:
        """Every configured channel."""
        query = select(channels.c.id, channels.c.kind, channels.c.target).order_by(channels.c.id)
        if conn is not None:
            return [ChannelRow(*row) for row in conn.execute(query)]
        with self.engine.connect() as own:
            return [ChannelRow(*row) for row in own.execute(query)]

    # -- outbox ----------------------------------------------------------------------------------
    def enqueue_alert(self, conn: Connection, version_id: int, payload: dict[str, object]) -> list[str]:
        """Queue one alert per channel inside the version's transaction; returns the idempotency keys."""
        keys: list[str] = []
        for channel in self.list_channels(conn):
            key = alert_key(version_id, channel.id)
            exists = conn.execute(select(outbox.c.id).where(outbox.c.idempotency_key == key)).first()
            if exists is None:
                body = dict(payload, idempotency_key=key)
                conn.execute(
                    outbox.insert().values(
                        idempotency_key=key,
                        channel_id=channel.id,
                        version_id=version_id,
                        payload=json.dumps(body, sort_keys=True),
                        created_at=utc_now(),
                        attempts=0,
                        next_attempt_at=utc_now(),
                    )
                )
            keys.append(key)
        return keys

    def claim_pending(self, lease_seconds: float = 120.0, limit: int = 100) -> list[OutboxRow]:
        """Take leases on alerts due for (re)delivery; each is handed to one deliverer at a time."""
        now = utc_now()
        query = (
            select(outbox.c.id)
            .where(
                outbox.c.delivered_at.is_(None),
                outbox.c.next_attempt_at <= now,
                or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
            )
            .order_by(outbox.c.id)
            .limit(limit)
        )
        claimed: list[int] = []
        with self.engine.connect() as conn:
            candidates = [int(row[0]) for row in conn.execute(query)]
        for outbox_id in candidates:
            with self.engine.begin() as conn:
                taken = conn.execute(
                    update(outbox)
                    .where(
                        outbox.c.id == outbox_id,
                        outbox.c.delivered_at.is_(None),
                        or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
                    )
                    .values(lease_until=iso_in(lease_seconds))
                ).rowcount
            if taken == 1:
                claimed.append(outbox_id)
        return [row for row in self.list_outbox() if row.id in set(claimed)]

    def mark_delivered(self, outbox_id: int) -> None:
        """The channel accepted the alert."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(
                    delivered_at=utc_now(), lease_until=None, attempts=outbox.c.attempts + 1, last_error=None
                )
            )

    def mark_failed(self, outbox_id: int, error: str, retry_in: float) -> None:
        """The channel failed; try again after `retry_in` seconds."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(
                    lease_until=None,
                    attempts=outbox.c.attempts + 1,
                    last_error=error[:500],
                    next_attempt_at=iso_in(retry_in),
                )
            )

    def list_outbox(self, channel_id: int | None = None) -> list[OutboxRow]:
        """Every alert in the outbox (optionally of one channel), oldest first."""
        query = (
            select(
                outbox.c.id,
                outbox.c.idempotency_key,
                channels.c.id,
                channels.c.kind,
                channels.c.target,
                outbox.c.version_id,
                outbox.c.payload,
                outbox.c.attempts,
                outbox.c.delivered_at,
                outbox.c.last_error,
            )
            .select_from(outbox.join(channels))
            .order_by(outbox.c.id)
        )
        if channel_id is not None:
            query = query.where(outbox.c.channel_id == channel_id)
        with self.engine.connect() as conn:
            return [
                OutboxRow(
                    row[0],
                    row[1],
                    ChannelRow(row[2], row[3], row[4]),
                    row[5],
                    json.loads(row[6]),
                    row[7],
                    row[8],
                    row[9],
                )
                for row in conn.execute(query)
            ]
