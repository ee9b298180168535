"""Import recorded histories (Open Terms Archive) into the store, one version at a time.

Each file is read, decoded and checked before anything is written, and each version is appended in
its own transaction: a bad file is reported and skipped without leaving half a version behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termlens.adapters.ota import OtaVersion, detect_layout, read_git_objects, scan_dataset, scan_git
from termlens.pipeline.dates import find_effective_date
from termlens.pipeline.extract import UnreadableInput, decode_text
from termlens.pipeline.sections import find_sections
from termlens.storage.records import NewVersion
from termlens.storage.repository import Repository


@dataclass
class ImportSummary:
    """What an import did: counts and one line per failed file."""

    imported: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        """Count one failed file with its reason."""
        self.failed += 1
        self.errors.append(message)


def check_version_bytes(version: OtaVersion, data: bytes) -> str:
    """Decode one recorded version; raise UnreadableInput (naming the file) when it is not usable."""
    expected_size = version.provenance.get("bytes")
    expected_sha = version.provenance.get("sha256")
    if isinstance(expected_sha, str) and hashlib.sha256(data).hexdigest() != expected_sha:
        if isinstance(expected_size, int) and len(data) < expected_size:
            raise UnreadableInput(f"{version.name}: truncated ({len(data)} of {expected_size} bytes)")
        raise UnreadableInput(f"{version.name}: content does not match the SHA-256 recorded in index.json")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            raise UnreadableInput(f"{version.name}: truncated (ends inside a UTF-8 character)") from exc
    text, _encoding = decode_text(data, version.name)
    if not text.strip():
        raise UnreadableInput(f"{version.name}: contains only whitespace")
    return text


def import_ota(
    repo: Repository,
    root: Path,
    services: Sequence[str] = (),
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportSummary:
    """Import an OTA dataset folder or versions repository; importing twice adds nothing."""
    layout = detect_layout(root)
    summary = ImportSummary()
    contents: Iterator[tuple[OtaVersion, bytes | UnreadableInput | None]]
    if layout == "dataset":
        versions, ignored = scan_dataset(root, services)
        for name in ignored:
            summary.fail(f"{root / name}: not a version file (expected <YYYY-MM-DDTHH-MM-SSZ>.md)")
        contents = ((v, _read_file(v)) for v in versions)
        source = "ota-dataset"
    else:
        versions = scan_git(root, services)
        blobs = read_git_objects(root, [v.git_object or "" for v in versions])
        contents = ((v, data) for v, (_obj, data) in zip(versions, blobs, strict=True))
        source = "ota-git"
    total = len(versions)
    for done, (version, data) in enumerate(contents, start=1):
        if progress is not None:
            progress(done, total, f"{version.service} / {version.document_type}")
        try:
            if isinstance(data, UnreadableInput):
                raise data
            if data is None:
                raise UnreadableInput(f"{version.name}: object missing from the repository")
            text = check_version_bytes(version, data)
        except UnreadableInput as exc:
            summary.fail(str(exc))
            continue
        _stored, created = repo.add_version(
            NewVersion(
                service=version.service, document_type=version.document_type, text=text,
                recorded_at=version.recorded_at, source=source, raw=data,
                effective_date=find_effective_date(text), technical=version.technical,
                provenance=version.provenance, url=version.name, same_as_parent_is_new=True,
            ),
            sections=find_sections(text),
        )
        if created:
            summary.imported += 1
        else:
            summary.skipped += 1
    return summary


def _read_file(version: OtaVersion) -> bytes | UnreadableInput:
    assert version.path is not None
    try:
        return version.path.read_bytes()
    except OSError as exc:
        return UnreadableInput(f"{version.path}: cannot be read ({exc.strerror or exc})")
