"""The station's days: records are made on the date of the village's own calendar, not of Greenwich."""

from __future__ import annotations

from datetime import UTC, date, datetime


def local_day(moment: datetime) -> date:
    """The date on this PC's calendar of ``moment`` (stored times are naive UTC): at 07:00 in Baicheng on
    29 November it is still the 28th in UTC, and an activity of the 29th is today's."""
    return moment.replace(tzinfo=UTC).astimezone().date()
