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
            "heldout_f.yaml", "claudette.yaml"} <= names
