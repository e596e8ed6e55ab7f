"""The ``city-server`` command, run as a subprocess on an SQLite data folder: migrate, regions, enrollment
codes, stations, and ``serve`` answering a real station."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import requests

from sync.protocol import HEADER_PROTOCOL, PROTOCOL_VERSION, encode_body
from sync.server.database import head_revision
from sync.server.testing import TEST_REGIONS_CSV, VILLAGE_A, free_port

ROOT = Path(__file__).resolve().parents[2]


_BYTECODE: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _bytecode_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    _BYTECODE[:] = [tmp_path_factory.mktemp("bytecode")]


def _env() -> dict[str, str]:
    # Bytecode cached in a folder of our own even where PYTHONDONTWRITEBYTECODE is set: compiling
    # SQLAlchemy and FastAPI from source at every command would take seconds each.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, PYTHONIOENCODING="utf-8", PYTHONPYCACHEPREFIX=str(_BYTECODE[0]))


def city_server(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sync.server", *map(str, args)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _regions(data_dir: Path) -> set[str]:
    with closing(sqlite3.connect(data_dir / "city.db")) as connection:
        return {row[0] for row in connection.execute("SELECT code FROM regions")}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "city-data"
    result = city_server("migrate", "--data-dir", folder)
    assert result.returncode == 0, result.stderr
    assert head_revision() in result.stdout
    return folder


def test_the_installed_command_is_this_entry_point():
    commands = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert commands["city-server"] == "sync.server.cli:main"


def test_the_help_is_chinese_unless_english_is_asked_for():
    chinese = city_server("--help")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith("用法：city-server")
    for words in ("选项", "显示这段帮助，然后退出", "已登记的村站", "--data-dir 文件夹"):
        assert words in chinese.stdout, words
    for words in ("usage:", "options:", "show this help message", "enrolled stations"):
        assert words not in chinese.stdout, words
    revoke = city_server("stations", "revoke", "--help")
    assert "站点编号" in revoke.stdout and "用法：city-server stations revoke" in revoke.stdout

    english = city_server("--lang", "en", "--help")
    assert english.returncode == 0
    for words in ("usage: city-server", "options:", "show this help message and exit", "enrolled stations"):
        assert words in english.stdout, words
    wrong = city_server("enroll-code", "220802101201", "--days", "seven")
    assert wrong.returncode == 2 and "参数 --days：无效的 float 值：'seven'" in wrong.stderr


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_help_names_the_folder_and_file_the_server_really_uses_by_default(monkeypatch, capsys, language):
    from sync.server import cli

    monkeypatch.setattr(cli, "DEFAULT_DATA_DIR", Path("city-records"))
    monkeypatch.setattr(cli, "DATABASE_FILE", "records.db", raising=False)
    with pytest.raises(SystemExit):
        cli.build_parser(language).parse_args(["migrate", "--help"])
    shown = "".join(capsys.readouterr().out.split())  # argparse wraps long lines anywhere
    assert "./city-records" in shown and "records.db" in shown
    assert "city-data" not in shown and "city.db" not in shown


def test_regions_import_takes_all_rows_or_none_and_names_every_bad_row(data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,level,parent_code\n"
                   "220802101,平安镇,township,220802\n"
                   "220802101201,幸福村,village,220802101\n"
                   "22080210120,短码村,village,220802101\n"
                   "220802101209,无名村,hamlet,220802101\n", encoding="utf-8")
    result = city_server("regions", "import", bad, "--data-dir", data_dir)
    assert result.returncode == 1
    assert "nothing was imported" in result.stderr
    assert "Line 4" in result.stderr and "Line 5" in result.stderr
    assert "220802101" not in _regions(data_dir)

    good = tmp_path / "regions.csv"
    good.write_bytes(TEST_REGIONS_CSV.encode("gb18030"))  # as a spreadsheet on Chinese Windows saves it
    result = city_server("--data-dir", data_dir, "regions", "import", good)
    assert result.returncode == 0, result.stderr
    assert "4 added" in result.stdout
    assert {"220802101", VILLAGE_A} <= _regions(data_dir)
    with closing(sqlite3.connect(data_dir / "city.db")) as connection:
        names = dict(connection.execute("SELECT row_id, fields FROM records WHERE entity = 'region'"))
        logged = connection.execute("SELECT count(*) FROM changelog WHERE entity = 'region'").fetchone()[0]
    assert len(names) == 4 and "幸福村" in names[VILLAGE_A]  # published for the stations to pull
    assert logged == 4
    again = city_server("regions", "import", good, "--data-dir", data_dir)
    assert "0 added, 0 changed, 4 unchanged" in again.stdout

    # The statistics office's full list starts with the city and its counties: built in, so unchanged.
    full = tmp_path / "full.csv"
    full.write_text("code,name,level,parent_code\n220800,白城市,city,\n220802,洮北区,county,220800\n"
                    + TEST_REGIONS_CSV.split("\n", 1)[1], encoding="utf-8")
    result = city_server("regions", "import", full, "--data-dir", data_dir)
    assert result.returncode == 0, result.stderr
    assert "0 added, 0 changed" in result.stdout
    other_city = tmp_path / "other.csv"
    other_city.write_text("code,name,level,parent_code\n220100,长春市,city,\n", encoding="utf-8")
    refused = city_server("regions", "import", other_city, "--data-dir", data_dir)
    assert refused.returncode == 1 and "Line 2" in refused.stderr and "built in" in refused.stderr


def test_commands_refuse_a_database_that_is_not_set_up_or_is_newer(tmp_path):
    fresh = tmp_path / "fresh"
    result = city_server("stations", "list", "--data-dir", fresh)
    assert result.returncode == 1
    assert "city-server migrate" in result.stderr

    assert city_server("migrate", "--data-dir", fresh).returncode == 0
    with closing(sqlite3.connect(fresh / "city.db")) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    for command in (["migrate"], ["stations", "list"]):
        result = city_server(*command, "--data-dir", fresh)
        assert result.returncode == 1
        assert "newer version" in result.stderr


def test_enroll_code_needs_a_known_village(data_dir, tmp_path):
    result = city_server("enroll-code", VILLAGE_A, "--data-dir", data_dir)
    assert result.returncode == 1 and "region" in result.stderr
    (tmp_path / "r.csv").write_text(TEST_REGIONS_CSV, encoding="utf-8")
    city_server("regions", "import", tmp_path / "r.csv", "--data-dir", data_dir)
    township = city_server("enroll-code", "220802101", "--data-dir", data_dir)
    assert township.returncode == 1 and "township" in township.stderr


def test_serve_enroll_list_and_revoke(data_dir, tmp_path):
    (tmp_path / "r.csv").write_text(TEST_REGIONS_CSV, encoding="utf-8")
    assert city_server("regions", "import", tmp_path / "r.csv", "--data-dir", data_dir).returncode == 0
    issued = city_server("enroll-code", VILLAGE_A, "--days", "2", "--data-dir", data_dir)
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.strip()
    assert len(code) == 14 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set("ABCDEFGHJKMNPQRSTUVWXYZ")
    assert "valid until" in issued.stderr

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sync.server", "serve", "--port", str(port), "--data-dir",
                               str(data_dir)], cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            assert time.monotonic() < deadline, "city-server serve did not answer"
            time.sleep(0.1)
        station_id = str(uuid.uuid4())
        headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), "Content-Encoding": "gzip"}
        enrolled = requests.post(f"{base}/api/v1/enroll", headers=headers, timeout=10, data=encode_body(
            {"code": code, "station_id": station_id, "app_version": "0.1.0"}))
        assert enrolled.status_code == 200, enrolled.text
        token = enrolled.json()["token"]
        auth = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
        assert requests.get(f"{base}/api/v1/pull", headers=auth, timeout=10).status_code == 200

        listed = city_server("stations", "list", "--data-dir", data_dir)
        assert listed.returncode == 0
        line = next(line for line in listed.stdout.splitlines() if station_id in line)
        assert VILLAGE_A in line and "幸福村" in line and "active" in line and "0.1.0" in line

        revoked = city_server("stations", "revoke", station_id, "--data-dir", data_dir)
        assert revoked.returncode == 0 and "revoked" in revoked.stdout
        assert requests.get(f"{base}/api/v1/pull", headers=auth, timeout=10).status_code == 401
        assert "revoked" in city_server("stations", "list", "--data-dir", data_dir).stdout
        assert "already" in city_server("stations", "revoke", station_id, "--data-dir", data_dir).stdout
        unknown = city_server("stations", "revoke", "no-such-station", "--data-dir", data_dir)
        assert unknown.returncode == 1 and "stations list" in unknown.stderr
        allowed = city_server("stations", "allow-reenroll", station_id, "--data-dir", data_dir)
        assert allowed.returncode == 0 and "enroll again" in allowed.stdout
        again = requests.post(f"{base}/api/v1/enroll", headers=headers, timeout=10, data=encode_body(
            {"code": city_server("enroll-code", VILLAGE_A, "--data-dir", data_dir).stdout.strip(),
             "station_id": station_id, "app_version": "0.1.0"}))
        assert again.status_code == 200, again.text
        # The database and the key that seals its ID numbers are readable by their owner only.
        for private in (data_dir / "city.db", data_dir / "city.key"):
            assert private.stat().st_mode & 0o777 == 0o600, private
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_key_is_made_once_and_a_server_on_postgresql_will_not_start_without_one(tmp_path):
    key = tmp_path / "keys" / "city.key"
    made = city_server("key", "create", key)
    assert made.returncode == 0 and "backups" in made.stdout
    assert key.stat().st_mode & 0o777 == 0o600
    before = key.read_bytes()
    again = city_server("key", "create", key)
    assert again.returncode == 1 and "never overwritten" in again.stderr
    assert key.read_bytes() == before
    missing = city_server("serve", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    assert missing.returncode == 1
    assert "key file" in missing.stderr and "city-server key create" in missing.stderr
    wrong = tmp_path / "not-a-key"
    wrong.write_text("hello")
    refused = city_server("serve", "--data-dir", tmp_path / "data", "--key-file", wrong)
    assert refused.returncode == 1 and "not a key file" in refused.stderr


def _city_items(data_dir: Path) -> dict[str, str]:
    with closing(sqlite3.connect(data_dir / "city.db")) as connection:
        return dict(connection.execute("SELECT row_id, fields FROM records WHERE entity = 'city_item'"))


def test_catalogue_import_publishes_each_item_once_and_names_bad_rows_in_the_language_asked(data_dir, tmp_path):
    from desktop.spreadsheets import Sheet, workbook_bytes

    bad = tmp_path / "bad.csv"
    bad.write_text("白城市爱心小屋物品目录\n"
                   "条码,物品名称 ,类别,单位,有效期管理,备注\n"
                   "6901234567892,棉被,被褥,床,否,\n"
                   ",大米,粮油,袋,是,\n"
                   ",书包,玩具,个,否,\n"
                   ",,衣物,件,否,\n", encoding="utf-8")
    refused = city_server("catalogue", "import", bad, "--data-dir", data_dir, "--lang", "en")
    assert refused.returncode == 1
    assert "Row 5" in refused.stderr and "玩具" in refused.stderr and "Row 6" in refused.stderr
    assert "Row 3" not in refused.stderr and "Row 4" not in refused.stderr
    assert "Nothing was imported. Rows that need correcting: 2." in refused.stderr
    assert _city_items(data_dir) == {}  # nothing of a file with bad rows
    in_chinese = city_server("catalogue", "import", bad, "--data-dir", data_dir)  # Chinese unless asked
    assert "第 5 行" in in_chinese.stderr and "没有导入" in in_chinese.stderr

    good = tmp_path / "catalogue.xlsx"
    rows = [["棉被", "被褥", "床", "否", "６９０１２３４５６７８９２"], ["大米", "粮油食品", "袋", "是", ""],
            [" 书包 ", "学习用品", "个", "", ""]]
    good.write_bytes(workbook_bytes([Sheet("目录", ["物品名称", "类别", "单位", "有效期管理", "条码"], rows)]))
    result = city_server("catalogue", "import", good, "--data-dir", data_dir)
    assert result.returncode == 0, result.stderr
    assert "3 added, 0 changed, 0 unchanged" in result.stdout
    items = {json.loads(fields)["name"]: (row_id, json.loads(fields)) for row_id, fields in
             _city_items(data_dir).items()}
    assert items["棉被"][1] == {"name": "棉被", "category": "bedding", "unit": "床", "tracks_expiry": False,
                               "barcode": "6901234567892", "active": True}
    assert items["大米"][1]["tracks_expiry"] is True and items["书包"][1]["category"] == "study"

    again = city_server("catalogue", "import", good, "--data-dir", data_dir)
    assert "0 added, 0 changed, 3 unchanged" in again.stdout
    rows[1][2] = "斤"
    good.write_bytes(workbook_bytes([Sheet("目录", ["物品名称", "类别", "单位", "有效期管理", "条码"], rows)]))
    changed = city_server("catalogue", "import", good, "--data-dir", data_dir)
    assert "0 added, 1 changed, 2 unchanged" in changed.stdout
    after = {json.loads(fields)["name"]: (row_id, json.loads(fields)) for row_id, fields in
             _city_items(data_dir).items()}
    assert after["大米"] == (items["大米"][0], {**items["大米"][1], "unit": "斤"})  # the same item, its unit changed
