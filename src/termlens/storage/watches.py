"""Watches, notification channels and the alert outbox (tables created by migration 0002_watches).

Concurrency rests on conditional updates that every database runs atomically: a watch or an
outbox row is *claimed* by setting a lease only where no live lease exists, so two schedulers
on one database never check the same watch, or deliver the same alert, at the same time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine

from termlens.storage import schema as t
from termlens.storage.outbox import AlertOutbox, iso_in, outbox
from termlens.storage.records import utc_now
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
        return {key: (list(value) if isinstance(value, tuple) else value) for key, value in self.__dict__.items()}


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


class WatchStore(AlertOutbox):
    """Reads and writes watches (and, through `AlertOutbox`, channels and alerts) beside the `Repository`."""

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

    def remove_watch(self, service: str, document_type: str) -> WatchRow | None:
        """Stop watching a document; returns the watch removed (None if it was not watched). Only the schedule goes:
        the document, its versions, observations and alerts stay, since history is append-only."""
        found = self.find_watch(service, document_type)
        if found is not None:
            with self.engine.begin() as conn:
                conn.execute(delete(watches).where(watches.c.id == found.id))
        return found

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
            values.update(last_failure_at=checked_at, last_failure_type=failure_type, last_failure_detail=detail)
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
        """Free watch and outbox leases whose owner process is gone (killed mid-check); returns how many."""
        freed = 0
        for table in (watches, outbox):
            with self.engine.connect() as conn:
                held = conn.execute(
                    select(table.c.id, table.c.lease_owner).where(table.c.lease_owner.is_not(None))
                ).all()
            for row_id, owner in held:
                if is_dead(str(owner)):
                    with self.engine.begin() as conn:
                        freed += conn.execute(
                            update(table)
                            .where(table.c.id == row_id, table.c.lease_owner == owner)
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
