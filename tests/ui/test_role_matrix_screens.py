"""The role matrix of the screens: for each demo account, the areas the navigation shows and every action
that changes data — offered (visible) to a role that may do it, hidden from a role that may not.

The tables are written out by hand, not read from ``desktop/domain/roles.py``: giving a role a right it
should not have (the hut manager editing volunteers) shows the buttons, and these tests fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QStackedWidget, QTabWidget, QWidget
from screen import settle

from desktop.services import hours as hours_service
from desktop.services.demo import DEMO_ACCOUNTS
from ui.table import select_by_id
from ui.windows.main_window import MainWindow

ACCOUNTS = dict(zip(("admin", "coordinator", "hut_manager", "viewer"), DEMO_ACCOUNTS, strict=True))

PROGRAMME = ["station", "volunteers", "teams", "activities", "hours", "good_people", "households", "sponsorships",
             "wishes", "wish_board", "hut"]

# The areas in the navigation, in order.
AREAS = {
    "admin": [*PROGRAMME, "users", "audit", "sync", "settings"],
    "coordinator": [*PROGRAMME, "sync"],
    "hut_manager": [*PROGRAMME, "sync"],
    "viewer": [*PROGRAMME, "sync"],
}


# -- how an action is found on screen --------------------------------------------------------------


def _show(window: MainWindow, qtbot, area: str) -> QWidget | None:
    """The area brought up as a person would, its list read; None if the navigation does not offer it."""
    if area not in window.view_by_key:
        return None
    view = window.show_area(area)
    settle(qtbot)
    return view


def _to_front(widget: QWidget, view: QWidget, qtbot) -> None:
    """Bring forward every tab between the area and ``widget``, as a person clicks the tab to reach it."""
    page = widget
    while page is not None and page is not view:
        stack = page.parentWidget()
        if isinstance(stack, QStackedWidget) and isinstance(stack.parentWidget(), QTabWidget):
            stack.parentWidget().setCurrentWidget(page)
        page = stack
    settle(qtbot)


def _only(parent: QWidget, kind: type, name: str):
    found = parent.findChildren(kind, name)
    assert len(found) <= 1, f"{len(found)} widgets named {name!r}: the table cannot tell which is meant"
    return found[0] if found else None


def button(area: str, name: str) -> Callable[[MainWindow, object], bool]:
    """Offered when the area is there and its button is visible (it may wait for a row to be chosen)."""
    def offered(window: MainWindow, qtbot) -> bool:
        view = _show(window, qtbot, area)
        if view is None:
            return False
        found = _only(view, QPushButton, name)
        if found is None:  # some areas do not even make the button for a role that may not use it
            return False
        _to_front(found, view, qtbot)
        return found.isVisibleTo(view)
    return offered


def _open(view: QWidget, qtbot, name: str, dialog_name: str) -> QDialog:
    qtbot.mouseClick(_only(view, QPushButton, name), Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog = _only(view, QDialog, dialog_name)
    assert dialog is not None and dialog.isVisible(), f"{name} did not open {dialog_name}"
    return dialog


def _close(dialog: QDialog, qtbot) -> None:
    dialog.reject()
    settle(qtbot)


def save_profile(window: MainWindow, qtbot) -> bool:
    """The village profile: its fields may be typed into and it has a Save button."""
    view = _show(window, qtbot, "station")
    editable = not _only(view, QLineEdit, "stationName").isReadOnly()
    return editable and _only(view, QPushButton, "save").isVisibleTo(view)


def change_volunteer(window: MainWindow, qtbot) -> bool:
    """Opening a volunteer gives a form that saves, not details to look at."""
    view = _show(window, qtbot, "volunteers")
    view.table.selectRow(0)
    dialog = _open(view, qtbot, "edit", "volunteerDialog")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    name = _only(dialog, QLineEdit, "name")
    offered = save is not None and save.isVisibleTo(dialog) and name.isEnabled() and not name.isReadOnly()
    _close(dialog, qtbot)
    return offered


def merge_duplicates(window: MainWindow, qtbot) -> bool:
    view = _show(window, qtbot, "volunteers")
    dialog = _open(view, qtbot, "findDuplicates", "duplicatesDialog")
    offered = _only(dialog, QPushButton, "merge").isVisibleTo(dialog)
    _close(dialog, qtbot)
    return offered


def sign_in_people(window: MainWindow, qtbot) -> bool:
    """The roster of a planned activity takes people and ticks: "Add people…" and "Save sign-in"."""
    view = _show(window, qtbot, "activities")
    planned = next(view.model.row_object(row) for row in range(view.model.rowCount())
                   if view.model.row_object(row).status == "planned")
    assert view.select(planned.id)
    dialog = _open(view, qtbot, "roster", "rosterDialog")
    offered = all(_only(dialog, QPushButton, name).isVisibleTo(dialog) for name in ("addPeople", "saveSignIn"))
    _close(dialog, qtbot)
    return offered


def _a_household(window: MainWindow, qtbot) -> QDialog:
    """The demo's household with health notes, opened from its list."""
    view = _show(window, qtbot, "households")
    heads = [view.model.row_object(row).head_name for row in range(view.model.rowCount())]
    view.table.selectRow(heads.index("王桂兰"))
    return _open(view, qtbot, "editHousehold", "householdDialog")


