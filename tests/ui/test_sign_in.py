"""The sign-in window: wrong passwords, waiting after repeated ones, the demo hint, the forced new password."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from screen import settle

from desktop.domain.actor import SYSTEM
from desktop.services import accounts
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
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
    for account in DEMO_ACCOUNTS:
        assert account.username in hint.text()
        assert account.display_name in hint.text()


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
