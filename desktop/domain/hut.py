"""The love hut (爱心扶贫小屋): its item categories and units, donors, the documents that move goods and the
movements they post, household points, transfers between huts, stocktakes, closed months — and the ledger's
rules, which the station and the city server both follow.

Stock is never stored: it is the sum of an append-only ledger of movements, each from a posted document.  A
posted document is never edited; a mistake is undone by a reversing document.  docs/sync-protocol.md §9 says how
the hut's records are kept and synced.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.domain.labelled import Labelled, register_labels
from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text, compact_text
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

# -- the catalogue ---------------------------------------------------------------------------------------------

# The built-in item categories; the station admin may add others (``item_category`` records).  No prescription
# drugs are ever taken in: 药品保健 is for plasters, vitamins, thermometers and the like.
BUILT_IN_ITEM_CATEGORIES: dict[str, str] = {
    "clothing": QT_TRANSLATE_NOOP("desktop", "Clothing"),
    "bedding": QT_TRANSLATE_NOOP("desktop", "Bedding"),
    "grain_oil": QT_TRANSLATE_NOOP("desktop", "Grain, oil and food"),
    "study": QT_TRANSLATE_NOOP("desktop", "School things"),
    "daily": QT_TRANSLATE_NOOP("desktop", "Daily necessities"),
    "appliance": QT_TRANSLATE_NOOP("desktop", "Appliances and furniture"),
    "health": QT_TRANSLATE_NOOP("desktop", "Health care (no prescription drugs)"),
    "other": QT_TRANSLATE_NOOP("desktop", "Other"),
}

# The words a sheet (the city's catalogue, a hut's opening stock) may name each built-in category by, besides its
# code and its English name.
ITEM_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "clothing": ("衣物", "衣服", "服装"),
    "bedding": ("被褥", "床上用品"),
    "grain_oil": ("粮油食品", "粮油", "食品"),
    "study": ("学习用品", "文具", "图书"),
    "daily": ("日用品", "生活用品"),
    "appliance": ("家电家具", "家电", "家具"),
    "health": ("药品保健", "保健品", "医疗用品"),
    "other": ("其他", "其它"),
}


def item_category_code(words: str) -> str | None:
    """The built-in category a sheet's cell names (its code, English name or Chinese words), else None."""
    wanted = "".join(words.split()).lower()
    for code, name in BUILT_IN_ITEM_CATEGORIES.items():
        if wanted in (code, "".join(name.split()).lower(), *ITEM_CATEGORY_WORDS[code]):
            return code
    return None


# The units a hut counts in, offered in this order; another may be typed.
UNITS = ("件", "套", "袋", "箱", "斤", "公斤", "桶", "个", "本", "双", "床", "台", "盒", "瓶", "包", "支")

# Quantities are kept to three decimals (2.5 斤); sums are rounded to them so a ledger of fractions adds up.
QUANTITY_PLACES = 3
MAX_QUANTITY = 1_000_000


def quantity(value: float) -> float:
    """A quantity as the ledger keeps it: rounded to ``QUANTITY_PLACES``, and 0.0 never -0.0."""
    return round(value, QUANTITY_PLACES) + 0.0


def parse_quantity(value: float | int | str, *, field: str, zero: bool = False) -> float:
    """A quantity as people type it: 3, 2.5, "３", " 10 ", "10袋" (its unit after it); 0 only where ``zero`` allows
    (a count of an empty shelf).  Anything else is ``InvalidInput`` on ``field`` saying what to write."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = compact_text(value)
        for unit in sorted(UNITS, key=len, reverse=True):
            text = text.removesuffix(unit)
        if not re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a quantity. Write how many, like 3 or 2.5."), field=field,
                value=clean_text(value))
        number = float(text)
    if number < 0 or not math.isfinite(number):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A quantity cannot be below zero. Write how many there are, like 3."), field=field)
    if not zero and quantity(number) == 0:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A quantity of 0 moves nothing. Write how many there are, like 3."), field=field)
    if number > MAX_QUANTITY:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A quantity is at most {most}; {value} cannot be right."), field=field, most=MAX_QUANTITY,
            value=quantity_text(number))
    return quantity(number)


def quantity_text(value: float, *, signed: bool = False) -> str:
    """A quantity as people write it: 3, 2.5, -1; ``signed``, a gain with its plus too (+3), as a count's or a
    transfer's difference reads."""
    text = f"{quantity(value):.{QUANTITY_PLACES}f}".rstrip("0").rstrip(".")
    return f"+{text}" if signed and quantity(value) > 0 else text


