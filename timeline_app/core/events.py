"""From temporal expressions to events: what happened, when, according to which article.

A DATE or TIME with a calendar interval places an event; "now", generic references, sets and
plain durations do not. The event is the clause around the date: its title is that clause
without the date phrase, its snippet the sentence. Two dates joined as a range in one sentence
("from 2001 to 2009") make one period, not two points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline_app.core.records import pickled_by_fields
from timeline_app.core.sentences import sentence_spans
from timeline_app.core.tagger import Timex
from timeline_app.core.timeml import display_granularity, rank

TITLE_LIMIT = 90
SNIPPET_REACH = 300  # characters of a very long sentence kept on each side of its date
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|until|till|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:from|between)\s*$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:[\"“”'‘’(\[\s]|and\s|but\s|so\s|then\s|also\s|meanwhile,?\s)+",
                   re.IGNORECASE)
# a wire story's dateline opening its first sentence: "ANKARA (Reuters) - ", "WASHINGTON — ",
# "LONDON, March 3 (AP) -"
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
                       r"\s*(?:\([^)]{1,40}\)\s*(?:-{1,2}|[–—])|--|[–—])\s+")
# an aside between commas that a date ends, a relative clause or a participle: ", which
# began", ", first elected", ", meeting in Paris" (its subject is the words before it)
_ASIDE = re.compile(r"(?<=[^\s,;:])\s*,\s+(?:(?:which|who)\s+(?P<clause>[^,;:()]{3,50})"
                    r"|(?P<clause2>(?:\w+\s+)?(?:\w+(?:ed|ing)|built|born|made|held|found|known|"
                    r"seen|taken|given|written|begun|done|won|led|sold|hit|struck)\b[^,;:()]{0,40}))$")
_PASSIVE_PARTICIPLE = re.compile(r"(?:(?:first|originally|once|later|newly)\s+)?(?:founded|built|born|based|"
                                 r"opened|established|created|formed|launched|elected|appointed|named|"
                                 r"completed|designed)\b")
_ASIDE_END = re.compile(r"^((?:\s+(?:in|at|near|for|by|as)\s+[^,;:()]{1,30})?)\s*,")  # "... in Ohio,"
# ", officials said on Thursday": who said it, not what happened
_ATTRIBUTION_AFTER = re.compile(
    r"[^,;]*?(?P<said>,\s+(?:[\w.'’-]+\s+){0,4}(?:said|says|told|added|reported|announced)\b|"
    r",\s*according\s+to\b)")
# ... unless what was said follows: "When it cleared, the captain announced that ..." is the
# sentence's main clause
_REPORTED_CLAUSE = re.compile(r"\s+that\b")
_CLAUSE_JOIN = re.compile(r"\b(?:and|but|while|whereas)\b|;")
# a comma or semicolon before a conjunction: a new clause (with its own date) begins
_NEXT_CLAUSE = re.compile(r"\s*(?:,\s*(?:and|but|while|whereas)\b|;)")
# "damaged twice, in 1941 and again in the spring of 1944": dates listed for one clause
_DATE_LIST_JOIN = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:again|then|later|once\s+more)\s+)?"
                             r"(?:(?:in|on|at|by|during)\s+)?", re.IGNORECASE)
# "Some three decades later, in the summer of 2019": one date told twice
_RESTATED_JOIN = re.compile(r"\s*,\s*(?:(?:in|on|at|during)\s+)?", re.IGNORECASE)
_INSIDE_JOIN = re.compile(r"[\s,]*(?:of\s+)?")  # "Easter Monday that year", "May 5, of that year"
# a date inside the subject of a subordinate clause ("after [third-quarter] sales fell")
_SUBORDINATOR_BEFORE = re.compile(r"(?:^|[\s,])(?:after|as|when|because|while|although|though|once)\s+$",
                                  re.IGNORECASE)
_NOUN_PHRASE_AFTER = re.compile(r"^[-\s]+[a-z][\w-]*\s+[a-z][\w-]*\s+[\w$£€]")  # three words at least
_EMPTIED_ASIDE = re.compile(r",\s+(?:(?:which|who)\s+)?(?:[\w-]+\s+)?[\w-]+\s*$")
_ASIDE_OPENED = re.compile(r",\s*(?:[a-z]+\s+)?$")  # "The bombings, on Aug. 7, killed": an aside
_DATE_APPOSITIVE = re.compile(r"\s*,\s+the\s+(?:exact\s+|very\s+|same\s+)?(?:time|day|moment|hour|"
                              r"date|night|morning|evening|week|month|year)\b", re.IGNORECASE)
_RELATIVE_OPENER = re.compile(r",\s+(?:who|which)\s+$", re.IGNORECASE)
_ASIDE_REST = re.compile(r"\s*([^,;:()]{3,80}),")
_RELATIVE_START = re.compile(r"(?:who|which)\s+", re.IGNORECASE)
# the noun phrase a relative clause follows: "Smith Barney's Mr. Doyle, who ..."
_ANTECEDENT = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|but)\s+)(?P<noun>(?:[\w.'’&-]+\s+){0,5}[\w.'’&-]+),\s+$")
_DANGLING_COPULA = re.compile(r"\s+(?:was|is|were|are|will\s+be|came)$")
_DATE_PREPOSITION = re.compile(r"(?:^|(?<=\s))(?:on|in|at|by|since|from|during|until|over|throughout|through|"
                               r"around|for|as\s+of)\s+$",
                               re.IGNORECASE)
_PREVIOUS_ONLY = re.compile(r"[\s,]*(?:(?:in|on|at|by)\s+)?")
# a cleft sentence: "It was the summer of 1952 when Mara first saw the sea"
_CLEFT_BEFORE = re.compile(r"^\s*(?:it|this|that)\s+(?:was|is|had\s+been|will\s+be)"
                           r"(?:\s+(?:in|on|at|during))?\s*$", re.IGNORECASE)
_CLEFT_AFTER = re.compile(r"^\s*,?\s*(?:when|that)\s+", re.IGNORECASE)
# a lifespan in brackets after a name: "Ada Lindqvist (born 12 March 1954 in Uppsala; died ..."
_LIFESPAN_BEFORE = re.compile(r"^(?P<subject>[^()]{2,80}?)\s*\((?:[^()]*(?:[;,]|\s[–—-])\s*)?"
                              r"(?P<verb>born|died|b\.|d\.|built|founded|established|opened|completed|"
                              r"published|released|elected)\s*(?:on\s+|in\s+)?$", re.IGNORECASE)
_LIFESPAN_AFTER = re.compile(r"^[^();,–—]*")
# between a subject and its verb: a relative clause, an age or a name ("Teigen, 35, said",
# "her husband, John Legend, ...")
_RELATIVE_ASIDE = re.compile(r"^(?P<subject>[^,;:]{2,60}),\s+(?:(?:which|who)\s+[^,;:]{2,80}|\d{1,3}"
                             r"|(?:(?:first|originally|once|later|newly)\s+)?(?:founded|built|born|based|"
                             r"opened|established|created|formed|launched|elected|appointed)\s+[^,;:]{2,80}"
                             r"|(?:[A-Z][\w.'’-]*\s*){1,4}),\s+(?P<rest>(?!and\b|but\b|or\b)[a-z][^,;:]*)$")
# ... or a description of a name ("Margaret Ellis, one of the first women to ..., died")
_APPOSITIVE = re.compile(r"^(?P<subject>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+(?:one\s+of|a|an|"
                         r"the|former)\s+[^,;:]{2,90},\s+(?P<rest>(?!and\b|but\b|or\b)[a-z][^,;:]*)$")
# a participle opening the sentence ("Born in Leeds on 2 May 1930, the daughter of ..."): that
# phrase is what happened on the date
_OPENING_PARTICIPLE = re.compile(r"^\s*(?:Born|Founded|Established|Elected|Appointed|Built|Opened|"
                                 r"Launched|Formed|Created|Married|Ordained|Crowned)\b")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\s+(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+)(?=[\s,;:.]|$)")
_EMPTY_BRACKETS = re.compile(r"\s*[(\[][\s,;:–—-]*[)\]]")
_DANGLING_REACH = 24  # characters at the end of a title that may hold a dangling preposition
_DANGLING_PREP = re.compile(
    r"\s*\b(?:(?:early|late)\s+)?(?:in|into|on|at|since|by|during|from|until|till|before|after|of|for|to|"
    r"through|throughout|"
    r"within|"
    r"around|about|between|as of|as early as|as late as|later|earlier)(?:\s+(?:the|a|an))?\s*$",
    re.IGNORECASE)
# a verb right after a sentence-initial date makes the date the clause's subject
_SUBJECT_VERB = re.compile(
    r"\s+(?:is|was|are|were|has|had|will|would|marks|marked|saw|sees|brought|brings|began|"
    r"begins|ended|ends|proved|remains|remained|became|promises)\b", re.IGNORECASE)
_APPROX_MODS = frozenset({"APPROX", "START", "MID", "END", "LESS_THAN", "MORE_THAN",
                          "EQUAL_OR_MORE", "EQUAL_OR_LESS", "BEFORE", "AFTER"})


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
    """The dated interval of a DATE/TIME timex (or of a range ``timex``..``until``)."""
    if timex.type not in ("DATE", "TIME") or timex.time is None:
        return None
    first, last = narrow(*timex.time.interval(), timex.mod)
    approximate = timex.mod in _APPROX_MODS or (inferred_reference and timex.anchor != "absolute")
    text, end, value = timex.text, timex.end, timex.value
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


def _without(before: str, span: tuple[int, int]) -> str:
    """``before`` without the date at ``span`` (in it), its preposition and its comma."""
    left, right = before[:span[0]], before[span[1]:]
    if lead := _DATE_PREPOSITION.search(left):
        left = left[:lead.start()]
    if right.startswith(("'s", "’s")):  # "get around Wednesday's ruling": "the ruling"
        right = " the" + right[2:]
    if right.lstrip().startswith(",") and (not left.strip() or left.rstrip().endswith(",")):
        right = right.lstrip()[1:]  # "On Monday, police said": no comma is left hanging
    elif right.lstrip().startswith(",") and (emptied := _EMPTIED_ASIDE.search(left)):
        # "Early voting, which began on Oct. 21, drew ...": nothing is left of the aside
        left, right = left[:emptied.start()], right.lstrip()[1:]
    if not left.strip():
        return right.lstrip()
    return f"{left.rstrip()}{right}" if right.startswith(",") else f"{left.rstrip()} {right.lstrip()}"


def _with_antecedent(sentence: str, text: str, clause_start: int) -> str:
    """A title that is a relative clause ("who trimmed his projection") with the noun it
    tells of put back ("Mr. Doyle trimmed his projection"), when the sentence shows it."""
    clause = text[clause_start:]
    at = sentence.find(text[:clause_start])
    if at <= 0 or not clause:
        return text
    head = _ANTECEDENT.search(sentence, 0, at)
    return f"{head['noun']} {clause}" if head else text


def make_title(sentence: str, date_start: int, date_end: int, limit: int = TITLE_LIMIT,
               next_date: int | None = None, previous: tuple[int, int] | None = None) -> str:
    """A short readable clause from ``sentence`` without its date phrase (offsets relative);
    ``next_date``: where the sentence's next dated expression starts, whose clause is not
    this one's ("approved the contract last August, and crews began work in September");
    ``previous``: the span of the temporal expression before it in the sentence, whose
    clause is not this one's either ("In the spring he resigned, and by 1923 he had moved")."""
    before, after = sentence[:date_start], sentence[date_end:]
    if next_date is not None and _DATE_LIST_JOIN.fullmatch(sentence, date_end, next_date):
        after = ""  # "damaged twice, in 1941 and again in 1944": the list is not the clause
    elif next_date is not None and (join := _NEXT_CLAUSE.search(sentence, date_end, next_date)):
        after = sentence[date_end:join.start()]
    if previous is not None and _DATE_LIST_JOIN.fullmatch(sentence, previous[1], date_start):
        before = sentence[:previous[0]]  # the second date of a list: the clause before it
    elif previous is not None:
        joins = list(_NEXT_CLAUSE.finditer(sentence, previous[1], date_start))
        if joins:
            before = sentence[joins[-1].end():date_start]
        elif (_PREVIOUS_ONLY.fullmatch(sentence, previous[1], date_start)
              and not _LEAD.sub("", sentence[:previous[0]])):
            before = ""  # "Years later, in 1950, he told the story": one setting of the scene
        elif len(sentence[previous[1]:date_start].split()) >= 3:
            # "Acme said on Wednesday it would cut jobs by March": not this event's date (a
            # date close by may be bound to it: "the quarter ended Sept. 30")
            before = _without(before, previous)
    if _SUBORDINATOR_BEFORE.search(before) and _NOUN_PHRASE_AFTER.match(after):
        before = ""  # "..., after third-quarter sales fell 12%": that clause is the event
    if (opener := _RELATIVE_OPENER.search(before)) and (rest := _ASIDE_REST.match(after)):
        before, after = before[:opener.start()], f" {rest[1]}"  # "Doyle, who yesterday trimmed ..., said"
    if _DATE_APPOSITIVE.match(after):
        after = ""  # "at 4:17 a.m., the time the first quake hit": more of the date, no event
    if possessive := _POSSESSIVE_AFTER.match(after):
        # "who won last Tuesday's election, named ...": "who won the election" (a date's
        # "'s" would be left hanging)
        before = f"{before.rstrip()} the {possessive['noun']}"
        after = after[possessive.end():]
    if lifespan := _LIFESPAN_BEFORE.match(before):  # "Ada King (born 10 May 1815 in London"
        verb = {"b.": "born", "d.": "died"}.get(lifespan["verb"].lower(), lifespan["verb"].lower())
        passive = "was " if _PASSIVE_PARTICIPLE.match(verb) or verb in ("published", "released") else ""
        before = f"{lifespan['subject']} {passive}{verb}"
        after = _LIFESPAN_AFTER.match(after).group(0)  # type: ignore[union-attr]
    if (_OPENING_PARTICIPLE.match(before) and after.lstrip().startswith(",")
            and len(_DANGLING_PREP.sub("", before).split()) > 1):
        after = ""  # "Born in Leeds on 2 May 1930, the daughter of a teacher, she ...": "Born in Leeds"
    if _CLEFT_BEFORE.match(before) and (cleft := _CLEFT_AFTER.match(after)):
        before, after = "", after[cleft.end():]  # "It was in 1952 that Mara saw the sea"
    if not before.strip(" \"“'‘(") and _SUBJECT_VERB.match(after):
        # "This month is a rough reminder": the date is the subject, the clause needs it
        before, after = "", sentence
    # a semicolon joins two sentences: the date's is the title
    before = before[before.rfind("; ") + 2:] if "; " in before else before
    after = after[:after.find("; ")] if "; " in after else after
    # the date ends an aside, perhaps, or a few words after it do ("founded in 1954 in Ohio,")
    aside_end = _ASIDE_END.match(after)
    if (before.strip() and (said := _ATTRIBUTION_AFTER.match(after))
            and not _REPORTED_CLAUSE.match(after, said.end())):
        after = after[:said.start("said")]  # "made landfall on Wednesday, officials said on ..."
    before = before.rstrip(" ,;:")
    if dangling := _DANGLING_PREP.search(before, max(0, len(before) - _DANGLING_REACH)):
        before = before[:dangling.start()].rstrip(" ,;:")
    if not after.strip(" ,.;:!?\"”'") and (copula := _DANGLING_COPULA.search(before)):
        before = before[:copula.start()]  # "The last time turnout topped 65% was in 1908"
    aside = _ASIDE.search(before)
    if aside and aside_end:
        # "Early voting, which began on Oct. 21, drew record turnout": the date belongs to the
        # aside, so the title is its subject and the aside ("Early voting began")
        subject, clause = before[:aside.start()], aside["clause"] or aside["clause2"]
        if not aside["clause"] and _PASSIVE_PARTICIPLE.match(clause):  # "The company was founded"
            plural = re.search(r"[^s]s$", subject.strip()) is not None and not subject.istitle()
            clause = f"{'were' if plural else 'was'} {clause}"
        before, after = f"{subject} {clause}", aside_end[1]
    # "The bridge, which opened in 1968, was last rehabilitated in ...": the subject and the
    # verb without the aside between them
    if relative := (_RELATIVE_ASIDE.match(before) or _APPOSITIVE.match(before)):
        before = f"{relative['subject']} {relative['rest']}"
    # Keep the clause the date belongs to: cut at clause boundaries far from the date.
    if len(before) > limit * 0.6:
        cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "), before.rfind(" – "))
        if cut > 0 and len(before) - cut > 20:
            before = before[cut + 2:]
    # "will move in on Saturday, bringing gusts": the comma stays, where a long title is cut
    joint = ", " if (after.lstrip().startswith(",") and len(before.split()) >= 3
                     and not _ASIDE_OPENED.search(sentence, 0, date_start)) else " "
    text = f"{before}{joint}{after.lstrip(' ,;:')}" if after.strip(" ,.;:") else before
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub("", text)  # "Ada King ( ) was": a lifespan
    text = " ".join(text.split())
    text = _LEAD.sub("", _DATELINE.sub("", text)).strip(" ,;:-–—")
    if relative := _RELATIVE_START.match(text):
        text = _LEAD.sub("", _with_antecedent(sentence, text, relative.end()))
    if not text:
        text = " ".join(sentence.split())
    if len(text) > limit:
        clause_end = [m.start() for m in re.finditer(r"[,;:–—]\s", text) if 30 <= m.start() <= limit]
        if clause_end:
            text = text[:clause_end[-1]]
        else:
            text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    text = text.rstrip(" .,;:")
    return text[0].upper() + text[1:] if text else text


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


