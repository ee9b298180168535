"""Plain records returned by the repository (no SQLAlchemy types leak out)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string, second precision."""
    return to_iso(datetime.now(UTC))


def to_iso(moment: datetime) -> str:
    """ISO 8601 UTC string of an aware or naive-UTC datetime ("2023-08-11T19:15:38Z")."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


@dataclass(frozen=True)
class ServiceSummary:
    """A service with counts of what is stored for it."""

    name: str
    documents: int
    versions: int
    first_recorded: str | None
    last_recorded: str | None


@dataclass(frozen=True)
class DocumentRow:
    """One document (a terms type of a service)."""

    id: int
    service: str
    type: str
    url: str | None
    versions: int = 0
    last_recorded: str | None = None


@dataclass(frozen=True)
class VersionRow:
    """One version. ``text`` is empty when the listing did not ask for texts."""

    id: int
    document_id: int
    service: str
    document_type: str
    parent_id: int | None
    snapshot_id: int | None
    text_sha256: str
    recorded_at: str
    effective_date: str | None
    source: str
    provenance: dict[str, object]
    technical: bool
    text: str = ""
    words: int = 0

    @staticmethod
    def provenance_from(raw: str | None) -> dict[str, object]:
        """Decode the stored provenance JSON."""
        if not raw:
            return {}
        value = json.loads(raw)
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class NewVersion:
    """What a caller knows about a version it wants to append."""

    service: str
    document_type: str
    text: str
    recorded_at: str
    source: str
    raw: bytes | None = None
    effective_date: str | None = None
    technical: bool = False
    provenance: dict[str, object] = field(default_factory=dict)
    url: str = ""
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    # A fetch that returns the text already stored is an observation, not a version. Recorded histories
    # (imports) keep every recorded file, since a version between two equal texts may simply be missing.
    same_as_parent_is_new: bool = False
    # A snapshot stored before extraction (fetches keep raw bytes first, DESIGN.md 6.1); used when raw is None.
    snapshot_id: int | None = None


@dataclass(frozen=True)
class SectionRow:
    """A stored section of a version."""

    idx: int
    number: str | None
    heading: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class ObservationRow:
    """One check of a document: a new version, unchanged, or a typed failure."""

    id: int
    document_id: int
    checked_at: str
    outcome: str
    failure_type: str | None
    detail: str | None
    version_id: int | None
