"""The Chinese translation is complete, compiled, and keeps every placeholder of its source text."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import translations

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path):
    ts_copy = tmp_path / "current.ts"
    shutil.copy(translations.TS_FILE, ts_copy)
    translations.update(ts_copy)  # collects strings added to the code since the .ts was last updated
    missing = translations.unfinished(ts_copy)
    assert missing == {}, f"untranslated strings (run tools/translations.py update, then translate): {missing}"


def test_translations_keep_the_placeholders_of_their_source():
    wrong = []
    for message in ET.parse(translations.TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append((source, translation))
    assert wrong == []


def test_the_compiled_translation_matches_its_source(tmp_path):
    compiled = tmp_path / "fresh.qm"
    translations.release(translations.TS_FILE, compiled)
    assert compiled.read_bytes() == translations.QM_FILE.read_bytes(), \
        "run tools/translations.py release after changing the .ts"


def test_the_app_shows_chinese_by_default(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import install_language

    assert install_language("zh_CN")
    assert QCoreApplication.translate("SignInWindow", "Sign in") == "登录"
    assert QCoreApplication.translate("desktop", "Station admin") == "站长"
    install_language("en")
    assert QCoreApplication.translate("SignInWindow", "Sign in") == "Sign in"
