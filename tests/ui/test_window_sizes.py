"""Every window, area and dialog fits a village PC's screen at the default and the largest text size.

The commonest screen in a village office is 1366×768; some are 1280×720. For each role, in Chinese at the
default and the largest text size, and in English (whose words are longer) at the largest:

- the main window can be made as small as a 1280×720 screen holds, and opens within a 1366×768 one;
- at that small size each area (each of its tabs too) shows its buttons inside the window, or in a part
  that scrolls, never squeezed on top of one another and never needing to scroll sideways;
- every dialog, message box and window of its own the app opens can be that small too, opens within the
  screen, centred, and is not squeezed.

``OPENERS`` says how to open each of them. ``test_every_dialog_and_window_is_in_the_table`` reads ui/ and
fails on a dialog, window or message box the table does not know, so a new one is held to the same sizes
without anyone remembering. The signed-in windows are shared by the tests of one language and text size.
"""

from __future__ import annotations

import ast
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from desktop.domain.actor import SYSTEM
from desktop.domain.settings import TEXT_SIZES, Settings
from desktop.errors import RowProblem, UserError
from desktop.paths import DataFolder
from desktop.services import activities, good_people, hours, household_excel, hut_points, volunteers
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from desktop.spreadsheets import ImportReport
from desktop.storage import backup as storage_backup
from ui import dialogs
from ui.app import StationApp
from ui.dialogs import open_dialog, place_window
from ui.i18n import install_language
from ui.operations import Place
from ui.startup import apply_font_size
from ui.tasks import TaskRunner
from ui.windows.main_window import MainWindow
from ui.windows.sign_in import SignInWindow

UI = Path(__file__).resolve().parents[2] / "ui"
# The room the screens leave above their task bar (40 px). The tests' screen is a 1366×768 one
# (tests/village-screen.json); a window's inside may take that less its frame, as measured on the window.
SCREEN = QSize(1366, 768 - 40)        # a 1366×768 screen: where windows open
SMALL_SCREEN = QSize(1280, 720 - 40)  # a 1280×720 screen: the least size of every window
# The languages and text sizes tried: Chinese at the default and the largest size, English at the largest.
LOOKS = [("zh_CN", Settings().font_size), ("zh_CN", max(TEXT_SIZES)), ("en", max(TEXT_SIZES))]
ROLES = [account.username for account in DEMO_ACCOUNTS]


# -- the station, signed in ---------------------------------------------------------------------------

def settle(timeout_ms: int = 15_000) -> None:
    """Let every operation answer on screen (the module's windows outlive any one test's qtbot)."""
    app = QApplication.instance()
    waited = 0
    while True:
        app.processEvents()
        if TaskRunner.idle_everywhere():
            break
        assert waited < timeout_ms, "the app's work did not finish"
        QApplication.instance().thread().msleep(5)
        waited += 5
    app.processEvents()


@dataclass
class Station:
    controller: StationApp
    language: str
    size: int

    @property
    def window(self) -> QWidget:
        return self.controller.window

    def signed_in(self, username: str) -> MainWindow:
        """The main window of ``username`` (switching user if someone else is signed in)."""
        window = self.controller.window
        if isinstance(window, MainWindow) and window.context.actor.username == username:
            return window
        if isinstance(window, MainWindow):
            self.controller.switch_user()
        sign_in = self.controller.window
        assert isinstance(sign_in, SignInWindow)
        sign_in.select_user(username)
        sign_in.password.setText(DEMO_PASSWORD)
        sign_in.try_sign_in()
        settle()
        window = self.controller.window
        assert isinstance(window, MainWindow)
        return window


@pytest.fixture(scope="module", params=LOOKS, ids=lambda look: f"{look[0]}-text{look[1]}")
def station(request, qapp, tmp_path_factory, _demo_template) -> Iterator[Station]:
    """The demo station in one language at one text size, shared by the tests of that look."""
    language, size = request.param
    root = tmp_path_factory.mktemp(f"sizes-{language}-{size}") / "demo"
    shutil.copytree(_demo_template, root)
    install_language(language)
    controller = StationApp(DataFolder(root), language=language)
    controller.start()
    controller.runner.wait()
    settle()
    controller.settings = replace(controller.settings, font_size=size)
    controller.apply_settings()
    yield Station(controller, language, size)
    controller.idle.stop()
    controller.shutdown()
    qapp.removeEventFilter(controller.idle)
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    controller.window = None
    controller.deleteLater()
    qapp.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    apply_font_size(Settings().font_size)  # as any other test's station leaves it


