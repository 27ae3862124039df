"""The extraction pipeline for one article: reference date, temporal expressions, events.

The reference date relative expressions resolve against is, in order: the date the user gave
(``--dct`` or the UI), the article's publication date, or, when the article states none, a
date inferred from the text: the day its title names ("Minutes of the meeting, 10 November
2026"), else the latest explicit calendar date it mentions (events resolved against an inferred
reference are marked approximate).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core.events import Event, build_events
from timeline_app.core.ingest import Article
from timeline_app.core.records import pickled_by_fields
from timeline_app.core.tagger import Tagger, Timex, default_tagger


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Reference:
    """The date relative expressions were resolved against, and where it came from."""

    date: date | None
    source: str | None  # header|html|front-matter|json|filename|dct-option|user|inferred
    how: str = ""

    def as_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat() if self.date else None, "source": self.source}


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one article."""

    article: Article
    reference: Reference
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """One object of ``timeline-app extract`` output."""
        a = self.article
        return {"path": a.path, "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "source": a.source, "url": a.url, "reference": self.reference.as_json(),
                "timexes": [t.as_json() for t in self.timexes],
                "events": [e.as_json() for e in self.events]}


EARLIEST_WRITTEN = 1500  # no article is dated before print; "ruled until AD 14" is a story's date


def infer_reference(timexes: list[Timex]) -> tuple[date, str] | None:
    """The end of the latest explicit (absolute) date the text mentions, with an explanation."""
    best: Timex | None = None
    for timex in timexes:
        if timex.anchor != "absolute" or timex.time is None or timex.type not in ("DATE", "TIME"):
            continue
        if timex.time.granularity in ("century", "decade") or timex.time.start.year < EARLIEST_WRITTEN:
            continue  # "until the 20th century", "AD 14": no day the text was written on
        if best is None or best.time is None or timex.time.interval()[1] > best.time.interval()[1]:
            best = timex
    if best is None or best.time is None:
        return None
    return best.time.interval()[1], f"latest date the text mentions: '{best.text}'"


TITLE_DATE_LEAD = 366  # days: a text that mentions dates beginning later is not of its title's day
_WEEKDAY_AND_DAY = re.compile(r"(?P<weekday>[A-Za-z]+)\.?,?\s+(?:the\s+)?(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?")
FIT_YEARS = 30  # how far back a month whose weekdays fit a diary's is looked for


def weekday_fit_reference(title_timexes: list[Timex], timexes: list[Timex], weekdays: dict[str, int],
                          today: date) -> tuple[date, str] | None:
    """For a text with no date but days named by weekday and number: with their month ("Sat
    Nov 28", "Sun 29 Nov"), the first of them in the year nearest ``today`` in which every one
    falls on its weekday; without ("Sun 1st", "Tues 3rd", under a title "Allotment diary,
    November"), the last of them in the latest month, not after ``today``, in which every
    one does (in the title's month, if it names one), two such days at least (one alone fits
    too many months). ``weekdays`` maps names to 0-6."""
    dated = _weekday_dates(timexes, weekdays)
    if dated:
        return _year_fit(dated, today)
    pairs: list[tuple[int, int, str]] = []
    for timex in timexes:
        if not timex.rule.startswith("weekday_day") or timex.value[:4] != "XXXX":
            continue
        found = _WEEKDAY_AND_DAY.match(timex.text)
        weekday = weekdays.get(found["weekday"].lower()) if found else None
        if found is not None and weekday is not None and 1 <= int(found["day"]) <= 31:
            pairs.append((int(weekday), int(found["day"]), timex.text))
    if len({(w, d) for w, d, _ in pairs}) < 2:
        return None
    months = {int(t.value[5:7]) for t in title_timexes if re.fullmatch(r"XXXX-[0-9]{2}", t.value)}
    year, month = today.year, today.month
    for _ in range(FIT_YEARS * 12):
        if (not months or month in months) and all(
                day <= _month_length(year, month) and date(year, month, day).weekday() == weekday
                for weekday, day, _ in pairs):
            last = date(year, month, max(day for _, day, _ in pairs))
            if last <= today:
                named = ", ".join(f"'{text}'" for _, _, text in pairs[:3])
                return last, f"days it names ({named}), which fall on their weekdays in {last:%B %Y}"
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


