"""Loading the interface language and translating the core's messages for display."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.errors import RowProblem, UserError
from resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []
_qt_own: list[QTranslator] = []  # Qt's own translation, when one is installed

# Words of Qt's own file dialog that Qt's Chinese translation (qtbase_zh_CN.qm, which PySide6 ships and
# install_language loads) lacks: it has "Look in:" but not the "&Look in:" the dialog shows. The app's
# translation carries them, in Qt's contexts; Qt looks there when its own has no word.
QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
)


def translation_file(language: str):
    return resource_path("translations", f"village_station_{language}.qm")


def install_language(language: str) -> bool:
    """Install the app's and Qt's own translations for ``language`` (English needs none).

    Returns False when the app's translation could not be loaded, so the caller can log it.
    """
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _qt_own.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(language))
    ok = True
    ours = QTranslator(app)
    if ours.load(str(translation_file(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.error("translation %s could not be loaded", translation_file(language))
        ok = False
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
            qt_own.load(f"qtbase_{language}", str(resource_path("translations"))):
        app.installTranslator(qt_own)  # installed last, asked first; ours answers what it lacks (QT_WORDS)
        _installed.append(qt_own)
        _qt_own.append(qt_own)
    else:
        log.warning("Qt's own translation qtbase_%s could not be loaded; its dialogs speak English", language)
    return ok


def qt_own_loaded() -> bool:
    """Whether Qt's own translation (qtbase) of the interface's language is installed."""
    return bool(_qt_own)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def counted(number: int, one: str, many: str, /, **params: object) -> str:
    """``one`` (translated) for a ``number`` of one, else ``many``, with ``{count}`` filled in by the number (or as
    ``params`` write it, with any other placeholders): English says "1 change" and "2 changes", where Chinese has
    the same words for both."""
    return (one if number == 1 else many).format(**{"count": number, **params})


def row_problem_line(problem: RowProblem) -> str:
    """One line of an import report, the same in the app and on the command line: "Row 7: …"."""
    return QCoreApplication.translate("ImportReportDialog", "Row {row}: {reason}").format(
        row=problem.row, reason=error_text(problem))


def error_text(error: UserError | RowProblem) -> str:
    """A core message in the interface language."""
    return error.text(translate)
