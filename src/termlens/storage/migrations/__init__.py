"""Alembic migrations for the termlens schema."""
