"""Forms that keep what was typed: a problem is shown beside the form and the field at fault gets focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtWidgets  # its form and button box named on use: the sign-in window needs neither
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from ui.dialogs import fit_anew
from ui.i18n import error_text


class FormMessage(QLabel):
    """An inline line under a form for problems with what was typed; a long message wraps, and the form
    (a dialog grows if it must) gives it the height of all its lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._hold_lines()

    def _hold_lines(self) -> None:
        # A layout asks a wrapped label only for its least height at its least width, and a window never
        # grows for that: a message that wraps at the width it has would be cut at top and bottom. Its
        # least height is what its lines take at the width it has, so nothing squeezes it after.
        self.setMinimumHeight(self.heightForWidth(self.width()) if self.text() else 0)

    def show_problem(self, text: str) -> None:
        self.setProperty("kind", "problem")
        self._show(text)

    def show_done(self, text: str) -> None:
        self.setProperty("kind", "done")
        self._show(text)

    def _show(self, text: str) -> None:
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()
        self._hold_lines()
        fit_anew(self.window())

    def clear(self) -> None:
        self.setText("")
        self.hide()
        self._hold_lines()


def with_whole_hint(edit: QLineEdit) -> QLineEdit:
    """``edit`` wide enough for its grey hint (its placeholder), which says how to fill it and would be cut
    short in a narrow form."""
    edit.ensurePolished()
    margins = edit.textMargins()
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + margins.left()
                         + margins.right() + 2 * edit.style().pixelMetric(edit.style().PixelMetric.PM_DefaultFrameWidth)
                         + _LINE_EDIT_PADDING)
    return edit


# What a line edit keeps around its text beyond its frame (Qt's QLineEdit: 2 px each side, and the cursor).
_LINE_EDIT_PADDING = 6


def heading(text: str) -> QLabel:
    """The big title at the top of an area."""
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def scrolling_form(parent: QWidget, *, layout: QVBoxLayout | None = None,
                   stretch: int = 1) -> tuple[QtWidgets.QFormLayout, QVBoxLayout]:
    """A form in a part that scrolls when the window is too low for all its rows (a large text size), a long
    row putting its field under its label; what is put in the box layout returned with it, below the form (the
    message, the buttons), stays in sight.  The form goes in ``layout`` after what it holds (an area's heading),
    else in a new layout of ``parent``'s.  In a dialog it takes the room left (``stretch``); in an area
    (``stretch=0``) it takes what its rows ask for, and what follows comes right below it (``save_below``)."""
    from ui.layouts import scrolling_part  # on first use: the sign-in window has no form

    below = layout if layout is not None else QVBoxLayout(parent)
    form = QtWidgets.QFormLayout()
    form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
    scrolling_part(below, stretch=stretch).addLayout(form)
    return form, below


def save_below(below: QVBoxLayout, message: FormMessage, *buttons: QPushButton) -> None:
    """An area's message and buttons (Save last), right below its scrolling form and in sight however far it
    scrolls, the buttons on the right; the room left in the area stays empty below them."""
    below.addWidget(message)
    row = QHBoxLayout()
    row.addStretch()
    for button in buttons:
        row.addWidget(button)
    below.addLayout(row)
    below.addStretch()


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> QtWidgets.QDialogButtonBox:
    """Save and Cancel for a dialog: Enter saves (and the dialog stays open on a problem), Esc cancels."""
    standard = QtWidgets.QDialogButtonBox.StandardButton
    buttons = QtWidgets.QDialogButtonBox(standard.Save | standard.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def report(error: BaseException, *, message: FormMessage, fields: dict[str, QWidget],
           parent: QWidget | None = None, focus: bool = True) -> None:
    """Show a failure of a form's action without touching anything the person typed; the field at fault
    gets the focus unless ``focus`` is False (a field checked as the person leaves it lets them go on)."""
    if not isinstance(error, UserError):
        from ui.errors import show_error  # the unexpected-error box, loaded when one comes

        show_error(parent, error)
        return
    message.show_problem(error_text(error))
    widget = fields.get(error.field or "")
    for name, other in fields.items():
        other.setProperty("problem", name == error.field)
        other.style().unpolish(other)
        other.style().polish(other)
    if widget is not None and focus:
        widget.setFocus()


def clear_problems(message: FormMessage, fields: dict[str, QWidget]) -> None:
    message.clear()
    for widget in fields.values():
        if widget.property("problem"):
            widget.setProperty("problem", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
