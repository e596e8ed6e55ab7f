"""Windows and messages as a person meets them: messages shown whole, windows whole and centred on their screen
after switching user, titles that name the app once, and a status bar whose items stand apart."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QScrollArea, QStyle, QStyleOptionFrame
from screen import save, settle

from desktop.domain.actor import SYSTEM
from desktop.services import station
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.sync import NO_CONNECTION, ServerUnreachable
from ui.windows.sign_in import SignInWindow

ADMIN = DEMO_ACCOUNTS[0]


def _shown_whole(message: QLabel) -> None:
    """Every line of a message is inside its label, and the label inside its window, clear of the buttons."""
    assert message.isVisible() and message.text()
    assert message.height() >= message.heightForWidth(message.width()), (
        f"the message has {message.height()} px for lines that need {message.heightForWidth(message.width())}")
    window = message.window()
    layout = window.layout()
    assert window.height() >= layout.totalMinimumHeightForWidth(window.width()), "the window squeezes its content"


def test_the_id_number_problem_in_the_volunteer_dialog_is_shown_whole(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("volunteers")
    settle(qtbot)
    dialog = view.register()
    settle(qtbot)
    dialog.name.setText("张三")
    dialog.id_number.setText("220802199001011234")  # the last character should be 7
    save(qtbot, dialog)
    assert "220802199001011234" in dialog.message.text()
    _shown_whole(dialog.message)


def test_a_problem_under_the_volunteer_form_leaves_every_row_in_sight_where_the_screen_has_room(
        qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("volunteers")
    settle(qtbot)
    dialog = view.register()
    settle(qtbot)
    rows = dialog.findChild(QScrollArea)
    assert rows.verticalScrollBar().maximum() == 0  # opened with every row in sight
    dialog.name.setText("张三")
    dialog.id_number.setText("220802199001011234")
    save(qtbot, dialog)
    _shown_whole(dialog.message)
    # The dialog grew for the message's lines; the form is not squeezed into scrolling on a screen with room.
    assert rows.verticalScrollBar().maximum() == 0, "the rows scroll though the screen has room for them"
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())


def _hint_cut(edit: QLineEdit) -> bool:
    """Whether a line edit's grey hint is cut short, measured as the line edit draws it."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 2 * 2  # Qt keeps 2 px each side of the text
    return edit.fontMetrics().horizontalAdvance(edit.placeholderText()) > width


def test_the_hints_that_say_how_to_fill_a_field_are_read_whole(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("volunteers")
    settle(qtbot)
    assert not _hint_cut(view.search), view.search.placeholderText()  # how to search: names, pinyin, initials…
    dialog = view.register()
    settle(qtbot)
    hinted = [edit for edit in dialog.findChildren(QLineEdit) if edit.placeholderText()]
    assert dialog.registered_on in hinted  # "empty for today"
    assert not [edit.placeholderText() for edit in hinted if _hint_cut(edit)]


def test_the_enrollment_problem_in_the_sync_area_is_shown_whole(qtbot, start_app, demo_folder, sign_in,
                                                                  monkeypatch):
    def unreachable(_db, server, _code, *, actor):
        raise ServerUnreachable(server=server, reason=NO_CONNECTION)

    monkeypatch.setattr("sync.client.run.enroll", unreachable)
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("sync")
    settle(qtbot)
    dialog = view.open_enroll()
    dialog.server.setText("https://baicheng-volunteers.example.cn:8443")
    dialog.code.setText("ABCD-EFGH-JKLM")
    save(qtbot, dialog)
    assert "baicheng-volunteers.example.cn" in dialog.message.text()
    assert "connection" not in dialog.message.text()  # the reason in the interface's words too
    _shown_whole(dialog.message)


def test_the_sign_in_window_after_switching_user_is_whole_and_centred_on_the_screen(qtbot, admin_window,
                                                                                   demo_app):
    admin_window.context.shell.switch_user()  # 账户 → 切换用户
    settle(qtbot)
    window = demo_app.window
    assert isinstance(window, SignInWindow) and window.isVisible()
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert screen.contains(frame), f"the sign-in window {frame} is not whole on the screen {screen}"
    off = frame.center() - screen.center()
    assert abs(off.x()) <= 30 and abs(off.y()) <= 30, f"the sign-in window {frame} is not centred on {screen}"


def test_the_status_bar_sets_its_items_apart_and_shows_no_station_id(qtbot, admin_window):
    settle(qtbot)
    with admin_window.context.db.reading(SYSTEM) as uow:
        station_id = station.station_info(uow).station_id
    labels = [label for label in admin_window.statusBar().findChildren(QLabel) if label.isVisible()]
    texts = [label.text() for label in labels]
    assert any(ADMIN.display_name in text for text in texts) and all(texts), texts
    assert not any(station_id[:8] in text for text in texts), texts
    bar = admin_window.statusBar()
    background = bar.palette().window().color()
    lines = [line for line in bar.findChildren(QFrame) if line.frameShape() == QFrame.Shape.VLine and line.isVisible()]
    for label in labels:  # a line just before each item
        before = [line for line in lines if 0 <= label.x() - line.geometry().right() <= 12]
        assert before, f"no line sets “{label.text()}” apart"
        image = before[0].grab().toImage()
        darkest = min(QColor(image.pixel(x, image.height() // 2)).lightness() for x in range(image.width()))
        assert darkest < background.lightness() - 40, f"the line before “{label.text()}” cannot be seen"
        assert label.contentsMargins().left() >= 4, f"“{label.text()}” touches the line before it"


def test_window_titles_name_the_app_once(demo_folder):
    """Qt adds the application's display name to every window's title; the titles name the app already."""
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["VILLAGE_STATION_STARTUP_PROBE"] = "1"  # start, show the first window, quit
        from PySide6.QtWidgets import QApplication
        from desktop.paths import DataFolder
        from ui.launch import run_app
        run_app(DataFolder(Path({str(demo_folder.root)!r})), language="zh_CN")
        app = QApplication.instance()
        print("display name set:", app.applicationDisplayName() != app.applicationName())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "display name set: False" in result.stdout



def test_a_long_dialog_takes_all_the_room_its_screen_leaves_around_the_frame_it_has(qtbot, admin_window):
    """A dialog whose content would like more than the screen gets the screen's room whole, less the frame its
    windows are measured to have (here none), not less a frame guessed for another PC."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from ui.dialogs import open_dialog

    dialog = QDialog(admin_window)
    dialog.setWindowTitle("长表")
    layout = QVBoxLayout(dialog)
    for number in range(60):
        layout.addWidget(QLabel(f"第 {number} 行 " + "很长的说明文字" * 30))
    layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
    for label in dialog.findChildren(QLabel):
        label.setMinimumSize(1, 1)
    open_dialog(dialog)
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().size() == screen.size(), (dialog.frameGeometry(), screen)
    assert screen.contains(dialog.frameGeometry())
    dialog.close()
