"""The ``village-station`` command line beyond a plain start of the app (ui/main.py): its parser, with help
and errors in the language asked for, ``--demo``, and the headless commands for scripts and checks."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import desktop
from desktop.command_line import DEFAULT_LANGUAGE, LANGUAGES, Parser, language_asked, translator
from desktop.domain.actor import SYSTEM
from desktop.errors import UserError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import DataFolder, default_data_dir

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FOLDER = QT_TRANSLATE_NOOP("CommandLine", "FOLDER")


def _qt_translator(language: str) -> Callable[[str, str], str]:
    """The app's translation for ``language`` as a function, without starting a Qt application."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import translation_file

    loaded = QTranslator()
    loaded.load(str(translation_file(language)))
    return loaded.translate


# The lists the import and export commands take (``import volunteers FILE``): a list named here is offered
# by both, and ``_file_kinds`` says what each does.
WORKBOOK_LISTS = ("volunteers", "households", "stock")
# The commands that read or write a list as an Excel workbook: the command, its help, its list's and file's.
WORKBOOK_COMMANDS = (
    ("import", QT_TRANSLATE_NOOP("CommandLine", "add the rows of an Excel workbook (.xlsx) to a list"),
     QT_TRANSLATE_NOOP("CommandLine", "what the workbook lists"),
     QT_TRANSLATE_NOOP("CommandLine", "the .xlsx file to import")),
    ("export", QT_TRANSLATE_NOOP("CommandLine", "write a list to an Excel workbook (ID numbers masked)"),
     QT_TRANSLATE_NOOP("CommandLine", "what to export"),
     QT_TRANSLATE_NOOP("CommandLine", "the .xlsx file to write")),
)


