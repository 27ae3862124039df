"""Normalisers: turn the named groups of a rule's match into a TimeML value.

Each rule in ``rules.yaml`` names one of the functions in :data:`NORMALISERS`. A normaliser gets
the match's groups, the rule's arguments and a :class:`Context` (reference date, story anchor,
tense of the clause) and returns a :class:`Resolution`, or None to reject the candidate.

Anchors, as HeidelTime's news and narrative modes: ``absolute`` values need no anchor;
``reference`` ones are resolved against the article's reference (publication) date;
``story`` ones against the last date the text mentioned before them (falling back to the
reference date when the text has none yet). In narrative mode (a text without a publication
date) a month, holiday or weekday without a year is placed from the story's "now" as well,
moving forward as stories do (see :meth:`Context.story_time`).
"""

from __future__ import annotations

import contextlib
from calendar import isleap, monthrange
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from typing import Any, Protocol

from dateutil.easter import easter

from timeline_app.core import dateparsing
from timeline_app.core.rules import RuleSet
from timeline_app.core.timeml import UNIT_GRANULARITY, TimeValue, coarser, rank

Groups = Mapping[str, str | None]
ABSOLUTE, REFERENCE, STORY, NONE = "absolute", "reference", "story", "none"


@dataclass(frozen=True)
class Resolution:
    """What a normaliser found: the value, its calendar period if any, mod and anchor."""

    value: str
    time: TimeValue | None = None
    mod: str | None = None
    anchor: str = ABSOLUTE
    type: str | None = None  # overrides the rule's type when set
    until: TimeValue | None = None  # the end of a range written as one phrase ("June 9-12")


class Context(Protocol):
    """What normalisers may ask about the text around a match."""

    rules: RuleSet

    def reference(self) -> date | None: ...

    def story_anchor(self, finest: str) -> TimeValue | None: ...

    def chapter_mark(self) -> bool:
        """The expression opens a line of a list of stamps from "00:00": chapters, not times."""

    def heading_year(self) -> int | None:
        """The year a Markdown heading over the expression's section names, if any."""

    def names_a_thing(self) -> bool:
        """The expression sits between an article and a noun ("the 4 August blast")."""

    def opens_sentence(self) -> bool:
        """The expression opens its sentence, perhaps after a preposition ("In October, ...")."""

    def edit_stamp(self) -> bool:
        """The expression stamps an edit of a post ("EDIT (11/23):")."""

    def opens_line(self) -> bool:
        """The expression opens its line, after a bullet or emphasis ("- 3 March: ...")."""

    def warned(self) -> bool:
        """A warning or an alert the expression's "from" starts ("issued a warning from Friday")."""

    def numbered_day(self) -> bool:
        """The expression's line opens with a day counted from an unnamed start ("Day 3: ...")."""

    def moved_to(self) -> bool:
        """A day something was moved or put off to ("postponed to Friday"): ahead."""

    def possessive_ahead(self) -> bool: ...
    def ahead_of_event(self) -> bool: ...
    def mentioned_before(self, names: Iterable[str]) -> int: ...
    def subject_of_present(self) -> bool:
        """The expression opens its sentence as the subject of a present verb ("Tuesday brings")."""

    def scheduled_before(self) -> bool:
        """A present "is" sets the expression as a plan's day ("The race is on 10/12"): ahead."""

    def story_anchor_before(self, finest: str, day: date, reach: int = 600) -> TimeValue | None:
        """The last date mentioned within ``reach`` characters, at least as fine as ``finest``,
        that begins in the week before ``day``."""

    def story_anchor_after(self, finest: str, day: date) -> TimeValue | None:
        """The last date mentioned, at least as fine as ``finest``, that begins after ``day``."""

    def sentence_year(self, month: int | None = None) -> int | None:
        """The year of a date written earlier in the expression's sentence, if any."""

    def from_before(self) -> bool:
        """The expression follows "from": the start of something."""

    def set_from(self) -> bool:
        """Before the "from": a change set in the present tense ("Rail fares rise from March")."""

    def sentence_clock(self) -> TimeValue | None:
        """The clock time given earlier in the expression's sentence, if any."""

    def recent_past_anchor(self, reach: int = 500, finest: str = "month") -> TimeValue | None:
        """The last date mentioned (``finest`` or finer) if just before and in an earlier year."""

    def recent_week(self) -> TimeValue | None:
        """The week or weekend last named earlier in the expression's sentence."""

    def sentence_period(self) -> TimeValue | None:
        """The first month, season, quarter or half written earlier in the sentence."""

    def numeric_order(self) -> str | None:
        """'DMY' or 'MDY' when the text's own numeric dates show their order ("25/12/2020"
        is day first), else None (the default)."""

    def adjacent_day(self) -> tuple[TimeValue, str] | None:
        """The day written right before the expression ("May 5 at 10am"), and its anchor."""

    def sentence_day(self) -> tuple[TimeValue, str] | None:
        """The last day written earlier in the expression's sentence, and its anchor."""

    def anaphoric_year(self) -> int | None:
        """The year "that year" after ("Easter Monday that year") or "That" before ("That
        Christmas") gives a date without one: the story's last year, moved so; else None."""

    def told_year(self) -> int | None:
        """The year the date just before this "that year" took from it ("March 5 that year")."""

    def weekday_told(self, weekday: int) -> date | None:
        """The day the text last resolved this weekday (0 = Monday) to, if any."""

    def tell_weekday(self, weekday: int, day: date) -> None:
        """Remember the day a weekday was resolved to (see :meth:`weekday_told`)."""

    def birth_year(self) -> int | None:
        """The year of the birth the text told before the expression ("I was born in 1952")."""

    def last_log_entry(self) -> TimeValue | None:
        """The last time stamp that opened a line ("23:15 Turnout is up"), in a live blog."""

    def tell_log_entry(self, time: TimeValue) -> None:
        """Remember a time stamp opening a line."""

    def will_before(self) -> bool:
        """"will" comes before the expression in its sentence ("Kerr will face Sinner in Sunday's
        final"; not "would": reported plans are told in it)."""

    def recent_story_day(self) -> tuple[TimeValue, str] | None:
        """The day the sentence before told, if over a week before the reference, with its
        anchor ("Two years ago today I had my last drink. ... at about four in the afternoon")."""

    def sentence_anchor(self) -> TimeValue | None:
        """The last date with a year written earlier in the expression's sentence."""

    def last_clock(self) -> TimeValue | None:
        """The clock time the text last gave ("at 10:30 p.m."), unless a date of another day
        followed it."""

    def story_time(self, finest: str = "year") -> TimeValue | None:
        """Narrative mode: the date the story last mentioned; None in news mode."""
    def tense(self) -> str | None: ...

    def clause_tense(self) -> str | None:
        """:meth:`near_tense` from the expression's own clause only."""

    def past_perfect(self) -> bool:
        """The expression's clause is in the past perfect ("had been crowned in January")."""

    def in_a_game(self) -> bool:
        """Sport around the expression: a score or two game words."""

    def ahead_in(self) -> bool:
        """The expression follows "in" in a clause that looks ahead ("reopens in three weeks")."""

    def listing(self) -> bool:
        """The expression's sentence is an entry of a listing, with no verb ("Film: Saturday, 2pm")."""

    def planned_block(self) -> bool:
        """The expression sits under a heading of what is planned ("## Next steps")."""

    def question(self) -> bool:
        """The expression's sentence asks a question ("weds 6pm at the usual place?")."""

    def on_this_day(self) -> tuple[int, int] | None:
        """The month and day of an "on this day" column's list, for a year opening a line."""

    def deadline_before(self) -> bool:
        """The expression follows "until", "till" or "through"."""

    def recent_day_ahead(self) -> TimeValue | None:
        """The day the sentence before told, if it is after the reference ("The lecture is on
        Saturday 12 December. Doors open at 6.15pm")."""

    def recent_weekday_day(self) -> TimeValue | None:
        """The day the expression's sentence or the one before told with its weekday, if it is
        over a week before the reference ("on Saturday 8 March ... In the early hours of
        Sunday"): a story told day by day."""

    def period_after(self) -> bool:
        """A period the expression names follows it ("Easter week") or leads to it ("ahead of")."""

    def planned(self) -> bool:
        """The expression's sentence tells of a plan ("was cancelled", "announced", "booked")."""

    def set_until(self) -> bool:
        """Before the "until": an act that sets a day ahead ("released on bail", "adjourned")."""

    def near_tense(self) -> str | None:
        """:meth:`tense` for dates near the reference, where an order's or a pledge's
        "to ..." looks ahead too."""

    def range_end_month(self) -> int | None: ...
    def range_end(self) -> tuple[int, int | None] | None:
        """The year and month of the end of a range the match starts ("to June 12, 2020")."""

    def reporting_quarter(self) -> TimeValue | None: ...


Normaliser = Callable[[Groups, Mapping[str, Any], Context], Resolution | None]


# ---------------------------------------------------------------------- helpers
def _lookup(ctx: Context, table: str, word: str | None) -> Any:
    if word is None:
        return None
    key = " ".join(word.lower().replace("’", "'").split()).rstrip(".")
    found = ctx.rules.table(table).get(key)
    if found is None and " " in key:  # "twenty four" as "twenty-four"
        found = ctx.rules.table(table).get(key.replace(" ", "-"))
    return found


def _digits(text: str | None) -> int:
    """The number the digits of ``text`` spell ("5th" -> 5), 0 for none."""
    return int("".join(ch for ch in text or "" if ch.isdigit()) or 0)


def _unit(word: str | None, ctx: Context) -> str | None:
    if not word:
        return None
    unit = _lookup(ctx, "unit", word) or _lookup(ctx, "unit", word.lower().rstrip("s"))
    return str(unit) if unit else None


def _count(groups: Groups, args: Mapping[str, Any], ctx: Context) -> float | str | None:
    count = _whole_count(groups, args, ctx)
    if isinstance(count, float) and (groups.get("plus_half") or groups.get("unit_and_half")):
        return count + 0.5  # "2 1/2 years", "two and a half days", "a year and a half"
    return count


def _whole_count(groups: Groups, args: Mapping[str, Any], ctx: Context) -> float | str | None:
    if groups.get("count_digits"):
        return float(groups["count_digits"] or 0)
    if groups.get("count"):
        value = _lookup(ctx, "number", groups["count"])
        return value if value in (None, "X") else float(value)
    if groups.get("count_word"):
        return "X"
    if "count" in args:
        return float(args["count"])
    return None


def _mod(groups: Groups, ctx: Context) -> str | None:
    if groups.get("approx"):  # "about" just before the span
        return "APPROX"
    for name, table in (("date_mod", "date_mod"), ("quantity_mod", "quantity_mod")):
        if groups.get(name):
            return _lookup(ctx, table, groups[name])  # type: ignore[no-any-return]
    return None


def _year(groups: Groups) -> int | None:
    text = groups.get("year")
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 2:
        value = int(digits)
        return 1900 + value if value >= 30 else 2000 + value
    return int(digits)


def _story_year(ctx: Context) -> TimeValue | None:
    """Narrative mode: the story's "now", if it has a year (not "the 1860s")."""
    story = ctx.story_time()
    return story if story is not None and rank(story.granularity) >= rank("year") else None


def _story_day(ctx: Context) -> TimeValue | None:
    """Narrative mode: the story's "now", if it is a day (or finer)."""
    story = ctx.story_time("day")
    return story if story is not None and rank(story.granularity) >= rank("day") else None


JUST_PAST = timedelta(days=62)  # a day told without a year this close before the reference is of its year


DAYS_AROUND = 14  # a day without a year this close to the story's day is of the story's year


def _days_on(told: TimeValue, month: int, day: int, reach: int = DAYS_AROUND) -> bool:
    """Whether ``month``/``day`` in the year of ``told`` (a day) is a few days after it."""
    if rank(told.granularity) < rank("day"):
        return False
    with contextlib.suppress(ValueError):
        return 0 < (date(told.start.year, month, day) - told.start).days <= reach
    return False


def _shortly_before(told: TimeValue, month: int, day: int) -> bool:
    """Whether ``month``/``day`` in the year of ``told`` is a few days before it (a day), or
    within two months before it (a month): "fined in June 2023 ... during roadworks that
    began on 2 May"."""
    if rank(told.granularity) < rank("month"):
        return False
    reach = DAYS_AROUND if rank(told.granularity) >= rank("day") else JUST_PAST.days
    with contextlib.suppress(ValueError):
        return -reach <= (date(told.start.year, month, day) - told.start).days < 0
    return False


def _ongoing_range_year(ref: date, month: int, day: int, end_month: int) -> int | None:
    """The year a range from ``month``/``day`` to the end of ``end_month`` starts in, if one
    such range holds ``ref`` (the one under way)."""
    for year in (ref.year, ref.year - 1):
        end_year = year + (end_month < month)
        with contextlib.suppress(ValueError):
            if date(year, month, day) <= ref <= date(end_year, end_month, monthrange(end_year, end_month)[1]):
                return year
    return None


