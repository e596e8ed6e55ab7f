"""First run on an empty data folder: the set-up wizard, the region import, the admin account, signing in."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from screen import click, settle
from shiboken6 import isValid

from desktop.domain.actor import SYSTEM
from desktop.paths import DataFolder
from desktop.services import accounts, station
from ui.windows.main_window import MainWindow
from ui.windows.setup_wizard import SetupWizard
from ui.windows.sign_in import SignInWindow

REGION_CSV = (
    "code,name,level,parent_code\n"
    "220802101,平安镇,township,220802\n"
    "220802101201,幸福村,village,220802101\n"
)


def _nothing_created(controller) -> bool:
    with controller.db.reading(SYSTEM) as uow:
        return not station.is_set_up(uow) and accounts.count_users(uow) == 0


def test_first_run_sets_up_the_station_and_signs_the_admin_in(tmp_path, qtbot, start_app, sign_in):
    controller = start_app(DataFolder(tmp_path / "data"))
    wizard = controller.window
    assert isinstance(wizard, SetupWizard)
    assert wizard.isVisible()
    settle(qtbot)

    # Only the built-in counties are known: there is no village to choose, so the wizard cannot go on.
    page = wizard.village_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()

    csv_file = tmp_path / "regions.csv"
    csv_file.write_text(REGION_CSV, encoding="utf-8")
    page.import_file(csv_file)
    settle(qtbot)
    assert page.message.isVisible()
    assert "Regions added: 2;" in page.message.text()

    page.picker.select("220802101201")
    assert page.picker.county.currentText() == "洮北区"
    assert page.picker.township.currentText() == "平安镇"
    assert page.picker.village.currentText() == "幸福村"
    assert next_button.isEnabled()
    click(qtbot, next_button)
    admin_page = wizard.admin_page
    assert wizard.currentPage() is admin_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)

    # The two passwords differ: said beside the form, nothing is created, the wizard stays.
    admin_page.display_name.setText("王建国")
    admin_page.username.setText("wangjg")
    admin_page.password.setText("secret-42")
    admin_page.repeat.setText("secret-24")
    click(qtbot, finish)
    assert admin_page.message.isVisible()
    assert "not the same" in admin_page.message.text()
    assert controller.window is wizard and wizard.isVisible()
    assert _nothing_created(controller)

    # Too short: the message names the problem and the name and user name are still there.
    admin_page.password.setText("abc12")
    admin_page.repeat.setText("abc12")
    click(qtbot, finish)
    assert admin_page.message.isVisible()
    assert "at least 6 characters" in admin_page.message.text()
    assert admin_page.display_name.text() == "王建国"
    assert admin_page.username.text() == "wangjg"
    assert admin_page.password.property("problem") is True
    assert controller.window is wizard and wizard.isVisible()
    assert _nothing_created(controller)

    admin_page.password.setText("secret-42")
    admin_page.repeat.setText("secret-42")
    click(qtbot, finish)

    sign_in_window = controller.window
    assert isinstance(sign_in_window, SignInWindow)
    assert sign_in_window.isVisible()
    assert not isValid(wizard) or not wizard.isVisible()
    people = [sign_in_window.people.item(row).text() for row in range(sign_in_window.people.count())]
    assert len(people) == 1 and "王建国" in people[0]

    main = sign_in(controller, "wangjg", "secret-42")
    assert isinstance(main, MainWindow)
    assert main.isVisible()
    assert "王建国" in main.user_label.text()
    assert main.place_label.text() == "洮北区 平安镇 幸福村"
    assert main.place_label.isVisible()
