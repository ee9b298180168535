"""The repository: every read and write of termlens's history goes through here.

History is append-only (DESIGN.md section 6): versions, snapshots and observations are inserted,
never updated or deleted. Each append runs in one transaction, so a crash leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, and_, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from termlens.domain.model import Section
from termlens.storage import schema as t
from termlens.storage.engine import insert_if_absent, make_engine
from termlens.storage.migrate import upgrade
from termlens.storage.records import (
    DocumentRow,
    NewVersion,
    ObservationRow,
    SectionRow,
    ServiceSummary,
    VersionRow,
    utc_now,
)

_VERSION_COLUMNS = (
    t.versions.c.id, t.versions.c.document_id, t.services.c.name, t.documents.c.type,
    t.versions.c.parent_id, t.versions.c.snapshot_id, t.versions.c.text_sha256, t.versions.c.recorded_at,
    t.versions.c.effective_date, t.versions.c.source, t.versions.c.provenance, t.versions.c.technical,
)


def sha256_text(text: str) -> str:
    """SHA-256 of a version text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _version(row: Row[Any], with_text: bool = False) -> VersionRow:
    m = row._mapping
    text = m["text"] if with_text else ""
    return VersionRow(
        id=m["id"], document_id=m["document_id"], service=m["name"], document_type=m["type"],
        parent_id=m["parent_id"], snapshot_id=m["snapshot_id"], text_sha256=m["text_sha256"],
        recorded_at=m["recorded_at"], effective_date=m["effective_date"], source=m["source"],
        provenance=VersionRow.provenance_from(m["provenance"]), technical=bool(m["technical"]),
        text=text, words=len(text.split()) if with_text else 0,
    )


