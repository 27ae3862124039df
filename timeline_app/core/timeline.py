"""The timeline model: articles, and events merged across articles, in timeline order.

The same happening reported by several articles becomes one :class:`TimelineEvent` with one
:class:`Source` per report. Two reports merge when their dates are compatible (the intervals
overlap) and their descriptions are similar (rapidfuzz token-set similarity of title and snippet,
chosen because it ignores word order and extra words, which is how two outlets retell one fact).
A pair that reads alike but whose dates do not overlap (within a week) is merged as a conflict:
both sources are kept and the disagreement is shown. Merging is deterministic: reports are visited
in timeline order and each joins the most similar compatible group, ties to the earliest one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import fuzz

from timeline_app.core.events import Event
from timeline_app.core.extract import DocumentResult
from timeline_app.core.ingest import Article
from timeline_app.core.ordering import sort_key

SIMILAR = 62.0  # token-set similarity (0-100) for two reports to be one event
CONFLICT_SIMILAR = 85.0  # reports this alike with disjoint dates are one event in conflict
_STOP = frozenset(
    "the a an of in on at to and or but for with by from as is was were be been has have had "
    "that this it its he she they we i you his her their our said says will would not no".split()
)
_WORD = re.compile(r"[A-Za-z0-9']+")


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

    @property
    def primary(self) -> Source:
        """The source whose date is the most precise (narrowest), earliest reported on ties."""
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


def _words(event: Event) -> str:
    text = f"{event.title} {event.snippet}".lower()
    return " ".join(w for w in _WORD.findall(text) if w not in _STOP)


def _overlap(a: Event, b: Event) -> bool:
    return a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest


def _near(a: Event, b: Event, days: int = 7) -> bool:
    slack = timedelta(days=days)
    return a.date.earliest - slack <= b.date.latest and b.date.earliest - slack <= a.date.latest


def build_timeline(results: Iterable[DocumentResult]) -> Timeline:
    """Merge the events of all articles and order them."""
    results = list(results)
    sources = [Source(event, r.article, (ai, event.date.start))
               for ai, r in enumerate(results) for event in r.events]
    sources.sort(key=lambda s: sort_key(_SourceKey(s)))
    groups: list[TimelineEvent] = []
    words: list[list[str]] = []
    for source in sources:
        text = _words(source.event)
        best: tuple[float, int] | None = None
        conflict = False
        for gi, group in enumerate(groups):
            if any(s.article.path == source.article.path for s in group.sources):
                continue
            members = [s.event for s in group.sources]
            score = max(fuzz.token_set_ratio(text, w) for w in words[gi])
            compatible = all(_overlap(source.event, m) for m in members)
            if compatible and score >= SIMILAR:
                pass
            elif score >= CONFLICT_SIMILAR and all(_near(source.event, m) for m in members):
                conflict = True
            else:
                continue
            if best is None or score > best[0]:
                best = (score, gi)
        if best is None:
            groups.append(TimelineEvent(id="", sources=[source]))
            words.append([text])
            continue
        group = groups[best[1]]
        group.sources.append(source)
        words[best[1]].append(text)
        group.conflict = group.conflict or (conflict and not all(
            _overlap(source.event, s.event) for s in group.sources))
        names = ", ".join(sorted({s.article.title[:40] for s in group.sources}))
        group.why_merged = (f"{len(group.sources)} articles ({names}) report a similar "
                            f"description (similarity {best[0]:.0f}/100) with "
                            + ("disagreeing dates" if group.conflict else "compatible dates"))
    ordered = sorted(groups, key=sort_key)
    for number, group in enumerate(ordered, 1):
        group.id = f"e{number}"
        group.sources.sort(key=lambda s: s.order)
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
