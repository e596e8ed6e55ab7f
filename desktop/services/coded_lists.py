"""A station's own coded lists: the households' categories of help, the hut's item categories and its reasons for
points.  Each is the codes built into the app, with their labels, beside the entries the station adds, renames
and switches off; a record stores an entry's code, and the screens, the pick lists and the audit log show it by
its name (desktop/services/records.py ``CODED_FIELDS``).  An entry the station keeps is a synced row named by its
code, so two PCs of the village adding the same entry make one record.

What the lists share lives here once: the entries in their order, their names by code, a name checked, a new
entry's code and its row.  The two lists of categories also share their verbs (``add_own``, ``rename_own``,
``set_own_active``): their built-in entries are fixed and their own are coded by the pinyin of their names.  The
reasons for points differ there — a built-in reason may be renamed or retired too, each has its points, and an
own reason's code is made up — so desktop/services/hut_points.py keeps its verbs and uses the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.households import BUILT_IN_CATEGORIES
from desktop.domain.hut import BUILT_IN_ITEM_CATEGORIES, BUILT_IN_POINTS_RULES
from desktop.domain.pinyin_search import SEPARATOR, text_sort_key
from desktop.domain.sync_kinds import HOUSEHOLD_CATEGORY, ITEM_CATEGORY, POINTS_RULE, RecordKind
from desktop.domain.text import clean_text, compact_text
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.station import village_code
from desktop.storage.models import HouseholdCategory, ItemCategory, PointsRule
from desktop.storage.uow import UnitOfWork

Named = TypeVar("Named")  # an entry, or anything else with a ``name``
MOST_NAME = 64  # characters of an entry's name: the sync's bound
TOO_LONG = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")


@dataclass(frozen=True)
class Words:
    """What a list says to a person: no name typed, a name too long ({most}), and, for the lists whose verbs are
    ``add_own`` …, a name another entry has ({name}), a built-in entry changed, an entry gone from the list."""

    no_name: str
    too_long: str = TOO_LONG
    taken: str = ""
    fixed: str = ""
    gone: str = ""


@dataclass(frozen=True)
class Entry:
    """An entry of a list as the screens are given it."""

    code: str
    name: str       # a built-in entry's label (source text, to translate) unless the station renamed it
    built_in: bool
    active: bool


@dataclass(frozen=True)
class CodedList:
    """One of the station's coded lists (see the module's text)."""

    model: type                      # a synced model with ``code``, ``name`` and ``active``
    kind: RecordKind                 # its record kind: a row's id is named by its code
    built_in: Mapping[str, str]      # code: label (source text to translate), in the order they are listed
    names_key: str                   # the key under which desktop/services/records.py names the station's codes
    order: Callable[[Any], Any]      # the order of the station's own entries, after the built-in ones
    words: Words

    def stored(self, session: Session) -> dict[str, Any]:
        """The rows the station keeps (its own entries, and built-in ones it changed where it may), by code."""
        return {row.code: row for row in session.scalars(select(self.model).where(self.model.deleted.is_(False)))}

    def row(self, session: Session, code: str, *, deleted_too: bool = False) -> Any | None:
        query = select(self.model).where(self.model.code == code)
        if not deleted_too:
            query = query.where(self.model.deleted.is_(False))
        return session.scalars(query).first()

    def entries(self, session: Session, *, include_inactive: bool = False) -> list[Entry]:
        """The built-in entries in their order (as the station changed them), then its own in the list's order;
        those switched off only with ``include_inactive``."""
        stored = self.stored(session)
        found = []
        for code, label in self.built_in.items():
            row = stored.pop(code, None)
            found.append(Entry(code, row.name if row else label, True, row.active if row else True))
        found += [Entry(row.code, row.name, False, row.active) for row in sorted(stored.values(), key=self.order)]
        return [entry for entry in found if entry.active or include_inactive]

    def names(self, session: Session) -> dict[str, str]:
        """Every entry's name by its code: a built-in one's label as a ``Term`` to translate, the station's own
        entries (switched off too) as they were named."""
        names: dict[str, str] = {code: Term(label) for code, label in self.built_in.items()}
        names.update({code: row.name for code, row in self.stored(session).items() if code not in self.built_in})
        return names

    def new_row(self, uow: UnitOfWork, code: str, **values: Any) -> Any:
        """The row of a new entry, named by its code."""
        village = village_code(uow)
        row = self.model(id=self.kind.expected_id(village, {"code": code}), village_code=village, code=code,
                         **values)
        uow.session.add(row)
        uow.session.flush()
        return row


def clean_name(name: str, words: Words) -> str:
    """An entry's name as typed, cleaned; refused when empty or too long."""
    cleaned = clean_text(name)
    if not cleaned:
        raise InvalidInput(words.no_name, field="name")
    if len(cleaned) > MOST_NAME:
        raise InvalidInput(words.too_long, field="name", most=MOST_NAME)
    return cleaned


