"""When the database cannot be opened: a window that says why and what to do, and the file left alone."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.paths import DataFolder
from desktop.storage import backup as storage_backup
from ui.windows.problem import ProblemWindow
from ui.windows.sign_in import SignInWindow

GARBAGE = b"this is not a database \x00\xff" * 200


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_database_can_be_replaced_by_the_newest_backup(qtbot, start_app, demo_folder):
    backup = storage_backup.take_backup(demo_folder, reason="manual", now=datetime(2026, 11, 28, 17, 0),
                                        keep=5)
    demo_folder.database.write_bytes(GARBAGE)

    controller = start_app(demo_folder)
    window = controller.window
    assert isinstance(window, ProblemWindow) and window.isVisible()
    assert "damaged" in window.message.text()
    assert str(demo_folder.database) in window.message.text()
    assert window.restore_button is not None and window.restore_button.isVisible()
    assert demo_folder.database.read_bytes() == GARBAGE

    qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)

    assert isinstance(controller.window, SignInWindow) and controller.window.isVisible()
    assert not window.isVisible()
    kept = list(demo_folder.set_aside.glob("*.db"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == GARBAGE
    assert backup.path.is_file()
    assert controller.window.people.count() == 4


def test_a_damaged_database_without_backups_offers_no_restore(start_app, demo_folder):
    demo_folder.database.write_bytes(GARBAGE)
    controller = start_app(demo_folder)
    window = controller.window
    assert isinstance(window, ProblemWindow) and window.isVisible()
    assert window.restore_button is None
    assert "no backup" in " ".join(label.text() for label in window.findChildren(type(window.message)))
    assert demo_folder.database.read_bytes() == GARBAGE
    assert not list(demo_folder.set_aside.glob("*"))


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(start_app, demo_folder):
    with closing(sqlite3.connect(demo_folder.database)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    before = _sha256(demo_folder.database)

    controller = start_app(demo_folder)
    window = controller.window
    assert isinstance(window, ProblemWindow) and window.isVisible()
    assert "newer version" in window.message.text()
    assert window.restore_button is None
    controller.shutdown()
    assert _sha256(demo_folder.database) == before
    assert not list(demo_folder.backups.glob("*.db"))


def test_a_data_folder_that_cannot_be_written_is_named(tmp_path, start_app):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder's parent should be")
    folder = DataFolder(blocker / "data")

    controller = start_app(folder)
    window = controller.window
    assert isinstance(window, ProblemWindow) and window.isVisible()
    assert str(folder.root) in window.message.text()
    assert "cannot be written" in window.message.text()
    assert window.restore_button is None
    assert blocker.read_text() == "a file where the data folder's parent should be"


def test_the_problem_is_said_in_chinese_by_default(start_app, demo_folder):
    demo_folder.database.write_bytes(GARBAGE)
    window = start_app(demo_folder, language=None).window
    assert isinstance(window, ProblemWindow)
    assert str(demo_folder.database) in window.message.text()
    assert "damaged" not in window.message.text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in window.message.text())
