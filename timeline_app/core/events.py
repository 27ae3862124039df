"""From temporal expressions to events: what happened, when, according to which article.

A DATE or TIME with a calendar interval places an event; "now", generic references, sets and
plain durations do not. The event is the clause around the date: its title is that clause
without the date phrase, its snippet the sentence. Two dates joined as a range in one sentence
("from 2001 to 2009") make one period, not two points.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline_app.core.records import pickled_by_fields
from timeline_app.core.rules import default_rules
from timeline_app.core.sentences import sentence_spans
from timeline_app.core.tagger import Timex
from timeline_app.core.timeml import TimeValue, display_granularity, rank
from timeline_app.core.titles import listed_clause, make_title

SNIPPET_REACH = 300  # characters of a very long sentence kept on each side of its date
_CLOCK_AFTER_DAY = re.compile(r",?\s*(?:at\s+|from\s+|between\s+)?")
_LIST_BULLET = re.compile(r"\n[ \t]*[-–—]")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|until|till|and|into)\s*(?:the\s+)?$", re.IGNORECASE)
# a date something is compared with, not when something happened: "warmer than today",
# "more than in the same period of 2024", "the hardest since 2010" (but "no later than May 1")
_COMPARED_TAIL = re.compile(r"\s+(?:(?:in|on|at|during|for)\s+)?(?:(?:the\s+)?(?:whole|all|rest|end|start)"
                            r"\s+of\s+|the\s+)?", re.IGNORECASE)
_RANKED_TAIL = re.compile(r",\s+(?:after|behind)\s+(?:the\s+one\s+in\s+|that\s+of\s+)?")
_NOT_COMPARED = ("later", "earlier", "sooner")  # "no later than May 1": a deadline
_COMPARED_BEFORE = re.compile(r"(?:\b(?:up|down)\s+(?:(?:about|around|some|nearly|almost|roughly|by)\s+)?"
                              r"(?:[\d.,]+(?:%|\s*per\s?cent|\s*percent)?\s+|\w+\s+)?(?:on|from)"
                              r"|\b(?:up|down)\s+(?:on|from)\s+[\d.,]+(?:%|\s*per\s?cent|\s*percent)?\s+(?:in|during|at)"
                              r"|\bcompared\s+(?:with|to)|\bversus|\bvs\.?"
                              # "running 9% ahead of last year"
                              r"|[\d.,]+\s*(?:%|per\s?cent|percent)\s+(?:ahead\s+of|behind|above|below))"
                              r"\s+(?:the\s+)?$", re.IGNORECASE)
# ... with the figure between: "compared with 35 tonnes last year", "up from 123 million in 2019",
# "rose 8% to 41 tonnes, from 35 tonnes a year earlier", "against £2.1bn in the same period"
_FIGURE = (r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+|only\s+)?"
           r"(?:[£$€¥₹]?\s?\d[\d.,]*(?:\s*(?:%|per\s?cent|percent|[a-z]{1,3}\b))?"
           r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
           r"|a\s+(?:few|handful|dozen)|several)\b)(?:\s+[a-z]+){0,3}?")
_FIGURE_LISTED = re.compile(rf"\s*,?\s+(?:and|or)\s+{_FIGURE}\s+(?:(?:in|on|at|during)\s+)?(?:the\s+)?")
_COMPARED_FIGURE_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst"
    r"|\b(?:up|down|ris(?:e|es|ing)|rose|f[ae]ll(?:s|ing)?|climb(?:ed|ing)?|drop(?:ped|ping)?|jump(?:ed)?"
    r"|increas(?:ed|ing)|decreas(?:ed|ing)|gr[eo]w(?:n|ing)?|slipp?(?:ed|ing)?|surg(?:ed|ing)|soar(?:ed|ing)"
    r"|shr[aiu]nk|edg(?:ed|ing)\s+(?:up|down))\b[^.;!?]{0,60}?,?\s+from)"
    # ("compared with a loss of $38 million a year earlier")
    # (not "down from a peak of $84 in mid-October": a peak is told)
    r"\s+(?:(?:a|an)\s+(?!(?:peak|high|low|record)\b)[a-z]+\s+of\s+)?"
    rf"{_FIGURE}\s+(?:(?:in|for|during|at)\s+)?(?:the\s+)?$", re.IGNORECASE)
_FIGURE_BASE_WORDS = ("from", "ompared", "versus", "vs", "against")
_PRIOR_FIGURE_AFTER = re.compile(r"\s*:\s*[-–(]?\s*[£$€¥₹]?\s?\d")
_YEAR_LIKE = re.compile(r"(?:1[5-9]|20)\d\d\b|(?:last|a|the\s+(?:previous|prior))\s+year|the\s+same\b"
                        r"|[\w-]+\s+years?\s+(?:ago|earlier)\b"
                        r"|(?:the\s+)?(?:(?:first|second|third|fourth)(?:\s+|-)(?:fiscal\s+)?quarter|(?:first|second)"
                        r"\s+half|fiscal\s+(?:year\s+)?\d)|Q[1-4]\b|H[12]\b",
                        re.IGNORECASE)  # what a figure is compared with ("up on Monday" is when)
_DEADLINE_THAN = re.compile(r"\b(?:no|not|nothing|none)\s+(?:later|earlier|sooner)\s+$", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:\w{3,}est|most\s+[a-z]+|best|worst|first|second|third|fourth|fifth|sixth|"
                          r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))(?:\s+[\w-]+){0,8}\s+$",
                          re.IGNORECASE)
# opening hours and timetables: the times of every week, not of one day ("9am-5pm Mon-Fri")
_WEEK_DAYS = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?\s?(?:[-–&]|to|thru|through)\s?"
              r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)")
_SCHEDULE = re.compile(r"\b(?:[Oo]pening (?:hours|times)|[Oo]pen (?:daily|every day|24/7)"
                       r"|(?:7|seven) days a week|every day(?: of the week)?,? from)\b"
                       r"|(?:[ap]\.?m\.?|:\d\d)\W{1,3}(?:" + _WEEK_DAYS + r")"
                       r"|(?:" + _WEEK_DAYS + r")\W{1,3}\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\b"
                       # "Clinics run on Saturdays in October, 9am to 1pm", "Viewings by appointment"
                       r"|\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)days\b[^.;]{0,40}?"
                       r"(?:\d[ap]\.?m\b|\b(?:noon|midnight)\b)"
                       r"|\bby appointment\b"
                       # "Late-night shopping is every Thursday until 9pm"
                       r"|\bevery\s+(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\b[^.;]{0,40}?"
                       r"\d(?:[.:]\d\d)?\s?[ap]\.?m\b"
                       # "Ferries leave every 45 minutes between 07:00 and 21:00"
                       r"|\bevery\s+(?:\d{1,3}|few|ten|fifteen|twenty|thirty|forty-five|sixty|two|three|four)"
                       r"\s+(?:minutes|mins|hours)\b")
# (one of them in every match: a search of the pattern costs some 20 µs a sentence)
_WRITTEN_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
                          r"|\d{4}-\d\d-\d\d")  # a day written out: "Saturday 28 November"
_SCHEDULE_HINTS = ("pen", "days", "every", "appointment", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EVERY_AFTER = re.compile(r",?\s+(?:every|each)\s+(?:single\s+)?(?:year|month|week|day|time|night|morning|"
                          r"evening|afternoon|weekend|weekday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                          re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:year|month|week|spring|summer|autumn|fall|"
                           r"winter)\s*,?\s+(?:(?:mostly|mainly|usually|typically|largely|chiefly|especially|"
                           r"normally|generally)\s+)?(?:on|at|in|around|during|over|for|between|from)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_USUALLY_BEFORE = re.compile(r"\b(?:usually|normally|typically|generally|traditionally)\s+(?:[a-z]+\s+){0,2}?"
                            r"(?:on|in|between|from|during|around|over)\s+(?:the\s+)?$", re.IGNORECASE)
# what dates a page or a citation, not what happened: "Retrieved 12 March 2021", "This article
# was amended on 24 November", "First published on Tue 24 Nov 2026", a "References" section
_CITED_ON_BEFORE = re.compile(r"\b(?:(?:[Rr]etrieved|[Aa]ccessed|[Aa]rchived(?:\s+from\s+the\s+original)?)"
                              r"\s+(?:on\s+)?"
                              # "call 101 quoting incident 0412 of 22 November": a log's number
                              r"|(?:[Ii]ncident|[Ll]og|[Cc]rime\s+(?:reference|number)|[Rr]eference|[Rr]ef\.?)"
                              r"\s+(?:(?:number|no\.?)\s+)?[\w/-]*\d[\w/-]*\s+of\s+)$")
_SETTING_BEFORE = re.compile(r"\b[Ss]et\s+(?:in|during)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$")
_IS_BEFORE = re.compile(r"\b(?:is|are)\s+$")
_SHOUTED = re.compile(r"[A-Z]{3,}(?:\s[A-Z]{3,})?")
_DATED_LINE = re.compile(r"[ \t*_]*Dated:?\s+(?:on\s+)?")
_PAGE_STAMP = re.compile(r"\s*(?:This\s+(?:article|story|page|piece|post)\s+was\s+"
                         r"(?:amended|updated|corrected|edited|changed)"
                         r"|(?:First|Originally|Last)\s+(?:published|modified|updated|edited)"
                         r"|(?:Published|Updated|Posted)\s*(?::|on\b))", re.IGNORECASE)
_REFERENCES_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:References|Notes|Sources|Bibliography|"
                                 r"Citations|Footnotes|Further reading|External links|Works cited)"
                                 r"(?:\*\*)?[ \t]*:?[ \t]*$", re.MULTILINE)
_ANSWER_ONLY = re.compile(r"[\s\W]*(?:(?:from|on|in|at|by|until|since|starting|beginning)\s+)?",
                          re.IGNORECASE)
# "When do the new rules start?": its subject and the rest of its predicate
_WHEN_QUESTION = re.compile(r"\s*When\s+(?P<aux>do|does|will|would|can|is|are|was|were)\s+"
                            r"(?P<subject>(?:the|a|an|my|our|your|his|her|their|its|this|these)\s+[\w'’-]+"
                            r"(?:\s+[\w'’-]+)??|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|I|we|you|they|he|she|it)"
                            r"(?:\s+(?P<rest>[a-z][^?]*))?\?\s*")
_NAME_LINE = re.compile(r"[^\n]{3,80}(?<![.!?:;,\"”])")  # a heading: short, no stop at its end
_FALLS_ON = re.compile(r"\s+(?:(?:falls|fell|will\s+fall|lands|landed|is|was|will\s+be)(?:\s+this\s+year)?"
                       r"|(?:(?:is|was|are|were)\s+(?:expected|due|set)\s+to\s+|will\s+)(?:begin|start|end)"
                       r"|(?:begin|start)s?|began|started)\s+(?:on(?:\s+or)?\s+)?(?:the\s+)?"
                       r"|\s+on\s+(?:the\s+)?"  # ("Independence Day on 15th August 2026")
                       # "Stir-up Sunday (this year on 22 November)"
                       r"|\s*\((?:this\s+year\s+)?(?:on\s+|falls\s+on\s+|is\s+)?(?:the\s+)?",
                       re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"T\d\d:\d\d")
_HEADING_ONLY = re.compile(r"[\s\W]*")  # nothing but the date in its sentence
_HEADING_LABEL = re.compile(r"[\s\W]*(?:[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}[\s\W]*)?")  # "RESULTS - " before it
# a post's author before its date: "CityMetro @CityMetroAlerts · Nov 23", "Jo (@jo) - 23 Nov"
_POST_AUTHOR = re.compile(r"[^\n@]{0,60}\(?@\w{1,30}\)?\s*[·•|–-]?\s*")
_RANGE_OPEN = re.compile(r"(?:from|between)\s*$", re.IGNORECASE)
# "fourth-quarter and full-year 2026 results": the period of results, named
_RESULTS_AFTER = re.compile(r"(?:\s+and\s+(?:full|half|nine-month|six-month)[\s-]year(?:\s+\d{4})?)?\s+"
                            r"(?:results|earnings|figures|accounts|trading\s+update)\b", re.IGNORECASE)
_TITLE_WORD_AFTER = re.compile(r" (?!(?:Day|Eve|Week|Weekend|Holidays?|Season|Period)\b)[A-Z][a-z]{2,}\b")
_CLAUSE_JOIN = re.compile(r"\b(?:and|but|while|whereas)\b|;")
_ADVERBIAL_BEFORE = re.compile(r"\b(?:on|at|by|from|until|till)\s+$", re.IGNORECASE)
_LAW_WORDS = ("Act", "Acts", "Bill", "Regulations", "Order", "Rules", "Code", "of")
_NAMED_LAW_BEFORE = re.compile(r"[A-Z][\w)-]*\s+(?:Act|Acts|Bill|Regulations|Order|Rules|Code)\s+(?:of\s+)?$")
_CITATION_BEFORE = re.compile(r"\((?:[^()]*;\s*)?(?:see\s+|e\.g\.,?\s+)?[A-Z][\w'’-]+"
                             r"(?:\s+(?:et\s+al\.?|(?:and|&)\s+[A-Z][\w'’-]+))?,?\s+$")
_CITATION_AFTER = re.compile(r"[a-z]?(?:[;)]|,\s*(?:p|pp)\.)")
_STATISTIC_AFTER = re.compile(
    r"\s+(?:long-term\s+|seasonal\s+)?(?:average|averages|mean|norm|normal|baseline)\b", re.IGNORECASE)
_ASIDE_VERB = re.compile(r"\b(?:[a-z]{2,}ed|began|begins|ends|starts|was|were|is|are|will|came|went|left|"
                         r"ran|runs|opens|closes|fell|rose|won|lost|took|made)\b")
_LIFE_ASIDE = re.compile(r"\s*(?:born|died|b\.|d\.|n[ée]e|aged|c\.|circa|ca\.|fl\.)", re.IGNORECASE)
_ATTRIBUTIVE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)\s+$", re.IGNORECASE)
_NAMED_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|to|of|in|on|at|for|from|with|was|is|were|are|when|that|"
                               r"which|who|as|by|after|before|will|would|has|had|have|the|this|these|those|"
                               r"his|her|their|its|our|my|we|he|she|they|it|there)\b)[a-z]{3,}\b")
# "Some three decades later, in the summer of 2019": one date told twice
# "Easter Monday that year", "May 5, of that year", "Eid al-Fitr in March"
_INSIDE_JOIN = re.compile(r"[\s,]*(?:(?:of|in)\s+)?")
_RESTATED_JOIN = re.compile(r"\s*,\s*(?:(?:in|on|at|during)\s+)?", re.IGNORECASE)

_APPROX_MODS = frozenset({"APPROX", "START", "MID", "END", "LESS_THAN", "MORE_THAN",
                          "EQUAL_OR_MORE", "EQUAL_OR_LESS", "BEFORE", "AFTER"})


_LIKE_BEFORE = re.compile(r"\b(?:the\s+same\s+as|as|than|like|unlike|compared\s+(?:with|to))\s+$",
                          re.IGNORECASE)


def _compared(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start`` is one something is compared with: "warmer than today",
    "more than in the same period of 2024", "the hardest since 2010" (not "no later than")."""
    before = text[max(0, start - 60):start]
    than = before.rfind("than")
    if (than > 0 and _COMPARED_TAIL.fullmatch(before, than + 4)
            and not (before[:than].rstrip().endswith(_NOT_COMPARED)
                     and _DEADLINE_THAN.search(before, 0, than))):
        return True  # (but "a week later than last year" is compared)
    if text.startswith("the same ", start) and _SUPERLATIVE.search(before, max(0, len(before) - 40)):
        return True  # "the highest number for the same period since 2016"
    if ((_YEAR_LIKE.match(text, start) and _COMPARED_BEFORE.search(before))
            or (any(word in before for word in _FIGURE_BASE_WORDS)  # (the figure says it: any date)
                and _COMPARED_FIGURE_BEFORE.search(before))):
        return True  # "turnout is up on 2022", "down 3% from last year", "compared with 2019"
    if before.endswith("(") and _PRIOR_FIGURE_AFTER.match(text, end):
        return True  # results' comparatives: "rose to £1.92bn (H1 2025: £1.81bn)"
    if before.endswith(("so far ", "so far in ")):
        return True  # "up 14% so far this year": a running figure, to date
    if text.startswith(("'s ", "’s "), end) and _LIKE_BEFORE.search(before, max(0, len(before) - 24)):
        return True  # "costs $1,799, the same as last year's model": the model is compared
    if text.startswith(" ever", end) and _SUPERLATIVE.search(before, max(0, len(before) - 40)):
        return True  # "our best Q2 ever"
    after = max(before.rfind(", after"), before.rfind(", behind"))
    if (after > 0 and _RANKED_TAIL.fullmatch(before, after)
            and _SUPERLATIVE.search(before[max(0, after - 60):after] + " ") is not None):
        return True  # "the second warmest on record, after September 2023"
    since = before.rfind("since")
    return (since > 0 and _COMPARED_TAIL.fullmatch(before, since + 5) is not None
            and _SUPERLATIVE.search(before, max(0, since - 60), since) is not None
            # ("their first win since August 30, when they beat Yeovil": that day's win is told)
            and _WHEN_AFTER.match(text, end) is None)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: an inclusive interval with its precision and provenance."""

    text: str
    start: int
    end: int
    value: str
    earliest: date
    latest: date
    granularity: str
    approximate: bool
    mod: str | None = None
    anchor: str = "absolute"

    def as_json(self) -> dict[str, object]:
        """The ``date`` object of the public schema."""
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "earliest": self.earliest.isoformat(), "latest": self.latest.isoformat(),
                "granularity": self.granularity, "approximate": self.approximate,
                "mod": self.mod, "anchor": self.anchor}


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening reported by one article."""

    title: str
    text: str = field(repr=False)  # the article's whole text: one shared string, not a copy
    start: int  # the snippet's span in ``text``: the sentence, or the part of a long one
    end: int  # around the date
    date: EventDate
    article: str  # the article's path

    @property
    def snippet(self) -> str:
        """The sentence that reports the event (sliced when asked: a big timeline holds
        200,000 events, whose sentences would double the memory their articles take)."""
        return self.text[self.start:self.end]

    def as_json(self) -> dict[str, object]:
        """The ``events`` entry of ``timeline-app extract``."""
        return {"title": self.title, "snippet": self.snippet, "start": self.start,
                "end": self.end, "date": self.date.as_json()}


