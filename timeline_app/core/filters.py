"""Which timeline events to show: text, outlet and date-range filters (no Qt).

The event list and the timeline view share one :class:`EventFilter`, so they always show the same
events. A filter is an immutable value: the UI builds a new one whenever a control changes.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline_app.core.ingest import outlet_of
from timeline_app.core.timeline import TimelineEvent

__all__ = ["EventFilter", "outlet_counts", "outlet_of", "parse_bound"]


def parse_bound(text: str, *, end: bool = False) -> date | None:
    """'2021', '2021-02' or '2021-02-05' (also with '/') as the first day it names, or the last
    day with ``end=True``; None when ``text`` is not such a date."""
    parts = text.strip().replace("/", "-").split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    year, month, day = (int(p) for p in parts + ["0"] * (3 - len(parts)))
    try:
        if len(parts) == 1:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class EventFilter:
    """Show events whose text contains ``text`` (case-insensitive), reported by one of
    ``outlets`` (None: any), and whose date interval meets ``start``..``end`` (None: open)."""

    text: str = ""
    outlets: frozenset[str] | None = None
    start: date | None = None
    end: date | None = None

    def active(self) -> bool:
        return bool(self.needle()) or self.outlets is not None or bool(self.start or self.end)

    def needle(self) -> str:
        return self.text.strip().lower()

    def matches(self, event: TimelineEvent) -> bool:
        if self.start is not None and event.latest < self.start:
            return False
        if self.end is not None and event.earliest > self.end:
            return False
        if self.outlets is not None and not any(
                outlet_of(s.article) in self.outlets for s in event.sources):
            return False
        needle = self.needle()
        if needle:
            hay = " ".join([event.title] + [s.event.snippet + " " + s.article.title
                                            for s in event.sources]).lower()
            return needle in hay
        return True

    def describe(self) -> str:
        """A short human description ('“flood” · Riverton Post · from 2021-02-01'), or ''."""
        parts = []
        if self.needle():
            parts.append(f"“{self.text.strip()}”")
        if self.outlets is not None:
            parts.append(", ".join(sorted(self.outlets)) or "no outlet")
        if self.start and self.end:
            parts.append(f"{self.start} – {self.end}")
        elif self.start:
            parts.append(f"from {self.start}")
        elif self.end:
            parts.append(f"until {self.end}")
        return " · ".join(parts)


def outlet_counts(events: Iterable[TimelineEvent]) -> list[tuple[str, int]]:
    """Each outlet with the number of events it reported, most first, then by name."""
    counts: Counter[str] = Counter()
    for event in events:
        for outlet in {outlet_of(s.article) for s in event.sources}:
            counts[outlet] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