@pytest.fixture
def looking(english_first, station: Station) -> Station:
    """Each test here in its station's language (the other tests start in English)."""
    install_language(station.language)
    return station


# -- what fitting means -------------------------------------------------------------------------------

def _within(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _frame(window: QWidget) -> QSize:
    """What the frame of a shown window adds around it, measured."""
    return window.frameGeometry().size() - window.geometry().size()


def _text(size: QSize) -> str:
    return f"{size.width()}×{size.height()}"


def _least_height(widget: QWidget) -> int:
    """The height ``widget``'s content needs at its width (wrapped lines and rows included)."""
    layout = widget.layout()
    if layout is None:
        return widget.minimumSizeHint().height()
    if layout.hasHeightForWidth():
        return layout.totalMinimumHeightForWidth(widget.width())
    return layout.totalMinimumSize().height()


def window_misfits(window: QWidget, what: str, *, just_opened: bool = True) -> list[str]:
    """What keeps a window or dialog, as it is open now, from fitting the screens we serve; one
    ``just_opened`` is centred on its screen too (one whose content has grown since keeps only whole)."""
    problems = []
    frame = _frame(window)
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if not _within(least + frame, SMALL_SCREEN):
        problems.append(f"{what} cannot be made smaller than {_text(least)}, more than a 1280×720 screen holds")
    if not window.isMaximized() and not _within(window.size() + frame, SCREEN):
        problems.append(f"{what} opens at {_text(window.size())}, more than a 1366×768 screen holds")
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{what} opens partly off the screen: {frame} on {screen}")
    off_centre = frame.center() - screen.center()
    if just_opened and max(abs(off_centre.x()), abs(off_centre.y())) > 30:
        problems.append(f"{what} opens off the centre of its screen: {frame} on {screen}")
    if not isinstance(window, QMainWindow) and _least_height(window) > window.height():
        problems.append(f"{what} is squeezed: at {window.width()} px wide its content needs "
                        f"{_least_height(window)} px, it has {window.height()}")
    return problems


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits in a part that scrolls (below ``top``)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def area_misfits(window: MainWindow, area: QWidget, what: str) -> list[str]:
    """What keeps an area, as shown now in ``window``, from working: sideways scrolling, squeezed content,
    buttons outside the window."""
    problems = []
    if area.minimumSizeHint().width() > area.width():
        problems.append(f"{what} needs {area.minimumSizeHint().width()} px of width, it has {area.width()}")
    if _least_height(area) > area.height():
        problems.append(f"{what} is squeezed: its content needs {_least_height(area)} px of height, "
                        f"it has {area.height()}")
    inside = window.rect()
    for button in area.findChildren(QAbstractButton):
        if not button.isVisible() or _scrolls(button, area):
            continue
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not inside.contains(place):
            problems.append(f"{what}: the button “{button.text()}” is outside the window ({place})")
    return problems


def _tab_walks(area: QWidget) -> Iterator[str]:
    """Bring each tab of the area's tab widgets to the front in turn (the area itself first)."""
    yield ""
    for tabs in area.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.isVisible():
                tabs.setCurrentIndex(index)
                settle()
                yield f" – {tabs.tabText(index)}"


# -- the main window and its areas --------------------------------------------------------------------

@pytest.mark.parametrize("username", ROLES)
def test_the_main_window_fits_and_each_area_works_on_a_small_screen(looking, username):
    window = looking.signed_in(username)
    settle()
    problems = window_misfits(window, f"the main window of {username}")
    small = SMALL_SCREEN - _frame(window)
    assert window.isMaximized() or window.width() >= small.width(), "a window that wastes the screen"

    window.showNormal()
    window.resize(small)
    settle()
    assert window.size() == small, "the main window cannot be made as small as a 1280×720 screen"
    bar = window.statusBar()
    if not (bar.isVisible() and window.rect().contains(bar.geometry())):
        problems.append("the status bar is not inside the window")
    for area in window.areas:
        view = window.show_area(area.key)
        settle()
        for tab in _tab_walks(view):
            problems += area_misfits(window, view, f"{username}: {area.key}{tab}")
    window.showMaximized()
    settle()
    assert not problems, "\n".join(problems)


def test_the_navigation_and_headings_grow_with_the_text_size(looking):
    window = looking.signed_in(ROLES[0])
    base = window.font().pointSize()
    assert base == looking.size
    heading = window.view_by_key["station"].findChild(QWidget, "heading")
    assert heading.font().pointSize() > base
    item = window.navigation.visualItemRect(window.navigation.item(0))
    assert item.height() > window.navigation.fontMetrics().height() >= base  # roomy, and as large as the text
    longest = max(window.navigation.fontMetrics().horizontalAdvance(area.title) for area in window.areas)
    assert window.navigation.width() > longest + window.navigation.iconSize().width()


# -- dialogs and windows of their own -----------------------------------------------------------------

def _area(station: Station, key: str) -> QWidget:
    window = station.signed_in(ROLES[0])
    view = window.show_area(key)
    settle()
    return view


def _read(station: Station, work):
    with station.controller.db.reading(SYSTEM) as uow:
        return work(uow)


def _chosen(view, row: int = 0):
    view.table.selectRow(row)
    return view.selected()


def _a_volunteer(station: Station):
    return _read(station, lambda uow: volunteers.search_volunteers(uow, limit=1))[0]


def _while_open(start: Callable[[], object]) -> list[str]:
    """For a box that waits for an answer (``exec``): look at it while it is open, then answer Cancel."""
    found: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None or not box.isVisible():
            QTimer.singleShot(20, look)
            return
        found.extend(window_misfits(box, type(box).__name__))
        found.append("")  # looked
        box.reject()

    QTimer.singleShot(0, look)
    start()
    assert found, "the box never opened"
    return [problem for problem in found if problem]


def _progress_window(station: Station) -> list[str]:
    """A long piece of work's progress window, looked at while the work runs."""
    release = threading.Event()
    window = station.signed_in(ROLES[0])
    task = station.controller.runner.run(lambda _progress: release.wait(10), parent=window,
                                         title=QCoreApplication.translate("Export", "Exporting to Excel…"))
    try:
        waited = 0
        while task.dialog is None or not task.dialog.isVisible():
            QApplication.processEvents()
            QApplication.instance().thread().msleep(10)
            waited += 10
            assert waited < 5000, "no progress window"
        return window_misfits(task.dialog, "the progress window")
    finally:
        release.set()


def _long_problem() -> UserError:
    rows = [RowProblem(row, "The ID number {number} is not valid: its last character should be {expected}.",
                       {"number": "22080219900101123" + str(row % 10), "expected": "7"}) for row in range(2, 40)]
    return UserError("The ID number {number} is not valid: its last character should be {expected}. Check it "
                     "against the ID card, character by character.", number="220802199001011234",
                     expected="7", rows=rows)


def _import_report(station: Station) -> QWidget:
    from ui.views.volunteers import ImportReportDialog

    view = _area(station, "volunteers")
    refused = tuple(RowProblem(row, "The ID number {number} is not valid: its last character should be "
                                    "{expected}.", {"number": "220802199001011234", "expected": "7"})
                    for row in range(2, 30))
    report = ImportReport(added=12, refused=refused, duplicates=refused[:5])
    return open_dialog(ImportReportDialog(report, Path("志愿者花名册（2026年12月，向阳村村委会填报）.xlsx"), view))


def _problem_window(station: Station) -> QWidget:
    from ui.windows.problem import ProblemWindow

    error = UserError("The database {path} is damaged and cannot be opened ({reason}). It has not been changed, "
                      "and it will be kept as it is, so that nothing is thrown away.",
                      path=str(station.controller.folder.database), reason="database disk image is malformed")
    newest = next(iter(storage_backup.list_backups(station.controller.folder)), None)
    window = ProblemWindow(error.text(), restore_candidate=newest, damaged=True)
    place_window(window, over=station.window)
    return window


def _setup_wizard(station: Station) -> QWidget:
    from ui.windows.setup_wizard import SetupWizard

    controller = station.controller
    wizard = SetupWizard(Place(controller.db, SYSTEM, controller.runner))
    place_window(wizard, over=station.window)
    settle()
    return wizard


def _sign_in_window(station: Station) -> QWidget:
    station.signed_in(ROLES[0])
    station.controller.switch_user()  # 账户 → 切换用户
    return station.window


def _full_id(station: Station) -> QWidget:
    view = _area(station, "volunteers")
    view.table.selectRow(0)
    view.reveal_selected()
    settle()
    return view.last_dialog


def _volunteer_with_a_problem(station: Station) -> list[str]:
    """A volunteer's record at its longest (with the service done), as it opens and saved with a wrong ID
    number."""
    view = _area(station, "volunteers")
    view.table.selectRow(0)
    view.edit_selected()
    settle()
    dialog = view.last_dialog
    problems = window_misfits(dialog, "the volunteer dialog")
    dialog.id_number.setText("220802199001011234")  # its last character should be 7
    dialog.save()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the volunteer dialog with a problem", just_opened=False)


def _training_with_a_problem(station: Station) -> list[str]:
    """A training (it asks who was trained too), as it opens and saved without a title."""
    from desktop.domain.volunteering import ActivityKind

    dialog = _area(station, "activities").new_activity()
    problems = window_misfits(dialog, "the activity dialog")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.TRAINING.value))
    dialog.title_edit.clear()
    dialog.save()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the activity dialog for a training, with a problem",
                                     just_opened=False)


