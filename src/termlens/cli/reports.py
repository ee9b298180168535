"""`termlens report`, `termlens portfolio`, `termlens check --policy` and `termlens serve`."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from termlens.cli.app import console, err_console, fail, fail_usage, main

if TYPE_CHECKING:
    from termlens.reports.analyses import AnalysisCache

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _cache(ctx: click.Context) -> AnalysisCache:
    from termlens.cli.common import repository
    from termlens.reports.analyses import AnalysisCache

    return AnalysisCache(repository(ctx))


def _date(value: str | None, option: str) -> str | None:
    import re

    if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        fail_usage(f"{option} {value}: expected a date like 2023-12-31")
    return value


def state_path(output: Path | None, state: Path | None) -> Path | None:
    """Where the answers of this report are kept for the next one: --state, else beside --output."""
    if state is not None:
        return state
    return output.with_name(output.name + ".answers.json") if output is not None else None


def _load_state(path: Path | None, service: str) -> dict[str, object] | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail_usage(f"{path}: not a termlens report state file ({exc})")
    if not isinstance(data, dict) or str(data.get("service", "")).lower() != service.lower():
        return None
    return data


@main.command("report")
@click.argument("service")
@click.option("--format", "fmt", type=click.Choice(["html", "markdown", "pdf", "json"]), default="html",
              show_default=True, help="html is self-contained; pdf is the html printed by WeasyPrint.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write here (default: stdout; pdf needs --output).")
@click.option("--at", "at", metavar="DATE", help="The terms in force on this date (default: the latest).")
@click.option("--since", "since", metavar="DATE", help="Timeline from this date (default: the whole history).")
@click.option("--state", type=click.Path(path_type=Path, dir_okay=False),
              help="The previous report's answers, to mark what changed (default: OUTPUT.answers.json).")
@click.pass_context
def report_command(ctx: click.Context, service: str, fmt: str, output: Path | None, at: str | None,
                   since: str | None, state: Path | None) -> None:
    """Write a report on SERVICE: TL;DR, dated timeline, item-by-item answers with the quoted
    clauses, advice and sources, marking what changed since the previous report.

    \b
    Examples:
      termlens report Zoom --output zoom.html
      termlens report Zoom --at 2023-12-31 --since 2023-01-01 --format pdf -o zoom-2023.pdf
    """
    from termlens.reports.model import build_report
    from termlens.reports.render import render

    if fmt == "pdf" and output is None:
        fail_usage("--format pdf needs --output FILE")
    at, since = _date(at, "--at"), _date(since, "--since")
    cache = _cache(ctx)
    keep = state_path(output, state)
    started = time.perf_counter()
    try:
        report = build_report(cache, service, at=at, since=since, previous=_load_state(keep, service))
    except LookupError as exc:
        fail_usage(str(exc.args[0]))
    data = render(report, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
        if keep is not None:
            keep.write_text(json.dumps(report.state(), indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")
    err_console.print(f"wrote {output} ({len(data):,} bytes, {fmt}) in {time.perf_counter() - started:.1f}s",
                      highlight=False)


@main.command("portfolio")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.pass_context
def portfolio_command(ctx: click.Context, fmt: str) -> None:
    """One row per stored service: the eight current answers and the date of the last material change."""
    from termlens.cli.common import print_json
    from termlens.domain.vocabulary import QUESTIONS
    from termlens.reports.portfolio import portfolio, portfolio_csv

    cache = _cache(ctx)
    rows = portfolio(cache)
    if fmt == "json":
        print_json({"services": [r.to_json() for r in rows]})
    elif fmt == "csv":
        click.echo(portfolio_csv(rows), nl=False)
    else:
        table = Table("service", *[q.short for q in QUESTIONS], "last material change", title="Portfolio",
                      title_justify="left")
        for row in rows:
            table.add_row(row.service, *[row.words(q.id) for q in QUESTIONS], row.last_material_change or "—")
        console.print(table)
        if not rows:
            console.print("No service stored yet: try `termlens import-ota DIR`.")


@main.command("check")
@click.option("--policy", "policy", type=click.Path(path_type=Path), required=True,
              help="The policy file (YAML; see docs/policy.md).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def check_command(ctx: click.Context, policy: Path, fmt: str) -> None:
    """Check every service's current answers against POLICY; exit 1 when an error rule is broken
    (warnings are printed but do not fail), so it can gate a CI pipeline."""
    from termlens.cli.common import print_json
    from termlens.reports.policy import PolicyError, evaluate, load_policy
    from termlens.reports.portfolio import portfolio

    try:
        rules = load_policy(policy)
    except PolicyError as exc:
        fail_usage(str(exc))
    cache = _cache(ctx)
    rows = portfolio(cache, with_changes=False)
    violations = evaluate(rules, rows, cache)
    errors = [v for v in violations if v.rule.severity == "error"]
    if fmt == "json":
        print_json({"policy": str(policy), "services": [r.service for r in rows], "rules": [r.id for r in rules],
                    "violations": [v.to_json() for v in violations], "passed": not errors})
    else:
        for v in violations:
            label = "VIOLATION" if v.rule.severity == "error" else "warning"
            console.print(f"{label} {v.service}: {v.rule.id}"
                          + (f" — {v.rule.description}" if v.rule.description else ""), highlight=False, markup=False)
            console.print(f"  answer: {v.words} ({v.document})", highlight=False, markup=False)
            console.print(f"  {v.explanation}", highlight=False, markup=False)
            for e in v.evidence[:2]:
                console.print(f"  §{e.section or '—'} “{' '.join(e.quote.split())[:300]}”", highlight=False,
                              markup=False)
        console.print(f"{len(rules)} rule(s), {len(rows)} service(s): {len(errors)} violation(s), "
                      f"{len(violations) - len(errors)} warning(s)", highlight=False, markup=False)
    if errors:
        sys.exit(1)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="TERMLENS_WEB_TOKEN", metavar="SECRET",
              help="Access token (env TERMLENS_WEB_TOKEN); required for any bind other than 127.0.0.1.")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, token: str | None) -> None:
    """Serve the web dashboard and the REST API (/api/v1, docs at /api/docs)."""
    import uvicorn

    from termlens.cli.common import repository
    from termlens.web.app import create_app

    if host not in LOOPBACK and not token:
        fail_usage(f"--host {host}: binding beyond 127.0.0.1 needs --token (or TERMLENS_WEB_TOKEN)")
    if token is not None and len(token) < 12:
        fail_usage("--token: use at least 12 characters")
    app = create_app(repository(ctx), token=token or None)
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"termlens dashboard on http://{shown}:{port}/" + (" (token required)" if token else ""),
                      highlight=False)
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    uvicorn.run(app, host=host, port=port, log_level="warning")
