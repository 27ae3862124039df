"""The timeline order of fuzzy, mixed-granularity dated items.

One rule, applied everywhere: items sort by the start of their interval; at the same start the
wider (coarser) interval comes first, so a container precedes what it contains ("2020", then
"January 2020", then "2020-01-01"); then by reporting order (article, then position in it).
Undated items come last, in reporting order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol, TypeVar

_FAR = date.max


class Dated(Protocol):
    """Anything with an inclusive interval and a reporting position."""

    @property
    def earliest(self) -> date | None: ...

    @property
    def latest(self) -> date | None: ...

    @property
    def order(self) -> tuple[int, int]: ...


T = TypeVar("T", bound=Dated)


def sort_key(item: Dated) -> tuple[int, date, int, date, tuple[int, int]]:
    """Key of the documented order: dated first, start, wider first, end, reporting order."""
    if item.earliest is None or item.latest is None:
        return (1, _FAR, 0, _FAR, item.order)
    width = (item.latest - item.earliest).days
    return (0, item.earliest, -width, item.latest, item.order)


def in_timeline_order(items: Iterable[T]) -> list[T]:
    """``items`` sorted by :func:`sort_key` (stable)."""
    return sorted(items, key=sort_key)


def neighbours(items: Sequence[T], index: int) -> tuple[int | None, int | None]:
    """Indices of the previous and next item in timeline order, None at the ends."""
    return (index - 1 if index > 0 else None, index + 1 if index + 1 < len(items) else None)