def _roster(station: Station) -> QWidget:
    from ui.views.activities import RosterDialog

    view = _area(station, "activities")
    activity = _read(station, lambda uow: activities.list_activities(uow))[0]
    return open_dialog(RosterDialog(station.window.context, activity, view))


def _correction(station: Station) -> QWidget:
    from ui.views.hours import CorrectionDialog

    view = _area(station, "hours")
    record = _read(station, lambda uow: hours.list_hours(uow))[0]
    return open_dialog(CorrectionDialog(station.window.context, record, view))


def _honour_hours(station: Station) -> QWidget:
    from ui.views.hours import HonourHoursDialog

    view = _area(station, "hours")
    volunteer = _a_volunteer(station)
    return open_dialog(HonourHoursDialog(station.window.context, volunteer.id, volunteer.name, view))


def _nomination(station: Station):
    return _read(station, lambda uow: good_people.list_nominations(uow))[0]


def _notice(station: Station) -> QWidget:
    from ui.views.good_people import NoticeDialog

    view = _area(station, "good_people")
    return open_dialog(NoticeDialog(station.window.context, _nomination(station), view))


def _decision(station: Station) -> QWidget:
    from ui.views.good_people import DecisionDialog

    view = _area(station, "good_people")
    return open_dialog(DecisionDialog(station.window.context, _nomination(station), publish=False, parent=view))


