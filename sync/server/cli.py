"""The ``city-server`` command: serve, migrate, import regions, issue enrollment codes, list and revoke stations,
check the huts' stock balances."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from desktop.command_line import DEFAULT_LANGUAGE, LANGUAGES, Parser, language_asked, translator
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP, ts_translator
from resources import resource_path
from sync.server.database import (
    DATABASE_FILE,
    DEFAULT_DATA_DIR,
    ENV_DATABASE_URL,
    DatabaseNewer,
    current_revision,
    default_database_url,
    head_revision,
    known_revisions,
    make_engine,
    migrate,
)

log = logging.getLogger(__name__)


class CommandFailed(Exception):
    """Stops a command with a message for the operator and exit status 1."""


def database_url(args: argparse.Namespace) -> str:
    """--database-url, else $CITY_SERVER_DATABASE_URL, else SQLite in --data-dir (default DEFAULT_DATA_DIR)."""
    if args.database_url:
        return args.database_url
    if args.data_dir is None and os.environ.get(ENV_DATABASE_URL):
        return os.environ[ENV_DATABASE_URL]
    return default_database_url(Path(args.data_dir or DEFAULT_DATA_DIR))


def open_migrated(args: argparse.Namespace) -> Engine:
    """The database, which must already be at the schema this version expects."""
    engine = make_engine(database_url(args))
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision != head_revision():
        engine.dispose()
        if revision is not None and revision not in known_revisions():
            raise CommandFailed(f"The database is at schema revision {revision}, written by a newer version of the "
                                "city server. Nothing was changed; use the newer version.")
        raise CommandFailed("The database is not set up for this version of the city server yet. "
                            "Run: city-server migrate")
    return engine


def cmd_migrate(args: argparse.Namespace) -> int:
    engine = make_engine(database_url(args))
    try:
        before, after = migrate(engine)
    finally:
        engine.dispose()
    print(f"database at schema revision {after}" + ("" if before == after else f" (was {before or 'empty'})"))
    return 0


def key_file(args: argparse.Namespace, url: str) -> Path:
    """--key-file, else $CITY_SERVER_KEY_FILE, else city.key beside an SQLite database; the key must open."""
    from sync.server.app import open_vault
    from sync.server.vault import ENV_KEY_FILE, KeyProblem, key_file_for

    chosen = args.key_file or os.environ.get(ENV_KEY_FILE) or key_file_for(url)
    try:
        open_vault(url, chosen)
    except KeyProblem as exc:
        raise CommandFailed(str(exc)) from None
    return Path(chosen).resolve()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import ENV_MAX_CONCURRENT, ENV_RETRY_AFTER
    from sync.server.vault import ENV_KEY_FILE

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    url = database_url(args)
    os.environ[ENV_KEY_FILE] = str(key_file(args, url))
    engine = make_engine(url)
    try:
        before, after = migrate(engine)
    finally:
        engine.dispose()
    if before != after:
        log.info("database migrated from %s to %s", before or "empty", after)
    # The worker processes build their app from these (uvicorn --factory).
    os.environ[ENV_DATABASE_URL] = url
    os.environ[ENV_MAX_CONCURRENT] = str(args.max_concurrent)
    os.environ[ENV_RETRY_AFTER] = str(args.retry_after)
    uvicorn.run("sync.server.app:app_from_environment", factory=True, host=args.host, port=args.port,
                workers=args.workers, proxy_headers=True, forwarded_allow_ips="127.0.0.1", log_level="info")
    return 0


def cmd_regions_import(args: argparse.Namespace) -> int:
    from sync.server.regions import import_regions_csv

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandFailed(f"Cannot read {path}: {exc.strerror or exc}") from None
    engine = open_migrated(args)
    try:
        result = import_regions_csv(engine, data)
    except InvalidInput as exc:
        print(exc.text(), file=sys.stderr)
        for problem in exc.rows:
            print(f"  {problem.text()}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"regions imported from {path.name}: {result.added} added, {result.changed} changed, "
          f"{result.unchanged} unchanged")
    return 0


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    from sync.server.catalogue import import_catalogue

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandFailed(f"Cannot read {path}: {exc.strerror or exc}") from None
    engine = open_migrated(args)
    try:
        result = import_catalogue(engine, data, path.name)
    except InvalidInput as exc:
        # What is wrong with the file is for the person who keeps it: in the language asked for.
        translate = args.translate
        print(exc.text(translate), file=sys.stderr)
        for problem in exc.rows:
            print(f"  {problem.text(translate)}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"catalogue imported from {path.name}: {result.added} added, {result.changed} changed, "
          f"{result.unchanged} unchanged")
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from sync.server.database import utcnow
    from sync.server.stations import AdminError, issue_enroll_code

    if args.days <= 0:
        raise CommandFailed("--days must be more than 0.")
    engine = open_migrated(args)
    now = utcnow()
    try:
        code = issue_enroll_code(engine, args.village_code, days=args.days, now=now)
    except AdminError as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        engine.dispose()
    print(code)
    print(f"one-time enrollment code for village {args.village_code}, valid until "
          f"{(now + timedelta(days=args.days)):%Y-%m-%d %H:%M} UTC", file=sys.stderr)
    return 0


def _when(moment) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


def cmd_stations_list(args: argparse.Namespace) -> int:
    from sync.server.stations import list_stations

    engine = open_migrated(args)
    try:
        found = list_stations(engine)
    finally:
        engine.dispose()
    if not found:
        print("no stations enrolled")
        return 0
    print("station_id\tvillage\tstatus\tenrolled (UTC)\tlast seen (UTC)\tapp\tprotocol\tgeneration\t"
          "records it could not apply")
    for station in found:
        status = f"revoked {_when(station.revoked_at)}" if station.revoked_at else "active"
        print("\t".join([station.station_id, f"{station.village_code} {station.village_name or ''}".strip(), status,
                         _when(station.enrolled_at), _when(station.last_seen_at), station.app_version or "-",
                         str(station.protocol_version or "-"), str(station.generation), str(station.problems)]))
    return 0


def cmd_stock_check(args: argparse.Namespace) -> int:
    from sync.server.stock import check_balances, rebuild_balances

    engine = open_migrated(args)
    try:
        mismatches = check_balances(engine)
        if mismatches:
            print("village\titem\tbalance\tmovements counted\tsum of the ledger\tmovements in the ledger")
            for found in mismatches:
                print("\t".join([found.village_code, found.item_id, f"{found.balance:g}", str(found.balance_movements),
                                 f"{found.ledger:g}", str(found.ledger_movements)]))
        if not args.repair:
            print(f"{len(mismatches)} balances differ from the ledger" if mismatches
                  else "every balance is the sum of its movements")
            return 1 if mismatches else 0
        if not mismatches:
            print("every balance is the sum of its movements; nothing to repair")
            return 0
        count = rebuild_balances(engine)
        left = check_balances(engine)
    finally:
        engine.dispose()
    print(f"{len(mismatches)} balances differed from the ledger; all {count} set to the sums of their movements again")
    return 1 if left else 0


def cmd_key_create(args: argparse.Namespace) -> int:
    from sync.server.vault import KeyProblem, create_key_file

    try:
        create_key_file(Path(args.file))
    except KeyProblem as exc:
        raise CommandFailed(str(exc)) from None
    print(f"key written to {args.file} (readable by its owner only). Keep a copy apart from the database "
          "backups: without it the ID numbers in the database cannot be read.")
    return 0


def cmd_stations_allow(args: argparse.Namespace) -> int:
    from sync.server.stations import AdminError, allow_reenroll

    engine = open_migrated(args)
    try:
        allow_reenroll(engine, args.station_id)
    except AdminError as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        engine.dispose()
    print(f"station {args.station_id} may enroll again, with a new code for its own village")
    return 0


def cmd_stations_revoke(args: argparse.Namespace) -> int:
    from sync.server.stations import AdminError, revoke_station

    engine = open_migrated(args)
    try:
        changed = revoke_station(engine, args.station_id)
    except AdminError as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        engine.dispose()
    print(f"station {args.station_id} " + ("revoked: its token no longer works" if changed else "was already revoked"))
    return 0


def build_parser(language: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line, its help and argument errors in ``language`` (what the commands print is English,
    for the operator's logs)."""
    translate = translator(language, lambda chosen: ts_translator(
        resource_path("translations", f"village_station_{chosen}.ts")))
    defaults = {"data_dir": f"./{DEFAULT_DATA_DIR.as_posix()}", "database_file": DATABASE_FILE}  # named by the help
    common = Parser(translate=translate, add_help=False, help_values=defaults)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=QT_TRANSLATE_NOOP("CommandLine", "language of this help and of argument errors "
                                                              "(default Chinese)"))
    database = Parser(translate=translate, add_help=False, parents=[common], help_values=defaults)
    where = database.add_mutually_exclusive_group()
    where.add_argument("--data-dir", default=argparse.SUPPRESS, metavar=QT_TRANSLATE_NOOP("CommandLine", "FOLDER"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "folder of the SQLite database %(database_file)s "
                                                             "(default %(data_dir)s)"))
    where.add_argument("--database-url", default=argparse.SUPPRESS, metavar="URL",
                       help=QT_TRANSLATE_NOOP("CommandLine", "SQLAlchemy URL, e.g. "
                                                             "postgresql+psycopg://user@host/city "
                                                             "(or set CITY_SERVER_DATABASE_URL)"))
    database.add_argument("--key-file", default=argparse.SUPPRESS, metavar=QT_TRANSLATE_NOOP("CommandLine", "FILE"),
                          help=QT_TRANSLATE_NOOP("CommandLine", "the key that seals ID numbers (or set "
                                                                "CITY_SERVER_KEY_FILE; default city.key beside an "
                                                                "SQLite database)"))

    parser = Parser(prog="city-server", parents=[database], translate=translate, help_values=defaults,
                    description=QT_TRANSLATE_NOOP("CommandLine", "Village Station city server: the sync service "
                                                                 "stations talk to."))
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar=QT_TRANSLATE_NOOP("CommandLine", "COMMAND"))

    serve = commands.add_parser("serve", parents=[database],
                                help=QT_TRANSLATE_NOOP("CommandLine", "migrate the database, then serve HTTP"))
    serve.add_argument("--host", default="127.0.0.1", metavar=QT_TRANSLATE_NOOP("CommandLine", "ADDRESS"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "address to listen on (default 127.0.0.1)"))
    serve.add_argument("--port", type=int, default=8800, metavar=QT_TRANSLATE_NOOP("CommandLine", "PORT"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "port (default 8800)"))
    serve.add_argument("--workers", type=int, default=1, metavar=QT_TRANSLATE_NOOP("CommandLine", "NUMBER"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "worker processes (default 1)"))
    serve.add_argument("--max-concurrent", type=int, default=32, metavar=QT_TRANSLATE_NOOP("CommandLine", "NUMBER"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "sync requests in flight per worker before answering "
                                                             "503 busy (default 32)"))
    serve.add_argument("--retry-after", type=int, default=5, metavar=QT_TRANSLATE_NOOP("CommandLine", "SECONDS"),
                       help=QT_TRANSLATE_NOOP("CommandLine", "Retry-After seconds when busy (default 5)"))
    serve.set_defaults(handler=cmd_serve)
    parser.set_defaults(translate=translate)

    commands.add_parser("migrate", parents=[database],
                        help=QT_TRANSLATE_NOOP("CommandLine", "create or upgrade the database schema")) \
        .set_defaults(handler=cmd_migrate)

    regions = commands.add_parser("regions", parents=[common],
                                  help=QT_TRANSLATE_NOOP("CommandLine", "the region list")).add_subparsers(
        dest="action", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ACTION"))
    importing = regions.add_parser("import", parents=[database],
                                   help=QT_TRANSLATE_NOOP("CommandLine", "import a code,name,level,parent_code CSV "
                                                                         "file (all rows or none)"))
    importing.add_argument("file", metavar=QT_TRANSLATE_NOOP("CommandLine", "FILE.csv"))
    importing.set_defaults(handler=cmd_regions_import)

    catalogue = commands.add_parser("catalogue", parents=[common],
                                    help=QT_TRANSLATE_NOOP("CommandLine", "the city's catalogue of goods for the "
                                                                          "love huts")).add_subparsers(
        dest="action", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ACTION"))
    items = catalogue.add_parser("import", parents=[database],
                                 help=QT_TRANSLATE_NOOP("CommandLine", "add or change items from an .xlsx or .csv "
                                                                       "sheet headed 物品名称, 类别, 单位, 有效期管理, "
                                                                       "条码 (all rows or none)"))
    items.add_argument("file", metavar=QT_TRANSLATE_NOOP("CommandLine", "FILE"))
    items.set_defaults(handler=cmd_catalogue_import)

    stock = commands.add_parser("stock", parents=[common],
                                help=QT_TRANSLATE_NOOP("CommandLine", "the love huts' stock as the city holds it")) \
        .add_subparsers(dest="action", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ACTION"))
    check = stock.add_parser("check", parents=[database],
                             help=QT_TRANSLATE_NOOP("CommandLine", "hold each hut's running balances to the sum of "
                                                                   "its movements and list any that differs"))
    check.add_argument("--repair", action="store_true",
                       help=QT_TRANSLATE_NOOP("CommandLine", "set the balances that differ to the sums again"))
    check.set_defaults(handler=cmd_stock_check)

    key = commands.add_parser("key", parents=[common],
                              help=QT_TRANSLATE_NOOP("CommandLine", "the key that seals sensitive values")) \
        .add_subparsers(dest="action", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ACTION"))
    create = key.add_parser("create", parents=[common],
                            help=QT_TRANSLATE_NOOP("CommandLine", "write a new key file (never overwrites one)"))
    create.add_argument("file", metavar=QT_TRANSLATE_NOOP("CommandLine", "FILE"))
    create.set_defaults(handler=cmd_key_create)

    code = commands.add_parser("enroll-code", parents=[database],
                               help=QT_TRANSLATE_NOOP("CommandLine", "issue a one-time enrollment code for a "
                                                                     "village's station"))
    code.add_argument("village_code", metavar=QT_TRANSLATE_NOOP("CommandLine", "VILLAGE_CODE"))
    code.add_argument("--days", type=float, default=7, metavar=QT_TRANSLATE_NOOP("CommandLine", "DAYS"),
                      help=QT_TRANSLATE_NOOP("CommandLine", "days the code stays valid (default 7)"))
    code.set_defaults(handler=cmd_enroll_code)

    station_commands = commands.add_parser("stations", parents=[common],
                                           help=QT_TRANSLATE_NOOP("CommandLine", "enrolled stations")) \
        .add_subparsers(dest="action", required=True, metavar=QT_TRANSLATE_NOOP("CommandLine", "ACTION"))
    station_commands.add_parser("list", parents=[database],
                                help=QT_TRANSLATE_NOOP("CommandLine", "list enrolled stations")) \
        .set_defaults(handler=cmd_stations_list)
    revoke = station_commands.add_parser("revoke", parents=[database],
                                         help=QT_TRANSLATE_NOOP("CommandLine", "withdraw a station's token (it must "
                                                                               "enroll again)"))
    revoke.add_argument("station_id", metavar=QT_TRANSLATE_NOOP("CommandLine", "STATION_ID"))
    revoke.set_defaults(handler=cmd_stations_revoke)
    allow = station_commands.add_parser("allow-reenroll", parents=[database],
                                        help=QT_TRANSLATE_NOOP("CommandLine", "let a revoked (or lost) station enroll "
                                                                              "again with a new code"))
    allow.add_argument("station_id", metavar=QT_TRANSLATE_NOOP("CommandLine", "STATION_ID"))
    allow.set_defaults(handler=cmd_stations_allow)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(language_asked(argv)).parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None)
    args.database_url = getattr(args, "database_url", None)
    args.key_file = getattr(args, "key_file", None)
    if args.data_dir and args.database_url:
        print("city-server: use --data-dir or --database-url, not both", file=sys.stderr)
        return 2
    try:
        return args.handler(args)
    except CommandFailed as exc:
        print(f"city-server: {exc}", file=sys.stderr)
        return 1
    except DatabaseNewer as exc:
        print(f"city-server: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