def narrow(first: date, last: date, mod: str | None) -> tuple[date, date]:
    """The part of an interval a START/MID/END mod points at (thirds of it)."""
    if mod not in ("START", "MID", "END"):
        return first, last
    days = (last - first).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def event_date(timex: Timex, *, inferred_reference: bool = False,
               until: Timex | None = None) -> EventDate | None:
    """The dated interval of a DATE/TIME timex (or of a range ``timex``..``until``), or of the
    time a duration points to ("will reopen in [three weeks]": about then)."""
    if timex.time is None:
        return None
    text, end, value = timex.text, timex.end, timex.value
    if timex.type == "DURATION":
        first, last = timex.time.interval()
        return EventDate(text=text, start=timex.start, end=end, value=timex.time.value, earliest=first,
                         latest=last, granularity=display_granularity(timex.time.granularity),
                         approximate=True, mod=None, anchor="reference")
    if timex.type not in ("DATE", "TIME"):
        return None
    first, last = narrow(*timex.time.interval(), timex.mod)
    approximate = timex.mod in _APPROX_MODS or (inferred_reference and timex.anchor != "absolute")
    if until is not None and until.time is not None:
        last = max(last, narrow(*until.time.interval(), until.mod)[1])
        end = until.end
        value = f"{timex.value}/{until.value}"
    elif timex.until is not None:  # "June 9-12, 2020", "2001-2009": one phrase, one period
        last = max(last, timex.until.interval()[1])
        value = f"{timex.value}/{timex.until.value}"
    return EventDate(text=text, start=timex.start, end=end, value=value, earliest=first,
                     latest=last, granularity=display_granularity(timex.time.granularity),
                     approximate=approximate, mod=timex.mod, anchor=timex.anchor)


