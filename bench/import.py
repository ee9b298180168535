"""Benchmark: import the whole shared Open Terms Archive sample into a fresh SQLite database.

Prints wall time for the first import and for a second (idempotent) one, versions per second, and
peak memory (the process's max RSS).

    .venv/bin/python bench/import.py [OTA_DIR]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from termlens.pipeline.ingest import import_ota
from termlens.storage import open_repository


def main() -> None:
    """Run the benchmark and print its figures."""
    default = Path(os.environ.get("TERMLENS_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    ota = Path(sys.argv[1]) if len(sys.argv) > 1 else default / "ota"
    files = list(ota.glob("*/*/*.md"))
    size = sum(p.stat().st_size for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        repo = open_repository(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        first = import_ota(repo, ota)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = import_ota(repo, ota)
        second_s = time.perf_counter() - start
        db_size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"input: {len(files)} files, {size / 1e6:.1f} MB from {ota}")
    print(f"first import: {first.imported} imported, {first.failed} failed in {first_s:.1f} s "
          f"({first.imported / first_s:.0f} versions/s)")
    print(f"second import: {second.imported} imported, {second.skipped} skipped in {second_s:.1f} s")
    print(f"peak memory (max RSS of the process): {rss_mb:.0f} MB")
    print(f"database size: {db_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
