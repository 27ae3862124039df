"""Lane packing for the timeline: which lane each card takes, and which collapse into clusters.

Cards are items sorted by start day with a duration (days) and a label width (pixels). At a
zoom level (pixels per day) a card spans ``max(label width, duration)``; it takes the lowest
lane free where it starts. When every lane is busy the cards that start there are skipped in
one bisection and gathered into clusters, one per cell of a fixed pixel grid (stable while
panning, markers never overlap). Periods wider than ``long_after`` pixels are placed after the
point events, in the gaps they leave, so they never push them out; where periods already fill
every lane, the ones that start there are skipped in one bisection too.

Cost of :meth:`LanePacker.pack`: O(placed cards x lanes + clusters x log n), not O(n): when zoomed
out almost everything is skipped by bisection; cluster members are listed only when asked for.
A packing made at ``px_per_day`` is overlap-free at any larger scale (spans grow at most in
proportion), so the view packs once per zoom level (:func:`zoom_level`) and caches it.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

LEVELS_PER_DOUBLING = 4


def zoom_level(px_per_day: float) -> float:
    """The packing scale for ``px_per_day``: the next lower of a fixed ladder of levels
    (``LEVELS_PER_DOUBLING`` per doubling), so nearby zooms share one packing."""
    step = math.floor(math.log2(px_per_day) * LEVELS_PER_DOUBLING)
    return float(2.0 ** (step / LEVELS_PER_DOUBLING))


@dataclass(frozen=True)
class Cluster:
    """Cards that did not fit, shown as one "+N" marker.

    ``day0``/``day1`` bound the start days it gathers; ``anchor`` is the day its marker starts
    at, kept inside its grid cell so neighbouring markers never overlap.
    """

    day0: float
    day1: float
    anchor: float
    count: int
    ranges: tuple[tuple[int, int], ...]  # item index ranges [a, b) skipped as a whole
    extra: tuple[int, ...]  # periods that found no gap


@dataclass
class Packing:
    """The result of one packing: lanes of placed items, per-lane indices, and clusters."""

    px_per_day: float
    lanes: list[int]  # lane of each item, -1 when it is in a cluster
    lane_items: list[list[int]]  # per lane, placed items in start order
    lane_starts: list[list[float]]  # their start days
    lane_ends: list[list[float]]  # their end days at this scale (ascending: a lane never overlaps)
    clusters: list[Cluster]
    long_limit: float  # items longer than this many days were packed as periods
    durations: Sequence[float] = field(repr=False)

    def visible(self, first_day: float, last_day: float) -> list[int]:
        """Placed items that may show between ``first_day`` and ``last_day`` (bisection per lane:
        the cost is what is on screen)."""
        found: list[int] = []
        for items, starts, ends in zip(self.lane_items, self.lane_starts, self.lane_ends, strict=True):
            lo = bisect.bisect_left(ends, first_day)
            hi = bisect.bisect_right(starts, last_day, lo)
            found.extend(items[lo:hi])
        return found

    def members(self, cluster: Cluster) -> list[int]:
        """The items a cluster gathers, in start order (periods that were placed excluded)."""
        limit, durations = self.long_limit, self.durations
        found = [i for a, b in cluster.ranges for i in range(a, b) if durations[i] <= limit]
        return sorted(found + list(cluster.extra))


def finish(steps: Generator[None, None, Packing]) -> Packing:
    """Run the rest of a :meth:`LanePacker.pack_steps` generator and return its Packing."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


