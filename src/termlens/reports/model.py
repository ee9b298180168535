"""The report on one service: what its documents say now, how they changed, and what to do.

A report is built from the stored history (`build_report`) and rendered by `render` into HTML,
Markdown, PDF or JSON. Every answer in it names the document version it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from termlens.analysis import ANALYZER_VERSION
from termlens.domain.change import AnswerState
from termlens.domain.model import Answer, Evidence, ItemAnswer
from termlens.domain.vocabulary import DATA_ITEMS, QUESTIONS, QUESTIONS_BY_ID, Use
from termlens.pipeline.timeline import TimelineEvent, build_timeline
from termlens.reports.advice import Advice, advise
from termlens.reports.analyses import AnalysisCache, AnalyzedVersion, best_answer, best_item

OTA_ATTRIBUTION = ("Contains data from Open Terms Archive, © Open Terms Archive contributors, "
                   "made available under the Open Database License ODC-BY 1.0.")
ITEM_USES: tuple[Use, ...] = (Use.AI_TRAINING, Use.AI_TRAINING_THIRD_PARTY, Use.MARKETING, Use.SALE_OR_LICENSING)
USE_WORDS = {Use.AI_TRAINING: "Trains the vendor's AI", Use.AI_TRAINING_THIRD_PARTY: "Trains others' AI",
             Use.MARKETING: "Marketing or ads", Use.SALE_OR_LICENSING: "Sold or licensed"}


def plain(verdict_words: str, condition_words: str) -> str:
    """"Yes, unless you opt out" from a verdict's and a condition's words."""
    return f"{verdict_words}, {condition_words}" if condition_words else verdict_words


@dataclass(frozen=True)
class SourceDocument:
    """One document version the report rests on."""

    type: str
    version: int
    recorded_at: str
    effective_date: str | None
    url: str | None
    source: str
    sha256: str
    words: int


@dataclass(frozen=True)
class TldrRow:
    """One of the eight questions answered for the service."""

    question: str
    short: str
    text: str
    verdict: str
    condition: str
    words: str
    explanation: str
    evidence: tuple[Evidence, ...]
    document: str
    was: str | None = None  # the previous report's words, when they differ


@dataclass(frozen=True)
class ItemRow:
    """One data item: what each use of it gets, with the quoted clause for training."""

    item: str
    label: str
    answers: dict[str, tuple[str, str, str]]  # use -> (verdict, condition, words)
    evidence: tuple[Evidence, ...]
    explanation: str
    document: str
    was: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One material change, dated, with what it did to the answers."""

    date: str
    recorded: str
    document: str
    version: int
    summary: str
    topics: tuple[str, ...]
    answers_changed: tuple[tuple[str, str, str], ...]  # (question short, before words, after words)
    quote: str | None
    new_since_previous: bool = False


@dataclass
class Report:
    """Everything a report says, ready to render."""

    service: str
    generated_at: str
    as_of: str | None
    since: str | None
    documents: list[SourceDocument]
    tldr: list[TldrRow]
    items: list[ItemRow]
    timeline: list[TimelineEntry]
    events: list[TimelineEvent]
    advice: list[Advice]
    analyzer_version: str = ANALYZER_VERSION
    open_terms_archive: bool = False
    previous_generated_at: str | None = None
    previous_as_of: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def attribution(self) -> str | None:
        """The Open Terms Archive attribution, when its data was used."""
        return OTA_ATTRIBUTION if self.open_terms_archive else None

    def state(self) -> dict[str, object]:
        """What the next report compares with: the answers in words, and when this one was made."""
        return {
            "service": self.service, "generated_at": self.generated_at, "as_of": self.as_of,
            "answers": {row.question: row.words for row in self.tldr},
            "items": {row.item: row.answers[Use.AI_TRAINING.value][2] for row in self.items},
            "timeline": [e.recorded for e in self.timeline],
        }

    def to_json(self) -> dict[str, object]:
        """The report as one JSON object (answers keep the analyzer's output-contract shape)."""
        return {
            "service": self.service,
            "generated_at": self.generated_at,
            "as_of": self.as_of,
            "since": self.since,
            "analyzer": {"name": "termlens", "version": self.analyzer_version},
            "tldr": [{"question": r.question, "short": r.short, "verdict": r.verdict, "condition": r.condition,
                      "plain": r.words, "explanation": r.explanation, "document": r.document,
                      "evidence": [e.to_json() for e in r.evidence], "changed_since_previous": r.was is not None,
                      "previous": r.was} for r in self.tldr],
            "items": [{"item": r.item, "label": r.label, "document": r.document, "explanation": r.explanation,
                       "uses": {use: {"verdict": v, "condition": c, "plain": w}
                                for use, (v, c, w) in r.answers.items()},
                       "evidence": [e.to_json() for e in r.evidence], "changed_since_previous": r.was is not None,
                       "previous": r.was} for r in self.items],
            "timeline": [{"date": e.date, "recorded": e.recorded, "document": e.document, "version": e.version,
                          "summary": e.summary, "topics": list(e.topics), "quote": e.quote,
                          "answers_changed": [{"question": q, "before": b, "after": a}
                                              for q, b, a in e.answers_changed],
                          "new_since_previous": e.new_since_previous} for e in self.timeline],
            "advice": [a.to_json() for a in self.advice],
            "sources": {"documents": [vars(d) for d in self.documents], "attribution": self.attribution},
            "previous_report": self.previous_generated_at,
            "notes": self.notes,
        }