def _within(timex: Timex, when: EventDate) -> bool:
    """Whether the timex's interval lies inside the event date's (a finer date of that day)."""
    if timex.time is None:
        return False
    first, last = timex.time.interval()
    return when.earliest <= first and last <= when.latest


def _around(text: str, start: int, end: int, date_start: int, date_end: int) -> tuple[int, int]:
    """The sentence ``start``..``end``, or the words within :data:`SNIPPET_REACH` characters
    of the date when the sentence is longer than that (text without full stops, such as a
    transcript or a list, must not make every event's snippet the whole text)."""
    if end - start <= 2 * SNIPPET_REACH:
        return start, end
    if date_start - start > SNIPPET_REACH:
        cut = text.find(" ", date_start - SNIPPET_REACH, date_start)
        start = cut + 1 if cut >= 0 else date_start
    if end - date_end > SNIPPET_REACH:
        cut = text.rfind(" ", date_end, date_end + SNIPPET_REACH)
        end = cut if cut >= 0 else date_end
    return start, end


def _date_units(text: str, dated: list[Timex], skip: set[int],
                told_with: dict[int, int]) -> list[tuple[int, int]]:
    """The spans of the text that date one event each, in order: a range ("from 1946 until
    1948") and a date told twice ("Easter Monday that year") are one."""
    units = []
    i = 0
    while i < len(dated):
        timex = dated[i]
        if i in skip or timex.value.endswith("_REF"):  # a scene setter, told again, or "now"
            i += 1
            continue
        start, end = timex.start, timex.end
        if i + 1 < len(dated) and _is_range(text, timex, dated[i + 1]):
            end = dated[i + 1].end
            i += 1
        if (gone := told_with.get(i)) is not None:
            start, end = min(start, dated[gone].start), max(end, dated[gone].end)
        units.append((start, end))
        i += 1
    return units


