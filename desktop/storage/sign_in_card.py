"""What the sign-in screen shows, read straight from the database file with the standard library.

A station PC may be old and slow; reading these few rows without loading SQLAlchemy lets the
sign-in window appear at once while the storage layer loads behind it.  Returns None whenever
anything is unusual (no database yet, an older schema, a damaged file): the full opening path then
explains the problem properly.
"""

from __future__ import annotations

import logging
from contextlib import closing
from pathlib import Path

from desktop.domain.regions import Level, Region, place_name
from desktop.domain.roles import Role
from desktop.domain.settings import settings_from
from desktop.errors import StorageError
from desktop.storage.files import SQLiteError, head_revision, open_read_only, read_revision

log = logging.getLogger(__name__)


# Plain classes: making a dataclass takes about a millisecond, and these are made on the way to the first window.
class Person:
    """One person the window offers: who signs in, the name shown, and the role beside it."""

    __slots__ = ("display_name", "role", "username")

    def __init__(self, username: str, display_name: str, role: Role) -> None:
        self.username, self.display_name, self.role = username, display_name, role


class SignInCard:
    """The station's name and place, its people in pinyin order, and the two settings the window needs
    (checked as the full start checks them)."""

    __slots__ = ("font_size", "language", "people", "place", "station_name")

    def __init__(self, station_name: str, place: str, people: tuple[Person, ...], language: str,
                 font_size: int) -> None:
        self.station_name, self.place, self.people = station_name, place, people
        self.language, self.font_size = language, font_size


def read_sign_in_card(path: Path) -> SignInCard | None:
    try:
        if read_revision(path, whole=False) != head_revision():  # the full opening checks every page
            return None
        with closing(open_read_only(path)) as conn:
            station = conn.execute("SELECT village_code FROM station WHERE id = 1").fetchone()
            if station is None:
                return None
            profile = conn.execute("SELECT station_name FROM village_profile WHERE village_code = ?",
                                   station).fetchone()
            chain: list[Region] = []
            code: str | None = station[0]
            while code:
                row = conn.execute("SELECT code, name, level, parent_code FROM regions WHERE code = ?",
                                   (code,)).fetchone()
                if row is None:
                    break
                chain.append(Region(row[0], row[1], Level(row[2]), row[3]))
                code = row[3]
            # Values are JSON: SQLite reads them (json is one module more on the way to the window).
            stored = dict(conn.execute("SELECT key, json_extract(value, '$') FROM settings "
                                       "WHERE key IN ('language', 'font_size')"))
            people = tuple(Person(username, name, Role(role)) for username, name, role in conn.execute(
                "SELECT username, display_name, role FROM users WHERE active ORDER BY sort_key"))  # pinyin order
    except (StorageError, SQLiteError, ValueError, TypeError) as exc:
        log.info("no quick sign-in card (%s); opening the database the full way", exc)
        return None
    settings = settings_from(stored)
    return SignInCard(profile[0] if profile else "", place_name(list(reversed(chain))), people,
                      settings.language, settings.font_size)
