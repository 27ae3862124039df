"""The timeline model: articles, and events merged across articles, in timeline order.

The same happening reported by several articles becomes one :class:`TimelineEvent` with one
:class:`Source` per report. Two reports merge when their dates are compatible (the intervals
overlap) and their descriptions are similar (see :mod:`timeline_app.core.similarity`).
A pair that reads alike but whose dates do not overlap (within a week) is merged as a conflict:
both sources are kept and the disagreement is shown. Merging is deterministic: articles are visited
in :func:`canonical_order` (so a :class:`Merger` can grow the timeline while files load), and each
report joins the most similar group, a compatible one on equal scores, then the earliest; a
conflict also needs half its terms shared.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import zlib
from array import array
from collections import _count_elements as _count  # type: ignore[attr-defined]  # Counter.update's C loop
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from timeline_app.core.events import Event, EventDate
from timeline_app.core.extract import DocumentResult, Reference
from timeline_app.core.ingest import Article, outlet_of
from timeline_app.core.similarity import Terms, contrary_words, opposed, similarities, terms

SIMILAR = 62.0  # token-set similarity (0-100) for two reports to be one event
CONFLICT_SIMILAR = 85.0  # reports this alike with disjoint dates are one event in conflict
CONFLICT_SHARED = 0.5  # ... and sharing at least this fraction of their terms
NEAR_DAYS = 7  # ... and dated at most this many days apart


class Source(NamedTuple):
    """One article's report of an event (a named tuple: a big timeline holds hundreds of
    thousands, created fast)."""

    event: Event
    article: Article
    order: tuple[int, int]

    def as_json(self) -> dict[str, object]:
        e, a = self.event, self.article
        return {"path": a.path, "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "snippet": e.snippet, "start": e.start, "end": e.end,
                "date_text": e.date.text, "date_start": e.date.start, "date_end": e.date.end,
                "earliest": e.date.earliest.isoformat(), "latest": e.date.latest.isoformat()}


@dataclass
class TimelineEvent:
    """A happening on the timeline, with every article that reported it."""

    id: str
    sources: list[Source]
    conflict: bool = False
    similarity: float | None = None  # the lowest at which a report joined (None: one report)

    @property
    def why_merged(self) -> str | None:
        """Why these reports are one event, in words (None for a single report); written
        when asked for: an event in the news for weeks names hundreds of articles."""
        if len(self.sources) < 2 or self.similarity is None:
            return None
        names = ", ".join(sorted({s.article.title[:40] for s in self.sources}))
        return (f"{len(self.sources)} articles ({names}) report a similar description "
                f"(similarity at least {self.similarity:.0f}/100) with "
                + ("disagreeing dates" if self.conflict else "compatible dates"))

    @functools.cached_property
    def primary(self) -> Source:
        """The source whose date is the most precise (narrowest), earliest reported on ties.

        Computed once: a timeline's events do not change after :func:`build_timeline`."""
        if len(self.sources) == 1:
            return self.sources[0]
        return min(self.sources, key=lambda s: ((s.event.date.latest - s.event.date.earliest).days,
                                                s.order))

    @property
    def title(self) -> str:
        return self.primary.event.title

    @property
    def earliest(self) -> date:
        return self.primary.event.date.earliest

    @property
    def latest(self) -> date:
        return self.primary.event.date.latest

    @property
    def order(self) -> tuple[int, int]:
        return min(s.order for s in self.sources)

    def as_json(self) -> dict[str, object]:
        d = self.primary.event.date
        return {"id": self.id, "title": self.title,
                "date": {"text": d.text, "value": d.value, "earliest": d.earliest.isoformat(),
                         "latest": d.latest.isoformat(), "granularity": d.granularity,
                         "approximate": d.approximate, "anchor": d.anchor},
                "sources": [s.as_json() for s in self.sources],
                "conflict": self.conflict, "why_merged": self.why_merged}


