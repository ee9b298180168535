"""How `termlens diff` and `termlens timeline` print: Rich text, JSON documents and escaped HTML."""

from __future__ import annotations

import html
from collections.abc import Sequence

from rich.text import Text

from termlens.domain.change import AnswerShift, ChangeRecord, Clause, ClauseChange, DocumentDiff, WordOp
from termlens.domain.vocabulary import QUESTIONS_BY_ID
from termlens.pipeline.edits import detokenize
from termlens.pipeline.timeline import TimelineEvent

CONTEXT_WORDS = 12  # unchanged words kept either side of an edit in text and HTML output


def diff_json(
    before: dict[str, object], after: dict[str, object], diff: DocumentDiff, record: ChangeRecord,
) -> dict[str, object]:
    """The `termlens diff --format json` document."""
    kinds = [c.kind.value for c in diff.substantive]
    return {
        "before": before,
        "after": after,
        "material": record.material,
        "topics": [t.value for t in record.topics],
        "summary": record.summary,
        "answers_changed": [s.to_json() for s in record.answers_changed],
        "counts": {
            "unchanged": diff.unchanged, "moved": diff.moved, "cosmetic": diff.cosmetic_only,
            "added": kinds.count("added"), "removed": kinds.count("removed"), "modified": kinds.count("modified"),
        },
        "changes": [_change_json(c) for c in diff.changes],
    }


def _side(clause: Clause | None) -> dict[str, object] | None:
    return None if clause is None else {"start": clause.start, "end": clause.end, "text": clause.text}


def _change_json(change: ClauseChange) -> dict[str, object]:
    return {
        "kind": change.kind.value,
        "section": change.section,
        "substantive": change.substantive,
        "note": change.note or None,
        "before": _side(change.before),
        "after": _side(change.after),
        "words": [{"op": op.tag, "text": op.text} for op in change.words],
    }


def _trimmed(ops: Sequence[WordOp]) -> list[WordOp]:
    """Long unchanged runs cut to a few words either side of the edits."""
    out: list[WordOp] = []
    for position, op in enumerate(ops):
        words = op.text.split()
        if op.tag != "equal" or len(words) <= 2 * CONTEXT_WORDS:
            out.append(op)
            continue
        head = words[:CONTEXT_WORDS] if position > 0 else []
        tail = words[-CONTEXT_WORDS:] if position < len(ops) - 1 else []
        out.append(WordOp("equal", " ".join([*head, "…", *tail])))
    return out


def shift_line(shift: AnswerShift) -> str:
    """One answer change in plain words ("Trains its AI on your content: Probably → No")."""
    question = QUESTIONS_BY_ID.get(shift.question)
    name = question.short if question is not None else shift.question
    before = shift.before.plain() if shift.before is not None else "not answered"
    return f"{name}: {before} → {shift.after.plain()}"


def diff_text(diff: DocumentDiff, record: ChangeRecord, show_all: bool) -> list[Text]:
    """Rich lines for `termlens diff` (substantive changes, or every change with --all)."""
    lines = [Text(("Material change: " if record.material else "Not material: ") + record.summary, style="bold")]
    if record.topics:
        lines.append(Text("Topics: " + ", ".join(t.value for t in record.topics)))
    lines.extend(Text("  " + shift_line(s), style="cyan") for s in record.answers_changed)
    kinds = [c.kind.value for c in diff.substantive]
    lines.append(Text(
        f"{kinds.count('added')} added, {kinds.count('removed')} removed, {kinds.count('modified')} modified; "
        f"{diff.unchanged} unchanged ({diff.moved} moved), {diff.cosmetic_only} cosmetic only", style="dim",
    ))
    for change in diff.changes:
        if not change.substantive and not show_all:
            continue
        header = Text()
        header.append({"added": "+ added", "removed": "- removed", "modified": "~ modified"}[change.kind.value],
                      style="bold")
        if change.section:
            header.append(f"  [{change.section}]")
        if not change.substantive:
            header.append(f"  (cosmetic: {change.note})", style="dim")
        lines.append(Text(""))
        lines.append(header)
        body = Text("  ")
        for op in _trimmed(change.words):
            style = {"insert": "green underline", "delete": "red strike"}.get(op.tag, "")
            body.append(detokenize(op.text) + " ", style=style)
        lines.append(body)
    return lines


