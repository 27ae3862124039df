"""The colour legend above the timeline: which outlet (or article) each colour stands for."""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

TOOLTIP_ENTRIES = 40


class Legend(QWidget):
    """One row of colour swatches and names; what does not fit is counted ("+N more").

    Clicking a name emits ``clicked(name)`` (the window filters by that outlet).
    """

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Colour legend")
        self._entries: list[tuple[str, QColor]] = []
        self._hits: list[tuple[QRectF, str]] = []  # where each shown name was painted
        self._chosen: str | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_entries(self, entries: dict[str, QColor]) -> None:
        self._entries = list(entries.items())
        shown = self._entries[:TOOLTIP_ENTRIES]
        more = len(self._entries) - len(shown)
        tip = "Click a name to show only its events<br>"
        lines = [f"<span style='color:{c.name()}'>■</span> {html.escape(k)}" for k, c in shown]
        self.setToolTip(tip + "<br>".join(lines) + (f"<br>… and {more} more" if more else ""))
        self.setAccessibleDescription("; ".join(k for k, _ in shown))
        self.update()

    def set_chosen(self, name: str | None) -> None:
        """Show ``name`` as the outlet being filtered by (the others fade); None: no filter."""
        self._chosen = name
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
        self._hits = []
        for index, (name, color) in enumerate(self._entries):
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 220)
            needed = 16 + metrics.horizontalAdvance(label) + 18
            rest = len(self._entries) - index
            if x + needed > width - 80 and rest > 1:
                painter.setOpacity(1.0)
                painter.drawText(QRectF(x, y, 80, h), Qt.AlignmentFlag.AlignLeft, f"+{rest} more")
                break
            painter.setOpacity(1.0 if self._chosen in (None, name) else 0.35)
            painter.fillRect(QRectF(x, y + h / 2 - 5, 10, 10), color)
            painter.drawText(QRectF(x + 16, y, needed, h), Qt.AlignmentFlag.AlignLeft, label)
            if name == self._chosen:
                painter.drawLine(QPointF(x + 16, y + h), QPointF(x + needed - 18, y + h))
            self._hits.append((QRectF(x, 0, needed, self.height()), name))
            x += needed
        painter.end()

    def name_at(self, x: float, y: float) -> str | None:
        """The outlet whose swatch or name was painted at (x, y), if any."""
        return next((name for rect, name in self._hits if rect.contains(x, y)), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        name = self.name_at(event.position().x(), event.position().y())
        if name is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(name)
