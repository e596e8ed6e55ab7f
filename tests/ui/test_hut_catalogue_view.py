"""The love hut's items and donors on screen, as its manager keeps them: an item added with its category, unit,
expiry and barcode, then changed; a name or a barcode already taken refused on its field with the typing kept;
an item of the city's catalogue adopted once; a category of the station's own; donors of each kind and a donor's
gifts; and no way to change any of it for a role that may not."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.actor import SYSTEM
from desktop.services import hut
from desktop.services.demo import DEMO_ACCOUNTS, as_pulled
from desktop.services.hut import ItemForm
from tests.screen import click, closed, rows, save, settle
from ui.views.hut import HutView
from ui.views.hut.catalogue import (
    CatalogueTab,
    CategoriesDialog,
    CityItemPicker,
    DonorDialog,
    DonorHistoryDialog,
    ItemDialog,
)

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS
NEW_CITY_ITEM = "6f3c1a52-0000-4000-8000-0000000000aa"


@pytest.fixture
def hut_window(demo_app, sign_in):
    return sign_in(demo_app, HUT_MANAGER.username)


def catalogue(window, qtbot) -> CatalogueTab:
    """The hut's area at its "Items and donors" tab, as the person clicks their way to it."""
    view = window.show_area("hut")
    assert isinstance(view, HutView)
    settle(qtbot)
    view.tabs.setCurrentWidget(view.catalogue)
    settle(qtbot)
    return view.catalogue


def opened(qtbot, button) -> QWidget:
    """Press a button that opens a dialog, and the dialog it opened."""
    assert button.isVisible() and button.isEnabled()
    click(qtbot, button)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.isVisible()
    return dialog


def listed(page, column: int = 0) -> list[str]:
    return [row[column] for row in rows(page)]


def row_of(page, name: str) -> list[str]:
    return next(row for row in rows(page) if row[0] == name)


def find(context, work):
    with context.db.reading(context.actor) as uow:
        return work(uow)


def fill_item(dialog: ItemDialog, *, name: str, category: str, unit: str, expiry: bool, barcode: str) -> None:
    dialog.name.setText(name)
    dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.unit.setCurrentText(unit)
    dialog.tracks_expiry.setChecked(expiry)
    dialog.barcode.setText(barcode)


def test_an_item_is_added_with_its_category_unit_expiry_and_barcode_and_then_changed(qtbot, hut_window) -> None:
    items = catalogue(hut_window, qtbot).items
    dialog = opened(qtbot, items.add_button_)
    assert isinstance(dialog, ItemDialog)
    # the barcode as a full-width keyboard types it
    fill_item(dialog, name="奶粉（罐装）", category="grain_oil", unit="桶", expiry=True,
              barcode="６９０１２３４５９９９９１")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert row_of(items, "奶粉（罐装）")[1:5] == ["Grain, oil and food", "桶", "0 桶", "6901234599991"]
    assert row_of(items, "奶粉（罐装）")[8:10] == ["Yes", "Village's own"]
    assert items.selected().name == "奶粉（罐装）"  # the new item is the one chosen

    dialog = opened(qtbot, items.edit_button)
    assert isinstance(dialog, ItemDialog)
    settle(qtbot)
    assert dialog.name.text() == "奶粉（罐装）"
    assert dialog.category.currentData() == "grain_oil"
    assert dialog.unit.currentText() == "桶" and dialog.tracks_expiry.isChecked()
    dialog.name.setText("婴儿奶粉")
    dialog.category.setCurrentIndex(dialog.category.findData("daily"))
    dialog.shelf.setText("D3")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert "奶粉（罐装）" not in listed(items)
    changed = row_of(items, "婴儿奶粉")
    assert changed[1] == "Daily necessities" and changed[4] == "6901234599991" and changed[5] == "D3"
    assert items.selected().name == "婴儿奶粉"


