"""Sponsorships (认领认捐, the "5个100" projects): the projects and their city targets, pledges, visits and
hand-overs, when a sponsorship is overdue for a visit or a hand-over, what may be done next with one, and how
the Lei Feng posts are counted — the rules the station and the city server both follow."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from desktop.domain.labelled import Labelled, register_labels
from desktop.domain.roles import Permission
from desktop.domain.text import compact_text
from desktop.i18n import QT_TRANSLATE_NOOP


class Project(Labelled):
    """The four sponsor projects of "5个100" (the fifth, 100 Lei Feng posts, is the activities' own)."""

    POOR_WOMEN = "poor_women"
    SCHOOLING = "schooling"
    DISABILITY = "disability"
    ILLNESS = "illness"


# Each project's target for the whole city; the Lei Feng posts' is counted from the activities.
CITY_TARGETS = {Project.POOR_WOMEN: 100, Project.SCHOOLING: 100, Project.DISABILITY: 100, Project.ILLNESS: 100}
LEIFENG_POSTS_TARGET = 100

# The category of help (desktop/domain/households.py ``BUILT_IN_CATEGORIES``) whose households each project
# sponsors: a household of the category with no active sponsorship in the project waits for a sponsor.
PROJECT_CATEGORIES = {Project.POOR_WOMEN: "poor_women", Project.SCHOOLING: "schooling",
                      Project.DISABILITY: "disability", Project.ILLNESS: "illness"}


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
    """An entry of a sponsorship's log.  The log is never edited: a wrong entry is answered by a note."""

    VISIT = "visit"
    HANDOVER = "handover"
    NOTE = "note"


class SponsorshipAction(enum.StrEnum):
    """What a person may do next with a sponsorship (``sponsorship_actions``); screens enable their buttons by it."""

    RECORD_VISIT = "record_visit"
    RECORD_HANDOVER = "record_handover"
    ADD_NOTE = "add_note"
    CHANGE_PLEDGE = "change_pledge"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"


def sponsorship_actions(status: str, permissions: frozenset[Permission]) -> frozenset[SponsorshipAction]:
    """An active sponsorship is visited, hands over, is paused or ended; a paused one is visited, resumed or
    ended, and hands nothing over; an ended one only takes notes (its log is history).  All of it is the work of
    who keeps the households (EDIT_HOUSEHOLDS)."""
    if Permission.EDIT_HOUSEHOLDS not in permissions:
        return frozenset()
    if status == SponsorshipStatus.ACTIVE:
        return frozenset({SponsorshipAction.RECORD_VISIT, SponsorshipAction.RECORD_HANDOVER,
                          SponsorshipAction.ADD_NOTE, SponsorshipAction.CHANGE_PLEDGE, SponsorshipAction.PAUSE,
                          SponsorshipAction.END})
    if status == SponsorshipStatus.PAUSED:
        return frozenset({SponsorshipAction.RECORD_VISIT, SponsorshipAction.ADD_NOTE,
                          SponsorshipAction.CHANGE_PLEDGE, SponsorshipAction.RESUME, SponsorshipAction.END})
    return frozenset({SponsorshipAction.ADD_NOTE})


def visit_overdue(*, last_visit: date | None, started: date, today: date, every_days: int) -> bool:
    """Whether an active sponsorship has gone ``every_days`` without a visit (counted from its start when
    nobody has visited yet)."""
    return today - (last_visit or started) > timedelta(days=every_days)


def handovers_due(*, start: date, end: date | None, instalments: int, today: date) -> int:
    """How many of a pledge's instalments should have been handed over by ``today``: the time from ``start`` to
    ``end`` is cut into ``instalments`` equal parts, and each instalment is due by the end of its part (a
    pledge of twelve over a year: one by the end of each month).  No instalments, or no end, is no schedule."""
    if instalments <= 0 or end is None or end < start:
        return 0
    span = (end - start).days
    return sum(1 for number in range(1, instalments + 1)
               if start + timedelta(days=span * number // instalments) < today)


def leifeng_post(title: str, place: str) -> str:
    """Which Lei Feng post (雷锋岗) a duty activity belongs to: its place, or its title when no place is given,
    compared as typed without spaces or case.  A village's posts are counted once each, however many duty days
    their activities hold."""
    return compact_text(place or title).casefold()


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
    (SponsorshipStatus.ACTIVE, QT_TRANSLATE_NOOP("desktop", "Ongoing")),  # not "Active": a volunteer's is 在册
    (SponsorshipStatus.PAUSED, QT_TRANSLATE_NOOP("desktop", "Paused")),
    (SponsorshipStatus.ENDED, QT_TRANSLATE_NOOP("desktop", "Ended")),
    (EventKind.VISIT, QT_TRANSLATE_NOOP("desktop", "Visit")),
    (EventKind.HANDOVER, QT_TRANSLATE_NOOP("desktop", "Hand-over")),
    (EventKind.NOTE, QT_TRANSLATE_NOOP("desktop", "Note")),
])
