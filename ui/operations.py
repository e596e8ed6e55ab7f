"""How every screen reads and writes: operations run off the screen's thread, and change events after them.

A screen never opens a unit of work itself (tests/test_layers.py checks).  It hands a function of the
unit of work to ``write`` or ``read``; the function runs on the task runner's screen lane, and the
screen is called back on its own thread:

    write(self.context, self, lambda uow: teams.create_team(uow, name=...),
          form=Form(self.message, self.fields), done=self.saved)

- success calls ``done(result)``;
- an expected failure (a ``UserError``) is shown on the form's message line with its field marked and
  focused, and nothing typed is touched; without a form it is a plain message box;
- anything else is the "unexpected error" box with details to copy;
- a cancelled long operation (``progress=True``) rolls back and calls ``cancelled`` if given.

Every committed change is announced on ``ChangeSignal.changed`` with the names of the tables it touched,
whoever committed it — an operation, the sync client applying a pulled page, a background task — so the
areas that show those tables refresh (docs/architecture.md, "Operations and change events").
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.domain.actor import Actor
from desktop.errors import UserError
from desktop.storage.database import Database
from desktop.storage.uow import UnitOfWork
from ui.errors import show_error
from ui.forms import FormMessage, clear_problems, report
from ui.tasks import SCREEN, Progress, Task, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[[UnitOfWork], T] | Callable[[UnitOfWork, Progress], T]


class Workplace(Protocol):
    """What an operation needs: the open database, on whose behalf, and where to run."""

    db: Database
    actor: Actor
    runner: TaskRunner


@dataclass(frozen=True)
class Place:
    """A workplace for the windows that come before an area (set-up, sign-in, one's own password):
    the open database, on whose behalf, and the task runner."""

    db: Database
    actor: Actor
    runner: TaskRunner


class ChangeSignal(QObject):
    """The one app-wide announcement of committed changes: ``changed(frozenset of table names)``."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop: Callable[[], None] | None = None

    def follow(self, db: Database | None) -> None:
        """Announce what ``db``'s units of work commit (None: stop)."""
        if self._stop is not None:
            self._stop()
            self._stop = None
        if db is not None:
            # Called on the committing thread; Qt queues the signal to the receivers' thread.
            self._stop = db.watch(self.changed.emit)


@dataclass
class Form:
    """Where a form shows a problem: its message line and its fields by the names the services use."""

    message: FormMessage
    fields: dict[str, QWidget]


_writing: set[int] = set()  # parents with a write in flight: a second click of Save must not save twice


def write(place: Workplace, parent: QWidget | None, work: Work, *, done: Callable[[Any], None] | None = None,
          form: Form | None = None, title: str = "", progress: bool = False,
          failed: Callable[[BaseException], None] | None = None,
          cancelled: Callable[[], None] | None = None, prepare: Callable[[], None] | None = None) -> Task | None:
    """Run ``work(uow)`` (or ``work(uow, progress)``) in a writing unit of work off the screen's thread;
    ``prepare()`` first, off the screen's thread too, for slow work that needs no database (laying a paper
    out), so it does not hold up every other write meanwhile.

    Returns the task, or None when ``parent`` already has a write running."""
    key = id(parent) if parent is not None else 0
    if parent is not None and key in _writing:
        return None
    if form is not None:
        clear_problems(form.message, form.fields)
    if parent is not None:
        _writing.add(key)
    db, actor = place.db, place.actor
    takes_progress = _takes_progress(work)

    def run(task_progress: Progress):
        if prepare is not None:
            prepare()
        with db.unit_of_work(actor) as uow:
            return work(uow, task_progress) if takes_progress else work(uow)

    def release() -> None:
        _writing.discard(key)

    return _start(place.runner, parent, run, title=title, progress=progress, form=form, done=done, failed=failed,
                  cancelled=cancelled, release=release, writes=True)


def read(place: Workplace, parent: QWidget | None, work: Work, *, done: Callable[[Any], None],
         title: str = "", progress: bool = False, form: Form | None = None,
         failed: Callable[[BaseException], None] | None = None,
         cancelled: Callable[[], None] | None = None) -> Task:
    """Run ``work(uow)`` (or ``work(uow, progress)``) in a read-only unit of work off the screen's thread,
    then ``done(result)`` on it.  ``progress`` shows the progress window (with Cancel) for long reads."""
    db, actor = place.db, place.actor
    takes_progress = _takes_progress(work)

    def run(task_progress: Progress):
        with db.reading(actor) as uow:
            return work(uow, task_progress) if takes_progress else work(uow)

    return _start(place.runner, parent, run, title=title, progress=progress, form=form, done=done, failed=failed,
                  cancelled=cancelled, release=lambda: None, writes=False)


def _start(runner: TaskRunner, parent: QWidget | None, run: Callable[[Progress], Any], *, title: str,
           progress: bool, form: Form | None, done: Callable[[Any], None] | None,
           failed: Callable[[BaseException], None] | None, cancelled: Callable[[], None] | None,
           release: Callable[[], None], writes: bool) -> Task:
    """A write shows its (uncancellable) progress window when it takes longer than a moment, so nothing
    else is clicked meanwhile; a read shows one only when asked."""
    def succeeded(result: Any) -> None:
        release()
        if done is not None and _alive(parent):
            done(result)

    def went_wrong(error: BaseException) -> None:
        release()
        if failed is not None and _alive(parent):
            failed(error)
            return
        shown_on = parent if _alive(parent) else None
        if form is not None and shown_on is not None and isinstance(error, UserError) and isValid(form.message):
            report(error, message=form.message, fields=form.fields, parent=shown_on)
        else:
            show_error(shown_on, error)

    def stopped() -> None:
        release()
        if cancelled is not None and _alive(parent):
            cancelled()

    return runner.run(run, title=title, parent=parent if progress or writes else None, on_success=succeeded,
                      on_error=went_wrong, on_cancel=stopped, cancellable=progress, lane=SCREEN)


def _alive(widget: QWidget | None) -> bool:
    """Whether the screen that asked is still there to be told (a closed dialog's object may be gone)."""
    return widget is None or isValid(widget)


def _takes_progress(work: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(work).parameters
    except (TypeError, ValueError):
        return False
    return len(parameters) >= 2
