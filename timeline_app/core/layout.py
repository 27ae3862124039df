"""Pure geometry for the timeline view: time scale, axis ticks and lane packing (no Qt).

Time is measured in days as floats (``date.toordinal()``). A :class:`Scale` maps days to
pixels; :func:`ticks` chooses tick marks for a visible range so labels never overlap; the lane
packing lives in :mod:`timeline_app.core.lanes`.
"""

from __future__ import annotations

import math
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
    ("hour", 1, 1 / 24), ("hour", 3, 1 / 8), ("hour", 6, 1 / 4), ("hour", 12, 1 / 2),
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
    if kind == "hour":
        return _hour_ticks(first_day, last_day, size), _day_ticks(lo, hi_ord)
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




def _hour_ticks(first_day: float, last_day: float, size: int) -> list[Tick]:
    """Every ``size`` hours from just before ``first_day`` to just after ``last_day``."""
    per_day = 24 // size
    step = math.floor(first_day * per_day)  # the tick at or just before the first day
    minor: list[Tick] = []
    while step <= last_day * per_day + 1 and len(minor) < 2000:
        day = step / per_day
        if 1 <= day < date.max.toordinal():
            minor.append(Tick(day, f"{step % per_day * size:02d}:00"))
        step += 1
    return minor


def _day_ticks(lo: date, hi_ord: int) -> list[Tick]:
    """Major ticks when the minor ones are hours: each day, labelled with its full date."""
    return [Tick(float(o), f"{date.fromordinal(o).day} {_MONTHS[date.fromordinal(o).month - 1]} "
                           f"{date.fromordinal(o).year}", True)
            for o in range(lo.toordinal(), hi_ord + 1)][:500]
