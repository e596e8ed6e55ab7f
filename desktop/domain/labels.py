"""What people call the station's records and their fields, and the labels of the codes stored in them: the
one place of these words (English source text, translated in the ``desktop`` context), for every screen
that shows a record's values as they are stored — the audit log, the sync area's conflicts and refusals.

Records are named by their table (``volunteers``); the sync's record kinds (``volunteer``) are turned into
their table by the services before they reach a screen.
"""

from __future__ import annotations

import enum

from desktop.domain.households import HouseholdStatus, Relation
from desktop.domain.regions import Level
from desktop.domain.roles import Role
from desktop.domain.sponsorships import EventKind, PledgeKind, Project, SponsorKind, SponsorshipStatus
from desktop.domain.volunteering import (
    ActivityKind,
    ActivityStatus,
    Gender,
    GoodDeedCategory,
    HoursKind,
    MemberRole,
    NominationStatus,
    PoliticalStatus,
    TeamKind,
    VolunteerStatus,
)
from desktop.domain.wishes import BoardState, ClaimantKind, WishCategory, WishStatus
from desktop.i18n import QT_TRANSLATE_NOOP

RECORDS = {
    "users": QT_TRANSLATE_NOOP("desktop", "account"),
    "regions": QT_TRANSLATE_NOOP("desktop", "region"),
    "settings": QT_TRANSLATE_NOOP("desktop", "setting"),
    "village_profile": QT_TRANSLATE_NOOP("desktop", "village profile"),
    "station": QT_TRANSLATE_NOOP("desktop", "station"),
    "backups": QT_TRANSLATE_NOOP("desktop", "backup"),
    "conflicts": QT_TRANSLATE_NOOP("desktop", "sync conflict"),
    "sync_problems": QT_TRANSLATE_NOOP("desktop", "report of a record from the city not used"),
    "volunteers": QT_TRANSLATE_NOOP("desktop", "volunteer"),
    "teams": QT_TRANSLATE_NOOP("desktop", "volunteer team"),
    "team_members": QT_TRANSLATE_NOOP("desktop", "team member"),
    "activities": QT_TRANSLATE_NOOP("desktop", "activity"),
    "participants": QT_TRANSLATE_NOOP("desktop", "activity participant"),
    "service_hours": QT_TRANSLATE_NOOP("desktop", "service hours"),
    "star_notices": QT_TRANSLATE_NOOP("desktop", "star level reached"),
    "certificates": QT_TRANSLATE_NOOP("desktop", "certificate"),
    "nominations": QT_TRANSLATE_NOOP("desktop", "good-people nomination"),
    "household_categories": QT_TRANSLATE_NOOP("desktop", "category of help"),
    "households": QT_TRANSLATE_NOOP("desktop", "household"),
    "household_members": QT_TRANSLATE_NOOP("desktop", "household member"),
    "trainees": QT_TRANSLATE_NOOP("desktop", "household member trained"),
    "wishes": QT_TRANSLATE_NOOP("desktop", "micro-wish"),
    "wish_board": QT_TRANSLATE_NOOP("desktop", "wish on the city board"),
    "wish_claims": QT_TRANSLATE_NOOP("desktop", "claim on a wish"),
    "wish_photos": QT_TRANSLATE_NOOP("desktop", "photo of a fulfilled wish"),
    "sponsors": QT_TRANSLATE_NOOP("desktop", "sponsor"),
    "sponsorships": QT_TRANSLATE_NOOP("desktop", "sponsorship"),
    "sponsorship_events": QT_TRANSLATE_NOOP("desktop", "visit, hand-over or note"),
}

