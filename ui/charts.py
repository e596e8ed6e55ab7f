"""The app's one kind of chart: bars of one or a few series, painted with Qt, in the screen's own font and colours.

Upright bars stand side by side under their labels (hours per month, goods in and out by month); lying bars are
stacked, one under its label on each line (households sponsored and waiting per project, stock per category).
A legend names the series when there is more than one.  Nothing beyond Qt is bundled for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

RED = QColor("#c0392b")
GREY = QColor("#bdc3c7")
BLUE = QColor("#2e6da4")


@dataclass(frozen=True)
class Series:
    name: str
    color: QColor


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[float, ...]  # one per series


def _figure(value: float) -> str:
    return f"{value:g}"


class BarChart(QWidget):
    """Bars of ``series`` (see the module's text).  ``figure`` writes a value over an upright bar; ``row_figure``
    writes a lying bar's values after it."""

    def __init__(self, series: Sequence[Series], *, name: str, tip: str = "", lying: bool = False,
                 figure: Callable[[float], str] = _figure,
                 row_figure: Callable[[Sequence[float]], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.series = list(series)
        self.lying = lying
        self.figure = figure
        self.row_figure = row_figure or (lambda values: _figure(sum(values)))
        self.bars: list[Bar] = []
        if tip:
            self.setToolTip(tip)
        if not lying:
            self.setMinimumHeight(160)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def values(self, series: int = 0) -> list[float]:
        """One series' values, bar by bar."""
        return [bar.values[series] for bar in self.bars]

    def _line(self) -> int:
        return self.fontMetrics().height()

    def _legend_lines(self) -> int:
        return 1 if len(self.series) > 1 else 0

    def sizeHint(self) -> QSize:
        if self.lying:
            return QSize(480, self._line() * (self._legend_lines() + 0.5 + 2 * max(len(self.bars), 4)))
        return QSize(480, 180 + self._line() * self._legend_lines())

    def minimumSizeHint(self) -> QSize:
        if self.lying:
            return QSize(160, self.sizeHint().height())
        return QSize(160, 160)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        top = self._legend(painter, text)
        if self.lying:
            self._paint_lying(painter, text, top)
        else:
            self._paint_upright(painter, text, top)
        painter.end()

    def _legend(self, painter: QPainter, text: QColor) -> float:
        if len(self.series) < 2:
            return 0.0
        line, metrics, x = self._line(), painter.fontMetrics(), 0.0
        for series in self.series:
            painter.fillRect(QRectF(x, line * 0.25, line * 0.7, line * 0.7), series.color)
            painter.setPen(text)
            painter.drawText(QRectF(x + line, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, series.name)
            x += line * 2 + metrics.horizontalAdvance(series.name)
        return line * 1.5

    def _paint_upright(self, painter: QPainter, text: QColor, top: float) -> None:
        label_height = painter.fontMetrics().height() + 4
        area = QRectF(self.rect()).adjusted(8, top + label_height, -8, -label_height)
        most = max((value for bar in self.bars for value in bar.values), default=0.0) or 1.0
        slot = area.width() / max(len(self.bars), 1)
        width = slot * 0.7 / max(len(self.series), 1)
        for number, bar in enumerate(self.bars):
            x = area.left() + slot * number
            for index, (series, value) in enumerate(zip(self.series, bar.values, strict=False)):
                height = area.height() * max(value, 0.0) / most
                shape = QRectF(x + slot * 0.15 + width * index, area.bottom() - height, width, height)
                painter.fillRect(shape, series.color)
                if value and len(self.series) == 1:
                    painter.setPen(text)
                    painter.drawText(QRectF(x, shape.top() - label_height, slot, label_height),
                                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.figure(value))
            painter.setPen(text)
            painter.drawText(QRectF(x, area.bottom() + 2, slot, label_height), Qt.AlignmentFlag.AlignHCenter,
                             bar.label)

    def _paint_lying(self, painter: QPainter, text: QColor, top: float) -> None:
        line, metrics, width = self._line(), painter.fontMetrics(), self.width()
        most = max((sum(max(v, 0.0) for v in bar.values) for bar in self.bars), default=0.0) or 1.0
        figure_room = metrics.horizontalAdvance("0000 / 0000") + line
        bar_room = max(width - figure_room, line)
        y = top
        for bar in self.bars:
            painter.setPen(text)
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, width))
            y += line
            x = 0.0
            for series, value in zip(self.series, bar.values, strict=False):
                length = bar_room * max(value, 0.0) / most
                painter.fillRect(QRectF(x, y + line * 0.15, length, line * 0.7), series.color)
                x += length
            painter.setPen(text)
            painter.drawText(QRectF(x + line * 0.4, y, figure_room, line), Qt.AlignmentFlag.AlignLeft,
                             self.row_figure(bar.values))
            y += line
