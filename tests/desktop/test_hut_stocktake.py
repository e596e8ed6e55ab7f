"""Stocktakes: expected quantities frozen when the count begins (hidden on a blind count), an uncounted line is
flagged and never taken as zero, a difference needs its reason, what moved during the count is shown and not
undone by posting, and an abandoned count leaves the ledger as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.domain.hut import DocumentKind
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hut_ledger, hut_stocktake
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_stocktake import CountEntry
from desktop.storage.models import HutDocument, Item, StockMovement

VILLAGE = "220802101201"


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    return setup_station


def _items(station, *specs: tuple[str, str, str, float]) -> list[str]:
    """Items (name, category, shelf, on hand) with their stock taken in."""
    with station.db.unit_of_work(station.hut_manager) as uow:
        made = [Item(village_code=VILLAGE, name=name, category=category, shelf=shelf, unit="袋")
                for name, category, shelf, _ in specs]
        uow.session.add_all(made)
        uow.session.flush()
        lines = [Line(item.id, stock) for item, (*_, stock) in zip(made, specs, strict=True) if stock]
        if lines:
            hut_ledger.post(uow, Header(DocumentKind.INTAKE, happened_on="2026-11-20"), lines)
        return [item.id for item in made]


def _start(station, **options) -> hut_stocktake.StocktakeSheet:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return hut_stocktake.start_stocktake(uow, **options)


def _enter(station, sheet, *entries: tuple[str, object, str]) -> hut_stocktake.StocktakeSheet:
    with station.db.unit_of_work(station.hut_manager) as uow:
        counts = [CountEntry(item, counted, reason) for item, counted, reason in entries]
        return hut_stocktake.enter_counts(uow, stocktake_id=sheet.id, counts=counts)


def _post(station, sheet, **options) -> hut_stocktake.StocktakeSheet:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return hut_stocktake.post_stocktake(uow, stocktake_id=sheet.id, **options)


def _on_hand(station) -> dict[str, float]:
    with station.db.reading(station.viewer) as uow:
        return hut_ledger.on_hand(uow.session)


def test_a_count_freezes_what_is_expected_for_all_items_a_category_or_a_shelf(station):
    rice, oil, coat = _items(station, ("大米", "grain_oil", "A1", 10), ("豆油", "grain_oil", "A2", 4),
                             ("棉衣", "clothing", "B1", 3))
    everything = _start(station)
    assert {line.item_id: line.expected for line in everything.lines} == {rice: 10.0, oil: 4.0, coat: 3.0}
    assert all(line.uncounted for line in everything.lines)
    with pytest.raises(InvalidInput) as refused:
        _start(station, category="clothing")
    assert refused.value.params["items"] == "棉衣"
    with station.db.unit_of_work(station.hut_manager) as uow:
        hut_stocktake.abandon_stocktake(uow, stocktake_id=everything.id)
    assert {line.item_id for line in _start(station, category="grain_oil").lines} == {rice, oil}
    assert [line.item_id for line in _start(station, shelf="B1").lines] == [coat]  # another count beside it
    with station.db.reading(station.viewer) as uow:
        current = hut_stocktake.current_stocktakes(uow)
    assert {frozenset(line.item_id for line in sheet.lines) for sheet in current} == {
        frozenset({coat}), frozenset({rice, oil})}


def test_a_blind_count_hides_the_expected_figures_until_every_line_is_counted(station):
    rice, oil = _items(station, ("大米", "grain_oil", "", 10), ("豆油", "grain_oil", "", 4))
    sheet = _start(station, blind=True)
    assert [line.expected for line in sheet.lines] == [None, None]
    sheet = _enter(station, sheet, (rice, "9", "lost"))
    assert all(line.expected is None and line.difference is None for line in sheet.lines)
    sheet = _enter(station, sheet, (oil, "4", ""))
    assert {line.item_id: (line.expected, line.difference) for line in sheet.lines} == {
        rice: (10.0, -1.0), oil: (4.0, 0.0)}


def test_an_uncounted_line_is_flagged_never_taken_as_zero(station):
    rice, oil = _items(station, ("大米", "grain_oil", "", 10), ("豆油", "grain_oil", "", 4))
    sheet = _enter(station, _start(station), (rice, "１０", ""), (oil, "", ""))
    assert sheet.uncounted == 1 and [line.item_id for line in sheet.lines if line.uncounted] == [oil]
    with pytest.raises(InvalidInput) as refused:
        _post(station, sheet)
    assert refused.value.params["items"] == "豆油" and refused.value.field == "counts"
    assert _on_hand(station) == {rice: 10.0, oil: 4.0}
    posted = _post(station, sheet, skip_uncounted=True)
    assert posted.status == "posted" and posted.document_id == ""  # nothing differed: no document
    assert _on_hand(station) == {rice: 10.0, oil: 4.0}


def test_a_count_that_cannot_be_read_names_the_item_and_keeps_nothing_of_the_entry(station):
    rice, oil = _items(station, ("大米", "grain_oil", "", 10), ("豆油", "grain_oil", "", 4))
    sheet = _start(station)
    for typed in ("-2", "十", "abc"):
        with pytest.raises(InvalidInput) as refused:
            _enter(station, sheet, (rice, "8", "lost"), (oil, typed, ""))
        assert refused.value.params["item"] == "豆油" and refused.value.field == "counts"
    with pytest.raises(InvalidInput) as bad_reason:
        _enter(station, sheet, (rice, "8", "stolen"))
    assert bad_reason.value.field == "reason"
    with station.db.reading(station.viewer) as uow:
        assert all(line.uncounted for line in hut_stocktake.count_sheet(uow, stocktake_id=sheet.id).lines)


def test_a_difference_needs_a_reason_and_posts_counted_minus_expected_with_it(station):
    rice, oil, coat = _items(station, ("大米", "grain_oil", "", 10), ("豆油", "grain_oil", "", 4),
                             ("棉衣", "clothing", "", 0))
    sheet = _enter(station, _start(station), (rice, 7, ""), (oil, "4", ""), (coat, "2", "surplus"))
    assert sheet.needing_reason == 1
    with pytest.raises(InvalidInput) as refused:
        _post(station, sheet)
    assert refused.value.params["items"] == "大米" and refused.value.field == "reason"
    sheet = _enter(station, sheet, (rice, 7, "damaged"))
    posted = _post(station, sheet)
    assert posted.document_number.startswith("PD-")
    assert _on_hand(station) == {rice: 7.0, oil: 4.0, coat: 2.0}
    with station.db.reading(station.viewer) as uow:
        moved = {m.item_id: (m.quantity, m.reason, m.kind) for m in uow.session.scalars(
            select(StockMovement).where(StockMovement.document_id == posted.document_id))}
    assert moved == {rice: (-3.0, "damaged", "stocktake"), coat: (2.0, "surplus", "stocktake")}
    with pytest.raises(InvalidInput, match="finished already"):
        _post(station, sheet)


def test_a_counts_losses_and_finds_are_valued_as_the_goods_came_in_else_at_their_points(station):
    """So the month's figures of goods in and out count what a count found missing or more, as they count the goods
    themselves."""
    with station.db.unit_of_work(station.hut_manager) as uow:
        rice = Item(village_code=VILLAGE, name="大米", category="grain_oil", unit="袋")
        coat = Item(village_code=VILLAGE, name="棉衣", category="clothing", unit="件", points_price=30)
        uow.session.add_all([rice, coat])
        uow.session.flush()
        hut_ledger.post(uow, Header(DocumentKind.INTAKE, happened_on="2026-11-20"), [Line(rice.id, 10, 45, "new")])
        rice, coat = rice.id, coat.id
    sheet = _enter(station, _start(station), (rice, 7, "damaged"), (coat, 2, "surplus"))
    posted = _post(station, sheet)
    with station.db.reading(station.viewer) as uow:
        valued = {m.item_id: (m.quantity, m.unit_value) for m in uow.session.scalars(
            select(StockMovement).where(StockMovement.document_id == posted.document_id))}
    assert valued == {rice: (-3.0, 45.0), coat: (2.0, 30.0)}  # a point is worth ¥1 unless the admin says otherwise


def test_goods_handed_out_during_the_count_are_shown_and_not_undone(station, fake_now):
    rice, oil = _items(station, ("大米", "grain_oil", "", 10), ("豆油", "grain_oil", "", 4))
    fake_now.advance(60)
    sheet = _start(station)
    fake_now.advance(60)
    with station.db.unit_of_work(station.hut_manager) as uow:  # the shelf was counted; then two bags went out
        handed = hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="household"),
                                 [Line(rice, -2)])
        number = handed.number
    sheet = _enter(station, sheet, (rice, "9", "lost"), (oil, "4", ""))
    [moved] = sheet.moved
    assert (moved.item_id, moved.name, moved.quantity, moved.documents) == (rice, "大米", -2.0, (number,))
    assert {line.item_id: line.moved_since for line in sheet.lines} == {rice: -2.0, oil: 0.0}
    _post(station, sheet)
    # 10 on the shelf at the start, 9 counted: one lost; the two handed out stay handed out
    assert _on_hand(station) == {rice: 7.0, oil: 4.0}


def test_an_abandoned_count_posts_nothing(station):
    (rice,) = _items(station, ("大米", "grain_oil", "", 10))
    sheet = _enter(station, _start(station), (rice, "3", "lost"))
    with station.db.unit_of_work(station.hut_manager) as uow:
        done = hut_stocktake.abandon_stocktake(uow, stocktake_id=sheet.id)
    assert done.status == "abandoned" and _on_hand(station) == {rice: 10.0}
    with station.db.reading(station.viewer) as uow:
        assert uow.session.scalars(select(HutDocument).where(HutDocument.kind == "stocktake")).all() == []
        assert hut_stocktake.current_stocktakes(uow) == []
    with pytest.raises(InvalidInput, match="finished already"):
        _enter(station, sheet, (rice, "4", "lost"))


def test_a_stocktake_settles_an_item_two_pcs_took_below_zero(station):
    (rice,) = _items(station, ("大米", "grain_oil", "", 2))
    with station.db.unit_of_work(station.hut_manager) as uow:  # another PC's hand-out of the same goods, merged
        hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION), [Line(rice, -3)], check_balances=False)
    sheet = _start(station)
    assert [line.expected for line in sheet.lines] == [-1.0]
    _post(station, _enter(station, sheet, (rice, "0", "entry_error")))
    assert _on_hand(station) == {rice: 0.0}
    with station.db.reading(station.viewer) as uow:
        assert hut_ledger.negative_items(uow.session) == []


def test_only_who_runs_the_hut_counts(station):
    _items(station, ("大米", "grain_oil", "", 2))
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.coordinator) as uow:
        hut_stocktake.start_stocktake(uow)
