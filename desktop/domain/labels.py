"""Stored codes and the words people see for them: each domain module registers its labels here once."""

from __future__ import annotations

import enum

from desktop.domain.text import clean_text
from desktop.errors import InvalidInput

# member -> English source text, translated by the UI in the ``desktop`` context
LABELS: dict[enum.Enum, str] = {}


class Labelled(enum.StrEnum):
    """A stored code with an English label the UI translates in the ``desktop`` context."""

    @property
    def label(self) -> str:
        return LABELS[self]

    @classmethod
    def parse(cls, value: str, *, field: str, message: str) -> Labelled:
        """The member whose code ``value`` is, or ``InvalidInput(message)`` ("Choose … from the list")."""
        try:
            return cls(clean_text(value))
        except ValueError:
            raise InvalidInput(message, field=field) from None
