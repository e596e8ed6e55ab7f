"""A micro-wish on the screens of two villages' stations that sync with a real city server (SQLite and PostgreSQL):
幸福村's coordinator collects, vets and publishes a household's wish and syncs; 红星村's station finds it on the wish
board after its sync, claims it for one of its volunteers and, synced again, sees its claim held; 幸福村 sees who
holds it until when, records the hand-over, and finds it on the household's timeline; after both sync once more,
the wish has left the board, and where taken ones are shown it reads fulfilled at both stations, as 红星村's claim
does.  Every sync is the Sync area's "Sync now"; the household and the claiming volunteer are registered through the
services, everything else is done on screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import enroll_at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from screen import click, closed, register, rows, save, settle, sync_by_hand
from stations import PASSWORD, VILLAGE_A, VILLAGE_B, make_station

from desktop.domain.roles import Role
from desktop.paths import DataFolder
from desktop.services import accounts, households
from desktop.services.households import HouseholdForm, MemberForm
from ui import sync_scheduler
from ui.app import StationApp
from ui.programme import today
from ui.views.households import HouseholdsView
from ui.views.sync import SyncView
from ui.views.wishes import WishBoardView, WishesView
from ui.windows.main_window import MainWindow

COORDINATOR = "coordinator"
HEAD = "赵桂兰"
GRANDSON = "赵小明"
WORDS = "孙子赵小明上小学了，想要一个新书包"
PUBLIC_TEXT = "本村一名小学生想要一个新书包。"
VOLUNTEER = "李明"
VOLUNTEER_PHONE = "13904365678"
GIVEN = "书包一个、文具一套"
# The wish list's columns, the board's, and the claims list's.
HOUSEHOLD, WISH, WORTH, STATUS, BOARD, PUBLIC = 1, 2, 4, 6, 7, 8
B_VILLAGE, B_TOWNSHIP, B_COUNTY, B_VALUE, B_WISH, B_CLAIM = 1, 2, 3, 5, 6, 9
C_VILLAGE, C_WISH, C_FOR, C_CONTACT, C_STANDS, C_UNTIL = 1, 3, 5, 6, 7, 8


@pytest.fixture(autouse=True)
def syncs_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """No station syncs by itself a while after it starts: each sync of the flow is one a person asked for."""
    monkeypatch.setattr(sync_scheduler, "FIRST_SYNC_AFTER_MS", 24 * 60 * 60 * 1000)


def set_up_station(tmp_path, city, name: str, village: str) -> DataFolder:
    """A station of ``village`` enrolled with the city, with its admin and a coordinator (password ``PASSWORD``);
    its database closed, for the app to open."""
    station = make_station(tmp_path, name, village)
    try:
        with station.db.unit_of_work(station.admin) as uow:
            accounts.add_user(uow, username=COORDINATOR, display_name="李秀英", role=Role.COORDINATOR,
                              password=PASSWORD)
        enroll_at(city, station)
    finally:
        station.close()
    return station.folder


def add_household(context) -> str:
    """The household in need whose wish it is, head and grandson, as the coordinator registered it; its id."""
    with context.db.unit_of_work(context.actor) as uow:
        household = households.register_household(uow, form=HouseholdForm(
            head_name=HEAD, id_number="220802195203041225", phone="13904361111", group_name="三组",
            address="幸福村三组12号", size=2))
        households.add_household_member(uow, household_id=household.id, form=MemberForm(
            name=GRANDSON, relation="grandchild"))
        return household.id


def signed_in(qtbot, start_app, sign_in, folder: DataFolder) -> tuple[StationApp, MainWindow]:
    controller = start_app(folder)
    controller.runner.wait()
    window = sign_in(controller, COORDINATOR, PASSWORD)
    assert isinstance(window, MainWindow)
    return controller, window


def area(qtbot, window: MainWindow, key: str):
    view = window.show_area(key)
    settle(qtbot)
    return view


def sync_now(qtbot, controller: StationApp, window: MainWindow) -> None:
    """Go to the Sync area, press "Sync now", and see that the run went through and left nothing waiting."""
    view = area(qtbot, window, "sync")
    assert isinstance(view, SyncView)
    sync_by_hand(qtbot, controller, view)
    assert not view.problem_label.isVisibleTo(view), view.problem_label.text()
    assert view.waiting_label.text() == "0 changes"


def wish_row(view: WishesView, wish_id: str) -> list[str]:
    assert view.select(wish_id)
    return rows(view)[view.table.currentIndex().row()]


def pick(qtbot, picker, row_id: str, text: str) -> None:
    """Find someone in a picker by what a person types, choose them and confirm."""
    picker.search.setText(text)
    picker.refresh()
    settle(qtbot)
    picker.choose(row_id)
    click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))


def claims_shown(qtbot, board: WishBoardView) -> list[list[str]]:
    """The rows of "Claims made here…", as the dialog shows them."""
    dialog = board.open_claims()
    settle(qtbot)
    shown = rows(dialog)
    dialog.reject()
    return shown


def test_a_wish_published_in_one_village_is_claimed_at_another_villages_station_and_fulfilled(
        qtbot, start_app, sign_in, tmp_path, city):
    a, a_window = signed_in(qtbot, start_app, sign_in, set_up_station(tmp_path, city, "xingfu", VILLAGE_A))
    b, b_window = signed_in(qtbot, start_app, sign_in, set_up_station(tmp_path, city, "hongxing", VILLAGE_B))
    household_id = add_household(a_window.context)
    sync_now(qtbot, a, a_window)
    sync_now(qtbot, b, b_window)

    # 1. 幸福村: the wish collected for the household, vetted, and published in words that name nobody.
    wishes = area(qtbot, a_window, "wishes")
    assert isinstance(wishes, WishesView)
    dialog = wishes.collect()
    pick(qtbot, dialog.pick(), household_id, "赵桂")
    assert dialog.household_name.text() == HEAD
    dialog.words.setPlainText(WORDS)
    dialog.category.setCurrentIndex(dialog.category.findData("study"))
    dialog.value.setText("80")
    save(qtbot, dialog)
    assert closed(dialog)
    wish = wishes.selected()
    assert wish is not None and wish.words == WORDS
    assert [wish_row(wishes, wish.id)[column] for column in (HOUSEHOLD, WORTH, STATUS)] == [
        HEAD, "¥80", "Collected, to be vetted"]
    vet = wishes.vet()
    save(qtbot, vet)
    assert closed(vet)
    publish = wishes.publish()
    publish.public_text.setPlainText(f"{GRANDSON}想要一个新书包")
    save(qtbot, publish)
    assert publish.isVisible() and f"“{GRANDSON}”" in publish.message.text(), "a member's name is not published"
    assert publish.public_text.toPlainText() == f"{GRANDSON}想要一个新书包", "nothing typed is lost"
    publish.public_text.setPlainText(PUBLIC_TEXT)
    save(qtbot, publish)
    assert closed(publish)
    row = wish_row(wishes, wish.id)
    assert (row[STATUS], row[BOARD], row[PUBLIC]) == ("On the wish board", "Waiting for someone to claim it",
                                                      PUBLIC_TEXT)
    sync_now(qtbot, a, a_window)

    # 2. 红星村: after its sync the board shows the wish with its village and township, and nothing of the household.
    sync_now(qtbot, b, b_window)
    board = area(qtbot, b_window, "wish_board")
    assert isinstance(board, WishBoardView)
    headings = [board.model.headerData(column, Qt.Orientation.Horizontal)
                for column in range(board.model.columnCount())]
    assert "Household" not in headings
    (shown,) = rows(board)
    assert (shown[B_VILLAGE], shown[B_TOWNSHIP], shown[B_COUNTY], shown[B_VALUE], shown[B_WISH], shown[B_CLAIM]) == (
        "幸福村", "平安镇", "洮北区", "¥50–100", PUBLIC_TEXT, "Waiting for someone to claim it")
    assert not {HEAD, GRANDSON, WORDS, "幸福村三组12号", "13904361111"} & set(shown)

    volunteer = register(b_window.context, VOLUNTEER, "22080219850315123", VOLUNTEER_PHONE)
    board.table.selectRow(0)
    claim = board.claim()
    assert claim.kind.currentData() == "volunteer"
    pick(qtbot, claim.pick(), volunteer.id, VOLUNTEER)
    assert claim.volunteer_name.text() == VOLUNTEER
    save(qtbot, claim)
    assert closed(claim)
    assert rows(board)[0][B_CLAIM] == "Waiting for the city server"
    assert not board.claim_button.isEnabled()
    sync_now(qtbot, b, b_window)
    board = area(qtbot, b_window, "wish_board")
    assert rows(board)[0][B_CLAIM] == "Held for the claimant"
    held_until = (today(b_window.context) + timedelta(days=7)).isoformat()
    (made,) = claims_shown(qtbot, board)
    assert (made[C_VILLAGE], made[C_WISH], made[C_FOR], made[C_CONTACT], made[C_STANDS], made[C_UNTIL]) == (
        "幸福村", PUBLIC_TEXT, VOLUNTEER, VOLUNTEER_PHONE, "Held for the claimant", held_until)

    # 3. 幸福村: after its sync its board has the wish held, and its list says by whom and until when; the hand-over
    # is recorded and the household's timeline shows it.
    sync_now(qtbot, a, a_window)
    own_board = area(qtbot, a_window, "wish_board")
    assert [(row[B_WISH], row[B_CLAIM]) for row in rows(own_board)] == [(PUBLIC_TEXT, "Held for a claimant")]
    own_board.table.selectRow(0)
    assert not own_board.claim_button.isEnabled()
    wishes = area(qtbot, a_window, "wishes")
    assert wish_row(wishes, wish.id)[BOARD] == f"{VOLUNTEER} (红星村), held until {held_until}"
    fulfil = wishes.fulfil()
    assert fulfil is not None and fulfil.given_by.text() == VOLUNTEER
    fulfil.given.setPlainText(GIVEN)
    save(qtbot, fulfil)
    assert fulfil.isVisible() and fulfil.confirmed.property("problem"), "the household's confirmation is asked for"
    fulfil.confirmed.setChecked(True)
    fulfil.confirmation_note.setText("户主签字确认")
    save(qtbot, fulfil)
    assert closed(fulfil)
    assert wish_row(wishes, wish.id)[STATUS] == "Fulfilled"

    households_area = area(qtbot, a_window, "households")
    assert isinstance(households_area, HouseholdsView)
    households_area.search.setText(HEAD)
    households_area.read_list()
    settle(qtbot)
    households_area.table.selectRow(0)
    timeline = households_area.open_timeline()
    settle(qtbot)
    assert [today(a_window.context).isoformat(), "Micro-wish fulfilled", GIVEN, VOLUNTEER, "¥80"] in rows(timeline)
    timeline.reject()

    # 4. Both sync: the wish is off the board unless taken ones are asked for, and then it reads fulfilled at both
    # stations, as 红星村's claim does.
    sync_now(qtbot, a, a_window)
    own_board = area(qtbot, a_window, "wish_board")
    assert rows(own_board) == []
    own_board.include_taken.setChecked(True)
    settle(qtbot)
    assert [(row[B_WISH], row[B_CLAIM]) for row in rows(own_board)] == [(PUBLIC_TEXT, "Fulfilled")]
    sync_now(qtbot, b, b_window)
    board = area(qtbot, b_window, "wish_board")
    assert rows(board) == []
    (made,) = claims_shown(qtbot, board)
    assert (made[C_WISH], made[C_FOR], made[C_STANDS]) == (PUBLIC_TEXT, VOLUNTEER, "Fulfilled")
    board.include_taken.setChecked(True)
    settle(qtbot)
    assert [(row[B_VILLAGE], row[B_WISH], row[B_CLAIM]) for row in rows(board)] == [
        ("幸福村", PUBLIC_TEXT, "Fulfilled")]