def test_a_name_or_a_barcode_already_taken_is_refused_on_its_field_and_the_typing_is_kept(qtbot, hut_window):
    items = catalogue(hut_window, qtbot).items
    before = listed(items)
    dialog = opened(qtbot, items.add_button_)
    # the demo's hut keeps 棉被 counted in 床 already
    fill_item(dialog, name=" 棉被 ", category="bedding", unit="床", expiry=False, barcode="")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "棉被" in dialog.message.text()
    assert dialog.name.property("problem") is True
    assert dialog.name.text() == " 棉被 " and dialog.unit.currentText() == "床"
    assert dialog.category.currentData() == "bedding"

    # another name, but the rice's barcode
    dialog.name.setText("散装大米")
    dialog.unit.setCurrentText("斤")
    dialog.barcode.setText("6901234500011")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "6901234500011" in dialog.message.text() and "大米（10斤装）" in dialog.message.text()
    assert dialog.barcode.property("problem") is True and dialog.name.property("problem") is not True
    assert (dialog.name.text(), dialog.unit.currentText(), dialog.barcode.text()) == ("散装大米", "斤",
                                                                                      "6901234500011")
    settle(qtbot)
    assert listed(items) == before  # nothing was added

    # changing an item to the name of another is refused the same way
    dialog.reject()
    items.select(next(row.id for row in find(hut_window.context, lambda uow: hut.list_items(uow))
                      if row.name == "书包"))
    settle(qtbot)
    dialog = opened(qtbot, items.edit_button)
    settle(qtbot)
    dialog.name.setText("洗衣粉")
    dialog.unit.setCurrentText("袋")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.name.property("problem") is True
    assert dialog.name.text() == "洗衣粉"


def test_an_item_of_the_citys_catalogue_is_adopted_once(qtbot, hut_window) -> None:
    context = hut_window.context
    with context.db.unit_of_work(SYSTEM) as uow:
        as_pulled(uow, "city_item", NEW_CITY_ITEM, {"name": "食用盐（400克）", "category": "grain_oil", "unit": "袋",
                                                    "tracks_expiry": False, "barcode": "6901234500059",
                                                    "active": True})
    items = catalogue(hut_window, qtbot).items
    picker = opened(qtbot, items.adopt_button)
    assert isinstance(picker, CityItemPicker)
    settle(qtbot)
    offered = [picker.list.item(row).text() for row in range(picker.list.count())]
    assert offered == ["食用盐（400克）  ·  袋  ·  6901234500059"]  # the four adopted by the demo are not offered
    picker.choose(NEW_CITY_ITEM)
    picker.buttons.accepted.emit()
    settle(qtbot)
    assert closed(picker)
    salt = row_of(items, "食用盐（400克）")
    assert salt[1:5] == ["Grain, oil and food", "袋", "0 袋", "6901234500059"] and salt[9] == "City's catalogue"
    assert items.selected().name == "食用盐（400克）"

    picker = opened(qtbot, items.adopt_button)
    settle(qtbot)
    assert picker.list.count() == 0
    assert picker.hint.text() == "The city's catalogue has no other item like this."
    picker.reject()
    assert listed(items).count("食用盐（400克）") == 1
    picked = find(context, lambda uow: hut.pick_list(uow, text="食用盐"))
    assert [(row.name, bool(row.item_id)) for row in picked] == [("食用盐（400克）", True)]


def test_the_citys_items_are_offered_for_adoption_however_many_items_the_hut_keeps(qtbot, hut_window) -> None:
    context = hut_window.context
    with context.db.unit_of_work(SYSTEM) as uow:
        as_pulled(uow, "city_item", NEW_CITY_ITEM, {"name": "食用盐（400克）", "category": "grain_oil", "unit": "袋",
                                                    "tracks_expiry": False, "barcode": "", "active": True})
    with context.db.unit_of_work(context.actor) as uow:
        for number in range(210):
            hut.add_item(uow, form=ItemForm(name=f"捐赠物品{number:03d}", category="other", unit="件"))
    items = catalogue(hut_window, qtbot).items
    picker = opened(qtbot, items.adopt_button)
    settle(qtbot)
    assert [picker.list.item(row).text() for row in range(picker.list.count())] == ["食用盐（400克）  ·  袋"]