_MONTH_DAY = re.compile(r"XXXX-([0-9]{2})-([0-9]{2})")


def _weekday_dates(timexes: list[Timex], weekdays: dict[str, int]) -> list[tuple[int, int, int, str]]:
    """``(weekday, month, day, text)`` of each day named with its weekday and month but no
    year ("Sat Nov 28", "Sunday 29 November")."""
    found = []
    for timex in timexes:
        month_day = _MONTH_DAY.fullmatch(timex.value)
        first = timex.text.split(maxsplit=1)[0].rstrip(".,").lower() if timex.text.strip() else ""
        weekday = weekdays.get(first)
        if month_day is not None and weekday is not None:
            found.append((int(weekday), int(month_day[1]), int(month_day[2]), timex.text))
    return found


def _year_fit(dated: list[tuple[int, int, int, str]], today: date) -> tuple[date, str] | None:
    """The first of these days in the year nearest ``today`` in which each falls on its weekday."""
    def days_in(year: int) -> list[date] | None:
        days = []
        for weekday, month, day, _ in dated:
            if not 1 <= month <= 12 or not 1 <= day <= _month_length(year, month):
                return None
            if date(year, month, day).weekday() != weekday:
                return None
            days.append(date(year, month, day))
        return days

    fits = [(min(days), year) for year in range(today.year - FIT_YEARS, today.year + 2)
            if (days := days_in(year)) is not None]
    if not fits:
        return None
    first, year = min(fits, key=lambda fit: abs((fit[0] - today).days))
    named = ", ".join(f"'{text}'" for _, _, _, text in dated[:3])
    return first, f"days it names ({named}) fall on their weekdays in {year}"


_POST_STAMP_BEFORE = re.compile(r"[^\n@]{0,60}@\w{1,30}\)?\s*[·•|–-]?\s*$")  # "Maya Chen @maya · "


def post_stamp_reference(text: str, timexes: list[Timex], today: date) -> tuple[date, str] | None:
    """For a thread of posts stamped without a year ("Maya Chen @mayachen · Nov 22"): the
    latest stamp, read as the latest such day not after ``today`` (a saved thread is recent)."""
    days = []
    for timex in timexes:
        month_day = _MONTH_DAY.fullmatch(timex.value)
        line = text.rfind("\n", 0, timex.start) + 1
        if month_day is None or not _POST_STAMP_BEFORE.fullmatch(text, line, timex.start):
            continue
        month, day = int(month_day[1]), int(month_day[2])
        for year in (today.year, today.year - 1, today.year - 4):  # (29 February: a leap year)
            with contextlib.suppress(ValueError):
                if (stamp := date(year, month, day)) <= today:
                    days.append((stamp, timex.text))
                    break
    if not days:
        return None
    latest = max(days)
    named = ", ".join(f"'{text}'" for _, text in days[:3])
    return latest[0], f"its posts' stamps ({named}), which give no year: the latest such days up to today"