def _households(station: Station, head: str = "王桂兰") -> QWidget:
    """The households area with ``head``'s household chosen."""
    view = _area(station, "households")
    view.search.clear()
    view.read_list()
    settle()
    heads = [view.model.row_object(row).head_name for row in range(view.model.rowCount())]
    view.table.selectRow(heads.index(head))
    return view


def _household(station: Station, *, notes: bool = False):
    """A household's dialog at its longest (members, and its notes opened when asked)."""
    view = _households(station)
    view.edit_selected()
    settle()
    dialog = view.last_dialog
    if notes:
        asking = dialog.show_notes()
        asking.reason.setCurrentText("入户走访")
        asking.open_notes()
        settle()
    return dialog


def _household_with_a_problem(station: Station) -> list[str]:
    """A household with members, as it opens, with its notes open and saved with a wrong ID number."""
    dialog = _household(station)
    problems = window_misfits(dialog, "the household dialog")
    asking = dialog.show_notes()
    asking.reason.setCurrentText("入户走访")
    asking.open_notes()
    settle()
    dialog.id_number.setText("220802199001011234")  # its last character should be 7
    dialog.save()
    settle()
    assert dialog.message.isVisible() and dialog.notes_fields.isVisible()
    return problems + window_misfits(dialog, "the household dialog with its notes and a problem", just_opened=False)


def _member(station: Station) -> QWidget:
    dialog = _household(station, notes=True)
    dialog.members_table.selectRow(0)
    return dialog.edit_member()


def _household_import_report(station: Station) -> QWidget:
    from ui.views.households import HouseholdImportReportDialog

    view = _area(station, "households")
    refused = tuple(RowProblem(row, "\"{value}\" is not a category of help. Write 贫困妇女, 因学致贫, 因残致贫, "
                                    "因病致贫, 低保, 五保 or 其他 (several with 、 between them), or ask the station "
                                    "admin to add the category first.", {"value": "孤寡"}) for row in range(2, 30))
    report = household_excel.ImportReport(added=12, refused=refused, duplicates=refused[:5])
    return open_dialog(HouseholdImportReportDialog(report, Path("帮扶对象花名册（2026年12月，向阳村村委会填报）.xlsx"),
                                                   view))


def _household_picker(station: Station) -> QWidget:
    from ui.household_picker import pick_many

    return pick_many(_area(station, "households"), station.window.context, lambda ids: None)