@dataclass(frozen=True)
class EventSpans:
    """What a timeline view needs of each event, by position in a list of events, as plain
    lists: computed once off the GUI thread, so showing a big timeline costs little there.
    ``day0``/``day1``: the interval in days (``date.toordinal()``, end exclusive); ``paths``:
    the first source's article; ``by_start``: the positions sorted by start, end, position."""

    day0: list[float]
    day1: list[float]
    titles: list[str]
    paths: list[str]
    by_start: list[int]

    @classmethod
    def of(cls, events: Sequence[TimelineEvent]) -> EventSpans:
        day0, day1, titles, paths = [], [], [], []
        for event in events:
            primary = event.primary.event
            day0.append(float(primary.date.earliest.toordinal()))
            day1.append(float(primary.date.latest.toordinal() + 1))
            titles.append(primary.title)
            paths.append(event.sources[0].article.path)
        by_start = sorted(range(len(day0)), key=lambda i: (day0[i], day1[i], i))
        return cls(day0, day1, titles, paths, by_start)


@dataclass
class ArticleFacts:
    """What the views show of the loaded articles, as plain lookups computed once off the GUI
    thread: ``outlets`` (path -> :func:`outlet_of`, what an article is coloured by),
    ``coverage`` (``(day + 0.5, path, title)`` of each stated publication date, sorted) and
    ``references`` (path -> the date its relative expressions were resolved against); and,
    so that showing them is O(outlets), ``coverage_days`` (the coverage's days) and
    ``coverage_outlets`` (the outlets of the coverage, each once, in order)."""

    outlets: dict[str, str]
    coverage: list[tuple[float, str, str]]
    references: dict[str, Reference]
    coverage_days: list[float] = field(default_factory=list)
    coverage_outlets: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, results: Iterable[DocumentResult]) -> ArticleFacts:
        outlets: dict[str, str] = {}
        coverage: list[tuple[float, str, str]] = []
        references: dict[str, Reference] = {}
        for result in results:
            article, reference = result.article, result.reference
            outlets[article.path] = outlet_of(article)
            references[article.path] = reference
            if reference.date is not None and reference.source != "inferred":
                coverage.append((reference.date.toordinal() + 0.5, article.path, article.title))
        coverage.sort()
        return cls(outlets, coverage, references, [day for day, _, _ in coverage],
                   list(dict.fromkeys(outlets[path] for _, path, _ in coverage)))


@dataclass
class Timeline:
    """Articles and their merged events in timeline order."""

    results: list[DocumentResult] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)

    @functools.cached_property
    def spans(self) -> EventSpans:
        """The events' :class:`EventSpans` (computed on first use: the builder thread)."""
        return EventSpans.of(self.events)

    @functools.cached_property
    def facts(self) -> ArticleFacts:
        """The articles' :class:`ArticleFacts` (computed on first use: the builder thread)."""
        return ArticleFacts.of(self.results)

    @property
    def articles(self) -> list[Article]:
        return [r.article for r in self.results]

    def as_json(self) -> dict[str, object]:
        return {"articles": [{"path": r.article.path, "title": r.article.title,
                              "published": (r.article.published.isoformat()
                                            if r.article.published else None),
                              "reference": r.reference.as_json()} for r in self.results],
                "events": [e.as_json() for e in self.events]}


REPRESENTATIVES = 4  # a group is compared through its first few reports' terms


@dataclass(eq=False, slots=True)  # identity: groups are counted in dicts
class _Group:
    """Bookkeeping for one event being merged: its bounds (day ordinals: compared millions of
    times while merging, ints compare fastest) make date checks O(1)."""

    event: TimelineEvent
    terms: list[Terms]
    max_earliest: int
    min_latest: int
    max_latest: int
    min_earliest: int
    paths: set[str]
    single_day: bool
    number: int  # creation order: ties go to the earliest group
    primary: Source  # the narrowest-dated report, the earliest on ties (while ``in_order``)
    best_score: float = 100.0  # the lowest similarity at which a report joined
    in_order: bool = True  # the reports were added in their reporting order

    @classmethod
    def start(cls, source: Source, terms: Terms, number: int) -> _Group:
        d = source.event.date
        earliest, latest = d.earliest.toordinal(), d.latest.toordinal()
        return cls(TimelineEvent(id="", sources=[source]), [terms], earliest, latest, latest,
                   earliest, {source.article.path}, earliest == latest, number, source)

    def add(self, source: Source, terms: Terms) -> None:
        d = source.event.date
        sources = self.event.sources
        if source.order < sources[-1].order:
            self.in_order = False
        primary = self.primary.event.date
        if (d.latest - d.earliest).days < (primary.latest - primary.earliest).days:
            self.primary = source
        sources.append(source)
        if len(self.terms) < REPRESENTATIVES:
            self.terms.append(terms)
        earliest, latest = d.earliest.toordinal(), d.latest.toordinal()
        self.max_earliest = max(self.max_earliest, earliest)
        self.min_latest = min(self.min_latest, latest)
        self.max_latest = max(self.max_latest, latest)
        self.min_earliest = min(self.min_earliest, earliest)
        self.paths.add(source.article.path)
        self.single_day = self.single_day and earliest == latest == self.min_latest


