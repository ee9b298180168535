"""Benchmark: import a service's OTA history into a fresh SQLite database and build its timeline.

The target (issue 4): the whole Zoom history of the shared sample (54 versions) imported and turned
into a timeline, with the analyzer's answers, in under 4 s. Prints the import time, the timeline
time (cold caches, in the same process, as `termlens import-ota` then `termlens timeline` would do
it in one go), a second timeline run (warm per-clause caches), and the counts.

    .venv/bin/python bench/timeline.py [--service Zoom] [--ota DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from termlens.pipeline.ingest import import_ota
from termlens.pipeline.timeline import analyzer_answers, build_timeline
from termlens.storage import open_repository

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_OTA = Path(os.environ.get("TERMLENS_TEST_DATA", DEFAULT_DATA)) / "ota"


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--service", default="Zoom")
    parser.add_argument("--ota", type=Path, default=DEFAULT_OTA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started, cpu_started = time.perf_counter(), time.process_time()
        repo = open_repository(f"sqlite:///{tmp}/bench.db")
        summary = import_ota(repo, args.ota, [args.service])
        imported = time.perf_counter()
        rows = repo.list_versions(args.service, with_text=True)
        events = build_timeline(rows, answer_source=analyzer_answers)
        finished, cpu_finished = time.perf_counter(), time.process_time()
        again = build_timeline(repo.list_versions(args.service, with_text=True), answer_source=analyzer_answers)
        warm = time.perf_counter() - finished
    kinds = Counter(
        "material" if e.record.material else "first" if e.record.first else "flap" if e.record.flap_of
        else "technical" if e.record.technical else "not material"
        for e in events
    )
    moved = sum(len(e.record.answers_changed) for e in events if e.record.material)
    print(f"{args.service}: {summary.imported} versions imported ({summary.failed} failed), {len(events)} events")
    print(f"  import (fresh SQLite)      {imported - started:6.2f} s")
    print(f"  timeline (cold caches)     {finished - imported:6.2f} s")
    print(f"  import + timeline          {finished - started:6.2f} s   (target < 4 s)")
    print(f"  import + timeline, CPU     {cpu_finished - cpu_started:6.2f} s   (this process only; less sensitive "
          f"to other load; load average now {os.getloadavg()[0]:.1f})")
    print(f"  timeline again (warm)      {warm:6.2f} s   ({len(again)} events)")
    print("  events: " + ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
          + f"; {moved} answer changes on material events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
