"""Shown instead of the app when the database cannot be opened: what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.storage.backup import BackupInfo
from ui.table import display


class ProblemWindow(QWidget):
    restore_requested = Signal(Path)

    def __init__(self, message: str, *, restore_candidate: BackupInfo | None, damaged: bool) -> None:
        super().__init__()
        self.setObjectName("problemWindow")
        self.setWindowTitle(self.tr("Village Station cannot start"))
        layout = QVBoxLayout(self)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setObjectName("problemMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.restore_button: QPushButton | None = None
        if restore_candidate is not None:
            hint = QLabel(self.tr("The newest backup was taken on {date}.").format(
                date=display(restore_candidate.taken_at)))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.restore_button = QPushButton(self.tr("Restore the newest backup"))
            self.restore_button.clicked.connect(lambda: self.restore_requested.emit(restore_candidate.path))
            buttons.addWidget(self.restore_button)
        elif damaged:
            none = QLabel(self.tr("There is no backup in this data folder. Ask the city office for help; "
                                  "the damaged file is kept as it is."))
            none.setWordWrap(True)
            layout.addWidget(none)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.clicked.connect(QApplication.instance().quit)
        buttons.addWidget(quit_button)
        layout.addLayout(buttons)
        self.resize(560, 260)
