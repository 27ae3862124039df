"""Pure geometry of the timeline view: scale, ticks and lanes."""

from __future__ import annotations

from datetime import date

from timeline_app.core.layout import Scale, pack_lanes, ticks


def test_zoom_keeps_anchor_day_fixed() -> None:
    scale = Scale(700000.0, 2.0)
    zoomed = scale.zoomed(3.0, 250.0)
    assert abs(zoomed.day(250.0) - scale.day(250.0)) < 1e-9


def test_ticks_never_closer_than_label_width() -> None:
    first = float(date(2020, 1, 1).toordinal())
    for days in (20, 400, 4000, 40000):
        minor, _ = ticks(first, first + days, 1000, min_label_px=64)
        xs = [(t.day - first) * 1000 / days for t in minor]
        gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
        assert minor and min(gaps) >= 64 * 0.9


def test_month_ticks_have_year_context() -> None:
    first = float(date(2020, 6, 1).toordinal())
    minor, major = ticks(first, first + 300, 1200)
    assert any(t.label == "Sep" for t in minor)
    assert [t.label for t in major][:2] == ["2020", "2021"]


def test_lanes_never_overlap() -> None:
    spans = [(0, 100), (50, 150), (120, 200), (160, 300), (0, 10)]
    lanes = pack_lanes(spans, gap=0)
    for i, a in enumerate(spans):
        for j, b in enumerate(spans):
            if i < j and lanes[i] == lanes[j]:
                assert a[1] <= b[0] or b[1] <= a[0]
    assert max(lanes) <= 2


def test_cards_beyond_the_visible_lanes_collapse_into_clusters() -> None:
    from timeline_app.core.layout import pack_with_clusters

    spans = [(0.0, 100.0)] * 5 + [(1000.0, 1100.0)]
    lanes, clusters = pack_with_clusters(spans, max_lanes=3)
    assert lanes[:2] == [0, 1] and lanes[5] == 0
    assert lanes[2:5] == [-1, -1, -1]
    assert [c.members for c in clusters] == [(2, 3, 4)]


def test_no_cluster_when_everything_fits_and_far_overflow_splits() -> None:
    from timeline_app.core.layout import pack_with_clusters

    lanes, clusters = pack_with_clusters([(0.0, 10.0), (50.0, 60.0)], max_lanes=1)
    assert lanes == [0, 0] and clusters == []
    spans = [(0.0, 100.0)] * 3 + [(500.0, 600.0)] * 3
    lanes, clusters = pack_with_clusters(spans, max_lanes=2)
    assert [len(c.members) for c in clusters] == [2, 2]
    # panning shifts every x by the same amount: the same cards stay clustered
    shifted = [(a + 777.0, b + 777.0) for a, b in spans]
    assert pack_with_clusters(shifted, max_lanes=2)[0] == lanes


def test_long_periods_take_the_gaps_points_leave() -> None:
    from timeline_app.core.layout import pack_with_clusters

    period = (0.0, 5000.0)
    points = [(100.0, 300.0), (400.0, 600.0)]
    lanes, clusters = pack_with_clusters([period, *points], max_lanes=2, long_after=260)
    assert lanes[1] == 0 and lanes[2] == 0  # the points keep the lane
    assert lanes[0] == -1 and clusters[0].members == (0,)  # the period that cannot fit waits
    lanes, _ = pack_with_clusters([period, *points], max_lanes=3, long_after=260)
    assert lanes == [1, 0, 0]