def _is_range(text: str, first: Timex, second: Timex) -> bool:
    between = text[first.end:second.start]
    if not _RANGE_JOIN.match(between) or _LIST_BULLET.search(between):
        return False  # ("... at 1.30pm" over "- Tuesday 5 January: ...": two entries of a list)
    joiner = text[first.end:second.start].strip().lower().removesuffix(" the")
    if joiner in ("-", "–", "—", "through", "until", "till"):
        return True
    if (joiner == "to" and first.time is not None and second.time is not None
            and first.time.granularity == second.time.granularity == "day"
            and 0 < (second.time.start - first.time.start).days <= 7):
        return True  # "Christmas market: Thursday to Sunday": days of one week
    return bool(_RANGE_OPEN.search(text[max(0, first.start - 10):first.start]))


def _scene_setters(text: str, dated: list[Timex], starts: list[int]) -> list[int]:
    """Positions of years (or seasons) that open a sentence only to place its day ("Last year,
    the shop closed on 24 Dec", "In 2019, the plant closed on March 5", "Last winter the first
    warning came on 5 January"): the day is the event, the year no second one. A year joined to
    the day by "and" or "but" dates a clause of its own."""
    found = []
    for i in range(len(dated) - 1):
        year, day = dated[i], dated[i + 1]
        if year.time is None or year.time.granularity not in ("year", "season") or day.time is None:
            continue
        k = bisect_right(starts, year.start) - 1
        sentence_start = starts[k] if k >= 0 else 0
        next_start = starts[k + 1] if k + 1 < len(starts) else len(text)
        first, last = year.time.interval()
        day_first, day_last = day.time.interval()
        if (year.start - sentence_start <= 12 and day.start < next_start
                and first <= day_first and day_last <= last and (first, last) != (day_first, day_last)
                and not _CLAUSE_JOIN.search(text, year.end, day.start)):
            found.append(i)
    return found


def _every_before(text: str, at: int) -> bool:
    """A habit's words before a date: "every year on Stir-up Sunday", "each summer in August",
    "Offers are usually made between November and May"."""
    before = text[max(0, at - 40):at]
    return ((("ach " in before or "ery " in before) and _EVERY_BEFORE.search(before) is not None)
            or ("ally " in before and _USUALLY_BEFORE.search(before) is not None))


def _day_after_in_clause(text: str, dated: list[Timex], i: int, reach: int = 120) -> bool:
    """Whether a day comes after ``dated[i]`` in its clause, after "on", "by" or the like."""
    end = dated[i].end
    for later in dated[i + 1:]:
        if later.start - end > reach or "." in text[end:later.start] or ";" in text[end:later.start]:
            return False
        if (later.time is not None and rank(later.time.granularity) >= rank("day")
                and _ADVERBIAL_BEFORE.search(text, max(0, later.start - 8), later.start)):
            return True
    return False


def _day_told_before(text: str, dated: list[Timex], i: int, reach: int = 300) -> bool:
    """Whether a calendar day is written shortly before ``dated[i]``, in its paragraph."""
    at = dated[i].start
    for other in reversed(dated[:i]):
        if at - other.end > reach:
            return False
        if (other.anchor == "absolute" and other.time is not None
                and rank(other.time.granularity) >= rank("day") and "\n\n" not in text[other.end:at]):
            return True
    return False


def _a_setting(text: str, starts: list[int], at: int) -> bool:
    """Whether the date at ``at`` is where a story is set ("Set in 1980s Belfast, ...", "The
    novel is set in the 1920s"; not "The record was set in 1998")."""
    setting = _SETTING_BEFORE.search(text, max(0, at - 24), at)
    if setting is None:
        return False
    return _opens_sentence(starts, setting.start()) or _IS_BEFORE.search(
        text, max(0, setting.start() - 6), setting.start()) is not None


def _opens_sentence(starts: list[int], at: int) -> bool:
    k = bisect_right(starts, at) - 1
    return k >= 0 and starts[k] == at


def _inside(inner: TimeValue, outer: TimeValue) -> bool:
    (a, b), (c, d) = inner.interval(), outer.interval()
    return c <= a and b <= d


def _restated(text: str, dated: list[Timex]) -> dict[int, int]:
    """Dates that a date just beside them restates, no finer, mapped to that date's position:
    a relative one beside a written-out one ("Some three decades later, in the summer of 2019,
    it was listed": one event, in the summer of 2019), or a period beside a day inside it
    ("reopened on Easter Monday that year")."""
    found: dict[int, int] = {}
    for i in range(len(dated) - 1):
        first, second = dated[i], dated[i + 1]
        if first.time is None or second.time is None:
            continue
        if _INSIDE_JOIN.fullmatch(text, first.end, second.start):
            (a, b), (c, d) = first.time.interval(), second.time.interval()
            if a <= c and d <= b and (a, b) != (c, d):
                found[i] = i + 1
                continue
            if c <= a and b <= d and (a, b) != (c, d):
                found[i + 1] = i
                continue
        if (not _RESTATED_JOIN.fullmatch(text, first.end, second.start)
                or (first.anchor == "absolute") == (second.anchor == "absolute")):
            continue
        relative, written, at = (first, second, i) if second.anchor == "absolute" else (second, first, i + 1)
        if rank(relative.time.granularity) <= rank(written.time.granularity):  # type: ignore[union-attr]
            found[at] = i + 1 if at == i else i
        elif _inside(relative.time, written.time):  # type: ignore[arg-type]
            # "A century ago today, in 1926, ...": the written year confirms the finer day
            other = i + 1 if at == i else i
            found[other] = at
    return found


_OFFSET_JOIN = re.compile(r"\s+(?P<direction>before|after)\s+")
_OFFSET = re.compile(r"P(?P<count>[1-9][0-9]*)(?P<unit>[DWMY])")


def _offsets_applied(text: str, timexes: list[Timex]) -> list[Timex]:
    """A date that a duration before it moves ("a week before Christmas", "two days after
    March 3") becomes the moved date, spanning both: TimeML tags the duration and the date
    apart, but the event happened on neither."""
    out: list[Timex] = []
    for timex in timexes:
        before = out[-1] if out else None
        if (before is not None and before.type == "DURATION" and timex.time is not None
                and timex.type in ("DATE", "TIME") and timex.until is None
                and (join := _OFFSET_JOIN.fullmatch(text, before.end, timex.start))
                and (offset := _OFFSET.fullmatch(before.value))):
            sign = -1 if join["direction"] == "before" else 1
            try:
                moved = timex.time.plus(offset["unit"], sign * int(offset["count"]))
            except (OverflowError, ValueError):  # "2024 days before AD 1 Christmas": off the calendar
                out.append(timex)
                continue
            out[-1] = replace(timex, start=before.start, text=text[before.start:timex.end],
                              value=moved.value, time=moved)
            continue
        out.append(timex)
    return out


