"""Fixtures every test folder may use; also makes Qt draw offscreen, before anything imports Qt.

- ``demo_folder``: a copy of the demo station's data folder, its database closed.
- ``start_app``, ``sign_in``: the station app started on a data folder, and signed in as a person would: for the Qt
  tests, and for the flows in tests/sync on the screens of stations that sync with a real city server (a test may
  start several apps, each on its own folder).
"""

from __future__ import annotations

import os
from pathlib import Path

# Before any import that could load Qt: the platform is chosen when the first QApplication starts. Its one
# screen is what a village PC's 1366×768 screen leaves above the task bar, 1366×728 (tests/village-screen.json),
# so windows open as they would there.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).resolve().parent / 'village-screen.json'}"

import shutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import DataFolder
from desktop.services.demo import DEMO_PASSWORD, build_demo
from ui.app import StationApp
from ui.tasks import TaskRunner
from ui.windows.sign_in import SignInWindow

StartApp = Callable[..., StationApp]
SignIn = Callable[..., QWidget]


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo station, built once per test run; each test gets its own copy."""
    root = tmp_path_factory.mktemp("demo-template") / "demo"
    db = build_demo(DataFolder(root))
    db.close()
    return root


@pytest.fixture
def demo_folder(tmp_path: Path, _demo_template: Path) -> DataFolder:
    """A data folder holding a set-up demo station (see ``desktop.services.demo``), database closed."""
    shutil.copytree(_demo_template, tmp_path / "demo")
    return DataFolder(tmp_path / "demo")


def _flush_deletes() -> None:
    app = QApplication.instance()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


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
