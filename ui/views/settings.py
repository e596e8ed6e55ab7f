"""The settings area (admin): interface and locking, the region list, and backups."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.labels import code_label
from desktop.domain.regions import Level, Region
from desktop.domain.settings import (
    LANGUAGE_NAMES,
    LANGUAGES,
    RANGES,
    SETTING_LABELS,
    STAR_THRESHOLD_RANGE,
    TEXT_SIZES,
    Settings,
)
from desktop.services import backups, regions
from desktop.services import settings as settings_service
from desktop.storage.backup import BackupInfo
from ui import dialogs
from ui.context import AppContext
from ui.errors import show_error
from ui.files import choose_open_path
from ui.forms import FormMessage, heading, save_below, scrolling_form
from ui.i18n import translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import stars
from ui.regions_picker import choose_region_file, import_region_file
from ui.table import Column, RecordTableModel, display, record_table, selected_object
from ui.views import LoadsWhenShown


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} KB"


def save_settings(tab: QWidget, message: FormMessage, fields: dict[str, QWidget], *, done: str, **changes) -> None:
    """Save the station's settings with ``changes`` and say ``done``; a refusal is shown beside ``fields``."""
    context: AppContext = tab.context  # type: ignore[attr-defined]
    wanted = replace(context.settings, **changes)

    def saved(result: Settings) -> None:
        message.show_done(done)
        context.shell.settings_changed(result)  # last: a new language rebuilds the window, this tab with it

    write(context, tab, lambda uow: settings_service.save_settings(uow, settings=wanted),
          form=Form(message, fields), done=saved)


def setting_name(key: str) -> str:
    """What a setting is called, here as in the audit log: one name per setting."""
    return translate("desktop", SETTING_LABELS[key])


class GeneralTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        form, below = scrolling_form(self, stretch=0)  # Save stays in sight below it
        self.language = QComboBox(objectName="language")
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[language], language)
        # The sizes by name, each shown in its own size in the list.
        self.font_size = QComboBox(objectName="fontSize")
        for points, name in TEXT_SIZES.items():
            self.font_size.addItem(translate("desktop", name), points)
            sample = QFont(self.font())
            sample.setPointSize(points)
            self.font_size.setItemData(self.font_size.count() - 1, sample, Qt.ItemDataRole.FontRole)
        self.idle = QSpinBox(objectName="idleMinutes")
        self.idle.setRange(*RANGES["idle_lock_minutes"])
        self.idle.setSuffix(self.tr(" min"))
        self.keep = QSpinBox(objectName="backupsToKeep")
        self.keep.setRange(*RANGES["backups_to_keep"])
        form.addRow(setting_name("language"), self.language)
        form.addRow(setting_name("font_size"), self.font_size)
        form.addRow(setting_name("idle_lock_minutes"), self.idle)
        form.addRow(setting_name("backups_to_keep"), self.keep)
        self.message = FormMessage()
        self.save_button = QPushButton(self.tr("Save"), objectName="saveSettings")
        save_below(below, self.message, self.save_button)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        current = self.context.settings
        self.language.setCurrentIndex(self.language.findData(current.language))
        self.font_size.setCurrentIndex(max(self.font_size.findData(current.font_size), 0))
        self.idle.setValue(current.idle_lock_minutes)
        self.keep.setValue(current.backups_to_keep)

    def save(self) -> None:
        fields = {"language": self.language, "font_size": self.font_size, "idle_lock_minutes": self.idle,
                  "backups_to_keep": self.keep}
        save_settings(self, self.message, fields, done=self.tr("Saved."), language=self.language.currentData(),
                      font_size=self.font_size.currentData(), idle_lock_minutes=self.idle.value(),
                      backups_to_keep=self.keep.value())


