"""Micro-wishes: every step a wish may take and every one it may not, the value cap, the check of the board's text,
claims and how each stands, a hold that runs out by date, the city board (only what villages published), the
photo kept at the station, and the report."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.domain.wishes import ClaimOutcome, WishAction
from desktop.errors import InvalidInput
from desktop.services import households, settings, wishes
from desktop.services.demo import as_pulled
from desktop.services.households import HouseholdForm, MemberForm
from desktop.services.wishes import Photo, WishForm
from desktop.storage.models import AuditEntry, OutboxRecord, WishBoardEntry, WishClaim, WishPhoto, new_id

TODAY = date(2026, 11, 29)  # the fake clock's day
OTHER_VILLAGE = "220802101202"  # 红星村, of the same township
FAR_VILLAGE = "220822101201"    # a village of another county, not in the station's region list
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
A = WishAction


@pytest.fixture
def station(setup_station, fake_now):
    """The set-up station (幸福村) on 2026-11-29, by a clock the tests move."""
    setup_station.db.now = fake_now
    setup_station.clock = fake_now
    return setup_station


def _household(station, head: str = "王桂兰", members: tuple[str, ...] = ("李小明",)) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        info = households.register_household(uow, form=HouseholdForm(head_name=head, group_name="三组",
                                                                     address=f"幸福村三组{len(head)}号"),
                                             allow_similar=True)
        for name in members:
            households.add_household_member(uow, household_id=info.id, form=MemberForm(name=name, relation="child"))
    return info.id


def _do(station, work, actor=None):
    with station.db.unit_of_work(actor or station.coordinator) as uow:
        return work(uow)


def _read(station, work, actor=None):
    with station.db.reading(actor or station.viewer) as uow:
        return work(uow)


def _collect(station, household_id: str, *, value: float | str = 120, wanted_by: str = "",
             words: str = "给孩子买一个新书包") -> wishes.WishInfo:
    return _do(station, lambda uow: wishes.collect_wish(uow, form=WishForm(
        household_id=household_id, words=words, category="study", estimated_value=value, wanted_by=wanted_by)))


PUBLIC = "本村一名小学生想要一个新书包。"


def _published(station, household_id: str, **values) -> wishes.WishInfo:
    wish = _collect(station, household_id, **values)
    _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id))
    return _do(station, lambda uow: wishes.publish_wish(uow, wish_id=wish.id, public_text=PUBLIC))


def _ruled_claim(station, board_id: str, *, village: str = OTHER_VILLAGE, held_days: int = 7,
                 name: str = "红星村爱心超市", claimed_on: date | None = None) -> str:
    """Another village's claim on one of this village's wishes, as the sync brings it with the city's ruling."""
    day = station.clock().date()
    claim_id = new_id()
    _do(station, lambda uow: as_pulled(uow, "wish_claim", claim_id, {
        "village_code": village, "to_village_code": "220802101201", "board_id": board_id,
        "claimant_kind": "work_unit", "claimant_name": name, "claimant_contact": "0436-3216688", "volunteer_id": "",
        "claimed_on": (claimed_on or day).isoformat(), "note": "", "held_until": (day + timedelta(days=held_days))
        .isoformat(), "lapsed": False}), station.admin)
    return claim_id


def _board_wish(station, *, village: str = OTHER_VILLAGE, text: str = "一位独居老人想要一个暖水袋。",
                category: str = "daily", band: tuple[int, int] = (0, 50), days: int = 3, state: str = "open") -> str:
    """A wish of another village on the board, as pulled from the city."""
    board_id = new_id()
    _do(station, lambda uow: as_pulled(uow, "wish_board", board_id, {
        "village_code": village, "public_text": text, "category": category, "value_low": band[0],
        "value_high": band[1], "published_on": (TODAY - timedelta(days=days)).isoformat(), "wanted_by": "",
        "state": state, "hold_days": 7, "released_claim": ""}), station.admin)
    return board_id


def _claim(station, board_id: str, **values) -> wishes.ClaimInfo:
    values = {"claimant_kind": "donor", "claimant_name": "张建华", "claimant_contact": "13504361111", **values}
    return _do(station, lambda uow: wishes.claim_wish(uow, board_id=board_id, **values))


