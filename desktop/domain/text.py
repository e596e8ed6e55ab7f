"""Cleaning what people type or paste: full-width digits and letters, stray and ideographic spaces; numbers
written in free text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width digits and Latin letters (as typed with a Chinese input method) become ASCII; Chinese
# punctuation such as （，：） is left as it is, because it belongs in names, addresses and notices.
_FULL_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B))}
_FULL_WIDTH[0x3000] = ord(" ")  # the ideographic space
_FULL_WIDTH[0xFF0B] = ord("+")
_FULL_WIDTH[0xFF0D] = ord("-")
_FULL_WIDTH[0xFF0E] = ord(".")
_FULL_WIDTH[0xFF20] = ord("@")
# Control characters a paste can carry (NUL above all) mean nothing in a name or a note and no database
# stores them all: they go.  Tabs and line breaks stay.
_FULL_WIDTH.update(dict.fromkeys((*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)))


def clean_text(value: str | None) -> str:
    """Make full-width digits and letters ASCII, drop control characters and trim spaces of every kind at
    both ends."""
    if value is None:
        return ""
    return str(value).translate(_FULL_WIDTH).strip()


def compact_text(value: str | None) -> str:
    """``clean_text`` with every space inside removed too: for comparing what people typed."""
    return "".join(clean_text(value).split())


# A number as people write it in free text: digits (full-width too), with spaces or dashes between groups,
# perhaps ending in X (an ID number's check character).
_NUMBER_RUN = re.compile(r"(?<![0-9０-９])[0-9０-９](?:[0-9０-９ \-－—]*[0-9０-９XxＸｘ])?")
_NARROW = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX", " -－—")


@dataclass(frozen=True)
class NumberRun:
    """A number found in free text: where it stands, as written, and its digits (an X upper-cased)."""

    start: int
    end: int
    written: str
    digits: str


def number_runs(text: str) -> list[NumberRun]:
    """Every number written in ``text``, so ID numbers and phone numbers are found however they were typed."""
    return [NumberRun(found.start(), found.end(), found.group(0), found.group(0).upper().translate(_NARROW))
            for found in _NUMBER_RUN.finditer(text)]
