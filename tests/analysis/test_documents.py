"""The analyzer on real versions from the Open Terms Archive sample (../shared/data/ota)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlens.analysis import ANALYZER_VERSION, Analysis, analyze
from termlens.domain.model import Answer, ItemAnswer
from termlens.domain.vocabulary import DATA_ITEMS, QUESTION_IDS, Condition, Use, Verdict
from termlens.pipeline.extract import read_document
from termlens.pipeline.segment import segment

ZOOM_TOS = "Zoom/Terms of Service"


def analysed(ota_dir: Path, relative: str) -> tuple[str, Analysis]:
    """Read, segment and analyse one stored version."""
    text = read_document(ota_dir / relative).text
    return text, analyze(segment(text))


def test_zoom_april_2023_licence_reaches_machine_learning(ota_dir: Path) -> None:
    _, a = analysed(ota_dir, f"{ZOOM_TOS}/2023-04-01T06-45-10Z.md")
    usage = a.answer("train.usage.own")
    assert usage.verdict is Verdict.YES
    assert any("machine learning" in e.quote and e.section == "10.2" for e in usage.evidence)
    assert "Service Generated Data" in usage.explanation
    content = a.answer("train.content.own")
    assert content.verdict in (Verdict.YES, Verdict.LIKELY)
    assert any("machine learning" in e.quote for e in content.evidence)
    assert a.answer("ownership.usage").verdict is Verdict.YES
    assert a.answer("license.content.broad").verdict is Verdict.YES
    assert a.answer("control.ai_training").verdict is Verdict.NO


def test_zoom_august_7_2023_consent_for_audio_video_chat(ota_dir: Path) -> None:
    _, a = analysed(ota_dir, f"{ZOOM_TOS}/2023-08-07T18-49-21Z.md")
    for item in ("audio", "video", "chat"):
        got = a.item(item, "ai_training")
        assert (got.verdict, got.condition) == (Verdict.NO, Condition.OPT_IN), item
        assert "without your consent" in got.evidence[0].quote
    control = a.answer("control.ai_training")
    assert (control.verdict, control.condition) == (Verdict.YES, Condition.OPT_IN)
    # the carve-out names only some content; the machine-learning licence still covers files
    assert a.item("files", "ai_training").verdict in (Verdict.YES, Verdict.LIKELY)


def test_zoom_august_11_2023_does_not_use_to_train(ota_dir: Path) -> None:
    _, a = analysed(ota_dir, f"{ZOOM_TOS}/2023-08-11T19-15-38Z.md")
    own = a.answer("train.content.own")
    assert own.verdict is Verdict.NO
    assert "does not use" in own.evidence[0].quote and own.evidence[0].section == "10.2"
    assert a.answer("train.content.third_party").verdict is Verdict.NO
    assert a.item("screen_sharing", "ai_training").verdict is Verdict.NO
    assert a.answer("ownership.usage").verdict is Verdict.YES


def test_a_silent_document_rests_on_silence() -> None:
    # Synthetic: a real document of a held-out service must not be inspected by analyzer tests.
    text = ("# Terms of Sale\n\n## 1. Payment\n\nYou must pay all fees within thirty days of the invoice date. "
            "Late payments bear interest at one percent per month.\n\n## 2. Liability\n\nOur total liability "
            "is limited to the fees you paid in the twelve months before the claim.\n\n## 3. Disputes\n\n"
            "These terms are governed by the laws of the State of Delaware, and disputes go to its courts.\n")
    a = analyze(segment(text))
    for answer in a.answers:
        assert not answer.evidence and "silent" in answer.explanation
    assert a.answer("train.content.own").verdict is Verdict.UNCLEAR
    assert a.answer("control.ai_training").verdict is Verdict.NO


def test_french_privacy_policy(ota_dir: Path) -> None:
    _text, a = analysed(ota_dir, "Facebook/Privacy Policy/2024-06-26T06-05-23Z.md")
    assert a.language == "fr"
    marketing = a.answer("marketing.content")
    assert marketing.verdict in (Verdict.YES, Verdict.LIKELY)
    assert any("publicit" in e.quote for e in marketing.evidence)


@pytest.mark.parametrize("relative", [
    f"{ZOOM_TOS}/2023-04-01T06-45-10Z.md",
    "Zoom/Privacy Policy/2023-09-08T21-57-39Z.md",
    "ChatGPT/Terms of Service/2025-11-11T15-19-43Z.md",
    "Reddit/Terms of Service/2024-08-16T18-13-33Z.md",
    "Facebook/Privacy Policy/2024-06-26T06-05-23Z.md",
])
def test_every_answer_keeps_the_contract(ota_dir: Path, relative: str) -> None:
    text, a = analysed(ota_dir, relative)
    assert tuple(x.question for x in a.answers) == QUESTION_IDS
    assert len(a.items) == len(DATA_ITEMS) * len(Use)
    answers: list[Answer | ItemAnswer] = [*a.answers, *a.items]
    for answer in answers:
        assert answer.explanation
        for e in answer.evidence:
            assert text[e.start:e.end] == e.quote
        if not answer.evidence:
            assert "silent" in answer.explanation or answer.explanation == "no terms text found"
    body = a.to_json({"service": "S", "type": "T", "sha256": "x"})
    assert body["analyzer"] == {"name": "termlens", "version": ANALYZER_VERSION}
    assert set(body) == {"document", "analyzer", "answers", "items"}
    first = body["answers"][0]  # type: ignore[index]
    assert set(first) == {"question", "verdict", "condition", "confidence", "evidence", "explanation"}
