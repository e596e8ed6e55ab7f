"""The volunteer teams area: starting a team, adding members with the picker, making a leader, exporting."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from screen import click, closed, column, register, save, settle

from ui.views import teams as view_module
from ui.views.teams import TeamsView
from ui.volunteer_picker import VolunteerPicker


def typed(field, text: str) -> None:
    """Type Chinese as a person does, through the input method: its text goes in where the cursor is."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def teams_view(window, qtbot) -> TeamsView:
    view = window.show_area("teams")
    assert isinstance(view, TeamsView)
    settle(qtbot)
    return view


def offered(picker) -> list[str]:
    """The volunteers the picker lists, by id."""
    return [picker.list.item(i).data(Qt.ItemDataRole.UserRole + 1).id for i in range(picker.list.count())]


def register_people(context) -> dict[str, str]:
    people = {"郑卫东": "22080219750101111", "马丽娟": "22080219820202222", "林海涛": "22080219930303333"}
    return {name: register(context, name, first17, f"1380436100{number}").id
            for number, (name, first17) in enumerate(people.items())}


def test_a_coordinator_starts_a_team_adds_two_members_and_makes_one_leader(qtbot, admin_window, monkeypatch):
    ids = register_people(admin_window.context)
    view = teams_view(admin_window, qtbot)

    dialog = view.new_team()
    dialog.name.setText("医疗卫生服务队")
    dialog.kind.setCurrentIndex(dialog.kind.findData("medical"))
    dialog.description.setText("每月义诊")
    save(qtbot, dialog)
    assert closed(dialog)
    assert view.selected_team().name == "医疗卫生服务队"
    assert "医疗卫生服务队" in column(view.team_proxy, 0)
    assert view.member_proxy.rowCount() == 0

    picker = view.add_members()
    settle(qtbot)
    assert isinstance(picker, VolunteerPicker)
    assert not picker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(picker.search, "zwd")
    qtbot.waitUntil(lambda: not picker._debounce.isActive(), timeout=2000)
    settle(qtbot)
    assert ids["郑卫东"] in offered(picker) and ids["马丽娟"] not in offered(picker)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # one match: Enter ticks it, the dialog stays
    assert picker.isVisible() and picker.chosen_ids() == [ids["郑卫东"]]
    picker.search.clear()
    picker.search.setText("马丽")  # typed through an input method
    qtbot.waitUntil(lambda: not picker._debounce.isActive(), timeout=2000)
    settle(qtbot)
    assert ids["马丽娟"] in offered(picker) and ids["郑卫东"] not in offered(picker)
    picker.choose(ids["马丽娟"])
    assert picker.hint.text().startswith("2 chosen")
    click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))

    assert sorted(column(view.member_proxy, 0)) == sorted(["郑卫东", "马丽娟"])
    assert set(column(view.member_proxy, 2)) == {"Member"}
    row = column(view.member_proxy, 0).index("马丽娟")
    view.member_table.selectRow(row)
    assert view.make_leader_button.isEnabled() and not view.make_member_button.isEnabled()
    click(qtbot, view.make_leader_button)

    roles = dict(zip(column(view.member_proxy, 0), column(view.member_proxy, 2), strict=True))
    assert roles == {"马丽娟": "Team leader", "郑卫东": "Member"}
    team_row = column(view.team_proxy, 0).index("医疗卫生服务队")
    assert view.team_proxy.index(team_row, 2).data() == "2"
    assert view.team_proxy.index(team_row, 3).data() == "马丽娟"

    # Those already in the team are not offered again.
    picker = view.add_members()
    settle(qtbot)
    assert ids["林海涛"] in offered(picker) and ids["郑卫东"] not in offered(picker)
    picker.reject()

    # Removing asks first; saying no keeps the member.
    view.member_table.selectRow(column(view.member_proxy, 0).index("郑卫东"))
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: False)
    click(qtbot, view.remove_button)
    assert view.member_proxy.rowCount() == 2
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: True)
    click(qtbot, view.remove_button)
    assert column(view.member_proxy, 0) == ["马丽娟"]


def test_a_team_name_already_taken_is_shown_in_the_dialog(qtbot, admin_window):
    view = teams_view(admin_window, qtbot)
    for _attempt in range(2):
        dialog = view.new_team()
        dialog.name.setText("文艺队")
        dialog.kind.setCurrentIndex(dialog.kind.findData("arts"))
        save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and dialog.message.text()
    assert dialog.name.text() == "文艺队"
    dialog.reject()
    assert column(view.team_proxy, 0).count("文艺队") == 1


def test_a_new_team_is_not_the_village_group_by_a_slip(qtbot, admin_window):
    view = teams_view(admin_window, qtbot)
    dialog = view.new_team()
    assert dialog.kind.currentIndex() == -1  # nothing chosen for the person
    typed(dialog.name, "医疗队")
    assert dialog.kind.currentData() == "medical"  # read from the name as it is typed
    dialog.name.selectAll()
    typed(dialog.name, "老年协会")
    assert dialog.name.text() == "老年协会"
    assert dialog.kind.currentIndex() == -1
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.kind.property("problem") is True
    assert "Choose the kind of team" in dialog.message.text()

    # The demo village has its group (向阳村志愿服务队): a second one is refused, saying which it has.
    dialog.kind.setCurrentIndex(dialog.kind.findData("village"))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "向阳村志愿服务队" in dialog.message.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("other"))
    save(qtbot, dialog)
    assert closed(dialog)
    row = column(view.team_proxy, 0).index("老年协会")
    assert view.team_proxy.index(row, 1).data() == "Other"
    assert column(view.team_proxy, 1).count("Village volunteer group") == 1


def test_the_member_list_exports_with_the_columns_shown(qtbot, admin_window, monkeypatch, tmp_path):
    ids = register_people(admin_window.context)
    view = teams_view(admin_window, qtbot)
    dialog = view.new_team()
    dialog.name.setText("科普惠民服务队")
    dialog.kind.setCurrentIndex(dialog.kind.findData("science"))
    save(qtbot, dialog)
    view._add(view.selected_team(), [ids["林海涛"]])
    settle(qtbot)
    target = tmp_path / "members.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    click(qtbot, view.export_members_button)
    qtbot.waitUntil(lambda: not admin_window.context.runner.busy(), timeout=10000)

    values = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert list(values[0]) == ["Name", "Phone", "Role", "Joined"]
    assert values[1][0] == "林海涛" and values[1][2] == "Member"


def test_reloading_reads_the_chosen_teams_members_once(qtbot, admin_window, monkeypatch):
    view = teams_view(admin_window, qtbot)
    read: list[str] = []
    list_members = view_module.teams.list_members
    monkeypatch.setattr(view_module.teams, "list_members",
                        lambda uow, *, team_id: read.append(team_id) or list_members(uow, team_id=team_id))
    view.reload()
    settle(qtbot)
    assert view.selected_team() is not None
    assert read == [view.selected_team().id]
