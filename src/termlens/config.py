"""Settings read from the environment (TERMLENS_*) and from command-line options."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    """An SQLite file in the user's data directory (created on first use)."""
    directory = Path(user_data_dir("termlens", appauthor=False))
    return f"sqlite:///{directory / 'termlens.db'}"


class Settings(BaseSettings):
    """termlens configuration. Every field can be set as TERMLENS_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="TERMLENS_", extra="ignore")

    database_url: str = ""
    data_dir: Path | None = None

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to the per-user SQLite file."""
        return self.database_url or default_database_url()
