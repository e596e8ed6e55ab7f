"""Station settings people can change, with their defaults and allowed ranges."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

LANGUAGES = ("zh_CN", "en")
RANGES = {"idle_lock_minutes": (1, 240), "font_size": (10, 24), "backups_to_keep": (3, 365)}


@dataclass(frozen=True)
class Settings:
    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    font_size: int = 12
    backups_to_keep: int = 14


def settings_from(stored: dict[str, Any]) -> Settings:
    """Settings from stored values; anything missing or out of range falls back to its default."""
    values = {}
    for spec in fields(Settings):
        value = stored.get(spec.name, spec.default)
        if spec.name in RANGES:
            low, high = RANGES[spec.name]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                value = spec.default
        elif spec.name == "language" and value not in LANGUAGES:
            value = spec.default
        values[spec.name] = value
    return Settings(**values)