def diff_html(title: str, diff: DocumentDiff, record: ChangeRecord, show_all: bool) -> str:
    """A standalone HTML page for `termlens diff --format html`; every document text is escaped."""
    e = html.escape
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{e(title)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}"
        "ins{background:#d4f8d4;text-decoration:none}del{background:#fbd4d4}"
        ".clause{border-left:4px solid #ccc;padding:.25rem .75rem;margin:1rem 0}"
        ".added{border-color:#2a2}.removed{border-color:#c22}.modified{border-color:#c90}"
        ".cosmetic{opacity:.6}.meta{color:#555}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p><strong>{'Material change' if record.material else 'Not material'}:</strong> {e(record.summary)}</p>",
    ]
    if record.topics:
        parts.append(f"<p class=\"meta\">Topics: {e(', '.join(t.value for t in record.topics))}</p>")
    if record.answers_changed:
        parts.append("<ul>" + "".join(f"<li>{e(shift_line(s))}</li>" for s in record.answers_changed) + "</ul>")
    for change in diff.changes:
        if not change.substantive and not show_all:
            continue
        classes = f"clause {change.kind.value}" + ("" if change.substantive else " cosmetic")
        label = change.kind.value + (f" [{change.section}]" if change.section else "")
        if not change.substantive:
            label += f" (cosmetic: {change.note})"
        body = "".join(
            f"<{tag}>{e(detokenize(op.text))}</{tag}> " if (tag := {"insert": "ins", "delete": "del"}.get(op.tag))
            else f"{e(detokenize(op.text))} "
            for op in _trimmed(change.words)
        )
        parts.append(f'<div class="{classes}"><div class="meta">{e(label)}</div><p>{body}</p></div>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def timeline_text(service: str, events: Sequence[TimelineEvent]) -> list[Text]:
    """Rich lines for `termlens timeline`: dated material changes with the answers that moved."""
    material = [ev for ev in events if ev.record.material]
    lines = [Text(f"{service}: {len(events)} versions, {len(material)} material changes", style="bold")]
    firsts = [ev for ev in events if ev.record.first]
    for ev in firsts:
        lines.append(Text(f"  tracking {ev.document} since {ev.recorded[:10]}", style="dim"))
    for ev in material:
        lines.append(Text(""))
        head = Text(f"{ev.recorded[:10]}  ", style="bold")
        head.append(ev.document, style="bold")
        if ev.record.topics:
            head.append("  [" + ", ".join(t.value for t in ev.record.topics) + "]", style="magenta")
        lines.append(head)
        lines.append(Text("    " + ev.record.summary))
        lines.extend(Text("    " + shift_line(s), style="cyan") for s in ev.record.answers_changed)
    kinds = [_kind(ev.record) for ev in events]
    skipped = {what: kinds.count(kind) for kind, what in (
        ("cosmetic", "cosmetic versions"), ("flap", "flaps"), ("technical", "technical upgrades"),
        ("broken", "broken captures"), ("language", "language variants"), ("copy_edit", "copy-editing passes"),
    )}
    shown = ", ".join(f"{n} {what}" for what, n in skipped.items() if n)
    if shown:
        lines.append(Text(""))
        lines.append(Text(f"Not shown (not material): {shown}.", style="dim"))
    return lines


def _kind(record: ChangeRecord) -> str:
    """Why a version is (not) in the text timeline."""
    if record.first:
        return "first"
    if record.material:
        return "material"
    for note, kind in (("broken_capture", "broken"), ("language_variant", "language"), ("copy_edit", "copy_edit")):
        if note in record.notes:
            return kind
    if record.flap_of is not None:
        return "flap"
    return "technical" if record.technical else "cosmetic"
