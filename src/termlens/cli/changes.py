"""Change commands: `termlens diff A B` and `termlens timeline SERVICE`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click

from termlens.cli.app import console, fail_usage, main
from termlens.cli.changes_render import diff_html, diff_json, diff_text, timeline_text
from termlens.cli.common import print_json, repository
from termlens.domain.change import AnswerState
from termlens.pipeline.changes import build_record, shifts_between
from termlens.pipeline.diff import diff_texts
from termlens.pipeline.extract import UnreadableInput, read_document
from termlens.pipeline.segment import segment
from termlens.pipeline.timeline import analyzer_answers, build_timeline, timeline_json


@dataclass(frozen=True)
class _Side:
    """One side of a diff: its text and how to name it."""

    text: str
    meta: dict[str, object]


def _load_side(ctx: click.Context, spec: str) -> _Side:
    """A file path, or else a stored version id."""
    path = Path(spec)
    if path.exists():
        try:
            extracted = read_document(path)
        except UnreadableInput as exc:
            fail_usage(str(exc))
        if not extracted.text.strip():
            fail_usage(f"{spec}: no text to compare")
        return _Side(extracted.text, {"file": str(path), "words": len(extracted.text.split())})
    if spec.isdigit():
        version = repository(ctx).get_version(int(spec))
        if version is None:
            fail_usage(f"{spec}: no such file, and no stored version with that id (see `termlens versions`)")
        return _Side(version.text, {
            "version": version.id, "service": version.service, "document": version.document_type,
            "recorded": version.recorded_at, "words": len(version.text.split()),
        })
    fail_usage(f"{spec}: no such file or version id")


def _answers(text: str) -> dict[str, AnswerState]:
    return {a.question: AnswerState(a.verdict, a.condition) for a in analyzer_answers(text)}


@main.command("diff")
@click.argument("old", metavar="A")
@click.argument("new", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="text for people, json for scripts, html for a standalone page.")
@click.option("--all", "show_all", is_flag=True, help="Also show cosmetic changes (links, menus, dates, spelling).")
@click.option("--no-answers", is_flag=True, help="Skip the analyzer (no answers_changed).")
@click.pass_context
def diff_command(ctx: click.Context, old: str, new: str, fmt: str, show_all: bool, no_answers: bool) -> None:
    """Compare two versions, A and B: files, or version ids from `termlens versions`.

    Clauses are aligned across renumbering, moves, merges and splits; added, removed and modified
    clauses are shown with word-level highlights. Link targets, whitespace, Markdown formatting and
    numbering are not changes of substance; --all shows such cosmetic changes too.
    """
    before, after = _load_side(ctx, old), _load_side(ctx, new)
    diff = diff_texts(before.text, after.text, segment(before.text), segment(after.text))
    shifts = () if no_answers else shifts_between(_answers(before.text), _answers(after.text))
    record = build_record(diff, shifts)
    if fmt == "json":
        print_json(diff_json(before.meta, after.meta, diff, record))
    elif fmt == "html":
        sys.stdout.write(diff_html(f"termlens diff: {old} → {new}", diff, record, show_all))
    else:
        for line in diff_text(diff, record, show_all):
            console.print(line, soft_wrap=True)


def _since(value: str | None) -> str | None:
    """--since as an ISO UTC prefix that compares with recorded times ("2023-08-01")."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail_usage(f"--since {value!r}: not a date (use YYYY-MM-DD)")
    return moment.strftime("%Y-%m-%d") if len(value) <= 10 else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@main.command("timeline")
@click.argument("service")
@click.option("--document", "document_type", metavar="TYPE", help='Only this document, e.g. "Terms of Service".')
@click.option("--since", "since", metavar="DATE", help="Only events recorded on or after DATE (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts.")
@click.option("--no-answers", is_flag=True, help="Skip the analyzer (no answers_changed).")
@click.pass_context
def timeline_command(ctx: click.Context, service: str, document_type: str | None, since: str | None, fmt: str,
                     no_answers: bool) -> None:
    """What changed in meaning in SERVICE's documents, version by version.

    Every stored version gets a change record against its predecessor; the text output lists the
    material changes only, with the answers that moved. Link-only changes, navigation, flapping
    page variants, broken captures and archive technical upgrades are never material.
    """
    repo = repository(ctx)
    name = repo.find_service(service)
    if name is None:
        fail_usage(f"unknown service {service!r} (see `termlens services`)")
    cutoff = _since(since)
    rows = repo.list_versions(name, document_type, with_text=True)
    if document_type and not rows:
        fail_usage(f"{name} has no document {document_type!r} (see `termlens versions {name}`)")
    events = build_timeline(rows, answer_source=None if no_answers else analyzer_answers)
    if cutoff is not None:
        events = [ev for ev in events if ev.recorded >= cutoff]
    if fmt == "json":
        print_json(timeline_json(name, events))
        return
    for line in timeline_text(name, events):
        console.print(line, soft_wrap=True)
