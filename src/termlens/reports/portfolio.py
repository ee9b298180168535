"""The portfolio: every service's eight current answers and the date of its last material change."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from termlens.domain.model import Answer
from termlens.domain.vocabulary import QUESTIONS
from termlens.pipeline.timeline import build_timeline
from termlens.reports.analyses import AnalysisCache, AnalyzedVersion, best_answer


@dataclass(frozen=True)
class PortfolioRow:
    """One service: its best answer per question (with the document it came from)."""

    service: str
    answers: dict[str, tuple[AnalyzedVersion, Answer]]
    last_material_change: str | None
    documents: int

    def words(self, question: str) -> str:
        """The answer to one question in plain words."""
        answer = self.answers[question][1]
        condition = answer.condition.plain()
        verdict = answer.verdict.plain(answer.confidence)
        return f"{verdict}, {condition}" if condition else verdict

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one portfolio row."""
        return {
            "service": self.service, "last_material_change": self.last_material_change, "documents": self.documents,
            "answers": {q: {"verdict": a.verdict.value, "condition": a.condition.value, "plain": self.words(q),
                            "document": v.version.document_type, "version": v.version.id}
                        for q, (v, a) in self.answers.items()},
        }


def last_material_change(cache: AnalysisCache, service: str) -> str | None:
    """When the service's documents last changed materially (materiality needs no analyzer)."""
    events = build_timeline(cache.repository.list_versions(service, with_text=True), answer_source=None)
    material = [e.recorded for e in events if e.record.material]
    return max(material)[:10] if material else None


def portfolio_row(cache: AnalysisCache, service: str, with_changes: bool = True) -> PortfolioRow | None:
    """The row of one service, or None when it has no version."""
    current = cache.current(service)
    if not current:
        return None
    answers = {q.id: best_answer([(v, v.analysis.answer(q.id)) for v in current]) for q in QUESTIONS}
    changed = last_material_change(cache, service) if with_changes else None
    return PortfolioRow(service, answers, changed, len(current))


def portfolio(cache: AnalysisCache, services: list[str] | None = None, with_changes: bool = True) -> list[PortfolioRow]:
    """Rows for the given services (default: every stored service), in name order."""
    names = services if services is not None else [s.name for s in cache.repository.list_services()]
    rows = [portfolio_row(cache, name, with_changes) for name in names]
    return [r for r in rows if r is not None]


def portfolio_csv(rows: list[PortfolioRow]) -> str:
    """One CSV line per service: the eight answers (plain words) and the last material change."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["service", *[q.id for q in QUESTIONS], "last_material_change"])
    for row in rows:
        writer.writerow([_cell(row.service), *[_cell(row.words(q.id)) for q in QUESTIONS],
                         row.last_material_change or ""])
    return buffer.getvalue()


def _cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
