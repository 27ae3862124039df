"""The temporal tagger: find temporal expressions in one pass and normalise them.

``Tagger.tag(text, reference)`` scans the text once with the compiled rule set, drops
candidates that the filters reject (ages, money, percentages), and asks each rule's normaliser
for a TimeML value. Expressions are normalised left to right so that story-anchored ones
("a month later") can refer to the dates the text mentioned before them.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from timeline_app.core.normalizers import ABSOLUTE, NORMALISERS, REFERENCE, STORY, Resolution
from timeline_app.core.records import pickled_by_fields
from timeline_app.core.rules import FLAGS, Rule, RuleSet, default_rules
from timeline_app.core.sentences import sentence_starts
from timeline_app.core.timeml import TimeValue, rank
from timeline_app.core.titles import OCCASION_PARTICIPLES

# where one clause of a sentence ends and another begins
_CLAUSE_BREAK = regex.compile(
    r"\s*(?:[;:]|\s--?\s|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|yet|who|which)\b)\s*")
_ENDED = regex.compile(r",?\s+(?:which\s+|that\s+)?end(?:ed|ing|s)\b")
_POST_AUTHOR_BEFORE = regex.compile(r"[^\n@]{0,60}@\w{1,30}\)?\s*[·•|–-]?\s*")
_WILL_BEFORE = regex.compile(r"\b(?:will|shall)\b|\w['’]ll\b", regex.IGNORECASE)
_COMPOUND_BEFORE = regex.compile(r"(?<![\w-])(?:\w+-)+$")
_PASSIVE_BE = regex.compile(r"(?<!\w)(?:be|being)\s+$", regex.IGNORECASE)
_PRESENT_BE = regex.compile(r"(?<!\w)(?:is|are|am)\s+(?:not\s+|now\s+|still\s+|also\s+|usually\s+)?$",
                            regex.IGNORECASE)
# "will stay closed", "plans to keep the bridge closed": an -ed word a modal or "to" governs
# (within three words) is a participle of that verb's phrase, not a past tense
_MODAL_BEFORE = regex.compile(
    r"(?<!\w)(?:will|would|shall|can|could|may|might|must|should|to|\w+['’]ll)(?:\s+(?!(?:and|but|or|then)\b)[\w'’-]+){1,3}\s+$",
    regex.IGNORECASE)
# a word after a number: what it counts, or (after "in") the clause the year starts
_NOUN_AFTER = regex.compile(r"\s+(?:(?!(?:million|billion|trillion|thousand|percent)\b)[a-z]{3,}|[A-Z])")
# "and", "but", "or", "then" or a comma between an expression and a later marker: that marker
# is the verb of a coordinated phrase ("was sentenced on Friday and will be eligible in 2031")
# or of the main clause ("The minister, who took office in January, will step down")
_COORDINATED = re.compile(r"(?<!\w)(?:and|but|or|then)(?!\w)|,")
AFTER_CONJUNCTION = 10_000  # (when no marker precedes: the farthest choice, still a choice)
MARKER_REACH = 1000  # characters around an expression searched for its tense marker
HEADING_REACH = 1500  # characters under a Markdown heading within which its year is the section's
BLOCK_REACH = 400  # characters under a heading day within which a bare clock time is of that day
LOOK_AHEAD = 200  # characters after an expression its checks read (``regex`` scans to endpos)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: its span, TimeML type, value and mod, and how it was resolved."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"
    rule: str = ""
    time: TimeValue | None = None
    until: TimeValue | None = None  # the end of a range written as one phrase ("June 9-12")

    def as_json(self) -> dict[str, object]:
        """The public ``timexes`` entry of ``timeline-app extract``."""
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod, "anchor": self.anchor}


def _alternation(words: list[str]) -> str:
    """The words as one alternation, longest first ("had been scheduled" before "had")."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