def _month_length(year: int, month: int) -> int:
    return (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days


def title_reference(title_timexes: list[Timex], timexes: list[Timex]) -> tuple[date, str] | None:
    """The day a title names ("Minutes of the meeting, 10 November 2026", "Newsletter - 5
    March 2026"), as the article's own date, unless the text goes on well past it (a history
    titled by the day it tells of)."""
    days = [t for t in title_timexes if t.anchor == "absolute" and t.time is not None
            and t.type in ("DATE", "TIME") and t.time.granularity in ("day", "partofday", "minute")
            and not (t.start == 0 and t.text[:1].isdigit() and not t.text[:4].isdigit()
                     and "/" in t.text)]  # ("12/11/2026, 18:04 - Sam: ...": a chat's stamp)
    if len(days) != 1 or days[0].time is None:
        return None
    day = days[0].time.start
    for timex in timexes:
        if (timex.anchor == "absolute" and timex.time is not None
                and (timex.time.start - day).days > TITLE_DATE_LEAD):
            return None
    return day, f"date in its title: '{days[0].text}'"


_LINE_SEPARATORS = re.compile(r"[\s–—,-]*(?:to|until|till|and)?[\s–—,-]*")


def _more_day_lines(text: str, after: int, timexes: list[Timex]) -> bool:
    """Whether a line after ``after`` holds a day and nothing else ("Tuesday", "Thursday 5
    September"), as a diary's entries open."""
    for timex in timexes:
        if timex.start <= after or timex.time is None or timex.time.granularity != "day":
            continue
        line_end = text.find("\n", timex.end)
        line_end = len(text) if line_end < 0 else line_end
        if (not text[text.rfind("\n", 0, timex.start) + 1:timex.start].strip()
                and not text[timex.end:line_end].strip(" \t.:,")):
            return True
    return False


def date_line_reference(text: str, body_start: int, timexes: list[Timex]) -> tuple[date, str] | None:
    """The day of a line near the top that holds nothing but a date or a span of dates ("12
    December 2026 – 5 April 2027" under an exhibition's name): the article's own time, as a
    dateline's is."""
    lines = 0
    pos = body_start
    while lines < 3 and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        inside = [t for t in timexes if pos <= t.start and t.end <= end]
        if inside and text[pos:end].strip():
            rest, at = [], pos
            for t in inside:
                rest.append(text[at:t.start])
                at = t.end
            rest.append(text[at:end])
            first = inside[0]
            if (all(_LINE_SEPARATORS.fullmatch(part) for part in rest) and first.anchor == "absolute"
                    and first.time is not None and first.time.granularity == "day"):
                if title_reference([first], timexes) is None:
                    return None  # (a text going on for over a year past it)
                if _more_day_lines(text, end, timexes):
                    return None  # a diary's first entry: "Monday 2 September 2024" ... "Tuesday"
                return first.time.start, f"date line: '{text[pos:end].strip()}'"
        if text[pos:end].strip():
            lines += 1
        pos = end + 1
    return None


def _weekday_numbers(tagger: Tagger) -> dict[str, int]:
    """Weekday names (lower case) to 0-6, from the rules' vocabulary."""
    return {str(name).lower(): int(number) for name, number in tagger.rules.table("weekday").items()}


def extract(article: Article, *, tagger: Tagger | None = None,
            reference: date | None = None, reference_source: str = "dct-option") -> DocumentResult:
    """Tag one article and build its events."""
    tagger = tagger or default_tagger()
    text = article.text
    if reference is not None:
        ref = Reference(reference, reference_source, "given")
    elif article.published is not None:
        ref = Reference(article.published, article.published_source, "stated by the article")
    else:
        ref = Reference(None, None, "none stated, none inferred")
    timexes = tagger.tag(text, ref.date, start=article.body_start)
    if ref.date is None:
        title_timexes = tagger.tag(article.title, None)
        titled = (title_reference(title_timexes, timexes)
                  or date_line_reference(text, article.body_start, timexes)
                  or (None if infer_reference(timexes) else (
                      weekday_fit_reference(title_timexes, timexes, _weekday_numbers(tagger), date.today())
                      or post_stamp_reference(text, timexes, date.today()))))
        inferred = titled or infer_reference(timexes)
        if inferred is not None:
            ref = Reference(inferred[0], "inferred", inferred[1])
            # a dated title is the article's own day, as a dateline is, or a diary's last day: news mode
            timexes = tagger.tag(text, ref.date, narrative=titled is None, start=article.body_start)
    events = build_events(article.path, text, timexes, body_start=article.body_start,
                          inferred_reference=ref.source == "inferred")
    return DocumentResult(article, ref, timexes, events)