def _trainees(station: Station) -> QWidget:
    view = _area(station, "activities")
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findData(""))  # the demo's training is over: every activity
    settle()
    training = next(view.model.row_object(row) for row in range(view.model.rowCount())
                    if view.model.row_object(row).kind == "training")
    view.select(training.id)
    return view.open_trainees()


def _full_household_id(station: Station) -> QWidget:
    view = _households(station)
    view.reveal_selected()
    settle()
    return view.last_dialog


def _wishes(station: Station, status: str, *, held: bool = False) -> QWidget:
    """The micro-wishes area with the demo's first wish of ``status`` chosen (one a claim holds, if ``held``)."""
    view = _area(station, "wishes")
    found = [view.model.row_object(row) for row in range(view.model.rowCount())]
    wish = next(w for w in found if w.status == status and (w.hold is not None) == held)
    assert view.select(wish.id)
    return view


def _wish_with_a_problem(station: Station) -> list[str]:
    """A wish as it is collected, and saved with a value that is no amount."""
    view = _wishes(station, "collected")
    dialog = view.edit()
    problems = window_misfits(dialog, "the wish dialog")
    dialog.value.setText("一百多块")
    dialog.save()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the wish dialog with a problem", just_opened=False)


def _publish_with_a_problem(station: Station) -> list[str]:
    """A vetted wish's text for the board, refused for the name and the phone number in it."""
    dialog = _wishes(station, "vetted").publish()
    problems = window_misfits(dialog, "the publish dialog")
    dialog.public_text.setPlainText("赵德福老人冬天想要一床厚棉被，电话13904361111，身份证220802195008082217")
    dialog.save()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the publish dialog with a problem", just_opened=False)


def _board(station: Station) -> QWidget:
    """The wish board with a wish chosen that this station may claim."""
    view = _area(station, "wish_board")
    found = [view.model.row_object(row) for row in range(view.model.rowCount())]
    view.select(next(row.id for row in found if not row.held and not row.our_claim and not row.own))
    return view


def _sponsorships(station: Station, tab: int = 0) -> QWidget:
    """The sponsorships area at one of its tabs, the first sponsorship chosen in its list."""
    view = _area(station, "sponsorships")
    view.tabs.setCurrentIndex(tab)
    settle()
    view.table.selectRow(0)
    return view


def _press(button: QAbstractButton) -> QWidget:
    """Press a button as a person would, and the dialog it opened."""
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} cannot be pressed"
    before = QApplication.activeModalWidget()
    button.click()
    settle()
    opened = QApplication.activeModalWidget()
    assert opened is not None and opened is not before, f"{button.objectName()} opened nothing"
    return opened


def _points(station: Station) -> QWidget:
    """The hut's points tab, its first household chosen, with points earned to reverse."""
    tab = _hut(station, "points")
    household = tab.households_model.row_object(0)
    with station.controller.db.unit_of_work(tab.context.actor) as uow:
        hut_points.earn_points(uow, form=hut_points.EarnForm(household_id=household.id, approved_by="村委会",
                                                             rule_code="hygiene"))
    settle()
    tab.select_household(household.id)
    settle()
    tab.entries.selectRow(0)
    return tab


def _pairing_with_a_problem(station: Station) -> list[str]:
    """Pairing a sponsor, as it opens and saved without a household."""
    dialog = _sponsorships(station).pair()
    settle()
    problems = window_misfits(dialog, "the pairing dialog")
    dialog.save()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the pairing dialog with a problem", just_opened=False)


def _hut(station: Station, tab: str) -> QWidget:
    """The love hut area with one of its tabs in front."""
    view = _area(station, "hut")
    page = getattr(view, tab)
    view.tabs.setCurrentWidget(page)
    settle()
    return page


def _hut_list(station: Station, name: str) -> QWidget:
    """The hut's list of items or of donors, its first row chosen."""
    catalogue = _hut(station, "catalogue")
    page = getattr(catalogue, name)
    catalogue.tabs.setCurrentWidget(page)
    settle()
    page.table.selectRow(0)
    return page


def _hut_document(station: Station, kind: str, *, draft: bool = False) -> QWidget:
    """A posted document of the hut of ``kind``, or the demo's draft, opened from the documents."""
    documents = _hut(station, "documents")
    found = [documents.model.row_object(row) for row in range(documents.model.rowCount())]
    row = next(r for r in found if (r.draft is not None) == draft and (draft or r.kind == kind))
    documents.select(row.key)
    return documents.open_selected()


