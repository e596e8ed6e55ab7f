"""What each role sees, and that the services refuse what the role may not do even without the UI."""

from __future__ import annotations

import pytest
from screen import settle

from desktop.errors import PermissionDenied
from desktop.services import accounts, audit, backups, settings, station
from desktop.services.audit import AuditFilter
from desktop.services.demo import DEMO_ACCOUNTS
from ui.windows.main_window import MainWindow

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS


PROGRAMME = ["Volunteers", "Volunteer teams", "Activities", "Service hours", "Good people", "Households",
             "Sponsorships", "Micro-wishes", "Wish board", "Love hut"]


def _areas(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_the_viewer_sees_only_the_station_and_sync_and_cannot_change_anything(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, VIEWER.username)
    assert isinstance(window, MainWindow)
    assert _areas(window) == ["Station", *PROGRAMME, "Sync"]
    assert window.views.count() == 12
    sync_view = window.view_by_key["sync"]
    assert not sync_view.enroll_button.isVisible() and not sync_view.keep_other.isVisible()
    profile = window.view_by_key["station"]
    assert profile.isVisible()
    assert profile.station_name.text() == "向阳村志愿服务站"
    for field in profile.fields.values():
        assert field.isReadOnly(), field.objectName()
    assert not profile.save_button.isVisible()
    assert not profile.revert_button.isVisible()
    volunteers = window.view_by_key["volunteers"]
    assert volunteers.model.rowCount() == 0  # nothing is read before the area is first shown
    assert window.show_area("volunteers") is volunteers
    settle(qtbot)
    assert volunteers.model.rowCount() > 0  # the viewer may look
    assert not volunteers.register_button.isVisibleTo(volunteers)
    assert not volunteers.import_button.isVisibleTo(volunteers)
    assert getattr(volunteers, "reveal_button", None) is None


def test_the_hut_manager_sees_no_accounts_audit_or_settings(demo_app, sign_in):
    window = sign_in(demo_app, HUT_MANAGER.username)
    assert _areas(window) == ["Station", *PROGRAMME, "Sync"]
    assert set(window.view_by_key) == {"station", "volunteers", "teams", "activities", "hours", "good_people",
                                       "households", "sponsorships", "wishes", "wish_board", "hut", "sync"}
    assert not window.view_by_key["station"].save_button.isVisible()


def test_the_coordinator_may_edit_the_village_profile(demo_app, sign_in):
    window = sign_in(demo_app, COORDINATOR.username)
    assert _areas(window) == ["Station", *PROGRAMME, "Sync"]
    profile = window.view_by_key["station"]
    assert not profile.contact_phone.isReadOnly()
    assert profile.save_button.isVisible()


def test_the_admin_sees_every_area(admin_window):
    assert _areas(admin_window) == ["Station", *PROGRAMME, "Accounts", "Audit log", "Sync", "Settings"]
    assert admin_window.view_by_key["station"].save_button.isVisible()


def test_the_services_refuse_the_viewer_too(demo_app, sign_in):
    window = sign_in(demo_app, VIEWER.username)
    db, viewer = demo_app.db, window.context.actor
    assert viewer.username == VIEWER.username

    with pytest.raises(PermissionDenied), db.unit_of_work(viewer) as uow:
        station.update_village_profile(uow, station_name="改名", contact_name="", contact_phone="",
                                       address="", office_hours="", notes="")
    with pytest.raises(PermissionDenied), db.reading(viewer) as uow:
        accounts.list_users(uow)
    with pytest.raises(PermissionDenied), db.reading(viewer) as uow:
        audit.list_audit(uow, where=AuditFilter())
    with pytest.raises(PermissionDenied), db.unit_of_work(viewer) as uow:
        settings.save_settings(uow, settings=settings.Settings(language="en"))
    with pytest.raises(PermissionDenied):
        backups.backup_now(db, actor=viewer)

    with db.reading(viewer) as uow:
        assert station.village_profile(uow).station_name == "向阳村志愿服务站"
        assert settings.load_settings(uow).language == "zh_CN"
