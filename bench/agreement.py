"""Inter-annotator agreement on the held-out golden set, on the same metrics the analyzer is held to.

A second annotator labelled held-out versions blind (tests/golden/analyzer/second/*.yaml): the retired first
held-out split (now dev_h.yaml, second annotation second/dev_h_*.yaml), heldout_b (second/heldout_b.yaml) and
heldout_c (second/heldout_c.yaml).
Each annotator's labels are scored as if they were a system's answers against the other's labels:
within-defensible, exact, condition and evidence agreement. This tells how high an analyzer can
reasonably be expected to score against one annotator.

    .venv/bin/python bench/agreement.py [--split dev_h|dev_m|heldout_b|heldout_c|heldout_d|heldout_e]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from eval_analyzer import load, report  # noqa: E402
from termlens.analysis.evaluation import (  # noqa: E402
    claudette_texts,
    evaluate,
    load_split,
    policyqa_texts,
    with_quotes,
)
from termlens.domain.model import Answer, DocumentStructure, Evidence, ItemAnswer  # noqa: E402
from termlens.domain.vocabulary import Condition, Verdict  # noqa: E402
from termlens.pipeline.segment import segment  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "analyzer"


def _key(version: dict[str, Any]) -> str:
    """A version's archive path, or the CLAUDETTE document or PolicyQA policy it names."""
    if "path" in version:
        return str(version["path"])
    return f"policyqa:{version['policyqa']}" if "policyqa" in version else f"claudette:{version['claudette']}"


def labels_as_system(versions: Sequence[dict[str, Any]]) -> Any:
    """A 'system' that answers with one annotator's labels (matched by document text)."""
    by_path = {_key(v): v for v in versions}

    def system(structure: DocumentStructure) -> tuple[Sequence[Answer], Sequence[ItemAnswer]]:
        version = by_path[system.current]  # type: ignore[attr-defined]
        answers = []
        for qid, label in version["answers"].items():
            evidence = []
            for quote in label.get("evidence") or []:
                at = structure.text.find(str(quote))
                if at >= 0:
                    evidence.append(Evidence(str(quote), at, at + len(str(quote)), None))
            answers.append(Answer(qid, Verdict(str(label["verdict"])), Condition(str(label.get("condition", "none"))),
                                  1.0, tuple(evidence), str(label.get("rationale", ""))))
        return answers, ()

    return system


def score(reference: list[dict[str, Any]], other: list[dict[str, Any]], ota: Path, name: str) -> None:
    """Score `other`'s labels against `reference`'s on the versions both labelled."""
    paths = {_key(v) for v in other}
    shared = [v for v in reference if _key(v) in paths]
    texts = claudette_texts(ota.parent) if any("claudette" in v for v in shared) else {}
    policies = policyqa_texts(ota.parent) if any("policyqa" in v for v in shared) else {}
    # (PolicyQA labels point at their evidence by offsets: the quotes are taken from the policy)
    system = labels_as_system([with_quotes(v, policies[str(v["policyqa"])]) if "policyqa" in v else v for v in other])
    by_text = {texts[str(v["claudette"])]: _key(v) for v in shared if "claudette" in v}
    by_text.update({policies[str(v["policyqa"])]: _key(v) for v in shared if "policyqa" in v})

    def load_and_mark(path: Path) -> DocumentStructure:
        system.current = path.relative_to(ota).as_posix()
        return load(path)

    def parse_and_mark(text: str) -> DocumentStructure:
        system.current = by_text[text]
        return segment(text)

    report(evaluate(shared, ota, system, load_and_mark, parse=parse_and_mark), f"{name} ({len(shared)} versions)")


def main() -> int:
    """Print agreement both ways."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout_b",
                        choices=["dev_h", "dev_m", "heldout_b", "heldout_c", "heldout_d", "heldout_e", "heldout_g",
                                 "heldout_h"])
    split = parser.parse_args().split
    ota = ROOT.parent / "shared" / "data" / "ota"
    first = load_split(GOLDEN / f"{split}.yaml")
    second = [v for path in sorted((GOLDEN / "second").glob(f"{split}*.yaml")) for v in load_split(path)]
    if not second:
        print(f"no second annotation found (tests/golden/analyzer/second/{split}*.yaml)")
        return 1
    score(first, second, ota, "second annotator scored against the first annotator's labels")
    score(second, first, ota, "first annotator scored against the second annotator's labels")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