def _rule(station, claim_id: str, *, held_days: int = 7) -> None:
    """The city server's ruling on a claim made here, as the next sync brings it."""
    held_until = (station.clock().date() + timedelta(days=held_days)).isoformat()
    _do(station, lambda uow: as_pulled(uow, "wish_claim", claim_id, {"held_until": held_until}), station.admin)


def _lose(station, claim_id: str) -> None:
    """The city server gave the wish to another village's claim: the station marks its own lost."""
    def work(uow):
        uow.session.get(WishClaim, claim_id).refused = wishes.LOST
    _do(station, work, station.admin)


def _wish(station, wish_id: str) -> wishes.WishInfo:
    return _read(station, lambda uow: wishes.get_wish(uow, wish_id=wish_id), station.coordinator)


def _board_entry(station, board_id: str) -> WishBoardEntry | None:
    with station.db.reading(station.admin) as uow:
        entry = uow.session.get(WishBoardEntry, board_id)
        if entry is not None:
            uow.session.expunge(entry)
        return entry


# -- the whole way, and the audit log ------------------------------------------------------------------------

def test_a_wish_goes_from_collected_to_fulfilled_and_each_step_is_in_the_audit_log(station):
    household = _household(station)
    wish = _collect(station, household, value="１２０元", wanted_by="2026年12月20日")
    assert (wish.status, wish.estimated_value, wish.wanted_by, wish.head_name) == ("collected", 120, "2026-12-20",
                                                                                 "王桂兰")
    assert wish.actions == {A.EDIT, A.VET, A.REJECT, A.WITHDRAW}
    wish = _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id, note="在上限内"))
    assert (wish.status, wish.vetted_on, wish.actions) == ("vetted", "2026-11-29", {A.EDIT, A.PUBLISH, A.WITHDRAW})
    wish = _do(station, lambda uow: wishes.publish_wish(uow, wish_id=wish.id, public_text=PUBLIC))
    assert (wish.status, wish.board_state, wish.band, wish.actions) == (
        "published", "open", "¥100–200", {A.WITHDRAW, A.EXPIRE})
    entry = _board_entry(station, wish.id)
    assert (entry.public_text, entry.value_low, entry.value_high, entry.category, entry.hold_days, entry.state) == (
        PUBLIC, 100, 200, "study", 7, "open")

    claim = _ruled_claim(station, wish.id)
    wish = _wish(station, wish.id)
    assert wish.hold.claimant_name == "红星村爱心超市" and wish.hold.village_name == "红星村"
    assert wish.hold.held_until == "2026-12-06"
    assert wish.actions == {A.RECORD_CONTACT, A.FULFIL, A.RELEASE}
    wish = _do(station, lambda uow: wishes.record_contact(uow, wish_id=wish.id, note="电话联系"))
    assert (wish.board_state, wish.contacted_on, wish.actions) == ("contacted", "2026-11-29", {A.FULFIL, A.RELEASE})
    station.clock.advance(10 * 86400)  # past the hold date: contact recorded, the claim holds until fulfilled
    wish = _do(station, lambda uow: wishes.fulfil_wish(
        uow, wish_id=wish.id, given="新书包一个、文具一套", confirmed=True, confirmation_note="户主签字",
        photo=Photo("C:\\照片\\交接.png", PNG)))
    assert (wish.status, wish.board_state, wish.fulfilled_on, wish.given_by, wish.has_photo, wish.actions) == (
        "fulfilled", "fulfilled", "2026-12-09", "红星村爱心超市", True, frozenset())
    assert _board_entry(station, wish.id).state == "fulfilled"
    with station.db.reading(station.admin) as uow:
        named = [entry.action for entry in uow.session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "wishes", AuditEntry.entity_id == wish.id).order_by(AuditEntry.id))
            if entry.action not in ("create", "update")]
        assert uow.session.get(WishClaim, claim).id == wish.hold.claim_id
    assert named == ["collect_wish", "vet_wish", "publish_wish", "record_wish_contact", "fulfil_wish"]


def test_the_households_timeline_shows_a_fulfilled_wish(station):
    household = _household(station)
    wish = _published(station, household)
    _ruled_claim(station, wish.id)
    _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given="新书包一个", confirmed=True))
    [entry] = _read(station, lambda uow: households.household_timeline(uow, household_id=household))
    assert (entry.kind, entry.what, entry.by, entry.amount, entry.on) == ("wish", "新书包一个", "红星村爱心超市", 120,
                                                                         "2026-11-29")


# -- every step, allowed or refused ----------------------------------------------------------------------------