FIELDS = {
    "username": QT_TRANSLATE_NOOP("desktop", "user name"),
    "display_name": QT_TRANSLATE_NOOP("desktop", "name"),
    "role": QT_TRANSLATE_NOOP("desktop", "role"),
    "active": QT_TRANSLATE_NOOP("desktop", "in use"),
    "password_hash": QT_TRANSLATE_NOOP("desktop", "password"),
    "must_change_password": QT_TRANSLATE_NOOP("desktop", "must choose a new password"),
    "station_name": QT_TRANSLATE_NOOP("desktop", "station name"),
    "contact_name": QT_TRANSLATE_NOOP("desktop", "contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("desktop", "contact phone"),
    "address": QT_TRANSLATE_NOOP("desktop", "address"),
    "office_hours": QT_TRANSLATE_NOOP("desktop", "office hours"),
    "notes": QT_TRANSLATE_NOOP("desktop", "notes"),
    "name": QT_TRANSLATE_NOOP("desktop", "name"),
    "code": QT_TRANSLATE_NOOP("desktop", "code"),
    "level": QT_TRANSLATE_NOOP("desktop", "level"),
    "reason": QT_TRANSLATE_NOOP("desktop", "why"),
    "village": QT_TRANSLATE_NOOP("desktop", "village"),
    "server": QT_TRANSLATE_NOOP("desktop", "city server"),
    "added": QT_TRANSLATE_NOOP("desktop", "added"),
    "renamed": QT_TRANSLATE_NOOP("desktop", "renamed"),
    "unchanged": QT_TRANSLATE_NOOP("desktop", "unchanged"),
    "attempts": QT_TRANSLATE_NOOP("desktop", "attempts"),
    "kept_aside": QT_TRANSLATE_NOOP("desktop", "previous database kept at"),
    "by": QT_TRANSLATE_NOOP("desktop", "by"),
    "gender": QT_TRANSLATE_NOOP("desktop", "gender"),
    "birth_date": QT_TRANSLATE_NOOP("desktop", "birth date"),
    "id_number": QT_TRANSLATE_NOOP("desktop", "ID number"),
    "phone": QT_TRANSLATE_NOOP("desktop", "phone"),
    "political_status": QT_TRANSLATE_NOOP("desktop", "political status"),
    "skills": QT_TRANSLATE_NOOP("desktop", "skills"),
    "volunteer_number": QT_TRANSLATE_NOOP("desktop", "volunteer number"),
    "registered_on": QT_TRANSLATE_NOOP("desktop", "registered on"),
    "status": QT_TRANSLATE_NOOP("desktop", "status"),
    "merged_into": QT_TRANSLATE_NOOP("desktop", "merged into"),
    "merged": QT_TRANSLATE_NOOP("desktop", "merged record"),
    "teams_moved": QT_TRANSLATE_NOOP("desktop", "team places moved"),
    "refused": QT_TRANSLATE_NOOP("desktop", "refused"),
    "duplicates": QT_TRANSLATE_NOOP("desktop", "duplicates"),
    "passed_over": QT_TRANSLATE_NOOP("desktop", "lines passed over, not people"),
    "kind": QT_TRANSLATE_NOOP("desktop", "kind"),
    "description": QT_TRANSLATE_NOOP("desktop", "description"),
    "team_id": QT_TRANSLATE_NOOP("desktop", "team"),
    "volunteer_id": QT_TRANSLATE_NOOP("desktop", "volunteer"),
    "joined_on": QT_TRANSLATE_NOOP("desktop", "joined on"),
    "title": QT_TRANSLATE_NOOP("desktop", "title"),
    "date": QT_TRANSLATE_NOOP("desktop", "date"),
    "start_time": QT_TRANSLATE_NOOP("desktop", "start"),
    "end_time": QT_TRANSLATE_NOOP("desktop", "end"),
    "place": QT_TRANSLATE_NOOP("desktop", "place"),
    "trained": QT_TRANSLATE_NOOP("desktop", "trained"),
    "closed_on": QT_TRANSLATE_NOOP("desktop", "closed on"),
    "activity_id": QT_TRANSLATE_NOOP("desktop", "activity"),
    "rostered": QT_TRANSLATE_NOOP("desktop", "on the roster"),
    "attended": QT_TRANSLATE_NOOP("desktop", "came"),
    "hours": QT_TRANSLATE_NOOP("desktop", "hours"),
    "served_on": QT_TRANSLATE_NOOP("desktop", "served on"),
    "content": QT_TRANSLATE_NOOP("desktop", "service"),
    "reverses_id": QT_TRANSLATE_NOOP("desktop", "reverses"),
    "replaces_id": QT_TRANSLATE_NOOP("desktop", "in place of"),
    "recorded_by_name": QT_TRANSLATE_NOOP("desktop", "recorded by"),
    "noticed_on": QT_TRANSLATE_NOOP("desktop", "noticed on"),
    "number": QT_TRANSLATE_NOOP("desktop", "number"),
    "issued_on": QT_TRANSLATE_NOOP("desktop", "issued on"),
    "period_from": QT_TRANSLATE_NOOP("desktop", "period from"),
    "period_to": QT_TRANSLATE_NOOP("desktop", "period to"),
    "issuer": QT_TRANSLATE_NOOP("desktop", "issuer"),
    "id_shown": QT_TRANSLATE_NOOP("desktop", "ID number printed"),
    "reprint_of": QT_TRANSLATE_NOOP("desktop", "reprint of"),
    "issued_by_name": QT_TRANSLATE_NOOP("desktop", "issued by"),
    "category": QT_TRANSLATE_NOOP("desktop", "category"),
    "deeds": QT_TRANSLATE_NOOP("desktop", "deeds"),
    "nominated_by": QT_TRANSLATE_NOOP("desktop", "nominated by"),
    "nominated_on": QT_TRANSLATE_NOOP("desktop", "nominated on"),
    "notice_from": QT_TRANSLATE_NOOP("desktop", "notice from"),
    "notice_to": QT_TRANSLATE_NOOP("desktop", "notice to"),
    "decided_on": QT_TRANSLATE_NOOP("desktop", "decided on"),
    "decision_note": QT_TRANSLATE_NOOP("desktop", "decision note"),
    "entity": QT_TRANSLATE_NOOP("desktop", "record"),
    "field": QT_TRANSLATE_NOOP("desktop", "field"),
    "kept_value": QT_TRANSLATE_NOOP("desktop", "value kept"),
    "lost_value": QT_TRANSLATE_NOOP("desktop", "other value"),
    "resolved": QT_TRANSLATE_NOOP("desktop", "settled"),
    "resolution": QT_TRANSLATE_NOOP("desktop", "settled by"),
    "head_name": QT_TRANSLATE_NOOP("desktop", "head of household"),
    "group_name": QT_TRANSLATE_NOOP("desktop", "villagers' group"),
    "size": QT_TRANSLATE_NOOP("desktop", "people in the household"),
    "categories": QT_TRANSLATE_NOOP("desktop", "categories of help"),
    "poverty_cause": QT_TRANSLATE_NOOP("desktop", "cause of poverty"),
    "health": QT_TRANSLATE_NOOP("desktop", "health"),
    "disability": QT_TRANSLATE_NOOP("desktop", "disability"),
    "income_notes": QT_TRANSLATE_NOOP("desktop", "income notes"),
    "status_on": QT_TRANSLATE_NOOP("desktop", "status since"),
    "recheck_on": QT_TRANSLATE_NOOP("desktop", "next yearly check"),
    "household_id": QT_TRANSLATE_NOOP("desktop", "household"),
    "relation": QT_TRANSLATE_NOOP("desktop", "relation to the head"),
    "member_id": QT_TRANSLATE_NOOP("desktop", "household member"),
    "words": QT_TRANSLATE_NOOP("desktop", "the wish in the household's words"),
    "estimated_value": QT_TRANSLATE_NOOP("desktop", "estimated value"),
    "wanted_by": QT_TRANSLATE_NOOP("desktop", "wanted by"),
    "collected_on": QT_TRANSLATE_NOOP("desktop", "collected on"),
    "collected_by": QT_TRANSLATE_NOOP("desktop", "collected by"),
    "vetted_on": QT_TRANSLATE_NOOP("desktop", "vetted on"),
    "published_on": QT_TRANSLATE_NOOP("desktop", "published on"),
    "public_text": QT_TRANSLATE_NOOP("desktop", "text on the board"),
    "contacted_on": QT_TRANSLATE_NOOP("desktop", "contact made on"),
    "claim_id": QT_TRANSLATE_NOOP("desktop", "claim"),
    "fulfilled_on": QT_TRANSLATE_NOOP("desktop", "fulfilled on"),
    "given": QT_TRANSLATE_NOOP("desktop", "what was given"),
    "given_by": QT_TRANSLATE_NOOP("desktop", "given by"),
    "confirmed": QT_TRANSLATE_NOOP("desktop", "confirmed by the household"),
    "confirmation_note": QT_TRANSLATE_NOOP("desktop", "the household's confirmation"),
    "value_low": QT_TRANSLATE_NOOP("desktop", "value from"),
    "value_high": QT_TRANSLATE_NOOP("desktop", "value up to"),
    "state": QT_TRANSLATE_NOOP("desktop", "state on the board"),
    "hold_days": QT_TRANSLATE_NOOP("desktop", "days a claim holds the wish"),
    "released_claim": QT_TRANSLATE_NOOP("desktop", "claim let go"),
    "to_village_code": QT_TRANSLATE_NOOP("desktop", "village of the wish"),
    "board_id": QT_TRANSLATE_NOOP("desktop", "wish on the board"),
    "claimant_kind": QT_TRANSLATE_NOOP("desktop", "claimant"),
    "claimant_name": QT_TRANSLATE_NOOP("desktop", "claimant's name"),
    "claimant_contact": QT_TRANSLATE_NOOP("desktop", "claimant's contact"),
    "claimed_on": QT_TRANSLATE_NOOP("desktop", "claimed on"),
    "note": QT_TRANSLATE_NOOP("desktop", "note"),
    "held_until": QT_TRANSLATE_NOOP("desktop", "held until"),
    "lapsed": QT_TRANSLATE_NOOP("desktop", "hold ran out"),
    "wish_id": QT_TRANSLATE_NOOP("desktop", "micro-wish"),
    "file_name": QT_TRANSLATE_NOOP("desktop", "file"),
    "image": QT_TRANSLATE_NOOP("desktop", "photo"),
    "contact": QT_TRANSLATE_NOOP("desktop", "contact"),
    "sponsor_id": QT_TRANSLATE_NOOP("desktop", "sponsor"),
    "project": QT_TRANSLATE_NOOP("desktop", "project"),
    "pledge_kind": QT_TRANSLATE_NOOP("desktop", "kind of pledge"),
    "amount": QT_TRANSLATE_NOOP("desktop", "amount"),
    "pledge": QT_TRANSLATE_NOOP("desktop", "pledge"),
    "start_on": QT_TRANSLATE_NOOP("desktop", "from"),
    "end_on": QT_TRANSLATE_NOOP("desktop", "until"),
    "instalments": QT_TRANSLATE_NOOP("desktop", "instalments"),
    "end_reason": QT_TRANSLATE_NOOP("desktop", "why it was paused or ended"),
    "sponsorship_id": QT_TRANSLATE_NOOP("desktop", "sponsorship"),
    "happened_on": QT_TRANSLATE_NOOP("desktop", "on"),
    "what": QT_TRANSLATE_NOOP("desktop", "what happened"),
    "answers_id": QT_TRANSLATE_NOOP("desktop", "note on"),
}

# A field whose label depends on the record: a person's name is not a team's.
RECORD_FIELDS = {
    ("volunteers", "name"): QT_TRANSLATE_NOOP("desktop", "full name"),
    ("nominations", "name"): QT_TRANSLATE_NOOP("desktop", "full name"),
    ("certificates", "name"): QT_TRANSLATE_NOOP("desktop", "full name"),
    ("teams", "name"): QT_TRANSLATE_NOOP("desktop", "team name"),
    ("regions", "name"): QT_TRANSLATE_NOOP("desktop", "place name"),
    ("star_notices", "level"): QT_TRANSLATE_NOOP("desktop", "stars"),
    ("household_categories", "name"): QT_TRANSLATE_NOOP("desktop", "name of the category"),
    ("household_members", "name"): QT_TRANSLATE_NOOP("desktop", "full name"),
    ("trainees", "name"): QT_TRANSLATE_NOOP("desktop", "full name"),
    ("sponsors", "name"): QT_TRANSLATE_NOOP("desktop", "name"),
    ("sponsors", "kind"): QT_TRANSLATE_NOOP("desktop", "kind of sponsor"),
    ("wishes", "category"): QT_TRANSLATE_NOOP("desktop", "kind of wish"),
    ("wish_board", "category"): QT_TRANSLATE_NOOP("desktop", "kind of wish"),
    ("wishes", "status"): QT_TRANSLATE_NOOP("desktop", "status"),
    ("sponsorship_events", "kind"): QT_TRANSLATE_NOOP("desktop", "visit, hand-over or note"),
    ("wish_claims", "refused"): QT_TRANSLATE_NOOP("desktop", "claimed first by another village"),
}

# The stored codes of a record's field and the labels they have (each an enum with a ``label``).
CODES: dict[tuple[str, str], type[enum.Enum]] = {
    ("users", "role"): Role,
    ("regions", "level"): Level,
    ("volunteers", "gender"): Gender,
    ("volunteers", "political_status"): PoliticalStatus,
    ("volunteers", "status"): VolunteerStatus,
    ("teams", "kind"): TeamKind,
    ("team_members", "role"): MemberRole,
    ("activities", "kind"): ActivityKind,
    ("activities", "status"): ActivityStatus,
    ("service_hours", "kind"): HoursKind,
    ("nominations", "status"): NominationStatus,
    ("nominations", "category"): GoodDeedCategory,
    ("households", "status"): HouseholdStatus,
    ("household_members", "relation"): Relation,
    ("wishes", "category"): WishCategory,
    ("wishes", "status"): WishStatus,
    ("wish_board", "category"): WishCategory,
    ("wish_board", "state"): BoardState,
    ("wish_claims", "claimant_kind"): ClaimantKind,
    ("sponsors", "kind"): SponsorKind,
    ("sponsorships", "project"): Project,
    ("sponsorships", "pledge_kind"): PledgeKind,
    ("sponsorships", "status"): SponsorshipStatus,
    ("sponsorship_events", "kind"): EventKind,
}

# Stored codes whose labels are kept here, by record and field.
WORDS: dict[tuple[str, str], dict[str, str]] = {
    # how a sync conflict was settled
    ("conflicts", "resolution"): {
        "kept": QT_TRANSLATE_NOOP("desktop", "keeping the value now"),
        "lost": QT_TRANSLATE_NOOP("desktop", "keeping the other value"),
    },
    # why a backup was taken (desktop/storage/backup.py REASONS)
    ("backups", "reason"): {
        "daily": QT_TRANSLATE_NOOP("desktop", "Daily"),
        "manual": QT_TRANSLATE_NOOP("desktop", "By hand"),
        "upgrade": QT_TRANSLATE_NOOP("desktop", "Before an upgrade"),
        "restore": QT_TRANSLATE_NOOP("desktop", "Before a restore"),
        "demo": QT_TRANSLATE_NOOP("desktop", "Demo"),
    },
}

YES = QT_TRANSLATE_NOOP("desktop", "yes")
NO = QT_TRANSLATE_NOOP("desktop", "no")

# A claim of this station the city server gave to another village's claim first (desktop/services/wishes.py).
WORDS[("wish_claims", "refused")] = {"lost": YES}


def record_label(table: str | None) -> str | None:
    """What a record of ``table`` is called, or None when it has no label."""
    return RECORDS.get(table or "")


def field_label(table: str | None, field: str) -> str | None:
    """What ``field`` of a record of ``table`` is called, or None when it has no label."""
    return RECORD_FIELDS.get((table or "", field)) or FIELDS.get(field)


def code_label(table: str | None, field: str, value: object) -> str | None:
    """The label of ``value`` stored in ``field`` of ``table`` when that field holds codes, else None."""
    if not isinstance(value, str):
        return None
    words = WORDS.get((table or "", field))
    if words is not None:
        return words.get(value)
    codes = CODES.get((table or "", field))
    if codes is None:
        return None
    try:
        return codes(value).label  # type: ignore[attr-defined]
    except ValueError:
        return None
