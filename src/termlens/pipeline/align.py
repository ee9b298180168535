"""Clause alignment passes: identical clauses that moved, clauses split or merged, edited clauses.

Each pass takes the changed regions left by difflib's order-preserving match (lists of old and new
clause indices, edited in place as clauses get paired) and pairs what it can; rapidfuzz scores how
alike two clauses are.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from termlens.domain.change import Clause

NEAR_MATCH = 60.0  # edited clause near its old place: at least this rapidfuzz ratio
FAR_MATCH = 75.0  # edited clause that also moved: needs to be more alike
GROW_GAIN = 8.0  # how much better (ratio points) a neighbour must make a pair to join it

Region = tuple[list[int], list[int]]


def match_moves(
    old_keys: list[str], new_keys: list[str], regions: list[tuple[list[int], list[int]]],
    pairs: dict[int, int],
) -> int:
    """Pair identical clauses that changed place; returns how many moved."""
    waiting: dict[str, list[int]] = {}
    for _, new_ids in regions:
        for j in new_ids:
            waiting.setdefault(new_keys[j], []).append(j)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for old_ids, _ in regions:
        for i in old_ids:
            candidates = waiting.get(old_keys[i])
            if candidates:
                j = candidates.pop(0)
                pairs[i] = j
                taken_old.add(i)
                taken_new.add(j)
    for region in regions:
        region[0][:] = [i for i in region[0] if i not in taken_old]
        region[1][:] = [j for j in region[1] if j not in taken_new]
    return len(taken_old)


def joined_key(clauses: Sequence[Clause], group: Sequence[int]) -> str:
    """The comparison keys of consecutive clauses joined, as if they were one clause."""
    return " ".join(clauses[k].key for k in group)


def match_splits(
    old: Sequence[Clause], new: Sequence[Clause], regions: list[tuple[list[int], list[int]]],
) -> list[tuple[list[int], list[int]]]:
    """One clause split into consecutive clauses (or merged from them) with unchanged words."""
    found: list[tuple[list[int], list[int]]] = []
    for old_ids, new_ids in regions:
        for one, many, one_side, many_side, flip in (
            (old_ids, new_ids, old, new, False), (new_ids, old_ids, new, old, True),
        ):
            for a in list(one):
                target = one_side[a].key
                for start in range(len(many)):
                    if not target.startswith(many_side[many[start]].key):
                        continue
                    for stop in range(start + 2, min(start + 6, len(many)) + 1):
                        group = many[start:stop]
                        joined = joined_key(many_side, group)
                        if fuzz.ratio(joined, target) >= 97:
                            found.append((group, [a]) if flip else ([a], group))
                            one.remove(a)
                            del many[start:stop]
                            break
                        if len(joined) > len(target) * 1.1:
                            break
                    if a not in one:
                        break
    return found


def match_fuzzy(
    old: Sequence[Clause], new: Sequence[Clause], regions: list[tuple[list[int], list[int]]],
) -> dict[int, int]:
    """Pair edited clauses: first within each changed region, then across the document."""
    edits: dict[int, int] = {}
    for old_ids, new_ids in regions:
        edits.update(best_pairs(old, new, old_ids, new_ids, NEAR_MATCH))
    left_old = [i for old_ids, _ in regions for i in old_ids if i not in edits]
    paired_new = set(edits.values())
    left_new = [j for _, new_ids in regions for j in new_ids if j not in paired_new]
    edits.update(best_pairs(old, new, left_old, left_new, FAR_MATCH))
    return edits


def grow_edits(
    old: Sequence[Clause], new: Sequence[Clause], edits: dict[int, int], used_old: set[int], used_new: set[int],
) -> list[tuple[list[int], list[int]]]:
    """Edited clauses that were also split (or merged): an unpaired neighbour whose text joined to
    the paired clause matches clearly better becomes part of the pair. Pairs grown this way leave
    ``edits`` and come back as (old group, new group)."""
    grown: list[tuple[list[int], list[int]]] = []
    for i, j in sorted(edits.items()):
        alone = fuzz.ratio(old[i].key, new[j].key)
        best: tuple[float, list[int], list[int]] | None = None
        for side_new in (j - 1, j + 1):
            if 0 <= side_new < len(new) and side_new not in used_new:
                group = sorted((j, side_new))
                score = fuzz.ratio(old[i].key, joined_key(new, group))
                if score >= alone + GROW_GAIN and (best is None or score > best[0]):
                    best = (score, [i], group)
        for side_old in (i - 1, i + 1):
            if 0 <= side_old < len(old) and side_old not in used_old:
                group = sorted((i, side_old))
                score = fuzz.ratio(joined_key(old, group), new[j].key)
                if score >= alone + GROW_GAIN and (best is None or score > best[0]):
                    best = (score, group, [j])
        if best is not None:
            del edits[i]
            used_old.update(best[1])
            used_new.update(best[2])
            grown.append((best[1], best[2]))
    return grown


def best_pairs(
    old: Sequence[Clause], new: Sequence[Clause], old_ids: list[int], new_ids: list[int],
    threshold: float,
) -> dict[int, int]:
    """Greedy best-first one-to-one pairing by rapidfuzz ratio at or above the threshold."""
    if not old_ids or not new_ids:
        return {}
    choices = [new[j].key for j in new_ids]
    candidates = [
        (float(score), a, b)
        for a, i in enumerate(old_ids)
        for _, score, b in process.extract(
            old[i].key, choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=None,
        )
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    result: dict[int, int] = {}
    taken: set[int] = set()
    for _, a, b in candidates:
        if old_ids[a] in result or new_ids[b] in taken:
            continue
        result[old_ids[a]] = new_ids[b]
        taken.add(new_ids[b])
    return result


def merge(clauses: Sequence[Clause], group: Sequence[int]) -> Clause:
    """Consecutive clauses as one clause (offsets from the first start to the last end)."""
    first, last = clauses[group[0]], clauses[group[-1]]
    text = "\n\n".join(clauses[k].text for k in group)
    return Clause(first.index, first.start, last.end, text, joined_key(clauses, group), first.section)
