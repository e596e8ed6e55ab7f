"""Good people: nominate, put on public notice for long enough, publish after it, or not adopt."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import good_people
from desktop.services.station import village_code
from desktop.storage.models import Volunteer


def add_volunteer(st, name: str, n: int) -> str:
    first17 = f"22080219900101{n:03d}"
    with st.db.unit_of_work(st.coordinator) as uow:
        row = Volunteer(village_code=village_code(uow), name=name, id_number=first17 + check_character(first17),
                        registered_on="2026-01-01")
        uow.session.add(row)
        uow.session.flush()
        return row.id


@pytest.fixture
def st(setup_station, fake_now):
    setup_station.db.now = fake_now  # 2026-11-29
    return setup_station


def nominate(st, name="刘大娘", **extra):
    with st.db.unit_of_work(st.coordinator) as uow:
        return good_people.nominate(uow, name=name, category=extra.pop("category", "filial"),
                                    deeds=extra.pop("deeds", "照顾瘫痪婆婆二十年"), nominated_by="三组村民", **extra)


def test_a_nomination_needs_a_name_deeds_and_a_listed_category(st):
    for change, field in ((dict(name=" "), "name"), (dict(deeds=""), "deeds"), (dict(category="rich"), "category")):
        with pytest.raises(InvalidInput) as refused:
            nominate(st, **change)
        assert refused.value.field == field
    with st.db.unit_of_work(st.viewer) as uow, pytest.raises(PermissionDenied):
        good_people.nominate(uow, name="刘大娘", category="filial", deeds="x", nominated_by="")


def test_a_volunteer_nominated_gets_their_name_filled_in(st):
    zhang = add_volunteer(st, "张伟", 1)
    info = nominate(st, name="", volunteer_id=zhang, category="bravery", deeds="跳入冰河救起落水儿童")
    assert (info.name, info.volunteer_id, info.status, info.nominated_on) == ("张伟", zhang, "nominated", "2026-11-29")


def test_a_notice_shorter_than_the_station_minimum_is_refused(st):
    info = nominate(st)
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(PermissionDenied):
        good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-30", notice_to="2026-12-06")
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-30", notice_to="2026-12-05")
    assert refused.value.params["days"] == 7 and "2026-12-06" in refused.value.text()
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-20", notice_to="2026-12-06")
    assert refused.value.field == "notice_from"
    with st.db.unit_of_work(st.admin) as uow:
        on_notice = good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-30",
                                             notice_to="2026-12-06")
    assert (on_notice.status, on_notice.notice_from, on_notice.notice_to) == ("on_notice", "2026-11-30", "2026-12-06")
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput, match="not possible now"):
        good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-12-01", notice_to="2026-12-31")


def test_publishing_waits_until_the_notice_is_over(st, fake_now):
    info = nominate(st)
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput, match="not possible now"):
        good_people.publish_nomination(uow, nomination_id=info.id)  # not on notice yet
    with st.db.unit_of_work(st.admin) as uow:
        good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-30", notice_to="2026-12-06")
    fake_now.current = datetime(2026, 12, 6, 16, 0)
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        good_people.publish_nomination(uow, nomination_id=info.id)
    assert "2026-12-07" in refused.value.text()
    fake_now.current = datetime(2026, 12, 7, 8, 0)
    with st.db.unit_of_work(st.admin) as uow:
        published = good_people.publish_nomination(uow, nomination_id=info.id, note="村民代表会议通过")
    assert (published.status, published.decided_on, published.decision_note) == (
        "published", "2026-12-07", "村民代表会议通过")
    with st.db.reading(st.viewer) as uow:
        assert [n.name for n in good_people.honour_list(uow, year=2026)] == ["刘大娘"]
        assert good_people.honour_list(uow, year=2027) == []


def test_not_adopting_needs_a_reason_and_keeps_it(st):
    info = nominate(st)
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        good_people.reject_nomination(uow, nomination_id=info.id, note="  ")
    assert refused.value.field == "note"
    with st.db.unit_of_work(st.admin) as uow:
        rejected = good_people.reject_nomination(uow, nomination_id=info.id, note="事迹核实不符")
    assert (rejected.status, rejected.decision_note, rejected.decided_on) == ("rejected", "事迹核实不符", "2026-11-29")
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput):
        good_people.reject_nomination(uow, nomination_id=info.id, note="again")
    with st.db.reading(st.viewer) as uow:
        assert [n.id for n in good_people.list_nominations(uow, status="rejected")] == [info.id]


def test_the_honour_list_is_in_name_order(st, fake_now):
    for name in ("王秀梅", "陈建华", "刘大娘"):
        info = nominate(st, name=name)
        with st.db.unit_of_work(st.admin) as uow:
            good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-29", notice_to="2026-12-05")
    fake_now.current = datetime(2026, 12, 8, 9, 0)
    with st.db.unit_of_work(st.admin) as uow:
        for info in good_people.list_nominations(uow, status="on_notice"):
            good_people.publish_nomination(uow, nomination_id=info.id)
    with st.db.reading(st.viewer) as uow:
        assert [n.name for n in good_people.honour_list(uow, year=2026)] == ["陈建华", "刘大娘", "王秀梅"]


def test_each_nomination_says_what_the_person_asking_may_do_next(st, fake_now):
    from desktop.domain.volunteering import NominationAction as Do

    info = nominate(st)
    with st.db.reading(st.admin) as uow:
        assert good_people.list_nominations(uow)[0].actions == {Do.START_NOTICE, Do.REJECT}
    with st.db.reading(st.coordinator) as uow:  # nominates, but does not review
        assert good_people.list_nominations(uow)[0].actions == frozenset()
    with st.db.unit_of_work(st.admin) as uow:
        on_notice = good_people.start_notice(uow, nomination_id=info.id, notice_from="2026-11-30",
                                             notice_to="2026-12-06")
    assert on_notice.actions == {Do.REJECT}  # publishing waits for the notice to end
    assert on_notice.publish_from == "2026-12-07"
    fake_now.current = datetime(2026, 12, 7, 8, 0)
    with st.db.reading(st.admin) as uow:
        assert good_people.list_nominations(uow)[0].actions == {Do.PUBLISH, Do.REJECT}
    with st.db.unit_of_work(st.admin) as uow:
        rejected = good_people.reject_nomination(uow, nomination_id=info.id, note="不符合条件")
    assert rejected.actions == frozenset()
