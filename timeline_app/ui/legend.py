"""The colour legend above the timeline: which outlet (or article) each colour stands for."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

TOOLTIP_ENTRIES = 40


class Legend(QWidget):
    """One row of colour swatches and names; what does not fit is counted ("+N more")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Colour legend")
        self._entries: list[tuple[str, QColor]] = []

    def set_entries(self, entries: dict[str, QColor]) -> None:
        self._entries = list(entries.items())
        shown = self._entries[:TOOLTIP_ENTRIES]
        more = len(self._entries) - len(shown)
        self.setToolTip("<br>".join(f"<span style='color:{c.name()}'>■</span> {html.escape(k)}"
                                    for k, c in shown) + (f"<br>… and {more} more" if more else ""))
        self.setAccessibleDescription("; ".join(k for k, _ in shown))
        self.update()

    def entries(self) -> list[str]:
        return [k for k, _ in self._entries]

    def sizeHint(self) -> QSize:
        return QSize(400, int(QFontMetricsF(self.font()).height() + 8))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = QFontMetricsF(self.font())
        x, y, h = 8.0, 4.0, metrics.height()
        width = self.width()
        painter.setPen(self.palette().text().color())
        for index, (name, color) in enumerate(self._entries):
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 220)
            needed = 16 + metrics.horizontalAdvance(label) + 18
            rest = len(self._entries) - index
            if x + needed > width - 80 and rest > 1:
                painter.drawText(QRectF(x, y, 80, h), Qt.AlignmentFlag.AlignLeft, f"+{rest} more")
                break
            painter.fillRect(QRectF(x, y + h / 2 - 5, 10, 10), color)
            painter.drawText(QRectF(x + 16, y, needed, h), Qt.AlignmentFlag.AlignLeft, label)
            x += needed
        painter.end()
