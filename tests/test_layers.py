"""The dependency rules of docs/architecture.md §1, checked by reading the imports of every Python file."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Rule:
    """Files under ``folder`` may not import any module in ``forbidden`` (or below it), except one in
    ``allowed`` (or below it)."""

    folder: str
    forbidden: tuple[str, ...]
    why: str
    allowed: tuple[str, ...] = ()


RULES = (
    Rule("desktop", ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui", "sync"),
         "the core never imports Qt, the UI or sync (sync builds on the core, not the other way)"),
    Rule("ui", ("sqlalchemy", "alembic", "sync.server"),
         "the UI reaches the database only through desktop services, and never runs the city server"),
    Rule("sync/client", ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"),
         "the sync client runs without Qt and without the UI"),
    Rule("sync/server", ("ui", "desktop", "PySide6", "shiboken6"),
         "the city server uses only the core's pure domain rules, errors, words, command-line parser, SQLite "
         "settings and sheet reader, never the station's storage or services, nor the UI",
         allowed=("desktop.domain", "desktop.errors", "desktop.i18n", "desktop.command_line", "desktop.sqlite",
                  "desktop.spreadsheets")),
    Rule("resources", ("desktop", "ui", "sync"),
         "resources are data, reached through resource_path"),
)

# A unit of work's session must not be used from the UI: ``uow.session``, ``self.uow.session``...
_UOW_NAME = re.compile(r"(^|_)(uow|unit_of_work|work)$")


def _module_of(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """Every module a file imports, as (line, dotted name); ``from a import b`` yields a and a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_of(path, root)
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] if node.level > 1 else package
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module:
                found.append((node.lineno, module))
            found.extend((node.lineno, f"{module}.{alias.name}" if module else alias.name)
                         for alias in node.names if alias.name != "*")
    return found


