"""Reading and saving the station's settings."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from desktop.domain.roles import Permission
from desktop.domain.settings import LANGUAGES, Settings, check_settings, settings_from
from desktop.storage.models import Setting
from desktop.storage.uow import UnitOfWork


def load_settings(uow: UnitOfWork) -> Settings:
    return settings_from({row.key: row.value for row in uow.session.scalars(select(Setting))})


def save_settings(uow: UnitOfWork, *, settings: Settings) -> Settings:
    """Store every setting after checking its range; the station admin changes settings."""
    uow.require(Permission.MANAGE_STATION)
    settings = check_settings(settings)
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