def _nearest_year(month: int, ctx: Context, day: int = 1, dated: bool = False) -> tuple[int | None, str]:
    """Year for a month (and day) given without one: the reference year, moved by tense; in
    narrative mode the story's year, or the next one when the month is well before the story's
    ("September 1862 ... In February": 1863)."""
    if (stamped := ctx.reference()) is not None and ctx.edit_stamp():
        # "EDIT (11/23):", "UPDATE (19 Nov)": the 11/23 nearest the post's date (an edit comes
        # after the post; a page saved later is dated after its edits)
        years = [year for year in (stamped.year - 1, stamped.year, stamped.year + 1)
                 if day <= monthrange(year, month)[1]]
        return min(years, key=lambda year: abs((date(year, month, day) - stamped).days)), REFERENCE
    end = ctx.range_end()
    if end is not None:  # "from June 9 to June 12, 2020": the end's year, or the one before
        end_year, end_month = end
        return (end_year - 1 if end_month is not None and month > end_month else end_year), ABSOLUTE
    if (told := ctx.anaphoric_year()) is not None:  # "in June that year", "That March"
        return told, STORY
    if ((ref := ctx.reference()) is not None and (before := ctx.sentence_anchor()) is not None
            and before.start > ref and rank(before.granularity) >= rank("week")
            and 0 <= (month - before.start.month) * 31 + day - before.start.day <= 183
            and ctx.tense() != "past"):
        # a schedule ahead: "Nevada first, on Feb. 12, 2028, ... and Super Tuesday on March 7"
        # (not "will take over on 1 January from Park, who announced his retirement in June")
        return before.start.year, STORY
    story = _story_year(ctx)
    if story is not None and story.granularity == "year" and (
            (finer := ctx.story_time("month")) is not None and finer.granularity != "year"
            and finer.start.year == story.start.year):
        story = finer  # "The siege began on 7 September 1941. By the end of the year ... In January"
    if story is not None:
        year = story.start.year
        if story.granularity != "year" and ctx.past_perfect():
            # "On 14 October 1066 ... Harold had been crowned in January": before the story's
            # time, which a month or a season holds to its end ("By mid-December ... had left on
            # 5 December" is that December)
            last = story.interval()[1]
            year -= (month, day) > (last.month, last.day) and last.year == story.start.year
        elif story.granularity != "year" and story.start.month - month > 2:
            year += 1
        return year, STORY
    if (opening := ctx.sentence_year(month)) is not None:  # "In 2019, the plant closed on March 5"
        return opening, STORY
    if (section := ctx.heading_year()) is not None:  # "## Summer term 2027" over "Half term: 31 May"
        return section, STORY
    if (ref := ctx.reference()) is not None and (end_month := ctx.range_end_month()) is not None and (
            (ongoing := _ongoing_range_year(ref, month, day, end_month)) is not None
            and ctx.tense() != "past"):
        return ongoing, REFERENCE  # "The exhibition runs from October to January" (in November)
    if ((ref := ctx.reference()) is not None and (end_month := ctx.range_end_month()) is not None
            and end_month < month and ctx.tense() == "past"):
        # "no air frost between December and February" (in November): the last such span, the
        # one ending before now
        return (ref.year if end_month < ref.month else ref.year - 1) - 1, REFERENCE
    ref = ctx.reference()
    if ref is None:
        return None, NONE
    tense = ctx.tense()
    if tense is None and ctx.clause_tense() == "future":
        tense = "future"  # "..., promising an extra £2bn from April": what is promised is ahead
    scheduled = tense is None and ctx.scheduled_before()  # "The race is on 10/12"
    if tense is None and (scheduled or ctx.deadline_before() or ctx.planned_block()):
        tense = "future"  # "extends farm programs through Sept. 30": a time limit is ahead
    if tense == "past" and (ctx.moved_to() or ctx.warned()):
        tense = "future"  # "The fair was moved to 3 March": the plan's new day, ahead ("A by-election
        # was called for 15 January": the day called for)
    if tense != "future" and ctx.set_from() and ctx.clause_tense() is None:
        tense = "future"  # "Acme unveiled its new arm, which ships in March": a change set ahead
    if tense == "past" and (recent := ctx.recent_past_anchor()) is not None and (((
            (month, day) > (recent.start.month, recent.start.day)) and (not (
            dated and timedelta(0) <= ref - date(ref.year, month, min(day, 28)) <= JUST_PAST)
            or _days_on(recent, month, day))) or (
            dated and _shortly_before(recent, month, day)
            and not abs(ref - date(ref.year, month, min(day, 28))) <= JUST_PAST)):
        # "On March 3, 2025 the first warning came ... The bank was closed in June" (written in
        # 2026): the story's year goes on (not to a day just gone: "... a trial in June 2025 ...
        # The appeal was heard on 14 October", written in November 2026, is this October; but
        # "on 17 November 1976 ... Power was restored on 20 November": days on in the story, and
        # "... she died nine days later. Platt was arrested on 12 March": days before)
        return recent.start.year, STORY
    year = ref.year
    if dated and tense == "past" and ctx.deadline_before() and ctx.set_until():
        # "released on bail until 4 January" (written in November): a day a past act set, the
        # nearer one ("The road was closed until 3 March" tells a past state)
        with contextlib.suppress(ValueError):
            this_one = date(year, month, day)
            later = date(year + 1, month, day) if this_one < ref else this_one
            earlier = date(year - 1, month, day) if this_one > ref else this_one
            return (later if later - ref < ref - earlier else earlier).year, REFERENCE
    if (tense == "past" and (before := ctx.sentence_anchor()) is not None
            and rank(before.granularity) >= rank("month") and ctx.near_tense() == "future"):
        # "Last month the council voted to close it from January": what was decided then is
        # after then
        return before.start.year + ((month, day) <= (before.start.month, before.start.day)), STORY
    if ((tense == "future" and (month, day) < (ref.month, ref.day)
         and (ref.month - month > 0 or (dated and ref.day - day > 14 and ctx.clause_tense() == "future"))
         # the month just gone only for a verb before it that looks ahead ("The opening will
         # be in October", in November; not "In October, it announced plans to ...")
         and (ref.month - month > 1 or scheduled
              or (ctx.clause_tense() == "future" and not ctx.opens_sentence())))
            or (tense is None and ref.month - month > 9)  # "fares go up from Jan 1" (in November)
            # "Teachers return on Aug. 4" (but "- 3 March: Council approves the plan" is told)
            or (tense is None and dated and (ref.month - month) * 30 + ref.day - day > 90
                and not ctx.opens_line() and not ctx.names_a_thing())):
        year += 1
    elif tense != "future" and (month, day) > (ref.month, ref.day) and month - ref.month > 2:
        year -= 1
    return year, REFERENCE


