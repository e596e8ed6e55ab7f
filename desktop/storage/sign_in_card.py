"""What the sign-in screen shows, read straight from the database file with the standard library.

A station PC may be old and slow; reading these few rows without loading SQLAlchemy lets the
sign-in window appear at once while the storage layer loads behind it.  Returns None whenever
anything is unusual (no database yet, an older schema, a damaged file): the full opening path then
explains the problem properly.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.regions import Level, Region, place_name
from desktop.domain.roles import Role
from desktop.domain.settings import Settings, settings_from
from desktop.errors import StorageError
from desktop.storage.files import head_revision, open_read_only, read_revision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class SignInCard:
    station_name: str
    place: str
    people: tuple[Person, ...]
    settings: Settings


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
            # The JSON column's affinity hands numbers back as numbers, text as JSON text.
            stored = {key: json.loads(value) if isinstance(value, str) else value
                      for key, value in conn.execute("SELECT key, value FROM settings")}
            people = tuple(Person(username, name, Role(role)) for username, name, role in conn.execute(
                "SELECT username, display_name, role FROM users WHERE active ORDER BY sort_key"))  # pinyin order
    except (StorageError, sqlite3.Error, ValueError, TypeError) as exc:
        log.info("no quick sign-in card (%s); opening the database the full way", exc)
        return None
    return SignInCard(profile[0] if profile else "", place_name(list(reversed(chain))), people,
                      settings_from(stored))
