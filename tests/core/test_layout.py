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
