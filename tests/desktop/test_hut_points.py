"""Household points: the reasons list, a household's ledger (earned, reversed once, never below zero), the price
list and the value of a point, the exchange that takes points and goods together or not at all, points for
members' service hours earned once, and the month's list for the public notice with names masked."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from desktop.domain.hut import DocumentKind
from desktop.domain.sync_kinds import HUT_MONTH
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hours, households, hut_ledger, hut_points, hut_stock, settings, volunteers
from desktop.services.households import HouseholdForm, MemberForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_points import EarnForm, ExchangeForm, ExchangeLine, PointsRuleForm
from desktop.services.volunteers import VolunteerForm
from desktop.storage.models import HutDocument, HutMonth, Item, PointsEntry, StockMovement
from tests.desktop.test_role_matrix import WU_ID

VILLAGE = "220802101201"


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    return setup_station


def _household(station, name: str = "王桂兰", address: str = "幸福村三组") -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        return households.register_household(uow, form=HouseholdForm(head_name=name, address=address)).id


def _item(station, name: str, price: int, stock: float = 0, unit: str = "袋") -> str:
    with station.db.unit_of_work(station.hut_manager) as uow:
        item = Item(village_code=VILLAGE, name=name, category="grain_oil", unit=unit, points_price=price)
        uow.session.add(item)
        uow.session.flush()
        if stock:
            hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(item.id, stock)])
        return item.id


def _earn(station, household: str, **form) -> hut_points.PointsEntryRow:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return hut_points.earn_points(uow, form=EarnForm(household_id=household, approved_by="村委会", **form))


def _ledger(station, household: str, as_who: str = "viewer") -> hut_points.PointsLedger:
    with station.db.reading(getattr(station, as_who)) as uow:
        return hut_points.household_points(uow, household_id=household)


def _stock(station) -> dict[str, float]:
    with station.db.reading(station.viewer) as uow:
        return hut_ledger.on_hand(uow.session)


def _counts(station) -> tuple[int, int, int]:
    with station.db.reading(station.viewer) as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(model))
                     for model in (HutDocument, StockMovement, PointsEntry))


def _exchange(station, household: str, *lines: tuple[str, float]) -> hut_points.ExchangeResult:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return hut_points.exchange_points(uow, form=ExchangeForm(
            household, [ExchangeLine(item, moved) for item, moved in lines]))


def test_the_reasons_list_starts_with_the_built_in_ones_and_each_may_be_changed_or_added(station):
    with station.db.reading(station.viewer) as uow:
        listed = hut_points.list_points_rules(uow)
    assert [(rule.code, rule.points) for rule in listed] == [
        ("hygiene", 5), ("filial", 10), ("volunteering", 5), ("customs", 10)]
    with station.db.unit_of_work(station.hut_manager) as uow:
        changed = hut_points.update_points_rule(uow, code="hygiene", form=PointsRuleForm("环境卫生", 8))
        hut_points.update_points_rule(uow, code="customs", form=PointsRuleForm("移风易俗", 10, active=False))
        own = hut_points.add_points_rule(uow, form=PointsRuleForm("义务劳动", "3分"))
    assert (changed.name, changed.points, changed.built_in) == ("环境卫生", 8, True)
    with station.db.reading(station.viewer) as uow:
        listed = {rule.code: rule for rule in hut_points.list_points_rules(uow)}
        every = hut_points.list_points_rules(uow, include_inactive=True)
    assert "customs" not in listed and listed[own.code].points == 3 and not listed[own.code].built_in
    assert len(every) == 5
    with pytest.raises(InvalidInput) as same_name, station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.add_points_rule(uow, form=PointsRuleForm("环境 卫生", 2))
    assert same_name.value.field == "name"
    with pytest.raises(InvalidInput) as bad_points, station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.add_points_rule(uow, form=PointsRuleForm("助人为乐", "五"))
    assert bad_points.value.field == "points"
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.coordinator) as uow:
        hut_points.add_points_rule(uow, form=PointsRuleForm("助人为乐", 5))


def test_points_are_earned_by_a_reason_and_who_approved_and_the_balance_is_their_sum(station):
    household = _household(station)
    _earn(station, household, rule_code="filial")
    _earn(station, household, reason="帮邻居收玉米", points="6")
    ledger = _ledger(station, household)
    assert ledger.balance == 16
    assert sorted((row.points, row.rule_code, row.approved_by) for row in ledger.entries) == [
        (6, "", "村委会"), (10, "filial", "村委会")]
    for form, field in ((dict(reason="", points=""), "reason"), (dict(reason="打扫", points=""), "points"),
                        (dict(reason="打扫", points="-3"), "points"), (dict(rule_code="gone"), "rule_code")):
        with pytest.raises(InvalidInput) as refused:
            _earn(station, household, **form)
        assert refused.value.field == field
    with station.db.unit_of_work(station.hut_manager) as uow:  # October's notice is published
        uow.session.add(HutMonth(id=HUT_MONTH.expected_id(VILLAGE, {"month": "2026-10"}), village_code=VILLAGE,
                                 month="2026-10", published_on="2026-11-05"))
    for day in ("2026-10-31", "2026-12-01"):
        with pytest.raises(InvalidInput) as closed:
            _earn(station, household, rule_code="hygiene", happened_on=day)
        assert closed.value.field == "happened_on"
    with pytest.raises(InvalidInput) as nobody, station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.earn_points(uow, form=EarnForm(household_id=household, approved_by=" ", rule_code="hygiene"))
    assert nobody.value.field == "approved_by"
    assert _ledger(station, household).balance == 16


def test_an_entry_is_reversed_once_and_never_below_zero(station):
    household = _household(station)
    rice = _item(station, "大米", 10, stock=5)
    wrong = _earn(station, household, rule_code="filial")
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.reverse_points(uow, entry_id=wrong.id, reason="记错了户")
    assert _ledger(station, household).balance == 0
    with pytest.raises(InvalidInput, match="already been reversed"), \
            station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.reverse_points(uow, entry_id=wrong.id, reason="再来一次")
    spent_on = _earn(station, household, reason="清扫村道", points=10)
    _exchange(station, household, (rice, 1))
    with pytest.raises(InvalidInput, match="never go below zero"), \
            station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.reverse_points(uow, entry_id=spent_on.id, reason="记错了")
    ledger = _ledger(station, household, "hut_manager")
    assert ledger.balance == 0
    assert not any(row.may_reverse for row in _ledger(station, household).entries)  # the viewer only reads
    assert {row.id: row.may_reverse for row in ledger.entries}[spent_on.id] is True
    assert {row.id: row.may_reverse for row in ledger.entries}[wrong.id] is False


def test_the_price_list_shows_goods_in_points_and_their_worth_at_the_value_of_a_point(station):
    rice = _item(station, "大米", 30, stock=4)
    _item(station, "旧衣服", 0, stock=9)
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), point_value=0.5))
    with station.db.reading(station.viewer) as uow:
        [row] = hut_points.price_list(uow)
    assert (row.item_id, row.points_price, row.value, row.on_hand) == (rice, 30, 15.0, 4.0)
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.set_points_price(uow, item_id=rice, points="0")
    with station.db.reading(station.viewer) as uow:
        assert hut_points.price_list(uow) == []
    with pytest.raises(InvalidInput) as refused, station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), point_value=0))
    assert refused.value.field == "point_value"


def test_an_exchange_takes_goods_and_points_together(station):
    household = _household(station)
    rice, oil = _item(station, "大米", 30, stock=4), _item(station, "豆油", 25, stock=2, unit="桶")
    _earn(station, household, reason="环境卫生评比第一", points=100)
    done = _exchange(station, household, (rice, 2), (oil, 1))
    assert (done.points, done.balance) == (85, 15) and done.number.startswith("DH-")
    assert _stock(station) == {rice: 2.0, oil: 1.0}
    ledger = _ledger(station, household)
    assert ledger.balance == 15
    spent = next(row for row in ledger.entries if row.kind == "spend")
    assert (spent.points, spent.document_number) == (-85, done.number)
    with station.db.reading(station.viewer) as uow:
        document = uow.session.get(HutDocument, done.document_id)
        assert (document.kind, document.household_id) == ("exchange", household)


def test_an_exchange_above_the_points_is_refused_and_neither_ledger_moves(station):
    household = _household(station)
    rice = _item(station, "大米", 30, stock=4)
    _earn(station, household, reason="孝老爱亲", points=50)
    before = _counts(station)
    with pytest.raises(InvalidInput) as refused:
        _exchange(station, household, (rice, 2))
    assert refused.value.params["balance"] == 50 and refused.value.params["points"] == 60
    assert refused.value.field == "lines"
    assert _counts(station) == before and _stock(station) == {rice: 4.0} and _ledger(station, household).balance == 50


def test_an_exchange_above_the_stock_is_refused_and_no_points_are_spent(station):
    household = _household(station)
    rice = _item(station, "大米", 10, stock=1)
    _earn(station, household, reason="孝老爱亲", points=50)
    before = _counts(station)
    with pytest.raises(InvalidInput) as refused:
        _exchange(station, household, (rice, 3))
    assert refused.value.params["item"] == "大米" and refused.value.params["on_hand"] == "1"
    assert _counts(station) == before and _ledger(station, household).balance == 50


def test_the_exchange_is_atomic_when_the_points_entry_fails_after_the_goods_were_posted(station, monkeypatch):
    household = _household(station)
    rice = _item(station, "大米", 10, stock=3)
    _earn(station, household, reason="孝老爱亲", points=50)
    before = _counts(station)
    real_post = hut_ledger.post

    def post_then_fail(uow, header, lines, **options):
        document = real_post(uow, header, lines, **options)
        uow.session.flush()
        assert uow.session.get(HutDocument, document.id) is not None  # the goods are posted by now
        monkeypatch.setattr(hut_points, "PointsEntry", None)  # and the spending entry cannot be made
        return document

    monkeypatch.setattr(hut_ledger, "post", post_then_fail)
    with pytest.raises(TypeError):
        _exchange(station, household, (rice, 2))
    monkeypatch.undo()
    assert _counts(station) == before and _stock(station) == {rice: 3.0} and _ledger(station, household).balance == 50


def test_reversing_an_exchange_gives_back_goods_and_points(station):
    household = _household(station)
    rice = _item(station, "大米", 10, stock=3)
    _earn(station, household, reason="孝老爱亲", points=50)
    done = _exchange(station, household, (rice, 2))
    with station.db.unit_of_work(station.hut_manager) as uow:
        back = hut_points.reverse_exchange(uow, document_id=done.document_id, reason="换错了")
    assert back.balance == 50 and _stock(station) == {rice: 3.0}
    with pytest.raises(InvalidInput, match="already been reversed"), \
            station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.reverse_exchange(uow, document_id=done.document_id, reason="再来")
    assert _ledger(station, household).balance == 50


def test_an_exchange_reversed_like_any_document_gives_its_points_back_too(station):
    household = _household(station)
    rice = _item(station, "大米", 10, stock=3)
    _earn(station, household, reason="孝老爱亲", points=50)
    done = _exchange(station, household, (rice, 2))
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.reverse(uow, document_id=done.document_id, reason="换错了")
    assert _stock(station) == {rice: 3.0} and _ledger(station, household).balance == 50


def test_a_members_service_hours_earn_points_once_at_the_rule_of_the_settings(station):
    household = _household(station)
    with station.db.unit_of_work(station.coordinator) as uow:
        wu = volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number=WU_ID))
        households.add_household_member(uow, household_id=household, form=MemberForm(
            name="吴大义", relation="child", volunteer_id=wu.id))
    with station.db.unit_of_work(station.admin) as uow:
        first = hours.add_honour_hours(uow, volunteer_id=wu.id, hours=3, served_on="2026-11-20", reason="汛期巡堤")
        wrong = hours.add_honour_hours(uow, volunteer_id=wu.id, hours=2, served_on="2026-11-21", reason="记错")
        hours.correct_hours(uow, record_id=wrong.id, reason="没有这回事")
    with station.db.unit_of_work(station.hut_manager) as uow:
        assert hut_points.earn_hours_points(uow) == 0  # the rule is off until the settings give points per hour
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), points_per_hour=4))
    with station.db.unit_of_work(station.hut_manager) as uow:
        assert hut_points.earn_hours_points(uow) == 1
    with station.db.unit_of_work(station.hut_manager) as uow:
        assert hut_points.earn_hours_points(uow) == 0
    ledger = _ledger(station, household)
    assert ledger.balance == 12
    assert [(row.rule_code, row.happened_on) for row in ledger.entries] == [("volunteering", "2026-11-20")]
    with station.db.reading(station.viewer) as uow:
        assert uow.session.scalars(select(PointsEntry.service_hours_id)).all() == [first.id]


def test_the_months_points_list_masks_names_and_sums_earned_spent_and_balance(station):
    wang, zhang = _household(station, "王桂兰"), _household(station, "张晓明", "幸福村一组")
    rice = _item(station, "大米", 10, stock=5)
    _earn(station, wang, reason="孝老爱亲", points=30, happened_on="2026-10-15")
    _earn(station, wang, reason="环境卫生", points=5, happened_on="2026-11-02")
    wrong = _earn(station, zhang, reason="环境卫生", points=8, happened_on="2026-11-03")
    _exchange(station, wang, (rice, 2))
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_points.reverse_points(uow, entry_id=wrong.id, reason="重复了")
    with station.db.reading(station.viewer) as uow:
        november = hut_points.monthly_points(uow, month="2026-11")
        october = hut_points.monthly_points(uow, month="2026年10月")
    assert [(row.name, row.earned, row.spent, row.balance) for row in november] == [
        ("王*兰", 5, 20, 15)]  # 张晓明's points were reversed within the month: nothing to show
    assert [(row.name, row.earned, row.spent, row.balance) for row in october] == [("王*兰", 30, 0, 30)]
    with pytest.raises(InvalidInput) as refused, station.db.reading(station.viewer) as uow:
        hut_points.monthly_points(uow, month="十一月")
    assert refused.value.field == "month"


def test_the_households_list_gives_each_household_its_balance_and_finds_by_the_search(station) -> None:
    wang, li = _household(station), _household(station, "李建国", "幸福村五组")
    _earn(station, wang, reason="修路出工", points=7)
    with station.db.reading(station.viewer) as uow:
        everyone = {row.head_name: row for row in hut_points.points_households(uow)}
        found = hut_points.points_households(uow, text="李建国")
    assert everyone["王桂兰"].balance == 7 and everyone["李建国"].balance == 0
    assert everyone["王桂兰"].place == "幸福村三组"
    assert [row.id for row in found] == [li]


def test_an_exchanges_goods_are_valued_as_they_came_in_else_at_their_points(station):
    household = _household(station)
    rice, oil = _item(station, "大米", 30), _item(station, "豆油", 25, stock=2, unit="桶")  # the oil came in unvalued
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(rice, 4, unit_value=48)])
    _earn(station, household, reason="环境卫生评比第一", points=100)
    done = _exchange(station, household, (rice, 2), (oil, 1))
    with station.db.reading(station.viewer) as uow:
        valued = {row.item_id: row.unit_value for row in uow.session.scalars(select(StockMovement).where(
            StockMovement.document_id == done.document_id))}
        listed = next(row for row in hut_stock.list_documents(uow) if row.id == done.document_id)
    assert valued == {rice: 48.0, oil: 25.0}  # the rice as it came in; the oil at its 25 points of ¥1
    assert listed.value == 121.0
