"""Sentence splitting, definitions and stated dates on synthetic legal text."""

from __future__ import annotations

import pytest

from termlens.pipeline.dates import find_effective_date
from termlens.pipeline.segment import segment
from termlens.pipeline.sentences import split_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Zoom Video Communications, Inc. and its affiliates (e.g. Zoom Ltd.) agree. We use U.S. law. Next one."
    assert sentences(text) == [
        "Zoom Video Communications, Inc. and its affiliates (e.g. Zoom Ltd.) agree.",
        "We use U.S. law.",
        "Next one.",
    ]


def test_list_markers_and_paragraphs_split() -> None:
    text = "Intro line\n\n*   First item. Second part.\n*   Another item\n\n## Heading\n"
    assert sentences(text) == ["Intro line", "First item.", "Second part.", "Another item", "Heading"]


def test_definitions_patterns() -> None:
    text = (
        "Telemetry and usage data are referred to as Service Generated Data. "
        "“Customer Content” means anything you upload. "
        "You grant us a licence for these purposes (the “Permitted Uses”). "
        "Les données (ci-après « Données du Client ») sont protégées."
    )
    terms = {d.term for d in segment(text).definitions}
    assert {"Service Generated Data", "Customer Content", "Permitted Uses", "Données du Client"} <= terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Effective Date: August 11, 2023\n\nTerms", "2023-08-11"),
        ("Last updated: 16 January 2026", "2026-01-16"),
        ("_[Effective November 3, 2025](https://example.test)_", "2025-11-03"),
        ("Date effective : 23 juillet 2026 | Voir", "2026-07-23"),
        ("Dernière mise à jour : 1er mars 2024", "2024-03-01"),
        ("These terms have no date at all.", None),
    ],
)
def test_stated_dates(text: str, expected: str | None) -> None:
    assert find_effective_date(text) == expected
