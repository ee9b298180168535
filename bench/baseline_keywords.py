"""The naive keyword baseline the analyzer is measured against (issue 3, part 4).

For each question it looks for the first sentence with AI words (or the question's own keywords);
"not" in that sentence means `no`, "train" means `yes`, anything else `unclear`; no sentence means
silence (`unclear`, or `no` for the three "does the document …" questions). Conditions are always
`none`. It exists to show how much the analyzer's reading adds over a regex search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from termlens.domain.model import Answer, DocumentStructure, Evidence, ItemAnswer
from termlens.domain.vocabulary import QUESTIONS, Condition, QuestionKind, Verdict

AI = re.compile(r"\b(?:AI|artificial intelligence|machine learning|train\w*|models?)\b", re.IGNORECASE)
KEYWORDS = {
    "ownership.usage": re.compile(r"\b(?:owns?|ownership)\b", re.IGNORECASE),
    "license.content.broad": re.compile(r"\b(?:licen[cs]e)\b", re.IGNORECASE),
    "marketing.content": re.compile(r"\b(?:marketing|advertising)\b", re.IGNORECASE),
}
NOT = re.compile(r"\bnot\b", re.IGNORECASE)
TRAIN = re.compile(r"\btrain", re.IGNORECASE)


def baseline(structure: DocumentStructure) -> tuple[Sequence[Answer], Sequence[ItemAnswer]]:
    """Answers from a regex search: first matching sentence, "not" → no, "train" → yes."""
    answers = []
    for q in QUESTIONS:
        rx = KEYWORDS.get(q.id, AI)
        hit = next((s for s in structure.sentences if rx.search(s.text)), None)
        if hit is None:
            silent = Verdict.NO if q.kind is QuestionKind.DOCUMENT else Verdict.UNCLEAR
            answers.append(Answer(q.id, silent, Condition.NONE, 0.5, (), "silent"))
            continue
        if NOT.search(hit.text):
            verdict = Verdict.NO
        elif TRAIN.search(hit.text) or q.kind is QuestionKind.DOCUMENT:
            verdict = Verdict.YES
        else:
            verdict = Verdict.UNCLEAR
        quote = structure.text[hit.start:hit.end]
        evidence = (Evidence(quote, hit.start, hit.end, structure.section_number(hit.section)),)
        answers.append(Answer(q.id, verdict, Condition.NONE, 0.5, evidence, "keyword match"))
    return answers, ()
