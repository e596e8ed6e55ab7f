"""The volunteer programme's words and pure rules: statuses, team and activity kinds, hours, star levels."""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from desktop.domain.labelled import Labelled, register_labels
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP


class Gender(Labelled):
    MALE = "male"
    FEMALE = "female"


class VolunteerStatus(Labelled):
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"
    MERGED = "merged"  # a duplicate folded into another record; kept for its history


class PoliticalStatus(Labelled):
    PARTY_MEMBER = "party_member"
    PROBATIONARY = "probationary"
    LEAGUE_MEMBER = "league_member"
    OTHER_PARTY = "other_party"
    NON_PARTY = "non_party"
    MASSES = "masses"


class TeamKind(Labelled):
    VILLAGE = "village"
    MEDICAL = "medical"
    TEACHING = "teaching"
    SCIENCE = "science"
    RESCUE = "rescue"
    LEGAL = "legal"
    ARTS = "arts"
    OTHER = "other"


# The words in a team's name that say its kind (医疗卫生志愿服务队, 送教下乡服务队 …).
_TEAM_KIND_WORDS = (
    (TeamKind.MEDICAL, ("医疗", "卫生", "医")),
    (TeamKind.TEACHING, ("送教", "支教", "教育")),
    (TeamKind.SCIENCE, ("科普",)),
    (TeamKind.RESCUE, ("抢险", "救灾", "应急")),
    (TeamKind.LEGAL, ("法律", "普法")),
    (TeamKind.ARTS, ("文艺", "艺术")),
)


def team_kind_in_name(name: str) -> TeamKind | None:
    """The specialist kind a team's name says (医疗队: medical), or None when it names none."""
    for kind, words in _TEAM_KIND_WORDS:
        if any(word in name for word in words):
            return kind
    return None


class MemberRole(Labelled):
    LEADER = "leader"
    MEMBER = "member"


class ActivityKind(Labelled):
    VOLUNTEER_DAY = "volunteer_day"
    LEIFENG_POST = "leifeng_post"
    TRAINING = "training"
    FIVE_HUNDRED = "five_hundred"
    WISH_DELIVERY = "wish_delivery"
    OTHER = "other"


class ActivityStatus(Labelled):
    PLANNED = "planned"
    CLOSED = "closed"
    CANCELLED = "cancelled"


def hours_record_correctable(kind: str, *, reversed_already: bool, may_edit: bool, may_grant_honour: bool) -> bool:
    """Whether a service-hours record may be corrected (reversed, perhaps with the right hours in its place):
    not a correction itself, not reversed already, by someone who may edit the programme — and honour hours
    only by someone who may grant them."""
    if kind == HoursKind.CORRECTION or reversed_already or not may_edit:
        return False
    return kind != HoursKind.HONOUR or may_grant_honour


class ActivityStage(Labelled):
    """What an activity is now, by its status and its day as the station's date has it: lists group by it."""

    UPCOMING = "upcoming"    # planned, on today or later
    HELD = "held"            # planned, its day gone by: waiting for its hours to be recorded
    CLOSED = "closed"
    CANCELLED = "cancelled"


def activity_stage(status: str, *, day: date | str, today: date) -> ActivityStage:
    """An activity's stage: a closed or cancelled one is never "upcoming", whatever its date."""
    if status == ActivityStatus.CLOSED:
        return ActivityStage.CLOSED
    if status == ActivityStatus.CANCELLED:
        return ActivityStage.CANCELLED
    return ActivityStage.UPCOMING if _day(day) >= today else ActivityStage.HELD


class ActivityAction(enum.StrEnum):
    """What a person may do next with an activity (``activity_actions``); screens enable their buttons by it."""

    CHANGE = "change"            # its title, date, times, team
    CANCEL = "cancel"
    SEE_ROSTER = "see_roster"    # open the roster and sign-in, to look
    SIGN_IN = "sign_in"          # change who is on the roster and who came
    PRINT_SHEET = "print_sheet"  # the paper sign-in sheet
    CLOSE = "close"              # credit the hours of those who came


class ClosingWait(enum.StrEnum):
    """Why a planned activity cannot be closed yet (``closing_wait``): the screen says so beside its button."""

    ITS_DAY = "its_day"        # its day has not come, by the station's date
    ATTENDANCE = "attendance"  # nobody is ticked as having come


