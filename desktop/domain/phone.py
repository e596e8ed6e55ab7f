"""Mainland China phone numbers: mobiles (11 digits from 13–19) and landlines with an area code."""

from __future__ import annotations

import re
from datetime import date

from desktop.domain.text import clean_text, number_runs
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes are 010 and 020–029 (three digits) or 0 + 300–999 (four); no other split is right.
_LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d\d))(\d{7,8})")


def normalise_phone(value: str, *, field: str = "phone") -> str:
    """Return the number in a standard form (``13912345678`` or ``0436-3212345``), or raise."""
    text = clean_text(value)
    digits = re.sub(r"[\s\-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if _MOBILE.fullmatch(digits):
        return digits
    landline = _LANDLINE.fullmatch(digits)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "desktop",
        "\"{value}\" is not a phone number. Enter an 11-digit mobile number (13912345678) or a "
        "landline with its area code (0436-3212345)."), field=field, value=text)


def mask_phone(phone: str) -> str:
    """``13912345678`` → ``139****5678``; a landline keeps its area code and last four digits."""
    area, dash, local = phone.rpartition("-")
    if dash:  # landline 0436-3212345: the area code says little, the local number is hidden but its end
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}" if len(local) > 4 else phone
    if len(phone) < 8:
        return phone
    return phone[:-8] + "****" + phone[-4:]


_AREA_AND_NUMBER = re.compile(r"0(?:10|2\d|[3-9]\d\d)\d{7,8}")


def find_phone_numbers(text: str) -> list[str]:
    """The phone numbers written in free text, as written: mobiles, landlines with their area code, and a
    local number of 7 or 8 digits (one that reads as a date, 20261129, is a date)."""
    found = []
    for run in number_runs(text):
        digits = run.digits
        if _MOBILE.fullmatch(digits) or _AREA_AND_NUMBER.fullmatch(digits) or (
                len(digits) in (7, 8) and digits.isdigit() and not _reads_as_date(digits)):
            found.append(run.written.strip())
    return found


def _reads_as_date(digits: str) -> bool:
    if len(digits) != 8:
        return False
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True
