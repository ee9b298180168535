"""Write stored histories back out in the Open Terms Archive dataset layout.

Files get the bytes that were recorded (the snapshot) when there is one, so exporting and importing
again round-trips byte for byte; an index.json keeps what the file names cannot (technical flags,
commit messages and sources).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from termlens.adapters.ota import filename_for
from termlens.storage.repository import Repository


def _safe(name: str) -> str:
    # Service and document names become folder names; path separators would escape the folder.
    return name.replace("/", "∕").replace("\\", "∖").strip() or "_"


def export_dataset(repo: Repository, target: Path, services: list[str] | None = None) -> int:
    """Write every stored version (optionally of some services) under ``target``; returns the count."""
    wanted = {s.lower() for s in services} if services else None
    index: list[dict[str, object]] = []
    written = 0
    seen: dict[tuple[int, str], int] = {}
    for version in repo.iter_versions(with_text=True):
        if wanted is not None and version.service.lower() not in wanted:
            continue
        collision = seen.get((version.document_id, version.recorded_at), 0)
        seen[(version.document_id, version.recorded_at)] = collision + 1
        relative = Path(_safe(version.service)) / _safe(version.document_type) / filename_for(
            version.recorded_at, collision)
        raw = repo.snapshot_bytes(version.snapshot_id) if version.snapshot_id is not None else None
        data = raw[0] if raw is not None else version.text.encode("utf-8")
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
        row: dict[str, object] = {
            "service": version.service, "terms_type": version.document_type, "timestamp": version.recorded_at,
            "stored": True, "file": relative.as_posix(), "bytes": len(data),
            "technical_upgrade": version.technical,
        }
        for key in ("source_repo", "source_commit", "source_path", "commit_message", "previous_commit"):
            if key in version.provenance:
                row[key] = version.provenance[key]
        row["sha256"] = hashlib.sha256(data).hexdigest()
        index.append(row)
    target.mkdir(parents=True, exist_ok=True)
    (target / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return written
