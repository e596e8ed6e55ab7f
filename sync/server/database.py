"""Opening the city database (SQLite by default, PostgreSQL in production) and bringing its schema to head.

Alembic migrations live in ``sync/server/migrations``; ``migrate`` runs them in one transaction and
refuses a database written by a newer version of the server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

from desktop.sqlite import WRITER_OPTIONS, sqlite_engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_DATA_DIR = Path("city-data")
DATABASE_FILE = "city.db"
# Where ``serve``'s worker processes (and an operator who keeps passwords off the command line) find the URL.
ENV_DATABASE_URL = "CITY_SERVER_DATABASE_URL"

# Transaction-level advisory lock keys (PostgreSQL).  Every write of changelog rows holds CHANGELOG_LOCK
# until commit, so sequence numbers are handed out in commit order and a puller never sees 11 before 10.
CHANGELOG_LOCK = 0x5649_4C53_0001  # "VILS" 1
MIGRATION_LOCK = 0x5649_4C53_0002


class DatabaseNewer(Exception):
    """The database was migrated by a newer version of the server; this one must not touch it."""


def utcnow() -> datetime:
    """Now, as the naive UTC the tables store."""
    return datetime.now(UTC).replace(tzinfo=None)


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir).resolve() / DATABASE_FILE}"


def json_text(value: object) -> str:
    """JSON as the database stores it: compact, Chinese kept as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 20) -> Engine:
    """An engine for ``url``.  SQLite: WAL, synchronous=FULL, foreign keys, a busy timeout, and
    transactions that begin as the ``begin`` execution option says (``IMMEDIATE`` for writers)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sqlite_engine(url, connect_args={"check_same_thread": False}, json_serializer=json_text)
        return engine
    # Statement parameters (people's data) never go into error messages and so never into the log.
    return create_engine(url, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True,
                         json_serializer=json_text, hide_parameters=True)


def is_postgresql(engine_or_connection: Engine | Connection) -> bool:
    return engine_or_connection.dialect.name == "postgresql"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A writing transaction: committed at the end, rolled back on an exception.

    SQLite takes its one write lock at BEGIN, so two writers queue instead of deadlocking.
    """
    with engine.execution_options(**WRITER_OPTIONS).begin() as connection:
        yield connection


# Records a push touches are locked by the two-key form of advisory locks (a key space of its own, apart
# from the one-key locks above): (RECORD_LOCKS, hash of entity and row id).
RECORD_LOCKS = 0x5653


def lock_records(connection: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Hold every record a push will read and write until this transaction ends, so pushes that touch other
    records merge at the same time and only take turns to write the changelog (SQLite has one writer anyway).

    Taken in one statement, in key order, and always before the changelog lock: no two pushes deadlock."""
    if not is_postgresql(connection):
        return
    names = sorted({f"{entity}/{row_id}" for entity, row_id in keys})
    if names:
        connection.exec_driver_sql(
            "SELECT pg_advisory_xact_lock(%s, k) FROM (SELECT DISTINCT hashtext(n) AS k FROM unnest(%s::text[]) "
            "AS n ORDER BY k) AS keys", (RECORD_LOCKS, names))


def lock_changelog(connection: Connection) -> None:
    """Serialise writers of the changelog until this transaction ends (SQLite already has one writer)."""
    if is_postgresql(connection):
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGELOG_LOCK})


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Migrations are named ``NNNN_what.py`` with revision ``NNNN`` (a test holds them to that)."""
    return {path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")}


def head_revision() -> str:
    return max(known_revisions())


def current_revision(connection: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to head in one transaction; returns (revision before, revision after).

    Several server processes may start at once: on PostgreSQL they take turns through an advisory lock.
    """
    from alembic import command

    with writing(engine) as connection:
        if is_postgresql(connection):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        before = current_revision(connection)
        if before is not None and before not in known_revisions():
            raise DatabaseNewer(f"The database is at schema revision {before}, which this version of the city "
                                "server does not know: it was written by a newer version. Nothing was changed; "
                                "install the newer version of the server.")
        head = head_revision()
        if before != head:
            log.info("migrating the city database from %s to %s", before, head)
            command.upgrade(alembic_config(connection), "head")
    return before, head
