"""Households in need (帮扶对象): their categories and statuses, their members' relations, and how sensitive
each thing recorded about them is — the rule every list, export, printed paper and the city obey."""

from __future__ import annotations

import enum

from desktop.domain.labelled import Labelled, register_labels
from desktop.domain.roles import Permission
from desktop.domain.volunteering import ActivityKind, ActivityStatus
from desktop.i18n import QT_TRANSLATE_NOOP


class HouseholdStatus(Labelled):
    HELPED = "helped"                  # being helped
    OUT_OF_POVERTY = "out_of_poverty"  # 已脱贫
    MOVED_AWAY = "moved_away"
    DECEASED = "deceased"              # the head of a one-person household has died


class Relation(Labelled):
    """A member's relation to the head of the household."""

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    CHILD_IN_LAW = "child_in_law"
    OTHER = "other"


# The built-in categories of help (帮扶类别); the station admin may add others (``household_category`` records).
BUILT_IN_CATEGORIES: dict[str, str] = {
    "poor_women": QT_TRANSLATE_NOOP("desktop", "Poor women"),
    "schooling": QT_TRANSLATE_NOOP("desktop", "Poor through schooling"),
    "disability": QT_TRANSLATE_NOOP("desktop", "Poor through disability"),
    "illness": QT_TRANSLATE_NOOP("desktop", "Poor through illness"),
    "minimum_living": QT_TRANSLATE_NOOP("desktop", "Minimum living allowance"),
    "five_guarantees": QT_TRANSLATE_NOOP("desktop", "Five guarantees"),
    "other": QT_TRANSLATE_NOOP("desktop", "Other"),
}


class Sensitivity(enum.IntEnum):
    """How much care a recorded thing needs (PIPL arts. 28, 51).  Higher is more sensitive."""

    ORDINARY = 0   # name, address, category, status: every role of the village sees it
    IDENTITY = 1   # ID numbers: shown masked; in full only with VIEW_ID_NUMBERS, and each showing is logged
    SPECIAL = 2    # health, disability, income: only with VIEW_SENSITIVE, after giving a reason (logged)


# Every field of a household or a member that is more than ordinary, and how much more.
HOUSEHOLD_SENSITIVITY: dict[str, Sensitivity] = {
    "id_number": Sensitivity.IDENTITY,
    "health": Sensitivity.SPECIAL,
    "disability": Sensitivity.SPECIAL,
    "income_notes": Sensitivity.SPECIAL,
}
MEMBER_SENSITIVITY: dict[str, Sensitivity] = {
    "id_number": Sensitivity.IDENTITY,
    "health": Sensitivity.SPECIAL,
    "disability": Sensitivity.SPECIAL,
}

# The special fields of each record kind that has them (by the sync's entity name): what a conflict, a list or a
# log shows only to who may see them.
SPECIAL_FIELDS = {
    entity: frozenset(name for name, sensitivity in fields.items() if sensitivity == Sensitivity.SPECIAL)
    for entity, fields in (("household", HOUSEHOLD_SENSITIVITY), ("household_member", MEMBER_SENSITIVITY))}

SPECIAL_FIELD_LABELS = {
    "health": QT_TRANSLATE_NOOP("desktop", "Health"),
    "disability": QT_TRANSLATE_NOOP("desktop", "Disability"),
    "income_notes": QT_TRANSLATE_NOOP("desktop", "Income notes"),
}


class TimelineKind(Labelled):
    """What a household received, as its timeline lists it."""

    WISH = "wish"            # a micro-wish fulfilled
    VISIT = "visit"          # a sponsor's visit
    HANDOVER = "handover"    # a sponsor's hand-over of money, goods or service
    SPONSOR_NOTE = "sponsor_note"  # a note in a sponsorship's log (one answering a wrong visit or hand-over)
    TRAINING = "training"    # a training someone of the household attended
    HUT_GOODS = "hut_goods"  # goods the love hut handed out to the household
    HUT_EXCHANGE = "hut_exchange"  # goods the household took for its points at the love hut


