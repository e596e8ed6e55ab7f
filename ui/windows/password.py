"""Changing one's own password (required after the admin has reset it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services import accounts
from ui.forms import FormMessage, clear_problems, save_cancel_buttons
from ui.operations import Form, Workplace, write


class ChangePasswordDialog(QDialog):
    def __init__(self, place: Workplace, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.place = place
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
        current, new = self.current.text(), self.new.text()
        write(self.place, self, lambda uow: accounts.change_own_password(uow, current_password=current,
                                                                         new_password=new),
              form=Form(self.message, fields), done=lambda _result: self.accept())