def _matches(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


def _python_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def import_violations(root: Path) -> list[str]:
    problems: list[str] = []
    for rule in RULES:
        folder = root / rule.folder
        if not folder.is_dir():
            continue
        for path in _python_files(folder):
            for line, module in imported_modules(path, root):
                if any(_matches(module, allowed) for allowed in rule.allowed):
                    continue
                for forbidden in rule.forbidden:
                    if _matches(module, forbidden):
                        problems.append(f"{path.relative_to(root)}:{line} imports {module} — {rule.why}")
    return sorted(set(problems))


def _ui_nodes(root: Path) -> Iterator[tuple[str, ast.AST]]:
    """Every syntax node of every file under ui/, with the file's path as the repository names it."""
    folder = root / "ui"
    if not folder.is_dir():
        return
    for path in _python_files(folder):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        name = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            yield name, node


def session_violations(root: Path) -> list[str]:
    problems: list[str] = []
    for name, node in _ui_nodes(root):
        if not (isinstance(node, ast.Attribute) and node.attr == "session"):
            continue
        owner = node.value
        owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(
            owner, ast.Attribute) else ""
        if _UOW_NAME.search(owner_name):
            problems.append(f"{name}:{node.lineno} uses {owner_name}.session — "
                            "the UI calls a desktop service instead of using the unit of work's session")
    return problems


# The only ui/ modules that may open a unit of work: the operations every screen goes through, and the
# shell around the screens — the controller opening the database before any window, the command line,
# the self-test, and the sync scheduler asking whether the station is enrolled.
_MAY_OPEN_WORK = {"ui/operations.py", "ui/app.py", "ui/commands.py", "ui/self_test.py", "ui/sync_scheduler.py"}
_OPENS_WORK = {"unit_of_work", "reading"}


def unit_of_work_violations(root: Path) -> list[str]:
    """Every ``x.unit_of_work(...)`` or ``x.reading(...)`` call in ui/ outside the modules allowed to."""
    problems: list[str] = []
    for name, node in _ui_nodes(root):
        if name not in _MAY_OPEN_WORK and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _OPENS_WORK:
            problems.append(f"{name}:{node.lineno} opens a unit of work ({node.func.attr}) — a screen reads "
                            "and writes through ui/operations.py (read, write)")
    return problems


def test_no_screen_opens_a_unit_of_work_itself():
    problems = unit_of_work_violations(ROOT)
    assert not problems, "screens must go through ui/operations.py:\n" + "\n".join(problems)


def import_circles(root: Path, package: str = "ui") -> list[list[str]]:
    """Groups of modules of ``package`` that import each other round in a circle (imports inside functions
    count: they only put the circle off until the function runs)."""
    modules = {".".join(_module_of(path, root)): path for path in _python_files(root / package)}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = set()
        for _line, imported in imported_modules(path, root):
            parts = imported.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in modules:
                    if candidate != name:
                        graph[name].add(candidate)
                    break
    # Tarjan's strongly connected components: every component of more than one module is a circle.
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in order:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], order[other])
        if low[node] == order[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return circles


def test_the_ui_modules_import_each_other_without_a_circle():
    circles = import_circles(ROOT)
    assert not circles, "modules of ui/ that import each other round in a circle:\n" + "\n".join(
        " → ".join(circle) for circle in circles)


def test_the_code_follows_the_layer_rules():
    problems = import_violations(ROOT)
    assert not problems, "layer rules broken (docs/architecture.md §1):\n" + "\n".join(problems)


def test_the_ui_never_uses_a_unit_of_works_session():
    problems = session_violations(ROOT)
    assert not problems, "layer rules broken (docs/architecture.md §1):\n" + "\n".join(problems)


def test_the_core_and_resources_exist_to_be_checked():
    # If the folders moved, the checks above would silently check nothing.
    for folder in ("desktop", "ui", "resources"):
        assert _python_files(ROOT / folder), f"no Python files under {folder}/"


# -- the checker itself must catch what it is meant to catch --------------------------------------

@pytest.fixture
def broken_tree(tmp_path: Path) -> Path:
    files = {
        "desktop/__init__.py": "",
        "desktop/services/__init__.py": "",
        "desktop/services/bad.py": "import os\nfrom PySide6.QtWidgets import QWidget\n",
        "desktop/services/also_bad.py": "from ...ui import dialogs\nfrom sync import server\n",
        "desktop/storage/fine.py": "from . import models\nimport sqlalchemy\n",
        "ui/__init__.py": "",
        "ui/views/list.py": ("from desktop.services import accounts\n"
                             "def load(uow):\n    return uow.session.execute('SELECT 1')\n"),
        "ui/views/orm.py": "from sqlalchemy.orm import Session\n",
        "ui/fine.py": "class A:\n    def go(self):\n        return self.session_name\n",
        "ui/views/opens.py": ("def load(context):\n    with context.db.reading(context.actor) as uow:\n"
                              "        return uow\n"),
        "ui/operations.py": "def read(db, actor):\n    with db.reading(actor) as uow:\n        return uow\n",
        "sync/server/app.py": ("from desktop.storage.models import Base\nfrom desktop.domain import regions\n"
                               "from desktop.services import volunteers\nimport desktop.paths\n"
                               "from desktop.i18n import QT_TRANSLATE_NOOP\n"),
        "sync/client/push.py": "import PySide6\nfrom desktop.storage import uow\n",
        "resources/__init__.py": "from desktop.paths import bundle_dir\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_checker_names_each_file_and_forbidden_import(broken_tree):
    problems = "\n".join(import_violations(broken_tree))
    assert "desktop/services/bad.py:2 imports PySide6.QtWidgets" in problems
    assert "desktop/services/also_bad.py:1 imports ui" in problems  # a relative import, resolved
    assert "desktop/services/also_bad.py:2 imports sync.server" in problems
    assert "ui/views/orm.py:1 imports sqlalchemy.orm" in problems
    assert "sync/server/app.py:1 imports desktop.storage.models" in problems
    assert "sync/server/app.py:3 imports desktop.services" in problems
    assert "sync/server/app.py:4 imports desktop.paths" in problems
    assert "desktop.i18n" not in problems
    assert "sync/client/push.py:1 imports PySide6" in problems
    assert "resources/__init__.py:1 imports desktop.paths" in problems
    assert "fine.py" not in problems
    assert "desktop.domain" not in problems
    assert "desktop.storage.uow" not in problems  # the sync client may use the station's storage


def test_the_checker_finds_an_import_circle(tmp_path):
    for name, text in {"ui/__init__.py": "", "ui/app.py": "from ui.launch import probe\n",
                       "ui/launch.py": "def run():\n    from ui.app import StationApp\n",
                       "ui/fine.py": "from ui import app\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert import_circles(tmp_path) == [["ui.app", "ui.launch"]]


def test_the_checker_finds_a_screen_opening_a_unit_of_work(broken_tree):
    problems = unit_of_work_violations(broken_tree)
    assert [problem.split(" —")[0] for problem in problems] == ["ui/views/opens.py:2 opens a unit of work (reading)"]


def test_the_checker_finds_a_unit_of_works_session_in_the_ui(broken_tree):
    problems = session_violations(broken_tree)
    assert problems == ["ui/views/list.py:3 uses uow.session — the UI calls a desktop service instead of "
                        "using the unit of work's session"]
