"""The main window: the areas on the left, the chosen area on the right, who and where in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.domain.roles import Permission
from desktop.services import accounts, station
from resources import resource_path
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.forms import FormMessage, clear_problems, report
from ui.i18n import translate
from ui.operations import read, write
from ui.windows.password import ChangePasswordDialog

# What the status bar's sync line counts: changes waiting to go, records held or set aside, conflicts.
SYNC_STATUS_TABLES = frozenset({"outbox", "sync_state", "sync_held", "sync_set_aside", "sync_not_applied",
                                "conflicts"})


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    icon: str
    permission: Permission
    build: Callable[[AppContext], QWidget]


class LockScreen(QWidget):
    """Covers everything while the station is locked; only the person who was signed in can unlock."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("lockScreen")
        outer = QVBoxLayout(self)
        outer.addStretch()
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch()
        self.password = QLineEdit(objectName="unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMinimumWidth(260)
        row.addWidget(self.password)
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock")
        row.addWidget(self.unlock_button)
        self.switch_button = QPushButton(self.tr("Switch user"), objectName="switchUser")
        row.addWidget(self.switch_button)
        row.addStretch()
        outer.addLayout(row)
        self.message = FormMessage()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.message)
        outer.addStretch()
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self.switch_user)

    def prepare(self) -> None:
        actor = self.window_.context.actor
        self.title.setText(self.tr("The station is locked. {name}, enter your password to go on.").format(
            name=actor.display_name))
        self.password.clear()
        clear_problems(self.message, {})
        self.password.setFocus()

    def try_unlock(self) -> None:
        context = self.window_.context
        username, password = context.actor.username, self.password.text()
        clear_problems(self.message, {"password": self.password})
        write(context, self, lambda uow: accounts.sign_in(uow, username=username, password=password,
                                                          only_password=True),
              done=self._unlocked, failed=self._refused)

    def switch_user(self) -> None:
        """Give the PC to someone else; a window left open with typing in it is named first, and the person may
        go back (unlock and save it) instead of losing it."""
        open_windows = self.window_.forms_left_open()
        if open_windows and not confirm(self, self.tr("Switch user"), self.tr(
                "{name} left {windows} open, and what was typed there has not been saved. Switching user closes "
                "it and the typing is lost. To keep it, choose Cancel, unlock with the password and save it first.")
                .format(name=self.window_.context.actor.display_name,
                        windows="、".join(f"“{title}”" for title in open_windows)),
                action=self.tr("Switch user and lose it")):
            self.password.setFocus()
            return
        self.window_.context.shell.switch_user()

    def _unlocked(self, _actor) -> None:
        self.password.clear()
        self.window_.unlock()

    def _refused(self, error: BaseException) -> None:
        self.password.selectAll()
        report(error, message=self.message, fields={"password": self.password}, parent=self)


