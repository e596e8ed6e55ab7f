"""Households and micro-wishes through a real city server (docs/sync-protocol.md §1, §3, §8): the wish board
every station reads, claims the server decides once with a hold that can lapse, and the households' sensitive
fields sealed at the city and seen whole by their own village only."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

import pytest
import requests
from helpers import City, FaultySession, enroll_at, outbox_ids, station_village, sync
from sqlalchemy import select
from stations import COMMUNITY_C, VILLAGE_A, VILLAGE_B, make_station

from desktop.domain.actor import SYSTEM
from desktop.domain.sync_kinds import KINDS, WISH_BOARD, Scope
from desktop.domain.wishes import ClaimOutcome
from desktop.storage import sync_store
from desktop.storage.models import (
    Household,
    HouseholdMember,
    SyncNotApplied,
    SyncProblem,
    SyncSetAside,
    Wish,
    WishBoardEntry,
    WishClaim,
)
from sync.server.models import ChangelogEntry, Claim, Record
from sync.server.testing import change, stamp
from sync.server.vault import SEALED_PREFIX

DAY = date(2026, 12, 1)  # the city server's date when a test begins; tests move it on
HEAD = {"head_name": "赵桂兰", "id_number": "220802195203041225", "phone": "13904361111",
        "health": "高血压，常年服药", "disability": "右腿肢体残疾三级", "income_notes": "每月低保金四百八十元"}
CHILD = {"name": "赵小明", "relation": "grandchild", "id_number": "220802201209150033", "health": "哮喘，冬天常犯"}
WORDS = "孙子赵小明想要一个新书包"
PUBLIC_TEXT = "一名小学生想要一个新书包"
CONTACT = "13904365678"


@pytest.fixture
def calendar() -> list[date]:
    """The city server's date (Baicheng's), which a test moves on to see a hold run out."""
    return [DAY]


@pytest.fixture
def server(live_server_factory, calendar):
    return live_server_factory(today=lambda: calendar[0])


@pytest.fixture
def city(server) -> City:
    return City(server)


@pytest.fixture
def villages(tmp_path, city):
    """Enrolled and synced: two PCs of 幸福村 (``a``, ``a2``: the wish's village), one of 红星村 (``b``) and one
    of 新华社区 (``c``)."""
    made = {name: make_station(tmp_path, name, village)
            for name, village in (("a", VILLAGE_A), ("a2", VILLAGE_A), ("b", VILLAGE_B), ("c", COMMUNITY_C))}
    for station in made.values():
        enroll_at(city, station)
        sync(station)
    yield made
    for station in made.values():
        station.close()


def publish(station, *, hold_days: int = 7) -> str:
    """A household of 幸福村 with a member, its wish, and the wish on the city's board; the board record's id."""
    with station.db.unit_of_work(station.admin) as uow:
        household = Household(village_code=VILLAGE_A, group_name="三组", address="幸福村三组12号", size=2, **HEAD)
        uow.session.add(household)
        uow.session.flush()
        uow.session.add(HouseholdMember(village_code=VILLAGE_A, household_id=household.id, **CHILD))
        wish = Wish(village_code=VILLAGE_A, household_id=household.id, words=WORDS, category="study",
                    estimated_value=80, status="published", published_on=DAY.isoformat(), public_text=PUBLIC_TEXT)
        uow.session.add(wish)
        uow.session.flush()
        uow.session.add(WishBoardEntry(id=wish.id, village_code=VILLAGE_A, public_text=PUBLIC_TEXT, category="study",
                                       value_low=50, value_high=100, published_on=DAY.isoformat(),
                                       wanted_by="2027-01-31", state="open", hold_days=hold_days))
        return wish.id


def claim(station, board_id: str, name: str = "李明", contact: str = CONTACT) -> str:
    with station.db.unit_of_work(station.admin) as uow:
        row = WishClaim(village_code=station_village(station), to_village_code=VILLAGE_A, board_id=board_id,
                        claimant_kind="volunteer", claimant_name=name, claimant_contact=contact,
                        claimed_on=DAY.isoformat())
        uow.session.add(row)
        uow.session.flush()
        return row.id


def set_board(station, board_id: str, **fields) -> None:
    """What the wish's village records on the board: contact made, fulfilled, a claimant let go."""
    with station.db.unit_of_work(station.admin) as uow:
        entry = uow.session.get(WishBoardEntry, board_id)
        for name, value in fields.items():
            setattr(entry, name, value)


def outcome(station, claim_id: str, today: date) -> ClaimOutcome | None:
    with station.db.reading(SYSTEM) as uow:
        return sync_store.claim_outcomes(uow.session, [claim_id], today=today).get(claim_id)


def claims(station) -> dict[str, tuple[str, bool, str]]:
    """The station's wish claims: id -> (held until, lapsed, refused here)."""
    return {row.id: (row.held_until, row.lapsed, row.refused) for row in station.rows(WishClaim)}


def nothing_amiss(station) -> None:
    """Nothing waits, nothing was set aside or left unapplied, and a sync finds both sides agree."""
    assert outbox_ids(station) == []
    assert station.rows(SyncSetAside) == [] and station.rows(SyncNotApplied) == []
    result = sync(station)
    assert (result.refetched, result.mismatch, result.set_aside) == (False, False, 0)


def rulings(server, field: str) -> list[dict]:
    """The city server's own changes of wish claims that set ``field``."""
    with server.engine.connect() as connection:
        rows = connection.execute(select(ChangelogEntry.__table__).where(ChangelogEntry.entity == "wish_claim"))
        return [dict(row._mapping) for row in rows if field in row.fields and row.origin_station is None]


# -- the board and the claim ruling ------------------------------------------------------------------------

@pytest.mark.parametrize("first", ["b", "c"])
def test_two_villages_claim_one_wish_offline_and_exactly_one_wins(villages, server, first):
    a, b, c = villages["a"], villages["b"], villages["c"]
    board_id = publish(a)
    sync(a)
    for station in (b, c):
        sync(station)
        # Another village's public record is applied, not refused or set aside as not this village's.
        assert [(row.id, row.village_code, row.public_text) for row in station.rows(WishBoardEntry)] == [
            (board_id, VILLAGE_A, PUBLIC_TEXT)]
        assert station.rows(SyncNotApplied) == []
    made = {"b": claim(b, board_id, "李明"), "c": claim(c, board_id, "张华")}  # both offline
    second = "c" if first == "b" else "b"
    winner, loser = villages[first], villages[second]
    assert outcome(winner, made[first], DAY) == ClaimOutcome.PENDING

    sync(winner)
    sync(loser)

    assert outcome(winner, made[first], DAY) == ClaimOutcome.HELD
    assert claims(winner)[made[first]] == ((DAY + timedelta(days=7)).isoformat(), False, "")
    assert outcome(loser, made[second], DAY) == ClaimOutcome.LOST
    assert claims(loser)[made[second]] == ("", False, "lost")
    assert loser.rows(SyncProblem) == []
    sync(a)
    assert set(claims(a)) == {made[first]}  # the wish's village sees only the winner
    assert set(server.records("wish_claim")) == {made[first]}
    assert server.count(Claim) == 1
    for station in (a, villages["a2"], b, c):
        nothing_amiss(station)  # the summaries agree: the board of every village, no lost claim


def test_a_hold_that_ran_out_lets_a_new_claim_win_and_every_station_sees_the_old_one_lapsed(villages, server,
                                                                                            calendar):
    a, a2, b, c = villages["a"], villages["a2"], villages["b"], villages["c"]
    board_id = publish(a, hold_days=3)
    sync(a)
    sync(c)
    first = claim(b, board_id)
    sync(b)
    assert claims(b)[first] == ((DAY + timedelta(days=3)).isoformat(), False, "")
    assert outcome(b, first, DAY + timedelta(days=3)) == ClaimOutcome.HELD
    # The day after its hold, with nothing recorded, the wish is back on the board by the date alone.
    assert outcome(b, first, DAY + timedelta(days=4)) == ClaimOutcome.LAPSED

    calendar[0] = DAY + timedelta(days=3)  # the hold's last day: still held
    early = claim(c, board_id, "张华")
    sync(c)
    assert outcome(c, early, calendar[0]) == ClaimOutcome.LOST

    calendar[0] = DAY + timedelta(days=4)
    late = claim(c, board_id, "张华")
    sync(c)
    assert outcome(c, late, calendar[0]) == ClaimOutcome.HELD
    assert claims(c)[late] == ((DAY + timedelta(days=7)).isoformat(), False, "")
    for station in (a, a2, b):
        sync(station)
    assert claims(b)[first] == ((DAY + timedelta(days=3)).isoformat(), True, "")
    assert outcome(b, first, DAY) == ClaimOutcome.LAPSED  # the city's mark, whatever this PC's date
    for station in (a, a2):
        assert claims(station) == {first: ((DAY + timedelta(days=3)).isoformat(), True, ""),
                                   late: ((DAY + timedelta(days=7)).isoformat(), False, "")}
        assert outcome(station, late, calendar[0]) == ClaimOutcome.HELD
        assert outcome(station, first, calendar[0]) == ClaimOutcome.LAPSED
    with server.engine.connect() as connection:
        assert connection.execute(select(Claim.row_id).where(Claim.target == board_id)).scalars().all() == [late]
    assert len(rulings(server, "lapsed")) == 1
    for station in (a, a2, b, c):
        nothing_amiss(station)


def test_contact_recorded_keeps_the_hold_past_its_date_until_the_wish_is_fulfilled(villages, server, calendar):
    a, b, c = villages["a"], villages["b"], villages["c"]
    board_id = publish(a, hold_days=2)
    sync(a)
    held = claim(b, board_id)
    sync(b)
    sync(a)
    set_board(a, board_id, state="contacted")
    sync(a)

    calendar[0] = DAY + timedelta(days=30)
    late = claim(c, board_id, "张华")
    sync(c)
    assert outcome(c, late, calendar[0]) == ClaimOutcome.LOST
    sync(b)
    assert outcome(b, held, calendar[0]) == ClaimOutcome.HELD
    set_board(a, board_id, state="fulfilled")
    sync(a)
    sync(b)
    assert outcome(b, held, calendar[0]) == ClaimOutcome.FULFILLED
    assert claims(b)[held][1] is False
    assert rulings(server, "lapsed") == []


def test_a_released_claim_frees_the_wish_for_the_next_claim(villages, server):
    a, b, c = villages["a"], villages["b"], villages["c"]
    board_id = publish(a)
    sync(a)
    first = claim(b, board_id)
    sync(b)
    sync(a)
    set_board(a, board_id, released_claim=first)  # the claimant gave up; the wish's village lets it go
    sync(a)
    second = claim(c, board_id, "张华")
    sync(c)
    assert outcome(c, second, DAY) == ClaimOutcome.HELD
    sync(b)
    assert outcome(b, first, DAY) == ClaimOutcome.RELEASED
    assert claims(b)[first][1] is False  # let go, not lapsed
    sync(a)
    assert outcome(a, second, DAY) == ClaimOutcome.HELD
    assert rulings(server, "lapsed") == []


class LoseFirstPushAnswer(FaultySession):
    """Drops the answer to the first push after the server committed it, and turns the server's day meanwhile."""

    def __init__(self, calendar: list[date]) -> None:
        self.lost = False

        def fault(request, response) -> None:
            if response is not None and request.path_url.startswith("/api/v1/push") and not self.lost:
                self.lost = True
                calendar[0] += timedelta(days=1)
                raise requests.ConnectionError("the answer was lost on the way back")

        super().__init__(fault)


def test_a_claim_whose_answer_was_lost_is_ruled_once(villages, server, calendar):
    a, b = villages["a"], villages["b"]
    board_id = publish(a)
    sync(a)
    made = claim(b, board_id)
    session = LoseFirstPushAnswer(calendar)
    sync(b, session=session)  # the client sends the claim again with the same change id
    assert session.lost and session.calls.count("/api/v1/push") >= 2
    assert outcome(b, made, DAY) == ClaimOutcome.HELD
    assert claims(b)[made] == ((DAY + timedelta(days=7)).isoformat(), False, "")  # ruled on the first day
    assert len(rulings(server, "held_until")) == 1
    nothing_amiss(b)


# -- sensitive fields --------------------------------------------------------------------------------------

def test_households_are_sealed_at_the_city_and_reach_only_their_own_village_whole(villages, server):
    a, a2, b, c = villages["a"], villages["a2"], villages["b"], villages["c"]
    board_id = publish(a)
    sync(a)
    made = claim(b, board_id)
    sync(b)
    for station in (a, a2, c):
        sync(station)

    secrets = [HEAD["id_number"], HEAD["health"], HEAD["disability"], HEAD["income_notes"], CHILD["id_number"],
               CHILD["health"], CONTACT]
    with server.engine.connect() as connection:
        stored = [dict(row._mapping) for table in (Record.__table__, ChangelogEntry.__table__)
                  for row in connection.execute(select(table).where(
                      table.c.entity.in_(["household", "household_member", "wish_claim"])))]
    assert {row["entity"] for row in stored} == {"household", "household_member", "wish_claim"}
    for row in stored:
        for name in KINDS[row["entity"]].sensitive_fields & row["fields"].keys():
            if row["fields"][name]:
                assert row["fields"][name].startswith(SEALED_PREFIX), (row["entity"], name)
    at_rest = json.dumps(stored, ensure_ascii=False, default=str)
    assert [secret for secret in secrets if secret in at_rest] == []

    # The village's other PC gets them back whole; the wish's village gets the claimant's contact.
    (household,) = a2.rows(Household)
    assert {name: getattr(household, name) for name in HEAD} == HEAD
    (member,) = a2.rows(HouseholdMember)
    assert (member.name, member.id_number, member.health) == (CHILD["name"], CHILD["id_number"], CHILD["health"])
    assert [(row.id, row.claimant_contact) for row in a.rows(WishClaim)] == [(made, CONTACT)]

    # Other villages see the board and nothing of the household behind it.
    for station in (b, c):
        assert station.rows(Household) == [] and station.rows(HouseholdMember) == [] and station.rows(Wish) == []
        assert [(row.id, row.public_text) for row in station.rows(WishBoardEntry)] == [(board_id, PUBLIC_TEXT)]
    assert c.rows(WishClaim) == []
    reader = server.enroll(COMMUNITY_C)
    pulled = server.pull_all(reader)
    others = [item for item in pulled if item["entity"] not in ("region", "village_profile", "sync_problem")]
    assert [(item["entity"], item["row_id"]) for item in others] == [("wish_board", board_id)]
    assert {item["row_id"] for item in pulled if item["entity"] == "village_profile"} == {COMMUNITY_C}
    assert set(others[0]["fields"]) <= set(WISH_BOARD.fields) | {"deleted"}
    seen = json.dumps(pulled, ensure_ascii=False)
    for word in [*secrets, HEAD["head_name"], CHILD["name"], WORDS, HEAD["phone"], "幸福村三组12号"]:
        assert word not in seen
    assert set(server.summary(reader)["counts"]) <= {"region", "village_profile", "wish_board"}


def test_no_public_kind_carries_a_sensitive_field():
    """Every station reads a public record in clear: nothing sealed may be in one."""
    public = [kind for kind in KINDS.values() if kind.scope == Scope.PUBLIC]
    assert WISH_BOARD in public
    assert [(kind.entity, sorted(kind.sensitive_fields)) for kind in public if kind.sensitive_fields] == []


# -- what the server refuses, on the wire ------------------------------------------------------------------

NOW_MS = int(time.time() * 1000)


def _board(station, row_id: str, *, village: str = VILLAGE_A, **fields) -> dict:
    values = {"village_code": village, "public_text": PUBLIC_TEXT, "category": "study", "value_low": 50,
              "value_high": 100, "published_on": DAY.isoformat(), "state": "open", "hold_days": 7, **fields}
    return change("wish_board", row_id, values, stamp(NOW_MS, station.station_id))


def _claim(station, row_id: str, board_id: str, *, to: str = VILLAGE_A, **fields) -> dict:
    values = {"village_code": station.village_code, "to_village_code": to, "board_id": board_id,
              "claimant_kind": "donor", "claimant_name": "王先生", "claimant_contact": CONTACT, **fields}
    return change("wish_claim", row_id, values, stamp(NOW_MS, station.station_id))


def _codes(answer: dict) -> dict[str, tuple[str, str]]:
    return {item["change_id"]: (item["code"], item["reason"]) for item in answer["rejected"]}


def test_a_station_cannot_send_the_city_servers_ruling(server):
    a, b = server.enroll(VILLAGE_A), server.enroll(VILLAGE_B)
    assert server.push(a, [_board(a, "wish-1")])["rejected"] == []
    forged = _claim(b, "claim-1", "wish-1", held_until="2099-12-31")
    answer = server.push(b, [forged])
    assert answer["accepted"] == []
    code, reason = _codes(answer)[forged["change_id"]]
    assert code == "out_of_scope" and "held_until" in reason
    honest = _claim(b, "claim-1", "wish-1")
    assert server.push(b, [honest])["accepted"] == [honest["change_id"]]
    unlapse = change("wish_claim", "claim-1", {"lapsed": False, "note": "马上到"}, stamp(NOW_MS + 5, b.station_id))
    code, reason = _codes(server.push(b, [unlapse]))[unlapse["change_id"]]
    assert code == "out_of_scope" and "lapsed" in reason
    record = server.records("wish_claim")["claim-1"]
    assert record["held_until"] == (DAY + timedelta(days=7)).isoformat()
    assert "note" not in record and "lapsed" not in record


def test_a_claim_must_name_a_wish_on_the_board_of_the_village_it_is_addressed_to(server):
    a, b = server.enroll(VILLAGE_A), server.enroll(VILLAGE_B)
    server.push(a, [_board(a, "wish-1"), _board(a, "wish-2", state="withdrawn")])
    nowhere = _claim(b, "claim-1", "wish-9")
    astray = _claim(b, "claim-2", "wish-1", to=COMMUNITY_C)
    withdrawn = _claim(b, "claim-3", "wish-2")
    answer = server.push(b, [nowhere, astray, withdrawn])
    assert answer["accepted"] == []
    assert _codes(answer) == {
        nowhere["change_id"]: ("bad_request", "The wish this claim names is not on the city's board."),
        astray["change_id"]: ("bad_request", "A claim is addressed to the village of the wish it claims."),
        withdrawn["change_id"]: ("claimed", "This wish is no longer on the city's board.")}
    assert server.records("wish_claim") == {}
    assert server.count(Claim) == 0


def test_every_station_reads_every_villages_board_and_writes_only_its_own(server):
    a, b, c = server.enroll(VILLAGE_A), server.enroll(VILLAGE_B), server.enroll(COMMUNITY_C)
    server.push(a, [_board(a, "wish-a")])
    server.push(b, [_board(b, "wish-b", village=VILLAGE_B)])
    for station in (a, b, c):
        boards = {item["row_id"] for item in server.pull_all(station, include_own=True)
                  if item["entity"] == "wish_board"}
        assert boards == {"wish-a", "wish-b"}
        assert server.summary(station)["counts"]["wish_board"] == 2
    into_a = change("wish_board", "wish-a", {"state": "withdrawn"}, stamp(NOW_MS + 5, b.station_id))
    as_a = _board(b, "wish-b2", village=VILLAGE_A)
    answer = server.push(b, [into_a, as_a])
    assert {code for code, _ in _codes(answer).values()} == {"out_of_scope"} and answer["accepted"] == []
    assert server.records("wish_board")["wish-a"]["state"] == "open"
