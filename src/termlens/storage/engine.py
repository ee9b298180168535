"""Create SQLAlchemy engines: SQLite in WAL mode by default, PostgreSQL through psycopg 3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError


class BadDatabaseURL(ValueError):
    """The database URL cannot be used; the message says why in one line."""


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their directory created and WAL + foreign keys turned on."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise BadDatabaseURL(f"not a database URL: {url!r}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if not parsed.drivername.startswith("postgresql"):
        raise BadDatabaseURL(f"unsupported database {parsed.drivername!r}: use sqlite:/// or postgresql://")
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers and one writer work at once; NORMAL sync is durable across process crashes
    # (kill -9), which is the failure termlens must survive; busy_timeout makes writers wait, not fail.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def insert_if_absent(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """INSERT … ON CONFLICT DO NOTHING. Two schedulers that store the same blob, or meet the same service for the
    first time, at the same moment both succeed; a check-then-insert lets the slower one fail on the unique key."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())
