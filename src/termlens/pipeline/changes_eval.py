"""Score change records against the golden set of real changes (tests/golden/changes/golden.yaml).

Each golden pair names two consecutive stored versions of one document in the OTA sample. The
document's whole stored history is replayed (flaps are only visible with history), and the record
of the pair's second version is compared with the labels: ``material`` and the ``ai`` topic.
A second check replays every document holding versions whose only change is in link URLs
(index.json ``noise_only_change``) and counts those called material; the target is none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from termlens.domain.change import ChangeRecord, Topic
from termlens.pipeline.changes import DocumentHistory, VersionText


@dataclass(frozen=True)
class GoldenPair:
    """One labelled change."""

    id: str
    before: str
    after: str
    material: bool
    ai: bool
    topics: tuple[str, ...]
    category: str
    note: str


@dataclass(frozen=True)
class Outcome:
    """What the pipeline said about one golden pair."""

    pair: GoldenPair
    record: ChangeRecord
    predecessor: str | None

    @property
    def material(self) -> bool:
        """Predicted materiality."""
        return self.record.material

    @property
    def ai(self) -> bool:
        """Predicted AI topic (only a material change has topics)."""
        return self.record.material and Topic.AI in self.record.topics


@dataclass(frozen=True)
class Rates:
    """Precision and recall of one binary label."""

    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def precision(self) -> float:
        """Share of predicted positives that are right (1.0 when nothing was predicted)."""
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of real positives found (1.0 when there are none)."""
        real = self.true_positive + self.false_negative
        return self.true_positive / real if real else 1.0


@dataclass
class Scores:
    """Outcomes of a golden-set run."""

    outcomes: list[Outcome] = field(default_factory=list)

    def rates(self, label: str) -> Rates:
        """Precision/recall of ``material`` or ``ai``."""
        pairs = [(bool(getattr(o.pair, label)), bool(getattr(o, label))) for o in self.outcomes]
        return Rates(
            sum(1 for gold, got in pairs if gold and got),
            sum(1 for gold, got in pairs if not gold and got),
            sum(1 for gold, got in pairs if gold and not got),
            sum(1 for gold, got in pairs if not gold and not got),
        )

    def misses(self) -> list[Outcome]:
        """Pairs where material or ai is wrong."""
        return [o for o in self.outcomes if o.material != o.pair.material or o.ai != o.pair.ai]


def load_golden(path: Path) -> list[GoldenPair]:
    """Read the golden YAML file."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        GoldenPair(
            id=str(p["id"]), before=str(p["before"]), after=str(p["after"]), material=bool(p["material"]),
            ai=bool(p["ai"]), topics=tuple(p.get("topics") or ()), category=str(p["category"]),
            note=str(p.get("note", "")),
        )
        for p in data["pairs"]
    ]


def load_index(ota_dir: Path) -> dict[str, dict[str, Any]]:
    """index.json rows of stored versions, by file path relative to the OTA folder."""
    rows = json.loads((ota_dir / "index.json").read_text(encoding="utf-8"))
    return {str(r["file"]): r for r in rows if r.get("stored")}


def replay_document(
    ota_dir: Path, document: str, index: dict[str, dict[str, Any]],
) -> dict[str, tuple[ChangeRecord, str | None]]:
    """Change records of every stored version of one document (``Service/Terms Type``), keyed
    by relative path, with the path of the version each was compared with (None for the first)."""
    history = DocumentHistory(answer_source=None)
    records: dict[str, tuple[ChangeRecord, str | None]] = {}
    previous: str | None = None
    for path in sorted((ota_dir / document).glob("*.md")):
        relative = f"{document}/{path.name}"
        row = index.get(relative, {})
        version = VersionText(
            id=relative, text=path.read_text(encoding="utf-8"), recorded=str(row.get("timestamp", path.stem)),
            technical=bool(row.get("technical_upgrade", False)),
        )
        records[relative] = (history.add(version), previous)
        previous = relative
    return records


def evaluate(pairs: Iterable[GoldenPair], ota_dir: Path) -> Scores:
    """Replay the documents of the golden pairs and collect one outcome per pair."""
    index = load_index(ota_dir)
    replayed: dict[str, dict[str, tuple[ChangeRecord, str | None]]] = {}
    scores = Scores()
    for pair in pairs:
        document = pair.after.rsplit("/", 1)[0]
        if document not in replayed:
            replayed[document] = replay_document(ota_dir, document, index)
        record, predecessor = replayed[document][pair.after]
        scores.outcomes.append(Outcome(pair, record, predecessor))
    return scores


def url_only_versions(ota_dir: Path) -> list[str]:
    """Stored versions whose text differs from the stored version before them only in link URLs:
    flagged ``noise_only_change``, and every unstored version in between is noise too."""
    rows = json.loads((ota_dir / "index.json").read_text(encoding="utf-8"))
    by_commit = {(r["service"], r["terms_type"], r["source_commit"]): r for r in rows}
    found: list[str] = []
    for row in rows:
        if not row.get("stored") or not row.get("noise_only_change"):
            continue
        current = row
        while True:
            parent = by_commit.get((row["service"], row["terms_type"], current.get("previous_commit")))
            if parent is None:
                break
            if parent.get("stored"):
                found.append(str(row["file"]))
                break
            if not parent.get("noise_only_change"):
                break
            current = parent
    return sorted(found)


def url_only_called_material(ota_dir: Path) -> tuple[int, list[str]]:
    """How many URL-only versions exist, and which of them the pipeline calls material."""
    index = load_index(ota_dir)
    versions = url_only_versions(ota_dir)
    wrong: list[str] = []
    replayed: dict[str, dict[str, tuple[ChangeRecord, str | None]]] = {}
    for relative in versions:
        document = relative.rsplit("/", 1)[0]
        if document not in replayed:
            replayed[document] = replay_document(ota_dir, document, index)
        if replayed[document][relative][0].material:
            wrong.append(relative)
    return len(versions), wrong
