"""Small questions to the person: confirmations before anything that cannot be undone; opening a dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def open_dialog(dialog: QDialog, on_accepted: Callable[[], None] | None = None) -> QDialog:
    """Open ``dialog`` window-modal, deleted once closed; ``on_accepted`` runs when the person accepts it."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def confirm(parent: QWidget | None, title: str, text: str, *, action: str) -> bool:
    """Ask before doing something that cannot be undone; ``action`` labels the button that does it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.exec()