def same_name(name: str, entries: Iterable[Named]) -> Named | None:
    """The first of ``entries`` (anything with a ``name``) called ``name``, spaces, full-width letters and case
    aside."""
    key = compact_text(name).casefold()
    return next((entry for entry in entries if compact_text(entry.name).casefold() == key), None)


def pinyin_code(name: str, taken: Iterable[str]) -> str:
    """An entry's code from the pinyin of its name (留守儿童 → liu_shou_er_tong): two PCs of the village that add
    the same name make the same record.  A code in ``taken`` gets a number after it."""
    taken = set(taken)
    reading = text_sort_key(name).split(SEPARATOR)[0]
    base = re.sub(r"[^a-z0-9]+", "_", reading.lower()).strip("_")[:28] or "category"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


# -- the verbs of a list whose built-in entries are fixed (the categories) ---------------------------------------

def _own_name(uow: UnitOfWork, coded: CodedList, name: str, *, code: str | None = None) -> str:
    """A name no other entry of the station's own that is offered has."""
    cleaned = clean_name(name, coded.words)
    other = same_name(cleaned, (entry for entry in coded.entries(uow.session)
                                if not entry.built_in and entry.code != code))
    if other is not None:
        raise InvalidInput(coded.words.taken, field="name", name=other.name)
    return cleaned


def _own_row(uow: UnitOfWork, coded: CodedList, code: str) -> Any:
    if code in coded.built_in:
        raise InvalidInput(coded.words.fixed, field="code")
    row = coded.row(uow.session, code)
    if row is None:
        raise InvalidInput(coded.words.gone, field="code")
    return row


def add_own(uow: UnitOfWork, coded: CodedList, *, name: str) -> Entry:
    """An entry of the station's own beside the built-in ones, coded by the pinyin of its name."""
    cleaned = _own_name(uow, coded, name)
    code = pinyin_code(cleaned, [*coded.built_in, *uow.session.scalars(select(coded.model.code))])
    row = coded.new_row(uow, code, name=cleaned, active=True)
    return Entry(row.code, row.name, False, True)


def rename_own(uow: UnitOfWork, coded: CodedList, *, code: str, name: str) -> Entry:
    row = _own_row(uow, coded, code)
    row.name = _own_name(uow, coded, name, code=code)
    uow.session.flush()
    return Entry(row.code, row.name, False, row.active)


def set_own_active(uow: UnitOfWork, coded: CodedList, *, code: str, active: bool) -> Entry:
    """Switch an entry of the station's own off (records keep it; it is no longer offered) or on again."""
    row = _own_row(uow, coded, code)
    if active and not row.active:
        _own_name(uow, coded, row.name, code=code)  # two entries offered never share a name
    row.active = bool(active)
    uow.session.flush()
    return Entry(row.code, row.name, False, row.active)


# -- the lists ------------------------------------------------------------------------------------------------

def _in_pinyin_order(row: Any) -> tuple[bool, str]:
    return not row.active, text_sort_key(row.name)


HOUSEHOLD_CATEGORIES = CodedList(
    HouseholdCategory, HOUSEHOLD_CATEGORY, BUILT_IN_CATEGORIES, "household_category_codes", _in_pinyin_order,
    Words(no_name=QT_TRANSLATE_NOOP("desktop", "Enter the name of the category."),
          too_long=QT_TRANSLATE_NOOP("desktop", "A category's name has at most 64 characters."),
          taken=QT_TRANSLATE_NOOP("desktop", "There is already a category called \"{name}\". Choose another name."),
          fixed=QT_TRANSLATE_NOOP("desktop", "The built-in categories of help cannot be changed; add a category of "
                                             "your own instead."),
          gone=QT_TRANSLATE_NOOP("desktop", "This category is no longer on the list. Refresh the list.")))

ITEM_CATEGORIES = CodedList(
    ItemCategory, ITEM_CATEGORY, BUILT_IN_ITEM_CATEGORIES, "item_category_codes", _in_pinyin_order,
    Words(no_name=QT_TRANSLATE_NOOP("desktop", "Enter the name of the category."),
          taken=QT_TRANSLATE_NOOP("desktop", "There is already a category called \"{name}\". Choose another name."),
          fixed=QT_TRANSLATE_NOOP("desktop", "The built-in item categories cannot be changed; add a category of "
                                             "your own instead."),
          gone=QT_TRANSLATE_NOOP("desktop", "This category is no longer on the list. Refresh the list.")))

POINTS_RULES = CodedList(
    PointsRule, POINTS_RULE, {code: label for code, (label, _points) in BUILT_IN_POINTS_RULES.items()},
    "points_rule_codes", lambda row: row.created_at,
    Words(no_name=QT_TRANSLATE_NOOP("desktop", "Enter what the points are earned for, like 环境卫生.")))

CODED_LISTS = (HOUSEHOLD_CATEGORIES, ITEM_CATEGORIES, POINTS_RULES)