def _packed_sort_key(d: EventDate, order: tuple[int, int]) -> int:
    """:func:`~timeline_app.core.ordering.sort_key` of a dated event as one int, which sorts
    the same: tuples of dates take four times as long to sort (30 ms for 30,000 events), in
    one call that holds the interpreter lock, and so the window, throughout."""
    earliest, latest = d.earliest.toordinal(), d.latest.toordinal()  # < 2**22
    number, start = order
    return ((((earliest << 22 | (_WIDEST - (latest - earliest))) << 22 | latest) << 40
             | number) << 40) | start


_WIDEST = (1 << 22) - 1
_reporting_order = operator.attrgetter("order")
_first = operator.itemgetter(0)


def _overlap(a: Event, b: Event) -> bool:
    return a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest


class _GroupIndex:
    """Finds the groups a report may join without comparing it with every group.

    A report dated to at most a month (a day, "early May", "the week of ...") looks for groups
    of such dates: they are filed under (term, week) for each of their terms and each week
    their dates touch, and the report looks up its own terms in the weeks its dates (give or
    take a week, for conflicts) touch. A report with a longer date ("in 2019", "the third
    quarter") only joins groups of exactly the same interval, filed under (term, interval):
    a vague mention is not merged into a precise event, and a year's worth of events is never
    compared with it. A group that shares no term with a report, or only words that are
    common near those dates, is never compared with it.
    """

    SHORT_DAYS = 31
    COMMON = 24  # groups per (term, week) beyond which the term is not used to find candidates
    COMMON_IN_RANGE = 72  # the same over all the weeks a report's dates touch

    def __init__(self) -> None:
        self.weeks: dict[str, dict[int, list[_Group]]] = {}  # term -> week -> groups
        self.exact: dict[tuple[str, int, int], list[_Group]] = {}  # long-dated groups, by ordinals

    @classmethod
    def is_long(cls, earliest: int, latest: int) -> bool:
        """Whether a date from day ordinal ``earliest`` to ``latest`` is longer than a month."""
        return latest - earliest > cls.SHORT_DAYS

    def add(self, group: _Group, words: frozenset[str] | set[str]) -> None:
        first, last = group.min_earliest, group.max_latest
        if self.is_long(first, last):
            for term in words:
                self.exact.setdefault((term, first, last), []).append(group)
            return
        for term in words:
            by_week = self.weeks.setdefault(term, {})
            for week in range(first // 7, last // 7 + 1):
                by_week.setdefault(week, []).append(group)

    def candidates(self, event: Event, terms: Terms,
                   near_shared: int = 3) -> tuple[list[tuple[_Group, int]], list[_Group]]:
        """Groups near the event's dates that share terms with it, as two lists: those whose
        dates overlap the event's, with the number of (not common) terms they share, two or
        more, or one for a one-day event and a one-day group (a report of the same story may
        join them); and those whose dates do not overlap but that share ``near_shared`` terms
        or more (a conflict needs as many)."""
        earliest, latest = event.date.earliest.toordinal(), event.date.latest.toordinal()
        shared: dict[_Group, int] = {}
        if self.is_long(earliest, latest):
            exact = self.exact
            for term in terms.words:
                groups = exact.get((term, earliest, latest))
                if groups and len(groups) <= self.COMMON:  # else a word this common tells little
                    _count(shared, groups)
            return [(g, n) for g, n in shared.items() if n >= 2], []
        weeks = range((earliest - NEAR_DAYS) // 7, (latest + NEAR_DAYS) // 7 + 1)
        common = self.COMMON
        for term in terms.words:
            by_week = self.weeks.get(term)
            if not by_week:
                continue
            # absent, or a word this common near these dates tells little
            hits = [groups for week in weeks
                    if (groups := by_week.get(week)) and len(groups) <= common]
            if not hits:
                continue
            if len(hits) == 1:
                _count(shared, hits[0])
            elif len(hits) <= 3 or sum(map(len, hits)) <= self.COMMON_IN_RANGE:
                _count(shared, set(itertools.chain.from_iterable(hits)))  # each group once
        one_day = earliest == latest
        overlapping: list[tuple[_Group, int]] = []
        near: list[_Group] = []
        soon, late = earliest - NEAR_DAYS, latest + NEAR_DAYS
        items: Iterable[tuple[_Group, int]] = shared.items()
        if not one_day:  # only groups sharing two terms or more can be candidates: skipped in C
            items = itertools.compress(items, map((2).__le__, shared.values()))
        for group, n in items:
            if earliest <= group.min_latest and latest >= group.max_earliest:  # overlaps every member
                if n >= 2 or (one_day and group.single_day):
                    overlapping.append((group, n))
            elif n >= near_shared and soon <= group.min_latest and late >= group.max_earliest:  # near all
                near.append(group)
        return overlapping, near


def _story_shared(article: Article, group: _Group, cache: dict[str, frozenset[str]]) -> bool:
    """The article and one of the group's articles tell one story: their titles share two
    content words or more."""
    def title_terms(a: Article) -> frozenset[str]:
        if a.path not in cache:
            cache[a.path] = terms(a.title)
        return cache[a.path]

    mine = title_terms(article)
    return len(mine) >= 2 and any(len(mine & title_terms(s.article)) >= 2
                                  for s in group.event.sources)


def _opposes(contrary: frozenset[str], group: _Group) -> bool:
    """The report (its :func:`~timeline_app.core.similarity.contrary_words`) says the
    opposite of one of the group's representatives."""
    return any(opposed(contrary, t.words) for t in group.terms)


def _scores(own: Terms, groups: list[_Group], cutoff: float,
            min_shared: float = 0.0) -> dict[_Group, tuple[float, int]]:
    """The groups whose similarity to ``own`` (their most similar representative's) reaches
    ``cutoff``, with that score and the number of terms they share; the representatives are
    scored in one rapidfuzz call. With ``min_shared``, a representative is only compared when
    it shares at least that fraction of the larger term set."""
    words = own.words
    if min_shared:
        pairs = [(g, t) for g in groups for t in g.terms
                 if len(words & t.words) >= min_shared * max(len(words), len(t.words))]
    else:
        pairs = [(g, t) for g in groups for t in g.terms]
    found: dict[_Group, tuple[float, int]] = {}
    if pairs:
        for _, score, index in similarities(own.text, [t.text for _, t in pairs], cutoff):
            group, rep = pairs[index]
            found[group] = max(found.get(group, (0.0, 0)), (score, len(words & rep.words)))
    return found


class BuildCancelled(Exception):
    """``build_timeline`` was asked to stop (its result is no longer wanted)."""


def canonical_order(result: DocumentResult) -> tuple[str, int]:
    """The order results are merged in: by file path, then position in a multi-article file."""
    article = result.article
    suffix = f"#{article.index}"
    file = article.path[: -len(suffix)] if article.path.endswith(suffix) else article.path
    return file, article.index


class Merger:
    """Merges reports into events one article at a time, so a timeline can grow while files
    load. Each report joins the most similar group (a compatible one, then the earliest, on
    equal scores); fed the same results in :func:`canonical_order` it always gives the same
    timeline. An article that repeats a fact (the same description terms and dates) reports
    it once: its later mentions are not sources of the event, nor events of their own."""

    def __init__(self) -> None:
        self.results: list[DocumentResult] = []
        self._groups: list[_Group] = []
        self._index = _GroupIndex()
        self._story_terms: dict[str, frozenset[str]] = {}
        self._terms: dict[str, Terms] = {}  # description window -> terms, freed with the merger

    def add(self, result: DocumentResult, between: Callable[[], object] | None = None) -> None:
        """Merge one article's events into the timeline; ``between`` is called before each
        event (to pause merging, say: it must not change the merge)."""
        number = len(self.results)
        self.results.append(result)
        told: set[tuple[str, date, date]] = set()
        for event in result.events:
            if between is not None:
                between()
            own = Terms.of(event, self._terms)
            fact = (own.text, event.date.earliest, event.date.latest)
            if fact in told:
                continue  # the article says again what it said: one report, not a second event
            told.add(fact)
            self._merge(Source(event, result.article, (number, event.date.start)), own)

    def parts(self) -> list[Iterable[object]]:
        """What the merger holds, as collections of small pieces (for whoever must free a big
        merger bit by bit): its results, groups, index entries and known terms."""
        index = self._index
        return [self.results, self._groups, index.weeks.values(), index.exact.values(),
                self._terms.values()]

    def add_all(self, results: Iterable[DocumentResult],
                should_stop: Callable[[], bool] | None = None,
                between: Callable[[], object] | None = None) -> None:
        """Merge these articles in turn; ``should_stop`` is polled between articles and raises
        :class:`BuildCancelled` when it says so (what was merged stays: a prefix); ``between``
        is called between events (see :meth:`add`)."""
        for result in results:
            if should_stop is not None and should_stop():
                raise BuildCancelled
            self.add(result, between)

    def _merge(self, source: Source, own: Terms) -> None:
        event = source.event
        path = source.article.path
        one_day = event.date.earliest == event.date.latest
        # a conflict shares three terms, and half the larger term set with a representative:
        # a group sharing fewer (not common) terms than that is not worth scoring
        overlapping, near = self._index.candidates(
            event, own, max(3, math.ceil(CONFLICT_SHARED * len(own.words))))
        # (score, compatible, -number): the most similar group wins, a compatible one on
        # equal scores, then the oldest
        best: tuple[float, bool, int] | None = None
        chosen: _Group | None = None
        story = self._story_terms
        # one shared term: only a report of the same story joins
        compatible = [g for g, n in overlapping if path not in g.paths
                      and (n >= 2 or _story_shared(source.article, g, story))]
        contrary = contrary_words(own.words)  # "resumed" never joins "suspended"
        if contrary:
            compatible = [g for g in compatible if not _opposes(contrary, g)]
        scores = _scores(own, compatible, SIMILAR)
        for group in compatible:
            score, shared = scores.get(group, (0.0, 0))
            if shared >= 2:
                pass
            elif (group.single_day and one_day and any(own.words & t.words for t in group.terms)
                  and _story_shared(source.article, group, story)):
                score = max(score, SIMILAR)  # same day, same story, a shared key word
            else:
                continue
            key = (score, True, -group.number)
            if best is None or key > best:
                best, chosen = key, group
        if near and (best is None or best[0] < 100.0):  # a conflict only wins with a higher score
            cutoff = max(CONFLICT_SIMILAR, best[0] if best else 0.0)
            rivals = [g for g in near if path not in g.paths
                      and not (contrary and _opposes(contrary, g))]
            for group, (score, shared) in _scores(own, rivals, cutoff, CONFLICT_SHARED).items():
                if shared >= 3:
                    key = (score, False, -group.number)
                    if best is None or key > best:
                        best, chosen = key, group
        if best is None or chosen is None:
            group = _Group.start(source, own, len(self._groups))
            self._groups.append(group)
            self._index.add(group, own.words)
            return
        group = chosen
        conflict = not best[1]
        if len(group.terms) < REPRESENTATIVES:
            self._index.add(group, own.words - set().union(*(t.words for t in group.terms)))
        group.add(source, own)
        merged = group.event
        merged.conflict = merged.conflict or (conflict and not all(
            _overlap(source.event, s.event) for s in merged.sources))
        group.best_score = min(group.best_score, best[0])

    def timeline(self) -> Timeline:
        """The events so far, in timeline order (new objects: later merging leaves them be)."""
        keyed = []
        for group in self._groups:
            merged = group.event
            if group.in_order:  # as merged (the usual case): no sorting, primary known
                sources = list(merged.sources)
            else:
                sources = sorted(merged.sources, key=_reporting_order)
            similarity = group.best_score if len(sources) > 1 else None
            event = TimelineEvent("", sources, merged.conflict, similarity)
            if group.in_order:
                event.__dict__["primary"] = group.primary  # the cached property
            keyed.append((_packed_sort_key(event.primary.event.date, sources[0].order), event))
        keyed.sort(key=_first)  # as sorted(events, key=sort_key), in a quarter of the time
        ordered = [event for _, event in keyed]
        for number, timeline_event in enumerate(ordered, 1):
            timeline_event.id = f"e{number}"
        return Timeline(results=list(self.results), events=ordered)


def build_timeline(results: Iterable[DocumentResult],
                   should_stop: Callable[[], bool] | None = None) -> Timeline:
    """Merge the events of all articles and order them (the same for any arrival order).

    ``should_stop`` is polled between articles; when it says so, :class:`BuildCancelled` is
    raised.
    """
    merger = Merger()
    merger.add_all(sorted(results, key=canonical_order), should_stop)
    return merger.timeline()


class Grouping(NamedTuple):
    """A merge result as flat arrays (a cached 30,000-event grouping loads in a millisecond,
    where nested tuples took 50 ms in one uninterruptible call): per event, its number of
    ``sizes``, its primary source's position among them, its conflict flag (a byte) and its
    ``similarity`` (NaN: one report); per source, in event order, the (result, event) indices
    in ``results``/``positions``."""

    sizes: array[int]
    results: array[int]
    positions: array[int]
    primaries: array[int]
    conflicts: bytes
    similarities: array[float]


def grouping_of(timeline: Timeline) -> Grouping:
    """The merge result as plain data (see :class:`Grouping`)."""
    # (article << 32 | event) as one int: no tuple per source, which the garbage collector
    # would walk (a 10,000-article merge has 200,000 sources)
    where = {id(e): ai << 32 | ei for ai, r in enumerate(timeline.results) for ei, e in enumerate(r.events)}
    events = timeline.events
    codes = [where[id(s.event)] for te in events for s in te.sources]
    return Grouping(array("I", [len(te.sources) for te in events]),
                    array("I", [code >> 32 for code in codes]),
                    array("I", [code & 0xFFFFFFFF for code in codes]),
                    array("I", [te.sources.index(te.primary) for te in events]),
                    bytes(te.conflict for te in events),
                    array("d", [math.nan if te.similarity is None else te.similarity
                                for te in events]))


POLL_EVERY = 256  # articles or events rebuilt between two calls of ``should_stop``


def timeline_from_grouping(results: Iterable[DocumentResult], grouping: Grouping,
                           should_stop: Callable[[], bool] | None = None) -> Timeline:
    """Rebuild a timeline from :func:`grouping_of`'s data, for the same results: O(n), and
    fast (a warm reopen of 10,000 articles rebuilds some 200,000 sources). ``should_stop`` is
    polled every few hundred articles and events, as by :func:`build_timeline`."""
    sizes, result_at, position_at, primaries, conflicts, similarities = grouping
    if not len(sizes) == len(primaries) == len(conflicts) == len(similarities):
        raise ValueError("damaged grouping")

    def poll(count: int) -> None:
        if should_stop is not None and count % POLL_EVERY == 0 and should_stop():
            raise BuildCancelled

    ordered = sorted(results, key=canonical_order)
    make = Source._make  # tuple.__new__: no Python-level constructor call per source
    sources_of = []
    for ai, r in enumerate(ordered):
        poll(ai)
        sources_of.append([make((e, r.article, (ai, e.date.start))) for e in r.events])
    events = []
    at = 0
    for number, size in enumerate(sizes, 1):
        poll(number)
        sources = [sources_of[ai][ei]
                   for ai, ei in zip(result_at[at:at + size], position_at[at:at + size], strict=True)]
        at += size
        similarity = similarities[number - 1]
        timeline_event = TimelineEvent(f"e{number}", sources, bool(conflicts[number - 1]),
                                       None if math.isnan(similarity) else similarity)
        timeline_event.__dict__["primary"] = sources[primaries[number - 1]]  # the cached property
        events.append(timeline_event)
    if at != len(result_at):
        raise ValueError("damaged grouping")
    return Timeline(results=ordered, events=events)


MERGE_VERSION = "9"  # bump when merging rules change


def timeline_key(results: Iterable[DocumentResult]) -> str:
    """A fingerprint of a set of results: same articles, texts, references and events."""
    digest = hashlib.sha256(MERGE_VERSION.encode())
    for r in sorted(results, key=canonical_order):
        ref = r.reference
        digest.update(f"{r.article.path}\0{zlib.crc32(r.article.text.encode('utf-8', 'replace'))}\0"
                      f"{ref.date}\0{ref.source}\0{len(r.events)}\0".encode())
    return digest.hexdigest()
