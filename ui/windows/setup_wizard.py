"""First run: choose the village this PC serves and create the station admin's account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.domain.roles import Role
from desktop.services import accounts, station
from ui.forms import FormMessage, clear_problems
from ui.operations import Form, Place, write
from ui.regions_picker import VillagePicker, choose_region_file, import_region_file


class VillagePage(QWizardPage):
    def __init__(self, place: Place) -> None:
        super().__init__()
        self.place = place
        self.setTitle(self.tr("Which village does this station serve?"))
        self.setSubTitle(self.tr("Choose the county, township and village or community. If yours is not in "
                                 "the list, import the region list (a CSV file) the city office sent."))
        layout = QVBoxLayout(self)
        self.picker = VillagePicker(place)
        self.picker.village_changed.connect(lambda *_: self.completeChanged.emit())
        layout.addWidget(self.picker)
        self.import_button = QPushButton(self.tr("Import region list (CSV)…"))
        self.import_button.clicked.connect(self._choose_file)
        layout.addWidget(self.import_button)
        self.message = FormMessage()
        layout.addWidget(self.message)

    def _choose_file(self) -> None:
        path = choose_region_file(self)
        if path:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        import_region_file(self, self.place, path=path, message=self.message, done=self._imported)

    def _imported(self, _result) -> None:
        self.picker.reload()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.picker.village_code())


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The station admin"))
        self.setSubTitle(self.tr("The station admin (站长) sets up the station and the accounts of the "
                                 "other people who use this PC."))
        form = QFormLayout(self)
        self.display_name = QLineEdit(objectName="displayName")
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.repeat = QLineEdit(objectName="repeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("User name (for signing in)"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        self.message = FormMessage()
        form.addRow(self.message)
        hint = QLabel(self.tr("Write the password down and keep it safe: it cannot be read back."))
        hint.setWordWrap(True)
        form.addRow(hint)

    @property
    def fields(self):
        return {"display_name": self.display_name, "username": self.username, "password": self.password,
                "repeat": self.repeat}


class SetupWizard(QWizard):
    station_ready = Signal()

    def __init__(self, place: Place, *, admin_only: bool = False) -> None:
        """``admin_only``: the station already knows its village (enrolled from the command line)."""
        super().__init__()
        self.place = place
        self.admin_only = admin_only
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up Village Station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.village_page = VillagePage(place)
        self.admin_page = AdminPage()
        if not admin_only:
            self.addPage(self.village_page)
        self.addPage(self.admin_page)
        self.resize(640, 480)

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.admin_page:
            return super().validateCurrentPage()
        page = self.admin_page
        clear_problems(page.message, page.fields)
        if page.password.text() != page.repeat.text():
            page.message.show_problem(self.tr("The two passwords are not the same. Type them again."))
            page.repeat.setFocus()
            return False
        if self._set_up:
            return True
        username, name, password = page.username.text(), page.display_name.text(), page.password.text()
        village_code, admin_only = self.village_page.picker.village_code() or "", self.admin_only

        def work(uow) -> None:
            if admin_only:
                accounts.add_user(uow, username=username, display_name=name, role=Role.ADMIN, password=password)
            else:
                station.set_up_station(uow, village_code=village_code, admin_username=username, admin_name=name,
                                       admin_password=password)

        # The wizard asks before it may finish; the answer comes from the operation, which finishes it.
        write(self.place, self, work, form=Form(page.message, page.fields), done=self._finished)
        return False

    _set_up = False

    def _finished(self, _result: None) -> None:
        self._set_up = True
        self.accept()

    def accept(self) -> None:
        super().accept()
        # QWizard.done() refuses to close when validateCurrentPage() fails; only a real finish sets up.
        if self.result() == QWizard.DialogCode.Accepted:
            self.station_ready.emit()
