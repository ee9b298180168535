"""Plain text (a .txt file, text out of a PDF) has headings too: lines of their own that read as titles."""

from __future__ import annotations

from pathlib import Path

from termlens.pipeline.sections import find_sections
from termlens.pipeline.segment import segment


def _headings(text: str) -> list[tuple[str | None, str]]:
    return [(s.number, s.heading) for s in find_sections(text)]


def test_a_number_on_its_own_line_numbers_the_title_below_it() -> None:
    text = ("Terms of Service\n\n7.\n\nLicense\n\nAcme grants you a licence to use the app.\n\n"
            "8.\n\nUser Content\n\nYou grant Acme a perpetual licence to your content.\n")
    assert _headings(text) == [(None, "Terms of Service"), ("7", "License"), ("8", "User Content")]
    structure = segment(text)
    perpetual = next(s for s in structure.sentences if "perpetual" in s.text)
    assert structure.section_number(perpetual.section) == "8"  # what the evidence of an answer cites


def test_numbered_and_lettered_titles_in_sentence_case() -> None:
    text = ("1\\. Our service\n\nAcme helps you plan trips.\n\na. Who can use Acme\n\nAnyone over 16 may use it.\n\n"
            "2\\. Your content\n\nYou keep ownership of what you post.\n")
    assert _headings(text) == [("1", "Our service"), (None, "Who can use Acme"), ("2", "Your content")]


def test_sentences_and_dates_are_not_headings() -> None:
    text = ("Last updated on 1 March 2021\n\nWe may use your content to improve the service.\n\n"
            "Please read these terms carefully before using Acme\n\nHow We Use Your Content\n\n"
            "We use it to run the service.\n")
    assert _headings(text) == [(None, "How We Use Your Content")]


def test_a_markdown_document_keeps_its_own_headings_only() -> None:
    text = "# Terms\n\nIntro.\n\nHow We Use Your Content\n\nWe use it.\n\n## Licence\n\nA licence.\n"
    assert _headings(text) == [(None, "Terms"), (None, "Licence")]


def test_a_real_archive_version_without_markdown_headings_gets_its_sections(ota_dir: Path) -> None:
    # Open Terms Archive captured this version's headings as plain lines ("3\. Your content")
    text = (ota_dir / "Pinterest" / "Terms of Service" / "2023-01-26T00-38-52Z.md").read_text(encoding="utf-8")
    headings = _headings(text)
    assert ("3", "Your content") in headings
    assert (None, "How Pinterest and other users can use your content") in headings
