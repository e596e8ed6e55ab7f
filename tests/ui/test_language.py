"""Only Chinese in the Chinese interface: every failure the sync client can raise, every error code the city
server answers with and every refusal of a change reach the person as Chinese text (the server's own English
words go to the log), and the core's messages are translated into Chinese.

The errors and codes are enumerated from the code (the sync client's error classes, the protocol's code
tables), so a new one without Chinese words fails here.
"""

from __future__ import annotations

import ast
import inspect
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import requests
from city_answers import Answers
from PySide6.QtCore import Qt
from screen import english_words, settle

from desktop.domain.actor import SYSTEM
from desktop.errors import UserError
from desktop.services import sync as sync_service
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.storage.models import SyncState
from sync import protocol
from sync.client import http as client_http
from sync.client.http import SyncHttp
from ui.i18n import error_text, install_language, translate

ROOT = Path(__file__).resolve().parents[2]
SERVER = "https://city.example.cn"
# What the server says beside its code: English, and never to be shown as it is.
SERVER_WORDS = "The server explains this in plain English."

def test_the_check_finds_english_and_lets_addresses_and_numbers_be():
    assert english_words("无法连接 https://city.example.cn/api（no connection）。") == ["no", "connection"]
    assert english_words("请等 42 秒，用 Excel 打开 C:/数据/名单.xlsx 或 --data-dir 文件夹") == []


@pytest.fixture
def chinese(qapp):
    assert install_language("zh_CN")
    yield
    install_language("en")


def _chinese(text: str, what: str) -> None:
    assert text.strip(), f"{what} says nothing"
    assert english_words(text) == [], f"{what} shows English: {text!r}"


# -- the sync client's errors ------------------------------------------------------------------------

def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_all_subclasses(sub)]
    return found


SAMPLES: dict[str, object] = {
    "server": SERVER,
    "seconds": 42,
    "status": 400,
    "code": protocol.BAD_REQUEST,
    "reason": sync_service.NO_CONNECTION,
    "village": {"code": "220802101202", "name": "红星村", "level": "village"},
}


def _instances(cls: type) -> list[UserError]:
    """``cls`` made with sample arguments: each yes/no argument both ways; a text argument not known here is
    English words of the server, which must not be shown."""
    params = [p for p in inspect.signature(cls.__init__).parameters.values() if p.name != "self"]
    made: list[dict[str, object]] = [{}]
    for param in params:
        if param.annotation in ("bool", bool):
            made = [{**kwargs, param.name: flag} for kwargs in made for flag in (True, False)]
        else:
            sample = SAMPLES.get(param.name, SERVER_WORDS if param.annotation in ("str", str) else None)
            assert sample is not None, f"{cls.__name__}({param.name}=…): add a sample value to SAMPLES"
            made = [{**kwargs, param.name: sample} for kwargs in made]
    return [cls(**kwargs) for kwargs in made]


def test_every_failure_of_the_sync_client_reads_in_chinese(chinese):
    classes = _all_subclasses(sync_service.SyncFailed)
    assert len(classes) >= 15, "the sync client's errors are all SyncFailed"
    for cls in classes:
        for error in _instances(cls):
            _chinese(error_text(error), f"{cls.__name__}{error.params}")


def _failure(*answers, server: str = SERVER) -> UserError:
    """What a sync request to a server answering ``answers`` fails with."""
    client = SyncHttp(server, token="t", session=Answers(*answers), sleep=lambda _s: None, jitter=lambda: 0.0,
                      max_attempts=len(answers))
    with pytest.raises(UserError) as raised:
        client.post("/api/v1/push", {"batch_id": "b", "changes": []})
    return raised.value


def test_every_error_code_of_the_server_reaches_the_person_in_chinese_and_never_its_english(
        chinese, monkeypatch):
    monkeypatch.setattr(client_http, "BUSY_BUDGET_S", 0.0)  # a busy server is not waited out here
    extra = {  # what the server sends beside some codes (sync/server/app.py)
        protocol.UPGRADE_REQUIRED: {"min_protocol": protocol.MIN_PROTOCOL, "max_protocol": protocol.MAX_PROTOCOL},
        protocol.WRONG_VILLAGE: {"village": SAMPLES["village"]},
    }
    seen = set()
    for code, statuses in protocol.ERROR_STATUSES.items():
        for status in statuses:
            body = {"error": code, "message": SERVER_WORDS, **extra.get(code, {})}
            error = _failure(*[(status, body, {"Retry-After": "7"})] * 3)
            text = error_text(error)
            _chinese(text, f"the answer {status} {code}")
            seen.add(text)
    assert len(seen) >= 10, "each code is worded for what it means"


