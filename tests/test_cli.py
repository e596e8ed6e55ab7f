"""The ``village-station`` command line: version, self-test, backup and restore, in Chinese and English."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import desktop
from desktop.domain.actor import SYSTEM
from desktop.paths import DataFolder
from desktop.services import accounts, regions, station
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from desktop.storage.database import open_database
from ui.commands import build_parser
from ui.main import plain_start

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra_env)
    return subprocess.run([sys.executable, "-m", "ui", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _contact_name(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT contact_name FROM village_profile").fetchone()[0]


def _change_contact(folder: DataFolder, name: str) -> None:
    db = open_database(folder)
    try:
        with db.unit_of_work(SYSTEM) as uow:
            admin = accounts.sign_in(uow, username=DEMO_ACCOUNTS[0].username, password=DEMO_PASSWORD)
        with db.unit_of_work(admin) as uow:
            current = station.village_profile(uow)
            station.update_village_profile(uow, station_name=current.station_name, contact_name=name,
                                           contact_phone=current.contact_phone, address=current.address,
                                           office_hours=current.office_hours, notes=current.notes)
    finally:
        db.close()


def test_version_is_printed():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"village-station {desktop.__version__}"


# What argparse writes in English of its own, and of our help.
ENGLISH_HELP = ("usage:", "options:", "positional arguments", "show this help message", "back the station database")


def test_the_help_is_chinese_unless_english_is_asked_for():
    chinese = run("--help")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith("用法：village-station")
    for words in ("选项", "显示这段帮助，然后退出", "立即备份村站数据库", "--data-dir 文件夹"):
        assert words in chinese.stdout, words
    assert not [words for words in ENGLISH_HELP if words in chinese.stdout], chinese.stdout
    restore = run("restore", "--help")
    assert "备份文件" in restore.stdout and "要恢复的备份文件" in restore.stdout

    english = run("--lang", "en", "--help")
    assert english.returncode == 0
    assert all(words in english.stdout for words in ENGLISH_HELP), english.stdout
    assert "用法" not in english.stdout
    assert "usage: village-station restore" in run("restore", "--help", "--lang=en").stdout


def test_a_wrong_command_line_is_told_in_the_language_of_the_help():
    result = run("enroll", "--server", "https://city.example.cn")
    assert result.returncode == 2
    assert "village-station enroll：错误：缺少以下参数：--code" in result.stderr
    wrong = run("import", "people", "名单.xlsx")
    assert "无效的选择：'people'（可选：'volunteers', 'households', 'stock'）" in wrong.stderr
    english = run("import", "people", "names.xlsx", "--lang", "en")
    assert "invalid choice: 'people' (choose from 'volunteers', 'households', 'stock')" in english.stderr


def test_the_installed_command_is_the_same_entry_point():
    commands = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert commands.get("village-station") == "ui.main:main"


PLAIN_STARTS = ([], ["--data-dir", "站点"], ["--data-dir=站点"], ["--lang", "en"], ["--lang=zh_CN", "--data-dir", "d"])
# A command, the demo, help, a mistake, an abbreviation or an option given twice: the parser's to read.
FOR_THE_PARSER = (["--demo"], ["--lang", "fr"], ["--data-dir"], ["--data-dir", "--lang", "en"], ["--data-dir="],
                  ["backup"], ["--data-dir", "a", "--data-dir", "b"], ["--data", "d"], ["--lang", "en", "sync"],
                  ["-h"], ["--version"])


@pytest.mark.parametrize("argv", PLAIN_STARTS)
def test_a_plain_start_is_read_as_the_parser_reads_it(argv):
    """``ui/main.py`` reads a plain start of the app itself, so the start is spared the parser: what it takes
    must mean what the parser makes of it."""
    args = build_parser("en").parse_args(argv)
    assert args.command is None and not args.demo
    assert plain_start(argv) == (getattr(args, "data_dir", None), getattr(args, "lang", None))


@pytest.mark.parametrize("argv", FOR_THE_PARSER)
def test_anything_but_a_plain_start_is_left_to_the_parser(argv):
    assert plain_start(argv) is None


def test_self_test_passes():
    result = run("self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout + result.stderr


def test_demo_opens_the_app_on_a_fresh_demo_folder(tmp_path):
    # The start-up probe quits as soon as the first window is on screen.
    result = run("--demo", "--lang", "en", VILLAGE_STATION_STARTUP_PROBE="1", TMPDIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "startup-probe: window visible" in result.stdout
    made = list(tmp_path.glob("village-station-demo-*/village-station.db"))
    assert len(made) == 1
    with closing(sqlite3.connect(made[0])) as conn:
        usernames = {row[0] for row in conn.execute("SELECT username FROM users")}
    assert usernames == {account.username for account in DEMO_ACCOUNTS}


def test_demo_with_a_data_folder_builds_there_keeps_using_it_and_refuses_a_real_station(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    for _start in range(2):  # built in the empty folder, then opened again as the demo it is
        result = run("--demo", "--data-dir", folder.root, "--lang", "en", VILLAGE_STATION_STARTUP_PROBE="1",
                     TMPDIR=str(tmp_path / "elsewhere"))
        assert result.returncode == 0, result.stderr
        assert "startup-probe: window visible" in result.stdout
        assert folder.database.is_file()
    assert not (tmp_path / "elsewhere").exists() or not list((tmp_path / "elsewhere").glob("village-station-demo-*"))

    real = DataFolder(tmp_path / "real")
    db = open_database(real)
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data="code,name,level,parent_code\n"
                                   "220802101,平安镇,township,220802\n"
                                   "220802101201,幸福村,village,220802101\n".encode())
    with db.unit_of_work(SYSTEM) as uow:
        station.set_up_station(uow, village_code="220802101201", admin_username="admin", admin_name="王建国",
                               admin_password="secret-42")
    db.close()
    before = _sha256(real.database)
    refused = run("--demo", "--data-dir", real.root)
    assert refused.returncode == 2
    assert "演示" in refused.stderr and str(real.root) in refused.stderr  # said in Chinese by default
    assert _sha256(real.database) == before


def test_the_app_uses_the_data_folder_it_is_given(tmp_path):
    folder = DataFolder(tmp_path / "station")
    result = run("--data-dir", folder.root, VILLAGE_STATION_STARTUP_PROBE="1")
    assert result.returncode == 0, result.stderr
    assert "startup-probe: window visible" in result.stdout
    assert folder.database.is_file()
    assert (folder.logs / "village-station.log").is_file()


def test_backup_saves_a_file_and_prints_where(demo_folder):
    result = run("backup", "--data-dir", demo_folder.root)
    assert result.returncode == 0, result.stderr
    made = list(demo_folder.backups.glob("*.db"))
    assert len(made) == 1
    assert str(made[0]) in result.stdout
    assert "备份已保存" in result.stdout
    assert _contact_name(made[0]) == _contact_name(demo_folder.database)


def test_backup_of_an_empty_folder_fails_plainly(tmp_path):
    empty = tmp_path / "empty"
    result = run("backup", "--data-dir", empty)
    assert result.returncode == 1
    assert "没有可备份的内容" in result.stderr
    assert str(empty) in result.stderr
    assert "Traceback" not in result.stderr

    english = run("backup", "--data-dir", empty, "--lang", "en")
    assert english.returncode == 1
    assert "nothing to back up" in english.stderr
    assert "Traceback" not in english.stderr


def test_restore_brings_the_data_back_and_keeps_the_replaced_database(demo_folder):
    backed_up = run("backup", "--data-dir", demo_folder.root, "--lang", "en")
    assert backed_up.returncode == 0, backed_up.stderr
    backup = next(demo_folder.backups.glob("*.db"))
    assert "Backup saved" in backed_up.stdout
    _change_contact(demo_folder, "备份之后")
    assert _contact_name(demo_folder.database) == "备份之后"

    result = run("restore", backup, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert f"Restored {backup}" in result.stdout
    assert _contact_name(demo_folder.database) == "李秀英"
    kept = list(demo_folder.set_aside.glob("*.db"))
    assert len(kept) == 1
    assert str(kept[0]) in result.stdout
    assert _contact_name(kept[0]) == "备份之后"


def test_restore_says_so_in_chinese_by_default(demo_folder):
    backup = demo_folder.root.parent / "copy.db"
    backed_up = run("backup", "--data-dir", demo_folder.root)
    assert backed_up.returncode == 0, backed_up.stderr
    backup.write_bytes(next(demo_folder.backups.glob("*.db")).read_bytes())

    result = run("restore", backup, "--data-dir", demo_folder.root)
    assert result.returncode == 0, result.stderr
    assert "已恢复" in result.stdout
    assert "被替换的数据库保存在" in result.stdout


def test_restoring_a_garbage_file_is_refused_and_changes_nothing(demo_folder, tmp_path):
    garbage = tmp_path / "not-a-backup.db"
    garbage.write_bytes(b"garbage " * 1000)
    before = _sha256(demo_folder.database)

    result = run("restore", garbage, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1
    assert str(garbage) in result.stderr
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert _sha256(demo_folder.database) == before
    assert not list(demo_folder.set_aside.glob("*.db"))

    chinese = run("restore", garbage, "--data-dir", demo_folder.root)
    assert chinese.returncode == 1
    assert str(garbage) in chinese.stderr
    assert "damaged" not in chinese.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese.stderr)
    assert _sha256(demo_folder.database) == before


def _volunteer_workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in [["姓名", "身份证号", "手机号码"], *rows]:
        book.active.append(row)
    book.save(path)
    return path


def _id_number(first17: str) -> str:
    from desktop.domain.id_number import check_character

    return first17 + check_character(first17)


def test_import_volunteers_reports_added_refused_and_duplicate_rows(demo_folder, tmp_path):
    good, other = _id_number("22080219900101123"), _id_number("22080219851224002")
    workbook = _volunteer_workbook(tmp_path / "名册.xlsx", [
        ["吴大义", good, "13912345678"],
        ["李秀兰", other, ""],
        ["王小明", good[:17] + ("0" if good[17] != "0" else "1"), ""],
        ["吴大义", good, "13912345678"],
        ["制表人：李秀英"],
    ])
    result = run("import", "volunteers", workbook, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Added 2 volunteers" in result.stdout
    assert "1 line was passed over as not being people" in result.stdout
    assert f"Row 4: The ID number {good[:17]}" in result.stdout
    assert "Row 5: " in result.stdout and "row 2 of this file" in result.stdout

    again = run("import", "volunteers", workbook, "--data-dir", demo_folder.root, "--lang", "en")
    assert "Added 0 volunteers" in again.stdout
    assert "Row 2: 吴大义 is already registered" in again.stdout

    clean = _volunteer_workbook(tmp_path / "clean.xlsx", [["张伟", _id_number("22080220010301004"), ""]])
    result = run("import", "volunteers", clean, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Added 1 volunteer from" in result.stdout


def test_import_of_a_missing_or_unreadable_file_fails_plainly(demo_folder, tmp_path):
    missing = tmp_path / "nowhere.xlsx"
    result = run("import", "volunteers", missing, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1
    assert str(missing) in result.stderr and "Traceback" not in result.stderr

    text = tmp_path / "list.csv"
    text.write_text("姓名,身份证号\n吴大义,1\n", encoding="utf-8")
    result = run("import", "volunteers", text, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1
    assert ".xlsx" in result.stderr and "Traceback" not in result.stderr


def test_export_volunteers_writes_a_workbook_with_masked_ids(demo_folder, tmp_path):
    from desktop.spreadsheets import read_first_sheet

    number = _id_number("22080219900101123")
    imported = run("import", "volunteers", _volunteer_workbook(tmp_path / "in.xlsx", [["吴大义", number, ""]]),
                   "--data-dir", demo_folder.root, "--lang", "en")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    target = tmp_path / "out" / "志愿者.xlsx"
    result = run("export", "volunteers", target, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = read_first_sheet(target.read_bytes())
    assert rows[0][:3] == ["姓名", "性别", "身份证号"]
    assert str(target) in result.stdout
    assert f"Exported {len(rows) - 1} volunteers" in result.stdout
    assert ["吴大义", "男", number[:4] + "*" * 10 + number[-4:]] in [row[:3] for row in rows]
    assert number not in repr(rows)


def _household_workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in [["户主姓名", "身份证号", "电话", "村民小组", "家庭人口", "帮扶类别", "致贫原因", "备注"], *rows]:
        book.active.append(row)
    book.save(path)
    return path


def test_import_households_reports_added_refused_and_duplicate_rows(demo_folder, tmp_path):
    head = _id_number("22080219620315122")
    workbook = _household_workbook(tmp_path / "帮扶对象.xlsx", [
        ["孙桂芝", head, "13904361234", "三组", 3, "因病致贫", "因病", ""],
        ["周长海", "", "", "五组", "2人", "低保、五保", "", "独居老人"],
        ["郑小红", "", "", "一组", 4, "孤寡", "", ""],  # no such category
        ["孙桂芝", head, "", "三组", 3, "", "", ""],  # the same ID as row 2
    ])
    result = run("import", "households", workbook, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Added 2 households" in result.stdout
    assert "Row 4: \"孤寡\" is not a category of help" in result.stdout
    assert "Row 5: " in result.stdout and "row 2 of this file" in result.stdout

    again = run("import", "households", _household_workbook(tmp_path / "again.xlsx", [
        ["孙桂芝", head, "", "三组", 3, "", "", ""]]), "--data-dir", demo_folder.root, "--lang", "en")
    assert again.returncode == 0, again.stdout + again.stderr  # nothing refused: a row registered already is told
    assert "Added 0 households" in again.stdout
    assert "Row 2: The household of 孙桂芝 is already registered" in again.stdout

    chinese = run("import", "households", workbook, "--data-dir", demo_folder.root)
    assert "孤寡" in chinese.stdout and "category of help" not in chinese.stdout


def test_export_households_writes_a_workbook_with_masked_ids_and_no_health_notes(demo_folder, tmp_path):
    from desktop.spreadsheets import read_first_sheet

    head = _id_number("22080219620315122")
    imported = run("import", "households", _household_workbook(tmp_path / "in.xlsx", [
        ["孙桂芝", head, "13904361234", "三组", 3, "因病致贫", "因病", ""]]),
        "--data-dir", demo_folder.root, "--lang", "en")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    target = tmp_path / "out" / "帮扶对象.xlsx"
    result = run("export", "households", target, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = read_first_sheet(target.read_bytes())
    assert rows[0][:4] == ["户主姓名", "身份证号", "电话", "村民小组"]
    assert not {"健康状况", "残疾情况", "收入情况"} & set(rows[0])
    assert f"Exported {len(rows) - 1} households" in result.stdout
    assert ["孙桂芝", head[:4] + "*" * 10 + head[-4:], "13904361234", "三组"] in [row[:4] for row in rows]
    assert head not in repr(rows)
    with closing(sqlite3.connect(demo_folder.database)) as conn:  # the demo's notes stay at the station
        notes = [text for (text,) in conn.execute(
            "SELECT health FROM households WHERE health != '' UNION SELECT disability FROM households "
            "WHERE disability != '' UNION SELECT health FROM household_members WHERE health != ''")]
    assert notes and not any(text in repr(rows) for text in notes)


_MODULES_AFTER = """
import runpy, sys
sys.argv = ["village-station", *sys.argv[1:]]
try:
    runpy.run_module("ui", run_name="__main__")
