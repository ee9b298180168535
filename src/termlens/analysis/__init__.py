"""The termlens analyzer: answers the AI / data-use questions of DESIGN.md section 3 for one version.

    >>> from termlens.pipeline.segment import segment
    >>> analysis = analyze(segment(text))
    >>> analysis.answer("train.content.own").verdict

Rules are general knowledge of legal drafting (see ``lexicon``); per-sentence readings are cached
by sentence text, so analysing every version of a document's history is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from termlens.analysis.asking import Understood, answer_question, understand_question
from termlens.analysis.items import ItemResolver
from termlens.analysis.questions import ANSWERERS
from termlens.analysis.reading import read_document
from termlens.domain.model import Answer, DocumentStructure, ItemAnswer
from termlens.domain.vocabulary import QUESTION_IDS

# Bump when rules change: part of every result and of every cache key.
ANALYZER_VERSION = "0.16.0"
ANALYZER_NAME = "termlens"

__all__ = ["ANALYZER_VERSION", "Analysis", "Understood", "analyze", "answer_question", "understand_question"]


@dataclass(frozen=True)
class Analysis:
    """The answers for one version: the eight questions in order, then every item × use."""

    answers: tuple[Answer, ...]
    items: tuple[ItemAnswer, ...]
    effective_date: str | None
    language: str
    words: int
    analyzer_version: str = ANALYZER_VERSION

    def answer(self, question_id: str) -> Answer:
        """The answer to one document-level question by id."""
        for a in self.answers:
            if a.question == question_id:
                return a
        raise KeyError(question_id)

    def item(self, item_id: str, use: str) -> ItemAnswer:
        """The answer for one item and one use."""
        for a in self.items:
            if a.item == item_id and a.use == use:
                return a
        raise KeyError((item_id, use))

    def to_json(self, document_meta: dict[str, object]) -> dict[str, object]:
        """The output contract of DESIGN.md section 4; ``document_meta`` gives service, type, sha256…"""
        document: dict[str, object] = {"effective_date": self.effective_date, "words": self.words}
        document.update(document_meta)
        return {
            "document": document,
            "analyzer": {"name": ANALYZER_NAME, "version": self.analyzer_version},
            "answers": [a.to_json() for a in self.answers],
            "items": [i.to_json() for i in self.items],
        }


def analyze(structure: DocumentStructure, with_items: bool = True) -> Analysis:
    """Answer the eight questions (and, unless told not to, every item × use) for one version."""
    reading = read_document(structure)
    answers = tuple(answerer(reading) for answerer in ANSWERERS)
    assert tuple(a.question for a in answers) == QUESTION_IDS
    items = ItemResolver(reading, {a.question: a for a in answers}).all() if with_items else ()
    return Analysis(
        answers=answers,
        items=items,
        effective_date=structure.effective_date,
        language=structure.language,
        words=len(structure.text.split()),
    )
