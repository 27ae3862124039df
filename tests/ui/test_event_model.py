"""The event models: the list's rows, and the filter proxy shared by the list and the view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.extract import extract
from timeline_app.core.filters import EventFilter
from timeline_app.core.ingest import read_articles
from timeline_app.core.timeline import Timeline, build_timeline
from timeline_app.ui.event_model import EVENT_ROLE, EventFilterModel, EventTableModel

DATA = Path(__file__).resolve().parents[1] / "data" / "same_story"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return build_timeline([extract(a) for p in sorted(DATA.iterdir()) for a in read_articles(p)])


def _shown(proxy: EventFilterModel) -> list[str]:
    return [proxy.index(r, 0).data(EVENT_ROLE).id for r in range(proxy.rowCount())]


def test_the_proxy_shows_what_each_filter_accepts_and_everything_after(qapp: object,
                                                                       timeline: Timeline) -> None:
    model = EventTableModel()
    proxy = EventFilterModel()
    proxy.setSourceModel(model)
    model.set_timeline(timeline)
    everything = [e.id for e in timeline.events]
    assert _shown(proxy) == everything and not proxy.is_filtering()
    years = sorted({e.earliest.year for e in timeline.events})
    assert len(years) >= 2
    for year in years:  # one active filter after another: each refilters every row
        chosen = EventFilter(start=date(year, 1, 1), end=date(year, 12, 31))
        proxy.set_filter(chosen)
        assert proxy.is_filtering()
        assert _shown(proxy) == [e.id for e in timeline.events if chosen.matches(e)]
    proxy.set_filter(EventFilter())
    assert _shown(proxy) == everything
    model.set_timeline(timeline)  # a reset with no filter shows every row again
    assert _shown(proxy) == everything


def test_an_event_with_hundreds_of_sources_names_a_few_and_counts_the_rest(timeline: Timeline) -> None:
    from timeline_app.core.timeline import TimelineEvent
    from timeline_app.ui.event_model import TOOLTIP_SOURCES, source_lines

    one = timeline.events[0]
    busy = TimelineEvent(one.id, [one.sources[0]] * 300)
    lines = source_lines(busy).splitlines()
    assert len(lines) == TOOLTIP_SOURCES + 1
    assert lines[-1] == f"… and {300 - TOOLTIP_SOURCES} more"
    assert source_lines(one).splitlines() == [f"• {s.article.title}" for s in one.sources]
    model = EventTableModel()
    model.set_timeline(Timeline(timeline.results, [busy]))
    assert model.index(0, 2).data() == f"{one.sources[0].article.title} (+299)"
