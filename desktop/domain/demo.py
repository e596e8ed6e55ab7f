"""The demo station's accounts, shown on its sign-in screen (kept light: the first window needs them)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.roles import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role
    password: str


DEMO_PASSWORD = "demo1234"

DEMO_ACCOUNTS = (
    DemoAccount("wangjianguo", "王建国", Role.ADMIN, DEMO_PASSWORD),
    DemoAccount("lixiuying", "李秀英", Role.COORDINATOR, DEMO_PASSWORD),
    DemoAccount("zhangguilan", "张桂兰", Role.HUT_MANAGER, DEMO_PASSWORD),
    DemoAccount("liuming", "刘明", Role.VIEWER, DEMO_PASSWORD),
)
