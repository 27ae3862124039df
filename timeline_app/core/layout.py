"""Pure geometry for the timeline view: time scale, axis ticks and lane packing (no Qt).

Time is measured in days as floats (``date.toordinal()``). A :class:`Scale` maps days to
pixels; :func:`ticks` chooses tick marks for a visible range so labels never overlap;
:func:`pack_lanes` puts cards into the first lane where they fit (O(n log n) with a heap of
lane ends, n the number of cards).
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass
from datetime import date

from timeline_app.core.timeml import add_months


@dataclass(frozen=True)
class Scale:
    """Linear map from days to pixels: ``x = (day - origin) * px_per_day``."""

    origin: float
    px_per_day: float

    def x(self, day: float) -> float:
        return (day - self.origin) * self.px_per_day

    def day(self, x: float) -> float:
        return self.origin + x / self.px_per_day

    def zoomed(self, factor: float, anchor_x: float) -> Scale:
        """Zoomed by ``factor`` keeping the day under ``anchor_x`` fixed."""
        anchor_day = self.day(anchor_x)
        ppd = min(max(self.px_per_day * factor, 1e-4), 2000.0)
        return Scale(anchor_day - anchor_x / ppd, ppd)


@dataclass(frozen=True)
class Tick:
    """One tick: its day, its label, and whether it is a major (context) tick."""

    day: float
    label: str
    major: bool = False


# (step kind, step size, approximate days per step, minor label format)
_STEPS: tuple[tuple[str, int, float], ...] = (
    ("day", 1, 1), ("day", 2, 2), ("day", 7, 7), ("month", 1, 30.4), ("month", 3, 91.3),
    ("month", 6, 182.6), ("year", 1, 365.25), ("year", 2, 730.5), ("year", 5, 1826),
    ("year", 10, 3652), ("year", 25, 9131), ("year", 50, 18262), ("year", 100, 36525),
)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _label(kind: str, day: date) -> str:
    if kind == "day":
        return str(day.day)
    if kind == "month":
        return _MONTHS[day.month - 1]
    return str(day.year)


def _first_step(kind: str, size: int, start: date) -> date:
    if kind == "day":
        return start
    if kind == "month":
        month0 = (start.month - 1) // size * size
        return date(start.year, month0 + 1, 1)
    return date(max(start.year // size * size, 1), 1, 1)


def _advance(kind: str, size: int, day: date) -> date:
    if kind == "day":
        return date.fromordinal(day.toordinal() + size)
    if kind == "month":
        return add_months(day, size)
    return date(min(day.year + size, 9999), 1, 1)


def ticks(first_day: float, last_day: float, width_px: float,
          min_label_px: float = 64.0) -> tuple[list[Tick], list[Tick]]:
    """Minor ticks (days, months or years) and major context ticks (months or years).

    The step is the smallest whose labels are at least ``min_label_px`` apart.
    """
    if width_px <= 0 or last_day <= first_day:
        return [], []
    px_per_day = width_px / (last_day - first_day)
    kind, size = "year", 100
    for k, s, days in _STEPS:
        if days * px_per_day >= min_label_px:
            kind, size = k, s
            break
    lo = date.fromordinal(max(int(first_day) - 1, 1))
    hi_ord = min(int(last_day) + 2, date.max.toordinal())
    minor: list[Tick] = []
    day = _first_step(kind, size, lo)
    while day.toordinal() <= hi_ord and len(minor) < 2000:
        if day.toordinal() >= first_day - 1:
            minor.append(Tick(float(day.toordinal()), _label(kind, day)))
        if day.year >= 9999:
            break
        day = _advance(kind, size, day)
    major: list[Tick] = []
    if kind in ("day", "month"):
        major_kind = "month" if kind == "day" else "year"
        day = _first_step(major_kind, 1, lo)
        while day.toordinal() <= hi_ord and len(major) < 500:
            label = f"{_MONTHS[day.month - 1]} {day.year}" if major_kind == "month" else str(day.year)
            major.append(Tick(float(day.toordinal()), label, True))
            day = _advance(major_kind, 1, day)
    return minor, major


def pack_lanes(spans: list[tuple[float, float]], gap: float = 6.0) -> list[int]:
    """Lane index for each (x0, x1) span so spans in one lane never overlap.

    Spans are placed in order of x0; each goes to the lowest free lane (a heap of lane ends).
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i))
    lanes: list[int] = [0] * len(spans)
    free: list[tuple[int, float]] = []  # (lane, end) of lanes that end before the next start
    busy: list[tuple[float, int]] = []  # heap of (end, lane)
    lane_count = 0
    for i in order:
        x0, x1 = spans[i]
        while busy and busy[0][0] + gap <= x0:
            end, lane = heapq.heappop(busy)
            heapq.heappush(free, (lane, end))
        if free:
            lane, _ = heapq.heappop(free)
        else:
            lane = lane_count
            lane_count += 1
        lanes[i] = lane
        heapq.heappush(busy, (x1, lane))
    return lanes


