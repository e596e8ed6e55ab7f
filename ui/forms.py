"""Forms that keep what was typed: a problem is shown beside the form and the field at fault gets focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from desktop.errors import UserError
from ui.errors import show_error
from ui.i18n import error_text


class FormMessage(QLabel):
    """An inline line under a form for problems with what was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.hide()

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

    def clear(self) -> None:
        self.setText("")
        self.hide()


def heading(text: str) -> QLabel:
    """The big title at the top of an area."""
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save and Cancel for a dialog: Enter saves (and the dialog stays open on a problem), Esc cancels."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def report(error: BaseException, *, message: FormMessage, fields: dict[str, QWidget],
           parent: QWidget | None = None, focus: bool = True) -> None:
    """Show a failure of a form's action without touching anything the person typed; the field at fault
    gets the focus unless ``focus`` is False (a field checked as the person leaves it lets them go on)."""
    if not isinstance(error, UserError):
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
