"""The timeline model: articles, and events merged across articles, in timeline order.

The same happening reported by several articles becomes one :class:`TimelineEvent` with one
:class:`Source` per report. Two reports merge when their dates are compatible (the intervals
overlap) and their descriptions are similar (see :mod:`timeline_app.core.similarity`).
A pair that reads alike but whose dates do not overlap (within a week) is merged as a conflict:
both sources are kept and the disagreement is shown. Merging is deterministic: reports are visited
in timeline order and each joins the most similar compatible group, ties to the earliest one.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline_app.core.events import Event
from timeline_app.core.extract import DocumentResult
from timeline_app.core.ingest import Article
from timeline_app.core.ordering import sort_key
from timeline_app.core.similarity import Terms, similarity, terms

SIMILAR = 62.0  # token-set similarity (0-100) for two reports to be one event
CONFLICT_SIMILAR = 85.0  # reports this alike with disjoint dates are one event in conflict


@dataclass(frozen=True)
class Source:
    """One article's report of an event."""

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
    why_merged: str | None = None

    @functools.cached_property
    def primary(self) -> Source:
        """The source whose date is the most precise (narrowest), earliest reported on ties.

        Computed once: a timeline's events do not change after :func:`build_timeline`."""
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


@dataclass
class Timeline:
    """Articles and their merged events in timeline order."""

    results: list[DocumentResult] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)

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


@dataclass
class _Group:
    """Bookkeeping for one event being merged: its bounds make date checks O(1)."""

    event: TimelineEvent
    terms: list[Terms]
    max_earliest: date
    min_latest: date
    max_latest: date
    min_earliest: date
    paths: set[str]
    single_day: bool
    number: int  # creation order: ties go to the earliest group
    best_score: float = 100.0  # the lowest similarity at which a report joined

    @classmethod
    def start(cls, source: Source, terms: Terms, number: int) -> _Group:
        d = source.event.date
        return cls(TimelineEvent(id="", sources=[source]), [terms], d.earliest, d.latest, d.latest,
                   d.earliest, {source.article.path}, d.earliest == d.latest, number)

    def add(self, source: Source, terms: Terms) -> None:
        d = source.event.date
        self.event.sources.append(source)
        if len(self.terms) < REPRESENTATIVES:
            self.terms.append(terms)
        self.max_earliest = max(self.max_earliest, d.earliest)
        self.min_latest = min(self.min_latest, d.latest)
        self.max_latest = max(self.max_latest, d.latest)
        self.min_earliest = min(self.min_earliest, d.earliest)
        self.paths.add(source.article.path)
        self.single_day = self.single_day and d.earliest == d.latest == self.min_latest

    def overlaps_all(self, event: Event) -> bool:
        """The event's interval overlaps every member's (intervals: one min/max test)."""
        return event.date.earliest <= self.min_latest and event.date.latest >= self.max_earliest

    def near_all(self, event: Event, days: int = 7) -> bool:
        slack = timedelta(days=days)
        return (event.date.earliest - slack <= self.min_latest
                and event.date.latest + slack >= self.max_earliest)


def _overlap(a: Event, b: Event) -> bool:
    return a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest


