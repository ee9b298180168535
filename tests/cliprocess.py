"""Run the real `termlens` command in a child process, as a user would, against a given database."""

from __future__ import annotations

import os
import subprocess
import sys


def run_termlens(*args: str, db_url: str, check: bool = False, columns: int = 200) -> subprocess.CompletedProcess[str]:
    """Run `termlens ARGS` with TERMLENS_DATABASE_URL=db_url; never accept a traceback on stderr."""
    env = os.environ | {"TERMLENS_DATABASE_URL": db_url, "COLUMNS": str(columns)}
    result = subprocess.run([sys.executable, "-m", "termlens", *args], capture_output=True, text=True, env=env,
                            timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result
