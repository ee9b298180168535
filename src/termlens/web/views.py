"""View models for the pages: a version cut into sections with evidence marked, and a diff with
word-level insertions and deletions. They hold plain text; templates escape it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from termlens.domain.change import ClauseChangeKind
from termlens.domain.vocabulary import DATA_ITEMS_BY_ID, QUESTIONS_BY_ID
from termlens.pipeline.diff import diff_texts
from termlens.reports.analyses import AnalyzedVersion


@dataclass(frozen=True)
class Span:
    """A run of text, marked when it is evidence for the questions in ``cited``."""

    text: str
    start: int
    cited: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """One section of a version (or the preamble), cut into spans."""

    anchor: str
    label: str
    spans: tuple[Span, ...]
    has_evidence: bool


def _evidence_ranges(analyzed: AnalyzedVersion) -> list[tuple[int, int, str]]:
    ranges = []
    for answer in analyzed.analysis.answers:
        for e in answer.evidence:
            ranges.append((e.start, e.end, QUESTIONS_BY_ID[answer.question].short))
    for item in analyzed.analysis.items:
        if item.use == "ai_training":
            for e in item.evidence:
                ranges.append((e.start, e.end, f"{DATA_ITEMS_BY_ID[item.item].label}: AI training"))
    return ranges


def _spans(text: str, start: int, end: int, ranges: list[tuple[int, int, str]]) -> tuple[Span, ...]:
    cuts = {start, end}
    for a, b, _ in ranges:
        if a < end and b > start:
            cuts.update((max(a, start), min(b, end)))
    points = sorted(cuts)
    spans = []
    for a, b in itertools.pairwise(points):
        labels = tuple(dict.fromkeys(label for x, y, label in ranges if x <= a and y >= b))
        spans.append(Span(text[a:b], a, labels))
    return tuple(s for s in spans if s.text)


def version_blocks(analyzed: AnalyzedVersion) -> list[Block]:
    """The version's text cut at every section start, with evidence spans marked."""
    structure = analyzed.structure
    text = structure.text
    ranges = _evidence_ranges(analyzed)
    starts = sorted({0, *(s.start for s in structure.sections)})
    labels = {s.start: structure.section_number(s.index) or s.heading for s in structure.sections}
    blocks = []
    for position, begin in enumerate(starts):
        finish = starts[position + 1] if position + 1 < len(starts) else len(text)
        spans = _spans(text, begin, finish, ranges)
        if not spans:
            continue
        blocks.append(Block(f"s{position}", labels.get(begin) or "Preamble", spans, any(s.cited for s in spans)))
    return blocks


@dataclass(frozen=True)
class DiffRow:
    """One changed clause: its section, kind and word runs (tag, text)."""

    section: str | None
    kind: str
    words: tuple[tuple[str, str], ...]
    note: str


@dataclass(frozen=True)
class DiffView:
    """A diff between two versions: substantive changes first, with counts of the rest."""

    rows: list[DiffRow]
    cosmetic: int
    unchanged: int
    answers: list[tuple[str, str, str, bool]]  # (question short, before words, after words, changed)


def diff_view(old: AnalyzedVersion, new: AnalyzedVersion) -> DiffView:
    """Compare two analysed versions clause by clause and answer by answer."""
    diff = diff_texts(old.structure.text, new.structure.text, old.structure, new.structure)
    rows = [DiffRow(c.section, c.kind.value, tuple((op.tag, op.text) for op in c.words), c.note)
            for c in diff.substantive]
    rows.sort(key=lambda r: r.kind != ClauseChangeKind.MODIFIED.value)
    answers = []
    for before, after in zip(old.analysis.answers, new.analysis.answers, strict=True):
        b = _words(before.verdict.plain(before.confidence), before.condition.plain())
        a = _words(after.verdict.plain(after.confidence), after.condition.plain())
        answers.append((QUESTIONS_BY_ID[after.question].short, b, a,
                        (before.verdict, before.condition) != (after.verdict, after.condition)))
    return DiffView(rows, len(diff.changes) - len(rows), diff.unchanged, answers)


def _words(verdict: str, condition: str) -> str:
    return f"{verdict}, {condition}" if condition else verdict
