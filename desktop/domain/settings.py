"""Station settings people can change, with their defaults and allowed ranges."""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import pairwise
from typing import Any

from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

# The programme's defaults, here with the rest (the sign-in window reads settings before anything else loads).
DEFAULT_VALUE_CAP = 500        # yuan: a wish above it is not a micro-wish
DEFAULT_HOLD_DAYS = 7          # a won claim holds the wish this long for the claimant to make contact
DEFAULT_VISIT_DAYS = 90        # a sponsorship with no visit for this long is listed as overdue
DEFAULT_POINT_VALUE = 1.0      # yuan of estimated value one household point is worth
DEFAULT_POINTS_PER_HOUR = 0    # points a household member earns per service hour (0: hours earn no points)
DEFAULT_EXPIRY_DAYS = 30       # the hut's goods expiring within this many days are listed as expiring

LANGUAGES = ("zh_CN", "en")
# Each language by its own name, as a person looking for it would read it.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
# The text sizes people choose from, by name; the number is the base size in points. Nothing offered is
# small: the usual size of a Windows PC (9 pt) is below them all, and the default is "large".
TEXT_SIZES = {
    10: QT_TRANSLATE_NOOP("desktop", "Medium"),
    12: QT_TRANSLATE_NOOP("desktop", "Large"),
    18: QT_TRANSLATE_NOOP("desktop", "Extra large"),
    24: QT_TRANSLATE_NOOP("desktop", "Largest"),
}
RANGES = {"idle_lock_minutes": (1, 240), "font_size": (min(TEXT_SIZES), max(TEXT_SIZES)),
          "backups_to_keep": (3, 365), "honour_hours_cap": (0, 500), "notice_days": (1, 60),
          "wish_value_cap": (10, 10_000), "wish_hold_days": (1, 60),
          "visit_overdue_days": (7, 365), "expiry_warning_days": (1, 365), "point_value": (0.01, 100.0),
          "points_per_hour": (0, 100)}
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
    # the most a micro-wish may be worth, in yuan; a wish above it is rejected at vetting
    wish_value_cap: int = DEFAULT_VALUE_CAP
    # how long a claim the city server let win holds a wish for the claimant to make contact, in days
    wish_hold_days: int = DEFAULT_HOLD_DAYS
    # a sponsorship with no visit for this many days is listed as overdue
    visit_overdue_days: int = DEFAULT_VISIT_DAYS
    # the hut's goods expiring within this many days are listed as expiring
    expiry_warning_days: int = DEFAULT_EXPIRY_DAYS
    # what one household point is worth in goods, in yuan of estimated value (爱心超市: 1 point = ¥1)
    point_value: float = DEFAULT_POINT_VALUE
    # points a household earns for each hour of volunteer service of one of its members (0: none)
    points_per_hour: int = DEFAULT_POINTS_PER_HOUR


# What each setting is called (English source text, translated in the ``desktop`` context).
SETTING_LABELS = {
    "language": QT_TRANSLATE_NOOP("desktop", "Language"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("desktop", "Minutes without use before the station locks"),
    "font_size": QT_TRANSLATE_NOOP("desktop", "Text size"),
    "backups_to_keep": QT_TRANSLATE_NOOP("desktop", "Daily backups to keep"),
    "star_thresholds": QT_TRANSLATE_NOOP("desktop", "Star levels (hours for 1 to 5 stars)"),
    "honour_hours_cap": QT_TRANSLATE_NOOP("desktop", "Most honour hours per volunteer in a year"),
    "certificate_masks_id": QT_TRANSLATE_NOOP("desktop", "Hide the middle of the ID number on certificates"),
    "notice_days": QT_TRANSLATE_NOOP("desktop", "Shortest public notice for the good-people list (days)"),
    "wish_value_cap": QT_TRANSLATE_NOOP("desktop", "Most a micro-wish may be worth (yuan)"),
    "wish_hold_days": QT_TRANSLATE_NOOP("desktop", "Days a claim holds a micro-wish for the claimant to get in "
                                                   "touch"),
    "visit_overdue_days": QT_TRANSLATE_NOOP("desktop", "Days without a visit before a sponsorship is overdue"),
    "expiry_warning_days": QT_TRANSLATE_NOOP("desktop", "Days before their expiry that the hut's goods are listed "
                                                        "as expiring"),
    "point_value": QT_TRANSLATE_NOOP("desktop", "What one household point is worth in goods (yuan)"),
    "points_per_hour": QT_TRANSLATE_NOOP("desktop", "Household points for each hour a member serves as a "
                                                    "volunteer"),
}


def star_thresholds_problem(value: Any) -> bool:
    """True when ``value`` is not five whole numbers of hours, each higher than the one before."""
    if not isinstance(value, list | tuple) or len(value) != len(DEFAULT_STAR_THRESHOLDS):
        return True
    low, high = STAR_THRESHOLD_RANGE
    if any(not _whole(v) or not low <= v <= high for v in value):
        return True
    return any(b <= a for a, b in pairwise(value))


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def nearest_text_size(points: int) -> int:
    """The text size offered nearest to ``points`` (a size stored before the sizes had names); between two,
    the larger."""
    return min(TEXT_SIZES, key=lambda size: (abs(size - points), -size))


def check_setting(name: str, value: Any) -> Any:
    """The value as stored in ``Settings``, or ``InvalidInput`` naming the field: the one check per setting."""
    if name in RANGES and isinstance(_DEFAULTS[name], float):  # an amount of money, to the fen
        low, high = RANGES[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The value must be between {low} and {high}."), field=name, low=low, high=high)
        return round(float(value), 2)
    if name in RANGES:
        low, high = RANGES[name]
        if not _whole(value) or not low <= value <= high:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The value must be between {low} and {high}."), field=name, low=low, high=high)
        return nearest_text_size(value) if name == "font_size" else value
    if name == "language":
        if value not in LANGUAGES:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a language from the list."), field=name)
        return value
    if name == "star_thresholds":
        if star_thresholds_problem(value):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Star levels need five numbers of hours, each higher than the one before."), field=name)
        return tuple(value)
    if isinstance(_DEFAULTS[name], bool):
        if not isinstance(value, bool):
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose yes or no."), field=name)
        return value
    raise AssertionError(f"setting {name} has no check")  # a new setting needs one here


def settings_from(stored: dict[str, Any]) -> Settings:
    """Settings from stored values; anything missing or out of range falls back to its default."""
    values = {}
    for name, default in _DEFAULTS.items():
        try:
            values[name] = check_setting(name, stored.get(name, default))
        except InvalidInput:
            values[name] = default
    return Settings(**values)


def check_settings(settings: Settings) -> Settings:
    """The settings as stored (a text size between the offered ones becomes the nearest); ``InvalidInput``
    for the first setting out of its range."""
    return Settings(**{name: check_setting(name, getattr(settings, name)) for name in _DEFAULTS})


_DEFAULTS = {spec.name: spec.default for spec in fields(Settings)}
