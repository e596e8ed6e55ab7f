"""Asking the person for a file: where to save (starting in Documents, with the right suffix) or what to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def choose_save_path(parent: QWidget | None, title: str, suggested: str, suffix: str,
                     filter_text: str) -> Path | None:
    """Ask where to save, offering ``suggested`` in Documents; the path always ends in ``suffix`` (".xlsx").
    None when the person cancels."""
    name = suggested if suggested.lower().endswith(suffix) else f"{suggested}{suffix}"
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / name), filter_text)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def choose_open_path(parent: QWidget | None, title: str, filter_text: str,
                     folder: Path | None = None) -> Path | None:
    """Ask for a file to open, starting in ``folder`` (Documents when not given); None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder or documents_folder()), filter_text)
    return Path(chosen) if chosen else None
