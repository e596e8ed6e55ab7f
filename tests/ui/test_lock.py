"""Locking a shared PC: after a while without input the data is covered until the same person unlocks."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from screen import settle

from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from ui.views.accounts import UserDialog
from ui.windows.main_window import MainWindow
from ui.windows.sign_in import SignInWindow

ADMIN = DEMO_ACCOUNTS[0]
IDLE_MS = 300


@pytest.fixture
def idle_app(start_app, demo_folder):
    controller = start_app(demo_folder, idle_timeout_ms=IDLE_MS)
    controller.runner.wait()
    return controller


@pytest.fixture
def window(idle_app, sign_in) -> MainWindow:
    main = sign_in(idle_app, ADMIN.username)
    assert isinstance(main, MainWindow)
    return main


def _wait_locked(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.locked, timeout=IDLE_MS * 10)


def _unlock(qtbot, window: MainWindow, password: str) -> None:
    window.lock_screen.password.setText(password)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # unlocking checks the password as an operation


def _keep_unlocked_after(idle_app) -> None:
    """Once locked, make the next idle period long, so the checks after unlocking are not raced by it."""
    idle_app.idle.set_timeout_ms(60_000)


def test_idle_station_locks_and_hides_every_piece_of_data(qtbot, idle_app, window):
    audit_view = window.show_area("audit")
    profile = window.view_by_key["station"]
    assert audit_view.isVisible()

    _wait_locked(qtbot, window)
    _keep_unlocked_after(idle_app)
    assert window.lock_screen.isVisible()
    assert not window.views.isVisible()
    assert not window.navigation.isVisible()
    assert not audit_view.isVisible()
    assert not profile.station_name.isVisible()
    assert not profile.contact_phone.isVisible()
    assert not window.menuBar().isEnabled()
    assert ADMIN.display_name in window.lock_screen.title.text()

    _unlock(qtbot, window, "not-my-password")
    assert window.locked
    assert window.lock_screen.message.isVisible()
    assert "The password is wrong" in window.lock_screen.message.text()
    assert "user name" not in window.lock_screen.message.text(), "the lock screen asks only for the password"
    assert not window.views.isVisible()

    _unlock(qtbot, window, DEMO_PASSWORD)
    assert not window.locked
    assert not window.lock_screen.isVisible()
    assert window.views.isVisible()
    assert window.views.currentWidget() is audit_view and audit_view.isVisible()
    assert window.menuBar().isEnabled()
    assert idle_app.window is window
    assert window.lock_screen.password.text() == ""


def test_an_open_dialog_is_hidden_while_locked_and_comes_back_as_it_was(qtbot, idle_app, window):
    users = window.show_area("users")
    dialog = users.add()
    assert isinstance(dialog, UserDialog)
    qtbot.waitExposed(dialog)
    dialog.display_name.setText("赵大勇")
    dialog.username.setText("zhaody")

    _wait_locked(qtbot, window)
    _keep_unlocked_after(idle_app)
    assert not dialog.isVisible()
    assert not any(isinstance(w, UserDialog) and w.isVisible() for w in QApplication.topLevelWidgets())

    _unlock(qtbot, window, DEMO_PASSWORD)
    assert dialog.isVisible()
    assert dialog.display_name.text() == "赵大勇"
    assert dialog.username.text() == "zhaody"


class Answer:
    """Answers a question box as a person would, once it shows: the action's button, or Cancel to go back.
    ``asked`` holds each question's text and the action's label."""

    def __init__(self, go_on: bool) -> None:
        self.go_on = go_on
        self.asked: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        action = next(button for button in box.buttons()
                      if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole)
        self.asked.append((box.text(), action.text()))
        (action if self.go_on else box.button(QMessageBox.StandardButton.Cancel)).click()


@pytest.fixture
def answer() -> Iterator[Callable[[bool], list[tuple[str, str]]]]:
    """``answer(go_on)`` answers the next questions; it returns what they asked."""
    made: list[Answer] = []

    def _answer(go_on: bool) -> list[tuple[str, str]]:
        made.append(Answer(go_on))
        return made[-1].asked

    yield _answer
    for each in made:
        each.timer.stop()


def test_switching_user_over_a_half_filled_dialog_says_the_typing_is_lost_and_going_back_keeps_it(
        qtbot, idle_app, window, answer):
    dialog = window.show_area("users").add()
    qtbot.waitExposed(dialog)
    dialog.display_name.setText("赵大勇")
    _wait_locked(qtbot, window)
    _keep_unlocked_after(idle_app)
    asked = answer(False)
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert len(asked) == 1
    text, action = asked[0]
    assert dialog.windowTitle() in text and "lost" in text and ADMIN.display_name in text
    assert "lose" in action
    assert idle_app.window is window and window.locked and idle_app.actor is not None
    _unlock(qtbot, window, DEMO_PASSWORD)
    assert dialog.isVisible() and dialog.display_name.text() == "赵大勇"


def test_switching_user_names_only_the_forms_left_open_not_messages_or_reports(qtbot, idle_app, window, answer):
    from desktop.errors import UserError
    from ui.errors import show_error

    show_error(window, UserError("The backup could not be read."))  # a message: nothing typed in it
    _wait_locked(qtbot, window)
    _keep_unlocked_after(idle_app)
    asked = answer(False)
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert asked == [], "a message box holds no typing to lose"
    assert isinstance(idle_app.window, SignInWindow)


def test_switching_user_over_a_form_and_a_message_names_the_form_alone(qtbot, idle_app, window, answer):
    from desktop.errors import UserError
    from ui.errors import show_error

    dialog = window.show_area("users").add()
    qtbot.waitExposed(dialog)
    dialog.display_name.setText("赵大勇")
    show_error(window, UserError("The backup could not be read."))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    _wait_locked(qtbot, window)
    _keep_unlocked_after(idle_app)
    asked = answer(False)
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    (text, _action), = asked
    assert f"“{dialog.windowTitle()}”" in text and f"“{box.windowTitle()}”" not in text


def test_switching_user_with_nothing_open_asks_nothing(qtbot, idle_app, window, answer):
    _wait_locked(qtbot, window)
    asked = answer(False)
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert asked == []
    assert isinstance(idle_app.window, SignInWindow)


def test_switch_user_from_the_lock_screen_returns_to_sign_in(qtbot, idle_app, window, answer):
    dialog = window.show_area("users").add()
    dialog.display_name.setText("赵大勇")
    _wait_locked(qtbot, window)
    asked = answer(True)
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert len(asked) == 1, "the typing to be lost was named first"
    assert isinstance(idle_app.window, SignInWindow)
    assert idle_app.window.isVisible()
    assert idle_app.actor is None
    assert not window.isVisible()
    assert not any(isinstance(w, UserDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    # Nobody is signed in, so there is nothing to lock: the sign-in window stays.
    qtbot.wait(IDLE_MS * 2)
    assert isinstance(idle_app.window, SignInWindow)


def test_typing_keeps_the_station_unlocked(qtbot, idle_app, window):
    profile = window.view_by_key["station"]
    # Type for three idle periods, a key every third of one.
    for _ in range(9):
        qtbot.keyClick(profile.address, Qt.Key.Key_A)
        qtbot.wait(IDLE_MS // 3)
        assert not window.locked
    assert profile.address.text().endswith("a" * 9)
    _wait_locked(qtbot, window)


def test_work_that_ends_while_locked_does_not_spoil_unlocking(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, idle_timeout_ms=60_000)
    controller.runner.wait()
    window = sign_in(controller, ADMIN.username)
    dialog = window.show_area("users").add()
    dialog.display_name.setText("赵大勇")
    release = threading.Event()
    results: list[str] = []
    controller.runner.run(lambda _progress: release.wait(10) and "done", title="Long work", parent=window,
                          on_success=results.append)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=3000)

    controller.lock()  # what the idle timer and Ctrl+L do
    assert window.locked
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
    release.set()
    qtbot.waitUntil(lambda: results == ["done"])
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))  # deleted while still hidden

    _unlock(qtbot, window, DEMO_PASSWORD)
    assert not window.locked
    assert dialog.isVisible() and dialog.display_name.text() == "赵大勇"
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
