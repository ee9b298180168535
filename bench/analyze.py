"""Analyzer speed: prints medians (issue 3, part 6).

    .venv/bin/python bench/analyze.py [--runs 5]

1. `termlens analyze FILE --format json` on Zoom's 14k-word Terms of Service of 2023-08-11, wall
   time including process start (target <= 1 s);
2. the same document analysed in-process (segment + analyze), cold and warm sentence cache;
3. all 54 stored Zoom versions (Terms of Service + Privacy Policy) read, segmented and analysed in
   one process, starting from a cold cache each run (target <= 3 s).
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OTA = ROOT.parent / "shared" / "data" / "ota"
ZOOM_TOS = OTA / "Zoom" / "Terms of Service" / "2023-08-11T19-15-38Z.md"


def cli_runs(runs: int) -> list[float]:
    """Wall times of the CLI on one document, process start included."""
    exe = Path(sys.executable).with_name("termlens")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(exe), "analyze", str(ZOOM_TOS), "--format", "json"], check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


ANALYZER_ONLY = (
    "import json, sys\n"
    "from termlens.analysis import analyze\n"
    "from termlens.pipeline.extract import read_document\n"
    "from termlens.pipeline.segment import segment\n"
    "analysis = analyze(segment(read_document(sys.argv[1]).text))\n"
    "sys.stdout.write(json.dumps(analysis.to_json({})))\n"
)


def analyzer_only_runs(runs: int) -> list[float]:
    """Wall times of a fresh process that imports only the analyzer path (no other CLI commands)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", ANALYZER_ONLY, str(ZOOM_TOS)], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from termlens.analysis import analyze
    from termlens.analysis.statements import cache_clear as forget_readings
    from termlens.pipeline.extract import read_document
    from termlens.pipeline.segment import segment
    from termlens.pipeline.sentences import cache_clear as forget_splits

    def cache_clear() -> None:
        forget_readings()
        forget_splits()

    # An installed package carries its bytecode; a machine with PYTHONDONTWRITEBYTECODE set (as this one) would
    # otherwise recompile every module on every start, which no installed user pays. Compile once, up front.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    cli = cli_runs(args.runs)
    print(f"termlens analyze (Zoom ToS 2023-08-11, {len(ZOOM_TOS.read_text().split())} words), "
          f"process start included: median {statistics.median(cli):.3f} s over {args.runs} runs")

    alone = analyzer_only_runs(args.runs)
    print(f"same work in a fresh process importing only extract+segment+analysis: median "
          f"{statistics.median(alone):.3f} s (the difference is the import of every other CLI command module)")

    text = read_document(ZOOM_TOS).text
    cold, warm = [], []
    for _ in range(args.runs):
        cache_clear()
        started = time.perf_counter()
        analyze(segment(text))
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        analyze(segment(text))
        warm.append(time.perf_counter() - started)
    print(f"in-process segment+analyze: cold cache median {statistics.median(cold):.3f} s, "
          f"warm cache median {statistics.median(warm):.3f} s")

    files = sorted((OTA / "Zoom").glob("*/*.md"))
    totals = []
    for _ in range(args.runs):
        cache_clear()
        started = time.perf_counter()
        for f in files:
            analyze(segment(read_document(f).text))
        totals.append(time.perf_counter() - started)
    print(f"all {len(files)} Zoom versions in one process (read+segment+analyze, cold cache at start): "
          f"median {statistics.median(totals):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
