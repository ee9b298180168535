"""Words for a change: the one-sentence summary of a version's changes and verbatim evidence quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from termlens.domain.change import ChangeEvidence, Clause, ClauseChange, ClauseChangeKind
from termlens.pipeline.edits import detokenize
from termlens.pipeline.topics import focus_position

MAX_QUOTE = 400  # characters of a clause quoted as evidence before cutting to the sentence changed
SUMMARY_QUOTE = 220  # characters of changed text quoted in a one-sentence summary

_VERBS = {
    ClauseChangeKind.ADDED: "Adds", ClauseChangeKind.REMOVED: "Removes", ClauseChangeKind.MODIFIED: "Changes",
}


def change_sentence(ranked: Sequence[ClauseChange]) -> str:
    """One sentence built from the changed text of the most important change (first in
    ``ranked``): what happened, where, a quote, and how many other clauses changed."""
    lead = ranked[0]
    where = f" in {lead.section}" if lead.section else ""
    quote = _shorten(_plain_quote(lead), SUMMARY_QUOTE)
    others = len(ranked) - 1
    more = f" (and {others} more changed clause{'s' if others > 1 else ''})" if others else ""
    deleted_only = lead.kind is ClauseChangeKind.MODIFIED and not any(op.tag == "insert" for op in lead.words)
    deleted = " ".join(op.text for op in lead.words if op.tag == "delete")
    if deleted_only and len(deleted) < 0.6 * len(quote):
        return f'Deletes "{_shorten(deleted, SUMMARY_QUOTE // 2)}"{where} from: "{quote}"{more}.'
    if deleted_only:
        return f'Removes{where}: "{quote}"{more}.'
    return f'{_VERBS[lead.kind]}{where}: "{quote}"{more}.'


def _plain_quote(change: ClauseChange) -> str:
    """The changed words in their sentence: inserted text for additions, else deleted text."""
    if change.kind is not ClauseChangeKind.MODIFIED:
        return " ".join(op.text for op in change.words)
    inserted = [op.text for op in change.words if op.tag == "insert"]
    if inserted:
        return _sentence_around(change, "insert")
    return _sentence_around(change, "delete")


def _sentence_around(change: ClauseChange, tag: str) -> str:
    """The sentence (of the side the edit belongs to) holding the longest edit of that kind."""
    side = [op for op in change.words if op.tag in ("equal", tag)]
    longest = max((op for op in side if op.tag == tag), key=lambda op: len(op.text))
    text = ""
    mark = 0
    for op in side:
        if op is longest:
            mark = len(text)
        text += (" " if text else "") + op.text
    starts = [0, *(m.end() for m in re.finditer(r"[.!?;]\s+", text))]
    begin = max(s for s in starts if s <= mark + 1)
    end_match = re.compile(r"[.!?;](\s|$)").search(text, mark + len(longest.text))
    return text[begin:end_match.end()].strip() if end_match else text[begin:].strip()


def _shorten(text: str, limit: int) -> str:
    """The text cut to about ``limit`` characters, keeping the start of the sentence that holds its
    most telling part (see focus_position) and that part itself, so "X does not use …" keeps its
    "not" when the quote has to skip words in between."""
    text = detokenize(" ".join(text.split()))
    if len(text) <= limit:
        return text
    focus = focus_position(text)
    sentence_start = max((m.end() for m in re.finditer(r"[.!?;]\s+", text[:focus])), default=0)
    if focus - sentence_start + limit // 3 <= limit:
        return _cut(text[sentence_start:], limit, lead="…" if sentence_start else "")
    head = _cut(text[sentence_start:], limit // 3, lead="…" if sentence_start else "").rstrip("…")
    resume = text.rfind(" ", 0, max(focus - limit // 6, 0)) + 1
    return head.rstrip() + " … " + _cut(text[resume:], limit - len(head) - 3)


def _cut(text: str, limit: int, lead: str = "") -> str:
    if len(text) <= limit:
        return lead + text
    return lead + text[:limit].rsplit(" ", 1)[0] + "…"


def evidence_of(change: ClauseChange) -> ChangeEvidence:
    """The changed clause quoted verbatim from each version (the edited sentence of a long clause)."""
    return ChangeEvidence(
        kind=change.kind,
        section=change.section,
        before=_verbatim(change.before, change, "delete") if change.before is not None else None,
        after=_verbatim(change.after, change, "insert") if change.after is not None else None,
    )


def _verbatim(clause: Clause, change: ClauseChange, tag: str) -> str:
    """A verbatim quote from the version: the clause, or when long, the raw sentence holding the edit."""
    if len(clause.text) <= MAX_QUOTE or change.kind is not ClauseChangeKind.MODIFIED:
        return clause.text if len(clause.text) <= MAX_QUOTE * 2 else clause.text[:MAX_QUOTE * 2]
    edits = [op.text for op in change.words if op.tag == tag] or [
        op.text for op in change.words if op.tag != "equal"
    ]
    probe = max(edits, key=len).split()[0] if edits else ""
    for sentence in _raw_sentences(clause.text):
        if probe and probe.casefold() in sentence.casefold():
            return sentence[: MAX_QUOTE * 2]
    return clause.text[:MAX_QUOTE]


def _raw_sentences(text: str) -> Iterator[str]:
    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+", text):
        yield text[start:match.start()]
        start = match.end()
    yield text[start:]
