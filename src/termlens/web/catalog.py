"""What the dashboard and the API read: the repository plus caches of analyses and timelines.

Versions are append-only, so an analysis is cached by version id and a timeline by the service's
latest version id; a new version simply makes a new cache key.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from termlens.analysis import answer_question, understand_question
from termlens.pipeline.timeline import TimelineEvent, build_timeline
from termlens.reports.analyses import AnalysisCache, AnalyzedVersion, informativeness
from termlens.reports.portfolio import PortfolioRow, portfolio_row
from termlens.storage import Repository
from termlens.storage.records import VersionRow


class NotFound(LookupError):
    """A service, version or document that is not stored."""


@dataclass(frozen=True)
class AskResult:
    """An answer to a plain-English question, with what was understood and where it came from."""

    body: dict[str, object]
    service: str
    version: VersionRow


class Catalog:
    """Cached reads over one repository."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.analyses = AnalysisCache(repository)
        self._timelines: dict[tuple[str, int], list[TimelineEvent]] = {}
        self._changes: dict[tuple[str, int], list[TimelineEvent]] = {}
        self._rows: dict[tuple[str, int], PortfolioRow] = {}
        self._lock = threading.Lock()

    def service(self, name: str) -> str:
        """The stored spelling of a service name; NotFound when unknown."""
        found = self.repository.find_service(name)
        if found is None:
            raise NotFound(f"no service named {name!r}")
        return found

    def version(self, version_id: int) -> AnalyzedVersion:
        """A stored version, analysed; NotFound when unknown."""
        analyzed = self.analyses.of_id(version_id)
        if analyzed is None:
            raise NotFound(f"no version {version_id}")
        return analyzed

    def _latest_id(self, service: str) -> int:
        versions = self.repository.list_versions(service)
        return max((v.id for v in versions), default=0)

    def timeline(self, service: str) -> list[TimelineEvent]:
        """The service's change records, oldest first (computed once per new version)."""
        key = (service, self._latest_id(service))
        with self._lock:
            cached = self._timelines.get(key)
        if cached is None:
            cached = build_timeline(self.repository.list_versions(service, with_text=True))
            with self._lock:
                self._timelines[key] = cached
        return cached

    def changes(self, service: str) -> list[TimelineEvent]:
        """The service's change records without answer shifts (cheaper: materiality needs no analyzer)."""
        key = (service, self._latest_id(service))
        with self._lock:
            cached = self._changes.get(key)
        if cached is None:
            cached = build_timeline(self.repository.list_versions(service, with_text=True), answer_source=None)
            with self._lock:
                self._changes[key] = cached
        return cached

    def portfolio(self) -> list[PortfolioRow]:
        """One row per stored service (cached per service's latest version)."""
        rows = []
        for summary in self.repository.list_services():
            key = (summary.name, self._latest_id(summary.name))
            with self._lock:
                row = self._rows.get(key)
            if row is None:
                row = portfolio_row(self.analyses, summary.name, with_changes=False)
                if row is None:
                    continue
                material = [e.recorded for e in self.changes(summary.name) if e.record.material]
                row = PortfolioRow(row.service, row.answers, max(material)[:10] if material else None, row.documents)
                with self._lock:
                    self._rows[key] = row
            rows.append(row)
        return rows

    def service_in(self, question: str) -> str | None:
        """The stored service a question names ("Is Zoom training …"), longest name first."""
        names = sorted((s.name for s in self.repository.list_services()), key=len, reverse=True)
        for name in names:
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", question, re.IGNORECASE):
                return name
        return None

    def ask(self, question: str, service: str | None) -> AskResult:
        """Answer a question from the current documents of a service (named, or found in the question)."""
        name = self.service(service) if service else self.service_in(question)
        if name is None:
            raise NotFound("name a service in the question or choose one")
        current = self.analyses.current(name)
        if not current:
            raise NotFound(f"{name} has no stored version")
        understood = understand_question(question)
        candidates = []
        for analyzed in current:
            body = answer_question(understood, analyzed.analysis)
            candidates.append((informativeness(str(body["verdict"]), bool(body.get("evidence"))), analyzed, body))
        _, best, body = max(candidates, key=lambda c: c[0])
        body["document"] = {"service": name, "type": best.version.document_type, "version": best.version.id,
                            "effective_date": best.analysis.effective_date}
        return AskResult(body, name, best.version)
