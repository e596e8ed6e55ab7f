"""Station settings people can change, with their defaults and allowed ranges."""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import pairwise
from typing import Any

LANGUAGES = ("zh_CN", "en")
RANGES = {"idle_lock_minutes": (1, 240), "font_size": (10, 24), "backups_to_keep": (3, 365),
          "honour_hours_cap": (0, 500), "notice_days": (1, 60)}
DEFAULT_STAR_THRESHOLDS = (100, 300, 600, 1000, 1500)
STAR_THRESHOLD_RANGE = (1, 100_000)


@dataclass(frozen=True)
class Settings:
    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    font_size: int = 12
    backups_to_keep: int = 14
    # hours of service for one star, two stars … five stars (一星 … 五星志愿者)
    star_thresholds: tuple[int, ...] = DEFAULT_STAR_THRESHOLDS
    # the most honour hours an admin may add for one volunteer in one calendar year
    honour_hours_cap: int = 20
    # whether certificates print the ID number masked (2208**********123X) or in full
    certificate_masks_id: bool = True
    # the shortest public notice (公示) of a good-people nomination, in days
    notice_days: int = 7


def star_thresholds_problem(value: Any) -> bool:
    """True when ``value`` is not five whole numbers of hours, each higher than the one before."""
    if not isinstance(value, list | tuple) or len(value) != len(DEFAULT_STAR_THRESHOLDS):
        return True
    low, high = STAR_THRESHOLD_RANGE
    if any(not isinstance(v, int) or isinstance(v, bool) or not low <= v <= high for v in value):
        return True
    return any(b <= a for a, b in pairwise(value))


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
        elif spec.name == "star_thresholds":
            value = spec.default if star_thresholds_problem(value) else tuple(value)
        elif isinstance(spec.default, bool) and not isinstance(value, bool):
            value = spec.default
        values[spec.name] = value
    return Settings(**values)
