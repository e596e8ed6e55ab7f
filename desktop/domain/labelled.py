"""Stored codes that carry their own words: the base of the enumerations whose members people see by a label."""

from __future__ import annotations

import enum

from desktop.domain.text import clean_text
from desktop.errors import InvalidInput

# (enumeration, code) -> English source text, translated by the UI in the ``desktop`` context.  Keyed by the
# enumeration too: a published nomination and a published wish share the code "published", not the words.
_LABELS: dict[tuple[type, str], str] = {}


def register_labels(labels: list[tuple[Labelled, str]]) -> None:
    """Give each member its words (once, where the enumeration is declared).  Pairs, not a dict: two
    enumerations' members with one code are equal keys, and a dict literal would keep only one of them."""
    _LABELS.update({(type(member), member.value): text for member, text in labels})


class Labelled(enum.StrEnum):
    """A stored code with an English label the UI translates in the ``desktop`` context."""

    @property
    def label(self) -> str:
        return _LABELS[type(self), self.value]

    @classmethod
    def parse(cls, value: str, *, field: str, message: str) -> Labelled:
        """The member whose code ``value`` is, or ``InvalidInput(message)`` ("Choose … from the list")."""
        try:
            return cls(clean_text(value))
        except ValueError:
            raise InvalidInput(message, field=field) from None
