"""Initial schema: services, documents, blobs, snapshots, versions, sections, observations.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the foundation tables."""
    op.create_table(
        "services",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("service_id", sa.Integer, sa.ForeignKey("services.id"), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("service_id", "type", name="uq_documents_service_type"),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("blob_sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("final_url", sa.Text),
        sa.Column("status", sa.Integer),
        sa.Column("headers", sa.Text),
        sa.Column("content_type", sa.String(200)),
        sa.Column("fetched_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_snapshots_document", "snapshots", ["document_id"])
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("versions.id")),
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id")),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("effective_date", sa.String(10)),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("provenance", sa.Text),
        sa.Column("technical", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_versions_document_recorded", "versions", ["document_id", "recorded_at"])
    op.create_index(
        "uq_versions_document_text_parent", "versions",
        ["document_id", "text_sha256", sa.text("coalesce(parent_id, 0)")], unique=True,
    )
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("number", sa.String(40)),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.UniqueConstraint("version_id", "idx", name="uq_sections_version_idx"),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("checked_at", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("failure_type", sa.String(40)),
        sa.Column("detail", sa.Text),
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id")),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id")),
    )
    op.create_index("ix_observations_document_checked", "observations", ["document_id", "checked_at"])


def downgrade() -> None:
    """History is append-only: the schema is never dropped by a migration."""
    raise NotImplementedError("termlens never downgrades past its initial schema")
