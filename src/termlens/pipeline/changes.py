"""Change records: what each version of a document changed in meaning against its predecessor.

A change is material when at least one clause changed in a way that can alter meaning, unless
the version is an archive-side technical upgrade, a broken capture, or a flap back to a text
the document already had (A/B or regional page variants). Topics come from the changed text,
answers from the analyzer (before vs after), and the summary and evidence quote the clauses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from termlens.domain.change import (
    TOPIC_ORDER,
    AnswerShift,
    AnswerState,
    ChangeRecord,
    Clause,
    ClauseChange,
    ClauseChangeKind,
    DocumentDiff,
    Topic,
)
from termlens.domain.model import Answer
from termlens.pipeline.diff import clauses_of, diff_clauses
from termlens.pipeline.edits import is_chrome, is_minor_edit
from termlens.pipeline.segment import detect_language
from termlens.pipeline.summary import change_sentence, evidence_of
from termlens.pipeline.topics import change_context, topics_of_text

MAX_EVIDENCE = 5
BROKEN_SHARE = 0.1  # a capture keeping under a tenth of the words of a long predecessor looks broken
BROKEN_MIN_WORDS = 300
NEAR_FLAP_MIN = 4  # an earlier text this close (clauses differing) may be the one a page flaps back to
NEAR_FLAP_SHARE = 0.03
NEAR_FLAP_TRIES = 3
LANGUAGE_CHECK_SHARE = 0.5
NOTHING_OF_SUBSTANCE = "Only link targets, navigation, formatting, numbering or whitespace changed."
COPY_EDIT_MIN_SPELLING = 5  # this many spelling-only edits in one version make it a copy-editing pass

AnswerSource = Callable[[str], Sequence[Answer]]
"""Answers the eight questions for one version text (the analyzer, cached per clause)."""


@dataclass(frozen=True)
class VersionText:
    """One version as the change pipeline needs it."""

    id: str
    text: str
    recorded: str
    technical: bool = False
    effective_date: str | None = None


@dataclass
class _Prepared:
    version: VersionText
    clauses: list[Clause]
    fingerprint: str
    meaningful: frozenset[str]
    words: int
    detected_language: str | None = None
    answers: dict[str, AnswerState] | None = None

    @property
    def language(self) -> str:
        """The version's language, detected the first time it is needed."""
        if self.detected_language is None:
            self.detected_language = detect_language(self.version.text)
        return self.detected_language


@dataclass
class DocumentHistory:
    """Walks a document's versions in order and produces one change record per version.

    Keeps what flap detection needs (every text the document has had) and the last good
    version, so a broken capture is compared with nothing and the capture after it is compared
    with the version before the break.
    """

    answer_source: AnswerSource | None = None
    seen: dict[str, _Prepared] = field(default_factory=dict)
    last_good: _Prepared | None = None
    good: list[_Prepared] = field(default_factory=list)

    def add(self, version: VersionText) -> ChangeRecord:
        """The change record of the next version of the document."""
        current = _prepare(version)
        previous = self.last_good
        if previous is None:
            self._remember(current)
            return ChangeRecord(
                material=False, topics=(), answers_changed=(), first=True,
                summary="First recorded version of this document (the baseline later changes are compared with).",
                evidence=(),
            )
        if previous.words >= BROKEN_MIN_WORDS and current.words < BROKEN_SHARE * previous.words:
            return ChangeRecord(
                material=False, topics=(), answers_changed=(), evidence=(),
                summary=f"Capture looks broken (text shrank from {previous.words} to {current.words} words); "
                "ignored until a full text returns.",
                notes=("broken_capture",),
            )
        if _mostly_different(current, previous) and _languages_differ(current, previous):
            same_language = next((v for v in reversed(self.good) if v.language == current.language), None)
            if same_language is None:
                self._remember(current)
                return ChangeRecord(
                    material=False, topics=(), answers_changed=(), evidence=(), technical=version.technical,
                    summary=f"The page switched language ({previous.language} to {current.language}), a "
                    "regional variant of the same terms; texts in different languages are not compared.",
                    notes=("language_variant",),
                )
            previous = same_language
        if current.fingerprint == previous.fingerprint:
            current.answers = previous.answers
            self._remember(current)
            return ChangeRecord(
                material=False, topics=(), answers_changed=(), evidence=(), technical=version.technical,
                summary=NOTHING_OF_SUBSTANCE,
                notes=("cosmetic",),
            )
        diff = diff_clauses(previous.clauses, current.clauses)
        flap_of = self._flap_of(current, previous, near=bool(diff.substantive))
        self._remember(current)
        record = build_record(diff, (), technical=version.technical, flap_of=flap_of)
        if not record.material or self.answer_source is None:
            return record
        shifts = shifts_between(self._answers(previous), self._answers(current))
        return replace(record, answers_changed=shifts)

    def _answers(self, version: _Prepared) -> dict[str, AnswerState] | None:
        """The analyzer's answers for a version, computed the first time a material change needs them."""
        if version.answers is None and self.answer_source is not None:
            answers = self.answer_source(version.version.text)
            version.answers = {a.question: AnswerState(a.verdict, a.condition) for a in answers}
        return version.answers

    def _remember(self, current: _Prepared) -> None:
        self.seen.setdefault(current.fingerprint, current)
        self.last_good = current
        self.good.append(current)

    def _flap_of(self, current: _Prepared, previous: _Prepared, near: bool) -> VersionText | None:
        """The earlier version this one returns to: the same text, or one differing from it only
        in ways that cannot change meaning (a banner date, a link), when that earlier version is
        closer to this one than the predecessor is."""
        same = self.seen.get(current.fingerprint)
        if same is not None or not near:
            return same.version if same is not None else None
        to_previous = len(current.meaningful ^ previous.meaningful)
        allowed = max(NEAR_FLAP_MIN, int(NEAR_FLAP_SHARE * len(current.meaningful)))
        candidates = sorted(
            (len(current.meaningful ^ earlier.meaningful), position, earlier)
            for position, earlier in enumerate(self.seen.values())
            if earlier.fingerprint != previous.fingerprint
        )
        for distance, _, earlier in candidates[:NEAR_FLAP_TRIES]:
            if distance > allowed or distance >= to_previous:
                break
            if not diff_clauses(earlier.clauses, current.clauses).substantive:
                return earlier.version
        return None


