"""Choosing a village (county → township → village/community) and importing the city's region list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.domain.actor import SYSTEM, Actor
from desktop.domain.regions import CITY
from desktop.services import regions
from desktop.services.regions import RegionImport
from desktop.storage.database import Database
from ui.errors import show_error
from ui.files import choose_open_path
from ui.forms import FormMessage, report


def choose_region_file(parent: QWidget) -> Path | None:
    return choose_open_path(parent, QCoreApplication.translate("RegionImport", "Region list"),
                            QCoreApplication.translate("RegionImport", "CSV files (*.csv)"))


def import_region_file(parent: QWidget, *, db: Database, actor: Actor, path: Path,
                       message: FormMessage) -> RegionImport | None:
    """Import the city's region CSV; the outcome goes to ``message``, every bad line under a box's details."""
    message.clear()
    try:
        data = path.read_bytes()
        with db.unit_of_work(actor) as uow:
            result = regions.import_regions_csv(uow, data=data)
    except OSError as exc:
        message.show_problem(QCoreApplication.translate("RegionImport", "The file {path} cannot be read: {reason}")
                             .format(path=path, reason=exc.strerror or exc))
        return None
    except Exception as exc:
        report(exc, message=message, fields={}, parent=parent)
        if getattr(exc, "rows", None):
            show_error(parent, exc)
        return None
    message.show_done(QCoreApplication.translate(
        "RegionImport", "{added} regions added, {renamed} renamed, {unchanged} unchanged.").format(
        added=result.added, renamed=result.renamed, unchanged=result.unchanged))
    return result


class VillagePicker(QWidget):
    village_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.county = QComboBox(objectName="county")
        self.township = QComboBox(objectName="township")
        self.village = QComboBox(objectName="village")
        layout.addRow(self.tr("County"), self.county)
        layout.addRow(self.tr("Township"), self.township)
        layout.addRow(self.tr("Village or community"), self.village)
        self.county.currentIndexChanged.connect(self._county_changed)
        self.township.currentIndexChanged.connect(self._township_changed)
        self.village.currentIndexChanged.connect(lambda *_: self.village_changed.emit(self.village_code() or ""))
        self.reload()

    def _fill(self, combo: QComboBox, parent_code: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        if parent_code:
            with self.db.reading(SYSTEM) as uow:
                for region in regions.children(uow, parent_code):
                    combo.addItem(region.name, region.code)
        combo.setCurrentIndex(0 if combo.count() else -1)
        combo.blockSignals(False)

    def reload(self) -> None:
        current = self.village_code()
        self._fill(self.county, CITY.code)
        self._county_changed()
        if current:
            self.select(current)

    def _county_changed(self, *_args) -> None:
        self._fill(self.township, self.county.currentData())
        self._township_changed()

    def _township_changed(self, *_args) -> None:
        self._fill(self.village, self.township.currentData())
        self.village_changed.emit(self.village_code() or "")

    def village_code(self) -> str | None:
        return self.village.currentData()

    def select(self, village_code: str) -> None:
        """Select a village by code (its county and township follow)."""
        for combo, length in ((self.county, 6), (self.township, 9), (self.village, 12)):
            index = combo.findData(village_code[:length])
            if index >= 0:
                combo.setCurrentIndex(index)