class ProgrammeTab(QWidget):
    """The volunteer programme's rules: star levels, the honour-hours cap, certificates, public notices, the
    micro-wishes' value cap and the days a claim holds a wish, when a sponsorship is overdue for a visit, and what a
    household point is worth and earns."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        form, below = scrolling_form(self, stretch=0)  # Save stays in sight below it
        self.star_row = star_row = FlowLayout()  # five levels wrap onto a second line when the window is narrow
        self.stars: list[QSpinBox] = []
        for number in range(1, 6):
            box = QSpinBox(objectName=f"starThreshold{number}")
            box.setRange(*STAR_THRESHOLD_RANGE)
            box.setSuffix(self.tr(" h"))
            box.setToolTip(self.tr("Hours of service for this many stars"))
            star_row.addWidget(pair(QLabel(stars(number)), box))
            self.stars.append(box)
        form.addRow(setting_name("star_thresholds"), star_row)
        self.honour_cap = QSpinBox(objectName="honourHoursCap")
        self.honour_cap.setRange(*RANGES["honour_hours_cap"])
        self.honour_cap.setSuffix(self.tr(" h"))
        form.addRow(setting_name("honour_hours_cap"), self.honour_cap)
        self.mask_id = QCheckBox(setting_name("certificate_masks_id"), objectName="certificateMasksId")
        form.addRow(self.mask_id)
        self.notice_days = QSpinBox(objectName="noticeDays")
        self.notice_days.setRange(*RANGES["notice_days"])
        self.notice_days.setSuffix(self.tr(" days"))
        form.addRow(setting_name("notice_days"), self.notice_days)
        self.wish_cap = QSpinBox(objectName="wishValueCap")
        self.wish_cap.setRange(*RANGES["wish_value_cap"])
        self.wish_cap.setPrefix("¥")
        form.addRow(setting_name("wish_value_cap"), self.wish_cap)
        self.hold_days = QSpinBox(objectName="wishHoldDays")
        self.hold_days.setRange(*RANGES["wish_hold_days"])
        self.hold_days.setSuffix(self.tr(" days"))
        form.addRow(setting_name("wish_hold_days"), self.hold_days)
        self.visit_days = QSpinBox(objectName="visitOverdueDays")
        self.visit_days.setRange(*RANGES["visit_overdue_days"])
        self.visit_days.setSuffix(self.tr(" days"))
        form.addRow(setting_name("visit_overdue_days"), self.visit_days)
        self.expiry_days = QSpinBox(objectName="expiryWarningDays")
        self.expiry_days.setRange(*RANGES["expiry_warning_days"])
        self.expiry_days.setSuffix(self.tr(" days"))
        form.addRow(setting_name("expiry_warning_days"), self.expiry_days)
        self.point_value = QDoubleSpinBox(objectName="pointValue")
        self.point_value.setDecimals(2)
        self.point_value.setRange(*RANGES["point_value"])
        self.point_value.setPrefix("¥")
        form.addRow(setting_name("point_value"), self.point_value)
        self.points_per_hour = QSpinBox(objectName="pointsPerHour")
        self.points_per_hour.setRange(*RANGES["points_per_hour"])
        form.addRow(setting_name("points_per_hour"), self.points_per_hour)
        self.message = FormMessage()
        self.save_button = QPushButton(self.tr("Save"), objectName="saveProgrammeSettings")
        save_below(below, self.message, self.save_button)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        current = self.context.settings
        for box, hours in zip(self.stars, current.star_thresholds, strict=True):
            box.setValue(hours)
        self.honour_cap.setValue(current.honour_hours_cap)
        self.mask_id.setChecked(current.certificate_masks_id)
        self.notice_days.setValue(current.notice_days)
        self.wish_cap.setValue(current.wish_value_cap)
        self.hold_days.setValue(current.wish_hold_days)
        self.visit_days.setValue(current.visit_overdue_days)
        self.expiry_days.setValue(current.expiry_warning_days)
        self.point_value.setValue(current.point_value)
        self.points_per_hour.setValue(current.points_per_hour)

    def save(self) -> None:
        fields = {"star_thresholds": self.stars[0], "honour_hours_cap": self.honour_cap,
                  "notice_days": self.notice_days, "wish_value_cap": self.wish_cap, "wish_hold_days": self.hold_days,
                  "visit_overdue_days": self.visit_days, "expiry_warning_days": self.expiry_days,
                  "point_value": self.point_value, "points_per_hour": self.points_per_hour}
        save_settings(self, self.message, fields, done=self.tr("Saved."),
                      star_thresholds=tuple(box.value() for box in self.stars),
                      honour_hours_cap=self.honour_cap.value(), certificate_masks_id=self.mask_id.isChecked(),
                      notice_days=self.notice_days.value(), wish_value_cap=self.wish_cap.value(),
                      wish_hold_days=self.hold_days.value(), visit_overdue_days=self.visit_days.value(),
                      expiry_warning_days=self.expiry_days.value(), point_value=self.point_value.value(),
                      points_per_hour=self.points_per_hour.value())


class RegionsTab(LoadsWhenShown, QWidget):
    shows = frozenset({"regions"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = scrolling_part(QVBoxLayout(self))  # scrolls when the window is too low for it
        intro = QLabel(self.tr("The region list comes from the city office. To add townships and villages, "
                               "import the CSV file they sent (columns: code, name, level, parent code)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(objectName="regionTree")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Code"), self.tr("Level")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)
        self.message = FormMessage()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import region list (CSV)…"), objectName="importRegions")
        row.addWidget(self.import_button)
        row.addStretch()
        layout.addLayout(row)
        self.import_button.clicked.connect(self._choose_file)
        self.follow_changes(context)

    def reload(self) -> None:
        read(self.context, self, regions.all_regions, done=self._show)

    def _show(self, everything: list[Region]) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        order = {Level.CITY: 0, Level.COUNTY: 1, Level.TOWNSHIP: 2, Level.VILLAGE: 3, Level.COMMUNITY: 3}
        for region in sorted(everything, key=lambda r: (order[r.level], r.code)):
            item = QTreeWidgetItem([region.name, region.code, translate("desktop", region.level.label)])
            parent = items.get(region.parent_code or "")
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[region.code] = item
        self.tree.expandToDepth(1)

    def _choose_file(self) -> None:
        path = choose_region_file(self)
        if path:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Import a region CSV; the regions it adds show in the tree by the import's change event."""
        import_region_file(self, self.context, path=path, message=self.message)


class BackupsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = scrolling_part(QVBoxLayout(self))  # scrolls when the window is too low for it
        intro = QLabel(self.tr("The station backs itself up every day and before every upgrade. Backups are "
                               "kept in {folder}. Copy them to a USB stick now and then.").format(
            folder=context.folder.backups))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.model = RecordTableModel([
            Column(self.tr("Taken"), lambda b: b.taken_at),
            Column(self.tr("Why"),
                   lambda b: translate("desktop", code_label("backups", "reason", b.reason) or b.reason)),
            Column(self.tr("Size"), lambda b: size_text(b.size), align_right=True),
            Column(self.tr("File"), lambda b: b.path.name),
        ], row_id=lambda b: str(b.path), parent=self)
        self.table = record_table(self.model, name="backupsTable")
        layout.addWidget(self.table)
        self.message = FormMessage()
        layout.addWidget(self.message)
        row = FlowLayout()
        self.backup_button = QPushButton(self.tr("Back up now"), objectName="backupNow")
        self.restore_button = QPushButton(self.tr("Restore the chosen backup…"), objectName="restoreSelected")
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"), objectName="restoreFile")
        for button in (self.backup_button, self.restore_button, self.restore_file_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self._choose_file)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(backups.list_backups(self.context.folder))
        self.table.resizeColumnsToContents()

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        db, actor = self.context.db, self.context.actor

        def work(progress):
            return backups.backup_now(db, actor=actor, progress=lambda done, total: progress.report(done, total))

        def done(info: BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self.reload()
            self.message.show_done(self.tr("Backup saved: {file}").format(file=info.path.name))

        def failed(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            show_error(self, error)

        self.context.runner.run(work, title=self.tr("Backing up…"), parent=self, on_success=done,
                                on_error=failed, on_cancel=lambda: self.backup_button.setEnabled(True))

    def selected(self) -> BackupInfo | None:
        return selected_object(self.table)

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.show_problem(self.tr("Choose a backup in the list first."))
            return
        self.restore(chosen.path, display(chosen.taken_at))

    def _choose_file(self) -> None:
        path = choose_open_path(self, self.tr("Backup file"), self.tr("Station databases (*.db)"),
                                self.context.folder.backups)
        if path is not None:
            self.restore(path, path.name)

    def restore(self, path: Path, label: str) -> None:
        question = self.tr(
            "Restore the backup {label}? Everything entered after it was taken will no longer show. "
            "The current database is kept in {folder}, so nothing is thrown away. Everyone must sign in "
            "again afterwards.").format(label=label, folder=self.context.folder.set_aside)
        if not dialogs.confirm(self, self.tr("Restore a backup"), question, action=self.tr("Restore")):
            return
        try:
            self.context.shell.reopen_after_restore(path)
        except Exception as exc:
            show_error(self.window(), exc)


class SettingsView(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("settingsView")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.general = GeneralTab(context)
        self.programme = ProgrammeTab(context)
        self.regions = RegionsTab(context)
        self.backups = BackupsTab(context)
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.programme, self.tr("Volunteer programme"))
        self.tabs.addTab(self.regions, self.tr("Regions"))
        self.tabs.addTab(self.backups, self.tr("Backups"))
        layout.addWidget(self.tabs)
