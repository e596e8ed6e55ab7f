"""Small pieces the volunteer programme's screens share: labels of stored codes, hours, stars, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QTimeEdit

from desktop.domain import volunteering
from desktop.domain.days import local_day
from desktop.services import teams
from ui.context import AppContext
from ui.i18n import translate
from ui.operations import read
from ui.table import Column

DATE_FORMAT = "yyyy-MM-dd"


def label(enum_type, value: str) -> str:
    """The translated label of a stored code (an unknown code is shown as it is)."""
    try:
        return translate("desktop", enum_type(value).label)
    except ValueError:
        return value


def hours_text(value: float) -> str:
    """Hours with their unit, in the interface's language ("3 h", 3 小时): the core's one way of writing them."""
    return volunteering.hours_with_unit(value, unit=translate("desktop", volunteering.HOURS_UNIT))


def hours_column(title: str, hours: Callable[[Any], float]) -> Column:
    """A column of hours: with their unit on screen, sorted as numbers, and in a workbook a number a
    spreadsheet can add up, the unit in the heading ("Hours (h)", 时长（小时）)."""
    heading = translate("desktop", volunteering.HOURS_HEADING).format(title=title)
    return Column(title, lambda row: hours_text(hours(row)), align_right=True, sort_value=hours,
                  workbook=(heading, lambda row: volunteering.round_hours(hours(row))))


class HoursBox(QDoubleSpinBox):
    """Hours typed to a tenth, written as everywhere else: "5 h", "2.5 h" (never "5.0 h")."""

    def __init__(self, *, name: str, most: float) -> None:
        super().__init__(objectName=name)
        self.setDecimals(1)
        self.setRange(0.0, most)
        prefix, _, suffix = translate("desktop", volunteering.HOURS_UNIT).partition("{hours}")
        self.setPrefix(prefix)
        self.setSuffix(suffix)

    def textFromValue(self, value: float) -> str:
        return volunteering.hours_figure(value)


def stars(level: int) -> str:
    return "★" * level if level else "—"


def today(context: AppContext) -> date:
    """The station's today, from the database's clock (tests move it), on this PC's calendar."""
    return local_day(context.db.now())


def date_edit(value: date | str | None = None, *, name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if value:
        set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date | str) -> None:
    text = value.isoformat() if isinstance(value, date) else value
    edit.setDate(QDate.fromString(text, "yyyy-MM-dd"))


def date_text(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def time_edit(value: str = "", *, name: str) -> QTimeEdit:
    edit = QTimeEdit(objectName=name)
    edit.setDisplayFormat("HH:mm")
    if value:
        edit.setTime(QTime.fromString(value, "HH:mm"))
    return edit


def team_combo(context: AppContext, *, name: str, none: str | None = None,
               chosen: str = "") -> QComboBox:
    """A choice of the station's teams (data: the team's id); ``none`` labels a first "no team" entry (data "").

    The teams are read by a read operation and added when they arrive, ``chosen`` then selected — unless
    the person has already chosen something else."""
    combo = QComboBox(objectName=name)
    if none is not None:
        combo.addItem(none, "")

    def fill(choices: list[tuple[str, str]]) -> None:
        untouched = combo.currentIndex() <= 0
        for team_name, team_id in choices:
            combo.addItem(team_name, team_id)
        if chosen and untouched:
            combo.setCurrentIndex(max(combo.findData(chosen), 0))

    read(context, combo, lambda uow: [(team.name, team.id) for team in teams.list_teams(uow)], done=fill)
    return combo


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")
