"""Layouts that fit a small screen at a large text size: rows that wrap, and long forms that scroll."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """A row of buttons or filters that goes on in a second line when the width runs out.

    It takes what a ``QHBoxLayout`` row takes: ``addWidget(widget, stretch)`` and ``addStretch()``. On each
    line, the room left over goes to the widgets given a stretch (a search box) and to the stretches, so a
    stretch before the last widgets puts them on the right, as in a box layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretches: list[int] = []
        self.setContentsMargins(0, 0, 0, 0)

    # -- what a QHBoxLayout row offers ---------------------------------------------------------

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # type: ignore[override]
        self.addChildWidget(widget)
        self._add(QWidgetItem(widget), stretch)

    def addStretch(self, stretch: int = 1) -> None:
        self._add(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum), max(stretch, 1))

    def insertWidget(self, index: int, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        index = len(self._items) if index < 0 else index
        self._items.insert(index, QWidgetItem(widget))
        self._stretches.insert(index, stretch)
        self.invalidate()

    def _add(self, item: QLayoutItem, stretch: int) -> None:
        self._items.append(item)
        self._stretches.append(stretch)
        self.invalidate()

    # -- QLayout -------------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._add(item, 0)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretches.pop(index)
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> QtCore.Qt.Orientation:
        return QtCore.Qt.Orientation.Horizontal if any(self._stretches) else QtCore.Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        """All on one line, as a box layout would be."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap(QtCore.Qt.Orientation.Horizontal) * max(
            len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing -------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self, orientation: QtCore.Qt.Orientation) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 6
        pixel = QtWidgets.QStyle.PixelMetric
        metric = (pixel.PM_LayoutHorizontalSpacing if orientation == QtCore.Qt.Orientation.Horizontal
                  else pixel.PM_LayoutVerticalSpacing)
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in lines within ``rect`` (only measuring unless ``place``); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        across, down = self._gap(QtCore.Qt.Orientation.Horizontal), self._gap(QtCore.Qt.Orientation.Vertical)
        lines: list[list[tuple[QLayoutItem, int, int]]] = [[]]  # (item, width, stretch) per line
        used = 0  # the width the widgets of the last line take
        for item, stretch in zip(self._items, self._stretches, strict=True):
            if item.spacerItem() is not None:
                lines[-1].append((item, 0, stretch))
                continue
            if item.isEmpty():
                continue  # a hidden widget
            least = item.minimumSize().width()
            width = min(max(item.sizeHint().width(), least), max(area.width(), least))
            started = any(entry[0].spacerItem() is None for entry in lines[-1])
            if started and used + across + width > area.width():
                lines.append([])
                started = False
            used = used + across + width if started else width
            lines[-1].append((item, width, stretch))
        y = area.y()
        for line in lines:
            widgets = [entry for entry in line if entry[0].spacerItem() is None]
            if not widgets:
                continue
            height = max(item.sizeHint().height() for item, _w, _s in widgets)
            if place:
                self._place_line(line, area, y, height, across)
            y += height + down
        return max(y - down - area.y(), 0) + margins.top() + margins.bottom()

    @staticmethod
    def _place_line(line: list[tuple[QLayoutItem, int, int]], area: QRect, y: int, height: int,
                    across: int) -> None:
        widgets = [entry for entry in line if entry[0].spacerItem() is None]
        used = sum(width for _item, width, _s in widgets) + across * (len(widgets) - 1)
        spare = max(area.width() - used, 0)
        weight = sum(stretch for _item, _width, stretch in line)
        x = area.x()
        first = True
        for item, width, stretch in line:
            extra = spare * stretch // weight if weight else 0
            if item.spacerItem() is not None:
                x += extra
                continue
            if not first:
                x += across
            first = False
            item_height = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
            if item.expandingDirections() & QtCore.Qt.Orientation.Vertical:
                item_height = height
            top = y + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width + extra, item_height)))
            x += width + extra


def pair(*widgets: QWidget) -> QWidget:
    """Widgets that belong together (a caption and its choice) as one, so a wrapping row keeps them on
    one line."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box


class _Scrolling(QScrollArea):
    """Asks for the room its content asks for (a plain QScrollArea asks for no more than about 24 lines), and
    again whenever its content changes."""

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return content.sizeHint() + QSize(frame + self.verticalScrollBar().sizeHint().width(), frame)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls up and down when the window is too low for it (a long
    form at a large text size). Its rows wrap rather than make it scroll sideways."""
    area = _Scrolling()
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


def scrolling_part(layout: QBoxLayout, *, stretch: int = 1) -> QVBoxLayout:
    """The rest of ``layout`` as a part that scrolls when the window is too low for it (below an area's
    heading, say): returns the layout to fill. With ``stretch`` it takes the room left, as a list would;
    without, it takes what its content asks for, and what ``layout`` gets next follows right below it."""
    content = QWidget()
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scrolling(content), stretch)
    return inner


def least_height(widget: QWidget, width: int) -> int:
    """The height ``widget``'s content needs at ``width``: its rows as they wrap there, each part at its least."""
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalMinimumHeightForWidth(width)
    return widget.minimumSizeHint().height()


class PageTabs(QTabWidget):
    """Tabs whose pages each keep a row of buttons in sight below a part that scrolls (a list, a form). The
    height they need at a width is their tallest page's least height there; a plain QTabWidget answers with
    what its pages' lists would like, and an area of them would not fit a small screen at a large text size."""

    def heightForWidth(self, width: int) -> int:
        pages = [self.widget(index) for index in range(self.count())]
        if not pages:
            return super().heightForWidth(width)
        least = self.minimumSizeHint()
        widest = max(page.minimumSizeHint().width() for page in pages)
        tallest = max(page.minimumSizeHint().height() for page in pages)
        inner = max(width - (least.width() - widest), 0)  # less the tab widget's frame
        return least.height() - tallest + max(least_height(page, inner) for page in pages)
