"""Qt item models over the core :class:`~timeline_app.core.timeline.Timeline`.

:class:`EventTableModel` lists merged events (date, title, article) in timeline order; the view
and the list share it, so selection is one thing. :class:`EventFilterModel` shows the events
an :class:`~timeline_app.core.filters.EventFilter` accepts (text, outlet, date range).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from timeline_app.core import labels
from timeline_app.core.filters import EventFilter
from timeline_app.core.timeline import Timeline, TimelineEvent
from timeline_app.ui import long_lived

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
# "1" for a row the model's filter accepts: the proxy filters on this role with a fixed
# pattern instead of overriding filterAcceptsRow, which Qt would call into Python for every row
# of every reset, even with no filter set (40 ms for 30,000 rows)
ACCEPTED_ROLE = Qt.ItemDataRole.UserRole + 2
TOOLTIP_SOURCES = 12  # sources named in a row's tooltip; the rest are counted
_Index = QModelIndex | QPersistentModelIndex


def date_label(event: TimelineEvent) -> str:
    """A compact human label of an event's date: '2020', 'Q1 2020', 'late Sep 2020'."""
    return labels.date_label(event.primary.event.date)


def source_lines(event: TimelineEvent) -> str:
    """The titles of an event's articles, one bulleted line each, for a tooltip (the first
    few: an event in the news for weeks has hundreds)."""
    lines = "\n".join(f"• {s.article.title}" for s in event.sources[:TOOLTIP_SOURCES])
    more = len(event.sources) - TOOLTIP_SOURCES
    return lines + (f"\n… and {more} more" if more > 0 else "")


class EventTableModel(QAbstractTableModel):
    """Rows are timeline events in timeline order; columns: date, title, article."""

    HEADERS = ("Date", "Event", "Article")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[TimelineEvent] = []
        self.timeline = Timeline()
        self.accepts: EventFilter = EventFilter()  # answers ACCEPTED_ROLE

    def set_timeline(self, timeline: Timeline) -> None:
        """Replace the model's contents (the old ones are freed off the GUI thread)."""
        long_lived.release_later(self._events, self.timeline.results)
        self.beginResetModel()
        self.timeline = timeline
        self._events = list(timeline.events)
        self.endResetModel()

    def event_at(self, row: int) -> TimelineEvent | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def events(self) -> list[TimelineEvent]:
        return list(self._events)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.event_at(index.row()) if index.isValid() else None
        if event is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return date_label(event)
            if column == 1:
                return event.title + (" ⚠" if event.conflict else "")
            more = len(event.sources) - 1  # an event in the news for weeks has hundreds
            return event.sources[0].article.title + (f" (+{more})" if more else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            d = event.primary.event.date
            return f"“{d.text}” → {d.earliest} … {d.latest}\n{event.title}\n{source_lines(event)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{date_label(event)}: {event.title}"
        if role == EVENT_ROLE:
            return event
        if role == ACCEPTED_ROLE:
            return "1" if self.accepts.matches(event) else "0"
        return None


class EventFilterModel(QSortFilterProxyModel):
    """Shows the events an :class:`~timeline_app.core.filters.EventFilter` accepts.

    The filter lives in the source :class:`EventTableModel` (its ``ACCEPTED_ROLE``); with no
    active filter the pattern is empty and Qt accepts every row without asking Python."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = EventFilter()
        self._active = False  # whether the filter hides anything (asked once, not per row)
        self.setFilterRole(ACCEPTED_ROLE)
        self.setFilterKeyColumn(0)

    def event_filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, event_filter: EventFilter) -> None:
        if event_filter == self._filter:
            return
        source = self.sourceModel()
        if not isinstance(source, EventTableModel):
            raise TypeError("EventFilterModel filters an EventTableModel")
        self._filter, self._active = event_filter, event_filter.active()
        source.accepts = event_filter
        pattern = "1" if self._active else ""
        if pattern != self.filterRegularExpression().pattern():
            self.setFilterFixedString(pattern)  # refilters
        elif self._active:
            self.invalidate()  # another filter, same pattern: ask every row again

    def is_filtering(self) -> bool:
        return self._active
