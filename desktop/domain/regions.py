"""Administrative regions (city → county → township → village/community) and the region CSV rules."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop.errors import InvalidInput, RowProblem, Term
from desktop.i18n import QT_TRANSLATE_NOOP


class Level(enum.StrEnum):
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"
    COMMUNITY = "community"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]

    @property
    def is_station(self) -> bool:
        """Villages and urban communities each run a station."""
        return self in (Level.VILLAGE, Level.COMMUNITY)


_LEVEL_LABELS = {
    Level.CITY: QT_TRANSLATE_NOOP("desktop", "City"),
    Level.COUNTY: QT_TRANSLATE_NOOP("desktop", "County"),
    Level.TOWNSHIP: QT_TRANSLATE_NOOP("desktop", "Township"),
    Level.VILLAGE: QT_TRANSLATE_NOOP("desktop", "Village"),
    Level.COMMUNITY: QT_TRANSLATE_NOOP("desktop", "Community"),
}

# Words people write in the level column, in either language.
_LEVEL_WORDS = {
    "city": Level.CITY, "市": Level.CITY,
    "county": Level.COUNTY, "县": Level.COUNTY, "区": Level.COUNTY, "县级市": Level.COUNTY,
    "县区": Level.COUNTY, "县（市、区）": Level.COUNTY,
    "township": Level.TOWNSHIP, "乡": Level.TOWNSHIP, "镇": Level.TOWNSHIP, "乡镇": Level.TOWNSHIP,
    "街道": Level.TOWNSHIP, "乡镇（街道）": Level.TOWNSHIP,
    "village": Level.VILLAGE, "村": Level.VILLAGE,
    "community": Level.COMMUNITY, "社区": Level.COMMUNITY,
}

# Statistical division codes: the parent's significant digits prefix the child's code.
_CODE_LENGTH = {Level.CITY: 6, Level.COUNTY: 6, Level.TOWNSHIP: 9, Level.VILLAGE: 12, Level.COMMUNITY: 12}
_PARENT_LEVELS = {
    Level.COUNTY: (Level.CITY,),
    Level.TOWNSHIP: (Level.COUNTY,),
    Level.VILLAGE: (Level.TOWNSHIP,),
    Level.COMMUNITY: (Level.TOWNSHIP,),
}
_PREFIX_LENGTH = {Level.CITY: 4, Level.COUNTY: 6, Level.TOWNSHIP: 9}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: Level
    parent_code: str | None


CITY = Region("220800", "白城市", Level.CITY, None)

BUILTIN_REGIONS: tuple[Region, ...] = (
    CITY,
    Region("220802", "洮北区", Level.COUNTY, CITY.code),
    Region("220821", "镇赉县", Level.COUNTY, CITY.code),
    Region("220822", "通榆县", Level.COUNTY, CITY.code),
    Region("220881", "洮南市", Level.COUNTY, CITY.code),
    Region("220882", "大安市", Level.COUNTY, CITY.code),
)

def place_name(path: list[Region]) -> str:
    """A village with its county and township, as people say it: 洮北区 平安镇 幸福村."""
    return " ".join(region.name for region in path if region.level != Level.CITY)


_HEADER_WORDS = {"code", "代码", "区划代码", "统计用区划代码"}


def decode_csv_bytes(data: bytes) -> str:
    """Spreadsheets saved on Chinese Windows are often GB18030; others UTF-8 (maybe with a BOM)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop",
                "The file is not a text CSV file. Save the spreadsheet as \"CSV (comma delimited)\" "
                "and try again.")) from None


def parse_region_csv(text: str, known: dict[str, Region]) -> list[Region]:
    """Check every row of a ``code,name,level,parent_code`` file against the rules and the known regions.

    Returns the rows in an order where parents come before children; raises ``InvalidInput``
    listing every bad row, so nothing is imported half-way.
    """
    problems: list[RowProblem] = []
    rows: list[tuple[int, Region]] = []
    seen: dict[str, int] = {}
    import csv  # the sign-in window names its place with this module: csv is loaded when a file is read
    import io

    reader = csv.reader(io.StringIO(text))
    for line_no, raw in enumerate(reader, start=1):
        cells = [cell.strip().replace("\u3000", "") for cell in raw]
        if not any(cells):
            continue
        if line_no == 1 and cells[0].lower() in _HEADER_WORDS:
            continue
        if len(cells) < 4:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: expected 4 columns (code, name, level, parent code), found {count}."),
                {"row": line_no, "count": len(cells)}))
            continue
        code, name, level_word, parent_code = cells[:4]
        level = _LEVEL_WORDS.get(level_word.lower())
        if level is None:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: \"{level}\" is not a level. Use county, township, village or community."),
                {"row": line_no, "level": level_word}))
            continue
        if not name:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the name is empty."), {"row": line_no}))
            continue
        if level == Level.CITY:
            if code == CITY.code and not parent_code and code not in seen:
                # The statistics office's full list starts with the city: it is the built-in one, as
                # the built-in counties' lines are.
                seen[code] = line_no
                rows.append((line_no, CITY))
                continue
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the city is built in and cannot be imported."), {"row": line_no}))
            continue
        length = _CODE_LENGTH[level]
        if not (code.isascii() and code.isdigit() and len(code) == length):
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the code \"{code}\" must be {length} digits for a {level}."),
                {"row": line_no, "code": code, "length": length, "level": Term(level.label)}))
            continue
        if code in seen:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the code {code} is already on line {first}."),
                {"row": line_no, "code": code, "first": seen[code]}))
            continue
        seen[code] = line_no
        rows.append((line_no, Region(code, name, level, parent_code or None)))

    in_file = {region.code: region for _, region in rows}
    for line_no, region in rows:
        if region.level == Level.CITY:
            continue  # the built-in city belongs to no region
        parent = in_file.get(region.parent_code or "") or known.get(region.parent_code or "")
        if parent is None:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the parent code \"{parent}\" is not a known region."),
                {"row": line_no, "parent": region.parent_code or ""}))
        elif parent.level not in _PARENT_LEVELS[region.level]:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: a {level} cannot belong to a {parent_level}."),
                {"row": line_no, "level": Term(region.level.label), "parent_level": Term(parent.level.label)}))
        elif not region.code.startswith(parent.code[:_PREFIX_LENGTH[parent.level]]):
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the code {code} does not start with its parent's code {parent}."),
                {"row": line_no, "code": region.code, "parent": parent.code}))
        elif (existing := known.get(region.code)) is not None and existing.level != region.level:
            problems.append(RowProblem(line_no, QT_TRANSLATE_NOOP(
                "desktop", "Line {row}: the code {code} is already a {level}."),
                {"row": line_no, "code": region.code, "level": Term(existing.level.label)}))

    if problems:
        problems.sort(key=lambda p: p.row)
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{count} line(s) of the file are wrong, so nothing was imported. "
                       "Correct them and import the file again."),
            rows=problems, count=len(problems))
    depth = {Level.CITY: -1, Level.COUNTY: 0, Level.TOWNSHIP: 1, Level.VILLAGE: 2, Level.COMMUNITY: 2}
    return [region for _, region in sorted(rows, key=lambda item: (depth[item[1].level], item[0]))]