# What each state allows, written out by hand (not read from the domain's table).
ALLOWED = {
    "collected": {A.EDIT, A.VET, A.REJECT, A.WITHDRAW},
    "vetted": {A.EDIT, A.PUBLISH, A.WITHDRAW},
    "rejected": {A.REOPEN},
    "published": {A.WITHDRAW, A.EXPIRE},
    "held": {A.RECORD_CONTACT, A.FULFIL, A.RELEASE},
    "contacted": {A.FULFIL, A.RELEASE},
    "fulfilled": set(),
    "withdrawn": {A.REOPEN},
    "expired": {A.REOPEN},
}


def _to_state(station, household: str, state: str) -> str:
    wish = _collect(station, household)
    wid = wish.id
    steps = {
        "collected": [],
        "vetted": [lambda uow: wishes.vet_wish(uow, wish_id=wid)],
        "rejected": [lambda uow: wishes.reject_wish(uow, wish_id=wid, reason="不属于微心愿")],
        "published": [lambda uow: wishes.vet_wish(uow, wish_id=wid),
                      lambda uow: wishes.publish_wish(uow, wish_id=wid, public_text=PUBLIC)],
        "withdrawn": [lambda uow: wishes.withdraw_wish(uow, wish_id=wid, reason="不需要了")],
    }
    for step in steps.get(state, steps["published"]):
        _do(station, step)
    if state in ("held", "contacted", "fulfilled"):
        _ruled_claim(station, wid)
    if state == "contacted":
        _do(station, lambda uow: wishes.record_contact(uow, wish_id=wid))
    if state == "fulfilled":
        _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wid, given="书包", confirmed=True))
    if state == "expired":
        _do(station, lambda uow: wishes.expire_wish(uow, wish_id=wid))
    return wid


def _verb(action: A, household: str):
    return {
        A.EDIT: lambda uow, wid: wishes.update_wish(uow, wish_id=wid, form=WishForm(
            household_id=household, words="给孩子买一双棉鞋", category="clothing", estimated_value=150)),
        A.VET: lambda uow, wid: wishes.vet_wish(uow, wish_id=wid),
        A.REJECT: lambda uow, wid: wishes.reject_wish(uow, wish_id=wid, reason="超过上限"),
        A.PUBLISH: lambda uow, wid: wishes.publish_wish(uow, wish_id=wid, public_text=PUBLIC),
        A.RECORD_CONTACT: lambda uow, wid: wishes.record_contact(uow, wish_id=wid),
        A.FULFIL: lambda uow, wid: wishes.fulfil_wish(uow, wish_id=wid, given="书包", confirmed=True),
        A.WITHDRAW: lambda uow, wid: wishes.withdraw_wish(uow, wish_id=wid, reason="不需要了"),
        A.EXPIRE: lambda uow, wid: wishes.expire_wish(uow, wish_id=wid),
        A.REOPEN: lambda uow, wid: wishes.reopen_wish(uow, wish_id=wid),
        A.RELEASE: lambda uow, wid: wishes.release_claim(uow, wish_id=wid, reason="认领人联系不上"),
    }[action]


class _RollBack(Exception):
    pass


@pytest.mark.parametrize("state", list(ALLOWED))
def test_each_state_allows_exactly_its_steps_and_refuses_every_other_plainly(station, state):
    household = _household(station)
    wid = _to_state(station, household, state)
    assert _wish(station, wid).actions == ALLOWED[state]
    for action in A:
        try:
            with station.db.unit_of_work(station.coordinator) as uow:
                if action in ALLOWED[state]:
                    _verb(action, household)(uow, wid)
                else:
                    with pytest.raises(InvalidInput) as refused:
                        _verb(action, household)(uow, wid)
                    assert refused.value.field == "wish_id", action
                    assert "not possible now" in str(refused.value) or "No claim holds" in str(refused.value)
                raise _RollBack
        except _RollBack:
            pass
    assert _wish(station, wid).actions == ALLOWED[state], "each step was rolled back"


