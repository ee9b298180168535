"""Understanding plain-English questions and answering them from a real document."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlens.analysis import analyze, answer_question, understand_question
from termlens.pipeline.extract import read_document
from termlens.pipeline.segment import segment


@pytest.mark.parametrize(("question", "item", "use", "question_id"), [
    ("Is Zoom training its AI on my screen shares?", "screen_sharing", "ai_training", "train.content.own"),
    ("Can they use my recordings in ads?", "recordings", "marketing", "marketing.content"),
    ("Does ChatGPT learn from my chats?", "chat", "ai_training", "train.content.own"),
    ("Do they sell my posts?", "posts", "sale_or_licensing", "train.content.third_party"),
    ("Will my files be used to train other companies' models?", "files", "ai_training_third_party",
     "train.content.third_party"),
    ("Do they train on my prompts?", "ai_prompts", "ai_training", "train.ai_io"),
    ("Is my telemetry used for machine learning?", "telemetry", "ai_training", "train.usage.own"),
])
def test_understands_item_and_use(question: str, item: str, use: str, question_id: str) -> None:
    understood = understand_question(question)
    assert (understood.item, understood.use, understood.question_id) == (item, use, question_id)


def test_understands_document_level_questions() -> None:
    assert understand_question("Can I opt out of AI training?").question_id == "control.ai_training"
    assert understand_question("Do they own my usage data?").question_id == "ownership.usage"


def test_an_unrelated_question_is_not_guessed() -> None:
    assert not understand_question("What about the weather?").recognised
    # (a question from the PrivacyQA set: "feedback" is no feeding of data to a model)
    assert not understand_question("does the app have a user feedback capabilities built in").recognised


def test_a_question_naming_no_use_says_which_use_is_answered() -> None:
    understood = understand_question("is my chat here with the platform confidential?")
    assert (understood.item, understood.use) == ("chat", "ai_training")
    assert "no use was named" in understood.describe()
    assert "no use was named" not in understand_question("Does ChatGPT learn from my chats?").describe()


def test_answer_quotes_the_exclusion_for_the_item(ota_dir: Path) -> None:
    text = read_document(ota_dir / "Zoom/Terms of Service/2023-08-11T19-15-38Z.md").text
    body = answer_question(understand_question("Is Zoom training its AI on my screen shares?"),
                           analyze(segment(text)))
    assert body["item"] == "screen_sharing" and body["use"] == "ai_training"
    assert body["verdict"] == "no"
    evidence = body["evidence"]
    assert isinstance(evidence, list) and "screen sharing" in evidence[0]["quote"]
    assert "Screen sharing" in str(body["understood"])
