"""Robustness over the whole OTA sample: every stored version is read, segmented and analysed.

    .venv/bin/python bench/all_versions.py [--ota PATH]

Prints how many versions were analysed, how many raised an error (each one named), how many quotes (document
answers and item answers) differ from the document text at their offsets, and the wall time. A healthy analyzer
reports 0 errors and 0 quote mismatches.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from termlens.analysis import analyze
from termlens.pipeline.extract import read_document
from termlens.pipeline.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Analyse every stored version and check every quote against its offsets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, default=ROOT.parent / "shared" / "data" / "ota")
    ota: Path = parser.parse_args().ota
    index = json.loads((ota / "index.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    analysed = errors = mismatches = 0
    for entry in index:
        if not entry.get("stored"):
            continue
        try:
            structure = segment(read_document(ota / entry["file"]).text)
            result = analyze(structure)
        except Exception as error:  # report every failure by name, then go on
            errors += 1
            print(f"error: {entry['file']}: {type(error).__name__}: {error}")
            continue
        analysed += 1
        for answer in (*result.answers, *result.items):
            mismatches += sum(structure.text[e.start:e.end] != e.quote for e in answer.evidence)
    print(f"{analysed} versions analysed, {errors} errors, {mismatches} quotes not equal to text[start:end], "
          f"{time.perf_counter() - started:.1f} s")
    return 1 if errors or mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