def test_a_reopened_wish_is_collected_again_and_published_anew_to_the_board(station):
    household = _household(station)
    wid = _to_state(station, household, "withdrawn")
    wish = _do(station, lambda uow: wishes.reopen_wish(uow, wish_id=wid, note="家里又需要了"))
    assert (wish.status, wish.board_state) == ("collected", "")
    published = _to_state(station, household, "published")
    _do(station, lambda uow: wishes.withdraw_wish(uow, wish_id=published, reason="暂时不需要"))
    assert _board_entry(station, published).state == "withdrawn"
    _do(station, lambda uow: wishes.reopen_wish(uow, wish_id=published))
    _do(station, lambda uow: wishes.vet_wish(uow, wish_id=published))
    _do(station, lambda uow: wishes.publish_wish(uow, wish_id=published, public_text="本村一名学生想要文具。"))
    entry = _board_entry(station, published)
    assert (entry.state, entry.public_text) == ("open", "本村一名学生想要文具。")


def test_a_wish_expires_only_once_its_wanted_by_day_has_passed(station):
    household = _household(station)
    wish = _published(station, household, wanted_by="2026-12-05")
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.expire_wish(uow, wish_id=wish.id))
    assert "2026-12-05" in str(refused.value) and "withdraw" in str(refused.value)
    station.clock.advance(7 * 86400)
    assert _do(station, lambda uow: wishes.expire_wish(uow, wish_id=wish.id)).status == "expired"
    assert _board_entry(station, wish.id).state == "expired"


def test_a_wanted_by_day_in_the_past_and_a_household_no_longer_helped_are_refused(station):
    household = _household(station)
    with pytest.raises(InvalidInput) as refused:
        _collect(station, household, wanted_by="2026-11-01")
    assert refused.value.field == "wanted_by"
    _do(station, lambda uow: households.change_status(uow, household_id=household, status="out_of_poverty"))
    with pytest.raises(InvalidInput) as refused:
        _collect(station, household)
    assert refused.value.field == "household_id" and "no longer being helped" in str(refused.value)


# -- the value cap -------------------------------------------------------------------------------------------

def test_a_wish_over_the_cap_is_refused_at_vetting_naming_both_amounts_and_nothing_is_lost(station):
    household = _household(station)
    wish = _collect(station, household, value=650)
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id))
    assert refused.value.field == "estimated_value"
    assert "500" in str(refused.value) and "650" in str(refused.value)
    kept = _wish(station, wish.id)
    assert (kept.status, kept.estimated_value, kept.words) == ("collected", 650, "给孩子买一个新书包")
    _do(station, lambda uow: settings.save_settings(uow, settings=dataclasses.replace(
        settings.load_settings(uow), wish_value_cap=800)), station.admin)
    assert _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id)).status == "vetted"
    with pytest.raises(InvalidInput) as refused:  # a vetted wish changed above the cap
        _do(station, lambda uow: wishes.update_wish(uow, wish_id=wish.id, form=WishForm(
            household_id=household, words="冰箱", category="appliance", estimated_value=2600)))
    assert refused.value.field == "estimated_value"


@pytest.mark.parametrize(("value", "words"), [("一百", "not an amount"), (0, "worth"), ("-5", "not an amount"),
                                              (2_000_000, "cannot be right")])
def test_an_amount_that_is_no_amount_is_refused_at_its_field(station, value, words):
    household = _household(station)
    with pytest.raises(InvalidInput) as refused:
        _collect(station, household, value=value)
    assert refused.value.field == "estimated_value" and words in str(refused.value)


def test_the_cap_and_the_hold_days_are_settings_with_their_ranges(station):
    def save(**changes):
        return _do(station, lambda uow: settings.save_settings(uow, settings=dataclasses.replace(
            settings.load_settings(uow), **changes)), station.admin)

    with pytest.raises(InvalidInput) as refused:
        save(wish_hold_days=0)
    assert refused.value.field == "wish_hold_days"
    with pytest.raises(InvalidInput):
        save(wish_value_cap=5)
    save(wish_hold_days=10)
    household = _household(station)
    wish = _published(station, household)
    assert _board_entry(station, wish.id).hold_days == 10


# -- the board's text gives no one away ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("王桂兰家的孩子想要一个书包", "王桂兰"),
    ("小明想要一个新书包", "小明"),  # a member's given name (李小明)
    ("联系电话１３９０４３６１２３４，想要书包".translate(FULL_WIDTH), "13904361234"),
    ("身份证２２０８０２１９６２０３１５１２２Ｘ的户主想要书包".translate(FULL_WIDTH), "22080219620315122X"),
    ("户主电话 0436－321 6688 想要书包", "0436-321 6688"),  # as cleaned: the full-width dash made plain
])
def test_the_board_text_is_refused_while_it_gives_the_household_away_naming_what_was_found(station, text, found):
    household = _household(station)
    wish = _collect(station, household)
    _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id))
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.publish_wish(uow, wish_id=wish.id, public_text=text))
    assert refused.value.field == "public_text"
    assert f"“{found}”" in str(refused.value)
    assert _wish(station, wish.id).status == "vetted"
    assert _board_entry(station, wish.id) is None, "nothing reached the board"