def test_a_server_that_cannot_be_reached_or_understood_is_said_in_chinese(chinese, monkeypatch):
    monkeypatch.setattr(client_http, "BUSY_BUDGET_S", 0.0)
    for answers in ([requests.ConnectionError("refused")], [requests.Timeout("slow")],
                    [(200, b"<html>captive portal</html>", {})], [(502, b"Bad Gateway", {})],
                    [(500, b"Internal Server Error", {})]):
        _chinese(error_text(_failure(*answers)), f"a server answering {answers}")
    _chinese(error_text(_failure((200, {}, {}), server="http://[::1")), "an address that is not one")


def test_every_refusal_of_a_change_is_worded_in_chinese(chinese):
    otherwise = translate("desktop", sync_service.refusal_words("a code the server has not said yet"))
    _chinese(otherwise, "a refusal with a code this station does not know")
    for code in (*protocol.REFUSAL_CODES, protocol.TOO_LARGE):
        text = translate("desktop", sync_service.refusal_words(code))
        _chinese(text, f"a change refused as {code}")
        assert text != otherwise, f"the refusal code {code} has no words of its own"
    for words in (*sync_service.NOT_APPLIED_WORDS.values(), sync_service.NOT_APPLIED_OTHERWISE):
        _chinese(translate("desktop", words), "a record from the city that was not used")


def test_the_server_answers_only_codes_of_the_table():
    """The table the checks above go through is the whole of what the server answers: every ApiError of
    sync/server names a code of ``ERROR_STATUSES`` with one of its statuses."""
    answered = []
    for path in sorted((ROOT / "sync" / "server").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ApiError" and len(node.args) >= 2:
                status, code = node.args[0], node.args[1]
                answered.append((path.name, ast.unparse(status), ast.unparse(code)))
    assert len(answered) >= 20
    for name, status, code in answered:
        if code.isupper():
            value = getattr(protocol, code)
            assert value in protocol.ERROR_STATUSES, f"{name}: {code} is not in the table of error codes"
            if status.isdigit():
                assert int(status) in protocol.ERROR_STATUSES[value], f"{name}: {code} answered with {status}"
        else:  # worked out from the request (sync/server/app.py _http_error): one of these
            assert code == "code" and status == "error.status_code", f"{name}: ApiError({status}, {code})"


# -- what the person sees --------------------------------------------------------------------------------

def test_a_failed_sync_is_told_in_chinese_on_the_sync_page_in_the_status_bar_and_in_its_message(
        qtbot, demo_folder, start_app, sign_in, message_boxes, monkeypatch):
    monkeypatch.setattr(client_http, "BACKOFF_BASE", 0.001)
    from desktop.storage.database import open_database
    db = open_database(demo_folder)
    try:
        with db.unit_of_work(SYSTEM) as uow:  # enrolled with a server that is not there (nothing listens)
            uow.session.add(SyncState(id=1, server_url="http://127.0.0.1:9", station_token="t", village_name="",
                                      enrolled_at=uow.now(), pull_after=0, generation=0, clock_offset_ms=0,
                                      last_error=""))
    finally:
        db.close()
    controller = start_app(demo_folder, language="zh_CN")
    controller.runner.wait()
    window = sign_in(controller, DEMO_ACCOUNTS[0].username)
    view = window.show_area("sync")
    settle(qtbot)
    with qtbot.waitSignal(controller.sync.failed, timeout=120_000):
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1, timeout=120_000)
    settle(qtbot)
    (box,) = message_boxes()
    _chinese(box.text(), "the message of a sync that failed")
    assert "127.0.0.1" in box.text()
    _chinese(view.problem_label.text(), "the sync page's problem line")
    _chinese(view.last_label.text(), "the sync page's last sync")
    _chinese(window.sync_label.text(), "the status bar's sync line")


# -- the core's messages and the rest of the translation -----------------------------------------------

# Latin letters the interface shows on purpose: what a person types to search by a name's initials.
TYPED_EXAMPLES = {"wdy"}


def test_the_chinese_of_every_message_of_the_core_and_of_the_screens_is_chinese():
    """Where it is cheap: every message of the core (``desktop`` context) and every text of the screens is
    translated into words a Chinese reader reads — no English left in a translation. (The command line's
    help names technical things an operator types — URLs, environment variables — and is left out.)"""
    ts = ROOT / "resources" / "translations" / "village_station_zh_CN.ts"
    wrong = []
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") == "CommandLine":
            continue
        for message in context.iter("message"):
            translation = message.findtext("translation") or ""
            if set(english_words(translation)) - TYPED_EXAMPLES:
                wrong.append((context.findtext("name"), message.findtext("source"), translation))
    assert wrong == []
