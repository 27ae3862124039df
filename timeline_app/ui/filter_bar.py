"""The filter row above the event list: search text, outlet and date range.

It turns its controls into one :class:`~timeline_app.core.filters.EventFilter` and emits
``changed`` with it; the window applies it to the list and the timeline together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from timeline_app.core.filters import EventFilter, parse_bound

ALL_OUTLETS = "All outlets"


class _OutletBox(QComboBox):
    """A combo box that asks for its outlets when it opens: listing hundreds of outlets on
    every timeline update, while a folder loads, would cost the GUI thread for nothing."""

    def __init__(self, refresh: Callable[[], None]) -> None:
        super().__init__()
        self._refresh = refresh

    def showPopup(self) -> None:
        self._refresh()
        super().showPopup()


class FilterBar(QWidget):
    """Search box, outlet chooser and from/to date fields; ``changed(EventFilter)``."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search events")
        self._outlet_source: Callable[[], list[tuple[str, int]]] = list
        self.outlet = _OutletBox(self.refresh_outlets)
        self.outlet.setAccessibleName("Outlet filter")
        self.outlet.setToolTip("Show the events of one outlet (or click its name in the legend)")
        self.outlet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outlet.setMinimumContentsLength(12)
        self.outlet.addItem(ALL_OUTLETS, None)
        self.date_from = self._date_field("from", "Show events on or after this date")
        self.date_to = self._date_field("to", "Show events on or before this date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.outlet, 2)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        self.search.textChanged.connect(self._emit)
        self.outlet.currentIndexChanged.connect(self._emit)
        self.date_from.textChanged.connect(self._emit)
        self.date_to.textChanged.connect(self._emit)
        self._filter = EventFilter()

    def _date_field(self, word: str, tip: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(f"{word.capitalize()} (YYYY-MM-DD)")
        field.setClearButtonEnabled(True)
        field.setAccessibleName(f"Date {word}")
        field.setToolTip(f"{tip}: a year, YYYY-MM or YYYY-MM-DD")
        width = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 44
        field.setMinimumWidth(width)
        field.setMaximumWidth(width)
        return field

    # ------------------------------------------------------------------ state
    def event_filter(self) -> EventFilter:
        return self._filter

    def set_outlet_source(self, source: Callable[[], list[tuple[str, int]]]) -> None:
        """Where the outlet list (name, event count) comes from when the chooser opens."""
        self._outlet_source = source

    def refresh_outlets(self) -> None:
        self.set_outlets(self._outlet_source())

    def set_outlets(self, outlets: list[tuple[str, int]]) -> None:
        """Offer these outlets (name, event count); the chosen one stays chosen if still there."""
        chosen = self.outlet.currentData()
        with QSignalBlocker(self.outlet):
            self.outlet.clear()
            self.outlet.addItem(ALL_OUTLETS, None)
            for name, count in outlets:
                self.outlet.addItem(f"{name} ({count})", name)
            index = self.outlet.findData(chosen) if chosen is not None else 0
            if index < 0:  # the outlet is gone: keep filtering by it, so nothing jumps
                self.outlet.addItem(f"{chosen} (0)", chosen)
                index = self.outlet.count() - 1
            self.outlet.setCurrentIndex(index)

    def choose_outlet(self, name: str | None) -> None:
        """Filter by outlet ``name``; choosing the one already chosen (or None) shows all."""
        if name is None or self.outlet.currentData() == name:
            self.outlet.setCurrentIndex(0)
            return
        index = self.outlet.findData(name)
        if index < 0:
            self.outlet.addItem(name, name)
            index = self.outlet.count() - 1
        self.outlet.setCurrentIndex(index)

    def clear(self) -> bool:
        """Reset every control; False when there was nothing to clear."""
        if not self._filter.active() and not (self.date_from.text() or self.date_to.text()):
            return False
        for field in (self.search, self.date_from, self.date_to):
            with QSignalBlocker(field):
                field.clear()
            self._mark(field, True)
        with QSignalBlocker(self.outlet):
            self.outlet.setCurrentIndex(0)
        self._emit()
        return True

    # ------------------------------------------------------------------ internals
    def _bound(self, field: QLineEdit, *, end: bool) -> tuple[bool, date | None]:
        text = field.text().strip()
        if not text:
            return True, None
        when = parse_bound(text, end=end)
        return when is not None, when

    def _mark(self, field: QLineEdit, valid: bool) -> None:
        palette = field.palette()
        role = QPalette.ColorRole.Text
        palette.setColor(role, self.palette().color(role) if valid else QColor("#c62828"))
        field.setPalette(palette)
        field.setProperty("invalid", not valid)

    def _emit(self) -> None:
        ok_from, start = self._bound(self.date_from, end=False)
        ok_to, end = self._bound(self.date_to, end=True)
        if start is not None and end is not None and end < start:
            ok_to, end = False, None  # an empty range is a typo, not a filter
        self._mark(self.date_from, ok_from)
        self._mark(self.date_to, ok_to)
        outlet = self.outlet.currentData()
        new = EventFilter(
            text=self.search.text(),
            outlets=frozenset([outlet]) if outlet is not None else None,
            start=start if ok_from else None,
            end=end if ok_to else None,
        )
        if new != self._filter:
            self._filter = new
            self.changed.emit(new)
