"""Report and dashboard figures on real data: how long a report takes in each format, and how
long the dashboard's pages take cold (first request) and warm (cached analyses and timelines).

    .venv/bin/python bench/report.py [--ota DIR] [--all-services]

Imports the Open Terms Archive sample into a temporary SQLite store (Zoom only by default; every
service with --all-services, for the portfolio figure), then prints one line per measurement.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from termlens.pipeline.ingest import import_ota
from termlens.reports.analyses import AnalysisCache
from termlens.reports.model import build_report
from termlens.reports.portfolio import portfolio
from termlens.reports.render import FORMATS, render
from termlens.storage import open_repository
from termlens.web.app import create_app

DEFAULT_OTA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ota"


def timed(label: str, action: object) -> object:
    """Run ``action`` (a callable) and print how long it took."""
    assert callable(action)
    started = time.perf_counter()
    result = action()
    print(f"{label:<58} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, default=DEFAULT_OTA)
    parser.add_argument("--all-services", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        repository = open_repository(f"sqlite:///{directory}/bench.db")
        services = () if args.all_services else ("Zoom",)
        summary = timed(f"import {'every service' if args.all_services else 'Zoom'}",
                        lambda: import_ota(repository, args.ota, services))
        print(f"  ({getattr(summary, 'imported', 0)} versions)")
        cache = AnalysisCache(repository)
        report = timed("build report Zoom, 2023 history (cold analyses)",
                       lambda: build_report(cache, "Zoom", at="2023-12-31", since="2023-01-01"))
        timed("build report Zoom, 2023 history (warm analyses)",
              lambda: build_report(cache, "Zoom", at="2023-12-31", since="2023-01-01"))
        for fmt in FORMATS:
            data = timed(f"render {fmt}", lambda fmt=fmt: render(report, fmt))  # type: ignore[misc]
            print(f"  ({len(data) if isinstance(data, bytes) else 0:,} bytes)")
        rows = timed("portfolio (all stored services, cold)", lambda: portfolio(AnalysisCache(repository)))
        print(f"  ({len(rows) if isinstance(rows, list) else 0} services)")
        client = TestClient(create_app(repository))
        zoom = repository.list_versions("Zoom", "Terms of Service")
        for path in ("/", "/", "/services/Zoom", "/services/Zoom", f"/versions/{zoom[-1].id}",
                     f"/diff?from={zoom[0].id}&to={zoom[-1].id}", "/api/v1/services/Zoom/timeline", "/feed.atom"):
            timed(f"GET {path}", lambda path=path: client.get(path).raise_for_status())  # type: ignore[misc]
        token = client.cookies.get("termlens_csrf") or ""
        timed("POST /ask (Is Zoom training AI on my screen shares?)",
              lambda: client.post("/ask", data={"question": "Is Zoom training AI on my screen shares?",
                                                "csrf_token": token}).raise_for_status())


if __name__ == "__main__":
    main()
