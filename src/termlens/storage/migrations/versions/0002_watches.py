"""Watches, notification channels and the alert outbox.

Revision ID: 0002_watches
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_watches"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the watch, channel and outbox tables."""
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("selectors", sa.Text, nullable=False),
        sa.Column("removals", sa.Text, nullable=False),
        sa.Column("schedule", sa.String(100), nullable=False),
        sa.Column("next_due_at", sa.String(32), nullable=False),
        sa.Column("lease_owner", sa.String(100)),
        sa.Column("lease_until", sa.String(32)),
        sa.Column("last_checked_at", sa.String(32)),
        sa.Column("last_outcome", sa.String(20)),
        sa.Column("last_change_at", sa.String(32)),
        sa.Column("last_failure_at", sa.String(32)),
        sa.Column("last_failure_type", sa.String(40)),
        sa.Column("last_failure_detail", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_watches_due", "watches", ["next_due_at"])
    op.create_table(
        "channels",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("kind", "target", name="uq_channels_kind_target"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("channel_id", sa.Integer, sa.ForeignKey("channels.id"), nullable=False),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.String(32), nullable=False),
        sa.Column("lease_owner", sa.String(100)),
        sa.Column("lease_until", sa.String(32)),
        sa.Column("delivered_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_outbox_pending", "outbox", ["delivered_at", "next_attempt_at"])


def downgrade() -> None:
    """Drop the watch tables."""
    op.drop_index("ix_outbox_pending", "outbox")
    op.drop_table("outbox")
    op.drop_table("channels")
    op.drop_index("ix_watches_due", "watches")
    op.drop_table("watches")
