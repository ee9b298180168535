"""The root `termlens` command group and what every subcommand shares."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console

from termlens import __version__

if TYPE_CHECKING:
    from termlens.config import Settings

console = Console()
err_console = Console(stderr=True)


@dataclass
class AppContext:
    """Per-invocation state handed to subcommands through click's context object.

    Settings are read lazily: pydantic-settings costs about half a second to import, which
    commands that never touch the database (analyze FILE, diff FILE FILE) should not pay.
    """

    db_override: str | None = None

    @cached_property
    def settings(self) -> Settings:
        """TERMLENS_* settings, with --db applied."""
        from termlens.config import Settings

        settings = Settings()
        if self.db_override:
            settings = settings.model_copy(update={"database_url": self.db_override})
        return settings

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


# Which module defines each command. Modules are imported only when their command runs, so
# `termlens analyze` does not pay for SQLAlchemy, HTTP or web imports it never uses.
COMMAND_MODULES: dict[str, str] = {
    "import-ota": "history", "services": "history", "versions": "history", "show": "history",
    "export": "history", "verify": "history",
    "analyze": "analysis", "ask": "analysis",
    "diff": "changes", "timeline": "changes",
    "fetch": "watch", "watch": "watch",
    "report": "reports", "portfolio": "reports", "check": "reports", "serve": "reports",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module the first time the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, loaded or not."""
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing the module that registers it on first use."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"termlens.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    ctx.obj = AppContext(db_override=db)
