"""The audit log shows every record, field, value and setting by its label, in the interface's language: a
volunteer by name, a state by its label, a setting by what it is called — never an id or a stored code."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from screen import english_words, rows, settle

from desktop.domain.hut import NUMBER_PATTERN
from desktop.domain.settings import SETTING_LABELS
from desktop.domain.volunteering import ActivityStatus, HoursKind
from desktop.services import accounts
from desktop.services import settings as settings_service
from desktop.services.demo import DEMO_ACCOUNTS
from ui.i18n import translate

ADMIN = DEMO_ACCOUNTS[0]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CERTIFICATE_NUMBER = re.compile(r"\b\d{4}-\d{6,12}-[0-9A-F]{6}-\d{4}\b")  # as printed on the certificate
HUT_DOCUMENT_NUMBER = NUMBER_PATTERN  # a love hut's document, as numbered at its PC (RK-2026-3F9A-0001)
WHAT, DETAILS = 3, 4


def _every_row(qtbot, log) -> list[list[str]]:
    """Every entry of the log as shown, its later pages read too."""
    while log.model.canFetchMore(QModelIndex()):
        log.model.fetchMore(QModelIndex())
        settle(qtbot)
    return rows(log)


def test_the_audit_log_in_chinese_names_every_record_field_value_and_setting(
        qtbot, demo_folder, start_app, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    controller.runner.wait()
    window = sign_in(controller, ADMIN.username)
    context = window.context
    # The admin turns the interface to English and back, and certificates to showing the whole ID number.
    for changed in ({"language": "en", "certificate_masks_id": False}, {"language": "zh_CN"}):
        with context.db.unit_of_work(context.actor) as uow:
            current = settings_service.load_settings(uow)
            settings_service.save_settings(uow, settings=replace(current, **changed))

    log = window.show_area("audit")
    settle(qtbot)
    shown = _every_row(qtbot, log)
    assert len(shown) > 300  # the demo's history: volunteers, teams, activities closed, hours, certificates…
    with context.db.reading(context.actor) as uow:
        user_names = [user.username for user in accounts.list_users(uow)]  # typed by people, in Latin letters
    for row in shown:
        for text in (row[WHAT], row[DETAILS]):
            for name in user_names:
                text = text.replace(f"用户名: {name}", "")
            words = english_words(HUT_DOCUMENT_NUMBER.sub("", CERTIFICATE_NUMBER.sub("", text)))
            assert words == [], f"the audit log shows English or a stored code: {row}"
            assert not UUID.search(text), f"the audit log shows an id: {row}"

    details = [row[DETAILS] for row in shown]
    language = translate("desktop", SETTING_LABELS["language"])
    assert f"{language}: English → 中文（简体）" in details
    assert f"{language}: 中文（简体） → English" in details
    masks = translate("desktop", SETTING_LABELS["certificate_masks_id"])
    assert f"{masks}: 是 → 否" in details
    planned, closed = (translate("desktop", status.label) for status in (ActivityStatus.PLANNED, ActivityStatus.CLOSED))
    assert any(f"{planned} → {closed}" in text for text in details), "an activity closed, by its states' labels"
    honour = translate("desktop", HoursKind.HONOUR.label)
    assert any(f"类型: {honour}" in text for text in details)
    # A participant's entry names the volunteer and the activity, not their ids.
    with context.db.reading(context.actor) as uow:
        from desktop.services import activities
        closed_activity = next(a for a in activities.list_activities(uow) if a.status == ActivityStatus.CLOSED)
    assert any(row[WHAT].startswith("活动参加人员 · ") and row[WHAT].endswith(closed_activity.title)
               and f"志愿服务活动: {closed_activity.title}" in row[DETAILS] for row in shown)


def _tooltip_at(qtbot, table, row: int, column: int) -> str:
    """What a person reads when the pointer rests on a cell: its tooltip, or "" when none shows."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # a tooltip goes a moment after it is told to
    index = table.model().index(row, column)
    table.scrollTo(index)
    place = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, place, table.viewport().mapToGlobal(place))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_details_cut_short_are_read_whole_where_the_pointer_rests(qtbot, admin_window):
    from screen import register

    register(admin_window.context, "欧阳明远", "22080219850315121", "13904360001")  # details longer than a column
    log = admin_window.show_area("audit")
    settle(qtbot)
    table, model = log.table, log.table.model()
    metrics = table.fontMetrics()
    cut = next(row for row in range(model.rowCount())
               if metrics.horizontalAdvance(model.index(row, DETAILS).data()) > table.columnWidth(DETAILS))
    whole = model.index(cut, DETAILS).data()
    assert _tooltip_at(qtbot, table, cut, DETAILS) == whole
    short = next(row for row in range(model.rowCount())
                 if 0 < metrics.horizontalAdvance(model.index(row, WHAT).data()) < table.columnWidth(WHAT) - 20)
    assert _tooltip_at(qtbot, table, short, WHAT) == ""  # shown whole: nothing pops up over the list
