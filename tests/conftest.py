"""Shared fixtures. Real documents come from ../shared/data (or TERMLENS_TEST_DATA).

Tests that need the data fail, not skip, when it is missing: CI must notice a lost data set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    """Where the shared data set lives: TERMLENS_TEST_DATA, else ../shared/data beside the repo."""
    override = os.environ.get("TERMLENS_TEST_DATA")
    return Path(override) if override else REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shared data directory; fails the test when it is missing."""
    path = shared_data_dir()
    if not (path / "ota" / "index.json").is_file():
        pytest.fail(f"shared test data not found at {path} (set TERMLENS_TEST_DATA)")
    return path


@pytest.fixture(scope="session")
def ota_dir(data_dir: Path) -> Path:
    """The Open Terms Archive sample: <Service>/<Terms Type>/<timestamp>.md."""
    return data_dir / "ota"


def _postgres_base_url() -> str | None:
    return os.environ.get("TERMLENS_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """A fresh, empty database: an SQLite file, and a new database on the test PostgreSQL server.

    `make test` and CI start a real PostgreSQL server (scripts/with-postgres.sh). Outside CI the
    PostgreSQL variant is skipped when no server was started; in CI its absence is a failure.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'termlens.db'}"
        return
    base = _postgres_base_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail("TERMLENS_TEST_POSTGRES_URL is not set: CI must run the tests through scripts/with-postgres.sh")
        pytest.skip("no PostgreSQL test server (run `make test`, which starts one)")
    import uuid

    import sqlalchemy

    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
