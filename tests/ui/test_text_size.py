"""The text size: chosen by name, it enlarges everything, and saving it keeps the person where they were."""

from __future__ import annotations

from screen import click, settle

from desktop.domain.actor import SYSTEM
from desktop.services import settings
from desktop.services.demo import DEMO_ACCOUNTS
from ui.windows.main_window import MainWindow

ADMIN = DEMO_ACCOUNTS[0]


def _sizes(window: MainWindow) -> tuple[int, int, int]:
    """The point sizes of the text, an area's heading and the navigation, as drawn."""
    heading = window.view_by_key["settings"].findChild(object, "heading")
    return window.font().pointSize(), heading.font().pointSize(), window.navigation.font().pointSize()


def test_the_text_size_is_chosen_by_name_and_enlarges_everything_on_the_area_where_it_was_saved(
        qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder)
    window = sign_in(controller, ADMIN.username)
    settings_area = window.show_area("settings")
    settle(qtbot)
    choice = settings_area.general.font_size
    names = [choice.itemText(index) for index in range(choice.count())]
    assert names == ["Medium", "Large", "Extra large", "Largest"]  # sizes as people say them, no "pt"
    assert choice.currentText() == "Large"  # large by default
    base, heading, navigation = _sizes(window)
    assert heading > navigation > base
    narrow = window.navigation.width()

    choice.setCurrentIndex(choice.findText("Largest"))
    click(qtbot, settings_area.general.save_button)

    larger = controller.window
    assert isinstance(larger, MainWindow) and larger is not window
    assert larger.current_area() == "settings"  # not sent back to the first area
    assert larger.view_by_key["settings"].isVisible()
    assert larger.view_by_key["settings"].general.font_size.currentText() == "Largest"
    bigger = _sizes(larger)
    assert all(after > before for after, before in zip(bigger, (base, heading, navigation), strict=True)), (
        "the text, the headings and the navigation all grow")
    assert larger.navigation.width() > narrow  # its names still fit
    # The navigation scrolls at this size on a small screen: the area the person is on is in it, whole.
    navigation = larger.navigation
    assert navigation.verticalScrollBar().maximum() > 0
    assert navigation.viewport().rect().contains(navigation.visualItemRect(navigation.currentItem()))
    with controller.db.reading(SYSTEM) as uow:
        assert settings.load_settings(uow).font_size == 24


def test_saving_a_new_language_keeps_the_person_on_the_settings_area(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language=None)  # the station's own language: Chinese
    window = sign_in(controller, ADMIN.username)
    general = window.show_area("settings").general
    settle(qtbot)
    general.language.setCurrentIndex(general.language.findData("en"))
    click(qtbot, general.save_button)

    rebuilt = controller.window
    assert isinstance(rebuilt, MainWindow) and rebuilt is not window
    assert rebuilt.navigation.currentItem().text() == "Settings"  # not 村站信息 / Station, the first area
    assert rebuilt.views.currentWidget() is rebuilt.view_by_key["settings"]
    assert rebuilt.view_by_key["settings"].isVisible()
