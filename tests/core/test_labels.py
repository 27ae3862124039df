"""Date labels say what the date knows, at its own granularity."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.events import EventDate
from timeline_app.core.labels import date_label, ordinal


def _date(value: str, first: date, last: date, granularity: str, mod: str | None = None,
          approximate: bool = False) -> EventDate:
    return EventDate("phrase", 0, 6, value, first, last, granularity, approximate, mod)


@pytest.mark.parametrize(("when", "label"), [
    (_date("2020-03-22", date(2020, 3, 22), date(2020, 3, 22), "day"), "22 Mar 2020"),
    (_date("2020", date(2020, 1, 1), date(2020, 12, 31), "year"), "2020"),
    (_date("2020", date(2020, 9, 1), date(2020, 12, 31), "year", "END"), "late 2020"),
    (_date("2020-Q1", date(2020, 1, 1), date(2020, 3, 31), "quarter"), "Q1 2020"),
    (_date("2020-Q4", date(2020, 10, 1), date(2020, 12, 31), "quarter"), "Q4 2020"),
    (_date("2020-H2", date(2020, 7, 1), date(2020, 12, 31), "half"), "H2 2020"),
    (_date("2020-09", date(2020, 9, 21), date(2020, 9, 30), "month", "END"), "late Sep 2020"),
    (_date("2020-07", date(2020, 7, 1), date(2020, 7, 10), "month", "START"), "early Jul 2020"),
    (_date("2020-10", date(2020, 10, 1), date(2020, 10, 31), "month", approximate=True), "≈ Oct 2020"),
    (_date("2022-W45", date(2022, 11, 7), date(2022, 11, 13), "week"), "week of 7 Nov 2022"),
    (_date("2021-W09-WE", date(2021, 3, 6), date(2021, 3, 7), "weekend"), "weekend of 6 Mar 2021"),
    (_date("2020-SP", date(2020, 3, 1), date(2020, 5, 31), "season"), "spring 2020"),
    (_date("2020-WI", date(2020, 12, 1), date(2021, 2, 28), "season"), "winter 2020/21"),
    (_date("199", date(1990, 1, 1), date(1999, 12, 31), "decade"), "1990s"),
    (_date("199", date(1990, 1, 1), date(1993, 12, 31), "decade", "START"), "early 1990s"),
    (_date("20", date(2000, 1, 1), date(2099, 12, 31), "century"), "21st century"),
    (_date("2021-03-12TMO", date(2021, 3, 12), date(2021, 3, 12), "partofday"), "12 Mar 2021 morning"),
    (_date("2021-03-12T14:30", date(2021, 3, 12), date(2021, 3, 12), "minute"), "12 Mar 2021 14:30"),
    # what events carry: the schema's "day" granularity, the part or clock time in the value
    (_date("2021-03-12TNI", date(2021, 3, 12), date(2021, 3, 12), "day"), "12 Mar 2021 night"),
    (_date("2021-03-12T10:45", date(2021, 3, 12), date(2021, 3, 12), "day"), "12 Mar 2021 10:45"),
    (_date("2021-03-12T24:00", date(2021, 3, 12), date(2021, 3, 12), "day"),
     "12 Mar 2021 midnight"),
    (_date("2020-06-09/2020-06-12", date(2020, 6, 9), date(2020, 6, 12), "day"), "9–12 Jun 2020"),
    (_date("2021-02-28/2021-03-03", date(2021, 2, 28), date(2021, 3, 3), "day"), "28 Feb – 3 Mar 2021"),
    (_date("2020-12-30/2021-01-02", date(2020, 12, 30), date(2021, 1, 2), "day"),
     "30 Dec 2020 – 2 Jan 2021"),
    # a range of periods is labelled at their granularity, not as its first and last day
    (_date("1972/1976", date(1972, 1, 1), date(1976, 12, 31), "year"), "1972–1976"),
    (_date("198/199", date(1980, 1, 1), date(1999, 12, 31), "decade"), "1980s–1990s"),
    (_date("17/18", date(1766, 9, 2), date(1899, 12, 31), "century", "END"),
     "late 18th–19th centuries"),
    (_date("2020-03/2020-05", date(2020, 3, 1), date(2020, 5, 31), "month"), "Mar–May 2020"),
    (_date("2019-11/2020-02", date(2019, 11, 1), date(2020, 2, 29), "month"),
     "Nov 2019 – Feb 2020"),
    (_date("2020-Q1/2020-Q3", date(2020, 1, 1), date(2020, 9, 30), "quarter"), "Q1 2020 – Q3 2020"),
])
def test_a_date_is_labelled_at_its_granularity(when: EventDate, label: str) -> None:
    assert date_label(when) == label


@pytest.mark.parametrize(("number", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                              (11, "11th"), (12, "12th"), (13, "13th"),
                                              (21, "21st"), (22, "22nd"), (101, "101st")])
def test_ordinals(number: int, text: str) -> None:
    assert ordinal(number) == text


@pytest.mark.parametrize(("value", "first", "last", "granularity", "label"), [
    ("2019-H2", date(2019, 7, 1), date(2019, 12, 31), "quarter", "H2 2019"),
    ("2021-W13-WE", date(2021, 4, 3), date(2021, 4, 4), "week", "weekend of 3 Apr 2021"),
    ("2021-W13", date(2021, 3, 29), date(2021, 4, 4), "day", "week of 29 Mar 2021"),
])
def test_the_value_says_the_period_when_the_granularity_is_coarser(
        value: str, first: date, last: date, granularity: str, label: str) -> None:
    assert date_label(_date(value, first, last, granularity)) == label
