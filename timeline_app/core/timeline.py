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

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import yaml
from rapidfuzz import fuzz

from timeline_app.core.events import Event
from timeline_app.core.extract import DocumentResult
from timeline_app.core.ingest import Article
from timeline_app.core.ordering import sort_key
from timeline_app.resources import merge_synonyms_path

SIMILAR = 62.0  # token-set similarity (0-100) for two reports to be one event
CONFLICT_SIMILAR = 85.0  # reports this alike with disjoint dates are one event in conflict
_STOP = frozenset(
    "the a an of in on at to and or but for with by from as is was were be been has have had "
    "that this it its he she they we i you his her their our said says will would not no "
    "could should may might must can shall also then than there which who what when where while "
    "about after before into over under more most very just some any all been being does did "
    "expected officials official according told".split()
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


@functools.cache
def _synonyms() -> dict[str, str]:
    """Stemmed word -> canonical word, from ``resources/merge/synonyms.yaml``."""
    try:
        data = yaml.safe_load(merge_synonyms_path().read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    table: dict[str, str] = {}
    for canonical, words in data.items():
        for word in [canonical, *(words or [])]:
            table.setdefault(_stem(str(word).lower()), str(canonical))
    return table


def _stem(word: str) -> str:
    """A crude English stem, enough to meet 'closed', 'closes' and 'closing' in one word."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ied", "ies") else stem
    return word


def _terms(text: str) -> set[str]:
    """Content words of a description, stemmed and mapped to their canonical synonym."""
    synonyms = _synonyms()
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or word.isdigit() or len(word) < 3:
            continue
        stem = _stem(word)
        out.add(synonyms.get(stem, synonyms.get(word, stem)))
    return out


def _window(event: Event, words: int = 8) -> str:
    """The words right around the date phrase in its sentence, plus the event title."""
    sentence = event.snippet
    offset = event.date.start - event.start
    if 0 <= offset <= len(sentence):
        before = sentence[:offset].split()[-words:]
        after = sentence[offset + (event.date.end - event.date.start):].split()[:words]
        return " ".join([event.title, *before, *after])
    return event.title


def _similarity(a: set[str], b: set[str]) -> tuple[float, int]:
    """Token-set similarity (0-100) of two term sets, and how many terms they share."""
    shared = len(a & b)
    if not a or not b:
        return 0.0, 0
    return fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))), shared


def _overlap(a: Event, b: Event) -> bool:
    return a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest


def _near(a: Event, b: Event, days: int = 7) -> bool:
    slack = timedelta(days=days)
    return a.date.earliest - slack <= b.date.latest and b.date.earliest - slack <= a.date.latest


def _same_day(a: Event, b: Event) -> bool:
    return a.date.earliest == a.date.latest == b.date.earliest == b.date.latest


def _same_story(a: Article, b: Article) -> bool:
    """Two articles about one story: their titles share most content words."""
    ta, tb = _terms(a.title), _terms(b.title)
    return bool(ta and tb) and len(ta & tb) >= 2


def build_timeline(results: Iterable[DocumentResult]) -> Timeline:
    """Merge the events of all articles and order them (the same for any arrival order)."""
    results = sorted(results, key=lambda r: r.article.path)
    sources = [Source(event, r.article, (ai, event.date.start))
               for ai, r in enumerate(results) for event in r.events]
    sources.sort(key=lambda s: sort_key(_SourceKey(s)))
    groups: list[TimelineEvent] = []
    terms: list[list[set[str]]] = []
    active: list[int] = []  # groups whose dates can still meet the next report's
    for source in sources:
        event = source.event
        own = _terms(_window(event))
        horizon = event.date.earliest - timedelta(days=7)
        active = [gi for gi in active if max(s.event.date.latest for s in groups[gi].sources) >= horizon]
        best: tuple[float, int] | None = None
        conflict = False
        for gi in active:
            group = groups[gi]
            if any(s.article.path == source.article.path for s in group.sources):
                continue
            members = [s.event for s in group.sources]
            score, shared = max(_similarity(own, t) for t in terms[gi])
            compatible = all(_overlap(event, m) for m in members)
            if compatible and score >= SIMILAR and shared >= 2:
                pass
            elif (compatible and shared >= 1 and all(_same_day(event, m) for m in members)
                  and any(_same_story(source.article, s.article) for s in group.sources)):
                score = max(score, SIMILAR)  # same day, same story, a shared key word
            elif score >= CONFLICT_SIMILAR and shared >= 3 and all(_near(event, m) for m in members):
                conflict = True
            else:
                continue
            if best is None or score > best[0]:
                best = (score, gi)
        if best is None:
            groups.append(TimelineEvent(id="", sources=[source]))
            terms.append([own])
            active.append(len(groups) - 1)
            continue
        group = groups[best[1]]
        group.sources.append(source)
        terms[best[1]].append(own)
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
