"""Hybrid logical clock stamps: ordered like time, but never going backwards when the PC clock does.

A stamp is ``(wall_ms, counter, node)``; its text form sorts the same way as the tuple, so it can
be stored in a column and compared as a string.  The node (the station id) breaks ties.

No stamp may poison a clock: a stamp further ahead of the (corrected) clock than ``MAX_AHEAD_MS``
is not observed, the counter spills into the milliseconds instead of outgrowing its digits, and the
city server refuses such stamps (docs/sync-protocol.md §3).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6
MAX_WALL_MS = 10**_WALL_DIGITS - 1
MAX_COUNTER = 10**_COUNTER_DIGITS - 1
# Nodes are station ids (UUIDs) or the city server's own name: plain ASCII, bounded.
NODE_PATTERN = r"[A-Za-z0-9._:-]{1,64}"
_STAMP = re.compile(rf"([0-9]{{{_WALL_DIGITS}}})-([0-9]{{{_COUNTER_DIGITS}}})-({NODE_PATTERN})")
# How far ahead of the city server's clock a stamp may be: a PC whose clock is wrong by more is told so,
# and no station moves its clock that far for a record it pulls.
MAX_AHEAD_MS = 24 * 3_600_000
# No real stamp is later than this (2200-01-01): one that is was made by a broken clock or to do harm.
LATEST_BELIEVABLE_MS = 7_258_118_400_000


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __post_init__(self) -> None:
        if not (0 <= self.wall_ms <= MAX_WALL_MS and 0 <= self.counter <= MAX_COUNTER):
            raise ValueError("a clock stamp's time or counter is out of range")

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def parse(cls, text: object) -> Stamp:
        found = _STAMP.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise ValueError("not a clock stamp")
        return cls(int(found[1]), int(found[2]), found[3])


def is_stamp(text: object) -> bool:
    """Whether ``text`` is a clock stamp in its text form."""
    return isinstance(text, str) and _STAMP.fullmatch(text) is not None


def stamp_wall_ms(text: str) -> int:
    """The milliseconds of a stamp's text form (which must be a stamp)."""
    return int(text[:_WALL_DIGITS])


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


# How far a PC's clock may differ from the city server's and still be trusted as it is.  An offset learnt
# at a sync is measured across a request, so its last few hundred milliseconds are the request's own time:
# following them would only make two PCs that agree disagree by that much.  A PC minutes or years off is
# corrected.
TRUSTED_DRIFT_MS = 2_000


class HybridClock:
    """Issues strictly increasing stamps for one node.

    ``last`` is the newest stamp this node has issued or seen; the caller persists it so the
    order survives restarts and a clock that jumps backwards.
    """

    def __init__(self, node: str, last: Stamp | None = None,
                 physical_ms: Callable[[], int] = wall_clock_ms) -> None:
        self.node = node
        self.last = last
        self._physical_ms = physical_ms
        # The city server's time minus the PC's, learnt at each sync, so stamps follow the corrected time.
        self.offset_ms = 0

    def pc_ms(self) -> int:
        """The PC's own time, uncorrected."""
        return self._physical_ms()

    def physical_ms(self) -> int:
        """The PC's time, corrected by the offset learnt from the server when it is more than a request's
        own time could explain (``TRUSTED_DRIFT_MS``)."""
        offset = self.offset_ms
        return self._physical_ms() + (offset if abs(offset) > TRUSTED_DRIFT_MS else 0)

    def horizon_ms(self) -> int:
        """The furthest a stamp may be ahead of this clock and still be believed."""
        return self.physical_ms() + MAX_AHEAD_MS

    def now(self) -> Stamp:
        physical = self.physical_ms()
        last = self.last
        if last is None or physical > last.wall_ms:
            stamp = Stamp(min(max(physical, 0), MAX_WALL_MS), 0, self.node)
        elif last.counter < MAX_COUNTER:
            stamp = Stamp(last.wall_ms, last.counter + 1, self.node)
        else:
            # A million stamps in one millisecond (or a clock held up by an old stamp): spill into the next.
            stamp = Stamp(last.wall_ms + 1, 0, self.node)
        self.last = stamp
        return stamp

    def observe(self, remote: Stamp) -> bool:
        """Move past a stamp seen from another node, so later local stamps order after it.

        A stamp beyond ``horizon_ms`` is not believed and leaves the clock where it is (returns False).
        """
        if remote.wall_ms > self.horizon_ms():
            return False
        if self.last is None or (remote.wall_ms, remote.counter) > (self.last.wall_ms, self.last.counter):
            self.last = Stamp(remote.wall_ms, remote.counter, self.node)
        return True

    def rewind(self) -> None:
        """Forget stamps issued beyond the horizon (the city server refused them as too far ahead), so
        the next stamps follow the corrected time again."""
        if self.last is not None and self.last.wall_ms > self.horizon_ms():
            self.last = None
