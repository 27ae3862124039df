"""Pure geometry of the timeline view: scale, ticks and lanes."""

from __future__ import annotations

from datetime import date

from timeline_app.core.layout import Scale, ticks


def test_zoom_keeps_anchor_day_fixed() -> None:
    scale = Scale(700000.0, 2.0)
    zoomed = scale.zoomed(3.0, 250.0)
    assert abs(zoomed.day(250.0) - scale.day(250.0)) < 1e-9


def test_ticks_never_closer_than_label_width() -> None:
    first = float(date(2020, 1, 1).toordinal())
    for days in (0.5, 3, 20, 400, 4000, 40000):
        minor, _ = ticks(first, first + days, 1000, min_label_px=64)
        xs = [(t.day - first) * 1000 / days for t in minor]
        gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
        assert minor and min(gaps) >= 64 * 0.9


def test_month_ticks_have_year_context() -> None:
    first = float(date(2020, 6, 1).toordinal())
    minor, major = ticks(first, first + 300, 1200)
    assert any(t.label == "Sep" for t in minor)
    assert [t.label for t in major][:2] == ["2020", "2021"]


def test_hour_ticks_have_the_date_as_context() -> None:
    first = float(date(2021, 3, 21).toordinal()) + 0.2  # 04:48 on 21 March
    minor, major = ticks(first, first + 0.7, 1400)  # 2,000 px per day: every hour
    labels = [t.label for t in minor]
    assert labels[:3] == ["04:00", "05:00", "06:00"] and "12:00" in labels
    assert all(first - 1 / 24 <= t.day <= first + 0.7 + 1 / 24 for t in minor)
    assert "21 Mar 2021" in [t.label for t in major] and all(t.major for t in major)
    minor, _ = ticks(first, first + 3, 1400)  # coarser: every six hours
    assert {t.label for t in minor} == {"00:00", "06:00", "12:00", "18:00"}