def test_a_name_of_a_duplicate_merged_into_the_household_is_found_too(station):
    household = _household(station)
    twin = _household(station, head="王桂兰", members=("李晓东",))
    _do(station, lambda uow: households.merge_households(uow, keep_id=household, merge_id=twin))
    wish = _collect(station, household)
    _do(station, lambda uow: wishes.vet_wish(uow, wish_id=wish.id))
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.publish_wish(uow, wish_id=wish.id, public_text="晓东想要一个书包"))
    assert "“晓东”" in str(refused.value)


# -- fulfilment needs a claim that holds the wish --------------------------------------------------------------

def test_a_fulfilment_without_a_won_claim_is_refused_plainly_and_the_wish_stays_on_the_board(station):
    household = _household(station)
    wish = _published(station, household)
    fulfil = lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given="书包", confirmed=True)  # noqa: E731
    with pytest.raises(InvalidInput) as refused:
        _do(station, fulfil)
    assert "No claim holds this wish" in str(refused.value)
    mine = _claim(station, wish.id)  # this village's own claim, still waiting for the city server
    with pytest.raises(InvalidInput, match="No claim holds this wish"):
        _do(station, fulfil)
    _lose(station, mine.id)
    with pytest.raises(InvalidInput, match="No claim holds this wish"):
        _do(station, fulfil)
    assert _wish(station, wish.id).status == "published"
    assert _board_entry(station, wish.id).state == "open"


def test_a_fulfilment_needs_what_was_given_and_the_households_confirmation(station):
    household = _household(station)
    wish = _published(station, household)
    _ruled_claim(station, wish.id)
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given="书包", confirmed=False))
    assert refused.value.field == "confirmed"
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given=" ", confirmed=True))
    assert refused.value.field == "given"
    with pytest.raises(InvalidInput) as refused:
        _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given="书包", confirmed=True,
                                                    photo=Photo("书包.docx", b"PK\x03\x04")))
    assert refused.value.field == "photo" and "书包.docx" in str(refused.value)
    assert _wish(station, wish.id).status == "published"


def test_the_photo_stays_at_the_station(station):
    household = _household(station)
    wish = _published(station, household)
    _ruled_claim(station, wish.id)
    _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=wish.id, given="书包", confirmed=True,
                                                photo=Photo("交接.png", PNG)))
    photo = _read(station, lambda uow: wishes.wish_photo(uow, wish_id=wish.id))
    assert (photo.file_name, photo.data) == ("交接.png", PNG)
    with station.db.reading(station.admin) as uow:
        assert uow.session.scalars(select(WishPhoto)).all()
        assert not uow.session.scalars(select(OutboxRecord).where(OutboxRecord.entity.like("%photo%"))).all()


# -- claims ----------------------------------------------------------------------------------------------------

def test_a_claim_for_a_volunteer_or_a_donor_is_addressed_to_the_wishs_village_and_waits(station):
    from desktop.services import volunteers
    from desktop.services.volunteers import VolunteerForm

    board_id = _board_wish(station)
    volunteer = _do(station, lambda uow: volunteers.register_volunteer(uow, form=VolunteerForm(
        name="吴大义", id_number="220802198503011232", phone="13912345678")))
    claim = _claim(station, board_id, claimant_kind="volunteer", claimant_name="", claimant_contact="",
                   volunteer_id=volunteer.id)
    assert (claim.claimant_name, claim.claimant_contact, claim.village_name, claim.township_name) == (
        "吴大义", "13912345678", "红星村", "平安镇")
    assert claim.outcome == ClaimOutcome.PENDING
    with station.db.reading(station.admin) as uow:
        row = uow.session.get(WishClaim, claim.id)
        assert (row.village_code, row.to_village_code, row.board_id) == ("220802101201", OTHER_VILLAGE, board_id)
        sent = uow.session.scalars(select(OutboxRecord).where(OutboxRecord.row_id == claim.id)).one()
        assert "held_until" not in sent.fields and "refused" not in sent.fields  # the city server's and local