class _GroupIndex:
    """Finds the groups a report may join without comparing it with every group.

    A group whose dates span at most a month is filed under (term, week) for each of its terms
    and each week its dates touch; a longer one under the term alone. A report looks up its own
    terms in the weeks its dates (give or take a week, for conflicts) touch, and in the long
    groups of those terms whose dates overlap. A group that shares no term with a report, or
    only words that are common near those dates, is never compared with it.
    """

    SHORT_DAYS = 31
    COMMON = 24  # groups per (term, week) beyond which the term is not used to find candidates

    def __init__(self) -> None:
        self.weeks: dict[tuple[str, int], list[_Group]] = {}
        self.long: dict[str, list[_Group]] = {}

    def add(self, group: _Group, words: frozenset[str] | set[str]) -> None:
        first, last = group.min_earliest.toordinal(), group.max_latest.toordinal()
        if last - first <= self.SHORT_DAYS:
            for week in range(first // 7, last // 7 + 1):
                for term in words:
                    self.weeks.setdefault((term, week), []).append(group)
        else:
            for term in words:
                self.long.setdefault(term, []).append(group)

    def candidates(self, event: Event, terms: Terms) -> list[_Group]:
        """Groups near the event's dates that share terms with it, oldest first."""
        low, high = event.date.earliest - timedelta(days=7), event.date.latest + timedelta(days=7)
        weeks = range(low.toordinal() // 7, high.toordinal() // 7 + 1)
        found: dict[int, _Group] = {}
        shared: dict[int, int] = {}
        table, long_, common = self.weeks, self.long, self.COMMON
        for term in terms.words:
            seen_here: set[int] = set()
            for week in weeks:
                groups = table.get((term, week))
                if not groups or len(groups) > common:
                    continue  # absent, or a word this common near these dates tells little
                for group in groups:
                    number = group.number
                    if number not in seen_here:  # a group filed under several weeks counts once
                        seen_here.add(number)
                        found[number] = group
                        shared[number] = shared.get(number, 0) + 1
            for group in long_.get(term, ()):
                if group.min_earliest <= high and group.max_latest >= low:
                    number = group.number
                    found[number] = group
                    shared[number] = shared.get(number, 0) + 1
        one_day = event.date.earliest == event.date.latest
        return [found[n] for n in sorted(found)
                if shared[n] >= 2 or (one_day and found[n].single_day)]


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


class BuildCancelled(Exception):
    """``build_timeline`` was asked to stop (its result is no longer wanted)."""


def build_timeline(results: Iterable[DocumentResult],
                   should_stop: Callable[[], bool] | None = None) -> Timeline:
    """Merge the events of all articles and order them (the same for any arrival order).

    ``should_stop`` is polled now and then; when it says so, :class:`BuildCancelled` is raised.
    """
    results = sorted(results, key=lambda r: r.article.path)
    sources = [Source(event, r.article, (ai, event.date.start))
               for ai, r in enumerate(results) for event in r.events]
    sources.sort(key=lambda s: sort_key(_SourceKey(s)))
    groups: list[_Group] = []
    index = _GroupIndex()
    story_terms: dict[str, frozenset[str]] = {}
    for count, source in enumerate(sources):
        if should_stop is not None and count % 512 == 0 and should_stop():
            raise BuildCancelled
        event = source.event
        own = Terms.of(event)
        candidates = index.candidates(event, own)
        best: tuple[float, _Group] | None = None
        conflict = False
        for group in candidates:
            if source.article.path in group.paths:
                continue
            compatible = group.overlaps_all(event)
            if not compatible and not group.near_all(event):
                continue
            score, shared = max(similarity(own, t) for t in group.terms)
            if not shared:
                continue
            if compatible and score >= SIMILAR and shared >= 2:
                pass
            elif (compatible and group.single_day and event.date.earliest == event.date.latest
                  and _story_shared(source.article, group, story_terms)):
                score = max(score, SIMILAR)  # same day, same story, a shared key word
            elif score >= CONFLICT_SIMILAR and shared >= 3:
                conflict = True
            else:
                continue
            if best is None or score > best[0]:
                best = (score, group)
        if best is None:
            group = _Group.start(source, own, len(groups))
            groups.append(group)
            index.add(group, own.words)
            continue
        group = best[1]
        if len(group.terms) < REPRESENTATIVES:
            index.add(group, own.words - set().union(*(t.words for t in group.terms)))
        group.add(source, own)
        merged = group.event
        merged.conflict = merged.conflict or (conflict and not all(
            _overlap(source.event, s.event) for s in merged.sources))
        group.best_score = min(group.best_score, best[0])
    events = [g.event for g in groups]
    for group in groups:
        merged = group.event
        if len(merged.sources) > 1:
            names = ", ".join(sorted({s.article.title[:40] for s in merged.sources}))
            merged.why_merged = (f"{len(merged.sources)} articles ({names}) report a similar "
                                 f"description (similarity at least {group.best_score:.0f}/100) "
                                 "with " + ("disagreeing dates" if merged.conflict
                                            else "compatible dates"))
    ordered = sorted(events, key=sort_key)
    for number, timeline_event in enumerate(ordered, 1):
        timeline_event.id = f"e{number}"
        timeline_event.sources.sort(key=lambda s: s.order)
    return Timeline(results=results, events=ordered)


@dataclass(frozen=True)
class _SourceKey:
    source: Source

    @property
    def earliest(self) -> date:
        return self.source.event.date.earliest

    @property
    def latest(self) -> date:
        return self.source.event.date.latest

    @property
    def order(self) -> tuple[int, int]:
        return self.source.order


Grouping = list[tuple[tuple[tuple[int, int], ...], bool, "str | None"]]


def grouping_of(timeline: Timeline) -> Grouping:
    """The merge result as plain data: per event, its sources as (result, event) indices."""
    where = {id(e): (ai, ei) for ai, r in enumerate(timeline.results) for ei, e in enumerate(r.events)}
    return [(tuple(where[id(s.event)] for s in te.sources), te.conflict, te.why_merged)
            for te in timeline.events]


def timeline_from_grouping(results: Iterable[DocumentResult], grouping: Grouping) -> Timeline:
    """Rebuild a timeline from :func:`grouping_of`'s data, for the same results: O(n)."""
    ordered = sorted(results, key=lambda r: r.article.path)
    events = []
    for number, (members, conflict, why) in enumerate(grouping, 1):
        sources = []
        for ai, ei in members:
            event = ordered[ai].events[ei]
            sources.append(Source(event, ordered[ai].article, (ai, event.date.start)))
        events.append(TimelineEvent(f"e{number}", sources, conflict, why))
    return Timeline(results=ordered, events=events)


MERGE_VERSION = "1"  # bump when merging rules change


def timeline_key(results: Iterable[DocumentResult]) -> str:
    """A fingerprint of a set of results: same articles, texts, references and events."""
    digest = hashlib.sha256(MERGE_VERSION.encode())
    for r in sorted(results, key=lambda r: r.article.path):
        ref = r.reference
        digest.update(f"{r.article.path}\0{zlib.crc32(r.article.text.encode('utf-8', 'replace'))}\0"
                      f"{ref.date}\0{ref.source}\0{len(r.events)}\0".encode())
    return digest.hexdigest()
