"""Operations (ui/operations.py) on the app's real task runner: a write runs off the screen's thread and calls the
screen back with its result and a change event; an expected failure lands on its field with what was typed kept
and nothing saved; an unexpected one is the box with details; a cancelled long read calls back ``cancelled``; a
second click of Save while the first is running does not save twice."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import teams
from ui.forms import FormMessage
from ui.operations import Form, read, write


def _screen(qtbot) -> tuple[QWidget, FormMessage, QLineEdit]:
    screen = QWidget()
    qtbot.addWidget(screen)
    message = FormMessage(screen)
    name = QLineEdit(screen)
    screen.show()
    return screen, message, name


def _team_names(context) -> list[str]:
    with context.db.reading(context.actor) as uow:
        return [team.name for team in teams.list_teams(uow)]


def test_a_write_runs_off_the_screens_thread_and_calls_back_with_its_result_and_the_change(qtbot, context):
    screen, _, _ = _screen(qtbot)
    threads: list[threading.Thread] = []
    done: list[object] = []
    changed: list[frozenset] = []
    context.changes.changed.connect(changed.append)

    def work(uow):
        threads.append(threading.current_thread())
        return teams.create_team(uow, name="河道巡护队", kind="other")

    write(context, screen, work, done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert threads[0] is not threading.main_thread()
    assert done[0].name == "河道巡护队" and "河道巡护队" in _team_names(context)
    qtbot.waitUntil(lambda: any("teams" in tables for tables in changed), timeout=3000)


def test_an_expected_failure_lands_on_its_field_keeps_the_typing_and_saves_nothing(qtbot, context):
    screen, message, name = _screen(qtbot)
    name.setText("河道巡护队（二）")
    done: list[object] = []

    def work(uow):
        teams.create_team(uow, name="先存一半", kind="other")
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be "
                                                        "kept."), field="name", most=3)

    write(context, screen, work, done=done.append, form=Form(message, {"name": name}))
    qtbot.waitUntil(lambda: message.isVisible() and "at most 3 characters" in message.text(), timeout=5000)
    assert name.property("problem") is True and screen.focusWidget() is name
    assert name.text() == "河道巡护队（二）", "what was typed is kept"
    assert done == [] and "先存一半" not in _team_names(context), "the unit of work rolled back"


def test_an_unexpected_failure_is_the_box_with_details(qtbot, context, message_boxes):
    screen, message, _ = _screen(qtbot)

    def work(uow):
        raise ZeroDivisionError("division by zero")

    write(context, screen, work, form=Form(message, {}))
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert box.windowTitle() == "Unexpected error" and "What you saved before is safe" in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert not message.isVisible(), "an unexpected failure is not passed off as the form's problem"
    box.close()


def test_a_cancelled_long_read_calls_back_cancelled_and_not_done(qtbot, context):
    screen, _, _ = _screen(qtbot)
    done: list[object] = []
    cancelled: list[bool] = []
    started = threading.Event()

    def work(uow, progress):
        started.set()
        for _step in range(500):  # bounded, so a failing test leaves no thread behind
            progress.check()
            threading.Event().wait(0.01)
        return "all read"

    task = read(context, screen, work, done=done.append, progress=True, cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(started.is_set, timeout=5000)
    task.progress.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert done == []


def test_a_second_save_while_the_first_runs_does_not_save_twice(qtbot, context):
    screen, _, _ = _screen(qtbot)
    gate = threading.Event()
    done: list[object] = []

    def work(uow):
        gate.wait(5)
        return teams.create_team(uow, name="敬老服务队", kind="other")

    first = write(context, screen, work, done=done.append)
    second = write(context, screen, work, done=done.append)
    gate.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.wait(100)
    assert first is not None and second is None
    assert _team_names(context).count("敬老服务队") == 1
