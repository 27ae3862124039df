"""Several articles tell one story in different words: each happening becomes one event."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.ingest import read_articles
from timeline_app.core.timeline import Timeline, TimelineEvent, build_timeline

FOLDER = Path(__file__).resolve().parents[1] / "data" / "same_story"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    results = [extract(a) for f in sorted(FOLDER.iterdir()) for a in read_articles(f)]
    return build_timeline(results)


def _event_with(timeline: Timeline, file_prefix: str, date_text: str) -> TimelineEvent:
    for event in timeline.events:
        for s in event.sources:
            if Path(s.article.path).name.startswith(file_prefix) and s.event.date.text == date_text:
                return event
    raise AssertionError(f"no event from {file_prefix} dated {date_text!r}")


def _files(event: TimelineEvent) -> set[str]:
    return {Path(s.article.path).name[:10] + Path(s.article.path).name[11:18] for s in event.sources}


def test_the_closure_is_one_event_told_four_ways(timeline: Timeline) -> None:
    closure = _event_with(timeline, "2023-05-10-harbor", "Tuesday")
    texts = sorted(s.event.date.text for s in closure.sources)
    assert texts == ["May 9", "May 9", "May 9", "Tuesday"]
    assert len({s.article.path for s in closure.sources}) == 4
    assert closure.earliest == closure.latest == date(2023, 5, 9)
    assert not closure.conflict
    assert closure.why_merged and "4 articles" in closure.why_merged


def test_a_fire_the_same_day_stays_a_separate_event(timeline: Timeline) -> None:
    fire = _event_with(timeline, "2023-05-10-warehouse", "Tuesday")
    closure = _event_with(timeline, "2023-05-10-harbor", "Tuesday")
    assert fire is not closure
    assert len(fire.sources) == 1


def test_next_monday_and_may_15_are_the_same_vote(timeline: Timeline) -> None:
    vote = _event_with(timeline, "2023-05-10-harbor", "next Monday")
    texts = sorted(s.event.date.text for s in vote.sources)
    assert texts == ["May 15", "May 15", "Monday", "next Monday"]
    assert vote.earliest == date(2023, 5, 15)
    buses = _event_with(timeline, "2023-05-12-commuters", "Monday")
    assert buses is not vote  # extra buses from Monday: another happening on the same day


def test_planned_start_and_reported_start_merge(timeline: Timeline) -> None:
    start = _event_with(timeline, "2023-05-16-council", "May 22")
    assert sorted(s.event.date.text for s in start.sources) == ["May 22", "Monday"]


def test_reopening_in_late_june_and_by_the_end_of_june_merge(timeline: Timeline) -> None:
    reopen = _event_with(timeline, "2023-05-16-council", "late June")
    assert sorted(s.event.date.text for s in reopen.sources) == ["late June", "the end of June"]


def test_no_source_is_lost_and_order_is_by_date(timeline: Timeline) -> None:
    total = sum(len(r.events) for r in timeline.results)
    assert sum(len(e.sources) for e in timeline.events) == total
    starts = [e.earliest for e in timeline.events]
    assert starts == sorted(starts)


def test_a_rate_is_not_a_date(timeline: Timeline) -> None:
    texts = {s.event.date.text for e in timeline.events for s in e.sources}
    assert "a day before" not in texts  # "40,000 vehicles a day before it was closed"


def test_a_stored_grouping_rebuilds_the_same_timeline(timeline: Timeline, tmp_path: Path) -> None:
    from timeline_app.core.cache import ExtractionCache
    from timeline_app.core.timeline import grouping_of, timeline_from_grouping, timeline_key

    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    key = timeline_key(timeline.results)
    cache.put_grouping(key, grouping_of(timeline))
    again = timeline_from_grouping(list(reversed(timeline.results)), cache.get_grouping(key))
    assert [e.as_json() for e in again.events] == [e.as_json() for e in timeline.events]
    assert [(e.primary.order, e.conflict, e.similarity) for e in again.events] == [
        (e.primary.order, e.conflict, e.similarity) for e in timeline.events]
    assert any(e.why_merged for e in again.events)
    assert timeline_key(list(reversed(timeline.results))) == key
    from timeline_app.core.timeline import BuildCancelled

    polls: list[int] = []
    timeline_from_grouping(timeline.results, grouping_of(timeline), lambda: bool(polls.append(1)))
    assert polls  # a long rebuild can be paused and cancelled
    with pytest.raises(BuildCancelled):
        timeline_from_grouping(timeline.results, grouping_of(timeline), lambda: True)
    damaged = grouping_of(timeline)._replace(conflicts=b"")
    with pytest.raises(ValueError, match="damaged"):
        timeline_from_grouping(timeline.results, damaged)
    changed = [extract(a, reference=date(2023, 1, 1)) for a in read_articles(FOLDER / sorted(
        p.name for p in FOLDER.iterdir())[0])]
    assert timeline_key(changed + timeline.results[1:]) != key


def _synthetic_results(seed: int, articles: int, events_each: int) -> list[DocumentResult]:
    import random

    from timeline_app.core.events import Event, EventDate
    from timeline_app.core.extract import Reference
    from timeline_app.core.ingest import Article

    rng = random.Random(seed)
    words = "bridge closed council vote repairs begin fire warehouse storm budget court rules".split()
    results = []
    for a in range(articles):
        article = Article(f"/x/{a:03d}.txt", "text", f"Story {rng.choice(words)} {rng.choice(words)}",
                          date(2023, 5, 20), "header", None, None, 0)
        events = []
        for _ in range(events_each):
            first = date(2023, 5, 1) + timedelta(days=rng.randint(0, 20))
            last = first + timedelta(days=rng.choice([0, 0, 0, 6, 30, 364]))
            title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
            when = EventDate("d", 0, 1, first.isoformat(), first, last, "day", False)
            events.append(Event(title, title, 0, 1, when, article.path))
        results.append(DocumentResult(article, Reference(date(2023, 5, 20), "header"), [], events))
    return results


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merging_loses_no_report_and_ignores_arrival_order(seed: int) -> None:
    import random

    results = _synthetic_results(seed, 30, 6)
    first = build_timeline(results)
    assert sum(len(e.sources) for e in first.events) == 30 * 6
    for event in first.events:  # never two reports of one article in one event
        assert len({s.article.path for s in event.sources}) == len(event.sources)
    shuffled = list(results)
    random.Random(seed).shuffle(shuffled)
    again = build_timeline(shuffled)
    assert [e.as_json() for e in again.events] == [e.as_json() for e in first.events]


@pytest.mark.parametrize("seed", [4, 5])
def test_a_merger_fed_article_by_article_gives_the_whole_merge(seed: int) -> None:
    from timeline_app.core.timeline import Merger, canonical_order

    results = sorted(_synthetic_results(seed, 40, 5), key=canonical_order)
    merger = Merger()
    previews = []
    for count, result in enumerate(results, 1):
        merger.add(result)
        if count % 10 == 0:
            previews.append(merger.timeline())  # a preview while loading goes on
    whole = build_timeline(results)
    assert [e.as_json() for e in merger.timeline().events] == [e.as_json() for e in whole.events]
    # previews are snapshots: merging on does not change what a view already shows
    assert sum(len(e.sources) for e in previews[0].events) == 10 * 5


def test_articles_of_one_file_merge_in_file_order() -> None:
    from timeline_app.core.timeline import canonical_order

    results = _synthetic_results(6, 12, 1)
    for i, result in enumerate(results):  # one JSON file of twelve articles
        article = result.article
        object.__setattr__(article, "path", f"/x/list.json#{i}")
        object.__setattr__(article, "index", i)
    keys = [canonical_order(r) for r in results]
    assert keys == sorted(keys) and keys[10] == ("/x/list.json", 10)



@pytest.mark.parametrize("reverse", [False, True])
def test_the_merged_timeline_is_in_timeline_order_with_sources_in_reporting_order(reverse: bool) -> None:
    """Merger.timeline() keeps each group's primary report and order as it merges; with an
    article's events out of reporting order, it sorts them as a plain sort would."""
    import dataclasses

    from timeline_app.core.ordering import sort_key
    from timeline_app.core.timeline import Merger, TimelineEvent, canonical_order

    results = sorted(_synthetic_results(7, 30, 6), key=canonical_order)
    if reverse:
        results = [dataclasses.replace(r, events=list(reversed(r.events))) for r in results]
    merger = Merger()
    merger.add_all(results)
    got = merger.timeline().events
    expected = sorted((TimelineEvent("", sorted(e.sources, key=lambda s: s.order), e.conflict)
                       for e in got), key=sort_key)
    assert [[s.order for s in e.sources] for e in got] == [[s.order for s in e.sources] for e in expected]
    assert [e.primary for e in got] == [e.primary for e in expected]
    assert [e.id for e in got] == [f"e{i}" for i in range(1, len(got) + 1)]


