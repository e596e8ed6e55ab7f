"""The station area: the village profile the station shares with the city."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.services import station
from ui.context import AppContext
from ui.forms import FormMessage, clear_problems, heading, report
from ui.table import display


class ProfileView(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("profileView")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Station")))

        with context.db.reading(context.actor) as uow:
            info = station.station_info(uow)
        place_box = QGroupBox(self.tr("Where"))
        place_form = QFormLayout(place_box)
        for region in info.path:
            place_form.addRow(self._level_label(region.level.label), QLabel(f"{region.name}（{region.code}）"))
        layout.addWidget(place_box)

        box = QGroupBox(self.tr("Village profile (shared with the city)"))
        form = QFormLayout(box)
        self.station_name = QLineEdit(objectName="stationName")
        self.contact_name = QLineEdit(objectName="contactName")
        self.contact_phone = QLineEdit(objectName="contactPhone")
        self.address = QLineEdit(objectName="address")
        self.office_hours = QLineEdit(objectName="officeHours")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Contact person"), self.contact_name)
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Office hours"), self.office_hours)
        form.addRow(self.tr("Notes"), self.notes)
        self.changed_label = QLabel(objectName="changedBy")
        form.addRow(self.changed_label)
        self.message = FormMessage()
        form.addRow(self.message)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.save_button = QPushButton(self.tr("Save"), objectName="save")
        self.revert_button = QPushButton(self.tr("Undo changes"), objectName="revert")
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch()

        editable = context.can(Permission.EDIT_VILLAGE_PROFILE)
        for edit in self.fields.values():
            edit.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        if editable:  # Enter saves, for those who may save
            for edit in (self.station_name, self.contact_name, self.contact_phone, self.address, self.office_hours):
                edit.returnPressed.connect(self.save)
        self._shown: dict[str, str] = {}
        context.app.sync.records_changed.connect(self.refresh_if_untouched)
        self.load()

    def _texts(self) -> dict[str, str]:
        return {name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
                for name, edit in self.fields.items()}

    def refresh_if_untouched(self) -> None:
        """Show what a sync brought in, unless someone is in the middle of typing here."""
        if self._texts() == self._shown:
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_if_untouched()

    def _level_label(self, source: str) -> str:
        from ui.i18n import translate
        return translate("desktop", source)

    @property
    def fields(self):
        return {"station_name": self.station_name, "contact_name": self.contact_name,
                "contact_phone": self.contact_phone, "address": self.address,
                "office_hours": self.office_hours, "notes": self.notes}

    def load(self) -> None:
        with self.context.db.reading(self.context.actor) as uow:
            profile = station.village_profile(uow)
        self._show(profile)
        clear_problems(self.message, self.fields)

    def _show(self, profile: station.ProfileInfo) -> None:
        self.station_name.setText(profile.station_name)
        self.contact_name.setText(profile.contact_name)
        self.contact_phone.setText(profile.contact_phone)
        self.address.setText(profile.address)
        self.office_hours.setText(profile.office_hours)
        self.notes.setPlainText(profile.notes)
        self._shown = self._texts()
        self.changed_label.setText(self.tr("Last changed {when} by {who}").format(
            when=display(profile.updated_at), who=profile.updated_by_name or "—"))

    def save(self) -> None:
        clear_problems(self.message, self.fields)
        try:
            with self.context.db.unit_of_work(self.context.actor) as uow:
                profile = station.update_village_profile(
                    uow, station_name=self.station_name.text(), contact_name=self.contact_name.text(),
                    contact_phone=self.contact_phone.text(), address=self.address.text(),
                    office_hours=self.office_hours.text(), notes=self.notes.toPlainText())
        except Exception as exc:
            report(exc, message=self.message, fields=self.fields, parent=self)
            return
        self._show(profile)
        self.message.show_done(self.tr("Saved."))
