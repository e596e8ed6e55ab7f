"""A record's stored values as people know them, for the screens that show values as they were stored (the
audit log, the sync area): a code by its label, the id of another record by that record's name, a setting
by its label, the language by its name.

Labels come back as ``Term`` (source text the screen translates in the ``desktop`` context), hours as
``Hours`` (the screen writes them with their unit), a certificate's service lines as a list of lines;
names and other values as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.domain.hut import UNNAMED_DONOR
from desktop.domain.labels import NO, YES, code_label, field_label, record_label
from desktop.domain.settings import LANGUAGE_NAMES, SETTING_LABELS
from desktop.errors import Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.certificates import ServiceLine
from desktop.services.coded_lists import CODED_LISTS, HOUSEHOLD_CATEGORIES, ITEM_CATEGORIES, POINTS_RULES, CodedList
from desktop.storage import sync_store
from desktop.storage.models import (
    Activity,
    Certificate,
    CityItem,
    Donor,
    Household,
    HouseholdCategory,
    HouseholdMember,
    HutDocument,
    HutDraft,
    Item,
    ItemCategory,
    Nomination,
    Participant,
    PointsEntry,
    Region,
    ServiceHours,
    Sponsor,
    Sponsorship,
    SponsorshipEvent,
    StarNotice,
    StockMovement,
    Stocktake,
    Team,
    TeamMember,
    Transfer,
    TransferLine,
    User,
    VillageProfile,
    Volunteer,
    Wish,
    WishBoardEntry,
    WishClaim,
)

# A field that holds the id of another record, and that record's table.
REFERENCES = {
    "volunteer_id": "volunteers",
    "merged_into": "volunteers",
    "merged": "volunteers",
    "team_id": "teams",
    "activity_id": "activities",
    "reverses_id": "service_hours",
    "replaces_id": "service_hours",
    "reprint_of": "certificates",
    "village": "regions",
    "household_id": "households",
    "member_id": "household_members",
    "board_id": "wish_board",
    "claim_id": "wish_claims",
    "released_claim": "wish_claims",
    "sponsor_id": "sponsors",
    "sponsorship_id": "sponsorships",
    "answers_id": "sponsorship_events",
    "item_id": "items",
    "city_item_id": "city_items",
    "donor_id": "donors",
    "document_id": "hut_documents",
    "corrects_id": "hut_documents",
    "draft_id": "hut_drafts",
    "transfer_id": "transfers",
    "transfer_line_id": "transfer_lines",
    "stocktake_id": "stocktakes",
    "service_hours_id": "service_hours",
}
# Where a field of one table names records of another than ``REFERENCES`` says.
TABLE_REFERENCES = {("households", "merged_into"): "households", ("households", "merged"): "households",
                    ("stock_movements", "reverses_id"): "stock_movements",
                    ("points_entries", "reverses_id"): "points_entries",
                    # the village a transfer goes to, or the sender a receipt goes back to
                    **{(table, "to_village_code"): "regions"
                       for table in ("hut_documents", "transfers", "transfer_lines", "transfer_receipts")}}


def reference_target(table: str | None, field: str) -> str | None:
    """The table whose record ``field`` of a record of ``table`` names by its id, or None."""
    return TABLE_REFERENCES.get((table or "", field)) or REFERENCES.get(field)

# Fields that hold codes of the station's coded lists (comma-separated where several): a built-in code has its
# label, the station's own the name it was given (read by the list's ``names_key``).
CODED_FIELDS: dict[tuple[str, str], CodedList] = {
    ("households", "categories"): HOUSEHOLD_CATEGORIES,
    ("items", "category"): ITEM_CATEGORIES,
    ("city_items", "category"): ITEM_CATEGORIES,
    ("transfer_lines", "category"): ITEM_CATEGORIES,
    ("stocktakes", "category"): ITEM_CATEGORIES,
    ("points_entries", "rule_code"): POINTS_RULES,
}

# An id whose record is not on this station (deleted long ago, or not synced here yet).
NOT_HERE = Term(QT_TRANSLATE_NOOP("desktop", "(a record not on this PC)"))

Names = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class Hours:
    """Hours of service, to be written with their unit."""

    value: float


def table_of(entity: str) -> str:
    """The table that keeps records of the sync's record kind ``entity`` (a table's name is returned as is)."""
    model = sync_store.model_for(entity)
    return model.__table__.name if model is not None else entity


def _pairs(session: Session, query) -> dict[str, str]:
    return {str(key): str(value or "") for key, value in session.execute(query)}


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _by(key: Any, name: Any) -> Callable[[Session, list[str]], dict[str, str]]:
    """Names records by one column of their own (a volunteer's name, a team's)."""
    return lambda session, ids: _pairs(session, select(key, name).where(key.in_(ids)))


def _service_hours(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(ServiceHours.id, Volunteer.name, ServiceHours.served_on)
                           .outerjoin(Volunteer, Volunteer.id == ServiceHours.volunteer_id)
                           .where(ServiceHours.id.in_(ids)))
    return {row_id: _joined(name or "", served_on) for row_id, name, served_on in rows}


def _certificates(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(Certificate.id, Certificate.number, Certificate.name).where(Certificate.id.in_(ids)))
    return {row_id: _joined(name, number) for row_id, number, name in rows}


def _star_notices(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(StarNotice.id, Volunteer.name)
                           .outerjoin(Volunteer, Volunteer.id == StarNotice.volunteer_id)
                           .where(StarNotice.id.in_(ids)))
    return {row_id: name or "" for row_id, name in rows}


def _participants(session: Session, ids: list[str]) -> dict[str, str]:
    activity = aliased(Activity)
    rows = session.execute(select(Participant.id, Volunteer.name, activity.title)
                           .outerjoin(Volunteer, Volunteer.id == Participant.volunteer_id)
                           .outerjoin(activity, activity.id == Participant.activity_id)
                           .where(Participant.id.in_(ids)))
    return {row_id: _joined(name or "", title or "") for row_id, name, title in rows}


def _team_members(session: Session, ids: list[str]) -> dict[str, str]:
    team = aliased(Team)
    rows = session.execute(select(TeamMember.id, Volunteer.name, team.name)
                           .outerjoin(Volunteer, Volunteer.id == TeamMember.volunteer_id)
                           .outerjoin(team, team.id == TeamMember.team_id)
                           .where(TeamMember.id.in_(ids)))
    return {row_id: _joined(name or "", team_name or "") for row_id, name, team_name in rows}


def _of_household(model) -> Callable[[Session, list[str]], dict[str, str]]:
    """Names a record that belongs to a household by the household's head (a wish, a member's place …)."""
    def named(session: Session, ids: list[str]) -> dict[str, str]:
        rows = session.execute(select(model.id, Household.head_name)
                               .outerjoin(Household, Household.id == model.household_id).where(model.id.in_(ids)))
        return {row_id: name or "" for row_id, name in rows}
    return named


def _sponsorships(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(Sponsorship.id, Sponsor.name, Household.head_name)
                           .outerjoin(Sponsor, Sponsor.id == Sponsorship.sponsor_id)
                           .outerjoin(Household, Household.id == Sponsorship.household_id)
                           .where(Sponsorship.id.in_(ids)))
    return {row_id: _joined(sponsor or "", head or "") for row_id, sponsor, head in rows}


def _sponsorship_events(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(SponsorshipEvent.id, SponsorshipEvent.happened_on, SponsorshipEvent.what)
                           .where(SponsorshipEvent.id.in_(ids)))
    return {row_id: _joined(on, what[:40]) for row_id, on, what in rows}


def _hut_drafts(session: Session, ids: list[str]) -> dict[str, str]:
    """A draft by whom it is from or for, and its day."""
    rows = session.execute(select(HutDraft.id, Donor.name, Household.head_name, HutDraft.happened_on,
                                  HutDraft.created_at)
                           .outerjoin(Donor, Donor.id == HutDraft.donor_id)
                           .outerjoin(Household, Household.id == HutDraft.household_id)
                           .where(HutDraft.id.in_(ids)))
    return {row_id: _joined(donor or head or "", on or (made.date().isoformat() if made else ""))
            for row_id, donor, head, on, made in rows}


def _stock_movements(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(StockMovement.id, Item.name, HutDocument.number)
                           .outerjoin(Item, Item.id == StockMovement.item_id)
                           .outerjoin(HutDocument, HutDocument.id == StockMovement.document_id)
                           .where(StockMovement.id.in_(ids)))
    return {row_id: _joined(name or "", number or "") for row_id, name, number in rows}


def _transfer_lines(session: Session, ids: list[str]) -> dict[str, str]:
    """A line of a transfer by its goods and the transfer's number."""
    rows = session.execute(select(TransferLine.id, TransferLine.item_name, Transfer.number)
                           .outerjoin(Transfer, Transfer.id == TransferLine.transfer_id)
                           .where(TransferLine.id.in_(ids)))
    return {row_id: _joined(name or "", number or "") for row_id, name, number in rows}


