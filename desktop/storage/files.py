"""Checks on a database file that need no SQLAlchemy: is it whole, is it ours, which schema revision.

Kept apart from the storage layer so the first window can appear before SQLAlchemy has loaded.
"""

from __future__ import annotations

import logging
from contextlib import closing
from pathlib import Path

import desktop
from desktop.errors import DatabaseCorrupt, DatabaseNewer, Term
from desktop.i18n import QT_TRANSLATE_NOOP

# The module under the sqlite3 package, with the same connections and errors: the package adds to it only the
# adapters for dates and times, whose loading (datetime) is a share of the quick start, and nothing here reads a
# date.
try:
    import _sqlite3 as sqlite3
except ImportError:  # a Python that builds the package otherwise
    import sqlite3

SQLiteError = sqlite3.Error  # what a plain connection raises

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(desktop.__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


def known_revisions() -> set[str]:
    """Revision ids of the migrations shipped with this version.

    Migrations are named ``NNNN_what_it_does.py`` with revision ``NNNN`` in a single line of history
    (a test holds them to that), so this is read from the file names without loading Alembic, which
    keeps start-up quick.
    """
    versions = MIGRATIONS_DIR / "versions"
    return {path.name.split("_", 1)[0] for path in versions.glob("[0-9][0-9][0-9][0-9]_*.py")}


def head_revision() -> str:
    return max(known_revisions())


def read_revision(path: Path, *, whole: bool = True) -> str | None:
    """The schema revision of a database file, checking it is ours and (``whole``) that no page of it is
    damaged; never writes to it.  The page check reads the whole file (about a tenth of a second for a
    station of 30,000 volunteers): the quick sign-in window leaves it to the full opening behind it.

    Returns None for a file that does not exist yet or holds nothing.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise _corrupt(path, Term(QT_TRANSLATE_NOOP("desktop", "not an SQLite database file")))
    try:
        with closing(open_read_only(path)) as conn:
            if whole:
                check = conn.execute("PRAGMA quick_check(1)").fetchone()
                if not check or check[0] != "ok":
                    raise _corrupt(path, check[0] if check else "no answer")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise _corrupt(path, Term(QT_TRANSLATE_NOOP("desktop", "not a Village Station database")))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, str(exc)) from exc
    return row[0] if row else None


def check_revision(path: Path, revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseNewer(QT_TRANSLATE_NOOP(
            "desktop",
            "The database {path} was written by a newer version of Village Station. This version "
            "cannot use it and has not changed it. Install the newest version of the app and start it again."),
            path=str(path))


def _corrupt(path: Path, reason: str) -> DatabaseCorrupt:
    log.error("database %s is unusable: %s", path, reason)
    return DatabaseCorrupt(QT_TRANSLATE_NOOP(
        "desktop",
        "The database {path} is damaged and cannot be opened ({reason}). It has not been changed, and it "
        "will be kept as it is, so that nothing is thrown away."),
        path=str(path), reason=reason)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A plain read-only connection, for looking without changing anything."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
