"""Pure change types: how two versions of a document differ, and what that change means.

A *clause* here is one block of a version's Markdown (a paragraph, list item, table row or
heading) with its offsets into the version text; it is the unit that is aligned between versions.
Offsets are Python string indices, end exclusive, so ``text[start:end]`` is the clause verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from termlens.domain.vocabulary import Condition, Verdict


class ClauseChangeKind(StrEnum):
    """How one clause differs between two versions."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"


class Topic(StrEnum):
    """What a material change is about (a change can have several)."""

    AI = "ai"
    DATA_USE = "data_use"
    LICENCE = "licence"
    OWNERSHIP = "ownership"
    MARKETING = "marketing"
    OTHER = "other"


TOPIC_ORDER: tuple[Topic, ...] = tuple(Topic)


@dataclass(frozen=True)
class Clause:
    """One block of a version: verbatim text, offsets, its comparison key and section label."""

    index: int
    start: int
    end: int
    text: str
    key: str
    section: str | None = None

    @property
    def words(self) -> int:
        """How many words the comparison key has."""
        return len(self.key.split())


@dataclass(frozen=True)
class WordOp:
    """One run of a word-level diff: ``equal``, ``insert`` (new only) or ``delete`` (old only)."""

    tag: str
    text: str


@dataclass(frozen=True)
class ClauseChange:
    """One clause added, removed or modified, with its word-level diff.

    ``substantive`` is False when the edit cannot change meaning (dates, punctuation, spelling,
    navigation or link-only blocks, a copy of text that still exists elsewhere); ``note`` then
    says why. ``words`` holds the word-level diff for modified clauses (the whole clause as one
    insert or delete otherwise).
    """

    kind: ClauseChangeKind
    before: Clause | None
    after: Clause | None
    words: tuple[WordOp, ...]
    substantive: bool
    note: str = ""

    @property
    def section(self) -> str | None:
        """The section the clause sits in (new version first)."""
        if self.after is not None and self.after.section:
            return self.after.section
        return self.before.section if self.before is not None else None

    def changed_text(self, tag: str) -> str:
        """The words inserted (``insert``) or deleted (``delete``) by this change, joined."""
        return " ".join(op.text for op in self.words if op.tag == tag)


@dataclass(frozen=True)
class DocumentDiff:
    """Clause-aligned difference between two version texts.

    ``changes`` lists every clause that differs after normalization (substantive or not);
    ``unchanged`` counts aligned clauses with the same normalized text, ``moved`` those among
    them that changed position, and ``cosmetic_only`` the aligned clauses whose raw text differs
    only in links, formatting, whitespace or numbering.
    """

    changes: tuple[ClauseChange, ...]
    unchanged: int
    moved: int
    cosmetic_only: int
    same_normalized_text: bool

    @property
    def substantive(self) -> tuple[ClauseChange, ...]:
        """The changes that can alter meaning."""
        return tuple(c for c in self.changes if c.substantive)


@dataclass(frozen=True)
class AnswerState:
    """A verdict and its condition, as compared across versions."""

    verdict: Verdict
    condition: Condition

    def to_json(self) -> dict[str, str]:
        """The timeline-contract shape of one side of an answer change."""
        return {"verdict": self.verdict.value, "condition": self.condition.value}

    def plain(self) -> str:
        """The state in plain words ("Yes, only if you opt in")."""
        condition = self.condition.plain()
        return f"{self.verdict.plain()}, {condition}" if condition else self.verdict.plain()


@dataclass(frozen=True)
class AnswerShift:
    """One question whose verdict or condition differs between two versions."""

    question: str
    before: AnswerState | None
    after: AnswerState

    def to_json(self) -> dict[str, object]:
        """The timeline-contract shape of one answer change."""
        return {
            "question": self.question,
            "before": self.before.to_json() if self.before is not None else None,
            "after": self.after.to_json(),
        }


@dataclass(frozen=True)
class ChangeEvidence:
    """A changed clause quoted before and after (verbatim from each version; None when absent)."""

    kind: ClauseChangeKind
    section: str | None
    before: str | None
    after: str | None

    def to_json(self) -> dict[str, object]:
        """The timeline-contract shape of one evidence item."""
        return {"kind": self.kind.value, "section": self.section, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class ChangeRecord:
    """What one version changed against its predecessor, in meaning.

    ``flap_of`` names the earlier version whose text this one returns to (A/B or regional page
    variants); ``technical`` marks an archive-side re-extraction. Neither is ever material.
    """

    material: bool
    topics: tuple[Topic, ...]
    answers_changed: tuple[AnswerShift, ...]
    summary: str
    evidence: tuple[ChangeEvidence, ...]
    first: bool = False
    technical: bool = False
    flap_of: str | None = None
    changed_clauses: int = 0
    notes: tuple[str, ...] = field(default=())
