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


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_analyzer_golden_labels_are_valid(split: str, ota_dir: Path) -> None:
    checker = _checker()
    count, problems = checker.check_file(HERE / "analyzer" / f"{split}.yaml", ota_dir)  # type: ignore[attr-defined]
    assert problems == []
    assert count >= 14
