"""Chinese resident ID numbers (GB 11643): the check character, the birth date, the old 15-digit form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.domain.text import clean_text, number_runs
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # ISO 7064 MOD 11-2: the check character for sum mod 11


@dataclass(frozen=True)
class IdNumber:
    """A checked ID number in its 18-character form, with what it says about the person."""

    number: str
    birth_date: date
    gender: str  # "male" or "female"


def check_character(first17: str) -> str:
    return _CHECK[sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate_id_number(value: str, *, field: str = "id_number") -> IdNumber:
    """Return the checked number (lower-case x made upper, 15 digits made 18), or raise ``InvalidInput``."""
    text = re.sub(r"\s", "", clean_text(value)).upper()
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the ID number."), field=field)
    if re.fullmatch(r"\d{15}", text):
        # The first-generation card: a two-digit year of the 1900s and no check character.
        first17 = text[:6] + "19" + text[6:]
        text = first17 + check_character(first17)
    elif not re.fullmatch(r"\d{17}[\dX]", text):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "An ID number has 18 characters: 17 digits, then a digit or X. \"{value}\" has "
            "{length}."), field=field, value=text, length=len(text))
    born = _birth_date(text[6:14])
    if born is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The ID number {value} holds no real birth date ({digits}). Check digits 7 to 14."),
            field=field, value=text, digits=text[6:14])
    if check_character(text[:17]) != text[17]:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The ID number {value} does not add up: its last character should be {expected}. "
            "Check each digit against the card."), field=field, value=text, expected=check_character(text[:17]))
    return IdNumber(text, born, "male" if int(text[16]) % 2 else "female")


def _birth_date(digits: str) -> date | None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    if born.year < 1900 or born > date.today():
        return None
    return born


def mask_id_number(number: str) -> str:
    """``220802199001011234`` → ``2208**********1234``: enough to tell people apart, not to misuse."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


_ID_DIGITS = re.compile(r"\d{17}[\dX]|\d{15}")


def find_id_numbers(text: str) -> list[str]:
    """The ID numbers written in free text (spaces, dashes and full-width digits do not hide one), as written."""
    return [run.written.strip() for run in number_runs(text) if _ID_DIGITS.fullmatch(run.digits)]


def hide_id_numbers(text: str) -> str:
    """``text`` with every ID number in it masked, for what is posted or printed in public (deeds, notices)."""
    for run in reversed([run for run in number_runs(text) if _ID_DIGITS.fullmatch(run.digits)]):
        text = text[:run.start] + mask_id_number(run.digits) + text[run.end:]
    return text
