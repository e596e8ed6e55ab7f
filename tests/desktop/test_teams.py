"""Volunteer groups: unique names, members and leaders, who may join, leaving a team."""

from __future__ import annotations

import pytest

from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import teams
from desktop.services.station import village_code
from desktop.storage.models import TeamMember, Volunteer


def add_volunteer(st, name: str, n: int, *, phone: str = "", status: str = "active") -> str:
    first17 = f"22080219900101{n:03d}"
    with st.db.unit_of_work(st.coordinator) as uow:
        row = Volunteer(village_code=village_code(uow), name=name, id_number=first17 + check_character(first17),
                        phone=phone, status=status, registered_on="2026-01-01")
        uow.session.add(row)
        uow.session.flush()
        return row.id


def test_a_team_name_is_unique_among_active_teams_whatever_its_case_or_spaces(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        medical = teams.create_team(uow, name="Medical Team", kind="medical", description="村卫生室")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.create_team(uow, name="  medical  team ", kind="medical")
    assert refused.value.field == "name"
    assert "Medical Team" in refused.value.text()
    # once the old team is wound up, the name is free again
    with st.db.unit_of_work(st.coordinator) as uow:
        teams.update_team(uow, team_id=medical.id, name="Medical Team", kind="medical", description="",
                          active=False)
        teams.create_team(uow, name="medical team", kind="medical")
    with st.db.reading(st.viewer) as uow:
        assert [t.name for t in teams.list_teams(uow)] == ["medical team"]
        assert len(teams.list_teams(uow, include_inactive=True)) == 2


def test_only_the_listed_kinds_of_team_are_accepted(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.create_team(uow, name="舞蹈队", kind="dance")
    assert refused.value.field == "kind"
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.create_team(uow, name="  ", kind="arts")
    assert refused.value.field == "name"


def test_the_village_has_one_group_of_its_own_at_a_time(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        group = teams.create_team(uow, name="幸福村志愿服务队", kind="village")
        medical = teams.create_team(uow, name="医疗队", kind="medical")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.create_team(uow, name="文艺队", kind="village")
    assert refused.value.field == "kind"
    assert "幸福村志愿服务队" in refused.value.text()
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.update_team(uow, team_id=medical.id, name="医疗队", kind="village", description="", active=True)
    assert refused.value.field == "kind"
    with st.db.unit_of_work(st.coordinator) as uow:  # the group itself keeps its kind; wound up, a new one may start
        teams.update_team(uow, team_id=group.id, name="幸福村志愿服务队", kind="village", description="全村",
                          active=False)
        teams.create_team(uow, name="幸福村志愿者队", kind="village")
    with st.db.reading(st.viewer) as uow:
        assert [t.kind for t in teams.list_teams(uow)].count("village") == 1


def test_a_viewer_cannot_make_a_team(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.viewer) as uow, pytest.raises(PermissionDenied):
        teams.create_team(uow, name="文艺队", kind="arts")


def test_members_several_leaders_and_no_double_membership(setup_station, fake_now):
    st = setup_station
    st.db.now = fake_now  # 2026-11-29
    zhang = add_volunteer(st, "张伟", 1, phone="13800000001")
    li = add_volunteer(st, "李娜", 2)
    wang = add_volunteer(st, "王芳", 3)
    with st.db.unit_of_work(st.coordinator) as uow:
        team = teams.create_team(uow, name="幸福村志愿服务队", kind="village")
        first = teams.add_member(uow, team_id=team.id, volunteer_id=zhang, role="leader")
        teams.add_member(uow, team_id=team.id, volunteer_id=li)
        wang_member = teams.add_member(uow, team_id=team.id, volunteer_id=wang)
        teams.set_member_role(uow, member_id=wang_member.id, role="leader")
    assert (first.name, first.phone, first.role) == ("张伟", "13800000001", "leader")
    assert first.joined_on == "2026-11-29"
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.add_member(uow, team_id=team.id, volunteer_id=li)
    assert "李娜" in refused.value.text() and refused.value.field == "volunteer_id"
    with st.db.reading(st.viewer) as uow:
        info = teams.list_teams(uow)[0]
        members = teams.list_members(uow, team_id=team.id)
    assert info.member_count == 3
    assert set(info.leaders) == {"张伟", "王芳"}
    assert [m.role for m in members][:2] == ["leader", "leader"]


def test_removing_a_member_keeps_a_tombstone_and_they_may_join_again(setup_station):
    st = setup_station
    li = add_volunteer(st, "李娜", 2)
    with st.db.unit_of_work(st.coordinator) as uow:
        team = teams.create_team(uow, name="文艺队", kind="arts")
        member = teams.add_member(uow, team_id=team.id, volunteer_id=li)
        teams.remove_member(uow, member_id=member.id)
    with st.db.reading(st.viewer) as uow:
        assert teams.list_members(uow, team_id=team.id) == []
        assert uow.session.get(TeamMember, member.id).deleted is True
        assert teams.team_names_by_volunteer(uow.session, [li]) == {}
    with st.db.unit_of_work(st.coordinator) as uow:
        teams.add_member(uow, team_id=team.id, volunteer_id=li)
    with st.db.reading(st.viewer) as uow:
        assert [m.name for m in teams.list_members(uow, team_id=team.id)] == ["李娜"]


@pytest.mark.parametrize("status", ["left", "merged"])
def test_a_volunteer_who_left_or_was_merged_cannot_join(setup_station, status):
    st = setup_station
    gone = add_volunteer(st, "赵强", 4, status=status)
    with st.db.unit_of_work(st.coordinator) as uow:
        team = teams.create_team(uow, name="科普队", kind="science")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        teams.add_member(uow, team_id=team.id, volunteer_id=gone)
    assert "赵强" in refused.value.text()


def test_team_names_by_volunteer_for_the_volunteer_list(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    li = add_volunteer(st, "李娜", 2)
    with st.db.unit_of_work(st.coordinator) as uow:
        arts = teams.create_team(uow, name="文艺队", kind="arts")
        medical = teams.create_team(uow, name="医疗队", kind="medical")
        teams.add_member(uow, team_id=arts.id, volunteer_id=zhang)
        teams.add_member(uow, team_id=medical.id, volunteer_id=zhang)
        teams.add_member(uow, team_id=arts.id, volunteer_id=li)
    with st.db.reading(st.viewer) as uow:
        names = teams.team_names_by_volunteer(uow.session, [zhang, li])
    assert sorted(names[zhang]) == ["医疗队", "文艺队"]
    assert names[li] == ["文艺队"]


def test_teams_are_listed_in_pinyin_order_in_the_list_and_beside_a_volunteer(setup_station):
    st = setup_station
    person = add_volunteer(st, "王建国", 1)
    with st.db.unit_of_work(st.coordinator) as uow:
        for name, kind in (("文艺服务队", "arts"), ("安全服务队", "rescue"), ("法律援助队", "legal")):
            team = teams.create_team(uow, name=name, kind=kind)
            teams.add_member(uow, team_id=team.id, volunteer_id=person)
    with st.db.reading(st.viewer) as uow:  # 安 an, 法 fa, 文 wen — not 安, 文, 法 as the characters' codes go
        assert [t.name for t in teams.list_teams(uow)] == ["安全服务队", "法律援助队", "文艺服务队"]
        assert teams.team_names_by_volunteer(uow.session, [person])[person] == ["安全服务队", "法律援助队",
                                                                                "文艺服务队"]
