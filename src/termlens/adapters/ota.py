"""Read Open Terms Archive histories: dataset folders and versions git repositories.

Two layouts exist. A dataset (the shape of ../shared/data/ota and of OTA's published archives) holds
``<Service>/<Terms Type>/<YYYY-MM-DDTHH-MM-SSZ>.md``, optionally with an ``index.json`` describing each
version. A versions repository holds ``<Service>/<Terms Type>.md`` and records one version per commit.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:\.\d+)?Z(b*)\.md$")
_TECHNICAL = re.compile(r"\b(technical|declaration) upgrade\b|^refilter\b", re.IGNORECASE)
_RECORD_SEP = "\x1e"
_FIELD_SEP = "\x1f"


class NotADataset(ValueError):
    """The directory holds neither an OTA dataset nor an OTA versions repository."""


@dataclass(frozen=True)
class OtaVersion:
    """One recorded version found in an OTA source, before it is read."""

    service: str
    document_type: str
    recorded_at: str  # ISO 8601 UTC
    name: str  # how to name it in messages: a path, or commit:path
    technical: bool = False
    provenance: dict[str, object] = field(default_factory=dict)
    path: Path | None = None  # dataset layout
    git_object: str | None = None  # versions-repository layout: "<commit>:<path>"


def is_technical_message(message: str) -> bool:
    """True for OTA commits that changed OTA's extraction, not the vendor's text."""
    return bool(_TECHNICAL.search(message.strip()))


def timestamp_from_filename(name: str) -> str | None:
    """'2023-08-11T19-15-38Z.md' -> '2023-08-11T19:15:38Z' (None when the name is not a timestamp)."""
    match = _STAMP.match(name)
    if not match:
        return None
    day, hh, mm, ss, _ = match.groups()
    return f"{day}T{hh}:{mm}:{ss}Z"


def filename_for(recorded_at: str, collision: int = 0) -> str:
    """The dataset file name of a version; later versions in the same second get a 'b' suffix."""
    return recorded_at.replace(":", "-") + "b" * collision + ".md"


def detect_layout(root: Path) -> str:
    """'dataset' or 'git'; raises NotADataset with a reason otherwise."""
    if not root.exists():
        raise NotADataset(f"{root}: no such directory")
    if not root.is_dir():
        raise NotADataset(f"{root}: not a directory (expected an Open Terms Archive dataset or versions repository)")
    if (root / ".git").exists() and any(root.glob("*/*.md")):
        return "git"
    if any(timestamp_from_filename(p.name) for p in root.glob("*/*/*.md")):
        return "dataset"
    raise NotADataset(
        f"{root}: not an Open Terms Archive dataset (<Service>/<Terms Type>/<timestamp>.md) "
        "or versions repository (<Service>/<Terms Type>.md with git history)"
    )


def _wanted(service: str, services: Sequence[str]) -> bool:
    return not services or service.lower() in {s.lower() for s in services}


def _load_index(root: Path) -> dict[str, dict[str, object]]:
    index = root / "index.json"
    if not index.is_file():
        return {}
    try:
        rows = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(r["file"]): r for r in rows if isinstance(r, dict) and r.get("file")}


def scan_dataset(root: Path, services: Sequence[str] = ()) -> tuple[list[OtaVersion], list[str]]:
    """Versions in a dataset folder, oldest first per document, and the names of files that are skipped."""
    index = _load_index(root)
    found: list[OtaVersion] = []
    ignored: list[str] = []
    for path in sorted(root.glob("*/*/*")):
        service, document_type = path.parent.parent.name, path.parent.name
        if service.startswith(".") or not _wanted(service, services):
            continue
        relative = path.relative_to(root).as_posix()
        stamp = timestamp_from_filename(path.name)
        if stamp is None or not path.is_file():
            ignored.append(relative)
            continue
        row = index.get(relative, {})
        provenance = {k: row[k] for k in ("source_repo", "source_commit", "source_path", "commit_message",
                                          "previous_commit", "sha256", "bytes") if row.get(k) is not None}
        provenance["file"] = relative
        found.append(OtaVersion(
            service=service, document_type=document_type, recorded_at=stamp, name=str(path),
            technical=bool(row.get("technical_upgrade")) or is_technical_message(str(row.get("commit_message", ""))),
            provenance=provenance, path=path,
        ))
    found.sort(key=lambda v: (v.service, v.document_type, v.recorded_at, v.name))
    return found, ignored


def scan_git(root: Path, services: Sequence[str] = ()) -> list[OtaVersion]:
    """Versions in an OTA versions repository: one per commit that added or modified a document."""
    log = subprocess.run(
        ["git", "-C", str(root), "log", "--reverse", "--diff-filter=AM", "--name-only", "-z",
         f"--format={_RECORD_SEP}%H{_FIELD_SEP}%aI{_FIELD_SEP}%s{_FIELD_SEP}"],
        capture_output=True, text=True, check=True,
    ).stdout
    found: list[OtaVersion] = []
    for record in log.split(_RECORD_SEP)[1:]:
        commit, date, message, names = record.split(_FIELD_SEP, 3)
        recorded = datetime.fromisoformat(date).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for name in names.strip("\n\x00").split("\x00"):
            name = name.strip("\n")
            parts = name.split("/")
            if len(parts) != 2 or not parts[1].endswith(".md") or not _wanted(parts[0], services):
                continue
            found.append(OtaVersion(
                service=parts[0], document_type=parts[1][:-3], recorded_at=recorded, name=f"{commit[:12]}:{name}",
                technical=is_technical_message(message),
                provenance={"source_commit": commit, "source_path": name, "commit_message": message},
                git_object=f"{commit}:{name}",
            ))
    found.sort(key=lambda v: (v.service, v.document_type, v.recorded_at))
    return found


def read_git_objects(root: Path, objects: Sequence[str]) -> Iterator[tuple[str, bytes | None]]:
    """Contents of ``commit:path`` objects through one `git cat-file --batch` process."""
    process = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    try:
        for obj in objects:
            process.stdin.write(obj.encode() + b"\n")
            process.stdin.flush()
            header = process.stdout.readline().split()
            if len(header) < 3 or header[1] != b"blob":
                yield obj, None
                continue
            size = int(header[2])
            data = process.stdout.read(size)
            process.stdout.read(1)
            yield obj, data
    finally:
        process.stdin.close()
        process.wait(timeout=30)
