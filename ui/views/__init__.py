"""The main window's areas, and how an area decides when to read its list."""

from __future__ import annotations

from collections.abc import Callable


class LoadsWhenShown:
    """Mixed into an area (before ``QWidget``): it reads nothing until it is first shown, and again when
    the tables it shows change.

    The window builds every area at sign-in, so an area starts stale and loads once when it comes up.
    A committed change to one of the tables it ``shows`` — made in another area, by the sync client
    applying a pulled page, by an import — reloads it at once when it is on screen, and otherwise when it
    is next shown.  ``reload`` keeps what the person typed or chose (search text, filters, the selected
    row).
    """

    _stale = True
    shows: frozenset[str] = frozenset()  # the tables whose changes this area shows
    reload: Callable[[], None]  # each area reads its list in its own ``reload``

    def follow_changes(self, context) -> None:
        """Refresh when a committed change touches what this area shows (call once, from ``__init__``)."""
        context.changes.changed.connect(self._changed)

    def _changed(self, tables: frozenset[str]) -> None:
        if self.shows & tables:
            self.refresh()

    def refresh(self) -> None:
        """Reload now if on screen, else when next shown."""
        if self.isVisible():  # type: ignore[attr-defined]
            self._load()
        else:
            self._stale = True

    def _load(self) -> None:
        self._stale = False
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._load()
