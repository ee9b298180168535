"""The database schema (SQLAlchemy Core). Alembic migrations create it; this module describes it.

Times are stored as ISO 8601 UTC strings ("2023-08-11T19:15:38Z"): they sort correctly as text and
read the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

services = Table(
    "services", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("service_id", Integer, ForeignKey("services.id"), nullable=False),
    Column("type", String(200), nullable=False),
    Column("url", Text),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("service_id", "type", name="uq_documents_service_type"),
)

# Raw bytes, addressed by their SHA-256: stored once however many snapshots share them.
blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", String(32), nullable=False),
)

snapshots = Table(
    "snapshots", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("blob_sha256", String(64), ForeignKey("blobs.sha256"), nullable=False),
    Column("url", Text, nullable=False),
    Column("final_url", Text),
    Column("status", Integer),
    Column("headers", Text),  # JSON object
    Column("content_type", String(200)),
    Column("fetched_at", String(32), nullable=False),
    Index("ix_snapshots_document", "document_id"),
)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("parent_id", Integer, ForeignKey("versions.id")),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id")),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("effective_date", String(10)),
    Column("source", String(40), nullable=False),  # ota-dataset | ota-git | fetch | file
    Column("provenance", Text),  # JSON: repository, commit, path, message, file name …
    Column("technical", Boolean, nullable=False, default=False),
    Column("created_at", String(32), nullable=False),
    Index("ix_versions_document_recorded", "document_id", "recorded_at"),
)
# Exactly once per real change (DESIGN.md 6.3); COALESCE makes a missing parent count as a value.
Index("uq_versions_document_text_parent", versions.c.document_id, versions.c.text_sha256,
      func.coalesce(versions.c.parent_id, 0), unique=True)

sections = Table(
    "sections", metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("number", String(40)),
    Column("heading", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    UniqueConstraint("version_id", "idx", name="uq_sections_version_idx"),
)

observations = Table(
    "observations", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("checked_at", String(32), nullable=False),
    Column("outcome", String(20), nullable=False),  # new_version | unchanged | failed
    Column("failure_type", String(40)),
    Column("detail", Text),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id")),
    Column("version_id", Integer, ForeignKey("versions.id")),
    Index("ix_observations_document_checked", "document_id", "checked_at"),
)
