"""The sync screens against the real city server on 127.0.0.1 (SQLite city database).

Enrolling from the Sync area, a refused code, settling a conflict between two stations of one village,
a quiet background sync while the server is down, a station enrolled from the command line, what a
viewer may not touch, and a sync after switching user.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWizard
from screen import WAIT_MS, settle, sync_by_hand, wait_idle
from sqlalchemy import Engine

from desktop.domain.actor import SYSTEM
from desktop.domain.roles import Role
from desktop.paths import DataFolder
from desktop.services import accounts, regions, station
from desktop.services import sync as sync_service
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_VILLAGE, demo_regions_csv
from desktop.storage.database import Database, open_database
from sync.client import http as client_http
from sync.client.run import enroll, sync_once
from sync.server import stations as server_stations
from sync.server.app import create_app
from sync.server.database import make_engine, migrate
from sync.server.regions import import_regions_csv
from sync.server.testing import ServerThread, free_port
from ui.app import StationApp
from ui.views.sync import EnrollDialog, SyncView, status_line
from ui.windows.main_window import MainWindow
from ui.windows.setup_wizard import SetupWizard
from ui.windows.sign_in import SignInWindow

ADMIN, COORDINATOR, _HUT_MANAGER, VIEWER = (account.username for account in DEMO_ACCOUNTS)
VILLAGE = "220802101201"  # 幸福村, a village of the demo regions


@dataclass
class City:
    """The real city server on 127.0.0.1, its database holding the demo station's regions."""

    engine: Engine
    thread: ServerThread

    @property
    def base_url(self) -> str:
        return self.thread.base_url

    def code(self, village: str = DEMO_VILLAGE) -> str:
        return server_stations.issue_enroll_code(self.engine, village, days=7)

    def stop(self) -> None:
        self.thread.stop()


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    url = f"sqlite:///{tmp_path / 'city.db'}"
    engine = make_engine(url)
    migrate(engine)
    import_regions_csv(engine, demo_regions_csv())
    server = City(engine, ServerThread(create_app(url)).start())
    try:
        yield server
    finally:
        server.stop()
        engine.dispose()


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries against a server that is down wait milliseconds, not half a minute."""
    monkeypatch.setattr(client_http, "BACKOFF_BASE", 0.001)


@pytest.fixture
def open_dbs() -> Iterator[list[Database]]:
    """Station databases a test opens outside the app; all closed at the end."""
    opened: list[Database] = []
    yield opened
    for db in opened:
        db.close()


# -- helpers ---------------------------------------------------------------------------------------

def sync_view(window: MainWindow, qtbot) -> SyncView:
    view = window.show_area("sync")
    assert isinstance(view, SyncView)
    settle(qtbot)
    return view


def enroll_dialog(view: SyncView) -> EnrollDialog:
    dialog = view.findChild(QDialog, "enrollDialog")
    assert isinstance(dialog, EnrollDialog)
    return dialog


def click_save(qtbot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def profile_phone(db: Database, actor=SYSTEM) -> str:
    with db.reading(actor) as uow:
        return station.village_profile(uow).contact_phone


def set_profile_phone(db: Database, phone: str) -> None:
    with db.reading(SYSTEM) as uow:
        profile = station.village_profile(uow)
    with db.unit_of_work(SYSTEM) as uow:
        station.update_village_profile(uow, station_name=profile.station_name, contact_name=profile.contact_name,
                                       contact_phone=phone, address=profile.address,
                                       office_hours=profile.office_hours, notes=profile.notes)


def open_conflicts(db: Database) -> list[sync_service.ConflictInfo]:
    with db.reading(SYSTEM) as uow:
        return sync_service.list_conflicts(uow)


# -- 1. enrolling from the Sync area ---------------------------------------------------------------

def test_the_admin_enrolls_the_station_from_the_sync_area_and_a_first_sync_runs(
        qtbot, demo_app: StationApp, admin_window: MainWindow, city: City, message_boxes) -> None:
    view = sync_view(admin_window, qtbot)
    assert view.server_label.text() == "Not enrolled yet"
    assert view.last_label.text() == "Not enrolled with the city"
    assert admin_window.sync_label.text() == "Not enrolled with the city"
    assert view.enroll_button.isVisibleTo(view)
    # Sync now before enrolling says what to do first.
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    (box,) = message_boxes()
    assert "not enrolled with the city server yet" in box.text() and "enroll the station" in box.text()
    assert f"“{view.enroll_button.text()}”" in box.text() or f'"{view.enroll_button.text()}"' in box.text()
    box.close()
    qtbot.waitUntil(lambda: message_boxes() == [])

    qtbot.mouseClick(view.enroll_button, Qt.MouseButton.LeftButton)
    dialog = enroll_dialog(view)
    qtbot.waitUntil(dialog.isVisible)

    # An address without http(s):// is refused inline; the dialog stays open with what was typed.
    address = city.base_url.removeprefix("http://")
    dialog.server.setText(address)
    dialog.code.setText("ABCD-EFGH")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisibleTo(dialog)
    assert "http" in dialog.message.text()
    assert (dialog.server.text(), dialog.code.text()) == (address, "ABCD-EFGH")

    # No code: refused inline too.
    dialog.server.setText(city.base_url)
    dialog.code.setText("   ")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == "Type the enrollment code."
    assert dialog.server.text() == city.base_url

    # A real code enrolls; the dialog closes, the server shows, a first sync runs.
    dialog.code.setText(city.code())
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.server_label.text() == city.base_url, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: admin_window.sync_label.text().startswith("Last sync ")
                    and "failed" not in admin_window.sync_label.text()
                    and "never" not in admin_window.sync_label.text(), timeout=WAIT_MS)
    wait_idle(qtbot, demo_app)
    assert view.findChild(QDialog, "enrollDialog") is None or not enroll_dialog(view).isVisible()
    assert view.sync_button.isEnabled()
    assert view.enroll_button.text() == "Enroll again…"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", view.last_label.text()), view.last_label.text()
    assert not view.problem_label.isVisibleTo(view)
    assert message_boxes() == []


# -- 2. a code the server refuses -------------------------------------------------------------------

def test_a_used_code_shows_the_servers_refusal_in_the_dialog(
        qtbot, demo_app: StationApp, admin_window: MainWindow, city: City, tmp_path: Path, message_boxes) -> None:
    code = city.code()
    enroll(DataFolder(tmp_path / "someone-else"), city.base_url, code)  # the code is used up

    view = sync_view(admin_window, qtbot)
    dialog = view.open_enroll()
    qtbot.waitUntil(dialog.isVisible)
    dialog.server.setText(city.base_url)
    dialog.code.setText(code)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog), timeout=WAIT_MS)
    wait_idle(qtbot, demo_app)
    assert "does not accept this enrollment code" in dialog.message.text()
    assert dialog.isVisible()
    assert (dialog.server.text(), dialog.code.text()) == (city.base_url, code)
    assert message_boxes() == []
    assert view.server_label.text() == "Not enrolled yet"

    # A made-up code is refused the same way.
    dialog.code.setText("NOPE-NOPE-NOPE")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "does not accept" in dialog.message.text() and not demo_app.runner.busy(),
                    timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.code.text() == "NOPE-NOPE-NOPE"


# -- 3. a conflict between two stations of one village ------------------------------------------------

def make_station(folder: DataFolder, village: str = VILLAGE) -> None:
    """A set-up station of ``village`` with an admin and a coordinator (password ``DEMO_PASSWORD``), closed."""
    db = open_database(folder)
    try:
        with db.unit_of_work(SYSTEM) as uow:
            regions.import_regions_csv(uow, data=demo_regions_csv())
        with db.unit_of_work(SYSTEM) as uow:
            admin = station.set_up_station(uow, village_code=village, admin_username=ADMIN, admin_name="王建国",
                                           admin_password=DEMO_PASSWORD)
        db.reload_station()
        with db.unit_of_work(admin) as uow:
            accounts.add_user(uow, username=COORDINATOR, display_name="李秀英", role=Role.COORDINATOR,
                              password=DEMO_PASSWORD)
    finally:
        db.close()


def test_the_coordinator_keeps_the_other_value_of_a_conflict_and_both_stations_agree(
        qtbot, start_app, sign_in, tmp_path: Path, city: City, open_dbs) -> None:
    first, second = DataFolder(tmp_path / "station1"), DataFolder(tmp_path / "station2")
    for folder in (first, second):
        make_station(folder)
        enroll(folder, city.base_url, city.code(VILLAGE))
    one = open_database(first)
    open_dbs.append(one)
    sync_once(one, sleep=lambda _s: None)

    # Station 2 runs the app; its coordinator is signed in.
    controller = start_app(second)
    controller.runner.wait()
    window = sign_in(controller, COORDINATOR)
    assert isinstance(window, MainWindow)
    view = sync_view(window, qtbot)
    sync_by_hand(qtbot, controller, view)
    sync_once(one, sleep=lambda _s: None)  # both stations now hold the same profile
    assert view.conflicts.rowCount() == 0

    # Both change the contact phone before syncing; station 2's change is the later one and wins.
    set_profile_phone(one, "13911111111")
    set_profile_phone(controller.db, "13922222222")
    sync_once(one, sleep=lambda _s: None)
    sync_by_hand(qtbot, controller, view)

    assert view.conflicts.rowCount() == 1, open_conflicts(controller.db)
    texts = [view.conflicts.index(0, column).data() for column in range(view.conflicts.columnCount())]
    # The record by its kind and name, the field by its label, both values as they are.
    assert texts == ["village profile · 幸福村志愿服务站", "contact phone", "13922222222", "13911111111"]
    assert "1 conflict to review" in window.sync_label.text()  # one, said as one
    # Nothing chosen, nothing to settle: the buttons wait for a conflict to be chosen.
    assert not view.keep_current.isEnabled() and not view.keep_other.isEnabled()

    # The value now is what the record holds now, also after someone changed it again here.
    set_profile_phone(controller.db, "13933333333")
    view.reload()
    settle(qtbot)
    assert [view.conflicts.index(0, column).data() for column in (2, 3)] == ["13933333333", "13911111111"]

    view.conflict_table.selectRow(0)
    assert view.keep_current.isEnabled() and view.keep_other.isEnabled()
    qtbot.mouseClick(view.keep_other, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert profile_phone(controller.db, controller.actor) == "13911111111"
    assert view.conflicts.rowCount() == 0
    assert open_conflicts(controller.db) == []
    assert not view.keep_current.isEnabled() and not view.keep_other.isEnabled()

    sync_by_hand(qtbot, controller, view)
    sync_once(one, sleep=lambda _s: None)
    assert profile_phone(one) == "13911111111"
    assert open_conflicts(one) == []
    assert view.conflicts.rowCount() == 0
    assert "conflicts" not in window.sync_label.text()


def test_a_record_from_the_city_that_cannot_be_used_is_listed_and_the_rest_arrives(
        qtbot, start_app, sign_in, tmp_path: Path, city: City) -> None:
    folder = DataFolder(tmp_path / "station")
    make_station(folder)
    enroll(folder, city.base_url, city.code(VILLAGE))
    # Stored on the city server before it checked values: a name that is a list, beside a good record.
    from sync.server.database import lock_changelog, writing
    from sync.server.ingest import RecordState, write_changelog, write_records
    from sync.server.testing import stamp

    with writing(city.engine) as connection:
        lock_changelog(connection)
        for row_id, name in (("bad-person", ["李", "四"]), ("good-person", "张三")):
            fields = {"village_code": VILLAGE, "name": name, "status": "active"}
            stamps = dict.fromkeys(fields, stamp(1_780_000_000_000, "another-pc"))
            state = RecordState("volunteer", row_id, VILLAGE, None, fields, stamps, is_new=True)
            (state.updated_seq,) = write_changelog(connection, [{
                "entity": "volunteer", "row_id": row_id, "village_code": VILLAGE, "to_village_code": None,
                "fields": fields, "stamps": stamps, "origin_station": None, "change_id": None}])
            write_records(connection, [state])
    controller = start_app(folder)
    controller.runner.wait()
    window = sign_in(controller, COORDINATOR)
    view = sync_view(window, qtbot)
    sync_by_hand(qtbot, controller, view)
    assert view.not_applied.rowCount() == 1
    texts = [view.not_applied.index(0, column).data() for column in range(view.not_applied.columnCount())]
    # Said in words (the technical reason, "volunteer.name must be text…", goes to the log and the city).
    assert texts[1:] == ["volunteer", "A value in this record does not fit what this version of Village Station "
                                      "keeps there."]
    assert "(1)" in view.problems.tabText(1)
    assert "1 record from the city not used" in window.sync_label.text()
    with controller.db.reading(SYSTEM) as uow:
        status = sync_service.sync_status(uow)
    assert status.last_sync_ok and status.not_applied == 1
    with controller.db.reading(SYSTEM) as uow:
        from desktop.storage.models import Volunteer
        assert [row.name for row in uow.session.query(Volunteer)] == ["张三"]


# -- 4. the server is down ----------------------------------------------------------------------------

def test_a_background_sync_against_a_server_that_is_down_is_quiet_and_a_manual_one_says_so(
        qtbot, demo_folder: DataFolder, start_app, sign_in, quick_retries, message_boxes) -> None:
    # Enrolled with a server that has since gone: nothing listens on its port any more.
    with_city = _short_lived_city(demo_folder)
    controller = start_app(demo_folder)
    controller.runner.wait()
    window = sign_in(controller, ADMIN)
    assert isinstance(window, MainWindow)
    view = sync_view(window, qtbot)
    assert view.server_label.text() == with_city

    wait_idle(qtbot, controller)
    with qtbot.waitSignal(controller.sync.failed, timeout=WAIT_MS):
        assert controller.sync.sync_now(parent=None, manual=False)
    wait_idle(qtbot, controller)
    qtbot.wait(200)
    assert message_boxes() == []
    assert view.last_label.text().endswith(", did not finish")
    assert window.sync_label.text().startswith(f"Last sync {view.last_label.text()}")  # the same words
    assert "cannot be reached" in view.problem_label.text()

    with qtbot.waitSignal(controller.sync.failed, timeout=WAIT_MS):
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1, timeout=WAIT_MS)
    settle(qtbot)  # the status line reads how the run ended
    (box,) = message_boxes()
    assert "cannot be reached" in box.text()
    assert with_city in box.text()
    assert box.detailedText() == ""  # a plain message, not an unexpected error
    assert window.sync_label.text().startswith("Last sync ") and ", did not finish" in window.sync_label.text()


def _short_lived_city(folder: DataFolder) -> str:
    """Enroll the station with a city server that is then stopped; its address."""
    root = folder.root.parent / "gone-city"
    root.mkdir()
    url = f"sqlite:///{root / 'city.db'}"
    engine = make_engine(url)
    migrate(engine)
    import_regions_csv(engine, demo_regions_csv())
    thread = ServerThread(create_app(url), port=free_port()).start()
    try:
        enroll(folder, thread.base_url, server_stations.issue_enroll_code(engine, DEMO_VILLAGE, days=7))
    finally:
        thread.stop()
        engine.dispose()
    return thread.base_url


# -- 5. enrolled from the command line -----------------------------------------------------------------

def test_a_station_enrolled_from_the_command_line_asks_only_for_its_admin(
        qtbot, start_app, tmp_path: Path, city: City) -> None:
    folder = DataFolder(tmp_path / "fresh")
    enroll(folder, city.base_url, city.code())

    controller = start_app(folder)
    wizard = controller.window
    assert isinstance(wizard, SetupWizard)
    assert wizard.admin_only
    assert wizard.pageIds() == [wizard.pageIds()[0]]
    assert wizard.currentPage() is wizard.admin_page

    page = wizard.admin_page
    page.display_name.setText("赵村长")
    page.username.setText("zhao")
    page.password.setText("secret-42")
    page.repeat.setText("secret-42")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: isinstance(controller.window, SignInWindow), timeout=WAIT_MS)
    people = controller.window.people
    names = [people.item(row).text() for row in range(people.count())]
    assert len(names) == 1 and names[0].startswith("赵村长")


# -- 6. the viewer ---------------------------------------------------------------------------------------

def test_the_viewer_sees_the_sync_area_without_enrolling_or_settling(qtbot, demo_app: StationApp,
                                                                      sign_in, message_boxes) -> None:
    window = sign_in(demo_app, VIEWER)
    assert isinstance(window, MainWindow)
    view = sync_view(window, qtbot)
    assert view.isVisible()
    assert view.last_label.text() == "Not enrolled with the city"
    assert not view.enroll_button.isVisibleTo(view)
    assert not view.keep_current.isVisibleTo(view)
    assert not view.keep_other.isVisibleTo(view)
    assert view.conflict_table.isVisibleTo(view)

    # Sync now, by the button or F5, on a station not enrolled yet: told whom to ask.
    for press in (lambda: qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton),
                  lambda: qtbot.keyClick(window, Qt.Key.Key_F5)):
        press()
        qtbot.waitUntil(lambda: len(message_boxes()) == 1)
        (box,) = message_boxes()
        assert "Ask the station admin to enroll it" in box.text()
        box.close()
        qtbot.waitUntil(lambda: message_boxes() == [])
    assert not demo_app.sync.running


def test_the_sync_page_says_when_it_last_synced_once(qtbot, demo_app: StationApp, admin_window: MainWindow,
                                                     city: City) -> None:
    enroll(demo_app.db, city.base_url, city.code())
    view = sync_view(admin_window, qtbot)
    sync_by_hand(qtbot, demo_app, view)
    label = view.findChild(QFormLayout).labelForField(view.last_label).text()
    assert label == "Last sync"
    assert "Last sync" not in view.last_label.text()  # the row's label says it; its value is when
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", view.last_label.text())



# -- after switching user ----------------------------------------------------------------------------

def test_a_sync_after_switching_user_updates_the_new_window_only(
        qtbot, demo_app: StationApp, admin_window: MainWindow, city: City, sign_in, message_boxes) -> None:
    """The windows of whoever signed out are gone; a sync must not reach back into them."""
    enroll(demo_app.db, city.base_url, city.code())
    demo_app.switch_user()
    qtbot.waitUntil(lambda: isinstance(demo_app.window, SignInWindow))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old main window is deleted
    window = sign_in(demo_app, ADMIN)
    assert isinstance(window, MainWindow) and window is not admin_window
    view = sync_view(window, qtbot)
    sync_by_hand(qtbot, demo_app, view)
    assert window.sync_label.text().startswith("Last sync ") and "failed" not in window.sync_label.text()
    assert view.server_label.text() == city.base_url
    assert message_boxes() == []


def test_the_status_line_says_one_of_a_thing_as_one_and_more_as_more(qapp):
    def status(waiting: int, conflicts: int, not_applied: int) -> sync_service.SyncStatus:
        return sync_service.SyncStatus(True, "https://sync.example.cn", "幸福村", None, None, None, waiting, conflicts,
                                       0, 0, 0, None, not_applied)

    assert status_line(status(1, 1, 1)).endswith(
        "1 change waiting · 1 conflict to review · 1 record from the city not used")
    assert status_line(status(2, 3, 4)).endswith(
        "2 changes waiting · 3 conflicts to review · 4 records from the city not used")