def test_an_article_repeating_a_fact_reports_it_once() -> None:
    from timeline_app.core.ingest import Article

    boiler = "The 54-year-old official has led the department since 2015."
    texts = [f"{boiler} The council approved the budget on March 3, 2021. {boiler} {boiler}",
             f"{boiler} Officials said the budget passed on March 3, 2021. {boiler}"]
    results = [extract(Article(path=f"/x/{i}.txt", title=f"Budget {i}", text=text,
                               published=date(2021, 3, 5), published_source="header"))
               for i, text in enumerate(texts)]
    assert sum(e.date.value == "2015" for e in results[0].events) == 3
    timeline = build_timeline(results)
    boilerplate = [e for e in timeline.events if e.primary.event.date.value == "2015"]
    assert len(boilerplate) == 1  # not one event per mention
    assert sorted(s.article.path for s in boilerplate[0].sources) == ["/x/0.txt", "/x/1.txt"]


def test_opposite_happenings_stay_apart_however_alike_they_read() -> None:
    from timeline_app.core.ingest import Article

    texts = [("a", "Trains between Paris and Brittany were suspended on Sunday, Dec. 28, 2025."),
             ("b", "SNCF halted trains between Paris and Brittany on Sunday, Dec. 28, 2025."),
             ("c", "Trains between Paris and Brittany resumed on Tuesday, Dec. 30, 2025.")]
    results = [extract(Article(path=f"/x/{name}.txt", title=name, text=text,
                               published=date(2025, 12, 30), published_source="header"))
               for name, text in texts]
    groups = sorted(sorted(s.article.path for s in e.sources) for e in build_timeline(results).events)
    assert groups == [["/x/a.txt", "/x/b.txt"], ["/x/c.txt"]]  # not one event in conflict


def test_inflections_of_a_word_ending_in_e_meet_in_one_term() -> None:
    from timeline_app.core.similarity import terms

    assert terms("Talks resumed") == terms("talks resume") == terms("Talks resuming")


def test_three_outlets_telling_one_election_give_one_event() -> None:
    from timeline_app.core.ingest import Article

    texts = [("a", date(2025, 11, 5), "Ana Martinez won the mayoral election on Tuesday with 54% "
                                      "of the vote, defeating incumbent Tom Reyes."),
             ("b", date(2025, 11, 6), "Mayor Tom Reyes conceded on Wednesday, a day after losing "
                                      "the Nov. 4 election to Ana Martinez."),
             ("c", date(2025, 11, 10), "Mayor-elect Ana Martinez, who won last Tuesday's election, "
                                       "named her transition team on Monday.")]
    results = [extract(Article(path=f"/x/{name}.txt", title=name, text=text, published=day,
                               published_source="header")) for name, day, text in texts]
    [election] = [e for e in build_timeline(results).events
                  if e.primary.event.date.value == "2025-11-04"]
    assert sorted(s.article.path for s in election.sources) == ["/x/a.txt", "/x/b.txt", "/x/c.txt"]
