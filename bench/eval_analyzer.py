"""Score the analyzer (or, with --baseline, the keyword baseline) on a golden-set split.

    .venv/bin/python bench/eval_analyzer.py --split dev|claudette|opp|heldout_b|…|heldout_g [--baseline] [--show-misses]
    .venv/bin/python bench/eval_analyzer.py --labels some.yaml [--show-misses]
    .venv/bin/python bench/eval_analyzer.py --variants [FILE ...] [--show-misses]

Prints within-defensible, exact, per-question, condition accuracy and evidence accuracy. Misses are
listed only for the study splits (dev, claudette, opp) or label files named with --labels: the held-out splits
are for a final aggregate figure, never for tuning. "evidence, 1st quote" is a stricter reading of evidence accuracy:
the first quote alone (answers list quotes in document order) must overlap a labelled one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from termlens.analysis import analyze  # noqa: E402
from termlens.analysis.evaluation import (  # noqa: E402
    Scores,
    evaluate,
    evaluate_texts,
    load_split,
    load_variants,
    split_files,
)
from termlens.domain.model import Answer, DocumentStructure, ItemAnswer  # noqa: E402
from termlens.pipeline.extract import read_document  # noqa: E402
from termlens.pipeline.segment import segment  # noqa: E402


def analyzer_system(structure: DocumentStructure) -> tuple[Sequence[Answer], Sequence[ItemAnswer]]:
    """The analyzer as a scored system."""
    result = analyze(structure)
    return result.answers, result.items


def load(path: Path) -> DocumentStructure:
    """Read and segment one version file the way `termlens analyze FILE` does."""
    return segment(read_document(path).text)


def report(scores: Scores, name: str) -> None:
    """Print the figures."""
    print(f"{name}: {len(scores.outcomes)} answers")
    for label, attr in (("within-defensible", "defensible"), ("exact", "exact"),
                        ("condition", "condition_ok"), ("evidence", "evidence_ok"),
                        ("evidence, 1st quote", "first_evidence_ok")):
        print(f"  {label:18} {scores.share(attr):.3f}")
    # (evidence split by what the label rests on: a quoted clause, or silence)
    for label, rows in (("quoted", [o for o in scores.outcomes if o.label_quotes]),
                        ("silent", [o for o in scores.outcomes if not o.label_quotes])):
        share = sum(o.evidence_ok for o in rows) / len(rows) if rows else 0.0
        print(f"  evidence, label {label} {share:.3f} (n = {len(rows)})")
    print("  per question (within-defensible / exact / n):")
    for qid, (d, e, n) in scores.per_question().items():
        print(f"    {qid:28} {d:.2f}  {e:.2f}  {n}")
    if scores.item_outcomes:
        print(f"  items ({len(scores.item_outcomes)}): within-defensible {scores.item_share('defensible'):.3f}  "
              f"exact {scores.item_share('exact'):.3f}  condition {scores.item_share('condition_ok'):.3f}  "
              f"evidence {scores.item_share('evidence_ok'):.3f}")


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev",
                        choices=["dev", "heldout_b", "heldout_c", "heldout_d", "heldout_e", "heldout_f", "heldout_g",
                                 "heldout_h", "claudette", "opp"])
    parser.add_argument("--labels", type=Path, nargs="+", help="score these label files instead of a split")
    parser.add_argument("--variants", type=Path, nargs="*",
                        help="score the drafting-variants excerpts (tests/golden/variants/, or these files)")
    parser.add_argument("--baseline", action="store_true", help="score the naive keyword baseline")
    parser.add_argument("--show-misses", action="store_true", help="list wrong answers (dev split only)")
    parser.add_argument("--ota", type=Path, default=ROOT.parent / "shared" / "data" / "ota")
    args = parser.parse_args()
    golden = ROOT / "tests" / "golden" / "analyzer"
    if args.baseline:
        from baseline_keywords import baseline
        system = baseline
    else:
        system = analyzer_system
    started = time.perf_counter()
    if args.variants is not None:
        files = args.variants or sorted((ROOT / "tests" / "golden" / "variants").glob("*.yaml"))
        cases = [c for path in files for c in load_variants(path)]
        print(f"files: {', '.join(p.name for p in files)}")
        scores = evaluate_texts(cases, system, segment)
        print(f"variants: {len(cases)} excerpts, {time.perf_counter() - started:.1f} s")
    else:
        files = args.labels or split_files(golden, args.split)
        versions = [v for path in files for v in load_split(path)]
        print(f"files: {', '.join(p.name for p in files)}")
        scores = evaluate(versions, args.ota, system, load, parse=segment)
        print(f"split {args.split}: {len(versions)} versions, {time.perf_counter() - started:.1f} s")
    report(scores, "baseline" if args.baseline else "analyzer")
    if args.show_misses and (args.split in ("dev", "claudette", "opp") or args.labels or args.variants is not None):
        for o in scores.outcomes + scores.item_outcomes:
            if not (o.defensible and o.exact and o.condition_ok and o.evidence_ok):
                flags = "".join(c if ok else "-" for c, ok in zip("DXCE", (o.defensible, o.exact, o.condition_ok,
                                                                            o.evidence_ok), strict=True))
                print(f"  {flags} {o.version:34} {o.question:40} got {o.verdict}/{o.predicted_condition}  "
                      f"label {o.label}/{o.label_condition}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
