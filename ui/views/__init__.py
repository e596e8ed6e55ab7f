"""The main window's areas, and how an area decides when to read its list."""

from __future__ import annotations

from collections.abc import Callable


class LoadsWhenShown:
    """Mixed into an area (before ``QWidget``): it reads nothing until it is first shown.

    The window builds every area at sign-in, so an area starts stale and loads once when it comes up.
    A sync that changed records reloads it at once when it is on screen, and otherwise marks it stale.
    Leaving the area marks it stale too: work in another area (a closed activity, a new team member)
    changes what it shows, so it is read again when it comes back.  ``reload`` keeps what the person
    typed or chose (search text, filters, the selected row).
    """

    _stale = True
    reload: Callable[[], None]  # each area reads its list in its own ``reload``

    def follow_records(self, context) -> None:
        """Refresh when a sync brings changes (call once, from ``__init__``)."""
        context.app.sync.records_changed.connect(self.refresh)

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

    def hideEvent(self, event) -> None:
        super().hideEvent(event)  # type: ignore[misc]
        if not event.spontaneous():  # the window minimised is not the person leaving the area
            self._stale = True