def _donors(session: Session, ids: list[str]) -> dict[str, str]:
    return {row_id: name or UNNAMED_DONOR
            for row_id, name in session.execute(select(Donor.id, Donor.name).where(Donor.id.in_(ids)))}


# How a record of each table is named, for many ids at once.
_NAMERS: dict[str, Callable[[Session, list[str]], dict[str, str]]] = {
    "volunteers": _by(Volunteer.id, Volunteer.name),
    "teams": _by(Team.id, Team.name),
    "team_members": _team_members,
    "activities": _by(Activity.id, Activity.title),
    "participants": _participants,
    "service_hours": _service_hours,
    "star_notices": _star_notices,
    "certificates": _certificates,
    "nominations": _by(Nomination.id, Nomination.name),
    "users": _by(User.id, User.display_name),
    "regions": _by(Region.code, Region.name),
    "village_profile": _by(VillageProfile.id, VillageProfile.station_name),
    "households": _by(Household.id, Household.head_name),
    "household_members": _by(HouseholdMember.id, HouseholdMember.name),
    "wishes": _of_household(Wish),
    "wish_board": _by(WishBoardEntry.id, WishBoardEntry.public_text),
    "wish_claims": _by(WishClaim.id, WishClaim.claimant_name),
    "household_categories": _by(HouseholdCategory.id, HouseholdCategory.name),
    # The fields of CODED_FIELDS name the station's own entries by their codes (the built-in ones have labels).
    **{coded.names_key: _by(coded.model.code, coded.model.name) for coded in CODED_LISTS},
    "sponsors": _by(Sponsor.id, Sponsor.name),
    "items": _by(Item.id, Item.name),
    "city_items": _by(CityItem.id, CityItem.name),
    "item_categories": _by(ItemCategory.id, ItemCategory.name),
    "donors": _donors,
    "hut_documents": _by(HutDocument.id, HutDocument.number),
    "hut_drafts": _hut_drafts,
    "stock_movements": _stock_movements,
    "transfers": _by(Transfer.id, Transfer.number),
    "transfer_lines": _transfer_lines,
    "stocktakes": _by(Stocktake.id, Stocktake.started_on),  # a count by the day it began
    "points_entries": _by(PointsEntry.id, PointsEntry.happened_on),
    "sponsorships": _sponsorships,
    "sponsorship_events": _sponsorship_events,
}