def goods_text(lines: Iterable[tuple[str, float, str]]) -> str:
    """A document's goods in a line, as a list, a timeline or a notice shows them: 大米 10袋、棉被 2床 (by name, in
    pinyin order: the ledger keeps no order of the lines)."""
    return "、".join(sorted((f"{name} {quantity_text(abs(moved))}{unit}" for name, moved, unit in lines),
                           key=text_sort_key))


class Condition(Labelled):
    NEW = "new"
    USED = "used"


class DonorKind(Labelled):
    PERSON = "person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"


# What the monthly notice says for a donor who chose not to be named.
UNNAMED_DONOR = "爱心人士"


# -- documents and movements -----------------------------------------------------------------------------------

class DocumentKind(Labelled):
    """A posted document of the hut; each moves goods (or points) by its movements."""

    INTAKE = "intake"              # 接收: goods in from a donor
    DISTRIBUTION = "distribution"  # 发放: goods out to a household or an activity
    EXCHANGE = "exchange"          # 积分兑换: goods out to a household for its points
    TRANSFER_OUT = "transfer_out"  # 调拨出: goods out to another village's hut, in transit until it confirms
    TRANSFER_IN = "transfer_in"    # 调拨入: what arrived of another hut's transfer
    STOCKTAKE = "stocktake"        # 盘点: the count's adjustments
    OPENING = "opening"            # 期初: the stock a hut starts the ledger with
    REVERSAL = "reversal"          # 冲销: undoes a posted document, line by line


# Each kind's numbers: its letters, the year, this PC's mark and a running number (RK-2026-3F9A-0001).
NUMBER_LETTERS = {
    DocumentKind.INTAKE: "RK", DocumentKind.DISTRIBUTION: "FF", DocumentKind.EXCHANGE: "DH",
    DocumentKind.TRANSFER_OUT: "DB", DocumentKind.TRANSFER_IN: "DR", DocumentKind.STOCKTAKE: "PD",
    DocumentKind.OPENING: "QC", DocumentKind.REVERSAL: "CX",
}
PC_MARK_LENGTH = 4
NUMBER_PATTERN = re.compile(r"(?P<letters>[A-Z]{2})-(?P<year>[0-9]{4})-(?P<pc>[0-9A-Z]{4})-(?P<seq>[0-9]{4,})")


def pc_mark(station_id: str) -> str:
    """This PC's mark in its documents' numbers: two PCs of a village number their documents apart, offline,
    without asking each other (the first characters of the station's own id)."""
    return re.sub(r"[^0-9A-Za-z]", "", station_id)[:PC_MARK_LENGTH].upper().ljust(PC_MARK_LENGTH, "0")


def document_number(kind: DocumentKind, year: int, mark: str, seq: int) -> str:
    return f"{NUMBER_LETTERS[kind]}-{year:04d}-{mark}-{seq:04d}"


def number_prefix(kind: DocumentKind, year: int, mark: str) -> str:
    """What every number of one PC's series for ``kind`` and ``year`` begins with (RK-2026-3F9A-)."""
    return f"{NUMBER_LETTERS[kind]}-{year:04d}-{mark}-"


def next_number(kind: DocumentKind, year: int, mark: str, used: Iterable[str]) -> str:
    """The next number of this PC's series for ``kind`` and ``year``, after every number of it in ``used``."""
    prefix = number_prefix(kind, year, mark)
    seqs = [int(number[len(prefix):]) for number in used
            if number.startswith(prefix) and number[len(prefix):].isdigit()]
    return document_number(kind, year, mark, max(seqs, default=0) + 1)


class RecipientKind(Labelled):
    HOUSEHOLD = "household"
    ACTIVITY = "activity"  # a hand-out at an activity (a Friday volunteer day's)


class AdjustmentReason(Labelled):
    """Why a stocktake (or a correction) changed what is on the shelf."""

    DAMAGED = "damaged"         # 损坏
    EXPIRED = "expired"         # 过期
    LOST = "lost"               # 丢失
    SURPLUS = "surplus"         # 盘盈
    ENTRY_ERROR = "entry_error"  # 录入错误


# -- backdating and closed months ------------------------------------------------------------------------------

def month_of(day: date | str) -> str:
    """The month a day belongs to, as the ledger keeps it: 2026-11."""
    return (day.isoformat() if isinstance(day, date) else day)[:7]


@dataclass(frozen=True)
class Shortfall:
    """A balance that would go below zero: on ``day`` the item would be at ``balance``."""

    day: str
    balance: float