@pytest.mark.parametrize(("values", "field"), [
    ({"claimant_name": ""}, "claimant_name"),
    ({"claimant_contact": " "}, "claimant_contact"),
    ({"claimant_kind": "volunteer"}, "volunteer_id"),
    ({"claimant_kind": "neighbour"}, "claimant_kind"),
])
def test_a_claimant_is_named_with_a_way_to_reach_them(station, values, field):
    board_id = _board_wish(station)
    with pytest.raises(InvalidInput) as refused:
        _claim(station, board_id, **values)
    assert refused.value.field == field


def test_a_claim_on_a_wish_no_longer_on_the_board_or_already_held_is_refused_plainly(station):
    taken = _board_wish(station, state="fulfilled")
    with pytest.raises(InvalidInput) as refused:
        _claim(station, taken)
    assert refused.value.field == "board_id" and "no longer on the board" in str(refused.value)
    household = _household(station)
    withdrawn = _published(station, household)
    _do(station, lambda uow: wishes.withdraw_wish(uow, wish_id=withdrawn.id, reason="不需要了"))
    with pytest.raises(InvalidInput, match="no longer on the board"):
        _claim(station, withdrawn.id)
    held = _published(station, household)
    _ruled_claim(station, held.id)
    with pytest.raises(InvalidInput, match="A claim holds this wish already"):
        _claim(station, held.id)
    waiting = _board_wish(station)
    _claim(station, waiting)
    with pytest.raises(InvalidInput, match="claimed the wish already for 张建华"):
        _claim(station, waiting, claimant_name="李四")


def test_a_claim_stands_pending_then_held_or_lost_and_a_lost_one_says_another_village_was_first(station):
    first, second = _board_wish(station), _board_wish(station, text="一名学生想要一本字典。")
    won, lost = _claim(station, first), _claim(station, second)
    outcomes = lambda: {c.id: c.outcome for c in _read(station, wishes.list_claims)}  # noqa: E731
    assert outcomes() == {won.id: "pending", lost.id: "pending"}
    _rule(station, won.id)
    _lose(station, lost.id)
    assert outcomes() == {won.id: "held", lost.id: "lost"}
    assert ClaimOutcome.LOST.label == "Claimed by another village first"
    rows = {row.id: row for row in _read(station, wishes.board)}
    assert (rows[first].our_claim, rows[first].held) == ("held", True)
    assert (rows[second].our_claim, rows[second].held) == ("lost", False)
    assert [c.outcome for c in _read(station, lambda uow: wishes.list_claims(uow, outcome="lost"))] == ["lost"]


def test_a_hold_that_runs_out_with_nothing_recorded_puts_the_wish_back_on_the_board(station):
    household = _household(station)
    wish = _published(station, household)
    _ruled_claim(station, wish.id, held_days=7)
    assert _wish(station, wish.id).actions == ALLOWED["held"]
    station.clock.advance(7 * 86400)  # the last day of the hold: it still holds
    assert _wish(station, wish.id).hold is not None
    station.clock.advance(86400)
    back = _wish(station, wish.id)
    assert (back.hold, back.status, back.board_state, back.actions) == (None, "published", "open", ALLOWED["published"])
    [row] = [row for row in _read(station, wishes.board) if row.id == wish.id]
    assert not row.held
    with pytest.raises(InvalidInput, match="No claim holds"):
        _do(station, lambda uow: wishes.record_contact(uow, wish_id=wish.id))
    claim = _claim(station, wish.id)  # anyone may claim it again, this village too
    assert claim.outcome == "pending"


def test_a_claim_made_here_runs_out_or_is_let_go_and_says_so(station):
    board_id = _board_wish(station)
    claim = _claim(station, board_id)
    _rule(station, claim.id, held_days=3)
    station.clock.advance(4 * 86400)
    [info] = _read(station, wishes.list_claims)
    assert info.outcome == ClaimOutcome.LAPSED
    household = _household(station)
    wish = _published(station, household)
    own = _claim(station, wish.id)  # this village claims its own wish for a donor
    _rule(station, own.id)
    released = _do(station, lambda uow: wishes.release_claim(uow, wish_id=wish.id, reason="捐赠人联系不上"))
    assert (released.hold, released.board_state, released.actions) == (None, "open", ALLOWED["published"])
    assert _board_entry(station, wish.id).released_claim == own.id
    assert {c.id: c.outcome for c in _read(station, wishes.list_claims)}[own.id] == ClaimOutcome.RELEASED


