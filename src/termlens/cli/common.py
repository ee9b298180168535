"""Helpers shared by command modules: opening the store, printing JSON, resolving versions."""

from __future__ import annotations

import json
import sys

import click
from sqlalchemy.exc import SQLAlchemyError

from termlens.cli.app import AppContext, fail, fail_usage
from termlens.config import Settings
from termlens.storage import Repository, open_repository
from termlens.storage.engine import BadDatabaseURL


def repository(ctx: click.Context) -> Repository:
    """Open the database this invocation uses, or exit with a one-line reason."""
    app = ctx.find_object(AppContext)
    url = app.database_url if app is not None else AppContext(Settings()).database_url
    try:
        return open_repository(url)
    except BadDatabaseURL as exc:
        fail_usage(str(exc))
    except SQLAlchemyError as exc:
        fail(f"cannot open database {url}: {str(exc.orig if hasattr(exc, 'orig') else exc).splitlines()[0]}")


def print_json(value: object) -> None:
    """Pretty JSON on stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
