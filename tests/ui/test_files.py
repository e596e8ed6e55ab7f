"""Asking for a file: saving starts in Documents and always gets its suffix; a cancel is None."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QTreeView, QWidget
from screen import english_words

from ui import files
from ui.i18n import install_language


def test_a_save_path_starts_in_documents_and_gets_its_suffix(qapp, monkeypatch, tmp_path):
    asked = []

    def dialog(parent, title, start, filter_text):
        asked.append((title, start, filter_text))
        return str(tmp_path / "report"), filter_text

    monkeypatch.setattr(files, "documents_folder", lambda: tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert files.choose_save_path(None, "Save", "Import report", ".txt", "Text files (*.txt)") == \
        tmp_path / "report.txt"
    assert asked == [("Save", str(tmp_path / "Import report.txt"), "Text files (*.txt)")]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert files.choose_save_path(None, "Save", "list.xlsx", ".xlsx", "Excel") is None


def test_an_open_path_starts_where_asked_or_in_documents(qapp, monkeypatch, tmp_path):
    starts = []

    def dialog(parent, title, start, filter_text):
        starts.append(start)
        return str(tmp_path / "people.xlsx"), filter_text

    monkeypatch.setattr(files, "documents_folder", lambda: tmp_path / "documents")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    assert files.choose_open_path(None, "Open", "Excel") == tmp_path / "people.xlsx"
    assert files.choose_open_path(None, "Open", "Excel", Path("/backups")) == tmp_path / "people.xlsx"
    assert starts == [str(tmp_path / "documents"), str(Path("/backups"))]


def _dialog_texts(dialog: QFileDialog) -> list[str]:
    """What a person reads in a file dialog: labels, buttons and their tips, the list's headings, the kind of
    each entry (names of files and folders and sizes aside: the PC's, not the app's)."""
    texts = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName()]
    tree = dialog.findChild(QTreeView, "treeView")
    model, folder = tree.model(), tree.rootIndex()
    texts += [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(model.columnCount())]
    texts += [model.index(row, 2, folder).data() for row in range(model.rowCount(folder))]
    return [text for text in texts if text]


def test_the_file_dialog_speaks_chinese(qtbot, qapp, monkeypatch, tmp_path):
    """The dialog the app asks for a file with (Qt's own where the system has no native one), in Chinese:
    Qt's translation and the words it lacks from the app's."""
    (tmp_path / "备份").mkdir()
    (tmp_path / "名单.xlsx").write_bytes(b"")
    monkeypatch.setattr(files, "documents_folder", lambda: tmp_path)
    assert install_language("zh_CN")
    seen: list[list[str]] = []

    def read_and_cancel() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(50, read_and_cancel)
            return
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        tree = dialog.findChild(QTreeView, "treeView")
        if tree.model().rowCount(tree.rootIndex()) < 2:  # the folder is still being read
            QTimer.singleShot(50, read_and_cancel)
            return
        seen.append(_dialog_texts(dialog))
        dialog.reject()

    try:
        for ask in (lambda: files.choose_save_path(None, "保存", "名单", ".xlsx", "Excel 工作簿 (*.xlsx)"),
                    lambda: files.choose_open_path(None, "打开", "所有文件 (*)")):
            QTimer.singleShot(0, read_and_cancel)
            assert ask() is None
    finally:
        install_language("en")
    assert len(seen) == 2
    for texts in seen:
        assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts and "文件夹" in texts
        english = [text for text in texts if english_words(text.replace("&", ""))]
        assert english == [], f"the file dialog shows English: {english}"
