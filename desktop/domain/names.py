"""People's names: the surname, and a name shown in part (张*明) where the whole would say too much."""

from __future__ import annotations

from desktop.domain.text import clean_text, compact_text

# Two-character surnames still met in Jilin's registers; a name starting with one of these keeps both.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "单于", "澹台", "公羊", "赫连",
    "乐正",
})
# Names of the minorities (and foreign names) join their parts with a middle dot.
_SEPARATORS = "·•・ "


def surname(name: str) -> str:
    """The surname of a Han name: one character, or two for a compound surname (欧阳娜娜 → 欧阳)."""
    name = compact_text(name)
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return name[:2]
    return name[:1]


def given_name(name: str) -> str:
    """What follows the surname (王小明 → 小明); "" for a name of the surname alone."""
    name = compact_text(name)
    return name[len(surname(name)):]


def mask_name(name: str) -> str:
    """A name shown in part, for what others may read: 张晓明 → 张*明, 王芳 → 王*, 欧阳娜娜 → 欧阳*娜,
    阿卜杜·热合曼 → 阿**·**曼.  The surname and the last character stay, so people who know the person
    recognise them; a name of one character stays as it is."""
    name = clean_text(name)
    if not name.isascii():
        name = "".join(name.split())  # 赵 四, typed with a space, is 赵四
    # A minority's or a foreign name joins its parts with a dot or a space: keep its first letter and the marks.
    keep = 1 if any(mark in name for mark in _SEPARATORS) else len(surname(name))
    if len(name) <= keep:
        return name
    if len(name) == keep + 1:
        return name[:keep] + "*"
    return name[:keep] + "".join(mark if mark in _SEPARATORS else "*" for mark in name[keep:-1]) + name[-1]
