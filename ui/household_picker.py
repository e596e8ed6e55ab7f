"""A dialog to pick one or several households being helped, with the same search as the household list, for the
areas that give households something (a training, a micro-wish, a sponsorship):

    pick_one(self, context, lambda row: use(row))          # row: HouseholdRow
    pick_many(self, context, lambda ids: use(ids), exclude_ids=already_there)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QWidget

from desktop.services import households
from desktop.services.households import HouseholdRow
from ui import pickers
from ui.context import AppContext
from ui.pickers import RecordPicker


class HouseholdPicker(RecordPicker):
    def __init__(self, context: AppContext, *, multi: bool = False, exclude_ids: Iterable[str] = (),
                 title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, multi=multi, exclude_ids=exclude_ids, name="householdPicker",
                         placeholder=self.tr("Head's name, pinyin, initials, phone or last digits of the ID number"),
                         nothing_found=self.tr("No household found. Try fewer letters, or the phone number."),
                         parent=parent)
        self.setWindowTitle(title or (self.tr("Choose households") if multi else self.tr("Choose a household")))

    def find(self, uow, text: str, limit: int) -> list[HouseholdRow]:
        return households.household_choices(uow, text=text, limit=limit)

    def line(self, row: HouseholdRow) -> str:
        return "  ·  ".join(part for part in (row.head_name, households.place_of(row.group_name, row.address),
                                              row.phone, row.id_masked) if part)


def pick_one(parent: QWidget, context: AppContext, chosen: Callable[[HouseholdRow], None], *,
             title: str | None = None) -> HouseholdPicker:
    """Open the picker for one household; ``chosen`` gets its row once the person confirms."""
    picker = HouseholdPicker(context, multi=False, title=title, parent=parent)
    pickers.pick_one(picker, chosen)
    return picker


def pick_many(parent: QWidget, context: AppContext, chosen: Callable[[list[str]], None], *,
              exclude_ids: Iterable[str] = (), title: str | None = None) -> HouseholdPicker:
    """Open the picker with a tick per household (those in ``exclude_ids`` not offered); ``chosen`` gets the ticked
    ids once the person confirms."""
    picker = HouseholdPicker(context, multi=True, exclude_ids=exclude_ids, title=title, parent=parent)
    pickers.pick_many(picker, chosen)
    return picker