def takes_typing(dialog: QWidget) -> bool:
    """Whether something can be typed in ``dialog``: a text box, a number or a date that is not read-only."""
    return any(not field.isReadOnly() and field.isEnabled()
               for kind in (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
               for field in dialog.findChildren(kind))


class StatusText(QLabel):
    """A piece of the status bar that gives way when the window is narrow: cut short with "…", whole in its
    tooltip; ``text()`` is always the whole."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self._whole = ""

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._whole = text
        self.setToolTip(text)
        self._fit()
        self.updateGeometry()

    def text(self) -> str:  # type: ignore[override]
        return self._whole

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # of the text shown, which may be cut short
        metrics = self.fontMetrics()
        return QSize(hint.width() + metrics.horizontalAdvance(self._whole)
                     - metrics.horizontalAdvance(super().text()), hint.height())

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        least = self.fontMetrics().horizontalAdvance(self._whole[:2] + "…") + margins.left() + margins.right()
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, self.contentsRect().width())
        super().setText(shown)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.locked = False
        self._hidden_dialogs: list[QWidget] = []
        self.setWindowTitle(self.tr("Village Station"))

        self.pages = QStackedWidget()
        workspace = QWidget()
        layout = QHBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(objectName="navigation")
        self.views = QStackedWidget(objectName="views")
        self.areas = [area for area in self._all_areas() if context.can(area.permission)]
        self.view_by_key: dict[str, QWidget] = {}
        for area in self.areas:
            item = QListWidgetItem(QIcon(str(resource_path("icons", area.icon))), area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.navigation.addItem(item)
            view = area.build(context)
            self.view_by_key[area.key] = view
            self.views.addWidget(view)
        self.navigation.currentRowChanged.connect(self.views.setCurrentIndex)
        layout.addWidget(self.navigation)
        layout.addWidget(self.views, 1)
        self.lock_screen = LockScreen(self)
        self.pages.addWidget(workspace)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)
        self.navigation.setCurrentRow(0)
        self._size_navigation()

        self._build_menus()
        self._build_status_bar()
        self.resize(1280, 800)  # on a smaller screen the window opens maximised (ui/dialogs.py, place_window)

    def _size_navigation(self) -> None:
        """As wide as its longest name at the text size chosen (the style sheet sizes its text), no wider."""
        self.navigation.ensurePolished()
        side = round(self.navigation.fontMetrics().height() * 1.4)  # 28 px beside the default text
        self.navigation.setIconSize(QSize(side, side))
        scroll_bar = self.navigation.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth()
                                      + scroll_bar)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The area chosen before the window had its size (a window rebuilt for a new text size) is scrolled
        # into the navigation's sight once the navigation has its height, when the showing has been laid out.
        QTimer.singleShot(0, self, self._navigation_to_current)

    def _navigation_to_current(self) -> None:
        self.navigation.scrollToItem(self.navigation.currentItem())

    def current_area(self) -> str:
        """The key of the area on screen."""
        return self.areas[max(self.navigation.currentRow(), 0)].key

    def _all_areas(self) -> list[Area]:
        from ui.views.accounts import UsersView
        from ui.views.activities import ActivitiesView
        from ui.views.audit import AuditView
        from ui.views.good_people import GoodPeopleView
        from ui.views.hours import HoursView
        from ui.views.households import HouseholdsView
        from ui.views.hut import HutView
        from ui.views.settings import SettingsView
        from ui.views.sponsorships import SponsorshipsView
        from ui.views.station import ProfileView
        from ui.views.sync import SyncView
        from ui.views.teams import TeamsView
        from ui.views.volunteers import VolunteersView
        from ui.views.wishes import WishBoardView, WishesView
        return [
            Area("station", self.tr("Station"), "station.svg", Permission.VIEW_DATA, ProfileView),
            Area("volunteers", self.tr("Volunteers"), "volunteers.svg", Permission.VIEW_DATA, VolunteersView),
            Area("teams", self.tr("Volunteer teams"), "teams.svg", Permission.VIEW_DATA, TeamsView),
            Area("activities", self.tr("Activities"), "activities.svg", Permission.VIEW_DATA, ActivitiesView),
            Area("hours", self.tr("Service hours"), "hours.svg", Permission.VIEW_DATA, HoursView),
            Area("good_people", self.tr("Good people"), "good_people.svg", Permission.VIEW_DATA, GoodPeopleView),
            Area("households", self.tr("Households"), "households.svg", Permission.VIEW_DATA, HouseholdsView),
            Area("sponsorships", self.tr("Sponsorships"), "sponsorships.svg", Permission.VIEW_DATA, SponsorshipsView),
            Area("wishes", self.tr("Micro-wishes"), "wishes.svg", Permission.VIEW_DATA, WishesView),
            Area("wish_board", self.tr("Wish board"), "wish_board.svg", Permission.VIEW_DATA, WishBoardView),
            Area("hut", self.tr("Love hut"), "hut.svg", Permission.VIEW_DATA, HutView),
            Area("users", self.tr("Accounts"), "users.svg", Permission.MANAGE_USERS, UsersView),
            Area("audit", self.tr("Audit log"), "audit.svg", Permission.VIEW_AUDIT, AuditView),
            Area("sync", self.tr("Sync"), "sync.svg", Permission.VIEW_DATA, SyncView),
            Area("settings", self.tr("Settings"), "settings.svg", Permission.MANAGE_STATION, SettingsView),
        ]

    def show_area(self, key: str) -> QWidget:
        keys = [area.key for area in self.areas]
        self.navigation.setCurrentRow(keys.index(key))
        return self.view_by_key[key]

    def _build_menus(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        change = QAction(self.tr("Change my password…"), self)
        change.triggered.connect(self._change_password)
        lock = QAction(self.tr("Lock now"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.context.shell.lock)
        sync_now = QAction(self.tr("Sync now"), self)
        sync_now.setShortcut(QKeySequence("F5"))
        sync_now.triggered.connect(lambda: self.context.sync.sync_now(parent=self, actor=self.context.actor))
        account.addAction(sync_now)
        switch = QAction(self.tr("Switch user"), self)
        switch.triggered.connect(self.context.shell.switch_user)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(QApplication.instance().quit)
        for action in (change, lock, switch):
            account.addAction(action)
        account.addSeparator()
        account.addAction(quit_action)
        self.lock_action = lock
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About Village Station"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        actor = self.context.actor
        # Each item set apart by a line; each gives way (cut short, whole in its tooltip) on a narrow window
        # rather than widen it.
        self.user_label = StatusText("statusUser")
        self.user_label.setText(self.tr("Signed in: {name} ({role})").format(
            name=actor.display_name, role=translate("desktop", actor.role.label)))
        self.place_label = StatusText("statusPlace")
        self.sync_label = StatusText("statusSync")
        for label in (self.sync_label, self.user_label, self.place_label):
            line = QFrame(objectName="statusSeparator")
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.statusBar().addPermanentWidget(line)
            self.statusBar().addPermanentWidget(label)
        scheduler = self.context.sync
        # Bound methods, not lambdas: Qt drops them when this window goes (sign-out, a rebuilt window).
        scheduler.started.connect(self._sync_started)
        scheduler.progressed.connect(self._sync_progressed)
        scheduler.finished.connect(self._sync_ended)
        scheduler.failed.connect(self._sync_ended)
        self.context.changes.changed.connect(self._changes_seen)
        # Changes waiting grow as people save; a cheap count twice a minute keeps the line honest.
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(30_000)
        self._sync_timer.timeout.connect(self.refresh_sync_status)
        self._sync_timer.start()
        self.refresh_sync_status()
        self.refresh_station()
        if self.context.demo:
            self.statusBar().showMessage(self.tr("Demo data — nothing here is real."))

    def _sync_started(self) -> None:
        self.sync_label.setText(self.tr("Syncing…"))

    def _sync_progressed(self, _done: int, _total: int, text: str) -> None:
        self.sync_label.setText(text)

    def _sync_ended(self, _result_or_error: object) -> None:
        self.refresh_sync_status()

    def _changes_seen(self, tables: frozenset[str]) -> None:
        if tables & SYNC_STATUS_TABLES:
            self.refresh_sync_status()
        if tables & {"village_profile", "station", "regions"}:
            self.refresh_station()

    def refresh_station(self) -> None:
        """The window's title and the status bar's place, read in the background."""
        read(self.context, self, station.station_info, done=self._show_station)

    def _show_station(self, info) -> None:
        self.setWindowTitle(self.tr("Village Station — {place}").format(place=info.place))
        self.place_label.setText(info.place)

    def refresh_sync_status(self) -> None:
        from desktop.services import sync as sync_service

        if self.context.sync.running:
            return
        read(self.context, self, sync_service.sync_status, done=self._show_sync_status)

    def _show_sync_status(self, status) -> None:
        from ui.views.sync import status_line

        if self.context.sync.running:
            return
        self.sync_label.setText(status_line(status))
        self.sync_label.setProperty("problem", status.last_sync_ok is False or status.clock_warning)
        self.sync_label.style().unpolish(self.sync_label)
        self.sync_label.style().polish(self.sync_label)

    def _change_password(self) -> None:
        open_dialog(ChangePasswordDialog(self.context, self))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Village Station"), self.tr(
            "Village Station {version}\nVolunteer and love-hut records for Baicheng's village stations.\n"
            "Data folder: {folder}").format(version=desktop.__version__, folder=self.context.folder.root))

    # -- locking -------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide every piece of data: the areas, the menus, and any open dialog (kept, not closed)."""
        self.locked = True
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and isinstance(w, QDialog)]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self.menuBar().setEnabled(False)
        self.lock_screen.prepare()
        self.pages.setCurrentWidget(self.lock_screen)

    def forms_left_open(self) -> list[str]:
        """The titles of the forms the lock hid: dialogs where something can be typed, whose typing switching
        user would lose (a message, a report or a task's progress holds nothing typed)."""
        return [dialog.windowTitle() for dialog in self._hidden_dialogs
                if shiboken6.isValid(dialog) and takes_typing(dialog)]

    def unlock(self) -> None:
        self.locked = False
        self.pages.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for dialog in self._hidden_dialogs:
            if shiboken6.isValid(dialog):  # a task's progress dialog is deleted when it ends while locked
                dialog.show()
        self._hidden_dialogs = []
        self.context.shell.unlocked()