# -- the board ---------------------------------------------------------------------------------------------------

def test_the_board_shows_only_what_villages_published_never_a_household(station):
    household = _household(station)
    own = _published(station, household)
    other = _board_wish(station, text="一位独居老人想要一个暖水袋。")
    rows = {row.id: row for row in _read(station, wishes.board)}
    assert set(rows) == {own.id, other}
    shown = {field.name for field in dataclasses.fields(wishes.BoardRow)}
    assert not shown & {"household_id", "head_name", "group_name", "words", "estimated_value", "notes",
                        "collected_by", "given", "given_by"}
    assert rows[own.id].public_text == PUBLIC and rows[own.id].own
    values = " ".join(str(value) for row in rows.values() for value in dataclasses.astuple(row))
    assert "王桂兰" not in values and "李小明" not in values and "给孩子买" not in values  # the household's words
    assert (rows[other].village_name, rows[other].township_name, rows[other].county_name) == ("红星村", "平安镇",
                                                                                              "洮北区")


def test_the_board_at_a_third_village_shows_the_wishes_it_pulled_with_their_places(station):
    far = _board_wish(station, village=FAR_VILLAGE)
    [row] = _read(station, wishes.board)
    assert row.id == far and not row.own
    assert (row.village_name, row.township_name, row.county_name) == (FAR_VILLAGE, "220822101", "通榆县")


def test_the_board_filters_by_place_kind_value_and_age_and_puts_the_longest_waiting_first(station):
    old = _board_wish(station, category="study", band=(100, 200), days=40)
    new = _board_wish(station, category="daily", band=(0, 50), days=2)
    far = _board_wish(station, village=FAR_VILLAGE, category="health", band=(300, 500), days=20)
    gone = _board_wish(station, state="withdrawn", days=50)
    ids = lambda **where: [row.id for row in _read(station, lambda uow: wishes.board(uow, **where))]  # noqa: E731
    assert ids() == [old, far, new]
    assert ids(county="220822") == [far]
    assert ids(township="220802101") == [old, new]
    assert ids(category="daily") == [new]
    assert ids(value_band=(100, 500)) == [old, far]
    assert ids(value_band=(0, 100)) == [new]
    assert ids(value_band=(500, None)) == []
    assert ids(waited_days=14) == [old, far]
    assert gone not in ids(include_taken=True)
    assert _read(station, lambda uow: wishes.count_board(uow, county="220802")) == 2
    assert ids(offset=1, limit=1) == [far]
    places = _read(station, wishes.board_places)
    assert places.counties == (("220802", "洮北区"), ("220822", "通榆县"))
    assert places.townships["220802"] == (("220802101", "平安镇"),)
    rows = _read(station, wishes.board)
    assert [row.waited_days for row in rows] == [40, 20, 2]


# -- the report -------------------------------------------------------------------------------------------------

def test_the_report_counts_by_status_and_month_the_value_fulfilled_the_days_taken_and_who_waits_longest(station):
    household = _household(station)
    _collect(station, household)
    waiting = _published(station, household, words="想要一个暖水袋")
    fulfilled = _published(station, household, value=200)
    station.clock.advance(3 * 86400)
    _ruled_claim(station, fulfilled.id)
    station.clock.advance(5 * 86400)
    _do(station, lambda uow: wishes.fulfil_wish(uow, wish_id=fulfilled.id, given="书包", confirmed=True))
    steps = []
    report = _read(station, lambda uow: wishes.wish_report(uow, year=2026, progress=lambda d, t: steps.append(d)))
    november = report.months[10]
    assert november.by_status == {"collected": 1, "published": 1, "fulfilled": 1} and november.collected == 3
    assert report.months[11].fulfilled == 1 and report.months[11].value_fulfilled == 200
    assert (report.fulfilled, report.value_fulfilled) == (1, 200)
    assert (report.publish_to_claim.count, report.publish_to_claim.average) == (1, 3.0)
    assert (report.claim_to_fulfilment.count, report.claim_to_fulfilment.longest) == (1, 5)
    assert [(w.id, w.waited_days) for w in report.waiting_longest] == [(waiting.id, 8)] and report.waiting == 1
    assert steps[0] == 0 and steps[-1] == 4
