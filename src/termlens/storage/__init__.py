"""Storage: the schema, its migrations and the repository every write goes through."""

from termlens.storage.repository import Repository, open_repository

__all__ = ["Repository", "open_repository"]
