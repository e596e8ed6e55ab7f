"""Intakes and distributions written as drafts on this PC and posted through the ledger: lines added, changed,
removed and scanned; a quantity that is not a number above zero, a missing or past expiry, cash not passed on, a
hand-out above what is on the shelf — each refused in plain words, naming the line, with the draft kept as typed;
posting numbers the document and the draft is gone with it; what the intake slip shows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.hut import UNNAMED_DONOR
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hut, hut_drafts, hut_ledger, hut_stock
from desktop.services.activities import ActivityForm, plan_activity
from desktop.services.households import HouseholdForm, register_household
from desktop.services.hut import DonorForm, ItemForm
from desktop.services.hut_drafts import DraftForm, LineForm
from desktop.storage.models import HutDocument, HutDraft, HutDraftLine, StockMovement

TODAY = date(2026, 11, 29)


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    with setup_station.db.unit_of_work(setup_station.hut_manager) as uow:
        hut.set_up_hut(uow, name="幸福村爱心扶贫小屋", address="村委会东屋")
    return setup_station


@pytest.fixture
def goods(station) -> dict[str, str]:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return {"rice": hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋",
                                                        barcode="6901234567890")).id,
                "milk": hut.add_item(uow, form=ItemForm(name="牛奶", category="grain_oil", unit="箱",
                                                        tracks_expiry=True)).id,
                "donor": hut.add_donor(uow, form=DonorForm(kind="person", name="张建华",
                                                           contact="13504361111")).id}


def _draft(station, **header) -> str:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return hut_drafts.start_draft(uow, form=DraftForm(**header)).id


def _intake(station, goods, *lines: LineForm, **header) -> str:
    draft = _draft(station, kind="intake", donor_id=goods["donor"], **header)
    with station.db.unit_of_work(station.hut_manager) as uow:
        for line in lines:
            hut_drafts.add_draft_line(uow, draft_id=draft, line=line)
    return draft


def _post(station, draft: str) -> HutDocument:
    with station.db.unit_of_work(station.hut_manager) as uow:
        document = hut_drafts.post_draft(uow, draft_id=draft)
        uow.session.expunge(document)
        return document


def _get(station, draft: str):
    with station.db.reading(station.viewer) as uow:
        return hut_drafts.get_draft(uow, draft_id=draft)


def _on_hand(station) -> dict[str, float]:
    with station.db.reading(station.viewer) as uow:
        return hut_ledger.on_hand(uow.session)


def test_a_draft_is_written_changed_and_posted_and_is_gone_once_posted(station, goods):
    draft = _intake(station, goods, LineForm(goods["rice"], "１０", unit_value="50", condition="new"),
                    LineForm(goods["milk"], 2, unit_value=60, expires_on="2027-03-01"))
    with station.db.unit_of_work(station.hut_manager) as uow:
        shown = hut_drafts.get_draft(uow, draft_id=draft)
        hut_drafts.change_draft_line(uow, line_id=shown.lines[0].id, line=LineForm(goods["rice"], 12, 50, "new"))
        hut_drafts.change_draft(uow, draft_id=draft, form=DraftForm(kind="intake", donor_id=goods["donor"],
                                                                     happened_on="2026-11-27", notes="送到村委会"))
    shown = _get(station, draft)
    assert [(line.name, line.quantity) for line in shown.lines] == [("大米", 12.0), ("牛奶", 2.0)]
    assert (shown.donor_name, shown.happened_on, shown.notes) == ("张建华", "2026-11-27", "送到村委会")
    assert _on_hand(station) == {}  # a draft moves nothing
    document = _post(station, draft)
    assert document.number.startswith("RK-2026-") and document.happened_on == "2026-11-27"
    assert _on_hand(station) == {goods["rice"]: 12.0, goods["milk"]: 2.0}
    with station.db.reading(station.viewer) as uow:
        assert uow.session.scalar(select(func.count()).select_from(HutDraft)) == 0
        assert uow.session.scalar(select(func.count()).select_from(HutDraftLine)) == 0
        assert hut_drafts.list_drafts(uow) == []
    # a posted document cannot be edited as a draft any more
    with pytest.raises(InvalidInput, match="posted or discarded"), station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.change_draft(uow, draft_id=draft, form=DraftForm(kind="intake", donor_id=goods["donor"]))


def test_scanning_a_barcode_adds_the_line_or_one_more_of_it_and_an_unknown_code_is_said_plainly(station, goods):
    draft = _draft(station, kind="intake", donor_id=goods["donor"])
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.scan_into_draft(uow, draft_id=draft, barcode="6901234567890")
        hut_drafts.scan_into_draft(uow, draft_id=draft, barcode="6901234567890\n")
        with pytest.raises(InvalidInput) as unknown:
            hut_drafts.scan_into_draft(uow, draft_id=draft, barcode="000111")
    assert "000111" in str(unknown.value) and unknown.value.field == "barcode"
    assert [(line.name, line.quantity) for line in _get(station, draft).lines] == [("大米", 2.0)]
    with station.db.unit_of_work(station.hut_manager) as uow:
        line = hut_drafts.get_draft(uow, draft_id=draft).lines[0]
        assert hut_drafts.remove_draft_line(uow, line_id=line.id).lines == ()
        hut_drafts.discard_draft(uow, draft_id=draft)
        assert hut_drafts.list_drafts(uow) == []


@pytest.mark.parametrize("typed", [0, "0", -3, "-1", "abc", "", "nan"])
def test_a_quantity_that_is_not_a_number_above_zero_is_refused_naming_the_line(station, goods, typed):
    draft = _intake(station, goods, LineForm(goods["rice"], 3))
    with pytest.raises(InvalidInput) as refused, station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["rice"], typed))
    assert refused.value.field == "quantity" and refused.value.params["line"] == 2
    assert "Line 2" in str(refused.value)
    assert [line.quantity for line in _get(station, draft).lines] == [3.0]  # what was there is kept


def test_an_expiry_is_required_where_the_item_keeps_one_and_a_past_one_is_refused(station, goods):
    with pytest.raises(InvalidInput) as past, station.db.unit_of_work(station.hut_manager) as uow:
        draft = hut_drafts.start_draft(uow, form=DraftForm(kind="intake", donor_id=goods["donor"])).id
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["milk"], 1, expires_on="2026-11-28"))
    assert past.value.field == "expires_on" and past.value.params["item"] == "牛奶"
    draft = _intake(station, goods, LineForm(goods["rice"], 1), LineForm(goods["milk"], 1))
    with pytest.raises(InvalidInput) as missing:
        _post(station, draft)
    assert missing.value.params == {"line": 2, "item": "牛奶"}
    assert len(_get(station, draft).lines) == 2 and _on_hand(station) == {}


def test_cash_is_recorded_as_passed_on_never_as_stock(station, goods):
    draft = _draft(station, kind="intake", donor_id=goods["donor"], cash_amount="500", cash_charity="白城市慈善总会")
    with pytest.raises(InvalidInput) as refused:
        _post(station, draft)
    assert refused.value.field == "cash_receipt"
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.change_draft(uow, draft_id=draft, form=DraftForm(
            kind="intake", donor_id=goods["donor"], cash_amount="500", cash_charity="白城市慈善总会",
            cash_receipt="CS-2026-118"))
    document = _post(station, draft)
    assert (document.cash_amount, document.cash_charity, document.cash_receipt) == (500, "白城市慈善总会",
                                                                                   "CS-2026-118")
    with station.db.reading(station.viewer) as uow:
        assert uow.session.scalar(select(func.count()).select_from(StockMovement)) == 0
    with pytest.raises(InvalidInput) as no_donor:
        _post(station, _draft(station, kind="intake"))
    assert no_donor.value.field == "donor_id"


def test_a_distribution_goes_to_a_household_or_an_activity_and_never_above_what_is_on_the_shelf(station, goods):
    _post(station, _intake(station, goods, LineForm(goods["rice"], 5)))
    with station.db.unit_of_work(station.coordinator) as uow:
        household = register_household(uow, form=HouseholdForm(head_name="王桂兰", address="幸福村三组")).id
        activity = plan_activity(uow, form=ActivityForm(kind="training", title="周五志愿服务日", date="2026-11-27",
                                                        start_time="09:00", end_time="11:00")).id
    with pytest.raises(InvalidInput) as nobody, station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.start_draft(uow, form=DraftForm(kind="distribution", recipient_kind="household"))
    assert nobody.value.field == "household_id"
    draft = _draft(station, kind="distribution", recipient_kind="household", household_id=household)
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["rice"], 6))
    with pytest.raises(InvalidInput) as above:
        _post(station, draft)
    assert (above.value.params["item"], above.value.params["on_hand"], above.value.params["wanted"]) == (
        "大米", "5", "6")
    assert _get(station, draft).lines[0].quantity == 6.0 and _on_hand(station) == {goods["rice"]: 5.0}
    with station.db.unit_of_work(station.hut_manager) as uow:
        line = hut_drafts.get_draft(uow, draft_id=draft).lines[0]
        hut_drafts.change_draft_line(uow, line_id=line.id, line=LineForm(goods["rice"], 4))
    handed = _post(station, draft)
    assert handed.number.startswith("FF-2026-") and handed.household_id == household
    at_activity = _draft(station, kind="distribution", recipient_kind="activity", activity_id=activity)
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=at_activity, line=LineForm(goods["rice"], 1))
    assert _post(station, at_activity).activity_id == activity
    assert _on_hand(station) == {goods["rice"]: 0.0}


def test_the_intake_slip_shows_the_donor_the_hut_and_each_line_with_its_value(station, goods):
    with station.db.unit_of_work(station.hut_manager) as uow:
        quiet = hut.add_donor(uow, form=DonorForm(kind="anonymous")).id
    document = _post(station, _intake(station, goods, LineForm(goods["rice"], 10, 50, "new"),
                                      LineForm(goods["milk"], 2, 60, "new", "2027-03-01")))
    with station.db.reading(station.viewer) as uow:
        slip = hut_drafts.intake_slip(uow, document_id=document.id)
    assert (slip.number, slip.donor_name, slip.donor_contact, slip.hut_name) == (
        document.number, "张建华", "13504361111", "幸福村爱心扶贫小屋")
    assert [(line.name, line.quantity, line.unit, line.value, line.expires_on) for line in slip.lines] == [
        ("大米", 10.0, "袋", 500.0, ""), ("牛奶", 2.0, "箱", 120.0, "2027-03-01")]
    assert slip.total_value == 620.0 and slip.recorded_by_name and slip.printed_on == TODAY.isoformat()
    draft = _draft(station, kind="intake", donor_id=quiet)
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["rice"], 1))
    with station.db.reading(station.viewer) as uow:
        assert hut_drafts.intake_slip(uow, document_id=_post(station, draft).id).donor_name == UNNAMED_DONOR


def test_only_the_hut_manager_and_the_admin_write_drafts(station, goods):
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.coordinator) as uow:
        hut_drafts.start_draft(uow, form=DraftForm(kind="intake", donor_id=goods["donor"]))


def test_the_distribution_paper_names_the_household_or_the_activity_and_the_goods_handed_out(station, goods):
    _post(station, _intake(station, goods, LineForm(goods["rice"], 5, 50)))
    with station.db.unit_of_work(station.coordinator) as uow:
        household = register_household(uow, form=HouseholdForm(head_name="王桂兰", address="幸福村三组")).id
    draft = _draft(station, kind="distribution", recipient_kind="household", household_id=household)
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["rice"], 2, 50))
    document = _post(station, draft)
    with station.db.reading(station.viewer) as uow:
        slip = hut_drafts.distribution_slip(uow, document_id=document.id)
        with pytest.raises(InvalidInput):  # an intake has its own slip
            hut_drafts.distribution_slip(uow, document_id=uow.session.scalars(select(HutDocument.id).where(
                HutDocument.kind == "intake")).first())
    assert (slip.number, slip.recipient_kind, slip.recipient_name, slip.household_address, slip.hut_name) == (
        document.number, "household", "王桂兰", "幸福村三组", "幸福村爱心扶贫小屋")
    assert [(line.name, line.quantity, line.unit, line.value) for line in slip.lines] == [("大米", 2.0, "袋", 100.0)]
    assert slip.total_value == 100.0


def test_a_pick_row_is_told_by_the_village_item_else_the_city_item():
    from desktop.services.hut import PickRow

    assert PickRow("item-1", "city-1", "大米", "grain_oil", "袋", "", False).id == "item-1"
    assert PickRow("", "city-1", "大米", "grain_oil", "袋", "", False).id == "city-1"


def _household(station) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        return register_household(uow, form=HouseholdForm(head_name="王桂兰", address="幸福村三组")).id


def test_a_distribution_line_is_worth_what_its_item_last_came_in_at_unless_the_person_says_otherwise(station, goods):
    _post(station, _intake(station, goods, LineForm(goods["rice"], 5, 50)))
    _post(station, _intake(station, goods, LineForm(goods["rice"], 5, 46)))  # the latest intake says what it is worth
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut.update_item(uow, item_id=goods["milk"], form=ItemForm(name="牛奶", category="grain_oil", unit="箱",
                                                                  tracks_expiry=True, points_price=30))
    _post(station, _intake(station, goods, LineForm(goods["milk"], 3, "", expires_on="2027-03-01")))  # unvalued
    draft = _draft(station, kind="distribution", recipient_kind="household", household_id=_household(station))
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["rice"], 2))
        hut_drafts.add_draft_line(uow, draft_id=draft, line=LineForm(goods["milk"], 1))
        shown = hut_drafts.scan_into_draft(uow, draft_id=draft, barcode="6901234567890")  # one more rice
    assert [(line.name, line.quantity, line.unit_value) for line in shown.lines] == [
        ("大米", 3.0, 46.0), ("牛奶", 1.0, 30.0)]  # milk that came in with no value: its points at ¥1 a point
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_drafts.change_draft_line(uow, line_id=shown.lines[1].id, line=LineForm(goods["milk"], 1, "0"))
    document = _post(station, draft)
    with station.db.reading(station.viewer) as uow:
        listed = next(row for row in hut_stock.list_documents(uow) if row.id == document.id)
        slip = hut_drafts.distribution_slip(uow, document_id=document.id)
    assert [(line.name, line.unit_value, line.value) for line in slip.lines] == [("大米", 46.0, 138.0),
                                                                                 ("牛奶", 0.0, 0.0)]
    assert listed.value == 138.0


def _document_lines(station, document_id: str):
    with station.db.reading(station.viewer) as uow:
        return hut_drafts.posted_document(uow, document_id=document_id)


def test_a_posted_document_of_any_kind_is_read_with_its_lines(station, goods):
    from desktop.domain.hut import DocumentKind
    from desktop.services import hut_stocktake
    from desktop.services.hut_stocktake import CountEntry

    intake = _post(station, _intake(station, goods, LineForm(goods["rice"], 10, 50, "new"),
                                    LineForm(goods["milk"], 4, 60, "new", "2027-03-01")))
    paper = _document_lines(station, intake.id)
    assert (paper.number, paper.kind, paper.counterpart, paper.total_value) == (intake.number, "intake", "张建华", 740)
    assert [(line.name, line.category_name, line.quantity, line.unit, line.condition, line.unit_value, line.value,
             line.expires_on) for line in paper.lines] == [
        ("大米", "Grain, oil and food", 10.0, "袋", "new", 50.0, 500.0, ""),
        ("牛奶", "Grain, oil and food", 4.0, "箱", "new", 60.0, 240.0, "2027-03-01")]
    with station.db.unit_of_work(station.hut_manager) as uow:
        reversal = hut_ledger.reverse(uow, document_id=intake.id, reason="登记重复").id
    _post(station, _intake(station, goods, LineForm(goods["rice"], 10, 50), LineForm(goods["milk"], 4, 60, "",
                                                                                    "2027-03-01")))
    with station.db.unit_of_work(station.hut_manager) as uow:
        count = hut_stocktake.start_stocktake(uow)
        hut_stocktake.enter_counts(uow, stocktake_id=count.id, counts=[
            CountEntry(goods["rice"], 9, "lost"), CountEntry(goods["milk"], 5, "surplus")])
        counted = hut_stocktake.post_stocktake(uow, stocktake_id=count.id).document_id
    assert [(line.name, line.quantity, line.reason) for line in _document_lines(station, counted).lines] == [
        ("大米", -1.0, "lost"), ("牛奶", 1.0, "surplus")]
    undone = _document_lines(station, reversal)
    assert (undone.kind, undone.corrects_number, undone.corrects_kind, undone.notes) == (
        DocumentKind.REVERSAL, intake.number, "intake", "登记重复")
    assert [(line.name, line.quantity) for line in undone.lines] == [("大米", -10.0), ("牛奶", -4.0)]
    assert _document_lines(station, intake.id).reversed_by == undone.number
    with station.db.reading(station.coordinator) as uow, pytest.raises(InvalidInput):
        hut_drafts.posted_document(uow, document_id="no-such-document")