class LanePacker:
    """Packs one set of items (sorted by start day) at any zoom level."""

    def __init__(self, starts: Sequence[float], durations: Sequence[float],
                 widths: Sequence[float]) -> None:
        if any(b < a for a, b in itertools.pairwise(starts)):
            raise ValueError("items must be sorted by start day")
        self.starts = list(starts)
        self.durations = list(durations)
        self.widths = list(widths)
        self._by_duration = sorted(range(len(self.starts)), key=self.durations.__getitem__,
                                   reverse=True)
        self._neg_durations = [-self.durations[i] for i in self._by_duration]

    def __len__(self) -> int:
        return len(self.starts)

    def long_items(self, limit_days: float) -> list[int]:
        """Items longer than ``limit_days``, in start order (bisection on sorted durations)."""
        count = bisect.bisect_left(self._neg_durations, -limit_days)
        return sorted(self._by_duration[:count])

    def pack(self, px_per_day: float, max_lanes: int, gap: float = 6.0,
             long_after: float = math.inf, cluster_width: float = 192.0,
             marker_width: float = 96.0) -> Packing:
        """Lanes ``0 .. max_lanes - 2`` for cards (all of them when ``max_lanes`` is 1); the top
        lane is left to cluster markers. ``gap``, ``long_after``, ``cluster_width`` and
        ``marker_width`` are in pixels."""
        return finish(self.pack_steps(px_per_day, max_lanes, gap, long_after, cluster_width,
                                      marker_width))

    def pack_steps(self, px_per_day: float, max_lanes: int, gap: float = 6.0,
                   long_after: float = math.inf, cluster_width: float = 192.0,
                   marker_width: float = 96.0, chunk: int = 2048) -> Generator[None, None, Packing]:
        """:meth:`pack` in slices: yields after about ``chunk`` items, returns the Packing.

        The view packs the zoom levels next to the current one this way while it is idle, a
        few milliseconds at a time, so zooming on reaches a level that is already packed."""
        budget = chunk
        ppd = px_per_day
        starts, durations, widths = self.starts, self.durations, self.widths
        count = len(starts)
        gap_days = gap / ppd
        # a period is wider than long_after pixels and longer than a day: single days stay
        # points however far one zooms in, so the sweep (not the gap search) places them
        limit = max(long_after / ppd, 1.0)
        lane_count = max(max_lanes - 1, 1)
        free = list(range(lane_count))  # heap of the lanes free at the sweep position
        busy: list[tuple[float, int]] = []  # heap of (end + gap, lane) of the other lanes
        lanes = [-1] * count
        lane_items: list[list[int]] = [[] for _ in range(lane_count)]
        lane_starts: list[list[float]] = [[] for _ in range(lane_count)]
        lane_ends: list[list[float]] = [[] for _ in range(lane_count)]
        skipped: list[tuple[int, int]] = []
        busy_starts: list[float] = []  # stretches where every lane was busy
        busy_ends: list[float] = []
        i = 0
        while i < count:
            budget -= 1
            if not budget:
                budget = chunk
                yield
            start = starts[i]
            while busy and busy[0][0] <= start:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if not free:  # every lane busy: skip all that starts before one frees
                stop = busy[0][0]
                j = bisect.bisect_left(starts, stop, i + 1)
                skipped.append((i, j))
                busy_starts.append(start)
                busy_ends.append(stop)
                i = j
                continue
            duration = durations[i]
            if duration > limit:  # a period: placed in the second pass
                i += 1
                continue
            label = widths[i] / ppd
            end = start + (label if label > duration else duration)
            lane = heapq.heappop(free)  # the lowest free lane
            heapq.heappush(busy, (end + gap_days, lane))
            lanes[i] = lane
            lane_items[lane].append(i)
            lane_starts[lane].append(start)
            lane_ends[lane].append(end)
            i += 1
        long_items = self.long_items(limit)
        unplaced: list[int] = []
        long_starts = [starts[i] for i in long_items]
        long_ends = [-math.inf] * lane_count  # end of the last period placed in each lane
        k = 0
        while k < len(long_items):
            budget -= 1
            if not budget:
                budget = chunk
                yield
            i = long_items[k]
            start = starts[i]
            blocked = min(long_ends) + gap_days
            if blocked > start:  # periods fill every lane here: skip all that start before
                stop = bisect.bisect_left(long_starts, blocked, k + 1)
                unplaced.extend(long_items[k:stop])
                k = stop
                continue
            b = bisect.bisect_right(busy_starts, start) - 1
            if b >= 0 and start < busy_ends[b]:  # points fill every lane: skip the stretch
                stop = bisect.bisect_left(long_starts, busy_ends[b], k + 1)
                unplaced.extend(long_items[k:stop])
                k = stop
                continue
            k += 1
            end = start + max(durations[i], widths[i] / ppd)
            for lane in range(lane_count):
                if long_ends[lane] + gap_days > start:
                    continue
                lane_start, lane_end = lane_starts[lane], lane_ends[lane]
                p = bisect.bisect_left(lane_start, start)
                if p > 0 and lane_end[p - 1] + gap_days > start:
                    continue
                if p < len(lane_start) and lane_start[p] < end + gap_days:
                    continue
                lane_start.insert(p, start)
                lane_end.insert(p, end)
                lane_items[lane].insert(p, i)
                lanes[i] = lane
                long_ends[lane] = end
                break
            else:
                unplaced.append(i)
        clusters = self._clusters(skipped, unplaced, long_items, ppd, cluster_width, marker_width)
        return Packing(ppd, lanes, lane_items, lane_starts, lane_ends, clusters, limit,
                       self.durations)

    def _clusters(self, skipped: list[tuple[int, int]], unplaced: list[int], long_items: list[int],
                  ppd: float, cluster_width: float, marker_width: float) -> list[Cluster]:
        """Gather skipped ranges and unplaced periods by grid cell of ``cluster_width`` pixels."""
        starts = self.starts
        cell_days = cluster_width / ppd
        cells: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        for a, b in skipped:
            while a < b:
                cell = math.floor(starts[a] / cell_days)
                k = bisect.bisect_left(starts, (cell + 1) * cell_days, a + 1, b)
                cells.setdefault(cell, ([], []))[0].append((a, k))
                a = k
        unplaced_starts = [starts[i] for i in unplaced]  # in start order, like the items
        a = 0
        while a < len(unplaced):
            cell = math.floor(unplaced_starts[a] / cell_days)
            k = bisect.bisect_left(unplaced_starts, (cell + 1) * cell_days, a + 1)
            cells.setdefault(cell, ([], []))[1].extend(unplaced[a:k])
            a = k
        room = max(cluster_width - marker_width - 8, 0.0) / ppd
        clusters = []
        for cell in sorted(cells):
            ranges, extra = cells[cell]
            size = len(extra)
            first, last = math.inf, -math.inf
            for a, b in ranges:
                long_count = bisect.bisect_left(long_items, b) - bisect.bisect_left(long_items, a)
                if b - a > long_count:
                    size += b - a - long_count
                    first = min(first, starts[a])
                    last = max(last, starts[b - 1])
            if extra:
                first = min(first, starts[extra[0]])
                last = max(last, starts[extra[-1]])
            if not size:
                continue
            left = cell * cell_days
            anchor = min(max(first, left), left + room)
            clusters.append(Cluster(first, last + 1, anchor, size, tuple(ranges), tuple(extra)))
        return clusters
