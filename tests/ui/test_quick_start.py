"""The quick start: on a set-up station the sign-in window shows before the database layer has loaded."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from screen import settle

from desktop.errors import DatabaseCorrupt
from desktop.services.demo import DEMO_ACCOUNTS
from ui.launch import _early_sign_in
from ui.windows.main_window import MainWindow
from ui.windows.problem import ProblemWindow


def test_the_sign_in_window_shows_at_once_and_signs_in_once_the_database_is_open(
        qtbot, start_app, sign_in, demo_folder):
    early = _early_sign_in(demo_folder, demo=False, language="en")
    assert early is not None and early.isVisible()
    names = [early.people.item(row).text() for row in range(early.people.count())]
    assert any(DEMO_ACCOUNTS[0].display_name in name for name in names)
    # Enter pressed before the database is open is remembered, not lost.
    early.select_user(DEMO_ACCOUNTS[0].username)
    early.password.setText(DEMO_ACCOUNTS[0].password)
    early.try_sign_in()
    assert early.isVisible()

    controller = start_app(demo_folder, early_sign_in=early)
    settle(qtbot)
    # The same window was kept (no flicker to a second one) and the remembered sign-in went through.
    assert isinstance(controller.window, MainWindow)
    assert controller.actor is not None and controller.actor.username == DEMO_ACCOUNTS[0].username


def test_a_damaged_database_takes_the_early_window_away_and_explains(qtbot, start_app, demo_folder, monkeypatch):
    early = _early_sign_in(demo_folder, demo=False, language="en")
    assert early is not None

    def broken(*_args, **_kwargs):
        raise DatabaseCorrupt("The database {path} is damaged and cannot be opened ({reason}).",
                              path=str(demo_folder.database), reason="test")

    monkeypatch.setattr("ui.app.open_database", broken)
    controller = start_app(demo_folder, early_sign_in=early)
    assert isinstance(controller.window, ProblemWindow)
    assert not early.isVisible()


def test_no_quick_start_on_a_new_data_folder(qtbot, tmp_path):
    from desktop.paths import DataFolder

    assert _early_sign_in(DataFolder(tmp_path / "new"), demo=False, language="en") is None


def test_the_first_window_appears_before_sqlalchemy_and_the_qt_namespace_are_loaded(demo_folder, tmp_path):
    """The point of the quick start: nothing on the way to the first window loads SQLAlchemy, nor PySide's ``Qt``
    namespace of enums, which takes about as long to load as a bare window takes to appear."""
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from desktop.paths import DataFolder
        from ui.launch import _early_sign_in
        app = QApplication([])
        window = _early_sign_in(DataFolder(Path({str(demo_folder.root)!r})), demo=False, language=None)
        assert window is not None and window.isVisible()
        print("sqlalchemy loaded:", "sqlalchemy" in sys.modules)
        import PySide6.QtCore
        print("Qt namespace loaded:", "Qt" in vars(PySide6.QtCore))  # PySide6 makes a class on its first use
        print("button:", window.sign_in_button.text())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "sqlalchemy loaded: False" in result.stdout
    assert "Qt namespace loaded: False" in result.stdout
    assert "button: 登录" in result.stdout  # the station's language setting (Chinese) applies at once


def test_a_page_damaged_deep_in_the_file_is_found_by_the_full_opening(qtbot, start_app, demo_folder):
    """The quick window does not read every page (that takes a while on a large station); the opening right
    behind it does, and a damaged one still takes the window away and explains, the file left as it was."""
    data = bytearray(demo_folder.database.read_bytes())
    page = 4096
    data[-page:] = b"\xde\xad" * (page // 2)  # the last page: a table's or an index's, none the card reads
    demo_folder.database.write_bytes(bytes(data))

    early = _early_sign_in(demo_folder, demo=False, language="en")
    assert early is not None and early.isVisible()
    controller = start_app(demo_folder, early_sign_in=early)
    assert isinstance(controller.window, ProblemWindow)
    assert "damaged" in controller.window.message.text()
    assert not early.isVisible()
    assert demo_folder.database.read_bytes() == bytes(data)


def test_the_start_styles_the_windows_once_at_the_stations_text_size_and_gives_them_the_apps_icon(demo_folder):
    """Each style sheet applied re-styles every widget: the start applies one, the station's size, as the
    quick start reads it, and the controller finds it in force."""
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["VILLAGE_STATION_STARTUP_PROBE"] = "1"  # start, show the first window, quit
        from PySide6.QtWidgets import QApplication
        applied = []
        original = QApplication.setStyleSheet
        QApplication.setStyleSheet = lambda app, sheet: applied.append(sheet) or original(app, sheet)
        from desktop.paths import DataFolder
        from ui.launch import run_app
        run_app(DataFolder(Path({str(demo_folder.root)!r})))
        app = QApplication.instance()
        print("applied:", len(applied), "size:", app.font().pointSize(), "icon:", not app.windowIcon().isNull())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "applied: 1 size: 12 icon: True" in result.stdout  # the app's icon, set once the window shows
