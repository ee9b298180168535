"""Notification channels and the alert outbox: at-least-once delivery with idempotency keys.

Alert rows are written in the same transaction as the version they announce, and handed to one
deliverer at a time through a lease (a conditional update), like watches are to schedulers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, Connection, ForeignKey, Integer, String, Table, Text, and_, or_, select, update
from sqlalchemy.engine import Engine

from termlens.storage import schema as t
from termlens.storage.records import to_iso, utc_now

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
    Column("lease_owner", String(100)),
    Column("lease_until", String(32)),
    Column("delivered_at", String(32)),
    Column("last_error", Text),
)


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


class AlertOutbox:
    """Channels and outbox rows on one database (mixed into `WatchStore`)."""

    engine: Engine

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

    def claim_pending(self, owner: str, lease_seconds: float = 120.0, limit: int = 100) -> list[OutboxRow]:
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
                    .values(lease_owner=owner, lease_until=iso_in(lease_seconds))
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
                    delivered_at=utc_now(),
                    lease_owner=None,
                    lease_until=None,
                    attempts=outbox.c.attempts + 1,
                    last_error=None,
                )
            )

    def mark_failed(self, outbox_id: int, error: str, retry_in: float) -> None:
        """The channel failed; try again after `retry_in` seconds."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(
                    lease_owner=None,
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