def test_a_category_of_the_stations_own_is_added_and_offered_for_items(qtbot, hut_window) -> None:
    items = catalogue(hut_window, qtbot).items
    dialog = opened(qtbot, items.categories_button)
    assert isinstance(dialog, CategoriesDialog)
    settle(qtbot)
    dialog.name.setText("农资")
    click(qtbot, dialog.add_button)
    assert "农资" in dialog.message.text()
    shown = {row[0]: row[1:] for row in rows(dialog)}
    assert shown["农资"] == ["Added by the hut", "Yes"] and shown["Clothing"] == ["Built in", "Yes"]
    assert dialog.name.text() == ""

    dialog.name.setText(" 农资")  # the same name again
    click(qtbot, dialog.add_button)
    assert "农资" in dialog.message.text() and dialog.name.property("problem") is True
    assert dialog.name.text() == " 农资"
    assert [row[0] for row in rows(dialog)].count("农资") == 1
    dialog.reject()

    adding = opened(qtbot, items.add_button_)
    settle(qtbot)
    offered = [adding.category.itemText(index) for index in range(adding.category.count())]
    assert "农资" in offered
    fill_item(adding, name="化肥（50斤）", category=adding.category.itemData(offered.index("农资")), unit="袋",
              expiry=False, barcode="")
    save(qtbot, adding)
    assert closed(adding)
    settle(qtbot)
    assert row_of(items, "化肥（50斤）")[1] == "农资"


def test_donors_of_each_kind_are_added_and_a_donors_gifts_are_listed(qtbot, hut_window) -> None:
    tab = catalogue(hut_window, qtbot)
    tab.tabs.setCurrentWidget(tab.donors)
    settle(qtbot)
    donors = tab.donors
    for kind, name, contact in (("person", "周海燕", "13804361234"),
                                ("organisation", "洮北区供销社", "王主任 0436-3338899"), ("anonymous", "", "")):
        dialog = opened(qtbot, donors.add_donor_button)
        assert isinstance(dialog, DonorDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert dialog.named.isVisibleTo(dialog) == (kind != "anonymous")
        dialog.name.setText(name)
        dialog.contact.setText(contact)
        if kind == "anonymous":
            dialog.notes.setText("夜里放在小屋门口")
        save(qtbot, dialog)
        assert closed(dialog)
        settle(qtbot)
        assert donors.selected().kind == kind
    shown = {(row[0], row[2]): row for row in rows(donors)}
    assert shown[("周海燕", "13804361234")][1] == "Person"
    assert shown[("洮北区供销社", "王主任 0436-3338899")][1] == "Organisation"
    anonymous = [row for row in rows(donors) if row[1] == "Anonymous"]
    assert len(anonymous) == 2  # the demo's and the one just added, both shown as 爱心人士
    assert all(row[0] == hut.UNNAMED_DONOR and row[5] == hut.UNNAMED_DONOR for row in anonymous)

    # a person's name is asked for
    dialog = opened(qtbot, donors.add_donor_button)
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    dialog.contact.setText("13904360000")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.name.property("problem") is True
    assert dialog.contact.text() == "13904360000"
    dialog.reject()

    school = next(row for row in find(hut_window.context, lambda uow: hut.list_donors(uow))
                  if row.name == "白城市第三中学")
    assert donors.select(school.id)
    history = opened(qtbot, donors.history_button)
    assert isinstance(history, DonorHistoryDialog)
    settle(qtbot)
    gifts = rows(history)
    assert len(gifts) == 1 and gifts[0][1].startswith("RK-")
    assert "书包" in gifts[0][2] and "冬季棉衣" in gifts[0][2]
    assert gifts[0][3] == "¥2,000"  # 20 书包 at ¥40 and 15 棉衣 at ¥80
    assert history.total.text() == "1 gift, goods worth ¥2,000"
    assert history.windowTitle() == "Gifts of 白城市第三中学"


@pytest.mark.parametrize("account", [VIEWER, COORDINATOR], ids=lambda account: account.role.value)
def test_a_role_that_may_not_keep_the_hut_sees_no_way_to_change_items_or_donors(qtbot, demo_app, sign_in,
                                                                                 account) -> None:
    window = sign_in(demo_app, account.username)
    tab = catalogue(window, qtbot)
    items, donors = tab.items, tab.donors
    assert len(rows(items)) >= 8  # the list is read all the same
    for button in (items.add_button_, items.edit_button, items.active_button, items.adopt_button,
                   items.categories_button):
        assert not button.isVisible(), button.objectName()
    items.table.selectRow(0)
    items.table.doubleClicked.emit(items.table.currentIndex())
    settle(qtbot)
    assert QApplication.activeModalWidget() is None

    tab.tabs.setCurrentWidget(donors)
    settle(qtbot)
    assert not donors.add_donor_button.isVisible() and not donors.edit_button.isVisible()
    donors.table.selectRow(0)
    settle(qtbot)
    history = opened(qtbot, donors.history_button)  # a donor's gifts may be read
    assert isinstance(history, DonorHistoryDialog)
    history.reject()