def _compile_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words (one boundary before one alternation: the engine scans that fastest; the
    standard library's by a fifth faster than ``regex`` for these word lists)."""
    return re.compile(rf"(?<!\w)(?:{_alternation([w for w in words if w[:1].isalnum()])})(?!\w)",
                      re.IGNORECASE)


def _compile_endings(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words that start with a sign and end the word before them ("'ll" in "we'll"),
    searched apart: in the main alternation they slowed its scan by a sixth."""
    endings = [w for w in words if not w[:1].isalnum()]
    return re.compile(rf"(?<=\w)(?:{_alternation(endings)})(?!\w)", re.IGNORECASE) if endings else None


class _Filters:
    """Contexts around a candidate that make it no date (rule data: vocabulary ``reject_*``)."""

    def __init__(self, rules: RuleSet) -> None:
        table = rules.tables
        # each list is one alternation: a single search per context, whatever the list's length
        self.before = _either(table.get("reject_before", []), "(?:{})$")
        self.after = _either(table.get("reject_after", []), "^(?:{})")
        self.before_year = _either(table.get("reject_before_number", []), "(?:{})$")
        self.after_year = _either(table.get("reject_after_number", []), "^(?:{})")
        self.year_preposition = _either(table.get("year_prepositions", []), r"(?<!\w)(?:{})\s+$")
        self.verb_after_the_year = _either(table.get("reject_verb_after_the_year", []), "^(?:{})")
        self.before_article = _either(table.get("reject_before_article", []), "(?:{})$")
        self.capitalised = frozenset(w.lower() for w in table.get("capitalised_only", []))
        # capitalised words a year may follow as a date ("June 2020", "Autumn 2019", "In 2019")
        self.date_words = frozenset(str(word).lower() for name in _DATE_WORD_TABLES
                                    for word in (table.get(name) or []))
        self.lower_case_date_after = frozenset(table.get("lower_case_date_after", []))
        self.lower_case_weekday_after = frozenset(table.get("lower_case_weekday_after", []))
        self.weekday_numbers = {str(name).lower(): int(number)
                                for name, number in (table.get("weekday") or {}).items()}
        self.sport_score = _either(table.get("sport_score", []), "{}")
        self.sport_words = _either(table.get("sport_words", []), r"\b(?:{})\b")
        self.game_words = frozenset(table.get("game_words", []))
        self.plan_verbs = _either(table.get("plan_verbs", []), r"\b(?:{})\b")
        self.set_until = _either(table.get("until_set_by", []), r"\b(?:{})\b[^.;!?]*\b(?:until|till)\s+$")
        self.set_from = frozenset(" ".join(p.lower().split()) for p in table.get("from_set_by", []))
        self.phrases = frozenset(w.lower() for w in table.get("reject_phrases", []))
        # "around Nov. 1", "about 1850": approximate; not "talked about 2020" (a topic)
        topics = _alternation(table.get("about_a_topic", [])) or "(?!)"
        self.approx_before = regex.compile(
            rf"(?<![\w$£€-])(?:around|approximately|roughly|(?<!\b(?:{topics})\s(?:(?:to|with)\s[\w.'’-]+\s(?:[\w.'’-]+\s){{0,2}})?)about)\s+$",
            regex.IGNORECASE)

    def rejects(self, text: str, start: int, end: int, rule: Rule) -> bool:
        before = text[max(0, start - 24):start]
        after = text[end:end + 24]
        if self.before.search(before) or self.after.search(after):
            return True
        phrase = " ".join(text[start:end].lower().split())
        # a rate ("$5 a day", "two pills a day") stands, whatever the phrase alone would be
        if rule.type != "SET" and (phrase in self.phrases or (
                phrase.startswith(("a ", "an ")) and self.before_article.search(before))):
            return True
        if rule.id in _GAME_PERIODS and self.in_a_game(text, start, end):
            return True  # "12 points in the third quarter as the Lakers won 110-98"
        if rule.id in ("year", "decade", "fiscal_year") or rule.norm == "duration":
            if (rule.id == "year" and before.endswith(("the ", "The "))
                    and self.verb_after_the_year.search(after)):
                return True  # "The 1975 played the O2": a name (a band, a club), not a year
            if rule.id == "year" and (named := _NAME_BEFORE_YEAR.search(before)) is not None \
                    and named[1].lower() not in self.date_words:
                return True  # "Office 2021", "Windows 2000", "SQL Server 2019": a product's name
            if self.after_year.search(after) and not (
                    rule.id == "year" and self.year_preposition.search(before)
                    and _NOUN_AFTER.match(after)):
                return True  # "1,998 points", but "In 2020 people stayed home"
            # "1,998 years", "3 2020": a number right before one; not "Feb. 24, a week after"
            m = self.before_year.search(before)
            return m is not None and (text[start].isdigit() or not m.group(0)[:1].isdigit())
        return False

    def in_a_game(self, text: str, start: int, end: int) -> bool:
        """Whether a quarter or half without a year is a game's: a score or two game words near it."""
        phrase = text[start:end]
        if any(ch.isdigit() for ch in phrase) or "year" in phrase.lower():
            return False  # ("the second half of the year" is no game's)
        around = max(0, start - SPORT_REACH), end + SPORT_REACH
        if self.sport_score.search(text, *around):
            return True
        words = {m.group().lower() for m in self.sport_words.finditer(text, *around)}
        return len(words) >= 2 or not words.isdisjoint(self.game_words)


_DATE_WORD_TABLES = ("month", "weekday", "season", "year_prepositions", "words_before_a_year")
_NEVER = regex.compile(r"(?!)")
_WORD = regex.compile(r"[A-Za-z]+")
_YEAR_LISTED_AFTER = regex.compile(r",?\s+(?:and\s+|or\s+)?(?:in\s+)?[0-9]{4}(?![\w-])")
_YEAR_LISTED_BEFORE = regex.compile(r"(?<![\w-])[0-9]{4},?\s+(?:and\s+|or\s+)?(?:in\s+)?$")
WEEK_DAYS = 7  # a day told with its weekday this far before the reference or more is the story's
STORY_DAY_SENTENCES = 2  # ... for a weekday this many sentences after it, or fewer
_NAME_BEFORE_YEAR = regex.compile(r"(?<![\w'’-])((?-i:[A-Z][a-z]+)) $")
_GAME_PERIODS = frozenset({"quarter", "half_year"})  # a game has them too
SPORT_REACH = 120  # characters around a quarter or half read for a game's words


def _either(patterns: list[str], template: str) -> regex.Pattern[str]:
    """One regex matching where any of ``patterns`` (each wrapped by ``template``) matches."""
    if not patterns:
        return _NEVER
    return regex.compile("|".join(template.format(p) for p in patterns), FLAGS)


_WHEN_CLAUSE = regex.compile(r",?\s+(?:when|in\s+which|during\s+which)\s+[^.;:,()]{0,80}?", regex.IGNORECASE)
_SLASH_DATE = regex.compile(r"(?<![0-9/])([0-9]{1,2})/([0-9]{1,2})/(?:[0-9]{4}|[0-9]{2})(?![0-9/])")
_PAST_PERFECT = regex.compile(r"(?<!\w)had\s+(?!to\b)[\w\s'’-]{0,50}$", regex.IGNORECASE)
_PAST_PERFECT_AFTER = regex.compile(r"[\w\s,'’-]{0,30}?(?<!\w)had\s+(?!to\b)\w", regex.IGNORECASE)
_BY_BEFORE = regex.compile(r"(?<!\w)by\s+$", regex.IGNORECASE)
_ATTRIBUTIVE_BEFORE = regex.compile(r"(?<!\w)(?:the|a|an|its|their|his|her)\s+$", regex.IGNORECASE)
_LOWER_WORD_AFTER = regex.compile(r"\s+[a-z]")
# a listing's entry: "Jazz night: Friday, 7.30pm. Tickets £12.", "Doors 7pm"
_LISTING = regex.compile(r"^[\s\W]*[A-Z][\w '’&-]{1,40}:\s|\b\d{1,2}(?:[.:]\d\d)?\s?[ap]\.?m\b|[£$€]\s?\d",
                         regex.IGNORECASE | regex.MULTILINE)
# a heading line: Markdown's "## Next steps", or a short label of its own line ("Coming up:")
_HEADING_LINE_BEFORE = regex.compile(
    r"(?:^|\n)[ \t]*(?:#{1,6}[ \t]+(?:\*\*)?(?P<name>[^\n]{1,60}?)(?:\*\*)?"
    r"|(?:\*\*)?(?P<name>[A-Z][^\n:]{1,40}?)(?:\*\*)?:(?:\*\*)?)[ \t]*(?=\n)", regex.REVERSE)
_VERB_LIKE = regex.compile(r"\b(?:is|are|was|were|has|have|had|will|would|opens?|closes?|starts?|runs?|"
                           r"[a-z]{3,}ed)\b", regex.IGNORECASE)
_OPENING_DATE = regex.compile(r"[\s\"“‘'(]*(?:(?:but|and|then|yet|so)\s+)?"
                              r"(?:(?:on|in|at|during|late|early|by)\s+)?", regex.IGNORECASE)
# ... or opens a phrase saying on what occasion the main clause happened: "Speaking at the summit
# on Monday, Ms Ortiz said ..."
_OCCASION_OPENING = regex.compile(rf"[\s\"“‘'(]*(?:{OCCASION_PARTICIPLES})\b[^,;.!?]{{0,60}}?"
                                  r"\s(?:on|in|at|during)\s+")
# what reaches back to a date from the story's time: "a logbook that went back to 1871"
_REACHING_BACK_BEFORE = regex.compile(
    r"\b(?:(?:goes|went|go|going|dates?|dated|dating)\s+back\s+(?:to|as\s+far\s+as)"
    r"|dat(?:es|ed|ing)\s+from|as\s+far\s+back\s+as)\s+(?:the\s+)?$", regex.IGNORECASE)
# a record a date is ranked behind: "the second warmest on record, after September 2023"
_RANKED_AFTER_BEFORE = regex.compile(
    r"\b(?:[a-z]{3,}est|on\s+record|record|highest|lowest|most|least)\b[^.;!?]{0,40}?"
    r"\b(?:after|behind|than|since|compared\s+(?:with|to))\s+(?:the\s+)?(?:one\s+in\s+|that\s+of\s+)?$",
    regex.IGNORECASE)
_EDIT_STAMP_BEFORE = regex.compile(
    r"(?:^|\n)[ \t]*(?:\*\*)?(?:(?:final|last|another)[ \t]+)?(?:edit|update|updated|upd)[ \t]*"
    r"(?:\d[ \t]*)?\(?$",
    regex.IGNORECASE)
# a chat export's message stamp: "10/11/2026, 09:12 - Sam:", "[10/11/2026, 09:12:33] Sam:"
_CHAT_STAMP = regex.compile(
    r"[ \t]*\[?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}),?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-–][ \t]*)?[^:\n]{1,40}:")
_MOVED_TO_BEFORE = regex.compile(
    r"\b(?:moved|postponed|delayed|deferred|rescheduled|pushed\s+back|brought\s+forward|put\s+back|"
    r"put\s+off|switched|shifted|adjourned)\b[^.;!?]{0,30}?\b(?:to|until|till|for)\s+(?:next\s+|this\s+)?$",
    regex.IGNORECASE)
_PRESENT_AFTER_SUBJECT = regex.compile(
    r"(?:\s+(?:and|or|&)\s+[A-Z][a-z]+day)?\s+(?:brings|looks|stays|sees|turns|starts|remains|promises|"
    r"offers|is\s+(?:set|likely|expected|forecast)|are\s+(?:set|likely|expected|forecast)|should|could|"
    r"stay|look|turn|remain)\b")
_AHEAD_OF_EVENT = regex.compile(
    r"\b(?:ahead\s+of|in\s+the\s+(?:run|lead|build)-up\s+to|in\s+preparation\s+for)\s+"
    r"(?:the\s+|this\s+|a\s+)?(?:[\w'’-]+\s+){0,5}?(?:on|at)\s+$"
    # "a rush on matzah, with Passover beginning at sundown on Wednesday": what begins is to come
    r"|\bwith\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:beginning|starting|opening|kicking\s+off)\s+"
    r"(?:at\s+\w+\s+)?on\s+$", regex.IGNORECASE)
_POSSESSIVE_AHEAD_AFTER = regex.compile(
    r"[’']s\s+(?:[\w’'-]+\s+){1,4}?(?:comes|airs|takes\s+place|kicks\s+off|starts|begins|returns|opens|features|"
    r"will|is\s+(?:set|due|at|live|on)|are\s+(?:set|due|at|live|on))\b")
_SCHEDULED_BEFORE = regex.compile(
    r"(?<!\w)(?:is|are)\s+(?:(?:on|at|in|from|set\s+for|due\s+on|scheduled\s+for|planned\s+for|slated\s+for)\s+)?"
    r"(?:(?:the\s+)?|\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?\s*[-–]\s*\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?\s+)$",
    regex.IGNORECASE)
_BY_AFTER = regex.compile(r"\s+by\b")
# what reaches ahead of the story's time: "a correspondence that lasted until his death in the 1870s"
_REACHING_AHEAD_BEFORE = regex.compile(
    r"\b(?:lasted|lasting|continued|went\s+on|remained|stayed)\s+(?:[\w'’]+\s+){0,3}?(?:until|till|into)\s+"
    r"(?:(?:his|her|their|its)\s+(?:death|retirement|closure)\s+in\s+)?(?:the\s+)?$", regex.IGNORECASE)
_PARTICIPLE_ASIDE = regex.compile(r",\s+(?:first\s+|originally\s+|temporarily\s+)?[a-z]+(?:ed|en)\s")
_ASIDE_PARTICIPLE_BEFORE = regex.compile(r",\s+(?:first\s+|originally\s+)?[a-z]+(?:ed|en|built|set\s+up)\s+"
                                         r"(?:in|on|during|back\s+in)\s+(?:the\s+)?$")
_BORN_BEFORE = regex.compile(r"\bborn\b[^.;]*$", regex.IGNORECASE)
_IN_BEFORE = regex.compile(r"(?<![\w-])in\s+$", regex.IGNORECASE)  # "reopens in three weeks"
# "could be the worst in a decade", "the first time in 20 years": a span looked back over
_SUPERLATIVE_IN = regex.compile(
    r"\b(?:\w{2,}est|most\s+\w+|best|worst|first|least|only)(?:\s+[\w-]+){0,4}\s+in\s+$", regex.IGNORECASE)
_DEADLINE_BEFORE = regex.compile(
    r"(?<!\w)(?:until|till|through|thru)\s+(?:at\s+(?:the\s+)?(?:least|latest|earliest)\s+)?$",
    regex.IGNORECASE)
# "from 6pm Friday": the start of something (with no tense, one ahead)
_FROM_BEFORE = regex.compile(r"(?<!\w)from\s+$", regex.IGNORECASE)
_ATTRIBUTIVE_OPENER = regex.compile(r"[\s\"“‘'(]*the\s+", regex.IGNORECASE)  # "The 2028 Olympics ..."
# "Easter Monday that year", "on March 5 of the following year"
_YEAR_ANAPHOR_AFTER = regex.compile(
    r",?\s+(?:of\s+)?(?P<phrase>(?P<which>that|the\s+same|the\s+following|the\s+next|the\s+previous|"
    r"the\s+preceding|the\s+prior)\s+year)\b", regex.IGNORECASE)
# "That Christmas", "by that June" (not "said that June was cold")
_THAT_BEFORE = regex.compile(r"(?:^|[.!?]\s+|(?<!\w)(?:in|on|by|until|till|during|from|at|after|before)\s+)"
                             r"(?:(?-i:That)|that)\s+$", regex.IGNORECASE)
_DAY_TIME_JOIN = regex.compile(r"\s*(?:,|at|@|-|–|—|\(|,\s*at)?\s*")


# an "on this day" column ("On this day: November 24", "Today in History", "On this date:"),
# whose list gives years ("1963 – Jack Ruby shoots Oswald", "In 1859, Darwin published ...")
_ON_THIS_DAY = regex.compile(r"\b(?:on\s+this\s+(?:day|date)|(?:today|this\s+day)\s+in\s+history)\b"
                             r"(?P<rest>[^\n]{0,60})", regex.IGNORECASE)
_MONTH_DAY = regex.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b"
                           r"|\b(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[A-Za-z]{3,9})\b")
_LINE_YEAR_BEFORE = regex.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?(?:[Ii]n\s+)?$")
ON_THIS_DAY_REACH = 3000  # characters from the start of a text in which its heading is looked for


class _Context:
    """Per-document state the normalisers read: reference date, story anchors, tense."""

    def __init__(self, tagger: Tagger, text: str, reference: date | None,
                 narrative: bool) -> None:
        self.rules = tagger.rules
        self.narrative = narrative
        self._tagger = tagger
        self._text = text
        self._reference = reference
        self._anchors: list[TimeValue] = []
        self._last_clock_at = 0
        self._anchor_spans: list[tuple[int, int]] = []  # where each anchor was written
        self._reporting: TimeValue | None = None
        self._sentence_starts = sentence_starts(text)
        self._marker_cache: dict[int, list[tuple[int, int, str]]] = {}
        self._mentions: dict[tuple[str, ...], list[int]] = {}  # names: where the text names them
        self._breaks_cache: dict[int, tuple[list[int], list[int]]] = {}
        self._last_day: tuple[int, TimeValue, str] | None = None  # (end, day, anchor) of the last day
        self._last_clock: TimeValue | None = None  # the last clock time, while no other day came
        self._log_entry: TimeValue | None = None  # the last time stamp opening a line (a live blog)
        self._born: int | None = None  # the year of a birth the text told ("I was born in 1952")
        self._numeric_order: str | None = None  # "" when the text does not tell
        self._told_year: tuple[int, int] | None = None  # (start, year) of a "that year" a date took
        # (heading end, month, day) of an "on this day" column; False: not looked for yet
        self._this_day: tuple[int, int, int] | bool | None = False
        self._weekdays: dict[int, date] = {}  # weekday -> the day the text named by it
        self.span = (0, 0)

    def reference(self) -> date | None:
        return self._reference

    def range_end(self) -> tuple[int, int | None] | None:
        """The year (and month, if named) of the end of a range the expression starts."""
        m = self._tagger.range_end.match(self._text, self.span[1], self.span[1] + LOOK_AHEAD)
        if m is None:
            return None
        name = m.group("month") or m.group("month2") or m.group("month3")
        month = self.rules.table("month").get(name.lower()) if name else None
        if m.group("shift"):  # "from June to August last year"
            if self._reference is None:
                return None
            year = self._reference.year + {"last": -1, "next": 1}.get(m.group("shift").lower(), 0)
            return year, int(month) if month else None
        return int(m.group("year")), int(month) if month else None

    def range_end_month(self) -> int | None:
        """The month of the end of a range the expression starts, told without a year ("from
        October to January")."""
        m = self._tagger.range_end_month.match(self._text, self.span[1], self.span[1] + LOOK_AHEAD)
        if m is None and self._text.endswith("between ", max(0, self.span[0] - 8), self.span[0]):
            m = self._tagger.between_end_month.match(self._text, self.span[1], self.span[1] + LOOK_AHEAD)
        if m is None:
            return None
        month = self.rules.table("month").get((m.group("month") or m.group("month2")).lower())
        return int(month) if month else None

    def numeric_order(self) -> str | None:
        """'DMY' when one of the text's slash dates can only be day first ("25/12/2020") and
        none can only be month first, 'MDY' for the reverse, else None (the default order):
        one writer uses one order throughout."""
        if self._numeric_order is None:
            day_first = month_first = False
            for m in _SLASH_DATE.finditer(self._text):
                first, second = int(m.group(1)), int(m.group(2))
                day_first = day_first or (first > 12 >= second)
                month_first = month_first or (second > 12 >= first)
            self._numeric_order = ("DMY" if day_first and not month_first else
                                   "MDY" if month_first and not day_first else "")
        return self._numeric_order or None

    def last_clock(self) -> TimeValue | None:
        return self._last_clock

    def sentence_clock(self) -> TimeValue | None:
        """The clock time given earlier in the expression's sentence, if any."""
        if self._last_clock is None or self._last_clock_at < self._sentence()[0]:
            return None
        return self._last_clock

    def adjacent_day(self) -> tuple[TimeValue, str] | None:
        """The day written right before the expression ("March 4, 2024 at 10:00 AM",
        "Tuesday 5 March, 17:00"), with its anchor: a clock time there is on that day."""
        if self._last_day is None:
            return None
        end, day, anchor = self._last_day
        if 0 <= self.span[0] - end <= 6 and _DAY_TIME_JOIN.fullmatch(self._text, end, self.span[0]):
            return day, anchor
        return None

    def sentence_day(self) -> tuple[TimeValue, str] | None:
        """The last day written earlier in the expression's sentence ("On 3 March 1943,
        between 8.30pm and 8.40pm"), with its anchor: a clock time without a day is on it."""
        if self._last_day is None:
            return None
        end, day, anchor = self._last_day
        return (day, anchor) if self._sentence()[0] <= end <= self.span[0] else None

    def will_before(self) -> bool:
        start = self.span[0]
        return _WILL_BEFORE.search(self._text, max(self._sentence()[0], start - 80), start) is not None

    def recent_story_day(self) -> tuple[TimeValue, str] | None:
        """The last day written in the sentence before the expression's, if it lies over a week
        before the reference ("Two years ago today I had my last drink. ... at about four in the
        afternoon"): a clock time without a day is on it."""
        if self._last_day is None or self._reference is None:
            return None
        end, day, _ = self._last_day
        i = bisect.bisect_right(self._sentence_starts, self.span[0]) - 1
        if (end < self._sentence_starts[max(0, i - 1)] or end > self.span[0] or day.granularity != "day"
                or (self._reference - day.start).days <= WEEK_DAYS):  # ("the night of": its small hours)
            return None
        return day, STORY

    def anaphoric_year(self) -> int | None:
        """The year of a date without one that "that year" or "the following year" follows
        ("reopened on Easter Monday that year", "on Christmas Day the following year"), or
        that "that" opens ("That Christmas"): the story's last year, moved so; else None."""
        text, (start, end) = self._text, self.span
        m = _YEAR_ANAPHOR_AFTER.match(text, end)
        if m is None and not _THAT_BEFORE.search(text, max(0, start - 12), start):
            return None
        anchor = self.story_anchor("year")
        if anchor is None:
            return None
        which = " ".join(m.group("which").lower().split()) if m else "that"
        year = anchor.start.year + (1 if which in ("the following", "the next") else
                                    -1 if which in ("the previous", "the preceding", "the prior")
                                    else 0)
        if m is not None:  # that phrase, tagged next, names the same year
            self._told_year = (m.start("phrase"), year)
        return year

    def weekday_told(self, weekday: int) -> date | None:
        return self._weekdays.get(weekday)

    def tell_weekday(self, weekday: int, day: date) -> None:
        self._weekdays[weekday] = day

    def birth_year(self) -> int | None:
        return self._born

    def last_log_entry(self) -> TimeValue | None:
        return self._log_entry

    def tell_log_entry(self, time: TimeValue) -> None:
        self._log_entry = time

    def told_year(self) -> int | None:
        """The year the date just before this "that year" took from it."""
        told = self._told_year
        return told[1] if told is not None and told[0] == self.span[0] else None

    def story_anchor(self, finest: str) -> TimeValue | None:
        """The last date mentioned that is at least as fine as ``finest``."""
        for anchor in reversed(self._anchors):
            if rank(anchor.granularity) >= rank(finest):
                return anchor
        return None

    def recent_past_anchor(self, reach: int = 500, finest: str = "month") -> TimeValue | None:
        """The last date mentioned, ``finest`` or finer, if it was written within ``reach``
        characters before the expression and lies in a year before the reference's: the
        past a news story is telling ("On March 3, 2025 ... The bank was closed in June")."""
        if not self._anchors or self._reference is None:
            return None
        anchor, (at, end) = self._anchors[-1], self._anchor_spans[-1]
        if (self.span[0] - at > reach or rank(anchor.granularity) < rank(finest)
                or anchor.start.year >= self._reference.year):
            return None
        if (_ATTRIBUTIVE_BEFORE.search(self._text, max(0, at - 6), at)
                and _LOWER_WORD_AFTER.match(self._text, end)):
            return None  # "the August 1988 cease-fire": what is named, not the story's time
        if _BORN_BEFORE.search(self._text, max(0, at - 40), at):
            return None  # "who was born on 2 June 1936, died on 4 September": a life, not the story
        if _RANKED_AFTER_BEFORE.search(self._text, max(0, at - 80), at):
            return None  # "September was the second warmest on record, after September 2023": a record
        if _SINCE_BEFORE.search(self._text, max(0, at - 8), at):
            return None  # "he has had the deposit since September 2024": a state up to now
        if (self._text.startswith(",", end) and self.span[0] > end
                and _ASIDE_PARTICIPLE_BEFORE.search(self._text, max(0, at - 40), at)):
            return None  # "The route, launched in May 2023, carried ...": an aside's time
        return anchor

    def chapter_mark(self) -> bool:
        """The expression opens a line of a list of stamps that begins at "00:00": an
        episode's or a video's chapters ("00:00 Intro", "03:15 The first snow"), not clock times."""
        start = self.span[0]
        line = self._text.rfind("\n", 0, start) + 1
        for _ in range(60):  # up the run of stamped lines to its first
            if _CHAPTER_START.match(self._text, line):
                return True
            if line == 0:
                return False
            previous = self._text.rfind("\n", 0, line - 1) + 1
            if not _STAMPED_LINE.match(self._text, previous):
                return False
            line = previous
        return False

    def heading_year(self) -> int | None:
        """The year a Markdown heading names ("## Summer term 2027" over "- Half term: 31 May -
        4 June"), for the block of lines right under it."""
        start = self.span[0]
        heading = self._text.rfind("\n#", max(0, start - HEADING_REACH), start)
        if heading < 0:
            if not self._text.startswith("#"):
                return None
            heading = -1
        line_end = self._text.find("\n", heading + 1)
        if line_end < 0 or line_end >= start:
            return None
        block = line_end
        while block < start and self._text[block] in " \t\n":
            block += 1
        if _BLANK_LINE.search(self._text, block, start):
            return None  # the heading's first block of lines only (a paragraph after it may be of any year)
        years = _HEADING_YEAR.findall(self._text, heading + 1, line_end)
        return int(years[0]) if len(years) == 1 else None

    def names_a_thing(self) -> bool:
        """The expression sits between an article and a noun ("the 4 August blast", "the
        August 4 explosion"): it names what it dates, which is known."""
        start, end = self.span
        text = self._text
        if text.startswith(("the ", "The "), start):  # ("the 4 August" read as one phrase)
            return _NOUN_AFTER.match(text, end) is not None and not _VERB_LIKE_AFTER.match(text, end)
        return (_ATTRIBUTIVE_BEFORE.search(text, max(0, start - 8), start) is not None
                and _NOUN_AFTER.match(text, end) is not None and not _VERB_LIKE_AFTER.match(text, end))

    def edit_stamp(self) -> bool:
        """The expression stamps an edit of a post ("EDIT (11/23):", "Update 24/11 -"): a day
        the post was changed on, not one of its story."""
        start = self.span[0]
        if start > 16 and self._text.rfind("\n", start - 16, start) < 0:
            return False  # (no line opens near it)
        return _EDIT_STAMP_BEFORE.search(self._text, max(0, start - 16), start) is not None

    def opens_sentence(self) -> bool:
        """The expression opens its sentence, perhaps after a preposition ("In October, ...")."""
        return _OPENING_DATE.fullmatch(self._text, self._sentence()[0], self.span[0]) is not None

    def opens_line(self) -> bool:
        """The expression opens its line, after a bullet or emphasis ("- 3 March: Council
        approves the plan"): an entry of a list, a timeline's perhaps, told in the present."""
        start = self.span[0]
        line = self._text.rfind("\n", 0, start) + 1
        return _LINE_OPENER.fullmatch(self._text, line, start) is not None

    def ahead_of_event(self) -> bool:
        """The expression dates what something happens ahead of ("Security was tightened ahead of
        the parade on Monday"): that is still to come, whatever the tense of the preparations."""
        start = self.span[0]
        return _AHEAD_OF_EVENT.search(self._text, max(self._sentence()[0], start - 70), start) is not None

    def warned(self) -> bool:
        """A warning or an alert the expression's "from" starts ("has issued a yellow warning
        for snow from Friday"): what is warned of lies ahead, whatever the tense of issuing it."""
        start = self.span[0]
        s = self._sentence()[0]
        return _WARNING_FROM.search(self._text, max(s, start - 140), start) is not None

    def scheduled_before(self) -> bool:
        """A present "is" sets the expression as a plan's day ("The race is on 10/12", "The
        event is 2-4pm Saturday", "The vote is set for 3 March"): ahead."""
        start = self.span[0]
        return _SCHEDULED_BEFORE.search(self._text, max(self._sentence()[0], start - 40), start) is not None

    def subject_of_present(self) -> bool:
        """The expression opens its sentence as the subject of a verb in the present ("Tuesday
        brings rain", "Wednesday and Thursday stay cold"): a forecast's day, ahead."""
        return (_PRESENT_AFTER_SUBJECT.match(self._text, self.span[1]) is not None
                and self.opens_sentence())

    def mentioned_before(self, names: Iterable[str]) -> int:
        """Where the text last named one of ``names`` (lower case) before the expression, or -1."""
        key = tuple(names)
        found = self._mentions.get(key)
        if found is None:  # (found once a text: a long one may name a festival many times)
            pattern = regex.compile("|".join(regex.escape(name) for name in key), regex.IGNORECASE)
            found = self._mentions[key] = [m.start() for m in pattern.finditer(self._text)] if key else []
        at = bisect.bisect_left(found, self.span[0]) - 1
        return found[at] if at >= 0 else -1

    def possessive_ahead(self) -> bool:
        """What a possessive day owns is told ahead ("Sunday's Antiques Roadshow comes from Kew
        Gardens", "Saturday's match will kick off at 3pm")."""
        return _POSSESSIVE_AHEAD_AFTER.match(self._text, self.span[1]) is not None

    def moved_to(self) -> bool:
        """A day something was moved, put off or brought forward to ("The meeting was moved up a
        day to Wednesday", "postponed to Friday"): a plan's new day, ahead, whatever the tense."""
        start = self.span[0]
        return _MOVED_TO_BEFORE.search(self._text, max(self._sentence()[0], start - 60), start) is not None

    def numbered_day(self) -> bool:
        """The expression's line opens with a day counted from an unnamed start ("Day 3: a
        free day ... the 10.15am train", "Days 5-6:"), as an itinerary's or a diary's do, or
        the expression is told of such a day ("at 14:32 UTC on the first day of the window")."""
        start = self.span[0]
        line = self._text.rfind("\n", 0, start) + 1
        return (_NUMBERED_DAY.match(self._text, line, start) is not None
                or _COUNTED_DAY_AFTER.match(self._text, self.span[1]) is not None)

    def story_anchor_before(self, finest: str, day: date, reach: int = 600) -> TimeValue | None:
        """The last date mentioned within ``reach`` characters, ``finest`` or finer, that
        begins in the week before ``day``."""
        for anchor, (at, _) in zip(reversed(self._anchors), reversed(self._anchor_spans), strict=True):
            if self.span[0] - at > reach:
                break
            if (rank(anchor.granularity) >= rank(finest) and day - timedelta(days=7) <= anchor.start < day
                    and not _PERIOD_END_BEFORE.search(self._text, max(0, at - 12), at)):
                return anchor  # (not the end of a period: "in the four weeks to 6 November")
        return None

    def story_anchor_after(self, finest: str, day: date) -> TimeValue | None:
        for anchor in reversed(self._anchors):
            if rank(anchor.granularity) >= rank(finest) and anchor.start > day:
                return anchor
        return None

    def story_time(self, finest: str = "year") -> TimeValue | None:
        """Narrative mode only: the story's "now", which a text without a publication date is
        told from: the last date it mentioned, or, when that is coarser than ``finest``, the
        last date at least that fine inside it ("On May 3, 1862 ... That year ... Two days
        later": May 3)."""
        if not self.narrative or not self._anchors:
            return None
        last = self._anchors[-1]
        if rank(last.granularity) >= rank(finest):
            return last
        first, end = last.interval()
        for anchor in reversed(self._anchors):
            if rank(anchor.granularity) >= rank(finest) and first <= anchor.start <= end:
                return anchor
        return last

    def reporting_quarter(self) -> TimeValue | None:
        """The quarter the text last named explicitly ("third-quarter profit"), if any.

        Business news compares a reporting period with the same period a year before: in
        "profit rose to $5 million from $3 million a year ago", "a year ago" is that quarter
        of the previous year, and "the quarter" is the quarter being reported.
        """
        return self._reporting

    def remember_reporting_period(self, time: TimeValue) -> None:
        """A quarter named explicitly becomes the one reported on, unless it has not ended
        by the reference date ("a fourth-quarter charge is expected" reports no results)."""
        if time.granularity != "quarter" or not time.year_known:
            return
        # "its fourth quarter ended Sept. 30"
        ended = _ENDED.match(self._text, self.span[1], self.span[1] + LOOK_AHEAD)
        if self._reference is not None and time.interval()[1] >= self._reference and not ended:
            return
        self._reporting = time

    def remember(self, resolution: Resolution) -> None:
        """Keep a resolved date as a story anchor unless it names the reporting time itself."""
        time = resolution.time
        if time is None or not time.year_known:
            return
        if ((resolution.anchor == ABSOLUTE and time.granularity in ("day", "minute")
             and (line := self._text.rfind("\n", 0, self.span[0]) + 1) >= self.span[0] - 2
             and _CHAT_STAMP.match(self._text, line))
                or (time.granularity == "day" and "@" in self._text[max(0, self.span[0] - 90):self.span[0]]
                    and self._post_stamp())):
            # ("Maya Chen @mayachen · Nov 14" over a post: the post is told on that day)
            # "10/11/2026, 09:12 - Sam: see you tomorrow": a chat's message is told on its
            # stamp's day, which its "tomorrow", "last week" and "Thursday" are relative to
            self._reference = time.start
            self.narrative = False
            self._weekdays.clear()
            return
        if time.granularity in ("day", "partofday") and not (
                resolution.until is not None and self._last_day is not None
                and time.start <= self._last_day[1].start <= resolution.until.start):
            # (a festival's span does not take the clock of a day told inside it: "December 11:
            # Last night of Hanukkah, music service at 7pm")
            self._last_day = (self.span[1], time, resolution.anchor)
        if (self._born is None and time.granularity in ("day", "month", "season", "year")
                and "orn" in self._text[max(0, self.span[0] - 40):self.span[0]]  # (cheap first)
                and _BORN_BEFORE.search(self._text, max(self._sentence()[0], self.span[0] - 40),
                                        self.span[0])):
            self._born = time.start.year  # "I was born in the spring of 1952", "Born on 3 March 1932"
        if time.hour is not None:
            self._last_clock = time
            self._last_clock_at = self.span[0]
        elif self._last_clock is not None and (time.granularity != "day"
                                               or time.start != self._last_clock.start):
            self._last_clock = None  # another day (or a coarser period): that hour is past
        if resolution.anchor == REFERENCE and self._reference is not None:
            first, last = time.interval()
            if first <= self._reference <= last:
                return
            if (time.granularity == "day" and _STATEMENT_END.match(self._text, self.span[1])
                    and _SAID_ON_BEFORE.search(self._text, max(0, self.span[0] - 60), self.span[0])):
                return  # "..., the Treasury announced on Friday.": when it was said, not the story's day
        if (self.narrative and self._anchors and resolution.mod == "APPROX" and resolution.anchor == STORY
                and rank(self._anchors[-1].granularity) > rank("year")
                and abs(self._anchors[-1].start.year - time.start.year) <= 1):
            return  # "on 27 November 1852, at the age of 36": the day told, not the age's guess
        flashback = (self.narrative and len(self._anchors) > 0 and time.granularity != "day"
                     and self._told_aside(time))
        self._anchors.append(time)
        self._anchor_spans.append(self.span)
        if flashback:
            # "born in 1952. My father had come home six years earlier": told in the past
            # perfect, a time before the story's; the story goes on from where it was (and
            # after "the logbook, which went back to 1871")
            self._anchors.append(self._anchors[-2])
            self._anchor_spans.append(self.span)

    def _post_stamp(self) -> bool:
        """The expression ends a post's author line ("Maya Chen @mayachen · Nov 14")."""
        start, end = self.span
        line = self._text.rfind("\n", 0, start) + 1
        line_end = self._text.find("\n", end)
        return (not self._text[end:len(self._text) if line_end < 0 else line_end].strip()
                and _POST_AUTHOR_BEFORE.fullmatch(self._text, line, start) is not None)

    def _told_aside(self, time: TimeValue) -> bool:
        """In a story, a time told aside from the story's: one before it in the past perfect or
        reached back to ("a logbook that went back to 1871"), or one ahead reached forward to ("a
        correspondence that lasted until his death in the 1870s", told in 1833)."""
        start, last = self.span[0], self._anchors[-1]
        if time.interval()[1] < last.start:
            return (self.past_perfect()
                    or _REACHING_BACK_BEFORE.search(self._text, max(0, start - 40), start) is not None
                    # "(in 1858 ...) Cholera outbreaks in 1832, 1849 and 1854 killed thousands": a
                    # list of earlier years recalls, the story stays where it was
                    or (time.granularity == "year"
                        and (_YEAR_LISTED_AFTER.match(self._text, self.span[1]) is not None
                             or _YEAR_LISTED_BEFORE.search(self._text, max(0, start - 12),
                                                           start) is not None)))
        return (time.start > last.interval()[1]
                and _REACHING_AHEAD_BEFORE.search(self._text, max(0, start - 50), start) is not None)

    def sentence_year(self, month: int | None = None) -> int | None:
        """The year (a year, "last year") that opens the expression's sentence, or that a
        "when" clause holding the expression follows, unless the expression is the date of a
        statement ("In 2019, the plant closed on March 5": 2019; "since 2005, when Katrina
        struck in late August": 2005; "In 2019 sales fell, the company said on March 5": not
        2019). A day of ``month`` takes the year of that month opening the sentence too ("Last
        November was the wettest, with 210mm between 23 and 25 November")."""
        if not self._anchors:
            return None
        start = self.span[0]
        sentence_start, _ = self._sentence()
        for anchor, (at, end) in zip(reversed(self._anchors), reversed(self._anchor_spans),
                                     strict=True):
            if at < sentence_start:
                return None
            same_month = (month is not None and anchor.granularity == "month"
                          and anchor.start.month == month)
            in_season = month is not None and anchor.granularity == "season" and _season_year(anchor, month)
            if at < start and (anchor.granularity == "year" or same_month or in_season):
                # written as a year (not placed by tense), or as this month of a year
                if not same_month and _ATTRIBUTIVE_OPENER.fullmatch(self._text, sentence_start, at) and \
                        _NOUN_AFTER.match(self._text, end):
                    # "The 2028 Olympics will open in July": the year of what the sentence
                    # is about, when its tense agrees ("The 2020 winners will ...": not 2020)
                    tense, ref, year = self.tense(), self._reference, anchor.start.year
                    if ref is not None and ((year > ref.year and tense != "future")
                                            or (year < ref.year and tense != "past")):
                        return None
                    return year
                if not (self._tagger.sentence_opener.fullmatch(self._text, sentence_start, at)
                        or _WHEN_CLAUSE.fullmatch(self._text, end, start)):
                    return None  # only a year that sets the scene
                before = self._text[max(sentence_start, start - 16):start].lower().split()
                if any(word.strip(",") in self._tagger.attribution for word in before[-2:]):
                    return None
                if (self._reference is not None and anchor.start.year < self._reference.year
                        and self.clause_tense() == "future"):
                    return None  # "Last year we had to ..., so please flag clashes before January"
                return _season_year(anchor, month) if in_season and month is not None else anchor.start.year
        return None

    def sentence_anchor(self) -> TimeValue | None:
        """The last date (with a year) written earlier in the expression's sentence."""
        if not self._anchors:
            return None
        at, _ = self._anchor_spans[-1]
        return self._anchors[-1] if self._sentence()[0] <= at < self.span[0] else None

    def recent_week(self) -> TimeValue | None:
        """The week or weekend last named earlier in the expression's sentence ("last week,
        mon and tue i was sick": not the Monday just named)."""
        sentence_start = self._sentence()[0]
        for anchor, (at, _) in zip(reversed(self._anchors), reversed(self._anchor_spans), strict=True):
            if at < sentence_start:
                return None
            if at < self.span[0] and anchor.granularity in ("week", "weekend"):
                return anchor
        return None

    def sentence_period(self) -> TimeValue | None:
        """The first month, season, quarter or half (with a year) written earlier in the
        expression's sentence: the period it reports on ("Borrowing in the first half ... rose,
        the ONS said last month, ... on the same period of 2024")."""
        sentence_start = self._sentence()[0]
        i = bisect.bisect_left(self._anchor_spans, (sentence_start, 0))
        for anchor, (at, _) in zip(self._anchors[i:], self._anchor_spans[i:], strict=True):
            if at >= self.span[0]:
                break
            if anchor.granularity in ("month", "season", "quarter", "half"):
                return anchor
        return None

    def _sentence(self) -> tuple[int, int]:
        start, _ = self.span
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        s = self._sentence_starts[i]
        e = self._sentence_starts[i + 1] if i + 1 < len(self._sentence_starts) else len(self._text)
        return s, e

    def tense(self) -> str | None:
        """'future' or 'past' by the tense marker nearest the expression in its clause, else
        in its sentence ("Inflation hit 5.5% in January, and is expected to ease": the
        marker of the next clause does not decide January's year when its own has one)."""
        return self._tense(prospective=False)

    def listing(self) -> bool:
        """The expression's sentence is an entry of a listing, with no verb to give a tense
        ("Family film: Saturday at 2pm, Town Hall."): what such an entry announces is ahead."""
        s, e = self._sentence()
        if e - s > 200 or self._markers(s, e):
            return False
        if self._text.startswith(":", self.span[1]) and self.opens_line():
            return True  # a day's own label: "Thursday: A cold, bright start" (a forecast's, say)
        return (e - s <= 160 and _LISTING.search(self._text, s, e) is not None
                and _VERB_LIKE.search(self._text, s, e) is None)

    def planned_block(self) -> bool:
        """The expression sits under a heading of what is planned ("## Next steps", "Coming
        up:", "Dates for your diary"): a day told there without a tense is ahead."""
        start = self.span[0]
        if self._tagger.ahead_heading is None or "\n" not in self._text:
            return False
        lo = max(0, start - HEADING_REACH)
        heading = _HEADING_LINE_BEFORE.search(self._text, lo, start)
        return (heading is not None and not _HEADING_LINE_BEFORE.search(self._text, heading.end(), start)
                and self._tagger.ahead_heading.fullmatch(heading["name"]) is not None)

    def on_this_day(self) -> tuple[int, int] | None:
        """In an "on this day" column, the month and day of its list, for a year that opens a
        line ("1963 – Jack Ruby shoots Oswald", "In 1859, Darwin published ..."): the day its
        heading names, else the reference's; None elsewhere."""
        start = self.span[0]
        if not _LINE_YEAR_BEFORE.search(self._text, max(0, start - 8), start):
            return None
        if self._this_day is False:
            self._this_day = self._find_this_day()
        if not isinstance(self._this_day, tuple) or self._this_day[0] > start:
            return None
        return self._this_day[1], self._this_day[2]

    def _find_this_day(self) -> tuple[int, int, int] | None:
        heading = _ON_THIS_DAY.search(self._text, 0, ON_THIS_DAY_REACH)
        if heading is None:
            return None
        months = self.rules.table("month")
        for m in _MONTH_DAY.finditer(heading["rest"]):
            month = months.get(m["month"].lower())
            if month is not None and 1 <= int(m["day"]) <= 31:
                return heading.end(), int(month), int(m["day"])
        if self._reference is None:
            return None
        return heading.end(), self._reference.month, self._reference.day

    def question(self) -> bool:
        """The expression's sentence asks a question ("weds 6pm at the usual place?")."""
        s, e = self._sentence()
        return self._text[s:e].rstrip().endswith("?")

    def near_tense(self) -> str | None:
        """:meth:`tense` for a date near the reference (a weekday, a day of the month, a
        clock time), where the "to ..." of an order or a pledge also looks ahead ("ordered
        schools to stay closed on Monday")."""
        return self._tense(prospective=True)

    def past_perfect(self) -> bool:
        """A "had" (not "had to") near the expression in its clause ("Harold had been crowned in
        January", "In February it had camped"): what it tells came before the story's time."""
        (start, end), (s, e) = self.span, self._sentence()
        if _BY_BEFORE.search(self._text, max(s, start - 4), start):
            return False  # "By the end of May she had found work": done by then, not before
        if _BACK_IN_BEFORE.search(self._text, max(s, start - 12), start):
            return True  # "requested back in March": told looking back, as a past perfect is
        return (_PAST_PERFECT.search(self._text, max(s, start - 60), start) is not None
                or _PAST_PERFECT_AFTER.match(self._text, end, min(e, end + 40)) is not None)

    def in_a_game(self) -> bool:
        """A score or two game words near the expression: sport ("scored 30 goals last season")."""
        start, end = self.span
        return self._tagger.filters.in_a_game(self._text, start, end)

    def ahead_in(self) -> bool:
        """The expression (a duration) follows "in" in a clause that looks ahead ("the store
        will reopen in three weeks"): it points to a time after the reference."""
        start = self.span[0]
        return (_IN_BEFORE.search(self._text, max(0, start - 4), start) is not None
                and _SUPERLATIVE_IN.search(self._text, max(0, start - 60), start) is None
                and self.near_tense() == "future")

    def deadline_before(self) -> bool:
        """The expression follows "until", "till" or "through": the end of something."""
        start = self.span[0]
        return _DEADLINE_BEFORE.search(self._text, max(0, start - 24), start) is not None

    def recent_day_ahead(self) -> TimeValue | None:
        """The last date mentioned, if it is a day after the reference and was written in the
        expression's sentence or the one before ("The lecture is on Saturday 12 December at
        7pm. Doors open at 6.15pm": that evening)."""
        if not self._anchors or self._reference is None:
            return None
        anchor, (at, _) = self._anchors[-1], self._anchor_spans[-1]
        if anchor.granularity not in ("day", "partofday", "minute") or anchor.start <= self._reference:
            return None
        i = bisect.bisect_right(self._sentence_starts, self.span[0]) - 1
        if at >= self._sentence_starts[max(0, i - 1)]:
            return anchor
        # or heading the expression's block of lines ("FIXTURES - Saturday 28 November" over
        # "East Kilbride v Cowdenbeath (12.30pm)"): no blank line between
        start = self.span[0]
        if start - at <= BLOCK_REACH and _BLANK_LINE.search(self._text, at, start) is None:
            return anchor
        return None

    def recent_weekday_day(self) -> TimeValue | None:
        if not self._anchors or self._reference is None:
            return None
        anchor, (at, end) = self._anchors[-1], self._anchor_spans[-1]
        if rank(anchor.granularity) < rank("day") or (self._reference - anchor.start).days <= WEEK_DAYS:
            return None
        i = bisect.bisect_right(self._sentence_starts, self.span[0]) - 1
        if at < self._sentence_starts[max(0, i - STORY_DAY_SENTENCES)]:
            return None
        numbers = self._tagger.filters.weekday_numbers
        if not any(numbers.get(word.lower()) == anchor.start.weekday()
                   for word in _WORD.findall(self._text, at, end)):
            return None  # its weekday not written: "arrested on 12 March. On Tuesday, ..." is news
        return anchor

    def period_after(self) -> bool:
        """A period the expression names follows it ("Easter week began", "the Christmas
        holidays"), or one before it ("were mixed ahead of Black Friday"): a span around the
        day, which may be under way before it."""
        start, end = self.span
        return (_PERIOD_AFTER.match(self._text, end) is not None
                or _AHEAD_OF_BEFORE.search(self._text, max(0, start - 24), start) is not None)

    def planned(self) -> bool:
        """The expression's sentence tells of a plan for it ("Christmas was cancelled",
        "announced", "booked"): a past tense that says nothing of when it happened."""
        s, e = self._sentence()
        return self._tagger.filters.plan_verbs.search(self._text, s, e) is not None

    def set_until(self) -> bool:
        """Before the "until": an act that sets a day ahead ("released on bail until 4 January",
        "the case was adjourned until"), not a state that lasted ("was closed until")."""
        start = self.span[0]
        return self._tagger.filters.set_until.search(self._text, max(0, start - 60), start) is not None

    def set_from(self) -> bool:
        """Before the "from" or "in": a change set in the present tense ("Rail fares rise from
        March", "The ban applies from 1 June", "The arm ships in March"), which looks ahead."""
        start = self.span[0]
        words = self._text[max(0, start - 60):start].lower().split()
        if len(words) < 2 or words[-1] not in ("from", "in"):
            return False
        verbs = self._tagger.filters.set_from
        for end in range(len(words) - 1, max(0, len(words) - 5), -1):  # up to 3 words between
            if end < len(words) - 1 and words[end].endswith((".", ";", "!", "?")):
                return False  # (not across a sentence's end)
            for size in (1, 2, 3):
                if end - size >= 0 and " ".join(words[end - size:end]) in verbs:
                    # not a perfect: "prices have come down from"
                    return end - size == 0 or words[end - size - 1] not in _PERFECT_AUXILIARIES
        return False

    def from_before(self) -> bool:
        """The expression follows "from": the start of something."""
        start = self.span[0]
        return _FROM_BEFORE.search(self._text, max(0, start - 8), start) is not None

    def clause_tense(self) -> str | None:
        """:meth:`near_tense` from the expression's own clause only (None when it has no
        marker, though the rest of the sentence may)."""
        return self._tense(prospective=True, clause_only=True)

    def _tense(self, prospective: bool, clause_only: bool = False) -> str | None:
        s, e = self._sentence()
        start, end = self.span
        if self._text.endswith("for ", max(s, start - 4), start) and _BOOKED_FOR.search(
                self._text, max(s, start - 70), start):
            return "future"  # "I've confirmed the hall for 14-15 April": what is booked lies ahead
        markers = self._markers(s, e)
        if not prospective:
            markers = [m for m in markers if m[2] != "prospective"]
        if not markers:
            return None
        breaks = self._breaks_cache.get(s)
        if breaks is None:
            spans = [m.span() for m in _CLAUSE_BREAK.finditer(self._text, s, e)]
            breaks = self._breaks_cache[s] = ([b for b, _ in spans], [b for _, b in spans])
        break_starts, break_ends = breaks  # both ascending: breaks do not overlap
        i = bisect.bisect_right(break_ends, start) - 1
        clause_start = break_ends[i] if i >= 0 else s
        j = bisect.bisect_left(break_starts, end)
        clause_end = break_starts[j] if j < len(break_starts) else e
        strong = [m for m in markers if m[2] != "weak"]
        found = self._nearest_marker(strong, clause_start, clause_end)
        if found is None and not clause_only:
            found = self._nearest_marker(strong, s, e)
        if found is None and len(strong) < len(markers):  # "A ruling as soon as Friday"
            found = self._nearest_marker(markers, clause_start, clause_end)
        return "future" if found in ("prospective", "weak") else found

    def _markers(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """The tense markers of the sentence [s, e): (start, end, 'future' or 'past'),
        found once per sentence."""
        found = self._marker_cache.get(s)
        if found is not None:
            return found
        found = []
        patterns = [("future", self._tagger.future), ("past", self._tagger.past)]
        if self._tagger.prospective is not None:
            patterns.append(("prospective", self._tagger.prospective))
        if any(self._text.find(hint, s, e) >= 0 for hint in self._tagger.weak_future_hints):
            patterns.append(("weak", self._tagger.weak_future))  # (a pass only where one may be)
        if self._tagger.future_endings is not None and (
                self._text.find("'", s, e) >= 0 or self._text.find("’", s, e) >= 0):
            patterns.append(("future", self._tagger.future_endings))
        text = self._text
        noun_before = self._tagger.not_future_after
        for kind, pattern in patterns:
            for m in pattern.finditer(text, s, e):
                if kind == "past" and not self._a_past_tense(m.start(), m.end(), s):
                    continue
                if kind == "future" and noun_before is not None and noun_before.search(
                        text, max(s, m.start() - 12), m.start()) and text[m.start()].islower():
                    continue  # "the north face car park": a noun, not "City face Arsenal"
                found.append((m.start(), m.end(), kind))
        found.sort()
        self._marker_cache[s] = found
        return found

    def _participle_aside_before(self, s: int, start: int) -> tuple[int, int]:
        """Where a participle aside closed right before the expression's phrase lies (", suspended
        since January," in "resume the service, suspended since January, from 2 April"), or (-1, -1)."""
        closing = self._text.rfind(",", s, start)
        if closing < 0 or start - closing > 12:
            return -1, -1
        opening = self._text.rfind(",", s, closing)
        if opening < 0 or not _PARTICIPLE_ASIDE.match(self._text, opening, closing):
            return -1, -1
        return opening, closing

    def _a_past_tense(self, start: int, end: int, s: int) -> bool:
        """Whether the past marker at [start, end) of the sentence from ``s`` is a past tense."""
        text = self._text
        if start > 1 and text[start - 1] == "-" and (compound := _COMPOUND_BEFORE.search(
                text, max(0, start - 24), start)) is not None:
            start = compound.start()  # "will be rubber-stamped": what comes before the whole word
        if _PASSIVE_BE.search(text, max(0, start - 7), start):
            return False  # "will be named": a participle after "be" carries no tense
        if not text.endswith("ed", start, end):
            # "the strike will last 48 hours": the verb, not "last week"; "the last night of
            # Hanukkah": an ordinal
            return not (text[start:end].lower() == "last"
                        and (_VERB_LAST_BEFORE.search(text, max(0, start - 12), start)
                             or _ORDINAL_LAST_BEFORE.search(text, max(0, start - 8), start)
                             or _UNIT_OF_AFTER.match(text, end)))
        if (text[start:end].lower() in self._tagger.present_states
                and _PRESENT_BE.search(text, max(0, start - 14), start)):
            return False  # "The office is closed on Christmas Day": a state now, no past
        if text[max(s, start - 2):start].strip() == "," and _BY_AFTER.match(text, end):
            return False  # "..., followed by South Carolina": a participle, no tense
        if _MODAL_BEFORE.search(text, max(s, start - 40), start):
            return False  # "will stay closed until Wednesday"
        # "an unspecified date": an adjective
        return not self._tagger.adjective_before.search(text, max(0, start - 12), start)

    def _nearest_marker(self, markers: list[tuple[int, int, str]], s: int, e: int) -> str | None:
        """The kind of the marker in [s, e) nearest the expression (``markers`` sorted), looked
        for within MARKER_REACH characters: a sentence of thousands of words (a text without
        full stops) must not cost each of its dates a pass over all its markers."""
        start, end = self.span
        lo = bisect.bisect_left(markers, (max(s, start - MARKER_REACH),))
        hi = bisect.bisect_left(markers, (min(e, end + MARKER_REACH),))
        best: tuple[int, str] | None = None
        before = False  # a marker before the expression was seen (markers are in text order)
        # "On Tuesday, the mayor said it would pass": a date opening the sentence is the
        # attribution's own
        opening = (_OPENING_DATE.fullmatch(self._text, s, start) is not None
                   or _OCCASION_OPENING.fullmatch(self._text, s, start) is not None)
        aside = self._participle_aside_before(s, start)
        for m_start, m_end, kind in markers[lo:hi]:
            if m_start < s or m_end > e or start <= m_start < end:
                continue
            if kind == "prospective" and m_end > start:
                continue  # "On Friday the court ordered him to pay": the order's day
            if aside[0] <= m_start and m_end <= aside[1]:
                continue  # "resume its service, suspended since January, from 2 April": an aside's
            if (m_start >= end and not opening and "," in self._text[end:m_start]
                    and self._text[m_start:m_end].lower() in self._tagger.attribution):
                continue  # "leave at 4 a.m. Thursday,'' Castro said": who said it, not when
            if (m_end <= start and _REPORTED_NOUN_PHRASE.fullmatch(self._text, m_end, start)
                    and self._text[m_start:m_end].lower() in self._tagger.attribution):
                continue  # "Reyes said the January window would be quiet": what was said, not when
            # the verb governing a date usually precedes it: markers after it count double
            distance = start - m_end if m_end <= start else 2 * (m_start - end)
            if m_start >= end and _COORDINATED.search(self._text, end, m_start):
                if before:  # "was sentenced on Friday and will be eligible": another verb's
                    continue
                distance += AFTER_CONJUNCTION
            elif m_end <= start:
                before = True
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None


_SAID_ON_BEFORE = regex.compile(r",\s*[^,.;]{1,50}?\b(?:said|says|announced|confirmed|reported|added|stated|"
                                r"told\s+[\w ]{1,30}?)\s+(?:on\s+)?$")
_STATEMENT_END = regex.compile(r"\s*(?:[.;]|$)")
_PERIOD_END_BEFORE = regex.compile(r"\b(?:to|until|till|through|ending|ended)\s+$", regex.IGNORECASE)
_PERFECT_AUXILIARIES = frozenset(("have", "has", "had", "having", "i've", "we've", "they've", "you've"))
_HEADING_YEAR = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_VERB_LIKE_AFTER = regex.compile(r"\s+(?:is|was|will|has|had|and|or|but|to|of|in|on|at|for|from|with|when|"
                                 r"that)\b")
_BOOKED_FOR = regex.compile(r"(?:\b(?:has|have)|['’]ve|['’]s)\s+(?:now\s+|just\s+|already\s+)?"
                            r"(?:booked|confirmed|reserved|scheduled|rescheduled|arranged|pencilled\s+in|"
                            r"penciled\s+in|earmarked)\b[^.;!?]{0,40}?\bfor\s+$", regex.IGNORECASE)
_WARNING_VERBS = r"issued|issues|announced|declared|put\s+out|extended|upgraded|raised"
_WARNING_NOUN = r"\b(?:warnings?|alerts?|advisory|advisories|watch)\b"
_WARNING_FROM = regex.compile(
    rf"(?:\b(?:{_WARNING_VERBS})\b[^.;!?]{{0,40}}?{_WARNING_NOUN}[^.;!?]{{0,70}}?\bfrom"
    # "An amber warning has been issued for much of England from 6pm on Thursday"
    rf"|{_WARNING_NOUN}[^.;!?]{{0,30}}?\b(?:has|have)\s+been\s+(?:{_WARNING_VERBS})\b"
    r"[^.;!?]{0,70}?\b(?:from|for)"
    # "A strike has been called for Monday", "a curfew has been imposed from 8pm on Friday"
    r"|\b(?:has|have)\s+been\s+(?:called|scheduled|set|planned|arranged|organi[sz]ed|booked|imposed"
    r"|declared|pencilled\s+in|penciled\s+in|brought\s+forward)\s+(?:for|from)"
    # "A by-election was called for 15 January"
    r"|\b(?:was|were)\s+called\s+for)\s+$", regex.IGNORECASE)
_LINE_OPENER = regex.compile(r"[ \t]*(?:[-*•#]+[ \t]*)?(?:\*\*|__)?")
_STAMPED_LINE = regex.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?\[?(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-5][0-9]\b")
_CHAPTER_START = regex.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?\[?(?:0?0:)?0?0:00\b")
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
_NUMBERED_DAY = regex.compile(r"[ \t]*(?:[-*•#]+[ \t]*)?(?:\*\*)?(?:Day|DAY)s?[ \t]+"
                              r"(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
                              r"(?:[ \t]*(?:[-–&]|to|and)[ \t]*[0-9]{1,2})?\b"
                              r"(?=[ \t]*(?:\*\*)?[ \t]*[:.–—-])")  # a label ("Day 3:", not "Day 3 of")
_COUNTED_DAY_AFTER = regex.compile(
    r",?\s+on\s+(?:the\s+(?:first|second|third|fourth|fifth|last|final|opening|closing)\s+day|day\s+"
    r"(?:one|two|three|four|five|six|seven|[1-9][0-9]?))\s+of\s+(?:the|its|their|his|her|our)\b",
    regex.IGNORECASE)
_VERB_LAST_BEFORE = regex.compile(
    r"(?:\b(?:will|would|could|may|might|should|can|must|to|not)|n[\x27’]t|[\x27’]ll)\s+$", regex.IGNORECASE)
_AHEAD_OF_BEFORE = regex.compile(
    r"\b(?:ahead\s+of|(?:run|lead|build)-up\s+to|countdown\s+to|before|until|till)\s+(?:the\s+)?$",
    regex.IGNORECASE)
_PERIOD_AFTER = regex.compile(r"[\s'’s]+(?:week|weekend|season|period|holidays?|break|rush|shopping|trading|"
                              r"getaway|sales?|deals?|recess|term|market)\b", regex.IGNORECASE)
# between an attribution verb and a date that opens the noun phrase of what was said
_REPORTED_NOUN_PHRASE = regex.compile(r"\s+(?:that\s+)?(?:the|its|their|his|her|our|this)\s+",
                                      regex.IGNORECASE)


class Tagger:
    """Finds and normalises temporal expressions; create once, call ``tag`` per document."""

    def __init__(self, rules: RuleSet | None = None) -> None:
        self.rules = rules or default_rules()
        self.filters = _Filters(self.rules)
        self.future = _compile_words(self.rules.words("tense_future"))
        # "ordered schools to stay closed": the verb, up to three words, "to" and a verb
        prospective = _alternation(list(self.rules.words("tense_prospective")))
        self.prospective = re.compile(
            rf"(?<!\w)(?:{prospective})\s+(?:[\w'’-]+\s+){{0,3}}?to\s+(?!be\b)[a-z]+(?!\w)",
            re.IGNORECASE) if prospective else None
        self.future_endings = _compile_endings(self.rules.words("tense_future"))
        self.weak_future = _compile_words(self.rules.words("tense_future_weak"))
        self.present_states = frozenset(w.lower() for w in self.rules.words("present_state_participles"))
        # the longest word of each ("soon", "early"): no pass over a sentence without one
        self.weak_future_hints = tuple(max(w.split(), key=len) for w in self.rules.words("tense_future_weak"))
        ahead = _alternation(list(self.rules.words("ahead_headings")))
        self.ahead_heading = regex.compile(rf"[\W\d]*(?:{ahead})[\W\d]*", FLAGS) if ahead else None
        self.attribution = frozenset(w.lower() for w in self.rules.words("attribution_verbs"))
        # what may come before a year that opens a sentence: "In 2019, ...", "Back in 2019, ..."
        self.sentence_opener = regex.compile(
            r"[\s\"“‘'(]*(?:(?:back\s+)?(?:" + _alternation(list(self.rules.words("year_prepositions")))
            + r")\s+)?", FLAGS)
        past = _alternation(list(self.rules.words("tense_past")))
        not_past = "|".join(regex.escape(w) for w in self.rules.words("not_past_participles"))
        # a listed past word, or a lower-case word in -ed ("United" is a name, "need" no verb)
        self.past = re.compile(
            rf"(?<!\w)(?:(?i:{past})|(?!(?i:{not_past})(?!\w))[a-z]\w{{2,}}ed)(?!\w)",
            0)
        # ... but not "the proposed merger": an -ed word after one of these is an adjective
        not_future = "|".join(regex.escape(w) for w in self.rules.words("not_future_after"))
        # (lower case: "the north face car park", not "Voters in Westshire North will elect")
        self.not_future_after = re.compile(rf"(?<!\w)(?:{not_future})\s+$") if not_future else None
        adjective_after = "|".join(regex.escape(w) for w in self.rules.words("not_past_after"))
        self.adjective_before = regex.compile(rf"(?<!\w)(?:{adjective_after})\s+\Z", FLAGS)
        # what follows a date that is the start of a range whose end has a year: the end's
        # month (if named) and year ("... to June 12, 2020", "- 3 July 2021", "to May 2020")
        joiners = "|".join(regex.escape(w) for w in self.rules.words("range_to"))
        months = "|".join(regex.escape(w) for w in sorted(self.rules.table("month"), key=len,
                                                           reverse=True))
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        seasons = "|".join(regex.escape(w) for w in sorted(self.rules.table("season"), key=len,
                                                            reverse=True))
        # a range's end without a year: "from October to January", "until 5 January"
        end_month = (rf"\s+(?:(?P<month>{months})\.?(?:\s+{day})?"
                     rf"|{day}\s+(?:of\s+)?(?P<month2>{months}))(?![\w-])(?!\.?,?\s+(?:of\s+)?(?:1[5-9]|20)\d\d)")
        self.range_end_month = regex.compile(rf"\s*(?:[-–—]|to|through|thru|until|till){end_month}", FLAGS)
        self.between_end_month = regex.compile(rf"\s*and{end_month}", FLAGS)  # "between December and"
        # ("September and October of 1944", "the spring and autumn of next year")
        self.range_end = regex.compile(
            rf"\s*(?:{joiners})\s+(?:(?P<month>{months})\.?\s+{day}|{day}(?:\s+(?P<month2>{months})\.?)?"
            rf"|(?P<month3>{months})\.?|(?:the\s+)?(?:{seasons}))(?!\w),?\s+(?:of\s+)?"
            rf"(?:(?P<year>(?:1[5-9]|20)\d\d)(?!\d)|(?P<shift>last|next|this)\s+year\b)", FLAGS)

    def candidates(self, text: str) -> list[tuple[Rule, regex.Match[str]]]:
        """Rule matches in text order, before filtering and normalisation (one pass)."""
        rules = self.rules.rules
        return [(rules[index], match) for index, match in self.rules.scanner.finditer(text)]

    def tag(self, text: str, reference: date | None, *,
            narrative: bool | None = None, start: int = 0) -> list[Timex]:
        """All temporal expressions of ``text``, resolved against ``reference`` where relative.

        ``narrative`` (default: when there is no reference) is HeidelTime's narrative mode, for
        a text without a publication date: a month, holiday or weekday without a year, and
        "three weeks later", are placed from the last date the story mentioned, moving forward
        as stories do, rather than from ``reference`` (then at most a date inferred from the
        text, see :func:`timeline_app.core.extract.infer_reference`). Expressions before
        ``start`` (a header's) are left out, and no later one is placed from them.
        """
        if narrative is None:
            narrative = reference is None
        ctx = _Context(self, text, reference, narrative)
        out: list[Timex] = []
        for rule, match in self.candidates(text):
            if match.start() < start:
                continue  # a header's date is no date of the story ("date 2026-12-28" then "two weeks later")
            timex = self._normalise(text, match, rule, ctx)
            if timex is not None:
                out.append(timex)
        out = _clock_ranges_on_their_days(text, _clocks_on_their_days(text, out))
        if " and " in text or " & " in text:
            out = _listed_days(text, out)
        if " of " in text:
            out = _months_of_years(text, out)
        if " after " in text or " before " in text:
            out = _weekdays_beside_days(text, out)
        out = _range_ends_after_starts(text, out)
        return _approximated(text, out, self.filters.approx_before)

    def _normalise(self, text: str, m: regex.Match[str], rule: Rule, ctx: _Context) -> Timex | None:
        start, end = m.span()
        if self.filters.rejects(text, start, end, rule):
            return None
        groups = m.groupdict()
        groups["0"] = m.group(0)
        if rule.case_sensitive_first and not self._capitalised_ok(groups, text, start):
            return None
        if (rule.lowercase_midsentence and text[start].isupper() and not _sentence_initial(text, start)
                and not _shouted(text, start, end)):
            return None  # "the Daily Mail": a capitalised word inside a sentence is a name
        if _quoted_title(text, start, end):
            return None  # ABC's "This Week", the film "High Noon"
        ctx.span = (start, end)
        normaliser = NORMALISERS[rule.norm]
        try:
            resolution = normaliser(groups, rule.args, ctx)
        except (ValueError, OverflowError):  # a date past the calendar's ends ("AD 1 ... last winter")
            return None
        if resolution is None:
            return None
        timex_type = resolution.type or rule.type
        if timex_type in ("DATE", "TIME") and resolution.time is not None:
            ctx.remember(resolution)
            if rule.args.get("reporting_period"):
                ctx.remember_reporting_period(resolution.time)
        return Timex(start, end, text[start:end], timex_type, resolution.value, resolution.mod,
                     resolution.anchor, rule.id, resolution.time, resolution.until)

    def _capitalised_ok(self, groups: dict[str, str | None], text: str, start: int) -> bool:
        """A month, weekday or holiday that is also a word ("may", "march", "sat") is one when
        capitalised, or in lower case after a word that introduces a date ("in march", "till
        xmas", "next sat": posts are written so)."""
        for name in ("month", "weekday", "holiday"):
            word = groups.get(name)
            if word and word.lower() in self.filters.capitalised and not word[0].isupper():
                before = text[max(0, start - 8):start].split()
                after = self.filters.lower_case_weekday_after if name == "weekday" else \
                    self.filters.lower_case_date_after
                if not (before and text[start - 1] == " " and before[-1].lower() in after):
                    return False
        return True


_CLOCK_PAIR_JOIN = regex.compile(r"\s*(?:local\s+time)?\s*[(,/]?\s*")  # "2:15 p.m. (1115 GMT)"
_CLOCK_DAY_JOIN = regex.compile(
    r"\s*\)?\s*(?:local\s+time|\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CET)\)?)?\s*,?\s*on\s+")


_COMMA_JOIN = regex.compile(r"\s*,\s*")
# a day written out: "Saturday 12 December", "12 December", "Dec. 12" (not "Saturday" alone)
_WRITTEN_DAY = regex.compile(r"(?:[A-Za-z]+,?\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]"
                             r"|[A-Za-z]{3,9}\.?\s+[0-9]{1,2}\b)")
_UNKNOWN_DAY_CLOCK = regex.compile(r"XXXX-XX-XXT(\d\d):(\d\d)")


def _hour_minute(timex: Timex) -> tuple[int, int] | None:
    """The clock time of a TIME expression, also of one whose day is not known yet."""
    if timex.type != "TIME":
        return None
    if timex.time is not None:
        return None if timex.time.hour is None else (timex.time.hour, timex.time.minute or 0)
    m = _UNKNOWN_DAY_CLOCK.fullmatch(timex.value)  # "at 03:15 on 22 June 1941" in a story
    return (int(m[1]), int(m[2])) if m else None


def _approximated(text: str, timexes: list[Timex], approx_before: regex.Pattern[str]) -> list[Timex]:
    """A date or time right after "around" or "about" ("around Nov. 1", "about 1850") is
    approximate, and the word is part of it (as TimeML writes it)."""
    out = []
    previous_end = 0
    for timex in timexes:
        if (timex.type in ("DATE", "TIME") and timex.mod is None and timex.time is not None
                and text[timex.end:timex.end + 2] not in ("'s", "’s")  # "get around Monday's ruling"
                and (m := approx_before.search(text, max(previous_end, timex.start - 16), timex.start))):
            timex = dataclasses.replace(timex, start=m.start(), text=text[m.start():timex.end], mod="APPROX")
        out.append(timex)
        previous_end = timex.end
    return out


# "3 and 5 December", "December 3 and 5": two days, not a range ("between 3 and 5 December" is)
_DAY_PAIR = regex.compile(r"(?:the )?(?P<first>[0-9]{1,2}(?:st|nd|rd|th)?) (?:and|&) "
                          r"(?P<second>[0-9]{1,2}(?:st|nd|rd|th)?\b.*)"
                          r"|(?P<first>.*?\b[0-9]{1,2}(?:st|nd|rd|th)?),? (?:and|&) "
                          r"(?P<second>[0-9]{1,2}(?:st|nd|rd|th)?)(?:,? [0-9]{4})?",
                          regex.IGNORECASE | regex.DOTALL)
_DAYS_LISTED_BEFORE = regex.compile(r"(?:(?<![\w.,/:£$€-])[0-9]{1,2}(?:st|nd|rd|th)?,\s)+$")
_DAY_NUMBER = regex.compile(r"(?P<digits>[0-9]{1,2})(?:st|nd|rd|th)?")
_BETWEEN_BEFORE = regex.compile(r"\bbetween\s+$", regex.IGNORECASE)


def _listed_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Days listed with "and" ("strike on 1, 3 and 5 December"): one expression each, in the
    month and year of the last, not the range that "3 and 5 December" would be read as."""
    out: list[Timex] = []
    for timex in timexes:
        time, until = timex.time, timex.until
        pair = _DAY_PAIR.fullmatch(timex.text) if until is not None and time is not None else None
        if (pair is None or time is None or until is None or time.granularity != "day"
                or until.granularity != "day"
                or _BETWEEN_BEFORE.search(text, max(0, timex.start - 9), timex.start)):
            out.append(timex)
            continue
        first_end = timex.start + pair.end("first")
        second_start = timex.start + pair.start("second")
        first = replace(timex, end=first_end, text=text[timex.start:first_end], value=time.value, until=None)
        second = replace(timex, start=second_start, text=text[second_start:timex.end], value=until.value,
                         time=until, until=None)
        listed = _DAYS_LISTED_BEFORE.search(text, max(0, timex.start - 40), timex.start)
        if listed is not None:  # "1, " before "3 and 5 December"
            for number in _DAY_NUMBER.finditer(text, listed.start(), listed.end()):
                with contextlib.suppress(ValueError):
                    day = TimeValue.of("day", time.start.replace(day=int(number["digits"])))
                    if day.start >= time.start:
                        continue
                    start = number.start()
                    if out and out[-1].end > start:  # "the 2nd" read alone: the list's month
                        if out[-1].time is None or out[-1].time.granularity != "day":
                            continue
                        start = out.pop().start
                    out.append(replace(timex, start=start, end=number.end(), text=text[start:number.end()],
                                       value=day.value, time=day, until=None))
        out.extend((first, second))
    return out


_UNTIL_JOIN = regex.compile(r"\s*(?:until|till|til|to|through|[-–—])\s*(?:the\s+)?", regex.IGNORECASE)
_WEEKDAY_NAME = regex.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", regex.IGNORECASE)


_FROM_BEFORE = regex.compile(r"\b(?:from|between)\s+(?:(?:early|mid|late)[- ])?$", regex.IGNORECASE)


_UNIT_OF_AFTER = regex.compile(r"\s+(?:night|day|week|weekend|month|year|time|hour|minute)\s+of\b",
                               regex.IGNORECASE)
_BACK_IN_BEFORE = regex.compile(r"\bback\s+(?:in|on|at|during)\s+(?:the\s+)?$", regex.IGNORECASE)
def _season_year(season: TimeValue, month: int) -> int | None:
    """The year of ``month`` inside ``season`` (a winter's January is of the next year), or None."""
    first, last = season.interval()
    for year in (first.year, last.year):
        if first <= date(year, month, 1) <= last or (first.year, first.month) == (year, month):
            return year
    return None


_SINCE_BEFORE = regex.compile(r"\bsince\s+(?:the\s+)?$", regex.IGNORECASE)
_ORDINAL_LAST_BEFORE = regex.compile(r"\b(?:the|its|his|her|their|our|my|your)\s+$", regex.IGNORECASE)


def _range_ends_after_starts(text: str, timexes: list[Timex]) -> list[Timex]:
    """A weekday that ends a range ends it after its start: "a warning from 6pm on Friday
    until midday on Sunday" is the Sunday after that Friday, whatever the tense made of it."""
    out: list[Timex] = []
    for timex in timexes:
        first = out[-1] if out else None
        if (first is not None and first.time is not None and timex.time is not None
                and timex.anchor == REFERENCE and timex.until is None
                and rank(timex.time.granularity) >= rank("day") and timex.time.start < first.time.start
                and (first.time.start - timex.time.start).days < 7
                and _UNTIL_JOIN.fullmatch(text, first.end, timex.start)
                and _WEEKDAY_NAME.search(timex.text) is not None):
            moved = timex.time.plus("D", 7)
            timex = replace(timex, value=moved.value, time=moved)
        elif (first is not None and first.time is not None and timex.time is not None
                and first.anchor == REFERENCE == timex.anchor and first.until is None and timex.until is None
                and first.time.granularity in ("month", "day") and timex.time.granularity in ("month", "day")
                and timex.time.start < first.time.start and first.time.start.year == timex.time.start.year
                and _UNTIL_JOIN.fullmatch(text, first.end, timex.start)
                and _FROM_BEFORE.search(text, max(0, first.start - 12), first.start)):
            # "The exhibition ran from October to January" (in November): the start is the
            # October before that January
            moved = first.time.plus("Y", -1)
            out[-1] = replace(first, value=moved.value, time=moved)
        out.append(timex)
    return out


# "the first Tuesday after the first Monday in November", "the Friday before Christmas"
_COUNTED_WEEKDAY = regex.compile(
    r"the\s+(?:(?P<nth>first|second|third|fourth|last)\s+)?(?P<day>[a-z]{3})[a-z]*", regex.IGNORECASE)
_BESIDE_JOIN = regex.compile(r"\s+(?P<direction>after|before)\s+", regex.IGNORECASE)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 1}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekdays_beside_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """A weekday counted from a day told after it is one expression with it: "the Sunday after
    Easter 1952" is 20 April 1952, "the first Tuesday after the first Monday in November" the 3rd."""
    out: list[Timex] = []
    for timex in timexes:
        weekday = out[-1] if out else None
        if (weekday is not None and weekday.rule == "weekday_counted" and timex.time is not None
                and timex.time.granularity == "day" and timex.type == "DATE" and timex.until is None
                and (join := _BESIDE_JOIN.fullmatch(text, weekday.end, timex.start))
                and (counted := _COUNTED_WEEKDAY.fullmatch(weekday.text))):
            number = _WEEKDAYS.index(counted["day"].lower())
            day, nth = timex.time.start, _NTH[(counted["nth"] or "first").lower()]
            if join["direction"].lower() == "after":
                found = day + timedelta(days=(number - day.weekday()) % 7 or 7) + timedelta(weeks=nth - 1)
            else:
                found = day - timedelta(days=(day.weekday() - number) % 7 or 7) - timedelta(weeks=nth - 1)
            tv = TimeValue("day", found)
            out[-1] = replace(weekday, end=timex.end, text=text[weekday.start:timex.end], value=tv.value,
                              mod=timex.mod, anchor=timex.anchor, time=tv)
            continue
        out.append(timex)
    return out


def _months_of_years(text: str, timexes: list[Timex]) -> list[Timex]:
    """A month "of" a year told apart ("in September of the year I turned five"): one
    expression, that month of that year."""
    out: list[Timex] = []
    for timex in timexes:
        month = out[-1] if out else None
        if (month is not None and month.time is not None and timex.time is not None
                and month.time.granularity in ("month", "quarter", "half") and month.until is None
                and timex.time.granularity == "year" and timex.until is None
                and text[month.end:timex.start].lower() == " of "):
            # ("the third quarter of FY27": that quarter of the fiscal year's label, as TimeML has it)
            tv = TimeValue(month.time.granularity, date(timex.time.start.year, month.time.start.month, 1))
            out[-1] = replace(month, end=timex.end, text=text[month.start:timex.end], value=tv.value,
                              anchor=timex.anchor, time=tv)
            continue
        out.append(timex)
    return out


def _clocks_on_their_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """A clock time followed by "on" and a day ("at 2.30pm on 24 Dec", "shortly after midnight
    on Boxing Day") is one expression, a time of that day, whatever tense or reference placed
    the clock (as the clock rules' own trailers read "10 p.m. on Oct. 23")."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        clock = timexes[i]
        day = timexes[i + 1] if i + 1 < len(timexes) else None
        hour_minute = _hour_minute(clock)
        same = timexes[i + 2] if i + 2 < len(timexes) else None
        if (hour_minute is not None and day is not None and same is not None
                and _hour_minute(day) is not None and day.start - clock.end <= 20
                and _CLOCK_PAIR_JOIN.fullmatch(text, clock.end, day.start)
                and same.time is not None and same.time.granularity == "day"
                and same.time.year_known and same.start - day.end <= 20
                and _CLOCK_DAY_JOIN.fullmatch(text, day.end, same.start)):
            # "at 2:15 p.m. local time (1115 GMT) on Wednesday": the first clock is of that
            # day too (its span stays: the second one takes the day along)
            moved = TimeValue("minute", same.time.start, hour=hour_minute[0], minute=hour_minute[1])
            out.append(dataclasses.replace(clock, value=moved.value, time=moved, anchor=same.anchor))
            i += 1
            continue
        if (day is not None and hour_minute is not None and day.time is not None
                and day.time.granularity == "day" and day.time.year_known
                and day.start - clock.end <= 20
                and (_CLOCK_DAY_JOIN.fullmatch(text, clock.end, day.start)
                     or (_COMMA_JOIN.fullmatch(text, clock.end, day.start)  # "10am-4pm, Saturday 12 December"
                         and _WRITTEN_DAY.match(day.text) is not None)
                     # "The event is 2-4pm Saturday": a range's day right after it
                     or (clock.rule == "clock_range" and text[clock.end:day.start] == " "
                         and day.until is None and _WEEKDAY_NAME.match(day.text) is not None))):
            moved = TimeValue("minute", day.time.start, hour=hour_minute[0], minute=hour_minute[1])
            if clock.until is not None and clock.until.hour is not None:
                end_day = day.time.start + timedelta(days=1 if clock.until.hour < hour_minute[0] else 0)
                clock = dataclasses.replace(clock, until=TimeValue("minute", end_day, hour=clock.until.hour,
                                                                   minute=clock.until.minute))
            if ")" in text[clock.end:day.start]:  # "(1115 GMT) on Wednesday": the spans stay apart
                out.append(dataclasses.replace(clock, value=moved.value, time=moved,
                                               anchor=day.anchor))
                i += 1
                continue
            out.append(dataclasses.replace(clock, end=day.end, text=text[clock.start:day.end],
                                           value=moved.value, time=moved, anchor=day.anchor))
            i += 2
            continue
        out.append(clock)
        i += 1
    return out


# "from 6 a.m. to noon on Tuesday", "between 7am and 10pm on Saturday": the first clock is of
# the day the second one names
_CLOCK_RANGE_JOIN = regex.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", regex.IGNORECASE)
_CLOCK_BETWEEN_JOIN = regex.compile(r"\s+and\s+", regex.IGNORECASE)
_BETWEEN_BEFORE = regex.compile(r"(?<!\w)between\s+(?:about\s+|around\s+)?$", regex.IGNORECASE)
_BARE_CLOCK = regex.compile(
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?|noon|midnight)(?:\s+[A-Z]{2,4})?", regex.IGNORECASE)


def _clock_ranges_on_their_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """A bare clock time that opens a range whose end names its day takes that day."""
    out = list(timexes)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        hour_minute = _hour_minute(first)
        if (hour_minute is None or second.time is None or second.type != "TIME"
                or second.time.hour is None or not second.time.year_known
                or second.time.start == (first.time.start if first.time else None)
                or second.start - first.end > 12 or not _BARE_CLOCK.fullmatch(first.text)):
            continue
        if not (_CLOCK_RANGE_JOIN.fullmatch(text, first.end, second.start) or (
                _CLOCK_BETWEEN_JOIN.fullmatch(text, first.end, second.start)
                and _BETWEEN_BEFORE.search(text, max(0, first.start - 20), first.start))):
            continue
        moved = TimeValue("minute", second.time.start, hour=hour_minute[0], minute=hour_minute[1])
        out[i] = dataclasses.replace(first, value=moved.value, time=moved, anchor=second.anchor)
    return out


_QUOTES = ("\"", "“", "``")
_TITLE_BEFORE = regex.compile(r"(?:``|[\"“])(?:\p{Lu}[\w\x27’.-]*\s+)*$")
_TITLE_AFTER = regex.compile(r"[.,!?]?(?:\x27\x27|[\"”])|\s+\p{Lu}")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Title-case words inside opening quotes that go on as a title are a show, a film or a
    book (ABC's "This Week With David Brinkley", "High Noon."), not a date."""
    if not text[start].isupper() or not any(q in text[max(0, start - 60):start] for q in _QUOTES):
        return False  # (cheap checks first: this runs for every candidate)
    before = _TITLE_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return False
    words = text[before.start():end].lstrip("`\"“").split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    return _TITLE_AFTER.match(text, end, end + LOOK_AHEAD) is not None


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘'(`")
    return not before or before[-1] in ".!?:\n"


_WORD_BEFORE = regex.compile(r"([^\W\d_]+)\W{1,3}$")


def _shouted(text: str, start: int, end: int) -> bool:
    """A word in capitals after a word in lower case ("the concert is TOMORROW night"): a
    post's emphasis, not a name ("USA TODAY")."""
    if not text[start:end].split(None, 1)[0].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and before.group(1).islower()


_DEFAULT: Tagger | None = None


def default_tagger() -> Tagger:
    """A process-wide tagger over the English rules."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Tagger()
    return _DEFAULT


__all__ = ["STORY", "Tagger", "Timex", "default_tagger"]
