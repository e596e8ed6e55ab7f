"""SQLite engines as both the station and the city server use them.

WAL so readers never block the writer, ``synchronous=FULL`` so a saved change survives a power cut,
foreign keys on, a long busy timeout, and transactions that begin as the connection's
``sqlite_begin`` execution option says — ``IMMEDIATE`` for writers, so two writers queue instead of
deadlocking on a lock upgrade.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

WRITER_OPTIONS = {"sqlite_begin": "IMMEDIATE"}
PRIVATE = 0o600


def private_file(path: Path) -> None:
    """Make ``path`` readable by its owner only, creating it empty if it is not there (an empty file is an
    empty SQLite database).  SQLite gives its -wal and -shm files the database's permissions."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE)
    os.close(descriptor)
    os.chmod(path, PRIVATE)


def sqlite_engine(url: str, **engine_kwargs: Any) -> Engine:
    """An engine for the SQLite file of ``url``, which is made private first.  Statement parameters are
    never put into error messages (they are people's data, and error messages reach the logs)."""
    database = make_url(url).database
    if database and database != ":memory:":
        private_file(Path(database))
    connect_args = {"timeout": 30, **engine_kwargs.pop("connect_args", {})}
    engine = create_engine(url, connect_args=connect_args, hide_parameters=True, **engine_kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine
