"""Starting the desktop app quickly: the sign-in window first, the storage layer right behind it.

On an old village PC, loading SQLAlchemy and opening the database takes a noticeable while. When the
station is already set up, its sign-in window is built from a few rows read with the standard
library and shown at once; the full start (checks, backups, the database layer) follows, and signing
in goes ahead as soon as the database is open.  Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.settings import Settings
from desktop.errors import UserError
from desktop.paths import DataFolder
from desktop.storage.sign_in_card import read_sign_in_card
from resources import resource_path
from ui.i18n import install_language
from ui.startup import PROBE_VISIBLE, apply_font_size, probe, probing

log = logging.getLogger(__name__)

def _early_sign_in(folder: DataFolder, *, demo: bool, language: str | None) -> QWidget | None:
    if demo:
        return None
    card = read_sign_in_card(folder.database)
    if card is None:
        return None
    from ui.dialogs import place_window
    from ui.windows.sign_in import SignInWindow

    install_language(language or card.language)
    apply_font_size(card.font_size)  # the only styling the start does: the controller finds it in force
    window = SignInWindow(card)  # its icon is the app's, set in run_app
    place_window(window)  # whole and centred on the screen
    QApplication.processEvents()  # paint it now, before the heavy imports below
    probe(PROBE_VISIBLE)
    return window


def run_app(folder: DataFolder, *, demo: bool = False, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    # No display name: Qt would add it to every window's title, which names the app already.
    app.setApplicationName("VillageStation")
    early = _early_sign_in(folder, demo=demo, language=language)  # styled at the station's text size
    # The app's icon, on every window: the first one takes it a moment after it shows, as loading it takes
    # a share of the start (docs/architecture.md §6).
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    if early is None:
        apply_font_size(Settings().font_size)  # until the station's own text size is read
    try:
        folder.ensure_writable()
        from desktop.logs import setup_logging  # after the window: logging.handlers is not small

        setup_logging(folder)
    except UserError:
        pass  # the controller shows the problem in a window

    from ui.app import StationApp
    from ui.errors import show_unexpected

    sys.excepthook = lambda kind, value, tb: show_unexpected(None, value.with_traceback(tb))
    controller = StationApp(folder, demo=demo, language=language, early_sign_in=early)
    controller.start()
    if probing():
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    controller.shutdown()
    # Tear down windows and the controller before the QApplication goes, in that order.
    if controller.window is not None:
        controller.window.close()
        controller.window.deleteLater()
        controller.window = None
    app.removeEventFilter(controller.idle)
    controller.deleteLater()
    app.processEvents()
    del controller
    return code
