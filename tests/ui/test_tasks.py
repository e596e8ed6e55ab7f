"""The task runner: work off the UI thread, results on it, progress only for long work, cancel, one at a time."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ui.tasks import SHOW_PROGRESS_AFTER_MS, TaskRunner


@pytest.fixture
def runner(qapp):
    made = TaskRunner()
    yield made
    made.wait()


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _progress_dialogs(parent: QWidget) -> list[QProgressDialog]:
    return [dialog for dialog in parent.findChildren(QProgressDialog) if dialog.isVisible()]


def test_work_runs_off_the_ui_thread_and_the_result_comes_back_on_it(qtbot, runner, parent):
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}
    results: list[object] = []

    def work(_progress):
        seen["work"] = threading.get_ident()
        return 42

    def done(result):
        seen["result"] = threading.get_ident()
        results.append(result)

    runner.run(work, title="Counting", parent=parent, on_success=done)
    qtbot.waitUntil(lambda: results == [42])
    assert seen["work"] != ui_thread
    assert seen["result"] == ui_thread
    assert not runner.busy()


def test_quick_work_shows_no_progress_dialog(qtbot, runner, parent):
    results: list[object] = []
    runner.run(lambda _progress: "done", title="Quick", parent=parent, on_success=results.append)
    qtbot.waitUntil(lambda: results == ["done"])
    qtbot.wait(SHOW_PROGRESS_AFTER_MS + 200)
    assert not _progress_dialogs(parent)


def test_long_work_shows_progress_and_stops_when_cancelled(qtbot, runner, parent):
    steps: list[int] = []
    cancelled: list[bool] = []
    finished: list[object] = []

    def work(progress):
        for step in range(1000):
            progress.check()
            steps.append(step)
            progress.report(step, 1000, f"step {step}")
            time.sleep(0.01)
        return "finished"

    started = time.monotonic()
    task = runner.run(work, title="Long work", parent=parent, on_success=finished.append,
                      on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=3000)
    assert time.monotonic() - started >= SHOW_PROGRESS_AFTER_MS / 1000 * 0.9
    dialog = _progress_dialogs(parent)[0]
    # The work's reports move the dialog on.
    qtbot.waitUntil(lambda: dialog.labelText().startswith("step ") and dialog.maximum() == 1000)
    assert 0 < dialog.value() <= 1000

    task.progress.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=3000)
    stopped_at = len(steps)
    qtbot.wait(100)
    assert len(steps) == stopped_at < 1000
    assert finished == []
    assert not _progress_dialogs(parent)
    assert not runner.busy()


def test_the_cancel_button_of_the_progress_dialog_stops_the_work(qtbot, runner, parent):
    cancelled: list[bool] = []

    def work(progress):
        for _ in range(500):  # bounded, so a failing test leaves no thread behind
            progress.check()
            time.sleep(0.01)

    runner.run(work, title="Nearly endless", parent=parent, on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=3000)
    dialog = _progress_dialogs(parent)[0]
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible() and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cancelled == [True], timeout=3000)
    assert not _progress_dialogs(parent)


def test_an_exception_reaches_on_error(qtbot, runner, parent):
    errors: list[BaseException] = []
    succeeded: list[object] = []

    def work(_progress):
        raise ValueError("the file is broken")

    runner.run(work, title="Failing", parent=parent, on_success=succeeded.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "the file is broken"
    assert succeeded == []


def test_tasks_run_one_at_a_time(qtbot, runner, parent):
    lock = threading.Lock()
    running = 0
    most = 0
    order: list[str] = []
    results: list[str] = []

    def make(name: str):
        def work(_progress):
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
                order.append(f"start {name}")
            time.sleep(0.1)
            with lock:
                order.append(f"end {name}")
                running -= 1
            return name
        return work

    for name in ("a", "b", "c"):
        runner.run(make(name), title=name, parent=parent, on_success=results.append)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert most == 1
    assert order == ["start a", "end a", "start b", "end b", "start c", "end c"]
    assert results == ["a", "b", "c"]
