"""`termlens analyze FILE_OR_VERSION` and `termlens ask "QUESTION"`: the analyzer on the command line."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich import box
from rich.table import Table

from termlens.cli.app import console, fail_usage, main

if TYPE_CHECKING:
    from termlens.analysis import Analysis
    from termlens.domain.model import Answer, ItemAnswer

_OTA_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z[b-z]?\.md$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?$")


def _load_file(path: Path) -> tuple[str, dict[str, object]]:
    """The text of a file and what is known about it; bad input exits 2 with one line."""
    from termlens.pipeline.extract import UnreadableInput, read_document

    try:
        extracted = read_document(path)
    except UnreadableInput as exc:
        fail_usage(str(exc))
    meta: dict[str, object] = {"service": None, "type": None, "path": str(path)}
    if _OTA_FILE.match(path.name):
        # An Open Terms Archive layout names the service and document: <Service>/<Terms Type>/<time>.md
        meta.update(service=path.parent.parent.name, type=path.parent.name)
    return extracted.text, meta


def _load_version(ctx: click.Context, version_id: int) -> tuple[str, dict[str, object]]:
    from termlens.cli.common import repository

    version = repository(ctx).get_version(version_id)
    if version is None:
        fail_usage(f"{version_id}: no such file, and no stored version with that id")
    return version.text, {"service": version.service, "type": version.document_type, "version": version.id,
                          "recorded_at": version.recorded_at}


def _analyze_text(text: str, meta: dict[str, object]) -> tuple[Analysis, dict[str, object]]:
    from termlens.analysis import analyze
    from termlens.pipeline.segment import segment

    analysis = analyze(segment(text))
    meta = dict(meta)
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return analysis, meta


def _sections(answer: Answer | ItemAnswer) -> str:
    """The sections an answer cites, short enough for the table's last column: numbers first; an unnumbered section
    (cited by its heading) shows as its first word when nothing shorter is cited, else as "…"."""
    cites = list(dict.fromkeys(e.section for e in answer.evidence if e.section))
    short = [c for c in cites if len(c) <= 6]
    if len(short) < len(cites):
        short.append("…" if short else cites[0].split()[0][:8] + "…")
    return ", ".join(short) or "—"


def _print_table(analysis: Analysis, meta: dict[str, object]) -> None:
    from termlens.domain.vocabulary import QUESTIONS_BY_ID

    title = " / ".join(str(meta[k]) for k in ("service", "type") if meta.get(k)) or str(meta.get("path", ""))
    if analysis.effective_date:
        title += f" (effective {analysis.effective_date})"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    # Fixed widths for the short columns and the rest for the question, so that the whole table fits an 80-column
    # terminal (rich's own shrinking crops the last column instead); long questions wrap inside their column.
    answer_w, condition_w, section_w = 16, 18, 9
    question_w = max(29, min(38, console.width - answer_w - condition_w - section_w - 10))
    table.add_column("question", width=question_w)
    table.add_column("answer", width=answer_w)
    table.add_column("condition", width=condition_w)
    table.add_column("section", width=section_w)
    for a in analysis.answers:
        table.add_row(QUESTIONS_BY_ID[a.question].short, a.verdict.plain(a.confidence), a.condition.plain(),
                      _sections(a))
    console.print(table)
    console.print(f"[dim]termlens analyzer {analysis.analyzer_version} · --format json shows the quotes and "
                  f"per-item answers[/]")


def _markdown(analysis: Analysis, meta: dict[str, object]) -> str:
    from termlens.domain.vocabulary import QUESTIONS_BY_ID

    title = " / ".join(str(meta[k]) for k in ("service", "type") if meta.get(k)) or str(meta.get("path", ""))
    lines = [f"# {title}", "", "| question | answer | condition | section |", "|---|---|---|---|"]
    for a in analysis.answers:
        lines.append(f"| {QUESTIONS_BY_ID[a.question].short} | {a.verdict.plain(a.confidence)} | "
                     f"{a.condition.plain()} | {_sections(a)} |")
    lines.append("")
    for a in analysis.answers:
        lines += [f"## {QUESTIONS_BY_ID[a.question].text}", "", f"**{a.verdict.plain(a.confidence)}**"
                  + (f" ({a.condition.plain()})" if a.condition.plain() else "") + f". {a.explanation}", ""]
        lines += [f"> {e.quote.strip()} (section {e.section or '—'})" + "\n" for e in a.evidence]
    lines.append(f"_termlens analyzer {analysis.analyzer_version}_")
    return "\n".join(lines) + "\n"


@main.command("analyze")
@click.argument("target", metavar="FILE_OR_VERSION")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="text: a table for people; json: the output contract; markdown: a report.")
@click.pass_context
def analyze_command(ctx: click.Context, target: str, fmt: str) -> None:
    """Answer the eight AI / data-use questions for a terms FILE (Markdown, text, HTML, PDF) or a
    stored VERSION id, with the sentences that prove each answer.

    \b
    Examples:
      termlens analyze "../shared/data/ota/Zoom/Terms of Service/2023-08-11T19-15-38Z.md"
      termlens analyze 42 --format json
    """
    from termlens.cli.common import print_json

    path = Path(target)
    if path.exists() or not target.isdigit():
        text, meta = _load_file(path)
    else:
        text, meta = _load_version(ctx, int(target))
    analysis, meta = _analyze_text(text, meta)
    if fmt == "json":
        print_json(analysis.to_json(meta))
    elif fmt == "markdown":
        click.echo(_markdown(analysis, meta), nl=False)
    else:
        _print_table(analysis, meta)


def _at(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        fail_usage(f"--at {value}: expected a date like 2023-08-11")
    return value if "T" in value and value.endswith("Z") else value[:10] + "T23:59:59Z"


def _service_texts(ctx: click.Context, service: str, document: str | None,
                   at: str | None) -> list[tuple[str, dict[str, object]]]:
    from termlens.cli.common import repository

    repo = repository(ctx)
    name = repo.find_service(service)
    if name is None:
        fail_usage(f"--service {service}: no such service in the store (try `termlens services`)")
    types = [d.type for d in repo.list_documents(name)]
    if document is not None:
        types = [t for t in types if t.lower() == document.lower()]
        if not types:
            fail_usage(f"--document {document}: {name} has no such document")
    found = []
    for doc_type in types:
        version = repo.version_at(name, doc_type, at)
        if version is not None:
            found.append((version.text, {"service": name, "type": doc_type, "version": version.id,
                                         "recorded_at": version.recorded_at}))
    if not found:
        fail_usage(f"{name}: no version recorded{' by ' + at if at else ''}")
    return found


def _informative(body: dict[str, object]) -> int:
    """Explicit answers beat probable ones, which beat vague ones, which beat silence."""
    verdict = str(body["verdict"])
    has_evidence = bool(body.get("evidence"))
    return {"yes": 4, "no": 4, "likely": 3, "unlikely": 3}.get(verdict, 1) + (1 if has_evidence else 0)


@main.command("ask")
@click.argument("question")
@click.option("--file", "file", type=click.Path(path_type=Path), help="Answer from this terms file.")
@click.option("--service", metavar="NAME", help="Answer from the stored documents of this service.")
@click.option("--document", "document", metavar="TYPE", help='Only this document, e.g. "Privacy Policy".')
@click.option("--at", "at", metavar="DATE", help="The versions in force at this date (default: the latest).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts.")
@click.pass_context
def ask_command(ctx: click.Context, question: str, file: Path | None, service: str | None,
                document: str | None, at: str | None, fmt: str) -> None:
    """Answer a plain-English QUESTION ("Is Zoom training its AI on my screen shares?") from a
    terms FILE or a stored SERVICE, saying what was understood and quoting the evidence.
    """
    from termlens.analysis import answer_question, understand_question
    from termlens.cli.common import print_json

    if (file is None) == (service is None):
        fail_usage("give exactly one of --file FILE or --service NAME")
    if not question.strip():
        fail_usage("the question is empty")
    understood = understand_question(question)
    if not understood.recognised:
        fail_usage(f"could not tell what {question!r} asks about: name a kind of data (\"my chats\", "
                   f"\"my screen shares\") or a use (AI training, ads, selling)")
    sources = [_load_file(file)] if file is not None else _service_texts(ctx, str(service), document, _at(at))
    bodies = []
    for text, meta in sources:
        analysis, meta = _analyze_text(text, meta)
        body = answer_question(understood, analysis)
        body["document"] = {"service": meta.get("service"), "type": meta.get("type"),
                            "version": meta.get("version"), "effective_date": analysis.effective_date}
        bodies.append(body)
    best = max(bodies, key=_informative)
    if fmt == "json":
        best["analyzer"] = {"name": "termlens", "version": _version()}
        print_json(best)
        return
    _print_answer(best)


def _version() -> str:
    from termlens.analysis import ANALYZER_VERSION

    return ANALYZER_VERSION


def _print_answer(body: dict[str, object]) -> None:
    from termlens.domain.vocabulary import Condition, Verdict

    verdict = Verdict(str(body["verdict"]))
    condition = Condition(str(body["condition"]))
    confidence = body.get("confidence")
    words = verdict.plain(float(confidence) if isinstance(confidence, (int, float)) else 0.0)
    console.print(f"[dim]Understood:[/] {body['understood']}", highlight=False)
    doc = body.get("document")
    if isinstance(doc, dict) and doc.get("service"):
        console.print(f"[dim]From:[/] {doc['service']} / {doc['type']}", highlight=False)
    console.print(f"[bold]{words}[/]" + (f" — {condition.plain()}" if condition.plain() else ""), highlight=False)
    console.print(str(body["explanation"]), highlight=False)
    evidence = body.get("evidence")
    for e in evidence if isinstance(evidence, list) else []:
        console.print(f"  [dim]§{e.get('section') or '—'}[/] “{str(e['quote']).strip()[:400]}”", highlight=False)
