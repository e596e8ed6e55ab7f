"""Small questions to the person: confirmations before anything that cannot be undone; opening a dialog, and
placing a window on its screen.

The sign-in window is placed before anything has loaded the ``Qt`` namespace of enums, which takes about as
long to load as a bare window takes to start (benchmarks/bench_startup.py): this module names it only inside
the functions that need it, and placing a window whose class gives it its size asks for none of it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget


def open_dialog(dialog: QDialog, on_accepted: Callable[[], None] | None = None) -> QDialog:
    """Open ``dialog`` window-modal, deleted once closed; ``on_accepted`` runs when the person accepts it."""
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    fit_to_screen(dialog, _screen_of(dialog.parentWidget()))
    dialog.open()  # Qt centres it on the window it belongs to, within that window's screen
    return dialog


def window_frame(window: QWidget | None = None) -> QSize:
    """What a window's frame adds around it (its borders and title bar, as the PC draws them), measured on a
    window that is shown: ``window`` itself, else another window of the app's, framed alike; none while no
    window is shown (``place_window`` fits a window again once it is shown and its frame is known)."""
    if window is not None and window.isVisible():
        return window.frameGeometry().size() - window.geometry().size()  # none for a window without a frame
    for shown in QApplication.topLevelWidgets():
        if shown.isVisible() and _framed(shown):
            return shown.frameGeometry().size() - shown.geometry().size()
    return QSize(0, 0)


def _framed(window: QWidget) -> bool:
    """A window or dialog the PC draws a frame around (not a menu, a tooltip or a window without a frame)."""
    kind = QtCore.Qt.WindowType
    return window.windowType() in (kind.Window, kind.Dialog) and not window.windowFlags() & kind.FramelessWindowHint


def room_on(screen: QScreen, window: QWidget | None = None) -> QSize:
    """The largest ``window`` the screen takes whole: its area without the task bar, less the window's frame."""
    return screen.availableGeometry().size() - window_frame(window)


def fit_to_screen(window: QWidget, screen: QScreen) -> None:
    """Make ``window`` no larger than ``screen`` takes, never below the least it can be, and as high as its
    content asks at its width, wrapped lines included, where the screen has room (a window is never made
    higher for them on its own, and a part that scrolls would take the shortfall instead)."""
    window.ensurePolished()
    room = room_on(screen, window)
    wanted = window.size() if _given_a_size(window) else window.sizeHint()
    size = wanted.boundedTo(room).expandedTo(window.minimumSizeHint())
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        size.setHeight(max(size.height(), min(layout.totalHeightForWidth(size.width()), room.height())))
    window.resize(size)


def _given_a_size(window: QWidget) -> bool:
    """Whether ``window``'s code gave it a size (``resize``), which it keeps where the screen has room.  A window
    whose class always does says so (``sized_in_constructor``) and is not asked: asking loads the Qt namespace."""
    return getattr(window, "sized_in_constructor", False) or window.testAttribute(
        QtCore.Qt.WidgetAttribute.WA_Resized)


def fit_anew(window: QWidget) -> None:
    """After what a dialog shows has grown (a message under its form): make it as high as its lines now need,
    about the same centre, whole on its screen. A main window is left as it is: its areas make room within it."""
    if isinstance(window, QMainWindow) or not window.isVisible():
        return
    screen = window.screen()
    frame = window.frameGeometry()
    margins = frame.size() - window.geometry().size()  # the frame's, measured before the window grows
    fit_to_screen(window, screen)
    grown = QRect(frame.topLeft(), window.size() + margins)
    grown.moveCenter(frame.center())
    _move_onto(window, screen, grown.topLeft(), grown)


def place_window(window: QWidget, *, over: QWidget | None = None) -> None:
    """Show a window of its own (sign-in, the main window, set-up) whole and centred on the screen of the window
    it replaces (``over``), else of the mouse pointer. A main window that would not fit is shown maximised;
    a main window rebuilt in place of another (a new text size) takes its place, size and state."""
    screen = _screen_of(over)
    rebuilt = isinstance(window, QMainWindow) and isinstance(over, QMainWindow)
    if _maximised(window, over, rebuilt, screen):
        window.move(screen.availableGeometry().topLeft())  # maximised on that screen
        window.showMaximized()
        return
    if rebuilt:
        window.resize(over.size())
    fit_to_screen(window, screen)
    where = over.pos() if rebuilt else None
    _move_onto(window, screen, where, QRect(QPoint(0, 0), window.size() + window_frame(window)))
    window.show()
    # Shown, the window knows its frame, and may have taken the least size its layout asks (a wizard): again.
    fit_to_screen(window, screen)
    _move_onto(window, screen, where, window.frameGeometry())


def _maximised(window: QWidget, over: QWidget | None, rebuilt: bool, screen: QScreen) -> bool:
    """Whether a window of its own opens maximised: a main window rebuilt as the one it replaces was, else one
    the screen cannot hold whole."""
    if rebuilt:
        return over is not None and over.isMaximized()
    return isinstance(window, QMainWindow) and not _fits(window, screen)


def _move_onto(window: QWidget, screen: QScreen, where: QPoint | None, frame: QRect) -> None:
    """Move ``window``, whose frame is ``frame``, to ``where`` or the centre of ``screen``, whole on it."""
    available = screen.availableGeometry()
    if where is None:
        frame.moveCenter(available.center())
    else:
        frame.moveTopLeft(where)
    frame.moveRight(min(frame.right(), available.right()))
    frame.moveBottom(min(frame.bottom(), available.bottom()))
    frame.moveLeft(max(frame.left(), available.left()))
    frame.moveTop(max(frame.top(), available.top()))
    window.move(frame.topLeft())


def _fits(window: QWidget, screen: QScreen) -> bool:
    room = room_on(screen, window)
    return window.width() <= room.width() and window.height() <= room.height()


def _screen_of(widget: QWidget | None) -> QScreen:
    if widget is not None and widget.isVisible():
        return widget.window().screen()
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def confirm(parent: QWidget | None, title: str, text: str, *, action: str) -> bool:
    """Ask before doing something that cannot be undone; ``action`` labels the button that does it."""
    from PySide6.QtWidgets import QMessageBox  # on first use, as in ui/errors.py
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.exec()