@functools.cache
def _topic_about() -> re.Pattern[str]:
    """"spoke about June 1944", "a book about the 1960s": what is talked of, no event's date
    (the verbs and nouns are ``about_a_topic`` in the vocabulary)."""
    words = "|".join(sorted((re.escape(w) for w in default_rules().words("about_a_topic")), key=len,
                            reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:[\w'’]+\s+){{0,3}}?(?:about|of|on)\s+(?:the\s+)?$", re.IGNORECASE)


def _a_topic(text: str, start: int) -> bool:
    """Whether the date at ``start`` is what is talked of ("spoke about June 1944")."""
    return ("about" in text[max(0, start - 12):start]
            and _topic_about().search(text, max(0, start - 50), start) is not None)


def _named_or_cited(text: str, year: Timex) -> bool:
    """Whether a year names a law ("Section 64 of the Online Safety Act 2023") or dates a study
    cited ("(Smith et al., 2019; Chen and Park, 2021)"): no event either way."""
    before = text[max(0, year.start - 60):year.start]
    if before.rstrip().endswith(_LAW_WORDS) and _NAMED_LAW_BEFORE.search(before):
        return True
    return "(" in before and _CITATION_BEFORE.search(before) is not None and _CITATION_AFTER.match(
        text, year.end) is not None


_ENDED_JOIN = re.compile(r"\s*,?\s*(?:\(\s*)?(?:which\s+|that\s+)?(?:ended|ending|ends|"
                         r"(?:runs|running)\s+(?:to|through|until)|to|through)\s+(?:on\s+)?",
                         re.IGNORECASE)
_PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12}
# "in the six months to 30 September", "the 12 weeks ending 3 May": the span up to that day
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
                 "fifty-two": 52}
_SPAN_TO_DAY = re.compile(r"\bthe\s+(?:(?:(?P<digits>[1-9][0-9]?)|(?P<word>" + "|".join(_NUMBER_WORDS)
                          + r"))\s+"
                          r"(?P<units>days|weeks|months|years)|(?P<unit>year|month|week))"
                          r"\s+(?:to|ended|ending|through|up\s+to)\s+$", re.IGNORECASE)


def _period_ended(text: str, dated: list[Timex], i: int) -> EventDate | None:
    """A quarter, half or fiscal year closed by the day after it ("its fiscal 2027 second
    quarter, ended October 31"): the months up to that day, which a fiscal calendar's label
    does not place."""
    if i + 1 >= len(dated):
        return None
    period, day = dated[i], dated[i + 1]
    months = _PERIOD_MONTHS.get(period.time.granularity if period.time else "")
    if (months is None or day.time is None or day.time.granularity != "day" or day.type != "DATE"
            or not _ENDED_JOIN.fullmatch(text, period.end, day.start)):
        return None
    last = day.time.start
    first = _months_up_to(last, months)
    return EventDate(text=text[period.start:day.end], start=period.start, end=day.end,
                     value=f"{first.isoformat()}/{last.isoformat()}", earliest=first, latest=last,
                     granularity="month", approximate=period.anchor != "absolute" or day.anchor != "absolute",
                     mod=None, anchor=day.anchor)


def _spans_told_as_periods(text: str, dated: list[Timex], spans: list[tuple[int, int]]
                           ) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """``spans`` with the parts of a period told with the day that ends it ("the full year to
    31 March", "the six months to 30 September") made one span, which other events' titles
    leave out whole; and where each such period starts, by its day's start."""
    if " to " not in text and "end" not in text and "through" not in text:
        return spans, {}
    periods: dict[int, tuple[int, int]] = {}  # the start of a span: the whole period's
    for i, timex in enumerate(dated):
        told = _period_ended(text, dated, i) or _span_to_day(text, timex)
        if told is not None:
            periods[timex.start] = (told.start, told.end)
    if not periods:
        return spans, {}
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] > start:
            continue  # (inside the period just made one)
        out.append(periods.get(start, (start, end)))
    return out, {start: period[0] for start, period in periods.items()}


def _span_to_day(text: str, day: Timex) -> EventDate | None:
    """The weeks, months or years up to a day ("sales rose 9% in the six months to 30
    September"): that span, not the day."""
    if day.time is None or day.time.granularity not in ("day", "month") or day.type != "DATE":
        return None
    span = _SPAN_TO_DAY.search(text, max(0, day.start - 40), day.start)
    if span is None:
        return None
    count = (int(span["digits"]) if span["digits"] else
             _NUMBER_WORDS[span["word"].lower()] if span["word"] else 1)  # ("the year to March")
    last = day.time.interval()[1]  # ("the three months to September": to its end)
    unit = (span["units"] or f"{span['unit']}s").lower()
    if unit in ("days", "weeks") and day.time.granularity != "day":
        return None
    if unit in ("days", "weeks"):  # ("the 10 days to Diwali", "the seven days to Sunday")
        first = last - timedelta(days=(7 if unit == "weeks" else 1) * count - 1)
    else:
        first = _months_up_to(last, count * (12 if unit == "years" else 1))
    return EventDate(text=text[span.start():day.end], start=span.start(), end=day.end,
                     value=f"{first.isoformat()}/{last.isoformat()}", earliest=first, latest=last,
                     granularity={"days": "day", "weeks": "week"}.get(unit, "month"),
                     approximate=day.anchor != "absolute",
                     mod=None, anchor=day.anchor)


