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
