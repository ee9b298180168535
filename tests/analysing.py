"""Shared helper of the analyzer's drafting-pattern tests (tests/analysis/test_patterns*.py)."""

from __future__ import annotations

from termlens.analysis import analyze
from termlens.domain.model import Answer
from termlens.pipeline.segment import segment


def answer(text: str, question: str) -> Answer:
    """Analyse a small document and return one answer."""
    return analyze(segment(text)).answer(question)
