"""Segmentation on real Open Terms Archive documents: numbers, headings, offsets, definitions, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlens.pipeline.segment import segment

ZOOM_TOS_2023_08_11 = "Zoom/Terms of Service/2023-08-11T19-15-38Z.md"


def read(ota_dir: Path, relative: str) -> str:
    return (ota_dir / relative).read_bytes().decode("utf-8")


def test_renumbered_list_headings_get_the_documents_own_numbers(ota_dir: Path) -> None:
    text = read(ota_dir, ZOOM_TOS_2023_08_11)
    structure = segment(text)
    by_number = {s.number: s for s in structure.sections if s.number}
    # The Markdown says "27. **DATA USAGE, LICENSES AND RESPONSIBILITIES**"; the document calls it 10.
    assert "27. **DATA USAGE" in text
    assert by_number["10"].heading == "DATA USAGE, LICENSES AND RESPONSIBILITIES"
    assert by_number["10.2"].heading == "Permitted Uses and Customer License Grant"
    assert by_number["10.5"].heading == "Service Generated Data"
    top = [s.number for s in structure.sections if s.level == 1 and s.number]
    assert top == [str(n) for n in range(1, len(top) + 1)] and len(top) >= 30


def test_offsets_slice_the_text_exactly(ota_dir: Path) -> None:
    text = read(ota_dir, ZOOM_TOS_2023_08_11)
    structure = segment(text)
    section = next(s for s in structure.sections if s.number == "10.5")
    assert text[section.start:].startswith("**10.5 Service Generated Data**")
    assert "Zoom owns all rights, title, and interest" in text[section.body_start:section.end]
    for earlier, later in zip(structure.sections, structure.sections[1:], strict=False):
        assert earlier.end == later.start
    for sentence in structure.sentences:
        # the sentence's text is what the analyzer reads: the slice, with no-break spaces read as spaces
        assert text[sentence.start:sentence.end].replace("\xa0", " ") == sentence.text
    owns = next(s for s in structure.sentences if s.text.startswith("Zoom owns all rights, title, and interest"))
    assert structure.section_number(owns.section) == "10.5"


def test_no_break_spaces_are_read_as_spaces_without_moving_offsets() -> None:
    text = "Intro.\n\nWe\xa0use conversation data to\u202ftrain our models. Next sentence here."
    structure = segment(text)
    trained = next(s for s in structure.sentences if "train" in s.text)
    assert trained.text == "We use conversation data to train our models."
    assert text[trained.start:trained.end] == "We\xa0use conversation data to\u202ftrain our models."


def test_a_term_quoted_inside_bold_is_a_definition() -> None:
    structure = segment('Intro.\n\n**"Your Content"** means the content you submit and any generated responses.')
    assert "Your Content" in [d.term for d in structure.definitions]


def test_definitions_and_effective_date(ota_dir: Path) -> None:
    structure = segment(read(ota_dir, ZOOM_TOS_2023_08_11))
    terms = {d.term: d for d in structure.definitions}
    assert structure.effective_date == "2023-08-11"
    assert structure.section_number(terms["Service Generated Data"].section) == "10.5"
    assert "Telemetry data" in terms["Service Generated Data"].meaning
    assert structure.section_number(terms["Customer Content"].section) == "10.1"
    assert "Permitted Uses" in terms


@pytest.mark.parametrize(
    ("relative", "number", "heading"),
    [
        ("Reddit/Terms of Service/2026-07-02T00-47-12Z.md", "5", "Your Content"),
        ("LinkedIn/Privacy Policy/2026-02-20T00-43-48Z.md", "1", "Introduction"),
    ],
)
def test_atx_and_setext_numbered_headings(ota_dir: Path, relative: str, number: str, heading: str) -> None:
    structure = segment(read(ota_dir, relative))
    assert any(s.number == number and s.heading == heading for s in structure.sections)


def test_french_document(ota_dir: Path) -> None:
    structure = segment(read(ota_dir, "Facebook/Privacy Policy/2026-07-24T00-37-40Z.md"))
    assert structure.language == "fr"
    assert structure.effective_date == "2026-07-23"
    assert len(structure.sentences) > 200


def test_every_stored_version_segments(ota_dir: Path) -> None:
    files = sorted(ota_dir.glob("*/*/*.md"))
    assert len(files) >= 970
    with_numbers = with_dates = with_definitions = 0
    for path in files:
        text = path.read_bytes().decode("utf-8")
        structure = segment(text)
        assert all(0 <= s.start <= s.body_start <= s.end <= len(text) for s in structure.sections), path
        with_numbers += any(s.number for s in structure.sections)
        with_dates += structure.effective_date is not None
        with_definitions += bool(structure.definitions)
    # Figures measured on the shared sample; a drop means a parser regression.
    assert with_numbers >= 460 and with_dates >= 800 and with_definitions >= 800


def test_broken_tiny_capture_does_not_crash(ota_dir: Path) -> None:
    smallest = min(ota_dir.glob("Microsoft/Privacy Policy/*.md"), key=lambda p: p.stat().st_size)
    assert smallest.stat().st_size < 100
    structure = segment(smallest.read_bytes().decode("utf-8"))
    assert structure.effective_date is None


def test_run_in_and_typed_numbers(ota_dir: Path) -> None:
    quora = segment(read(ota_dir, "Quora/Terms of Service/2025-09-23T07-41-10Z.md"))
    assert any(s.number == "1.2" and s.heading == "Registration" for s in quora.sections)
    microsoft = segment(read(ota_dir, "Microsoft/Terms of Service/2026-08-04T12-47-35Z.md"))
    assert any(s.number == "2" and s.heading == "Your Content" for s in microsoft.sections)


def test_flattened_nested_lists_get_no_invented_numbers(ota_dir: Path) -> None:
    # 2021 Zoom terms: list numbering restarts (nested lists flattened), so positions mean nothing.
    structure = segment(read(ota_dir, "Zoom/Terms of Service/2021-08-16T08-55-22Z.md"))
    beta = next(s for s in structure.sections if s.heading == "Beta Services")
    assert beta.number is None
