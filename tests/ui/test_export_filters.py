"""An export reads the list's filters on the UI thread: the rows loader runs on a worker and sees plain values."""

from __future__ import annotations

import threading

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit
from screen import register

from desktop.services import activities, good_people
from desktop.services.activities import ActivityForm
from ui.views.activities import ActivitiesView
from ui.views.good_people import GoodPeopleView
from ui.views.hours import HoursView


def _captured_loader(monkeypatch, module: str, export) -> object:
    loaders = []
    monkeypatch.setattr(f"{module}.export_rows", lambda *args, rows_loader, **kwargs: loaders.append(rows_loader))
    export()
    assert len(loaders) == 1
    return loaders[0]


def _run_on_a_worker(monkeypatch, context, loader) -> list:
    """Run the loader on another thread in a reading unit of work, as a read operation does, with every filter
    widget refusing to be read."""
    def refuse(*args, **kwargs):
        raise AssertionError("a filter widget was read off the UI thread")
    for widget_type, method in ((QComboBox, "currentData"), (QComboBox, "currentIndex"), (QDateEdit, "date")):
        monkeypatch.setattr(widget_type, method, refuse)
    result: dict[str, object] = {}

    def work() -> None:
        try:
            with context.db.reading(context.actor) as uow:
                result["rows"] = loader(uow)
        except BaseException as exc:  # handed back to the test thread
            result["error"] = exc
    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    monkeypatch.undo()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["rows"]  # type: ignore[return-value]


def test_activities_export_keeps_the_filters_of_the_moment_it_was_asked(qtbot, context, monkeypatch):
    with context.db.unit_of_work(context.actor) as uow:
        kept = activities.plan_activity(uow, form=ActivityForm(kind="other", title="清扫村道", date="2026-12-05",
                                                               start_time="08:00", end_time="10:00"))
        activities.cancel_activity(uow, activity_id=kept.id)
    view = ActivitiesView(context)
    qtbot.addWidget(view)
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findData("cancelled"))
    loader = _captured_loader(monkeypatch, "ui.views.lists", view.export_button.click)
    view.status.setCurrentIndex(view.status.findData(""))  # changed while the export runs
    rows = _run_on_a_worker(monkeypatch, context, loader)
    assert [row.title for row in rows if row.id == kept.id] == ["清扫村道"]
    assert {row.status for row in rows} == {"cancelled"}


def test_good_people_export_keeps_the_status_filter(qtbot, context, monkeypatch):
    with context.db.unit_of_work(context.actor) as uow:
        good_people.nominate(uow, name="张秀英", category="helping", deeds="照顾孤寡老人", nominated_by="三组村民")
    view = GoodPeopleView(context)
    qtbot.addWidget(view)
    view.status.setCurrentIndex(view.status.findData("nominated"))
    loader = _captured_loader(monkeypatch, "ui.views.lists", view.export_button.click)
    view.status.setCurrentIndex(view.status.findData("published"))
    rows = _run_on_a_worker(monkeypatch, context, loader)
    assert "张秀英" in [row.name for row in rows]
    assert {row.status for row in rows} == {"nominated"}


def test_hours_totals_export_keeps_the_period(qtbot, context, monkeypatch):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    with context.db.unit_of_work(context.actor) as uow:
        activity = activities.plan_activity(uow, form=ActivityForm(kind="other", title="清扫村道", date="2026-03-06",
                                                                   start_time="14:00", end_time="17:00"))
        activities.add_to_roster(uow, activity_id=activity.id, volunteer_ids=[wu.id])
        activities.set_attendance(uow, activity_id=activity.id, attended={wu.id: True})
        activities.close_activity(uow, activity_id=activity.id)
    view = HoursView(context)
    qtbot.addWidget(view)
    totals = view.totals
    totals.date_from.setDate(QDate(2026, 3, 1))
    totals.date_to.setDate(QDate(2026, 3, 31))
    for export, module in ((totals.export_volunteers, "ui.views.hours"), (totals.export_teams, "ui.views.hours")):
        loader = _captured_loader(monkeypatch, module, export)
        totals.date_from.setDate(QDate(2026, 4, 1))  # a period with none of these hours
        totals.date_to.setDate(QDate(2026, 4, 30))
        rows = _run_on_a_worker(monkeypatch, context, loader)
        if export == totals.export_volunteers:
            assert [(row.name, row.hours) for row in rows if row.volunteer_id == wu.id] == [("吴建华", 3.0)]
        totals.date_from.setDate(QDate(2026, 3, 1))
        totals.date_to.setDate(QDate(2026, 3, 31))
