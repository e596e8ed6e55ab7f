"""Reading and saving the station's settings."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from desktop.domain.roles import Permission
from desktop.domain.settings import LANGUAGES, RANGES, Settings, settings_from, star_thresholds_problem
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import Setting
from desktop.storage.uow import UnitOfWork


def load_settings(uow: UnitOfWork) -> Settings:
    return settings_from({row.key: row.value for row in uow.session.scalars(select(Setting))})


def save_settings(uow: UnitOfWork, *, settings: Settings) -> Settings:
    """Store every setting after checking its range; the station admin changes settings."""
    uow.require(Permission.MANAGE_STATION)
    if settings.language not in LANGUAGES:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a language from the list."), field="language")
    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if not isinstance(value, int) or not low <= value <= high:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The value must be between {low} and {high}."), field=name, low=low, high=high)
    if star_thresholds_problem(settings.star_thresholds):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Star levels need five numbers of hours, each higher than the one before."),
            field="star_thresholds")
    for spec in fields(Settings):
        value = getattr(settings, spec.name)
        if isinstance(value, tuple):
            value = list(value)
        row = uow.session.get(Setting, spec.name)
        if row is None:
            uow.session.add(Setting(key=spec.name, value=value))
        elif row.value != value:
            row.value = value
    uow.session.flush()
    return settings


__all__ = ["LANGUAGES", "Settings", "load_settings", "save_settings"]
