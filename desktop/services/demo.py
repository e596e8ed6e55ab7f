"""A fresh demo station filled with realistic synthetic data, for trying the app and for screenshots."""

from __future__ import annotations

from desktop.domain.actor import SYSTEM
from desktop.domain.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount
from desktop.paths import DataFolder
from desktop.services import accounts, regions, station
from desktop.services.settings import Settings, save_settings
from desktop.storage.database import Database, open_database

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "DEMO_VILLAGE", "DemoAccount", "build_demo", "demo_regions_csv"]


DEMO_VILLAGE = "220802101203"

# Synthetic townships and villages under the five real counties; codes follow the statistical pattern.
_TOWNSHIPS = {
    "220802": [("101", "平安镇", ["幸福村", "红星村", "向阳村", "永安村"], ["新华社区"]),
               ("102", "东风乡", ["前进村", "团结村", "胜利村"], [])],
    "220821": [("101", "富民镇", ["丰收村", "兴隆村", "长胜村"], ["镇中社区"])],
    "220822": [("101", "和平镇", ["东升村", "太平村", "民主村"], [])],
    "220881": [("101", "光明镇", ["五一村", "建设村", "育才村"], ["光明社区"])],
    "220882": [("101", "安宁乡", ["双合村", "三合屯村", "友谊村"], [])],
}


def demo_regions_csv() -> bytes:
    lines = ["code,name,level,parent_code"]
    for county, townships in _TOWNSHIPS.items():
        for suffix, township, villages, communities in townships:
            township_code = f"{county}{suffix}"
            lines.append(f"{township_code},{township},township,{county}")
            for number, village in enumerate(villages, start=1):
                lines.append(f"{township_code}2{number:02d},{village},village,{township_code}")
            for number, community in enumerate(communities, start=1):
                lines.append(f"{township_code}0{number:02d},{community},community,{township_code}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_demo(folder: DataFolder) -> Database:
    """Create the demo station in an empty data folder and return it open."""
    db = open_database(folder)
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data=demo_regions_csv(), source="demo")
    admin, *others = DEMO_ACCOUNTS
    with db.unit_of_work(SYSTEM) as uow:
        actor = station.set_up_station(uow, village_code=DEMO_VILLAGE, admin_username=admin.username,
                                       admin_name=admin.display_name, admin_password=admin.password)
    db.reload_station()
    with db.unit_of_work(actor) as uow:
        for account in others:
            accounts.add_user(uow, username=account.username, display_name=account.display_name,
                              role=account.role, password=account.password)
        station.update_village_profile(
            uow, station_name="向阳村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
            address="吉林省白城市洮北区平安镇向阳村村委会", office_hours="周一至周五 8:30–16:30，每周五下午志愿服务日",
            notes="村志愿服务队、爱心扶贫小屋设在村委会一楼。")
        save_settings(uow, settings=Settings())
    return db
