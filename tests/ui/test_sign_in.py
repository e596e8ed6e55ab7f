"""The sign-in window: wrong passwords, waiting after repeated ones, the demo hint, the forced new password."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from screen import settle

from desktop.domain.actor import SYSTEM
from desktop.domain.roles import Role
from desktop.domain.settings import TEXT_SIZES, Settings
from desktop.services import accounts, settings
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from desktop.storage.database import open_database
from desktop.storage.sign_in_card import read_sign_in_card
from resources import resource_path
from ui.i18n import translate
from ui.startup import apply_font_size
from ui.windows.main_window import MainWindow
from ui.windows.password import ChangePasswordDialog
from ui.windows.sign_in import SignInWindow

ADMIN, COORDINATOR = DEMO_ACCOUNTS[0], DEMO_ACCOUNTS[1]


def _try(qtbot, window: SignInWindow, username: str, password: str) -> None:
    window.select_user(username)
    window.password.setText(password)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_wrong_password_is_said_inline_and_the_password_is_selected(qtbot, demo_app):
    window = demo_app.window
    assert isinstance(window, SignInWindow)
    _try(qtbot, window, COORDINATOR.username, "not-my-password")

    assert demo_app.window is window and window.isVisible()
    assert window.message.isVisible()
    assert "wrong" in window.message.text()
    assert window.password.text() == "not-my-password"
    assert window.password.selectedText() == "not-my-password"


def test_after_three_wrong_passwords_even_the_right_one_must_wait(qtbot, demo_app):
    window = demo_app.window
    for _ in range(3):
        _try(qtbot, window, COORDINATOR.username, "not-my-password")
    assert re.search(r"Wait \d+ seconds", window.message.text()), window.message.text()

    _try(qtbot, window, COORDINATOR.username, DEMO_PASSWORD)
    waiting = re.search(r"Wait (\d+) seconds", window.message.text())
    assert waiting, window.message.text()
    assert 1 <= int(waiting.group(1)) <= 5
    assert demo_app.window is window and window.isVisible()
    assert demo_app.actor is None

    # Somebody else on the shared PC is not held up by it.
    _try(qtbot, window, ADMIN.username, DEMO_PASSWORD)
    assert isinstance(demo_app.window, MainWindow)


def test_demo_mode_lists_the_demo_accounts(start_app, demo_folder):
    controller = start_app(demo_folder, demo=True)
    hint = controller.window.findChild(QLabel, "demoHint")
    assert hint is not None and hint.isVisible()
    assert DEMO_PASSWORD in hint.text()
    people = controller.window.people
    listed = [people.item(row).text() for row in range(people.count())]
    for account in DEMO_ACCOUNTS:  # each by name and role, in the list to choose from
        assert any(account.display_name in line and translate("desktop", account.role.label) in line
                   for line in listed), listed


def test_the_demo_sign_in_window_fits_a_small_screen_at_the_largest_text_size(start_app, demo_folder):
    db = open_database(demo_folder)
    with db.unit_of_work(SYSTEM) as uow:
        admin = accounts.sign_in(uow, username=ADMIN.username, password=DEMO_PASSWORD)
    with db.unit_of_work(admin) as uow:
        settings.save_settings(uow, settings=replace(settings.load_settings(uow), font_size=max(TEXT_SIZES)))
    db.close()
    try:
        controller = start_app(demo_folder, language="zh_CN", demo=True)
        window = controller.window
        assert window.font().pointSize() == max(TEXT_SIZES)
        screen = window.screen().availableGeometry()
        assert screen.contains(window.frameGeometry()), f"{window.frameGeometry()} on {screen}"
        hint = window.findChild(QLabel, "demoHint")
        assert window.rect().contains(QRect(hint.mapTo(window, QPoint(0, 0)), hint.size()))
    finally:
        apply_font_size(Settings().font_size)  # as any other test leaves it


def test_a_real_station_shows_no_demo_hint(demo_app):
    assert demo_app.window.findChild(QLabel, "demoHint") is None


def test_sign_in_is_chinese_by_default(start_app, demo_folder):
    controller = start_app(demo_folder, language=None)
    window = controller.window
    assert isinstance(window, SignInWindow)
    assert window.sign_in_button.text() == "登录"


class DialogDriver:
    """Acts on the forced change-password dialog once its ``exec()`` has shown it."""

    def __init__(self, action: Callable[[ChangePasswordDialog], None]) -> None:
        self.action = action
        self.seen: list[ChangePasswordDialog] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ChangePasswordDialog) and dialog.isVisible():
            self.timer.stop()
            self.seen.append(dialog)
            self.action(dialog)


def test_after_an_admin_reset_the_person_must_choose_a_new_password(qtbot, demo_app):
    db = demo_app.db
    with db.unit_of_work(SYSTEM) as uow:
        admin = accounts.sign_in(uow, username=ADMIN.username, password=DEMO_PASSWORD)
    with db.reading(admin) as uow:
        coordinator_id = next(u.id for u in accounts.list_users(uow) if u.username == COORDINATOR.username)
    with db.unit_of_work(admin) as uow:
        accounts.reset_password(uow, user_id=coordinator_id, new_password="temp-5678")
    window = demo_app.window

    # Cancelling the forced dialog keeps the person at the sign-in window.
    cancelled = DialogDriver(lambda dialog: dialog.reject())
    _try(qtbot, window, COORDINATOR.username, "temp-5678")
    assert len(cancelled.seen) == 1
    assert demo_app.window is window and demo_app.actor is None

    def choose(dialog: ChangePasswordDialog) -> None:
        dialog.current.setText("temp-5678")
        dialog.new.setText("mine-2468")
        dialog.repeat.setText("mine-2468")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    chosen = DialogDriver(choose)
    _try(qtbot, window, COORDINATOR.username, "temp-5678")
    assert len(chosen.seen) == 1
    assert isinstance(demo_app.window, MainWindow)
    assert demo_app.actor.username == COORDINATOR.username

    with db.unit_of_work(SYSTEM) as uow:
        accounts.sign_in(uow, username=COORDINATOR.username, password="mine-2468")
    with db.reading(admin) as uow:
        assert not next(u for u in accounts.list_users(uow) if u.id == coordinator_id).must_change_password


def _active(qtbot, window: SignInWindow) -> None:
    """The window has the keyboard, as the only window on the PC's screen has."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _names(window: SignInWindow) -> list[str]:
    return [window.people.item(row).text().split("（")[0] for row in range(window.people.count())]


