"""Domain records shared by every stage: document structure, evidence, answers.

All offsets are Python string indices into the version's normalized text, end exclusive, so
``text[start:end]`` is always the exact quoted passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termlens.domain.vocabulary import Condition, Verdict


@dataclass(frozen=True)
class Section:
    """A numbered or headed unit of a version.

    ``number`` is the document's own number ("10.2") when it has one, else None. ``level`` is 1 for
    top-level sections and grows with nesting. ``start``/``end`` cover the heading and the body
    up to the next section of any level; ``body_start`` is where the text after the heading begins.
    """

    index: int
    number: str | None
    heading: str
    level: int
    start: int
    end: int
    body_start: int


@dataclass(frozen=True)
class Sentence:
    """One sentence with its offsets and the index of the section it falls in (None: preamble)."""

    index: int
    start: int
    end: int
    section: int | None
    text: str


@dataclass(frozen=True)
class Definition:
    """A defined term ("Service Generated Data") with the sentence that defines it."""

    term: str
    meaning: str
    start: int
    end: int
    section: int | None


@dataclass(frozen=True)
class DocumentStructure:
    """What segmentation learns about one version text."""

    text: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    definitions: tuple[Definition, ...]
    effective_date: str | None
    language: str

    def section_number(self, section_index: int | None) -> str | None:
        """The number (or heading when unnumbered) used to cite a section in evidence."""
        if section_index is None:
            return None
        s = self.sections[section_index]
        return s.number or s.heading[:60] or None


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote from a version, with offsets and the section it sits in."""

    quote: str
    start: int
    end: int
    section: str | None

    def to_json(self) -> dict[str, object]:
        """The output-contract shape of one evidence quote."""
        return {"section": self.section, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Answer:
    """A verdict on one question for one version."""

    question: str
    verdict: Verdict
    condition: Condition
    confidence: float
    evidence: tuple[Evidence, ...]
    explanation: str
    conditions: tuple[Condition, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        """The output-contract shape of one answer."""
        return {
            "question": self.question,
            "verdict": self.verdict.value,
            "condition": self.condition.value,
            "confidence": round(self.confidence, 2),
            "evidence": [e.to_json() for e in self.evidence],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class ItemAnswer:
    """A verdict on one use of one data item ("screen sharing" × "ai_training")."""

    item: str
    use: str
    verdict: Verdict
    condition: Condition
    confidence: float
    evidence: tuple[Evidence, ...]
    explanation: str

    def to_json(self) -> dict[str, object]:
        """The output-contract shape of one item answer."""
        return {
            "item": self.item,
            "use": self.use,
            "verdict": self.verdict.value,
            "condition": self.condition.value,
            "confidence": round(self.confidence, 2),
            "evidence": [e.to_json() for e in self.evidence],
            "explanation": self.explanation,
        }
