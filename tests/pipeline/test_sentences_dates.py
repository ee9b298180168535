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


def test_a_possessive_before_the_full_stop_is_no_initial() -> None:
    # regression: "anyone else's." was read as the initial "s." and the next sentence ran on
    text = "Not for any model, whether its own or anyone else's. Acme does not sell Messages. Signed by J. Smith."
    assert sentences(text) == [
        "Not for any model, whether its own or anyone else's.",
        "Acme does not sell Messages.",
        "Signed by J. Smith.",
    ]


def test_list_markers_and_paragraphs_split() -> None:
    text = "Intro line\n\n*   First item. Second part.\n*   Another item\n\n## Heading\n"
    assert sentences(text) == ["Intro line", "First item.", "Second part.", "Another item", "Heading"]


def test_a_setext_underline_is_not_part_of_the_heading_sentence() -> None:
    # ("What information do we collect?\n-------" once came out as one sentence with the dashes in it, in 866 of the
    # archive's 971 versions)
    text = ("Intro text here.\n\nWhat information do we collect?\n-------------------------------\n\n"
            "We collect data. More text.\nAnother heading\n=====\n")
    assert sentences(text) == ["Intro text here.", "What information do we collect?", "We collect data.",
                               "More text.", "Another heading"]


def _hard_wrapped(lines: list[str]) -> str:
    """A document pasted from a PDF: a blank line after every few words."""
    return "\n\n".join(lines) + "\n"


_WRAPPED_LINES = [
    "How We Use Your Information",
    "We may also use your information to improve the service such as",
    "debugging to identify and repair errors, and analyzing information to maintain",
    "or enhance the quality of our Services. We will not use your Input or Output from an AI",
    "Feature to train our artificial intelligence models",
    "unless you direct us to do so.",
] * 8  # long enough to be recognised as a wrapped document


def test_a_paragraph_repeated_elsewhere_is_quoted_at_its_own_place() -> None:
    # Splits of a paragraph are cached by its text: a second copy further down (or in another version of the
    # document) must still get offsets into its own place, or quotes would point at the wrong words.
    paragraph = "We use your Content to train models. You may opt out in Settings."
    text = f"# Terms\n\n{paragraph}\n\nSomething else entirely happens here.\n\n{paragraph}\n"
    spans = list(split_spans(text))
    quoted = [text[a:b] for a, b in spans]
    assert quoted.count("We use your Content to train models.") == 2
    first, second = (a for a, b in spans if text[a:b] == "You may opt out in Settings.")
    assert second > first > 0
    other = "Intro.\n\n" + paragraph
    assert [other[a:b] for a, b in split_spans(other)][1:] == quoted[1:3]


def test_a_hard_wrapped_document_keeps_its_sentences_whole() -> None:
    text = _hard_wrapped(_WRAPPED_LINES)
    found = sentences(text)
    assert "How We Use Your Information" in found  # a title line still stands on its own
    whole = [s for s in found if s.startswith("We will not use your Input")]
    assert len(whole) == 8
    assert whole[0].endswith("unless you direct us to do so.")
    # the sentence's text reads as one line; its offsets still cut the verbatim text
    structure = segment(text)
    read = next(s for s in structure.sentences if s.text.startswith("We will not use"))
    assert "\n" not in read.text and structure.text[read.start:read.end].count("\n\n") == 2


def test_menus_and_link_lists_are_not_taken_for_wrapped_lines() -> None:
    text = "\n\n".join(["[Privacy Center](https://example.com/a)", "Other policies", "Cookies Policy",
                        "We collect your posts."] * 12)
    assert sentences(text)[:4] == ["[Privacy Center](https://example.com/a)", "Other policies", "Cookies Policy",
                                   "We collect your posts."]


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
