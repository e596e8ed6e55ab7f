"""The sign-in card: what the first window shows, read from the file without the database layer."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.roles import Role
from desktop.services import accounts, station
from desktop.services.settings import load_settings, save_settings
from desktop.storage.sign_in_card import read_sign_in_card


def test_the_card_shows_the_station_its_place_and_the_people_who_may_sign_in(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        accounts.update_user(uow, user_id=s.viewer.user_id, display_name="刘明", role=Role.VIEWER, active=False)
        save_settings(uow, settings=replace(load_settings(uow), language="en", font_size=18))
    card = read_sign_in_card(s.folder.database)
    assert card is not None
    with s.db.reading(s.admin) as uow:
        assert card.station_name == station.village_profile(uow).station_name
        assert card.place == station.station_info(uow).place
    people = {(p.username, p.display_name, p.role) for p in card.people}
    assert people == {("admin", "王建国", Role.ADMIN), ("coordinator", "李秀英", Role.COORDINATOR),
                      ("hut", "张桂兰", Role.HUT_MANAGER)}  # the switched-off viewer is not offered
    assert (card.language, card.font_size) == ("en", 18)


def test_no_card_without_a_set_up_station(fresh_db, folder):
    assert read_sign_in_card(folder.database) is None
    assert read_sign_in_card(folder.root / "missing.db") is None


def test_no_card_for_a_damaged_file_so_the_full_start_can_explain(folder, digest):
    folder.root.mkdir(parents=True)
    folder.database.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    before = digest(folder.database)
    assert read_sign_in_card(folder.database) is None
    assert digest(folder.database) == before


def test_the_people_are_in_pinyin_order_surnames_read_as_surnames_and_a_new_name_moves_its_person(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        for username, name in (("zeng", "曾庆红"), ("shan", "单田芳"), ("an", "安娜")):
            accounts.add_user(uow, username=username, display_name=name, role=Role.VIEWER, password=s.password)
    card = read_sign_in_card(s.folder.database)
    assert card is not None
    assert [p.display_name for p in card.people] == ["安娜", "李秀英", "刘明", "单田芳", "王建国", "曾庆红", "张桂兰"]

    with s.db.unit_of_work(s.admin) as uow:
        an = next(user for user in accounts.list_users(uow) if user.username == "an")
        accounts.update_user(uow, user_id=an.id, display_name="朴安娜", role=Role.VIEWER, active=True)
        assert [user.display_name for user in accounts.list_users(uow)] == [
            "李秀英", "刘明", "朴安娜", "单田芳", "王建国", "曾庆红", "张桂兰"]
    card = read_sign_in_card(s.folder.database)
    assert card is not None
    assert [p.display_name for p in card.people] == ["李秀英", "刘明", "朴安娜", "单田芳", "王建国", "曾庆红", "张桂兰"]
