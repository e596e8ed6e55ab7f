"""Fixtures for the Qt tests: English first, the demo station started and signed in as its admin, the error boxes
showing.  Starting the app on a data folder and signing in (``start_app``, ``sign_in``) are in tests/conftest.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.paths import DataFolder
from desktop.services.demo import DEMO_ACCOUNTS
from ui.app import StationApp
from ui.i18n import install_language
from ui.windows.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_first(qapp) -> None:
    """Each test starts in English; a language installed by an earlier test must not leak in."""
    install_language("en")


@pytest.fixture
def demo_app(start_app: Callable[..., StationApp], demo_folder: DataFolder) -> StationApp:
    """The demo station started in English, showing its sign-in window, with the daily backup done."""
    controller = start_app(demo_folder)
    controller.runner.wait()
    return controller


@pytest.fixture
def admin_window(demo_app: StationApp, sign_in: Callable[..., QWidget]) -> MainWindow:
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
