"""The golden label files stay valid: every quote is verbatim in its document, every field known."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _checker() -> object:
    spec = importlib.util.spec_from_file_location("check_quotes", HERE / "check_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LABEL_FILES = sorted((HERE / "analyzer").rglob("*.yaml"))


@pytest.mark.parametrize("path", LABEL_FILES, ids=[p.relative_to(HERE).as_posix() for p in LABEL_FILES])
def test_analyzer_golden_labels_are_valid(path: Path, ota_dir: Path) -> None:
    checker = _checker()
    count, problems = checker.check_file(path, ota_dir)  # type: ignore[attr-defined]
    assert problems == []
    assert count >= 5


def test_every_split_the_gate_reads_is_there() -> None:
    names = {p.name for p in LABEL_FILES}
    assert {"dev.yaml", "heldout_b.yaml", "heldout_c.yaml", "heldout_d.yaml", "heldout_e.yaml",
            "heldout_f.yaml", "heldout_g.yaml", "heldout_h.yaml", "claudette.yaml", "opp.yaml"} <= names


def test_a_policyqa_label_that_quotes_the_policy_is_refused(ota_dir: Path) -> None:
    # PolicyQA's text may not be redistributed: its labels keep offsets (evidence_at), never the quotes
    checker = _checker()
    quoting = {"id": "gawker-privacy-policyqa", "policyqa": "gawker.com",
               "answers": {"train.content.own": {"verdict": "unclear", "evidence": ["Kinja"]}}}
    problems = checker.check_version(quoting, ota_dir)  # type: ignore[attr-defined]
    assert problems == ["gawker-privacy-policyqa: PolicyQA labels give evidence_at offsets, never the quotes "
                        "themselves"]
    outside = {"id": "gawker-privacy-policyqa", "policyqa": "gawker.com",
               "answers": {"train.content.own": {"verdict": "unclear", "evidence_at": [[5, 2]]}}}
    assert "is outside the text" in checker.check_version(outside, ota_dir)[0]  # type: ignore[attr-defined]