def _is_range(text: str, first: Timex, second: Timex) -> bool:
    if not _RANGE_JOIN.match(text[first.end:second.start]):
        return False
    joiner = text[first.end:second.start].strip().lower()
    if joiner in ("-", "–", "—", "through", "until", "till"):
        return True
    return bool(_RANGE_OPEN.search(text[max(0, first.start - 10):first.start]))


def _scene_setters(text: str, dated: list[Timex], starts: list[int]) -> list[int]:
    """Positions of years that open a sentence only to place its day ("Last year, the shop
    closed on 24 Dec", "In 2019, the plant closed on March 5"): the day is the event, the year
    no second one. A year joined to the day by "and" or "but" dates a clause of its own."""
    found = []
    for i in range(len(dated) - 1):
        year, day = dated[i], dated[i + 1]
        if year.time is None or year.time.granularity != "year" or day.time is None:
            continue
        k = bisect_right(starts, year.start) - 1
        sentence_start = starts[k] if k >= 0 else 0
        next_start = starts[k + 1] if k + 1 < len(starts) else len(text)
        first, last = year.time.interval()
        day_first, day_last = day.time.interval()
        if (year.start - sentence_start <= 12 and day.start < next_start
                and first <= day_first and day_last <= last
                and not _CLAUSE_JOIN.search(text, year.end, day.start)):
            found.append(i)
    return found


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
            moved = timex.time.plus(offset["unit"], sign * int(offset["count"]))
            out[-1] = replace(timex, start=before.start, text=text[before.start:timex.end],
                              value=moved.value, time=moved)
            continue
        out.append(timex)
    return out


