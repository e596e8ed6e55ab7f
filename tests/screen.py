"""What the Qt tests do on screen again and again: click, save a dialog, read a column, register someone, press
"Sync now" and wait for the run."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from shiboken6 import isValid

from desktop.domain.id_number import check_character
from desktop.services import volunteers
from desktop.services.volunteers import VolunteerForm
from ui.tasks import TaskRunner

WAIT_MS = 120_000  # a sync or an enrollment with a real city server: the machine is slow and shared

# Words written the same in a Chinese interface: product and file-format names, a key on the keyboard, the
# English language by its own name.
ALLOWED_WORDS = {"Excel", "WPS", "CSV", "PDF", "SQLite", "Ctrl", "English"}
_NOT_WORDS = re.compile(r"https?://[!-~]*"        # addresses (up to the first character that is not ASCII)
                        r"|\{[a-z_]*\}"           # placeholders
                        r"|\*?[\w-]*\.[A-Za-z]{2,4}\b"  # file names and suffixes: a-daily.db, *.xlsx
                        r"|--[a-z-]+"             # command-line options
                        r"|(?:/[\w.-]+)+")        # file paths


def english_words(text: str) -> list[str]:
    """The English words in ``text``, addresses, numbers, file names and the allowed names aside: what a
    Chinese interface must not show."""
    return [word for word in re.findall(r"[A-Za-z]{2,}", _NOT_WORDS.sub(" ", text)) if word not in ALLOWED_WORDS]


def settle(qtbot, timeout: int = 15_000) -> None:
    """Wait until every operation and task started so far has answered on screen (ui/operations.py runs
    them off the screen's thread), and the areas its change events reload have read their lists."""
    QApplication.processEvents()  # deliver what is already queued (a change announced from another thread)
    qtbot.waitUntil(TaskRunner.idle_everywhere, timeout=timeout)


def closed(widget) -> bool:
    """Whether a dialog has gone from the screen (a closed dialog deletes itself once the events run)."""
    return not isValid(widget) or not widget.isVisible()


def click(qtbot, button) -> None:
    """Click as a person would, then wait for what the click started to answer on screen."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def save(qtbot, dialog) -> None:
    """Press the dialog's Save button as a person would, and wait for the save to answer."""
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def column(model, number: int) -> list[str]:
    """The texts of one column as shown: of a model, or of a view's sorting proxy."""
    model = getattr(model, "proxy", model)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def rows(view) -> list[list[str]]:
    """Every row of a view's list as shown, each a list of its column texts."""
    model = getattr(view, "proxy", None) or view.model
    return [[model.index(row, number).data() for number in range(model.columnCount())]
            for row in range(model.rowCount())]


def id_number(first17: str) -> str:
    """A valid ID number: the 17 digits given and their check character."""
    return first17 + check_character(first17)


def register(context, name: str, first17: str, phone: str = "", *, allow_similar: bool = False):
    """Register a volunteer through the service as the signed-in person; ``first17`` may also be a whole
    ID number."""
    number = first17 if len(first17) == 18 else id_number(first17)
    with context.db.unit_of_work(context.actor) as uow:
        return volunteers.register_volunteer(uow, form=VolunteerForm(name=name, id_number=number, phone=phone),
                                             allow_similar=allow_similar)


def wait_idle(qtbot, controller) -> None:
    """Wait until the app ``controller`` (a ``ui.app.StationApp``) runs no sync and no task."""
    qtbot.waitUntil(lambda: not controller.sync.running and not controller.runner.busy(), timeout=WAIT_MS)


def sync_by_hand(qtbot, controller, view) -> None:
    """Press "Sync now" in the Sync area (``view``) and wait until the run has ended."""
    wait_idle(qtbot, controller)
    view.reload()
    settle(qtbot)
    assert view.sync_button.isEnabled()
    with qtbot.waitSignal(controller.sync.finished, timeout=WAIT_MS):
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller)
    settle(qtbot)
