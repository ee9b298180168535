"""Analyses of stored versions, cached by version id (versions are append-only, so an id's
analysis never goes stale while the analyzer version stays the same)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from termlens.analysis import Analysis, analyze
from termlens.domain.model import Answer, DocumentStructure, ItemAnswer
from termlens.pipeline.segment import segment
from termlens.storage import Repository
from termlens.storage.records import VersionRow

MAX_CACHED = 512


@dataclass(frozen=True)
class AnalyzedVersion:
    """One stored version with its structure and its answers."""

    version: VersionRow
    structure: DocumentStructure
    analysis: Analysis


class AnalysisCache:
    """Analyses versions of one repository once, keeping the most recently used ones."""

    def __init__(self, repository: Repository, limit: int = MAX_CACHED) -> None:
        self.repository = repository
        self.limit = limit
        self._cache: OrderedDict[int, AnalyzedVersion] = OrderedDict()
        self._lock = threading.Lock()

    def of_row(self, row: VersionRow) -> AnalyzedVersion:
        """The analysis of a version row that carries its text."""
        with self._lock:
            cached = self._cache.get(row.id)
            if cached is not None:
                self._cache.move_to_end(row.id)
                return cached
        structure = segment(row.text)
        analyzed = AnalyzedVersion(row, structure, analyze(structure))
        with self._lock:
            self._cache[row.id] = analyzed
            while len(self._cache) > self.limit:
                self._cache.popitem(last=False)
        return analyzed

    def of_id(self, version_id: int) -> AnalyzedVersion | None:
        """The analysis of a stored version by id, or None when there is no such version."""
        with self._lock:
            cached = self._cache.get(version_id)
        if cached is not None:
            return cached
        row = self.repository.get_version(version_id)
        return self.of_row(row) if row is not None else None

    def current(self, service: str, at: str | None = None) -> list[AnalyzedVersion]:
        """The version of each of a service's documents in force at ``at`` (None: latest), analysed."""
        found = []
        for document in self.repository.list_documents(service):
            row = self.repository.version_at(document.service, document.type, at)
            if row is not None:
                found.append(self.of_row(row))
        return found


def informativeness(verdict: str, has_evidence: bool) -> int:
    """Explicit answers beat probable ones, which beat vague ones, which beat silence."""
    return {"yes": 4, "no": 4, "likely": 3, "unlikely": 3}.get(verdict, 1) + (1 if has_evidence else 0)


def best_answer(candidates: list[tuple[AnalyzedVersion, Answer]]) -> tuple[AnalyzedVersion, Answer]:
    """Of one question's answers in several documents, the most informative (riskier wins a tie)."""
    return max(candidates, key=lambda c: (informativeness(c[1].verdict.value, bool(c[1].evidence)),
                                          -c[1].verdict.rank))


def best_item(candidates: list[tuple[AnalyzedVersion, ItemAnswer]]) -> tuple[AnalyzedVersion, ItemAnswer]:
    """Of one item × use's answers in several documents, the most informative (riskier wins a tie)."""
    return max(candidates, key=lambda c: (informativeness(c[1].verdict.value, bool(c[1].evidence)),
                                          -c[1].verdict.rank))