def names(session: Session, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The name of each record (table, id) wanted that is on this station, read a table at a time."""
    by_table: dict[str, set[str]] = defaultdict(set)
    for table, row_id in wanted:
        if table in _NAMERS and row_id:
            by_table[table].add(str(row_id))
    found: dict[tuple[str, str], str] = {}
    for table, ids in by_table.items():
        listed = sorted(ids)
        for start in range(0, len(listed), 500):
            for row_id, name in _NAMERS[table](session, listed[start:start + 500]).items():
                found[(table, row_id)] = name
    return found


def references(table: str | None, values: Mapping[str, object]) -> list[tuple[str, str]]:
    """The records (table, id) that the ``values`` (or pairs of values) of a record of ``table`` name by ids."""
    wanted = []
    for field, value in values.items():
        coded = CODED_FIELDS.get((table or "", field))
        if coded is not None:
            built_in, key = coded.built_in, coded.names_key
            wanted += [(key, code) for item in (value if isinstance(value, list) else [value])
                       if isinstance(item, str) for code in item.split(",") if code and code not in built_in]
            continue
        target = reference_target(table, field)
        if target is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item:
                wanted.append((target, item))
    return wanted


def shown(table: str | None, field: str, value: object, known: Names) -> object:
    """``value`` of ``field`` in a record of ``table`` as people know it."""
    if table == "settings":
        return setting_value(field, value)
    target = reference_target(table, field)
    if target is not None:
        if not isinstance(value, str) or not value:
            return ""
        return known.get((target, value)) or NOT_HERE
    if isinstance(value, bool):
        return Term(YES if value else NO)
    coded = CODED_FIELDS.get((table or "", field))
    if coded is not None and isinstance(value, str):
        built_in, key = coded.built_in, coded.names_key
        names = [Term(built_in[code]) if code in built_in else known.get((key, code)) or code
                 for code in value.split(",") if code]
        return names if (table, field) == ("households", "categories") else (names[0] if names else "")
    if field == "entity" and isinstance(value, str) and record_label(table_of(value)) is not None:
        return Term(record_label(table_of(value)))  # a conflict's record kind
    if field == "field" and isinstance(value, str) and field_label(None, value) is not None:
        return Term(field_label(None, value))  # a conflict's field
    if field == "hours" and isinstance(value, int | float):
        return Hours(float(value))
    if (table, field) == ("certificates", "content") and isinstance(value, str):
        return [[line.served_on, line.content, Hours(line.hours) if line.hours is not None else ""]
                for line in (ServiceLine.read(text) for text in value.split("\n") if text)]
    label = code_label(table, field, value)
    return Term(label) if label is not None else value


def setting_value(key: str, value: object) -> object:
    """A setting's value as people know it: the language by its name, yes or no, the hours of each star."""
    if key == "language" and isinstance(value, str):
        return LANGUAGE_NAMES.get(value, value)
    if isinstance(value, bool):
        return Term(YES if value else NO)
    return value


def setting_label(key: str) -> Term | str:
    """What a setting is called (a setting this version does not know, by its key)."""
    label = SETTING_LABELS.get(key)
    return Term(label) if label is not None else key
