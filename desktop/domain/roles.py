"""Roles of the people who share a station PC, and what each may do."""

from __future__ import annotations

import enum

from desktop.i18n import QT_TRANSLATE_NOOP


class Permission(enum.StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_STATION = "manage_station"
    MANAGE_REGIONS = "manage_regions"
    MANAGE_BACKUPS = "manage_backups"
    VIEW_AUDIT = "view_audit"
    EDIT_VILLAGE_PROFILE = "edit_village_profile"
    EDIT_VOLUNTEER_WORK = "edit_volunteer_work"
    VIEW_ID_NUMBERS = "view_id_numbers"        # show a full ID number (each showing is logged)
    GRANT_HONOUR_HOURS = "grant_honour_hours"
    REVIEW_GOOD_PEOPLE = "review_good_people"  # put a nomination on notice, publish or reject it
    EDIT_HOUSEHOLDS = "edit_households"        # households in need, their wishes and sponsorships
    VIEW_SENSITIVE = "view_sensitive"          # health, disability, income notes (each opening logged, with why)
    EDIT_HUT = "edit_hut"
    VIEW_DATA = "view_data"


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    HUT_MANAGER = "hut_manager"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        """English source text; the UI translates it in the ``desktop`` context."""
        return _LABELS[self]

    @property
    def permissions(self) -> frozenset[Permission]:
        return _PERMISSIONS[self]

    def can(self, permission: Permission) -> bool:
        return permission in _PERMISSIONS[self]


_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("desktop", "Station admin"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("desktop", "Volunteer coordinator"),
    Role.HUT_MANAGER: QT_TRANSLATE_NOOP("desktop", "Hut manager"),
    Role.VIEWER: QT_TRANSLATE_NOOP("desktop", "Viewer"),
}

_PERMISSIONS = {
    Role.ADMIN: frozenset(Permission),
    Role.COORDINATOR: frozenset({Permission.VIEW_DATA, Permission.EDIT_VOLUNTEER_WORK,
                                 Permission.EDIT_VILLAGE_PROFILE, Permission.VIEW_ID_NUMBERS,
                                 Permission.EDIT_HOUSEHOLDS, Permission.VIEW_SENSITIVE}),
    Role.HUT_MANAGER: frozenset({Permission.VIEW_DATA, Permission.EDIT_HUT}),
    Role.VIEWER: frozenset({Permission.VIEW_DATA}),
}
