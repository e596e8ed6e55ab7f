"""Importing the city's region file: all good rows or none, every bad line named, encodings people use."""

from __future__ import annotations

import pytest

from desktop.domain.actor import SYSTEM
from desktop.domain.regions import BUILTIN_REGIONS, Level, Region
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import regions
from desktop.services.audit import AuditFilter, list_audit

GOOD_CSV = (
    "区划代码,名称,级别,上级代码\n"
    "220821101,富民镇,镇,220821\n"
    "220821101201,丰收村,村,220821101\n"
    "220821101202,兴隆村,村,220821101\n"
    "220821101001,镇中社区,社区,220821101\n"
    "220882101,安宁乡,乡,220882\n"
    "220882101201,双合村,village,220882101\n"
)


def _import(db, data: bytes, actor=SYSTEM) -> regions.RegionImport:
    with db.unit_of_work(actor) as uow:
        return regions.import_regions_csv(uow, data=data)


def _all(db) -> list[Region]:
    with db.reading(SYSTEM) as uow:
        return regions.all_regions(uow)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_good_file_is_imported_whatever_the_encoding(fresh_db, encoding):
    result = _import(fresh_db, GOOD_CSV.encode(encoding))
    assert result == regions.RegionImport(added=6, renamed=0, unchanged=0)
    by_code = {region.code: region for region in _all(fresh_db)}
    assert len(by_code) == len(BUILTIN_REGIONS) + 6
    assert by_code["220821101"] == Region("220821101", "富民镇", Level.TOWNSHIP, "220821")
    assert by_code["220821101201"] == Region("220821101201", "丰收村", Level.VILLAGE, "220821101")
    assert by_code["220821101001"] == Region("220821101001", "镇中社区", Level.COMMUNITY, "220821101")
    assert by_code["220882101201"].name == "双合村"
    with fresh_db.reading(SYSTEM) as uow:
        assert [r.name for r in regions.region_path(uow, "220821101202")] == ["白城市", "镇赉县", "富民镇", "兴隆村"]
        assert [r.code for r in regions.children(uow, "220821101")] == [
            "220821101001", "220821101201", "220821101202"]


def test_children_may_come_before_their_parents_in_the_file(fresh_db):
    lines = GOOD_CSV.splitlines()
    shuffled = "\n".join([lines[0], *reversed(lines[1:])]) + "\n"
    assert _import(fresh_db, shuffled.encode("utf-8")).added == 6


def test_a_full_list_that_starts_with_the_built_in_city_and_counties_imports_them_as_unchanged(fresh_db):
    lines = GOOD_CSV.splitlines()
    full = "\n".join([lines[0], "220800,白城市,city,", "220802,洮北区,county,220800", *lines[1:]]) + "\n"
    result = _import(fresh_db, full.encode("utf-8"))
    assert (result.added, result.unchanged) == (6, 2)
    with pytest.raises(InvalidInput) as refused:  # another city is not ours to import
        _import(fresh_db, "code,name,level,parent_code\n220100,长春市,city,\n".encode())
    assert [row.params["row"] for row in refused.value.rows] == [2]


BAD_CSV = (
    "code,name,level,parent_code\n"            # line 1: header
    "220821101,富民镇,township,220821\n"        # line 2: good
    "22082110120,短码村,village,220821101\n"    # line 3: code too short for a village
    "220821102201,孤村,village,220821102\n"     # line 4: parent not known
    "220821101203,某村,hamlet,220821101\n"      # line 5: not a level
    "220821101201,丰收村,village,220821101\n"   # line 6: good
    "220821101201,重复村,village,220821101\n"   # line 7: same code as line 6
    "220822101204,错前缀村,village,220821101\n"  # line 8: does not start with its parent's code
    "220821101205,少列村\n"                      # line 9: too few columns
    "220821101206,兴隆村,village,220821101\n"   # line 10: good
)


def test_a_file_with_bad_rows_names_each_bad_line_and_imports_nothing(fresh_db):
    before = _all(fresh_db)
    with pytest.raises(InvalidInput) as caught:
        _import(fresh_db, BAD_CSV.encode("utf-8"))
    problems = {problem.row: problem.text() for problem in caught.value.rows}
    assert sorted(problems) == [3, 4, 5, 7, 8, 9]
    assert "12 digits" in problems[3]
    assert "220821102" in problems[4] and "not a known region" in problems[4]
    assert "hamlet" in problems[5] and "not a level" in problems[5]
    assert "line 6" in problems[7]
    assert "does not start with" in problems[8]
    assert "4 columns" in problems[9]
    assert all(text.startswith(f"Line {row}:") for row, text in problems.items())
    assert "6 line(s)" in str(caught.value) and "nothing was imported" in str(caught.value)
    assert _all(fresh_db) == before


def test_a_village_cannot_hang_directly_under_a_county(fresh_db):
    with pytest.raises(InvalidInput) as caught:
        _import(fresh_db, "220821101201,丰收村,village,220821\n".encode())
    assert [problem.row for problem in caught.value.rows] == [1]
    assert "cannot belong to" in caught.value.rows[0].text()
    assert _all(fresh_db) == sorted(BUILTIN_REGIONS, key=lambda region: region.code)


def test_a_file_that_is_not_text_is_refused(fresh_db):
    with pytest.raises(InvalidInput, match="not a text CSV"):
        _import(fresh_db, bytes(range(128, 256)) * 4)


def test_importing_again_renames_and_counts_what_is_unchanged(fresh_db):
    _import(fresh_db, GOOD_CSV.encode("utf-8"))
    renamed = GOOD_CSV.replace("丰收村", "丰收新村").replace("安宁乡", "安宁镇")
    result = _import(fresh_db, renamed.encode("gb18030"))
    assert result == regions.RegionImport(added=0, renamed=2, unchanged=4)
    by_code = {region.code: region for region in _all(fresh_db)}
    assert by_code["220821101201"].name == "丰收新村"
    assert by_code["220882101"].name == "安宁镇"
    assert len(by_code) == len(BUILTIN_REGIONS) + 6


def test_after_set_up_only_the_admin_may_import(setup_station):
    s = setup_station
    data = GOOD_CSV.encode("utf-8")
    before = _all(s.db)
    for actor in (s.viewer, s.coordinator, s.hut_manager):
        with pytest.raises(PermissionDenied):
            _import(s.db, data, actor)
    assert _all(s.db) == before
    assert _import(s.db, data, s.admin).added == 6


def test_an_import_is_in_the_audit_log(setup_station):
    s = setup_station
    _import(s.db, GOOD_CSV.encode("utf-8"), s.admin)
    with s.db.reading(s.admin) as uow:
        (entry, *_) = list_audit(uow, where=AuditFilter(action="import_regions"))
    assert entry.user_name == "王建国"
    assert entry.details == {"added": 6, "renamed": 0, "unchanged": 0}
