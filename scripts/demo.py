"""`make demo`: the product in one command, on Zoom's real 2023 terms history.

Reads Open Terms Archive data from $TERMLENS_OTA_DIR, else ../shared/data/ota beside the checkout;
on a machine with neither it fetches Zoom's history from Open Terms Archive's public versions
repository (a sparse git clone) and says so. Every step runs the real `termlens` command and prints it.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "demo"
OTA_VERSIONS_REPO = "https://github.com/OpenTermsArchive/contrib-versions.git"


def find_data() -> Path:
    """The OTA dataset to use, downloading Zoom's history only when no local copy exists."""
    for candidate in (os.environ.get("TERMLENS_OTA_DIR"), ROOT.parent / "shared" / "data" / "ota"):
        if candidate and Path(candidate, "Zoom").is_dir():
            return Path(candidate)
    target = OUT / "contrib-versions"
    print(f"No local Open Terms Archive data found: downloading Zoom's history from {OTA_VERSIONS_REPO}")
    if not target.exists():
        subprocess.run(["git", "clone", "--quiet", "--filter=blob:none", "--sparse", OTA_VERSIONS_REPO, str(target)],
                       check=True)
        subprocess.run(["git", "-C", str(target), "sparse-checkout", "set", "Zoom"], check=True)
    return target


def run(*args: str, db: Path, lines: int | None = None, allow_fail: bool = False, quiet: bool = False) -> str:
    """Run one termlens command, echo it, print (the head of) its output."""
    if not quiet:
        print(f"\n$ termlens {shlex.join(args)}", flush=True)
    env = os.environ | {"TERMLENS_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": os.environ.get("COLUMNS", "120")}
    result = subprocess.run([sys.executable, "-m", "termlens", *args], capture_output=True, text=True, env=env)
    output = result.stdout
    shown = output.splitlines()
    if lines is not None and len(shown) > lines:
        shown = [*shown[:lines], f"… ({len(output.splitlines()) - lines} more lines)"]
    if not quiet:
        print("\n".join(shown))
    if result.returncode != 0 and not allow_fail:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(result.returncode)
    return output


def report_step(db: Path) -> None:
    """The finale: Zoom's HTML report from its 2023 history, its TL;DR and timeline on the terminal."""
    report = OUT / "zoom-2023-report.html"
    run("report", "Zoom", "--at", "2023-12-31", "--since", "2023-01-01", "--output", str(report), db=db)
    data = json.loads(run("report", "Zoom", "--at", "2023-12-31", "--since", "2023-01-01", "--format", "json",
                          db=db, quiet=True))
    print("\nTL;DR - Zoom's terms at the end of 2023:")
    for row in data["tldr"]:
        print(f"  {row['short']:<42} {row['plain']:<34} ({row['document']})")
    print("\nTimeline of material changes in 2023:")
    for event in data["timeline"]:
        print(f"  {event['date']}  {event['document']}: {event['summary'][:150]}")
        for shift in event["answers_changed"]:
            print(f"      {shift['question']}: {shift['before']} -> {shift['after']}")
    print(f"\nThe full report (open it in a browser): {report}")


def main() -> None:
    """Import Zoom's history and walk through what termlens knows about it."""
    data = find_data()
    if OUT.exists():
        for stale in OUT.glob("termlens.db*"):
            stale.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "termlens.db"
    print(f"termlens demo: Zoom's terms history from {data} (Open Terms Archive contributors, ODC-BY 1.0)")
    run("import-ota", str(data), "--service", "Zoom", db=db)
    run("versions", "Zoom", "--document", "Terms of Service", "--since", "2023-01-01", db=db, lines=22)
    versions = json.loads(run("versions", "Zoom", "--document", "Terms of Service", "--format", "json", db=db,
                              quiet=True))
    march = next((v for v in versions if v["recorded_at"].startswith("2023-04-01")), versions[-1])
    august = next((v for v in versions if v["recorded_at"].startswith("2023-08-11")), versions[-1])
    run("show", str(august["id"]), "--sections", db=db, lines=16)
    print("\nWhat the March 2023 terms allowed, and what the 11 August 2023 terms allow:")
    run("analyze", str(march["id"]), db=db)
    run("analyze", str(august["id"]), db=db)
    run("ask", "Is Zoom training its AI on my screen shares?", "--service", "Zoom", "--document", "Terms of Service",
        "--at", "2023-08-12", db=db)
    report_step(db)


if __name__ == "__main__":
    main()
