"""Clause-aligned diff of two versions, with word-level highlights.

Alignment works on comparison keys (see `normalize`), in four passes: an order-preserving
match of identical clauses (difflib), identical clauses that moved, clauses split or merged
without edits, then fuzzy pairing (rapidfuzz) of edited clauses, first near their old position
and then anywhere (moved and edited). What is left was added or removed. Each change is then
judged: can this edit change meaning, or is it a date, spelling, link menu, heading or a copy
of text the other version still has?
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

from termlens.domain.change import Clause, ClauseChange, ClauseChangeKind, DocumentDiff, WordOp
from termlens.domain.model import DocumentStructure
from termlens.pipeline.align import (
    NEAR_MATCH,
    best_pairs,
    grow_edits,
    joined_key,
    match_fuzzy,
    match_moves,
    match_splits,
    merge,
)
from termlens.pipeline.edits import Rename, chrome_note, find_renames, is_chrome, judge_edit, word_diff
from termlens.pipeline.normalize import comparison_key, link_share, plain_text, split_blocks

COPY_MODE_SHARE = 0.6  # this share of added (removed) clauses being copies: a second copy of the page
COPY_MODE_MIN = 8
CONTAINED_MIN_WORDS = 6  # an added (removed) clause this long found inside an old (new) clause is not new


def clauses_of(text: str, structure: DocumentStructure | None = None) -> list[Clause]:
    """The clauses (blocks) of a version, with comparison keys and section labels.

    With a structure (from `segment`), a clause is labelled with the section containing it; without
    one, with its own leading number ("10.4") or else the last number or heading seen before it,
    which is cheap enough for whole histories.
    """
    labeller = _SectionLabeller(structure) if structure is not None else None
    clauses: list[Clause] = []
    last_label: str | None = None
    for block in split_blocks(text):
        key = comparison_key(block.text)
        if not key:
            continue
        if labeller is not None:
            section = labeller.label(block.start)
        else:
            number = _NUMBER.match(plain_text(block.text))
            if number is not None:
                last_label = number.group(1)
            elif block.heading:
                last_label = plain_text(block.text)[:60]
            section = last_label
        clauses.append(Clause(len(clauses), block.start, block.end, block.text, key, section))
    return clauses


_NUMBER = re.compile(r"^(?:section\s+|article\s+|§\s*)?(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)]\s))", re.IGNORECASE)


class _SectionLabeller:
    """Finds the innermost section containing an offset."""

    def __init__(self, structure: DocumentStructure) -> None:
        self.structure = structure
        self.starts = [s.start for s in structure.sections]

    def label(self, offset: int) -> str | None:
        position = bisect.bisect_right(self.starts, offset) - 1
        while position >= 0:
            section = self.structure.sections[position]
            if section.start <= offset < section.end:
                return self.structure.section_number(position)
            position -= 1
        return None


def diff_texts(
    old_text: str,
    new_text: str,
    old_structure: DocumentStructure | None = None,
    new_structure: DocumentStructure | None = None,
) -> DocumentDiff:
    """Clause-aligned diff of two version texts (structures, when given, label sections)."""
    return diff_clauses(clauses_of(old_text, old_structure), clauses_of(new_text, new_structure))


def diff_clauses(old: Sequence[Clause], new: Sequence[Clause]) -> DocumentDiff:
    """Align two clause lists and describe every clause that differs."""
    old_keys = [c.key for c in old]
    new_keys = [c.key for c in new]
    pairs: dict[int, int] = {}  # old index -> new index, identical keys
    regions: list[tuple[list[int], list[int]]] = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update({i1 + k: j1 + k for k in range(i2 - i1)})
        else:
            regions.append((list(range(i1, i2)), list(range(j1, j2))))
    moved = match_moves(old_keys, new_keys, regions, pairs)
    splits = match_splits(old, new, regions)
    leftover = [([i for r in regions for i in r[0]], [j for r in regions for j in r[1]])]
    moved_splits = match_splits(old, new, leftover)  # split or merged and also moved
    if moved_splits:
        splits += moved_splits
        moved += len(moved_splits)
        used = {k for group, _ in moved_splits for k in group}, {k for _, group in moved_splits for k in group}
        for region in regions:
            region[0][:] = [i for i in region[0] if i not in used[0]]
            region[1][:] = [j for j in region[1] if j not in used[1]]
    edits = match_fuzzy(old, new, regions)
    used_old = set(pairs) | {i for group, _ in splits for i in group} | set(edits)
    used_new = set(pairs.values()) | {j for _, group in splits for j in group} | set(edits.values())
    for grown in grow_edits(old, new, edits, used_old, used_new):
        splits.append(grown)
        used_old.update(grown[0])
        used_new.update(grown[1])
    removed = [i for i in range(len(old)) if i not in used_old]
    added = [j for j in range(len(new)) if j not in used_new]

    old_key_set, new_key_set = set(old_keys), set(new_keys)
    copy_added = _is_copy(added, new, old_keys)
    copy_removed = _is_copy(removed, old, new_keys)

    changes: list[ClauseChange] = []
    for i, j in sorted(edits.items(), key=lambda item: item[1]):
        changes.append(_modified(old[i], new[j]))
    for old_group, new_group in splits:
        if joined_key(old, old_group) != joined_key(new, new_group):
            changes.append(_modified(merge(old, old_group), merge(new, new_group)))
    # A split or merge with edits leaves the shorter part unpaired, inside an unpaired longer clause.
    old_text, new_text = "\n".join(old_keys[i] for i in removed), "\n".join(new_keys[j] for j in added)
    if copy_added:
        changes.extend(_added_copy(old, new, added, old_key_set))
    else:
        changes.extend(_added(new[j], old_key_set, old_text) for j in added)
    if copy_removed:
        changes.extend(_removed_copy(old[i], new_key_set) for i in removed)
    else:
        changes.extend(_removed(old[i], new_key_set, new_text) for i in removed)
    changes = _with_renames(changes)
    changes.sort(key=_change_position)
    cosmetic = sum(1 for i, j in pairs.items() if old[i].text.strip() != new[j].text.strip())
    return DocumentDiff(
        changes=tuple(changes),
        unchanged=len(pairs),
        moved=moved,
        cosmetic_only=cosmetic + sum(1 for c in changes if not c.substantive),
        same_normalized_text=old_keys == new_keys,
    )


def _is_copy(unmatched: list[int], side: Sequence[Clause], other_keys: list[str]) -> bool:
    """Whether the unmatched clauses of one side are mostly a copy of the other side's text
    (identical or nearly so), as when a page shows upcoming terms above the current ones."""
    if len(unmatched) < COPY_MODE_MIN:
        return False
    needed = COPY_MODE_SHARE * len(unmatched)
    exact = set(other_keys)
    copies = 0
    for position, k in enumerate(unmatched):
        key = side[k].key
        if key in exact or process.extractOne(key, other_keys, scorer=fuzz.ratio, score_cutoff=85):
            copies += 1
        if copies >= needed:
            return True
        if copies + len(unmatched) - position - 1 < needed:
            return False
    return False


def _change_position(change: ClauseChange) -> tuple[int, int]:
    if change.after is not None:
        return (change.after.start, 0)
    return (change.before.start if change.before is not None else 0, 1)


def _added_copy(
    old: Sequence[Clause], new: Sequence[Clause], added: list[int], old_keys: set[str],
) -> list[ClauseChange]:
    """The page gained a second copy of the terms (an "upcoming version" shown above the
    current one): copied clauses say nothing new, and the edited clauses of the copy are shown
    against their closest counterpart in the current text."""
    fresh = [j for j in added if new[j].key not in old_keys and _worth_pairing(new[j])]
    counterparts = {j: i for i, j in best_pairs(old, new, list(range(len(old))), fresh, NEAR_MATCH).items()}
    return [
        _modified(old[counterparts[j]], new[j]) if j in counterparts else _added(new[j], old_keys)
        for j in added
    ]


def _removed_copy(clause: Clause, new_keys: set[str]) -> ClauseChange:
    """The page dropped a second copy of the terms (announced terms took effect): what goes is
    the superseded text, whose replacement was reported when it was announced."""
    if clause.key in new_keys:
        return _removed(clause, new_keys)
    return ClauseChange(
        ClauseChangeKind.REMOVED, clause, None, (WordOp("delete", plain_text(clause.text)),), False,
        "superseded copy of the terms (its replacement was already on the page)",
    )


def _worth_pairing(clause: Clause) -> bool:
    return clause.words > 3 and link_share(clause.text) < 0.5


def _modified(before: Clause, after: Clause, renames: frozenset[Rename] = frozenset()) -> ClauseChange:
    ops = word_diff(plain_text(before.text), plain_text(after.text))
    note = judge_edit(ops, renames)
    if not note and is_chrome(before) and is_chrome(after):
        note = "navigation or heading"
    return ClauseChange(ClauseChangeKind.MODIFIED, before, after, ops, not note, note)


def _added(clause: Clause, other_keys: set[str], other_text: str = "") -> ClauseChange:
    note = "copy of text already present" if clause.key in other_keys else chrome_note(clause)
    if not note and clause.words >= CONTAINED_MIN_WORDS and clause.key in other_text:
        note = "split off a longer clause that had the same words"
    ops = (WordOp("insert", plain_text(clause.text)),)
    return ClauseChange(ClauseChangeKind.ADDED, None, clause, ops, not note, note)


def _removed(clause: Clause, other_keys: set[str], other_text: str = "") -> ClauseChange:
    note = "text still present elsewhere" if clause.key in other_keys else chrome_note(clause)
    if not note and clause.words >= CONTAINED_MIN_WORDS and clause.key in other_text:
        note = "merged into a longer clause that keeps the same words"
    ops = (WordOp("delete", plain_text(clause.text)),)
    return ClauseChange(ClauseChangeKind.REMOVED, clause, None, ops, not note, note)


def _with_renames(changes: list[ClauseChange]) -> list[ClauseChange]:
    """Judge modified clauses again once replacements made throughout the document are known."""
    renames = find_renames(c.words for c in changes if c.kind is ClauseChangeKind.MODIFIED)
    if not renames:
        return changes
    judged: list[ClauseChange] = []
    for change in changes:
        if change.kind is ClauseChangeKind.MODIFIED and change.substantive:
            note = judge_edit(change.words, renames)
            if note:
                change = ClauseChange(change.kind, change.before, change.after, change.words, False, note)
        judged.append(change)
    return judged