def build_events(article_path: str, text: str, timexes: list[Timex], *, body_start: int = 0,
                 inferred_reference: bool = False) -> list[Event]:
    """One event per dated expression in the article body (ranges make one period)."""
    sentences = sentence_spans(text, body_start)
    starts = [s for s, _ in sentences]
    dated = [t for t in _offsets_applied(text, timexes) if t.start >= body_start
             and t.type in ("DATE", "TIME") and t.time is not None]
    all_spans = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")]
    all_starts = [a for a, _ in all_spans]
    events: list[Event] = []
    restated = _restated(text, dated)
    told_with = {keep: gone for gone, keep in restated.items()}  # a date and its restatement
    skip: set[int] = set(_scene_setters(text, dated, starts)) | set(restated)
    # one event per date a sentence gives, however often it names it ("2024-07-04 - The heat
    # wave peaked today"): the written-out date is kept over the relative one
    by_sentence_date: dict[tuple[int, int, date, date, str], int] = {}
    for i, timex in enumerate(dated):
        if i in skip:
            continue
        until = None
        if i + 1 < len(dated) and _is_range(text, timex, dated[i + 1]):
            until = dated[i + 1]
            skip.add(i + 1)
        when = event_date(timex, inferred_reference=inferred_reference, until=until)
        if when is None:
            continue
        k = bisect_right(starts, timex.start) - 1  # the sentence holding the date
        s, e = sentences[k] if k >= 0 and timex.start < sentences[k][1] else (timex.start, timex.end)
        s, e = _around(text, s, e, timex.start, when.end)
        key = (s, e, when.earliest, when.latest, when.granularity)
        same = by_sentence_date.get(key)
        if same is not None and (timex.anchor != "absolute" or events[same].date.anchor == "absolute"):
            continue
        following = dated[i + 1].start if i + 1 < len(dated) else e
        if until is not None and i + 2 < len(dated):
            following = dated[i + 2].start
        date_start, date_end = timex.start, when.end
        if (gone := told_with.get(i)) is not None:  # the title leaves out both dates
            date_start, date_end = min(date_start, dated[gone].start), max(date_end, dated[gone].end)
            if gone == i + 1:
                following = dated[i + 2].start if i + 2 < len(dated) else e
        j = bisect_left(all_starts, date_start) - 1  # the expression before it, if in the sentence
        previous = (all_spans[j][0] - s, all_spans[j][1] - s) if j >= 0 and all_spans[j][0] >= s else None
        title = make_title(text[s:e], date_start - s, date_end - s,
                           next_date=following - s if following < e else None, previous=previous)
        event = Event(title=title, text=text, start=s, end=e, date=when, article=article_path)
        if same is not None:
            events[same] = event
        else:
            by_sentence_date[key] = len(events)
            events.append(event)
    return events
