"""The accounts area (admin): who may use this PC, in which role; adding people and resetting passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Role
from desktop.services import accounts
from desktop.services.accounts import UserInfo
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, heading, save_cancel_buttons
from ui.i18n import translate
from ui.operations import Form, read, write
from ui.table import Column, RecordTableModel, select_by_id, selected_object, sortable_table
from ui.views import LoadsWhenShown


def role_name(role: Role) -> str:
    return translate("desktop", role.label)


class UserDialog(QDialog):
    """Add a person, or change an existing account's name, role or whether it may sign in."""

    def __init__(self, context: AppContext, user: UserInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.user = context, user
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("Add a person") if user is None else self.tr("Change account"))
        form = QFormLayout(self)
        self.display_name = QLineEdit(objectName="displayName")
        self.username = QLineEdit(objectName="username")
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox(self.tr("May sign in"), objectName="active")
        self.active.setChecked(True)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Role"), self.role)
        if user is None:
            form.addRow(self.tr("Temporary password"), self.password)
            hint = QLabel(self.tr("The person chooses their own password the first time they sign in."))
            hint.setWordWrap(True)
            form.addRow(hint)
        else:
            self.display_name.setText(user.display_name)
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.active.setChecked(user.active)
            form.addRow("", self.active)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    @property
    def fields(self):
        return {"display_name": self.display_name, "username": self.username, "role": self.role,
                "password": self.password}

    def save(self) -> None:
        user, role = self.user, Role(self.role.currentData())
        username, display_name, password = self.username.text(), self.display_name.text(), self.password.text()
        active = self.active.isChecked()

        def work(uow) -> None:
            if user is None:
                accounts.add_user(uow, username=username, display_name=display_name, role=role, password=password,
                                  must_change_password=True)
            else:
                accounts.update_user(uow, user_id=user.id, display_name=display_name, role=role, active=active)

        write(self.context, self, work, form=Form(self.message, self.fields), done=lambda _result: self.accept())


class ResetPasswordDialog(QDialog):
    def __init__(self, context: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.user = context, user
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Set a temporary password for {name}. They will choose their own the next "
                               "time they sign in.").format(name=user.display_name))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Temporary password"), self.password)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        user_id, password = self.user.id, self.password.text()
        write(self.context, self, lambda uow: accounts.reset_password(uow, user_id=user_id, new_password=password),
              form=Form(self.message, {"password": self.password}), done=lambda _result: self.accept())


class UsersView(LoadsWhenShown, QWidget):
    shows = frozenset({"users"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("usersView")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Accounts")))
        self.model = RecordTableModel([
            Column(self.tr("Name"), lambda u: u.display_name),
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Role"), lambda u: role_name(u.role)),
            Column(self.tr("May sign in"), lambda u: self.tr("Yes") if u.active else self.tr("No")),
            Column(self.tr("Last signed in"), lambda u: u.last_sign_in_at),
        ], row_id=lambda u: u.id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="usersTable", parent=self)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a person…"), objectName="addUser")
        self.edit_button = QPushButton(self.tr("Change…"), objectName="editUser")
        self.reset_button = QPushButton(self.tr("Reset password…"), objectName="resetPassword")
        for button in (self.add_button, self.edit_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.follow_changes(context)

    def reload(self) -> None:
        read(self.context, self, accounts.list_users, done=self._show)

    def _show(self, rows: list[UserInfo]) -> None:
        current = self.selected()  # kept through the reload
        self.model.set_rows(rows)
        if current is not None:
            select_by_id(self.table, current.id)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        return selected_object(self.table)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.reset_button.setEnabled(has)

    # -- actions: a saved dialog's change to the accounts reloads the list by itself (``shows``) ----------

    def add(self) -> QDialog:
        return open_dialog(UserDialog(self.context, None, self))

    def edit_selected(self) -> QDialog | None:
        user = self.selected()
        return open_dialog(UserDialog(self.context, user, self)) if user else None

    def reset_selected(self) -> QDialog | None:
        user = self.selected()
        return open_dialog(ResetPasswordDialog(self.context, user, self)) if user else None