def build_parser(language: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line, its help and errors in ``language``."""
    translate = translator(language, _qt_translator)
    common = Parser(translate=translate, add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar=FOLDER,
                        help=QT_TRANSLATE_NOOP("CommandLine", "folder for the database, backups and logs "
                                                              "(default: the per-user data folder)"))
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=QT_TRANSLATE_NOOP("CommandLine", "language of messages (default: the station's "
                                                              "setting, else Chinese)"))
    parser = Parser(prog="village-station", parents=[common], translate=translate,
                    description=QT_TRANSLATE_NOOP("CommandLine", "Village Station: volunteer and love-hut records "
                                                                 "for a village station."))
    parser.add_version(f"village-station {desktop.__version__}")
    parser.add_argument("--demo", action="store_true",
                        help=QT_TRANSLATE_NOOP("CommandLine", "start on a fresh demo data folder filled with "
                                                              "synthetic data"))
    commands = parser.add_subparsers(dest="command", metavar=QT_TRANSLATE_NOOP("CommandLine", "COMMAND"))
    commands.add_parser("self-test", parents=[common],
                        help=QT_TRANSLATE_NOOP("CommandLine", "check that this installation works (database, "
                                                              "services, window) and exit"))
    commands.add_parser("backup", parents=[common],
                        help=QT_TRANSLATE_NOOP("CommandLine", "back the station database up now"))
    restore = commands.add_parser("restore", parents=[common],
                                  help=QT_TRANSLATE_NOOP("CommandLine", "replace the station database with a backup "
                                                                        "(the current one is kept)"))
    restore.add_argument("file", type=Path, metavar=QT_TRANSLATE_NOOP("CommandLine", "BACKUP_FILE"),
                         help=QT_TRANSLATE_NOOP("CommandLine", "the backup file to restore"))
    enroll = commands.add_parser("enroll", parents=[common],
                                 help=QT_TRANSLATE_NOOP("CommandLine", "enroll this station with the city server "
                                                                       "using a one-time code"))
    enroll.add_argument("--server", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ADDRESS"),
                        help=QT_TRANSLATE_NOOP("CommandLine", "the city server's address, e.g. "
                                                              "https://sync.example.cn"))
    enroll.add_argument("--code", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "CODE"),
                        help=QT_TRANSLATE_NOOP("CommandLine", "the enrollment code from the city office"))
    commands.add_parser("sync", parents=[common],
                        help=QT_TRANSLATE_NOOP("CommandLine", "sync with the city server once and exit"))
    for command, help_text, what_help, file_help in WORKBOOK_COMMANDS:
        workbook = commands.add_parser(command, parents=[common], help=help_text)
        workbook.add_argument("what", choices=WORKBOOK_LISTS, help=what_help)
        workbook.add_argument("file", type=Path, metavar=QT_TRANSLATE_NOOP("CommandLine", "WORKBOOK.xlsx"),
                              help=file_help)
    return parser



def run_command(argv: list[str]) -> int:
    """What ``argv`` asks for, read by the full parser: a command, the demo, or the app."""
    args = build_parser(language_asked(argv)).parse_args(argv)
    if args.command == "self-test":
        from ui.self_test import run_self_test
        return run_self_test()
    if args.demo:
        folder = _demo_folder(getattr(args, "data_dir", None), getattr(args, "lang", None))
        if folder is None:
            return EXIT_USAGE
    else:
        folder = DataFolder(getattr(args, "data_dir", None) or default_data_dir())
    language = getattr(args, "lang", None)
    if args.command in ("backup", "restore", "enroll", "sync", *(command for command, *_ in WORKBOOK_COMMANDS)):
        return _headless(args, folder, language)
    from ui.launch import run_app
    return run_app(folder, demo=args.demo, language=language)


def _demo_folder(given: Path | None, language: str | None) -> DataFolder | None:
    """Where the demo runs: a new folder of its own, or the folder given when it is empty or holds a demo
    station already; a folder with a real station's database is refused (None), and nothing in it touched."""
    if given is None:
        import tempfile

        return DataFolder(Path(tempfile.mkdtemp(prefix="village-station-demo-")))
    folder = DataFolder(given)
    if not folder.database.exists():
        return folder
    from desktop.services.demo import holds_demo_station

    if holds_demo_station(folder.database):
        return folder
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import DEFAULT_LANGUAGE, install_language

    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_language(language or DEFAULT_LANGUAGE)
    print(QCoreApplication.translate(
        "CommandLine", "The folder {folder} holds a real station's database, so the demo will not start there. "
                       "Start the demo without --data-dir, or give it an empty folder.").format(folder=folder.root),
          file=sys.stderr)
    return None


def _headless(args: argparse.Namespace, folder: DataFolder, language: str | None) -> int:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import DEFAULT_LANGUAGE, error_text, install_language

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_language(language or DEFAULT_LANGUAGE)

    try:
        folder.ensure_writable()
        from desktop.logs import setup_logging  # logging.handlers is not small; the app loads it after its window

        setup_logging(folder)
        if args.command in ("enroll", "sync"):
            return _sync_command(args, folder)
        if args.command in (command for command, *_ in WORKBOOK_COMMANDS):
            return _file_command(args, folder)
        if args.command == "backup":
            from desktop.services.backups import backup_now, upgrade_backup
            from desktop.storage.database import open_database
            if not folder.database.exists():
                print(QCoreApplication.translate(
                    "CommandLine", "There is no station database in {folder} yet, so there is nothing to back up.")
                      .format(folder=folder.root), file=sys.stderr)
                return EXIT_FAILED
            db = open_database(folder, before_upgrade=upgrade_backup(folder))
            try:
                info = backup_now(db, actor=SYSTEM, reason="manual")
            finally:
                db.close()
            print(QCoreApplication.translate("CommandLine", "Backup saved: {path}").format(path=info.path))
            return EXIT_OK
        from desktop.services.backups import restore
        from desktop.storage.database import open_database
        moved = restore(folder, actor=SYSTEM, backup=args.file.resolve())
        db = open_database(folder)
        try:
            with db.unit_of_work(SYSTEM) as uow:
                uow.audit("restore", entity="backups", entity_id=args.file.name,
                          kept_aside=str(moved) if moved else "")
        finally:
            db.close()
        print(QCoreApplication.translate("CommandLine", "Restored {file}.").format(file=args.file))
        if moved:
            print(QCoreApplication.translate(
                "CommandLine", "The database it replaced is kept at {path}.").format(path=moved))
        return EXIT_OK
    except UserError as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_FAILED
    finally:
        del app


@dataclass(frozen=True)
class _FileKind:
    """What ``import`` and ``export`` do for one kind of list, and how they say what they did."""

    import_file: Callable[..., Any]
    export_file: Callable[..., bytes]
    count: Callable[..., int]
    # each said of one, and of more
    exported: tuple[str, str]
    added: tuple[str, str]
    # said when rows were refused and so nothing of the file was kept (a list kept whole or not at all)
    kept_nothing: str = ""
    passed_over: tuple[str, str] = (
        QT_TRANSLATE_NOOP("CommandLine", "1 line was passed over as not being people (the form's footer, or a "
                                         "numbered line nobody filled in)."),
        QT_TRANSLATE_NOOP("CommandLine", "{count} lines were passed over as not being people (the form's footer, "
                                         "numbered lines nobody filled in)."))


def _file_kinds() -> dict[str, _FileKind]:
    from desktop.services import household_excel, households, stock_excel, volunteer_excel, volunteers

    return {
        "volunteers": _FileKind(
            volunteer_excel.import_volunteers, volunteer_excel.export_volunteers,
            lambda uow: volunteers.count_volunteers(uow, statuses=volunteers.ALL_STATUSES),
            (QT_TRANSLATE_NOOP("CommandLine", "Exported 1 volunteer to {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Exported {count} volunteers to {file}.")),
            (QT_TRANSLATE_NOOP("CommandLine", "Added 1 volunteer from {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Added {count} volunteers from {file}."))),
        "households": _FileKind(
            household_excel.import_households, household_excel.export_households,
            lambda uow: households.count_households(
                uow, where=households.HouseholdFilter(statuses=households.ALL_STATUSES)),
            (QT_TRANSLATE_NOOP("CommandLine", "Exported 1 household to {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Exported {count} households to {file}.")),
            (QT_TRANSLATE_NOOP("CommandLine", "Added 1 household from {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Added {count} households from {file}."))),
        "stock": _FileKind(
            stock_excel.import_stock, stock_excel.export_stock, stock_excel.count_stock,
            (QT_TRANSLATE_NOOP("CommandLine", "Exported the stock on hand of 1 item to {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Exported the stock on hand of {count} items to {file}.")),
            (QT_TRANSLATE_NOOP("CommandLine", "Imported 1 row of goods from {file}."),
             QT_TRANSLATE_NOOP("CommandLine", "Imported {count} rows of goods from {file}.")),
            QT_TRANSLATE_NOOP("CommandLine", "Nothing of the file was imported, so the opening stock stays whole. "
                                             "Correct the rows below and import the file again."),
            (QT_TRANSLATE_NOOP("CommandLine", "1 line was passed over as not being goods (the form's footer, or a "
                                              "numbered line nobody filled in)."),
             QT_TRANSLATE_NOOP("CommandLine", "{count} lines were passed over as not being goods (the form's footer, "
                                              "numbered lines nobody filled in)."))),
    }


def _file_command(args: argparse.Namespace, folder: DataFolder) -> int:
    """``import WHAT FILE`` and ``export WHAT FILE`` (volunteers, households or stock), done as the station itself."""
    from PySide6.QtCore import QCoreApplication

    from desktop.services.backups import upgrade_backup
    from desktop.services.station import is_set_up
    from desktop.storage.database import open_database
    from ui.i18n import counted, row_problem_line

    kind = _file_kinds()[args.what]

    def say(text: str, **params: object) -> str:
        return QCoreApplication.translate("CommandLine", text).format(**params)

    def say_counted(number: int, texts: tuple[str, str], **params: object) -> str:
        one, many = (QCoreApplication.translate("CommandLine", text) for text in texts)
        return counted(number, one, many, **params)

    def complain(text: str, **params: object) -> int:
        print(say(text, **params), file=sys.stderr)
        return EXIT_FAILED

    path = args.file.resolve()
    if args.command == "import":
        if not path.is_file():
            return complain(QT_TRANSLATE_NOOP(
                "CommandLine", "There is no file {file}. Check the name and the folder."), file=path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            return complain(QT_TRANSLATE_NOOP("CommandLine", "{file} cannot be read: {reason}"),
                            file=path, reason=exc.strerror or exc)
    if not folder.database.exists():
        return complain(QT_TRANSLATE_NOOP(
            "CommandLine", "There is no station database in {folder} yet. Start Village Station and set the "
            "station up first."), folder=folder.root)
    db = open_database(folder, before_upgrade=upgrade_backup(folder))
    try:
        with db.reading(SYSTEM) as uow:  # an export only reads
            set_up = is_set_up(uow)
            if set_up and args.command == "export":
                data = kind.export_file(uow)
                count = kind.count(uow)
        if not set_up:
            return complain(QT_TRANSLATE_NOOP(
                "CommandLine", "The station in {folder} is not set up yet. Start Village Station and set it "
                "up first."), folder=folder.root)
        if args.command == "import":
            with db.unit_of_work(SYSTEM) as uow:
                report = kind.import_file(uow, data=data)
    finally:
        db.close()
    if args.command == "export":
        try:
            args.file.resolve().parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as exc:
            return complain(QT_TRANSLATE_NOOP("CommandLine", "{file} cannot be written: {reason}"),
                            file=path, reason=exc.strerror or exc)
        print(say_counted(count, kind.exported, file=path))
        return EXIT_OK
    if report.refused and kind.kept_nothing and not getattr(report, "kept", True):
        print(say(kind.kept_nothing))
    else:
        print(say_counted(report.added, kind.added, file=path))
    if report.passed_over:
        print(say_counted(report.passed_over, kind.passed_over))
    if report.refused:
        print(say_counted(len(report.refused), (QT_TRANSLATE_NOOP("CommandLine", "1 row was refused:"),
                                                QT_TRANSLATE_NOOP("CommandLine", "{count} rows were refused:"))))
        for problem in report.refused:
            print(row_problem_line(problem))
    if report.duplicates:
        print(say_counted(len(report.duplicates), (
            QT_TRANSLATE_NOOP("CommandLine", "1 row was already registered and was not added again:"),
            QT_TRANSLATE_NOOP("CommandLine", "{count} rows were already registered and were not added again:"))))
        for problem in report.duplicates:
            print(row_problem_line(problem))
    return EXIT_FAILED if report.refused else EXIT_OK


def _sync_command(args: argparse.Namespace, folder: DataFolder) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop.services.backups import upgrade_backup
    from desktop.storage.database import open_database
    from sync.client import enroll, sync_once
    from ui.i18n import counted

    db = open_database(folder, before_upgrade=upgrade_backup(folder))
    try:
        if args.command == "enroll":
            result = enroll(db, args.server, args.code)
            print(QCoreApplication.translate(
                "CommandLine", "Enrolled with {server} for {village}.").format(
                    server=args.server, village=result.village_name or result.village_code))
            if result.new_station:
                print(QCoreApplication.translate(
                    "CommandLine", "Start Village Station to create the station admin's account."))
            return EXIT_OK
        outcome = sync_once(db)
    finally:
        db.close()
    conflicts = counted(outcome.conflicts_open, QCoreApplication.translate("CommandLine", "1 conflict to review"),
                        QCoreApplication.translate("CommandLine", "{count} conflicts to review"))
    print(QCoreApplication.translate("CommandLine", "sent {sent}, received {received}, {aside} set aside, {conflicts}")
          .format(sent=outcome.sent, received=outcome.received, aside=outcome.set_aside, conflicts=conflicts))
    if outcome.refetched:
        print(QCoreApplication.translate(
            "CommandLine", "This station fetched all of the village's records again (a restored or copied "
            "database, or a check that did not agree). Changes not yet sent were kept."))
    if "clock" in outcome.warnings:
        print(QCoreApplication.translate(
            "CommandLine", "This PC's clock is {minutes} minutes off the city server's. Please set the right time.")
              .format(minutes=abs(outcome.clock_offset_ms) // 60000))
    return EXIT_OK

