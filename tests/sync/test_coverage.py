"""The city's coverage of "5个100" through a real server on SQLite and PostgreSQL: stations of villages in two
counties pair sponsors and hold Lei Feng post duties, sync, and ``GET /api/v1/coverage`` counts households
sponsored per project and the posts city-wide, by county and by township, with no household field in it."""

from __future__ import annotations

import json

import pytest
import stations
from helpers import enroll_at, sync
from stations import VILLAGE_A, make_station

from desktop.services import activities, households, sponsorships
from desktop.services.activities import ActivityForm
from desktop.services.households import HouseholdForm
from desktop.services.sponsorships import PledgeForm, SponsorForm

VILLAGE_C = "220821101201"  # 丰收村, 富民镇, 镇赉县
OTHER_COUNTY = ("220821101,富民镇,township,220821\n"
                "220821101201,丰收村,village,220821101\n")


@pytest.fixture
def villages(tmp_path, city, monkeypatch):
    """A station of 幸福村 (洮北区 平安镇) and one of 丰收村 (镇赉县 富民镇), both enrolled."""
    city.live.import_regions("code,name,level,parent_code\n" + OTHER_COUNTY)
    monkeypatch.setattr(stations, "REGION_CSV", stations.REGION_CSV + OTHER_COUNTY)
    made = [make_station(tmp_path, "xingfu", VILLAGE_A), make_station(tmp_path, "fengshou", VILLAGE_C)]
    for station in made:
        enroll_at(city, station)
    yield made
    for station in made:
        station.close()


def _household(uow, head: str, *categories: str) -> str:
    return households.register_household(uow, form=HouseholdForm(
        head_name=head, address=f"{head}家", categories=categories)).id


def _pair(uow, household_id: str, sponsor: str, project: str) -> str:
    sponsor_id = sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name=sponsor)).id
    return sponsorships.pair_sponsorship(uow, household_id=household_id, sponsor_id=sponsor_id, project=project,
                                         pledge=PledgeForm(pledge_kind="money", amount=600)).id


def _post(uow, title: str, place: str, day: str, *, cancel: bool = False) -> None:
    duty = activities.plan_activity(uow, form=ActivityForm(kind="leifeng_post", title=title, date=day,
                                                           start_time="08:00", end_time="12:00", place=place))
    if cancel:
        activities.cancel_activity(uow, activity_id=duty.id)


def _coverage(live_server, token: str | None):
    return live_server.request("GET", "/api/v1/coverage", token=token, protocol=None)


def test_coverage_counts_sponsored_households_and_posts_by_county_and_township(villages, city, live_server):
    xingfu, fengshou = villages
    with xingfu.db.unit_of_work(xingfu.admin) as uow:
        today = uow.today().isoformat()
        wang = _household(uow, "王桂兰", "poor_women")
        _pair(uow, wang, "县妇联", "poor_women")
        _pair(uow, wang, "县红十字会", "poor_women")  # a second sponsor: one household, two sponsorships
        ended = _pair(uow, _household(uow, "刘凤霞", "schooling"), "县教育局", "schooling")
        sponsorships.change_sponsorship_status(uow, sponsorship_id=ended, status="ended", reason="孩子已毕业")
        _post(uow, "雷锋岗：村部便民服务", "村委会便民服务大厅", today)
        _post(uow, "雷锋岗：村部便民服务", "村委会便民服务大厅", today)  # the same post, another duty
        _post(uow, "雷锋岗：学校门口", "小学门口", today, cancel=True)
    with fengshou.db.unit_of_work(fengshou.admin) as uow:
        today = uow.today().isoformat()
        _pair(uow, _household(uow, "陈宝山", "illness"), "镇卫生院", "illness")
        paused = _pair(uow, _household(uow, "孙长海", "disability"), "县残联", "disability")
        sponsorships.change_sponsorship_status(uow, sponsorship_id=paused, status="paused", reason="认领人住院")
        _post(uow, "雷锋岗：镇中心", "镇政府门口", today)
    for station in villages:
        sync(station)

    response = _coverage(live_server, live_server.enroll(VILLAGE_A).token)
    assert response.status_code == 200, response.text
    answer = response.json()
    none = {"poor_women": 0, "schooling": 0, "disability": 0, "illness": 0}
    assert answer["targets"] == {"poor_women": 100, "schooling": 100, "disability": 100, "illness": 100,
                                 "leifeng_posts": 100}
    assert answer["city"] == {"code": "220800", "name": "白城市", "households": {**none, "poor_women": 1, "illness": 1},
                              "sponsorships": {**none, "poor_women": 2, "illness": 1}, "leifeng_posts": 2}
    counties = {county["code"]: county for county in answer["counties"]}
    assert sorted(counties) == ["220802", "220821", "220822", "220881", "220882"]
    taobei, zhenlai = counties["220802"], counties["220821"]
    assert (taobei["households"], taobei["sponsorships"], taobei["leifeng_posts"]) == (
        {**none, "poor_women": 1}, {**none, "poor_women": 2}, 1)
    assert [(t["code"], t["name"], t["households"]["poor_women"], t["leifeng_posts"]) for t in taobei["townships"]] == [
        ("220802101", "平安镇", 1, 1)]
    assert (zhenlai["households"], zhenlai["leifeng_posts"]) == ({**none, "illness": 1}, 1)
    assert [(t["code"], t["households"]["illness"]) for t in zhenlai["townships"]] == [("220821101", 1)]
    assert counties["220882"]["households"] == none and counties["220882"]["townships"] == []

    # Counts only: no household, sponsor or pledge of any village is in the answer.
    text = json.dumps(answer, ensure_ascii=False)
    for station in villages:
        with station.db.reading(station.admin) as uow:
            rows = sponsorships.list_sponsorships(uow, where=sponsorships.SponsorshipFilter(
                statuses=sponsorships.ALL_STATUSES))
        for row in rows:
            for value in (row.household_id, row.head_name, row.sponsor_name, row.id, row.sponsor_id):
                assert value not in text


def test_coverage_is_read_with_an_enrolled_stations_token_only(live_server):
    assert _coverage(live_server, None).status_code == 401
    assert _coverage(live_server, "not-a-token").status_code == 401
    station = live_server.enroll(VILLAGE_A)
    assert _coverage(live_server, station.token).status_code == 200
    live_server.revoke(station)
    answer = _coverage(live_server, station.token)
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized"


def test_a_coverage_request_frees_its_seat_with_its_answer(live_server_factory):
    # One seat, no waiting: were a coverage request a sync, its seat would stay taken until it went idle.
    server = live_server_factory(max_concurrent=1, queue_wait_s=0)
    first, second = server.enroll(VILLAGE_A), server.enroll(VILLAGE_A)
    assert _coverage(server, first.token).status_code == 200
    assert _coverage(server, second.token).status_code == 200
    pushed = server.request("POST", "/api/v1/push", token=second.token, payload={"changes": []})
    assert pushed.status_code == 200
