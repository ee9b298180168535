"""Eval gate for change intelligence: the golden set of real changes, and URL-only versions.

The figures the gate holds (material and `ai` precision/recall on golden.yaml, none of the stored
URL-only versions called material) are printed by `bench/eval_changes.py`; the held-out split is
only checked for shape here, its figures are read, never tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termlens.pipeline.changes_eval import evaluate, load_golden, url_only_called_material

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "changes"


@pytest.mark.parametrize("split", ["golden.yaml", "heldout.yaml"])
def test_golden_pairs_are_consecutive_stored_versions(split: str, ota_dir: Path) -> None:
    pairs = load_golden(GOLDEN / split)
    assert len({p.id for p in pairs}) == len(pairs)
    for p in pairs:
        assert (ota_dir / p.before).is_file() and (ota_dir / p.after).is_file(), p.id
        before_dir, before_name = p.before.rsplit("/", 1)
        after_dir, after_name = p.after.rsplit("/", 1)
        assert before_dir == after_dir, p.id
        between = [f.name for f in (ota_dir / after_dir).glob("*.md") if before_name < f.name < after_name]
        assert not between, f"{p.id}: {p.before} is not the stored predecessor"
        assert not p.ai or p.material, f"{p.id}: only a material change has topics"


def test_golden_set_covers_ai_data_use_and_noise_across_services() -> None:
    pairs = load_golden(GOLDEN / "golden.yaml")
    assert len(pairs) >= 40
    assert len({p.after.split("/", 1)[0] for p in pairs}) >= 10
    categories = {p.category for p in pairs}
    assert {"ai", "data_use", "url_only", "flap", "technical", "menu"} <= categories
    assert sum(p.ai for p in pairs) >= 15 and sum(not p.material for p in pairs) >= 20


def test_golden_gate(ota_dir: Path) -> None:
    scores = evaluate(load_golden(GOLDEN / "golden.yaml"), ota_dir)
    material, ai = scores.rates("material"), scores.rates("ai")
    misses = [(o.pair.id, o.material, o.ai) for o in scores.misses()]
    assert material.recall >= 0.95 and material.precision >= 0.9, misses
    assert ai.recall >= 0.95 and ai.precision >= 0.85, misses


def test_no_url_only_version_is_called_material(ota_dir: Path) -> None:
    total, wrong = url_only_called_material(ota_dir)
    assert total >= 40
    assert wrong == []
