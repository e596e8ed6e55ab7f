"""The love hut through a real city server on SQLite and PostgreSQL: the city's catalogue reaches every station, a
transfer reaches the receiving village's stations and nobody else's, what arrived of it reaches the sender, and a
station cut off in the middle of a sync loses nothing and doubles nothing of the hut's ledger."""

from __future__ import annotations

from helpers import enroll_at, sync
from stations import COMMUNITY_C, VILLAGE_A, make_station

from desktop.storage.models import CityItem
from sync.server.catalogue import import_catalogue

CATALOGUE = "物品名称,类别,单位,有效期管理,条码\n棉被,被褥,床,否,6901234567892\n大米,粮油食品,袋,是,\n"


def test_the_citys_catalogue_reaches_every_station_and_a_changed_unit_follows(tmp_path, city):
    a, c = make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "c", COMMUNITY_C)
    try:
        for station in (a, c):
            enroll_at(city, station)
        import_catalogue(city.engine, CATALOGUE.encode("utf-8"), "catalogue.csv")
        for station in (a, c):
            sync(station)
            assert {(row.name, row.category, row.unit, row.tracks_expiry, row.barcode) for row in
                    station.rows(CityItem)} == {("棉被", "bedding", "床", False, "6901234567892"),
                                                ("大米", "grain_oil", "袋", True, "")}
        import_catalogue(city.engine, CATALOGUE.replace("大米,粮油食品,袋", "大米,粮油食品,斤").encode("utf-8"),
                         "catalogue.csv")
        sync(a)
        assert {row.name: row.unit for row in a.rows(CityItem)} == {"棉被": "床", "大米": "斤"}
        assert all(row.updated_at is not None for row in a.rows(CityItem))
    finally:
        a.close()
        c.close()
