"""The event filter shared by the list and the timeline: text, outlet and date range."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.extract import extract
from timeline_app.core.filters import EventFilter, outlet_counts, outlet_of, parse_bound
from timeline_app.core.ingest import read_articles
from timeline_app.core.timeline import Timeline, build_timeline

DATA = Path(__file__).resolve().parents[1] / "data" / "same_story"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return build_timeline([extract(a) for p in sorted(DATA.iterdir()) for a in read_articles(p)])


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("2021", False, date(2021, 1, 1)),
    ("2021", True, date(2021, 12, 31)),
    ("2020-02", True, date(2020, 2, 29)),
    ("2021/02/05", False, date(2021, 2, 5)),
    (" 2021-02-05 ", True, date(2021, 2, 5)),
    ("2021-02-30", False, None),
    ("21", False, None),
    ("May 2021", False, None),
    ("", False, None),
])
def test_parse_bound(text: str, end: bool, expected: date | None) -> None:
    assert parse_bound(text, end=end) == expected


def test_an_empty_filter_accepts_everything(timeline: Timeline) -> None:
    empty = EventFilter()
    assert not empty.active() and empty.describe() == ""
    assert all(empty.matches(e) for e in timeline.events)


def test_outlet_filter_keeps_events_with_a_report_from_that_outlet(timeline: Timeline) -> None:
    counts = dict(outlet_counts(timeline.events))
    assert {"Riverton Post", "Channel 7 Riverton"} <= set(counts)
    only = EventFilter(outlets=frozenset({"Channel 7 Riverton"}))
    kept = [e for e in timeline.events if only.matches(e)]
    assert len(kept) == counts["Channel 7 Riverton"]
    assert all(any(outlet_of(s.article) == "Channel 7 Riverton" for s in e.sources) for e in kept)
    # a merged event reported by several outlets passes for each of them
    merged = max(timeline.events, key=lambda e: len({outlet_of(s.article) for s in e.sources}))
    for outlet in {outlet_of(s.article) for s in merged.sources}:
        assert EventFilter(outlets=frozenset({outlet})).matches(merged)


def test_date_range_keeps_events_whose_interval_meets_it(timeline: Timeline) -> None:
    start, end = date(2023, 5, 12), date(2023, 5, 20)
    ranged = EventFilter(start=start, end=end)
    for event in timeline.events:
        meets = event.latest >= start and event.earliest <= end
        assert ranged.matches(event) == meets
    assert 0 < sum(ranged.matches(e) for e in timeline.events) < len(timeline.events)
    assert ranged.describe() == "2023-05-12 – 2023-05-20"
    assert EventFilter(start=start).describe() == "from 2023-05-12"


def test_filters_combine(timeline: Timeline) -> None:
    text_only = EventFilter(text="  BRIDGE ")
    both = EventFilter(text="bridge", end=date(2023, 5, 11))
    with_text = {e.id for e in timeline.events if text_only.matches(e)}
    with_both = {e.id for e in timeline.events if both.matches(e)}
    assert with_text and with_both < with_text
    assert both.describe() == "“bridge” · until 2023-05-11"


def test_article_facts_name_outlets_references_and_stated_publication_dates(timeline: Timeline) -> None:
    facts = timeline.facts
    assert facts.outlets == {r.article.path: outlet_of(r.article) for r in timeline.results}
    assert facts.references == {r.article.path: r.reference for r in timeline.results}
    stated = [r for r in timeline.results
              if r.reference.date is not None and r.reference.source != "inferred"]
    assert stated and len(facts.coverage) == len(stated)
    assert facts.coverage == sorted(facts.coverage)
    assert facts.coverage_days == [day for day, _, _ in facts.coverage]
    assert facts.coverage_outlets == list(dict.fromkeys(facts.outlets[p] for _, p, _ in facts.coverage))
    for day, path, title in facts.coverage:
        result = next(r for r in stated if r.article.path == path)
        assert (day, title) == (result.reference.date.toordinal() + 0.5, result.article.title)
