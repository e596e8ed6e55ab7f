"""What the hut's ledger shows: stock on hand (searched, low, expiring within the days the settings say, on a past
day), an item's stock card, the documents filtered, the items two PCs took below zero, a chart's figures, the
household's timeline, and the monthly public notice — donors named as they chose, households masked, never an ID
number or a health reason — which once published closes its month."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from desktop.domain.households import TimelineKind
from desktop.domain.hut import UNNAMED_DONOR, DocumentKind
from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import households, hut, hut_ledger, hut_stock, settings
from desktop.services.households import HouseholdForm, SpecialNotes
from desktop.services.hut import DonorForm, ItemForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_stock import DocumentFilter

TODAY = date(2026, 11, 29)
HEAD_ID = "22080219620315122" + check_character("22080219620315122")


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    return setup_station


@pytest.fixture
def hut_world(station) -> dict[str, str]:
    with station.db.unit_of_work(station.coordinator) as uow:
        household = households.register_household(uow, form=HouseholdForm(
            head_name="王桂兰", id_number=HEAD_ID, address="幸福村三组", categories=("illness",)),
            special=SpecialNotes(health="高血压")).id
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut.set_up_hut(uow, name="幸福村爱心扶贫小屋")
        made = {"household": household,
                "rice": hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋",
                                                        barcode="6901234567890", low_stock=3)).id,
                "milk": hut.add_item(uow, form=ItemForm(name="牛奶", category="grain_oil", unit="箱",
                                                        tracks_expiry=True)).id,
                "quilt": hut.add_item(uow, form=ItemForm(name="棉被", category="bedding", unit="床")).id,
                "named": hut.add_donor(uow, form=DonorForm(kind="organisation", name="白城市第三中学")).id,
                "quiet": hut.add_donor(uow, form=DonorForm(kind="person", name="刘淑芬", named_in_notice=False)).id}
        post = hut_ledger.post
        made["in1"] = post(uow, Header(DocumentKind.INTAKE, happened_on="2026-10-05", donor_id=made["named"]),
                           [Line(made["rice"], 10, 50), Line(made["quilt"], 4, 120)]).id
        post(uow, Header(DocumentKind.INTAKE, happened_on="2026-10-08", donor_id=made["quiet"]),
             [Line(made["milk"], 3, 60, expires_on="2026-12-10"), Line(made["milk"], 2, 60, expires_on="2027-06-01")])
        made["out1"] = post(uow, Header(DocumentKind.DISTRIBUTION, happened_on="2026-10-20",
                                        recipient_kind="household", household_id=household),
                            [Line(made["rice"], -4, 50), Line(made["quilt"], -1, 120)]).id
        post(uow, Header(DocumentKind.DISTRIBUTION, happened_on="2026-11-10", recipient_kind="household",
                         household_id=household), [Line(made["rice"], -3, 50)])
    return made


def _read(station, function, **options):
    with station.db.reading(station.viewer) as uow:
        return function(uow, **options)


def test_stock_on_hand_is_the_ledgers_sum_by_category_searched_low_and_on_a_past_day(station, hut_world):
    rows = _read(station, hut_stock.stock_on_hand)
    assert [(row.name, row.on_hand) for row in rows] == [("棉被", 3.0), ("大米", 3.0), ("牛奶", 5.0)]
    assert [row.name for row in rows if row.low] == ["大米"]
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, low_only=True)] == ["大米"]
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, text="nn")] == ["牛奶"]
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, text="6901234567890")] == ["大米"]
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, category="bedding")] == ["棉被"]
    past = {row.name: row.on_hand for row in _read(station, hut_stock.stock_on_hand, on="2026-10-31")}
    assert past == {"棉被": 3.0, "大米": 6.0, "牛奶": 5.0}
    assert {row.name: row.on_hand for row in _read(station, hut_stock.stock_on_hand, on="2026-10-01")} == {
        "棉被": 0.0, "大米": 0.0, "牛奶": 0.0}


def test_goods_expiring_within_the_days_the_settings_say_are_listed(station, hut_world):
    (milk,) = [row for row in _read(station, hut_stock.stock_on_hand) if row.name == "牛奶"]
    assert milk.expires_on == "2026-12-10" and milk.expiring  # 11 days off, within the 30 days by default
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, expiring_only=True)] == ["牛奶"]
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow),
                                                                 expiry_warning_days=10))
    assert _read(station, hut_stock.stock_on_hand, expiring_only=True) == []
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow),
                                                                 expiry_warning_days=11))
    assert [row.name for row in _read(station, hut_stock.stock_on_hand, expiring_only=True)] == ["牛奶"]
    # once the three expiring first are handed out, what is left expires in June
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="household",
                                    household_id=hut_world["household"]), [Line(hut_world["milk"], -3)])
    (milk,) = [row for row in _read(station, hut_stock.stock_on_hand) if row.name == "牛奶"]
    assert milk.expires_on == "2027-06-01" and not milk.expiring


def test_a_stock_card_gives_the_opening_each_movement_with_its_document_and_the_closing(station, hut_world):
    card = _read(station, hut_stock.stock_card, item_id=hut_world["rice"], period_from="2026-10-10",
                 period_to="2026-11-30")
    assert card.opening == 10.0 and card.closing == 3.0
    assert [(line.happened_on, line.kind, line.received, line.issued, line.balance, line.counterpart)
            for line in card.lines] == [("2026-10-20", "distribution", 0.0, 4.0, 6.0, "王桂兰"),
                                        ("2026-11-10", "distribution", 0.0, 3.0, 3.0, "王桂兰")]
    assert all(line.number.startswith("FF-2026-") for line in card.lines)
    whole = _read(station, hut_stock.stock_card, item_id=hut_world["rice"], period_from="2026-01-01",
                  period_to="2026-12-31")
    assert (whole.opening, whole.lines[0].received, whole.lines[0].counterpart) == (0.0, 10.0, "白城市第三中学")
    with pytest.raises(InvalidInput):
        _read(station, hut_stock.stock_card, item_id=hut_world["rice"], period_from="2026-12-01",
              period_to="2026-11-01")


def test_documents_are_listed_by_kind_period_donor_and_household(station, hut_world):
    every = _read(station, hut_stock.list_documents)
    assert [row.kind for row in every] == ["distribution", "distribution", "intake", "intake"]
    intakes = _read(station, hut_stock.list_documents, where=DocumentFilter(kind="intake"))
    assert [(row.counterpart, row.what, row.value) for row in intakes] == [
        ("刘淑芬", "牛奶 2箱、牛奶 3箱", 300.0), ("白城市第三中学", "大米 10袋、棉被 4床", 980.0)]
    assert len(_read(station, hut_stock.list_documents, where=DocumentFilter(
        period_from="2026-10-06", period_to="2026-10-31"))) == 2
    assert [row.id for row in _read(station, hut_stock.list_documents, where=DocumentFilter(
        donor_id=hut_world["named"]))] == [hut_world["in1"]]
    assert len(_read(station, hut_stock.list_documents, where=DocumentFilter(
        household_id=hut_world["household"]))) == 2
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.reverse(uow, document_id=hut_world["out1"], reason="发错了")
    rows = {row.id: row for row in _read(station, hut_stock.list_documents)}
    assert rows[hut_world["out1"]].reversed and "reverse" not in rows[hut_world["out1"]].actions
    assert not rows[hut_world["in1"]].actions  # the viewer may only read


def test_an_item_two_pcs_took_below_zero_is_on_the_home_screens_summary(station, hut_world):
    assert _read(station, hut_stock.negative_summary) == []
    with station.db.unit_of_work(station.hut_manager) as uow:  # as the other PC's hand-out arrives by sync
        hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="household",
                                    household_id=hut_world["household"]), [Line(hut_world["rice"], -5)],
                        check_balances=False)
    (flagged,) = _read(station, hut_stock.negative_summary)
    assert (flagged.name, flagged.on_hand) == ("大米", -2.0)
    assert [row.negative for row in _read(station, hut_stock.stock_on_hand) if row.name == "大米"] == [True]


def test_the_chart_gives_goods_in_and_out_by_month_and_stock_by_category(station, hut_world):
    chart = _read(station, hut_stock.hut_chart, months=3)
    assert [(m.month, m.received, m.issued) for m in chart.months] == [
        ("2026-09", 0.0, 0.0), ("2026-10", 19.0, 5.0), ("2026-11", 0.0, 3.0)]
    assert chart.months[1].received_value == 1280.0 and chart.months[2].issued_value == 150.0
    assert [(c.category, c.on_hand) for c in chart.categories] == [("bedding", 3.0), ("grain_oil", 8.0)]


def test_the_households_timeline_shows_what_the_hut_handed_out_to_it(station, hut_world):
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.reverse(uow, document_id=hut_world["out1"], reason="发错了")
    entries = _read(station, households.household_timeline, household_id=hut_world["household"])
    assert [(e.on, e.kind, e.what, e.amount) for e in entries] == [
        ("2026-11-10", TimelineKind.HUT_GOODS.value, "大米 3袋", 150.0)]


def test_the_monthly_notice_names_donors_as_they_chose_and_masks_households(station, hut_world):
    notice = _read(station, hut_stock.month_notice, month="2026-10")
    assert [(line.who, line.what) for line in notice.came_in] == [
        ("白城市第三中学", "大米 10袋、棉被 4床"), (UNNAMED_DONOR, "牛奶 2箱、牛奶 3箱")]
    assert [(line.who, line.what, line.value) for line in notice.went_out] == [("王*兰", "大米 4袋、棉被 1床", 320.0)]
    assert notice.published_on == "" and notice.hut_name == "幸福村爱心扶贫小屋"
    workbook = load_workbook(io.BytesIO(_read(station, hut_stock.month_notice_excel, month="2026年10月")))
    text = " ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row)
    assert "王*兰" in text and "白城市第三中学" in text and UNNAMED_DONOR in text
    assert "王桂兰" not in text and "刘淑芬" not in text and HEAD_ID not in text and "高血压" not in text


def test_publishing_a_month_closes_it_and_a_later_correction_goes_into_the_open_month(station, hut_world):
    with pytest.raises(InvalidInput, match="not ended"), station.db.unit_of_work(station.hut_manager) as uow:
        hut_stock.publish_month(uow, month="2026-11")
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.viewer) as uow:
        hut_stock.publish_month(uow, month="2026-10")
    with station.db.unit_of_work(station.hut_manager) as uow:
        published = hut_stock.publish_month(uow, month="2026-10")
    assert published.published_on == TODAY.isoformat() and "publish_month" not in published.actions
    with pytest.raises(InvalidInput, match="already"), station.db.unit_of_work(station.hut_manager) as uow:
        hut_stock.publish_month(uow, month="2026-10")
    with pytest.raises(InvalidInput, match="closed"), station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.post(uow, Header(DocumentKind.INTAKE, happened_on="2026-10-30", donor_id=hut_world["named"]),
                        [Line(hut_world["rice"], 1)])
    with station.db.unit_of_work(station.hut_manager) as uow:
        correction = hut_ledger.reverse(uow, document_id=hut_world["out1"], reason="发错了")
        number = correction.number
    assert correction.month == "2026-11"
    november = _read(station, hut_stock.month_notice, month="2026-11")
    assert [(line.number, line.corrects) for line in november.corrections] == [
        (number, _read(station, hut_stock.month_notice, month="2026-10").went_out[0].number)]


def test_the_demo_has_a_hut_with_a_month_of_intakes_distributions_an_exchange_and_a_stocktake(demo_folder):
    from desktop.domain.actor import SYSTEM
    from desktop.services import hut_drafts
    from desktop.storage.database import open_database

    db = open_database(demo_folder)
    try:
        with db.reading(SYSTEM) as uow:
            today = uow.today()
            every = hut_stock.list_documents(uow)
            kinds = {row.kind for row in every}
            stock = hut_stock.stock_on_hand(uow)
            drafts = hut_drafts.list_drafts(uow)
            assert hut.hut_info(uow).name == "向阳村爱心扶贫小屋"
    finally:
        db.close()
    assert {"intake", "distribution", "exchange", "stocktake", "transfer_out"} <= kinds and len(every) >= 9
    assert min(row.happened_on for row in every) >= (today - timedelta(days=30)).isoformat()
    assert all(row.on_hand >= 0 for row in stock) and any(row.expiring for row in stock)
    assert any(row.cash_amount for row in every) and len(drafts) == 1
