"""Asking for a file: saving starts in Documents and always gets its suffix; a cancel is None."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui import files


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