def _hut_intake_with_a_problem(station: Station) -> list[str]:
    """A new intake, and a line added with no item chosen."""
    dialog = _hut(station, "documents").new_document("intake")
    problems = window_misfits(dialog, "the intake dialog")
    dialog.add_line()
    settle()
    assert dialog.message.isVisible()
    return problems + window_misfits(dialog, "the intake dialog with a problem", just_opened=False)


def _error_box(station: Station) -> QWidget:
    from ui.errors import show_error

    show_error(station.signed_in(ROLES[0]), _long_problem())
    return QApplication.activeModalWidget()


def _unexpected_box(station: Station) -> QWidget:
    from ui.errors import show_unexpected

    try:
        raise RuntimeError("a bug, with a long explanation " * 8)
    except RuntimeError as error:
        show_unexpected(station.signed_in(ROLES[0]), error)
    return QApplication.activeModalWidget()


def _printing_problem(station: Station) -> QWidget:
    from ui import printing

    where = Path.home() / "Documents" / "志愿服务证明 2026-12 王秀兰.pdf"
    printing._show_problem(station.signed_in(ROLES[0]), QCoreApplication.translate(
        "Printing", "Could not save {file}. Choose another folder, or close the file if it is open in another "
                    "program, and try again.").format(file=where))
    return QApplication.activeModalWidget()


def _export_done(station: Station) -> QWidget:
    from ui import export

    export._saved_message(station.signed_in(ROLES[0]), Path.home() / "Documents" / "志愿服务活动（2026年12月）.xlsx")
    return QApplication.activeModalWidget()


def _confirm(station: Station) -> list[str]:
    window = station.signed_in(ROLES[0])
    return _while_open(lambda: dialogs.confirm(window, "撤销活动", "撤销 2026-12-18 的“志愿服务日”？它仍留在列表中，"
                                               "标为已撤销，不会为它登记服务时长。" * 2, action="撤销活动"))


def _inform(station: Station) -> list[str]:
    window = station.signed_in(ROLES[0])
    text = "备份已保存到 D:\\村站数据\\备份\\village-2026-12-06.db。"
    return _while_open(lambda: dialogs.inform(window, "已保存", text))


def _about(station: Station) -> list[str]:
    window = station.signed_in(ROLES[0])
    return _while_open(window._about)


# How each dialog, message box and window of its own is opened: by the name of the class, or of the
# function that opens a message box or progress window. Each opener returns the window it opened, or, for a
# box that waits for an answer, what does not fit in it (looked at while it was open).
def _transfers(station: Station, incoming: bool = False) -> QWidget:
    """The hut's transfers tab at what it sent, or at what arrives (the demo's transfer from 永安村 chosen)."""
    tab = _hut(station, "transfers")
    page = tab.incoming if incoming else tab.outgoing
    tab.tabs.setCurrentWidget(page)
    settle()
    return page