def closing_wait(*, day: date | str, today: date, attended: int) -> ClosingWait | None:
    """What a planned activity waits for before it may be closed: its day (hours are credited for service
    done, so never before the day it is held, ``today`` being the station's date), then someone who came."""
    if _day(day) > today:
        return ClosingWait.ITS_DAY
    if not attended:
        return ClosingWait.ATTENDANCE
    return None


def activity_actions(status: str, *, attended: int, may_edit: bool, day: date | str,
                     today: date) -> frozenset[ActivityAction]:
    """The activity's state machine: planned → closed (on or after its day, once someone came) or
    cancelled; only a planned one changes, and only someone who may edit the volunteer programme changes it."""
    if status == ActivityStatus.PLANNED:
        if not may_edit:
            return frozenset({ActivityAction.SEE_ROSTER})
        actions = {ActivityAction.CHANGE, ActivityAction.CANCEL, ActivityAction.SEE_ROSTER, ActivityAction.SIGN_IN,
                   ActivityAction.PRINT_SHEET}
        if closing_wait(day=day, today=today, attended=attended) is None:
            actions.add(ActivityAction.CLOSE)
        return frozenset(actions)
    if status == ActivityStatus.CLOSED:
        return frozenset({ActivityAction.SEE_ROSTER})
    return frozenset()


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else parse_date(value, field="date")


class HoursKind(Labelled):
    CREDIT = "credit"          # from an activity the volunteer attended
    HONOUR = "honour"          # added by the station admin, capped per year
    CORRECTION = "correction"  # reverses an earlier record, with a reason


class NominationStatus(Labelled):
    NOMINATED = "nominated"
    ON_NOTICE = "on_notice"
    PUBLISHED = "published"
    REJECTED = "rejected"


class NominationAction(enum.StrEnum):
    """What a person may do next with a nomination (``nomination_actions``)."""

    START_NOTICE = "start_notice"  # put it on public notice (公示)
    PUBLISH = "publish"            # after the notice, onto the good-people list
    REJECT = "reject"


def nomination_actions(status: str, *, may_review: bool, notice_to: str = "",
                       today: date | None = None) -> frozenset[NominationAction]:
    """nominated → on notice → published; rejected from either; only a reviewer moves it on.  Given the
    station's date (``today``), publishing waits for the public notice to end (``publish_from``)."""
    if not may_review:
        return frozenset()
    if status == NominationStatus.NOMINATED:
        return frozenset({NominationAction.START_NOTICE, NominationAction.REJECT})
    if status == NominationStatus.ON_NOTICE:
        if today is not None and notice_to and today < publish_from(notice_to):
            return frozenset({NominationAction.REJECT})
        return frozenset({NominationAction.PUBLISH, NominationAction.REJECT})
    return frozenset()


def publish_from(notice_to: str) -> date:
    """The first day a nomination on public notice until ``notice_to`` may be published: the day after."""
    return _day(notice_to) + timedelta(days=1)


class GoodDeedCategory(Labelled):
    HELPING = "helping"
    BRAVERY = "bravery"
    HONESTY = "honesty"
    DEDICATION = "dedication"
    FILIAL = "filial"


