"""The root `termlens` command group and what every subcommand shares."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import NoReturn

import click
from rich.console import Console

from termlens import __version__
from termlens.config import Settings

console = Console()
err_console = Console(stderr=True)


@dataclass
class AppContext:
    """Per-invocation state handed to subcommands through click's context object."""

    settings: Settings

    @property
    def database_url(self) -> str:
        """The database this invocation uses."""
        return self.settings.resolved_database_url()


def fail_usage(message: str) -> NoReturn:
    """Bad input or usage: a one-line reason on stderr, exit 2 (never a traceback)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(2)


def fail(message: str) -> NoReturn:
    """A failure while doing the work: a one-line reason on stderr, exit 1."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(1)


FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text for people, json for scripts.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db", "db", metavar="URL", envvar="TERMLENS_DATABASE_URL",
    help="SQLAlchemy database URL (default: an SQLite file in your user data directory; "
    "env TERMLENS_DATABASE_URL). Example: postgresql+psycopg://user@127.0.0.1/termlens",
)
@click.version_option(__version__, prog_name="termlens")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """termlens reads the terms of service and privacy policies of the services you use and
    tells you, with evidence, what each vendor may do with your data - above all whether it
    trains AI on it - and what changed over time.

    \b
    Start with:
      termlens import-ota ../shared/data/ota --service Zoom
      termlens versions Zoom
      termlens analyze FILE_OR_VERSION
    """
    settings = Settings()
    if db:
        settings = settings.model_copy(update={"database_url": db})
    ctx.obj = AppContext(settings=settings)