OPENERS: dict[str, Callable[[Station], QWidget | list[str]]] = {
    "ui.windows.main_window.MainWindow": lambda s: s.signed_in(ROLES[0]),
    "ui.windows.sign_in.SignInWindow": _sign_in_window,
    "ui.windows.problem.ProblemWindow": _problem_window,
    "ui.windows.setup_wizard.SetupWizard": _setup_wizard,
    "ui.windows.password.ChangePasswordDialog": lambda s: (s.signed_in(ROLES[0])._change_password(),
                                                           QApplication.activeModalWidget())[1],
    "ui.windows.main_window.MainWindow._about": _about,
    "ui.views.accounts.UserDialog": lambda s: _area(s, "users").add(),
    "ui.views.accounts.ResetPasswordDialog": lambda s: (_chosen(_area(s, "users")),
                                                        s.window.view_by_key["users"].reset_selected())[1],
    "ui.views.sync.EnrollDialog": lambda s: _area(s, "sync").open_enroll(),
    "ui.views.teams.TeamDialog": lambda s: _area(s, "teams").new_team(),
    "ui.views.good_people.NominationDialog": lambda s: _area(s, "good_people").nominate(),
    "ui.views.good_people.NoticeDialog": _notice,
    "ui.views.good_people.DecisionDialog": _decision,
    "ui.views.volunteers.VolunteerDialog": _volunteer_with_a_problem,
    "ui.views.volunteers.DuplicatesDialog": lambda s: _area(s, "volunteers").find_duplicates(),
    "ui.views.volunteers.ImportReportDialog": _import_report,
    "ui.views.volunteers.VolunteersView.reveal_selected": _full_id,
    "ui.views.hours.HonourHoursDialog": _honour_hours,
    "ui.views.hours.CorrectionDialog": _correction,
    "ui.views.activities.ActivityDialog": _training_with_a_problem,
    "ui.views.activities.VolunteerDaysDialog": lambda s: _area(s, "activities").plan_days(),
    "ui.views.activities.RosterDialog": _roster,
    "ui.volunteer_picker.VolunteerPicker": lambda s: _area(s, "teams").add_members(),
    "ui.pickers.RecordPicker": lambda s: _area(s, "teams").add_members(),
    "ui.household_picker.HouseholdPicker": _household_picker,
    "ui.duplicates.DuplicatesDialog": lambda s: _area(s, "households").find_duplicates(),
    "ui.views.households.HouseholdDialog": _household_with_a_problem,
    "ui.views.households.MemberDialog": _member,
    "ui.views.households.ReasonDialog": lambda s: _household(s).show_notes(),
    "ui.views.households.StatusDialog": lambda s: _households(s).change_status(),
    "ui.views.households.TimelineDialog": lambda s: _households(s).open_timeline(),
    "ui.views.households.CategoriesDialog": lambda s: _area(s, "households").edit_categories(),
    "ui.views.households.HouseholdDuplicatesDialog": lambda s: _area(s, "households").find_duplicates(),
    "ui.views.households.HouseholdImportReportDialog": _household_import_report,
    "ui.views.households.HouseholdsView.reveal_selected": _full_household_id,
    "ui.views.households.TraineesDialog": _trainees,
    "ui.views.wishes.WishDialog": _wish_with_a_problem,
    "ui.views.wishes.StepDialog": lambda s: _wishes(s, "collected").reject_wish(),
    "ui.views.wishes.PublishDialog": _publish_with_a_problem,
    "ui.views.wishes.ContactDialog": lambda s: _wishes(s, "published", held=True).record_contact(),
    "ui.views.wishes.FulfilDialog": lambda s: _wishes(s, "published", held=True).fulfil(),
    "ui.views.wishes.WishDetailsDialog": lambda s: _wishes(s, "fulfilled", held=True).open_details(),
    "ui.views.wishes.WishReportDialog": lambda s: _area(s, "wishes").open_report(),
    "ui.views.wishes.ClaimDialog": lambda s: _board(s).claim(),
    "ui.views.wishes.ClaimsDialog": lambda s: _area(s, "wish_board").open_claims(),
    "ui.views.sponsorships.SponsorDialog": lambda s: _sponsorships(s, 1).sponsors.add(),
    "ui.views.sponsorships.PairDialog": _pairing_with_a_problem,
    "ui.views.sponsorships.EventDialog": lambda s: _sponsorships(s).record("handover"),
    "ui.views.sponsorships.SponsorshipStatusDialog": lambda s: _sponsorships(s).change_status(),
    "ui.views.sponsorships.LogDialog": lambda s: _sponsorships(s).open_log(),
    "ui.views.hut.transfers.SendDialog": lambda s: _press(_transfers(s).send_button),
    "ui.views.hut.transfers.ConfirmDialog": lambda s: _press(_transfers(s, incoming=True).confirm_button),
    "ui.views.hut.points.EarnDialog": lambda s: _press(_points(s).earn_button),
    "ui.views.hut.points.ExchangeDialog": lambda s: _press(_points(s).exchange_button),
    "ui.views.hut.points.WhyDialog": lambda s: _press(_points(s).reverse_button),
    "ui.views.hut.points.RulesDialog": lambda s: _press(_points(s).rules_button),
    "ui.views.hut.points.RuleDialog": lambda s: _press(_press(_points(s).rules_button).add_button),
    "ui.views.hut.stocktake.StartCountDialog": lambda s: _press(_hut(s, "stocktake").start_button),
    "ui.views.hut.area.SetUpHutDialog": lambda s: _area(s, "hut").set_up(),
    "ui.views.hut.stock.StockCardDialog": lambda s: (_chosen(_hut(s, "stock")), s.window.view_by_key["hut"]
                                                     .stock.open_card())[1],
    "ui.views.hut.stock.HutChartDialog": lambda s: _hut(s, "stock").open_chart(),
    "ui.views.hut.documents.DocumentDialog": _hut_intake_with_a_problem,
    # a transfer's lines have the most columns (sent, arrived, the difference and why)
    "ui.views.hut.documents.PostedDialog": lambda s: _hut_document(s, "transfer_out"),
    "ui.views.hut.documents.ReverseDialog": lambda s: _hut_document(s, "intake").reverse(),
    "ui.views.hut.documents.ItemPicker": lambda s: _hut_document(s, "", draft=True).pick_item(),
    "ui.views.hut.catalogue.ItemDialog": lambda s: _hut_list(s, "items").edit(),
    "ui.views.hut.catalogue.CityItemPicker": lambda s: _hut_list(s, "items").adopt(),
    "ui.views.hut.catalogue.CategoriesDialog": lambda s: _hut_list(s, "items").edit_categories(),
    "ui.views.hut.catalogue.DonorDialog": lambda s: _hut_list(s, "donors").edit(),
    "ui.views.hut.catalogue.DonorPicker": lambda s: _hut(s, "documents").new_document("intake").pick_donor(),
    "ui.views.hut.catalogue.DonorHistoryDialog": lambda s: _hut_list(s, "donors").open_history(),
    "ui.errors.show_error": _error_box,
    "ui.errors.show_unexpected": _unexpected_box,
    "ui.printing._show_problem": _printing_problem,
    "ui.export._saved_message": _export_done,
    "ui.dialogs.confirm": _confirm,
    "ui.dialogs.inform": _inform,
    "ui.tasks.TaskRunner.run": _progress_window,
}