register_labels([
    (Gender.MALE, QT_TRANSLATE_NOOP("desktop", "Male")),
    (Gender.FEMALE, QT_TRANSLATE_NOOP("desktop", "Female")),
    (VolunteerStatus.ACTIVE, QT_TRANSLATE_NOOP("desktop", "Active")),
    (VolunteerStatus.PAUSED, QT_TRANSLATE_NOOP("desktop", "Paused")),
    (VolunteerStatus.LEFT, QT_TRANSLATE_NOOP("desktop", "Left")),
    (VolunteerStatus.MERGED, QT_TRANSLATE_NOOP("desktop", "Merged into another record")),
    (PoliticalStatus.PARTY_MEMBER, QT_TRANSLATE_NOOP("desktop", "CPC member")),
    (PoliticalStatus.PROBATIONARY, QT_TRANSLATE_NOOP("desktop", "CPC probationary member")),
    (PoliticalStatus.LEAGUE_MEMBER, QT_TRANSLATE_NOOP("desktop", "CYL member")),
    (PoliticalStatus.OTHER_PARTY, QT_TRANSLATE_NOOP("desktop", "Member of another party")),
    (PoliticalStatus.NON_PARTY, QT_TRANSLATE_NOOP("desktop", "Non-party")),
    (PoliticalStatus.MASSES, QT_TRANSLATE_NOOP("desktop", "Ordinary citizen")),
    (TeamKind.VILLAGE, QT_TRANSLATE_NOOP("desktop", "Village volunteer group")),
    (TeamKind.MEDICAL, QT_TRANSLATE_NOOP("desktop", "Medical and health")),
    (TeamKind.TEACHING, QT_TRANSLATE_NOOP("desktop", "Teaching in the countryside")),
    (TeamKind.SCIENCE, QT_TRANSLATE_NOOP("desktop", "Science for the people")),
    (TeamKind.RESCUE, QT_TRANSLATE_NOOP("desktop", "Emergency and disaster relief")),
    (TeamKind.LEGAL, QT_TRANSLATE_NOOP("desktop", "Legal aid")),
    (TeamKind.ARTS, QT_TRANSLATE_NOOP("desktop", "Arts")),
    (TeamKind.OTHER, QT_TRANSLATE_NOOP("desktop", "Other")),
    (MemberRole.LEADER, QT_TRANSLATE_NOOP("desktop", "Team leader")),
    (MemberRole.MEMBER, QT_TRANSLATE_NOOP("desktop", "Member")),
    (ActivityKind.VOLUNTEER_DAY, QT_TRANSLATE_NOOP("desktop", "Volunteer day")),
    (ActivityKind.LEIFENG_POST, QT_TRANSLATE_NOOP("desktop", "Lei Feng post duty")),
    (ActivityKind.TRAINING, QT_TRANSLATE_NOOP("desktop", "Training")),
    (ActivityKind.FIVE_HUNDRED, QT_TRANSLATE_NOOP("desktop", "\"5 × 100\" project work")),
    (ActivityKind.WISH_DELIVERY, QT_TRANSLATE_NOOP("desktop", "Wish delivery")),
    (ActivityKind.OTHER, QT_TRANSLATE_NOOP("desktop", "Other")),
    (ActivityStatus.PLANNED, QT_TRANSLATE_NOOP("desktop", "Planned")),
    (ActivityStatus.CLOSED, QT_TRANSLATE_NOOP("desktop", "Closed, hours recorded")),
    (ActivityStatus.CANCELLED, QT_TRANSLATE_NOOP("desktop", "Cancelled")),
    (ActivityStage.UPCOMING, QT_TRANSLATE_NOOP("desktop", "Upcoming")),
    (ActivityStage.HELD, QT_TRANSLATE_NOOP("desktop", "Held, hours not recorded yet")),
    (ActivityStage.CLOSED, QT_TRANSLATE_NOOP("desktop", "Closed, hours recorded")),
    (ActivityStage.CANCELLED, QT_TRANSLATE_NOOP("desktop", "Cancelled")),
    (HoursKind.CREDIT, QT_TRANSLATE_NOOP("desktop", "Activity")),
    (HoursKind.HONOUR, QT_TRANSLATE_NOOP("desktop", "Honour hours")),
    (HoursKind.CORRECTION, QT_TRANSLATE_NOOP("desktop", "Correction")),
    (NominationStatus.NOMINATED, QT_TRANSLATE_NOOP("desktop", "Nominated, awaiting review")),
    (NominationStatus.ON_NOTICE, QT_TRANSLATE_NOOP("desktop", "On public notice")),
    (NominationStatus.PUBLISHED, QT_TRANSLATE_NOOP("desktop", "Published")),
    (NominationStatus.REJECTED, QT_TRANSLATE_NOOP("desktop", "Not adopted")),
    (GoodDeedCategory.HELPING, QT_TRANSLATE_NOOP("desktop", "Helping others")),
    (GoodDeedCategory.BRAVERY, QT_TRANSLATE_NOOP("desktop", "Bravery")),
    (GoodDeedCategory.HONESTY, QT_TRANSLATE_NOOP("desktop", "Honesty")),
    (GoodDeedCategory.DEDICATION, QT_TRANSLATE_NOOP("desktop", "Dedication at work")),
    (GoodDeedCategory.FILIAL, QT_TRANSLATE_NOOP("desktop", "Caring for elders and family")),
])

# The Friday-afternoon volunteer day (每周五下午), as a new one is planned.
VOLUNTEER_DAY_START = time(14, 0)
VOLUNTEER_DAY_END = time(17, 0)
FRIDAY = 4

_HOURS_STEP = Decimal("0.1")