def _words(answer: Answer | ItemAnswer) -> str:
    return plain(answer.verdict.plain(answer.confidence), answer.condition.plain())


def _tldr(current: list[AnalyzedVersion]) -> list[TldrRow]:
    rows = []
    for question in QUESTIONS:
        source, answer = best_answer([(v, v.analysis.answer(question.id)) for v in current])
        rows.append(TldrRow(question.id, question.short, question.text, answer.verdict.value,
                            answer.condition.value, _words(answer), answer.explanation, answer.evidence,
                            source.version.document_type))
    return rows


def _items(current: list[AnalyzedVersion]) -> list[ItemRow]:
    rows = []
    for item in DATA_ITEMS:
        answers: dict[str, tuple[str, str, str]] = {}
        training: tuple[AnalyzedVersion, ItemAnswer] | None = None
        for use in ITEM_USES:
            source, answer = best_item([(v, v.analysis.item(item.id, use.value)) for v in current])
            answers[use.value] = (answer.verdict.value, answer.condition.value, _words(answer))
            if use is Use.AI_TRAINING:
                training = (source, answer)
        assert training is not None
        rows.append(ItemRow(item.id, item.label, answers, training[1].evidence, training[1].explanation,
                            training[0].version.document_type))
    return rows


def _state_words(state: AnswerState | None) -> str:
    return state.plain() if state is not None else "—"


def _timeline(events: list[TimelineEvent], since: str | None) -> list[TimelineEntry]:
    entries = []
    for event in events:
        if not event.record.material or (since is not None and event.recorded < since):
            continue
        changed = tuple((QUESTIONS_BY_ID[s.question].short, _state_words(s.before), _state_words(s.after))
                        for s in event.record.answers_changed)
        quote = next((e.after or e.before for e in event.record.evidence if (e.after or e.before)), None)
        entries.append(TimelineEntry(
            date=event.recorded[:10],
            recorded=event.recorded, document=event.document, version=event.version,
            summary=event.record.summary, topics=tuple(t.value for t in event.record.topics),
            answers_changed=changed, quote=quote))
    return entries


_Row = TypeVar("_Row", TldrRow, ItemRow)


def _mark_previous(report: Report, previous: dict[str, object] | None) -> None:
    """Mark what differs from the previous report's stored state."""
    if not previous:
        return
    report.previous_generated_at = str(previous.get("generated_at") or "") or None
    report.previous_as_of = str(previous.get("as_of") or "") or None
    answers = previous.get("answers")
    if isinstance(answers, dict):
        report.tldr = [_with_was(r, answers.get(r.question)) for r in report.tldr]
    items = previous.get("items")
    if isinstance(items, dict):
        report.items = [_with_was(r, items.get(r.item)) for r in report.items]
    seen = previous.get("timeline")
    if isinstance(seen, list):
        known = set(map(str, seen))
        report.timeline = [TimelineEntry(**{**vars(e), "new_since_previous": e.recorded not in known})
                           for e in report.timeline]


def _with_was(row: _Row, before: object) -> _Row:
    now = row.words if isinstance(row, TldrRow) else row.answers[Use.AI_TRAINING.value][2]
    if isinstance(before, str) and before != now:
        return type(row)(**{**vars(row), "was": before})
    return row


def _end_of_day(at: str | None) -> str | None:
    if at is None:
        return None
    return at if "T" in at else at[:10] + "T23:59:59Z"


def build_report(cache: AnalysisCache, service: str, *, at: str | None = None, since: str | None = None,
                 previous: dict[str, object] | None = None) -> Report:
    """The report on ``service`` as of ``at`` (None: now), its timeline from ``since`` (None: all)."""
    repository = cache.repository
    name = repository.find_service(service)
    if name is None:
        raise LookupError(f"{service}: no such service in the store")
    until = _end_of_day(at)
    current = cache.current(name, until)
    if not current:
        raise LookupError(f"{name}: no version recorded{' by ' + at if at else ''}")
    rows = [r for r in repository.list_versions(name, with_text=True) if until is None or r.recorded_at <= until]
    events = build_timeline(rows)
    urls = {d.type: d.url for d in repository.list_documents(name)}
    documents = [SourceDocument(v.version.document_type, v.version.id, v.version.recorded_at,
                                v.version.effective_date, urls.get(v.version.document_type), v.version.source,
                                v.version.text_sha256, v.analysis.words) for v in current]
    tldr = _tldr(current)
    report = Report(
        service=name, generated_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), as_of=at, since=since,
        documents=documents, tldr=tldr, items=_items(current), timeline=_timeline(events, since), events=events,
        advice=advise(tldr, current), open_terms_archive=any(v.version.source.startswith("ota") for v in current),
    )
    _mark_previous(report, previous)
    return report