@dataclass(frozen=True)
class Cluster:
    """Cards that do not fit in the visible lanes, shown as one "+N" marker."""

    x0: float
    x1: float
    members: tuple[int, ...]  # indices into the spans


def pack_with_clusters(spans: list[tuple[float, float]], max_lanes: int, gap: float = 6.0,
                       cluster_gap: float = 40.0, long_after: float | None = None,
                       cluster_width: float = float("inf")) -> tuple[list[int], list[Cluster]]:
    """Lanes for spans in at most ``max_lanes`` rows; what does not fit collapses into clusters.

    Cards take lanes ``0 .. max_lanes - 2`` (all ``max_lanes`` when only one), each going to the
    lowest lane free where it lies; the top lane holds clusters of the cards left over, each
    cluster gathering overflowing cards whose starts lie within ``cluster_gap`` pixels of the
    previous one and no further than ``cluster_width`` from its first (so a crowded stretch
    shows a row of markers, one per region, rather than one). Spans wider than ``long_after``
    (periods drawn as bars) are placed after the others, in the gaps they leave, so long
    periods never push every point event into clusters.
    Coordinates are absolute (day x pixels-per-day): panning never moves a card between lanes
    or clusters; zooming in spreads cards apart and empties clusters.
    O(n log n): one sort, a few lanes per card, bisection for the periods.
    """
    lanes_for_cards = max(max_lanes - 1, 1)
    limit = float("inf") if long_after is None else long_after
    is_long = [x1 - x0 > limit for x0, x1 in spans]
    order = sorted(range(len(spans)), key=spans.__getitem__)  # by start (then end): stable
    ends = [float("-inf")] * lanes_for_cards
    free_from = float("-inf")  # the earliest lane end: a card starting before it cannot fit
    placed: list[list[tuple[float, float]]] = [[] for _ in range(lanes_for_cards)]
    lanes = [-1] * len(spans)
    overflow: list[int] = []
    for i in order:
        if is_long[i]:
            continue
        x0, x1 = spans[i]
        if free_from + gap > x0:
            overflow.append(i)  # every lane is busy here (the common case when zoomed out)
            continue
        for lane in range(lanes_for_cards):
            if ends[lane] + gap <= x0:
                ends[lane] = x1
                lanes[i] = lane
                placed[lane].append((x0, x1))
                free_from = min(ends)
                break
    for i in order:
        if not is_long[i]:
            continue
        x0, x1 = spans[i]
        for lane in range(lanes_for_cards):
            taken = placed[lane]
            k = bisect.bisect_left(taken, (x0, float("-inf")))
            if k > 0 and taken[k - 1][1] + gap > x0:
                continue
            if k < len(taken) and taken[k][0] < x1 + gap:
                continue
            taken.insert(k, (x0, x1))
            lanes[i] = lane
            break
        else:
            overflow.append(i)
    overflow.sort(key=spans.__getitem__)
    clusters: list[Cluster] = []
    current: list[int] = []
    first = last = 0.0
    for i in overflow:
        start = spans[i][0]
        if current and (start - last > cluster_gap or start - first > cluster_width):
            clusters.append(Cluster(first, last, tuple(current)))
            current = []
        if not current:
            first = last = start
        current.append(i)
        last = start  # overflow is in start order
    if current:
        clusters.append(Cluster(first, last, tuple(current)))
    return lanes, clusters
