"""Change events: what one place commits shows in the areas that show it, on screen at once, hidden ones when
next shown, whichever thread committed it; areas that do not show it read nothing."""

from __future__ import annotations

import threading

from screen import column, register, save, settle

from desktop.services import teams
from ui.views.teams import TeamsView
from ui.views.volunteers import VolunteersView


def test_a_volunteer_registered_elsewhere_shows_in_the_open_list_without_leaving_it(qtbot, admin_window):
    view = admin_window.show_area("volunteers")
    assert isinstance(view, VolunteersView)
    view.search.setText("宋家豪")
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=5000)
    settle(qtbot)
    assert column(view.model, 0) == []

    # Committed on another thread, as an import or a sync's pulled page is.
    worker = threading.Thread(target=lambda: register(admin_window.context, "宋家豪", "22080219880808123"))
    worker.start()
    worker.join(30)
    settle(qtbot)
    assert admin_window.views.currentWidget() is view
    assert column(view.model, 0) == ["宋家豪"]


def test_a_hidden_area_reads_again_when_shown_and_only_if_what_it_shows_changed(qtbot, admin_window, monkeypatch):
    context = admin_window.context
    teams_view = admin_window.show_area("teams")
    assert isinstance(teams_view, TeamsView)
    settle(qtbot)
    admin_window.show_area("station")
    settle(qtbot)

    reads: list[bool] = []
    list_teams = teams.list_teams
    monkeypatch.setattr(teams, "list_teams", lambda uow, **kw: reads.append(True) or list_teams(uow, **kw))
    # Leaving and coming back with nothing changed reads nothing again.
    admin_window.show_area("teams")
    settle(qtbot)
    assert reads == []
    admin_window.show_area("station")
    settle(qtbot)

    # A team made while the area is hidden: it is read once, when the area comes back.
    with context.db.unit_of_work(context.actor) as uow:
        teams.create_team(uow, name="环境整治队", kind="other")
    settle(qtbot)
    assert reads == []
    admin_window.show_area("teams")
    settle(qtbot)
    assert reads == [True]
    assert "环境整治队" in column(teams_view.team_proxy, 0)


def test_a_team_saved_in_its_dialog_shows_in_the_list_behind_it(qtbot, admin_window):
    view = admin_window.show_area("teams")
    settle(qtbot)
    dialog = view.new_team()
    dialog.name.setText("平安巡逻队")
    dialog.kind.setCurrentIndex(dialog.kind.findData("other"))
    save(qtbot, dialog)
    assert "平安巡逻队" in column(view.team_proxy, 0)
    assert view.selected_team().name == "平安巡逻队"
