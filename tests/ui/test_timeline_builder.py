"""The background timeline builder: merging while a folder loads, delivering on request."""

from __future__ import annotations

from tests.core.test_same_story import _synthetic_results
from timeline_app.core.timeline import build_timeline, grouping_of
from timeline_app.ui.timeline_builder import TimelineBuilder


def test_merging_in_the_background_delivers_nothing_until_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    results = _synthetic_results(seed=4, articles=60, events_each=5)
    builder = TimelineBuilder()
    delivered: list[object] = []
    builder.built.connect(lambda timeline, generation: delivered.append(timeline))
    for count in (20, 40, 60):  # a folder loading: each batch extends the last
        builder.extend(results[:count])
    qtbot.waitUntil(lambda: not builder._running, timeout=10000)
    assert delivered == [] and not builder.busy()
    assert len(builder._merger.results) == 60  # the merge kept pace with the load

    with qtbot.waitSignal(builder.built, timeout=10000):
        builder.request(results, remember=True)
    merged = delivered[-1]
    assert grouping_of(merged) == grouping_of(build_timeline(results))  # type: ignore[arg-type]


def test_a_requested_build_is_not_replaced_by_background_merging(qtbot) -> None:  # type: ignore[no-untyped-def]
    results = _synthetic_results(seed=5, articles=40, events_each=5)
    builder = TimelineBuilder()
    with qtbot.waitSignal(builder.built, timeout=10000) as signal:
        generation = builder.request(results)
        builder.extend(results[:10])  # arrives late: must not take the request's place
    assert signal.args is not None and signal.args[1] == generation
    assert len(signal.args[0].results) == 40