except SystemExit as stop:
    code = stop.code
print("qt:" + ",".join(sorted(name for name in sys.modules if name.startswith("PySide6.Qt"))), file=sys.stderr)
"""


def test_headless_commands_load_no_window_toolkit(demo_folder, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    workbook = tmp_path / "volunteers.xlsx"
    for args in (["backup"], ["export", "volunteers", str(workbook)], ["export", "households", str(workbook)],
                 ["export", "stock", str(workbook)], ["sync"]):
        done = subprocess.run([sys.executable, "-c", _MODULES_AFTER, *args, "--data-dir", str(demo_folder.root)],
                              cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180)
        loaded = done.stderr.strip().splitlines()[-1]
        assert loaded.startswith("qt:"), done.stderr
        assert set(loaded.removeprefix("qt:").split(",")) <= {"PySide6.QtCore"}, (args, loaded)
    assert workbook.exists()


def _stock_workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    headings = ["物品名称", "类别", "单位", "数量", "估价（元）", "有效期", "条码"]
    for row in [["幸福村爱心扶贫小屋期初库存"], headings, *rows]:
        book.active.append(row)
    book.save(path)
    return path


def test_import_stock_with_a_bad_row_imports_nothing_and_fails_naming_the_row(demo_folder, tmp_path):
    def stock() -> list[tuple[str, float]]:
        with closing(sqlite3.connect(demo_folder.database)) as conn:
            return conn.execute("SELECT items.name, SUM(quantity) FROM stock_movements JOIN items "
                                "ON items.id = stock_movements.item_id WHERE items.name IN ('挂面', '暖水瓶') "
                                "GROUP BY items.name ORDER BY items.name").fetchall()

    bad = _stock_workbook(tmp_path / "库存.xlsx", [
        ["挂面", "粮油食品", "把", 10, 8, "", ""],
        ["暖水瓶", "日用品", "个", "两个", 30, "", ""],  # not a number
    ])
    refused = run("import", "stock", bad, "--data-dir", demo_folder.root, "--lang", "en")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr
    assert "Nothing of the file was imported" in refused.stdout
    assert "Row 4: \"两个\" is not a quantity" in refused.stdout
    assert stock() == []

    good = _stock_workbook(tmp_path / "good.xlsx", [
        ["挂面", "粮油食品", "把", 10, 8, "", ""],
        ["暖水瓶", "日用品", "个", "２", 30, "", ""],
    ])
    imported = run("import", "stock", good, "--data-dir", demo_folder.root, "--lang", "en")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Imported 2 rows of goods" in imported.stdout
    assert stock() == [("挂面", 10.0), ("暖水瓶", 2.0)]


def test_export_stock_writes_the_stock_on_hand_in_the_imports_columns(demo_folder, tmp_path):
    from desktop.spreadsheets import read_first_sheet

    workbook = _stock_workbook(tmp_path / "in.xlsx", [["挂面", "粮油食品", "把", 10, 8, "", ""]])
    imported = run("import", "stock", workbook, "--data-dir", demo_folder.root, "--lang", "en")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    target = tmp_path / "out" / "库存.xlsx"
    result = run("export", "stock", target, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = read_first_sheet(target.read_bytes())
    assert rows[0][:7] == ["物品名称", "类别", "单位", "数量", "估价（元）", "有效期", "条码"]
    assert ["挂面", "粮油食品", "把", "10", "8"] in [row[:5] for row in rows]
    assert f"Exported the stock on hand of {len(rows) - 1} items" in result.stdout
