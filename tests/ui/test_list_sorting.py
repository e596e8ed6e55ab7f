"""Clicking a heading sorts a list the way the lists load: people's names by pinyin with a surname read as a
surname (曾 under Z, 单 as shan), in every area."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, Qt
from screen import column, register, settle

from desktop.services import good_people, teams
from ui.table import select_by_id
from ui.views.good_people import GoodPeopleView
from ui.views.teams import TeamsView

# Surnames read otherwise than the everyday word, among names that sort beside them by that reading.
IN_PINYIN_ORDER = ["陈刚", "种建平", "高峰", "盖大山", "区秀兰", "潘伟", "朴正国", "秦刚", "仇大海", "单雄信", "召和平",
                   "邵军", "沈红", "谢娜", "解晓东", "曾小明", "查良镛", "张伟", "赵刚"]
#                   chen   chong     gao     ge        ou        pan     piao      qin     qiu       shan      shao he
#                   shao jun  shen  xie na  xie xiao  zeng      zha       zhang   zhao


def click_heading(qtbot, table, section: int) -> None:
    """Click a column's heading as a person would."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_team_members_sorted_by_name_come_in_the_order_they_load_in(qtbot, admin_window):
    context = admin_window.context
    with context.db.unit_of_work(context.actor) as uow:
        team = teams.create_team(uow, name="幸福村志愿服务队", kind="other")
    for number, name in enumerate(random.Random(7).sample(IN_PINYIN_ORDER, len(IN_PINYIN_ORDER))):
        person = register(context, name, f"2208021980010{number + 10:02d}0{number % 10}")
        with context.db.unit_of_work(context.actor) as uow:
            teams.add_member(uow, team_id=team.id, volunteer_id=person.id)
    view = admin_window.show_area("teams")
    assert isinstance(view, TeamsView)
    settle(qtbot)
    assert select_by_id(view.team_table, team.id)
    settle(qtbot)
    assert column(view.member_proxy, 0) == IN_PINYIN_ORDER  # as the members load
    # The same members in another order, as a list loaded otherwise would hold them: the heading must sort them.
    members = [view.member_model.row_object(row) for row in range(view.member_model.rowCount())]
    view.member_model.set_rows(random.Random(3).sample(members, len(members)))
    assert column(view.member_proxy, 0) != IN_PINYIN_ORDER

    click_heading(qtbot, view.member_table, 0)
    assert view.member_table.horizontalHeader().sortIndicatorSection() == 0
    assert view.member_table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert column(view.member_proxy, 0) == IN_PINYIN_ORDER
    click_heading(qtbot, view.member_table, 0)
    assert column(view.member_proxy, 0) == IN_PINYIN_ORDER[::-1]


def test_good_people_sorted_by_name_come_in_pinyin_order_with_surnames_read_as_surnames(qtbot, admin_window):
    context = admin_window.context
    with context.db.unit_of_work(context.actor) as uow:
        for name in random.Random(3).sample(IN_PINYIN_ORDER, len(IN_PINYIN_ORDER)):
            good_people.nominate(uow, name=name, category="helping", deeds="冬天为五保户送煤。",
                                 nominated_by="三组村民")
    view = admin_window.show_area("good_people")
    assert isinstance(view, GoodPeopleView)
    settle(qtbot)
    shown = [name for name in column(view.proxy, 0) if name in IN_PINYIN_ORDER]
    assert sorted(shown) == sorted(IN_PINYIN_ORDER) and shown != IN_PINYIN_ORDER  # loaded newest first

    click_heading(qtbot, view.table, 0)
    assert [name for name in column(view.proxy, 0) if name in IN_PINYIN_ORDER] == IN_PINYIN_ORDER
    click_heading(qtbot, view.table, 0)
    assert [name for name in column(view.proxy, 0) if name in IN_PINYIN_ORDER] == IN_PINYIN_ORDER[::-1]
