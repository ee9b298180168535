"""Helpers shared by command modules: opening the store, printing JSON, resolving versions."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from termlens.cli.app import AppContext, fail, fail_usage

if TYPE_CHECKING:
    from termlens.storage import Repository


def repository(ctx: click.Context) -> Repository:
    """Open the database this invocation uses, or exit with a one-line reason."""
    # Imported here: commands that read only files should not load SQLAlchemy and Alembic.
    from sqlalchemy.exc import SQLAlchemyError

    from termlens.storage import open_repository
    from termlens.storage.engine import BadDatabaseURL

    app = ctx.find_object(AppContext)
    url = app.database_url if app is not None else AppContext().database_url
    try:
        return open_repository(url)
    except BadDatabaseURL as exc:
        fail_usage(str(exc))
    except SQLAlchemyError as exc:
        fail(f"cannot open database {url}: {str(exc.orig if hasattr(exc, 'orig') else exc).splitlines()[0]}")


def print_json(value: object) -> None:
    """Pretty JSON on stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
