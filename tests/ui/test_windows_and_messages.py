"""Windows and messages as a person meets them: messages shown whole."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from screen import save, settle

from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.sync import ServerUnreachable

ADMIN = DEMO_ACCOUNTS[0]


def _shown_whole(message: QLabel) -> None:
    """Every line of a message is inside its label, and the label inside its window, clear of the buttons."""
    assert message.isVisible() and message.text()
    assert message.height() >= message.heightForWidth(message.width()), (
        f"the message has {message.height()} px for lines that need {message.heightForWidth(message.width())}")
    window = message.window()
    layout = window.layout()
    assert window.height() >= layout.totalMinimumHeightForWidth(window.width()), "the window squeezes its content"


def test_the_id_number_problem_in_the_volunteer_dialog_is_shown_whole(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("volunteers")
    settle(qtbot)
    dialog = view.register()
    settle(qtbot)
    dialog.name.setText("张三")
    dialog.id_number.setText("220802199001011234")  # the last character should be 7
    save(qtbot, dialog)
    assert "220802199001011234" in dialog.message.text()
    _shown_whole(dialog.message)


def test_the_enrollment_problem_in_the_sync_area_is_shown_whole(qtbot, start_app, demo_folder, sign_in,
                                                                  monkeypatch):
    def unreachable(_db, server, _code, *, actor):
        raise ServerUnreachable(server=server, reason="no connection")

    monkeypatch.setattr("sync.client.run.enroll", unreachable)
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, ADMIN.username)
    view = window.show_area("sync")
    settle(qtbot)
    dialog = view.open_enroll()
    dialog.server.setText("https://baicheng-volunteers.example.cn:8443")
    dialog.code.setText("ABCD-EFGH-JKLM")
    save(qtbot, dialog)
    assert "baicheng-volunteers.example.cn" in dialog.message.text()
    _shown_whole(dialog.message)
