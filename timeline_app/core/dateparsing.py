"""dateparser behind a memo: one parser per reference date, one parse per phrase.

dateparser normalises the phrases our rules hand to it whole (numeric dates such as ``5/2/2021``).
A call costs about a millisecond, so results are memoised per (phrase, reference date); parsers
are created once per reference date and always with ``languages=['en']`` (ten times faster).
Numeric dates are read month first (``5/2/2021`` is May 2), the US convention of English news,
unless the text itself shows the other order (see ``order``); set ``TIMELINE_DATE_ORDER=DMY``
for day-first sources.
"""

from __future__ import annotations

import functools
import os
from datetime import date, datetime
from typing import Any

DATE_ORDER = os.environ.get("TIMELINE_DATE_ORDER", "MDY").upper()


@functools.lru_cache(maxsize=64)
def _parser(reference: date | None, order: str) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": order,
                                "RETURN_TIME_AS_PERIOD": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def parse(phrase: str, reference: date | None, order: str | None = None) -> tuple[date, str] | None:
    """The date dateparser reads in ``phrase`` and its period ('day', 'month', 'year', ...);
    ``order`` ('MDY' or 'DMY') for numeric dates, else :data:`DATE_ORDER`."""
    try:
        data = _parser(reference, order or DATE_ORDER).get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input; a miss, not a crash
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if not 1000 <= day.year <= 2999:
        return None
    return day, str(data.period or "day")


def warm_up() -> None:
    """Load dateparser's language data now rather than on the first article."""
    parse("1/2/2000", None)
