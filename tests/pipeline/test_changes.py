"""Change records: material or not, topics, answers, summary, evidence, flaps."""

from __future__ import annotations

from pathlib import Path

from termlens.domain.change import ChangeRecord, Topic
from termlens.pipeline.changes import DocumentHistory, VersionText
from termlens.pipeline.timeline import analyzer_answers

BASE = (
    "# Terms\n\n"
    "1. We provide the service to you under these terms and you agree to follow them.\n\n"
    "2. We collect your account details so that we can operate the service for you.\n\n"
    "3. You own the content you upload, and you can delete it whenever you like.\n"
)


def history(*texts: str, technical: tuple[int, ...] = ()) -> list[ChangeRecord]:
    h = DocumentHistory()
    return [
        h.add(VersionText(id=str(k), text=t, recorded=f"2024-01-{k + 1:02d}T00:00:00Z", technical=k in technical))
        for k, t in enumerate(texts)
    ]


def test_first_version_is_the_baseline() -> None:
    [first] = history(BASE)
    assert first.first and not first.material and "First recorded" in first.summary


def test_ai_training_clause_is_material_with_ai_topic_summary_and_evidence() -> None:
    clause = "4. We may use your content to train our machine learning models unless you opt out."
    new = BASE + "\n" + clause + "\n"
    record = history(BASE, new)[1]
    assert record.material
    assert Topic.AI in record.topics and Topic.DATA_USE in record.topics
    assert "train our machine learning models" in record.summary and record.summary.startswith("Adds")
    [evidence] = record.evidence
    assert evidence.before is None and evidence.after is not None and evidence.after in new


def test_staff_training_and_ai_menu_are_not_ai() -> None:
    staff = BASE + "\n4. We train our employees to handle your personal information with care.\n"
    record = history(BASE, staff)[1]
    assert record.material and Topic.AI not in record.topics
    menu = "[Products](https://example.com/p)[AI Services](https://example.com/ai?x=1)\n\n" + BASE
    record = history(BASE, menu)[1]
    assert not record.material and record.topics == ()


def test_flapping_between_two_page_variants_alerts_once() -> None:
    variant = BASE.replace("account details", "account details and device identifiers")
    records = history(BASE, variant, BASE, variant, BASE)
    assert [r.material for r in records] == [False, True, False, False, False]
    assert [r.flap_of for r in records] == [None, None, "0", "1", "0"]
    assert "flapping" in records[2].summary


def test_technical_upgrade_is_never_material_and_broken_capture_is_skipped() -> None:
    changed = BASE + "\n4. We sell your personal data to data brokers for advertising purposes.\n"
    records = history(BASE, changed, technical=(1,))
    assert records[1].technical and not records[1].material and "technical" in records[1].summary.lower()
    long_text = BASE * 80
    records = history(long_text, "Access denied", long_text + "\nA new sentence about sharing data.\n")
    assert not records[1].material and "broken" in records[1].summary
    assert records[2].material and records[2].changed_clauses == 1  # compared with the last good capture


def test_upcoming_version_announced_once_then_takes_effect_quietly(ota_dir: Path) -> None:
    folder = ota_dir / "Twitter" / "Privacy Policy"
    stamps = ["2023-05-18T18-43-58Z", "2023-08-23T03-41-34Z", "2023-08-24T09-53-29Z", "2023-08-30T17-12-48Z",
              "2023-09-29T23-12-59Z"]
    h = DocumentHistory()
    records = [h.add(VersionText(s, (folder / f"{s}.md").read_text(encoding="utf-8"), s)) for s in stamps]
    announced, withdrawn, again, effective = records[1:]
    assert announced.material and Topic.AI in announced.topics
    assert "machine learning or artificial intelligence" in announced.summary
    assert not withdrawn.material and withdrawn.flap_of == stamps[0]
    assert not again.material and again.flap_of == stamps[1]  # same text, new effective date
    assert not effective.material


def test_language_variant_is_not_compared(ota_dir: Path) -> None:
    folder = ota_dir / "Facebook" / "Terms of Service"
    stamps = ["2021-01-10T20-39-04Z", "2021-02-23T07-49-19Z"]
    h = DocumentHistory()
    english, french = (h.add(VersionText(s, (folder / f"{s}.md").read_text(encoding="utf-8"), s)) for s in stamps)
    assert english.first
    assert not french.material and "language" in french.summary


def test_answers_that_moved_come_from_the_analyzer(ota_dir: Path) -> None:
    folder = ota_dir / "Zoom" / "Terms of Service"
    h = DocumentHistory(answer_source=analyzer_answers)
    stamps = ["2023-07-28T13-43-15Z", "2023-08-07T18-49-21Z"]
    before, after = (h.add(VersionText(s, (folder / f"{s}.md").read_text(encoding="utf-8"), s)) for s in stamps)
    assert before.answers_changed == ()
    assert after.material and after.answers_changed
    for shift in after.answers_changed:
        assert shift.before is not None and shift.before != shift.after
    assert any(s.question.startswith(("train.", "control.")) for s in after.answers_changed)
