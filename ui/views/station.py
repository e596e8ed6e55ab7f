"""The station area: the village profile the station shares with the city."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
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
from ui.forms import FormMessage, clear_problems, heading, save_below, scrolling_form
from ui.i18n import translate
from ui.operations import Form, read, write
from ui.table import display
from ui.views import LoadsWhenShown


class ProfileView(LoadsWhenShown, QWidget):
    shows = frozenset({"village_profile", "station", "regions"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("profileView")
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Station")))
        layout, below = scrolling_form(self, layout=outer, stretch=0)  # Save stays in sight below it

        place_box = QGroupBox(self.tr("Where"))
        self.place_form = QFormLayout(place_box)  # filled when the station is read
        layout.addRow(place_box)

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
        layout.addRow(box)
        self.message = FormMessage()
        self.save_button = QPushButton(self.tr("Save"), objectName="save")
        self.revert_button = QPushButton(self.tr("Undo changes"), objectName="revert")
        save_below(below, self.message, self.revert_button, self.save_button)

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
        self._shown = self._texts()  # nothing yet: the first read fills the form
        self.follow_changes(context)

    def _texts(self) -> dict[str, str]:
        return {name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
                for name, edit in self.fields.items()}

    @property
    def fields(self):
        return {"station_name": self.station_name, "contact_name": self.contact_name,
                "contact_phone": self.contact_phone, "address": self.address,
                "office_hours": self.office_hours, "notes": self.notes}

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show what a sync (or another change) brought in, unless someone is in the middle of typing here."""
        self._read(keep_typing=True)

    def load(self) -> None:
        """Show the saved profile again, over anything typed ("Undo changes")."""
        self._read(keep_typing=False)

    def _read(self, *, keep_typing: bool) -> None:
        read(self.context, self, lambda uow: (station.station_info(uow), station.village_profile(uow)),
             done=lambda answer: self._arrived(*answer, keep_typing=keep_typing))

    def _arrived(self, info: station.StationInfo, profile: station.ProfileInfo, *, keep_typing: bool) -> None:
        self._show_place(info)
        if keep_typing:
            if self._texts() != self._shown:
                return  # what is being typed is kept, and nothing moves under the typist's hands
            if _profile_texts(profile) == self._shown:
                self._show_changed(profile)  # nothing new to show: what was said (e.g. "Saved.") stays
                return
        self._show(profile)
        clear_problems(self.message, self.fields)

    def _show_place(self, info: station.StationInfo) -> None:
        while self.place_form.rowCount():
            self.place_form.removeRow(0)
        for region in info.path:
            self.place_form.addRow(translate("desktop", region.level.label),
                                   QLabel(f"{region.name}（{region.code}）"))

    def _show(self, profile: station.ProfileInfo) -> None:
        self.station_name.setText(profile.station_name)
        self.contact_name.setText(profile.contact_name)
        self.contact_phone.setText(profile.contact_phone)
        self.address.setText(profile.address)
        self.office_hours.setText(profile.office_hours)
        self.notes.setPlainText(profile.notes)
        self._shown = self._texts()
        self._show_changed(profile)

    def _show_changed(self, profile: station.ProfileInfo) -> None:
        self.changed_label.setText(self.tr("Last changed {when} by {who}").format(
            when=display(profile.updated_at), who=profile.updated_by_name or "—"))

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        typed = self._texts()
        write(self.context, self, lambda uow: station.update_village_profile(uow, **typed),
              form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, profile: station.ProfileInfo) -> None:
        self._show(profile)
        self.message.show_done(self.tr("Saved."))


def _profile_texts(profile: station.ProfileInfo) -> dict[str, str]:
    """A profile as the form's texts, to tell whether a read brought anything new."""
    return {"station_name": profile.station_name, "contact_name": profile.contact_name,
            "contact_phone": profile.contact_phone, "address": profile.address,
            "office_hours": profile.office_hours, "notes": profile.notes}