def change_household(window: MainWindow, qtbot) -> bool:
    """Opening a household gives a form that saves, with its members' buttons, not details to look at."""
    dialog = _a_household(window, qtbot)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    offered = (save.isVisibleTo(dialog) and _only(dialog, QLineEdit, "headName").isEnabled()
               and _only(dialog, QPushButton, "addMember").isVisibleTo(dialog))
    _close(dialog, qtbot)
    return offered


def show_household_notes(window: MainWindow, qtbot) -> bool:
    """A household's health, disability and income notes: the button that opens them, asking why."""
    dialog = _a_household(window, qtbot)
    offered = _only(dialog, QPushButton, "showNotes").isVisibleTo(dialog)
    _close(dialog, qtbot)
    return offered


def merge_households(window: MainWindow, qtbot) -> bool:
    view = _show(window, qtbot, "households")
    dialog = _open(view, qtbot, "findHouseholdDuplicates", "householdDuplicatesDialog")
    offered = _only(dialog, QPushButton, "merge").isVisibleTo(dialog)
    _close(dialog, qtbot)
    return offered


def record_households_trained(window: MainWindow, qtbot) -> bool:
    """A training's households trained take households: "Choose a household…" and "Add"."""
    view = _show(window, qtbot, "activities")
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findData(""))  # the demo's training is over: every activity
    settle(qtbot)
    training = next(view.model.row_object(row) for row in range(view.model.rowCount())
                    if view.model.row_object(row).kind == "training")
    assert view.select(training.id)
    dialog = _open(view, qtbot, "householdsTrained", "traineesDialog")
    offered = all(_only(dialog, QPushButton, name).isVisibleTo(dialog) for name in ("pickHousehold", "addTrainee"))
    _close(dialog, qtbot)
    view.period.setCurrentIndex(view.period.findData("upcoming"))
    settle(qtbot)
    return offered


def note_on_a_sponsorship(window: MainWindow, qtbot) -> bool:
    """A sponsorship's log takes notes that answer a wrong entry: "Add a note…"."""
    view = _show(window, qtbot, "sponsorships")
    view.table.selectRow(0)
    dialog = _open(view, qtbot, "openLog", "logDialog")
    offered = _only(dialog, QPushButton, "addNote").isVisibleTo(dialog)
    _close(dialog, qtbot)
    return offered