def _months_up_to(last: date, months: int) -> date:
    """The first day of the ``months`` that end on ``last``: whole months when it ends one
    ("ended October 31", three months: 1 August), else as many days ("to Nov. 28")."""
    if last == _month_end(last):
        index = last.year * 12 + last.month - months
        return date(index // 12, index % 12 + 1, 1)
    return last - timedelta(days=round(months * 30.44) - 1)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _at_its_clock(text: str, dated: list[Timex], i: int,
                  inferred_reference: bool) -> tuple[EventDate, int] | None:
    """The date of ``dated[i]`` (a day) at the clock time right after it ("Wednesday 9 December,
    2pm", "Saturday at 2pm", "on 18 November between 14:32 and 15:41"), spanning them all, with
    the index of the last clock; None when no clock of that day follows."""
    if i + 1 >= len(dated):
        return None
    day, clock = dated[i], dated[i + 1]
    if (clock.type != "TIME" or clock.time is None or day.time is None or clock.time.start != day.time.start
            or not _CLOCK_AFTER_DAY.fullmatch(text, day.end, clock.start)):
        return None
    last = i + 1
    end = dated[i + 2] if i + 2 < len(dated) else None
    if (end is not None and end.type == "TIME" and end.time is not None
            and end.time.start == day.time.start and _is_range(text, clock, end)):
        last = i + 2  # "from 10am to 1pm", "between 14:32 and 15:41"
    at = event_date(clock, inferred_reference=inferred_reference, until=end if last == i + 2 else None)
    if at is None:
        return None
    return replace(at, text=text[day.start:dated[last].end], start=day.start), last


def _parenthetical(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the brackets in [s, e) that hold [start, end), if it is a clause of a few
    words ("(lease ended Oct 31)"), not a life's dates ("(born 10 May 1815 in London)")."""
    opening = text.rfind("(", s, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return None
    closing = text.find(")", end, e)
    if closing < 0 or _LIFE_ASIDE.match(text, opening + 1):
        return None
    rest = f"{text[opening + 1:start]} {text[end:closing]}"
    if len(rest.split()) < 2 or not _ASIDE_VERB.search(rest):
        return None  # "(12.30pm)", "(valid until 2031)", "(March 2018 – August 2022)"
    return opening + 1, closing


def _without_dated_asides(text: str, s: int, e: int, others: list[tuple[int, int]]) -> str:
    """The sentence [s, e) with bracketed asides that hold another date blanked (offsets stay):
    "I moved out a couple of weeks ago (lease ended Oct 31)" for "a couple of weeks ago"."""
    sentence = text[s:e]
    if "(" not in sentence:
        return sentence
    for a, b in others:
        inner = _parenthetical(text, s, e, s + a, s + b)
        if inner is not None:
            opening, closing = inner[0] - 1 - s, inner[1] + 1 - s  # the brackets too
            sentence = sentence[:opening] + " " * (closing - opening) + sentence[closing:]
    return sentence


_FOR_BEFORE = re.compile(r"\b(?:for|celebrat(?:e|ed|ing)|mark|marked|marking|(?:ahead|forward)\s+to)\s+$",
                         re.IGNORECASE)
_WHICH_AFTER = re.compile(r",?\s+(?:which|that)\s")  # "Hanukkah, which begins on Friday, December 4"
_POSSESSIVE_BEFORE = re.compile(r"\w[’']s\s+$")
_CLOCK_TRAILER = re.compile(r"[\s(),]*(?:local\s+time)?[\s(),]*(?:on\s+)?")
_THIS_PERIOD = frozenset({"this year", "this month", "this week", "the year", "this weekend", "the weekend"})
_REPORTING_PERIOD = re.compile(r"the\s+(?:(?:full|half|first|second|financial|fiscal|past|last)\s+)?"
                               r"(?:year|half(?:[\s-]+year)?|quarter|(?:\w+|\d+)\s+(?:months|weeks))\b",
                               re.IGNORECASE)
_PERIOD_END_JOIN = re.compile(r"\s*,?\s*(?:(?:which|that)\s+)?(?:ended|ending|ends|closed|to|through)\s+",
                              re.IGNORECASE)
_IN_TIME_FOR_BEFORE = re.compile(r"\bin\s+time\s+for\s+(?:the\s+)?(?:(?:start|end|beginning|opening)\s+of\s+"
                                 r"(?:the\s+)?)?$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r",\s+when\s")
_REPORTING_END_BEFORE = re.compile(r"\bfor\s+the\s+(?:(?:\w+|\d+)\s+(?:months|weeks)"
                                   r"|(?:(?:full|financial|fiscal)\s+)?year|half[\s-]+year)"
                                   r"\s+(?:to|ended|ending)\s+$", re.IGNORECASE)
# "this year at sundown on Friday, December 4" (not "this year through August": a range)
_NEAR_JOIN = re.compile(r"(?![^,;:.!?()]*\b(?:through|thru|to|until|till|and|or)\b)[^,;:.!?()]{0,40}")


def _between(one: Timex, other: Timex) -> tuple[int, int]:
    """The span of text between two expressions, in either order."""
    return (one.end, other.start) if other.start > one.start else (other.end, one.start)


def _beside_a_finer_date(text: str, dated: list[Timex], starts: list[int]) -> set[int]:
    """Dates that another date of their sentence makes no event of their own: a named day that
    names a thing or a purpose ("December 6, 10am: Hanukkah family fair", "began the journey home
    on Saturday for Eid"), and "this year" beside a day in it ("Hanukkah begins this year at
    sundown on Friday, December 4")."""
    found: set[int] = set()
    dated_starts = [t.start for t in dated]
    for i, timex in enumerate(dated):
        this_period = timex.text.lower() in _THIS_PERIOD
        named = timex.rule.startswith("holiday")
        # "Wednesday's minutes from the Fed's October meeting": a month that names the meeting
        naming = (not named and not this_period and timex.time is not None
                  and timex.time.granularity in ("month", "season")
                  and _POSSESSIVE_BEFORE.search(text, max(0, timex.start - 4), timex.start) is not None
                  and _NAMED_NOUN_AFTER.match(text, timex.end) is not None)
        # "the deal collapsed an hour before the 7pm cut-off" (told of a day in September): a
        # clock that names a deadline of a day the sentence does not give
        clock_name = (timex.type == "TIME" and timex.text[:1].isdigit()
                      and _ATTRIBUTIVE_BEFORE.search(text, max(0, timex.start - 6), timex.start) is not None
                      and _NAMED_NOUN_AFTER.match(text, timex.end) is not None)
        # "announced today a dividend for the six months to 30 September", "Results for the full
        # year will be published on 21 May": a reporting period, beside the day of the news
        reporting = timex.type == "DATE" and (
            (timex.text[:4].lower() == "the " and _REPORTING_PERIOD.match(timex.text) is not None
             and text.endswith("for ", max(0, timex.start - 4), timex.start))
            or (text.endswith(("to ", "ended ", "ending "), max(0, timex.start - 7), timex.start)
                and _REPORTING_END_BEFORE.search(text, max(0, timex.start - 40), timex.start) is not None))
        # "not lost since 2021, when a goal settled the game in August": the month tells it
        when_told = (timex.time is not None and timex.time.granularity in ("year", "month")
                     and text.startswith(",", timex.end) and _WHEN_AFTER.match(text, timex.end) is not None)
        # "would come into force in autumn 2027, in time for the start of the 2027/28 school year"
        purpose = ("time for" in text[max(0, timex.start - 40):timex.start]
                   and _IN_TIME_FOR_BEFORE.search(text, max(0, timex.start - 40), timex.start) is not None)
        if not (this_period or named or naming or clock_name or reporting or when_told or purpose):
            continue
        k = bisect_right(starts, timex.start) - 1
        first = starts[k] if k >= 0 else 0
        last = starts[k + 1] if k + 1 < len(starts) else len(text)
        others = [t for t in dated[bisect_left(dated_starts, first):bisect_left(dated_starts, last)]
                  if t is not timex and t.time is not None and t.type in ("DATE", "TIME")
                  and not t.rule.startswith("holiday")]
        if clock_name:
            if any(t.time is not None and rank(t.time.granularity) < rank("day") for t in others) and not any(
                    t.time is not None and rank(t.time.granularity) >= rank("day") for t in others):
                found.add(i)
            continue
        if purpose:
            if any(t.start < timex.start for t in others):
                found.add(i)
            continue
        if when_told:
            if any(t.start > timex.end and t.type == "DATE" and t.time is not None and timex.time is not None
                   and rank(t.time.granularity) > rank(timex.time.granularity) and _inside(t.time, timex.time)
                   for t in others):
                found.add(i)
            continue
        if reporting:
            if any(t.type in ("DATE", "TIME") and t.time is not None and timex.time is not None
                   and rank(t.time.granularity) >= rank("day") and not _inside(t.time, timex.time)
                   and not _PERIOD_END_JOIN.fullmatch(text, timex.end, t.start)  # "..., which ended Sept. 30"
                   for t in others):
                found.add(i)
            continue
        if this_period:
            if any(t.type == "DATE" and _inside(t.time, timex.time)
                   and rank(t.time.granularity) > rank(timex.time.granularity)
                   and _NEAR_JOIN.fullmatch(text, *_between(timex, t))
                   for t in others if timex.time is not None and t.time is not None):
                found.add(i)  # ("..., which will receive only partial dividends this year": its own)
            continue
        others = [t for t in others if t.time is not None and rank(t.time.granularity) >= rank("month")
                  and not _CLAUSE_JOIN.search(text, *_between(timex, t))]
        if others and naming:
            found.add(i)
        elif others and named and (
                _NAMED_NOUN_AFTER.match(text, timex.end) or _WHICH_AFTER.match(text, timex.end)
                or _TITLE_WORD_AFTER.match(text, timex.end)  # "Christmas Messiah - Sun 6 Dec, 3pm"
                or _FOR_BEFORE.search(text, max(0, timex.start - 14), timex.start)
                or (timex.until is not None and timex.time is not None and any(
                    timex.time.start <= t.time.start <= timex.until.start
                    for t in others if t.time is not None))):
            found.add(i)  # (and "December 11: Last night of Hanukkah": a day inside the festival)
    return found


def build_events(article_path: str, text: str, timexes: list[Timex], *, body_start: int = 0,
                 inferred_reference: bool = False) -> list[Event]:
    """One event per dated expression in the article body (ranges make one period)."""
    sentences = sentence_spans(text, body_start)
    starts = [s for s, _ in sentences]
    dated = [t for t in _offsets_applied(text, timexes) if t.start >= body_start
             and t.type in ("DATE", "TIME", "DURATION") and t.time is not None]
    dated_starts = [t.start for t in dated]
    all_spans, period_starts = _spans_told_as_periods(
        text, dated, [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")])
    all_starts = [a for a, _ in all_spans]
    events: list[Event] = []
    restated = _restated(text, dated)
    told_with = {keep: gone for gone, keep in restated.items()}  # a date and its restatement
    skip: set[int] = set(_scene_setters(text, dated, starts)) | set(restated) | _beside_a_finer_date(
        text, dated, starts)
    # one event per date a sentence gives, however often it names it ("2024-07-04 - The heat
    # wave peaked today"): the written-out date is kept over the relative one
    by_sentence_date: dict[tuple[int, int, date, date, str], int] = {}
    units = _date_units(text, dated, skip, told_with)
    timetable: dict[int, bool] = {}  # sentence index: whether it gives opening hours
    unit_starts = [a for a, _ in units]
    references = _REFERENCES_HEADING.search(text, body_start) if "\n" in text else None
    cited_from = references.start() if references is not None else len(text)
    bases: set[int] = set()  # dates a figure is compared with
    inside_periods = sorted((start, day) for day, start in period_starts.items() if start < day)
    for i, timex in enumerate(dated):
        if i in skip:
            continue
        if _compared(text, timex.start, timex.end) or (
                i - 1 in bases and _FIGURE_LISTED.fullmatch(text, dated[i - 1].end, timex.start)):
            bases.add(i)  # (and "up from 31 in April and 12 in March": March's too)
            continue
        if inside_periods and any(start <= timex.start < day for start, day in inside_periods):
            continue  # "the year" of "in the year to September": the period is the day's event
        if timex.start >= cited_from or _CITED_ON_BEFORE.search(text, max(0, timex.start - 36), timex.start):
            continue  # a source's date: "Retrieved 12 March 2021", the "References" list
        if _DATED_LINE.fullmatch(text, text.rfind("\n", 0, timex.start) + 1, timex.start):
            continue  # a notice's own date: "Dated this 18th day of November 2026."
        if "et " in text[max(0, timex.start - 16):timex.start] and _a_setting(text, starts, timex.start):
            continue  # a story's setting: "Set in 1980s Belfast, the film follows ..."
        if timex.anchor == "absolute" and _a_topic(text, timex.start):
            continue  # "He never spoke about June 1944": a topic
        falls = i + 1
        if (falls + 1 < len(dated) and dated[falls].text.lower() == "this year"
                and text.startswith("(", timex.end + 1)):
            falls += 1  # "Stir-up Sunday (this year on 22 November)"
        if (falls < len(dated) and _FALLS_ON.fullmatch(text, timex.end, dated[i + 1].start)
                and (told := dated[falls].time) is not None and told.granularity == "day"):
            continue  # "This year Stir-up Sunday falls on 22 November": that day dates it
        if _EVERY_AFTER.match(text, timex.end) or _every_before(text, timex.start):
            if i + 1 < len(dated) and _is_range(text, timex, dated[i + 1]):
                skip.add(i + 1)  # "each year, mostly between May and October": all of it
            continue  # "I do mine in October every year", "every year on Stir-up Sunday": a habit
        if timex.time is not None and timex.time.granularity == "year" and _named_or_cited(text, timex):
            continue  # "the Online Safety Act 2023", "(Smith et al., 2019)": a law's name, a study cited
        if (timex.until is not None or (timex.time is not None and timex.time.granularity == "year")) and (
                _ATTRIBUTIVE_BEFORE.search(text, max(0, timex.start - 6), timex.start)
                and _STATISTIC_AFTER.match(text, timex.end)):
            continue  # "1.6C above the 1991-2020 average": a baseline, not an event
        if (timex.until is not None and text[timex.start - 1:timex.start] == "("
                and text[timex.end:timex.end + 1] == ")"):
            continue  # "Helen Marsh (1931–2026) died in February": a life's span, not an event
        if (i + 1 < len(dated) and timex.time is not None
                and timex.time.granularity in ("day", "month", "year")
                and (_ATTRIBUTIVE_BEFORE.search(text, max(0, timex.start - 6), timex.start)
                     or _opens_sentence(starts, timex.start))
                and _NAMED_NOUN_AFTER.match(text, timex.end)
                and (later := dated[i + 1]).time is not None
                and later.time.granularity in ("day", "partofday", "minute")
                and later.start - timex.end < 120 and "." not in text[timex.end:later.start]
                and _ADVERBIAL_BEFORE.search(text, max(0, later.start - 8), later.start)
                and not _CLAUSE_JOIN.search(text, timex.end, later.start)):
            continue  # "Tickets for the Boxing Day fixtures go on sale on Tuesday", "The audit of
            # the 2025/26 accounts was signed off on 30 September", "Diwali celebrations begin on
            # Sunday 8 November": the date names the fixtures, the accounts, the celebrations; the
            # clause's own date is the later one
        if (timex.time is not None and timex.time.granularity in ("year", "quarter", "half")
                and _RESULTS_AFTER.match(text, timex.end) and _day_after_in_clause(text, dated, i)):
            continue  # "will report fourth-quarter and full-year 2026 results on February 18": that day's
        until = None
        if i + 1 < len(dated) and _is_range(text, timex, dated[i + 1]):
            until = dated[i + 1]
            skip.add(i + 1)
        when = event_date(timex, inferred_reference=inferred_reference, until=until)
        if when is None:
            continue
        if (inferred_reference and timex.rule == "deictic_day" and timex.anchor == "reference"
                and not _day_told_before(text, dated, i)):
            continue  # "Today the business is run by ..." on an undated page: some day, not this one
            # (but "12/11/2026, 18:04 - Sam: free for the quiz tomorrow?" is the 13th)
        ended = None if until is not None else _period_ended(text, dated, i)
        if ended is not None:
            when = ended  # "its fiscal 2027 second quarter, ended October 31": August to October
            skip.add(i + 1)
            told_with.setdefault(i, i + 1)
        elif until is None and "the " in text[max(0, timex.start - 40):timex.start] and (
                spanned := _span_to_day(text, timex)) is not None:
            when = spanned  # "in the six months to 30 September": April to September
        at_clock = None if until is not None else _at_its_clock(text, dated, i, inferred_reference)
        clocked = at_clock is not None
        if at_clock is not None:  # "Wednesday 9 December, 2pm: Nativity play": that day at 2pm
            when, last_clock = at_clock
            skip.update(range(i + 1, last_clock + 1))  # the clock times are this event's
        k = bisect_right(starts, timex.start) - 1  # the sentence holding the date
        s, e = sentences[k] if k >= 0 and timex.start < sentences[k][1] else (timex.start, timex.end)
        if k not in timetable:
            sentence = text[s:e]
            timetable[k] = (any(hint in sentence for hint in _SCHEDULE_HINTS)
                            and _SCHEDULE.search(sentence) is not None)
        if timetable[k] and not _WRITTEN_DAY.search(timex.text):
            # "Opening hours: 9am-5pm Mon-Fri", "open 7 days a week, 8am to 8pm": no event (but
            # "Viewings: Saturday 28 November, 10am-12pm, or by appointment" is that day's)
            continue
        if _PAGE_STAMP.match(text, s, timex.start):
            continue  # "This article was amended on 24 November 2026": the page's, not the story's
        asked = None
        if (k > 0 and _ANSWER_ONLY.fullmatch(text, s, timex.start)
                and _HEADING_ONLY.fullmatch(text, when.end, e)):
            # "When do the new rules start?" / "From Monday 4 January.": the question is the event
            asked = _WHEN_QUESTION.fullmatch(text, *sentences[k - 1])
        entry = None
        if asked is None and ended is None and k + 1 < len(sentences) \
                and (_HEADING_LABEL.fullmatch(text, s, timex.start)
                     or _POST_AUTHOR.fullmatch(text, s, timex.start)) \
                and _HEADING_ONLY.fullmatch(text, when.end, e):
            # a date that is a sentence of its own, a diary's "Tuesday." heading the entry
            # after it: that entry is the event, unless a date in it places it more finely
            if (k > 0 and _NAME_LINE.fullmatch(text, *sentences[k - 1])
                    and "\n\n" not in text[sentences[k - 1][1]:s]):
                # "Frost Fairs: London's Frozen River" over "12 December 2026 - 5 April 2027":
                # the dates of what the line above names
                entry = sentences[k - 1]
                s = entry[0]
            else:
                entry = sentences[k + 1]
                inner = bisect_left(dated_starts, entry[0])
                if inner < len(dated) and dated[inner].start < entry[1] and _within(dated[inner], when):
                    continue
                e = entry[1]
        s, e = _around(text, s, e, timex.start, when.end)
        if (timex.type == "TIME" and events and events[-1].start == s
                and events[-1].date.earliest <= when.earliest <= events[-1].date.latest
                and events[-1].date.earliest < events[-1].date.latest):
            continue  # "Thursday to Sunday, 10am-8pm": the hours of those days, no event of their own
        key = (s, e, when.earliest, when.latest, when.granularity)
        same = by_sentence_date.get(key)
        if same is not None and (timex.anchor != "absolute" or events[same].date.anchor == "absolute"):
            if (timex.type == "TIME" and _CLOCK_VALUE.search(when.value) and "/" not in when.value
                    and not _CLOCK_VALUE.search(events[same].date.value)):
                # "On the morning of 6 June 1944 ... at 6.30am": the clock time dates it more finely
                events[same] = replace(events[same], date=replace(when, text=events[same].date.text,
                                                                  start=events[same].date.start,
                                                                  end=events[same].date.end))
            continue
        following = dated[i + 1].start if i + 1 < len(dated) else e
        if until is not None and i + 2 < len(dated):
            following = dated[i + 2].start
        following = period_starts.get(following, following)  # ("... in the six months to 30 September")
        date_start, date_end = min(timex.start, when.start), when.end
        if clocked:
            following = dated[i + 2].start if i + 2 < len(dated) else e
        j = i + 1  # "at 6am local time (0600 GMT) on Wednesday": the time told again, and its day,
        while (timex.type == "TIME" and j < len(dated) and j <= i + 2  # leave the title too
               and (told := dated[j].time) is not None and timex.time is not None
               and (told.start == timex.time.start or text[dated[j].start - 1:dated[j].start] == "(")
               and (dated[j].value == timex.value or told.granularity == "day"
                    or text[dated[j].start - 1:dated[j].start] == "(")  # ("(02:30 GMT)")
               and _CLOCK_TRAILER.fullmatch(text, date_end, dated[j].start)):
            date_end, j = dated[j].end, j + 1
            following = dated[j].start if j < len(dated) else e
        if (gone := told_with.get(i)) is not None:  # the title leaves out both dates
            date_start, date_end = min(date_start, dated[gone].start), max(date_end, dated[gone].end)
            if gone == i + 1:
                following = dated[i + 2].start if i + 2 < len(dated) else e
        j = bisect_left(all_starts, date_start) - 1  # the expression before it, if in the sentence
        previous = (all_spans[j][0] - s, all_spans[j][1] - s) if (
            j >= 0 and all_spans[j][0] >= s and not _a_topic(text, all_spans[j][0])) else None
        while (previous is not None and j > 0 and all_spans[j - 1][0] >= s
               and _CLOCK_AFTER_DAY.fullmatch(text, all_spans[j - 1][1], all_spans[j][0])):
            j -= 1  # "on Wednesday 9 December at 2pm and again on ...": the day and its clock
            previous = (all_spans[j][0] - s, previous[1])
        in_sentence = units[bisect_left(unit_starts, s):bisect_left(unit_starts, e)]
        listed = None
        if len(in_sentence) > 1 and (date_start, date_end) in in_sentence:
            listed = listed_clause(text[s:e], [(a - s, b - s) for a, b in in_sentence],
                                   in_sentence.index((date_start, date_end)))
        others = [(a - s, b - s) for a, b in all_spans[bisect_left(all_starts, s):bisect_left(all_starts, e)]
                  if (a, b) != (timex.start, timex.end) and not _a_topic(text, a)]
        if asked is not None:
            auxiliary = asked["aux"].lower()
            subject = f"{asked['subject']} {auxiliary if auxiliary in ('will', 'would', 'can') else ''}"
            title = make_title(" ".join(f"{subject} {asked['rest'] or ''}".split()), 0, 0)
        elif entry is not None:
            title = make_title(text[entry[0]:entry[1]], 0, 0)
        elif (bracketed := _parenthetical(text, s, e, date_start, date_end)) is not None:
            # "I moved out a couple of weeks ago (lease ended Oct 31)": the aside is the event
            a, b = bracketed
            title = make_title(text[a:b], date_start - a, date_end - a)
        else:
            sentence = _without_dated_asides(text, s, e, others)
            title = make_title(sentence, date_start - s, date_end - s,
                               next_date=following - s if following < e else None, previous=previous,
                               listed=listed, others=others)
            if (_SHOUTED.fullmatch(title) and k + 1 < len(sentences)
                    and "\n" not in text[e:sentences[k + 1][0]]):
                # "11:48 - WICKET! Root is caught at slip for 63.": what the shout is about
                title = f"{title.capitalize()}: {make_title(text[slice(*sentences[k + 1])], 0, 0)}"
        event = Event(title=title, text=text, start=s, end=e, date=when, article=article_path)
        if same is not None:
            events[same] = event
        else:
            by_sentence_date[key] = len(events)
            events.append(event)
    return events
