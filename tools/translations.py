"""Keep the Chinese translation complete: collect strings, list what is missing, fill it, compile it.

    uv run python tools/translations.py update        # collect new strings from desktop/, ui/ and sync/ into the .ts
    uv run python tools/translations.py missing       # print unfinished strings as JSON {context: {source: ""}}
    uv run python tools/translations.py apply F.json  # fill translations from such a JSON file
    uv run python tools/translations.py release       # compile the .ts into the .qm the app loads
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "village_station_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
SOURCE_DIRS = ("desktop", "ui", "sync")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def source_files() -> list[Path]:
    files = []
    for folder in SOURCE_DIRS:
        files += sorted(p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts)
    return files


def update(ts_file: Path = TS_FILE) -> None:
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                    *[str(p) for p in source_files()], "-ts", str(ts_file)],
                   check=True, cwd=ROOT, capture_output=True)


def unfinished(ts_file: Path = TS_FILE) -> dict[str, dict[str, str]]:
    missing: dict[str, dict[str, str]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing.setdefault(name, {})[message.findtext("source") or ""] = ""
    return missing


def apply(mapping: dict[str, dict[str, str]], ts_file: Path = TS_FILE) -> int:
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = mapping.get(name, {}).get(message.findtext("source") or "")
            if text:
                translation = message.find("translation")
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def release(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True,
                   capture_output=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "missing":
        print(json.dumps(unfinished(), ensure_ascii=False, indent=1))
    elif command == "apply":
        print(apply(json.loads(Path(argv[1]).read_text(encoding="utf-8"))), "filled")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
