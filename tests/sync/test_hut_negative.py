"""Two PCs of one village hand out the same goods while offline, through a real city server on SQLite and
PostgreSQL: sync refuses neither hand-out, both PCs end with the same ledger and the item below zero, flagged with
the two hand-outs that took it there, until a stocktake at one PC settles it at both (docs/sync-protocol.md §9)."""

from __future__ import annotations

import pytest
from helpers import enroll_at, sync
from stations import VILLAGE_A, make_station

from desktop.domain.hut import DocumentKind
from desktop.services import hut, hut_ledger, hut_stock, hut_stocktake
from desktop.services.hut import ItemForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_stocktake import CountEntry


@pytest.fixture
def two_pcs(tmp_path, city):
    """The village office's PC and the hut's own PC of 幸福村, both enrolled, both holding the hut's two quilts."""
    office, hut_pc = make_station(tmp_path, "office", VILLAGE_A), make_station(tmp_path, "hut", VILLAGE_A)
    for station in (office, hut_pc):
        enroll_at(city, station)
    with office.db.unit_of_work(office.admin) as uow:
        hut.set_up_hut(uow, name="幸福村爱心扶贫小屋")
        quilt = hut.add_item(uow, form=ItemForm(name="棉被", category="bedding", unit="床")).id
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(quilt, 2, 150, "new")])
    for station in (office, hut_pc):
        sync(station)
    yield office, hut_pc, quilt
    office.close()
    hut_pc.close()


def _hand_out(station, quilt: str, count: float) -> str:
    with station.db.unit_of_work(station.admin) as uow:
        return hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="activity"),
                               [Line(quilt, -count)]).id


def _flagged(station) -> list[tuple[str, float, set[str]]]:
    with station.db.reading(station.admin) as uow:
        return [(row.name, row.on_hand, {moved.document_id for moved in row.movements})
                for row in hut_stock.negative_summary(uow)]


def _on_hand(station, quilt: str) -> float:
    with station.db.reading(station.admin) as uow:
        return hut_ledger.on_hand(uow.session)[quilt]


def test_the_same_goods_handed_out_on_two_pcs_offline_are_flagged_at_both_until_a_stocktake(two_pcs):
    office, hut_pc, quilt = two_pcs
    assert _on_hand(hut_pc, quilt) == 2.0
    # Offline, each PC gives out quilts from the two it knows of: both are allowed where they are made.
    by_office = _hand_out(office, quilt, 2)
    by_hut = _hand_out(hut_pc, quilt, 1)
    assert _flagged(office) == [] and _flagged(hut_pc) == []
    for station in (office, hut_pc, office):
        sync(station)
    # Sync refused neither: both PCs hold both hand-outs, and the item stands at -1, flagged with them.
    for station in (office, hut_pc):
        assert _on_hand(station, quilt) == -1.0
        assert _flagged(station) == [("棉被", -1.0, {by_office, by_hut})]
    # The hut manager counts the shelf at the hut's PC: it is empty. The stocktake settles the item everywhere.
    with hut_pc.db.unit_of_work(hut_pc.admin) as uow:
        count = hut_stocktake.start_stocktake(uow)
        hut_stocktake.enter_counts(uow, stocktake_id=count.id, counts=[CountEntry(quilt, 0, "entry_error")])
        hut_stocktake.post_stocktake(uow, stocktake_id=count.id)
    for station in (hut_pc, office):
        sync(station)
    for station in (office, hut_pc):
        assert _on_hand(station, quilt) == 0.0
        assert _flagged(station) == []
