"""Changing one's own password (required after the admin has reset it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.actor import Actor
from desktop.services import accounts
from desktop.storage.database import Database
from ui.forms import FormMessage, clear_problems, report, save_cancel_buttons


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("The station admin has set a temporary password for you. "
                                  "Choose your own password now."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for name, edit in (("current", self.current), ("new", self.new), ("repeat", self.repeat)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        layout.addLayout(form)
        self.message = FormMessage()
        layout.addWidget(self.message)
        layout.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        fields = {"current_password": self.current, "new_password": self.new, "repeat": self.repeat}
        clear_problems(self.message, fields)
        if self.new.text() != self.repeat.text():
            self.message.show_problem(self.tr("The two new passwords are not the same. Type them again."))
            self.repeat.setFocus()
            return
        try:
            with self.db.unit_of_work(self.actor) as uow:
                accounts.change_own_password(uow, current_password=self.current.text(),
                                             new_password=self.new.text())
        except Exception as exc:
            report(exc, message=self.message, fields=fields, parent=self)
            return
        self.accept()
