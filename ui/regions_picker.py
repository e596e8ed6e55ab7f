"""Choosing a village (county → township → village/community) and importing the city's region list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.domain.regions import CITY, Region
from desktop.services import regions
from desktop.services.regions import RegionImport
from ui.errors import show_error
from ui.files import choose_open_path
from ui.forms import FormMessage, report
from ui.operations import Workplace, read, write
from ui.tasks import Task


def choose_region_file(parent: QWidget) -> Path | None:
    return choose_open_path(parent, QCoreApplication.translate("RegionImport", "Region list"),
                            QCoreApplication.translate("RegionImport", "CSV files (*.csv)"))


def import_region_file(parent: QWidget, place: Workplace, *, path: Path, message: FormMessage,
                       done: Callable[[RegionImport], None] | None = None) -> Task | None:
    """Import the city's region CSV as a write operation; the outcome goes to ``message``, every bad line
    under a box's details.  ``done(result)`` follows a good import (the tables it changed are announced
    as every write's are)."""
    message.clear()

    def work(uow) -> RegionImport:
        return regions.import_regions_csv(uow, data=path.read_bytes())

    def imported(result: RegionImport) -> None:
        message.show_done(QCoreApplication.translate(
            "RegionImport", "Regions added: {added}; renamed: {renamed}; unchanged: {unchanged}.").format(
            added=result.added, renamed=result.renamed, unchanged=result.unchanged))
        if done is not None:
            done(result)

    def failed(error: BaseException) -> None:
        if isinstance(error, OSError):
            message.show_problem(QCoreApplication.translate("RegionImport",
                                                            "The file {path} cannot be read: {reason}")
                                 .format(path=path, reason=error.strerror or error))
            return
        report(error, message=message, fields={}, parent=parent)
        if getattr(error, "rows", None):
            show_error(parent, error)

    return write(place, parent, work, done=imported, failed=failed)


class VillagePicker(QWidget):
    """Three choices, each of the one above it.  The regions are read by a read operation (``reload``);
    until they arrive the choices are empty, and a village asked for meanwhile is selected once they do."""

    village_changed = Signal(str)

    def __init__(self, place: Workplace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place = place
        self._children: dict[str, list[Region]] = {}
        self._loaded = False
        self._wanted: str | None = None  # asked for before the regions arrived
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

    def reload(self) -> Task:
        """Read the regions again (after an import), keeping the village chosen."""
        return read(self.place, self, regions.all_regions, done=self._arrived)

    def _arrived(self, everything: list[Region]) -> None:
        children: dict[str, list[Region]] = {}
        for region in everything:  # in code order
            if region.parent_code:
                children.setdefault(region.parent_code, []).append(region)
        self._children, self._loaded = children, True
        current, self._wanted = self._wanted or self.village_code(), None
        self._fill(self.county, CITY.code)
        self._county_changed()
        if current:
            self.select(current)

    def _fill(self, combo: QComboBox, parent_code: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for region in self._children.get(parent_code, []) if parent_code else []:
            combo.addItem(region.name, region.code)
        combo.setCurrentIndex(0 if combo.count() else -1)
        combo.blockSignals(False)

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
        if not self._loaded:
            self._wanted = village_code  # the regions are on their way
            return
        for combo, length in ((self.county, 6), (self.township, 9), (self.village, 12)):
            index = combo.findData(village_code[:length])
            if index >= 0:
                combo.setCurrentIndex(index)
