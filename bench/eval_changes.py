"""Score change intelligence on the golden set of real changes, and check URL-only versions.

    .venv/bin/python bench/eval_changes.py [--split golden|heldout] [--show-misses] [--ota PATH]

Prints precision and recall of `material` and of the `ai` topic over tests/golden/changes/<split>.yaml,
accuracy per category, and how many stored versions whose only change is in link URLs are wrongly
called material (target: none). Misses are listed for the golden (dev) split only: the held-out split
is for an aggregate figure, never for tuning.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from termlens.pipeline.changes_eval import evaluate, load_golden, url_only_called_material

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=["golden", "heldout"], default="golden")
    parser.add_argument("--show-misses", action="store_true", help="list the pairs labelled wrongly (golden only)")
    parser.add_argument("--ota", type=Path, default=ROOT.parent / "shared" / "data" / "ota")
    args = parser.parse_args()
    pairs = load_golden(ROOT / "tests" / "golden" / "changes" / f"{args.split}.yaml")
    started = time.perf_counter()
    scores = evaluate(pairs, args.ota)
    elapsed = time.perf_counter() - started
    services = {p.after.split("/", 1)[0] for p in pairs}
    print(f"{args.split} split: {len(pairs)} pairs, {len(services)} services, {elapsed:.1f} s")
    for label in ("material", "ai"):
        r = scores.rates(label)
        print(f"  {label:9} precision {r.precision:.3f}  recall {r.recall:.3f}  "
              f"(tp {r.true_positive}, fp {r.false_positive}, fn {r.false_negative}, tn {r.true_negative})")
    by_category: dict[str, list[bool]] = defaultdict(list)
    for o in scores.outcomes:
        by_category[o.pair.category].append(o.material == o.pair.material and o.ai == o.pair.ai)
    print("  per category (right / pairs):")
    for category, results in sorted(by_category.items()):
        print(f"    {category:13} {sum(results)}/{len(results)}")
    total, wrong = url_only_called_material(args.ota)
    print(f"URL-only versions: {total} stored, {len(wrong)} wrongly called material")
    for path in wrong:
        print(f"  wrong: {path}")
    if args.show_misses and args.split == "golden":
        for o in scores.misses():
            print(f"  miss {o.pair.id}: label material={o.pair.material} ai={o.pair.ai}; "
                  f"got material={o.material} ai={o.ai} topics={[t.value for t in o.record.topics]}")
            print(f"       {o.record.summary[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
