"""The hut's setting up, its catalogue and its donors: categories beside the built-in ones, items with a barcode
unique among active items, the city's items adopted once and never listed twice, a scan finding an item or saying
plainly that nothing has that code; donors named or not, their gifts, and a sponsor's pledge beside what arrived."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.hut import UNNAMED_DONOR, DocumentKind
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hut, hut_ledger, sponsorships
from desktop.services.demo import as_pulled
from desktop.services.households import HouseholdForm, register_household
from desktop.services.hut import DonorForm, ItemForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.sponsorships import PledgeForm, SponsorForm

TODAY = date(2026, 11, 29)


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    return setup_station


def _city_item(station, row_id: str, name: str, barcode: str = "", **extra) -> None:
    with station.db.unit_of_work(station.admin) as uow:
        as_pulled(uow, "city_item", row_id, {"name": name, "category": extra.get("category", "grain_oil"),
                                             "unit": extra.get("unit", "袋"), "tracks_expiry": False,
                                             "barcode": barcode, "active": True})


def test_the_hut_is_set_up_once_by_its_village_code_and_changed_after(station):
    with station.db.reading(station.viewer) as uow:
        assert hut.hut_info(uow) is None
    with station.db.unit_of_work(station.hut_manager) as uow:
        made = hut.set_up_hut(uow, name="幸福村爱心扶贫小屋", address="村委会东屋", opened_on="2026-03-01")
        again = hut.set_up_hut(uow, name="幸福村爱心小屋", address="村委会东屋")
    assert made.id == again.id == "220802101201"
    with station.db.reading(station.viewer) as uow:
        info = hut.hut_info(uow)
    assert (info.name, info.address) == ("幸福村爱心小屋", "村委会东屋") and not info.actions
    with pytest.raises(InvalidInput) as refused, station.db.unit_of_work(station.hut_manager) as uow:
        hut.set_up_hut(uow, name="  ")
    assert refused.value.field == "name"
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.coordinator) as uow:
        hut.set_up_hut(uow, name="小屋")


def test_categories_are_the_built_in_ones_and_the_huts_own(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        added = hut.add_item_category(uow, name="农资")
        with pytest.raises(InvalidInput, match="already"):
            hut.add_item_category(uow, name=" 农资 ")
        hut.rename_item_category(uow, code=added.code, name="农用物资")
        with pytest.raises(InvalidInput):
            hut.rename_item_category(uow, code="clothing", name="衣服")
        hut.set_item_category_active(uow, code=added.code, active=False)
    with station.db.reading(station.viewer) as uow:
        shown = [row.code for row in hut.list_item_categories(uow)]
        every = {row.code: row.name for row in hut.list_item_categories(uow, include_inactive=True)}
    assert shown[:2] == ["clothing", "bedding"] and added.code not in shown
    assert every[added.code] == "农用物资" and added.code == "nong_zi"


def test_an_item_is_checked_and_found_by_name_pinyin_initials_or_barcode(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        rice = hut.add_item(uow, form=ItemForm(name="东北大米", category="grain_oil", unit="袋",
                                               barcode="6901234567890", low_stock="５"))
        hut.add_item(uow, form=ItemForm(name="棉被", category="bedding", unit="床"))
        for form, field in ((ItemForm(name=""), "name"), (ItemForm(name="书包", category="nothing"), "category"),
                            (ItemForm(name="书包", unit=""), "unit"),
                            (ItemForm(name="书包", low_stock="很多"), "low_stock"),
                            (ItemForm(name="书包", barcode="6901234567890"), "barcode")):
            with pytest.raises(InvalidInput) as refused:
                hut.add_item(uow, form=form)
            assert refused.value.field == field
    assert rice.low_stock == 5
    with station.db.reading(station.viewer) as uow:
        assert [row.name for row in hut.list_items(uow, text="dbdm")] == ["东北大米"]
        assert [row.name for row in hut.list_items(uow, text="大米")] == ["东北大米"]
        assert [row.name for row in hut.list_items(uow, text="6901234567890")] == ["东北大米"]
        assert [row.name for row in hut.list_items(uow, text="mianbei")] == ["棉被"]
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut.set_item_active(uow, item_id=rice.id, active=False)
        # the barcode is free again once its item is off the lists
        hut.add_item(uow, form=ItemForm(name="五常大米", category="grain_oil", unit="袋", barcode="6901234567890"))
        with pytest.raises(InvalidInput, match="already belongs"):
            hut.set_item_active(uow, item_id=rice.id, active=True)


def test_a_city_item_is_adopted_once_and_the_pick_list_never_shows_an_item_twice(station):
    _city_item(station, "c-oil", "豆油", barcode="6900000000011", unit="桶")
    _city_item(station, "c-flour", "面粉")
    with station.db.reading(station.viewer) as uow:
        before = hut.pick_list(uow)
        by_scan = hut.find_by_barcode(uow, barcode=" 6900000000011 ")
    assert [(row.name, row.item_id) for row in before] == [("豆油", ""), ("面粉", "")]
    assert (by_scan.item_id, by_scan.city_item_id) == ("", "c-oil")
    with station.db.unit_of_work(station.hut_manager) as uow:
        first = hut.adopt_city_item(uow, city_item_id="c-oil")
        second = hut.adopt_city_item(uow, city_item_id="c-oil")
    assert first.id == second.id and first.barcode == "6900000000011" and first.unit == "桶"
    with station.db.reading(station.viewer) as uow:
        after = hut.pick_list(uow)
        assert [(row.name, bool(row.item_id)) for row in after] == [("豆油", True), ("面粉", False)]
        assert [row.name for row in hut.pick_list(uow, text="mf")] == ["面粉"]
        assert hut.find_by_barcode(uow, barcode="6900000000011").item_id == first.id
        with pytest.raises(InvalidInput) as unknown:
            hut.find_by_barcode(uow, barcode="1234")
    assert unknown.value.field == "barcode" and unknown.value.params["barcode"] == "1234"
    with station.db.unit_of_work(station.hut_manager) as uow:
        flour = hut.adopt_city_item(uow, city_item_id="c-flour")
        hut.link_barcode(uow, item_id=flour.id, barcode="1234")
    with station.db.reading(station.viewer) as uow:
        assert hut.find_by_barcode(uow, barcode="1234").name == "面粉"


def test_a_city_item_the_village_keeps_under_its_own_item_is_listed_once_and_adopting_it_finds_that_item(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        own = hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋"))
    _city_item(station, "c-rice", "大 米", barcode="6900000000028", unit="袋")
    _city_item(station, "c-rice-kg", "大米", unit="斤")  # the same name in another unit is other goods
    with station.db.reading(station.viewer) as uow:
        listed = [(row.name, row.unit, row.item_id) for row in hut.pick_list(uow, text="dm")]
    assert listed == [("大米", "袋", own.id), ("大米", "斤", "")]
    with station.db.unit_of_work(station.hut_manager) as uow:
        scanned = hut.find_by_barcode(uow, barcode="6900000000028")  # the city's code, scanned at the hut
        adopted = hut.adopt_city_item(uow, city_item_id=scanned.city_item_id)
    assert adopted.id == own.id
    with station.db.reading(station.viewer) as uow:
        assert [row.name for row in hut.list_items(uow)].count("大米") == 1


def test_donors_are_named_on_the_notice_as_they_chose_and_keep_their_gifts(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        person = hut.add_donor(uow, form=DonorForm(kind="person", name="张建华", contact="13504361111"))
        quiet = hut.add_donor(uow, form=DonorForm(kind="person", name="刘淑芬", named_in_notice=False))
        nobody = hut.add_donor(uow, form=DonorForm(kind="anonymous"))
        with pytest.raises(InvalidInput) as refused:
            hut.add_donor(uow, form=DonorForm(kind="organisation", name=""))
        assert refused.value.field == "name"
        rice = hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋"))
        gift = hut_ledger.post(uow, Header(DocumentKind.INTAKE, donor_id=person.id, happened_on="2026-11-02"),
                               [Line(rice.id, 10, unit_value=50)])
        hut_ledger.post(uow, Header(DocumentKind.INTAKE, donor_id=person.id, happened_on="2026-11-20"),
                        [Line(rice.id, 2, unit_value=50)])
        hut_ledger.reverse(uow, document_id=gift.id, reason="录入重复")
    assert (person.notice_name, quiet.notice_name, nobody.notice_name) == ("张建华", UNNAMED_DONOR, UNNAMED_DONOR)
    with station.db.reading(station.viewer) as uow:
        history = hut.donor_history(uow, donor_id=person.id)
        listed = {row.name: (row.gifts, row.last_gift) for row in hut.list_donors(uow, text="zjh")}
    assert [(row.happened_on, row.what, row.value, row.reversed) for row in history] == [
        ("2026-11-20", "大米 2袋", 100.0, False), ("2026-11-02", "大米 10袋", 500.0, True)]
    assert listed == {"张建华": (2, "2026-11-20")}


def test_a_sponsors_pledged_goods_arrive_from_its_donor_record_and_are_compared(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        household = register_household(uow, form=HouseholdForm(head_name="王桂兰", address="幸福村三组",
                                                                categories=("illness",)))
        sponsor = sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name="县妇联"))
        pairing = sponsorships.pair_sponsorship(uow, household_id=household.id, sponsor_id=sponsor.id,
                                                project="illness", pledge=PledgeForm(
                                                    pledge_kind="goods", pledge="米面油每季一次", amount=800,
                                                    start_on="2026-11-01"))
    with station.db.unit_of_work(station.hut_manager) as uow:
        donor = hut.donor_for_sponsor(uow, sponsor_id=sponsor.id)
        assert hut.donor_for_sponsor(uow, sponsor_id=sponsor.id).id == donor.id
        rice = hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋"))
        hut_ledger.post(uow, Header(DocumentKind.INTAKE, donor_id=donor.id, happened_on="2026-11-10"),
                        [Line(rice.id, 6, unit_value=50)])
    assert (donor.name, donor.kind, donor.sponsor_id) == ("县妇联", "organisation", sponsor.id)
    with station.db.reading(station.viewer) as uow:
        compared = hut.pledge_delivery(uow, sponsorship_id=pairing.id)
    assert (compared.pledged, compared.pledged_value, compared.delivered_value, compared.short_by) == (
        "米面油每季一次", 800.0, 300.0, 500.0)
    assert [gift.what for gift in compared.delivered] == ["大米 6袋"]
