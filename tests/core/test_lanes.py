"""Lane packing: no overlaps at any zoom, clusters for what does not fit, periods in the gaps."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.lanes import LanePacker, Packing, finish, zoom_level


def spans_of(packer: LanePacker, packing: Packing, ppd: float) -> dict[int, tuple[float, float]]:
    """Pixel span of every placed item when drawn at ``ppd``."""
    return {i: (packer.starts[i] * ppd,
                packer.starts[i] * ppd + max(packer.widths[i], packer.durations[i] * ppd))
            for i, lane in enumerate(packing.lanes) if lane >= 0}


def assert_no_overlap(packer: LanePacker, packing: Packing, ppd: float, gap: float) -> None:
    spans = spans_of(packer, packing, ppd)
    for lane in range(len(packing.lane_items)):
        mine = sorted(spans[i] for i in spans if packing.lanes[i] == lane)
        for (_, end), (start, _) in itertools.pairwise(mine):
            assert end + gap <= start + 1e-6


def test_cards_beyond_the_visible_lanes_collapse_into_clusters() -> None:
    packer = LanePacker([0.0] * 5 + [1000.0], [0.0] * 6, [100.0] * 6)
    packing = packer.pack(1.0, max_lanes=3)
    assert packing.lanes == [0, 1, -1, -1, -1, 0]
    assert [packing.members(c) for c in packing.clusters] == [[2, 3, 4]]
    assert packing.clusters[0].count == 3


def test_everything_fits_no_cluster_and_clusters_are_stable_when_panning() -> None:
    packing = LanePacker([0.0, 50.0], [0.0, 0.0], [10.0, 10.0]).pack(1.0, max_lanes=1)
    assert packing.lanes == [0, 0] and packing.clusters == []
    starts = [0.0] * 3 + [500.0] * 3
    packing = LanePacker(starts, [0.0] * 6, [100.0] * 6).pack(1.0, max_lanes=2)
    assert [c.count for c in packing.clusters] == [2, 2]
    # panning moves the view, not the items: a packing never depends on where the view is
    shifted = LanePacker([s + 777.0 for s in starts], [0.0] * 6, [100.0] * 6).pack(1.0, max_lanes=2)
    assert shifted.lanes == packing.lanes


def test_long_periods_take_the_gaps_points_leave() -> None:
    starts, durations, widths = [0.0, 100.0, 400.0], [5000.0, 0.0, 0.0], [120.0, 200.0, 200.0]
    packing = LanePacker(starts, durations, widths).pack(1.0, max_lanes=2, long_after=260)
    assert packing.lanes == [-1, 0, 0]  # the points keep the lane; the period waits in a cluster
    assert packing.members(packing.clusters[0]) == [0]
    packing = LanePacker(starts, durations, widths).pack(1.0, max_lanes=3, long_after=260)
    assert packing.lanes == [1, 0, 0]


def test_visible_finds_exactly_the_placed_items_in_range() -> None:
    starts = [float(d) for d in range(0, 1000, 3)]
    packer = LanePacker(starts, [0.0] * len(starts), [40.0] * len(starts))
    packing = packer.pack(2.0, max_lanes=6)
    spans = spans_of(packer, packing, 2.0)
    found = set(packing.visible(100.0, 200.0))
    expected = {i for i, (x0, x1) in spans.items() if x1 / 2.0 >= 100.0 and x0 / 2.0 <= 200.0}
    assert found == expected


def test_zoom_levels_form_a_ladder() -> None:
    assert zoom_level(1.0) == 1.0 and zoom_level(1.1) == 1.0
    assert zoom_level(1.2) == 2 ** 0.25 and zoom_level(0.9) == 2 ** -0.25


items = st.lists(st.tuples(st.integers(0, 400), st.sampled_from([0, 0, 0, 1, 30, 365]),
                           st.integers(20, 260)), max_size=120)


@settings(max_examples=150, deadline=None)
@given(items, st.floats(0.05, 800.0), st.integers(1, 8), st.floats(1.0, 1.19))
def test_no_overlap_and_every_item_is_placed_or_clustered(data, ppd, max_lanes, stretch) -> None:  # type: ignore[no-untyped-def]
    data.sort()
    starts = [float(s) for s, _, _ in data]
    packer = LanePacker(starts, [float(d) for _, d, _ in data], [float(w) for _, _, w in data])
    packing = packer.pack(ppd, max_lanes, gap=6.0, long_after=260.0)
    # overlap-free at its own scale and at any larger one (the view reuses it within a level)
    assert_no_overlap(packer, packing, ppd, 6.0)
    assert_no_overlap(packer, packing, ppd * stretch, 6.0)
    clustered = [i for c in packing.clusters for i in packing.members(c)]
    assert sum(c.count for c in packing.clusters) == len(clustered)
    placed = [i for i, lane in enumerate(packing.lanes) if lane >= 0]
    assert sorted(placed + clustered) == list(range(len(data)))
    assert all(lane < max(max_lanes - 1, 1) for lane in packing.lanes)
    anchors = [c.anchor * ppd for c in packing.clusters]  # markers (96 px) never overlap
    assert all(b - a >= 96 for a, b in itertools.pairwise(anchors))
    assert all(not math.isnan(a) for a in anchors)


def test_packing_in_slices_gives_the_same_packing() -> None:
    starts = [float(d // 7) for d in range(3000)]
    durations = [[0.0, 0.0, 1.0, 30.0, 365.0][d % 5] for d in range(3000)]
    packer = LanePacker(starts, durations, [60.0 + d % 200 for d in range(3000)])
    for ppd in (5.0, 40.0, 900.0):  # weeks, days, deeper than a card is wide
        whole = packer.pack(ppd, 8, long_after=260.0)
        steps = packer.pack_steps(ppd, 8, long_after=260.0, chunk=100)
        next(steps)  # it yields part way: the view runs it a slice at a time while idle
        sliced = finish(steps)
        assert (sliced.lanes, sliced.clusters) == (whole.lanes, whole.clusters)


def test_days_stay_points_when_a_day_is_wider_than_a_card() -> None:
    # at 900 px a day, a one-day event is wider than any card, yet it is packed as a point:
    # placed in the sweep before the month-long periods, which take what is left
    packer = LanePacker([0.0, 0.0, 0.0], [30.0, 1.0, 1.0], [100.0, 100.0, 100.0])
    packing = packer.pack(900.0, max_lanes=3, long_after=260.0)
    assert packing.lanes == [-1, 0, 1]
    assert [packing.members(c) for c in packing.clusters] == [[0]]