# ---------------------------------------------------------------------- normalisers
def calendar(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """Explicit calendar dates: any of year, month, day, season, quarter, half, clock time."""
    mod = _mod(groups, ctx)
    year = _year(groups)
    anchor = ABSOLUTE
    month = _lookup(ctx, "month", groups.get("month")) if groups.get("month") else None
    if groups.get("month") and month is None:
        month = int(groups["month"] or 0)
    if args.get("numeric"):  # "on 5/3": month first, unless the text writes day first
        first, second = int(groups.get("month") or 0), int(groups.get("day") or 0)
        day_first = (ctx.numeric_order() or dateparsing.DATE_ORDER) == "DMY"
        weekday = _lookup(ctx, "weekday", groups.get("weekday"))
        if weekday is not None and first <= 12 and second <= 12 and (ref := ctx.reference()):
            # "Sat 5/12": the order in which the day near the reference is a Saturday
            month_first = _weekday_fits(ref, int(weekday), first, second)
            if month_first != _weekday_fits(ref, int(weekday), second, first):
                day_first = not month_first
        if first > 12 or (day_first and second <= 12):
            groups = {**groups, "month": str(second), "day": str(first)}
            month = second
        if not 1 <= int(month or 0) <= 12:
            return None
    if groups.get("year_end") and year is not None:
        end = groups["year_end"] or ""
        end_year = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
        # "2001-09", "1912-54": a span of a few years; "(1912–1954)": a lifespan
        if not year < end_year <= year + (150 if len(end) == 4 else 20):
            return None
    season = _lookup(ctx, "season", groups.get("season"))
    quarter = _lookup(ctx, "ordinal", groups.get("quarter")) if groups.get("quarter") else None
    if groups.get("quarter") and quarter is None:
        quarter = int(groups["quarter"] or 0)
    half = groups.get("half") or {"first": "first", "last": "second", "1": "first", "2": "second"}.get(
        (groups.get("half_quarters") or groups.get("half_digit") or "").lower())  # "H1 2022"
    if groups.get("year2") and year is None:
        year = 2000 + int(groups["year2"] or 0)
        year = year if year <= date.today().year + 10 else year - 100
    day_text = groups.get("day")
    day = _digits(day_text) if day_text else None
    if (args.get("on_this_day") and year is not None and month is None and not groups.get("year_end")
            and (this_day := ctx.on_this_day()) is not None):
        month, day = this_day  # "On this day: November 24" over "1963 – Jack Ruby shoots Oswald"
    if args.get("this_day") and year is not None and (ref := ctx.reference()) is not None:
        month, day, anchor = ref.month, ref.day, REFERENCE  # "this day in 1976"
        if (month, day) == (2, 29) and not isleap(year):
            day = 28
    if groups.get("day_word"):  # "the twenty-first of March"
        day = _lookup(ctx, "day_ordinal", groups["day_word"])
    if groups.get("week") and year is None and (ref := ctx.reference()) is not None:
        ref_year, ref_week, _ = ref.isocalendar()  # "calendar week 45": this year's, or the nearer
        week_number = int(groups["week"] or 0)
        year = ref_year + (week_number - ref_week < -26) - (week_number - ref_week > 26)
        anchor = REFERENCE
    if groups.get("week") and year is not None:  # "week 11 of 2024": an ISO week
        try:
            tv = TimeValue.of("week", date.fromisocalendar(year, int(groups["week"] or 0), 1))
        except ValueError:
            return None
        return Resolution(tv.value, tv, mod, anchor)
    if year is None and groups.get("shift") and (ref := ctx.reference()) is not None:
        year = ref.year + int(_lookup(ctx, "shift", groups.get("shift")) or 0)  # "of next year"
        anchor = REFERENCE
    if year is None:
        ref = ctx.reference()
        if month is not None:
            year, anchor = _nearest_year(month, ctx, day or 1, dated=day is not None)
            weekday = _lookup(ctx, "weekday", groups.get("weekday"))
            if weekday is not None and day is not None and year is not None:
                year = _year_of_weekday(year, month, day, int(weekday))
        elif (quarter is not None and (told := ctx.sentence_anchor()) is not None
              and told.granularity == "year"):
            year, anchor = told.start.year, STORY  # "two cuts next year, the first in the second quarter"
        elif quarter is not None and ref is not None:
            year, anchor = ref.year, REFERENCE
            q_now = (ref.month - 1) // 3 + 1
            if quarter > q_now and ctx.tense() != "future":
                year -= 1
        elif (story := _story_year(ctx)) is not None:
            year, anchor = story.start.year, STORY
        elif ref is not None:
            year, anchor = ref.year, REFERENCE
    known = year is not None
    y = year if year is not None else 2000
    try:
        if day is not None and month is not None:
            tv = TimeValue("day", date(y, month, day), year_known=known)
            if groups.get("hour"):
                tv = TimeValue("minute", tv.start, hour=int(groups["hour"] or 0),
                               minute=int(groups.get("minute") or 0), year_known=known)
            elif part := _lookup(ctx, "part_of_day", groups.get("part_of_day")):
                tv = TimeValue("partofday", tv.start, part=part, year_known=known)  # "the night of"
        elif month is not None:
            tv = TimeValue("month", date(y, month, 1), year_known=known)
        elif season:
            from timeline_app.core.timeml import SEASON_START_MONTH
            tv = TimeValue("season", date(y, SEASON_START_MONTH[season], 1), year_known=known)
        elif quarter is not None:
            if not 1 <= int(quarter) <= 4:
                return None
            tv = TimeValue("quarter", date(y, (int(quarter) - 1) * 3 + 1, 1), year_known=known)
        elif half:
            first = half.lower() in ("first", "1st")
            tv = TimeValue("half", date(y, 1 if first else 7, 1), year_known=known)
        elif year is not None:
            tv = TimeValue("year", date(year, 1, 1))
        else:
            return None
    except ValueError:
        return None
    until = _range_until(groups, tv, ctx) if known else None
    if args.get("range") and day is not None and (
            _digits(groups.get("day2")) <= day):
        return None  # "3-1 March": a score, not a range of days
    return Resolution(tv.value, tv if known else None, mod, anchor, until=until)


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year next to ``year`` in which ``month``/``day`` falls on ``weekday`` ("Monday,
    Oct. 5" written in February 2021 is 2020's: Oct. 5, 2021 is a Tuesday)."""
    for candidate in (year, year - 1, year + 1):
        with contextlib.suppress(ValueError):
            if date(candidate, month, day).weekday() == weekday:
                return candidate
    return year


def week_of(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the week of March 6', 'the weekend of March 7-8': the week (weekend) holding that day."""
    month = _lookup(ctx, "month", groups.get("month"))
    day_text = groups.get("day") or ""
    if month is None or not day_text:
        return None
    day_of = _digits(day_text)
    year = _year(groups)
    anchor = ABSOLUTE
    if year is None:  # (a day is given: "listed for the week of 8 February" is ahead)
        year, anchor = _nearest_year(int(month), ctx, day_of, dated=True)
    unit = (groups.get("unit") or "week").lower()
    if year is None:
        return Resolution("XXXX-WXX-WE" if unit == "weekend" else "XXXX-WXX", None, None, NONE)
    try:
        tv = TimeValue.of("weekend" if unit == "weekend" else "week", date(year, int(month), day_of))
    except ValueError:
        return None
    return Resolution(tv.value, tv, None, anchor)


def nth_of_month(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the first week of June', 'the last weekend of May', 'the fourth Thursday in November',
    'the first Monday of next month', 'the last day of the month': a day counted by weekday or
    by date, or the week (weekend) of the n-th seven days of a month (the ISO week holding
    its middle day)."""
    nth = 0 if groups.get("last") else _lookup(ctx, "ordinal", groups.get("nth"))
    if nth is None or int(nth) > 5:
        return None
    unit_word = (groups.get("unit") or "").lower()
    year = _year(groups)
    anchor = ABSOLUTE
    month = _lookup(ctx, "month", groups.get("month"))
    if month is None:  # "of the month", "of next month"
        shift_word = (groups.get("shift") or "").lower()
        shift = {"last": -1, "next": 1}.get(shift_word, 0)
        # "that month": the story's; "the month" in a text without a publication date too
        story = ctx.story_anchor("month") if shift_word == "that" else ctx.story_time("month")
        ref = story.start if story is not None else ctx.reference()
        if ref is None:
            return None
        base = TimeValue.of("month", ref).plus("M", shift).start
        year, month, anchor = base.year, base.month, STORY if story is not None else REFERENCE
    elif year is None:
        year, anchor = _nearest_year(int(month), ctx, 1 + 7 * max(int(nth) - 1, 0),
                                     dated=groups.get("weekday") is not None or unit_word == "day")
        if year is None:
            return None
    month = int(month)
    last_day = monthrange(year, month)[1]
    unit = (groups.get("unit") or "").lower()
    weekday = 5 if unit == "weekend" else _lookup(ctx, "weekday", groups.get("weekday"))
    if unit == "day":  # "the last day of the month", "the first day of May"
        tv = TimeValue.of("day", date(year, month, int(nth) if nth else last_day))
    elif weekday is not None:
        if nth:
            first = date(year, month, 1)
            day = first + timedelta(days=(int(weekday) - first.weekday()) % 7 + 7 * (int(nth) - 1))
        else:
            end = date(year, month, last_day)
            day = end - timedelta(days=(end.weekday() - int(weekday)) % 7)
        if day.month != month:
            return None  # "the fifth Monday of February"
        tv = TimeValue.of("weekend" if unit == "weekend" else "day", day)
    else:
        middle = 4 + 7 * (int(nth) - 1) if nth else last_day - 3
        if middle > last_day:
            return None
        tv = TimeValue.of("week", date(year, month, middle))
    return Resolution(tv.value, tv, None, anchor)


def named_day(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """A day known by its date ("9/11" is 2001-09-11) in a text written after it (or with no
    publication date); before it, the date it spells, as ``calendar`` reads it."""
    day = date.fromisoformat(str(args["day"]))
    ref = ctx.reference()
    if ref is not None and ref <= day:
        return calendar(groups, {}, ctx)
    tv = TimeValue.of("day", day)
    return Resolution(tv.value, tv, None, ABSOLUTE)


def _range_until(groups: Groups, tv: TimeValue, ctx: Context) -> TimeValue | None:
    """The end of "June 9-12, 2020" (day2), "June-August" (month2) or "2001-2009" (year_end),
    after the start."""
    try:
        if groups.get("day2") and tv.granularity == "day":
            day2 = _digits(groups["day2"])
            if day2 > tv.start.day:
                return TimeValue("day", tv.start.replace(day=day2))
        if groups.get("month2") and tv.granularity == "month":  # "June-August", "Nov-Feb"
            last = int(_lookup(ctx, "month", groups["month2"]) or 0)
            if last and last != tv.start.month:
                return TimeValue("month", date(tv.start.year + (last < tv.start.month), last, 1))
        end = groups.get("year_end")
        if end and tv.granularity == "year":
            year = tv.start.year
            end_year = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
            return TimeValue("year", date(end_year, 1, 1))
    except ValueError:
        return None
    return None


def _spelled_number(words: str, ctx: Context) -> int:
    total = 0
    for word in words.replace("-", " ").split():
        value = _lookup(ctx, "number", word)
        if isinstance(value, int | float):
            total += int(value)
    return total


def spelled_year(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'nineteen ninety-six', 'nineteen oh-five', 'the year two thousand', 'January nineteen ninety-seven'."""
    if groups.get("century"):
        century = _spelled_number(groups["century"] or "", ctx)
        tail = groups.get("tail") or ""
        year = century * 100 + (0 if tail.lower() == "hundred" else _spelled_number(tail, ctx))
    else:
        year = 2000 + _spelled_number(groups.get("units") or "", ctx)
    month = _lookup(ctx, "month", groups.get("month"))
    season_word = (groups.get("season_word") or "").split()
    try:
        if month:
            tv = TimeValue("month", date(year, int(month), 1))
        elif season_word:
            from timeline_app.core.timeml import SEASON_START_MONTH
            season = _lookup(ctx, "season", season_word[1])
            tv = TimeValue("season", date(year, SEASON_START_MONTH[season], 1))
        else:
            tv = TimeValue("year", date(year, 1, 1))
    except (ValueError, KeyError):
        return None
    return Resolution(tv.value, tv)


def decade(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the 1990s', "the '80s", 'the sixties' -> 199, 198, 196."""
    text = (groups.get("decade") or "").strip("'’")
    word = groups.get("decade_word")
    if word:
        start = int(_lookup(ctx, "decade_word", word) or 0)
        if not start:
            return None
    elif len(text) == 4:
        start = int(text)
        if start % 100 == 0 and start < 1900:  # "the 1800s": the century, not its first decade
            tv = TimeValue("century", date(start, 1, 1))
            return Resolution(tv.value, tv, _mod(groups, ctx))
    else:
        two = int(text[-2:])
        ref = ctx.reference()
        century = (ref.year // 100 * 100) if ref else 1900
        start = century + two if century + two <= (ref.year if ref else 2100) else century - 100 + two
        if not ref:
            start = 1900 + two if two >= 30 else 2000 + two
    tv = TimeValue("decade", date(start, 1, 1))
    return Resolution(tv.value, tv, _mod(groups, ctx))


def century(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the 20th century' -> 19."""
    text = (groups.get("century") or "").lower()
    number = _lookup(ctx, "ordinal", text)
    if number is None:
        number = _digits(text)
    if not 1 <= int(number) <= 21:
        return None
    if _before_christ(groups):  # "the 5th century BC": no place among dates
        return Resolution(f"BC{int(number) - 1:02d}", None, _mod(groups, ctx))
    tv = TimeValue("century", date(max((int(number) - 1) * 100, 1), 1, 1))
    half = (groups.get("half") or "").lower()  # "the first half of the 20th century"
    until = None
    if groups.get("century2"):  # "the 18th and 19th centuries": to the end of the second
        last = _lookup(ctx, "ordinal", (groups["century2"] or "").lower()) or _digits(groups["century2"])
        if not int(number) < int(last) <= 21:
            return None
        until = TimeValue("century", date((int(last) - 1) * 100, 1, 1))
    return Resolution(tv.value, tv, {"first": "START", "second": "END", "latter": "END"}.get(
        half) or _mod(groups, ctx), until=until)


def _before_christ(groups: Groups) -> bool:
    return (groups.get("era") or "").upper().startswith("B")


def era_day(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'15 March 44 BC' -> BC0044-03-15 (no calendar date); 'August 24, AD 79' -> 0079-08-24."""
    year, day = _digits(groups.get("year")), _digits(groups.get("day"))
    month = int(_lookup(ctx, "month", groups.get("month")) or 0)
    if not 1 <= month <= 12 or day > monthrange(2000, month)[1]:
        return None
    if _before_christ(groups):
        return Resolution(f"BC{year:04d}-{month:02d}-{day:02d}", None, None)
    tv = TimeValue("day", date(year, month, day))
    return Resolution(tv.value, tv, None)


def era_year(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'AD 79' -> 0079; '753 BC' -> BC0753 (no calendar date: Python's dates begin at AD 1)."""
    year = _digits(groups.get("year"))
    mod = _mod(groups, ctx)  # "c. 600 BC"
    if _before_christ(groups):
        return Resolution(f"BC{year:04d}", None, mod)
    tv = TimeValue("year", date(year, 1, 1))
    return Resolution(tv.value, tv, mod)


def turn_of_century(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the turn of the 20th century' -> about 1900; 'the turn of the century' -> the
    century's end nearest the reference year (story year, else publication), about then."""
    text = (groups.get("century") or "").lower()
    if text:
        number = _lookup(ctx, "ordinal", text) or _digits(text)
        if not 2 <= int(number) <= 22:
            return None
        year = (int(number) - 1) * 100
    else:  # a past story is told from its last date: "In 1887 ... by the turn of the century"
        tense = ctx.tense()
        reference = ctx.reference()
        story = ctx.story_anchor("year") if reference is None or tense == "past" else None
        if story is not None:
            # a story goes on: after 1948 it is 2000 that comes (unless the story's year is
            # just past a turn: 1903), though never one after the publication
            year = (story.start.year + 89) // 100 * 100
            if reference is not None and year > reference.year:
                story, year = None, (reference.year + 50) // 100 * 100
        elif reference is None:
            return Resolution("XXXX", None, "APPROX", NONE)
        else:  # the nearest to the publication (1998 and 2024: 2000), the next when ahead
            year = (reference.year + (99 if tense == "future" else 50)) // 100 * 100
    tv = TimeValue("year", date(year, 1, 1))
    anchor = ABSOLUTE if text else STORY if story is not None else REFERENCE
    return Resolution(tv.value, tv, "APPROX", anchor)


def turn_of_year(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the turn of the year': the start of a year, about then: the coming one when ahead (or
    in the second half of the year without a tense), the one begun when past; in a story, the
    one after the story's year ("In September 1941 ... at the turn of the year": 1942)."""
    reference = ctx.reference()
    story = ctx.story_anchor("year") if reference is None else None
    if story is not None:
        year, anchor = story.start.year + 1, STORY
    elif reference is None:
        return Resolution("XXXX", None, "START", NONE)
    else:
        tense = ctx.tense()
        ahead = tense == "future" or (tense is None and reference.month >= 7)
        year, anchor = reference.year + ahead, REFERENCE
    tv = TimeValue("year", date(year, 1, 1))
    return Resolution(tv.value, tv, "START", anchor)


def _holiday_date(name: str, year: int, ctx: Context) -> date | None:
    key = " ".join(name.lower().replace("’", "'").split())
    fixed = ctx.rules.table("holiday_fixed").get(key)
    if fixed:
        month, day = (int(x) for x in str(fixed).split("-"))
        return date(year, month, day)
    nth = ctx.rules.table("holiday_nth_weekday").get(key)
    if nth:
        month, weekday, n, *after = (int(x) for x in nth)
        first = date(year, month, 1)
        days_after = timedelta(days=after[0] if after else 0)
        if n > 0:
            offset = (weekday - first.weekday()) % 7
            return first + timedelta(days=offset + 7 * (n - 1)) + days_after
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7) + days_after
    shift = ctx.rules.table("holiday_easter").get(key)
    if shift is not None:
        sunday: date = easter(year)
        return sunday + timedelta(days=int(shift))
    weeks = ctx.rules.table("holiday_advent").get(key)
    if weeks is not None:  # Advent Sunday: the Sunday on or before 3 December
        third = date(year, 12, 3)
        return third - timedelta(days=(third.weekday() - 6) % 7 - 7 * int(weeks))
    span = _lunar_holiday(key, year, ctx)
    return span[0] if span else None


def _lunar_holiday(key: str, year: int, ctx: Context) -> tuple[date, date] | None:
    """First and last day of a lunar or lunisolar holiday in ``year`` (calendars.yaml: "MM-DD",
    or "MM-DD/MM-DD" for a festival of several days, its last day maybe in the next year)."""
    lunar = ctx.rules.tables.get("holiday_lunar", {}).get(key)
    if not isinstance(lunar, Mapping) or (written := lunar.get(year)) is None:
        return None
    days = []
    for part in str(written).split(",")[0].split("/"):
        month, day_of_month = (int(x) for x in part.split("-"))
        days.append(date(year, month, day_of_month))
    first, last = days[0], days[-1]
    return first, last if last >= first else last.replace(year=year + 1)


def beside_holiday(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the day after Thanksgiving', 'the week before Christmas', 'the weekend after Easter':
    the day, week or weekend next to a named day."""
    named = holiday(groups, args, ctx)
    if named is None or named.time is None:
        return named
    day = named.time.start
    sign = -1 if (groups.get("direction") or "").lower() == "before" else 1
    unit = (groups.get("unit") or "").lower()
    if unit == "day":
        tv = TimeValue("day", day + timedelta(days=sign))
    elif unit == "week":
        tv = TimeValue.of("week", day + timedelta(weeks=sign))
    else:  # the first weekend after it (or the last before it)
        saturday = day + timedelta(days=(5 - day.weekday()) % 7 or 7) if sign > 0 else \
            day - timedelta(days=(day.weekday() - 5) % 7 or 7)
        tv = TimeValue.of("weekend", saturday)
    return Resolution(tv.value, tv, named.mod, named.anchor)


# holidays calendars.yaml lists more than one day a year for, and the names of each day in order
_SEVERAL_A_YEAR = {"eid": ("eid al-fitr", "eid al-adha")}


def _occurrences(key: str, years: range, ctx: Context, kind: int | None = None) -> list[date]:
    """Each day of a holiday that falls more than once a year ("Eid": calendars.yaml lists
    "MM-DD,MM-DD"), in order, over ``years``; empty for any other."""
    lunar = ctx.rules.tables.get("holiday_lunar", {}).get(key)
    if not isinstance(lunar, Mapping) or "," not in str(lunar.get(years[0] + 1, "")):
        return []
    days = []
    for year in years:
        for index, part in enumerate(str(lunar.get(year, "")).split(",")):
            if part and (kind is None or index == kind):
                month, day_of_month = (int(x) for x in part.split("/")[0].split("-"))
                days.append(date(year, month, day_of_month))
    return sorted(days)


def _named_kind(key: str, ctx: Context) -> int | None:
    """Which of the days of ``key`` the text named in full before ("Eid al-Fitr ... three days
    before Eid": the first), as an index into the year's days; None when it named neither."""
    lunar = ctx.rules.tables.get("holiday_lunar", {})
    kinds = _SEVERAL_A_YEAR[key]
    where = [ctx.mentioned_before([name for name, days in lunar.items() if days is lunar.get(kind)])
             for kind in kinds]
    best = max(where)
    return where.index(best) if best >= 0 else None


def _one_of_several(key: str, groups: Groups, ctx: Context) -> Resolution | None:
    """"Eid" alone: the Eid the text named before, else either; the one the tense points to
    (the last before the reference when past, the next when ahead, else the nearer), or the
    first after the story's time."""
    kind = _named_kind(key, ctx)
    year = _year(groups)
    if year is not None:  # "Eid 2025": its first
        days, anchor = _occurrences(key, range(year, year + 1), ctx, kind), ABSOLUTE
        return Resolution(TimeValue("day", days[0]).value, TimeValue("day", days[0]), None, anchor) if days \
            else None
    story = _story_year(ctx)
    ref = ctx.reference()
    if story is not None or ref is None:
        if story is None:
            return Resolution("XXXX-XX-XX", None, None, NONE)
        later = [d for d in _occurrences(key, range(story.start.year, story.start.year + 2), ctx, kind)
                 if d >= story.start]
        return Resolution(TimeValue("day", later[0]).value, TimeValue("day", later[0]), None, STORY) \
            if later else None
    days = _occurrences(key, range(ref.year - 1, ref.year + 2), ctx, kind)
    shift = _lookup(ctx, "shift", groups.get("shift")) or 0
    tense = "future" if groups.get("deadline") else ctx.tense()
    before, after = [d for d in days if d < ref], [d for d in days if d >= ref]
    if (shift < 0 or tense == "past") and before:
        day = before[-1]
    elif (shift > 0 or tense == "future") and after:
        day = after[0]
    elif before and after:
        day = before[-1] if ref - before[-1] < after[0] - ref else after[0]
    else:
        return None
    return Resolution(TimeValue("day", day).value, TimeValue("day", day), None, REFERENCE)


def holiday(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """Named days: fixed (Christmas), nth weekday (Thanksgiving), Easter-based or lunar."""
    name = groups.get("holiday") or ""
    key = " ".join(name.lower().replace("’", "'").split())
    if key in _SEVERAL_A_YEAR:
        return _one_of_several(key, groups, ctx)
    year = _year(groups)
    anchor = ABSOLUTE
    if year is None and (told := ctx.anaphoric_year()) is not None:  # "Easter Monday that year"
        year, anchor = told, STORY
    if year is None and groups.get("anaphor") and (then := ctx.story_anchor("year")) is not None:
        year, anchor = then.start.year, STORY  # "in August 1914 ... That Christmas"
    story = _story_year(ctx)
    if year is None and story is not None:  # narrative: the next one from the story's "now"
        year, anchor = story.start.year, STORY
        this_year = _holiday_date(name, year, ctx)
        if this_year is None:
            return None
        if story.granularity != "year" and this_year < story.start:
            year += 1
    if year is None:
        ref = ctx.reference()
        if ref is None:  # "By Christmas the money was gone": some year's Christmas
            fixed = ctx.rules.table("holiday_fixed").get(
                " ".join(name.lower().replace("’", "'").split()))
            return Resolution(f"XXXX-{fixed}" if fixed else "XXXX-XX-XX", None, None, NONE)
        two_steps = (groups.get("two_steps") or "").strip().lower()  # "the Christmas before last"
        shift = _lookup(ctx, "shift", groups.get("shift")) or {"before last": -1, "after next": 1}.get(
            two_steps, 0)
        this_year = _holiday_date(name, ref.year, ctx)
        if this_year is None:
            return None
        year, anchor = ref.year, REFERENCE
        tense = ctx.tense()
        if tense is None and groups.get("deadline"):
            tense = "future"  # "back by easter": a deadline is ahead
        recent = ctx.recent_past_anchor(finest="season") if tense == "past" and shift == 0 else None
        on_that = _holiday_date(name, recent.start.year, ctx) if recent is not None else None
        if recent is not None and on_that is not None and on_that >= recent.start:
            # "That summer I baked for a market stall, and by Christmas I had a waiting list"
            # (in 2018, told in 2026): the story's Christmas
            tv = TimeValue("day", on_that)
            return Resolution(tv.value, tv, None, STORY)
        future = tense == "future"
        soon = timedelta(0) < this_year - ref <= timedelta(days=45)
        if tense is None and shift == 0 and this_year > ref and not soon:
            # no tense ("b4 xmas i need to finish this"): the nearer one
            last_year = _holiday_date(name, ref.year - 1, ctx)
            soon = last_year is None or this_year - ref < ref - last_year
        if tense is None and shift == 0 and this_year < ref and not groups.get("unit"):
            # no tense ("Chinese New Year falls on ...", in October): the nearer one
            next_year = _holiday_date(name, ref.year + 1, ctx)
            future = next_year is not None and next_year - ref < ref - this_year
        # a holiday just ahead told in the past tense is last year's ("Shoppers flocked to stores
        # on Black Friday"), unless what is told is a plan for it ("Christmas was cancelled")
        past = (tense == "past" and not groups.get("unit") and not ctx.planned()
                and not ctx.period_after())  # ("as Easter week began": the week is under way)
        if shift < 0 or (shift == 0 and not future and this_year > ref and (not soon or past)):
            year -= this_year >= ref
        elif shift > 0 or (future and this_year < ref):
            year += this_year <= ref
        if two_steps:
            year += 1 if shift > 0 else -1
    day = _holiday_date(name, year, ctx)
    if day is None:
        return None
    if groups.get("eve"):  # "Lunar New Year's Eve": the day before it
        eve = TimeValue("day", day - timedelta(days=1))
        return Resolution(eve.value, eve, None, anchor)
    if groups.get("holiday_weekend"):  # "Memorial Day weekend": the one before a Monday
        saturday = day - timedelta(days=2) if day.weekday() == 0 else \
            day + timedelta(days=5 - day.weekday())
        weekend = TimeValue.of("weekend", saturday)
        return Resolution(weekend.value, weekend, None, anchor)
    tv = TimeValue("day", day)
    span = _lunar_holiday(" ".join(name.lower().replace("’", "'").split()), year, ctx)
    until = TimeValue("day", span[1]) if span and span[1] > day else None  # "during Ramadan"
    return Resolution(tv.value, tv, None, anchor, until=until)


def day_of_month(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'on the 5th': that day of the month the text is telling (or of the reference's month,
    moved by tense); 'the morning of the 6th': part of that day."""
    found = _day_of_month(groups, ctx, bool(args.get("onward")))
    part = _lookup(ctx, "part_of_day", groups.get("part_of_day"))
    if found is None or not part:
        return found
    if found.time is None:
        return Resolution(f"{found.value}T{part}", None, found.mod, found.anchor)
    tv = TimeValue("partofday", found.time.start, part=part)
    return Resolution(tv.value, tv, found.mod, found.anchor)


def _day_of_month(groups: Groups, ctx: Context, onward: bool = False) -> Resolution | None:
    day_of = int(groups.get("day") or 0)
    shift_word = " ".join((groups.get("shift") or "").lower().split())
    if shift_word and (ref := ctx.reference()) is not None:  # "the 15th of next month"
        shift = int(_lookup(ctx, "shift", shift_word.removeprefix("the ")) or 0)
        month = TimeValue.of("month", ref).plus("M", shift).start
        try:
            return _resolved_day(month.replace(day=day_of), REFERENCE)
        except ValueError:
            return None
    story = ctx.story_anchor("month")
    ref = ctx.reference()
    if story is not None and ref is not None and story.start.replace(day=1) == ref.replace(day=1):
        story = None  # the story is in the reference's month: tense decides, as without one
    try:
        if story is not None:
            day = story.start.replace(day=day_of)
            if onward and day < story.start:  # a diary's "2nd." after "28 May": of June
                day = (story.start.replace(day=1) + timedelta(days=32)).replace(day=day_of)
            return _resolved_day(day, STORY)
        if ref is None:
            return Resolution(f"XXXX-XX-{day_of:02d}", None, None, NONE)
        day = ref.replace(day=day_of)
        tense = ctx.near_tense()
        if tense in ("future", None) and day < ref:
            next_month = ref.replace(day=1) + timedelta(days=32)
            if day_of <= monthrange(next_month.year, next_month.month)[1]:
                later = next_month.replace(day=day_of)
                # no tense ("back to work on the 1st", written on the 20th): the nearer one
                if tense == "future" or later - ref < ref - day:
                    day = later
        elif tense != "future" and day > ref:
            earlier = (ref.replace(day=1) - timedelta(days=1)).replace(day=day_of)
            # no tense ("back on the 22nd", written on the 14th): the nearer one
            if tense == "past" or ref - earlier <= day - ref:
                day = earlier
        return _resolved_day(day, REFERENCE)
    except ValueError:  # "the 31st" of a shorter month
        return None


def _resolved_day(day: date, anchor: str) -> Resolution:
    tv = TimeValue("day", day)
    return Resolution(tv.value, tv, None, anchor)


def _weekday_date(ref: date, weekday: int, shift: str | None, tense: str | None) -> date:
    delta = weekday - ref.weekday()
    if shift in ("last", "past", "this past"):
        return ref - timedelta(days=(-delta) % 7 or 7)
    if shift in ("next", "coming", "this coming"):
        return ref + timedelta(days=delta % 7 or 7)
    if delta == 0:
        return ref
    if shift == "this":
        return ref + timedelta(days=delta)
    if tense == "future":
        return ref + timedelta(days=delta % 7)
    return ref - timedelta(days=(-delta) % 7)


def weekday(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'Friday', 'last Monday', 'Wednesday night': the nearest such day, by tense; 'Mon-Fri':
    that day to the next such last day."""
    last = _lookup(ctx, "weekday", groups.get("weekday2"))
    if last is not None:
        first = _one_weekday({**groups, "weekday2": None}, args, ctx)
        if first is None or first.time is None:
            return first
        start = first.time.start
        end = start + timedelta(days=(int(last) - start.weekday()) % 7 or 7)
        ref = ctx.reference()
        if first.anchor == REFERENCE and ref is not None and end > ref and ctx.near_tense() == "past":
            start, end = start - timedelta(weeks=1), end - timedelta(weeks=1)  # "talks ran Mon-Fri"
            first = replace(first, value=TimeValue("day", start).value, time=TimeValue("day", start))
        return replace(first, until=TimeValue("day", end))
    return _one_weekday(groups, args, ctx)


def weekday_counted(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the Friday before ...', 'the first Tuesday after ...': some such weekday, until the
    tagger counts it from the date that follows (no anchor of its own meanwhile)."""
    number = _lookup(ctx, "weekday", groups.get("weekday"))
    return None if number is None else Resolution(f"XXXX-WXX-{int(number) + 1}", None, None, NONE)


def _one_weekday(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    number = _lookup(ctx, "weekday", groups.get("weekday"))
    if number is None:
        return None
    ref = ctx.reference()
    part = _lookup(ctx, "part_of_day", groups.get("part_of_day"))
    shift = (groups.get("shift") or "").lower() or None
    mod = {"early": "START", "late": "END"}.get(shift or "")
    if groups.get("indefinite") is not None:  # "on a Tuesday in January": some Tuesday
        return Resolution(f"XXXX-WXX-{int(number) + 1}", None, mod, NONE)
    story = _story_day(ctx)
    if story is not None:
        # narrative: "On Sunday" after "Friday, May 2": the next such day in the story
        day = _weekday_date(story.start, int(number), shift, "future")
        tv = (TimeValue("partofday", day, part=part) if part else TimeValue("day", day))
        return Resolution(tv.value, tv, mod, STORY)
    if (told := _story_year(ctx)) is not None and shift not in ("last", "next", "this"):
        # narrative, "in February 1947 ... on the Thursday": a day of that month, as far as
        # is known (a narrative's inferred reference says nothing about it)
        return Resolution(told.value, told, mod, STORY)
    if ref is None:
        return Resolution(f"XXXX-WXX-{int(number) + 1}", None, mod, NONE)
    if groups.get("day_of_month"):  # "Tues 24th", "Friday the 13th": the nearest month it fits
        fitting = _weekday_in_month(ref, int(number), _digits(groups["day_of_month"]))
        if fitting is not None:
            return Resolution(TimeValue("day", fitting).value, TimeValue("day", fitting), mod, REFERENCE)
    in_week = (groups.get("in_week") or "").lower()
    if in_week:  # "Monday next week": that day of the week before, this or after
        weeks_on = {"next": 1, "last": -1}.get(in_week, 0)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks_on)
        tv = TimeValue("day", monday + timedelta(days=int(number)))
        return Resolution(tv.value, tv, mod, REFERENCE)
    if groups.get("after_next"):  # "the Friday after next": the one after next Friday
        tv = TimeValue("day", _weekday_date(ref, int(number), "next", None) + timedelta(days=7))
        return Resolution(tv.value, tv, mod, REFERENCE)
    if groups.get("before_last"):  # "the Tuesday before last": the one before last Tuesday
        tv = TimeValue("day", _weekday_date(ref, int(number), "last", None) - timedelta(days=7))
        return Resolution(tv.value, tv, mod, REFERENCE)
    weeks = (groups.get("weeks") or "").lower()
    if weeks:  # "Saturday week": the coming one, a week (a fortnight) on
        later = timedelta(days=14 if weeks == "fortnight" else 7)
        tv = TimeValue("day", _weekday_date(ref, int(number), None, "future") + later)
        return Resolution(tv.value, tv, mod, REFERENCE)
    week = ctx.recent_week()
    if week is not None and shift in (None, "early", "late"):
        # "next week ... on Tuesday", "this wknd i'm free sat morning", "last week, mon and tue
        # i was sick": a day of that week
        first, last = week.interval()
        day = first + timedelta(days=(int(number) - first.weekday()) % 7)
        if day <= last:
            tv = TimeValue("partofday", day, part=part) if part else TimeValue("day", day)
            return Resolution(tv.value, tv, mod, STORY)
    tense = ctx.near_tense()
    if (shift in (None, "early", "late") and tense != "future" and not groups.get("possessive")
            and (told_day := ctx.recent_weekday_day()) is not None
            and (offset := (int(number) - told_day.start.weekday()) % 7)):
        # "at 11.15pm on Saturday 8 March ... In the early hours of Sunday": the day after
        day = told_day.start + timedelta(days=offset)
        tv = TimeValue("partofday", day, part=part) if part else TimeValue("day", day)
        return Resolution(tv.value, tv, mod, STORY)
    until = (groups.get("deadline") or "").lower() in ("until", "till")
    if (groups.get("range_to") or until) and shift in (None, "early", "late"):
        # "from Monday through Friday", "late Saturday or early Sunday", "Thursday night,
        # bringing rain through early Friday", "from Thursday evening until Saturday morning":
        # the first such day after the one before it (in the sentence, for "until")
        start = ctx.sentence_anchor() if until else ctx.story_anchor("day")
        if (start is not None and start.granularity in ("day", "partofday", "time")
                and abs((start.start - ref).days) < 8):
            day = start.start + timedelta(days=(int(number) - start.start.weekday()) % 7 or 7)
            # "seen on Monday and Friday": both past; "closed this Sat & Sun": both ahead
            if not (tense == "past" and day > ref and start.start <= ref):
                ctx.tell_weekday(int(number), day)
                tv = TimeValue("partofday", day, part=part) if part else TimeValue("day", day)
                return Resolution(tv.value, tv, mod, REFERENCE)
    if groups.get("deadline") and ctx.clause_tense() is None:
        tense = "future"  # "maybe by Fri evening": a deadline, unless its clause says otherwise
    if groups.get("starting") and ctx.clause_tense() is None and _starts_ahead(ref, int(number)):
        tense = "future"  # "in force from Friday" (written on a Thursday)
    if tense == "past" and (ctx.warned() or ctx.moved_to() or ctx.ahead_of_event()):
        tense = "future"  # "has issued a warning for snow from Friday", "was moved to Wednesday",
        # "Security has been tightened ahead of the parade on Monday"
    if groups.get("scheduled") or (tense is None and (ctx.listing() or ctx.planned_block())):
        tense = "future"  # "The vote is Tuesday": what a day is set for is ahead; "Film: Sat, 2pm"
    if tense is None and (ctx.subject_of_present() or ctx.scheduled_before()):
        tense = "future"  # "Tuesday brings rain to the west": a forecast; "The event is 2-4pm Saturday"
    if tense is None and (groups.get("ahead") or ctx.question()):
        tense = "future"  # "deals start thurs", "drinks fri?": a post's plan
    if tense is None and (day_before := ctx.sentence_day()) is not None and day_before[0].start > ref:
        tense = "future"  # "Rest day tomorrow, race on Sunday": after a day ahead, ahead
    if groups.get("possessive") and shift is None and not groups.get("scheduled"):
        # "Wednesday's ruling": a day whose outcome is known ("ahead of Tuesday's election": not
        # yet; "Sunday's Antiques Roadshow comes from Kew Gardens": a listing, ahead)
        tense = "future" if ctx.possessive_ahead() or ctx.will_before() else "past"
    day = _weekday_date(ref, int(number), shift, tense)
    if shift in (None, "early", "late"):
        day = _as_told(ctx, int(number), day, tense, ref, groups.get("possessive") is not None)
    ctx.tell_weekday(int(number), day)
    tv = (TimeValue("partofday", day, part=part) if part else TimeValue("day", day))
    return Resolution(tv.value, tv, mod, REFERENCE)


def _starts_ahead(ref: date, weekday: int) -> bool:
    """Whether "from <weekday>" with no tense is the coming one: the last one was before this
    week ("in force from Friday", on a Thursday), not earlier this week ("open from Monday")."""
    return _weekday_date(ref, weekday, None, None) < ref - timedelta(days=ref.weekday())


def _weekday_fits(ref: date, weekday: int, month: int, day: int, reach: int = 200) -> bool:
    """Whether ``month``/``day`` within ``reach`` days of ``ref`` falls on ``weekday``."""
    for year in (ref.year - 1, ref.year, ref.year + 1):
        with contextlib.suppress(ValueError):
            when = date(year, month, day)
            if abs((when - ref).days) <= reach and when.weekday() == weekday:
                return True
    return False


def _weekday_in_month(ref: date, weekday: int, day_of_month: int) -> date | None:
    """The date nearest ``ref`` (within about half a year) that is both that weekday and that
    day of the month."""
    found: list[date] = []
    for months in range(-6, 7):
        year, month = divmod(ref.year * 12 + ref.month - 1 + months, 12)
        with contextlib.suppress(ValueError):
            day = date(year, month + 1, day_of_month)
            if day.weekday() == weekday:
                found.append(day)
    return min(found, key=lambda d: abs((d - ref).days)) if found else None


def _as_told(ctx: Context, weekday: int, day: date, tense: str | None, ref: date,
             done: bool = False) -> date:
    """The day a text already gave this weekday: "Saturday" named again is the same Saturday
    ("gales will arrive on Saturday ... The Met Office issued a warning for Saturday"), unless
    the clause looks ahead and that one is past, or the day is done ("Saturday's game")."""
    told = ctx.weekday_told(weekday)
    if told is None or (tense == "future" and told < ref) or (done and told > ref):
        return day
    return told


def deictic(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'yesterday', 'today', 'tomorrow', 'tonight', 'this morning', 'last night'."""
    word = (groups.get("deictic") or "").lower()
    shift = (groups.get("shift") or "").lower()
    part = _lookup(ctx, "part_of_day", groups.get("part_of_day"))
    offset = int(_lookup(ctx, "deictic_offset", word) or 0)
    part = _lookup(ctx, "deictic_night", word) or part
    if shift.endswith("last"):
        offset = -1
    ref = ctx.reference()
    mod = _mod(groups, ctx)
    anchor = REFERENCE
    if part and not word and not shift and (written := ctx.sentence_day()) is not None:
        # "linger into Friday morning, clearing by late morning": that day's
        tv = TimeValue("partofday", written[0].start, part=part)
        return Resolution(tv.value, tv, mod, written[1])
    story = _story_day(ctx)
    if story is not None and (offset or part):
        ref, anchor = story.start, STORY  # narrative: '"Yesterday we marched," he wrote'
    elif (offset or part) and (told := _story_year(ctx)) is not None:
        # narrative, "in February 1947 ... at dawn": a day of that month, as far as is known
        return Resolution(told.value, told, mod, STORY)
    elif args.get("story_when_past") and not word and ctx.tense() == "past":
        # "On 6 June 1944 ... At dawn the troops landed": the day the story is telling
        told = ctx.story_anchor("day")
        if told is not None and told.granularity == "day" and told.start != ref:
            ref, anchor = told.start, STORY
    if ref is None:
        return Resolution("PRESENT_REF" if offset == 0 and not part else "XXXX-XX-XX", None,
                          mod, NONE)
    day = ref + timedelta(days=offset)
    tv = TimeValue("partofday", day, part=part) if part else TimeValue("day", day)
    return Resolution(tv.value, tv, mod, anchor)


def _hour_minute(groups: Groups) -> tuple[int, int]:
    """The 24-hour clock of '9 a.m.', '10:30 p.m.', '4 in the morning', 'noon', 'midnight'."""
    word = (groups.get("clockword") or "").lower()
    if word:
        # midnight ends its day, but "just after midnight on Saturday" is early Saturday
        return (24 if not groups.get("after_word") else 0, 0) if word == "midnight" else (12, 0)
    hour = int(groups.get("hour") or 0)
    minute = int(groups.get("minute") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if not ampm and (end_ampm := (groups.get("ampm2") or "").lower()):
        # "10-11am": the end's; "11-1pm", "11pm-1am": the other half of the day
        if hour % 12 > int(groups.get("hour2") or 0) % 12:
            end_ampm = "am" if end_ampm.startswith("p") else "pm"
        ampm = end_ampm
    clock_part = (groups.get("clock_part") or "").lower()  # "4 in the morning"
    if clock_part in ("afternoon", "evening") or (clock_part == "night" and hour >= 6):
        ampm = "pm"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


_MINUTES_ALOUD = {"half": 30, "quarter": 15, "twenty-five": 25, "twenty": 20, "ten": 10, "five": 5}


def _clock_read_aloud(groups: Groups) -> Groups | None:
    """The hour and minute groups of 'half past three' and 'a quarter to nine'."""
    words = (groups.get("clock_minutes") or "").lower()
    minutes = _MINUTES_ALOUD.get(words)
    if minutes is None:
        minutes = int(words.split()[0])
    hour = int(groups.get("hour") or 0)
    if not 0 < minutes < 60 or not 1 <= hour <= 12:
        return None
    if (groups.get("clock_side") or "").lower() == "to":
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    return {**groups, "hour": str(hour), "minute": f"{minutes:02d}"}


def clock(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'9 a.m. EST Tuesday', '10:30 p.m.', 'noon': a minute on the reference day."""
    if groups.get("log_entry") and ctx.chapter_mark():
        return None  # "00:00 Intro", "03:15 The first snow": an episode's chapters
    if (spelled := groups.get("hour")) and not spelled.isdigit():  # "four in the afternoon"
        number = _lookup(ctx, "number", spelled)
        if not isinstance(number, int) or not 1 <= number <= 12:
            return None
        groups = {**groups, "hour": str(number)}
    if groups.get("clock_minutes"):  # "half past three", "a quarter to nine"
        read = _clock_read_aloud(groups)
        if read is None:
            return None
        groups = read
    hour, minute = _hour_minute(groups)
    if (1 <= hour <= args.get("afternoon_hours", 0) and not groups.get("clock_part")
            and not groups.get("part_of_day")):
        hour += 12  # "the meeting ended at four o'clock"
    if args.get("evening") and hour < 12:  # "tonight at 8"
        hour += 12
    part = _lookup(ctx, "part_of_day", groups.get("part_of_day"))
    if part and hour < 12 and not groups.get("ampm") and not groups.get("timezone") and (
            part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        hour += 12  # "this evening at 7", "at 11 last night"
    ref = ctx.reference()
    written = None if (groups.get("weekday") or groups.get("deictic") or groups.get("month")
                       or groups.get("shift")) \
        else ctx.adjacent_day() or ctx.sentence_day() or (
            ctx.recent_story_day() if ctx.tense() != "future" else None)
    if written is not None:  # "Monday, March 4, 2024 at 10:00 AM", "On Saturday, from 7 a.m.": that day's
        part = written[0].part
        if (part in ("AF", "EV") or (part == "NI" and hour >= 6)) and hour < 12 \
                and not groups.get("ampm") and not groups.get("timezone"):
            hour += 12  # "last night at 11:30"
        tv = TimeValue("minute", written[0].start, hour=hour, minute=minute)
        return Resolution(tv.value, tv, _mod(groups, ctx), written[1], until=_range_end(groups, tv))
    named_day = groups.get("weekday") or groups.get("deictic") or groups.get("month")
    if not named_day and ctx.numbered_day():  # "Day 3: ... take the 10.15am train": of a day unknown
        return Resolution(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", None, _mod(groups, ctx), NONE)
    story_now = None if named_day else ctx.story_time("day")
    if story_now is not None:  # narrative: "By noon he had rescued four sailors"
        if rank(story_now.granularity) >= rank("day"):
            tv = TimeValue("minute", story_now.start, hour=hour, minute=minute)
            return Resolution(tv.value, tv, _mod(groups, ctx), STORY, until=_range_end(groups, tv))
        return Resolution(story_now.value, story_now, _mod(groups, ctx), STORY)  # that month's
    if ref is None and groups.get("month") and groups.get("day"):
        # "We set out at 6am on Saturday 3 August 2019" (no reference needed); without its
        # year, in a story, the story's
        month_number = int(_lookup(ctx, "month", groups["month"]) or 0)
        year, anchor = _year(groups), ABSOLUTE
        if year is None and month_number:
            year, anchor = _nearest_year(month_number, ctx, _digits(groups["day"]), dated=True)
        if year is not None:
            with contextlib.suppress(ValueError):
                on_day = date(year, month_number, _digits(groups["day"]))
                tv = TimeValue("minute", on_day, hour=hour, minute=minute)
                return Resolution(tv.value, tv, _mod(groups, ctx), anchor, until=_range_end(groups, tv))
    if ref is None:
        return Resolution(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", None, _mod(groups, ctx), NONE)
    day = ref
    anchor = REFERENCE
    wd = _lookup(ctx, "weekday", groups.get("weekday"))
    if groups.get("month") and groups.get("day"):  # "until 5 p.m. EST, Nov. 6"
        month = int(_lookup(ctx, "month", groups["month"]) or 0)
        day_of_month = _digits(groups["day"])
        year = _year(groups)
        anchor = ABSOLUTE
        if year is None:
            year, anchor = _nearest_year(month, ctx, day_of_month)
            if wd is not None and year is not None:  # "at 11.15pm on Saturday 8 March"
                year = _year_of_weekday(year, month, day_of_month, int(wd))
        with contextlib.suppress(ValueError):  # "Feb. 30": keep the reference day
            day = date(year or ref.year, month, day_of_month)
    elif wd is not None:
        tense = ctx.near_tense()
        if tense is None and (ctx.deadline_before()
                              or (ctx.from_before() and _starts_ahead(ref, int(wd)))):
            tense = "future"  # "a warning is in force from 6pm Friday until 9am Sunday"
        if tense == "past" and ctx.warned():
            tense = "future"  # "has issued a yellow warning for snow from 6pm on Friday"
        if tense is None and (groups.get("scheduled") or ctx.question()):
            tense = "future"  # "the ceremony is at noon on Friday", "weds 6pm at the usual place?"
        day = _as_told(ctx, int(wd), _weekday_date(ref, int(wd), None, tense), tense, ref)
        ctx.tell_weekday(int(wd), day)
    elif groups.get("deictic"):  # "11pm tonight": the reference day's, not the story's
        day = ref + timedelta(days=int(_lookup(ctx, "deictic_offset", groups["deictic"]) or 0))
    elif (groups.get("shift") or "").lower() == "last" and part:  # "at 11 last night"
        day = ref - timedelta(days=1)
    elif ctx.tense() == "past":  # "shot at 10 p.m.": the day the story is telling
        story = ctx.story_anchor("day")
        if story is not None and story.start >= ref:
            # past the day ahead just named, to the story's day ("... in the early hours of
            # Sunday. He will appear on Tuesday. ... anyone who was there between 1.30am and
            # 2.30am"); none: the reference day ("see you tmrw ... waited since 6am")
            story = ctx.story_anchor_before("day", ref)
        if story is not None and story.granularity in ("day", "partofday", "minute") \
                and story.start < ref:
            day, anchor = story.start, STORY  # ("Polls close at 8 p.m.": the reference day)
            if (story.part == "NI" or (story.hour or 0) >= 15) and hour < 6:
                # "on the night of 14 March ... At around 1am": the 15th; "called out at 5.20pm.
                # Rescuers reached them shortly after 2am": the night after
                day += timedelta(days=1)
    elif not groups.get("log_entry") and (ahead := ctx.recent_day_ahead()) is not None:
        # "The lecture is on Saturday 12 December at 7pm. Doors open at 6.15pm": that day's
        day, anchor = ahead.start, STORY
    if groups.get("log_entry") and (last := ctx.last_log_entry()) is not None:
        # a live blog's stamps are of the day of the one before, past midnight when they cross it:
        # forward ("23:15 ...", then "00:30 ..." is the next day) or, newest first, back
        day, before, now = last.start, (last.hour or 0) * 60 + (last.minute or 0), hour * 60 + minute
        if before >= 18 * 60 and now < 8 * 60:
            day += timedelta(days=1)
        elif before < 8 * 60 and now >= 18 * 60:
            day -= timedelta(days=1)
    if (not groups.get("weekday") and not groups.get("month") and not groups.get("deictic")
            and ctx.deadline_before() and (last := ctx.story_anchor("minute")) is not None
            and last.start == day
            and (last.hour or 0) * 60 + (last.minute or 0) > hour * 60 + minute):
        day += timedelta(days=1)  # "closed at 9.40pm on Tuesday ... disruption until midday": the next one
    previous = ctx.sentence_clock()
    if (previous is not None and previous.start == day
            and (previous.hour or 0) >= 18 and hour < 8 and not groups.get("weekday")
            and not groups.get("deictic") and not groups.get("month")):
        day += timedelta(days=1)  # "called at 11.40pm, and under control by 3am": past midnight
    tv = TimeValue("minute", day, hour=hour, minute=minute)
    if groups.get("log_entry"):
        ctx.tell_log_entry(tv)
    return Resolution(tv.value, tv, _mod(groups, ctx), anchor, until=_range_end(groups, tv))


def _range_end(groups: Groups, start: TimeValue) -> TimeValue | None:
    """The end of a clock range ("10am-1pm", "11pm-1am": the next day's), or None."""
    if not groups.get("hour2"):
        return None
    hour, minute = _hour_minute({"hour": groups["hour2"], "minute": groups.get("minute2"),
                                 "ampm": groups.get("ampm2")})
    day = start.start
    if hour * 60 + minute <= (start.hour or 0) * 60 + (start.minute or 0):
        day += timedelta(days=1)
    return TimeValue("minute", day, hour=hour, minute=minute)


def _clock_offset(unit: str, count: float | int | str, sign: int, mod: str | None,
                  ctx: Context) -> Resolution:
    """'Twelve hours later' after '18:00 UTC': that clock time moved; after a date with no
    time of day, a duration (as TimeBank tags it), the day being unsure."""
    amount = float(count)
    span = timedelta(hours=amount) if unit == "HOUR" else (
        timedelta(minutes=amount) if unit == "MIN" else timedelta(seconds=amount))
    anchor = ctx.last_clock()
    if anchor is not None and anchor.hour is not None and unit != "S":
        moved = datetime.combine(anchor.start, dt_time(anchor.hour, anchor.minute or 0)) + sign * span
        tv = TimeValue("minute", moved.date(), hour=moved.hour, minute=moved.minute)
        return Resolution(tv.value, tv, "APPROX" if mod else None, STORY, type="TIME")
    number = f"{amount:g}"
    letter = {"HOUR": "H", "MIN": "M"}.get(unit, "S")
    return Resolution(f"PT{number}{letter}", None, mod, NONE, type="DURATION")


def _same_day_shifted(day: date, unit: str, count: int) -> date:
    """``day`` moved by whole years, months or weeks, keeping its day ("a year ago today";
    Feb. 29 becomes Feb. 28)."""
    if unit == "W":
        return day + timedelta(weeks=count)
    months = count * {"Y": 12, "DE": 120, "CE": 1200}.get(unit, 1)
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))


def _shifted(anchor: TimeValue, unit: str, count: int) -> TimeValue:
    """``anchor`` moved by ``count`` units at the coarser of both granularities.

    A quarter or half moved by years stays a quarter ("a year earlier" after "the third quarter"
    is the year-earlier quarter), as financial news means it.
    """
    unit_gran = UNIT_GRANULARITY.get(unit, "day")
    if unit == "Y" and anchor.granularity in ("quarter", "half"):
        return anchor.plus(unit, count)
    gran = coarser(anchor.granularity, unit_gran)
    return anchor.at(gran).plus(unit, count)


def offset(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'two years ago' (reference) and 'about a month later' (story): a shifted period."""
    unit = _unit(groups.get("unit"), ctx)
    count = _count(groups, args, ctx)
    direction = (groups.get("direction") or args.get("direction") or "").strip().lower()
    if unit is None or count is None:
        return None
    if unit == "FN":  # a fortnight: two weeks
        unit, count = "W", (count * 2 if isinstance(count, float) else count)
    mod = _mod(groups, ctx)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    story = direction not in ("ago", "from now", "from today", "hence")
    unit_gran = UNIT_GRANULARITY.get(unit, "day")
    if unit in ("HOUR", "MIN", "S"):
        if count == "X" and story:  # "Hours later she was in Paris"
            return Resolution("PAST_REF" if sign < 0 else "FUTURE_REF", None, mod, NONE)
        if not story:
            return Resolution("PRESENT_REF", None, mod, REFERENCE)
        return _clock_offset(unit, count, sign, mod, ctx)
    anchor_kind = REFERENCE
    anchor: TimeValue | None = None
    if story and ctx.edit_stamp() and (ref := ctx.reference()) is not None:
        story, anchor = False, TimeValue("day", ref)  # "UPDATE 2 days later:": after the post
    if story:
        # narrative: the story's latest date even when coarser ("the spring of 1862 ... Three
        # weeks later": still that spring); news: the last date fine enough
        anchor = ctx.story_time(unit_gran) or ctx.story_anchor(unit_gran)
        anchor_kind = STORY
        if (direction == "on" and anchor is not None and (ref := ctx.reference()) is not None
                and anchor.interval()[1] >= ref):
            anchor = None  # "Next week: the Aberfan disaster, 60 years on": now, not 60 years from then
    if anchor is None:
        ref = ctx.reference()
        anchor = TimeValue("day", ref) if ref else None
        anchor_kind = REFERENCE
        if story and sign > 0 and ref is not None and count != "X":
            # "later"/"on" after a date the text never gave: counted from the publication
            # date only when the sentence looks ahead. "A decade on, the scars remain" is the
            # present; "Two years later he returned" some unknown past.
            tense = ctx.tense()
            if tense == "past":
                return Resolution("PAST_REF", None, mod, REFERENCE)
            if tense != "future":
                if unit in ("DE", "CE"):
                    unit = "Y"
                present = TimeValue.of(UNIT_GRANULARITY.get(unit, "day"), ref)
                return Resolution(present.value, present, mod, REFERENCE)
    if count == "X" or anchor is None:
        ref_value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution(ref_value, None, mod, anchor_kind if anchor else NONE)
    if float(count) != int(float(count)) and unit in ("Y", "DE", "CE"):
        # "a year and a half ago": 18 months; "two and a half decades": 25 years
        unit, count = ("M", float(count) * 12) if unit == "Y" else ("Y", float(count) * (
            10 if unit == "DE" else 100))
        unit_gran = UNIT_GRANULARITY.get(unit, "day")
    whole = int(float(count))
    if whole != float(count) or whole == 0:
        return Resolution("PAST_REF" if sign < 0 else "FUTURE_REF", None, mod, anchor_kind)
    reporting = ctx.reporting_quarter()
    if unit == "Y" and whole == 1 and sign < 0 and reporting is not None:
        # "from $3 million a year ago": the reported quarter, one year before
        return Resolution(reporting.plus("Y", -1).value, reporting.plus("Y", -1), mod, STORY)
    if not story and anchor.granularity != "day":
        anchor = anchor.at("day")
    if unit in ("DE", "CE"):  # "a decade later" after 1998 is 2008, not the 2000s
        unit, whole = "Y", whole * (10 if unit == "DE" else 100)
    tv = _shifted(anchor, unit, sign * whole)
    ref = ctx.reference()
    if (anchor_kind == STORY and sign > 0 and ref is not None and anchor.start <= ref
            and ctx.tense() == "future"):
        # "will reach orbit about five days later" counts from the date ahead the text gave
        # (the launch), not from a past one told after it (an attempt called off)
        ahead = ctx.story_anchor_after(unit_gran, ref)
        if ahead is not None:
            tv = _shifted(ahead, unit, sign * whole)
    same = (groups.get("same_day") or "").strip().lower()
    if same and unit in ("Y", "M", "W", "DE", "CE"):  # "a year ago today", "... this week"
        day = _same_day_shifted(anchor.start, unit, sign * whole)
        tv = TimeValue.of("week", day) if same == "this week" else TimeValue("day", day)
    if mod and mod not in ("START", "MID", "END"):
        mod = "APPROX"
    return Resolution(tv.value, tv, mod, anchor_kind)


def anaphoric(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the next day', 'that year', 'the following spring', 'the year-earlier period'."""
    anaphor = (groups.get("anaphor") or args.get("anaphor") or "").lower()
    mod = _mod(groups, ctx)  # "by the end of that year", "early the next year"
    if groups.get("season_of"):  # "the autumn of that year", "the spring of the following year"
        return _season_of_anaphoric_year(groups, args, mod, ctx)
    if groups.get("month"):
        return _anaphoric_month(anaphor, groups, mod, ctx)
    if groups.get("weekday"):
        return _anaphoric_weekday(anaphor, groups, ctx)
    word = (groups.get("unit") or "period").lower()
    if word == "year" and (told := ctx.told_year()) is not None:  # "March 5 that year"
        tv = TimeValue("year", date(told, 1, 1))
        return Resolution(tv.value, tv, mod, STORY)
    season = _lookup(ctx, "season", word)
    part = _lookup(ctx, "part_of_day", word)
    unit = "SEA" if season else ("D" if part else _unit(word, ctx))
    if word == "period":
        unit = "Q"
    if anaphor == "same-in-year" and (in_year := _year(groups)) is not None:
        # "the same period of 2024": the period reported on (a quarter, half or month), moved
        # to that year; else the year
        period = ctx.sentence_period() or ctx.reporting_quarter() or ctx.story_anchor("year")
        if period is None or period.granularity not in ("half", "quarter", "month", "season"):
            period = TimeValue("year", date(in_year, 1, 1))
        tv = period.plus("Y", in_year - period.start.year)
        return Resolution(tv.value, tv, mod, STORY)
    if anaphor in ("year-earlier", "the year-earlier", "the year-ago"):
        reporting = ctx.reporting_quarter()
        if reporting is not None and word not in ("month", "week", "year"):
            tv = reporting.plus("Y", -1)
            return Resolution(tv.value, tv, mod, STORY)
        anchor = ctx.story_anchor("year")
        ref = ctx.reference()
        if anchor is None and ref is None:
            return None
        if word == "quarter" and anchor is None and ref is not None:
            base = TimeValue.of("quarter", ref).plus("Q", -1)
        else:
            base = (anchor or TimeValue.of("year", ref)).at("year")  # type: ignore[arg-type]
        tv = base.plus("Y", -1)
        return Resolution(tv.value, tv, mod, STORY if anchor else REFERENCE)
    if unit is None:
        return None
    gran = UNIT_GRANULARITY.get(unit, "day")
    if anaphor == "the" and gran == "year":  # "for the year": the year being reported on
        reporting = ctx.reporting_quarter()
        ref = ctx.reference()
        if reporting is None and ref is None:
            return None
        tv = reporting.at("year") if reporting else TimeValue.of("year", ref)  # type: ignore[arg-type]
        return Resolution(tv.value, tv, mod, STORY if reporting else REFERENCE)
    if anaphor == "the":  # "the quarter": the quarter the story reports on, else the last one
        story = ctx.reporting_quarter() if gran == "quarter" else ctx.story_anchor(gran)
        if story is not None and story.granularity == gran:
            return Resolution(story.value, story, mod, STORY)
        ref = ctx.reference()
        if ref is None:
            return None
        last = TimeValue.of(gran, ref).plus(unit, -1)
        return Resolution(last.value, last, mod, REFERENCE)
    anchor = ctx.story_anchor(gran)
    if anchor is not None and gran == "day" and "same" not in anaphor \
            and (moved := ctx.story_anchor("month")) is not None \
            and moved.granularity == "month" and moved.start > anchor.start:
        # "Two days later ... The bank was closed on a Friday in June. ... the next morning": a
        # day of that June, as far as is known (not the day after the March one); "the same
        # day" is a day told before
        return Resolution(moved.value, moved, mod, STORY)
    if season and (year := ctx.story_anchor("year")) is not None and (
            anchor is None or year.start.year != anchor.start.year):
        # "in 1987 ... That summer", "April 1769 ... in 1770 ... the following summer": the
        # story's latest year will do
        anchor = year
    if anchor is None and gran == "day" and (month := ctx.story_anchor("month")) is not None:
        # "in late November 1963 ... The next day": a day of that month, as far as is known
        month = month.at("month")
        return Resolution(month.value, month, mod, STORY)
    if anchor is None and gran == "day" and (period := ctx.story_anchor("year")) is not None and (
            period.granularity == "season" or ctx.story_time() is not None):
        # "the summer of 1952 ... That night": in that season (in a narrative, in that year
        # too), as far as is known
        return Resolution(period.value, period, mod, STORY)
    year = ctx.story_anchor("year") if anchor is None and gran in ("month", "week") else None
    ref_year = ref.year if (ref := ctx.reference()) is not None else None
    if year is not None and year.start.year != ref_year:
        # "In 2021 ... Two years later he was convicted, and the following month ...": a month
        # of that year (or the next), as far as is known; "in November 1921 ... The following
        # week": that month
        known = year.at("month" if gran == "week" and year.granularity == "month" else "year")
        return Resolution(known.value, known, mod, STORY)
    kind = STORY
    if anchor is None:
        ref = ctx.reference()
        if ref is None:  # "That night Anna could not sleep": a date the text never gives
            value = f"XXXX-{season}" if season else _unknown_value(gran, part)  # "That summer"
            return Resolution(value, None, mod, NONE)
        anchor, kind = TimeValue("day", ref), REFERENCE
    shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
             "the prior": -1}.get(anaphor, 0)
    if season:
        from timeline_app.core.timeml import SEASON_START_MONTH
        target = TimeValue("season", date(anchor.start.year, SEASON_START_MONTH[season], 1))
        if rank(anchor.granularity) < rank("season"):  # after a year: its own, or the next
            return Resolution((tv := target.plus("Y", shift)).value, tv, mod, kind)
        if shift == 0 and kind == REFERENCE and target.start > anchor.start \
                and ctx.tense() != "future":  # "That summer we drove": the last one
            target = target.plus("Y", -1)
        if shift > 0 and target.start <= anchor.start:
            target = target.plus("Y", 1)
        elif shift < 0 and target.start >= anchor.start:
            target = target.plus("Y", -1)
        return Resolution(target.value, target, mod, kind)
    if rank(anchor.granularity) < rank(gran):
        if shift == 0:
            return None  # "that day" after "1998": no day to point at
        anchor = anchor.at(gran)
    tv = anchor.at(gran).plus(unit, shift)
    if part:
        tv = TimeValue("partofday", tv.start, part=part)
    return Resolution(tv.value, tv, mod, kind)


def _season_of_anaphoric_year(groups: Groups, args: Mapping[str, Any], mod: str | None,
                               ctx: Context) -> Resolution | None:
    season = _lookup(ctx, "season", groups.get("season_of"))
    if season is None:
        return None
    year = anaphoric({**groups, "season_of": None, "date_mod": None}, args, ctx)
    if year is None or year.time is None:
        return Resolution(f"XXXX-{season}", None, mod, NONE)
    from timeline_app.core.timeml import SEASON_START_MONTH
    tv = TimeValue("season", date(year.time.start.year, SEASON_START_MONTH[season], 1))
    return Resolution(tv.value, tv, mod, year.anchor)


def _anaphoric_weekday(anaphor: str, groups: Groups, ctx: Context) -> Resolution | None:
    """'the following Monday', 'the previous Sunday', 'that Friday': the weekday after, before
    or on (else after) the day the story last named; without one, from the reference date."""
    weekday = _lookup(ctx, "weekday", groups.get("weekday"))
    if weekday is None:
        return None
    shift = 1 if anaphor in ("the following", "the next") else (
        -1 if anaphor in ("the previous", "the preceding", "the prior") else 0)
    story = ctx.story_anchor("day")
    kind = STORY
    told = ctx.story_time()  # narrative mode: the story's "now", however coarse
    if story is None and told is not None and told.granularity == "week":
        story = TimeValue("day", told.interval()[1 if shift > 0 else 0])  # after (before) that week
    elif story is None and told is not None:
        # "in February 1947 ... On the following Monday": a day of that month, as far as is
        # known (the publication date, which a narrative lacks, says nothing about it)
        return Resolution(told.value, told, None, STORY)
    if story is None or story.granularity not in ("day", "minute", "partofday"):
        ref = ctx.reference()
        if ref is None:
            return Resolution(f"XXXX-WXX-{int(weekday) + 1}", None, None, NONE)
        day = _weekday_date(ref, int(weekday), {1: "next", -1: "last"}.get(shift), ctx.tense())
        kind = REFERENCE
    else:
        start = story.start
        after = start + timedelta(days=(int(weekday) - start.weekday()) % 7 or 7)
        before = start - timedelta(days=(start.weekday() - int(weekday)) % 7 or 7)
        if shift > 0:
            day = after
        elif shift < 0:
            day = before
        else:  # "that Friday": that day or the next one of its name (stories move forward)
            day = start if start.weekday() == int(weekday) else after
    tv = TimeValue.of("day", day)
    if part := _lookup(ctx, "part_of_day", groups.get("part_of_day")):
        tv = TimeValue("partofday", day, part=part)
    return Resolution(tv.value, tv, None, kind)


def _anaphoric_month(anaphor: str, groups: Groups, mod: str | None,
                     ctx: Context) -> Resolution | None:
    """'the following November', 'that March', 'the previous December': a month placed
    after, at or before the story's date (the publication date when the story has none)."""
    month = _lookup(ctx, "month", groups.get("month"))
    if month is None:
        return None
    shift = 1 if anaphor in ("the following", "the next") else (
        -1 if anaphor in ("the previous", "the preceding", "the prior") else 0)
    # the story's latest date, however coarse: "published in September 1843 ... fell ill in the
    # summer of 1852 and died that November" is November 1852
    anchor = ctx.story_anchor("year") or ctx.story_time()
    kind = STORY
    if anchor is None:
        ref = ctx.reference()
        if ref is None:
            return Resolution(f"XXXX-{int(month):02d}", None, mod, NONE)
        anchor, kind = TimeValue("day", ref), REFERENCE
    year = anchor.start.year
    coarse = rank(anchor.granularity) < rank("month")  # "In 1914 ... the following November"
    if shift > 0 and not coarse and int(month) <= anchor.start.month:
        year += 1
    elif shift < 0 and (coarse or int(month) >= anchor.start.month):
        year -= 1
    tv = TimeValue("month", date(year, int(month), 1))
    return Resolution(tv.value, tv, mod, kind)


def _unknown_value(granularity: str, part: str | None = None) -> str:
    """A TimeML value with every digit unknown, at ``granularity`` ("XXXX-XX-XX")."""
    value = {"year": "XXXX", "decade": "XXX", "century": "XX", "quarter": "XXXX-QX",
             "half": "XXXX-HX", "season": "XXXX-XX", "month": "XXXX-XX",
             "week": "XXXX-WXX"}.get(granularity, "XXXX-XX-XX")
    return f"{value}T{part}" if part else value


def period_ending(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the quarter ended Sept. 30': the quarter holding the month it ends in."""
    month = _lookup(ctx, "month", groups.get("month"))
    if month is None:
        return None
    year = _year(groups)
    anchor = ABSOLUTE
    if year is None:
        ref = ctx.reference()
        if ref is None:
            return Resolution(f"XXXX-Q{(int(month) - 1) // 3 + 1}", None, None, NONE)
        year = ref.year - (int(month) > ref.month)
        anchor = REFERENCE
    tv = TimeValue("quarter", date(year, (int(month) - 1) // 3 * 3 + 1, 1))
    return Resolution(tv.value, tv, None, anchor)


def month_relative_year(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'June last year', 'January this year': a month of the year before, of or after the reference."""
    month = _lookup(ctx, "month", groups.get("month"))
    shift = {"last": -1, "this": 0, "next": 1}.get((groups.get("shift") or "").lower(), 0)
    ref = ctx.reference()
    if month is None:
        return None
    day_text = groups.get("day")
    day = _digits(day_text) if day_text else None
    if ref is None:
        unknown = f"XXXX-{int(month):02d}" + (f"-{day:02d}" if day else "")
        return Resolution(unknown, None, _mod(groups, ctx), NONE)
    try:
        tv = (TimeValue("day", date(ref.year + shift, int(month), day)) if day
              else TimeValue("month", date(ref.year + shift, int(month), 1)))
    except ValueError:  # "Feb. 30 last year"
        return None
    return Resolution(tv.value, tv, _mod(groups, ctx), REFERENCE)


def relative_year_quarter(groups: Groups, args: Mapping[str, Any],
                          ctx: Context) -> Resolution | None:
    """'next year's first quarter', 'the year-ago third quarter': a quarter of another year."""
    quarter = _lookup(ctx, "ordinal", groups.get("quarter"))
    if quarter is None or not 1 <= int(quarter) <= 4:
        return None
    ref = ctx.reference()
    if groups.get("year_ago"):  # a year before the year being reported on
        reporting = ctx.reporting_quarter()
        base = reporting.start.year if reporting is not None else (ref.year if ref else None)
        year, anchor = (base - 1 if base is not None else None), STORY if reporting else REFERENCE
    else:
        shift = {"last": -1, "this": 0, "next": 1}[(groups.get("shift") or "this").lower()]
        year, anchor = (ref.year + shift if ref else None), REFERENCE
    if year is None:
        return Resolution(f"XXXX-Q{int(quarter)}", None, None, NONE)
    tv = TimeValue("quarter", date(year, (int(quarter) - 1) * 3 + 1, 1))
    return Resolution(tv.value, tv, None, anchor)


def year_period(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'the 1988 quarter', 'the 1988 period': that year's quarter matching the one reported on
    ("the third quarter ... the 1988 quarter" is 1988-Q3); else the year itself."""
    year = _year(groups)
    if year is None:
        return None
    reporting = ctx.reporting_quarter()
    if reporting is not None and reporting.granularity == "quarter":
        tv = reporting.plus("Y", year - reporting.start.year)
        return Resolution(tv.value, tv, None, STORY)
    tv = TimeValue("year", date(year, 1, 1))
    return Resolution(tv.value, tv, None, ABSOLUTE)


def relative_unit(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'last year', 'this month', 'next week', 'earlier this month', 'this weekend'."""
    word = groups.get("unit")
    unit = args.get("unit") or _unit(word, ctx)
    shift_word = " ".join((groups.get("shift") or "").lower().split())
    shift = _lookup(ctx, "shift", shift_word)
    if shift_word.startswith("this past"):
        shift = -1
    if shift_word in ("same", "year-earlier", "year-ago") or shift is None:
        shift = {"year-earlier": -4, "year-ago": -4}.get(shift_word, args.get("shift", 0))
    if unit is None:
        return None
    mod = _mod(groups, ctx) or args.get("mod")
    position = (groups.get("position") or "").lower()
    story = _story_year(ctx) if not shift_word else None  # narrative "by the end of the year"
    if (story is None and not shift_word and unit == "DE" and ctx.tense() == "past"
            and (decade_told := ctx.recent_past_anchor(300, "year")) is not None
            and decade_told.start.year // 10 != (ctx.reference() or decade_told.start).year // 10):
        story = decade_told  # "a loaf cost 9p in 1971; by the end of the decade it was 31p": the 1970s
    ref = story.start if story is not None else ctx.reference()
    if ref is None:
        return Resolution({-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(
            max(-1, min(1, int(shift))), "PRESENT_REF"), None, mod, NONE)
    gran = UNIT_GRANULARITY.get(unit, "day")
    if unit == "SEA" and story is None and ctx.in_a_game():
        # "scored 30 goals last season": a sports season, the year (about) it ran in
        year = TimeValue.of("year", ref).plus("Y", int(shift))
        return Resolution(year.value, year, "APPROX", REFERENCE)
    if unit == "SEA":
        gran = "season"
    if story is not None and rank(story.granularity) < rank(gran) and gran != "season":
        # "in February 1947 ... By the end of the week": some week of that February, as far
        # as is known (not the week that holds its first day)
        return Resolution(story.value, story, None, STORY)
    tv = TimeValue.of(gran, ref).plus(unit if unit != "WE" else "W", int(shift))
    told = [day for wd in (5, 6) if (day := ctx.weekday_told(wd)) is not None
            and abs((day - ref).days) < 7] if gran == "weekend" and not shift_word else []
    if told:  # "gales on Saturday ... ferries cancelled for the weekend": that one
        tv = TimeValue.of("weekend", told[-1])
    elif (gran == "weekend" and shift == 0 and ref.weekday() < 5 and ctx.tense() == "past"
          and not (ctx.deadline_before() and ctx.clause_tense() == "future")):
        # (but "crews warned some might not have power until the weekend": the coming one)
        tv = tv.plus("W", -1)
    elif (mod == "END" and shift == 0 and not shift_word and story is None
          and gran in ("year", "quarter", "month")
          and ctx.tense() == "past" and _before_last_part(ref, tv)):
        # "the budget ran out at the end of the year", written in February: last year's end
        tv = tv.plus(unit, -1)
    if position == "earlier" and not mod:
        mod = None
    return Resolution(tv.value, tv, mod, STORY if story is not None else REFERENCE)


def _before_last_part(ref: date, period: TimeValue) -> bool:
    """Whether ``ref`` falls before the last third of ``period`` (its end not yet reached)."""
    first, last = period.interval()
    return (ref - first).days < 2 * ((last - first).days + 1) // 3


def relative_named(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'last November', 'this summer', 'next spring': a named month or season near the reference."""
    shift_word = " ".join((groups.get("shift") or "").lower().split())
    shift = -1 if shift_word in ("last", "this past", "past") else (
        1 if shift_word in ("next", "this coming", "coming") else 0)
    month = _lookup(ctx, "month", groups.get("month"))
    season = _lookup(ctx, "season", groups.get("season"))
    mod = _mod(groups, ctx)
    story = _story_year(ctx)
    ref = story.start if story is not None else ctx.reference()
    if ref is None:
        value = f"XXXX-{month:02d}" if month else f"XXXX-{season}"
        return Resolution(value, None, mod, NONE)
    from timeline_app.core.timeml import SEASON_START_MONTH
    if month:
        target = TimeValue("month", date(ref.year, int(month), 1))
        current = TimeValue.of("month", ref)
        step = "Y"
    else:
        target = TimeValue("season", date(ref.year, SEASON_START_MONTH[season], 1))
        current = TimeValue.of("season", ref)
        step = "Y"
    if shift == 0 and (end := ctx.range_end()) is not None:  # "the spring and autumn of 1944"
        first = target.start.replace(year=end[0])
        if end[1] is not None and first.month > end[1]:  # "the winter to March 1944"
            first = first.replace(year=end[0] - 1)
        target = TimeValue(target.granularity, first)
        return Resolution(target.value, target, mod, ABSOLUTE)
    if shift != 0:
        for _ in range(3):  # (at most a year or two; none at the calendar's ends, year 1 or 9999)
            if (target.start < current.start) if shift < 0 else (target.start > current.start):
                break
            moved = target.plus(step, shift)
            if moved.start == target.start:
                return None
            target = moved
    elif season == "WI" and ref.month <= 2:
        target = target.plus("Y", -1)
    elif (story is not None and story.granularity != "year" and target.start > story.start
          and ctx.past_perfect()):
        target = target.plus("Y", -1)  # "By the following spring ... He had died in the winter"
    elif story is not None and story.granularity != "year" and target.start < story.start:
        target = target.plus("Y", 1)  # "That winter ... In the spring": the spring after it
    elif story is None and (tense := ctx.near_tense() or (
            "future" if ctx.deadline_before() else None)) is not None:  # ("hoped to ... before the summer";
        # "Wait till the summer holidays": a time limit is ahead)
        first, last = target.interval()
        if tense == "future" and last < ref:  # "will close in the spring", written in November
            target = target.plus("Y", 1)
        elif tense == "past" and first > ref and shift_word != "this":  # "closed in the autumn", in May
            target = target.plus("Y", -1)
    return Resolution(target.value, target, mod, STORY if story is not None else REFERENCE)


def reference(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'now', 'recently', 'the future', 'recent years', 'coming months'."""
    word = " ".join((groups.get("ref") or "").lower().split())
    table = ctx.rules.table("reference")
    if groups.get("unit_ahead"):  # "the weeks ahead": an unknown stretch of weeks from now
        unit = _unit(groups.get("unit_ahead"), ctx) or "Y"
        return Resolution(f"P{'T' if unit in ('HOUR', 'MIN') else ''}X{_letter(unit)}",
                          None, None, NONE, type="DURATION")
    if groups.get("unit"):
        unit = _unit(groups.get("unit"), ctx) or "Y"
        if word == "coming":
            return Resolution(f"P{'T' if unit in ('HOUR', 'MIN') else ''}X{_letter(unit)}",
                              None, None, NONE, type="DURATION")
        return Resolution("PAST_REF" if word in ("recent", "past") else "FUTURE_REF")
    value = table.get(word) or table.get(word.removeprefix("in ")) or "PRESENT_REF"
    return Resolution(str(value), None, None, NONE)


def _letter(unit: str) -> str:
    return {"HOUR": "H", "MIN": "M", "SEA": "M", "WE": "D", "S": "S"}.get(unit, unit)


def duration(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'20 weeks', 'the past three months', 'two-year', 'several days' -> P20W, P3M, P2Y, PXD."""
    unit = _unit(groups.get("unit"), ctx)
    count = _count(groups, args, ctx)
    if unit is None:
        return None
    if count is None:
        count = "X"
    mod = _mod(groups, ctx)
    if mod is None and groups.get("range_to_count"):  # "two to three weeks": at least two
        mod = "EQUAL_OR_MORE"
    if unit == "CE":
        count, unit = (count * 100 if isinstance(count, float) else "X"), "Y"
    elif unit == "DE":
        count, unit = (count * 10 if isinstance(count, float) else "X"), "Y"
    elif unit == "WE":
        count, unit = (count * 2 if isinstance(count, float) else "X"), "D"
    elif unit == "FN":
        count, unit = (count * 2 if isinstance(count, float) else "X"), "W"
    elif unit == "SEA":
        count, unit = (count * 3 if isinstance(count, float) else "X"), "M"
    if count == "X":
        return Resolution(f"P{'T' if unit in _TIME_UNITS else ''}X{_letter(unit)}", None, mod, NONE)
    number = float(count)
    whole = int(number)
    if number - whole == 0.5 and unit in _HALF_UNIT:  # P2Y6M, PT5H30M, P1DT12H
        half_count, half_unit = _HALF_UNIT[unit]
        parts: list[tuple[float, str]] = (
            [(whole, unit), (half_count, half_unit)] if whole else [(half_count, half_unit)])
    else:
        parts = [(number, unit)]
    value, in_time = "P", False
    for n, u in parts:
        text = f"{n:g}"
        if "e" in text:
            return None
        if u in _TIME_UNITS and not in_time:
            value, in_time = value + "T", True
        value += text + _letter(u)
    ahead = None
    if (unit in _AHEAD_GRANULARITY and number == whole and 0 < whole <= 100 and mod is None
            and (ref := ctx.reference()) is not None and ctx.ahead_in()):
        # "will reopen in three weeks": TimeML's value stays the duration; the time it points
        # to (a week, a month, ... from the reference) places the event on the timeline
        ahead = TimeValue("day", ref).plus(_letter(unit), whole).at(_AHEAD_GRANULARITY[unit])
    return Resolution(value, ahead, mod, NONE)


_AHEAD_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Y": "year"}


_TIME_UNITS = frozenset({"HOUR", "MIN", "S"})
_HALF_UNIT = {"Y": (6, "M"), "M": (2, "W"), "D": (12, "HOUR"), "HOUR": (30, "MIN"), "MIN": (30, "S")}


def set_(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'every year', 'each Monday', 'daily', 'twice a week' -> P1Y, XXXX-WXX-1, P1D, P1W."""
    adverb = " ".join((groups.get("adverb") or args.get("adverb") or "").lower().split())
    if adverb:
        values = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D",
                  "biweekly": "P2W", "semiannually": "P6M", "twice a year": "P1Y",
                  "twice a month": "P1M", "twice a week": "P1W", "once a year": "P1Y",
                  "once a month": "P1M", "once a week": "P1W", "twice daily": "P1D"}
        return Resolution(values.get(adverb, "P1D"))
    if groups.get("weekday"):
        number = _lookup(ctx, "weekday", groups.get("weekday"))
        if groups.get("hour") or groups.get("clockword"):  # "every Friday at noon"
            hour, minute = _hour_minute(groups)
            return Resolution(f"XXXX-WXX-{int(number) + 1}T{hour:02d}:{minute:02d}")
        return Resolution(f"XXXX-WXX-{int(number) + 1}")
    if groups.get("month"):
        month = f"XXXX-{int(_lookup(ctx, 'month', groups.get('month'))):02d}"
        day = "".join(ch for ch in groups.get("day") or "" if ch.isdigit())
        return Resolution(f"{month}-{int(day):02d}" if day else month)
    if groups.get("season"):
        return Resolution(f"XXXX-{_lookup(ctx, 'season', groups.get('season'))}")
    word = (groups.get("unit") or "").lower()
    part = _lookup(ctx, "part_of_day", word)
    if part:
        return Resolution(f"XXXX-XX-XXT{part}")
    unit = _unit(word, ctx)
    if unit is None:
        return None
    count = _count(groups, args, ctx)
    number = "X" if count == "X" else f"{float(count or 1):g}"
    if unit == "CE":
        unit, number = "Y", "100"
    elif unit == "DE":
        unit, number = "Y", "10"
    elif unit == "WE":
        return Resolution("XXXX-WXX-WE")
    time_part = unit in ("HOUR", "MIN")
    return Resolution(f"P{'T' if time_part else ''}{number}{_letter(unit)}")


def via_dateparser(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """Phrases handed to dateparser whole (numeric dates): its date and period."""
    text = groups.get("0") or ""
    order = "DMY" if "." in text else ctx.numeric_order()  # dots are Europe's day-first order
    parsed = dateparsing.parse(text, ctx.reference(), order)
    if parsed is None:
        return None
    day, period = parsed
    if len(text) > 3 and text[-3] in "/.-" and text[-2:].isdigit():
        # a two-digit year: the latest with it up to ten years after the reference ("Save the
        # date: 12.12.26" is 2026; "12/25/98" is 1998), where dateparser prefers the past
        upto = (ctx.reference() or date.today()).year + 10
        year = upto // 100 * 100 + int(text[-2:])
        year -= 100 if year > upto else 0
        with contextlib.suppress(ValueError):
            day = day.replace(year=year)
    gran = {"year": "year", "month": "month", "week": "week"}.get(period, "day")
    tv = TimeValue.of(gran, day)
    return Resolution(tv.value, tv, None, ABSOLUTE)


def age_in_a_life(groups: Groups, args: Mapping[str, Any], ctx: Context) -> Resolution | None:
    """'when I was seven', 'the summer she turned 18': the year of that age, from the birth
    date the text gave ("I was born in 1952"); nothing without one (approximate: a birthday
    falls somewhere in the year)."""
    born = ctx.birth_year()
    if born is None:
        return None
    age = _lookup(ctx, "number", (groups.get("age") or "").lower()) if groups.get("age") else None
    if age is None and groups.get("age_digits"):
        age = int(groups["age_digits"] or 0)
    if not isinstance(age, int) or not 0 < age < 120:
        return None
    year = born + age
    season = {"summer": "SU", "spring": "SP", "autumn": "FA", "fall": "FA", "winter": "WI"}.get(
        (groups.get("age_unit") or "").lower())
    if season:
        from timeline_app.core.timeml import SEASON_START_MONTH
        tv = TimeValue("season", date(year, SEASON_START_MONTH[season], 1))
        return Resolution(tv.value, tv, None, STORY)
    tv = TimeValue("year", date(year, 1, 1))
    return Resolution(tv.value, tv, "APPROX" if not groups.get("age_unit") else None, STORY)


NORMALISERS: dict[str, Normaliser] = {
    "age_in_a_life": age_in_a_life,
    "era_day": era_day,
    "calendar": calendar,
    "named_day": named_day,
    "decade": decade,
    "spelled_year": spelled_year,
    "century": century,
    "turn_of_century": turn_of_century,
    "turn_of_year": turn_of_year,
    "era_year": era_year,
    "holiday": holiday,
    "beside_holiday": beside_holiday,
    "weekday": weekday,
    "weekday_counted": weekday_counted,
    "deictic": deictic,
    "clock": clock,
    "offset": offset,
    "anaphoric": anaphoric,
    "relative_unit": relative_unit,
    "period_ending": period_ending,
    "month_relative_year": month_relative_year,
    "day_of_month": day_of_month,
    "week_of": week_of,
    "nth_of_month": nth_of_month,
    "relative_year_quarter": relative_year_quarter,
    "year_period": year_period,
    "relative_named": relative_named,
    "reference": reference,
    "duration": duration,
    "set": set_,
    "dateparser": via_dateparser,
}
