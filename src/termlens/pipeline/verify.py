"""Check that the stored history is intact: hashes, parent chains, gaps and failed checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from termlens.storage.repository import Repository, sha256_text


@dataclass
class VerifyReport:
    """Problems make `termlens verify` exit 1; notes (gaps, failed checks) are information."""

    versions: int = 0
    blobs: int = 0
    problems: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no integrity problem was found."""
        return not self.problems


def verify(repo: Repository) -> VerifyReport:
    """Recompute every hash and walk every document's parent chain."""
    report = VerifyReport()
    for digest, content in repo.iter_blobs():
        report.blobs += 1
        if hashlib.sha256(content).hexdigest() != digest:
            report.problems.append(f"blob {digest[:12]}: content does not match its SHA-256")
    previous_by_document: dict[int, tuple[int, str, dict[str, object]]] = {}
    ids_by_document: dict[int, set[int]] = {}
    for version in repo.iter_versions(with_text=True):
        report.versions += 1
        label = f"version {version.id} ({version.service} / {version.document_type} {version.recorded_at})"
        if sha256_text(version.text) != version.text_sha256:
            report.problems.append(f"{label}: text does not match its SHA-256")
        known = ids_by_document.setdefault(version.document_id, set())
        previous = previous_by_document.get(version.document_id)
        if previous is None:
            if version.parent_id is not None:
                report.problems.append(f"{label}: first version of its document but has parent {version.parent_id}")
        elif version.parent_id not in known:
            report.problems.append(f"{label}: parent {version.parent_id} is not an earlier version of its document")
        elif version.parent_id != previous[0]:
            report.gaps.append(f"{label}: parent is version {version.parent_id}, not the version just before it "
                               f"({previous[0]}); it was added out of order")
        if previous is not None:
            wanted = version.provenance.get("previous_commit")
            had = previous[2].get("source_commit")
            if wanted and had and wanted != had:
                report.gaps.append(f"{label}: the version recorded before it ({str(wanted)[:12]}) is not stored")
        known.add(version.id)
        previous_by_document[version.document_id] = (version.id, version.recorded_at, version.provenance)
    for observation in repo.failed_observations():
        report.failed_checks.append(
            f"document {observation.document_id} at {observation.checked_at}: {observation.failure_type}"
            + (f" ({observation.detail})" if observation.detail else "")
        )
    return report
