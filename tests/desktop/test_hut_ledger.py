"""The hut's ledger: a posted document is numbered in this PC's series and never changed; no balance goes below
zero at this PC, on the document's day or later; a published month takes nothing more; a reversal undoes a
document once; stock on hand, on any day, is the sum of the ledger; an item two PCs took below zero is flagged."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.hut import DocumentKind, first_shortfall, next_number, pc_mark, quantity
from desktop.domain.sync_kinds import named_id
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hut_ledger
from desktop.services.hut_ledger import Header, Line
from desktop.storage.models import HutDocument, HutMonth, Item, Station, StockMovement

TODAY = date(2026, 11, 29)  # the fake clock's day


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now
    return setup_station


def _items(station, *names: str) -> list[str]:
    with station.db.unit_of_work(station.hut_manager) as uow:
        made = [Item(village_code="220802101201", name=name, category="grain_oil", unit="袋") for name in names]
        uow.session.add_all(made)
        uow.session.flush()
        return [item.id for item in made]


def _post(station, kind: DocumentKind, lines: list[tuple[str, float]], day: str = "", **header):
    with station.db.unit_of_work(station.hut_manager) as uow:
        document = hut_ledger.post(uow, Header(kind, happened_on=day, **header),
                                   [Line(item, moved) for item, moved in lines])
        return document.id, document.number


def _on_hand(station, **options) -> dict[str, float]:
    with station.db.reading(station.viewer) as uow:
        return hut_ledger.on_hand(uow.session, **options)


def test_numbers_run_per_kind_and_year_in_this_pcs_series():
    assert pc_mark("3f9a2c1e-0000-4000-8000-000000000000") == "3F9A"
    assert next_number(DocumentKind.INTAKE, 2026, "3F9A", []) == "RK-2026-3F9A-0001"
    used = ["RK-2026-3F9A-0001", "RK-2026-3F9A-0009", "RK-2026-7B00-0042", "RK-2025-3F9A-0050", "FF-2026-3F9A-0011"]
    assert next_number(DocumentKind.INTAKE, 2026, "3F9A", used) == "RK-2026-3F9A-0010"
    assert next_number(DocumentKind.DISTRIBUTION, 2026, "3F9A", used) == "FF-2026-3F9A-0012"


def test_a_posted_document_is_numbered_its_lines_are_on_the_ledger_and_it_is_never_changed(station):
    rice, oil = _items(station, "大米", "豆油")
    first, number = _post(station, DocumentKind.INTAKE, [(rice, 10), (oil, 4)])
    _, next_one = _post(station, DocumentKind.INTAKE, [(rice, 1)])
    with station.db.reading(station.viewer) as uow:
        mark = pc_mark(uow.session.scalars(select(Station.station_id)).one())
    assert number == f"RK-2026-{mark}-0001" and next_one == f"RK-2026-{mark}-0002"
    assert _on_hand(station) == {rice: 11.0, oil: 4.0}
    with pytest.raises(RuntimeError, match="never changed"), station.db.unit_of_work(station.hut_manager) as uow:
        uow.session.get(StockMovement, uow.session.scalars(select(StockMovement.id).where(
            StockMovement.document_id == first)).first()).quantity = 100
    with pytest.raises(RuntimeError, match="never changed"), station.db.unit_of_work(station.hut_manager) as uow:
        uow.session.get(HutDocument, first).notes = "改一下"
    assert _on_hand(station) == {rice: 11.0, oil: 4.0}


def test_a_pc_numbers_on_from_its_own_series_whatever_the_other_pcs_and_years_hold(station):
    from desktop.services.demo import as_pulled

    (rice,) = _items(station, "大米")
    with station.db.reading(station.viewer) as uow:
        mark = pc_mark(uow.session.scalars(select(Station.station_id)).one())
    with station.db.unit_of_work(station.admin) as uow:  # as a sync brings them: this PC's earlier ones, others'
        for number in (f"RK-2026-{mark}-0009", f"RK-2026-{mark}-10000", "RK-2026-7B00-20000",
                       f"RK-2025-{mark}-30000", f"FF-2026-{mark}-40000"):
            as_pulled(uow, "hut_document", named_id("220802101201", "test", number), {
                "village_code": "220802101201", "kind": "intake", "number": number, "happened_on": "2026-01-05",
                "posted_on": "2026-01-05", "month": "2026-01"})
    assert _post(station, DocumentKind.INTAKE, [(rice, 1)])[1] == f"RK-2026-{mark}-10001"


def test_nothing_goes_out_that_is_not_on_the_shelf_naming_the_item_and_what_is_there(station):
    (rice,) = _items(station, "大米")
    _post(station, DocumentKind.INTAKE, [(rice, 3)], day="2026-11-20")
    with pytest.raises(InvalidInput) as refused:
        _post(station, DocumentKind.DISTRIBUTION, [(rice, -2), (rice, -2)], recipient_kind="household")
    assert refused.value.params["item"] == "大米" and refused.value.params["on_hand"] == "3"
    assert refused.value.params["wanted"] == "4"
    _post(station, DocumentKind.DISTRIBUTION, [(rice, -3)])
    assert _on_hand(station) == {rice: 0.0}


def test_a_late_paper_record_may_not_make_a_past_balance_negative(station):
    (rice,) = _items(station, "大米")
    _post(station, DocumentKind.INTAKE, [(rice, 5)], day="2026-11-10")
    _post(station, DocumentKind.DISTRIBUTION, [(rice, -4)], day="2026-11-20")
    # On the 15th there were 5, but handing out 3 then leaves the 20th's four short by two.
    with pytest.raises(InvalidInput) as refused:
        _post(station, DocumentKind.DISTRIBUTION, [(rice, -3)], day="2026-11-15")
    assert (refused.value.params["later"], refused.value.params["balance"]) == ("2026-11-20", "-2")
    _post(station, DocumentKind.DISTRIBUTION, [(rice, -1)], day="2026-11-15")
    assert _on_hand(station) == {rice: 0.0}
    assert _on_hand(station, on="2026-11-15") == {rice: 4.0}
    assert _on_hand(station, on="2026-11-09") == {}


def test_a_day_to_come_and_a_published_month_are_refused(station):
    (rice,) = _items(station, "大米")
    with pytest.raises(InvalidInput) as refused:
        _post(station, DocumentKind.INTAKE, [(rice, 1)], day="2026-11-30")
    assert refused.value.field == "happened_on"
    with station.db.unit_of_work(station.hut_manager) as uow:
        uow.session.add(HutMonth(id=named_id("220802101201", "hut_month", "2026-10"), village_code="220802101201",
                                 month="2026-10", published_on="2026-11-02"))
    with pytest.raises(InvalidInput) as refused:
        _post(station, DocumentKind.INTAKE, [(rice, 1)], day="2026-10-31")
    assert refused.value.params["month"] == "2026-10"
    _post(station, DocumentKind.INTAKE, [(rice, 1)], day="2026-11-01")


def test_a_line_without_a_quantity_or_an_item_and_a_document_without_lines_are_refused(station):
    (rice,) = _items(station, "大米")
    for lines in ([], [(rice, 0)], [("no-such-item", 1)]):
        with pytest.raises(InvalidInput):
            _post(station, DocumentKind.INTAKE, lines)
    with station.db.reading(station.viewer) as uow:
        assert uow.session.scalars(select(HutDocument)).all() == []


def test_only_who_keeps_the_hut_posts(station):
    (rice,) = _items(station, "大米")
    for actor in (station.coordinator, station.viewer):
        with pytest.raises(PermissionDenied), station.db.unit_of_work(actor) as uow:
            hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(rice, 1)])


def test_a_reversal_undoes_a_document_once_and_the_document_stays_as_posted(station):
    rice, oil = _items(station, "大米", "豆油")
    intake, number = _post(station, DocumentKind.INTAKE, [(rice, 10), (oil, 2)])
    with station.db.unit_of_work(station.hut_manager) as uow:
        reversal = hut_ledger.reverse(uow, document_id=intake, reason="录入重复")
        assert reversal.kind == "reversal" and reversal.corrects_id == intake and reversal.number.startswith("CX-")
    assert _on_hand(station) == {rice: 0.0, oil: 0.0}
    with pytest.raises(InvalidInput) as refused, station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.reverse(uow, document_id=intake, reason="再来一次")
    assert refused.value.params["number"] == number
    with station.db.reading(station.viewer) as uow:
        assert len(hut_ledger.movements_of(uow.session, intake)) == 2


def test_an_intake_whose_goods_went_out_is_not_reversed_below_zero(station):
    (rice,) = _items(station, "大米")
    intake, _ = _post(station, DocumentKind.INTAKE, [(rice, 5)])
    _post(station, DocumentKind.DISTRIBUTION, [(rice, -4)])
    with pytest.raises(InvalidInput), station.db.unit_of_work(station.hut_manager) as uow:
        hut_ledger.reverse(uow, document_id=intake, reason="错了")
    assert _on_hand(station) == {rice: 1.0}


def test_two_pcs_handing_out_the_same_goods_leave_the_item_flagged_with_the_movements(station):
    (rice,) = _items(station, "大米")
    _post(station, DocumentKind.INTAKE, [(rice, 2)], day="2026-11-01")
    mine, _ = _post(station, DocumentKind.DISTRIBUTION, [(rice, -2)], day="2026-11-05")
    # The village's other PC handed out one bag the same week, offline: sync brings its movement as it is.
    with station.db.unit_of_work(station.hut_manager) as uow:
        other = HutDocument(village_code="220802101201", kind="distribution", number="FF-2026-7B00-0001",
                            happened_on="2026-11-06", posted_on="2026-11-06", month="2026-11")
        uow.session.add(other)
        uow.session.flush()
        uow.session.add(StockMovement(village_code="220802101201", document_id=other.id, item_id=rice,
                                      kind="distribution", happened_on="2026-11-06", quantity=-1))
    with station.db.reading(station.viewer) as uow:
        flagged = hut_ledger.negative_items(uow.session)
    assert [(n.name, n.on_hand) for n in flagged] == [("大米", -1.0)]
    assert {m.document_id for m in flagged[0].movements} == {mine, other.id}
    _post(station, DocumentKind.STOCKTAKE, [(rice, 1)])  # the count found the shelf empty: settled
    with station.db.reading(station.viewer) as uow:
        assert hut_ledger.negative_items(uow.session) == []


def test_stock_on_hand_is_the_sum_of_the_ledger_after_any_mix_of_documents(station):
    """Many random intakes, hand-outs, reversals and late entries: whatever was accepted, the stock on hand on
    any day is the sum of the accepted lines up to it, and never below zero at this PC."""
    items = _items(station, "大米", "豆油", "面粉")
    chance = random.Random(20261129)
    accepted: list[tuple[str, str, float]] = []
    documents: list[str] = []
    for _ in range(120):
        day = date(2026, 11, chance.randint(1, 29)).isoformat()
        roll = chance.random()
        try:
            if roll < 0.1 and documents:
                with station.db.unit_of_work(station.hut_manager) as uow:
                    target = chance.choice(documents)
                    undone = hut_ledger.movements_of(uow.session, target)
                    hut_ledger.reverse(uow, document_id=target, reason="冲销")
                accepted += [(TODAY.isoformat(), m.item_id, -m.quantity) for m in undone]
                continue
            kind = DocumentKind.INTAKE if roll < 0.55 else DocumentKind.DISTRIBUTION
            sign = 1 if kind == DocumentKind.INTAKE else -1
            lines = [(chance.choice(items), sign * chance.choice([0.5, 1, 2, 3, 5]))
                     for _ in range(chance.randint(1, 3))]
            document, _ = _post(station, kind, lines, day=day)
        except InvalidInput:
            continue
        documents.append(document)
        accepted += [(day, item, moved) for item, moved in lines]
    assert len(documents) > 40, "the mix must post plenty"
    for on in ("2026-11-05", "2026-11-15", "2026-11-29"):
        expected: dict[str, float] = {}
        for day, item, moved in accepted:
            if day <= on:
                expected[item] = quantity(expected.get(item, 0.0) + moved)
        assert _on_hand(station, on=on) == expected
    for item in items:
        assert first_shortfall([(day, moved) for day, it, moved in accepted if it == item]) is None
