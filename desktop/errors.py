"""The one family of expected failures: each carries a message for people and, where it helps, the field."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.i18n import CONTEXT


class Term(str):
    """A message parameter that is itself source text to translate (a role or a level name)."""


def _fill(template: str, params: dict[str, object], translate) -> str:
    if translate:
        params = {k: translate(CONTEXT, v) if isinstance(v, Term) else v for k, v in params.items()}
    return template.format(**params)


class UserError(Exception):
    """An expected failure the user can act on.

    ``template`` is English source text marked for translation in the ``desktop`` context;
    ``params`` fill its ``{placeholders}`` after translation.  ``field`` names the form field at
    fault, ``rows`` lists row-level problems (for imports).
    """

    context = CONTEXT

    def __init__(self, template: str, *, field: str | None = None,
                 rows: list[RowProblem] | None = None, **params: object) -> None:
        self.template = template
        self.params = params
        self.field = field
        self.rows = rows or []
        super().__init__(self.text())

    def text(self, translate=None) -> str:
        """The message, translated by ``translate(context, text)`` when given."""
        template = translate(self.context, self.template) if translate else self.template
        try:
            return _fill(template, self.params, translate)
        except (KeyError, IndexError, ValueError):
            return _fill(self.template, self.params, None)

    def stored(self) -> str:
        """The message as kept to be shown later, in whatever language the interface speaks then."""
        import json  # not loaded on the way to the first window

        params = {name: {"term": value} if isinstance(value, Term) else value for name, value in self.params.items()}
        return json.dumps({"template": self.template, "params": params}, ensure_ascii=False, default=str)

    @staticmethod
    def from_stored(text: str) -> UserError | None:
        """The message ``stored`` kept, or None when ``text`` is not one."""
        import json

        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("template"), str) \
                or not isinstance(data.get("params", {}), dict):
            return None
        params = {name: Term(value["term"]) if isinstance(value, dict) and isinstance(value.get("term"), str)
                  else value for name, value in data.get("params", {}).items()}
        return UserError(data["template"], **params)


@dataclass(frozen=True)
class RowProblem:
    """One refused row of an import: its 1-based line number and why."""

    row: int
    template: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, translate=None) -> str:
        template = translate(CONTEXT, self.template) if translate else self.template
        return _fill(template, self.params, translate)


class PermissionDenied(UserError):
    pass


class InvalidInput(UserError):
    pass


class SignInRefused(UserError):
    pass


class StorageError(UserError):
    """The database cannot be used as it is; the app must not touch it."""


class DatabaseNewer(StorageError):
    pass


class DatabaseCorrupt(StorageError):
    pass


class DataFolderNotWritable(StorageError):
    pass


class Cancelled(Exception):
    """Long work stopped because the user asked; not an error."""