def may_enlist(status: str) -> bool:
    """Whether a volunteer of this status may join a team or an activity's roster."""
    return status not in (VolunteerStatus.LEFT, VolunteerStatus.MERGED)


def round_hours(value: float | Decimal) -> float:
    """Hours are kept to a tenth, rounded half up (a 2 h 45 min shift is 2.8 h)."""
    return float(Decimal(str(value)).quantize(_HOURS_STEP, rounding=ROUND_HALF_UP))


# How hours are written, with their unit: screens translate HOURS_UNIT (in the ``desktop`` context); the
# papers and the registry workbook are Chinese whatever the interface language.
HOURS_UNIT = QT_TRANSLATE_NOOP("desktop", "{hours} h")
HOURS_UNIT_CHINESE = "{hours} 小时"
# A workbook keeps hours as numbers, which a spreadsheet can add up: the unit goes in the column's heading.
HOURS_HEADING = QT_TRANSLATE_NOOP("desktop", "{title} (h)")


def hours_figure(value: float | Decimal) -> str:
    """The figure of some hours: to a tenth, no trailing ".0", a real minus sign (3, 2.5, −2)."""
    text = f"{abs(round_hours(value)):.1f}".removesuffix(".0")
    return ("−" if round_hours(value) < 0 else "") + text


def hours_with_unit(value: float | Decimal, *, unit: str = HOURS_UNIT) -> str:
    """Hours as every screen and paper shows them: the figure and its unit (``unit`` is the template:
    HOURS_UNIT as the interface translates it, ``ui.programme.hours_text``, or HOURS_UNIT_CHINESE on paper)."""
    return unit.format(hours=hours_figure(value))


def parse_time(value: str, *, field: str) -> time:
    """``14:00``, ``14：00`` or ``1400`` → 14:00; anything else is refused with where it was typed."""
    text = value.strip().replace("：", ":")
    if len(text) == 4 and text.isdigit():
        text = f"{text[:2]}:{text[2:]}"
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{value}\" is not a time of day. Write it like 14:00."), field=field, value=value) from None


def duration_hours(start: time, end: time, *, field: str = "end_time") -> float:
    """Hours from ``start`` to ``end`` on one day, to a tenth."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if minutes <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The end time must be after the start time."), field=field)
    return round_hours(Decimal(minutes) / 60)


# The most hours one record may hold (a day): forms offer no more, and the services refuse more.
MOST_HOURS_PER_RECORD = 24


def check_hours(value: float, *, field: str = "hours") -> float:
    """Service hours for one record: more than zero and at most a day, to a tenth."""
    hours = round_hours(value)
    if not 0 < hours <= MOST_HOURS_PER_RECORD:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Hours for one record must be more than 0 and at most {most}."), field=field,
            most=MOST_HOURS_PER_RECORD)
    return hours


def fridays(start: date, count: int) -> list[date]:
    """The next ``count`` Fridays from ``start`` (itself if it is one)."""
    first = start + timedelta(days=(FRIDAY - start.weekday()) % 7)
    return [first + timedelta(weeks=n) for n in range(count)]


def star_level(hours: float, thresholds: tuple[int, ...]) -> int:
    """0 (no star yet) to 5: how many thresholds the volunteer's total hours have reached."""
    return sum(1 for threshold in thresholds if hours >= threshold)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def parse_period(date_from: str | date | None, date_to: str | date | None, *,
                 fields: tuple[str, str] = ("date_from", "date_to"),
                 required: bool = False) -> tuple[str | None, str | None]:
    """A period as ISO dates; an empty end is open unless ``required``; the end may not be before the start."""
    start = parse_date(date_from, field=fields[0]).isoformat() if date_from or required else None
    end = parse_date(date_to, field=fields[1]).isoformat() if date_to or required else None
    if start and end and end < start:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The end of the period is before its start. Check the dates."), field=fields[1])
    return start, end


def parse_date(value: str | date | datetime, *, field: str) -> date:
    """A date as people write it: 2026-11-29, 2026/11/29, 2026.11.29, 20261129 or 2026年11月29日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for old, new in (("年", "-"), ("月", "-"), ("日", ""), ("/", "-"), (".", "-")):
        text = text.replace(old, new)
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    parts = text.split("-")
    try:
        if len(parts) != 3:
            raise ValueError
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{value}\" is not a date. Write it like 2026-11-29 or 2026年11月29日."),
            field=field, value=str(value)) from None
