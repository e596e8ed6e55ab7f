"""Station settings people can change, with their defaults and allowed ranges."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from desktop.domain.roles import Permission
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import Setting
from desktop.storage.uow import UnitOfWork

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Settings:
    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    font_size: int = 12
    backups_to_keep: int = 14


_RANGES = {"idle_lock_minutes": (1, 240), "font_size": (10, 24), "backups_to_keep": (3, 365)}


def load_settings(uow: UnitOfWork) -> Settings:
    stored = {row.key: row.value for row in uow.session.scalars(select(Setting))}
    values = {}
    for spec in fields(Settings):
        value = stored.get(spec.name, spec.default)
        if spec.name in _RANGES:
            low, high = _RANGES[spec.name]
            if not isinstance(value, int) or not low <= value <= high:
                value = spec.default
        elif spec.name == "language" and value not in LANGUAGES:
            value = spec.default
        values[spec.name] = value
    return Settings(**values)


def save_settings(uow: UnitOfWork, *, settings: Settings) -> Settings:
    """Store every setting after checking its range; the station admin changes settings."""
    uow.require(Permission.MANAGE_STATION)
    if settings.language not in LANGUAGES:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a language from the list."), field="language")
    for name, (low, high) in _RANGES.items():
        value = getattr(settings, name)
        if not isinstance(value, int) or not low <= value <= high:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The value must be between {low} and {high}."), field=name, low=low, high=high)
    for spec in fields(Settings):
        value = getattr(settings, spec.name)
        row = uow.session.get(Setting, spec.name)
        if row is None:
            uow.session.add(Setting(key=spec.name, value=value))
        elif row.value != value:
            row.value = value
    uow.session.flush()
    return settings