ACTIONS: dict[str, Callable[[MainWindow, object], bool]] = {
    "station: save the village profile": save_profile,
    "volunteers: register": button("volunteers", "register"),
    "volunteers: change a volunteer": change_volunteer,
    "volunteers: import from Excel": button("volunteers", "importExcel"),
    "volunteers: show a full ID number": button("volunteers", "showFullId"),
    "volunteers: merge duplicates": merge_duplicates,
    "teams: new team": button("teams", "newTeam"),
    "teams: change team": button("teams", "editTeam"),
    "teams: add members": button("teams", "addMembers"),
    "teams: make leader": button("teams", "makeLeader"),
    "teams: make member": button("teams", "makeMember"),
    "teams: remove from team": button("teams", "removeMember"),
    "activities: new activity": button("activities", "newActivity"),
    "activities: plan volunteer days": button("activities", "planDays"),
    "activities: change": button("activities", "editActivity"),
    "activities: cancel": button("activities", "cancelActivity"),
    "activities: close and record hours": button("activities", "closeActivity"),
    "activities: roster and sign-in": sign_in_people,
    "hours: add honour hours": button("hours", "addHonour"),
    "hours: correct a record": button("hours", "correct"),
    "hours: mark star levels announced": button("hours", "markAnnounced"),
    "hours: issue a certificate": button("hours", "issueCertificate"),
    "hours: reprint a certificate": button("hours", "reprint"),
    "good people: nominate": button("good_people", "nominate"),
    "good people: start public notice": button("good_people", "startNotice"),
    "good people: publish": button("good_people", "publish"),
    "good people: reject": button("good_people", "reject"),
    "households: register": button("households", "registerHousehold"),
    "households: change a household": change_household,
    "households: change status": button("households", "changeStatus"),
    "households: show health and disability notes": show_household_notes,
    "households: show a full ID number": button("households", "showHouseholdId"),
    "households: merge duplicates": merge_households,
    "households: import from Excel": button("households", "importHouseholds"),
    "households: categories of help": button("households", "categories"),
    "activities: record households trained": record_households_trained,
    "sponsorships: pair a sponsor": button("sponsorships", "pairSponsorship"),
    "sponsorships: record a visit": button("sponsorships", "recordVisit"),
    "sponsorships: record a hand-over": button("sponsorships", "recordHandover"),
    "sponsorships: change a pledge": button("sponsorships", "changePledge"),
    "sponsorships: pause or end": button("sponsorships", "changeSponsorshipStatus"),
    "sponsorships: add a note": note_on_a_sponsorship,
    "sponsorships: add a sponsor": button("sponsorships", "addSponsor"),
    "sponsorships: change a sponsor": button("sponsorships", "editSponsor"),
    "sponsorships: pair a household waiting": button("sponsorships", "pairWaiting"),
    "wishes: collect": button("wishes", "collectWish"),
    "wishes: change": button("wishes", "editWish"),
    "wishes: vet": button("wishes", "vetWish"),
    "wishes: reject": button("wishes", "rejectWish"),
    "wishes: publish": button("wishes", "publishWish"),
    "wishes: record contact": button("wishes", "recordContact"),
    "wishes: fulfilled": button("wishes", "fulfilWish"),
    "wishes: let the claim go": button("wishes", "releaseClaim"),
    "wishes: withdraw": button("wishes", "withdrawWish"),
    "wishes: expired": button("wishes", "expireWish"),
    "wishes: reopen": button("wishes", "reopenWish"),
    "wish board: claim": button("wish_board", "claimWish"),
    "hut: new intake": button("hut", "newIntake"),
    "hut: new distribution": button("hut", "newDistribution"),
    "hut: add an item": button("hut", "addItem"),
    "hut: change an item": button("hut", "editItem"),
    "hut: take an item off the lists": button("hut", "itemActive"),
    "hut: adopt from the city's catalogue": button("hut", "adoptItem"),
    "hut: item categories": button("hut", "editCategories"),
    "hut: add a donor": button("hut", "addDonor"),
    "hut: change a donor": button("hut", "editDonor"),
    "accounts: add a person": button("users", "addUser"),
    "accounts: change": button("users", "editUser"),
    "accounts: reset password": button("users", "resetPassword"),
    "settings: save the general settings": button("settings", "saveSettings"),
    "settings: save the programme's rules": button("settings", "saveProgrammeSettings"),
    "settings: import the region list": button("settings", "importRegions"),
    "settings: back up now": button("settings", "backupNow"),
    "settings: restore the chosen backup": button("settings", "restoreSelected"),
    "settings: restore from a file": button("settings", "restoreFile"),
    "sync: enroll with the city": button("sync", "enroll"),
    "sync: keep the value now": button("sync", "keepKept"),
    "sync: keep the other value": button("sync", "keepLost"),
}

