"""The command group: every command is reachable, listed in --help, and loaded only when used."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click

from termlens.cli import main
from termlens.cli.app import COMMAND_MODULES


def test_every_listed_command_exists_and_has_help() -> None:
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None, name
        assert (command.help or "").strip(), f"{name} has no help text"


def test_no_command_is_registered_outside_the_map() -> None:
    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"termlens.cli.{module}")
    assert set(main.commands) == set(COMMAND_MODULES)


def test_analyze_does_not_import_storage_or_web() -> None:
    code = ("import sys; from termlens.cli import main; "
            "main.get_command(None, 'analyze'); "
            "print(','.join(m for m in ('sqlalchemy', 'alembic', 'fastapi', 'httpx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_the_section_column_stays_short_when_a_section_is_cited_by_its_heading() -> None:
    from termlens.cli.analysis import _sections
    from termlens.domain.model import Answer, Evidence
    from termlens.domain.vocabulary import Condition, Verdict

    def cited(*sections: str) -> str:
        evidence = tuple(Evidence("q", i, i + 1, s) for i, s in enumerate(sections))
        return _sections(Answer("train.usage.own", Verdict.YES, Condition.NONE, 0.9, evidence, ""))

    assert cited("1", "9", "What the process looks like") == "1, 9, …"
    assert cited("What the process looks like") == "What…"
    assert cited("10.5", "10.5", "3") == "10.5, 3"
