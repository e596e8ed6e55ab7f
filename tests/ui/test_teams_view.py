"""The volunteer teams area: starting a team, adding members with the picker, making a leader, exporting."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.domain.id_number import check_character
from desktop.services import volunteers
from desktop.services.volunteers import VolunteerForm
from ui.views import teams as view_module
from ui.views.teams import TeamsView
from ui.volunteer_picker import VolunteerPicker


def id_number(first17: str) -> str:
    return first17 + check_character(first17)


def teams_view(window) -> TeamsView:
    view = window.view_by_key.get("teams")
    if view is None:
        view = TeamsView(window.context)
        window.views.addWidget(view)
    window.views.setCurrentWidget(view)
    view.reload()  # what the test registered through the services since the window was built
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def column(model, index: int) -> list[str]:
    return [model.index(row, index).data() for row in range(model.rowCount())]


def offered(picker) -> list[str]:
    """The volunteers the picker lists, by id."""
    return [picker.list.item(i).data(Qt.ItemDataRole.UserRole + 1).id for i in range(picker.list.count())]


def register_people(context) -> dict[str, str]:
    people = {"郑卫东": id_number("22080219750101111"), "马丽娟": id_number("22080219820202222"),
              "林海涛": id_number("22080219930303333")}
    ids = {}
    with context.db.unit_of_work(context.actor) as uow:
        for number, (name, card) in enumerate(people.items()):
            info = volunteers.register_volunteer(
                uow, form=VolunteerForm(name=name, id_number=card, phone=f"1380436100{number}"))
            ids[name] = info.id
    return ids


def test_a_coordinator_starts_a_team_adds_two_members_and_makes_one_leader(qtbot, admin_window, monkeypatch):
    ids = register_people(admin_window.context)
    view = teams_view(admin_window)

    dialog = view.new_team()
    dialog.name.setText("医疗卫生服务队")
    dialog.kind.setCurrentIndex(dialog.kind.findData("medical"))
    dialog.description.setText("每月义诊")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    assert view.selected_team().name == "医疗卫生服务队"
    assert "医疗卫生服务队" in column(view.team_model, 0)
    assert view.member_model.rowCount() == 0

    picker = view.add_members()
    assert isinstance(picker, VolunteerPicker)
    assert not picker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(picker.search, "zwd")
    qtbot.waitUntil(lambda: not picker._debounce.isActive(), timeout=2000)
    assert ids["郑卫东"] in offered(picker) and ids["马丽娟"] not in offered(picker)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # one match: Enter ticks it, the dialog stays
    assert picker.isVisible() and picker.chosen_ids() == [ids["郑卫东"]]
    picker.search.clear()
    picker.search.setText("马丽")  # typed through an input method
    qtbot.waitUntil(lambda: not picker._debounce.isActive(), timeout=2000)
    assert ids["马丽娟"] in offered(picker) and ids["郑卫东"] not in offered(picker)
    picker.choose(ids["马丽娟"])
    assert picker.hint.text().startswith("2 chosen")
    click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))

    assert sorted(column(view.member_model, 0)) == sorted(["郑卫东", "马丽娟"])
    assert set(column(view.member_model, 2)) == {"Member"}
    row = column(view.member_model, 0).index("马丽娟")
    view.member_table.selectRow(row)
    assert view.make_leader_button.isEnabled() and not view.make_member_button.isEnabled()
    click(qtbot, view.make_leader_button)

    roles = dict(zip(column(view.member_model, 0), column(view.member_model, 2), strict=True))
    assert roles == {"马丽娟": "Team leader", "郑卫东": "Member"}
    team_row = column(view.team_model, 0).index("医疗卫生服务队")
    assert view.team_model.index(team_row, 2).data() == "2"
    assert view.team_model.index(team_row, 3).data() == "马丽娟"

    # Those already in the team are not offered again.
    picker = view.add_members()
    assert ids["林海涛"] in offered(picker) and ids["郑卫东"] not in offered(picker)
    picker.reject()

    # Removing asks first; saying no keeps the member.
    view.member_table.selectRow(column(view.member_model, 0).index("郑卫东"))
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: False)
    click(qtbot, view.remove_button)
    assert view.member_model.rowCount() == 2
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: True)
    click(qtbot, view.remove_button)
    assert column(view.member_model, 0) == ["马丽娟"]


def test_a_team_name_already_taken_is_shown_in_the_dialog(qtbot, admin_window):
    view = teams_view(admin_window)
    for _attempt in range(2):
        dialog = view.new_team()
        dialog.name.setText("文艺队")
        dialog.kind.setCurrentIndex(dialog.kind.findData("arts"))
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible()
    assert dialog.message.isVisible() and dialog.message.text()
    assert dialog.name.text() == "文艺队"
    dialog.reject()
    assert column(view.team_model, 0).count("文艺队") == 1


def test_the_member_list_exports_with_the_columns_shown(qtbot, admin_window, monkeypatch, tmp_path):
    ids = register_people(admin_window.context)
    view = teams_view(admin_window)
    dialog = view.new_team()
    dialog.name.setText("科普惠民服务队")
    dialog.kind.setCurrentIndex(dialog.kind.findData("science"))
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    view._add(view.selected_team(), [ids["林海涛"]])
    target = tmp_path / "members.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    click(qtbot, view.export_members_button)
    qtbot.waitUntil(lambda: not admin_window.context.runner.busy(), timeout=10000)

    values = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert list(values[0]) == ["Name", "Phone", "Role", "Joined"]
    assert values[1][0] == "林海涛" and values[1][2] == "Member"


def test_reloading_reads_the_chosen_teams_members_once(qtbot, admin_window, monkeypatch):
    view = teams_view(admin_window)
    read: list[str] = []
    list_members = view_module.teams.list_members
    monkeypatch.setattr(view_module.teams, "list_members",
                        lambda uow, *, team_id: read.append(team_id) or list_members(uow, team_id=team_id))
    view.reload()
    assert view.selected_team() is not None
    assert read == [view.selected_team().id]