# The system's own dialogs, which size and place themselves on the PC (Windows' file dialogs).
SYSTEM_DIALOGS = {
    "ui.files.choose_save_path": "the system's dialog for saving a file",
    "ui.files.choose_open_path": "the system's dialog for opening a file",
}

_WINDOW_BASES = {"QDialog", "QWizard", "QMessageBox", "QProgressDialog", "QFileDialog", "QInputDialog",
                 "QMainWindow"}
_BOXES = {"QMessageBox", "QProgressDialog", "QFileDialog", "QInputDialog", "QColorDialog", "QFontDialog"}


def _opens_a_box(function: ast.AST) -> bool:
    """Whether a function makes a message box, a progress window or a system dialog (``QMessageBox(…)``,
    ``QMessageBox.about(…)``, ``QFileDialog.getSaveFileName(…)``)."""
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        made = node.func
        if isinstance(made, ast.Name) and made.id in _BOXES:
            return True
        if (isinstance(made, ast.Attribute) and isinstance(made.value, ast.Name) and made.value.id in _BOXES
                and made.attr[:1].islower()):
            return True
    return False


def _sets_a_window_title(cls: ast.ClassDef) -> bool:
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
               and node.func.attr == "setWindowTitle" and isinstance(node.func.value, ast.Name)
               and node.func.value.id == "self" for node in ast.walk(cls))


def windows_in_ui() -> set[str]:
    """Every class in ui/ that is a dialog or a window of its own (it sets its own window title), and every
    function that opens a message box, a progress window or a system dialog, by dotted name."""
    found: set[str] = set()
    for path in sorted(UI.rglob("*.py")):
        module = ".".join(path.relative_to(UI.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in node.bases}
                if bases & _WINDOW_BASES or _sets_a_window_title(node):
                    found.add(f"{module}.{node.name}")
                for method in node.body:
                    if isinstance(method, ast.FunctionDef) and _opens_a_box(method):
                        found.add(f"{module}.{node.name}.{method.name}")
            elif isinstance(node, ast.FunctionDef) and _opens_a_box(node):
                found.add(f"{module}.{node.name}")
    return found


def test_every_dialog_and_window_is_in_the_table():
    found = windows_in_ui()
    known = set(OPENERS) | set(SYSTEM_DIALOGS)
    assert not found - known, f"dialogs or windows with no way to open them in OPENERS: {sorted(found - known)}"
    assert not known - found, f"OPENERS names what ui/ no longer has: {sorted(known - found)}"


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_each_dialog_and_window_fits_and_opens_centred_on_the_screen(looking, name):
    opened = OPENERS[name](looking)
    settle()
    try:
        if isinstance(opened, list):
            problems = opened
        else:
            assert isinstance(opened, QWidget) and opened.isVisible(), f"{name} did not open"
            problems = window_misfits(opened, name)
    finally:
        _close_all_but(looking)
    assert not problems, "\n".join(problems)


def _close_all_but(station: Station) -> None:
    """Close what the test opened; the station's own window stays (signed in again if need be)."""
    for widget in QApplication.topLevelWidgets():
        if widget is not station.window and widget.isVisible() and widget.isWindow():
            widget.close()
    settle()
    if not isinstance(station.window, MainWindow):
        station.signed_in(ROLES[0])
    if isinstance(station.window, MainWindow) and not station.window.isVisible():
        station.window.show()
