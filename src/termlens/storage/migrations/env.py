"""Alembic environment: runs migrations on the connection termlens hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from termlens.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise RuntimeError("run migrations through termlens.storage.migrate.upgrade()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
