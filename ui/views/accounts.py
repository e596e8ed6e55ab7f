"""The accounts area (admin): who may use this PC, in which role; adding people and resetting passwords."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.domain.roles import Role
from desktop.services import accounts
from desktop.services.accounts import UserInfo
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, save_cancel_buttons
from ui.i18n import translate
from ui.operations import Form, write
from ui.table import Column
from ui.views.lists import ListArea


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
        # A new person's role is chosen, never taken as it stands: the first in the list is the station admin's.
        self.role.setPlaceholderText(self.tr("Choose a role"))
        self.role.setCurrentIndex(-1)
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
        user, role = self.user, self.role.currentData() or ""
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


class UsersView(ListArea):
    shows = frozenset({"users"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="usersView", title=self.tr("Accounts"), table_name="usersTable", columns=[
            Column(self.tr("Name"), lambda u: u.display_name, names=True),
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Role"), lambda u: role_name(u.role)),
            Column(self.tr("May sign in"), lambda u: self.tr("Yes") if u.active else self.tr("No")),
            Column(self.tr("Last signed in"), lambda u: u.last_sign_in_at),
        ])
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.add_person_button = self.add_button(self.tr("Add a person…"), "addUser", self.add)
        self.edit_button = self.add_button(self.tr("Change…"), "editUser", self.edit_selected)
        self.reset_button = self.add_button(self.tr("Reset password…"), "resetPassword", self.reset_selected)
        self.finish()

    def rows_loader(self) -> Callable[[UnitOfWork], list[UserInfo]]:
        return accounts.list_users

    def update_actions(self) -> None:
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