class HouseholdAction(enum.StrEnum):
    """What a person may do next with a household (``household_actions``); screens enable their buttons by it."""

    CHANGE = "change"                  # its details and members
    CHANGE_STATUS = "change_status"
    SHOW_SENSITIVE = "show_sensitive"  # open its health, disability and income notes, saying why
    SHOW_ID_NUMBER = "show_id_number"  # the head's full ID number


def household_actions(*, merged: bool, permissions: frozenset[Permission]) -> frozenset[HouseholdAction]:
    """A merged record is only looked at (its history counts for the record it was merged into)."""
    if merged:
        return frozenset()
    actions = set()
    if Permission.EDIT_HOUSEHOLDS in permissions:
        actions |= {HouseholdAction.CHANGE, HouseholdAction.CHANGE_STATUS}
    if may_see(Sensitivity.SPECIAL, permissions):
        actions.add(HouseholdAction.SHOW_SENSITIVE)
    if may_see(Sensitivity.IDENTITY, permissions):
        actions.add(HouseholdAction.SHOW_ID_NUMBER)
    return frozenset(actions)


def takes_trainees(kind: str, status: str) -> bool:
    """Whether an activity records households trained: a training, unless it was cancelled."""
    return kind == ActivityKind.TRAINING and status != ActivityStatus.CANCELLED


def may_see(sensitivity: Sensitivity, permissions: frozenset[Permission]) -> bool:
    """Whether a person with ``permissions`` may have the field at all (revealed on request, with a reason,
    for ``SPECIAL``).  ``IDENTITY`` fields are always shown masked; this says whether in full."""
    if sensitivity == Sensitivity.ORDINARY:
        return True
    if sensitivity == Sensitivity.IDENTITY:
        return Permission.VIEW_ID_NUMBERS in permissions
    return Permission.VIEW_SENSITIVE in permissions


register_labels([
    (HouseholdStatus.HELPED, QT_TRANSLATE_NOOP("desktop", "Being helped")),
    (HouseholdStatus.OUT_OF_POVERTY, QT_TRANSLATE_NOOP("desktop", "Out of poverty")),
    (HouseholdStatus.MOVED_AWAY, QT_TRANSLATE_NOOP("desktop", "Moved away")),
    (HouseholdStatus.DECEASED, QT_TRANSLATE_NOOP("desktop", "Deceased")),
    (Relation.SPOUSE, QT_TRANSLATE_NOOP("desktop", "Spouse")),
    (Relation.CHILD, QT_TRANSLATE_NOOP("desktop", "Son or daughter")),
    (Relation.PARENT, QT_TRANSLATE_NOOP("desktop", "Father or mother")),
    (Relation.GRANDCHILD, QT_TRANSLATE_NOOP("desktop", "Grandchild")),
    (Relation.GRANDPARENT, QT_TRANSLATE_NOOP("desktop", "Grandparent")),
    (Relation.SIBLING, QT_TRANSLATE_NOOP("desktop", "Brother or sister")),
    (Relation.CHILD_IN_LAW, QT_TRANSLATE_NOOP("desktop", "Son- or daughter-in-law")),
    (Relation.OTHER, QT_TRANSLATE_NOOP("desktop", "Other")),
    (TimelineKind.WISH, QT_TRANSLATE_NOOP("desktop", "Micro-wish fulfilled")),
    (TimelineKind.VISIT, QT_TRANSLATE_NOOP("desktop", "Sponsor's visit")),
    (TimelineKind.HANDOVER, QT_TRANSLATE_NOOP("desktop", "Sponsor's hand-over")),
    (TimelineKind.SPONSOR_NOTE, QT_TRANSLATE_NOOP("desktop", "Note on a sponsorship")),
    (TimelineKind.TRAINING, QT_TRANSLATE_NOOP("desktop", "Training")),
    (TimelineKind.HUT_GOODS, QT_TRANSLATE_NOOP("desktop", "Goods from the love hut")),
    (TimelineKind.HUT_EXCHANGE, QT_TRANSLATE_NOOP("desktop", "Points exchanged at the love hut")),
])
