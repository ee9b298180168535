"""Advice is drawn from the document's own words where it offers a way out, and stays general
(stating nothing about the vendor) where it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdata import build_store
from termlens.reports.analyses import AnalysisCache
from termlens.reports.model import build_report
from termlens.storage import open_repository
from termlens.storage.records import NewVersion


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory, ota_dir: Path) -> AnalysisCache:
    """Zoom's history, the hostile service, and two small synthetic vendors."""
    directory = tmp_path_factory.mktemp("advice")
    url, _ = build_store(directory, ota_dir, services=("Zoom",))
    repository = open_repository(url)
    texts = {
        "Cipher Chat": "# Terms\n\n1. We use your files, messages and other content to train our artificial "
                       "intelligence models.\n\n2. We cannot access or read end-to-end encrypted meetings and "
                       "messages.\n",
        "Careful Vendor": "# Terms\n\n1. We do not use your content, files or messages to train artificial "
                          "intelligence or machine learning models.\n\n2. We do not use usage data or telemetry to "
                          "train artificial intelligence models.\n\n3. We do not use your content for marketing or "
                          "advertising.\n",
        "Plain Vendor": "# Terms\n\n1. We may use your content to train and improve our machine learning models.\n\n"
                        "2. Messages are not end-to-end encrypted, and staff do not access them.\n",
    }
    for service, text in texts.items():
        repository.add_version(NewVersion(service=service, document_type="Terms of Service", text=text,
                                          recorded_at="2024-05-01T00:00:00Z", source="test"))
    return AnalysisCache(repository)


def _actions(cache: AnalysisCache, service: str, concern: str, at: str | None = None) -> list[tuple[str, str | None]]:
    report = build_report(cache, service, at=at)
    advice = next(a for a in report.advice if a.concern == concern)
    return [(a.kind, a.quote) for a in advice.actions]


def test_zoom_in_august_2023_is_told_that_training_needs_its_consent(cache: AnalysisCache) -> None:
    actions = _actions(cache, "Zoom", "ai_training", at="2023-08-08")
    consent = [quote for kind, quote in actions if kind == "consent"]
    assert consent and "without your consent" in consent[0]


def test_the_hostile_vendor_opt_out_is_quoted_with_where_it_is(cache: AnalysisCache) -> None:
    actions = _actions(cache, "Hostile Example", "ai_training")
    assert any(kind == "control" and quote and "Settings > Privacy" in quote for kind, quote in actions)


def test_end_to_end_encryption_is_advised_only_where_the_text_keeps_encrypted_content_out(
        cache: AnalysisCache) -> None:
    cipher = _actions(cache, "Cipher Chat", "ai_training")
    assert [quote for kind, quote in cipher if kind == "e2ee"] == [
        "We cannot access or read end-to-end encrypted meetings and messages."]
    plain = _actions(cache, "Plain Vendor", "ai_training")
    assert not any(kind == "e2ee" for kind, _ in plain)


def test_without_anything_in_the_text_the_steps_are_general_and_name_no_vendor(cache: AnalysisCache) -> None:
    report = build_report(cache, "Plain Vendor")
    advice = next(a for a in report.advice if a.concern == "ai_training")
    assert all(a.kind == "general" and a.quote is None for a in advice.actions)
    assert all("Plain Vendor" not in a.text for a in advice.actions)
    assert "Trains its AI on your content" in " ".join(advice.because)


def test_no_advice_where_nothing_is_at_risk(cache: AnalysisCache) -> None:
    assert build_report(cache, "Careful Vendor").advice == []
