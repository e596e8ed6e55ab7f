"""The admin's areas: the village profile, accounts, the audit log and the settings with regions and backups."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from screen import click as _click
from screen import closed as _closed
from screen import column as _column
from screen import save as _save
from screen import settle as _settle

from desktop.domain.actor import SYSTEM
from desktop.services import accounts, audit, regions, settings, station
from desktop.services.audit import AuditFilter
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from ui.table import ROW_ID_ROLE
from ui.views.accounts import ResetPasswordDialog, UserDialog
from ui.windows.main_window import MainWindow
from ui.windows.sign_in import SignInWindow

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS


def _profile(db):
    with db.reading(SYSTEM) as uow:
        return station.village_profile(uow)


def _profile_view(window, qtbot):
    """The station area, once it has read the profile it shows."""
    profile = window.view_by_key["station"]
    _settle(qtbot)
    return profile


def _area(window, qtbot, key: str):
    """Show an area and wait until it has read what it shows."""
    view = window.show_area(key)
    _settle(qtbot)
    return view


# -- the village profile ------------------------------------------------------------------------

def test_a_bad_phone_number_is_shown_beside_the_form_and_nothing_typed_is_lost(qtbot, admin_window,
                                                                              message_boxes):
    profile = _profile_view(admin_window, qtbot)
    typed = {"station_name": "向阳村志愿者之家", "contact_name": "赵大勇", "contact_phone": "1380436",
             "address": "村委会二楼", "office_hours": "每周五下午"}
    for name, text in typed.items():
        profile.fields[name].setText(text)
    profile.notes.setPlainText("新的备注")
    _click(qtbot, profile.save_button)

    assert profile.message.isVisible()
    assert "1380436" in profile.message.text()
    assert "is not a phone number" in profile.message.text()
    for name, text in typed.items():
        assert profile.fields[name].text() == text
    assert profile.notes.toPlainText() == "新的备注"
    assert profile.contact_phone.property("problem") is True
    assert not profile.station_name.property("problem")
    assert not message_boxes()
    assert _profile(admin_window.context.db).station_name == "向阳村志愿服务站"


def test_a_good_save_says_saved_and_the_audit_log_lists_it(qtbot, admin_window):
    profile = _profile_view(admin_window, qtbot)
    profile.contact_phone.setText("0436 3212345")
    _click(qtbot, profile.save_button)

    assert profile.message.isVisible()
    assert profile.message.text() == "Saved."
    assert profile.contact_phone.text() == "0436-3212345"
    assert ADMIN.display_name in profile.changed_label.text()
    assert _profile(admin_window.context.db).contact_phone == "0436-3212345"

    log = _area(admin_window, qtbot, "audit")
    details = _column(log.model, 4)
    assert any("contact phone: 13804361234 → 0436-3212345" in line for line in details), details


# -- accounts -----------------------------------------------------------------------------------

def _user_row(view, username: str) -> int:
    usernames = _column(view.proxy, 1)
    return usernames.index(username)


def test_add_a_person_and_reset_their_password(qtbot, admin_window):
    users = _area(admin_window, qtbot, "users")
    dialog = users.add()
    assert isinstance(dialog, UserDialog)
    qtbot.waitExposed(dialog)

    # A user name that is taken: said in the dialog, which stays open with what was typed.
    dialog.display_name.setText("赵大勇")
    dialog.username.setText(COORDINATOR.username)
    dialog.role.setCurrentIndex(dialog.role.findData("hut_manager"))
    dialog.password.setText("start-1357")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "is taken" in dialog.message.text()
    assert dialog.display_name.text() == "赵大勇"

    dialog.username.setText("zhaody")
    _save(qtbot, dialog)
    assert _closed(dialog)
    row = _user_row(users, "zhaody")
    assert users.proxy.index(row, 0).data() == "赵大勇"
    assert users.proxy.index(row, 2).data() == "Hut manager"
    assert users.proxy.index(row, 3).data() == "Yes"

    users.table.selectRow(row)
    reset = users.reset_selected()
    assert isinstance(reset, ResetPasswordDialog)
    assert any("赵大勇" in label.text() for label in reset.findChildren(QLabel))
    reset.password.setText("new-2468")
    _save(qtbot, reset)
    assert _closed(reset)

    db = admin_window.context.db
    with db.unit_of_work(SYSTEM) as uow:
        person = accounts.sign_in(uow, username="zhaody", password="new-2468")
    with db.reading(admin_window.context.actor) as uow:
        info = next(u for u in accounts.list_users(uow) if u.id == person.user_id)
        assert info.must_change_password
        assert audit.count_audit(uow, where=AuditFilter(action="reset_password")) == 1

def test_a_new_person_is_made_station_admin_only_when_that_role_is_chosen(qtbot, admin_window):
    users = _area(admin_window, qtbot, "users")
    dialog = users.add()
    qtbot.waitExposed(dialog)
    assert dialog.role.currentIndex() == -1
    assert dialog.role.currentText() == ""  # the placeholder asks for one: nothing is chosen for the person

    dialog.display_name.setText("赵会计")
    dialog.username.setText("zhaokj")
    dialog.password.setText("start-1357")
    _save(qtbot, dialog)  # the role was never touched
    assert dialog.isVisible()
    assert "Choose the person's role" in dialog.message.text()
    assert dialog.role.property("problem") is True
    assert dialog.display_name.text() == "赵会计"
    assert "zhaokj" not in _column(users.proxy, 1)

    dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
    _save(qtbot, dialog)
    assert _closed(dialog)
    assert users.proxy.index(_user_row(users, "zhaokj"), 2).data() == "Viewer"



# -- the audit log ------------------------------------------------------------------------------

@pytest.fixture
def busy_log(qtbot, demo_app, sign_in):
    """Some history by several people, then the admin signed in looking at the audit log."""
    db = demo_app.db
    with db.unit_of_work(SYSTEM) as uow:
        coordinator = accounts.sign_in(uow, username=COORDINATOR.username, password=DEMO_PASSWORD)
    with db.unit_of_work(coordinator) as uow:
        current = station.village_profile(uow)
        station.update_village_profile(uow, station_name=current.station_name, contact_name="李秀英",
                                       contact_phone="13904361111", address=current.address,
                                       office_hours=current.office_hours, notes="周五下午活动")
    with db.unit_of_work(SYSTEM) as uow:
        accounts.sign_in(uow, username=VIEWER.username, password=DEMO_PASSWORD)
    window = sign_in(demo_app, ADMIN.username)
    return window, _area(window, qtbot, "audit")


def _shown_count(log) -> int:
    text = log.count_label.text()
    assert text.endswith((" entry", " entries")), text
    return int(text.split()[0])


def _service_count(window, where: AuditFilter) -> int:
    with window.context.db.reading(window.context.actor) as uow:
        return audit.count_audit(uow, where=where)


def test_the_audit_log_filters_by_person_action_and_text(qtbot, busy_log):
    window, log = busy_log
    everything = _shown_count(log)
    assert everything == _service_count(window, AuditFilter())
    assert log.model.rowCount() == min(everything, log.model.PAGE)  # the rest load as the list scrolls

    with window.context.db.reading(window.context.actor) as uow:
        coordinator_id = next(u.id for u in accounts.list_users(uow) if u.username == COORDINATOR.username)
    log.person.setCurrentIndex(log.person.findData(coordinator_id))
    _settle(qtbot)
    assert set(_column(log.model, 1)) == {COORDINATOR.display_name}
    assert 0 < _shown_count(log) == log.model.rowCount() < everything
    assert "Changed" in _column(log.model, 2) and "Signed in" in _column(log.model, 2)

    log.person.setCurrentIndex(0)
    log.action.setCurrentIndex(log.action.findData("sign_in"))
    _settle(qtbot)
    assert set(_column(log.model, 2)) == {"Signed in"}
    assert set(_column(log.model, 1)) == {COORDINATOR.display_name, VIEWER.display_name, ADMIN.display_name}
    assert _shown_count(log) == log.model.rowCount() == _service_count(window, AuditFilter(action="sign_in"))

    log.action.setCurrentIndex(0)
    qtbot.keyClicks(log.text, "13904361111")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)
    qtbot.waitUntil(lambda: not log._debounce.isActive())
    _settle(qtbot)
    assert "13904361111" in log.model.index(0, 4).data()
    assert _shown_count(log) == 1

    _click(qtbot, log.clear_button)
    assert log.text.text() == ""
    assert _shown_count(log) >= everything


def test_the_person_filter_knows_people_added_since_sign_in_and_keeps_its_choice(qtbot, busy_log):
    window, log = busy_log
    log.person.setCurrentIndex(log.person.findText(COORDINATOR.display_name))
    _settle(qtbot)
    filtered = _shown_count(log)

    users = _area(window, qtbot, "users")
    dialog = users.add()
    dialog.display_name.setText("赵大勇")
    dialog.username.setText("zhaody")
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    dialog.password.setText("start-1357")
    _save(qtbot, dialog)
    assert "zhaody" in _column(users.proxy, 1)

    _area(window, qtbot, "audit")
    people = [log.person.itemText(i) for i in range(log.person.count())]
    assert "赵大勇" in people
    assert log.person.currentText() == COORDINATOR.display_name
    assert _shown_count(log) == filtered


# -- settings -----------------------------------------------------------------------------------

def test_choosing_english_rebuilds_the_window_in_english(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language=None)
    chinese = sign_in(controller, ADMIN.username)
    assert isinstance(chinese, MainWindow)
    assert chinese.navigation.item(0).text() == "村站信息"
    general = _area(chinese, qtbot, "settings").general
    general.language.setCurrentIndex(general.language.findData("en"))
    _click(qtbot, general.save_button)

    english = controller.window
    assert isinstance(english, MainWindow) and english is not chinese
    assert english.isVisible() and _closed(chinese)
    assert [english.navigation.item(r).text() for r in range(english.navigation.count())] == [
        "Station", "Volunteers", "Volunteer teams", "Activities", "Service hours", "Good people", "Households",
        "Sponsorships", "Micro-wishes", "Wish board", "Love hut", "Accounts", "Audit log", "Sync", "Settings"]
    assert english.context.actor.username == ADMIN.username
    with controller.db.reading(SYSTEM) as uow:
        assert settings.load_settings(uow).language == "en"


def test_each_setting_has_one_name_in_the_settings_area_and_the_audit_log(qtbot, start_app, demo_folder, sign_in):
    """A setting changed under Settings is found in the audit log by the very words it was changed under."""
    from PySide6.QtWidgets import QCheckBox, QFormLayout

    from desktop.domain.settings import LANGUAGE_NAMES, LANGUAGES, SETTING_LABELS
    from ui.i18n import translate

    controller = start_app(demo_folder, language="zh_CN")
    view = _area(sign_in(controller, ADMIN.username), qtbot, "settings")
    fields = {"language": view.general.language, "font_size": view.general.font_size,
              "idle_lock_minutes": view.general.idle, "backups_to_keep": view.general.keep,
              "star_thresholds": view.programme.star_row, "honour_hours_cap": view.programme.honour_cap,
              "certificate_masks_id": view.programme.mask_id, "notice_days": view.programme.notice_days,
              "wish_value_cap": view.programme.wish_cap, "wish_hold_days": view.programme.hold_days,
                  "visit_overdue_days": view.programme.visit_days, "expiry_warning_days": view.programme.expiry_days,
                  "point_value": view.programme.point_value, "points_per_hour": view.programme.points_per_hour}
    assert set(fields) == set(SETTING_LABELS)
    shown = {key: field.text() if isinstance(field, QCheckBox) else next(
        label.text() for form in view.findChildren(QFormLayout) if (label := form.labelForField(field)))
        for key, field in fields.items()}
    assert shown == {key: translate("desktop", label) for key, label in SETTING_LABELS.items()}
    assert "无人操作多少分钟后自动锁定" in shown.values()
    language = view.general.language
    assert [language.itemText(i) for i in range(language.count())] == [LANGUAGE_NAMES[code] for code in LANGUAGES]


def test_a_bad_region_file_lists_every_bad_line_and_imports_nothing(tmp_path, qtbot, admin_window,
                                                                    message_boxes):
    view = _area(admin_window, qtbot, "settings")
    view.tabs.setCurrentWidget(view.regions)
    _settle(qtbot)
    tab = view.regions
    db = admin_window.context.db
    with db.reading(SYSTEM) as uow:
        before = regions.all_regions(uow)
    bad = tmp_path / "regions.csv"
    bad.write_text("code,name,level,parent_code\n"
                   "220802103,新乐乡,township,220802\n"
                   "22080210,短码镇,township,220802\n"
                   "220802103201,新村,hamlet,220802103\n"
                   "220802109201,孤村,village,220802109\n", encoding="utf-8")
    tab.import_file(bad)
    _settle(qtbot)

    qtbot.waitUntil(lambda: bool(message_boxes()))
    box = message_boxes()[0]
    details = box.detailedText()
    for line in ("Line 3", "Line 4", "Line 5"):
        assert line in details, details
    assert "Line 2" not in details
    assert "22080210" in details and "hamlet" in details and "220802109" in details
    assert "nothing was imported" in box.text()
    assert tab.message.isVisible()
    with db.reading(SYSTEM) as uow:
        assert regions.all_regions(uow) == before
    assert not tab.tree.findItems("新乐乡", Qt.MatchFlag.MatchRecursive)


def test_back_up_now_runs_in_the_background_and_lists_the_new_backup(qtbot, admin_window, monkeypatch):
    view = _area(admin_window, qtbot, "settings")
    view.tabs.setCurrentWidget(view.backups)
    tab = view.backups
    runner = admin_window.context.runner
    titles: list[str] = []
    real_run = runner.run

    def spy(fn, **kwargs):
        titles.append(kwargs["title"])
        return real_run(fn, **kwargs)

    monkeypatch.setattr(runner, "run", spy)
    before = tab.model.rowCount()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)  # not waiting: it is still running
    assert titles == ["Backing up…"]
    assert not tab.backup_button.isEnabled()

    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10_000)
    _settle(qtbot)
    assert tab.model.rowCount() == before + 1
    assert tab.message.isVisible() and tab.message.text().startswith("Backup saved: ")
    newest = tab.model.index(0, 3).data()
    assert newest in tab.message.text()
    assert tab.model.index(0, 1).data() == "By hand"
    assert (admin_window.context.folder.backups / newest).is_file()


def test_restoring_the_chosen_backup_brings_its_data_back_and_keeps_the_replaced_database(
        qtbot, demo_app, admin_window, monkeypatch):
    folder = admin_window.context.folder
    view = _area(admin_window, qtbot, "settings")
    view.tabs.setCurrentWidget(view.backups)
    tab = view.backups
    _click(qtbot, tab.backup_button)
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10_000)
    manual = next(row for row in range(tab.model.rowCount()) if tab.model.index(row, 1).data() == "By hand")
    chosen = tab.model.index(manual, 0).data(ROW_ID_ROLE)

    profile = _profile_view(admin_window, qtbot)
    profile.contact_name.setText("备份之后")
    _click(qtbot, profile.save_button)
    assert _profile(demo_app.db).contact_name == "备份之后"

    asked: list[str] = []

    def confirm(parent, title, text, *, action):
        asked.append(text)
        return True

    monkeypatch.setattr("ui.dialogs.confirm", confirm)
    tab.table.selectRow(manual)
    _click(qtbot, tab.restore_button)

    assert len(asked) == 1 and str(folder.set_aside) in asked[0]
    assert isinstance(demo_app.window, SignInWindow) and demo_app.window.isVisible()
    assert _closed(admin_window)
    assert demo_app.actor is None
    assert _profile(demo_app.db).contact_name == "李秀英"

    kept = list(folder.set_aside.glob("*.db"))
    assert len(kept) == 1
    with closing(sqlite3.connect(kept[0])) as conn:
        assert conn.execute("SELECT contact_name FROM village_profile").fetchone()[0] == "备份之后"
    with demo_app.db.reading(SYSTEM) as uow:
        restored = audit.list_audit(uow, where=AuditFilter(action="restore"))
    assert [row.entity_id for row in restored] == [chosen.rsplit("/", 1)[-1]]


def test_restore_is_not_done_without_confirmation(qtbot, demo_app, admin_window, monkeypatch):
    view = _area(admin_window, qtbot, "settings")
    view.tabs.setCurrentWidget(view.backups)
    tab = view.backups
    _click(qtbot, tab.backup_button)
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10_000)
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: False)
    tab.table.selectRow(0)
    _click(qtbot, tab.restore_button)
    assert demo_app.window is admin_window and admin_window.isVisible()
    assert not list(admin_window.context.folder.set_aside.glob("*.db"))


def test_restoring_a_file_that_is_no_backup_is_refused_before_anything_closes(tmp_path, qtbot, demo_app, admin_window,
                                                                            monkeypatch, message_boxes):
    view = _area(admin_window, qtbot, "settings")
    view.tabs.setCurrentWidget(view.backups)
    garbage = tmp_path / "photo.db"
    garbage.write_bytes(b"\x89PNG not a database" * 100)
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    view.backups.restore(garbage, garbage.name)

    qtbot.waitUntil(lambda: bool(message_boxes()))
    assert str(garbage) in message_boxes()[0].text()
    assert demo_app.window is admin_window and admin_window.isVisible()
    assert _profile(admin_window.context.db).station_name == "向阳村志愿服务站"
    assert not list(admin_window.context.folder.set_aside.glob("*.db"))


def test_the_profile_shows_what_a_sync_brought_in_but_never_over_what_is_being_typed(qtbot, admin_window):
    profile = _profile_view(admin_window, qtbot)
    db, admin = admin_window.context.db, admin_window.context.actor

    def arrive(contact_name: str) -> None:
        # As a sync would: the record changes underneath the open screen; its commit tells the screens.
        with db.unit_of_work(admin) as uow:
            current = station.village_profile(uow)
            station.update_village_profile(
                uow, station_name=current.station_name, contact_name=contact_name,
                contact_phone=current.contact_phone, address=current.address,
                office_hours=current.office_hours, notes=current.notes)
        _settle(qtbot)

    arrive("赵春梅")
    assert profile.contact_name.text() == "赵春梅"

    profile.address.setText("正在输入的新地址")
    arrive("孙丽华")
    assert profile.address.text() == "正在输入的新地址"  # what is being typed is kept
    assert profile.contact_name.text() == "赵春梅"     # and nothing moves under the typist's hands


def test_star_levels_must_rise_and_saved_programme_rules_are_used(qtbot, admin_window):
    programme = _area(admin_window, qtbot, "settings").programme
    for box, hours in zip(programme.stars, (100, 300, 300, 1000, 1500), strict=True):
        box.setValue(hours)
    programme.save_button.click()
    _settle(qtbot)
    assert "each higher than the one before" in programme.message.text()
    assert programme.stars[2].value() == 300  # what was typed stays
    programme.stars[2].setValue(600)
    programme.honour_cap.setValue(30)
    programme.mask_id.setChecked(False)
    programme.save_button.click()
    _settle(qtbot)
    assert programme.message.text() == "Saved."
    context = admin_window.context
    with context.db.reading(context.actor) as uow:
        saved = settings.load_settings(uow)
    assert saved.star_thresholds == (100, 300, 600, 1000, 1500)
    assert (saved.honour_hours_cap, saved.certificate_masks_id) == (30, False)
    assert context.settings.honour_hours_cap == 30


# -- when the programme areas read their lists -------------------------------------------------------

@pytest.mark.parametrize("key", ["volunteers", "teams", "activities", "hours", "good_people", "households",
                                 "sponsorships"])
def test_a_programme_area_reads_once_when_shown_and_a_sync_while_hidden_waits(qtbot, admin_window, key):
    view = admin_window.view_by_key[key]
    loads: list[str] = []
    reload = view.reload
    view.reload = lambda *args: (loads.append("load"), reload(*args))  # what the area's own code calls
    if key == "volunteers":
        assert view.model.rowCount() == 0  # built at sign-in, read nothing

    def sync_brings_changes() -> None:
        # As a sync's pulled page would: its commit announces the tables it changed, here those the area shows.
        assert view.shows
        admin_window.context.changes.changed.emit(frozenset(view.shows))
        _settle(qtbot)

    sync_brings_changes()
    assert loads == []  # hidden: only marked stale

    assert _area(admin_window, qtbot, key) is view
    assert loads == ["load"]  # once, when first shown
    sync_brings_changes()
    assert len(loads) == 2  # on screen: at once

    _area(admin_window, qtbot, "station")
    sync_brings_changes()
    assert len(loads) == 2
    _area(admin_window, qtbot, key)
    assert len(loads) == 3  # coming back reads again, once
