"""Compact human labels of event dates, at their own granularity: '2020', 'Q1 2020',
'late Sep 2020', 'week of 7 Nov 2022', '9–12 Jun 2020', '≈ 1990s', '21st century'.

A label says no more than the date knows: a quarter is not shown as its first and last day,
and an approximate date is marked. Plain Python (the list, the timeline's cards, the source
panel and exports all show the same words).
"""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core.events import EventDate
from timeline_app.core.timeml import TimeValue, parse_value

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MODS = {"START": "early", "MID": "mid", "END": "late"}
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                "NI": "night", "DT": "daytime"}
SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}  # by first month


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def range_label(first: date, last: date) -> str:
    """'9–12 Jun 2020', '28 Feb – 3 Mar 2021', '30 Dec 2020 – 2 Jan 2021'."""
    if first.year != last.year:
        return f"{day_label(first)} – {day_label(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_label(last)}"
    return f"{first.day}–{day_label(last)}"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _season(first: date, last: date) -> str:
    name = SEASONS.get(first.month, "season")
    if last.year != first.year:
        return f"{name} {first.year}/{str(last.year)[-2:]}"
    return f"{name} {first.year}"


_CLOCK = re.compile(r"\d\d:\d\d")
_CODED = re.compile(r"-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<season>SP|SU|FA|WI)"
                    r"|W\d\d(?P<weekend>-WE)?)$")


def _at_granularity(d: EventDate) -> str:
    first, last = d.earliest, d.latest
    granularity = d.granularity
    coded = _CODED.search(d.value)  # the value knows best: "2019-H2", "2021-W13-WE"
    if coded is not None:
        named = [name for name, text in coded.groupdict().items() if text]
        granularity = named[0] if named else "week"
    if granularity == "century":
        return f"{ordinal(first.year // 100 + 1)} century"
    if granularity == "decade":
        return f"{first.year // 10 * 10}s"
    if granularity == "year":
        return str(first.year)
    if granularity == "half":
        return f"H{1 if first.month <= 6 else 2} {first.year}"
    if granularity == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    if granularity == "season":
        return _season(first, last)
    if granularity == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if granularity == "week":
        return f"week of {day_label(first)}"
    if granularity == "weekend":
        return f"weekend of {day_label(first)}"
    if "T" in d.value:  # a day with its part or clock time: "15 Mar 2024 night", "... 10:45"
        time_of_day = d.value.rpartition("T")[2]
        if time_of_day in PARTS_OF_DAY:
            return f"{day_label(first)} {PARTS_OF_DAY[time_of_day]}"
        if _CLOCK.match(time_of_day):
            return f"{day_label(first)} {'midnight' if time_of_day[:2] == '24' else time_of_day[:5]}"
    return day_label(first)


def _coarse_range(value: str) -> str | None:
    """'1972–1976', '1980s–1990s', '18th–19th centuries', 'Mar–May 2020': a range of periods
    coarser than days, labelled at their own granularity (None for other ranges)."""
    first_value, _, last_value = value.partition("/")
    first, last = parse_value(first_value), parse_value(last_value)
    if first is None or last is None or first.granularity != last.granularity:
        return None
    granularity = first.granularity
    start, end = _at_period(first, first_value), _at_period(last, last_value)
    if granularity in ("year", "decade"):
        return f"{start}–{end}"
    if granularity == "century":  # "18th–19th centuries"
        return f"{start.removesuffix(' century')}–{end.removesuffix('century')}centuries"
    if granularity == "month" and first.start.year == last.start.year:
        return f"{MONTHS[first.start.month - 1]}–{end}"
    if granularity in ("month", "quarter", "half", "season"):
        return f"{start} – {end}"
    return None


def _at_period(time: TimeValue, value: str) -> str:
    first, last = time.interval()
    return _at_granularity(EventDate("", 0, 0, value, first, last, time.granularity, False))


def date_label(d: EventDate) -> str:
    """The label of an event's date (see the module doc)."""
    if d.earliest != d.latest and d.value.count("/") == 1:  # a range: "from ... to ..."
        text = _coarse_range(d.value) or range_label(d.earliest, d.latest)
        if d.mod in MODS:  # of its start: "late 18th–19th centuries"
            text = f"{MODS[d.mod]} {text}"
    else:
        text = _at_granularity(d)
        if d.mod in MODS:
            text = f"{MODS[d.mod]} {text}"
    return ("≈ " if d.approximate and d.mod not in MODS else "") + text