class Repository:
    """Reads and appends termlens history on one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- services and documents ------------------------------------------------------------------
    def ensure_document(self, conn: Connection, service: str, document_type: str, url: str | None = None) -> int:
        """The id of a document, creating the service and the document on first sight."""
        service_query = select(t.services.c.id).where(t.services.c.name == service)
        service_id = conn.execute(service_query).scalar()
        if service_id is None:
            # (another process may create it at the same moment: insert if absent, then read it back)
            insert_if_absent(conn, t.services, {"name": service, "created_at": utc_now()})
            service_id = conn.execute(service_query).scalar_one()
        document_query = select(t.documents.c.id).where(
            and_(t.documents.c.service_id == service_id, t.documents.c.type == document_type))
        doc_id = conn.execute(document_query).scalar()
        if doc_id is None:
            insert_if_absent(conn, t.documents, {"service_id": service_id, "type": document_type, "url": url,
                                                 "created_at": utc_now()})
            doc_id = conn.execute(document_query).scalar_one()
        return int(doc_id)

    def list_services(self) -> list[ServiceSummary]:
        """Every service with document and version counts."""
        query = (
            select(t.services.c.name, func.count(func.distinct(t.documents.c.id)), func.count(t.versions.c.id),
                   func.min(t.versions.c.recorded_at), func.max(t.versions.c.recorded_at))
            .select_from(t.services.outerjoin(t.documents).outerjoin(t.versions))
            .group_by(t.services.c.name).order_by(t.services.c.name)
        )
        with self.engine.connect() as conn:
            return [ServiceSummary(*row) for row in conn.execute(query)]

    def list_documents(self, service: str | None = None) -> list[DocumentRow]:
        """Documents (optionally of one service) with their version counts."""
        query = (
            select(t.documents.c.id, t.services.c.name, t.documents.c.type, t.documents.c.url,
                   func.count(t.versions.c.id), func.max(t.versions.c.recorded_at))
            .select_from(t.documents.join(t.services).outerjoin(t.versions))
            .group_by(t.documents.c.id, t.services.c.name, t.documents.c.type, t.documents.c.url)
            .order_by(t.services.c.name, t.documents.c.type)
        )
        if service is not None:
            query = query.where(func.lower(t.services.c.name) == service.lower())
        with self.engine.connect() as conn:
            return [DocumentRow(*row) for row in conn.execute(query)]

    def find_service(self, name: str) -> str | None:
        """The stored spelling of a service name, matched case-insensitively."""
        with self.engine.connect() as conn:
            query = select(t.services.c.name).where(func.lower(t.services.c.name) == name.lower())
            found = conn.execute(query).scalar()
        return str(found) if found is not None else None

    # -- versions --------------------------------------------------------------------------------
    def _versions_query(self, with_text: bool = False) -> Any:
        columns = (*_VERSION_COLUMNS, t.versions.c.text) if with_text else _VERSION_COLUMNS
        return select(*columns).select_from(t.versions.join(t.documents).join(t.services))

    def list_versions(self, service: str, document_type: str | None = None, with_text: bool = False,
                      since: str | None = None) -> list[VersionRow]:
        """A service's versions in recorded order (optionally one document, optionally with texts)."""
        query = self._versions_query(with_text).where(func.lower(t.services.c.name) == service.lower())
        if document_type is not None:
            query = query.where(func.lower(t.documents.c.type) == document_type.lower())
        if since is not None:
            query = query.where(t.versions.c.recorded_at >= since)
        query = query.order_by(t.documents.c.type, t.versions.c.recorded_at, t.versions.c.id)
        with self.engine.connect() as conn:
            return [_version(row, with_text) for row in conn.execute(query)]

    def iter_versions(self, with_text: bool = True) -> Iterator[VersionRow]:
        """Every stored version, document by document in recorded order."""
        query = self._versions_query(with_text).order_by(t.versions.c.document_id, t.versions.c.recorded_at,
                                                         t.versions.c.id)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _version(row, with_text)

    def get_version(self, version_id: int) -> VersionRow | None:
        """One version with its text, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(self._versions_query(True).where(t.versions.c.id == version_id)).first()
        return _version(row, True) if row is not None else None

    def version_at(self, service: str, document_type: str, at: str | None = None) -> VersionRow | None:
        """The version of a document in force at ``at`` (ISO UTC; None: the latest), with its text."""
        query = self._versions_query(True).where(
            func.lower(t.services.c.name) == service.lower(), func.lower(t.documents.c.type) == document_type.lower()
        )
        if at is not None:
            query = query.where(t.versions.c.recorded_at <= at)
        query = query.order_by(t.versions.c.recorded_at.desc(), t.versions.c.id.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _version(row, True) if row is not None else None

    def add_version(self, new: NewVersion, sections: Sequence[Section] = ()) -> tuple[VersionRow, bool]:
        """Append a version (raw bytes, snapshot, version row, sections) in one transaction.

        Returns (version, created). Appending the same document, time and text again returns the
        stored version with created=False, so imports are idempotent. A text equal to the version
        before it is not a new version either.
        """
        digest = sha256_text(new.text)
        try:
            with self.engine.begin() as conn:
                return self._append(conn, new, digest, sections)
        except IntegrityError:
            # Another writer appended the same version first; the unique index kept it to one.
            with self.engine.begin() as conn:
                return self._append(conn, new, digest, sections)

    def append_version(self, conn: Connection, new: NewVersion,
                       sections: Sequence[Section] = ()) -> tuple[VersionRow, bool]:
        """Like `add_version`, inside the caller's transaction (so rows written with it commit together)."""
        return self._append(conn, new, sha256_text(new.text), sections)

    def _append(self, conn: Connection, new: NewVersion, digest: str,
                sections: Sequence[Section]) -> tuple[VersionRow, bool]:
        doc_id = self.ensure_document(conn, new.service, new.document_type, new.url or None)
        same = conn.execute(self._versions_query(False).where(
            t.versions.c.document_id == doc_id, t.versions.c.recorded_at == new.recorded_at,
            t.versions.c.text_sha256 == digest)).first()
        if same is not None:
            return _version(same), False
        parent = conn.execute(
            self._versions_query(False).where(t.versions.c.document_id == doc_id,
                                              t.versions.c.recorded_at <= new.recorded_at)
            .order_by(t.versions.c.recorded_at.desc(), t.versions.c.id.desc()).limit(1)
        ).first()
        if parent is not None and parent._mapping["text_sha256"] == digest and not new.same_as_parent_is_new:
            return _version(parent), False
        snapshot_id = self._snapshot(conn, doc_id, new) if new.raw is not None else new.snapshot_id
        version_id = conn.execute(t.versions.insert().values(
            document_id=doc_id, parent_id=parent._mapping["id"] if parent is not None else None,
            snapshot_id=snapshot_id, text=new.text, text_sha256=digest, recorded_at=new.recorded_at,
            effective_date=new.effective_date, source=new.source,
            provenance=json.dumps(new.provenance, sort_keys=True) if new.provenance else None,
            technical=new.technical, created_at=utc_now(),
        )).inserted_primary_key[0]  # type: ignore[index]
        if sections:
            conn.execute(t.sections.insert(), [
                {"version_id": version_id, "idx": s.index, "number": s.number, "heading": s.heading,
                 "level": s.level, "start": s.start, "end": s.end} for s in sections
            ])
        row = conn.execute(self._versions_query(False).where(t.versions.c.id == version_id)).one()
        return _version(row), True

    def put_blob(self, conn: Connection, data: bytes) -> str:
        """Store raw bytes once under their SHA-256 and return the digest."""
        digest = hashlib.sha256(data).hexdigest()
        exists = conn.execute(select(t.blobs.c.sha256).where(t.blobs.c.sha256 == digest)).first()
        if exists is None:
            # (two schedulers may fetch identical bytes at the same moment)
            insert_if_absent(conn, t.blobs, {"sha256": digest, "size": len(data), "content": data,
                                             "created_at": utc_now()})
        return digest

    def _snapshot(self, conn: Connection, doc_id: int, new: NewVersion) -> int:
        assert new.raw is not None
        digest = self.put_blob(conn, new.raw)
        return int(conn.execute(t.snapshots.insert().values(
            document_id=doc_id, blob_sha256=digest, url=new.url or "", final_url=new.final_url,
            status=new.status, headers=json.dumps(new.headers, sort_keys=True) if new.headers else None,
            content_type=new.content_type, fetched_at=new.recorded_at,
        )).inserted_primary_key[0])  # type: ignore[index]

    def snapshot_bytes(self, snapshot_id: int) -> tuple[bytes, str] | None:
        """Raw bytes of a snapshot and the SHA-256 it is stored under."""
        query = select(t.blobs.c.content, t.blobs.c.sha256).select_from(t.snapshots.join(t.blobs)).where(
            t.snapshots.c.id == snapshot_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (bytes(row[0]), str(row[1])) if row is not None else None

    def iter_blobs(self) -> Iterator[tuple[str, bytes]]:
        """Every stored blob as (declared sha256, bytes), for verification."""
        with self.engine.connect() as conn:
            for digest, content in conn.execute(select(t.blobs.c.sha256, t.blobs.c.content)):
                yield str(digest), bytes(content)

    def sections_of(self, version_id: int) -> list[SectionRow]:
        """The stored sections of a version, in order."""
        query = (select(t.sections.c.idx, t.sections.c.number, t.sections.c.heading, t.sections.c.level,
                        t.sections.c.start, t.sections.c.end)
                 .where(t.sections.c.version_id == version_id).order_by(t.sections.c.idx))
        with self.engine.connect() as conn:
            return [SectionRow(*row) for row in conn.execute(query)]

    # -- observations ----------------------------------------------------------------------------
    def record_observation(self, conn: Connection, document_id: int, outcome: str, *, failure_type: str | None = None,
                           detail: str | None = None, snapshot_id: int | None = None,
                           version_id: int | None = None, checked_at: str | None = None) -> int:
        """Append one check result (inside the caller's transaction)."""
        return int(conn.execute(t.observations.insert().values(
            document_id=document_id, checked_at=checked_at or utc_now(), outcome=outcome,
            failure_type=failure_type, detail=detail, snapshot_id=snapshot_id, version_id=version_id,
        )).inserted_primary_key[0])  # type: ignore[index]

    def failed_observations(self) -> list[ObservationRow]:
        """Every failed check, oldest first."""
        query = (select(t.observations.c.id, t.observations.c.document_id, t.observations.c.checked_at,
                        t.observations.c.outcome, t.observations.c.failure_type, t.observations.c.detail,
                        t.observations.c.version_id)
                 .where(t.observations.c.outcome == "failed").order_by(t.observations.c.checked_at))
        with self.engine.connect() as conn:
            return [ObservationRow(*row) for row in conn.execute(query)]


def open_repository(url: str, migrate: bool = True) -> Repository:
    """Open (and by default migrate) the database at ``url``."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return Repository(engine)
