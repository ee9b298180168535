"""History commands: import-ota, services, versions, show, export, verify."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from termlens.adapters.ota import NotADataset
from termlens.adapters.ota_export import export_dataset
from termlens.cli.app import FORMAT_OPTION, console, err_console, fail, fail_usage, main
from termlens.cli.common import print_json, repository
from termlens.pipeline.ingest import import_ota
from termlens.pipeline.segment import segment
from termlens.pipeline.verify import verify


@main.command("import-ota")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--service", "services", multiple=True, metavar="NAME",
              help="Import only this service (repeatable). Default: every service.")
@FORMAT_OPTION
@click.pass_context
def import_ota_command(ctx: click.Context, directory: Path, services: tuple[str, ...], fmt: str) -> None:
    """Import an Open Terms Archive history from DIRECTORY.

    DIRECTORY is a dataset (<Service>/<Terms Type>/<timestamp>.md, like ../shared/data/ota) or a
    checkout of an OTA versions repository (<Service>/<Terms Type>.md, one commit per version).
    Importing again adds nothing. Exit 1 if any file failed, 2 if DIRECTORY is unusable.
    """
    repo = repository(ctx)
    try:
        with Progress(TextColumn("[bold]importing[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err_console, transient=True,
                      disable=fmt == "json" or not err_console.is_terminal) as progress:
            task = progress.add_task("", total=None)

            def update(done: int, total: int, what: str) -> None:
                progress.update(task, completed=done, total=total, description=what)

            summary = import_ota(repo, directory, services, update)
    except NotADataset as exc:
        fail_usage(str(exc))
    if fmt == "json":
        print_json(asdict(summary))
    else:
        for error in summary.errors:
            err_console.print(f"[red]failed:[/] {error}", highlight=False, soft_wrap=True)
        console.print(f"imported [bold]{summary.imported}[/], skipped {summary.skipped} (already stored), "
                      f"failed [bold]{summary.failed}[/]")
    if summary.failed:
        raise SystemExit(1)


@main.command("services")
@FORMAT_OPTION
@click.pass_context
def services_command(ctx: click.Context, fmt: str) -> None:
    """List the services in the store, with document and version counts."""
    rows = repository(ctx).list_services()
    if fmt == "json":
        print_json([asdict(r) for r in rows])
        return
    table = Table("service", "documents", "versions", "first recorded", "last recorded", title="Services")
    for r in rows:
        table.add_row(r.name, str(r.documents), str(r.versions), r.first_recorded or "", r.last_recorded or "")
    console.print(table)


@main.command("versions")
@click.argument("service")
@click.option("--document", "document_type", metavar="TYPE", help='Only this document, e.g. "Terms of Service".')
@click.option("--since", metavar="DATE", help="Only versions recorded on or after DATE (YYYY-MM-DD).")
@FORMAT_OPTION
@click.pass_context
def versions_command(ctx: click.Context, service: str, document_type: str | None, since: str | None,
                     fmt: str) -> None:
    """List the stored versions of SERVICE, oldest first, per document."""
    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        fail_usage(f"--since {since!r}: expected a date as YYYY-MM-DD")
    repo = repository(ctx)
    if repo.find_service(service) is None:
        fail_usage(f"unknown service {service!r} (see `termlens services`)")
    rows = repo.list_versions(service, document_type, since=since)
    if document_type and not rows:
        fail_usage(f"{service} has no document {document_type!r} (see `termlens versions {service}`)")
    if fmt == "json":
        print_json([{k: v for k, v in asdict(r).items() if k not in ("text", "words")} for r in rows])
        return
    table = Table("id", "document", "recorded (UTC)", "effective", "parent", "sha256", "note", title=service)
    for r in rows:
        note = "technical: extraction changed, not the text" if r.technical else ""
        table.add_row(str(r.id), r.document_type, r.recorded_at[:16].replace("T", " "), r.effective_date or "",
                      str(r.parent_id or ""), r.text_sha256[:12], note)
    console.print(table)


@main.command("show")
@click.argument("version_id", type=int, metavar="VERSION")
@click.option("--sections", "show_sections", is_flag=True, help="Show the section outline instead of the text.")
@FORMAT_OPTION
@click.pass_context
def show_command(ctx: click.Context, version_id: int, show_sections: bool, fmt: str) -> None:
    """Show stored VERSION (an id from `termlens versions`): its text, or its sections."""
    version = repository(ctx).get_version(version_id)
    if version is None:
        fail_usage(f"no version {version_id} (see `termlens versions SERVICE`)")
    structure = segment(version.text)
    meta = {k: v for k, v in asdict(version).items() if k != "text"}
    meta.update(words=len(version.text.split()), language=structure.language,
                definitions=len(structure.definitions), sentences=len(structure.sentences))
    if fmt == "json":
        meta["sections"] = [asdict(s) for s in structure.sections] if show_sections else None
        meta["definitions"] = [d.term for d in structure.definitions]
        if not show_sections:
            meta["text"] = version.text
        print_json(meta)
        return
    console.print(f"[bold]{version.service} / {version.document_type}[/]  version {version.id}  "
                  f"recorded {version.recorded_at}  effective {version.effective_date or 'not stated'}  "
                  f"{meta['words']} words, {len(structure.sections)} sections, "
                  f"{len(structure.definitions)} definitions", highlight=False)
    if not show_sections:
        console.print(version.text, markup=False, highlight=False)
        return
    table = Table("number", "heading", "start", "end")
    for s in structure.sections:
        table.add_row(s.number or "", "  " * (s.level - 1) + s.heading[:80], str(s.start), str(s.end))
    console.print(table)


@main.command("export")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--service", "services", multiple=True, metavar="NAME", help="Only this service (repeatable).")
@click.pass_context
def export_command(ctx: click.Context, directory: Path, services: tuple[str, ...]) -> None:
    """Write the stored history to DIRECTORY in the Open Terms Archive dataset layout (with index.json)."""
    if directory.exists() and any(directory.iterdir()):
        fail_usage(f"{directory}: exists and is not empty; export writes into an empty directory")
    count = export_dataset(repository(ctx), directory, list(services) or None)
    console.print(f"exported {count} versions to {directory}")


@main.command("verify")
@FORMAT_OPTION
@click.pass_context
def verify_command(ctx: click.Context, fmt: str) -> None:
    """Recompute every hash and walk every parent chain; exit 1 on any problem.

    Gaps (versions recorded elsewhere but not stored here) and failed checks are reported too.
    """
    report = verify(repository(ctx))
    if fmt == "json":
        print_json(asdict(report) | {"ok": report.ok})
    else:
        for problem in report.problems:
            err_console.print(f"[red]problem:[/] {problem}", highlight=False, soft_wrap=True)
        console.print(f"{report.versions} versions and {report.blobs} blobs checked: "
                      f"{len(report.problems)} problems, {len(report.gaps)} gaps in recorded history, "
                      f"{len(report.failed_checks)} failed checks", highlight=False)
        for note in report.failed_checks[-10:]:
            console.print(f"  failed check: {note}", highlight=False)
    if not report.ok:
        fail(f"{len(report.problems)} integrity problems found")
