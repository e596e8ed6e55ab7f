"""Fixtures for the Qt tests: start the app controller on a data folder, sign in, and clean up after."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.paths import DataFolder
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from ui.app import StationApp
from ui.i18n import install_language
from ui.tasks import TaskRunner
from ui.windows.main_window import MainWindow
from ui.windows.sign_in import SignInWindow

StartApp = Callable[..., StationApp]
SignIn = Callable[..., QWidget]


def _flush_deletes() -> None:
    app = QApplication.instance()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


@pytest.fixture(autouse=True)
def english_first(qapp) -> None:
    """Each test starts in English; a language installed by an earlier test must not leak in."""
    install_language("en")


@pytest.fixture
def start_app(qapp) -> Iterator[StartApp]:
    """Make and start a ``StationApp``; afterwards its database is closed and every window shut."""
    made: list[StationApp] = []

    def _start(folder: DataFolder, *, language: str | None = "en", demo: bool = False,
               idle_timeout_ms: int | None = None, early_sign_in: QWidget | None = None) -> StationApp:
        controller = StationApp(folder, demo=demo, language=language, idle_timeout_ms=idle_timeout_ms,
                                early_sign_in=early_sign_in)
        made.append(controller)
        controller.start()
        return controller

    yield _start

    for controller in made:
        opened = controller.db is not None
        controller.idle.stop()
        controller.shutdown()
        controller.db = None
        qapp.removeEventFilter(controller.idle)
        # SQLite removes the WAL file when the last connection closes: none may be left open.
        wal = controller.folder.database.with_name(controller.folder.database.name + "-wal")
        assert not (opened and wal.exists()), f"a connection to {controller.folder.database} is still open"
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for controller in made:
        controller.window = None
        controller.deleteLater()
    _flush_deletes()


@pytest.fixture
def sign_in(qtbot) -> SignIn:
    """Sign in through the sign-in window as a person would: pick the name, type, press the button."""

    def _sign_in(controller: StationApp, username: str, password: str = DEMO_PASSWORD) -> QWidget:
        window = controller.window
        assert isinstance(window, SignInWindow), f"expected the sign-in window, got {window!r}"
        window.select_user(username)
        window.password.setText(password)
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(TaskRunner.idle_everywhere, timeout=15_000)  # signing in is an operation
        return controller.window

    return _sign_in


@pytest.fixture
def demo_app(start_app: StartApp, demo_folder: DataFolder) -> StationApp:
    """The demo station started in English, showing its sign-in window, with the daily backup done."""
    controller = start_app(demo_folder)
    controller.runner.wait()
    return controller


@pytest.fixture
def admin_window(demo_app: StationApp, sign_in: SignIn) -> MainWindow:
    window = sign_in(demo_app, DEMO_ACCOUNTS[0].username)
    assert isinstance(window, MainWindow)
    return window


@pytest.fixture
def context(admin_window: MainWindow):
    """What the station admin's window hands its areas: the database, the admin, the task runner."""
    return admin_window.context


@pytest.fixture
def message_boxes() -> Callable[[], list[QMessageBox]]:
    """The error boxes ``ui.errors.show_error`` has opened and that are still showing."""
    def _boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "messageBox" and w.isVisible()]
    return _boxes
