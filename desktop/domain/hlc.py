"""Hybrid logical clock stamps: ordered like time, but never going backwards when the PC clock does.

A stamp is ``(wall_ms, counter, node)``; its text form sorts the same way as the tuple, so it can
be stored in a column and compared as a string.  The node (the station id) breaks ties.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        wall, counter, node = text.split("-", 2)
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not node:
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(wall), int(counter), node)


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


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
        """The PC's time, corrected by the offset learnt from the server."""
        return self._physical_ms() + self.offset_ms

    def now(self) -> Stamp:
        physical = self.physical_ms()
        last = self.last
        if last is None or physical > last.wall_ms:
            stamp = Stamp(physical, 0, self.node)
        else:
            stamp = Stamp(last.wall_ms, last.counter + 1, self.node)
        self.last = stamp
        return stamp

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp seen from another node, so later local stamps order after it."""
        if self.last is None or (remote.wall_ms, remote.counter) > (self.last.wall_ms, self.last.counter):
            self.last = Stamp(remote.wall_ms, remote.counter, self.node)
