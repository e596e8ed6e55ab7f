"""Sponsorships (认领认捐, the "5个100" projects): the projects and their city targets, pledges, visits and
hand-overs, and when a sponsorship is overdue for a visit."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain.labelled import Labelled, register_labels
from desktop.i18n import QT_TRANSLATE_NOOP

DEFAULT_VISIT_DAYS = 90  # a sponsorship with no visit for this long is listed as overdue


class Project(Labelled):
    """The four sponsor projects of "5个100" (the fifth, 100 Lei Feng posts, is the activities' own)."""

    POOR_WOMEN = "poor_women"
    SCHOOLING = "schooling"
    DISABILITY = "disability"
    ILLNESS = "illness"


# Each project's target for the whole city; the Lei Feng posts' is counted from the activities.
CITY_TARGETS = {Project.POOR_WOMEN: 100, Project.SCHOOLING: 100, Project.DISABILITY: 100, Project.ILLNESS: 100}
LEIFENG_POSTS_TARGET = 100


class SponsorKind(Labelled):
    VOLUNTEER = "volunteer"
    ORGANISATION = "organisation"
    PERSON = "person"


class PledgeKind(Labelled):
    MONEY = "money"
    GOODS = "goods"
    SERVICE = "service"


class SponsorshipStatus(Labelled):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class EventKind(Labelled):
    VISIT = "visit"
    HANDOVER = "handover"


def visit_overdue(*, last_visit: date | None, started: date, today: date, every_days: int) -> bool:
    """Whether an active sponsorship has gone ``every_days`` without a visit (counted from its start when
    nobody has visited yet)."""
    return today - (last_visit or started) > timedelta(days=every_days)


register_labels([
    (Project.POOR_WOMEN, QT_TRANSLATE_NOOP("desktop", "Poor women")),
    (Project.SCHOOLING, QT_TRANSLATE_NOOP("desktop", "Families poor through schooling")),
    (Project.DISABILITY, QT_TRANSLATE_NOOP("desktop", "Families poor through disability")),
    (Project.ILLNESS, QT_TRANSLATE_NOOP("desktop", "Families poor through illness")),
    (SponsorKind.VOLUNTEER, QT_TRANSLATE_NOOP("desktop", "Volunteer")),
    (SponsorKind.ORGANISATION, QT_TRANSLATE_NOOP("desktop", "Organisation")),
    (SponsorKind.PERSON, QT_TRANSLATE_NOOP("desktop", "Person")),
    (PledgeKind.MONEY, QT_TRANSLATE_NOOP("desktop", "Money")),
    (PledgeKind.GOODS, QT_TRANSLATE_NOOP("desktop", "Goods")),
    (PledgeKind.SERVICE, QT_TRANSLATE_NOOP("desktop", "Service")),
    (SponsorshipStatus.ACTIVE, QT_TRANSLATE_NOOP("desktop", "Active")),
    (SponsorshipStatus.PAUSED, QT_TRANSLATE_NOOP("desktop", "Paused")),
    (SponsorshipStatus.ENDED, QT_TRANSLATE_NOOP("desktop", "Ended")),
    (EventKind.VISIT, QT_TRANSLATE_NOOP("desktop", "Visit")),
    (EventKind.HANDOVER, QT_TRANSLATE_NOOP("desktop", "Hand-over")),
])
