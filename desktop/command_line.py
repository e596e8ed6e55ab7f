"""The command lines' argument parsing in the language asked for: help, usage and argparse's own words
("usage:", "options", its error messages) are source text translated when printed, in the ``CommandLine``
context, by the translate function each command gives (Qt's in the station, the .ts read directly in the
city server, which has no Qt)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from desktop.domain.settings import LANGUAGES
from desktop.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CommandLine"
DEFAULT_LANGUAGE = LANGUAGES[0]  # Chinese, unless --lang asks for another

Translate = Callable[[str, str], str]

# argparse's own words, as Python writes them (it marks them for gettext, which a Windows PC does not set up).
USAGE = QT_TRANSLATE_NOOP("CommandLine", "usage: ")
POSITIONALS = QT_TRANSLATE_NOOP("CommandLine", "positional arguments")
OPTIONS = QT_TRANSLATE_NOOP("CommandLine", "options")
HELP = QT_TRANSLATE_NOOP("CommandLine", "show this help message and exit")
VERSION = QT_TRANSLATE_NOOP("CommandLine", "show the version number and exit")
ERROR = QT_TRANSLATE_NOOP("CommandLine", "%(prog)s: error: %(message)s")
# argparse's error messages; a message of this list is printed translated, any other as argparse wrote it.
MESSAGES = (
    QT_TRANSLATE_NOOP("CommandLine", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("CommandLine", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("CommandLine", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("CommandLine", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("CommandLine", "expected one argument"),
    QT_TRANSLATE_NOOP("CommandLine", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("CommandLine", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("CommandLine", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("CommandLine", "ambiguous option: %(option)s could match %(matches)s"),
)
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


def translator(language: str, load: Callable[[str], Translate]) -> Translate:
    """``translate(context, text)`` for ``language``: English as written; another language loaded by
    ``load(language)`` the first time a text is asked for (starting a program prints none)."""
    loaded: list[Translate] = []

    def translate(context: str, text: str) -> str:
        if language == "en":
            return text
        if not loaded:
            loaded.append(load(language))
        return loaded[0](context, text) or text

    return translate


def language_asked(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for in ``argv`` (also ``--lang=en``), else Chinese; read before the
    parser is built, so its help is in that language."""
    for at, argument in enumerate(argv):
        if argument == "--":
            break
        value = argv[at + 1] if argument == "--lang" and at + 1 < len(argv) else \
            argument.partition("=")[2] if argument.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def translated_message(message: str, translate: Translate) -> str:
    """One of argparse's error messages in the language of ``translate`` (its parts kept, and a nested
    message translated too); a message not of argparse's list stays as it is."""
    for template in MESSAGES:
        names = [match.group(1) or "" for match in _PLACEHOLDER.finditer(template)]
        pattern = "".join("(.*?)" if part is None else re.escape(part)
                          for part in _split(template))
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found is None:
            continue
        values = dict(zip(names, found.groups(), strict=True))
        if "message" in values:
            values["message"] = translated_message(values["message"], translate)
        return _fill(translate(CONTEXT, template), values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1) or "", match.group(0)), template)


def _split(template: str) -> list[str | None]:
    """The template's literal parts, with None where a placeholder stands."""
    parts: list[str | None] = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts += [template[last:match.start()], None]
        last = match.end()
    return [*parts, template[last:]]


class _Formatter(argparse.HelpFormatter):
    """Writes the help with every text of the parser translated: descriptions, each argument's help and
    name for its value, section headings and "usage:"."""

    translate: Translate
    values: dict[str, object]  # what a help's %(name)s stands for, beside argparse's own (%(default)s …)

    def _t(self, text: str | None) -> str | None:
        return self.translate(CONTEXT, text) if text else text

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix=self._t(USAGE) if prefix is None else prefix)

    def start_section(self, heading) -> None:
        super().start_section(self._t(heading))

    def add_text(self, text) -> None:
        super().add_text(self._t(text) if text is not argparse.SUPPRESS else text)

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help:
            action = _copy(action, help=self._t(action.help), **self.values)
        return super()._expand_help(action)

    def _metavar_formatter(self, action, default_metavar):
        if isinstance(action.metavar, str):
            action = _copy(action, metavar=self._t(action.metavar))
        return super()._metavar_formatter(action, default_metavar)


def _copy(action: argparse.Action, **changes: Any) -> argparse.Action:
    copied = argparse.Action.__new__(type(action))
    copied.__dict__.update(action.__dict__, **changes)
    return copied


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose texts are source text for ``translate``; its sub-commands are the same.

    Help texts given to ``add_argument`` and ``add_parser`` are English source text marked with
    ``QT_TRANSLATE_NOOP("CommandLine", ...)``; they are translated as the help is written.  A help may name
    one of ``help_values`` as ``%(name)s`` (a default the program keeps in a constant), as it names
    argparse's own ``%(default)s``.
    """

    def __init__(self, *args: Any, translate: Translate, add_help: bool = True,
                 help_values: Mapping[str, object] | None = None, **kwargs: Any) -> None:
        self.translate = translate
        self.help_values = dict(help_values or {})
        formatter = type("Formatter", (_Formatter,), {"translate": staticmethod(translate),
                                                      "values": self.help_values})
        super().__init__(*args, add_help=False, formatter_class=formatter, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def add_subparsers(self, **kwargs: Any):
        kwargs.setdefault("parser_class", _Sub(type(self), self.translate, self.help_values))
        return super().add_subparsers(**kwargs)

    def add_version(self, version: str) -> None:
        self.add_argument("--version", action="version", version=version, help=VERSION)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = self.translate(CONTEXT, ERROR) % {"prog": self.prog,
                                                 "message": translated_message(message, self.translate)}
        self.exit(2, text + "\n")


class _Sub:
    """Makes the sub-commands' parsers of the same class, language and help values as their parent."""

    def __init__(self, cls: type[Parser], translate: Translate, help_values: dict[str, object]) -> None:
        self.cls, self.translate, self.help_values = cls, translate, help_values

    def __call__(self, **kwargs: Any) -> Parser:
        return self.cls(translate=self.translate, help_values=self.help_values, **kwargs)