# The volunteer programme's work: the coordinator's and the admin's.
PROGRAMME_WORK = frozenset({
    "station: save the village profile",
    "volunteers: register", "volunteers: change a volunteer", "volunteers: import from Excel",
    "volunteers: show a full ID number", "volunteers: merge duplicates",
    "teams: new team", "teams: change team", "teams: add members", "teams: make leader", "teams: make member",
    "teams: remove from team",
    "activities: new activity", "activities: plan volunteer days", "activities: change", "activities: cancel",
    "activities: close and record hours", "activities: roster and sign-in",
    "hours: correct a record", "hours: mark star levels announced", "hours: issue a certificate",
    "hours: reprint a certificate",
    "good people: nominate",
    "households: register", "households: change a household", "households: change status",
    "households: show health and disability notes", "households: show a full ID number",
    "households: merge duplicates", "households: import from Excel", "activities: record households trained",
    "sponsorships: pair a sponsor", "sponsorships: record a visit", "sponsorships: record a hand-over",
    "sponsorships: change a pledge", "sponsorships: pause or end", "sponsorships: add a note",
    "sponsorships: add a sponsor", "sponsorships: change a sponsor", "sponsorships: pair a household waiting",
    "wishes: collect", "wishes: change", "wishes: vet", "wishes: reject", "wishes: publish", "wishes: record contact",
    "wishes: fulfilled", "wishes: let the claim go", "wishes: withdraw", "wishes: expired", "wishes: reopen",
    "wish board: claim",
    "sync: keep the value now", "sync: keep the other value",
})

# The love hut's work: the hut manager's and the admin's.
HUT_WORK = frozenset({
    "hut: new intake", "hut: new distribution", "hut: add an item", "hut: change an item",
    "hut: take an item off the lists", "hut: adopt from the city's catalogue", "hut: item categories",
    "hut: add a donor", "hut: change a donor",
})

# What only the station admin does.
ADMIN_WORK = frozenset({
    "hours: add honour hours",
    "good people: start public notice", "good people: publish", "good people: reject",
    "households: categories of help",
    "accounts: add a person", "accounts: change", "accounts: reset password",
    "settings: save the general settings", "settings: save the programme's rules",
    "settings: import the region list", "settings: back up now", "settings: restore the chosen backup",
    "settings: restore from a file",
    "sync: enroll with the city",
})

ALLOWED = {
    "admin": PROGRAMME_WORK | ADMIN_WORK | HUT_WORK,
    "coordinator": PROGRAMME_WORK,
    "hut_manager": HUT_WORK,  # the hut's work; looks at everything else, changes nothing
    "viewer": frozenset(),
}


def _areas(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.navigation.count())]


@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_each_role_is_offered_exactly_the_actions_it_may_take(qtbot, demo_app, sign_in, role):
    window = sign_in(demo_app, ACCOUNTS[role].username)
    assert isinstance(window, MainWindow)
    assert _areas(window) == AREAS[role]
    wrong = []
    for action, offered in ACTIONS.items():
        expected = action in ALLOWED[role]
        if offered(window, qtbot) != expected:
            wrong.append(f"{action}: {'hidden' if expected else 'offered'}")
    assert not wrong, f"the {role} is offered what the role may not do, or not what it may: " + "; ".join(wrong)


def test_the_tables_name_only_actions_there_are_and_the_admin_may_take_each():
    assert set(ACTIONS) == ALLOWED["admin"]
    assert not PROGRAMME_WORK & ADMIN_WORK
    assert not HUT_WORK & (PROGRAMME_WORK | ADMIN_WORK)


# -- taking back honour hours -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Honour:
    record_id: str
    volunteer_id: str
    name: str


def _an_honour_record(window: MainWindow) -> _Honour:
    with window.context.db.reading(window.context.actor) as uow:
        record = next(r for r in hours_service.list_hours(uow) if r.kind == "honour" and not r.reversed)
    return _Honour(record.id, record.volunteer_id, record.volunteer_name)


@pytest.mark.parametrize("role", [
    "admin",
    "coordinator",
    "hut_manager",
    "viewer",
])
def test_correcting_honour_hours_is_offered_only_to_who_may_grant_them(qtbot, demo_app, sign_in, role):
    window = sign_in(demo_app, ACCOUNTS[role].username)
    honour = _an_honour_record(window)
    view = _show(window, qtbot, "hours")
    tab = _only(view, QWidget, "recordsTab")
    _to_front(tab, view, qtbot)
    tab.volunteer.set_volunteer(honour.volunteer_id, honour.name)
    settle(qtbot)
    assert select_by_id(tab.table, honour.record_id)
    correct = _only(tab, QPushButton, "correct")
    offered = correct.isVisibleTo(view) and correct.isEnabled()
    assert offered == (role == "admin")
