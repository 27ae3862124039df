"""Calendar values at a granularity, their TimeML TIMEX3 strings and their intervals.

A :class:`TimeValue` is a period of the calendar (a century, a year, a quarter, a week, a day,
a part of a day, a minute) given by its granularity and its first day. It knows how to move by
calendar units, how to coarsen, and how to write itself as a TimeML value ("2020-09", "2020-W39",
"2020-SU", "199"). :func:`parse_value` reads such values back into intervals.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_app.core.records import pickled_by_fields

# Granularities from coarsest to finest.
GRANULARITIES = (
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day",
    "partofday", "minute",
)
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}
# Duration unit letters (vocabulary.yaml "unit") to granularity.
UNIT_GRANULARITY = {
    "CE": "century", "DE": "decade", "Y": "year", "H": "half", "Q": "quarter", "SEA": "season",
    "M": "month", "W": "week", "WE": "weekend", "D": "day", "HOUR": "partofday", "MIN": "minute",
}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"MO": (6, 11), "AF": (12, 17), "EV": (18, 21), "NI": (21, 23), "DT": (9, 17)}


def rank(granularity: str) -> int:
    """Position of a granularity, 0 being the coarsest."""
    return _RANK[granularity]


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if _RANK[a] <= _RANK[b] else b


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _season_of(day: date) -> tuple[int, str]:
    """The (year, season) a day falls in; winter belongs to the year it starts in."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SU", "FA")[(day.month - 3) // 3]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class TimeValue:
    """A calendar period: granularity plus first day (plus part of day or clock time).

    ``year_known`` is False for dates such as "September 27" with no year to resolve against;
    their value reads ``XXXX-09-27`` and they have no interval.
    """

    granularity: str
    start: date
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    year_known: bool = True

    # ------------------------------------------------------------------ construction
    @classmethod
    def of(cls, granularity: str, day: date) -> TimeValue:
        """The period of the given granularity that contains ``day``."""
        return cls(granularity, _period_start(granularity, day))

    # ------------------------------------------------------------------ arithmetic
    def at(self, granularity: str) -> TimeValue:
        """This period coarsened (or refined to its first sub-period) to ``granularity``."""
        if granularity == self.granularity:
            return self
        return TimeValue(granularity, _period_start(granularity, self.start),
                         year_known=self.year_known)

    def plus(self, unit: str, count: int) -> TimeValue:
        """Moved by ``count`` calendar units (a TimeML unit letter), keeping granularity."""
        start = self.start
        if unit == "CE":
            start = _safe_year(start, 100 * count)
        elif unit == "DE":
            start = _safe_year(start, 10 * count)
        elif unit == "Y":
            start = _safe_year(start, count)
        elif unit == "H":
            start = add_months(start, 6 * count)
        elif unit in ("Q",) or unit == "SEA":
            start = add_months(start, 3 * count)
        elif unit == "M":
            start = add_months(start, count)
        elif unit in ("W", "WE"):
            start = start + timedelta(weeks=count)
        elif unit == "D":
            start = start + timedelta(days=count)
        else:
            return self
        return replace(self, start=_period_start(self.granularity, start))

    # ------------------------------------------------------------------ output
    @property
    def value(self) -> str:
        """The TimeML TIMEX3 value."""
        s, g = self.start, self.granularity
        year = f"{s.year:04d}" if self.year_known else "XXXX"
        if g == "century":
            return f"{s.year // 100:02d}"
        if g == "decade":
            return f"{s.year // 10:03d}"
        if g == "year":
            return year
        if g == "half":
            return f"{year}-H{1 if s.month <= 6 else 2}"
        if g == "quarter":
            return f"{year}-Q{(s.month - 1) // 3 + 1}"
        if g == "season":
            season_year, season = _season_of(s)
            return f"{season_year:04d}-{season}" if self.year_known else f"XXXX-{season}"
        if g == "month":
            return f"{year}-{s.month:02d}"
        if g in ("week", "weekend"):
            iso_year, week, _ = s.isocalendar()
            prefix = f"{iso_year:04d}" if self.year_known else "XXXX"
            return f"{prefix}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        day = f"{year}-{s.month:02d}-{s.day:02d}"
        if g == "partofday" and self.part:
            return f"{day}T{self.part}"
        if g == "minute" and self.hour is not None:
            return f"{day}T{self.hour:02d}:{self.minute or 0:02d}"
        return day

    def interval(self) -> tuple[date, date]:
        """First and last day (inclusive) of the period."""
        return self.start, period_end(self.granularity, self.start)


def _safe_year(day: date, years: int) -> date:
    year = min(max(day.year + years, 1), 9999)
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def _period_start(granularity: str, day: date) -> date:
    g = granularity
    if g == "century":
        return date(max(day.year // 100 * 100, 1), 1, 1)
    if g == "decade":
        return date(max(day.year // 10 * 10, 1), 1, 1)
    if g == "year":
        return date(day.year, 1, 1)
    if g == "half":
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    if g == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if g == "season":
        season_year, season = _season_of(day)
        if season_year < 1:  # the winter that began before year 1: the calendar's first day
            return date(1, 1, 1)
        return date(season_year, SEASON_START_MONTH[season], 1)
    if g == "month":
        return date(day.year, day.month, 1)
    if g == "week":
        return day - timedelta(days=day.weekday())
    if g == "weekend":
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    return day


def period_end(granularity: str, start: date) -> date:
    """Last day (inclusive) of the period of ``granularity`` starting on ``start``."""
    g = granularity
    if g == "century":
        return date(min(start.year + 99, 9999), 12, 31)
    if g == "decade":
        return date(min(start.year + 9, 9999), 12, 31)
    if g == "year":
        return date(start.year, 12, 31)
    if g in ("half", "quarter", "season", "month"):
        months = {"half": 6, "quarter": 3, "season": 3, "month": 1}[g]
        if start.year == 9999 and start.month + months > 12:
            return date(9999, 12, 31)
        return add_months(start.replace(day=1), months) - timedelta(days=1)
    if g == "week":
        return start + timedelta(days=6)
    if g == "weekend":
        return start + timedelta(days=1)
    return start


_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<season>SP|SU|FA|WI)|W(?P<week>\d{1,2})(?P<we>-WE)?"
    r"|(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<part>MO|AF|EV|NI|DT)|T(?P<hour>\d{2}):(?P<minute>\d{2}).*)?)?))?)$"
)


def parse_value(value: str) -> TimeValue | None:
    """Read a TimeML DATE/TIME value back; None for values with no interval (PRESENT_REF, XXXX)."""
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        if m["century"]:
            return TimeValue("century", date(max(int(m["century"]) * 100, 1), 1, 1))
        if m["decade"]:
            return TimeValue("decade", date(max(int(m["decade"]) * 10, 1), 1, 1))
        year = int(m["year"])
        if m["half"]:
            return TimeValue("half", date(year, 1 if m["half"] == "1" else 7, 1))
        if m["quarter"]:
            return TimeValue("quarter", date(year, (int(m["quarter"]) - 1) * 3 + 1, 1))
        if m["season"]:
            return TimeValue("season", date(year, SEASON_START_MONTH[m["season"]], 1))
        if m["week"]:
            monday = date.fromisocalendar(year, int(m["week"]), 1)
            return TimeValue.of("weekend" if m["we"] else "week", monday)
        if m["month"] is None:
            return TimeValue("year", date(year, 1, 1))
        month = int(m["month"])
        if m["day"] is None:
            return TimeValue("month", date(year, month, 1))
        day = date(year, month, int(m["day"]))
        if m["part"]:
            return TimeValue("partofday", day, part=m["part"])
        if m["hour"]:
            return TimeValue("minute", day, hour=int(m["hour"]), minute=int(m["minute"]))
        return TimeValue("day", day)
    except ValueError:
        return None


def display_granularity(granularity: str) -> str:
    """The granularity named in the public schema (day|week|month|season|quarter|year|...)."""
    if granularity in ("partofday", "minute", "weekend"):
        return "day" if granularity != "weekend" else "week"
    if granularity == "half":
        return "quarter"
    return granularity
