"""Names shown in part: enough for neighbours to recognise a person, not enough for strangers to find them."""

from __future__ import annotations

import pytest

from desktop.domain.names import given_name, mask_name, surname


@pytest.mark.parametrize(("name", "shown"), [
    ("张晓明", "张*明"),
    ("王芳", "王*"),
    ("李", "李"),
    ("欧阳娜娜", "欧阳*娜"),
    ("欧阳娜", "欧阳*"),
    ("司马相如", "司马*如"),
    ("爱新觉罗启星", "爱****星"),
    ("阿卜杜·热合曼", "阿**·**曼"),
    ("Li Ming", "L* ***g"),
    ("  赵 四 ", "赵*"),
    ("", ""),
])
def test_a_masked_name_keeps_the_surname_and_the_last_character(name, shown):
    assert mask_name(name) == shown


def test_a_compound_surname_is_one_surname():
    assert surname("欧阳娜娜") == "欧阳"
    assert given_name("欧阳娜娜") == "娜娜"
    assert surname("王小明") == "王"
    assert given_name("王小明") == "小明"
    assert surname("欧阳") == "欧"  # a two-character name is a surname and a given name


def test_the_compound_surnames_sorted_by_their_own_reading_are_compound_surnames():
    """One list of compound surnames: the ones pinyin order reads whole are among those a name is split by."""
    from desktop.domain.names import COMPOUND_SURNAMES
    from desktop.domain.pinyin_search import COMPOUND_READINGS

    assert set(COMPOUND_READINGS) <= COMPOUND_SURNAMES
    assert surname("乐正华") == "乐正" and mask_name("乐正华") == "乐正*"
