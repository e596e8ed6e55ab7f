"""Local accounts: signing in, waiting after wrong passwords, what each role may do, and password care."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.domain.actor import SYSTEM
from desktop.domain.roles import Role
from desktop.errors import InvalidInput, PermissionDenied, SignInRefused
from desktop.services import accounts, station
from desktop.services.audit import AuditFilter, list_audit
from desktop.services.demo import DEMO_ACCOUNTS, build_demo
from desktop.storage.models import User

PROFILE = dict(station_name="幸福村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
               address="平安镇幸福村村委会", office_hours="周一至周五", notes="")


def _sign_in(db, username: str, password: str):
    with db.unit_of_work(SYSTEM) as uow:
        return accounts.sign_in(uow, username=username, password=password)


def _refused(db, username: str, password: str) -> SignInRefused:
    with pytest.raises(SignInRefused) as caught:
        _sign_in(db, username, password)
    return caught.value


def _user_info(db, admin, username: str) -> accounts.UserInfo:
    with db.reading(admin) as uow:
        return next(user for user in accounts.list_users(uow) if user.username == username)


def _failed_attempts(db, username: str) -> int:
    with db.reading(SYSTEM) as uow:
        return uow.session.scalars(select(User.failed_attempts).where(User.username == username)).one()


def test_signing_in_returns_the_person_with_their_role(setup_station):
    s = setup_station
    actor = _sign_in(s.db, "coordinator", s.password)
    assert actor.user_id == s.coordinator.user_id
    assert actor.display_name == "李秀英"
    assert actor.role == Role.COORDINATOR
    # User names are not case- or width-sensitive: people type them on a shared PC.
    assert _sign_in(s.db, " ＡＤＭＩＮ ", s.password).role == Role.ADMIN


def test_a_wrong_password_is_refused(setup_station):
    s = setup_station
    error = _refused(s.db, "coordinator", "not-the-password")
    assert error.field == "password"
    assert _failed_attempts(s.db, "coordinator") == 1


def test_an_unknown_or_inactive_user_gets_the_same_message_as_a_wrong_password(setup_station):
    s = setup_station
    wrong_password = _refused(s.db, "coordinator", "not-the-password")
    unknown_user = _refused(s.db, "nobody", s.password)
    assert str(unknown_user) == str(wrong_password)
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.viewer.user_id, display_name="刘明", role=Role.VIEWER, active=False)
    inactive_user = _refused(s.db, "viewer", s.password)
    assert str(inactive_user) == str(wrong_password)


def test_after_three_wrong_passwords_even_the_right_one_must_wait(setup_station, fake_now):
    s = setup_station
    s.db.now = fake_now
    _refused(s.db, "coordinator", "wrong-1")
    _refused(s.db, "coordinator", "wrong-2")
    third = _refused(s.db, "coordinator", "wrong-3")
    assert third.params["seconds"] == 5
    assert "5 seconds" in str(third)

    fake_now.advance(2)
    waiting = _refused(s.db, "coordinator", s.password)
    assert waiting.params["seconds"] == 3
    assert "Wait 3 seconds" in str(waiting)
    assert _failed_attempts(s.db, "coordinator") == 3  # a refused try while waiting is not counted

    fake_now.advance(3)
    actor = _sign_in(s.db, "coordinator", s.password)
    assert actor.user_id == s.coordinator.user_id
    assert _failed_attempts(s.db, "coordinator") == 0

    # The counter started again: one slip is refused without any wait.
    error = _refused(s.db, "coordinator", "wrong-again")
    assert "seconds" not in error.params
    fake_now.advance(0.5)
    assert _sign_in(s.db, "coordinator", s.password).role == Role.COORDINATOR


def test_the_wait_grows_with_more_wrong_passwords(setup_station, fake_now):
    s = setup_station
    s.db.now = fake_now
    for attempt in ("a1", "a2", "a3"):
        _refused(s.db, "viewer", attempt)
    fake_now.advance(5)
    fourth = _refused(s.db, "viewer", "a4")
    assert fourth.params["seconds"] == 10
    fake_now.advance(9)
    assert _refused(s.db, "viewer", s.password).params["seconds"] == 1
    fake_now.advance(1)
    assert _sign_in(s.db, "viewer", s.password).role == Role.VIEWER


def test_other_accounts_are_not_held_up_by_someone_elses_wrong_passwords(setup_station, fake_now):
    s = setup_station
    s.db.now = fake_now
    for attempt in ("a1", "a2", "a3"):
        _refused(s.db, "viewer", attempt)
    assert _sign_in(s.db, "hut", s.password).role == Role.HUT_MANAGER


@pytest.mark.parametrize("who", ["viewer", "hut_manager"])
def test_viewer_and_hut_manager_may_not_add_users(setup_station, who):
    s = setup_station
    with pytest.raises(PermissionDenied), s.db.unit_of_work(getattr(s, who)) as uow:
        accounts.add_user(uow, username="intruder", display_name="外人", role=Role.ADMIN, password="sneaky-1")
    with pytest.raises(SignInRefused):
        _sign_in(s.db, "intruder", "sneaky-1")


def test_an_account_is_never_given_a_role_that_was_not_chosen(setup_station):
    s = setup_station
    with pytest.raises(InvalidInput) as refused, s.db.unit_of_work(s.admin) as uow:
        accounts.add_user(uow, username="zhaokj", display_name="赵会计", role="", password="start-1357")
    assert refused.value.field == "role"
    with pytest.raises(SignInRefused):
        _sign_in(s.db, "zhaokj", "start-1357")


@pytest.mark.parametrize("who", ["viewer", "hut_manager"])
def test_viewer_and_hut_manager_may_not_edit_the_village_profile(setup_station, who):
    s = setup_station
    with pytest.raises(PermissionDenied), s.db.unit_of_work(getattr(s, who)) as uow:
        station.update_village_profile(uow, **{**PROFILE, "station_name": "被改的名字"})
    with s.db.reading(s.viewer) as uow:
        assert station.village_profile(uow).station_name == "幸福村志愿服务站"


def test_coordinator_may_edit_the_village_profile_but_not_manage_users(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.coordinator) as uow:
        station.update_village_profile(uow, **{**PROFILE, "station_name": "幸福村新时代文明实践站"})
    with s.db.reading(s.viewer) as uow:
        profile = station.village_profile(uow)
    assert profile.station_name == "幸福村新时代文明实践站"
    assert profile.updated_by_name == "李秀英"
    with pytest.raises(PermissionDenied), s.db.reading(s.coordinator) as uow:
        accounts.list_users(uow)


def test_a_demoted_or_switched_off_person_loses_their_rights_at_once(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.coordinator.user_id, display_name="李秀英", role=Role.VIEWER,
                             active=True)
    # The coordinator is still signed in with the role they had; the services use the role as it is now.
    with pytest.raises(PermissionDenied), s.db.unit_of_work(s.coordinator) as uow:
        station.update_village_profile(uow, **PROFILE)
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.coordinator.user_id, display_name="李秀英", role=Role.COORDINATOR,
                             active=False)
    with pytest.raises(PermissionDenied) as refused, s.db.reading(s.coordinator) as uow:
        station.village_profile(uow)
    assert "switched off" in refused.value.text()


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(setup_station):
    s = setup_station
    admin_id = s.admin.user_id
    for role, active in ((Role.COORDINATOR, True), (Role.ADMIN, False), (Role.VIEWER, False)):
        with pytest.raises(InvalidInput) as caught, s.db.unit_of_work(s.admin) as uow:
            accounts.update_user(uow, user_id=admin_id, display_name="王建国", role=role, active=active)
        assert caught.value.field == "role"
    info = _user_info(s.db, s.admin, "admin")
    assert (info.role, info.active) == (Role.ADMIN, True)

    # With a second admin, the first may step down.
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.coordinator.user_id, display_name="李秀英", role=Role.ADMIN,
                             active=True)
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=admin_id, display_name="王建国", role=Role.COORDINATOR, active=True)
    new_admin = _sign_in(s.db, "coordinator", s.password)
    assert new_admin.role == Role.ADMIN
    assert _user_info(s.db, new_admin, "admin").role == Role.COORDINATOR
    assert _sign_in(s.db, "admin", s.password).role == Role.COORDINATOR


def test_an_inactive_admin_does_not_count_as_the_other_admin(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.coordinator.user_id, display_name="李秀英", role=Role.ADMIN,
                             active=False)
    with pytest.raises(InvalidInput), s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.admin.user_id, display_name="王建国", role=Role.ADMIN, active=False)


def test_an_admin_password_reset_forces_a_new_password_and_retires_the_old(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        info = accounts.reset_password(uow, user_id=s.coordinator.user_id, new_password="temporary-7")
    assert info.must_change_password
    assert _user_info(s.db, s.admin, "coordinator").must_change_password
    _refused(s.db, "coordinator", s.password)
    actor = _sign_in(s.db, "coordinator", "temporary-7")

    with s.db.unit_of_work(actor) as uow:
        accounts.change_own_password(uow, current_password="temporary-7", new_password="my-own-pass")
    assert not _user_info(s.db, s.admin, "coordinator").must_change_password
    _refused(s.db, "coordinator", "temporary-7")
    assert _sign_in(s.db, "coordinator", "my-own-pass").user_id == s.coordinator.user_id


def test_only_the_admin_may_reset_passwords(setup_station):
    s = setup_station
    with pytest.raises(PermissionDenied), s.db.unit_of_work(s.coordinator) as uow:
        accounts.reset_password(uow, user_id=s.admin.user_id, new_password="taken-over")
    assert _sign_in(s.db, "admin", s.password).role == Role.ADMIN


def test_changing_ones_own_password_needs_the_current_one(setup_station):
    s = setup_station
    with pytest.raises(InvalidInput) as caught, s.db.unit_of_work(s.viewer) as uow:
        accounts.change_own_password(uow, current_password="a-guess", new_password="new-password-1")
    assert caught.value.field == "current_password"
    _refused(s.db, "viewer", "new-password-1")

    with pytest.raises(InvalidInput) as caught, s.db.unit_of_work(s.viewer) as uow:
        accounts.change_own_password(uow, current_password=s.password, new_password="abc")
    assert caught.value.field == "new_password"

    with pytest.raises(InvalidInput) as caught, s.db.unit_of_work(s.viewer) as uow:
        accounts.change_own_password(uow, current_password=s.password, new_password=s.password)
    assert caught.value.field == "new_password"

    with s.db.unit_of_work(s.viewer) as uow:
        accounts.change_own_password(uow, current_password=s.password, new_password="new-password-1")
    _refused(s.db, "viewer", s.password)
    assert _sign_in(s.db, "viewer", "new-password-1").role == Role.VIEWER


def test_a_taken_user_name_is_refused(setup_station):
    s = setup_station
    with pytest.raises(InvalidInput) as caught, s.db.unit_of_work(s.admin) as uow:
        accounts.add_user(uow, username="Viewer", display_name="又一个", role=Role.VIEWER, password="other-pass")
    assert caught.value.field == "username"


def test_sign_ins_and_failed_sign_ins_are_in_the_audit_log(setup_station):
    s = setup_station
    _sign_in(s.db, "coordinator", s.password)
    _refused(s.db, "coordinator", "wrong-password")
    _refused(s.db, "nobody", "whatever")
    with s.db.reading(s.admin) as uow:
        signed_in = list_audit(uow, where=AuditFilter(action="sign_in"))
        failed = list_audit(uow, where=AuditFilter(action="sign_in_failed"))
    assert [(row.entity_id, row.user_name) for row in signed_in] == [(s.coordinator.user_id, "李秀英")]
    assert len(failed) == 2
    assert {row.details["username"] for row in failed} == {"coordinator", "nobody"}
    by_name = {row.details["username"]: row for row in failed}
    assert by_name["coordinator"].entity_id == s.coordinator.user_id
    assert by_name["coordinator"].details["attempts"] == 1
    assert all("wrong-password" not in str(row.details) for row in failed)
    with pytest.raises(PermissionDenied), s.db.reading(s.coordinator) as uow:
        list_audit(uow, where=AuditFilter())


def test_every_demo_account_signs_in_with_its_role(folder):
    db = build_demo(folder)
    try:
        for account in DEMO_ACCOUNTS:
            actor = _sign_in(db, account.username, account.password)
            assert (actor.display_name, actor.role) == (account.display_name, account.role)
    finally:
        db.close()