def test_a_wrong_password_goes_when_another_name_is_chosen(qtbot, demo_app):
    window = demo_app.window
    _active(qtbot, window)
    _try(qtbot, window, COORDINATOR.username, "not-my-password")
    assert window.password.text() == "not-my-password" and window.message.isVisible()

    window.people.setFocus()
    qtbot.keyClick(window.people, Qt.Key.Key_Down)  # the next person comes to the PC
    assert window.password.text() == ""
    assert not window.message.isVisible()
    assert not window.password.property("problem")

    qtbot.mouseClick(window.people.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.people.visualItemRect(window.people.item(0)).center())
    assert window.password.hasFocus(), "a click on a name goes on to the password"


def test_down_stays_in_the_name_list_and_tab_then_typing_fills_the_password(qtbot, demo_app):
    window = demo_app.window
    _active(qtbot, window)
    window.people.setFocus()
    window.people.setCurrentRow(0)
    qtbot.keyClick(window.people, Qt.Key.Key_Down)
    assert window.people.hasFocus(), "the arrow keys stay in the list"
    assert window.people.currentRow() == 1
    qtbot.keyClick(window.people, Qt.Key.Key_Down)
    assert window.people.currentRow() == 2

    qtbot.keyClick(window.people, Qt.Key.Key_Tab)
    assert window.password.hasFocus()
    qtbot.keyClicks(window.password, DEMO_PASSWORD)
    assert window.password.text() == DEMO_PASSWORD
    assert window.people.currentRow() == 2, "typing chose no other name"
    chosen = _names(window)[2]
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    settle(qtbot)
    assert isinstance(demo_app.window, MainWindow)
    assert demo_app.actor.display_name == chosen


def test_the_names_are_in_pinyin_order_with_surnames_read_as_surnames(start_app, demo_folder):
    db = open_database(demo_folder)
    try:
        with db.unit_of_work(SYSTEM) as uow:
            admin = accounts.sign_in(uow, username=ADMIN.username, password=DEMO_PASSWORD)
        with db.unit_of_work(admin) as uow:
            accounts.add_user(uow, username="zengqh", display_name="曾庆红", role=Role.VIEWER, password="secret-42")
            accounts.add_user(uow, username="shantf", display_name="单田芳", role=Role.VIEWER, password="secret-42")
    finally:
        db.close()
    controller = start_app(demo_folder)
    assert _names(controller.window) == ["李秀英", "刘明", "单田芳", "王建国", "曾庆红", "张桂兰"]


@pytest.mark.parametrize("font_size", [12, 24])
def test_each_name_has_a_row_of_its_own_whole_and_the_highlight_covers_only_it(qapp, qtbot, demo_folder, font_size):
    font = qapp.font()
    qapp.setStyleSheet(resource_path("styles", "app.qss").read_text(encoding="utf-8"))  # as the app starts
    apply_font_size(font_size)
    try:
        window = SignInWindow(read_sign_in_card(demo_folder.database))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.people.setCurrentRow(1)
        rows = [window.people.visualItemRect(window.people.item(row)) for row in range(window.people.count())]
        viewport = window.people.viewport().rect()
        for row, rect in enumerate(rows):
            assert rect.height() >= window.people.sizeHintForRow(row), "the style sheet's padding is in the row"
            assert viewport.contains(rect), f"row {row} is shown whole"
        for above, below in pairwise(rows):
            assert above.bottom() < below.top(), "the highlight of one row never reaches into the next"
    finally:
        qapp.setStyleSheet("")
        qapp.setFont(font)