def _prepare(version: VersionText) -> _Prepared:
    clauses = clauses_of(version.text)
    keys = [c.key for c in clauses if not is_chrome(c)]
    fingerprint = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
    words = sum(c.words for c in clauses)
    return _Prepared(version, clauses, fingerprint, frozenset(keys), words)


def _mostly_different(current: _Prepared, previous: _Prepared) -> bool:
    """Under half of the clauses shared: the only case where a language switch is possible."""
    smaller = min(len(current.meaningful), len(previous.meaningful))
    return len(current.meaningful & previous.meaningful) < LANGUAGE_CHECK_SHARE * smaller


def _languages_differ(current: _Prepared, previous: _Prepared) -> bool:
    return current.language != previous.language and "und" not in (current.language, previous.language)


def shifts_between(
    before: dict[str, AnswerState] | None, after: dict[str, AnswerState] | None,
) -> tuple[AnswerShift, ...]:
    """The questions whose verdict or condition differs (none when either side is unknown)."""
    if before is None or after is None:
        return ()
    return tuple(
        AnswerShift(question, before.get(question), state)
        for question, state in after.items()
        if before.get(question) != state
    )


def build_record(
    diff: DocumentDiff, shifts: Sequence[AnswerShift] = (), *, technical: bool = False,
    flap_of: VersionText | None = None,
) -> ChangeRecord:
    """The change record for one diff: materiality, topics, summary and evidence."""
    substantive = list(diff.substantive)
    change_topics = [topics_of_text(change_context(change)) for change in substantive]
    order = sorted(range(len(substantive)), key=lambda k: _importance(substantive[k], change_topics[k]), reverse=True)
    ranked = [substantive[k] for k in order]
    topics: set[Topic] = set().union(*change_topics)
    copy_edit = _copy_edit_pass(diff)
    material = bool(substantive) and not technical and flap_of is None and not copy_edit
    if not material:
        topics.clear()
    elif not topics:
        topics.add(Topic.OTHER)
    evidence = tuple(evidence_of(change) for change in ranked[:MAX_EVIDENCE])
    notes: list[str] = []
    if technical:
        notes.append("technical_upgrade")
    if flap_of is not None:
        notes.append("flap")
    if copy_edit:
        notes.append("copy_edit")
    if diff.same_normalized_text and flap_of is None:
        summary = "No difference." if not diff.cosmetic_only else NOTHING_OF_SUBSTANCE
    else:
        summary = _summary(ranked, technical=technical, flap_of=flap_of, copy_edit=copy_edit)
    return ChangeRecord(
        material=material,
        topics=tuple(t for t in TOPIC_ORDER if t in topics),
        answers_changed=tuple(shifts),
        summary=summary,
        evidence=evidence,
        technical=technical,
        flap_of=flap_of.id if flap_of is not None else None,
        changed_clauses=len(substantive),
        notes=tuple(notes),
    )


def _importance(change: ClauseChange, topics: frozenset[Topic]) -> tuple[int, int]:
    """AI changes first, then other topics, then the rest; larger edits first within each."""
    rank = 3 if Topic.AI in topics else 2 if topics else 1
    changed = sum(len(op.text.split()) for op in change.words if op.tag != "equal")
    return (rank, changed)


def _copy_edit_pass(diff: DocumentDiff) -> bool:
    """A localisation or copy-editing pass: many spelling-only edits, and every other edit a
    small wording change of a clause (no clause added or removed, nothing decisive)."""
    spelling = sum(1 for c in diff.changes if c.note == "spelling only")
    substantive = diff.substantive
    return (
        bool(substantive) and spelling >= COPY_EDIT_MIN_SPELLING and len(substantive) <= spelling
        and all(c.kind is ClauseChangeKind.MODIFIED and is_minor_edit(c.words) for c in substantive)
    )


def _summary(
    ranked: Sequence[ClauseChange], *, technical: bool, flap_of: VersionText | None, copy_edit: bool = False,
) -> str:
    if flap_of is not None and not ranked:
        return f"Returns to the text of the version recorded {flap_of.recorded[:10]} (page variants flapping)."
    if not ranked:
        return "Only cosmetic edits (links, navigation, dates, spelling, numbering or formatting)."
    if copy_edit:
        return (f"A copy-editing pass (spelling and {len(ranked)} small wording edit"
                f"{'s' if len(ranked) > 1 else ''}); no change of meaning found.")
    sentence = change_sentence(ranked)
    if flap_of is not None:
        return (f"Returns to the text of the version recorded {flap_of.recorded[:10]} (page variants "
                f"flapping); nothing new: {sentence[0].lower()}{sentence[1:]}")
    if technical:
        return ("Archive technical upgrade (extraction rules changed, not the vendor's text); "
                f"{sentence[0].lower()}{sentence[1:]}")
    return sentence