def first_shortfall(movements: Iterable[tuple[str, float]], opening: float = 0.0) -> Shortfall | None:
    """The first day on which the running balance of ``movements`` ((day, signed quantity), in any order) goes
    below zero, starting from ``opening``: a day's movements are taken together, so an intake and a hand-out of
    the same day never make a shortfall of their own order."""
    by_day: dict[str, float] = {}
    for day, moved in movements:
        by_day[day] = by_day.get(day, 0.0) + moved
    balance = opening
    for day in sorted(by_day):
        balance = quantity(balance + by_day[day])
        if balance < 0:
            return Shortfall(day, balance)
    return None


# -- household points ------------------------------------------------------------------------------------------

class PointsKind(Labelled):
    EARN = "earn"        # 积分获得: a reason of the list, approved by someone
    SPEND = "spend"      # 积分兑换: an exchange took them
    REVERSE = "reverse"  # 冲销: undoes an entry


# The reasons points are earned for, offered to begin with; the station admin edits the list.
BUILT_IN_POINTS_RULES: dict[str, tuple[str, int]] = {
    "hygiene": (QT_TRANSLATE_NOOP("desktop", "Clean and tidy home"), 5),
    "filial": (QT_TRANSLATE_NOOP("desktop", "Caring for elders and family"), 10),
    "volunteering": (QT_TRANSLATE_NOOP("desktop", "Volunteer service"), 5),
    "customs": (QT_TRANSLATE_NOOP("desktop", "Thrifty weddings and funerals"), 10),
}


# -- what may be done ------------------------------------------------------------------------------------------

class HutAction(enum.StrEnum):
    """What a person may do in the hut (``hut_actions``); screens enable their buttons by it."""

    TAKE_IN = "take_in"
    HAND_OUT = "hand_out"
    EXCHANGE = "exchange"
    TRANSFER = "transfer"
    RECEIVE = "receive"
    COUNT = "count"
    REVERSE = "reverse"
    EARN_POINTS = "earn_points"
    EDIT_CATALOGUE = "edit_catalogue"
    PUBLISH_MONTH = "publish_month"


def hut_actions(permissions: frozenset[Permission]) -> frozenset[HutAction]:
    """The hut's work is the hut manager's (and the station admin's): EDIT_HUT; anyone else only reads it."""
    if Permission.EDIT_HUT not in permissions:
        return frozenset()
    return frozenset(HutAction)


register_labels([
    (Condition.NEW, QT_TRANSLATE_NOOP("desktop", "New")),
    (Condition.USED, QT_TRANSLATE_NOOP("desktop", "Used")),
    (DonorKind.PERSON, QT_TRANSLATE_NOOP("desktop", "Person")),
    (DonorKind.ORGANISATION, QT_TRANSLATE_NOOP("desktop", "Organisation")),
    (DonorKind.ANONYMOUS, QT_TRANSLATE_NOOP("desktop", "Anonymous")),
    (DocumentKind.INTAKE, QT_TRANSLATE_NOOP("desktop", "Intake")),
    (DocumentKind.DISTRIBUTION, QT_TRANSLATE_NOOP("desktop", "Distribution")),
    (DocumentKind.EXCHANGE, QT_TRANSLATE_NOOP("desktop", "Points exchange")),
    (DocumentKind.TRANSFER_OUT, QT_TRANSLATE_NOOP("desktop", "Transfer out")),
    (DocumentKind.TRANSFER_IN, QT_TRANSLATE_NOOP("desktop", "Transfer in")),
    (DocumentKind.STOCKTAKE, QT_TRANSLATE_NOOP("desktop", "Stocktake")),
    (DocumentKind.OPENING, QT_TRANSLATE_NOOP("desktop", "Opening stock")),
    (DocumentKind.REVERSAL, QT_TRANSLATE_NOOP("desktop", "Reversal")),
    (RecipientKind.HOUSEHOLD, QT_TRANSLATE_NOOP("desktop", "Household")),
    (RecipientKind.ACTIVITY, QT_TRANSLATE_NOOP("desktop", "Activity")),
    (AdjustmentReason.DAMAGED, QT_TRANSLATE_NOOP("desktop", "Damaged")),
    (AdjustmentReason.EXPIRED, QT_TRANSLATE_NOOP("desktop", "Expired")),
    (AdjustmentReason.LOST, QT_TRANSLATE_NOOP("desktop", "Lost")),
    (AdjustmentReason.SURPLUS, QT_TRANSLATE_NOOP("desktop", "Found more than recorded")),
    (AdjustmentReason.ENTRY_ERROR, QT_TRANSLATE_NOOP("desktop", "Entered wrongly")),
    (PointsKind.EARN, QT_TRANSLATE_NOOP("desktop", "Earned")),
    (PointsKind.SPEND, QT_TRANSLATE_NOOP("desktop", "Spent")),
    (PointsKind.REVERSE, QT_TRANSLATE_NOOP("desktop", "Reversed")),
])
