"""A service's timeline: one change record per stored version, in recorded order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termlens.analysis import analyze
from termlens.domain.change import ChangeRecord
from termlens.domain.model import Answer
from termlens.pipeline.changes import AnswerSource, DocumentHistory, VersionText
from termlens.pipeline.segment import segment
from termlens.storage.records import VersionRow


def analyzer_answers(text: str) -> Sequence[Answer]:
    """The analyzer's eight answers for one version text (items are not needed for a timeline)."""
    return analyze(segment(text), with_items=False).answers


@dataclass(frozen=True)
class TimelineEvent:
    """One version of one document and what it changed."""

    document: str
    version: int
    recorded: str
    effective_date: str | None
    record: ChangeRecord

    def to_json(self) -> dict[str, object]:
        """The timeline-contract shape of one event (plus ``flap`` and ``technical`` marks)."""
        r = self.record
        return {
            "document": self.document,
            "recorded": self.recorded,
            "effective_date": self.effective_date,
            "version": self.version,
            "material": r.material,
            "topics": [t.value for t in r.topics],
            "answers_changed": [s.to_json() for s in r.answers_changed],
            "summary": r.summary,
            "evidence": [e.to_json() for e in r.evidence],
            "flap": r.flap_of is not None,
            "technical": r.technical,
        }


def build_timeline(
    rows: Iterable[VersionRow], answer_source: AnswerSource | None = analyzer_answers,
) -> list[TimelineEvent]:
    """Change records for versions (with texts) of one or more documents, oldest first.

    Rows of each document must come in recorded order; each document keeps its own history
    (flaps are judged within a document).
    """
    histories: dict[str, DocumentHistory] = {}
    events: list[TimelineEvent] = []
    for row in rows:
        history = histories.setdefault(row.document_type, DocumentHistory(answer_source=answer_source))
        record = history.add(VersionText(
            id=str(row.id), text=row.text, recorded=row.recorded_at, technical=row.technical,
            effective_date=row.effective_date,
        ))
        events.append(TimelineEvent(row.document_type, row.id, row.recorded_at, row.effective_date, record))
    events.sort(key=lambda e: (e.recorded, e.document, e.version))
    return events


def timeline_json(service: str, events: Sequence[TimelineEvent]) -> dict[str, object]:
    """The ``termlens timeline --format json`` document."""
    return {"service": service, "events": [e.to_json() for e in events]}
