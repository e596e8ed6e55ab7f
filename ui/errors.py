"""Showing failures to people: expected ones as a plain sentence, bugs with details to copy."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.errors import UserError
from ui.i18n import error_text

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the person what went wrong: a ``UserError`` in plain words, anything else as unexpected."""
    from PySide6.QtWidgets import QMessageBox  # on first use: the sign-in window must not wait for it

    if isinstance(error, UserError):
        title = QCoreApplication.translate("Errors", "Please check")
        box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, parent)
        if error.rows:
            box.setDetailedText("\n".join(error_text(row) for row in error.rows))
            box.setInformativeText(
                QCoreApplication.translate("Errors", "Click \"Show Details...\" to see every line."))
        _open(box)
        return
    show_unexpected(parent, error)


def show_unexpected(parent: QWidget | None, error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error:\n%s", details)
    title = QCoreApplication.translate("Errors", "Unexpected error")
    text = QCoreApplication.translate("Errors", "Something unexpected went wrong. What you saved before is safe. "
                                                "Try again; if it happens again, copy the details "
                                                "below and send them to the city office.")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    _open(box)


def _open(box) -> None:
    from PySide6.QtCore import Qt  # on first use: the Qt namespace costs the sign-in window a moment

    # Window-modal and non-blocking: the form behind stays as it was, with everything typed in it.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("messageBox")
    box.open()
